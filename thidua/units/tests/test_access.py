"""The scope rules of thidua/units/access.py: who sees which units, in which role."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from conftest import make_user
from thidua.units import access
from thidua.units.access import Grant, Scope
from thidua.units.models import Membership, Unit


def names(queryset):
    return sorted(queryset.values_list("name", flat=True))


def test_root_paths_drop_nested_grants():
    scope = Scope(
        [
            Grant(1, "000001", "organizer"),
            Grant(2, "000001000002", "viewer"),
            Grant(3, "000003", "viewer"),
        ]
    )
    assert scope.root_paths() == ["000001", "000003"]
    assert scope.root_paths(["viewer"]) == ["000001000002", "000003"]
    assert scope.root_paths(["leader"]) == []


@pytest.mark.django_db
def test_membership_covers_the_unit_and_its_subtree_only(world, commune_a_officer):
    assert names(access.units_for(commune_a_officer)) == [
        "Trường Tiểu học Đông Hòa",
        "Xã Đông Hòa",
    ]


@pytest.mark.django_db
def test_district_officer_sees_the_whole_district(world, district_officer):
    assert names(access.units_for(district_officer)) == [
        "Huyện Thử Nghiệm",
        "Trường Tiểu học Đông Hòa",
        "Xã Tây Sơn",
        "Xã Đông Hòa",
    ]


@pytest.mark.django_db
def test_anonymous_and_inactive_users_see_nothing(world, commune_a_officer):
    assert names(access.units_for(AnonymousUser())) == []
    Membership.objects.filter(user=commune_a_officer).update(is_active=False)
    fresh = type(commune_a_officer).objects.get(pk=commune_a_officer.pk)
    assert names(access.units_for(fresh)) == []


@pytest.mark.django_db
def test_administrator_sees_everything(world, admin_user):
    assert access.units_for(admin_user).count() == Unit.objects.count()


@pytest.mark.django_db
def test_get_unit_for_answers_404_outside_the_scope(world, commune_a_officer):
    assert access.get_unit_for(commune_a_officer, world.agency_a1.pk) == world.agency_a1
    for outside in (world.commune_b, world.district, world.province):
        with pytest.raises(Http404):
            access.get_unit_for(commune_a_officer, outside.pk)
    with pytest.raises(Http404):
        access.get_unit_for(commune_a_officer, "not-a-number")


@pytest.mark.django_db
def test_roles_are_inherited_down_the_tree_and_combined(world):
    user = make_user("multi", world.district, role="viewer")
    Membership.objects.create(user=user, unit=world.commune_a, role="organizer")
    user = type(user).objects.get(pk=user.pk)
    scope = access.scope_for(user)
    assert scope.roles_on(world.agency_a1) == {"viewer", "organizer"}
    assert scope.roles_on(world.commune_b) == {"viewer"}
    assert scope.can("units.view_audit", world.commune_a)
    assert not scope.can("units.view_audit", world.commune_b)


@pytest.mark.django_db
def test_require_is_404_outside_scope_and_403_without_role(world):
    viewer = make_user("viewer", world.commune_a, role="viewer")
    with pytest.raises(Http404):
        access.require(viewer, "units.view", world.commune_b)
    with pytest.raises(PermissionDenied):
        access.require(viewer, "units.view_audit", world.commune_a)
    access.require(viewer, "units.view", world.commune_a)


@pytest.mark.django_db
def test_scope_is_computed_with_one_query(world, commune_a_officer, django_assert_num_queries):
    user = type(commune_a_officer).objects.get(pk=commune_a_officer.pk)
    with django_assert_num_queries(1):
        access.scope_for(user)
        access.scope_for(user)
