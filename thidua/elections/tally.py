"""Counting a vote: quorum, threshold, show of hands, paper ballots, ties at the last seat.

Pure (no Django). The poll app stores the votes and calls these functions; every result carries
the Vietnamese text of the rule it applied, so the minutes (biên bản kiểm phiếu) can quote it.

Defaults (the campaign may change them, ``TallySettings``): the vote is valid when **more than
half of the entitled delegates are present**; a candidate (or the whole list) is elected when
**more than half of the valid votes** are for them. Exactly half is not more than half. When
more candidates pass than there are seats, the most votes win; equal votes across the last seat
go to a run-off between the tied candidates (``status == "runoff"``).

Show of hands: the chair's yes / no / abstain counts; the valid votes are the hands counted.
Paper ballots: per ballot box, the number of ballots cast, the invalid ones (counted apart,
never in the threshold's base), and the approvals per candidate; the counting board enters every
box twice and the two entries must match exactly (``DoubleEntryMismatchError`` otherwise).
Double voting (one delegate, two ballots) is refused by the poll app, not here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import partial
from typing import Any, Literal

from thidua.selection.exact import ceil_fraction, floor_fraction, format_percent, to_fraction

Base = Literal["valid", "present", "entitled"]
WHOLE_LIST = "__list__"  # the candidate key of a whole-list vote


class TallyError(ValueError):
    """Counts that cannot be tallied (inconsistent or mismatching entries)."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details


class DoubleEntryMismatchError(TallyError):
    pass


@dataclass(frozen=True)
class TallySettings:
    quorum: Fraction = Fraction(1, 2)
    quorum_strict: bool = True  # True: more than ``quorum``; False: at least
    threshold: Fraction = Fraction(1, 2)
    threshold_strict: bool = True
    threshold_base: Base = "valid"

    @classmethod
    def from_values(cls, **values: Any) -> TallySettings:
        """Settings from stored values (shares as numbers or "50%")."""
        data = dict(values)
        for key in ("quorum", "threshold"):
            if key in data:
                data[key] = to_fraction(data[key], key)
                if not 0 <= data[key] <= 1:
                    raise TallyError("invalid_share", f"{key} phải trong khoảng 0–1.")
        if data.get("threshold_base", "valid") not in ("valid", "present", "entitled"):
            raise TallyError("invalid_base", "Cơ sở tính tỷ lệ không hợp lệ.")
        return cls(**data)

    def needed(self, share: Fraction, strict: bool, base: int) -> int:
        """The smallest whole number that is more than (strict) or at least share * base."""
        return floor_fraction(share * base) + 1 if strict else ceil_fraction(share * base)

    def quorum_text(self, entitled: int, present: int) -> str:
        need = self.needed(self.quorum, self.quorum_strict, entitled)
        phrase = _phrase(self.quorum, self.quorum_strict)
        return (
            f"Cuộc biểu quyết hợp lệ khi số đại biểu có mặt {phrase}"
            f" tổng số đại biểu được triệu tập (cần ít nhất {need}/{entitled}; có mặt {present})."
        )

    def threshold_text(self, base: int) -> str:
        what = {
            "valid": "số phiếu hợp lệ",
            "present": "số đại biểu có mặt",
            "entitled": "tổng số đại biểu được triệu tập",
        }[self.threshold_base]
        need = self.needed(self.threshold, self.threshold_strict, base)
        return (
            f"Trúng cử (được thông qua) khi số phiếu tán thành "
            f"{_phrase(self.threshold, self.threshold_strict)} {what} "
            f"(cần ít nhất {need}/{base} phiếu)."
        )


def _phrase(share: Fraction, strict: bool) -> str:
    if share == Fraction(1, 2):
        return "quá một nửa" if strict else "từ một nửa trở lên"
    if share == Fraction(2, 3):
        return "quá hai phần ba" if strict else "từ hai phần ba trở lên"
    return f"trên {format_percent(share)}" if strict else f"từ {format_percent(share)} trở lên"


RUNOFF_TEXT = (
    "Nếu nhiều người bằng số phiếu nhau ở vị trí cuối cùng còn ghế, hội nghị bầu lại giữa "
    "những người này cho số ghế còn lại."
)


@dataclass(frozen=True)
class HandCount:
    yes: int
    no: int = 0
    abstain: int = 0

    @property
    def counted(self) -> int:
        return self.yes + self.no + self.abstain


