"""The delegate list: honorees from the pool, guests and leaders by hand, removal (to reserve
for those entered by hand), the approval for invitations (refused while a composition rule
fails, unless the organizer overrides with a written reason), and the upward certification
issue 8 calls after its vote.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.translation import gettext as _

from thidua.conferences import rules, selectors
from thidua.conferences.enums import (
    ConferenceFormat,
    ConferenceStatus,
    DelegateCategory,
    DelegateOrigin,
)
from thidua.conferences.models import Conference, Delegate
from thidua.conferences.services.common import (
    actor,
    clock,
    locked,
    refuse_if_approved,
    require,
    scope_of,
)
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import normalize_text
from thidua.honorees import selectors as honoree_selectors
from thidua.honorees.enums import Gender
from thidua.units.models import Unit

MANUAL_CATEGORIES = (DelegateCategory.GUEST, DelegateCategory.LEADER)
CONTACT_FIELDS = ("phone", "email", "representative", "position", "organization", "required")
ATTRIBUTE_FIELDS = (
    "name",
    "category",
    "gender",
    "direct_producer",
    "economic_sector",
    "field",
    "component",
    "sub_unit",
)


def snapshot(candidate: selectors.PoolCandidate) -> dict[str, Any]:
    """The Delegate fields of a pool candidate (the rule attributes as they are today)."""
    return {
        "name": candidate.name,
        "category": candidate.category,
        "gender": candidate.gender,
        "direct_producer": candidate.direct_producer,
        "economic_sector": candidate.economic_sector,
        "field": candidate.field,
        "component": candidate.component,
        "sub_unit_id": candidate.sub_unit_id,
        "titles": list(candidate.titles),
        "merit": round(float(candidate.merit), 2),
        "organization": candidate.unit_name,
        "position": candidate.position,
    }


def pool_entry(by: Any, conference: Conference, honoree_id: int) -> selectors.PoolCandidate:
    """One honoree of the conference's pool (the unit's subtree, in the actor's scope), or 404."""
    scope = scope_of(by)
    honoree = (
        honoree_selectors.honorees_in(scope)
        .filter(pk=honoree_id, unit__path__startswith=conference.unit.path)
        .select_related("unit")
        .first()
    )
    if honoree is None:
        raise Http404
    pool = selectors.honoree_pool(scope, conference, unit=honoree.unit)
    entry = next((c for c in pool if c.honoree_id == honoree.pk), None)
    if entry is None:
        raise Http404
    return dataclasses.replace(entry, position=honoree.position)


@transaction.atomic
def add_honoree_delegate(conference: Conference, *, by: Any, honoree_id: int) -> Delegate:
    """Put an honoree of the pool on the list (back from reserve if they were there).

    Refusals: 404 outside the pool or the scope; ``conferences.already_listed``,
    ``conferences.list_approved``."""
    require(by, "conferences.manage", conference.unit)
    conference = locked(conference)
    refuse_if_approved(conference)
    existing = conference.delegates.filter(honoree_id=honoree_id).first()
    if existing is not None:
        return _back_on_list(existing, by)
    entry = pool_entry(by, conference, honoree_id)
    delegate = Delegate(
        conference=conference,
        origin=DelegateOrigin.HONOREE_POOL,
        honoree_id=honoree_id,
        status=rules.LISTED,
        added_by=actor(by),
        **snapshot(entry),
    )
    try:
        with transaction.atomic():
            delegate.save()
    except IntegrityError:
        raise _already() from None
    _audit_added(delegate, by)
    return delegate


def _already() -> ConflictError:
    return ConflictError("conferences.already_listed", _("Người này đã có trong danh sách."))


def _back_on_list(delegate: Delegate, by: Any) -> Delegate:
    if delegate.status != rules.RESERVE:
        raise _already()
    delegate.status = rules.LISTED
    delegate.save(update_fields=["status", "updated_at"])
    _audit_added(delegate, by)
    return delegate


def _audit_added(delegate: Delegate, by: Any) -> None:
    record_audit(
        "conferences.delegate.added",
        by=by,
        unit=delegate.conference.unit,
        target=delegate,
        data={"category": delegate.category, "origin": delegate.origin},
    )


