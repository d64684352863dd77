"""What the renderers produce, read back from the files: PDF text (pdftotext), embedded fonts
(pdffonts), page sizes and numbers; DOCX paragraphs and named styles (python-docx)."""

import dataclasses
import datetime as dt
import io
import re
import subprocess

import pytest
from docx import Document
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from thidua.documents import spec as s
from thidua.documents.rendering import pdf as pdf_renderer
from thidua.documents.rendering import render_docx, render_pdf, render_pdf_batch
from thidua.documents.tests.seed_plan import HEADINGS, PROGRAMME, RECIPIENTS, kim_bang_plan_2024


def issued_plan(**changes):
    plan = dataclasses.replace(
        kim_bang_plan_2024(), number=s.DocumentNumber(15, 2024), date=dt.date(2024, 10, 28)
    )
    return dataclasses.replace(plan, **changes)


def pdf_text(data: bytes, *, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), "-", "-"]
    return subprocess.run(args, input=data, capture_output=True, check=True).stdout.decode()


def page_texts(data: bytes) -> list[str]:
    return pdf_text(data, layout=True).split("\f")


def flat(text: str) -> str:
    """One line of words: PDF text wraps lines where the page does."""
    return " ".join(text.split())


def fonts_of(data: bytes, tmp_path) -> list[str]:
    path = tmp_path / "f.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode()
    return [line.split()[0] for line in out.splitlines()[2:] if line.strip()]


@pytest.fixture(scope="module")
def plan_pdf():
    return render_pdf(issued_plan())


@pytest.fixture(scope="module")
def plan_docx():
    return Document(io.BytesIO(render_docx(issued_plan())))


def test_plan_pdf_has_the_national_heading_issuer_number_and_date(plan_pdf):
    first = flat(page_texts(plan_pdf)[0])
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "HUYỆN KIM BẢNG",
        "Số: 15/KH-UBND",
        "Kim Bảng, ngày 28 tháng 10 năm 2024",
        "KẾ HOẠCH",
    ):
        assert expected in first, expected
    text = flat(pdf_text(plan_pdf))
    assert (
        "Tổ chức Hội nghị điển hình tiên tiến các cấp, tiến tới Đại hội Thi đua yêu nước tỉnh "
        "Hà Nam lần thứ XII"
    ) in text


