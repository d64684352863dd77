"""The delegate-list optimizer: a mixed-integer program solved by HiGHS (highspy).

``optimize(candidates, rules, size, required=(), seed=0, weights=None)`` returns the list of
exactly ``size`` people that satisfies every rule, includes everyone in ``required``, and has
the largest total merit; among lists of equal merit a seeded lottery decides.

Model (one binary x_i per candidate, built from numpy arrays, not row by row):
    maximise   sum_i (K * M_i + r_i) x_i
    subject to sum_i x_i = size;  x_i = 1 for required people;
               lo_j <= sum_{i matches rule j} x_i <= hi_j   for every rule j,
where a share rule's bounds become counts of the fixed size exactly (ceil(min * size),
floor(max * size)). M_i is merit scaled to an integer; r_i is the candidate's lottery rank among
candidates of equal merit; K exceeds the largest possible sum of ranks, so merit always comes
first and the lottery only orders lists of equal merit. Solved with ``mip_rel_gap = 0`` and
``mip_abs_gap = 0``: "optimal" means proven optimal. When the coefficients would be too large
for exact double arithmetic, the same order is obtained in two solves (merit, then lottery with
merit fixed at its optimum).

Lottery (reproducible and explainable): a candidate's lottery number is the first 12 hex digits
of sha256("<seed>:<id>"); among equal merit the smaller number is preferred. It depends only on
the seed and the person's id, so anyone can recompute it, and adding a candidate changes nobody
else's number. Property: if a selected and an unselected candidate have equal merit and swapping
them keeps every rule, the selected one has the smaller lottery number.

When the rules cannot all hold, see ``thidua.selection.relaxation``: which rules conflict and
the smallest relaxation that would work.
"""

from __future__ import annotations

import hashlib
import math
import os
import sys
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

import highspy
import numpy as np
import numpy.typing as npt

from thidua.selection.checker import Report, check
from thidua.selection.errors import SelectionError
from thidua.selection.exact import ceil_fraction, floor_fraction
from thidua.selection.rules import TOTAL, Candidate, CandidateId, Rule, RuleItem, expand_rules

Status = Literal["optimal", "infeasible", "time_limit"]
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

EXACT_DOUBLE = 2**52  # integers below this are exact in a double, with room for sums
MERIT_QUANTUM = Fraction(1, 10**6)  # merits finer than this are rounded to it (documented)


@dataclass(frozen=True)
class Relaxation:
    """One way out of an infeasible set of rules."""

    kind: Literal["rule", "size"]
    rule_index: int | None
    label: str
    bound: Literal["min", "max", "size"]
    current_count: int
    proposed_count: int
    current: str
    proposed: str
    more_candidates: int | None
    alone: bool  # this change alone makes the rules feasible
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "rule_index": self.rule_index,
            "label": self.label,
            "bound": self.bound,
            "current_count": self.current_count,
            "proposed_count": self.proposed_count,
            "current": self.current,
            "proposed": self.proposed,
            "more_candidates": self.more_candidates,
            "alone": self.alone,
            "message": self.message,
        }


@dataclass(frozen=True)
class OptimizeResult:
    status: Status
    selected: tuple[CandidateId, ...]
    objective: Fraction | None
    report: Report | None
    rules: tuple[Rule, ...]
    seed: int
    lottery: Mapping[CandidateId, str] = field(default_factory=dict)
    conflicts: tuple[int, ...] = ()
    conflicts_minimal: bool = True
    relaxation: tuple[Relaxation, ...] = ()
    message: str = ""


def lottery_number(seed: int, ident: CandidateId) -> str:
    """The candidate's lottery number for ``seed`` (12 hex digits; smaller is preferred)."""
    return hashlib.sha256(f"{seed}:{ident}".encode()).hexdigest()[:12]


# --- The model ------------------------------------------------------------------------------------


