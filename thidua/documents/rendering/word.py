"""DOCX with python-docx: the same structure as the PDF, in NAMED paragraph styles, so that an
official who opens it in Word or LibreOffice edits "NĐ30 Đề mục 1" once and every heading of
that level follows. Times New Roman in the file (LibreOffice shows it with Liberation Serif,
which has the same metrics).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph

from thidua.core.vietnamese import place_date
from thidua.documents import spec as s
from thidua.documents.rendering.html import annex_label, annex_reference

FONT = "Times New Roman"
ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


@dataclass(frozen=True)
class StyleDef:
    name: str
    size: float
    bold: bool = False
    italic: bool = False
    align: str = "center"
    first_line_cm: float = 0.0
    after_pt: float = 0.0


# Decree 30/2020, Appendix I: sizes and weights of each part.
STYLES: tuple[StyleDef, ...] = (
    StyleDef("NĐ30 Cơ quan chủ quản", 13),
    StyleDef("NĐ30 Cơ quan ban hành", 13, bold=True),
    StyleDef("NĐ30 Số ký hiệu", 13, after_pt=0),
    StyleDef("NĐ30 Quốc hiệu", 13, bold=True),
    StyleDef("NĐ30 Tiêu ngữ", 14, bold=True),
    StyleDef("NĐ30 Địa danh ngày tháng", 14, italic=True),
    StyleDef("NĐ30 Tên loại", 14, bold=True),
    StyleDef("NĐ30 Trích yếu", 14, bold=True, after_pt=12),
    StyleDef("NĐ30 Kính gửi", 14),
    StyleDef("NĐ30 Đoạn văn", 14, align="justify", first_line_cm=1.0, after_pt=6),
    StyleDef("NĐ30 Đề mục 1", 14, bold=True, align="justify", first_line_cm=1.0, after_pt=6),
    StyleDef("NĐ30 Đề mục 2", 14, bold=True, align="justify", first_line_cm=1.0, after_pt=6),
    StyleDef(
        "NĐ30 Đề mục 3", 14, bold=True, italic=True, align="justify", first_line_cm=1.0, after_pt=6
    ),
    StyleDef("NĐ30 Đề mục 4", 14, italic=True, align="justify", first_line_cm=1.0, after_pt=6),
    StyleDef("NĐ30 Gạch đầu dòng", 14, align="justify", first_line_cm=1.0, after_pt=6),
    StyleDef("NĐ30 Dấu cộng", 14, align="justify", first_line_cm=1.5, after_pt=6),
    StyleDef("NĐ30 Khung", 14, bold=True),
    StyleDef("NĐ30 Bảng", 13, align="left"),
    StyleDef("NĐ30 Nơi nhận tiêu đề", 12, bold=True, italic=True, align="left"),
    StyleDef("NĐ30 Nơi nhận", 11, align="left"),
    StyleDef("NĐ30 Quyền hạn ký", 14, bold=True),
    StyleDef("NĐ30 Người ký", 14, bold=True),
    StyleDef("NĐ30 Phụ lục", 14, bold=True),
    StyleDef("NĐ30 Phụ lục kèm theo", 14, italic=True, after_pt=12),
    StyleDef("NĐ30 Số trang", 13),
)
HEADING_STYLES = {
    1: "NĐ30 Đề mục 1",
    2: "NĐ30 Đề mục 2",
    3: "NĐ30 Đề mục 3",
    4: "NĐ30 Đề mục 4",
}


def _add_styles(document: DocxDocument) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _east_asian_font(normal.element)
    normal.paragraph_format.space_after = Pt(0)
    for definition in STYLES:
        style = styles.add_style(definition.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        style.font.name = FONT
        style.font.size = Pt(definition.size)
        style.font.bold = definition.bold
        style.font.italic = definition.italic
        fmt = style.paragraph_format
        fmt.alignment = ALIGN[definition.align]
        fmt.first_line_indent = Cm(definition.first_line_cm) if definition.first_line_cm else None
        fmt.space_after = Pt(definition.after_pt)
        fmt.space_before = Pt(0)


def _east_asian_font(element: Any) -> None:
    """Set every script slot of the font to Times New Roman (Vietnamese uses several)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)


def _runs(paragraph: DocxParagraph, text: s.Text, prefix: str = "") -> None:
    if prefix:
        paragraph.add_run(prefix)
    if isinstance(text, str):
        paragraph.add_run(text)
        return
    for span in text:
        run = paragraph.add_run(span.text)
        if span.bold:
            run.bold = True
        if span.italic:
            run.italic = True


