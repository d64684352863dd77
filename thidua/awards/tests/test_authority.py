"""The seeded authority table, read from the database, on both sides of 1/7/2025, and
administrators' edits of it (audited)."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.awards import selectors
from thidua.awards.models import AuthorityRule, AwardForm, Office
from thidua.awards.tests.conftest import form
from thidua.core.models import AuditEntry

pytestmark = pytest.mark.django_db

BEFORE, AFTER = dt.date(2025, 6, 30), dt.date(2025, 7, 1)


def codes(unit, on):
    table = selectors.authority_table()
    return {
        f.code
        for f in AwardForm.objects.all()
        if table.may_decide(selectors.node(unit), f.code, on)
    }


def test_seeded_table_follows_law_art_80_before_the_reform(world):
    assert codes(world.commune_a, BEFORE) == {"ldtt", "giay-khen", "gia-dinh-van-hoa"}
    assert codes(world.district, BEFORE) == {
        "thon-van-hoa",
        "ttldtt",
        "cstdcs",
        "ldtt",
        "giay-khen",
    }
    assert codes(world.province, BEFORE) == {
        "co-thi-dua-tinh",
        "cstd-tinh",
        "ttldxs",
        "xa-tieu-bieu",
        "xa-phuong-dac-khu-tieu-bieu",
        "bang-khen-tinh",
    }


def test_the_district_row_ends_on_30_june_2025(world):
    assert codes(world.district, AFTER) == set()
    assert (
        selectors.deciding_office(world.district, form("cstdcs"), BEFORE).code == "district-chair"
    )
    assert selectors.deciding_office(world.district, form("cstdcs"), AFTER) is None
    # The commune's next level skips the abolished district.
    assert selectors.next_level(world.commune_a, BEFORE) == world.district
    assert selectors.next_level(world.commune_a, AFTER) == world.province
    assert selectors.holding_unit(world.commune_a, form("cstdcs"), BEFORE) == world.district
    assert selectors.holding_unit(world.commune_a, form("cstdcs"), AFTER) is None
    assert selectors.holding_unit(world.commune_a, form("bang-khen-tinh"), AFTER) == world.province
    assert selectors.holding_unit(world.commune_a, form("giay-khen"), AFTER) == world.commune_a


def test_forms_of_the_prime_minister_and_president_are_held_outside_the_tree(world):
    assert selectors.holding_unit(world.commune_a, form("bang-khen-thu-tuong"), BEFORE) is None
    rows = {
        r.award_form.code
        for r in selectors.authority_rows_on(AFTER)
        if r.office.code == "president"
    }
    assert "anh-hung-lao-dong" in rows


def test_catalogue_articles_corrected_from_domain_reference():
    assert form("cstdcs").legal_basis == "Điều 21, Luật Thi đua, khen thưởng số 06/2022/QH15"
    assert form("ldtt").legal_article == "Điều 24"


def test_an_administrator_adds_a_row_in_the_admin_and_it_is_audited(world, admin_user, client):
    client.force_login(admin_user)
    office = Office.objects.get(code="commune-chair")
    response = client.post(
        "/quan-tri/awards/authorityrule/add/",
        {
            "office": office.pk,
            "award_form": form("cstdcs").pk,
            "valid_from": "2025-07-01",
            "valid_to": "",
            "legal_basis": "Nghị định 152/2025/NĐ-CP (đã kiểm tra)",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content[:500]
    rule = AuthorityRule.objects.get(office=office, award_form__code="cstdcs")
    entry = AuditEntry.objects.get(action="awards.authorityrule.admin_created")
    assert entry.object_id == str(rule.pk) and entry.actor == admin_user
    # From 1/7/2025 on, the commune decides CSTĐCS itself; before, it still goes up.
    assert "cstdcs" in codes(world.commune_a, AFTER)
    assert "cstdcs" not in codes(world.commune_a, BEFORE)


def test_authority_page_shows_the_table_of_the_chosen_date(world, district_officer, client):
    client.force_login(district_officer)
    before = client.get("/khen-thuong/tham-quyen/?on=2025-06-30").content.decode()
    after = client.get("/khen-thuong/tham-quyen/?on=2025-07-01").content.decode()
    assert 'data-testid="office-district-chair"' in before
    assert 'data-testid="office-district-chair"' not in after
    assert "30/06/2025" in before