def _code(model: Any, value: str, label: str) -> str:
    value = (value or "").strip()
    if value and not model.objects.filter(code=value).exists():
        raise DomainError(
            "conferences.unknown_code",
            _("Giá trị “%(value)s” không có trong danh mục %(label)s.")
            % {"value": value, "label": label},
        )
    return value


def _clean_manual(conference: Conference, fields: dict[str, Any]) -> dict[str, Any]:
    from thidua.honorees.models import EconomicSector, Field, SocialComponent

    cleaned = dict(fields)
    if "name" in cleaned:
        cleaned["name"] = normalize_text(cleaned["name"] or "").strip()
        if not cleaned["name"]:
            raise DomainError("conferences.name_missing", _("Cần ghi họ và tên đại biểu."))
    if "category" in cleaned and cleaned["category"] not in MANUAL_CATEGORIES:
        raise DomainError(
            "conferences.bad_category",
            _("Đại biểu nhập trực tiếp là khách mời hoặc lãnh đạo; điển hình chọn từ danh sách."),
        )
    if cleaned.get("gender") and cleaned["gender"] not in Gender.values:
        raise DomainError("conferences.bad_gender", _("Giới tính không hợp lệ."))
    if "economic_sector" in cleaned:
        cleaned["economic_sector"] = _code(
            EconomicSector, cleaned["economic_sector"], _("khu vực kinh tế")
        )
    if "field" in cleaned:
        cleaned["field"] = _code(Field, cleaned["field"], _("lĩnh vực"))
    if "component" in cleaned:
        cleaned["component"] = _code(SocialComponent, cleaned["component"], _("thành phần"))
    if cleaned.get("sub_unit") is not None:
        sub: Unit = cleaned["sub_unit"]
        if sub.pk != conference.unit_id and sub.parent_id != conference.unit_id:
            raise DomainError(
                "conferences.bad_sub_unit",
                _("Đơn vị trực thuộc phải là đơn vị tổ chức hoặc đơn vị cấp dưới trực tiếp."),
            )
    for name in ("position", "organization", "representative", "phone", "email"):
        if name in cleaned:
            cleaned[name] = normalize_text(cleaned[name] or "").strip()
    return cleaned


@transaction.atomic
def add_manual_delegate(
    conference: Conference,
    *,
    by: Any,
    category: str,
    name: str,
    **fields: Any,
) -> Delegate:
    """A guest or a leader entered by hand, with the attributes the rules read (gender,
    direct producer, economic sector, field, component, sub-unit) and contact details.
    ``required=True`` marks a must-include person for the optimizer (e.g. a leader).

    Refusals: ``conferences.bad_category``, ``conferences.name_missing``,
    ``conferences.bad_gender``, ``conferences.unknown_code``, ``conferences.bad_sub_unit``,
    ``conferences.unknown_field``, ``conferences.list_approved``."""
    require(by, "conferences.manage", conference.unit)
    unknown = set(fields) - set(ATTRIBUTE_FIELDS) - set(CONTACT_FIELDS)
    if unknown:
        raise DomainError(
            "conferences.unknown_field",
            _("Không sửa được: %(fields)s.") % {"fields": ", ".join(sorted(unknown))},
        )
    conference = locked(conference)
    refuse_if_approved(conference)
    cleaned = _clean_manual(conference, {"category": category, "name": name, **fields})
    delegate = Delegate.objects.create(
        conference=conference,
        origin=DelegateOrigin.MANUAL,
        status=rules.LISTED,
        added_by=actor(by),
        **cleaned,
    )
    _audit_added(delegate, by)
    return delegate


