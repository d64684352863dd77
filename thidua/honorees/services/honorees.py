"""Create and edit honorees and their records (recognitions, initiatives, achievements)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.awards.enums import AwardSubject
from thidua.awards.models import AwardForm
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.core.text import fold, normalize_text
from thidua.honorees.enums import HonoreeKind, StoryStatus
from thidua.honorees.models import (
    Achievement,
    Honoree,
    Initiative,
    Movement,
    Participation,
    Recognition,
    Story,
)
from thidua.honorees.validation import check_attributes, name_key
from thidua.units.models import Unit

EDITABLE_FIELDS = (
    "kind",
    "name",
    "collective_size",
    "gender",
    "birth_year",
    "ethnicity",
    "position",
    "component",
    "sector",
    "field",
    "works_directly",
    "national_id",
    "good_deeds",
    "acclaimed",
    "summary",
)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values)
    for text_field in ("name", "position"):
        if text_field in values:
            values[text_field] = normalize_text(values[text_field] or "")
    if "national_id" in values:
        values["national_id"] = (values["national_id"] or "").strip() or None
    if "gender" in values:
        values["gender"] = values["gender"] or ""
    return values


def _check(honoree: Honoree) -> None:
    problems = check_attributes(
        kind=honoree.kind,
        name=honoree.name,
        gender=honoree.gender,
        birth_year=honoree.birth_year,
        collective_size=honoree.collective_size,
        national_id=honoree.national_id,
        current_year=timezone.localdate().year,
    )
    if problems:
        first = problems[0]
        raise DomainError(first.code, first.message, fields={p.field: p.message for p in problems})
    others = Honoree.objects.exclude(pk=honoree.pk)
    if honoree.national_id and others.filter(national_id=honoree.national_id).exists():
        raise ConflictError(
            "honorees.duplicate_national_id",
            _("Số CCCD này đã có trong danh sách điển hình."),
        )
    same_name = others.filter(
        unit=honoree.unit,
        kind=honoree.kind,
        birth_year=honoree.birth_year,
        search_name=fold(honoree.name),
    ).values_list("name", flat=True)
    if any(name_key(name) == name_key(honoree.name) for name in same_name):
        raise ConflictError(
            "honorees.duplicate_name",
            _("Đơn vị đã có điển hình cùng tên và năm sinh."),
        )


@transaction.atomic
def create_honoree(*, by: Any, unit: Unit, kind: str, name: str, **values: Any) -> Honoree:
    """Register an honoree in ``unit``.

    Refusals: the codes of validation.check_attributes, ``honorees.duplicate_national_id``,
    ``honorees.duplicate_name`` (same unit, name and birth year), ``honorees.unknown_field``.
    """
    unknown = set(values) - set(EDITABLE_FIELDS) - {"publication_consent"}
    if unknown:
        raise DomainError("honorees.unknown_field", _("Trường không hợp lệ."))
    values = _clean({"kind": kind, "name": name, **values})
    # Serialise writers per unit so that the duplicate check below cannot race an import.
    list(Unit.objects.select_for_update().filter(pk=unit.pk).values_list("pk", flat=True))
    honoree = Honoree(unit=unit, created_by=_user(by), **values)
    honoree.search_name = fold(honoree.name)
    _check(honoree)
    try:
        with transaction.atomic():
            honoree.save()
    except IntegrityError as exc:  # the same ID number written meanwhile in another unit
        raise ConflictError(
            "honorees.duplicate_national_id",
            _("Số CCCD này đã có trong danh sách điển hình."),
        ) from exc
    record_audit(
        "honorees.honoree.created",
        by=by,
        unit=unit,
        target=honoree,
        data={"kind": honoree.kind},
    )
    return honoree


@transaction.atomic
def update_honoree(honoree: Honoree, *, by: Any, **changes: Any) -> Honoree:
    """Change an honoree's attributes. Refusals as create_honoree."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise DomainError("honorees.unknown_field", _("Trường không hợp lệ."))
    honoree = Honoree.objects.select_for_update().get(pk=honoree.pk)
    changes = _clean(changes)
    changed = [name for name, value in changes.items() if getattr(honoree, name) != value]
    for name in changed:
        setattr(honoree, name, changes[name])
    if not changed:
        return honoree
    honoree.search_name = fold(honoree.name)
    _check(honoree)
    honoree.save(update_fields=[*changed, "search_name", "updated_at"])
    record_audit(
        "honorees.honoree.updated",
        by=by,
        unit=honoree.unit,
        target=honoree,
        # Field names only: values may be personal data (national ID, birth year).
        data={"fields": sorted(changed)},
    )
    return honoree