@dataclass
class Problem:
    """Candidates and rules as arrays: what both the optimizer and the relaxation solve."""

    candidates: Sequence[Candidate]
    rules: list[Rule]
    size: int
    required: IntArray  # candidate positions that must be in
    members: list[IntArray]  # per rule: positions of matching candidates
    lower: list[int | None]  # per rule: count bound for this size (None: no bound)
    upper: list[int | None]

    @classmethod
    def build(
        cls,
        candidates: Sequence[Candidate],
        items: Sequence[RuleItem],
        size: int,
        required: Iterable[CandidateId] = (),
    ) -> Problem:
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise SelectionError("invalid_size", "Số lượng (size) phải là số nguyên không âm.")
        position = {c.id: i for i, c in enumerate(candidates)}
        if len(position) != len(candidates):
            raise SelectionError("duplicate_id", "Danh sách ứng viên có id trùng nhau.")
        wanted = list(dict.fromkeys(required))
        unknown = [ident for ident in wanted if ident not in position]
        if unknown:
            raise SelectionError(
                "unknown_required",
                f"Người bắt buộc không có trong danh sách ứng viên: {unknown[0]}.",
            )
        if len(wanted) > size:
            raise SelectionError(
                "required_exceeds_size",
                f"Có {len(wanted)} người bắt buộc nhưng danh sách chỉ có {size} chỗ.",
            )
        rules = expand_rules(items, pool=candidates)
        index = _value_index(candidates)
        members = [_members(rule, index, len(candidates)) for rule in rules]
        lower, upper = (
            zip(*(_count_bounds(rule, size) for rule in rules), strict=True) if rules else ((), ())
        )
        return cls(
            candidates=candidates,
            rules=rules,
            size=size,
            required=np.array([position[i] for i in wanted], dtype=np.int64),
            members=members,
            lower=list(lower),
            upper=list(upper),
        )

    def solver(
        self,
        cost: FloatArray | None,
        active: Sequence[int] | None = None,
        elastic: Sequence[int] = (),
        extra_rows: Sequence[tuple[FloatArray, IntArray, float, float]] = (),
        time_limit: float | None = None,
    ) -> tuple[highspy.Highs, list[tuple[int, str]]]:
        """A HiGHS instance holding the model, and (rule position, "min"|"max") per slack.

        ``cost``: objective (maximised) per candidate, or None for a feasibility model;
        ``active``: rule positions kept hard (default all); ``elastic``: rule positions whose
        bounds get slack columns (minimised, one unit per person) instead of being hard.
        """
        n = len(self.candidates)
        active = range(len(self.rules)) if active is None else active
        rows: list[tuple[IntArray, float, float, IntArray | None]] = []
        # rows: (candidate positions, lower, upper, slack sign): slack columns added after x.
        rows.append((np.arange(n, dtype=np.int64), self.size, self.size, None))
        slack_of_row: list[tuple[int, int]] = []  # (row, sign) per slack column
        slack_rules: list[tuple[int, str]] = []
        for j in active:
            low, high = self.lower[j], self.upper[j]
            lo = -math.inf if low is None else float(low)
            hi = math.inf if high is None else float(high)
            if j in elastic:
                if low is not None:
                    slack_rules.append((j, "min"))
                    slack_of_row.append((len(rows), 1))
                    rows.append((self.members[j], lo, math.inf, None))
                if high is not None:
                    slack_rules.append((j, "max"))
                    slack_of_row.append((len(rows), -1))
                    rows.append((self.members[j], -math.inf, hi, None))
            else:
                rows.append((self.members[j], lo, hi, None))
        slacks = len(slack_of_row)
        # Row-wise sparse matrix from the member arrays (no per-entry Python loop).
        lengths = np.array([len(r[0]) for r in rows], dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int32)
        indices = (
            np.concatenate([r[0] for r in rows]).astype(np.int32) if rows else np.zeros(0, np.int32)
        )
        values = np.ones(len(indices), dtype=np.float64)
        row_lower = np.array([r[1] for r in rows], dtype=np.float64)
        row_upper = np.array([r[2] for r in rows], dtype=np.float64)
        if slacks:
            # Each slack column adds one entry to its row: rebuild with the entries appended.
            extra_index = {row: (n + k, sign) for k, (row, sign) in enumerate(slack_of_row)}
            parts_i, parts_v, new_lengths = [], [], []
            for r, (cols, _, _, _) in enumerate(rows):
                if r in extra_index:
                    col, sign = extra_index[r]
                    parts_i.append(np.append(cols, col).astype(np.int32))
                    parts_v.append(np.append(np.ones(len(cols)), float(sign)))
                else:
                    parts_i.append(cols.astype(np.int32))
                    parts_v.append(np.ones(len(cols)))
                new_lengths.append(len(parts_i[-1]))
            indices = np.concatenate(parts_i)
            values = np.concatenate(parts_v)
            starts = np.concatenate([[0], np.cumsum(new_lengths)[:-1]]).astype(np.int32)
        for coefficients, columns, lo, hi in extra_rows:
            starts = np.append(starts, len(indices)).astype(np.int32)
            indices = np.concatenate([indices, columns.astype(np.int32)])
            values = np.concatenate([values, coefficients])
            row_lower = np.append(row_lower, lo)
            row_upper = np.append(row_upper, hi)
        num_col = n + slacks
        col_lower = np.zeros(num_col)
        col_lower[self.required] = 1.0
        col_upper = np.ones(num_col)
        col_upper[n:] = math.inf
        objective = np.zeros(num_col)
        if cost is not None:
            objective[:n] = cost
        if slacks:
            objective[n:] = -1.0  # maximise -(sum of slack)

        lp = highspy.HighsLp()
        lp.num_col_ = num_col
        lp.num_row_ = len(row_lower)
        lp.col_cost_ = objective
        lp.col_lower_ = col_lower
        lp.col_upper_ = col_upper
        lp.row_lower_ = row_lower
        lp.row_upper_ = row_upper
        lp.sense_ = highspy.ObjSense.kMaximize
        lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
        lp.a_matrix_.start_ = np.append(starts, len(indices)).astype(np.int32)
        lp.a_matrix_.index_ = indices
        lp.a_matrix_.value_ = values
        lp.integrality_ = [highspy.HighsVarType.kInteger] * num_col
        solver = _new_solver()
        solver.setOptionValue("mip_rel_gap", 0.0)
        solver.setOptionValue("mip_abs_gap", 0.0)
        # Measured on the benchmark (bench/bench_optimizer.py): on these models the root LP is
        # nearly integral; symmetry detection and the feasibility-jump heuristic cost more than
        # half the time and never helped. Neither changes what is proven optimal.
        solver.setOptionValue("mip_detect_symmetry", False)
        solver.setOptionValue("mip_heuristic_run_feasibility_jump", False)
        if time_limit is not None:
            solver.setOptionValue("time_limit", float(time_limit))
        solver.passModel(lp)
        return solver, slack_rules

    def bounds_consistent(self, active: Iterable[int]) -> bool:
        return all(
            self.lower[j] is None or self.upper[j] is None or self.lower[j] <= self.upper[j]  # type: ignore[operator]
            for j in active
        )

    def feasible(self, active: Sequence[int], time_limit: float | None = None) -> bool | None:
        """Is there a list keeping the ``active`` rules? None when the time limit was hit."""
        if len(self.candidates) < self.size or not self.bounds_consistent(active):
            return False
        solver, _ = self.solver(None, active=active, time_limit=time_limit)
        solver.run()
        status = solver.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            return True
        if status == highspy.HighsModelStatus.kInfeasible:
            return False
        return None


