"""The optimizer at a conference: proposals that satisfy the checker once applied, the seed's
determinism, explanations, infeasibility, must-include people, and applying."""

from __future__ import annotations

import pytest

from thidua.conferences import rules, selectors, services
from thidua.conferences.models import Delegate, DelegateProposal
from thidua.conferences.tests.conftest import add_women_rule, guest, honoree
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry

GENDERS = {"m": "male", "f": "female"}


@pytest.fixture
def pool_a(campaign, world):
    """Commune A's honorees: 6 men with strong records, 5 women with weaker ones, and 4 of
    equal merit (one CSTĐCS each) so the lottery has something to decide."""
    add_women_rule(campaign)  # women >= 40%
    men = [honoree(world.commune_a, "male", records=[("cstdcs", 2022), ("cstdcs", 2023)])
           for _ in range(6)]  # fmt: skip
    women = [honoree(world.commune_a, "female", records=[("ldtt", 2023)]) for _ in range(5)]
    equals = [honoree(world.agency_a1, GENDERS[g], records=[("cstdcs", 2024)]) for g in "mmff"]
    return {"men": men, "women": women, "equals": equals}


@pytest.fixture
def guests_a(conference_a, commune_a_officer):
    leader = guest(conference_a, commune_a_officer, "Chủ tịch UBND xã", category="leader")
    others = [guest(conference_a, commune_a_officer, gender=GENDERS[g]) for g in "ffmmf"]
    return [leader, *others]


def _propose(conference, by, size=10, seed=7, **extra):
    return services.propose_delegates(conference, by=by, size=size, seed=seed, **extra)


def test_applied_proposal_passes_the_checker(conference_a, commune_a_officer, pool_a, guests_a):
    leader = guests_a[0]
    proposal = _propose(conference_a, commune_a_officer, required=[f"d{leader.pk}"])
    assert proposal.status == "optimal"
    assert len(proposal.selected) == 10
    assert f"d{leader.pk}" in proposal.selected
    assert all(r["passed"] for r in proposal.report)
    counts = services.apply_proposal(proposal, by=commune_a_officer)
    report = selectors.check_list(conference_a)
    assert report.passed
    assert report.total == 10
    on_list = list(selectors.delegates_on_list(conference_a))
    assert sum(d.category == "honoree" for d in on_list) == 7
    assert sum(d.gender == "female" for d in on_list) >= 4
    assert counts == {"added": 7, "kept": 3, "removed": 0, "reserved": 3}
    assert Delegate.objects.filter(conference=conference_a, status="reserve").count() == 3
    proposal.refresh_from_db()
    assert proposal.applied_by == commune_a_officer
    entry = AuditEntry.objects.get(action="conferences.proposal.applied")
    assert entry.data == {**counts, "seed": 7, "size": 10}


def test_merit_comes_first_and_the_men_with_two_cstdcs_are_chosen_within_the_rules(
    conference_a, commune_a_officer, pool_a, guests_a
):
    proposal = _propose(conference_a, commune_a_officer)
    chosen = set(proposal.selected)
    men_in = [m for m in pool_a["men"] if f"h{m.pk}" in chosen]
    # 7 honorees, at least 4 women in the 10 (the 3 chosen guests may include women)
    honorees = [k for k in proposal.selected if k.startswith("h")]
    assert len(honorees) == 7
    assert len(men_in) >= 3
    by_key = {e["key"]: e for e in proposal.pool}
    for entry in proposal.pool:
        assert entry["lottery"] == rules_lottery(proposal.seed, entry["key"])
        assert entry["reason"] in {
            rules.REQUIRED,
            rules.MERIT,
            rules.LOTTERY_WON,
            rules.LOTTERY_LOST,
            rules.MERIT_LOW,
            rules.COMPOSITION_IN,
            rules.COMPOSITION_OUT,
        }
    best = max(pool_a["men"], key=lambda m: m.pk)
    assert by_key[f"h{best.pk}"]["merit"] == "6.00"


def rules_lottery(seed, key):
    from thidua.selection.optimizer import lottery_number

    return lottery_number(seed, key)


def test_same_seed_same_list(conference_a, commune_a_officer, pool_a, guests_a):
    first = _propose(conference_a, commune_a_officer, seed=2025)
    second = _propose(conference_a, commune_a_officer, seed=2025)
    assert first.selected == second.selected
    assert [e["reason"] for e in first.pool] == [e["reason"] for e in second.pool]
    seeds = {tuple(_propose(conference_a, commune_a_officer, seed=s).selected) for s in range(6)}
    assert len(seeds) > 1  # the lottery among equal merit really depends on the seed


def test_a_drawn_seed_is_stored(conference_a, commune_a_officer, pool_a, guests_a):
    proposal = services.propose_delegates(conference_a, by=commune_a_officer, size=10)
    again = _propose(conference_a, commune_a_officer, seed=proposal.seed)
    assert again.selected == proposal.selected
    entry = AuditEntry.objects.filter(action="conferences.proposal.created").first()
    assert entry.data["seed"] == proposal.seed


