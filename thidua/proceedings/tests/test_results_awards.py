"""The results report counts the awards decided on proposals attached to the conference (by
form, collectives and individuals); awards of other proposals are not counted."""

from __future__ import annotations

import datetime as dt

from thidua.awards import services as awards
from thidua.awards.tests import conftest as awards_fixtures
from thidua.proceedings import selectors

awards_world = awards_fixtures.awards_world
catalogues = awards_fixtures.catalogues
form = awards_fixtures.form


def _decided(w, *, source, plan):
    proposal = awards.create_proposal(
        by=w.organizer_a,
        unit=w.world.commune_a,
        title="Khen thưởng tại hội nghị",
        period_start=2020,
        period_end=2025,
        source=source,
    )
    items = [
        awards.add_candidate(
            proposal,
            by=w.organizer_a,
            honoree=w.honorees[key],
            award_form=form(code),
            achievement="Có thành tích xuất sắc trong phong trào thi đua",
            rating="excellent",
        )
        for key, code in plan
    ]
    awards.submit_for_review(proposal, by=w.organizer_a)
    awards.close_review(
        proposal,
        by=w.council_a,
        held_on=dt.date(2025, 2, 20),
        members_present=3,
        votes={item.pk: (3, 0, 0) for item in items},
    )
    for item in items:
        item.refresh_from_db()
    return awards.decide(proposal, by=w.leader_a, items=items, decided_on=dt.date(2025, 2, 20))


def test_awards_of_the_conference_by_form(awards_world, conference_a):
    w = awards_world
    _decided(w, source=conference_a, plan=[("lan", "giay-khen"), ("group", "giay-khen")])
    _decided(w, source=None, plan=[("minh", "giay-khen")])  # not at the conference
    lines = selectors.award_lines(conference_a)
    assert [(a.form, a.collectives, a.individuals) for a in lines] == [("Giấy khen", 1, 1)]
    figures, _present = selectors.results_figures(conference_a)
    assert figures.awards == lines
