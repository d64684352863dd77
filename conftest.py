"""Cross-app fixtures: the personas of the access tests and the browser set-up.

Personas (a small world of their own, independent of the demo data):
    province P
    └── district D            <- district_officer (organizer)
        ├── commune A         <- commune_a_officer (organizer)
        │   └── agency A1
        └── commune B         <- commune_b_officer (organizer): must see nothing of A
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests explore the same cases on every run (CI must not fail at random); a developer
# hunting for new cases runs `pytest --hypothesis-profile=explore`.
hypothesis_settings.register_profile("repeatable", derandomize=True, print_blob=True)
hypothesis_settings.register_profile("explore", derandomize=False, max_examples=2000)
hypothesis_settings.load_profile("repeatable")

# pytest-django's live_server runs in a thread while Playwright drives the browser from the test.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "Persona@12345"  # noqa: S105  (test personas only)


@dataclass
class World:
    province: object
    district: object
    commune_a: object
    agency_a1: object
    commune_b: object


@pytest.fixture
def world(db):
    from thidua.units import services

    province = services.create_unit(by=None, code="P1", name="Tỉnh Thử Nghiệm", kind="province")
    district = services.create_unit(
        by=None,
        code="D1",
        name="Huyện Thử Nghiệm",
        kind="rural_district",
        parent=province,
        staff_count=1200,
    )
    commune_a = services.create_unit(
        by=None, code="A1", name="Xã Đông Hòa", kind="commune", parent=district, staff_count=150
    )
    agency_a1 = services.create_unit(
        by=None,
        code="A1-TH",
        name="Trường Tiểu học Đông Hòa",
        kind="public_service_unit",
        parent=commune_a,
        staff_count=40,
    )
    commune_b = services.create_unit(
        by=None, code="B1", name="Xã Tây Sơn", kind="commune", parent=district, staff_count=320
    )
    return World(province, district, commune_a, agency_a1, commune_b)


def make_user(username: str, unit=None, role: str = "organizer", **extra):
    from django.contrib.auth import get_user_model

    from thidua.units import services

    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, full_name=username.title(), **extra
    )
    if unit is not None:
        services.grant_membership(user, unit, role, by=None)
    return user


@pytest.fixture
def district_officer(world):
    return make_user("district", world.district)


@pytest.fixture
def commune_a_officer(world):
    return make_user("commune_a", world.commune_a)


@pytest.fixture
def commune_b_officer(world):
    return make_user("commune_b", world.commune_b)


@pytest.fixture
def admin_user(db):
    return make_user("root", None, is_staff=True, is_superuser=True)


# --- Browser (Playwright driving Debian's chromium; never `playwright install`) ---------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.fail("chromium is not installed: run `make setup` (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": executable,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def login(page, live_server):
    """Log a persona in through the real login page; returns a function(username)."""

    def _login(username: str, password: str = PASSWORD):
        page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    return _login


@pytest.fixture
def postgres_only(db):
    """Skip unless the suite runs on PostgreSQL (CI runs it there too, via .ci/run)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: DATABASE_URL=postgres://...")
