"""Allocating N seats among units: Hamilton, D'Hondt, Sainte-Laguë, Huntington-Hill.

``apportion(weights, seats, method, min_per_unit, max_per_unit, threshold)`` with exact
arithmetic: weights become integers (Fractions scaled by the common denominator), every
comparison that decides a seat is made on integers; floating point is used only to find where
to look (a divisor close to the final one), never to decide.

Bounds (the same meaning for every method):
* ``threshold``: a unit whose weight is below this share of the total weight gets 0 seats and
  no minimum (it is listed in ``excluded``).
* ``min_per_unit``: every other unit gets at least this many seats;
* ``max_per_unit``: a cap per unit (a number for all, or {unit: cap}).

Divisor methods (D'Hondt = Jefferson, Sainte-Laguë = Webster, Huntington-Hill) are run as the
bounded highest-averages procedure: every unit starts at its minimum, then each seat goes to the
unit with the highest priority w / d(s) among those under their cap, where s is the unit's seats
so far and d(s) = s + 1 (D'Hondt), s + 1/2 (Sainte-Laguë), sqrt(s (s + 1)) (Huntington-Hill;
d(0) = 0, so every unit with weight gets a first seat before anyone a second; when there are
fewer seats than such units, the heaviest get them). Hamilton (largest remainder) computes each
unit's exact quota, clamped to its bounds with the free units sharing the rest in proportion,
gives each the whole part, and the remaining seats to the largest remainders.

Tie rule (reported, deterministic): when units have exactly equal claims on the last seat(s),
the seat goes to the larger weight, then to the unit whose code sorts first. Every such tie is
listed in ``ties`` so the upper unit may decide otherwise (e.g. by lot) and say so.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from thidua.selection.errors import SelectionError
from thidua.selection.exact import to_fraction

Method = Literal["hamilton", "dhondt", "sainte-lague", "huntington-hill"]
METHODS: tuple[Method, ...] = ("hamilton", "dhondt", "sainte-lague", "huntington-hill")
METHOD_NAMES = {
    "hamilton": "phương pháp số dư lớn nhất (Hamilton)",
    "dhondt": "phương pháp D'Hondt (Jefferson)",
    "sainte-lague": "phương pháp Sainte-Laguë (Webster)",
    "huntington-hill": "phương pháp Huntington-Hill",
}
DEFAULT_METHOD: Method = "sainte-lague"  # why: docs/apportionment.md
TIE_RULE = (
    "Khi các đơn vị có quyền ưu tiên bằng nhau đối với ghế cuối cùng, ghế thuộc về đơn vị có "
    "trọng số lớn hơn; nếu vẫn bằng nhau, thuộc về đơn vị có mã đứng trước theo thứ tự chữ cái."
)
MAX_WEIGHT_DENOMINATOR = 10**6
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Tie:
    """Units with exactly equal claims on the last ``seats`` seat(s); ``winners`` got them."""

    units: tuple[str, ...]
    winners: tuple[str, ...]
    seats: int

    def as_dict(self) -> dict[str, Any]:
        return {"units": list(self.units), "winners": list(self.winners), "seats": self.seats}


@dataclass(frozen=True)
class Apportionment:
    method: Method
    seats: dict[str, int]
    ties: tuple[Tie, ...] = ()
    excluded: tuple[str, ...] = ()
    weights: dict[str, int] = field(default_factory=dict)  # as integers (common scale)
    tie_rule: str = TIE_RULE

    def quota(self, unit: str) -> Fraction:
        """The unit's exact standard quota: its share of the total weight times the seats."""
        total = sum(self.weights.values())
        return Fraction(self.weights[unit] * sum(self.seats.values()), total)

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "seats": self.seats,
            "ties": [tie.as_dict() for tie in self.ties],
            "excluded": list(self.excluded),
            "tie_rule": self.tie_rule,
        }