def _value_index(candidates: Sequence[Candidate]) -> dict[str, dict[str, list[int]]]:
    index: dict[str, dict[str, list[int]]] = {}
    for position, candidate in enumerate(candidates):
        for feature, values in candidate.attributes.items():
            by_value = index.setdefault(feature, {})
            for value in values:
                by_value.setdefault(value, []).append(position)
    return index


def _members(rule: Rule, index: dict[str, dict[str, list[int]]], n: int) -> IntArray:
    if rule.feature == TOTAL:
        return np.arange(n, dtype=np.int64)
    by_value = index.get(rule.feature, {})
    parts = [np.array(by_value[v], dtype=np.int64) for v in sorted(rule.values) if v in by_value]
    if not parts:
        return np.zeros(0, dtype=np.int64)
    joined = np.concatenate(parts)
    return np.unique(joined) if len(parts) > 1 else joined


def _count_bounds(rule: Rule, size: int) -> tuple[int | None, int | None]:
    """A rule's bounds as head counts of a list of exactly ``size`` people (exact arithmetic)."""
    low, high = rule.lower, rule.upper
    scale = size if rule.unit == "share" else 1
    if rule.unit == "share" and size == 0 and low:
        return 1, 0  # as the checker: an empty list has no share to meet a positive minimum
    return (
        None if low is None else ceil_fraction(low * scale),
        None if high is None else floor_fraction(high * scale),
    )


