import pytest

from thidua.core.audit import record_audit
from thidua.core.models import AuditEntry


@pytest.mark.django_db
def test_record_audit_writes_who_what_on_what(world, district_officer):
    before = AuditEntry.objects.count()
    entry = record_audit(
        "units.unit.updated",
        by=district_officer,
        unit=world.commune_a,
        target=world.commune_a,
        data={"staff_count": [150, 151]},
    )
    assert AuditEntry.objects.count() == before + 1
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.actor, stored.action, stored.unit) == (
        district_officer,
        "units.unit.updated",
        world.commune_a,
    )
    assert (stored.object_type, stored.object_id, stored.object_repr) == (
        "units.unit",
        str(world.commune_a.pk),
        "Xã Đông Hòa",
    )
    assert stored.actor_display == "District (district)"
    assert stored.data == {"staff_count": [150, 151]}


@pytest.mark.django_db
def test_audit_log_is_append_only(world):
    entry = record_audit("units.unit.created", by=None, unit=world.commune_a)
    assert entry.actor_display == "hệ thống"
    entry.action = "forged"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "units.unit.created"
