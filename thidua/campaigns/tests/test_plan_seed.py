"""The fixture test: the Kim Bảng 2024 preset campaign, created and issued as the demo does it
(``campaigns/demo.issue_seed_plan``: 15/KH-UBND ngày 28/10/2024), generates the seed plan.

Read back from the files the engine stored: the PDF's text (pdftotext) against the seed's text,
line by line, in order, whitespace normalised; the DOCX's paragraphs and styles (python-docx).
The seed text is vendored in ``data/seed_plan_kim_bang_2024.txt`` (a copy of
shared/seed/000_4be30ec671f9d110.txt) so the test runs anywhere.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from docx import Document

from thidua.campaigns import demo as campaign_demo
from thidua.documents.tests.seed_plan import HEADINGS

SEED_TEXT = (Path(__file__).parent / "data" / "seed_plan_kim_bang_2024.txt").read_text()

# What the engine prints instead of the seed's text, on purpose (seed -> generated).
INTENDED_DIFFERENCES = (
    # The seed is an unsigned draft; the plan is issued: the registry's number and its date.
    ("Số: /KH-UBND", "Số: 15/KH-UBND"),
    ("Kim Bảng, ngày tháng năm 2024", "Kim Bảng, ngày 28 tháng 10 năm 2024"),
    # The numbering follows the nesting: the seed repeats "I." for part II, "2.1." for the
    # district level, and writes "2.3." for the third item under "3.".
    ("\nI. NỘI DUNG", "\nII. NỘI DUNG"),
    ("2.1. Đối với cấp huyện", "2.2. Đối với cấp huyện"),
    ("2.3. Một số nội dung trọng tâm", "3.3. Một số nội dung trọng tâm"),
    # The seed names the review period both 2020-2025 and 2021-2025; the campaign has one
    # setting (R2), the preset's 2021-2025.
    ("giai đoạn 2020-2025", "giai đoạn 2021-2025"),
    # The seed marks the bold deadline and signing block with **: the PDF sets them in bold
    # (checked in the DOCX's runs below).
    ("**", ""),
)

BASIS = (
    "Căn cứ Kế hoạch số 2056/KH-UBND ngày 10/10/2024 của Ủy ban nhân dân tỉnh về tổ chức Hội "
    "nghị điển hình tiên tiến các cấp, tiến tới Đại hội Thi đua yêu nước tỉnh Hà Nam lần thứ XII."
)


def flat(text: str) -> str:
    return " ".join(text.split())


def expected_text() -> str:
    text = SEED_TEXT
    for seed, generated in INTENDED_DIFFERENCES:
        assert seed in text, seed  # the list cannot rot: each difference is in the seed
        text = text.replace(seed, generated)
    return text


def seed_lines(text: str) -> list[str]:
    return [flat(line) for line in text.splitlines() if line.strip()]


def section_of(lines: list[str], start: str, end: str) -> list[str]:
    first = lines.index(start) + 1
    return lines[first : next(i for i in range(first, len(lines)) if lines[i].startswith(end))]


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page in reading layout, without the page number at the top."""
    out = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    pages = []
    for index, page in enumerate(out.split("\f")[:-1]):
        lines = [line for line in page.splitlines() if line.strip()]
        if index and lines and lines[0].strip() == str(index + 1):
            lines = lines[1:]
        pages.append("\n".join(lines))
    return pages


def find_word_run(text: str, phrase: str, start: int = 0) -> int:
    """Where ``phrase`` starts as whole words ("II. NỘI DUNG" is not "I. NỘI DUNG"), or -1."""
    found = re.compile(r"(?<!\S)" + re.escape(phrase)).search(text, start)
    return found.start() if found else -1


@pytest.fixture
def seed_plan(issued, district_officer):
    document = campaign_demo.issue_seed_plan(issued, district_officer)
    issued.refresh_from_db()
    return document


@pytest.fixture
def seed_pdf_pages(seed_plan):
    with seed_plan.pdf.open("rb") as stored:
        return pdf_pages(stored.read())


@pytest.mark.django_db
def test_the_demo_issues_the_campaigns_plan_as_15_kh_ubnd(seed_plan, issued):
    assert (seed_plan.symbol, str(seed_plan.document_date), seed_plan.version) == (
        "15/KH-UBND",
        "2024-10-28",
        1,
    )
    assert seed_plan.source == issued
    assert (issued.plan_number, str(issued.plan_date)) == ("15/KH-UBND", "2024-10-28")