def apportion(
    weights: Mapping[str, object],
    seats: int,
    method: Method = DEFAULT_METHOD,
    min_per_unit: int = 0,
    max_per_unit: int | Mapping[str, int] | None = None,
    threshold: object = None,
) -> Apportionment:
    """Allocate ``seats`` among the units of ``weights`` (see the module doc). Raises
    SelectionError with a Vietnamese message when the bounds make it impossible."""
    if method not in METHODS:
        raise SelectionError("invalid_method", f"Phương pháp phân bổ không hợp lệ: {method}.")
    require_count(seats, "Số ghế")
    require_count(min_per_unit, "Số ghế tối thiểu mỗi đơn vị")
    units = sorted(weights)
    if not units:
        raise SelectionError("no_units", "Cần ít nhất một đơn vị để phân bổ.")
    ints = _integer_weights([weights[u] for u in units])
    total_weight = sum(ints)
    if total_weight == 0:
        raise SelectionError("zero_weights", "Tổng trọng số bằng 0: không thể phân bổ.")
    excluded = _below_threshold(units, ints, total_weight, threshold)
    low = [0 if u in excluded else min_per_unit for u in units]
    high = [0 if u in excluded else _cap(max_per_unit, u, seats) for u in units]
    if sum(low) > seats:
        raise SelectionError(
            "minimum_exceeds_seats",
            f"Tổng số ghế tối thiểu ({sum(low)}) vượt số ghế được phân bổ ({seats}).",
        )
    for unit, lo, hi in zip(units, low, high, strict=True):
        if lo > hi:
            raise SelectionError(
                "cap_below_minimum", f"Giới hạn tối đa của {unit} nhỏ hơn số ghế tối thiểu."
            )
    if sum(high) < seats:
        raise SelectionError(
            "caps_below_seats",
            f"Tổng giới hạn tối đa ({sum(high)}) nhỏ hơn số ghế được phân bổ ({seats}).",
        )
    weight = [0 if u in excluded else w for u, w in zip(units, ints, strict=True)]
    if sum(weight) == 0 and seats > sum(low):
        raise SelectionError("zero_weights", "Các đơn vị còn lại đều có trọng số 0.")
    # A unit of weight 0 earns no seat by any method: it holds its minimum only. The others must
    # be able to take the rest within their caps.
    reachable = sum(hi if w > 0 else lo for w, lo, hi in zip(weight, low, high, strict=True))
    if reachable < seats:
        raise SelectionError(
            "caps_below_seats",
            f"Các đơn vị có trọng số dương chỉ nhận được tối đa {reachable} ghế "
            f"(theo giới hạn tối đa), ít hơn {seats} ghế cần phân bổ.",
        )
    if method == "hamilton":
        allocation, ties = _hamilton(units, weight, seats, low, high)
    else:
        allocation, ties = _divisor(method, units, weight, seats, low, high)
    return Apportionment(
        method=method,
        seats=dict(zip(units, allocation, strict=True)),
        ties=tuple(ties),
        excluded=tuple(sorted(excluded)),
        weights=dict(zip(units, ints, strict=True)),
    )