def test_plan_pdf_has_every_heading_in_order_and_no_slip_of_the_source(plan_pdf):
    text = flat(pdf_text(plan_pdf))
    positions = [text.find(heading) for heading in HEADINGS]
    assert -1 not in positions, [h for h, p in zip(HEADINGS, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    assert text.count("I. MỤC ĐÍCH") == 1 and "I. NỘI DUNG" not in text.replace("II. NỘI", "")
    assert "2.3. Một số nội dung" not in text


def test_plan_pdf_has_the_nine_programme_items_and_the_recipients(plan_pdf):
    text = flat(pdf_text(plan_pdf))
    for item in PROGRAMME:
        assert f"- {item}" in text, item
    recipients = text[text.index("Nơi nhận:") :]
    for recipient in RECIPIENTS:
        assert f"- {recipient}" in recipients, recipient
    assert "Căn cứ Kế hoạch số 2056/KH-UBND ngày 10/10/2024" in text
    assert "trước ngày 16/12/2024" in text
    assert "HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN Giai đoạn 2021-2025" in text  # the backdrop sketch


def test_plan_pdf_signing_block(plan_pdf):
    last = page_texts(plan_pdf)[-2]  # the text ends with a form feed
    lines = [line.strip() for line in last.splitlines() if line.strip()]
    right = [re.split(r"\s{3,}", line)[-1] for line in lines]
    tm = right.index("TM. ỦY BAN NHÂN DÂN")
    assert right[tm + 1] == "CHỦ TỊCH"
    assert right[-1] == "Nguyễn Thành Thăng"


def test_plan_pdf_uses_liberation_serif_2_only(plan_pdf, tmp_path):
    fonts = fonts_of(plan_pdf, tmp_path)
    assert fonts, "no font embedded"
    families = {re.sub(r"^[A-Z]{6}\+", "", name) for name in fonts}
    assert families == {
        "Liberation-Serif",
        "Liberation-Serif-Bold",
        "Liberation-Serif-Italic",
        "Liberation-Serif-Bold-Italic",
    }
    assert all(re.match(r"^[A-Z]{6}\+", name) for name in fonts)  # embedded subsets


def test_font_files_are_liberation_2_from_fonts_liberation2():
    files = pdf_renderer.font_files()
    assert all("liberation2" in str(path) for path in files)
    for path in files:
        version = TTFont(path)["name"].getDebugName(5)
        assert version.startswith("Version 2."), (path, version)
    css = pdf_renderer.stylesheet_text()
    assert len(re.findall(r"@font-face \{", css)) == 4
    assert {"font-style: italic", "font-weight: 700"} <= {
        part.strip() for part in re.split(r";", css)
    }


def test_plan_pdf_is_a4_with_page_numbers_from_page_two(plan_pdf):
    reader = PdfReader(io.BytesIO(plan_pdf))
    assert len(reader.pages) >= 3
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    pages = page_texts(plan_pdf)
    assert not re.fullmatch(r"\s*\d+", pages[0].splitlines()[0])
    for number, page in enumerate(pages[1 : len(reader.pages)], start=2):
        first_line = next(line for line in page.splitlines() if line.strip())
        assert first_line.strip() == str(number)
    # Centred in the top margin: midway between the margins (30 mm left, 15 mm right).
    boxes = subprocess.run(
        ["pdftotext", "-bbox", "-f", "2", "-l", "2", "-", "-"],
        input=plan_pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    word = re.search(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">2</word>', boxes
    )
    x_min, y_min, x_max = (float(v) for v in word.groups())
    centre = (30 + (210 - 15)) / 2 / 25.4 * 72
    assert abs((x_min + x_max) / 2 - centre) < 2
    assert y_min < 20 / 25.4 * 72  # inside the 20 mm top margin


def test_draft_keeps_the_blanks_for_hand_dating_and_numbering():
    draft = kim_bang_plan_2024()  # no number, no date: as the seed itself
    first = flat(page_texts(render_pdf(draft))[0])
    assert "Kim Bảng, ngày ... tháng ... năm 2024" in first
    assert re.search(r"Số:\s+/KH-UBND", first)
    assert "Số: 15" not in first


def long_document(n: int, serial: int) -> s.DocumentSpec:
    paragraphs = tuple(s.Paragraph(f"Đoạn {i} của văn bản số {serial}. " * 8) for i in range(n))
    return s.DocumentSpec(
        type_code="TB",
        issuer=s.IssuingBody(
            ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",),
            "HĐTĐKT",
            "Kim Bảng",
            superior=("UBND HUYỆN KIM BẢNG",),
        ),
        summary=(f"Thông báo số {serial}",),
        number=s.DocumentNumber(serial, 2025),
        date=dt.date(2025, 3, 9),
        blocks=paragraphs,
    )


def test_batch_is_one_pdf_where_each_document_numbers_its_own_pages():
    specs = [long_document(30, 1), long_document(2, 2), long_document(30, 3)]
    data = render_pdf_batch(specs)
    pages = page_texts(data)[:-1]
    starts = [i for i, page in enumerate(pages) if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page]
    assert len(starts) == 3
    for index, page in enumerate(pages):
        first_line = next(line for line in page.splitlines() if line.strip()).strip()
        if index in starts:
            assert not first_line.isdigit()
        else:
            start = max(x for x in starts if x < index)
            assert first_line == str(index - start + 1)
    assert "Số: 01/TB-HĐTĐKT" in pages[starts[0]] and "Số: 03/TB-HĐTĐKT" in pages[starts[2]]
    assert "UBND HUYỆN KIM BẢNG" in pages[0] and "Kim Bảng, ngày 09 tháng 3 năm 2025" in pages[0]


def test_wide_annex_goes_on_a_landscape_page():
    annex = s.Annex(
        "DANH SÁCH ĐẠI BIỂU",
        (s.Table(("STT", "Họ và tên", "Đơn vị"), (("1", "Nguyễn Văn A", "Xã Lê Hồ"),)),),
        landscape=True,
    )
    data = render_pdf(issued_plan(annexes=(annex,)))
    reader = PdfReader(io.BytesIO(data))
    last = reader.pages[-1].mediabox
    assert (round(float(last.width)), round(float(last.height))) == (842, 595)
    text = flat(page_texts(data)[-2])
    assert "Phụ lục DANH SÁCH ĐẠI BIỂU" in text
    assert (
        "(Kèm theo Kế hoạch số 15/KH-UBND ngày 28/10/2024 của Ủy ban nhân dân huyện Kim Bảng)"
        in text
    )
    assert "Nguyễn Văn A" in text


def test_docx_has_the_same_parts_in_named_styles(plan_docx):
    paragraphs = [(p.style.name, p.text) for p in plan_docx.paragraphs if p.text.strip()]
    styles = {name for name, _ in paragraphs}
    assert {"NĐ30 Tên loại", "NĐ30 Trích yếu", "NĐ30 Đề mục 1", "NĐ30 Đề mục 2"} <= styles
    assert ("NĐ30 Tên loại", "KẾ HOẠCH") in paragraphs
    level1 = [text for name, text in paragraphs if name == "NĐ30 Đề mục 1"]
    assert level1 == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"]
    level3 = [text for name, text in paragraphs if name == "NĐ30 Đề mục 3"]
    assert level3[:2] == ["2.1. Đối với cấp xã", "2.2. Đối với cấp huyện"]
    level4 = [text.split(" ")[0] for name, text in paragraphs if name == "NĐ30 Đề mục 4"]
    assert level4 == ["a)", "b)", "c)", "d)", "đ)"]
    dashes = [text for name, text in paragraphs if name == "NĐ30 Gạch đầu dòng"]
    assert [f"- {item}" for item in PROGRAMME] == [d for d in dashes if d[2:] in PROGRAMME]
    heading = plan_docx.tables[0]
    left = [p.text for p in heading.cell(0, 0).paragraphs if p.text]
    right = [p.text for p in heading.cell(0, 1).paragraphs if p.text]
    assert left == ["ỦY BAN NHÂN DÂN", "HUYỆN KIM BẢNG", "Số: 15/KH-UBND"]
    assert right == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kim Bảng, ngày 28 tháng 10 năm 2024",
    ]
    dated = next(p for p in heading.cell(0, 1).paragraphs if p.text.startswith("Kim Bảng"))
    assert dated.style.name == "NĐ30 Địa danh ngày tháng" and dated.style.font.italic is True


def test_docx_closing_and_page_setup(plan_docx):
    closing = plan_docx.tables[-1]
    recipients = [(p.style.name, p.text) for p in closing.cell(0, 0).paragraphs]
    assert recipients[0] == ("NĐ30 Nơi nhận tiêu đề", "Nơi nhận:")
    assert [text for _, text in recipients[1:]] == [f"- {r}" for r in RECIPIENTS]
    assert plan_docx.styles["NĐ30 Nơi nhận tiêu đề"].font.size.pt == 12
    assert plan_docx.styles["NĐ30 Nơi nhận"].font.size.pt == 11
    signature = [p.text for p in closing.cell(0, 1).paragraphs if p.text]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Thành Thăng"]
    section = plan_docx.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (20, 30)
    assert round(section.right_margin.mm) == 15
    assert section.different_first_page_header_footer is True
    assert 'w:instr="PAGE"' in section.header.paragraphs[0]._p.xml
    assert plan_docx.styles["Normal"].font.name == "Times New Roman"


def test_docx_landscape_annex_is_its_own_section():
    annex = s.Annex("DANH SÁCH", (s.Table(("STT", "Tên"), (("1", "Quế"),)),), landscape=True)
    document = Document(io.BytesIO(render_docx(issued_plan(annexes=(annex,)))))
    last = document.sections[-1]
    assert (round(last.page_width.mm), round(last.page_height.mm)) == (297, 210)
    assert document.tables[-1].cell(1, 1).text == "Quế"


def test_chunked_batch_joins_its_parts_in_order():
    from thidua.documents.rendering import render_pdf_chunks

    data = render_pdf_chunks([long_document(1, n) for n in range(1, 6)], chunk_size=2)
    pages = page_texts(data)[:-1]
    assert len(pages) == 5
    assert [f"Số: 0{n}/TB-HĐTĐKT" in pages[n - 1] for n in range(1, 6)] == [True] * 5
