"""Checks of an honoree's attributes shared by the form, the API and the Excel importer.

``check_attributes`` is pure (no database): it returns every problem as (field, message), so
that the importer can report all the bad cells of a row and the services can refuse with the
first. Duplicate checks need the database and live in services and the importer.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from thidua.core.text import normalize_text
from thidua.honorees import rules
from thidua.honorees.enums import Gender, HonoreeKind


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    message: str


def check_attributes(
    *,
    kind: str,
    name: str,
    gender: str = "",
    birth_year: int | None = None,
    collective_size: int | None = None,
    national_id: str | None = None,
    current_year: int,
    min_age: int = rules.DEFAULT_MIN_AGE,
    max_age: int = rules.DEFAULT_MAX_AGE,
) -> list[Problem]:
    problems: list[Problem] = []
    if kind not in HonoreeKind.values:
        problems.append(
            Problem("kind", "honorees.bad_kind", _("Loại phải là Cá nhân hoặc Tập thể."))
        )
    if not normalize_text(name):
        problems.append(Problem("name", "honorees.name_required", _("Tên không được để trống.")))
    if gender and gender not in Gender.values:
        problems.append(
            Problem("gender", "honorees.bad_gender", _("Giới tính phải là Nam hoặc Nữ."))
        )
    if kind == HonoreeKind.INDIVIDUAL:
        if birth_year is not None and not rules.birth_year_in_range(
            birth_year, current_year, min_age=min_age, max_age=max_age
        ):
            problems.append(
                Problem(
                    "birth_year",
                    "honorees.birth_year_out_of_range",
                    _("Năm sinh phải trong khoảng %(low)s–%(high)s.")
                    % {"low": current_year - max_age, "high": current_year - min_age},
                )
            )
        if collective_size is not None:
            problems.append(
                Problem(
                    "collective_size",
                    "honorees.size_for_individual",
                    _("Chỉ tập thể mới có số thành viên."),
                )
            )
    elif kind == HonoreeKind.COLLECTIVE:
        if gender or birth_year is not None or national_id:
            problems.append(
                Problem(
                    "kind",
                    "honorees.personal_fields_for_collective",
                    _("Tập thể không có giới tính, năm sinh hay số CCCD."),
                )
            )
        if collective_size is not None and collective_size < 1:
            problems.append(
                Problem(
                    "collective_size",
                    "honorees.bad_size",
                    _("Số thành viên của tập thể phải lớn hơn 0."),
                )
            )
    if national_id and not rules.is_valid_national_id(national_id):
        problems.append(
            Problem(
                "national_id",
                "honorees.bad_national_id",
                _("Số CCCD phải gồm 12 chữ số (hoặc CMND 9 chữ số)."),
            )
        )
    return problems


def name_key(name: str) -> str:
    """The identity of a name for duplicate checks: NFC and NFD spellings, case and spacing
    differences are the same name; diacritics are not ignored (Lê ≠ Lệ)."""
    return normalize_text(name).casefold()
