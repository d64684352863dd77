"""A full certificate (Giấy khen) as HTML for WeasyPrint (pure: no Django); layout in
certificate.css. One <article> per certificate, each on its own page (A4 landscape by
default), so a batch is one WeasyPrint document."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from thidua.core.vietnamese import place_date
from thidua.documents.sheets import CertificateSpec

CERTIFICATE_CSS = Path(__file__).with_name("certificate.css")


def _lines(lines: Sequence[str], css: str) -> str:
    return "".join(f'<div class="{css}">{escape(line)}</div>' for line in lines if line)


def certificate_html(spec: CertificateSpec) -> str:
    dated = place_date(spec.place, spec.date, year=spec.date.year if spec.date else None)
    size = f"size-{round(spec.width_mm)}x{round(spec.height_mm)}"
    return (
        f'<article class="certificate {size}"><div class="frame"><div class="inner">'
        '<div class="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>'
        '<div class="motto"><span>Độc lập - Tự do - Hạnh phúc</span></div>'
        f'<div class="grantor">{_lines(spec.grantor, "grantor-line")}</div>'
        '<div class="gives">TẶNG</div>'
        f'<div class="title">{escape(spec.title)}</div>'
        f'<div class="recipient">{escape(spec.recipient)}</div>'
        + (f'<div class="detail">{escape(spec.detail)}</div>' if spec.detail else "")
        + f'<div class="achievement">{escape(spec.achievement)}</div>'
        '<table class="closing"><tr>'
        f'<td class="reference"><div>{escape(spec.decision_line)}</div>'
        + (f"<div>{escape(spec.register_line)}</div>" if spec.register_line else "")
        + "</td>"
        f'<td class="signing"><div class="place-date">{escape(dated)}</div>'
        f"{_lines(spec.signer_title, 'signer-title')}"
        f'<div class="signer-space"></div><div class="signer">{escape(spec.signer_name)}</div>'
        "</td></tr></table></div></div></article>"
    )


def certificates_html(specs: Sequence[CertificateSpec]) -> str:
    sizes = sorted({(round(s.width_mm), round(s.height_mm)) for s in specs})
    pages = "".join(
        f"@page size-{w}x{h} {{ size: {w}mm {h}mm; margin: 0; }} "
        f"article.size-{w}x{h} {{ page: size-{w}x{h}; width: {w}mm; height: {h}mm; }}"
        for w, h in sizes
    )
    body = "".join(certificate_html(spec) for spec in specs)
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Giấy khen</title>'
        f"<style>{pages}</style></head><body>{body}</body></html>"
    )
