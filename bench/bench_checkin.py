"""Check-in at the door under load (issue 7): the app served by gunicorn on PostgreSQL on
loopback; this process fires 300 delegates' badge scans plus 30% repeats (half of the repeats
in the same burst as the first scan: two gates at the same moment) in bursts of concurrent
requests, then the same number of requests, in the same bursts, at a minimal Django view (an
authenticated POST answered with a small JSON, behind the same middleware) served by the same
gunicorn in the same run.

Figures: requests per second and p50 / p99 latency of each, the ratio (target: the check-in
reaches at least half the baseline's throughput), errors (any non-200 answer), and double
check-ins (a delegate checked in by two scans), read back from the database afterwards.

Needs PostgreSQL (``DATABASE_URL=postgres://...``); on SQLite it reports why it did not run.
Port: ``BENCH_CHECKIN_PORT`` (default 8110).
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.db import connection

from bench.database import scratch_database
from bench.harness import Report
from thidua.campaigns import services as campaign_services
from thidua.campaigns.models import CampaignPreset
from thidua.campaigns.services.presets import restore_presets
from thidua.conferences import services
from thidua.conferences.models import CheckIn, Delegate
from thidua.conferences.services.invitations import new_token
from thidua.core.models import AuditEntry
from thidua.units import services as unit_services

SEED = 20250520
DELEGATES = 300
REPEAT_SHARE = 0.30
BURST = 30
CONCURRENCY = 12
WORKERS = 4  # docs/deploy.md: about 2 x cores, sync workers
PASSWORD = "Bench@12345"  # noqa: S105  (a throw-away database)
ROOT = Path(__file__).resolve().parent.parent


def _conference() -> tuple[object, object]:
    province = unit_services.create_unit(by=None, code="CP", name="Tỉnh Đo", kind="province")
    district = unit_services.create_unit(
        by=None, code="CD", name="Huyện Đo", kind="rural_district", parent=province
    )
    unit_services.create_unit(by=None, code="CX", name="Xã Đo", kind="commune", parent=district)
    officer = get_user_model().objects.create_user(username="door", password=PASSWORD)
    unit_services.grant_membership(officer, district, "organizer", by=None)
    restore_presets()
    campaign = campaign_services.create_campaign(
        preset=CampaignPreset.objects.get(code="kim-bang-2024"), issuer=district, by=officer
    )
    campaign_services.issue_campaign(
        campaign, by=officer, now=dt.datetime(2024, 11, 20, tzinfo=dt.UTC)
    )
    conference = services.create_conference(
        campaign,
        district,
        by=officer,
        held_on=dt.date(2025, 5, 20),
        session="morning",
        venue="Hội trường",
    )
    rng = random.Random(SEED)
    Delegate.objects.bulk_create(
        Delegate(
            conference=conference,
            category="honoree" if n % 10 < 7 else "guest",
            origin="manual",
            status="invited",
            name=f"Đại biểu {n}",
            gender=rng.choice(["female", "male"]),
            token=new_token(),
            badge_number=n + 1,
        )
        for n in range(DELEGATES)
    )
    return conference, officer


def _session(user: object) -> str:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)  # type: ignore[attr-defined]
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()  # type: ignore[attr-defined]
    store.create()
    return str(store.session_key)


def _serve(port: int) -> subprocess.Popen[bytes]:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.checkin_settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DATABASE_CONN_MAX_AGE": "60",
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,  # the sessions this process signed
        "SECURE_TLS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--no-control-socket",
            "--graceful-timeout",
            "5",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/bench/ping/")
            conn.getresponse().read()
            return server
        except OSError as error:
            if server.poll() is not None:
                detail = server.stderr.read().decode() if server.stderr else "gunicorn"
                raise RuntimeError(detail) from error
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def _plan(tokens: list[str]) -> list[list[str]]:
    """Bursts of scans: every badge once, 30% of them again; half of the repeats in the same
    burst as the first scan (two gates at once), the others in a later burst."""
    rng = random.Random(SEED)
    order = tokens[:]
    rng.shuffle(order)
    bursts = [order[i : i + BURST] for i in range(0, len(order), BURST)]
    repeated = rng.sample(tokens, round(len(tokens) * REPEAT_SHARE))
    where = {t: i for i, burst in enumerate(bursts) for t in burst}
    for n, token in enumerate(repeated):
        index = where[token] if n % 2 == 0 else min(len(bursts) - 1, where[token] + 1)
        bursts[index].append(token)
    for burst in bursts:
        rng.shuffle(burst)
    return bursts


def _fire(port: int, path: str, bursts: list[list[str]], cookie: str, csrf: str) -> dict:
    def one(token: str) -> tuple[float, int]:
        body = urlencode({"token": token, "nonce": uuid.uuid4().hex, "gate": "Cửa"})
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "X-CSRFToken": csrf,
        }
        start = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("POST", path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
            conn.close()
        except OSError:
            status = 0
        return time.perf_counter() - start, status

    latencies: list[float] = []
    statuses: list[int] = []
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        start = time.perf_counter()
        for burst in bursts:
            for seconds, status in pool.map(one, burst):
                latencies.append(seconds)
                statuses.append(status)
        wall = time.perf_counter() - start
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / wall,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "errors": sum(1 for s in statuses if s != 200),
    }


def run(report: Report) -> None:
    title = "Check-in at the door under load (gunicorn, PostgreSQL, loopback)"
    if connection.vendor != "postgresql":
        report.add(title, ["figure", "value"], [["not run", "needs DATABASE_URL=postgres://"]])
        return
    port = int(os.environ.get("BENCH_CHECKIN_PORT", "8110"))
    with scratch_database():
        conference, officer = _conference()
        tokens = list(
            Delegate.objects.filter(conference=conference).values_list("token", flat=True)
        )
        csrf = uuid.uuid4().hex  # a 32-character secret, sent as cookie and header
        session = f"{settings.SESSION_COOKIE_NAME}={_session(officer)}"
        cookie = f"{session}; {settings.CSRF_COOKIE_NAME}={csrf}"
        bursts = _plan(tokens)
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE bench_ping (id serial PRIMARY KEY, nonce text)")
        server = _serve(port)
        try:
            warm = [[tokens[0]] * 4]  # warm both paths (imports, connections): not measured
            _fire(port, "/bench/ping/", warm, cookie, csrf)
            baseline = _fire(port, "/bench/ping/", bursts, cookie, csrf)
            writing = _fire(port, "/bench/ping-write/", bursts, cookie, csrf)
            scans = _fire(port, f"/hoi-nghi/{conference.pk}/diem-danh/quet/", bursts, cookie, csrf)
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            errors = server.stderr.read().decode() if server.stderr else ""
            if errors.strip():
                print(errors[-3000:])
        present = Delegate.objects.filter(
            conference=conference, checked_in_at__isnull=False
        ).count()
        firsts = CheckIn.objects.filter(conference=conference, outcome="checked_in").count()
        repeats = CheckIn.objects.filter(conference=conference, outcome="already").count()
        audited = AuditEntry.objects.filter(action="conferences.delegate.checked_in").count()
    double = firsts - present
    repeat_count = scans["requests"] - DELEGATES
    report.add(
        title,
        ["endpoint", "requests", "requests/s", "p50 ms", "p99 ms", "errors"],
        [
            [
                "minimal Django view (baseline)",
                baseline["requests"],
                f"{baseline['rps']:.0f}",
                f"{baseline['p50']:.1f}",
                f"{baseline['p99']:.1f}",
                baseline["errors"],
            ],
            [
                "minimal view committing one row",
                writing["requests"],
                f"{writing['rps']:.0f}",
                f"{writing['p50']:.1f}",
                f"{writing['p99']:.1f}",
                writing["errors"],
            ],
            [
                "check-in scan",
                scans["requests"],
                f"{scans['rps']:.0f}",
                f"{scans['p50']:.1f}",
                f"{scans['p99']:.1f}",
                scans["errors"],
            ],
            [
                "ratio check-in / baseline",
                "",
                f"{scans['rps'] / baseline['rps']:.2f}",
                f"{scans['p50'] / baseline['p50']:.2f}",
                f"{scans['p99'] / baseline['p99']:.2f}",
                "",
            ],
            [
                "ratio check-in / committing view",
                "",
                f"{scans['rps'] / writing['rps']:.2f}",
                f"{scans['p50'] / writing['p50']:.2f}",
                f"{scans['p99'] / writing['p99']:.2f}",
                "",
            ],
        ],
        note=(
            f"{DELEGATES} badges scanned once plus {repeat_count} repeats "
            f"({REPEAT_SHARE:.0%}, half of them in the same burst as the first scan), in bursts "
            f"of about {BURST} requests, {CONCURRENCY} concurrent connections, gunicorn "
            f"{WORKERS} sync workers; target: check-in at least 0.5 of the baseline's "
            f"requests/s. Read back: {present} delegates present, {firsts} first check-ins, "
            f"{repeats} answered 'already checked in', {audited} audit entries, double "
            f"check-ins: {double}."
        ),
    )
    assert scans["errors"] == baseline["errors"] == writing["errors"] == 0, (scans, baseline)
    assert present == DELEGATES and double == 0 and audited == DELEGATES
    assert repeats == repeat_count
