import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from conftest import PASSWORD, make_user
from thidua.accounts.models import LoginFailure
from thidua.core.models import AuditEntry


@pytest.mark.django_db
def test_login_page_is_vietnamese_and_logs_in(client, world):
    make_user("nv", world.district)
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Tên đăng nhập" in page and "Mật khẩu" in page and 'lang="vi"' in page
    response = client.post(reverse("accounts:login"), {"username": "nv", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert AuditEntry.objects.filter(action="accounts.user.logged_in").count() == 1


@pytest.mark.django_db
def test_wrong_password_gets_a_vietnamese_message(client, world):
    make_user("nv", world.district)
    response = client.post(reverse("accounts:login"), {"username": "nv", "password": "sai"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
    assert LoginFailure.objects.filter(username="nv").count() == 1


@pytest.mark.django_db
@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_lockout_after_repeated_failures_refuses_even_the_right_password(client, world):
    make_user("nv", world.district)
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": "nv", "password": "sai"})
    response = client.post(reverse("accounts:login"), {"username": "nv", "password": PASSWORD})
    assert response.status_code == 200
    assert "Tài khoản tạm khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action="accounts.user.locked_out").count() == 1


@pytest.mark.django_db
@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_LOCKOUT_MINUTES=15)
def test_lockout_ends_after_the_window(client, world):
    import datetime as dt

    import time_machine

    make_user("nv", world.district)
    with time_machine.travel(dt.datetime(2025, 1, 1, 8, 0, tzinfo=dt.UTC)):
        for _ in range(3):
            client.post(reverse("accounts:login"), {"username": "nv", "password": "sai"})
    with time_machine.travel(dt.datetime(2025, 1, 1, 8, 16, tzinfo=dt.UTC)):
        response = client.post(reverse("accounts:login"), {"username": "nv", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_success_clears_earlier_failures(client, world):
    make_user("nv", world.district)
    client.post(reverse("accounts:login"), {"username": "nv", "password": "sai"})
    client.post(reverse("accounts:login"), {"username": "nv", "password": PASSWORD})
    assert LoginFailure.objects.filter(username="nv").count() == 0


def test_production_hasher_is_argon2(settings):
    from config import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


@pytest.mark.django_db
def test_argon2_hashes_a_password():
    from django.contrib.auth.hashers import make_password

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"]):
        assert make_password("Persona@12345").startswith("argon2$")


@pytest.mark.django_db
def test_logout_is_a_post(client, world):
    user = make_user("nv", world.district)
    client.force_login(user)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert get_user_model().objects.filter(username="nv").exists()


@pytest.mark.django_db
def test_anonymous_pages_redirect_to_login(client, world):
    for url in (
        reverse("core:home"),
        reverse("units:unit-list"),
        reverse("units:unit-detail", args=[world.commune_a.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_unit_switcher_changes_the_active_unit_only_to_own_memberships(client, world):
    from thidua.units.models import Membership

    user = make_user("multi", world.commune_a)
    other = Membership.objects.create(user=user, unit=world.commune_b, role="viewer")
    stranger = make_user("stranger", world.district)
    foreign = Membership.objects.get(user=stranger)
    client.force_login(user)
    client.post(reverse("accounts:switch-unit"), {"membership": foreign.pk})
    assert "Xã Đông Hòa" in client.get(reverse("core:home")).content.decode().split("<h1")[1]
    client.post(
        reverse("accounts:switch-unit"), {"membership": other.pk, "next": "https://evil.example/"}
    )
    home = client.get(reverse("core:home")).content.decode()
    assert '<p class="lead mb-1">Xã Tây Sơn</p>' in home
