"""The delegate list: the pool, hand entries, the checker, approval with and without override,
and the upward seam for issue 8."""

from __future__ import annotations

import pytest
from django.http import Http404

from thidua.conferences import selectors, services
from thidua.conferences.models import Delegate
from thidua.conferences.tests.conftest import DISTRICT_DAY, add_women_rule, guest, honoree
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry


def _results(report):
    return [(r.label, r.required, r.actual, r.passed) for r in report.results]


def test_an_honoree_enters_with_a_snapshot_of_the_rule_attributes(
    conference_a, commune_a_officer, world
):
    person = honoree(
        world.agency_a1,
        "female",
        records=[("cstdcs", 2023), ("ldtt", 2019)],
        works_directly=True,
        position="Giáo viên",
    )
    delegate = services.add_honoree_delegate(
        conference_a, by=commune_a_officer, honoree_id=person.pk
    )
    assert (delegate.category, delegate.origin, delegate.status) == (
        "honoree",
        "honoree_pool",
        "listed",
    )
    assert (delegate.gender, delegate.direct_producer, delegate.sub_unit) == (
        "female",
        True,
        world.agency_a1,
    )
    assert (delegate.titles, float(delegate.merit), delegate.position) == (
        ["cstdcs"],
        4.0,  # CSTĐCS 3 + works directly 1; the 2019 LĐTT is before the review period
        "Giáo viên",
    )
    assert delegate.checker_attributes() == {
        "category": "honoree",
        "direct_producer": True,
        "gender": "female",
        "sub_unit": str(world.agency_a1.pk),
        "titles": ["cstdcs"],
    }
    with pytest.raises(DomainError) as refused:
        services.add_honoree_delegate(conference_a, by=commune_a_officer, honoree_id=person.pk)
    assert refused.value.code == "conferences.already_listed"


def test_an_honoree_outside_the_subtree_is_not_in_the_pool(
    conference_a, commune_a_officer, district_officer, world
):
    other = honoree(world.commune_b)
    with pytest.raises(Http404):
        services.add_honoree_delegate(conference_a, by=commune_a_officer, honoree_id=other.pk)
    with pytest.raises(Http404):  # even for someone who sees both communes
        services.add_honoree_delegate(conference_a, by=district_officer, honoree_id=other.pk)
    assert not Delegate.objects.exists()


def test_manual_entries_are_checked(conference_a, commune_a_officer, world):
    cases = [
        ({"category": "honoree"}, "conferences.bad_category"),
        ({"name": "  "}, "conferences.name_missing"),
        ({"gender": "x"}, "conferences.bad_gender"),
        ({"economic_sector": "khong-co"}, "conferences.unknown_code"),
        ({"sub_unit": world.commune_b}, "conferences.bad_sub_unit"),
    ]
    for extra, code in cases:
        values = {"category": "guest", "name": "Trần Văn Khách"} | extra
        with pytest.raises(DomainError) as refused:
            services.add_manual_delegate(conference_a, by=commune_a_officer, **values)
        assert refused.value.code == code
    leader = services.add_manual_delegate(
        conference_a,
        by=commune_a_officer,
        category="leader",
        name="Lê Văn Chủ Tịch",
        gender="male",
        sub_unit=world.commune_a,
        economic_sector="kinh-te-nha-nuoc",
        required=True,
        phone="0912345678",
    )
    assert (leader.origin, leader.required, leader.economic_sector) == (
        "manual",
        True,
        "kinh-te-nha-nuoc",
    )


