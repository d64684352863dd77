"""A seeded synthetic country for scale tests and benchmarks (``manage.py generate_national``).

Units come from ``load_units legacy`` (63 provinces, 696 districts, 10,051 communes) under a
"Trung ương" root; then honorees and their recognitions, one national campaign issued by the
real services, a conference per commune with its delegates and check-ins, and what the communes
sent back. Same seed, same sizes: the same rows.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

from django.db import connection, transaction

from thidua.campaigns.models import Campaign
from thidua.conferences.models import Conference, Delegate
from thidua.honorees.models import Honoree, Recognition
from thidua.operations.national import events, people
from thidua.operations.national.distributions import NOW, Sizes
from thidua.operations.national.writer import Progress, drop_secondary_indexes
from thidua.units.loader import load_units
from thidua.units.models import Unit

__all__ = ["NOW", "NotEmptyError", "Report", "Sizes", "generate", "is_empty"]


class NotEmptyError(Exception):
    """The database already holds domain data (use force to add to it anyway)."""


@dataclass
class Report:
    campaign_id: int = 0
    root_id: int = 0
    units: int = 0
    honorees: int = 0
    recognitions: int = 0
    conferences: int = 0
    delegates: int = 0
    checkins: int = 0
    assignments: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


def is_empty() -> bool:
    """No units, honorees, campaigns or conferences yet (a freshly migrated database)."""
    return not any(
        model.objects.exists() for model in (Unit, Honoree, Campaign, Conference, Delegate)
    )


def generate(
    sizes: Sizes,
    *,
    seed: int = 2025,
    province: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Report:
    """Build the synthetic country (one province's subtree only if ``province`` is given)."""
    if not force and not is_empty():
        raise NotEmptyError
    progress = progress or Progress(None)
    report = Report()

    def step(name: str, action):
        started = time.perf_counter()
        result = action()
        report.seconds[name] = time.perf_counter() - started
        return result

    step("units", lambda: load_units("legacy", province_code=province))
    root = step("root", people.central_root)
    places = people.places(root, province)
    report.root_id, report.units = root.pk, len(places)
    with transaction.atomic():
        _check_foreign_keys_now()
        rebuild = drop_secondary_indexes(Honoree, Recognition)
        folk = step(
            "honorees",
            lambda: people.generate_honorees(
                places, sizes.honorees, _rng(seed, "honorees"), progress
            ),
        )
        step(
            "recognitions",
            lambda: people.generate_recognitions(
                folk, places, sizes.recognitions, _rng(seed, "recognitions"), progress
            ),
        )
        step("registry indexes", rebuild)
    campaign = step("campaign", lambda: events.national_campaign(root))
    report.campaign_id = campaign.pk
    with transaction.atomic():
        _check_foreign_keys_now()
        rebuild = drop_secondary_indexes(Delegate)
        held = step(
            "conferences",
            lambda: events.generate_conferences(
                campaign, places, sizes.conferences, _rng(seed, "conf"), progress
            ),
        )
        report.checkins = step(
            "delegates",
            lambda: events.generate_delegates(
                held,
                folk,
                places,
                sizes.delegates,
                sizes.checkins,
                _rng(seed, "delegates"),
                progress,
            ),
        )
        step("delegate indexes", rebuild)
        report.assignments = step(
            "progress",
            lambda: events.spread_progress(campaign, held, sizes.feedback, _rng(seed, "progress")),
        )
    step("analyze", _analyze)
    report.honorees = len(folk.names)
    report.recognitions = Recognition.objects.filter(honoree_id__gte=folk.first).count()
    report.conferences = len(held)
    report.delegates = sum(c.delegates for c in held)
    return report


def _rng(seed: int, step: str) -> random.Random:
    """One generator per step, so a change in one step leaves the others' rows alone."""
    return random.Random(f"{seed}:{step}")  # noqa: S311 (test data, not secrets)


def _check_foreign_keys_now() -> None:
    """PostgreSQL: check each copied row's foreign keys as it arrives, instead of queueing
    millions of deferred checks for the commit (Django's constraints are deferrable)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _analyze() -> None:
    """Fresh planner statistics after the bulk load (PostgreSQL), so the first queries on the
    new rows get good plans."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
