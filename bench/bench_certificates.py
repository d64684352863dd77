"""1,000 certificates, both ways the awards app prints them, against the documents engine's
one-at-a-time rendering, all in the same run:

* baseline: ``render_pdf(spec)`` one document at a time (the engine's path for an issued
  document: fonts loaded, styles parsed and fonts subset every time), one page each, joined
  with pdfunite;
* full certificates (Giấy khen on plain paper): the certificate layout through WeasyPrint in
  chunks of DOCUMENTS_BATCH_CHUNK_SIZE, joined (the background batch's path);
* onto pre-printed blanks: only the variable text at absolute positions, written straight into
  the PDF (``rendering/overlay.py``: fontTools subset once, CID fonts, no layout engine);
* the same blanks as ONE WeasyPrint document with minimal CSS (absolutely positioned boxes),
  to show why the direct writer was chosen.

Each path runs in a fresh process, so its peak resident memory is its own. Target: 1,000 onto
blanks in at most 5 s.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from html import escape
from pathlib import Path

from bench.bench_documents import in_processes, one_at_a_time, pages_of
from thidua.awards.demo import BLANK_POSITIONS
from thidua.documents.rendering.pdf import (
    font_faces_css,
    html_to_pdf,
    join_pdfs,
    render_pdf_batch_counted,
)
from thidua.documents.sheets import CertificateSpec, OverlaySheet, PlacedText

COUNT = 1000
CHUNK = 100
NAMES = ("Nguyễn Thị Thu Hằng", "Trần Văn Khải", "Phạm Thị Ngọc", "Tổ dân phố Quế Sơn")


def values(n: int) -> dict[str, str]:
    return {
        "name": f"Bà {NAMES[n % len(NAMES)]} {n}",
        "unit": "Công nhân Công ty May Kim Bảng, Thị trấn Quế",
        "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước giai đoạn "
        "2020-2025, góp phần xây dựng quê hương",
        "decision": f"Quyết định số {n:02d}/QĐ-UBND ngày 20/03/2025",
        "place_date": "Quế, ngày 20 tháng 3 năm 2025",
        "signer_title": "CHỦ TỊCH",
        "signer": "Bùi Đức Long",
    }


def sheet(n: int) -> OverlaySheet:
    texts = tuple(
        PlacedText(values(n)[field], x, y, width, size, bold, italic, align, lines)
        for field, x, y, width, size, bold, italic, align, lines in BLANK_POSITIONS
    )
    return OverlaySheet(297, 210, texts)


def full(n: int) -> CertificateSpec:
    v = values(n)
    return CertificateSpec(
        grantor=("CHỦ TỊCH ỦY BAN NHÂN DÂN", "THỊ TRẤN QUẾ"),
        recipient=v["name"],
        detail=v["unit"],
        achievement=v["achievement"],
        decision_line=v["decision"],
        register_line=f"Số vào sổ: 01.{n:02d}",
        place="Quế",
        date=dt.date(2025, 3, 20),
        signer_title=("CHỦ TỊCH",),
        signer_name=v["signer"],
    )


def blanks(count: int, out: str) -> None:
    data, _pages = render_pdf_batch_counted([sheet(n) for n in range(1, count + 1)])
    Path(out).write_bytes(data)


def full_certificates(count: int, out: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for start in range(1, count + 1, CHUNK):
            part = Path(tmp) / f"{start:05d}.pdf"
            specs = [full(n) for n in range(start, min(start + CHUNK, count + 1))]
            part.write_bytes(render_pdf_batch_counted(specs)[0])
            parts.append(part)
        join_pdfs(parts, Path(out))


def blanks_weasyprint(count: int, out: str) -> None:
    css = Path(tempfile.mkstemp(suffix=".css")[1])
    css.write_text(
        font_faces_css() + "@page { size: 297mm 210mm; margin: 0 } body { margin: 0; font-family: "
        '"Liberation Serif" } .s { position: relative; width: 297mm; height: 210mm; '
        "break-after: page } .f { position: absolute }"
    )
    pages = []
    for n in range(1, count + 1):
        boxes = "".join(
            f'<div class="f" style="left:{x}mm;top:{y}mm;width:{w}mm;font-size:{size}pt;'
            f"text-align:{align};font-weight:{700 if bold else 400};"
            f'font-style:{"italic" if italic else "normal"}">{escape(values(n)[field])}</div>'
            for field, x, y, w, size, bold, italic, align, _lines in BLANK_POSITIONS
        )
        pages.append(f'<div class="s">{boxes}</div>')
    data, _ = html_to_pdf("<html><body>" + "".join(pages) + "</body></html>", css)
    Path(out).write_bytes(data)


def run(report) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        base_s, base_mem = in_processes([(one_at_a_time, (1, COUNT, str(out / "s.pdf")))])
        assert pages_of(out / "s.pdf") == COUNT
        blank_s, blank_mem = in_processes([(blanks, (COUNT, str(out / "b.pdf")))])
        assert pages_of(out / "b.pdf") == COUNT
        full_s, full_mem = in_processes([(full_certificates, (COUNT, str(out / "f.pdf")))])
        assert pages_of(out / "f.pdf") == COUNT
        weasy_s, weasy_mem = in_processes([(blanks_weasyprint, (COUNT, str(out / "w.pdf")))])
        assert pages_of(out / "w.pdf") == COUNT
        sizes = {name: (out / f"{name}.pdf").stat().st_size / 2**20 for name in "sbfw"}
    rows = [
        [
            "baseline: render_pdf one document at a time (Decree-30 page), joined",
            f"{base_s:.1f}",
            f"{COUNT / base_s:.0f}",
            f"{base_mem:.0f}",
            f"{sizes['s']:.1f}",
            "1.0x",
        ],
        [
            "onto pre-printed blanks: direct PDF writer (awards' path)",
            f"{blank_s:.2f}",
            f"{COUNT / blank_s:.0f}",
            f"{blank_mem:.0f}",
            f"{sizes['b']:.1f}",
            f"{base_s / blank_s:.0f}x faster",
        ],
        [
            f"full certificates: certificate layout, WeasyPrint chunks of {CHUNK} (awards' path)",
            f"{full_s:.1f}",
            f"{COUNT / full_s:.0f}",
            f"{full_mem:.0f}",
            f"{sizes['f']:.1f}",
            f"{base_s / full_s:.1f}x faster",
        ],
        [
            "onto blanks as one WeasyPrint document, minimal CSS (not used)",
            f"{weasy_s:.1f}",
            f"{COUNT / weasy_s:.0f}",
            f"{weasy_mem:.0f}",
            f"{sizes['w']:.1f}",
            f"{base_s / weasy_s:.1f}x faster",
        ],
    ]
    report.add(
        f"Certificates: {COUNT:,} onto blanks and {COUNT:,} full certificates",
        ["path", "seconds", "pages/s", "peak RSS MiB", "PDF MiB", "vs one at a time"],
        rows,
        note=f"Target: {COUNT:,} onto blanks in at most 5 s: "
        f"{'met' if blank_s <= 5 else 'NOT met'} ({blank_s:.2f} s).",
    )
