"""The programme: the plan's items from the template, extras, order, timing, acceptance, CTr."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.conferences import programme, selectors, services
from thidua.conferences.models import AgendaItem, AgendaTemplate
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.documents import services as document_services
from thidua.documents.models import GeneratedDocument


def _titles(conference):
    return list(conference.agenda_items.order_by("order").values_list("title", flat=True))


def test_agenda_starts_from_the_plan_with_the_template_timing(conference_a):
    agenda = selectors.agenda_of(conference_a)
    assert [e.item.duration_minutes for e in agenda.items] == [15, 30, 45, 20, 30, 10, 10, 10, 10]
    assert [e.item.position for e in agenda.items] == list(range(1, 10))
    assert [(e.start_text, e.end_text) for e in agenda.items[:3]] == [
        ("7h30", "7h45"),
        ("7h45", "8h15"),
        ("8h15", "9h00"),
    ]
    assert (agenda.total_minutes, agenda.session_minutes, agenda.overrun, agenda.fits) == (
        180,
        210,
        0,
        True,
    )


def test_a_campaign_template_replaces_the_default(campaign, world, commune_a_officer):
    own = AgendaTemplate.objects.create(
        code="rieng", campaign=campaign, name="Riêng", session_minutes=240
    )
    own.items.create(order=1, kind="plan", position=1, title="Khai mạc", duration_minutes=25)
    conference = services.create_conference(
        campaign,
        world.commune_a,
        by=commune_a_officer,
        held_on=dt.date(2025, 3, 1),
        session="morning",
        venue="Hội trường",
    )
    first = conference.agenda_items.order_by("order").first()
    assert (first.duration_minutes, conference.session_minutes) == (25, 240)
    assert conference.agenda_items.count() == 9  # the campaign's nine lines, default timing
    assert conference.agenda_items.order_by("order")[1].duration_minutes == 10


def test_add_an_extra_before_the_closing_and_move_it(conference_a, commune_a_officer):
    item = services.add_agenda_item(
        conference_a,
        by=commune_a_officer,
        title="Chương trình văn nghệ chào mừng.",
        duration_minutes=15,
        presenter="Đội văn nghệ",
    )
    titles = _titles(conference_a)
    assert titles[8:] == ["Chương trình văn nghệ chào mừng.", "Tổng kết và bế mạc."]
    services.move_agenda_item(item, by=commune_a_officer, position=1)
    assert _titles(conference_a)[:2] == [
        "Chương trình văn nghệ chào mừng.",
        "Tuyên bố lý do, giới thiệu đại biểu và khai mạc.",
    ]
    assert list(conference_a.agenda_items.order_by("order").values_list("order", flat=True)) == (
        list(range(1, 11))
    )
    moved = AuditEntry.objects.get(action="conferences.agenda.item_moved")
    assert moved.data == {"from": 9, "to": 1, "unaccepted": False}
    with pytest.raises(DomainError) as refused:
        services.move_agenda_item(item, by=commune_a_officer, position=11)
    assert refused.value.code == "conferences.bad_position"


def test_plan_items_stay_extras_go(conference_a, commune_a_officer):
    plan_item = conference_a.agenda_items.get(position=4)
    with pytest.raises(DomainError) as refused:
        services.remove_agenda_item(plan_item, by=commune_a_officer)
    assert refused.value.code == "conferences.plan_item_required"
    extra = services.add_agenda_item(
        conference_a, by=commune_a_officer, title="Phim tư liệu", duration_minutes=10
    )
    services.remove_agenda_item(extra, by=commune_a_officer)
    assert conference_a.agenda_items.count() == 9
    assert not AgendaItem.objects.filter(pk=extra.pk).exists()


def test_overrun_warns_and_acceptance_records_it(conference_a, commune_a_officer):
    item = conference_a.agenda_items.get(position=3)
    services.update_agenda_item(item, by=commune_a_officer, duration_minutes=76)
    agenda = selectors.agenda_of(conference_a)
    assert (agenda.total_minutes, agenda.overrun, agenda.fits) == (211, 1, False)
    accepted = services.accept_agenda(conference_a, by=commune_a_officer)
    assert accepted.agenda_accepted_by == commune_a_officer
    entry = AuditEntry.objects.get(action="conferences.agenda.accepted")
    assert entry.data == {"items": 9, "minutes": 211, "session_minutes": 210, "overrun": 1}


def test_a_change_after_acceptance_clears_it(conference_a, commune_a_officer):
    services.accept_agenda(conference_a, by=commune_a_officer)
    item = conference_a.agenda_items.get(position=2)
    services.update_agenda_item(item, by=commune_a_officer, presenter="Phó Chủ tịch UBND xã")
    conference_a.refresh_from_db()
    assert conference_a.agenda_accepted_at is None
    entry = AuditEntry.objects.get(action="conferences.agenda.item_updated")
    assert entry.data["unaccepted"] is True
    with pytest.raises(DomainError) as refused:
        services.update_agenda_item(item, by=commune_a_officer, duration_minutes=0)
    assert refused.value.code == "conferences.bad_duration"


def test_programme_spec_is_the_agenda_as_a_table(conference_a):
    spec = programme.programme_spec(conference_a, selectors.agenda_of(conference_a))
    assert spec.type_code == "CTr"
    assert spec.summary == (
        "Hội nghị tuyên dương điển hình tiên tiến xã Đông Hòa",
        "giai đoạn 2021-2025",
    )
    when, venue, table = spec.blocks
    assert when.text == "Thời gian: 01 buổi, buổi sáng ngày 20 tháng 02 năm 2025, bắt đầu từ 7h30."
    assert venue.text == "Địa điểm: Hội trường UBND xã Đông Hòa."
    assert table.header == ("Thời gian", "Nội dung", "Thực hiện")
    assert table.rows[0] == (
        "7h30 - 7h45",
        "Tuyên bố lý do, giới thiệu đại biểu và khai mạc.",
        "Ban Tổ chức; đồng chí Chủ trì Hội nghị",
    )
    assert len(table.rows) == 9


def _issuer(unit):
    return document_services.create_issuer(
        by=None,
        unit=unit,
        abbreviation="UBND",
        name_lines=("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"),
        place="Đông Hòa",
    )


def test_issue_programme_needs_acceptance_then_numbers_it(conference_a, commune_a_officer, world):
    _issuer(world.commune_a)
    with pytest.raises(DomainError) as refused:
        services.issue_programme(conference_a, by=commune_a_officer)
    assert refused.value.code == "conferences.agenda_not_accepted"
    services.accept_agenda(conference_a, by=commune_a_officer)
    document = services.issue_programme(
        conference_a, by=commune_a_officer, date=dt.date(2025, 2, 10)
    )
    assert (document.kind, document.symbol, document.source_id) == (
        "CTr",
        "01/CTr-UBND",
        str(conference_a.pk),
    )
    assert GeneratedDocument.objects.count() == 1
    entry = AuditEntry.objects.get(action="conferences.agenda.programme_issued")
    assert entry.data == {"symbol": "01/CTr-UBND", "document": document.pk}


def test_issue_programme_without_issuer_is_refused(conference_a, commune_a_officer):
    services.accept_agenda(conference_a, by=commune_a_officer)
    with pytest.raises(DomainError) as refused:
        services.issue_programme(conference_a, by=commune_a_officer)
    assert refused.value.code == "conferences.issuer_missing"
    assert not GeneratedDocument.objects.exists()
