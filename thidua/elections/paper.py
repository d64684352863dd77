"""Documents of the vote, through the documents engine (thidua/documents).

* The minutes of the count (Biên bản kiểm phiếu, BB): a Decree-30 ``DocumentSpec`` issued with
  the unit's next BB number when the chair certifies.
* The numbered paper ballots (Phiếu biểu quyết): not a Decree-30 letter, so one simple page per
  ballot rendered by the engine's PDF renderer (same fonts), numbered 1..N.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from thidua.conferences.programme import signature, unit_phrase
from thidua.core.vietnamese import long_date
from thidua.documents import spec as doc
from thidua.documents.rendering.pdf import html_to_pdf

MINUTES_TYPE = "BB"

STATUS_TEXT = {
    "elected": "Trúng cử",
    "approved": "Thông qua",
    "rejected": "Không thông qua",
    "runoff": "Bầu lại",
    "no_quorum": "Không đủ số đại biểu có mặt",
}


def minutes_spec(
    poll: Any,
    names: dict[str, str],
    elected: Sequence[str],
    *,
    elected_names: Sequence[str] = (),
    reason: str = "",
    issuer: doc.IssuingBody | None = None,
) -> doc.DocumentSpec:
    """The minutes of ``poll`` (closed; ``poll.result`` from tally.py): attendance, the form,
    the rule applied (its own text), the votes per candidate (``elected``: their keys), and
    everyone sent upward (``elected_names``: with a run-off, the first round's too)."""
    conference = poll.conference
    result = poll.result
    upper = conference.unit.parent.name if conference.unit.parent_id else ""
    rows = tuple(
        (
            str(i),
            names.get(key, key),
            str(result["votes"][key]),
            str(result["needed"][key]),
            "Được cử" if key in elected else "Không được cử",
        )
        for i, key in enumerate(result["votes"], start=1)
    )
    blocks: list[doc.Block] = [
        doc.Paragraph(
            f"Tại {conference.name} {unit_phrase(conference.unit.name)}, "
            f"{long_date(conference.held_on)}, {conference.venue}."
        ),
        doc.Paragraph(
            f"Tổng số đại biểu được triệu tập: {poll.entitled}; có mặt khi bắt đầu biểu quyết: "
            f"{poll.present}."
        ),
        doc.Paragraph(f"Hình thức: {poll.get_procedure_display()}; {poll.get_scope_display()}."),
        doc.Paragraph(
            f"Số phiếu (biểu quyết) thu về: {result['counted']}; hợp lệ: {result['valid']}; "
            f"không hợp lệ: {result['invalid']}."
        ),
        doc.Paragraph(f"Quy định áp dụng: {poll.rule_text}"),
        doc.Table(
            ("TT", "Họ và tên", "Số phiếu tán thành", "Số phiếu cần đạt", "Kết quả"),
            rows,
            widths=(1, 5, 2, 2, 2),
            align=("center", "left", "center", "center", "center"),
        ),
        doc.Paragraph(
            "Những người được cử đi dự hội nghị cấp trên"
            + (f" ({upper})" if upper else "")
            + ": "
            + (", ".join(elected_names) or "không có")
            + "."
        ),
    ]
    if reason:
        blocks.append(doc.Paragraph(f"Biên bản này đính chính biên bản trước. Lý do: {reason}"))
    return doc.DocumentSpec(
        type_code=MINUTES_TYPE,
        issuer=issuer,
        summary=(
            "Kiểm phiếu biểu quyết cử đại biểu",
            "dự hội nghị điển hình tiên tiến cấp trên" + (f" ({upper})" if upper else ""),
        ),
        top_level=2,
        year=conference.held_on.year,
        blocks=tuple(blocks),
        signature=signature(conference),
        recipients=("Ban Tổ chức hội nghị cấp trên;", "Lưu: VT."),
    )


def ballots_html(poll: Any, names: Sequence[str], count: int) -> str:
    """``count`` numbered ballots, one per page: the candidates with a box to tick."""
    conference = poll.conference
    heading = escape(f"{conference.name} {unit_phrase(conference.unit.name)}")
    pages = []
    rows = "".join(
        f"<tr><td>{i}</td><td>{escape(name)}</td><td class='box'>&#9744;</td></tr>"
        for i, name in enumerate(names, start=1)
    )
    instruction = (
        "Đánh dấu vào ô của người đồng ý cử đi dự hội nghị cấp trên."
        if poll.scope == "per_candidate"
        else "Đánh dấu vào ô nếu đồng ý với cả danh sách."
    )
    for number in range(1, count + 1):
        pages.append(
            "<section class='ballot'>"
            f"<p class='ballot-no'>Số: {number:03d}</p>"
            f"<p class='ballot-head'>{heading}</p>"
            "<h1>PHIẾU BIỂU QUYẾT</h1>"
            "<p class='ballot-sub'>Cử đại biểu dự hội nghị điển hình tiên tiến cấp trên</p>"
            f"<p>{escape(instruction)}</p>"
            "<table class='ballot-table'><tr><th>TT</th><th>Họ và tên</th><th>Đồng ý</th></tr>"
            f"{rows}</table></section>"
        )
    style = (
        "<style>section.ballot{break-after:page}h1{text-align:center;font-size:16pt}"
        ".ballot-no{text-align:right;font-weight:bold}.ballot-head,.ballot-sub{text-align:center}"
        "table.ballot-table{width:100%;border-collapse:collapse}"
        ".ballot-table td,.ballot-table th{border:1px solid #000;padding:4pt}"
        "td.box{text-align:center;font-size:18pt}</style>"
    )
    return f"<html><head><meta charset='utf-8'>{style}</head><body>{''.join(pages)}</body></html>"


def ballots_pdf(poll: Any, names: Sequence[str], count: int) -> bytes:
    return html_to_pdf(ballots_html(poll, names, count))[0]
