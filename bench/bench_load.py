"""Load: gunicorn + PostgreSQL on loopback, driven by a second process of logged-in users.

The Kim Bảng 2024 demo is loaded into a scratch database; gunicorn serves it in production
mode (DEBUG off, collected static files, LOAD_WORKERS workers on 127.0.0.1:LOAD_PORT); a
separate client process (`python -m bench.bench_load client ...`) logs LOAD_USERS demo
personas in through the real login page and has each hit the main pages and API lists in
turn, for LOAD_SECONDS or LOAD_MAX_REQUESTS requests, whichever comes first.

Reported: requests, requests per second, p50 / p99 latency and errors (any status other than
200, or a failed connection: target zero), for one user (the baseline, same run) and for
LOAD_USERS users at once. Needs DATABASE_URL=postgres://...
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/",
    "/dien-hinh/",
    "/hoi-nghi/",
    "/ke-hoach/",
    "/khen-thuong/",
    "/van-ban/",
    "/api/v1/honorees/",
    "/api/v1/conferences/",
    "/api/v1/campaigns/",
    "/api/v1/assignments/",
    "/api/v1/units/",
    "/api/v1/awards/decisions/",
]
PERSONAS = [
    "nv.kimbang",
    "hd.kimbang",
    "ct.kimbang",
    "xem.kimbang",
    "ubnd.que",
    "ct.que",
    "ubnd.basao",
    "sonv.hanam",
]


# --- The client (a process of its own; no Django) -------------------------------------------


def _login(base: str, username: str, password: str):
    import requests

    session = requests.Session()
    page = session.get(f"{base}/tai-khoan/dang-nhap/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    response = session.post(
        f"{base}/tai-khoan/dang-nhap/",
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": token.group(1) if token else "",
        },
        headers={"Referer": f"{base}/tai-khoan/dang-nhap/"},
        allow_redirects=False,
        timeout=30,
    )
    if response.status_code != 302:
        raise RuntimeError(f"login of {username} failed: {response.status_code}")
    return session


def client(base: str, users: int, seconds: float, max_requests: int, password: str) -> dict:
    sessions = [_login(base, PERSONAS[i % len(PERSONAS)], password) for i in range(users)]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    sent = [0]
    start = time.perf_counter()
    deadline = start + seconds

    def user(index: int) -> None:
        session = sessions[index]
        step = index  # users start at different pages
        while time.perf_counter() < deadline:
            with lock:
                if sent[0] >= max_requests:
                    return
                sent[0] += 1
            path = PAGES[step % len(PAGES)]
            step += 1
            began = time.perf_counter()
            try:
                # /khen-thuong/ and /van-ban/ send each person on to their unit's page: the
                # redirect is part of the visit, its final answer is what counts.
                response = session.get(base + path, timeout=60)
                status = response.status_code
            except Exception:  # a refused or broken connection counts as an error
                status = 0
            took = time.perf_counter() - began
            with lock:
                latencies.append(took)
                if status != 200:
                    errors.append(f"{status} {path}")

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    ordered = sorted(latencies)
    return {
        "users": users,
        "requests": len(latencies),
        "seconds": elapsed,
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": 1000 * statistics.median(ordered) if ordered else 0.0,
        "p99_ms": 1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        if ordered
        else 0.0,
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:10],
    }


# --- The benchmark (sets up the server, runs the client process) ------------------------------


def _collect_static(env: dict[str, str]) -> None:
    static = Path(env["STATIC_ROOT"])
    if not (static / "staticfiles.json").exists():
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )


def _wait_for(url: str, seconds: float) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status in (200, 302):
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on {url}")


def _run_client(base: str, users: int, seconds: float, max_requests: int) -> dict:
    from thidua.demo.world import DEMO_PASSWORD

    output = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.bench_load",
            "client",
            base,
            str(users),
            str(seconds),
            str(max_requests),
            DEMO_PASSWORD,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def run(report: Any) -> None:  # report: bench.harness.Report
    from django.db import connection

    from bench.database import scratch_database
    from thidua.demo.loader import load_demo

    if connection.vendor != "postgresql":
        print("bench_load needs PostgreSQL (DATABASE_URL=postgres://...): skipped")
        return
    port = int(os.environ.get("LOAD_PORT", "8170"))
    users = int(os.environ.get("LOAD_USERS", "8"))
    seconds = float(os.environ.get("LOAD_SECONDS", "20"))
    max_requests = int(os.environ.get("LOAD_MAX_REQUESTS", "20000"))
    workers = os.environ.get("LOAD_WORKERS", "4")
    base = f"http://127.0.0.1:{port}"
    with scratch_database():
        load_demo(log=lambda _message: None)
        db = connection.settings_dict
        connection.close()
        env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "bench-load-" + "k" * 50,
            "SECURE_TLS": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
            "MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
        }
        _collect_static(env)
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--workers",
                workers,
                "--bind",
                f"127.0.0.1:{port}",
                "--no-control-socket",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        try:
            _wait_for(f"{base}/tai-khoan/dang-nhap/", 60)
            _run_client(base, 1, 3, 100)  # warm-up: every worker imports and connects
            one = _run_client(base, 1, seconds / 2, max_requests)
            many = _run_client(base, users, seconds, max_requests)
        finally:
            server.terminate()
            server.wait(30)
    rows = []
    for label, result in (("1 user (baseline)", one), (f"{users} users", many)):
        rows.append(
            [
                label,
                result["requests"],
                f"{result['rps']:.1f}",
                f"{result['rps'] / one['rps']:.2f}x" if one["rps"] else "-",
                f"{result['p50_ms']:.0f}",
                f"{result['p99_ms']:.0f}",
                result["errors"],
            ]
        )
        for sample in result["error_samples"]:
            print(f"  error: {sample}")
    report.add(
        "Load: gunicorn + PostgreSQL on loopback, logged-in users on pages and API",
        ["users", "requests", "req/s", "vs 1 user", "p50 ms", "p99 ms", "errors"],
        rows,
        note=(
            f"gunicorn {workers} sync workers, DEBUG off; client in a second process; "
            f"{len(PAGES)} URLs in turn ({', '.join(PAGES)}); {seconds:.0f} s per run "
            f"(baseline {seconds / 2:.0f} s) or {max_requests} requests. The machine is shared "
            "(2 cores, other jobs running): ratios are more telling than absolute figures."
        ),
    )


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "client":
    _, _, base_url, n, secs, cap, secret = sys.argv
    print(json.dumps(client(base_url, int(n), float(secs), int(cap), secret)))