def test_infeasible_rules_say_which_conflict_and_how_to_relax(
    campaign, conference_a, commune_a_officer, pool_a, guests_a
):
    rule = campaign.composition_rules.get(feature="gender", level="commune")
    from thidua.campaigns import services as campaign_services

    campaign_services.update_composition_rule(rule, by=None, min_value="0.95")
    leader = guests_a[0]  # a man the organizer requires: 95% women of 10 cannot hold
    proposal = _propose(conference_a, commune_a_officer, required=[f"d{leader.pk}"])
    assert proposal.status == "infeasible"
    assert proposal.selected == []
    assert "đại biểu nữ" in proposal.conflicts
    assert proposal.relaxation
    assert any("đại biểu nữ" in r["message"] for r in proposal.relaxation)
    assert proposal.message.startswith("Không thể thỏa mãn đồng thời các quy tắc")
    with pytest.raises(DomainError) as refused:
        services.apply_proposal(proposal, by=commune_a_officer)
    assert refused.value.code == "conferences.proposal_infeasible"
    assert (
        not Delegate.objects.filter(conference=conference_a, status="listed")
        .exclude(origin="manual")
        .exists()
    )


def test_size_not_a_multiple_of_ten_cannot_hold_70_30_exactly(
    conference_a, commune_a_officer, pool_a, guests_a
):
    proposal = _propose(conference_a, commune_a_officer, size=11)
    assert proposal.status == "infeasible"
    assert proposal.relaxation


def test_refusals(conference_b, commune_b_officer, world):
    with pytest.raises(DomainError) as refused:
        _propose(conference_b, commune_b_officer, size=201)
    assert refused.value.code == "conferences.size_above_cap"
    for extra, code in [
        ({"size": 0}, "conferences.bad_size"),
        ({"seed": -1}, "conferences.bad_seed"),
        ({"required": ["h999999"]}, "conferences.unknown_required"),
        ({"weights": {"initiative": "nhiều"}}, "conferences.bad_weights"),
        ({"source": "somewhere"}, "conferences.bad_source"),
    ]:
        with pytest.raises(DomainError) as refused:
            _propose(conference_b, commune_b_officer, **extra)
        assert refused.value.code == code
    assert not DelegateProposal.objects.exists()


def test_weights_change_the_merit(conference_a, commune_a_officer, pool_a, guests_a):
    proposal = _propose(
        conference_a, commune_a_officer, weights={"forms": {"ldtt": 10}, "works_directly": 0}
    )
    woman = pool_a["women"][0]
    entry = next(e for e in proposal.pool if e["key"] == f"h{woman.pk}")
    assert entry["merit"] == "10.00"
    assert proposal.weights["forms"]["ldtt"] == 10.0


def test_apply_removes_honorees_not_proposed_and_keeps_hand_entries(
    conference_a, commune_a_officer, pool_a, guests_a
):
    weakest = honoree(conference_a.unit, "male")
    seat = services.add_honoree_delegate(conference_a, by=commune_a_officer, honoree_id=weakest.pk)
    proposal = _propose(conference_a, commune_a_officer)
    assert f"h{weakest.pk}" not in proposal.selected
    services.apply_proposal(proposal, by=commune_a_officer)
    assert not Delegate.objects.filter(pk=seat.pk).exists()
    assert Delegate.objects.filter(conference=conference_a, origin="manual").count() == 6
    with pytest.raises(DomainError) as refused:
        services.apply_proposal(proposal, by=commune_a_officer)
    assert refused.value.code == "conferences.proposal_applied"


def test_a_stale_proposal_is_refused(conference_a, commune_a_officer, pool_a, guests_a):
    proposal = _propose(conference_a, commune_a_officer)
    chosen_guest = next(k for k in proposal.selected if k.startswith("d"))
    Delegate.objects.filter(pk=rules.parse_key(chosen_guest)[1]).delete()
    with pytest.raises(DomainError) as refused:
        services.apply_proposal(proposal, by=commune_a_officer)
    assert refused.value.code == "conferences.proposal_stale"


def test_certified_source(campaign, conference_a, commune_a_officer, district_officer, world):
    seats = [
        services.add_honoree_delegate(
            conference_a, by=commune_a_officer, honoree_id=honoree(world.commune_a, GENDERS[g]).pk
        )
        for g in "mf"
    ]
    services.certify_upward(conference_a, by=commune_a_officer, delegates=seats, note="Biên bản")
    district = services.create_conference(
        campaign,
        world.district,
        by=district_officer,
        held_on=__import__("datetime").date(2025, 5, 20),
        session="morning",
        venue="Hội trường huyện",
    )
    proposal = services.propose_delegates(
        district, by=district_officer, size=2, seed=1, source="certified"
    )
    # 2 certified honorees cannot make 70/30 on their own: infeasible, explained
    assert proposal.status == "infeasible"
    assert {e["key"] for e in proposal.pool} == {f"c{s.pk}" for s in seats}