@transaction.atomic
def update_delegate(delegate: Delegate, *, by: Any, **changes: Any) -> Delegate:
    """Change a delegate's details. For people entered by hand every attribute; for honorees
    and certified delegates only the contact details and the must-include mark (their rule
    attributes are the snapshot of the record they come from).

    Refusals: ``conferences.snapshot_fields``, ``conferences.unknown_field`` and those of
    ``add_manual_delegate``."""
    conference = delegate.conference
    require(by, "conferences.manage", conference.unit)
    allowed = set(CONTACT_FIELDS) | (set(ATTRIBUTE_FIELDS) if delegate.is_manual else set())
    unknown = set(changes) - set(ATTRIBUTE_FIELDS) - set(CONTACT_FIELDS)
    if unknown:
        raise DomainError(
            "conferences.unknown_field",
            _("Không sửa được: %(fields)s.") % {"fields": ", ".join(sorted(unknown))},
        )
    if set(changes) - allowed:
        raise DomainError(
            "conferences.snapshot_fields",
            _("Thuộc tính của điển hình lấy theo hồ sơ điển hình; chỉ sửa được thông tin liên hệ."),
        )
    conference = locked(conference)
    touches_rules = bool(set(changes) & set(ATTRIBUTE_FIELDS))
    if touches_rules:
        refuse_if_approved(conference)
    delegate = Delegate.objects.select_for_update().get(pk=delegate.pk)
    cleaned = _clean_manual(conference, changes)
    diff = {}
    for name, value in cleaned.items():
        current = getattr(delegate, name)
        if current != value:
            diff[name] = [str(current), str(value)]
            setattr(delegate, name, value)
    if not diff:
        return delegate
    delegate.save(update_fields=[*diff, "updated_at"])
    record_audit(
        "conferences.delegate.updated",
        by=by,
        unit=conference.unit,
        target=delegate,
        data={"fields": sorted(diff)},
    )
    return delegate


@transaction.atomic
def remove_delegate(delegate: Delegate, *, by: Any) -> Delegate | None:
    """Take a delegate off the list: one entered by hand goes to reserve (their details are
    kept, they can be put back); an honoree or a certified delegate is deleted (they stay in
    the pool). Returns the delegate in reserve, or None when deleted.

    Refusals: ``conferences.not_on_list``, ``conferences.list_approved``."""
    conference = delegate.conference
    require(by, "conferences.manage", conference.unit)
    conference = locked(conference)
    refuse_if_approved(conference)
    delegate = Delegate.objects.select_for_update().get(pk=delegate.pk)
    if delegate.status != rules.LISTED:
        raise ConflictError("conferences.not_on_list", _("Người này không có trong danh sách."))
    record_audit(
        "conferences.delegate.removed",
        by=by,
        unit=conference.unit,
        target=delegate,
        data={"category": delegate.category, "origin": delegate.origin, "name": delegate.name},
    )
    if delegate.is_manual:
        delegate.status = rules.RESERVE
        delegate.save(update_fields=["status", "updated_at"])
        return delegate
    delegate.delete()
    return None


@transaction.atomic
def restore_delegate(delegate: Delegate, *, by: Any) -> Delegate:
    """Put a delegate in reserve back on the list."""
    conference = delegate.conference
    require(by, "conferences.manage", conference.unit)
    conference = locked(conference)
    refuse_if_approved(conference)
    delegate = Delegate.objects.select_for_update().get(pk=delegate.pk)
    delegate.conference = conference
    return _back_on_list(delegate, by)


def _ready(conference: Conference) -> None:
    if not conference.format:
        raise DomainError(
            "conferences.format_not_chosen",
            _("Đơn vị tổ chức cần lựa chọn hình thức hội nghị trước."),
        )
    if conference.format == ConferenceFormat.DELEGATE and conference.cap is None:
        raise DomainError(
            "conferences.cap_not_decided",
            _("Hội nghị đại biểu: cần quyết định số lượng đại biểu trước khi duyệt danh sách."),
        )