@dataclass(frozen=True)
class BoxTally:
    """One ballot box as entered by the counting board."""

    box: str
    cast: int  # ballots found in the box
    invalid: int  # counted apart
    approvals: Mapping[str, int]  # per candidate: valid ballots approving them

    @property
    def valid(self) -> int:
        return self.cast - self.invalid


@dataclass(frozen=True)
class TallyResult:
    status: Literal["elected", "runoff", "no_quorum", "approved", "rejected"]
    quorum_met: bool
    entitled: int
    present: int
    counted: int  # hands counted / ballots cast
    valid: int
    invalid: int
    votes: dict[str, int]
    needed: dict[str, int]  # per candidate: votes needed to pass the threshold
    elected: tuple[str, ...] = ()
    runoff: tuple[str, ...] = ()
    runoff_seats: int = 0
    not_elected: tuple[str, ...] = ()
    rule_text: str = ""
    lines: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "quorum_met": self.quorum_met,
            "entitled": self.entitled,
            "present": self.present,
            "counted": self.counted,
            "valid": self.valid,
            "invalid": self.invalid,
            "votes": self.votes,
            "needed": self.needed,
            "elected": list(self.elected),
            "runoff": list(self.runoff),
            "runoff_seats": self.runoff_seats,
            "not_elected": list(self.not_elected),
            "rule_text": self.rule_text,
        }


def _check_attendance(entitled: int, present: int) -> None:
    for value, what in ((entitled, "Số đại biểu được triệu tập"), (present, "Số có mặt")):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise TallyError("invalid_count", f"{what} phải là số nguyên không âm.")
    if present > entitled:
        raise TallyError("present_exceeds_entitled", "Số có mặt vượt số được triệu tập.")


def tally_hands(
    entitled: int,
    present: int,
    counts: Mapping[str, HandCount],
    seats: int | None = None,
    settings: TallySettings | None = None,
) -> TallyResult:
    """Show of hands, per candidate (``seats`` = places to fill) or for the whole list
    (``counts = {WHOLE_LIST: HandCount(...)}``, ``seats=None``)."""
    settings = settings or TallySettings()
    _check_attendance(entitled, present)
    for name, count in counts.items():
        if min(count.yes, count.no, count.abstain) < 0:
            raise TallyError("negative_count", f"Số biểu quyết của {name} không được âm.")
        if count.counted > present:
            raise TallyError(
                "hands_exceed_present",
                f"{name}: tán thành + không tán thành + không biểu quyết ({count.counted}) "
                f"vượt số đại biểu có mặt ({present}).",
            )
    counted = max((c.counted for c in counts.values()), default=0)
    valid_by = {name: c.counted for name, c in counts.items()}
    votes = {name: c.yes for name, c in counts.items()}
    return _decide(settings, entitled, present, counted, 0, votes, valid_by, seats,
                   "biểu quyết giơ tay")  # fmt: skip


def merge_double_entry(first: Sequence[BoxTally], second: Sequence[BoxTally]) -> list[BoxTally]:
    """The boxes when both entries agree exactly, else DoubleEntryMismatchError (every
    difference listed)."""
    one = {b.box: b for b in first}
    two = {b.box: b for b in second}
    differences = []
    for box in sorted(set(one) | set(two)):
        a, b = one.get(box), two.get(box)
        if a is None or b is None:
            differences.append(f"Hòm phiếu {box}: chỉ có ở một lần nhập.")
            continue
        for what, x, y in (("số phiếu thu về", a.cast, b.cast),
                           ("số phiếu không hợp lệ", a.invalid, b.invalid)):  # fmt: skip
            if x != y:
                differences.append(f"Hòm phiếu {box}, {what}: lần 1 là {x}, lần 2 là {y}.")
        for name in sorted(set(a.approvals) | set(b.approvals)):
            x, y = a.approvals.get(name, 0), b.approvals.get(name, 0)
            if x != y:
                differences.append(f"Hòm phiếu {box}, {name}: lần 1 là {x}, lần 2 là {y}.")
    if differences:
        raise DoubleEntryMismatchError(
            "double_entry_mismatch",
            "Hai lần nhập kết quả kiểm phiếu không khớp: " + " ".join(differences),
            differences=differences,
        )
    return [one[box] for box in sorted(one)]


