import datetime as dt

import pytest

from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.units import services
from thidua.units.models import Membership, Unit


@pytest.mark.django_db
def test_create_unit_places_it_in_the_tree_and_audits(world, district_officer):
    unit = services.create_unit(
        by=district_officer,
        code="A1-MN",
        name="Trường  Mầm non Đông Hòa",
        kind="public_service_unit",
        parent=world.commune_a,
        staff_count=25,
    )
    assert unit.name == "Trường Mầm non Đông Hòa"
    assert unit.search_name == "truong mam non dong hoa"
    assert unit.level == "commune"  # non-territorial: takes the parent's level
    assert unit.path.startswith(world.commune_a.path) and unit.depth == 4
    entry = AuditEntry.objects.get(action="units.unit.created", object_id=str(unit.pk))
    assert (entry.actor, entry.unit) == (district_officer, unit)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"kind": "planet"}, "units.unknown_kind"),
        ({"kind": "agency", "parent": None}, "units.level_required"),
        ({"name": "   "}, "units.name_required"),
        ({"code": "A1"}, "units.duplicate_code"),
        (
            {"valid_from": dt.date(2025, 1, 2), "valid_to": dt.date(2025, 1, 1)},
            "units.bad_validity",
        ),
    ],
)
def test_create_unit_refusals_write_nothing(world, fields, code):
    before = (Unit.objects.count(), AuditEntry.objects.count())
    arguments = {"code": "NEW", "name": "Xã Mới", "kind": "commune", "parent": world.district}
    arguments.update(fields)
    with pytest.raises(DomainError) as error:
        services.create_unit(by=None, **arguments)
    assert error.value.code == code
    assert error.value.message  # a Vietnamese sentence for the user
    assert (Unit.objects.count(), AuditEntry.objects.count()) == before


@pytest.mark.django_db
def test_update_unit_changes_only_descriptive_fields(world, district_officer):
    services.update_unit(world.commune_a, by=district_officer, staff_count=151, name="Xã Đông  Hoà")
    unit = Unit.objects.get(pk=world.commune_a.pk)
    assert (unit.staff_count, unit.name, unit.search_name) == (151, "Xã Đông Hoà", "xa dong hoa")
    entry = AuditEntry.objects.filter(action="units.unit.updated").get()
    assert entry.data["staff_count"] == ["150", "151"]
    with pytest.raises(DomainError) as error:
        services.update_unit(world.commune_a, by=district_officer, parent=world.commune_b)
    assert error.value.code == "units.field_not_editable"


@pytest.mark.django_db
def test_grant_membership_is_idempotent_and_audited_once(world, district_officer):
    from conftest import make_user

    user = make_user("new_officer")
    first = services.grant_membership(user, world.commune_b, "organizer", by=district_officer)
    again = services.grant_membership(user, world.commune_b, "organizer", by=district_officer)
    assert first.pk == again.pk
    assert (
        AuditEntry.objects.filter(
            action="units.membership.granted", object_id=str(first.pk)
        ).count()
        == 1
    )
    services.revoke_membership(first, by=district_officer)
    assert not Membership.objects.get(pk=first.pk).is_active
    assert AuditEntry.objects.filter(action="units.membership.revoked").count() == 1


@pytest.mark.django_db
def test_link_successor(world):
    new = services.create_unit(
        by=None, code="AB", name="Xã Đông Tây", kind="commune", parent=world.district
    )
    services.link_successor(world.commune_a, new, by=None)
    services.link_successor(world.commune_b, new, by=None)
    services.link_successor(world.commune_b, new, by=None)  # idempotent
    assert sorted(new.predecessors.values_list("code", flat=True)) == ["A1", "B1"]
    assert AuditEntry.objects.filter(action="units.unit.successor_linked").count() == 2
    with pytest.raises(DomainError) as error:
        services.link_successor(new, new, by=None)
    assert error.value.code == "units.self_successor"
