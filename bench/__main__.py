"""python -m bench [name ...]: run the benchmarks (all, or those named) and write RESULTS.md."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import traceback
from pathlib import Path


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()
    from bench.harness import Report

    here = Path(__file__).resolve().parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = [n if n.startswith("bench_") else f"bench_{n}" for n in argv] or names
    report = Report()
    failed = []
    for name in wanted:
        print(f"==> {name}")
        try:
            importlib.import_module(f"bench.{name}").run(report)
        except Exception as error:  # one broken benchmark must not lose the others' figures
            traceback.print_exc()
            failed.append(name)
            report.add(f"{name}: FAILED", ["error"], [[f"{type(error).__name__}: {error}"]])
    written = report.write(only=wanted if argv else None)
    print(f"\nwritten bench/{written.name}")
    if failed:
        sys.exit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main(sys.argv[1:])
