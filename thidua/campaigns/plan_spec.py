"""A campaign's plan content as a document of the engine (pure: no Django).

The one path of a plan (KH) to paper: campaign -> ``plan_document.plan_content`` (PlanContent,
plain data) -> ``document_spec`` here (a ``thidua.documents.spec.DocumentSpec``) -> the
documents engine (``render_pdf`` / ``render_docx`` for a draft, ``services.issue_document`` for
the numbered KH). The district's plan and a commune's own plan (derived from it) take the same
path.

The mapping, part by part:

* ``basis`` lines, ``intro``, the numbered ``body`` and ``closing`` become the body's blocks in
  that order; a ``Block`` is a ``Section`` (the engine numbers by nesting, so the PlanContent's
  labels are not copied: a slip cannot reach the paper), its paragraphs then its children;
* a "-" paragraph is an ``Item`` holding the "+" paragraphs that follow it; a paragraph without
  bullet is a ``Paragraph``; a ``framed`` block's paragraphs are the lines of one ``Framed``;
* phrases of ``content.bold`` (the plan deadline) are set in bold and those of
  ``content.italic`` ("Lưu ý:") in italics wherever they occur, as the seed sets them;
* the summary (trích yếu) breaks into two lines at the comma nearest its middle when it is
  long, as the seed breaks it;
* ``signer.authority`` "TM. ỦY BAN NHÂN DÂN" is ``Authority("TM", "ỦY BAN NHÂN DÂN")`` (one
  authority per line);
* the issuing body is the caller's (the ``Issuer`` that numbers the plan): ``issuing_body``
  derives one from the content and the unit's name when the unit has none yet;
* no number: the registry gives it when the plan is issued; the date is the campaign's plan
  date if set, else blank for the pen ("ngày ... tháng ... năm 2024").
"""

from __future__ import annotations

from collections.abc import Iterable

from thidua.campaigns.plan_document import Block, PlanContent, Signer
from thidua.campaigns.plan_document import Paragraph as PlanParagraph
from thidua.documents import spec as doc

# The abbreviation (in the symbol "15/KH-UBND") of an issuing body named by its opening words.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (("ỦY BAN NHÂN DÂN", "UBND"),)
# A summary longer than this is broken into two lines at the comma nearest its middle.
SUMMARY_LINE_LENGTH = 60


def emphasised(text: str, bold: Iterable[str] = (), italic: Iterable[str] = ()) -> doc.Text:
    """``text`` with every occurrence of a ``bold`` / ``italic`` phrase as its own span; plain
    ``str`` when none occurs. The first phrase found at a position wins; phrases never nest."""
    marks = [(phrase, True) for phrase in bold if phrase] + [
        (phrase, False) for phrase in italic if phrase
    ]
    spans: list[doc.Span] = []
    rest = text
    while rest:
        found = [(rest.find(phrase), phrase, is_bold) for phrase, is_bold in marks]
        found = [hit for hit in found if hit[0] >= 0]
        if not found:
            spans.append(doc.Span(rest))
            break
        at, phrase, is_bold = min(found, key=lambda hit: (hit[0], -len(hit[1])))
        if at:
            spans.append(doc.Span(rest[:at]))
        spans.append(doc.Span(phrase, bold=is_bold, italic=not is_bold))
        rest = rest[at + len(phrase) :]
    if len(spans) <= 1 and not any(span.bold or span.italic for span in spans):
        return text
    return tuple(spans)


def summary_lines(summary: str, width: int = SUMMARY_LINE_LENGTH) -> tuple[str, ...]:
    """The trích yếu as the lines under the type name: explicit line breaks are kept; a long
    one-line summary breaks after the comma nearest its middle (the seed's "…các cấp," /
    "tiến tới …"); without a comma the renderer wraps it."""
    lines = tuple(line.strip() for line in summary.splitlines() if line.strip())
    if len(lines) != 1 or len(lines[0]) <= width:
        return lines
    text = lines[0]
    commas = [i for i, char in enumerate(text) if char == "," and 0 < i < len(text) - 1]
    if not commas:
        return lines
    cut = min(commas, key=lambda i: abs(i - len(text) / 2))
    return (text[: cut + 1].strip(), text[cut + 1 :].strip())


