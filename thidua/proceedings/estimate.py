"""The printed budget estimate (Dự toán kinh phí) described for the documents engine.

A Tờ trình asking to approve the estimate of the conference: the lines by heading (quantity,
unit price, amount), the total, and the total in words ("Bằng chữ: ..."). Amounts are integer
đồng written with dots ("2.340.000").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from thidua.conferences.programme import signature, unit_phrase
from thidua.documents import spec as doc
from thidua.proceedings import money
from thidua.proceedings.budget import Summary
from thidua.proceedings.enums import BudgetCategory

ESTIMATE_TYPE = "TTr"


def estimate_rows(lines: Sequence[Any], summary: Summary) -> tuple[tuple[str, ...], ...]:
    """Heading rows ("I", category, ..., subtotal) then their lines ("1", ...); the total last."""
    rows: list[tuple[str, ...]] = []
    for index, (category, totals) in enumerate(summary.by_category, start=1):
        label = str(BudgetCategory(category).label)
        rows.append(
            (doc.roman(index), label.upper(), "", "", "", money.group_thousands(totals.planned))
        )
        for number, line in enumerate((x for x in lines if x.category == category), start=1):
            rows.append(
                (
                    str(number),
                    line.description,
                    line.unit_name,
                    money.group_thousands(line.quantity),
                    money.group_thousands(line.unit_price),
                    money.group_thousands(line.planned_amount),
                )
            )
    rows.append(("", "TỔNG CỘNG", "", "", "", money.group_thousands(summary.total.planned)))
    return tuple(rows)


def estimate_spec(
    conference: Any, lines: Sequence[Any], summary: Summary, issuer: doc.IssuingBody | None
) -> doc.DocumentSpec:
    """The estimate of ``conference`` as a draft Tờ trình (the engine numbers it if issued)."""
    name = f"{conference.name} {unit_phrase(conference.unit.name)}"
    total = summary.total.planned
    return doc.DocumentSpec(
        type_code=ESTIMATE_TYPE,
        issuer=issuer,
        summary=(f"Về việc phê duyệt dự toán kinh phí tổ chức {name}",),
        year=conference.held_on.year,
        top_level=2,
        blocks=(
            doc.Paragraph(
                f"Để tổ chức {name} giai đoạn {conference.campaign.review_period} bảo đảm "
                "trang trọng, thiết thực, tiết kiệm, chống lãng phí, kính trình phê duyệt "
                "dự toán kinh phí như sau:"
            ),
            doc.Paragraph("DỰ TOÁN KINH PHÍ", align="center"),
            doc.Table(
                ("TT", "Nội dung chi", "ĐVT", "Số lượng", "Đơn giá (đồng)", "Thành tiền (đồng)"),
                estimate_rows(lines, summary),
                widths=(1, 6, 1.5, 1.5, 2.2, 2.5),
                align=("center", "left", "center", "right", "right", "right"),
            ),
            doc.Paragraph(
                (
                    doc.Span("Tổng kinh phí: ", bold=True),
                    doc.Span(f"{money.group_thousands(total)} đồng."),
                )
            ),
            doc.Paragraph(
                (
                    doc.Span("Bằng chữ: ", italic=True),
                    doc.Span(f"{money.money_in_words(total)}.", italic=True),
                )
            ),
            doc.Paragraph(f"Nguồn kinh phí: ngân sách địa phương năm {conference.held_on.year}."),
        ),
        signature=signature(conference),
        recipients=("Như trên;", "Lưu: VT."),
    )