def test_remove_sends_a_hand_entry_to_reserve_and_deletes_an_honoree(
    conference_a, commune_a_officer, world
):
    person = honoree(world.commune_a)
    seat = services.add_honoree_delegate(conference_a, by=commune_a_officer, honoree_id=person.pk)
    visitor = guest(conference_a, commune_a_officer)
    assert services.remove_delegate(seat, by=commune_a_officer) is None
    assert not Delegate.objects.filter(pk=seat.pk).exists()
    kept = services.remove_delegate(visitor, by=commune_a_officer)
    assert kept.status == "reserve"
    assert list(selectors.delegates_on_list(conference_a)) == []
    services.restore_delegate(visitor, by=commune_a_officer)
    assert list(selectors.delegates_on_list(conference_a)) == [visitor]
    removed = AuditEntry.objects.filter(action="conferences.delegate.removed").order_by("pk")
    assert [e.data["origin"] for e in removed] == ["honoree_pool", "manual"]


def test_honoree_snapshot_cannot_be_edited_but_contact_can(conference_a, commune_a_officer, world):
    seat = services.add_honoree_delegate(
        conference_a, by=commune_a_officer, honoree_id=honoree(world.commune_a).pk
    )
    with pytest.raises(DomainError) as refused:
        services.update_delegate(seat, by=commune_a_officer, gender="male")
    assert refused.value.code == "conferences.snapshot_fields"
    updated = services.update_delegate(seat, by=commune_a_officer, phone="0987654321")
    assert updated.phone == "0987654321"


def _fill(conference, by, world, honorees=7, guests=3, women=0):
    for index in range(honorees):
        person = honoree(world.commune_a, "female" if index < women else "male")
        services.add_honoree_delegate(conference, by=by, honoree_id=person.pk)
    return [guest(conference, by) for _ in range(guests)]


def test_checker_on_the_exact_70_30_boundary(conference_a, commune_a_officer, world):
    _fill(conference_a, commune_a_officer, world, honorees=7, guests=3)
    report = selectors.check_list(conference_a)
    assert _results(report) == [
        ("đại biểu điển hình tiên tiến", "70%", "70% (7/10)", True),
        ("đại biểu khách mời và lãnh đạo các cấp, các ngành", "30%", "30% (3/10)", True),
    ]
    _fill(conference_a, commune_a_officer, world, honorees=1, guests=0)
    report = selectors.check_list(conference_a)
    assert [r.passed for r in report.results] == [False, False]
    assert report.results[0].message == (
        "Đại biểu điển hình tiên tiến vượt 1 người: cần 70%, hiện 72,7% (8/11). Cách sửa: giữ "
        "nguyên 11 người thì thay 1 đại biểu điển hình tiên tiến bằng người khác; hoặc bớt 1 đại "
        "biểu điển hình tiên tiến; hoặc thêm 1 người không thuộc nhóm này."
    )


def test_the_cap_is_a_rule_of_the_list(conference_b, commune_b_officer, world):
    services.propose_cap(conference_b, by=commune_b_officer, proposed=10)
    decided = services.decide_cap(conference_b, by=commune_b_officer, cap=10)
    rules = selectors.checker_rules(decided)
    assert rules[-1] == {"feature": "*", "unit": "count", "max": "10", "label": "tổng số"}


def test_approval_refused_while_a_rule_fails_then_overridden_with_a_reason(
    campaign, conference_a, commune_a_officer, world
):
    add_women_rule(campaign)
    _fill(conference_a, commune_a_officer, world, honorees=7, guests=3, women=3)
    with pytest.raises(DomainError) as refused:
        services.approve_delegate_list(conference_a, by=commune_a_officer)
    assert refused.value.code == "conferences.rules_failing"
    assert refused.value.details["failures"] == [
        "Thiếu 1 đại biểu nữ: cần ≥ 40%, hiện 30% (3/10). Cách sửa: giữ nguyên 10 người thì thay "
        "1 người khác bằng đại biểu nữ; hoặc thêm 2 đại biểu nữ; hoặc bớt 3 người không thuộc "
        "nhóm này."
    ]
    conference_a.refresh_from_db()
    assert (conference_a.status, conference_a.list_approved_at) == ("preparing", None)
    assert not AuditEntry.objects.filter(action="conferences.delegate_list.approved").exists()
    approved = services.approve_delegate_list(
        conference_a, by=commune_a_officer, override_reason="Xã chỉ có 3 nữ điển hình."
    )
    assert (approved.status, approved.list_override_reason) == (
        "list_approved",
        "Xã chỉ có 3 nữ điển hình.",
    )
    entry = AuditEntry.objects.get(action="conferences.delegate_list.approved")
    assert entry.actor == commune_a_officer
    assert entry.data == {
        "delegates": 10,
        "override": True,
        "reason": "Xã chỉ có 3 nữ điển hình.",
        "failures": refused.value.details["failures"],
    }