def signature(signer: Signer) -> doc.Signature | None:
    """ "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / name; ``None`` when the campaign names no signer.
    A line that does not open with a capacity ("TM. ", "KT. ", ...) is kept as written in the
    capacity, so that issuing refuses it (``documents.bad_capacity``) rather than guess."""
    if not (signer.authority or signer.title or signer.name):
        return None
    authority = []
    for line in signer.authority.splitlines():
        line = line.strip()
        if not line:
            continue
        capacity, _, body = line.partition(". ")
        if body and capacity in doc.SIGNING_CAPACITIES:
            authority.append(doc.Authority(capacity, body.strip()))
        else:
            authority.append(doc.Authority(line, ""))
    return doc.Signature(signer.title, signer.name, authority=tuple(authority))


def issuing_body(content: PlanContent, unit_name: str) -> doc.IssuingBody | None:
    """The issuing body a unit without an ``Issuer`` gets for its plan, from the campaign's
    particulars: "ỦY BAN NHÂN DÂN XÃ ĐÔNG HÒA" -> ("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"), "UBND",
    "Ủy ban nhân dân xã Đông Hòa". ``None`` when the body's abbreviation is not known (the unit
    must then create its issuer in the documents app)."""
    name = " ".join(content.issuing_body.split())
    for opening, abbreviation in ABBREVIATIONS:
        if name == opening or name.startswith(opening + " "):
            rest = name[len(opening) :].strip()
            lines = (opening, rest) if rest else (opening,)
            full = f"Ủy ban nhân dân {unit_name[:1].lower()}{unit_name[1:]}" if unit_name else ""
            superior = tuple(
                line.strip() for line in content.superior_body.splitlines() if line.strip()
            )
            return doc.IssuingBody(
                name=lines,
                abbreviation=abbreviation,
                place=content.place,
                superior=superior,
                full_name=full,
            )
    return None


def _paragraphs(
    paragraphs: tuple[PlanParagraph, ...], content: PlanContent
) -> tuple[doc.Block, ...]:
    """ "-" paragraphs become items holding the "+" paragraphs that follow them."""
    out: list[doc.Block] = []
    open_item: doc.Item | None = None

    def close() -> None:
        nonlocal open_item
        if open_item is not None:
            out.append(open_item)
            open_item = None

    for paragraph in paragraphs:
        text = emphasised(paragraph.text, content.bold, content.italic)
        if paragraph.bullet == "+" and open_item is not None:
            open_item = doc.Item(open_item.text, (*open_item.items, doc.Item(text)))
            continue
        close()
        if paragraph.bullet:
            open_item = doc.Item(text)
        else:
            out.append(doc.Paragraph(text))
    close()
    return tuple(out)


def _section(block: Block, content: PlanContent) -> doc.Section:
    if block.framed:
        inner: tuple[doc.Block, ...] = (
            (doc.Framed(tuple(p.text for p in block.paragraphs)),) if block.paragraphs else ()
        )
    else:
        inner = _paragraphs(block.paragraphs, content)
    children = tuple(_section(child, content) for child in block.children)
    return doc.Section(emphasised(block.title, content.bold, content.italic), inner + children)


def document_spec(content: PlanContent, issuer: doc.IssuingBody | None) -> doc.DocumentSpec:
    """The plan as a ``DocumentSpec`` of the engine: unnumbered (the registry numbers it when
    issued), dated by the campaign's plan date or left blank for the pen."""
    lines = (*content.basis, content.intro)
    blocks: list[doc.Block] = [
        doc.Paragraph(emphasised(line, content.bold, content.italic)) for line in lines if line
    ]
    blocks += [_section(block, content) for block in content.body]
    if content.closing:
        blocks.append(doc.Paragraph(emphasised(content.closing, content.bold, content.italic)))
    return doc.DocumentSpec(
        type_code=content.document_type,
        issuer=issuer,
        summary=summary_lines(content.summary),
        blocks=tuple(blocks),
        signature=signature(content.signer),
        date=content.date,
        year=content.year,
        recipients=tuple(line for line in content.recipients if line.strip()),
    )
