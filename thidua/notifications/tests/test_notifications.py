"""In-app notifications: once per key, one's own only, the bell's count."""

import pytest
from django.urls import reverse

from thidua.notifications.models import Notification
from thidua.notifications.services import notify, notify_many


@pytest.mark.django_db
def test_notify_is_idempotent_per_key(commune_a_officer, commune_b_officer):
    first = notify([commune_a_officer, commune_b_officer], title="Nhắc hạn", key="k1")
    again = notify([commune_a_officer, commune_b_officer], title="Nhắc hạn", key="k1")
    assert (len(first), again) == (2, [])
    notify([commune_a_officer], title="Không khóa")
    notify([commune_a_officer], title="Không khóa")
    assert Notification.objects.filter(recipient=commune_a_officer).count() == 3
    assert (
        notify_many([(commune_a_officer, None), (commune_b_officer, None)], title="X", key="k1")
        == 2
    )
    assert Notification.objects.filter(key="k1").count() == 2  # conflicts skipped


@pytest.mark.django_db
def test_the_bell_counts_only_ones_own_unread(client, commune_a_officer, commune_b_officer):
    notify([commune_a_officer], title="Của A", link="/ke-hoach/")
    mine = notify([commune_b_officer], title="Của B")[0]
    client.force_login(commune_a_officer)
    badge = client.get(reverse("notifications:notification-badge")).content.decode()
    assert 'data-testid="notification-count">1<' in badge
    listing = client.get(reverse("notifications:notification-list")).content.decode()
    assert "Của A" in listing and "Của B" not in listing
    other = client.post(reverse("notifications:notification-open", args=[mine.pk]))
    assert other.status_code == 404
    own = Notification.objects.get(title="Của A")
    opened = client.post(reverse("notifications:notification-open", args=[own.pk]))
    assert (opened.status_code, opened["Location"]) == (302, "/ke-hoach/")
    own.refresh_from_db()
    assert own.read_at is not None
    badge = client.get(reverse("notifications:notification-badge")).content.decode()
    assert "notification-count" not in badge


@pytest.mark.django_db
def test_an_outside_link_is_never_followed(client, commune_a_officer):
    item = notify([commune_a_officer], title="Lạ", link="https://evil.example/")[0]
    client.force_login(commune_a_officer)
    response = client.post(reverse("notifications:notification-open", args=[item.pk]))
    assert response["Location"] == reverse("notifications:notification-list")


@pytest.mark.django_db
def test_read_all(client, commune_a_officer):
    notify([commune_a_officer], title="1")
    notify([commune_a_officer], title="2")
    client.force_login(commune_a_officer)
    client.post(reverse("notifications:notification-read-all"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()