@transaction.atomic
def approve_delegate_list(
    conference: Conference,
    *,
    by: Any,
    override_reason: str = "",
    now: dt.datetime | None = None,
) -> Conference:
    """Approve the list for invitations (the step issue 7 builds on). Refused while a
    composition rule fails, unless the organizer writes why it is approved anyway: the reason
    and the failing rules are stored and audited.

    Refusals: ``conferences.format_not_chosen``, ``conferences.cap_not_decided``,
    ``conferences.list_empty``, ``conferences.rules_failing`` (details: ``failures``),
    ``conferences.list_approved``."""
    require(by, "conferences.approve_list", conference.unit)
    now = clock(now)
    conference = locked(conference)
    refuse_if_approved(conference)
    _ready(conference)
    delegates = list(selectors.delegates_on_list(conference))
    if not delegates:
        raise DomainError("conferences.list_empty", _("Danh sách đại biểu đang trống."))
    report = selectors.check_list(conference, delegates)
    failures = [r.message for r in report.failures]
    reason = normalize_text(override_reason or "").strip()
    if failures and not reason:
        raise DomainError(
            "conferences.rules_failing",
            _(
                "Danh sách chưa đạt cơ cấu: %(failures)s Muốn duyệt vẫn phải ghi rõ lý do "
                "(được lưu vào nhật ký)."
            )
            % {"failures": " ".join(failures)},
            failures=failures,
        )
    conference.status = ConferenceStatus.LIST_APPROVED
    conference.list_approved_at = now
    conference.list_approved_by = actor(by)
    conference.list_override_reason = reason if failures else ""
    conference.list_override_failures = failures
    conference.save(
        update_fields=[
            "status",
            "list_approved_at",
            "list_approved_by",
            "list_override_reason",
            "list_override_failures",
            "updated_at",
        ]
    )
    record_audit(
        "conferences.delegate_list.approved",
        by=by,
        unit=conference.unit,
        target=conference,
        data={
            "delegates": len(delegates),
            "override": bool(failures),
            "reason": conference.list_override_reason,
            "failures": failures,
        },
    )
    return conference


@transaction.atomic
def reopen_delegate_list(
    conference: Conference, *, by: Any, reason: str, now: dt.datetime | None = None
) -> Conference:
    """Reopen an approved list for changes, before any invitation went out.

    Refusals: ``conferences.reason_missing``, ``conferences.not_approved``,
    ``conferences.invitations_sent``."""
    require(by, "conferences.approve_list", conference.unit)
    conference = locked(conference)
    text = normalize_text(reason or "").strip()
    if not text:
        raise DomainError("conferences.reason_missing", _("Cần ghi lý do mở lại danh sách."))
    if conference.status != ConferenceStatus.LIST_APPROVED:
        raise ConflictError("conferences.not_approved", _("Danh sách chưa được duyệt."))
    if conference.delegates.exclude(status__in=[rules.LISTED, rules.RESERVE]).exists():
        raise ConflictError(
            "conferences.invitations_sent",
            _("Đã gửi giấy mời cho đại biểu: không mở lại danh sách được."),
        )
    conference.status = ConferenceStatus.PREPARING
    conference.save(update_fields=["status", "updated_at"])
    record_audit(
        "conferences.delegate_list.reopened",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"reason": text},
    )
    return conference


@transaction.atomic
def certify_upward(
    conference: Conference,
    *,
    by: Any,
    delegates: Iterable[Delegate],
    note: str,
    now: dt.datetime | None = None,
) -> int:
    """Issue 8's seam: mark delegates of this conference as elected or nominated to the upper
    conference (agenda item 8, R13), with the basis (the vote's minutes). They then appear in
    ``selectors.certified_pool`` of the upper conference. Returns how many were marked.

    Refusals: ``conferences.reason_missing`` (no basis), ``conferences.not_on_list``."""
    require(by, "conferences.approve_list", conference.unit)
    now = clock(now)
    text = normalize_text(note or "").strip()
    if not text:
        raise DomainError("conferences.reason_missing", _("Cần ghi căn cứ cử đi dự cấp trên."))
    conference = locked(conference)
    ids = [d.pk for d in delegates]
    rows = list(
        Delegate.objects.select_for_update().filter(
            conference=conference, pk__in=ids, status__in=rules.ON_LIST
        )
    )
    if len(rows) != len(set(ids)):
        raise ConflictError(
            "conferences.not_on_list", _("Chỉ cử được đại biểu có trong danh sách của hội nghị.")
        )
    for row in rows:
        row.certified_upward_at = now
        row.certified_upward_by = actor(by)
        row.certified_upward_note = text[:300]
    Delegate.objects.bulk_update(
        rows, ["certified_upward_at", "certified_upward_by", "certified_upward_note"]
    )
    record_audit(
        "conferences.delegate.certified_upward",
        by=by,
        unit=conference.unit,
        target=conference,
        data={"delegates": sorted(ids), "note": text[:300]},
    )
    return len(rows)
