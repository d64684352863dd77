"""Who may decide which form, on which date (Law 06/2022/QH15, Art. 80): pure, no Django.

The table itself is data (``Office`` and ``AuthorityRule`` rows, editable by an administrator,
versioned with valid_from / valid_to); the models load it into the frozen rows below and these
functions answer from them, so the same proposal is judged by the table in force on its date.

* An ``OfficeRow`` is a decision-maker (commune chair, district chair, ...) and the unit kinds
  (and optionally levels) whose head holds it: "the office of a unit" is computable from the
  unit tree.
* An ``AuthorityRow`` says that an office may decide a form (by its catalogue code) between two
  dates (inclusive).
* ``holding_unit`` walks up the parent links from a unit to the first unit whose office may
  decide the form; ``next_level`` is the nearest unit above that has any office in force (a
  district abolished on 1/7/2025 is skipped: its office ends on 30/6/2025).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def in_force(valid_from: dt.date | None, valid_to: dt.date | None, on: dt.date) -> bool:
    """Both ends inclusive; an open end is unbounded."""
    return (valid_from is None or valid_from <= on) and (valid_to is None or on <= valid_to)


@dataclass(frozen=True)
class OfficeRow:
    code: str
    unit_kinds: frozenset[str]
    unit_levels: frozenset[str] = frozenset()  # empty: any level
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def held_by(self, kind: str, level: str, on: dt.date) -> bool:
        return (
            kind in self.unit_kinds
            and (not self.unit_levels or level in self.unit_levels)
            and in_force(self.valid_from, self.valid_to, on)
        )


@dataclass(frozen=True)
class AuthorityRow:
    office: str
    form: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass(frozen=True)
class UnitNode:
    """A unit as the rules see it: its id, kind and level."""

    id: int
    kind: str
    level: str


@dataclass(frozen=True)
class AuthorityTable:
    offices: tuple[OfficeRow, ...]
    rows: tuple[AuthorityRow, ...]

    def offices_of(self, unit: UnitNode, on: dt.date) -> tuple[str, ...]:
        """The offices the head of ``unit`` holds on ``on`` (usually one)."""
        return tuple(o.code for o in self.offices if o.held_by(unit.kind, unit.level, on))

    def forms_of(self, office: str, on: dt.date) -> frozenset[str]:
        return frozenset(
            r.form
            for r in self.rows
            if r.office == office and in_force(r.valid_from, r.valid_to, on)
        )

    def deciding_office(self, unit: UnitNode, form: str, on: dt.date) -> str | None:
        """The office of ``unit`` that may decide ``form`` on ``on``, or None."""
        for office in self.offices_of(unit, on):
            if form in self.forms_of(office, on):
                return office
        return None

    def may_decide(self, unit: UnitNode, form: str, on: dt.date) -> bool:
        return self.deciding_office(unit, form, on) is not None

    def holding_unit(self, chain: Sequence[UnitNode], form: str, on: dt.date) -> UnitNode | None:
        """``chain`` is the unit then its ancestors, nearest first. The first that may decide
        ``form`` (the unit itself included), or None when no unit of the chain holds it (a
        form of the Prime Minister or the President)."""
        for unit in chain:
            if self.may_decide(unit, form, on):
                return unit
        return None

    def next_level(self, chain: Sequence[UnitNode], on: dt.date) -> UnitNode | None:
        """The nearest unit above ``chain[0]`` whose head holds an office on ``on``."""
        for unit in chain[1:]:
            if self.offices_of(unit, on):
                return unit
        return None

    def within(self, unit: UnitNode, forms: Iterable[str], on: dt.date) -> tuple[str, ...]:
        """Those of ``forms`` that ``unit`` may decide on ``on``."""
        return tuple(form for form in forms if self.may_decide(unit, form, on))