def test_approval_of_a_passing_list_needs_no_reason(conference_a, commune_a_officer, world):
    _fill(conference_a, commune_a_officer, world)
    approved = services.approve_delegate_list(
        conference_a, by=commune_a_officer, override_reason="không cần"
    )
    assert (approved.list_override_reason, approved.list_override_failures) == ("", [])
    with pytest.raises(DomainError) as refused:
        guest(conference_a, commune_a_officer)
    assert refused.value.code == "conferences.list_approved"


def test_approval_needs_a_decided_cap_and_a_list(conference_b, commune_b_officer, leader_a):
    with pytest.raises(DomainError) as refused:
        services.approve_delegate_list(conference_b, by=commune_b_officer)
    assert refused.value.code == "conferences.cap_not_decided"
    services.propose_cap(conference_b, by=commune_b_officer, proposed=150)
    services.decide_cap(conference_b, by=commune_b_officer, cap=150)
    with pytest.raises(DomainError) as refused:
        services.approve_delegate_list(conference_b, by=commune_b_officer)
    assert refused.value.code == "conferences.list_empty"


def test_reopen_before_invitations_only(conference_a, commune_a_officer, world):
    visitors = _fill(conference_a, commune_a_officer, world)
    services.approve_delegate_list(conference_a, by=commune_a_officer)
    with pytest.raises(DomainError) as refused:
        services.reopen_delegate_list(conference_a, by=commune_a_officer, reason="")
    assert refused.value.code == "conferences.reason_missing"
    Delegate.objects.filter(pk=visitors[0].pk).update(status="invited")  # as issue 7 would
    with pytest.raises(DomainError) as refused:
        services.reopen_delegate_list(conference_a, by=commune_a_officer, reason="Bổ sung")
    assert refused.value.code == "conferences.invitations_sent"
    Delegate.objects.filter(pk=visitors[0].pk).update(status="listed")
    reopened = services.reopen_delegate_list(conference_a, by=commune_a_officer, reason="Bổ sung")
    assert reopened.status == "preparing"


def test_certified_delegates_feed_the_upper_conference(
    campaign, conference_a, commune_a_officer, district_officer, world
):
    seats = [
        services.add_honoree_delegate(
            conference_a, by=commune_a_officer, honoree_id=honoree(world.commune_a).pk
        )
        for _ in range(2)
    ]
    district = services.create_conference(
        campaign,
        world.district,
        by=district_officer,
        held_on=DISTRICT_DAY,
        session="morning",
        venue="Hội trường huyện",
    )
    assert list(selectors.certified_pool(district)) == []
    with pytest.raises(DomainError) as refused:
        services.certify_upward(conference_a, by=commune_a_officer, delegates=seats, note="")
    assert refused.value.code == "conferences.reason_missing"
    count = services.certify_upward(
        conference_a,
        by=commune_a_officer,
        delegates=seats[:1],
        note="Biên bản bầu đại biểu ngày 20/02/2025",
    )
    assert count == 1
    assert list(selectors.certified_pool(district)) == [seats[0]]
    candidates = selectors.certified_candidates(district)
    assert [(c.key, c.origin, c.sub_unit_id) for c in candidates] == [
        (f"c{seats[0].pk}", "certified", world.commune_a.pk)
    ]
