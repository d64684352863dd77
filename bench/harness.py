"""The small harness the benchmarks share: timing, peak memory, and the RESULTS.md writer."""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def timed(action: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Median wall time in seconds over ``repeat`` runs, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def peak_memory(action: Callable[[], Any]) -> tuple[float, Any]:
    """Peak Python heap allocation in MiB while ``action`` runs (tracemalloc), and its result."""
    tracemalloc.start()
    try:
        result = action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20, result


@dataclass
class Section:
    title: str
    header: list[str]
    rows: list[list[Any]]
    note: str = ""


@dataclass
class Report:
    sections: list[Section] = field(default_factory=list)

    def add(self, title: str, header: list[str], rows: list[list[Any]], note: str = "") -> None:
        self.sections.append(Section(title, header, rows, note))
        print(f"\n## {title}")
        for row in [header, *rows]:
            print("  " + " | ".join(str(c) for c in row))
        if note:
            print(f"  {note}")

    def write(self, path: Path = RESULTS, only: list[str] | None = None) -> Path:
        """RESULTS.md holds one whole run; a run of some modules (``only``) goes beside it in
        RESULTS-partial.md, so it never erases the other modules' figures."""
        if only:
            path = path.with_name("RESULTS-partial.md")
        database = (
            "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
        )
        lines = [
            "# Benchmark results",
            "",
            f"Run on {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, {platform.node()}: "
            f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, database {database}, load average "
            f"{os.getloadavg()[0]:.1f} at the end (other jobs on the machine slow every figure "
            "alike)." + (f" Modules: {', '.join(only)}." if only else ""),
            "",
            "Every figure is measured in the same run as the baseline it is compared with.",
        ]
        for section in self.sections:
            lines += ["", f"## {section.title}", ""]
            lines.append("| " + " | ".join(section.header) + " |")
            lines.append("|" + "---|" * len(section.header))
            lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in section.rows]
            if section.note:
                lines += ["", section.note]
        path.write_text("\n".join(lines) + "\n")
        return path
