"""Presentations: presenters among the listed delegates, representation of fields and social
components, time against the agenda item; side activities as dated entries (R9, R11)."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.conferences.models import Delegate
from thidua.core.errors import ConflictError, DomainError
from thidua.core.models import AuditEntry
from thidua.honorees.models import Field, SocialComponent
from thidua.proceedings import selectors, services
from thidua.proceedings.models import Presentation, SideActivity
from thidua.proceedings.tests.conftest import guest


@pytest.fixture
def codes(db):
    fields = list(Field.objects.order_by("order", "name").values_list("code", flat=True)[:3])
    components = list(
        SocialComponent.objects.order_by("order", "name").values_list("code", flat=True)[:2]
    )
    return fields, components


@pytest.fixture
def people(conference_a, commune_a_officer, codes):
    fields, components = codes
    return [
        guest(
            conference_a,
            commune_a_officer,
            name="Nguyễn Văn An",
            field=fields[0],
            component=components[0],
        ),
        guest(
            conference_a,
            commune_a_officer,
            name="Trần Thị Bình",
            gender="female",
            field=fields[1],
            component=components[1],
        ),
        guest(
            conference_a,
            commune_a_officer,
            name="Lê Văn Cường",
            field=fields[2],
            component=components[0],
        ),
    ]


def _item(conference):
    return conference.agenda_items.get(position=selectors.PRESENTATIONS_POSITION)


def test_choice_shows_missing_fields_and_components_and_time(
    conference_a, commune_a_officer, people, codes
):
    fields, components = codes
    item = _item(conference_a)
    page = selectors.presentations_page(conference_a)
    assert [code for code, _l in page.fields.missing] == sorted(
        fields,
        key=lambda c: list(
            Field.objects.order_by("order", "name").values_list("code", flat=True)
        ).index(c),
    )
    services.add_presentation(
        conference_a,
        by=commune_a_officer,
        agenda_item=item,
        delegate=people[0],
        title="Mô hình trồng rau an toàn",
        minutes=item.duration_minutes - 5,
    )
    page = selectors.presentations_page(conference_a)
    assert [c for c, _l in page.fields.covered] == [fields[0]]
    assert {c for c, _l in page.fields.missing} == {fields[1], fields[2]}
    assert [c for c, _l in page.components.missing] == [components[1]]
    (plan,) = [p for p in page.items if p.item.pk == item.pk]
    assert plan.fit.fits and plan.fit.spare == 5
    services.add_presentation(
        conference_a,
        by=commune_a_officer,
        agenda_item=item,
        delegate=people[1],
        title="Phụ nữ khởi nghiệp",
        minutes=7,
    )
    page = selectors.presentations_page(conference_a)
    assert page.components.complete
    assert [c for c, _l in page.fields.missing] == [fields[2]]
    (plan,) = [p for p in page.items if p.item.pk == item.pk]
    assert not plan.fit.fits and plan.fit.over == 2
    assert page.count == 2
    assert AuditEntry.objects.filter(action="proceedings.presentation.added").count() == 2


def test_presentation_refusals(
    conference_a, conference_b, commune_a_officer, commune_b_officer, people
):
    item = _item(conference_a)
    other = guest(conference_b, commune_b_officer, name="Người xã B")
    cases = [
        ({"delegate": other}, "proceedings.not_this_conference"),
        ({"title": "  "}, "proceedings.title_required"),
        ({"minutes": 0}, "proceedings.minutes_invalid"),
    ]
    for change, code in cases:
        arguments = {"agenda_item": item, "delegate": people[0], "title": "T", "minutes": 5}
        with pytest.raises(DomainError) as refused:
            services.add_presentation(conference_a, by=commune_a_officer, **(arguments | change))
        assert refused.value.code == code
    Delegate.objects.filter(pk=people[2].pk).update(status="reserve")
    people[2].refresh_from_db()
    with pytest.raises(DomainError) as refused:
        services.add_presentation(
            conference_a,
            by=commune_a_officer,
            agenda_item=item,
            delegate=people[2],
            title="T",
            minutes=5,
        )
    assert refused.value.code == "proceedings.not_on_list"
    services.add_presentation(
        conference_a,
        by=commune_a_officer,
        agenda_item=item,
        delegate=people[0],
        title="T",
        minutes=5,
    )
    with pytest.raises(ConflictError):
        services.add_presentation(
            conference_a,
            by=commune_a_officer,
            agenda_item=item,
            delegate=people[0],
            title="Lần hai",
            minutes=5,
        )
    assert Presentation.objects.count() == 1


def test_side_activities_are_dated_entries(conference_a, commune_a_officer):
    services.add_side_activity(
        conference_a,
        by=commune_a_officer,
        kind="performance",
        title="Văn nghệ chào mừng",
        held_on=dt.date(2025, 2, 20),
        participants=25,
    )
    services.add_side_activity(
        conference_a,
        by=commune_a_officer,
        kind="dialogue",
        title="Đối thoại giữa Chủ tịch UBND xã và điển hình",
        held_on=dt.date(2025, 2, 19),
        place="Hội trường xã",
    )
    assert [a.kind for a in selectors.side_activities_of(conference_a)] == [
        "dialogue",
        "performance",
    ]
    with pytest.raises(DomainError) as refused:
        services.add_side_activity(
            conference_a,
            by=commune_a_officer,
            kind="party",
            title="x",
            held_on=dt.date(2025, 2, 20),
        )
    assert refused.value.code == "proceedings.bad_kind"
    assert SideActivity.objects.count() == 2
    activity = SideActivity.objects.get(kind="dialogue")
    services.remove_side_activity(activity, by=commune_a_officer)
    assert SideActivity.objects.count() == 1
    assert AuditEntry.objects.filter(action__startswith="proceedings.side_activity.").count() == 3
