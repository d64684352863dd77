"""The seam to the documents engine: the structured content of a campaign's plan (KH).

``plan_content(campaign)`` returns everything the plan document says, as plain data built from
the campaign's values and rule rows: the particulars of Decree 30 (issuing body, number, place
and date, type name, summary, signer, recipients) and the body with its Vietnamese numbering
(I. / 1. / 2.1. / a) / - / +). Nothing here renders PDF or DOCX: the documents engine (issue 3)
takes a ``PlanContent`` and lays it out. ``as_text()`` is a plain rendering for previews and
tests.

The same function builds a unit's own plan from its derived campaign (services.derive_campaign):
"build it from the same generator".

Mapping to the documents engine's ``DocumentSpec`` (thidua/documents/spec.py): a ``Block``
is a ``Section`` (the engine numbers by nesting, so ``label`` is informative); a "-" paragraph
is an ``Item`` holding the "+" paragraphs that follow it; a paragraph without bullet is a
``Paragraph``; a ``framed`` block's lines are a ``Framed``; ``issuing_body`` splits into the
``IssuingBody.name`` lines ("ỦY BAN NHÂN DÂN" / "HUYỆN KIM BẢNG"); ``signer`` is a
``Signature`` whose ``authority`` "TM. ỦY BAN NHÂN DÂN" is ``Authority("TM", ...)``.

Deviations from the seed's text, on purpose: the seed numbers its parts "I., I., III." and
"2.1., 2.1." and "3.1., 3.2., 2.3."; here they are numbered in sequence. The seed writes the
review period both "2020-2025" and "2021-2025"; here it is the campaign's one setting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from thidua.campaigns import deadlines, rules
from thidua.core import vietnamese

# Numbered headings of the plan, in order (the wording of the seed).
PART_PURPOSE = "MỤC ĐÍCH, YÊU CẦU"
PART_CONTENT = "NỘI DUNG"
PART_ORGANISATION = "TỔ CHỨC THỰC HIỆN"
ROMAN_PARTS = ("I.", "II.", "III.", "IV.", "V.")
LETTERS = ("a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)")

# How the plan names a level ("Đối với cấp xã").
LEVEL_NAMES = {
    "central": "Trung ương",
    "province": "cấp tỉnh",
    "district": "cấp huyện",
    "commune": "cấp xã",
}
# Document types by the symbol of their number (Decree 30, Appendix III).
DOCUMENT_TYPES = {
    "KH": "Kế hoạch",
    "QĐ": "Quyết định",
    "HD": "Hướng dẫn",
    "CV": "Công văn",
    "TB": "Thông báo",
    "CT": "Chỉ thị",
    "NQ": "Nghị quyết",
}


@dataclass(frozen=True)
class Paragraph:
    text: str
    bullet: str = ""  # "", "-" or "+"


@dataclass(frozen=True)
class Block:
    """A numbered part: "I." + "MỤC ĐÍCH, YÊU CẦU", its paragraphs, then its sub-parts."""

    label: str
    title: str
    paragraphs: tuple[Paragraph, ...] = ()
    children: tuple[Block, ...] = ()
    framed: bool = False  # the paragraphs are lines to centre in a frame (the hall backdrop)


@dataclass(frozen=True)
class Signer:
    authority: str  # "TM. ỦY BAN NHÂN DÂN"
    title: str  # "CHỦ TỊCH"
    name: str


@dataclass(frozen=True)
class PlanContent:
    """What the documents engine needs to lay out the plan (Decree 30/2020)."""

    document_type: str  # "KH"
    type_name: str  # "KẾ HOẠCH"
    number: str | None  # "15/KH-UBND" once registered; None for a draft ("Số: /KH-UBND")
    superior_body: str
    issuing_body: str
    place: str
    date: dt.date | None  # None: "ngày ... tháng ... năm 2024", dated by hand
    year: int
    summary: str
    basis: tuple[str, ...]
    intro: str
    body: tuple[Block, ...]
    closing: str
    signer: Signer
    recipients: tuple[str, ...]
    source: dict[str, Any] = field(default_factory=dict)  # campaign id, for GeneratedDocument


def placeholders(campaign: Any) -> dict[str, str]:
    """The values the plan's wording refers to: {congress}, {review_period}, {deadline}, ..."""
    first_window = next(
        (r.window_start for r in campaign.level_rules.all() if r.window_start), None
    )
    return {
        "congress": campaign.congress_title,
        "national_congress": campaign.national_congress_title,
        "review_period": campaign.review_period,
        "direction_period": campaign.direction_period,
        "previous_period": campaign.previous_period,
        "deadline": deadlines.deadline_phrase(campaign.plan_deadline, campaign.plan_deadline_mode),
        "receiver": campaign.plan_receiver,
        "place": campaign.place,
        "conference_year": str(first_window.year) if first_window else "",
    }


def _lines(
    values: list[str] | None, data: dict[str, str], bullet: str = "-"
) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(rules.fill(line, data), bullet) for line in values or [] if line)


def _bound(value: Decimal, unit: str) -> str:
    return rules.percent(value) if unit == "share" else f"{int(value)} người"


