"""A DocumentSpec as HTML for WeasyPrint (pure: no Django). The layout lives in decree30.css.

This HTML is only ever read by WeasyPrint, never served to a browser, so the few computed
column widths may use style attributes (the site's CSP concerns browser pages).

Every document is one <article class="document">; a batch is several articles in one HTML
file, each starting on a new page with its own page numbers.
"""

from __future__ import annotations

from html import escape

from thidua.core.vietnamese import place_date, short_date
from thidua.documents import spec as s


def text_html(text: s.Text) -> str:
    if isinstance(text, str):
        return escape(text)
    out = []
    for span in text:
        piece = escape(span.text)
        if span.bold:
            piece = f"<b>{piece}</b>"
        if span.italic:
            piece = f"<i>{piece}</i>"
        out.append(piece)
    return "".join(out)


def _lines(lines: tuple[str, ...], css: str) -> str:
    return "".join(f'<div class="{css}">{escape(line)}</div>' for line in lines)


def heading_html(spec: s.DocumentSpec) -> str:
    issuer = spec.issuer
    left = ""
    if issuer is not None:
        left = _lines(issuer.superior, "superior") + _lines(issuer.name, "issuer")
    left += '<div class="short-rule"></div>'
    left += f'<div class="number">{escape(spec.number_line)}</div>'
    place = issuer.place if issuer else ""
    dated = place_date(place, spec.date, year=spec.shown_year)
    right = (
        '<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>'
        '<div class="motto"><span>Độc lập - Tự do - Hạnh phúc</span></div>'
        f'<div class="place-date">{escape(dated)}</div>'
    )
    return (
        '<table class="heading"><tr>'
        f'<td class="heading-issuer">{left}</td><td class="heading-nation">{right}</td>'
        "</tr></table>"
    )


def title_html(spec: s.DocumentSpec) -> str:
    summary = "".join(f"<div>{escape(line)}</div>" for line in spec.summary if line.strip())
    return (
        f'<div class="type-name">{escape(spec.document_type.title)}</div>'
        f'<div class="summary">{summary}</div><div class="summary-rule"></div>'
    )


def addressees_html(addressees: tuple[str, ...]) -> str:
    if not addressees:
        return ""
    if len(addressees) == 1:
        return f'<p class="addressees">Kính gửi: {escape(addressees[0])}</p>'
    items = "".join(f'<div class="addressee">- {escape(a)}</div>' for a in addressees)
    return f'<div class="addressees"><span>Kính gửi:</span><div>{items}</div></div>'


def blocks_html(
    blocks: tuple[s.Block, ...], top_level: int = 1, parent: tuple[int, ...] = ()
) -> str:
    out: list[str] = []
    for block, path, label in s.labelled(blocks, top_level, parent):
        if isinstance(block, s.Section):
            level = len(path) + top_level - 1
            out.append(f'<p class="h h{level}">{escape(label)}{text_html(block.title)}</p>')
            out.append(blocks_html(block.blocks, top_level, path))
        elif isinstance(block, s.Item):
            out.append(item_html(block, 0))
        elif isinstance(block, s.Paragraph):
            out.append(f'<p class="para align-{block.align}">{text_html(block.text)}</p>')
        elif isinstance(block, s.Table):
            out.append(table_html(block))
        elif isinstance(block, s.Framed):
            lines = "".join(f"<div>{text_html(line)}</div>" for line in block.lines)
            out.append(f'<div class="framed">{lines}</div>')
        elif isinstance(block, s.PageBreak):
            out.append('<div class="page-break"></div>')
        elif isinstance(block, s.Qr):
            out.append(qr_html(block))
    return "".join(out)


def qr_svg_uri(data: str) -> str:
    """The QR code of ``data`` as an SVG data URI (segno; no network, no file)."""
    import segno

    return str(segno.make(data, error="m").svg_data_uri(border=2))