@pytest.mark.django_db
def test_the_pdf_reproduces_the_seed_line_by_line(seed_pdf_pages):
    text = flat("\n".join(seed_pdf_pages))
    lines = seed_lines(expected_text())
    closing = lines.index("Nơi nhận:")
    position = 0
    missing = []
    for line in lines[:closing]:  # the body, in order
        found = find_word_run(text, line, position)
        if found < 0:
            missing.append(line)
        else:
            position = found + len(line)
    assert missing == []
    # "Nơi nhận" and the signing block stand side by side: each line after "Nơi nhận:".
    tail = text[find_word_run(text, "Nơi nhận:", position) :]
    assert [line for line in lines[closing:] if find_word_run(tail, line) < 0] == []


@pytest.mark.django_db
def test_the_pdf_has_every_heading_the_nine_items_the_recipients_and_the_deadline(
    seed_pdf_pages,
):
    text = flat("\n".join(seed_pdf_pages))
    positions = [find_word_run(text, heading) for heading in HEADINGS]
    assert -1 not in positions, [h for h, p in zip(HEADINGS, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    assert find_word_run(text, "I. NỘI DUNG") == -1 and "2.3. Một số" not in text
    lines = seed_lines(expected_text())
    programme = section_of(lines, "3.1. Chương trình", "Căn cứ nội dung, yêu cầu nêu trên")
    assert len(programme) == 9
    for item in programme:
        assert find_word_run(text, item) > 0, item
    recipients = section_of(lines, "Nơi nhận:", "TM.")
    assert len(recipients) == 9 and recipients[-1] == "- Lưu: VT, NV."
    tail = text[text.index("Nơi nhận:") :]
    assert [r for r in recipients if r not in tail] == []
    assert BASIS in text
    assert (
        "gửi bản Kế hoạch về Ủy ban nhân dân huyện (qua Phòng Nội vụ) trước ngày 16/12/2024;"
        in text
    )


@pytest.mark.django_db
def test_the_pdf_heading_and_signing_block(seed_pdf_pages):
    first = flat(seed_pdf_pages[0])
    for expected in (
        "ỦY BAN NHÂN DÂN",
        "HUYỆN KIM BẢNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/KH-UBND",
        "Kim Bảng, ngày 28 tháng 10 năm 2024",
        "KẾ HOẠCH",
        "Tổ chức Hội nghị điển hình tiên tiến các cấp,",
        "tiến tới Đại hội Thi đua yêu nước tỉnh Hà Nam lần thứ XII",
    ):
        assert expected in first, expected
    last = seed_pdf_pages[-1].splitlines()
    right = [re.split(r"\s{3,}", line.strip())[-1] for line in last]
    authority = right.index("TM. ỦY BAN NHÂN DÂN")
    assert right[authority + 1] == "CHỦ TỊCH"
    assert right[-1] == "Nguyễn Thành Thăng"


@pytest.mark.django_db
def test_the_docx_has_the_plans_paragraphs_in_named_styles(seed_plan):
    with seed_plan.docx.open("rb") as stored:
        document = Document(io.BytesIO(stored.read()))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    assert [t for name, t in paragraphs if name == "NĐ30 Đề mục 1"] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG",
        "III. TỔ CHỨC THỰC HIỆN",
    ]
    assert [t for name, t in paragraphs if name == "NĐ30 Đề mục 3"] == [
        "2.1. Đối với cấp xã",
        "2.2. Đối với cấp huyện",
        "3.1. Chương trình",
        "3.2. Một số hoạt động trước và trong dịp tổ chức",
        "3.3. Một số nội dung trọng tâm của Hội nghị",
    ]
    lines = seed_lines(expected_text())
    programme = section_of(lines, "3.1. Chương trình", "Căn cứ nội dung, yêu cầu nêu trên")
    dashes = [text for name, text in paragraphs if name == "NĐ30 Gạch đầu dòng"]
    assert [d for d in dashes if d in programme] == programme
    assert (paragraphs[paragraphs.index(("NĐ30 Tên loại", "KẾ HOẠCH")) + 1][0]) == (
        "NĐ30 Trích yếu"
    )
    # The deadline is bold, as the seed marks it.
    deadline = next(p for p in document.paragraphs if "trước ngày 16/12/2024" in p.text)
    assert [r.text for r in deadline.runs if r.bold] == ["trước ngày 16/12/2024"]
    closing = document.tables[-1]
    assert [p.text for p in closing.cell(0, 0).paragraphs] == [
        "Nơi nhận:",
        *section_of(lines, "Nơi nhận:", "TM."),
    ]
    assert [p.text for p in closing.cell(0, 1).paragraphs if p.text] == [
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Thành Thăng",
    ]
