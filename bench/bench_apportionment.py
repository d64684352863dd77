"""Apportionment of 20,000 seats among 10,000 units, every method, exact arithmetic.

Target (issue 8): each method at most 50 ms and 50 MB. Baselines on a smaller input measured
in the same run: a naive one-seat-at-a-time loop (exact fractions, scanning every unit for each
seat) and the PyPI package ``apportionment`` (a units-by-seats matrix), with our code on the same
smaller input for the ratio.
"""

from __future__ import annotations

import random
from fractions import Fraction

from bench.harness import Report, peak_memory, timed
from thidua.selection.apportionment import METHODS, apportion

try:
    from apportionment import methods as oracle  # dev dependency: the baseline only
except ImportError:  # pragma: no cover
    oracle = None

UNITS, SEATS = 10_000, 20_000
SMALL_UNITS, SMALL_SEATS = 1_000, 2_000
REPEAT = 5
ORACLE_NAMES = {"hamilton": "hamilton", "dhondt": "dhondt", "sainte-lague": "saintelague",
                "huntington-hill": "huntington"}  # fmt: skip


def weights(count: int, seed: int = 8) -> dict[str, int]:
    rng = random.Random(seed)
    return {f"dv{i:05d}": rng.randint(1, 5_000) for i in range(count)}


def naive_divisor(method: str, table: dict[str, int], seats: int) -> dict[str, int]:
    """One seat at a time: scan every unit for the highest exact priority."""
    got = dict.fromkeys(table, 0)
    for _ in range(seats):
        best, best_unit = None, None
        for unit, w in table.items():
            s = got[unit]
            if method == "dhondt":
                claim = Fraction(w, s + 1)
            elif method == "sainte-lague":
                claim = Fraction(2 * w, 2 * s + 1)
            else:
                claim = Fraction(10**30) if s == 0 else Fraction(w * w, s * (s + 1))
            if best is None or claim > best:
                best, best_unit = claim, unit
        got[best_unit] += 1  # type: ignore[index]
    return got


def package_row(method: str, small: dict[str, int], mine, ours_small: float) -> list[str]:  # type: ignore[no-untyped-def]
    values, names = list(small.values()), list(small)

    def call() -> list[int]:
        return oracle.compute(ORACLE_NAMES[method], values, SMALL_SEATS, parties=names)

    package_seconds, theirs = timed(call)
    package_memory, _ = peak_memory(call)
    same = theirs == [mine.seats[u] for u in small] or bool(mine.ties)
    label = "  baseline: package `apportionment`" + ("" if same else " (differs!)")
    return [label, f"{SMALL_UNITS:,} / {SMALL_SEATS:,}", f"{package_seconds * 1000:.1f}",
            f"{package_memory:.1f}", "", f"{package_seconds / ours_small:.0f}x slower"]  # fmt: skip


def run(report: Report) -> None:
    big = weights(UNITS)
    small = weights(SMALL_UNITS)
    rows = []
    for method in METHODS:
        seconds, result = timed(lambda m=method: apportion(big, SEATS, m, min_per_unit=1),
                                repeat=REPEAT)  # fmt: skip
        memory, _ = peak_memory(lambda m=method: apportion(big, SEATS, m, min_per_unit=1))
        assert sum(result.seats.values()) == SEATS
        ok = seconds <= 0.05 and memory <= 50
        rows.append([method, f"{UNITS:,} / {SEATS:,}", f"{seconds * 1000:.1f}", f"{memory:.1f}",
                     "yes" if ok else "NO", ""])  # fmt: skip
        ours_small, mine = timed(lambda m=method: apportion(small, SMALL_SEATS, m), repeat=REPEAT)
        rows.append(["  ours, smaller input", f"{SMALL_UNITS:,} / {SMALL_SEATS:,}",
                     f"{ours_small * 1000:.1f}", "", "", "1.0x"])  # fmt: skip
        if oracle is not None:
            rows.append(package_row(method, small, mine, ours_small))
        if method != "hamilton":
            naive_seconds, naive = timed(lambda m=method: naive_divisor(m, small, SMALL_SEATS))
            assert naive == mine.seats or mine.ties, "naive and exact allocations differ"
            rows.append(["  baseline: naive one seat at a time (exact)",
                         f"{SMALL_UNITS:,} / {SMALL_SEATS:,}", f"{naive_seconds * 1000:.0f}", "",
                         "", f"{naive_seconds / ours_small:.0f}x slower"])  # fmt: skip
    report.add(
        "Apportionment (issue 8)",
        ["method", "units / seats", "median ms", "peak MiB", "≤ 50 ms, ≤ 50 MB", "vs ours"],
        rows,
        note=(f"Median of {REPEAT} runs, min 1 seat per unit on the large input; peak memory "
              "by tracemalloc (Python and numpy allocations)."),
    )  # fmt: skip
