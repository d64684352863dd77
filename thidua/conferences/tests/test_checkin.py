"""Invitations, badges and check-in (issue 7): tokens, GM numbering, answers, the check-in
rules (once, repeat with the time, nonce, other conference, revoked, not on the list), walk-ins,
search with and without diacritics, attendance figures and their query count, audit."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from thidua.conferences import checkin, services
from thidua.conferences.models import CheckIn, Delegate
from thidua.conferences.tests.conftest import VN
from thidua.conferences.tests.day import BASE, approved, invite_one, issuer, nonce
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.core.testing import count_queries
from thidua.documents import codec
from thidua.documents import spec as doc
from thidua.documents.models import DocumentBatch, GeneratedDocument

AT = dt.datetime(2025, 2, 20, 7, 42, tzinfo=VN)


@pytest.fixture
def ready_a(conference_a, commune_a_officer, world):
    issuer(world.commune_a)
    return approved(conference_a, commune_a_officer, world.commune_a)


def _people(conference):
    return list(Delegate.objects.filter(conference=conference).order_by("pk"))


def test_invitations_need_an_approved_list(conference_a, commune_a_officer, world):
    issuer(world.commune_a)
    with pytest.raises(DomainError) as refused:
        services.issue_invitations(conference_a, by=commune_a_officer, base_url=BASE)
    assert refused.value.code == "conferences.list_not_approved"
    assert not GeneratedDocument.objects.exists()


def test_one_invitation_is_a_numbered_gm_with_an_unguessable_token(ready_a, commune_a_officer):
    first, second = _people(ready_a)[:2]
    document = invite_one(first, commune_a_officer)
    again = invite_one(second, commune_a_officer)
    assert (document.kind, document.symbol, again.symbol) == ("GM", "01/GM-UBND", "02/GM-UBND")
    first.refresh_from_db()
    assert first.status == "invited" and first.invitation_id == document.pk
    assert first.badge_number == 1 and first.invited_at is not None
    # The token is long, random, and says nothing of the id.
    assert len(first.token) >= 32 and first.token != str(first.pk)
    assert re.fullmatch(r"[A-Za-z0-9_-]+", first.token)
    second.refresh_from_db()
    assert first.token != second.token
    # The QR in the document carries the link with the token, never the id.
    qr = [b for b in document.spec["blocks"] if b["_"] == "Qr"]
    assert qr[0]["data"] == f"{BASE}hoi-nghi/moi/{first.token}/"
    assert f"/{first.pk}/" not in qr[0]["data"]
    back = codec.spec_from_data(document.spec)  # the QR block survives a re-issue
    assert any(isinstance(b, doc.Qr) and b.data == qr[0]["data"] for b in back.blocks)
    assert document.pdf.read().startswith(b"%PDF") and document.docx.size > 0
    assert AuditEntry.objects.filter(action="conferences.invitation.issued").count() == 2


def test_batch_invitation_numbers_one_gm_and_renders_every_copy(ready_a, commune_a_officer):
    batch = services.issue_invitations(ready_a, by=commune_a_officer, base_url=BASE)
    assert isinstance(batch, DocumentBatch) and batch.total == 10
    document = GeneratedDocument.objects.get()
    assert document.symbol == "01/GM-UBND" and document.source_id == str(ready_a.pk)
    people = _people(ready_a)
    assert {d.invitation_id for d in people} == {document.pk}
    assert sorted(d.badge_number for d in people) == list(range(1, 11))
    assert len({d.token for d in people}) == 10
    copies = batch.specs
    links = {b["data"] for spec in copies for b in spec["blocks"] if b["_"] == "Qr"}
    assert links == {f"{BASE}hoi-nghi/moi/{d.token}/" for d in people}
    assert {spec["number"]["serial"] for spec in copies} == {1}
    with pytest.raises(DomainError) as refused:
        services.issue_invitations(ready_a, by=commune_a_officer, base_url=BASE)
    assert refused.value.code == "conferences.all_invited"
    assert AuditEntry.objects.filter(action="conferences.invitation.batch_issued").count() == 1


def test_the_delegate_answers_from_the_link(ready_a, commune_a_officer):
    delegate = _people(ready_a)[0]
    invite_one(delegate, commune_a_officer)
    delegate.refresh_from_db()
    assert services.respond(delegate.token, attending=True).status == "confirmed"
    assert services.respond(delegate.token, attending=False).status == "declined"
    with pytest.raises(DomainError) as refused:
        services.respond("not-a-token", attending=True)
    assert refused.value.code == "conferences.token_unknown"
    assert AuditEntry.objects.filter(action="conferences.invitation.answered").count() == 2


def _invited(conference, officer):
    services.issue_invitations(conference, by=officer, base_url=BASE)
    return _people(conference)


def test_a_scan_checks_in_once_and_a_repeat_gives_the_time(ready_a, commune_a_officer):
    delegate = _invited(ready_a, commune_a_officer)[0]
    first = checkin.check_in(
        ready_a, by=commune_a_officer, nonce=nonce(), token=delegate.token, gate="A", now=AT
    )
    assert first.outcome == "checked_in" and first.ok
    again = checkin.check_in(
        ready_a,
        by=commune_a_officer,
        nonce=nonce(),
        token=delegate.token,
        now=AT + dt.timedelta(minutes=5),
    )
    assert again.outcome == "already" and not again.ok
    assert "đã điểm danh lúc 07:42" in again.message
    delegate.refresh_from_db()
    assert delegate.checked_in_at == AT and delegate.status == "checked_in"
    assert delegate.checked_in_by == commune_a_officer
    assert AuditEntry.objects.filter(action="conferences.delegate.checked_in").count() == 1
    assert list(CheckIn.objects.order_by("at").values_list("outcome", flat=True)) == [
        "checked_in",
        "already",
    ]


def test_a_retried_request_with_the_same_nonce_is_answered_once(ready_a, commune_a_officer):
    delegate = _invited(ready_a, commune_a_officer)[0]
    key = nonce()
    first = checkin.check_in(ready_a, by=commune_a_officer, nonce=key, token=delegate.token)
    retry = checkin.check_in(ready_a, by=commune_a_officer, nonce=key, token=delegate.token)
    assert first.outcome == retry.outcome == "checked_in"
    assert retry.replayed and not first.replayed
    assert CheckIn.objects.count() == 1
    assert AuditEntry.objects.filter(action="conferences.delegate.checked_in").count() == 1
    with pytest.raises(DomainError) as refused:
        checkin.check_in(ready_a, by=commune_a_officer, nonce="", token=delegate.token)
    assert refused.value.code == "conferences.bad_nonce"


def test_refusals_carry_the_reason(
    ready_a, conference_b, commune_a_officer, commune_b_officer, world
):
    people = _invited(ready_a, commune_a_officer)
    issuer(world.commune_b, place="Tây Sơn", line="XÃ TÂY SƠN")
    other = approved(conference_b, commune_b_officer, world.commune_b)
    stranger = _invited(other, commune_b_officer)[0]
    result = checkin.check_in(ready_a, by=commune_a_officer, nonce=nonce(), token=stranger.token)
    assert (result.outcome, result.reason) == ("refused", "other_conference")
    assert result.delegate is None  # nothing of B's delegate is shown at A's door
    assert "hội nghị khác" in result.message
    services.revoke_badge(people[1], by=commune_a_officer, reason="Mất thẻ")
    result = checkin.check_in(ready_a, by=commune_a_officer, nonce=nonce(), token=people[1].token)
    assert (result.outcome, result.reason) == ("refused", "revoked")
    assert "thu hồi" in result.message
    result = checkin.check_in(ready_a, by=commune_a_officer, nonce=nonce(), token="xyz")
    assert (result.outcome, result.reason) == ("refused", "unknown")
    assert not Delegate.objects.filter(checked_in_at__isnull=False).exists()
    assert CheckIn.objects.filter(outcome="refused").count() == 3
    # A renewed badge works; the old token is then unknown.
    old = people[1].token
    renewed = services.renew_badge(people[1], by=commune_a_officer)
    assert renewed.token != old
    result = checkin.check_in(ready_a, by=commune_a_officer, nonce=nonce(), token=old)
    assert result.reason == "unknown"
    result = checkin.check_in(
        ready_a, by=commune_a_officer, nonce=nonce(), token=f"{BASE}hoi-nghi/moi/{renewed.token}/"
    )
    assert result.outcome == "checked_in"  # the QR's whole URL is accepted as well
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"conferences.badge.revoked", "conferences.badge.renewed"} <= actions


def test_checkin_needs_the_role(ready_a, commune_a_officer, viewer_a, commune_b_officer):
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    delegate = _invited(ready_a, commune_a_officer)[0]
    with pytest.raises(PermissionDenied):
        checkin.check_in(ready_a, by=viewer_a, nonce=nonce(), token=delegate.token)
    with pytest.raises(Http404):
        checkin.check_in(ready_a, by=commune_b_officer, nonce=nonce(), token=delegate.token)
    assert not CheckIn.objects.exists()


def test_walk_in_is_added_marked_and_present(ready_a, commune_a_officer):
    key = nonce()
    result = checkin.add_walk_in(
        ready_a, by=commune_a_officer, nonce=key, name="  Hoàng Văn Đến ", gender="male"
    )
    assert result.outcome == "walk_in"
    walker = result.delegate
    assert walker.origin == "walk_in" and walker.is_walk_in and walker.checked_in_at is not None
    assert walker.name == "Hoàng Văn Đến" and walker.token
    again = checkin.add_walk_in(ready_a, by=commune_a_officer, nonce=key, name="Hoàng Văn Đến")
    assert again.replayed and Delegate.objects.filter(origin="walk_in").count() == 1
    with pytest.raises(DomainError) as refused:
        checkin.add_walk_in(ready_a, by=commune_a_officer, nonce=nonce(), name=" ")
    assert refused.value.code == "conferences.name_missing"
    assert AuditEntry.objects.filter(action="conferences.delegate.walk_in").count() == 1
    figures = checkin.attendance(ready_a)
    assert (figures.present, figures.expected, figures.walk_ins) == (1, 10, 1)


def test_search_with_or_without_diacritics(ready_a):
    for query in ("Lê Thị Hồng", "le thi hong", "HONG", "thị hồ"):
        assert [d.name for d in checkin.find_delegates(ready_a, query)] == ["Lê Thị Hồng"]
    assert len(checkin.find_delegates(ready_a, "dien hinh")) == 7
    assert checkin.find_delegates(ready_a, "h") == []


def test_attendance_figures(ready_a, commune_a_officer):
    people = _invited(ready_a, commune_a_officer)
    empty = checkin.attendance(ready_a)
    assert (empty.present, empty.expected, empty.honoree_share) == (0, 10, None)
    honorees = [d for d in people if d.category == "honoree"]
    guests = [d for d in people if d.category != "honoree"]
    for d in (honorees[0], honorees[1], honorees[5], guests[0]):
        checkin.check_in(ready_a, by=commune_a_officer, nonce=nonce(), token=d.token)
    figures = checkin.attendance(ready_a)
    assert (figures.present, figures.expected) == (4, 10)
    assert figures.honorees_present == 3 and figures.honoree_percent == 75
    categories = {t.code: (t.present, t.expected) for t in figures.by_category}
    assert categories == {"honoree": (3, 7), "guest": (1, 2), "leader": (0, 1)}
    genders = {t.code: (t.present, t.expected) for t in figures.by_gender}
    present_women = sum(1 for d in (honorees[0], honorees[1], honorees[5], guests[0])
                        if d.gender == "female")  # fmt: skip
    assert genders["female"][0] == present_women
    assert sum(p for p, _ in genders.values()) == 4 and sum(e for _, e in genders.values()) == 10
    assert figures.percent == 40


def test_attendance_runs_one_query_however_many(ready_a, commune_a_officer):
    people = _invited(ready_a, commune_a_officer)
    assert count_queries(lambda: checkin.attendance(ready_a)) == 1
    for d in people:
        checkin.check_in(ready_a, by=commune_a_officer, nonce=nonce(), token=d.token)
    checkin.add_walk_in(ready_a, by=commune_a_officer, nonce=nonce(), name="Khách lạ")
    assert count_queries(lambda: checkin.attendance(ready_a)) == 1
    assert checkin.attendance(ready_a).present == 11


def test_tally_is_pure():
    rows = [
        {"category": "honoree", "gender": "female", "origin": "honoree_pool", "present": 2,
         "expected": 3},
        {"category": "guest", "gender": "", "origin": "walk_in", "present": 1, "expected": 0},
    ]  # fmt: skip
    figures = checkin.tally(rows)
    assert (figures.present, figures.expected, figures.walk_ins) == (3, 3, 1)
    assert figures.honoree_percent == 67
