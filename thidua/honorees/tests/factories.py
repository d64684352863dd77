"""Test data built through the services (so every row is what a user could have made)."""

from __future__ import annotations

import io
import itertools

from openpyxl import Workbook

from thidua.awards.models import AwardForm
from thidua.honorees import services
from thidua.honorees.excel.columns import COLUMNS, HEADERS

_counter = itertools.count(1)


def make_honoree(unit, name=None, *, by=None, kind="individual", **values):
    name = name or f"Người Thử {next(_counter)}"
    if kind == "individual":
        values.setdefault("gender", "female")
        values.setdefault("birth_year", 1985)
    return services.create_honoree(by=by, unit=unit, kind=kind, name=name, **values)


def recognize(honoree, code, *years):
    form = AwardForm.objects.get(code=code)
    for year in years:
        services.add_recognition(honoree, by=None, award_form=form, year=year)


def publish(honoree, *, by=None, title=None):
    services.set_publication_consent(honoree, by=by, consent=True)
    story = services.save_story(
        honoree, by=by, title=title or f"Gương sáng {honoree.name}", body="Nội dung bài viết."
    )
    return services.publish_story(story, by=by)


def row(**values):
    """A data row of the template as a list, in column order."""
    return [values.get(column.key) for column in COLUMNS]


def good_row(unit_code="A1", name="Nguyễn Văn An", **values):
    base = {
        "unit_code": unit_code,
        "kind": "Cá nhân",
        "name": name,
        "gender": "Nam",
        "birth_year": 1980,
        "ethnicity": "Kinh",
        "component": "Nông dân",
        "sector": "Kinh tế tư nhân",
        "field": "Kinh tế",
        "works_directly": "Có",
    }
    base.update(values)
    return row(**base)


def workbook_bytes(rows, headers=HEADERS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