def tally_paper(
    entitled: int,
    present: int,
    first_entry: Sequence[BoxTally],
    second_entry: Sequence[BoxTally],
    candidates: Sequence[str],
    seats: int | None = None,
    issued: int | None = None,
    settings: TallySettings | None = None,
    form: str = "bỏ phiếu kín",
) -> TallyResult:
    """Secret paper ballot: boxes entered twice (must match); invalid ballots counted apart.
    The electronic vote is counted the same way (one box, ``form="bỏ phiếu kín điện tử"``)."""
    settings = settings or TallySettings()
    _check_attendance(entitled, present)
    boxes = merge_double_entry(first_entry, second_entry)
    cast = sum(b.cast for b in boxes)
    invalid = sum(b.invalid for b in boxes)
    for b in boxes:
        if min(b.cast, b.invalid) < 0 or b.invalid > b.cast:
            raise TallyError("invalid_box", f"Hòm phiếu {b.box}: số phiếu không hợp lệ sai.")
        for name, n in b.approvals.items():
            if name not in candidates:
                raise TallyError("unknown_candidate", f"Hòm phiếu {b.box}: {name} không có tên.")
            if n < 0 or n > b.valid:
                raise TallyError(
                    "approvals_exceed_valid",
                    f"Hòm phiếu {b.box}: {name} có {n} phiếu, vượt {b.valid} phiếu hợp lệ.",
                )
    if cast > present:
        raise TallyError("cast_exceeds_present", f"Số phiếu thu về ({cast}) vượt số có mặt.")
    if issued is not None and cast > issued:
        raise TallyError("cast_exceeds_issued", f"Số phiếu thu về ({cast}) vượt số phát ra.")
    votes = {name: sum(b.approvals.get(name, 0) for b in boxes) for name in candidates}
    valid = cast - invalid
    valid_by = dict.fromkeys(candidates, valid)
    return _decide(settings, entitled, present, cast, invalid, votes, valid_by, seats,
                   form)  # fmt: skip


def _decide(
    settings: TallySettings,
    entitled: int,
    present: int,
    counted: int,
    invalid: int,
    votes: dict[str, int],
    valid_by: Mapping[str, int],
    seats: int | None,
    form: str,
) -> TallyResult:
    """Apply quorum and threshold; rank the passing candidates; find a tie at the last seat."""
    valid = counted - invalid

    def base_of(name: str) -> int:
        if settings.threshold_base == "valid":
            return valid_by[name]
        return present if settings.threshold_base == "present" else entitled

    needed = {n: settings.needed(settings.threshold, settings.threshold_strict, base_of(n))
              for n in votes}  # fmt: skip
    quorum_met = present >= settings.needed(settings.quorum, settings.quorum_strict, entitled)
    bases = sorted({base_of(n) for n in votes})
    texts = [f"Hình thức: {form}.", settings.quorum_text(entitled, present)]
    texts += (
        [settings.threshold_text(b) for b in bases[:1]]
        if len(bases) == 1
        else [settings.threshold_text(b) for b in bases]
    )
    if seats is not None:
        texts.append(RUNOFF_TEXT)
    result = partial(TallyResult, entitled=entitled, present=present, counted=counted,
                     valid=valid, invalid=invalid, votes=votes, needed=needed,
                     rule_text=" ".join(texts))  # fmt: skip
    if not quorum_met:
        return result("no_quorum", False, not_elected=tuple(votes))
    order = list(votes)
    passing = [n for n in order if votes[n] >= needed[n]]
    failing = tuple(n for n in order if votes[n] < needed[n])
    if seats is None:
        approved = bool(votes) and not failing
        if approved:
            return result("approved", True, elected=tuple(order))
        return result("rejected", True, not_elected=tuple(order))
    passing.sort(key=lambda n: (-votes[n], order.index(n)))
    if len(passing) <= seats:
        return result("elected", True, elected=tuple(passing), not_elected=failing)
    if seats == 0:
        return result("elected", True, not_elected=tuple(order))
    last = votes[passing[seats - 1]]
    above = [n for n in passing if votes[n] > last]
    tied = [n for n in passing if votes[n] == last]
    below = tuple(n for n in passing if votes[n] < last)
    if len(above) + len(tied) == seats:
        return result("elected", True, elected=tuple(above + tied), not_elected=failing + below)
    return result("runoff", True, elected=tuple(above), runoff=tuple(tied),
                  runoff_seats=seats - len(above), not_elected=failing + below)  # fmt: skip
