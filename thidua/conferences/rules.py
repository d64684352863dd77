"""Pure rules of conferences (no Django): the window, the cap, the agenda's timeline, the
attributes a delegate carries for the composition checker, and why the optimizer chose whom.

The values (windows, thresholds, caps, session length, the agenda template) are data: rows of
the campaign (LevelRule, CompositionRule) and of the agenda template; these functions only
interpret them. The conference format itself is ``thidua.campaigns.rules.conference_format``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

# --- Stored values -------------------------------------------------------------------------------

MORNING = "morning"
AFTERNOON = "afternoon"
PLAN_ITEM = "plan"  # one of the plan's items (R8)
EXTRA_ITEM = "extra"  # an item a locality adds (art performance, documentary, ...)
# The plan's item II.3.5 "Biểu dương, tôn vinh, khen thưởng các điển hình tiên tiến": while it
# runs, the projector shows the names being honoured (issue 7).
AWARD_POSITION = 5

HONOREE = "honoree"
GUEST = "guest"
LEADER = "leader"

RESERVE = "reserve"
LISTED = "listed"
INVITED = "invited"
CONFIRMED = "confirmed"
DECLINED = "declined"
CHECKED_IN = "checked_in"

# The statuses that count as "on the list" for the composition checker and the cap.
ON_LIST: frozenset[str] = frozenset({LISTED, INVITED, CONFIRMED, CHECKED_IN})
# A delegate's moves. Issue 6 uses reserve <-> listed; issue 7 builds invitations (listed ->
# invited), answers (invited -> confirmed | declined) and check-in (-> checked_in) on this table.
DELEGATE_TRANSITIONS: Mapping[str, frozenset[str]] = {
    RESERVE: frozenset({LISTED}),
    LISTED: frozenset({RESERVE, INVITED}),
    INVITED: frozenset({CONFIRMED, DECLINED, CHECKED_IN}),
    CONFIRMED: frozenset({DECLINED, CHECKED_IN}),
    DECLINED: frozenset({CONFIRMED, CHECKED_IN}),
    CHECKED_IN: frozenset(),
}


def can_move(status: str, to: str) -> bool:
    return to in DELEGATE_TRANSITIONS.get(status, frozenset())


# --- Window and cap ------------------------------------------------------------------------------


def in_window(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """Plan §II.2.1/§II.2.2: the conference is held inside the level's window, both ends
    included. A missing end leaves that side open."""
    if start is not None and day < start:
        return False
    return not (end is not None and day > end)


def cap_allowed(cap: int, limit: int | None) -> bool:
    """A cap the organizer sets must be at least 1 and at most the rule's limit (if any)."""
    return cap >= 1 and (limit is None or cap <= limit)


def effective_cap(decided: int | None, limit: int | None) -> int | None:
    """The most delegates the list may hold: the organizer's decision, else the rule's limit."""
    return decided if decided is not None else limit


# --- Agenda --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateRow:
    """One row of an agenda template: a plan item (``position`` 1..9 of the plan) or an extra."""

    kind: str
    title: str
    minutes: int
    presenter: str = ""
    position: int | None = None


@dataclass(frozen=True)
class AgendaRow:
    kind: str
    title: str
    minutes: int
    presenter: str
    position: int | None


def build_agenda(
    plan_lines: Sequence[str], rows: Iterable[TemplateRow], default_minutes: int
) -> list[AgendaRow]:
    """The agenda of a new conference: the plan's items in their order (R8), each timed from
    the template row of the same position (its duration and presenter). The titles are the
    campaign's own lines when it has any (an organizer may have reworded them), else the
    template's. A plan line without a template row gets ``default_minutes``."""
    plan_rows = {r.position: r for r in rows if r.kind == PLAN_ITEM and r.position is not None}
    if not plan_lines:
        ordered = sorted(plan_rows.values(), key=lambda r: r.position or 0)
        return [AgendaRow(PLAN_ITEM, r.title, r.minutes, r.presenter, r.position) for r in ordered]
    result = []
    for position, line in enumerate(plan_lines, start=1):
        row = plan_rows.get(position)
        minutes = row.minutes if row else default_minutes
        presenter = row.presenter if row else ""
        result.append(AgendaRow(PLAN_ITEM, line.strip(), minutes, presenter, position))
    return result