def require_count(value: object, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SelectionError("invalid_integer", f"{what} phải là số nguyên không âm.")


def _integer_weights(values: Sequence[object]) -> list[int]:
    """Weights scaled to integers by their common denominator (exact)."""
    if all(type(v) is int for v in values):  # the usual case (staff counts): no conversion
        ints = [v for v in values if isinstance(v, int)]
        if min(ints, default=0) < 0:
            raise SelectionError("negative_weight", "Trọng số không được âm.")
        return ints
    fractions = [to_fraction(v, "Trọng số") for v in values]
    if any(f < 0 for f in fractions):
        raise SelectionError("negative_weight", "Trọng số không được âm.")
    denominator = 1
    for f in fractions:
        if f.denominator != 1:
            denominator = math.lcm(denominator, f.denominator)
            if denominator > MAX_WEIGHT_DENOMINATOR:
                raise SelectionError(
                    "weight_precision", "Trọng số có quá nhiều chữ số thập phân (tối đa 6)."
                )
    return [f.numerator * (denominator // f.denominator) for f in fractions]


def _below_threshold(
    units: Sequence[str], ints: Sequence[int], total: int, threshold: object
) -> set[str]:
    if threshold is None:
        return set()
    share = to_fraction(threshold, "Ngưỡng (threshold)")
    if share < 0 or share > 1:
        raise SelectionError("invalid_threshold", "Ngưỡng phải là tỷ lệ trong khoảng 0–1.")
    return {u for u, w in zip(units, ints, strict=True) if Fraction(w, total) < share}


def _cap(max_per_unit: int | Mapping[str, int] | None, unit: str, seats: int) -> int:
    if max_per_unit is None:
        return seats
    cap = max_per_unit.get(unit) if isinstance(max_per_unit, Mapping) else max_per_unit
    if cap is None:
        return seats
    require_count(cap, f"Giới hạn tối đa của {unit}")
    return min(cap, seats)


def _tie_order(units: Sequence[str], weight: Sequence[int]) -> Callable[[int], tuple[int, str]]:
    """Sort key of the tie rule: larger weight first, then the unit code."""
    return lambda i: (-weight[i], units[i])


# --- Hamilton ------------------------------------------------------------------------------------


def _hamilton(
    units: Sequence[str], weight: Sequence[int], seats: int, low: Sequence[int], high: Sequence[int]
) -> tuple[list[int], list[Tie]]:
    numerator, denominator = _water_level(weight, seats, low, high)
    # quota_i = clamp(w_i * t, low_i, high_i) with t = numerator / denominator, kept in integers:
    # quota_i * denominator = w_i * numerator; whole part and remainder by integer division.
    base, remainder = _whole_and_remainder(weight, low, high, numerator, denominator)
    left = seats - sum(base)
    if left == 0:
        return base, []
    order = _tie_order(units, weight)
    # Floats sort out the clear cases; exact integers decide near the cut.
    approx = np.array(remainder, dtype=np.float64) / float(denominator)
    kth = float(np.partition(approx, len(approx) - left)[len(approx) - left])
    sure = np.flatnonzero(approx > kth * (1 + 1e-9)).tolist()
    near = np.flatnonzero((approx >= kth * (1 - 1e-9)) & (approx <= kth * (1 + 1e-9))).tolist()
    near.sort(key=lambda i: (-remainder[i], *order(i)))
    winners = near[: left - len(sure)]
    for i in sure + winners:
        base[i] += 1
    cut = remainder[winners[-1]] if winners else None
    tied = [i for i in near if remainder[i] == cut and cut]
    ties = (
        [_tie(units, tied, [i for i in tied if i in winners])]
        if len(tied) > len([i for i in tied if i in winners])
        else []
    )
    return base, ties


def _whole_and_remainder(
    weight: Sequence[int], low: Sequence[int], high: Sequence[int], numerator: int, denominator: int
) -> tuple[list[int], list[int]]:
    small = numerator < 2**62 and denominator < 2**62
    if small and max(weight) * max(numerator, 1) < 2**62 and max(high) * denominator < 2**62:
        scaled = np.array(weight, dtype=np.int64) * numerator
        lo = np.array(low, dtype=np.int64) * denominator
        hi = np.array(high, dtype=np.int64) * denominator
        clamped = np.clip(scaled, lo, hi)
        wholes, rests = np.divmod(clamped, denominator)
        return wholes.tolist(), rests.tolist()
    base: list[int] = []
    remainder: list[int] = []
    for w, lo_, hi_ in zip(weight, low, high, strict=True):
        whole, rest = divmod(min(max(w * numerator, lo_ * denominator), hi_ * denominator),
                             denominator)  # fmt: skip
        base.append(whole)
        remainder.append(rest)
    return base, remainder


def _water_level(
    weight: Sequence[int], seats: int, low: Sequence[int], high: Sequence[int]
) -> tuple[int, int]:
    """The exact t = numerator / denominator with sum(clamp(w t, low, high)) == seats.

    Floats locate the segment between breakpoints; the final t is computed from the clamped
    and free sets exactly, and checked."""
    w = np.array(weight, dtype=np.float64)
    lo = np.array(low, dtype=np.float64)
    hi = np.array(high, dtype=np.float64)

    def filled(t: float) -> float:
        return float(np.clip(w * t, lo, hi).sum())

    top = 1.0
    while filled(top) < seats:
        top *= 2
    bottom = 0.0
    for _ in range(200):
        middle = (bottom + top) / 2
        if middle in (bottom, top):
            break
        if filled(middle) < seats:
            bottom = middle
        else:
            top = middle
    # Classify at a point of the segment and solve exactly; try both ends of the float bracket.
    for t in (top, bottom, (top + bottom) / 2):
        free = (w * t > lo) & (w * t < hi)
        at_low = ~free & (w * t <= lo)
        fixed = int(sum(int(x) for x in np.array(low)[at_low])) + int(
            sum(int(x) for x in np.array(high)[~free & ~at_low])
        )
        free_weight = sum(weight[i] for i in np.flatnonzero(free).tolist())
        if free_weight == 0:
            # Every unit sits at a bound: t itself is a solution; a simpler nearby fraction
            # usually is too (checked below), which keeps the integers small.
            exact = Fraction(t).limit_denominator(10**6)
            if _exact_fill(weight, low, high, exact.numerator, exact.denominator) != seats:
                exact = Fraction(t)
            numerator, denominator = exact.numerator, exact.denominator
        else:
            numerator, denominator = seats - fixed, free_weight
        if _exact_fill(weight, low, high, numerator, denominator) == seats:
            return numerator, denominator
    raise SelectionError(
        "apportion_failed", "Không tìm được mức chia chính xác."
    )  # pragma: no cover


def _exact_fill(
    weight: Sequence[int], low: Sequence[int], high: Sequence[int], numerator: int, denominator: int
) -> Fraction:
    """sum(clamp(w * numerator / denominator, low, high)), in integers."""
    total = sum(
        min(max(w * numerator, lo * denominator), hi * denominator)
        for w, lo, hi in zip(weight, low, high, strict=True)
    )
    return Fraction(total, denominator)


def _tie(units: Sequence[str], tied: Sequence[int], winners: Sequence[int]) -> Tie:
    return Tie(
        units=tuple(units[i] for i in tied),
        winners=tuple(units[i] for i in winners),
        seats=len(winners),
    )


# --- Divisor methods -----------------------------------------------------------------------------


def _float_seats(method: str, w: FloatArray, divisor: float) -> npt.NDArray[np.int64]:
    """Seats each unit would get at ``divisor`` (unbounded), in floats: only a first guess."""
    q = np.minimum(w / divisor, 1e15)  # a tiny divisor while searching: stay castable
    if method == "dhondt":
        s = np.floor(q)
    elif method == "sainte-lague":
        s = np.floor(q + 0.5)
    else:
        f = np.floor(q)
        s = f + (f * (f + 1) <= q * q)
        s = np.where(w > 0, s, 0)
    return s.astype(np.int64)


def _priority(method: str, w: int, s: int) -> tuple[int, Fraction]:
    """Exact claim of a unit of weight ``w`` holding ``s`` seats on its next seat (larger wins).
    Huntington-Hill compares squares (w^2 / (s (s + 1))) to stay in integers; a first seat
    there has infinite priority, ordered by weight."""
    if w == 0:
        return (0, Fraction(0))
    if method == "dhondt":
        return (0, Fraction(w, s + 1))
    if method == "sainte-lague":
        return (0, Fraction(2 * w, 2 * s + 1))
    if s == 0:
        return (1, Fraction(w))
    return (0, Fraction(w * w, s * (s + 1)))


def _divisor(
    method: str,
    units: Sequence[str],
    weight: Sequence[int],
    seats: int,
    low: Sequence[int],
    high: Sequence[int],
) -> tuple[list[int], list[Tie]]:
    lo = np.array(low, dtype=np.int64)
    hi = np.array(high, dtype=np.int64)
    w = np.array(weight, dtype=np.float64)
    # 1. A float divisor whose bounded allocation is just under ``seats``; then step back a
    #    relative 1e-6 so that no unit sits on a rounding boundary: every unit then has at most
    #    its exact final number of seats.
    base = _under_allocation(method, w, seats, lo, hi)
    # 2. Exact highest-averages for the remaining seats, among the units that can claim them.
    left = seats - int(base.sum())
    alloc = base.tolist()
    if left == 0:
        return alloc, []
    order = _tie_order(units, weight)
    heap: list[tuple[tuple[int, Fraction], tuple[int, str], int]] = []
    for i in _contenders(method, w, alloc, hi, left):
        key = _priority(method, weight[i], alloc[i])
        heap.append(((-key[0], -key[1]), order(i), i))
    heapq.heapify(heap)
    awarded: list[tuple[tuple[int, Fraction], int]] = []
    while left > 0:
        key, _, i = heapq.heappop(heap)
        alloc[i] += 1
        left -= 1
        awarded.append((key, i))
        if alloc[i] < high[i]:
            nxt = _priority(method, weight[i], alloc[i])
            heapq.heappush(heap, ((-nxt[0], -nxt[1]), order(i), i))
    last = awarded[-1][0]
    winners = [i for key, i in awarded if key == last]
    losers = [i for key, _, i in heap if key == last]
    ties = [_tie(units, sorted(winners + losers, key=order), winners)] if losers else []
    return alloc, ties


def _under_allocation(
    method: str, w: FloatArray, seats: int, lo: npt.NDArray[np.int64], hi: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    def bounded(divisor: float) -> npt.NDArray[np.int64]:
        return np.clip(_float_seats(method, w, divisor), lo, hi)

    if bounded(math.inf).sum() > seats:
        # Huntington-Hill with fewer seats than units having weight: the minimums only; the
        # first seats then go by weight in the exact phase.
        return lo.copy()
    total = float(w.sum())
    top = total / max(seats, 1) * 4 + 1.0
    while bounded(top).sum() > seats:
        top *= 2
    bottom = top
    while bounded(bottom).sum() < seats and bottom > 1e-300:
        bottom /= 2
    for _ in range(200):
        middle = (bottom + top) / 2
        if middle in (bottom, top):
            break
        if bounded(middle).sum() > seats:
            bottom = middle
        else:
            top = middle
    return bounded(top * (1 + 1e-6) + 1e-300)


def _contenders(
    method: str, w: FloatArray, alloc: Sequence[int], hi: npt.NDArray[np.int64], left: int
) -> list[int]:
    """Units that may win one of the ``left`` remaining seats: every unit whose next-seat claim
    is within a float margin of the ``left``-th largest next-seat claim (a unit winning a second
    seat must already be among them, see docs/apportionment.md)."""
    s = np.array(alloc, dtype=np.float64)
    if method == "dhondt":
        claim = w / (s + 1)
    elif method == "sainte-lague":
        claim = w / (s + 0.5)
    else:
        with np.errstate(divide="ignore", invalid="ignore"):  # s == 0 is handled by the where
            claim = np.where(s == 0, np.inf, w / np.sqrt(s * (s + 1)))
        claim = np.where(w > 0, claim, 0.0)
    open_ = np.array(alloc) < hi
    claim = np.where(open_, claim, -1.0)
    k = min(left, len(claim)) - 1
    kth = np.partition(claim, len(claim) - 1 - k)[len(claim) - 1 - k]
    if np.isinf(kth):
        return np.flatnonzero(claim >= kth).tolist() if kth > 0 else np.flatnonzero(open_).tolist()
    margin = kth * (1 - 1e-9) if kth > 0 else -0.5
    return np.flatnonzero(claim >= margin).tolist()