def _rule_clause(rule: Any) -> str | None:
    """ "đại biểu điển hình tiên tiến chiếm 70%"; None for an emphasis without a figure."""
    low, high, unit = rule.min_value, rule.max_value, rule.unit
    if low is None and high is None:
        return None
    if low is not None and high is not None:
        what = (
            f"chiếm {_bound(low, unit)}"
            if low == high
            else f"từ {_bound(low, unit)} đến {_bound(high, unit)}"
        )
    elif low is not None:
        what = f"tối thiểu {_bound(low, unit)}"
    else:
        what = f"tối đa {_bound(high, unit)}"
    return f"{rule.label or rule.value} {what}"


def _size_paragraph(rule: Any) -> Paragraph | None:
    """Plan §II.2.1 / §II.2.2: the number of delegates, from the level's caps."""
    staff = "cán bộ, công chức, viên chức, người lao động"
    if rule.staff_threshold:
        text = (
            f"Số lượng đại biểu: Đơn vị có dưới {rule.staff_threshold} {staff} thì tổ chức Hội "
            f"nghị toàn thể. Đơn vị có trên {rule.staff_threshold} {staff} thì tổ chức Hội nghị "
            "đại biểu"
        )
        if rule.delegate_cap:
            text += f" nhưng số lượng không quá {rule.delegate_cap} đại biểu"
        text += (
            "; số lượng đại biểu do đơn vị tổ chức quyết định trên cơ sở đề xuất của Thường "
            "trực Hội đồng Thi đua - Khen thưởng."
        )
        if rule.at_threshold != rules.ORGANIZER_CHOICE:
            form = "toàn thể" if rule.at_threshold == rules.PLENARY else "đại biểu"
            text += f" Đơn vị có đúng {rule.staff_threshold} {staff} tổ chức Hội nghị {form}."
        if rule.max_delegates:
            text += f" Tối đa {rule.max_delegates} đại biểu."
        return Paragraph(text, "+")
    if rule.max_delegates:
        return Paragraph(f"Số lượng: Tối đa {rule.max_delegates} đại biểu.", "+")
    return None


def _window(rule: Any) -> str:
    if rule.window_label:
        return rule.window_label
    if rule.window_start and rule.window_end:
        return f"thời gian từ ngày {rule.window_start:%d/%m/%Y} đến ngày {rule.window_end:%d/%m/%Y}"
    return "thời gian do cấp trên thông báo"


def _level_block(label: str, rule: Any, composition: list[Any], data: dict[str, str]) -> Block:
    clauses = [c for c in (_rule_clause(r) for r in composition) if c]
    structure = rules.fill(rule.composition_text, data).rstrip(" ;.")
    if clauses:
        structure += f" ({'; '.join(clauses)})"
    paragraphs = [
        Paragraph(f"Hình thức: Tổ chức “{rule.conference_name}”.", "-"),
        Paragraph(f"Thời gian tổ chức: {rule.sessions:02d} buổi vào {_window(rule)}.", "-"),
        Paragraph("Thành phần, cơ cấu và số lượng đại biểu:", "-"),
        Paragraph(f"Thành phần, cơ cấu: {structure};", "+"),
    ]
    size = _size_paragraph(rule)
    if size is not None:
        paragraphs.append(size)
    return Block(label, f"Đối với {LEVEL_NAMES.get(rule.level, rule.level)}", tuple(paragraphs))


def _report_block(narrative: dict[str, Any], data: dict[str, str]) -> tuple[Paragraph, ...]:
    paragraphs = list(_lines(narrative.get("report_intro"), data, ""))
    outline = narrative.get("report_outline") or []
    if outline:
        paragraphs.append(Paragraph("Bố cục và nội dung chính của báo cáo gồm:"))
    for section in outline:
        paragraphs.append(Paragraph(rules.fill(section.get("heading", ""), data), "-"))
        paragraphs.extend(_lines(section.get("items"), data, "+"))
    return tuple(paragraphs)