def _minutes(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def _time(minutes: int) -> dt.time:
    minutes %= 24 * 60
    return dt.time(minutes // 60, minutes % 60)


def timeline(start: dt.time, durations: Sequence[int]) -> list[tuple[dt.time, dt.time]]:
    """Start and end of each item when they follow one another from ``start``."""
    out = []
    current = _minutes(start)
    for minutes in durations:
        out.append((_time(current), _time(current + minutes)))
        current += minutes
    return out


def session_end(start: dt.time, session_minutes: int) -> dt.time:
    return _time(_minutes(start) + session_minutes)


def overrun(durations: Sequence[int], session_minutes: int) -> int:
    """Minutes by which the agenda exceeds one session (0 when it fits)."""
    return max(0, sum(durations) - session_minutes)


def clock_text(moment: dt.time) -> str:
    """ "7h30", "13h00": how a programme writes times."""
    return f"{moment.hour}h{moment.minute:02d}"


# --- Delegates and the checker -------------------------------------------------------------------

# Step of the unit tree's materialized path (thidua/units: 6 base-36 characters per level).
PATH_STEP = 6


def sub_unit_path(unit_path: str, conference_path: str, step: int = PATH_STEP) -> str | None:
    """The path of the sub-unit of origin: the direct child of the conference's unit that
    contains ``unit_path`` (the unit itself when it is the conference's unit; None outside)."""
    if not unit_path.startswith(conference_path):
        return None
    if unit_path == conference_path:
        return conference_path
    return unit_path[: len(conference_path) + step]


def attributes(
    *,
    category: str,
    gender: str = "",
    direct_producer: bool = False,
    economic_sector: str = "",
    field: str = "",
    component: str = "",
    sub_unit: int | None = None,
    titles: Iterable[str] = (),
) -> dict[str, object]:
    """The attributes the composition rules read (feature names of thidua.selection.rules and
    of CompositionRule.feature). Empty values are left out: an unknown gender matches no rule."""
    found: dict[str, object] = {"category": category, "direct_producer": direct_producer}
    for name, value in (
        ("gender", gender),
        ("economic_sector", economic_sector),
        ("field", field),
        ("component", component),
    ):
        if value:
            found[name] = value
    if sub_unit is not None:
        found["sub_unit"] = str(sub_unit)
    title_codes = sorted(set(titles))
    if title_codes:
        found["titles"] = title_codes
    return found


def expand_each(
    rule: Mapping[str, object], values: Sequence[tuple[str, str]]
) -> list[dict[str, object]]:
    """A rule "every value present" (``each: true``) as one plain rule per known value, each
    labelled with the value's name ("thành phần kinh tế: Kinh tế tư nhân"). The values are the
    feature's vocabulary (sectors, fields, components) or the conference's sub-units."""
    base = {k: v for k, v in rule.items() if k not in {"each", "label"}}
    label = str(rule.get("label") or rule.get("feature"))
    return [{**base, "value": code, "label": f"{label}: {name}"} for code, name in values]


# --- Keys of the optimizer's pool ----------------------------------------------------------------

HONOREE_KEY = "h"  # an honoree of the pool: "h<honoree id>"
DELEGATE_KEY = "d"  # a delegate entered by hand: "d<delegate id>"
CERTIFIED_KEY = "c"  # a delegate certified by a lower conference: "c<their delegate id>"


def key(kind: str, ident: int) -> str:
    return f"{kind}{ident}"


def parse_key(text: str) -> tuple[str, int]:
    kind, number = text[:1], text[1:]
    if kind not in {HONOREE_KEY, DELEGATE_KEY, CERTIFIED_KEY} or not number.isdigit():
        raise ValueError(f"not a pool key: {text!r}")
    return kind, int(number)


# --- Why each candidate was chosen or not --------------------------------------------------------

REQUIRED = "required"  # the organizer marked them as must-include
MERIT = "merit"  # chosen: nobody left out has a higher merit
LOTTERY_WON = "lottery_won"  # chosen over someone of equal merit by the lottery
COMPOSITION_IN = "composition_in"  # chosen although someone left out has a higher merit
LOTTERY_LOST = "lottery_lost"  # left out for someone of equal merit by the lottery
MERIT_LOW = "merit_low"  # left out: nobody chosen has a lower merit
COMPOSITION_OUT = "composition_out"  # left out although someone chosen has a lower merit


@dataclass(frozen=True)
class PoolEntry:
    key: str
    merit: Fraction
    chosen: bool
    required: bool
    matches: frozenset[int]  # indexes of the checker rules this person matches
    group: str = ""  # who competes with whom: the category (honorees among themselves...)


@dataclass(frozen=True)
class Choice:
    key: str
    chosen: bool
    reason: str
    lottery: str
    rules: tuple[int, ...]  # the tight rules a swap would break (composition reasons)


def _broken(
    leaving: frozenset[int],
    coming: frozenset[int],
    tight_min: frozenset[int],
    tight_max: frozenset[int],
) -> set[int]:
    """Rules a swap breaks: a tight minimum the leaving person counts for and the newcomer
    does not, a tight maximum the newcomer counts for and the leaving person does not."""
    return set(((leaving - coming) & tight_min) | ((coming - leaving) & tight_max))


def explain_choices(
    entries: Sequence[PoolEntry],
    lottery: Mapping[str, str],
    tight_min: frozenset[int],
    tight_max: frozenset[int],
) -> list[Choice]:
    """Why each person of the pool is in or out of an optimal list.

    People compete within their ``group`` (the category: the 70/30 rule already fixes how many
    of each). A chosen person is there on merit when nobody of the group left out has a higher
    merit; otherwise each swap with such a person would break a rule sitting on its bound
    (``tight_min``: one fewer breaks it; ``tight_max``: one more breaks it), and those rules are
    the reason. Likewise a person left out while someone of the group with a lower merit is in.
    Between equal merits the lottery decided (``lottery``: the numbers of the people whose merit
    class the list split, from the optimizer). Required people are in because the organizer
    said so. Pure and exact; the signatures of matched rules are grouped, so the cost is the
    pool size times the number of distinct signatures."""
    # Per group: for each signature of matched rules, the highest merit left out and the
    # lowest merit chosen (required people excepted: they are not in competition).
    best_out: dict[str, dict[frozenset[int], Fraction]] = {}
    worst_in: dict[str, dict[frozenset[int], Fraction]] = {}
    for e in entries:
        if e.required:
            continue
        table = worst_in if e.chosen else best_out
        known = table.setdefault(e.group, {})
        current = known.get(e.matches)
        if current is None or (e.merit < current if e.chosen else e.merit > current):
            known[e.matches] = e.merit
    result = []
    for entry in entries:
        number = lottery.get(entry.key, "")
        rules: tuple[int, ...] = ()
        if entry.required:
            reason = REQUIRED
        elif entry.chosen:
            rivals = [sig for sig, m in best_out.get(entry.group, {}).items() if m > entry.merit]
            reason = COMPOSITION_IN if rivals else (LOTTERY_WON if number else MERIT)
            found: set[int] = set()
            for sig in rivals:
                found |= _broken(entry.matches, sig, tight_min, tight_max)
            rules = tuple(sorted(found))
        else:
            rivals = [sig for sig, m in worst_in.get(entry.group, {}).items() if m < entry.merit]
            reason = COMPOSITION_OUT if rivals else (LOTTERY_LOST if number else MERIT_LOW)
            found = set()
            for sig in rivals:
                found |= _broken(sig, entry.matches, tight_min, tight_max)
            rules = tuple(sorted(found))
        result.append(Choice(entry.key, entry.chosen, reason, number, rules))
    return result
