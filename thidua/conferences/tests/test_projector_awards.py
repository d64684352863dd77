"""The projector's award item names the people of this unit's award decisions for the
campaign's period (thidua/awards), not the invited honorees, once such decisions exist."""

from __future__ import annotations

import datetime as dt

from thidua.awards import services as award_services
from thidua.awards.tests import conftest as awards_fixtures
from thidua.awards.tests.conftest import reviewed_proposal
from thidua.conferences import projector, rules

# The awards app's fixtures, used here (pytest finds fixtures among a module's names).
awards_world = awards_fixtures.awards_world
catalogues = awards_fixtures.catalogues


def test_award_item_shows_the_decided_names(awards_world, conference_a):
    w = awards_world
    award = conference_a.agenda_items.get(kind=rules.PLAN_ITEM, position=rules.AWARD_POSITION)
    conference_a.current_item = award
    conference_a.save(update_fields=["current_item"])
    assert projector.state(conference_a)["honoured_source"] == "invited"
    proposal, items = reviewed_proposal(
        w, [("lan", "giay-khen"), ("minh", "giay-khen")], held_on=dt.date(2025, 2, 10)
    )
    award_services.decide(
        proposal, by=w.leader_a, items=list(items.values()), decided_on=dt.date(2025, 2, 12)
    )
    state = projector.state(conference_a)
    assert state["current"]["is_award"] and state["honoured_source"] == "decisions"
    assert [p["name"] for p in state["honoured"]] == ["Nguyễn Thị Lan", "Trần Văn Minh"]
