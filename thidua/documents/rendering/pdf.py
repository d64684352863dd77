"""PDF with WeasyPrint: one document, or many documents as ONE WeasyPrint document.

The font is Liberation Serif 2.x (Times New Roman metrics, every Vietnamese letter) from
Debian's fonts-liberation2, declared with its four faces so nothing is synthesised and no
glyph falls back to another family. fonts-liberation 1.x lacks most Vietnamese letters: never
point THIDUA_FONT_DIR at it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import cast

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from thidua.documents import spec as s
from thidua.documents.rendering.html import page_html
from thidua.documents.sheets import BatchItem, CertificateSpec, OverlaySheet, kind_of

FONT_DIR = Path(os.environ.get("THIDUA_FONT_DIR", "/usr/share/fonts/truetype/liberation2"))
FONT_FAMILY = "Liberation Serif"
FONT_FACES = (  # file, weight, style
    ("LiberationSerif-Regular.ttf", 400, "normal"),
    ("LiberationSerif-Bold.ttf", 700, "normal"),
    ("LiberationSerif-Italic.ttf", 400, "italic"),
    ("LiberationSerif-BoldItalic.ttf", 700, "italic"),
)
STYLESHEET = Path(__file__).with_name("decree30.css")


class FontMissingError(RuntimeError):
    pass


def font_files() -> list[Path]:
    files = [FONT_DIR / name for name, _, _ in FONT_FACES]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise FontMissingError(
            f"Liberation Serif 2.x is missing ({', '.join(missing)}): "
            "apt-get install fonts-liberation2 (make setup does it)."
        )
    return files


def font_faces_css() -> str:
    return "".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{path.as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}\n"
        for path, (_, weight, style) in zip(font_files(), FONT_FACES, strict=True)
    )


@cache
def stylesheet_text(sheet: Path = STYLESHEET) -> str:
    return font_faces_css() + sheet.read_text(encoding="utf-8")


def html_to_pdf(html: str, stylesheet: Path = STYLESHEET) -> tuple[bytes, int]:
    """PDF bytes and their number of pages (``stylesheet``: decree30.css, or another layout
    such as certificate.css, with the same font faces)."""
    fonts = FontConfiguration()
    css = CSS(string=stylesheet_text(stylesheet), font_config=fonts)
    document = HTML(string=html, base_url=str(STYLESHEET.parent)).render(
        stylesheets=[css], font_config=fonts
    )
    data = document.write_pdf()
    assert data is not None
    return data, len(document.pages)


def render_pdf_counted(spec: s.DocumentSpec) -> tuple[bytes, int]:
    return html_to_pdf(page_html([spec], title=spec.document_type.name))


def render_pdf(spec: s.DocumentSpec) -> bytes:
    """One document as PDF bytes (Decree 30 layout)."""
    return render_pdf_counted(spec)[0]


def render_pdf_batch(specs: Sequence[s.DocumentSpec], title: str = "") -> bytes:
    """Many documents as one WeasyPrint document: each starts on a new page and numbers its
    own pages. Fonts, styles and the font subset are prepared once for the whole batch, which
    is what makes it several times faster than one render per document."""
    return render_pdf_batch_counted(specs, title)[0]


def render_pdf_batch_counted(specs: Sequence[BatchItem], title: str = "") -> tuple[bytes, int]:
    """A batch of one kind (sheets.kind_of): Decree-30 documents, full certificates, or text
    onto pre-printed blanks (written directly, without WeasyPrint)."""
    if not specs:
        raise ValueError("an empty batch has no pages")
    kind = kind_of(specs)
    if kind == "overlay":
        from thidua.documents.rendering.overlay import render_overlays

        return render_overlays(cast(Sequence[OverlaySheet], specs))
    if kind == "certificate":
        from thidua.documents.rendering.certificate import CERTIFICATE_CSS, certificates_html

        return html_to_pdf(
            certificates_html(cast(Sequence[CertificateSpec], specs)), CERTIFICATE_CSS
        )
    return html_to_pdf(page_html(cast(list[s.DocumentSpec], list(specs)), title=title))


def join_pdfs(parts: Iterable[Path], target: Path) -> None:
    """Concatenate PDF files (poppler's pdfunite) into ``target``; a single part is copied."""
    parts = list(parts)
    if len(parts) == 1:
        shutil.copyfile(parts[0], target)
        return
    subprocess.run(  # noqa: S603 - fixed program, paths we created
        ["pdfunite", *[str(p) for p in parts], str(target)],  # noqa: S607
        check=True,
        capture_output=True,
    )


def render_pdf_chunks(
    specs: Sequence[s.DocumentSpec], chunk_size: int, workdir: Path | None = None
) -> bytes:
    """The batch in chunks of ``chunk_size`` documents, joined: bounded memory for thousands
    of pages (the background task does the same chunk by chunk, saving progress)."""
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        parts = []
        for start in range(0, len(specs), chunk_size):
            part = Path(tmp) / f"part-{start:06d}.pdf"
            part.write_bytes(render_pdf_batch(specs[start : start + chunk_size]))
            parts.append(part)
        target = Path(tmp) / "batch.pdf"
        join_pdfs(parts, target)
        return target.read_bytes()
