"""load_units: counts of both sets, successor links, idempotence (R: issue 2)."""

import pytest
from django.core.management import call_command

from thidua.core.models import AuditEntry
from thidua.units.loader import load_units
from thidua.units.models import Unit


def snapshot():
    return sorted(
        Unit.objects.values_list(
            "source", "code", "name", "kind", "level", "path", "valid_from", "valid_to", "parent_id"
        )
    )


@pytest.mark.django_db
def test_legacy_province_import_is_idempotent():
    first = load_units("legacy", province_code="35")
    assert (first.created, first.updated) == (1 + 6 + 98, 0)  # Hà Nam: 6 districts, 98 communes
    before = snapshot()
    second = load_units("legacy", province_code="35")
    assert (second.created, second.updated, second.successor_links_added) == (0, 0, 0)
    assert not second.changed
    assert snapshot() == before


@pytest.mark.django_db
def test_legacy_import_builds_the_tree_with_gso_codes():
    load_units("legacy", province_code="35")
    province = Unit.objects.get(source="legacy", code="35")
    town = Unit.objects.get(source="legacy", code="350")
    ward = Unit.objects.get(source="legacy", code="13429")
    assert (province.name, province.kind, province.level) == ("Tỉnh Hà Nam", "province", "province")
    assert (town.name, town.kind, town.parent) == ("Thị xã Kim Bảng", "district_town", province)
    assert (ward.name, ward.short_name, ward.kind, ward.parent) == (
        "Phường Ba Sao",
        "Ba Sao",
        "ward",
        town,
    )
    assert ward.path.startswith(town.path) and ward.depth == 3
    assert str(ward.valid_to) == "2025-06-30"
    assert Unit.objects.subtree_of(town).count() == 1 + 17


@pytest.mark.django_db
def test_current_set_links_successors_from_the_legacy_set():
    load_units("legacy", province_code="35")
    report = load_units("current", province_code="37")
    assert report.successor_links_added > 0
    ha_nam = Unit.objects.get(source="legacy", code="35")
    assert list(ha_nam.successors.values_list("name", flat=True)) == ["Tỉnh Ninh Bình"]
    ba_sao = Unit.objects.get(source="legacy", code="13429")
    assert list(ba_sao.successors.values_list("code", "name")) == [("13420", "Phường Tam Chúc")]
    new = Unit.objects.get(source="current", code="13420")
    assert str(new.valid_from) == "2025-07-01" and new.valid_to is None
    assert new.level == "commune" and new.parent.code == "37"


@pytest.mark.django_db
def test_whole_country_counts_and_rerun_changes_nothing():
    call_command("load_units", "--set", "legacy", verbosity=0)
    call_command("load_units", "--set", "current", verbosity=0)
    legacy = Unit.objects.filter(source="legacy")
    current = Unit.objects.filter(source="current")
    assert (
        legacy.filter(level="province").count(),
        legacy.filter(level="district").count(),
        legacy.filter(level="commune").count(),
    ) == (63, 696, 10051)
    assert (current.filter(level="province").count(), current.filter(level="commune").count()) == (
        34,
        3321,
    )
    audit_count = AuditEntry.objects.filter(action="units.import.completed").count()
    assert audit_count == 2
    before = Unit.objects.count()
    call_command("load_units", "--set", "legacy", verbosity=0)
    assert Unit.objects.count() == before
    assert AuditEntry.objects.filter(action="units.import.completed").count() == audit_count
