"""A person's data: everything the system holds about one honoree, exported (JSON or xlsx),
and anonymisation when the law allows it (issue 11).

Both are gated by ``honorees.view_personal`` / ``honorees.anonymise`` (organizers of the unit
or above) and audited; the audit entry names the honoree by id only, never by personal data.

Anonymisation keeps the award history (the recognitions: form, year, level, decision number),
so counts and statistics stay right, and removes what identifies the person: name, national ID
number, birth year, position, ethnicity, narrative texts, photos, videos and the public story;
past conference seats keep their category but lose the name. It is refused while a legal
process about the person is open: a proposal item not yet final, or a conference not yet held
with the person on its list. Issued documents (decisions, minutes) are records kept under the
archives law and are not altered.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from thidua.core.audit import record_audit
from thidua.core.cells import escape_row
from thidua.core.errors import DomainError
from thidua.core.text import fold
from thidua.honorees.models import Honoree, Story
from thidua.units import access

OPEN_ITEM_STATUSES = ("proposed", "approved", "submitted")


def _require(by: Any, action: str, honoree: Honoree) -> None:
    if by is not None:
        access.require(by, action, honoree.unit)


def personal_data(honoree: Honoree) -> dict[str, Any]:
    """Everything held about the honoree, as plain JSON-ready values."""
    h = honoree
    return {
        "honoree": {
            "id": h.pk,
            "unit": h.unit.name,
            "kind": h.get_kind_display(),
            "name": h.name,
            "gender": h.get_gender_display() if h.gender else "",
            "birth_year": h.birth_year,
            "national_id": h.national_id or "",
            "ethnicity": str(h.ethnicity or ""),
            "position": h.position,
            "component": str(h.component or ""),
            "sector": str(h.sector or ""),
            "field": str(h.field or ""),
            "works_directly": h.works_directly,
            "collective_size": h.collective_size,
            "summary": h.summary,
            "stage": h.get_stage_display(),
            "publication_consent": h.publication_consent,
            "created_at": h.created_at.isoformat(),
        },
        "recognitions": [
            {
                "award_form": str(r.award_form),
                "year": r.year,
                "level": r.get_level_display(),
                "decision_number": r.decision_number,
            }
            for r in h.recognitions.select_related("award_form").order_by("year", "pk")
        ],
        "initiatives": [
            {"title": i.title, "description": i.description} for i in h.initiatives.all()
        ],
        "achievements": [
            {"year": a.year, "description": a.description} for a in h.achievements.all()
        ],
        "movements": [str(m) for m in h.movements.all()],
        "photos": [{"caption": p.caption, "size": p.size} for p in h.photos.all()],
        "videos": [{"title": v.title, "url": v.url} for v in h.videos.all()],
        "award_entries": [
            {"decision": e.decision.symbol, "award_form": str(e.award_form), "status": e.status}
            for e in h.award_entries.select_related("decision", "award_form").order_by("pk")
        ],
        "conference_seats": [
            {"conference": str(d.conference), "held_on": d.conference.held_on.isoformat()}
            for d in h.delegate_seats.select_related("conference").order_by("pk")
        ],
    }


def export_personal_data(honoree: Honoree, *, by: Any, fmt: str) -> bytes:
    """The honoree's data as ``json`` or ``xlsx`` (cells safe from formula injection)."""
    _require(by, "honorees.view_personal", honoree)
    if fmt not in ("json", "xlsx"):
        raise DomainError("honorees.export_format", _("Định dạng xuất không hỗ trợ."))
    data = personal_data(honoree)
    record_audit(
        "honorees.personal_data.exported",
        by=by,
        unit=honoree.unit,
        data={"honoree": honoree.pk, "format": fmt},
    )
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Hồ sơ")
    for key, value in data["honoree"].items():
        sheet.append(escape_row([key, value]))
    for section in ("recognitions", "initiatives", "achievements", "award_entries"):
        rows = data[section]
        tab = workbook.create_sheet(section)
        if rows:
            tab.append(list(rows[0]))
            for row in rows:
                tab.append(escape_row(list(row.values())))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def anonymisation_blockers(honoree: Honoree, today: dt.date | None = None) -> list[str]:
    """Why the law does not allow anonymising now (empty: it may be done)."""
    from thidua.awards.models import ProposalItem
    from thidua.conferences.models import Delegate

    today = today or timezone.localdate()
    reasons = []
    if ProposalItem.objects.filter(honoree=honoree, status__in=OPEN_ITEM_STATUSES).exists():
        reasons.append(_("Đang có hồ sơ đề nghị khen thưởng chưa kết thúc."))
    if Delegate.objects.filter(honoree=honoree, conference__held_on__gte=today).exists():
        reasons.append(_("Đang có tên trong danh sách đại biểu một hội nghị chưa diễn ra."))
    return reasons


@transaction.atomic
def anonymise_honoree(honoree: Honoree, *, by: Any, reason: str) -> Honoree:
    """Remove what identifies the person, keep the award history. Refusals:
    ``honorees.anonymise_reason``, ``honorees.anonymise_blocked``, ``honorees.anonymised``."""
    _require(by, "honorees.anonymise", honoree)
    honoree = Honoree.objects.select_for_update().get(pk=honoree.pk)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("honorees.anonymise_reason", _("Cần ghi căn cứ ẩn danh hóa."))
    label = _("Đã ẩn danh #%(id)s") % {"id": honoree.pk}
    if honoree.name == label:
        raise DomainError("honorees.anonymised", _("Hồ sơ này đã được ẩn danh hóa."))
    blockers = anonymisation_blockers(honoree)
    if blockers:
        raise DomainError("honorees.anonymise_blocked", " ".join(blockers))
    files = [(p.file.storage, p.file.name) for p in honoree.photos.all() if p.file.name]
    honoree.photos.all().delete()
    honoree.videos.all().delete()
    Story.objects.filter(honoree=honoree).delete()
    honoree.initiatives.update(title=label, description="")
    honoree.achievements.update(description=label)
    honoree.delegate_seats.update(name=label, representative="", position="", organization="")
    honoree.name = label
    honoree.search_name = fold(label)
    honoree.national_id = None
    honoree.birth_year = None
    honoree.ethnicity = None
    honoree.position = ""
    honoree.summary = ""
    honoree.publication_consent = False
    honoree.save()
    for storage, name in files:
        transaction.on_commit(partial(storage.delete, name))
    record_audit(
        "honorees.honoree.anonymised",
        by=by,
        unit=honoree.unit,
        target=honoree,
        data={"reason": reason, "recognitions_kept": honoree.recognitions.count()},
    )
    return honoree