def qr_html(qr: s.Qr) -> str:
    caption = f'<div class="qr-caption">{escape(qr.caption)}</div>' if qr.caption else ""
    return (
        f'<div class="qr"><img alt="QR" src="{qr_svg_uri(qr.data)}" '
        f'style="width:{qr.size_mm:.1f}mm;height:{qr.size_mm:.1f}mm">{caption}</div>'
    )


def item_html(item: s.Item, depth: int) -> str:
    marker = "-" if depth == 0 else "+"
    own = f'<p class="item item{min(depth, 2)}">{marker} {text_html(item.text)}</p>'
    return own + "".join(item_html(child, depth + 1) for child in item.items)


def table_html(table: s.Table) -> str:
    total = sum(table.widths) or 1
    cols = ""
    if table.widths:
        cols = "<colgroup>" + "".join(
            f'<col style="width:{100 * w / total:.2f}%">' for w in table.widths
        )
        cols += "</colgroup>"
    align = table.align or ()
    head = "".join(f"<th>{escape(h)}</th>" for h in table.header)
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td class="align-{align[i] if i < len(align) else "left"}">{escape(cell)}</td>'
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in table.rows
    )
    caption = f'<p class="table-caption">{escape(table.caption)}</p>' if table.caption else ""
    return (
        f'{caption}<table class="grid">{cols}<thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def closing_html(spec: s.DocumentSpec) -> str:
    recipients = ""
    if spec.recipients:
        items = "".join(f'<div class="recipient">- {escape(r)}</div>' for r in spec.recipients)
        recipients = f'<div class="recipients-title">Nơi nhận:</div>{items}'
    signature = ""
    if spec.signature is not None:
        authority = "".join(
            f'<div class="sign-authority">{escape(line)}</div>' for line in spec.signature.lines
        )
        signature = (
            f'{authority}<div class="sign-space"></div>'
            f'<div class="sign-name">{escape(spec.signature.name)}</div>'
        )
    return (
        '<table class="closing"><tr>'
        f'<td class="closing-recipients">{recipients}</td>'
        f'<td class="closing-signature">{signature}</td>'
        "</tr></table>"
    )


def annex_label(index: int, count: int) -> str:
    return "Phụ lục" if count == 1 else f"Phụ lục {s.roman(index)}"


def annex_reference(spec: s.DocumentSpec) -> str:
    """ "(Kèm theo Kế hoạch số 15/KH-UBND ngày 28/10/2024 của Ủy ban nhân dân huyện Kim Bảng)"."""
    text = f"Kèm theo {spec.document_type.name} số {spec.symbol}"
    text += f" ngày {short_date(spec.date)}" if spec.date else f" ngày .../.../{spec.shown_year}"
    if spec.issuer is not None and spec.issuer.full_name:
        text += f" của {spec.issuer.full_name}"
    return f"({text})"


def annexes_html(spec: s.DocumentSpec) -> str:
    out = []
    for index, annex in enumerate(spec.annexes, start=1):
        orientation = "annex-landscape" if annex.landscape else "annex-portrait"
        out.append(
            f'<section class="annex {orientation}">'
            f'<div class="annex-label">{escape(annex_label(index, len(spec.annexes)))}</div>'
            f'<div class="annex-title">{escape(annex.title)}</div>'
            f'<div class="annex-reference">{escape(annex_reference(spec))}</div>'
            f"{blocks_html(annex.blocks, spec.top_level)}</section>"
        )
    return "".join(out)


def document_html(spec: s.DocumentSpec) -> str:
    """One document as an <article>; the stylesheet is applied by the PDF renderer."""
    return (
        '<article class="document"><section class="main">'
        + heading_html(spec)
        + title_html(spec)
        + addressees_html(spec.addressees)
        + f'<div class="body">{blocks_html(spec.blocks, spec.top_level)}</div>'
        + closing_html(spec)
        + "</section>"
        + annexes_html(spec)
        + "</article>"
    )


def page_html(specs: list[s.DocumentSpec] | tuple[s.DocumentSpec, ...], title: str = "") -> str:
    body = "".join(document_html(spec) for spec in specs)
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>{body}</body></html>"
    )