def _content_part(campaign: Any, narrative: dict[str, Any], data: dict[str, str]) -> Block:
    holding = [r for r in campaign.level_rules.all() if r.holds_conference]
    composition = list(campaign.composition_rules.all())
    levels = tuple(
        _level_block(f"2.{index}.", rule, [c for c in composition if c.level == rule.level], data)
        for index, rule in enumerate(holding, start=1)
    )
    focus = (
        Block(
            LETTERS[0],
            "Báo cáo tổng kết phong trào thi đua và công tác khen thưởng 05 năm qua, phương "
            "hướng, nhiệm vụ công tác thi đua, khen thưởng 05 năm tới",
            _report_block(narrative, data),
        ),
        Block(
            LETTERS[1],
            "Về báo cáo tham luận của các tập thể, cá nhân điển hình tiên tiến",
            _lines(narrative.get("presentations"), data),
        ),
        Block(
            LETTERS[2],
            "Trang trí phòng Hội nghị",
            _lines(narrative.get("backdrop"), data, ""),
            framed=True,
        ),
        Block(
            LETTERS[3],
            rules.fill(
                "Tổ chức bình chọn, đề cử đại biểu Dự Hội nghị điển hình tiên tiến cấp trên, "
                "{congress}"
                + (" và {national_congress}" if campaign.national_congress_name else ""),
                data,
            ),
            _lines(narrative.get("delegate_selection"), data),
        ),
        Block(
            LETTERS[4],
            "Xét khen thưởng điển hình tiên tiến",
            _lines(narrative.get("awards"), data) + _lines(narrative.get("awards_note"), data, ""),
        ),
    )
    return Block(
        ROMAN_PARTS[1],
        PART_CONTENT,
        children=(
            Block(
                "1.",
                rules.fill(
                    "Những nội dung cần tập trung thực hiện từ nay đến Hội nghị điển hình tiên "
                    "tiến và {congress}",
                    data,
                ),
                _lines(narrative.get("preparation"), data),
            ),
            Block(
                "2.",
                "Hình thức, thời gian tổ chức, thành phần, cơ cấu và số lượng đại biểu",
                children=levels,
            ),
            Block(
                "3.",
                "Chương trình, nội dung Hội nghị",
                children=(
                    Block(
                        "3.1.",
                        "Chương trình",
                        _lines(campaign.agenda, data)
                        + _lines(narrative.get("agenda_note"), data, ""),
                    ),
                    Block(
                        "3.2.",
                        "Một số hoạt động trước và trong dịp tổ chức",
                        _lines(narrative.get("side_activities"), data),
                    ),
                    Block("3.3.", "Một số nội dung trọng tâm của Hội nghị", children=focus),
                ),
            ),
            Block(
                "4.",
                "Kinh phí tổ chức Hội nghị",
                (Paragraph(campaign.budget_source),) if campaign.budget_source else (),
            ),
        ),
    )


def _basis(campaign: Any, data: dict[str, str]) -> tuple[str, ...]:
    if not campaign.basis_number:
        return ()
    symbol = campaign.basis_number.split("/", 1)[-1].split("-", 1)[0]
    kind = DOCUMENT_TYPES.get(symbol, "Văn bản")
    when = f" ngày {campaign.basis_date:%d/%m/%Y}" if campaign.basis_date else ""
    issuer = f" của {campaign.basis_issuer}" if campaign.basis_issuer else ""
    summary = f" {rules.fill(campaign.basis_summary, data)}" if campaign.basis_summary else ""
    return (f"Căn cứ {kind} số {campaign.basis_number}{when}{issuer}{summary}.",)


def plan_content(campaign: Any) -> PlanContent:
    """The plan of ``campaign`` as structured content (reads its rules: a few queries)."""
    data = placeholders(campaign)
    narrative = campaign.narrative or {}
    tasks = tuple(
        Block(f"{index}.", task.body, _lines(task.items, data))
        for index, task in enumerate(campaign.tasks.all(), start=1)
    )
    body = (
        Block(
            ROMAN_PARTS[0],
            PART_PURPOSE,
            children=(
                Block("1.", "Mục đích", _lines(narrative.get("purposes"), data)),
                Block("2.", "Yêu cầu", _lines(narrative.get("requirements"), data, "")),
            ),
        ),
        _content_part(campaign, narrative, data),
        Block(ROMAN_PARTS[2], PART_ORGANISATION, children=tasks),
    )
    year = (campaign.plan_date or campaign.issued_at or campaign.created_at or dt.date.today()).year
    return PlanContent(
        document_type="KH",
        type_name="KẾ HOẠCH",
        number=campaign.plan_number or None,
        superior_body=campaign.superior_body,
        issuing_body=campaign.issuing_body,
        place=campaign.place,
        date=campaign.plan_date,
        year=year,
        summary=rules.fill(campaign.summary, data),
        basis=_basis(campaign, data),
        intro=rules.fill(narrative.get("intro", ""), data),
        body=body,
        closing=rules.fill(narrative.get("closing", ""), data),
        signer=Signer(campaign.signer_authority, campaign.signer_title, campaign.signer_name),
        recipients=tuple(campaign.recipients or ()),
        source={"campaign": campaign.pk},
    )


def _block_text(block: Block, out: list[str]) -> None:
    out.append(f"{block.label} {block.title}".strip())
    for paragraph in block.paragraphs:
        out.append(f"{paragraph.bullet} {paragraph.text}".strip())
    for child in block.children:
        _block_text(child, out)


def as_text(content: PlanContent) -> str:
    """A plain-text rendering, one paragraph per line (previews and tests)."""
    number = content.number or f"/{content.document_type}-UBND"
    date = vietnamese.place_date(content.place, content.date, year=content.year)
    out = [
        content.superior_body,
        content.issuing_body,
        f"Số: {number}",
        date,
        content.type_name,
        content.summary,
        *content.basis,
        content.intro,
    ]
    for block in content.body:
        _block_text(block, out)
    out += [
        content.closing,
        "Nơi nhận:",
        *(f"- {line}" for line in content.recipients),
        content.signer.authority,
        content.signer.title,
        content.signer.name,
    ]
    return "\n".join(line for line in out if line)