def _user(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def form_fits(form: AwardForm, kind: str) -> bool:
    if form.subject == AwardSubject.INDIVIDUAL_OR_COLLECTIVE:
        return True
    if kind == HonoreeKind.INDIVIDUAL:
        return form.subject == AwardSubject.INDIVIDUAL
    return form.subject in (AwardSubject.COLLECTIVE, AwardSubject.HOUSEHOLD)


@transaction.atomic
def add_recognition(
    honoree: Honoree,
    *,
    by: Any,
    award_form: AwardForm,
    year: int,
    level: str = "",
    decision_number: str = "",
    decision_date: dt.date | None = None,
    issuer: str = "",
) -> Recognition:
    """Record a title or form the honoree received.

    Refusals: ``honorees.form_subject_mismatch`` (an individual title for a collective...),
    ``honorees.bad_year``, ``honorees.decision_before_year``, ``honorees.duplicate_recognition``
    (Law Art. 5: one achievement, one form).
    """
    honoree = Honoree.objects.select_for_update().get(pk=honoree.pk)
    if not form_fits(award_form, honoree.kind):
        raise DomainError(
            "honorees.form_subject_mismatch",
            _("Danh hiệu, hình thức này không dành cho %(kind)s.")
            % {"kind": honoree.get_kind_display().lower()},
        )
    this_year = timezone.localdate().year
    if not 1945 <= year <= this_year:
        raise DomainError("honorees.bad_year", _("Năm không hợp lệ."))
    if decision_date is not None and decision_date.year < year:
        raise DomainError(
            "honorees.decision_before_year",
            _("Ngày quyết định không thể trước năm được công nhận."),
        )
    if Recognition.objects.filter(honoree=honoree, award_form=award_form, year=year).exists():
        raise ConflictError(
            "honorees.duplicate_recognition",
            _("Đã ghi nhận danh hiệu, hình thức này cho năm %(year)s.") % {"year": year},
        )
    recognition = Recognition.objects.create(
        honoree=honoree,
        award_form=award_form,
        year=year,
        level=level,
        decision_number=normalize_text(decision_number),
        decision_date=decision_date,
        issuer=normalize_text(issuer),
    )
    record_audit(
        "honorees.recognition.added",
        by=by,
        unit=honoree.unit,
        target=honoree,
        data={"form": award_form.code, "year": year, "decision": recognition.decision_number},
    )
    return recognition


@transaction.atomic
def remove_recognition(recognition: Recognition, *, by: Any) -> None:
    honoree = recognition.honoree
    data = {"form": recognition.award_form.code, "year": recognition.year}
    recognition.delete()
    record_audit(
        "honorees.recognition.removed", by=by, unit=honoree.unit, target=honoree, data=data
    )


@transaction.atomic
def add_initiative(
    honoree: Honoree,
    *,
    by: Any,
    title: str,
    recognized_on: dt.date | None = None,
    level: str = "",
    description: str = "",
) -> Initiative:
    title = normalize_text(title)
    if not title:
        raise DomainError("honorees.title_required", _("Tên sáng kiến không được để trống."))
    if recognized_on is not None and recognized_on > timezone.localdate():
        raise DomainError("honorees.future_date", _("Ngày công nhận không thể sau ngày hôm nay."))
    initiative = Initiative.objects.create(
        honoree=honoree,
        title=title,
        recognized_on=recognized_on,
        level=level,
        description=description.strip(),
    )
    record_audit(
        "honorees.initiative.added", by=by, unit=honoree.unit, target=honoree, data={"title": title}
    )
    return initiative


@transaction.atomic
def add_achievement(
    honoree: Honoree, *, by: Any, description: str, year: int | None = None
) -> Achievement:
    description = description.strip()
    if not description:
        raise DomainError(
            "honorees.description_required", _("Nội dung thành tích không được để trống.")
        )
    achievement = Achievement.objects.create(honoree=honoree, description=description, year=year)
    record_audit(
        "honorees.achievement.added", by=by, unit=honoree.unit, target=honoree, data={"year": year}
    )
    return achievement


@transaction.atomic
def set_movements(honoree: Honoree, movements: Iterable[Movement], *, by: Any) -> None:
    """Replace the movements the honoree took part in (the caller passes only movements the
    actor may see: selectors.movements_visible)."""
    wanted = {m.pk for m in movements}
    current = set(honoree.participations.values_list("movement_id", flat=True))
    if wanted == current:
        return
    honoree.participations.filter(movement_id__in=current - wanted).delete()
    Participation.objects.bulk_create(
        [Participation(honoree=honoree, movement_id=pk) for pk in sorted(wanted - current)]
    )
    record_audit(
        "honorees.honoree.movements_set",
        by=by,
        unit=honoree.unit,
        target=honoree,
        data={"movements": sorted(wanted)},
    )


@transaction.atomic
def set_publication_consent(honoree: Honoree, *, by: Any, consent: bool) -> Honoree:
    """Record the honoree's consent to publication. Withdrawing it takes a published story
    off the public pages at once."""
    honoree = Honoree.objects.select_for_update().get(pk=honoree.pk)
    if honoree.publication_consent == consent:
        return honoree
    honoree.publication_consent = consent
    honoree.save(update_fields=["publication_consent", "updated_at"])
    withdrawn = 0
    if not consent:
        withdrawn = Story.objects.filter(honoree=honoree, status=StoryStatus.PUBLISHED).update(
            status=StoryStatus.WITHDRAWN
        )
    record_audit(
        "honorees.honoree.consent_set",
        by=by,
        unit=honoree.unit,
        target=honoree,
        data={"consent": consent, "story_withdrawn": bool(withdrawn)},
    )
    return honoree
