"""Certificates and sheets printed onto blanks: checks, the codec, batches of one kind, and the
direct PDF writer (text where it was placed, searchable, Vietnamese glyphs from Liberation
Serif 2.x)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from thidua.core.errors import DomainError
from thidua.documents import codec, services, sheets
from thidua.documents import spec as s
from thidua.documents.rendering.overlay import MM, render_overlays
from thidua.documents.rendering.pdf import render_pdf_batch_counted

NAME = "Bà Nguyễn Thị Thu Hằng"


def overlay(**extra):
    texts = (
        sheets.PlacedText(NAME, 40, 90, 217, 22, bold=True),
        sheets.PlacedText(
            "Quyết định số 05/QĐ-UBND ngày 20/03/2025", 20, 180, 110, 11, align="left"
        ),
    )
    return sheets.OverlaySheet(297, 210, texts, **extra)


def certificate():
    return sheets.CertificateSpec(
        grantor=("CHỦ TỊCH ỦY BAN NHÂN DÂN", "THỊ TRẤN QUẾ"),
        recipient=NAME,
        achievement="Đã có thành tích xuất sắc",
        decision_line="Quyết định số 05/QĐ-UBND ngày 20/03/2025",
        place="Quế",
        date=dt.date(2025, 3, 20),
        signer_title=("CHỦ TỊCH",),
        signer_name="Bùi Đức Long",
    )


def test_overlay_pages_hold_only_the_placed_text_where_it_was_placed():
    data, pages = render_overlays([overlay(), overlay()])
    reader = PdfReader(io.BytesIO(data))
    assert pages == 2 == len(reader.pages)
    page = reader.pages[0]
    assert (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)) == (
        297,
        210,
    )
    assert page.extract_text().split("\n") == [NAME, "Quyết định số 05/QĐ-UBND ngày 20/03/2025"]
    found = []

    def visitor(text, cm, tm, font_dict, font_size):
        if text.strip():
            found.append((text.strip(), round(tm[4] / MM), round(210 - tm[5] / MM)))

    page.extract_text(visitor_text=visitor)
    left_aligned = next(f for f in found if f[0].startswith("Quyết định"))
    assert left_aligned[1] == 20  # x = 20 mm from the left edge
    assert 180 < left_aligned[2] < 186  # baseline just below the box top at 180 mm
    fonts = {str(f["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert fonts == {"/THIDUA+LiberationSerif-Bold", "/THIDUA+LiberationSerif-Regular"}


def test_long_text_shrinks_or_wraps_within_its_box():
    long = "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước " * 3
    one_line = sheets.OverlaySheet(297, 210, (sheets.PlacedText(long, 40, 100, 100, 14),))
    two_lines = sheets.OverlaySheet(
        297, 210, (sheets.PlacedText(long, 40, 100, 150, 14, max_lines=3),)
    )
    text_one = PdfReader(io.BytesIO(render_overlays([one_line])[0])).pages[0].extract_text()
    text_two = PdfReader(io.BytesIO(render_overlays([two_lines])[0])).pages[0].extract_text()
    assert text_one.count("\n") == 0
    assert 1 <= text_two.count("\n") <= 2


def test_calibration_grid_and_frames():
    data, _ = render_overlays([overlay(grid_mm=5)])
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "100" in text and NAME in text


def test_checks_refuse_what_cannot_be_printed():
    outside = sheets.OverlaySheet(297, 210, (sheets.PlacedText("x", 250, 10, 100),))
    with pytest.raises(s.SpecError) as refused:
        sheets.check_item(outside)
    assert refused.value.code == "documents.outside_sheet"
    with pytest.raises(s.SpecError) as refused:
        sheets.check_item(sheets.OverlaySheet(10, 210, ()))
    assert refused.value.code == "documents.bad_sheet_size"
    with pytest.raises(s.SpecError) as refused:
        sheets.kind_of([overlay(), certificate()])
    assert refused.value.code == "documents.mixed_batch"


def test_codec_round_trips_sheets():
    for item in (overlay(grid_mm=5), certificate()):
        assert codec.spec_from_data(codec.spec_to_data(item)) == item


def test_full_certificate_renders_with_the_engine():
    data, pages = render_pdf_batch_counted([certificate()])
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert pages == 1
    assert "GIẤY KHEN" in text and NAME in text and "Quế, ngày 20 tháng 3 năm 2025" in text


@pytest.mark.django_db
def test_a_batch_takes_one_kind_only(world):
    with pytest.raises(DomainError) as refused:
        services.start_batch(
            by=None, unit=world.commune_a, title="x", specs=[overlay(), certificate()]
        )
    assert refused.value.code == "documents.mixed_batch"
