"""Benchmarks (not tests). `make bench` runs every bench/bench_*.py and writes bench/RESULTS.md.

Each module defines ``run(report: Report) -> None`` and records figures with
``report.add(title, rows, note=...)``. Every figure is reported as a ratio against a baseline
measured in the same run, so results are comparable across machines.
"""