# --- Merit and lottery ----------------------------------------------------------------------------


def merits(
    candidates: Sequence[Candidate], weights: Mapping[str, Fraction] | None = None
) -> list[Fraction]:
    """Each candidate's merit: ``merit`` as given, or the weighted sum of ``scores`` when
    ``weights`` are set (e.g. {"bang_khen": 3, "giay_khen": 1})."""
    if weights is None:
        return [c.merit for c in candidates]
    return [sum((w * c.scores.get(k, Fraction(0)) for k, w in weights.items()), Fraction(0))
            for c in candidates]  # fmt: skip


def _integer_merits(values: Sequence[Fraction]) -> list[int]:
    """Merits scaled to integers with one common factor (finer than 10^-6: rounded to it)."""
    denominator = 1
    for value in values:
        denominator = math.lcm(denominator, value.denominator)
        if denominator > MERIT_QUANTUM.denominator:
            denominator = MERIT_QUANTUM.denominator
            break
    scaled = [value * denominator for value in values]
    ints = [floor_fraction(v + Fraction(1, 2)) for v in scaled]
    common = math.gcd(*ints) if any(ints) else 1
    return [v // common for v in ints]


def _lottery_ranks(
    candidates: Sequence[Candidate], merit: Sequence[int], seed: int
) -> tuple[IntArray, list[str]]:
    """Rank within each merit class: the smallest lottery number gets the largest rank."""
    numbers = [lottery_number(seed, c.id) for c in candidates]
    order = sorted(
        range(len(candidates)), key=lambda i: (merit[i], numbers[i], str(candidates[i].id))
    )
    ranks = np.zeros(len(candidates), dtype=np.int64)
    previous = None
    rank = 0
    # Walk each class from its largest lottery number (rank 0) to the smallest (highest rank).
    for i in reversed(order):
        if merit[i] != previous:
            previous, rank = merit[i], 0
        ranks[i] = rank
        rank += 1
    return ranks, numbers


# --- optimize -------------------------------------------------------------------------------------


def optimize(
    candidates: Sequence[Candidate],
    rules: Sequence[RuleItem],
    size: int,
    required: Iterable[CandidateId] = (),
    seed: int = 0,
    weights: Mapping[str, Fraction] | None = None,
    time_limit: float | None = None,
    explain_infeasible: bool = True,
    analysis_seconds: float | None = None,
) -> OptimizeResult:
    """The best list of ``size`` people from ``candidates`` keeping every rule (see module doc).

    Raises SelectionError for contradictory input (unknown or too many required people, a bad
    size). An infeasible set of rules is not an error: the result says which rules conflict and
    the smallest relaxation (``thidua.selection.relaxation``; ``analysis_seconds`` bounds that
    analysis, ``time_limit`` each solve).
    """
    problem = Problem.build(candidates, rules, size, required)
    merit = merits(candidates, weights)
    scaled = _integer_merits(merit)
    ranks, numbers = _lottery_ranks(candidates, scaled, seed)
    infeasible = len(candidates) < size or not problem.bounds_consistent(range(len(problem.rules)))
    chosen: IntArray | None = None
    status: Status = "infeasible"
    if not infeasible:
        status, chosen = _solve(problem, scaled, ranks, time_limit)
    if chosen is None:
        if status == "time_limit":
            message = "Hết thời gian giải trước khi chứng minh được tối ưu."
            return OptimizeResult(
                "time_limit", (), None, None, tuple(problem.rules), seed, message=message
            )
        from thidua.selection.relaxation import explain

        return explain(problem, seed, analyse=explain_infeasible, budget=analysis_seconds)
    order = sorted(chosen.tolist(), key=lambda i: (-merit[i], numbers[i], str(candidates[i].id)))
    selected = tuple(candidates[i].id for i in order)
    report = check([candidates[i] for i in order], problem.rules)
    return OptimizeResult(
        status="optimal",
        selected=selected,
        objective=sum((merit[i] for i in order), Fraction(0)),
        report=report,
        rules=tuple(problem.rules),
        seed=seed,
        lottery=_split_classes(candidates, chosen, scaled, numbers),
    )


def _solve(
    problem: Problem, merit: Sequence[int], ranks: IntArray, time_limit: float | None
) -> tuple[Status, IntArray | None]:
    n = len(problem.candidates)
    if problem.size == 0:  # the empty list: feasible when no rule needs anyone
        if all(low is None or low <= 0 for low in problem.lower):
            return "optimal", np.zeros(0, dtype=np.int64)
        return "infeasible", None
    # The list has a fixed size, so shifting every merit by the same amount changes no choice:
    # start merits at 0 to keep the coefficients small.
    lowest = min(merit, default=0)
    merit = [m - lowest for m in merit]
    biggest = max(merit, default=0)
    if biggest * problem.size >= EXACT_DOUBLE:
        raise SelectionError(
            "merit_range", "Khoảng chênh lệch điểm thành tích quá lớn để so sánh chính xác."
        )
    rank_sum = int(np.sort(ranks)[-problem.size :].sum()) if n else 0
    factor = rank_sum + 1
    merit_array = np.array(merit, dtype=np.float64)
    if (biggest * factor + factor) * problem.size < EXACT_DOUBLE:
        cost = merit_array * factor + ranks.astype(np.float64)
        return _run(problem.solver(cost, time_limit=time_limit)[0], n)
    # Two stages: best merit, then the best lottery among lists of that merit.
    status, first = _run(problem.solver(merit_array, time_limit=time_limit)[0], n)
    if first is None:
        return status, None
    best = float(sum(merit[i] for i in first))  # exact: below 2^52
    fixed = (merit_array, np.arange(n, dtype=np.int64), best - 0.5, math.inf)
    solver, _ = problem.solver(ranks.astype(np.float64), extra_rows=[fixed], time_limit=time_limit)
    return _run(solver, n)


def _run(solver: highspy.Highs, n: int) -> tuple[Status, IntArray | None]:
    solver.run()
    status = solver.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        values = np.asarray(solver.getSolution().col_value[:n])
        return "optimal", np.flatnonzero(values > 0.5).astype(np.int64)
    if status == highspy.HighsModelStatus.kTimeLimit:
        return "time_limit", None
    return "infeasible", None


def _split_classes(
    candidates: Sequence[Candidate], chosen: IntArray, merit: Sequence[int], numbers: Sequence[str]
) -> dict[CandidateId, str]:
    """Lottery numbers of every candidate whose merit class was split (some in, some out):
    the people the lottery decided between."""
    inside = np.zeros(len(candidates), dtype=bool)
    inside[chosen] = True
    status: dict[int, set[bool]] = {}
    for i, m in enumerate(merit):
        status.setdefault(m, set()).add(bool(inside[i]))
    return {c.id: numbers[i] for i, c in enumerate(candidates) if len(status[merit[i]]) == 2}


_BANNER_SILENCED = threading.Lock()
_banner_done = False


def _new_solver() -> Any:
    """A quiet HiGHS instance. The first one in a process prints a copyright banner to the C-level
    stdout (not Python's), which would land in command output and server logs; silence that
    once, by pointing file descriptor 1 at /dev/null while it is created."""
    global _banner_done
    with _BANNER_SILENCED:
        if _banner_done:
            solver = highspy.Highs()
        else:
            sys.stdout.flush()
            saved = os.dup(1)
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, 1)
                solver = highspy.Highs()
            finally:
                os.dup2(saved, 1)
                os.close(saved)
                os.close(devnull)
            _banner_done = True
    solver.setOptionValue("output_flag", False)
    return solver
