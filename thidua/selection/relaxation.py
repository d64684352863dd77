"""Why a set of rules cannot hold, and the smallest relaxation that would work.

Three steps, each a HiGHS model over the same arrays as the optimizer:

1. **Elastic model**: every rule bound gets a slack column (people it may be missed by); the
   total slack is minimised. Its best list is the *closest* list; the checker's report on it is
   returned, and its slacks are the smallest combined relaxation.
2. **Conflict set** (deletion filter): starting from the rules that are violated or tight in the
   closest list, drop each rule whose removal keeps the rest infeasible. What remains is a
   minimal conflicting set: relaxing any one of its rules is necessary for feasibility. A solve
   budget keeps big pools cheap; when it runs out, the set is reported as not proven minimal.
3. **One rule at a time**: for each rule of the conflict set, the elastic model with slack on
   that rule only gives the smallest change of that rule alone ("lower the women minimum from
   40% to 36%"), and for a minimum that the pool itself cannot reach, how many more matching
   candidates would be needed ("or 5 more women candidates").
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from fractions import Fraction

import highspy
import numpy as np

from thidua.selection.checker import Report, check
from thidua.selection.exact import format_number, format_percent
from thidua.selection.optimizer import OptimizeResult, Problem, Relaxation
from thidua.selection.rules import TOTAL, Rule

MAX_SOLVES = 150
TIME_BUDGET = 20.0  # seconds for the whole analysis of one infeasible request


def explain(
    problem: Problem, seed: int, analyse: bool = True, budget: float | None = None
) -> OptimizeResult:
    rules = tuple(problem.rules)
    n, size = len(problem.candidates), problem.size
    if n < size:
        message = (
            f"Chỉ có {n} ứng viên cho {size} chỗ: thêm {size - n} ứng viên "
            f"hoặc giảm số lượng xuống {n}."
        )
        relax = Relaxation("size", None, "số lượng", "size", size, n, f"{size} người",
                           f"{n} người", size - n, True, message)  # fmt: skip
        return OptimizeResult("infeasible", (), None, None, rules, seed, relaxation=(relax,),
                              message=message)  # fmt: skip
    everything = list(range(len(rules)))
    closest, slack = _elastic(problem, everything)
    report = check([problem.candidates[i] for i in closest], problem.rules)
    violated = sorted({j for (j, _), amount in slack.items() if amount > 0})
    if not analyse:
        combined = _combined(problem, slack)
        return _result(problem, seed, report, tuple(violated), False, combined)
    deadline = time.monotonic() + (TIME_BUDGET if budget is None else budget)
    tight = _tight(problem, closest)
    conflicts, minimal = _deletion_filter(problem, sorted(set(violated) | tight), deadline)
    alone = [r for j in conflicts if (r := _alone(problem, j, deadline)) is not None]
    combined = [] if alone else _combined(problem, slack)
    return _result(problem, seed, report, tuple(conflicts), minimal, alone + combined)


def _result(
    problem: Problem,
    seed: int,
    report: Report,
    conflicts: tuple[int, ...],
    minimal: bool,
    relaxations: Sequence[Relaxation],
) -> OptimizeResult:
    names = "; ".join(problem.rules[j].display_label for j in conflicts)
    message = f"Không thể thỏa mãn đồng thời các quy tắc: {names}." if conflicts else ""
    if relaxations and relaxations[0].alone:
        message += " Một trong các cách nới: " + " Hoặc: ".join(r.message for r in relaxations)
    elif relaxations:
        message += " Cần nới đồng thời: " + " Và: ".join(r.message for r in relaxations)
    return OptimizeResult(
        "infeasible", (), None, report, tuple(problem.rules), seed,
        conflicts=conflicts, conflicts_minimal=minimal, relaxation=tuple(relaxations),
        message=message.strip(),
    )  # fmt: skip


def _elastic(
    problem: Problem, elastic: Sequence[int], time_limit: float | None = None
) -> tuple[list[int], dict[tuple[int, str], int]]:
    """The list with the least total slack on the ``elastic`` rules (the others hard)."""
    solver, slack_rules = problem.solver(None, elastic=elastic, time_limit=time_limit)
    solver.run()
    if solver.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return [], {}
    values = np.asarray(solver.getSolution().col_value)
    n = len(problem.candidates)
    chosen = np.flatnonzero(values[:n] > 0.5).tolist()
    slack = {key: round(values[n + k]) for k, key in enumerate(slack_rules)}
    return chosen, slack


def _tight(problem: Problem, chosen: list[int]) -> set[int]:
    inside = np.zeros(len(problem.candidates), dtype=bool)
    inside[chosen] = True
    tight = set()
    for j, members in enumerate(problem.members):
        count = int(inside[members].sum())
        if count in (problem.lower[j], problem.upper[j]):
            tight.add(j)
    return tight


def _deletion_filter(problem: Problem, start: list[int], deadline: float) -> tuple[list[int], bool]:
    everything = list(range(len(problem.rules)))
    current = start
    if problem.feasible(current, _left(deadline)) is not False:
        current = everything
    for solves, j in enumerate(list(current)):
        if solves >= MAX_SOLVES or time.monotonic() > deadline:
            return current, False
        trial = [k for k in current if k != j]
        if problem.feasible(trial, _left(deadline)) is False:
            current = trial
    return current, True


def _left(deadline: float) -> float:
    return max(0.1, deadline - time.monotonic())


def _alone(problem: Problem, j: int, deadline: float) -> Relaxation | None:
    """The smallest change of rule ``j`` alone that makes the rules feasible, if one exists."""
    if time.monotonic() > deadline:
        return None
    chosen, slack = _elastic(problem, [j], _left(deadline))
    if not chosen and problem.size:
        return None
    for side in ("min", "max"):
        amount = slack.get((j, side), 0)
        if amount > 0:
            return _relaxation(problem, j, side, amount, alone=True)
    return None


def _combined(problem: Problem, slack: dict[tuple[int, str], int]) -> list[Relaxation]:
    return [
        _relaxation(problem, j, side, amount, alone=False)
        for (j, side), amount in sorted(slack.items())
        if amount > 0
    ]


def _relaxation(problem: Problem, j: int, side: str, amount: int, alone: bool) -> Relaxation:
    rule = problem.rules[j]
    size = problem.size
    label = rule.display_label
    if side == "min":
        current_count = problem.lower[j] or 0
        proposed_count = current_count - amount
        bound = rule.lower or Fraction(0)
        pool = len(problem.members[j])
        more = current_count - pool if pool < current_count else None
    else:
        current_count = problem.upper[j] or 0
        proposed_count = current_count + amount
        bound = rule.upper or Fraction(0)
        more = None
    current, proposed = _texts(rule, side, bound, proposed_count, size)
    if side == "min":
        message = f"Cần hạ mức tối thiểu {label} từ {current} xuống {proposed}"
        if more:
            message += f", hoặc có thêm {more} ứng viên {label}"
    elif rule.feature == TOTAL:
        message = f"Cần nâng giới hạn tổng số từ {current} lên {proposed}, hoặc giảm số lượng"
    else:
        message = f"Cần nâng mức tối đa {label} từ {current} lên {proposed}"
    return Relaxation("rule", j, label, side, current_count, proposed_count, current,  # type: ignore[arg-type]
                      proposed, more, alone, message + ".")  # fmt: skip


def _texts(rule: Rule, side: str, bound: Fraction, count: int, size: int) -> tuple[str, str]:
    if rule.unit != "share":
        return f"{format_number(bound, 2)} người", f"{count} người"
    # A lowered minimum is shown rounded down, a raised maximum rounded up: following the shown
    # figure always admits ``count`` people of ``size``.
    rounding = "down" if side == "min" else "up"
    current = format_percent(bound)
    shown = format_percent(Fraction(count, size), rounding) if size else "0%"
    if shown == current:  # small shares: one decimal is too coarse to show the change
        current = format_percent(bound, decimals=2)
        shown = format_percent(Fraction(count, size), rounding, decimals=2)
    return current, f"{shown} ({count}/{size} người)"
