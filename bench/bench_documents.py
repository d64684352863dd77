"""1,000 one-page documents (certificates of merit, "Giấy khen"-like notices): rendered as one
batch against the same pages rendered one document at a time, in the same run.

* one at a time: ``render_pdf(spec)`` for each document (what issuing does, document by
  document: fonts loaded, styles parsed and fonts subset every time);
* batch: ``render_pdf_batch`` on chunks of DOCUMENTS_BATCH_CHUNK_SIZE documents (what the
  background task does), joined with pdfunite; and the same in two processes, one per core.

Peak memory is the resident set of a fresh child process doing only that path (tracemalloc
would miss the memory of pango, harfbuzz and cairo).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import resource
import subprocess
import tempfile
import time
from pathlib import Path

from django.conf import settings

from bench.harness import Report
from thidua.documents import spec as s
from thidua.documents.rendering.pdf import join_pdfs, render_pdf, render_pdf_batch

COUNT = 1000

ISSUER = s.IssuingBody(
    ("ỦY BAN NHÂN DÂN", "HUYỆN KIM BẢNG"),
    "UBND",
    "Kim Bảng",
    full_name="Ủy ban nhân dân huyện Kim Bảng",
)


def certificate(n: int) -> s.DocumentSpec:
    return s.DocumentSpec(
        type_code="TB",
        issuer=ISSUER,
        summary=("Biểu dương điển hình tiên tiến giai đoạn 2020-2025",),
        number=s.DocumentNumber(n, 2025),
        date=dt.date(2025, 5, 20),
        blocks=(
            s.Paragraph(
                f"Ủy ban nhân dân huyện Kim Bảng biểu dương đại biểu số {n}, Thị trấn Quế, đã "
                "có thành tích xuất sắc trong phong trào thi đua yêu nước giai đoạn 2020-2025, "
                "góp phần vào sự nghiệp xây dựng và phát triển kinh tế - xã hội của huyện."
            ),
            s.Item(
                "Kèm theo tiền thưởng: 1.250.000 đồng (Một triệu hai trăm năm mươi nghìn đồng)."
            ),
        ),
        signature=s.Signature(
            "CHỦ TỊCH", "Nguyễn Thành Thăng", (s.Authority("TM", "ỦY BAN NHÂN DÂN"),)
        ),
        recipients=("Như trên;", "Lưu: VT, NV."),
    )


def pages_of(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return int(
        next(line.split()[-1] for line in out.stdout.splitlines() if line.startswith("Pages"))
    )


def one_at_a_time(first: int, count: int, out: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for n in range(first, first + count):
            path = Path(tmp) / f"{n:05d}.pdf"
            path.write_bytes(render_pdf(certificate(n)))
            parts.append(path)
        join_pdfs(parts, Path(out))


def batch(first: int, count: int, chunk: int, out: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        parts = []
        for start in range(first, first + count, chunk):
            path = Path(tmp) / f"{start:05d}.pdf"
            size = min(chunk, first + count - start)
            path.write_bytes(render_pdf_batch([certificate(n) for n in range(start, start + size)]))
            parts.append(path)
        join_pdfs(parts, Path(out))


def _child(target, args, queue) -> None:  # runs in a fresh process: its own peak RSS
    start = time.perf_counter()
    target(*args)
    queue.put((time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def in_processes(jobs: list[tuple]) -> tuple[float, float]:
    """Run (target, args) jobs in parallel fresh processes: wall seconds, peak RSS MiB."""
    context = mp.get_context("fork")
    queue = context.Queue()
    start = time.perf_counter()
    procs = [context.Process(target=_child, args=(t, a, queue)) for t, a in jobs]
    for proc in procs:
        proc.start()
    results = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    wall = time.perf_counter() - start
    return wall, max(rss for _, rss in results) / 1024


def run(report: Report) -> None:
    chunk = settings.DOCUMENTS_BATCH_CHUNK_SIZE
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        single_total, single_mem = in_processes([(one_at_a_time, (1, COUNT, str(out / "s.pdf")))])
        assert pages_of(out / "s.pdf") == COUNT
        batch_s, batch_mem = in_processes([(batch, (1, COUNT, chunk, str(out / "b.pdf")))])
        assert pages_of(out / "b.pdf") == COUNT
        half = COUNT // 2
        two_s, two_mem = in_processes(
            [
                (batch, (1, half, chunk, str(out / "p1.pdf"))),
                (batch, (half + 1, COUNT - half, chunk, str(out / "p2.pdf"))),
            ]
        )
        join_start = time.perf_counter()
        join_pdfs([out / "p1.pdf", out / "p2.pdf"], out / "p.pdf")
        two_s += time.perf_counter() - join_start
        assert pages_of(out / "p.pdf") == COUNT
        one_doc_s, one_doc_mem = in_processes([(batch, (1, COUNT, COUNT, str(out / "o.pdf")))])
    rows = [
        [
            "one at a time (render_pdf per document, joined with pdfunite)",
            f"{single_total:.1f}",
            f"{COUNT / single_total:.1f}",
            f"{single_mem:.0f}",
            "1.0x",
        ],
        [
            f"batch, chunks of {chunk} (background task's path)",
            f"{batch_s:.1f}",
            f"{COUNT / batch_s:.1f}",
            f"{batch_mem:.0f}",
            f"{single_total / batch_s:.1f}x faster",
        ],
        [
            f"batch, chunks of {chunk}, two processes + pdfunite",
            f"{two_s:.1f}",
            f"{COUNT / two_s:.1f}",
            f"{two_mem:.0f} each",
            f"{single_total / two_s:.1f}x faster",
        ],
        [
            f"batch, one WeasyPrint document of {COUNT} pages",
            f"{one_doc_s:.1f}",
            f"{COUNT / one_doc_s:.1f}",
            f"{one_doc_mem:.0f}",
            f"{single_total / one_doc_s:.1f}x faster",
        ],
    ]
    report.add(
        f"Documents: {COUNT:,} one-page Decree-30 documents to one PDF",
        ["path", "seconds", "pages/s", "peak RSS MiB", "vs one at a time"],
        rows,
        note="Target: the batch path at least 3x faster than one at a time.",
    )
