"""Quota, nomination, the three procedures, certification, correction (services, database)."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from thidua.core.errors import ConflictError, DomainError
from thidua.elections import selectors, services
from thidua.elections.models import Certification, Poll
from thidua.elections.tests.conftest import OPENING, nominate, seat

pytestmark = pytest.mark.django_db


def allocate(campaign, world, by, seats=5, **extra):
    return services.allocate(
        campaign,
        world.district,
        by=by,
        seats=seats,
        method="hamilton",
        weight_source="staff",
        min_per_unit=1,
        **extra,
    )


def test_allocation_from_staff_counts_with_categories(campaign, world, district_officer):
    allocation = allocate(
        campaign,
        world,
        district_officer,
        seats=10,
        categories=[{"feature": "gender", "value": "female", "share": "0.4", "label": "nữ"}],
    )
    # Staff: A 150, B 320 -> 10 seats by Hamilton: 150/470*10 = 3.19, 320/470*10 = 6.81.
    assert allocation.result == {str(world.commune_a.pk): 3, str(world.commune_b.pk): 7}
    assert sum(allocation.categories[0]["per_unit"].values()) == 4
    again = allocate(campaign, world, district_officer, seats=4)
    assert again.pk == allocation.pk and sum(again.result.values()) == 4


def test_allocation_refusals_write_nothing(campaign, world, district_officer, commune_a_officer):
    with pytest.raises(DomainError) as error:
        services.allocate(
            campaign,
            world.district,
            by=district_officer,
            seats=1,
            method="hamilton",
            weight_source="staff",
            min_per_unit=1,
        )
    assert error.value.code.startswith("elections.")
    with pytest.raises(Http404):
        services.allocate(
            campaign,
            world.district,
            by=commune_a_officer,
            seats=4,
            method="hamilton",
            weight_source="staff",
        )
    assert not selectors.Allocation.objects.exists()


def test_quota_becomes_rules_of_the_nominee_checker(
    campaign, world, district_officer, conference_a, commune_a_officer
):
    allocate(
        campaign,
        world,
        district_officer,
        seats=10,
        categories=[{"feature": "gender", "value": "female", "count": 4, "label": "nữ"}],
    )
    women = seat(conference_a, commune_a_officer, 3)
    men = seat(conference_a, commune_a_officer, 2, prefix="Nam", gender="male")
    nominate(conference_a, commune_a_officer, men)
    report = selectors.check_nominees(conference_a)
    labels = {r.label: r for r in report.results}
    # A's share: 3 of the 10 seats, and of the 4 women 3/10 * 4 = 1.2 -> at least 1.
    assert labels["tổng số đại biểu"].passed and not labels["nữ"].passed
    nominate(conference_a, commune_a_officer, women[:1])
    report = selectors.check_nominees(conference_a)
    labels = {r.label: r for r in report.results}
    assert labels["nữ"].passed and labels["tổng số đại biểu"].passed
    # The district level's composition rules run too: three guests break its category rules.
    assert report.failures and {r.rule.feature for r in report.failures} == {"category"}
    nominate(conference_a, commune_a_officer, women[1:2])
    report = selectors.check_nominees(conference_a)
    assert not {r.label: r for r in report.results}["tổng số đại biểu"].passed  # 4 > 3 seats


def test_show_of_hands_per_candidate_and_certify(
    conference_a, electorate, commune_a_officer, leader_a, issuer_a, conference_d
):
    nominate(conference_a, commune_a_officer, electorate[:3])
    poll = services.create_poll(conference_a, by=commune_a_officer, procedure="hands", seats=2)
    services.open_poll(poll, by=commune_a_officer, now=OPENING)
    poll.refresh_from_db()
    assert (poll.entitled, poll.present) == (9, 9)
    ids = [str(c.pk) for c in poll.candidates.all()]
    services.record_hands(
        poll, by=commune_a_officer, counts={ids[0]: (9, 0, 0), ids[1]: (5, 4, 0), ids[2]: (4, 5, 0)}
    )
    poll = services.close_poll(poll, by=commune_a_officer)
    assert poll.result["status"] == "elected"
    assert poll.result["elected"] == ids[:2]
    assert "quá một nửa" in poll.rule_text
    with pytest.raises(PermissionDenied):
        services.certify(poll, by=commune_a_officer)
    record = services.certify(poll, by=leader_a)
    assert record.document.symbol.endswith("/BB-UBND")
    pool = selectors.upper_pool(conference_d)
    assert [e.delegate.name for e in pool] == [electorate[0].name, electorate[1].name]


def test_certified_result_is_immutable_and_corrected_by_a_new_record(
    conference_a, electorate, commune_a_officer, leader_a, issuer_a, conference_d
):
    nominate(conference_a, commune_a_officer, electorate[:2])
    poll = services.create_poll(
        conference_a, by=commune_a_officer, procedure="hands", scope="whole_list"
    )
    services.open_poll(poll, by=commune_a_officer, now=OPENING)
    services.record_hands(poll, by=commune_a_officer, counts={"__list__": (8, 1, 0)})
    poll = services.close_poll(poll, by=commune_a_officer)
    assert poll.result["status"] == "approved"
    first = services.certify(poll, by=leader_a)
    with pytest.raises(TypeError):
        first.save()
    with pytest.raises(TypeError):
        Certification.objects.filter(pk=first.pk).update(reason="x")
    with pytest.raises(ConflictError):
        services.certify(poll, by=leader_a)
    with pytest.raises(DomainError):
        services.correct(poll, by=leader_a, reason=" ", delegate_ids=[electorate[0].pk])
    second = services.correct(
        poll, by=leader_a, reason="Nhầm tên khi ghi biên bản", delegate_ids=[electorate[0].pk]
    )
    assert second.supersedes_id == first.pk and second.version == 2
    assert selectors.current_certification(poll) == second
    assert [e.delegate.pk for e in selectors.upper_pool(conference_d)] == [electorate[0].pk]


def test_quorum_missed_by_one_cannot_be_certified(
    conference_a, commune_a_officer, leader_a, issuer_a
):
    people = seat(conference_a, commune_a_officer, 10, checked_in=5)  # 5 of 10: not more than half
    nominate(conference_a, commune_a_officer, people[:1])
    poll = services.create_poll(conference_a, by=commune_a_officer, procedure="hands", seats=1)
    services.open_poll(poll, by=commune_a_officer, now=OPENING)
    ids = [str(c.pk) for c in poll.candidates.all()]
    services.record_hands(poll, by=commune_a_officer, counts={ids[0]: (5, 0, 0)})
    poll = services.close_poll(poll, by=commune_a_officer)
    assert poll.result["status"] == "no_quorum"
    with pytest.raises(ConflictError) as error:
        services.certify(poll, by=leader_a)
    assert error.value.code == "elections.no_quorum"


def test_tie_at_the_last_seat_goes_to_a_runoff(
    conference_a, electorate, commune_a_officer, leader_a, issuer_a, conference_d
):
    nominate(conference_a, commune_a_officer, electorate[:3])
    poll = services.create_poll(conference_a, by=commune_a_officer, procedure="hands", seats=2)
    services.open_poll(poll, by=commune_a_officer, now=OPENING)
    ids = [str(c.pk) for c in poll.candidates.all()]
    services.record_hands(
        poll, by=commune_a_officer, counts={ids[0]: (9, 0, 0), ids[1]: (6, 3, 0), ids[2]: (6, 3, 0)}
    )
    poll = services.close_poll(poll, by=commune_a_officer)
    assert poll.result["status"] == "runoff"
    with pytest.raises(ConflictError):
        services.certify(poll, by=leader_a)
    runoff = services.start_runoff(poll, by=commune_a_officer)
    assert runoff.seats == 1 and runoff.candidates.count() == 2
    services.open_poll(runoff, by=commune_a_officer, now=OPENING)
    rids = [str(c.pk) for c in runoff.candidates.all()]
    services.record_hands(
        runoff, by=commune_a_officer, counts={rids[0]: (3, 6, 0), rids[1]: (7, 2, 0)}
    )
    runoff = services.close_poll(runoff, by=commune_a_officer)
    record = services.certify(runoff, by=leader_a)
    names = {e.delegate.name for e in selectors.upper_pool(conference_d)}
    first, second = poll.candidates.all()[0].name, runoff.candidates.all()[1].name
    assert names == {first, second}
    # The minutes of the run-off name everyone sent upward, the first round's elected too.
    text = json.dumps(record.document.spec, ensure_ascii=False)
    assert f"): {first}, {second}." in text


def test_paper_ballots_double_entry_mismatch_is_refused(
    conference_a, electorate, commune_a_officer, council_a, issuer_a
):
    nominate(conference_a, commune_a_officer, electorate[:2])
    poll = services.create_poll(
        conference_a, by=commune_a_officer, procedure="paper", seats=2, paper_reserve=3
    )
    services.open_poll(poll, by=commune_a_officer, now=OPENING)
    poll.refresh_from_db()
    assert poll.ballots_issued == 12  # 9 present + 3 reserve
    a, b = (str(c.pk) for c in poll.candidates.all())
    services.record_box(
        poll, by=commune_a_officer, box="1", entry=1, cast=9, invalid=1, approvals={a: 7, b: 4}
    )
    with pytest.raises(DomainError) as error:
        services.record_box(
            poll, by=council_a, box="1", entry=2, cast=9, invalid=1, approvals={a: 7, b: 3}
        )
    assert error.value.code == "elections.double_entry_mismatch"
    assert poll.box_entries.count() == 1
    with pytest.raises(DomainError):  # only one entry: the close refuses
        services.close_poll(poll, by=commune_a_officer)
    with pytest.raises(ConflictError) as error:  # nobody confirms their own entry
        services.record_box(
            poll, by=commune_a_officer, box="1", entry=2, cast=9, invalid=1, approvals={a: 7, b: 4}
        )
    assert error.value.code == "elections.same_person"
    services.record_box(
        poll, by=council_a, box="1", entry=2, cast=9, invalid=1, approvals={a: 7, b: 4}
    )
    poll = services.close_poll(poll, by=commune_a_officer)
    # 8 valid ballots: 7 for a (elected), 4 for b (exactly half: not more than half).
    assert poll.result["invalid"] == 1 and poll.result["elected"] == [a]


def test_electronic_vote_once_per_token_with_receipt(
    conference_a, electorate, commune_a_officer, leader_a, issuer_a
):
    nominate(conference_a, commune_a_officer, electorate[:2])
    poll = services.create_poll(conference_a, by=commune_a_officer, procedure="electronic", seats=1)
    tokens = services.open_poll(poll, by=commune_a_officer, now=OPENING)
    assert len(tokens) == 9
    a, b = (str(c.pk) for c in poll.candidates.all())
    receipts = [services.cast_ballot(token, [a]) for _d, token in tokens[:6]]
    with pytest.raises(ConflictError) as error:
        services.cast_ballot(tokens[0][1], [b])
    assert error.value.code == "elections.already_voted"
    with pytest.raises(DomainError):
        services.cast_ballot(tokens[7][1], [a, b])  # more than 1 seat
    with pytest.raises(DomainError):
        services.cast_ballot("NOTATOKEN", [a])
    assert poll.ballots.count() == 6
    ballot = services.receipt_status(receipts[0])
    assert ballot is not None and ballot.poll == poll
    poll = services.close_poll(poll, by=commune_a_officer)
    assert poll.result["votes"] == {a: 6, b: 0} and poll.result["elected"] == [a]
    assert poll.rule_text.startswith("Hình thức: bỏ phiếu kín điện tử.")
    with pytest.raises(ConflictError):
        services.cast_ballot(tokens[8][1], [a])  # closed


def test_opening_needs_someone_present_and_snapshots_the_electorate(
    conference_a, commune_a_officer
):
    from thidua.conferences.models import Delegate

    people = seat(conference_a, commune_a_officer, 4, checked_in=0)
    nominate(conference_a, commune_a_officer, people[:1])
    poll = services.create_poll(conference_a, by=commune_a_officer, procedure="electronic", seats=1)
    with pytest.raises(DomainError):
        services.open_poll(poll, by=commune_a_officer, now=OPENING)
    Delegate.objects.filter(pk__in=[p.pk for p in people[:3]]).update(checked_in_at=OPENING)
    tokens = services.open_poll(poll, by=commune_a_officer, now=OPENING)
    Delegate.objects.filter(pk=people[3].pk).update(checked_in_at=OPENING)  # too late
    poll.refresh_from_db()
    assert (poll.entitled, poll.present, len(tokens)) == (4, 3, 3)
    assert poll.electors.count() == 3
    with pytest.raises(ConflictError):
        services.nominate(conference_a, by=commune_a_officer, delegate_ids=[people[1].pk])
    assert Poll.objects.count() == 1


def test_campaign_rules_override_the_default_and_polls_copy_them(
    campaign, conference_a, electorate, commune_a_officer, district_officer
):
    from thidua.elections.models import VotingRules

    default = selectors.voting_rules(campaign)
    assert default.code == "default" and default.campaign is None
    with pytest.raises(Http404):
        services.set_campaign_rules(campaign, by=commune_a_officer, threshold="0.6")
    with pytest.raises(DomainError):
        services.set_campaign_rules(campaign, by=district_officer, threshold="1.5")
    own = services.set_campaign_rules(campaign, by=district_officer, threshold="0.6",
                                      threshold_strict=False)  # fmt: skip
    assert selectors.voting_rules(campaign) == own
    nominate(conference_a, commune_a_officer, electorate[:1])
    poll = services.create_poll(conference_a, by=commune_a_officer, procedure="hands", seats=1)
    VotingRules.objects.filter(pk=own.pk).update(threshold="0.9")  # a later change: not copied
    services.open_poll(poll, by=commune_a_officer, now=OPENING)
    key = str(poll.candidates.get().pk)
    services.record_hands(poll, by=commune_a_officer, counts={key: (6, 3, 0)})  # 6/9 >= 60%
    poll = services.close_poll(poll, by=commune_a_officer)
    assert poll.result["elected"] == [key]
    assert "từ 60% trở lên" in poll.rule_text


def test_the_district_sees_who_has_not_sent_a_list(
    campaign, world, district_officer, conference_a, electorate, commune_a_officer, leader_a,
    issuer_a,
):  # fmt: skip
    allocation = allocate(campaign, world, district_officer, seats=4)
    missing = {s.unit for s in selectors.sub_unit_statuses(allocation) if not s.sent}
    assert missing == {world.commune_a, world.commune_b}
    nominate(conference_a, commune_a_officer, electorate[:1])
    poll = services.create_poll(conference_a, by=commune_a_officer, procedure="hands",
                                scope="whole_list")  # fmt: skip
    services.open_poll(poll, by=commune_a_officer, now=OPENING)
    services.record_hands(poll, by=commune_a_officer, counts={"__list__": (9, 0, 0)})
    services.certify(services.close_poll(poll, by=commune_a_officer), by=leader_a)
    statuses = {s.unit: s for s in selectors.sub_unit_statuses(allocation)}
    assert statuses[world.commune_a].sent and not statuses[world.commune_b].sent
    assert [d.pk for d in statuses[world.commune_a].certified] == [electorate[0].pk]


def test_honoree_counts_as_weights(campaign, world, district_officer):
    from thidua.conferences.tests.conftest import honoree

    for _ in range(3):
        honoree(world.agency_a1)  # below commune A: counts for A
    honoree(world.commune_b)
    weights = services.source_weights(world.district, "honorees", campaign=campaign)
    assert weights == {str(world.commune_a.pk): 3, str(world.commune_b.pk): 1}
    allocation = services.allocate(campaign, world.district, by=district_officer, seats=4,
                                   method="huntington-hill", weight_source="honorees")  # fmt: skip
    assert allocation.result == {str(world.commune_a.pk): 3, str(world.commune_b.pk): 1}
