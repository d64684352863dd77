"""HTML views of the units browser: leak tests and query counts."""

import re

import pytest
from django.urls import reverse

from thidua.core.audit import record_audit
from thidua.core.testing import assert_constant_queries
from thidua.units import services


def visible_names(html: str) -> list[str]:
    """The units a page links to, by name (every unit link carries data-unit-name)."""
    return sorted(set(re.findall(r'data-unit-name="([^"]+)"', html)))


@pytest.mark.django_db
def test_commune_a_officer_gets_404_for_everything_of_commune_b(client, world, commune_a_officer):
    client.force_login(commune_a_officer)
    for name in ("units:unit-detail", "units:unit-children", "units:unit-audit"):
        response = client.get(reverse(name, args=[world.commune_b.pk]))
        assert response.status_code == 404, name
        assert "Xã Tây Sơn" not in response.content.decode()
    assert client.get(reverse("units:unit-detail", args=[world.district.pk])).status_code == 404


@pytest.mark.django_db
def test_units_browser_holds_exactly_the_officers_subtree(client, world, commune_a_officer):
    client.force_login(commune_a_officer)
    tree = client.get(reverse("units:unit-list")).content.decode()
    assert visible_names(tree) == ["Xã Đông Hòa"]
    children = client.get(reverse("units:unit-children", args=[world.commune_a.pk]))
    assert visible_names(children.content.decode()) == ["Trường Tiểu học Đông Hòa"]
    # Search does not cross the scope either: "xa" matches every commune's name.
    found = client.get(reverse("units:unit-list"), {"q": "xa"}).content.decode()
    assert visible_names(found) == ["Xã Đông Hòa"]


@pytest.mark.django_db
def test_search_works_with_and_without_diacritics(client, world, district_officer):
    client.force_login(district_officer)
    for query in ("Đông Hòa", "dong hoa", "DONG HOA", "tieu hoc"):
        html = client.get(reverse("units:unit-list"), {"q": query}).content.decode()
        expected = (
            ["Trường Tiểu học Đông Hòa"]
            if query == "tieu hoc"
            else ["Trường Tiểu học Đông Hòa", "Xã Đông Hòa"]
        )
        assert visible_names(html) == expected, query


@pytest.mark.django_db
def test_unit_detail_shows_staff_count_and_links_only_inside_scope(
    client, world, commune_a_officer
):
    client.force_login(commune_a_officer)
    html = client.get(reverse("units:unit-detail", args=[world.commune_a.pk])).content.decode()
    assert 'data-testid="staff-count">150<' in html
    assert "Huyện Thử Nghiệm" in html  # the breadcrumb names the district...
    assert f'href="/don-vi/{world.district.pk}/"' not in html  # ...without a link into it


@pytest.mark.django_db
def test_audit_page_is_limited_to_the_unit_subtree(client, world, commune_a_officer):
    record_audit("units.unit.updated", by=None, unit=world.agency_a1, target=world.agency_a1)
    record_audit("units.unit.updated", by=None, unit=world.commune_b, target=world.commune_b)
    client.force_login(commune_a_officer)
    html = client.get(reverse("units:unit-audit", args=[world.commune_a.pk])).content.decode()
    assert "Trường Tiểu học Đông Hòa" in html
    assert "Xã Tây Sơn" not in html


@pytest.mark.django_db
def test_viewer_may_not_open_the_audit_page(client, world):
    from conftest import make_user

    viewer = make_user("viewer_a", world.commune_a, role="viewer")
    client.force_login(viewer)
    assert client.get(reverse("units:unit-audit", args=[world.commune_a.pk])).status_code == 403


def grower(world, prefix):
    made = []

    def grow(count):
        for _ in range(count):
            index = len(made)
            made.append(
                services.create_unit(
                    by=None,
                    code=f"{prefix}{index}",
                    name=f"Xã Mẫu {index}",
                    kind="commune",
                    parent=world.district,
                    staff_count=100 + index,
                )
            )

    return grow, made


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["units:unit-children", "units:unit-detail"])
def test_unit_lists_use_a_fixed_number_of_queries(client, world, district_officer, url_name):
    client.force_login(district_officer)
    url = reverse(url_name, args=[world.district.pk])
    grow, _made = grower(world, "X")
    assert_constant_queries(lambda: client.get(url), grow)
    assert client.get(url).content.decode().count('data-unit-name="Xã Mẫu') == 3


@pytest.mark.django_db
def test_tree_and_search_use_a_fixed_number_of_queries(client, world, district_officer):
    client.force_login(district_officer)
    grow, _made = grower(world, "S")
    url = reverse("units:unit-list")
    assert_constant_queries(lambda: client.get(url, {"q": "mau"}), grow)
    assert len(visible_names(client.get(url, {"q": "mau"}).content.decode())) == 3


@pytest.mark.django_db
def test_home_uses_a_fixed_number_of_queries(client, world, district_officer):
    client.force_login(district_officer)
    grow, _made = grower(world, "H")
    assert_constant_queries(lambda: client.get(reverse("core:home")), grow)
