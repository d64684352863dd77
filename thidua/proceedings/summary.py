"""The summary report (Báo cáo tổng kết, BC, R10) described for the documents engine.

The plan's outline in order; under each heading what the author wrote (paragraphs split on
blank lines), a note of the attached file, and the figures the system knows for that heading:
honorees by movement, awards by form with the shares to direct workers and to workers and
farmers over the campaign's review period.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from thidua.conferences.programme import signature, unit_phrase
from thidua.documents import spec as doc

SUMMARY_TYPE = "BC"


def paragraphs(text: str) -> tuple[doc.Paragraph, ...]:
    chunks = [" ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n")]
    return tuple(doc.Paragraph(chunk) for chunk in chunks if chunk)


def percent(share: Any) -> str:
    return f"{share.percent:.1f}".replace(".", ",") + "%"


def movement_blocks(stats: Any, unit_name: str) -> tuple[doc.Block, ...]:
    blocks: list[doc.Block] = [
        doc.Paragraph(
            f"Toàn {unit_phrase(unit_name)} có {stats.honorees} điển hình tiên tiến "
            f"({stats.individuals} cá nhân, {stats.collectives} tập thể) được ghi nhận trên hệ "
            "thống."
        )
    ]
    if stats.by_movement:
        blocks.append(
            doc.Table(
                ("TT", "Phong trào thi đua", "Số điển hình"),
                tuple(
                    (str(i), name, str(count))
                    for i, (name, count) in enumerate(stats.by_movement, start=1)
                ),
                widths=(1, 8, 2),
                align=("center", "left", "right"),
            )
        )
    return tuple(blocks)


def commendation_blocks(stats: Any) -> tuple[doc.Block, ...]:
    awards = stats.awards
    start, end = stats.years
    blocks: list[doc.Block] = [
        doc.Paragraph(
            f"Giai đoạn {start}-{end}, các tập thể, cá nhân được khen thưởng "
            f"{awards.total} lượt ({awards.collectives} lượt tập thể, {awards.individuals} lượt "
            f"cá nhân); trong đó cá nhân trực tiếp lao động, sản xuất, công tác "
            f"{awards.direct_workers.count} lượt, chiếm {percent(awards.direct_workers)}; "
            f"công nhân, nông dân {awards.workers_farmers.count} lượt, chiếm "
            f"{percent(awards.workers_farmers)} số cá nhân được khen thưởng."
        )
    ]
    if awards.by_form:
        blocks.append(
            doc.Table(
                ("TT", "Danh hiệu, hình thức khen thưởng", "Số lượt"),
                tuple(
                    (str(i), form, str(count))
                    for i, (form, count) in enumerate(awards.by_form, start=1)
                ),
                widths=(1, 8, 2),
                align=("center", "left", "right"),
            )
        )
    return tuple(blocks)


def summary_spec(
    conference: Any,
    rows: Sequence[Any],
    stats: Any,
    issuer: doc.IssuingBody | None,
) -> doc.DocumentSpec:
    """``rows``: selectors.OutlineRow in order; ``stats``: selectors.ReportStatistics."""
    campaign = conference.campaign
    sections: list[doc.Block] = []
    for row in rows:
        blocks: list[doc.Block] = []
        if row.outline.statistics == "movements":
            blocks += movement_blocks(stats, conference.unit.name)
        elif row.outline.statistics == "commendations":
            blocks += commendation_blocks(stats)
        if row.section is not None:
            blocks += paragraphs(row.section.text)
            if row.section.file_name:
                blocks.append(
                    doc.Paragraph(
                        (doc.Span(f"(Tài liệu kèm theo: {row.section.file_name})", italic=True),)
                    )
                )
        if not blocks:
            blocks.append(doc.Paragraph("…"))
        sections.append(doc.Section(row.title, tuple(blocks)))
    return doc.DocumentSpec(
        type_code=SUMMARY_TYPE,
        issuer=issuer,
        summary=(
            f"Tổng kết phong trào thi đua yêu nước giai đoạn {campaign.review_period_start}-"
            f"{campaign.review_period_end}, phương hướng, nhiệm vụ giai đoạn "
            f"{campaign.direction_period_start}-{campaign.direction_period_end}",
        ),
        year=conference.held_on.year,
        blocks=tuple(sections),
        signature=signature(conference),
        recipients=("Các đại biểu dự Hội nghị;", "Lưu: VT."),
    )
