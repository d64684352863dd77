"""Issue 11: two organizers editing the same delegate list at the same moment (threads on
PostgreSQL, through the API as their browsers would): nothing either of them did is lost."""

import pytest
from rest_framework.test import APIClient

from conftest import make_user
from thidua.campaigns.tests.test_concurrency import run_together
from thidua.conferences.models import Delegate
from thidua.conferences.tests.conftest import guest, honoree
from thidua.core.models import AuditEntry

pytestmark = pytest.mark.django_db(transaction=True)


def api_as(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def second_organizer(world):
    return make_user("commune_a_2", world.commune_a)


def test_two_organizers_adding_at_once_both_land(
    postgres_only, conference_a, commune_a_officer, second_organizer, world
):
    first, second = honoree(world.commune_a), honoree(world.commune_a)
    url = f"/api/v1/conferences/{conference_a.pk}/delegates/"

    def add(user, person):
        return lambda: api_as(user).post(url, {"honoree": person.pk}, format="json").status_code

    results = run_together(add(commune_a_officer, first), add(second_organizer, second))
    assert results == [201, 201]
    listed = set(Delegate.objects.filter(conference=conference_a).values_list("honoree", flat=True))
    assert {first.pk, second.pk} <= listed


def test_two_organizers_editing_one_delegate_lose_nothing(
    postgres_only, conference_a, commune_a_officer, second_organizer
):
    delegate = guest(conference_a, commune_a_officer, name="Khách mời Lê Văn Tám")
    url = f"/api/v1/delegates/{delegate.pk}/"

    def patch(user, values):
        return lambda: api_as(user).patch(url, values, format="json").status_code

    for round_ in range(5):  # several rounds: a lost update would show up in one of them
        phone, email = f"091234567{round_}", f"tam{round_}@example.vn"
        results = run_together(
            patch(commune_a_officer, {"phone": phone}),
            patch(second_organizer, {"email": email}),
        )
        assert results == [200, 200]
        delegate.refresh_from_db()
        assert (delegate.phone, delegate.email) == (phone, email)
    updates = AuditEntry.objects.filter(
        action="conferences.delegate.updated", object_id=str(delegate.pk)
    )
    assert updates.count() == 10  # every change recorded, none swallowed


def test_the_same_field_edited_at_once_ends_as_one_of_them_with_both_recorded(
    postgres_only, conference_a, commune_a_officer, second_organizer
):
    delegate = guest(conference_a, commune_a_officer, name="Khách mời Đỗ Thị Lan")
    url = f"/api/v1/delegates/{delegate.pk}/"
    results = run_together(
        lambda: api_as(commune_a_officer).patch(url, {"position": "Bí thư"}, format="json"),
        lambda: api_as(second_organizer).patch(url, {"position": "Chủ tịch"}, format="json"),
    )
    assert [r.status_code for r in results] == [200, 200]
    delegate.refresh_from_db()
    assert delegate.position in {"Bí thư", "Chủ tịch"}
    entries = list(
        AuditEntry.objects.filter(action="conferences.delegate.updated", object_id=str(delegate.pk))
        .order_by("id")
        .values_list("data", flat=True)
    )
    assert len(entries) == 2  # serialised by the row lock: the second saw the first's value
