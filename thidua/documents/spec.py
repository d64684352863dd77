"""A document as data: what Decree 30/2020/NĐ-CP asks an official document to contain.

Pure and typed (no Django): other apps describe a plan, an invitation, a decision or a list
with these dataclasses, and the renderers (``thidua.documents.rendering``) turn the same
description into a PDF and an editable DOCX. ``check(spec)`` refuses what cannot be issued.

    DocumentSpec(
        type_code="KH",
        issuer=IssuingBody(name=("ỦY BAN NHÂN DÂN", "HUYỆN KIM BẢNG"), abbreviation="UBND",
                           place="Kim Bảng", full_name="Ủy ban nhân dân huyện Kim Bảng"),
        summary=("Tổ chức Hội nghị điển hình tiên tiến các cấp",),
        blocks=(Section("MỤC ĐÍCH, YÊU CẦU", (Section("Mục đích", (Item("..."),)),)),),
        signature=Signature("CHỦ TỊCH", "Nguyễn Thành Thăng",
                            authority=(Authority("TM", "ỦY BAN NHÂN DÂN"),)),
        recipients=("Sở Nội vụ;", "Lưu: VT, NV."),
    )

Section numbers are not written by hand: they follow from the nesting (I. / 1. / 1.1. / a)),
so a slip in a source text (two "I.") cannot reach the output.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


def gettext_noop(message: str) -> str:
    """Marks a message for the catalogues; the service layer translates it when it refuses."""
    return message


# --- The table of document types (Decree 30/2020, Appendix III) --------------------------------


@dataclass(frozen=True)
class DocumentType:
    code: str  # the abbreviation in the symbol: "KH" in 15/KH-UBND
    name: str  # "Kế hoạch"; the title line is its upper case: "KẾ HOẠCH"

    @property
    def title(self) -> str:
        return self.name.upper()


DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("NQ", "Nghị quyết"),
    DocumentType("QĐ", "Quyết định"),
    DocumentType("CT", "Chỉ thị"),
    DocumentType("QC", "Quy chế"),
    DocumentType("QyĐ", "Quy định"),
    DocumentType("TC", "Thông cáo"),
    DocumentType("TB", "Thông báo"),
    DocumentType("HD", "Hướng dẫn"),
    DocumentType("CTr", "Chương trình"),
    DocumentType("KH", "Kế hoạch"),
    DocumentType("PA", "Phương án"),
    DocumentType("ĐA", "Đề án"),
    DocumentType("DA", "Dự án"),
    DocumentType("BC", "Báo cáo"),
    DocumentType("BB", "Biên bản"),
    DocumentType("TTr", "Tờ trình"),
    DocumentType("HĐ", "Hợp đồng"),
    DocumentType("CĐ", "Công điện"),
    DocumentType("GN", "Bản ghi nhớ"),
    DocumentType("TTh", "Bản thỏa thuận"),
    DocumentType("UQ", "Giấy ủy quyền"),
    DocumentType("GM", "Giấy mời"),
    DocumentType("GT", "Giấy giới thiệu"),
    DocumentType("NP", "Giấy nghỉ phép"),
    DocumentType("PG", "Phiếu gửi"),
    DocumentType("PC", "Phiếu chuyển"),
    DocumentType("PB", "Phiếu báo"),
)
TYPES_BY_CODE: dict[str, DocumentType] = {t.code: t for t in DOCUMENT_TYPES}

# Signing capacities (Decree 30, Art. 13): the prefix of the line above the signer's title.
SIGNING_CAPACITIES: dict[str, str] = {
    "TM": "thay mặt (tập thể lãnh đạo)",
    "KT": "ký thay (cấp phó ký thay cấp trưởng)",
    "Q": "quyền (cấp phó được giao quyền cấp trưởng)",
    "TL": "thừa lệnh",
    "TUQ": "thừa ủy quyền",
}

# Letters of the fourth numbering level: the Vietnamese alphabet, so "d)" is followed by "đ)".
LETTERS = tuple("abcdđeghiklmnopqrstuvxy")
ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
MAX_DEPTH = 4


def roman(value: int) -> str:
    out = ""
    for amount, letters in ROMAN:
        count, value = divmod(value, amount)
        out += letters * count
    return out


# --- Inline text -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


Text = str | tuple[Span, ...]

_MARKUP = re.compile(r"(\*\*.+?\*\*|\*.+?\*)")


def rich(markup: str) -> Text:
    """ "gửi **trước ngày 16/12/2024**" -> spans; **bold**, *italic*. Plain text stays a str."""
    parts = [p for p in _MARKUP.split(markup) if p]
    if len(parts) == 1 and not _MARKUP.fullmatch(parts[0]):
        return markup
    spans = []
    for part in parts:
        if part.startswith("**") and part.endswith("**") and len(part) > 4:
            spans.append(Span(part[2:-2], bold=True))
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            spans.append(Span(part[1:-1], italic=True))
        else:
            spans.append(Span(part))
    return tuple(spans)


def plain(text: Text) -> str:
    return text if isinstance(text, str) else "".join(span.text for span in text)


# --- Blocks of the body ------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    text: Text
    align: str = "justify"  # "justify" | "center" | "left" | "right"


@dataclass(frozen=True)
class Item:
    """A "- " item; its own items are "+ " items (and deeper ones "+ " again)."""

    text: Text
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Section:
    """A numbered heading and what it holds. The number comes from the nesting:
    depth 1 "I.", depth 2 "1.", depth 3 "1.1.", depth 4 "a)"."""

    title: Text
    blocks: tuple[Block, ...] = ()
    numbered: bool = True


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths; equal when empty
    caption: str = ""
    align: tuple[str, ...] = ()  # per column: "left" | "center" | "right"


@dataclass(frozen=True)
class Framed:
    """Centred lines in a frame: the hall backdrop's sketch, a sample heading."""

    lines: tuple[Text, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Qr:
    """A QR code carrying ``data`` (an invitation's link with its unguessable token), centred,
    ``size_mm`` wide, with an optional caption under it."""

    data: str
    caption: str = ""
    size_mm: float = 28.0


Block = Paragraph | Item | Section | Table | Framed | PageBreak | Qr


# --- Parts of the document ---------------------------------------------------------------------


@dataclass(frozen=True)
class IssuingBody:
    """The issuing body as the heading shows it, and what the number needs from it.

    ``name`` lines are upper case and bold ("ỦY BAN NHÂN DÂN", "HUYỆN KIM BẢNG"); ``superior``
    lines (the governing body, regular) stand above it when the issuer is not a People's
    Committee itself ("UBND HUYỆN KIM BẢNG" above "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG").
    """

    name: tuple[str, ...]
    abbreviation: str  # "UBND", "HĐTĐKT": the issuer part of the symbol
    place: str  # the place of issue: "Kim Bảng"
    superior: tuple[str, ...] = ()
    full_name: str = ""  # in running text: "Ủy ban nhân dân huyện Kim Bảng"


@dataclass(frozen=True)
class DocumentNumber:
    serial: int
    year: int


@dataclass(frozen=True)
class Authority:
    """One line above the signer's title: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"."""

    capacity: str  # a key of SIGNING_CAPACITIES
    body: str


@dataclass(frozen=True)
class Signature:
    title: str  # "CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    name: str  # "Nguyễn Thành Thăng"; empty leaves the line for the pen
    authority: tuple[Authority, ...] = ()
    acting: bool = False  # "Q. CHỦ TỊCH"

    @property
    def lines(self) -> tuple[str, ...]:
        above = tuple(f"{a.capacity}. {a.body}" for a in self.authority)
        return (*above, f"Q. {self.title}" if self.acting else self.title)


@dataclass(frozen=True)
class Annex:
    """A "Phụ lục" after the signature; ``landscape`` for wide tables."""

    title: str
    blocks: tuple[Block, ...] = ()
    landscape: bool = False


@dataclass(frozen=True)
class DocumentSpec:
    type_code: str
    issuer: IssuingBody | None
    summary: tuple[str, ...]  # the "trích yếu" lines under the type name
    blocks: tuple[Block, ...] = ()
    signature: Signature | None = None
    date: dt.date | None = None  # None: "ngày ... tháng ... năm <year>", dated by hand
    year: int | None = None  # the year of a blank date (default: the number's, or today's)
    number: DocumentNumber | None = None  # None for a draft: "Số:      /KH-UBND"
    addressees: tuple[str, ...] = ()  # "Kính gửi"
    recipients: tuple[str, ...] = ()  # "Nơi nhận", each item as written after "- "
    annexes: tuple[Annex, ...] = ()
    top_level: int = 1  # 1: top sections are "I."; 2: short documents start at "1."
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def document_type(self) -> DocumentType:
        return TYPES_BY_CODE[self.type_code]

    @property
    def shown_year(self) -> int:
        if self.date is not None:
            return self.date.year
        if self.year is not None:
            return self.year
        if self.number is not None:
            return self.number.year
        return dt.date.today().year

    @property
    def symbol(self) -> str:
        """ "15/KH-UBND"; a draft keeps the blank for the serial: "/KH-UBND"."""
        issuer = self.issuer.abbreviation if self.issuer else ""
        serial = f"{self.number.serial:02d}" if self.number else ""
        return f"{serial}/{self.type_code}-{issuer}"

    @property
    def number_line(self) -> str:
        if self.number is None:
            return f"Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0{self.symbol}"
        return f"Số: {self.symbol}"


# --- Numbering ---------------------------------------------------------------------------------


def section_label(path: tuple[int, ...], top_level: int = 1) -> str:
    """The label of a section from its position: (2,) -> "II.", (2, 1) -> "1.",
    (2, 2, 1) -> "2.1.", (2, 2, 1, 4) -> "d)". ``top_level`` 2 starts at "1."."""
    level = len(path) + top_level - 1
    if level == 1:
        return f"{roman(path[-1])}."
    if level == 2:
        return f"{path[-1]}."
    if level == 3:
        return f"{path[-2]}.{path[-1]}."
    return f"{LETTERS[(path[-1] - 1) % len(LETTERS)]})"


def labelled(
    blocks: tuple[Block, ...], top_level: int = 1, parent: tuple[int, ...] = ()
) -> Iterator[tuple[Block, tuple[int, ...], str]]:
    """Each block with its position and label: a section gets its path and "II. " / "2.1. "
    (empty when unnumbered); other blocks get their parent's path and ""."""
    index = 0
    for block in blocks:
        if isinstance(block, Section):
            if block.numbered:
                index += 1
            path = (*parent, index if block.numbered else 0)
            label = section_label(path, top_level) + " " if block.numbered else ""
            yield block, path, label
        else:
            yield block, parent, ""


def numbered_sections(
    blocks: tuple[Block, ...], top_level: int = 1, parent: tuple[int, ...] = ()
) -> list[tuple[tuple[int, ...], Section]]:
    """Every section with its position, in reading order (used by tests and other apps)."""
    found: list[tuple[tuple[int, ...], Section]] = []
    for block, path, _label in labelled(blocks, top_level, parent):
        if isinstance(block, Section):
            found.append((path, block))
            found += numbered_sections(block.blocks, top_level, path)
    return found


# --- Checks ------------------------------------------------------------------------------------


class SpecError(ValueError):
    """A description that cannot be rendered or issued. ``message`` is a Vietnamese template."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message % params if params else message)
        self.code = code
        self.message = message
        self.params = params


def check(spec: DocumentSpec) -> None:
    """Refuse a description that cannot be issued as it stands (``SpecError`` with a code)."""
    if spec.issuer is None or not spec.issuer.name or not spec.issuer.abbreviation:
        raise SpecError(
            "documents.issuer_missing",
            gettext_noop("Văn bản chưa có cơ quan ban hành (tên và chữ viết tắt)."),
        )
    if spec.type_code not in TYPES_BY_CODE:
        raise SpecError(
            "documents.unknown_type",
            gettext_noop("Loại văn bản “%(type_code)s” không có trong bảng tên loại văn bản."),
            type_code=spec.type_code,
        )
    if spec.number is not None:
        if spec.number.serial < 1:
            raise SpecError("documents.bad_serial", gettext_noop("Số văn bản phải từ 01 trở đi."))
        if spec.date is not None and spec.date.year != spec.number.year:
            raise SpecError(
                "documents.date_outside_year",
                gettext_noop(
                    "Ngày %(date)s không thuộc năm %(year)s của số văn bản: số được cấp "
                    "theo năm dương lịch, bắt đầu từ 01 vào ngày 01 tháng 01."
                ),
                date=spec.date.strftime("%d/%m/%Y"),
                year=spec.number.year,
            )
    if not any(line.strip() for line in spec.summary) and spec.type_code != "GM":
        raise SpecError("documents.summary_missing", gettext_noop("Văn bản chưa có trích yếu."))
    if spec.signature is not None:
        for authority in spec.signature.authority:
            if authority.capacity not in SIGNING_CAPACITIES:
                raise SpecError(
                    "documents.bad_capacity",
                    gettext_noop(
                        "Thẩm quyền ký “%(capacity)s” không hợp lệ (TM., KT., Q., TL., TUQ.)."
                    ),
                    capacity=authority.capacity,
                )
    for blocks in (spec.blocks, *(annex.blocks for annex in spec.annexes)):
        _check_blocks(blocks, spec.top_level, 1)


def _check_blocks(blocks: tuple[Block, ...], top_level: int, depth: int) -> None:
    for block in blocks:
        if isinstance(block, Section):
            if depth + top_level - 1 > MAX_DEPTH:
                raise SpecError(
                    "documents.too_deep",
                    gettext_noop("Đề mục lồng quá 4 cấp (I. / 1. / 1.1. / a))."),
                )
            _check_blocks(block.blocks, top_level, depth + 1)
        elif isinstance(block, Table):
            width = len(block.header)
            if any(len(row) != width for row in block.rows) or (
                block.widths and len(block.widths) != width
            ):
                raise SpecError(
                    "documents.table_shape",
                    gettext_noop("Mỗi dòng của bảng phải có đúng %(width)s cột như dòng tiêu đề."),
                    width=width,
                )