def _border(paragraph: DocxParagraph, side: str) -> None:
    """A thin rule under (or above) a paragraph: the rules of the heading."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        line.set(qn(key), value)
    borders.append(line)
    ppr.append(borders)


def _no_borders(table: DocxTable) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _cell_paragraph(cell: _Cell, text: str, style: str, first: bool = False) -> DocxParagraph:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.style = style
    paragraph.add_run(text)
    return paragraph


def _rule(cell: _Cell, indent_cm: float) -> None:
    """A short centred rule: an empty paragraph with a top border, narrowed by indents."""
    paragraph = cell.add_paragraph(style="NĐ30 Số ký hiệu")
    paragraph.paragraph_format.left_indent = Cm(indent_cm)
    paragraph.paragraph_format.right_indent = Cm(indent_cm)
    _border(paragraph, "top")
    paragraph.paragraph_format.line_spacing = Pt(6)


def _heading(document: DocxDocument, spec: s.DocumentSpec, width_cm: float) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left_width, right_width = width_cm * 0.4, width_cm * 0.6
    left, right = table.rows[0].cells
    left.width, right.width = Cm(left_width), Cm(right_width)
    first = True
    issuer = spec.issuer
    for line in issuer.superior if issuer else ():
        _cell_paragraph(left, line, "NĐ30 Cơ quan chủ quản", first)
        first = False
    for line in issuer.name if issuer else ():
        _cell_paragraph(left, line, "NĐ30 Cơ quan ban hành", first)
        first = False
    _rule(left, left_width * 0.33)
    _cell_paragraph(left, spec.number_line, "NĐ30 Số ký hiệu")
    _cell_paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "NĐ30 Quốc hiệu", True)
    _cell_paragraph(right, "Độc lập - Tự do - Hạnh phúc", "NĐ30 Tiêu ngữ")
    _rule(right, right_width * 0.18)
    place = issuer.place if issuer else ""
    dated = place_date(place, spec.date, year=spec.shown_year)
    _cell_paragraph(right, dated, "NĐ30 Địa danh ngày tháng")


def _title(document: DocxDocument, spec: s.DocumentSpec, width_cm: float) -> None:
    document.add_paragraph(spec.document_type.title, style="NĐ30 Tên loại")
    lines = [line for line in spec.summary if line.strip()]
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph(line, style="NĐ30 Trích yếu")
        if index < len(lines) - 1:
            paragraph.paragraph_format.space_after = Pt(0)
        else:
            paragraph.paragraph_format.space_after = Pt(2)
    rule = document.add_paragraph(style="NĐ30 Trích yếu")
    rule.paragraph_format.left_indent = Cm(width_cm * 0.38)
    rule.paragraph_format.right_indent = Cm(width_cm * 0.38)
    rule.paragraph_format.line_spacing = Pt(6)
    _border(rule, "top")
    if spec.addressees:
        if len(spec.addressees) == 1:
            document.add_paragraph(f"Kính gửi: {spec.addressees[0]}", style="NĐ30 Kính gửi")
        else:
            document.add_paragraph("Kính gửi:", style="NĐ30 Kính gửi")
            for addressee in spec.addressees:
                document.add_paragraph(f"- {addressee}", style="NĐ30 Kính gửi")


def _blocks(
    document: DocxDocument,
    blocks: tuple[s.Block, ...],
    top_level: int,
    parent: tuple[int, ...] = (),
) -> None:
    add = document.add_paragraph
    for block, path, label in s.labelled(blocks, top_level, parent):
        if isinstance(block, s.Section):
            level = len(path) + top_level - 1
            _runs(add(style=HEADING_STYLES[level]), block.title, label)
            _blocks(document, block.blocks, top_level, path)
        elif isinstance(block, s.Item):
            _item(document, block, 0)
        elif isinstance(block, s.Paragraph):
            paragraph = add(style="NĐ30 Đoạn văn")
            if block.align != "justify":
                paragraph.alignment = ALIGN[block.align]
                paragraph.paragraph_format.first_line_indent = Cm(0)
            _runs(paragraph, block.text)
        elif isinstance(block, s.Table):
            _table(document, block)
        elif isinstance(block, s.Framed):
            _framed(document, block)
        elif isinstance(block, s.PageBreak):
            add().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, s.Qr):
            _qr(document, block)


def _qr(document: DocxDocument, qr: s.Qr) -> None:
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(qr.data, error="m").save(buffer, kind="png", scale=8, border=2)
    buffer.seek(0)
    paragraph = document.add_paragraph(style="NĐ30 Khung")
    paragraph.add_run().add_picture(buffer, width=Cm(qr.size_mm / 10))
    if qr.caption:
        document.add_paragraph(qr.caption, style="NĐ30 Khung")


def _item(document: DocxDocument, item: s.Item, depth: int) -> None:
    style = "NĐ30 Gạch đầu dòng" if depth == 0 else "NĐ30 Dấu cộng"
    paragraph = document.add_paragraph(style=style)
    _runs(paragraph, item.text, "- " if depth == 0 else "+ ")
    for child in item.items:
        _item(document, child, depth + 1)


def _table(document: DocxDocument, table_spec: s.Table) -> None:
    if table_spec.caption:
        document.add_paragraph(table_spec.caption, style="NĐ30 Khung")
    rows = len(table_spec.rows) + 1
    table = document.add_table(rows=rows, cols=len(table_spec.header))
    table.style = "Table Grid"
    for col, title in enumerate(table_spec.header):
        cell = table.cell(0, col)
        paragraph = _cell_paragraph(cell, title, "NĐ30 Bảng", True)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.runs[0].bold = True
    align = table_spec.align or ()
    for r, row in enumerate(table_spec.rows, start=1):
        for col, value in enumerate(row):
            paragraph = _cell_paragraph(table.cell(r, col), value, "NĐ30 Bảng", True)
            if col < len(align):
                paragraph.alignment = ALIGN.get(align[col], WD_ALIGN_PARAGRAPH.LEFT)
    _repeat_header(table.rows[0])
    document.add_paragraph(style="NĐ30 Đoạn văn")


def _repeat_header(row: _Row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _framed(document: DocxDocument, framed: s.Framed) -> None:
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell = table.cell(0, 0)
    for index, line in enumerate(framed.lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.style = "NĐ30 Khung"
        _runs(paragraph, line)
    document.add_paragraph(style="NĐ30 Đoạn văn")


def _closing(document: DocxDocument, spec: s.DocumentSpec, width_cm: float) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(width_cm * 0.45), Cm(width_cm * 0.55)
    if spec.recipients:
        _cell_paragraph(left, "Nơi nhận:", "NĐ30 Nơi nhận tiêu đề", True)
        for recipient in spec.recipients:
            _cell_paragraph(left, f"- {recipient}", "NĐ30 Nơi nhận")
    if spec.signature is not None:
        first = True
        for line in spec.signature.lines:
            _cell_paragraph(right, line, "NĐ30 Quyền hạn ký", first)
            first = False
        for _ in range(4):  # space for the signature and the seal
            right.add_paragraph(style="NĐ30 Quyền hạn ký")
        _cell_paragraph(right, spec.signature.name, "NĐ30 Người ký")


def _page_numbers(section: Section) -> None:
    """Page numbers centred at the top from page 2: a PAGE field in the header, and a blank
    header on the first page."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.style = "NĐ30 Số trang"
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _margins(section: Section, landscape: bool = False) -> None:
    sec = section
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)
    else:
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    sec.header_distance = Mm(10)


def render_docx(spec: s.DocumentSpec) -> bytes:
    """One document as an editable DOCX (bytes)."""
    document = Document()
    _add_styles(document)
    section = document.sections[0]
    _margins(section)
    _page_numbers(section)
    width_cm = (210 - 30 - 15) / 10
    _heading(document, spec, width_cm)
    _title(document, spec, width_cm)
    _blocks(document, spec.blocks, spec.top_level)
    _closing(document, spec, width_cm)
    for index, annex in enumerate(spec.annexes, start=1):
        annex_section = document.add_section(WD_SECTION.NEW_PAGE)
        _margins(annex_section, annex.landscape)
        annex_section.different_first_page_header_footer = False
        document.add_paragraph(annex_label(index, len(spec.annexes)), style="NĐ30 Phụ lục")
        document.add_paragraph(annex.title, style="NĐ30 Phụ lục")
        document.add_paragraph(annex_reference(spec), style="NĐ30 Phụ lục kèm theo")
        _blocks(document, annex.blocks, spec.top_level)
    document.core_properties.title = f"{spec.document_type.name} {spec.symbol}"
    document.core_properties.language = "vi-VN"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
