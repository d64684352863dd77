"""The production recipe of docs/deploy.md, run for real on one machine (CI runs this).

Two gunicorn app servers (A, B) and two `db_worker` processes share one PostgreSQL database, one
storage directory and one database cache, configured only through the environment. The script

1. follows the recipe: migrate, compilemessages, collectstatic, (the demo data), app servers
   and workers, with DEBUG off, a read-only replica connection and the database cache;
2. drives a journey through both app servers alternately: log in on A, browse and download on B
   with the same session cookie, static files and CSP, an API token from A used on B, the token
   throttle counted across both servers, log out on B and the session is gone on A;
3. runs document batches on both workers: two at once (one each, overlapping in time), then one
   whose worker is killed mid-way and which the other worker finishes after "Chạy lại", with the
   storage watched (inotify) to show which chunk was written when, and that no chunk recorded
   as done was rendered again; every joined PDF has the reference's pages, text for text;
4. backs the live database up with `manage.py backup`, restores it with `manage.py restore`
   into an empty database, and compares every table and file;
5. stops every process it started and drops its databases, and exits non-zero on any failure.

    .venv/bin/python scripts/ci_multiprocess.py [--database NAME] [--ports 8018,8019]
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import hashlib
import http.client
import io
import json
import os
import re
import secrets
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
USERNAME, PASSWORD = "nv.kimbang", "KimBang@2024"  # the demo's district organizer
THROTTLE = 6  # token requests per minute, for the whole cluster
STALE_SECONDS = 3


class CheckFailedError(AssertionError):
    pass


def check(condition: object, message: str) -> None:
    if not condition:
        raise CheckFailedError(message)
    print(f"  ok: {message}", flush=True)


# --- Processes ---------------------------------------------------------------------------------


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path

    def tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


@dataclass
class Cluster:
    env: dict[str, str]
    folder: Path
    processes: list[Process] = field(default_factory=list)

    def run(self, *args: str, env: dict[str, str] | None = None) -> str:
        """A manage.py command of the recipe; fails loudly."""
        result = subprocess.run(  # noqa: S603 - manage.py of this checkout
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0:
            raise CheckFailedError(
                f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}"
            )
        return result.stdout

    def start(self, name: str, *command: str) -> Process:
        log = self.folder / f"{name}.log"
        stream = log.open("wb")
        popen = subprocess.Popen(  # noqa: S603 - our own commands
            [PYTHON, *command],
            cwd=ROOT,
            env=self.env,
            stdout=stream,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: gunicorn's workers stop with it
        )
        stream.close()
        process = Process(name, popen, log)
        self.processes.append(process)
        return process

    def kill(self, process: Process) -> None:
        """SIGKILL, as a crash or a pulled plug would: no clean-up in the process."""
        os.killpg(process.popen.pid, signal.SIGKILL)
        process.popen.wait(timeout=30)

    def stop_all(self) -> None:
        for process in self.processes:
            if process.popen.poll() is None:
                os.killpg(process.popen.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for process in self.processes:
            try:
                process.popen.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.popen.pid, signal.SIGKILL)
                process.popen.wait(timeout=10)

    def assert_alive(self) -> None:
        for process in self.processes:
            if process.popen.poll() is not None and process.name != "killed":
                raise CheckFailedError(f"{process.name} exited with {process.popen.returncode}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, timeout: float, what: str, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise CheckFailedError(f"timed out after {timeout:.0f} s waiting for {what}")


# --- HTTP --------------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class Browser:
    """One person's cookies, sent to whichever app server each request goes to."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(
        self, port: int, method: str, path: str, body: bytes | None = None, **headers: str
    ) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        all_headers = {"Host": "127.0.0.1", **headers}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=all_headers)
        raw = connection.getresponse()
        response = Response(raw.status, raw.headers, raw.read())
        connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if "expires=Thu, 01 Jan 1970" in header or value in ('""', ""):
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response

    def get(self, port: int, path: str, **headers: str) -> Response:
        return self.request(port, "GET", path, **headers)

    def post_form(self, port: int, path: str, fields: dict[str, str], referer: str) -> Response:
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields}
        ).encode()
        return self.request(
            port,
            "POST",
            path,
            body,
            **{"Content-Type": "application/x-www-form-urlencoded", "Referer": referer},
        )


def post_json(port: int, path: str, data: dict, **headers: str) -> Response:
    return Browser().request(
        port,
        "POST",
        path,
        json.dumps(data).encode(),
        **{"Content-Type": "application/json"},
        **headers,
    )


# --- inotify: which part files were written, and when --------------------------------------------

IN_CLOSE_WRITE, IN_DELETE = 0x00000008, 0x00000200
EVENT = struct.Struct("iIII")


class Watch:
    """Write and delete events of one folder (Linux inotify through libc)."""

    def __init__(self, folder: Path) -> None:
        self.libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK)
        if self.fd < 0:
            raise OSError(ctypes.get_errno(), "inotify_init1")
        if self.libc.inotify_add_watch(self.fd, bytes(folder), IN_CLOSE_WRITE | IN_DELETE) < 0:
            raise OSError(ctypes.get_errno(), f"inotify_add_watch {folder}")

    def drain(self) -> list[tuple[str, str]]:
        """Every event queued so far: ("write" | "delete", file name)."""
        events = []
        while select.select([self.fd], [], [], 0)[0]:
            data = os.read(self.fd, 65536)
            offset = 0
            while offset < len(data):
                _wd, mask, _cookie, length = EVENT.unpack_from(data, offset)
                name = data[offset + EVENT.size : offset + EVENT.size + length].rstrip(b"\0")
                offset += EVENT.size + length
                kind = "write" if mask & IN_CLOSE_WRITE else "delete" if mask & IN_DELETE else ""
                if kind:
                    events.append((kind, name.decode()))
        return events

    def close(self) -> None:
        os.close(self.fd)


# --- The run -----------------------------------------------------------------------------------


def environment(database_url: str, folder: Path) -> dict[str, str]:
    """The production settings of docs/deploy.md (plain HTTP: loopback, no TLS proxy)."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "THIDUA_"))}
    replica = database_url + "?options=" + urllib.parse.quote("-c default_transaction_read_only=on")
    return {
        **keep,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_TLS": "0",  # loopback only; production sits behind TLS (BEHIND_TLS_PROXY=1)
        "DATABASE_URL": database_url,
        "DATABASE_REPLICA_URL": replica,  # read-only connection, as a hot standby is
        "DATABASE_CONN_MAX_AGE": "60",
        "CACHE_BACKEND": "database",
        "STORAGE_BACKEND": "filesystem",
        "DATA_DIR": str(folder / "data"),
        "MEDIA_ROOT": str(folder / "data" / "media"),  # the directory every process shares
        "STATIC_ROOT": str(folder / "static"),
        "API_TOKEN_THROTTLE_RATE": f"{THROTTLE}/min",
        "DOCUMENTS_BATCH_STALE_SECONDS": str(STALE_SECONDS),
        "LOG_LEVEL": "INFO",
    }


def recreate_database(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def follow_recipe(cluster: Cluster, ports: tuple[int, int]) -> dict[str, Process]:
    print("== recipe: migrate, compilemessages, collectstatic, demo data", flush=True)
    cluster.run("migrate", "--noinput")
    cluster.run("compilemessages", "--ignore=.venv")
    out = cluster.run("collectstatic", "--noinput")
    check("post-processed" in out, "collectstatic hashed and compressed the static files")
    cluster.run("load_demo")
    print("== recipe: two app servers, two workers", flush=True)
    started = {}
    for name, port in zip(("app-a", "app-b"), ports, strict=True):
        started[name] = cluster.start(
            name,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "-",
            "--no-control-socket",  # one default socket path would be shared by both servers
        )
    for name in ("worker-a", "worker-b"):
        started[name] = cluster.start(
            name,
            "manage.py",
            "db_worker",
            "--no-reload",
            "--interval",
            "0.5",
            "--worker-id",
            f"ci-{name}",
        )
    for port in ports:
        wait_until(lambda port=port: _answers(port), 60, f"the app server on port {port} to answer")
    return started


def _answers(port: int) -> bool:
    try:
        return Browser().get(port, "/tai-khoan/dang-nhap/").status == 200
    except OSError:
        return False


def log_in(browser: Browser, port: int) -> None:
    page = browser.get(port, "/tai-khoan/dang-nhap/")
    check(page.status == 200 and "csrftoken" in browser.cookies, f"login page on :{port}")
    response = browser.post_form(
        port,
        "/tai-khoan/dang-nhap/",
        {"username": USERNAME, "password": PASSWORD, "next": ""},
        referer=f"http://127.0.0.1:{port}/tai-khoan/dang-nhap/",
    )
    check(
        response.status == 302 and "sessionid" in browser.cookies,
        f"logged in on :{port} (302, session cookie)",
    )


def journey(ports: tuple[int, int]) -> Browser:
    a, b = ports
    print("== journey through both app servers", flush=True)
    browser = Browser()
    log_in(browser, a)
    home = browser.get(b, "/")
    check(home.status == 200 and USERNAME in home.text, "B knows the session made on A")
    csp = home.headers.get("Content-Security-Policy", "")
    check("script-src 'self'" in csp and "unsafe-inline" not in csp, "strict CSP on B's pages")
    scripts = re.findall(r'src="(/static/[^"]+\.js)"', home.text)
    styles = re.findall(r'href="(/static/[^"]+\.css)"', home.text)
    check(scripts and styles, "the page links its scripts and styles under /static/")
    hashed = [path for path in scripts + styles if re.search(r"\.[0-9a-f]{12}\.(js|css)$", path)]
    check(hashed == scripts + styles, "every linked static file has a content hash (manifest)")
    for path in hashed:
        static = Browser().get(a, path, **{"Accept-Encoding": "gzip"})
        check(
            static.status == 200
            and "immutable" in static.headers.get("Cache-Control", "")
            and static.headers.get("Content-Encoding") == "gzip",
            f"whitenoise serves {path.rsplit('/', 1)[-1]} compressed, cached for ever",
        )
    units = browser.get(a, "/don-vi/")
    check(units.status == 200 and "Kim Bảng" in units.text, "units list on A")
    listing = browser.get(b, "/van-ban/")
    if listing.status == 302:  # to the active unit's documents
        listing = browser.get(b, listing.headers["Location"])
    links = sorted(set(re.findall(r'href="(/van-ban/(\d+)/)"', listing.text)))
    check(listing.status == 200 and links, "documents list on B links the issued documents")
    pdf = browser.get(b, f"{links[0][0]}tai-ve/pdf/")
    check(pdf.status == 200 and pdf.body.startswith(b"%PDF"), "B streams a document's PDF")
    token_response = post_json(
        a, "/api/v1/auth/token/", {"username": USERNAME, "password": PASSWORD}
    )
    token = json.loads(token_response.body).get("token", "")
    check(token_response.status == 200 and token, "API token issued by A")
    bearer = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    api_units = Browser().get(b, "/api/v1/units/", **bearer)
    check(
        api_units.status == 200 and json.loads(api_units.body)["results"],
        "A's token opens the API on B",
    )
    api_docs = Browser().get(b, "/api/v1/documents/", **bearer)
    check(api_docs.status == 200 and json.loads(api_docs.body)["results"], "documents API on B")
    statuses = [
        post_json(
            (b, a)[i % 2], "/api/v1/auth/token/", {"username": USERNAME, "password": PASSWORD}
        ).status
        for i in range(THROTTLE)
    ]
    # One request above was the journey's own: the cluster allows THROTTLE in all.
    check(
        statuses == [200] * (THROTTLE - 1) + [429],
        f"token throttle counted across both servers (shared cache): {statuses}",
    )
    logout = browser.post_form(b, "/tai-khoan/dang-xuat/", {}, referer=f"http://127.0.0.1:{b}/")
    check(logout.status == 302, "logged out on B")
    stale = Browser()
    stale.cookies = {"sessionid": browser.cookies.get("sessionid", "gone")}
    gone = stale.get(a, "/")
    check(
        gone.status == 302 and "dang-nhap" in gone.headers.get("Location", ""),
        "the session ended on B is gone on A too",
    )
    browser = Browser()
    log_in(browser, b)
    return browser


def page_texts(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def reference_batch():
    from thidua.demo import world
    from thidua.documents.models import DocumentBatch

    demo = DocumentBatch.objects.get(title=world.DEMO_BATCH_TITLE)
    with demo.pdf.open("rb") as stream:
        return demo, page_texts(stream.read())


def start_batch(title: str, chunk_size: int, watch_folder: bool = False):
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from thidua.documents import codec, services

    demo, _texts = reference_batch()
    user = get_user_model().objects.get(username=USERNAME)
    specs = [codec.spec_from_data(data) for data in demo.specs]
    with transaction.atomic():  # the task is queued on commit: watch before a worker sees it
        batch = services.start_batch(
            by=user, unit=demo.unit, title=title, specs=specs, chunk_size=chunk_size
        )
        watch = None
        if watch_folder:
            from django.conf import settings

            folder = Path(settings.MEDIA_ROOT) / "batches" / str(batch.pk) / "parts"
            folder.mkdir(parents=True, exist_ok=True)
            watch = Watch(folder)
    return batch, watch


def task_of(batch):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.get(id=batch.task_id)


def check_output(batch, reference: list[str], label: str) -> None:
    from thidua.core.models import AuditEntry

    with batch.pdf.open("rb") as stream:
        data = stream.read()
    check(hashlib.sha256(data).hexdigest() == batch.checksum, f"{label}: PDF matches its checksum")
    texts = page_texts(data)
    check(
        len(texts) == len(reference) == batch.pages and texts == reference,
        f"{label}: {len(texts)} pages, the reference's text page for page",
    )
    completed = AuditEntry.objects.filter(
        action="documents.batch.completed", object_id=str(batch.pk)
    ).count()
    check(completed == 1, f"{label}: completed exactly once (audit)")


def batches_on_two_workers(cluster: Cluster, browser: Browser, ports: tuple[int, int]) -> None:
    from thidua.documents.enums import BatchStatus
    from thidua.documents.models import DocumentBatch

    print("== two batches at once: one per worker", flush=True)
    _demo, reference = reference_batch()
    # Both queued back to back, a page a part: whichever worker claims the first stays busy
    # with it for several part renders, longer than the other's poll interval (0.5 s), so the
    # second batch goes to the idle worker. (Queuing the second only once the first was seen
    # RUNNING let a fast worker finish the first and take the second too, a timing race.)
    first, _ = start_batch("CI lô 1", chunk_size=1)
    second, _ = start_batch("CI lô 2", chunk_size=1)
    for batch in (first, second):
        wait_until(
            lambda batch=batch: DocumentBatch.objects.get(pk=batch.pk).is_finished,
            240,
            f"batch {batch.pk} to finish",
        )
    runs = []
    for label, batch in (("batch 1", first), ("batch 2", second)):
        batch.refresh_from_db()
        task = task_of(batch)
        check(
            batch.status == BatchStatus.DONE and batch.attempts == 1,
            f"{label}: done in one attempt",
        )
        check(
            task.status == "SUCCESSFUL" and len(task.worker_ids) == 1,
            f"{label}: its task was claimed once, by {task.worker_ids}",
        )
        check_output(batch, reference, label)
        runs.append((task.worker_ids[0], task.started_at, task.finished_at))
    check(
        {runs[0][0], runs[1][0]} == {"ci-worker-a", "ci-worker-b"},
        "each worker took one batch (SKIP LOCKED: no task twice)",
    )
    check(runs[1][1] < runs[0][2], "the two batches were rendered at the same time")
    cluster.assert_alive()


def batch_survives_a_dead_worker(
    cluster: Cluster, browser: Browser, ports: tuple[int, int], workers: dict[str, Process]
) -> None:
    from django.utils import timezone

    from thidua.core.models import AuditEntry
    from thidua.documents.enums import BatchStatus
    from thidua.documents.models import DocumentBatch

    print("== a worker dies mid-batch; the other one finishes it", flush=True)
    _demo, reference = reference_batch()
    chunk = 3
    batch, watch = start_batch("CI lô 3", chunk_size=chunk, watch_folder=True)
    assert watch is not None
    try:
        wait_until(
            lambda: DocumentBatch.objects.get(pk=batch.pk).done >= chunk,
            120,
            "the first chunk to be recorded",
            interval=0.05,
        )
        first_task = task_of(DocumentBatch.objects.get(pk=batch.pk))
        (victim_id,) = first_task.worker_ids
        victim = workers[victim_id.removeprefix("ci-")]
        survivor_id = "ci-worker-b" if victim_id == "ci-worker-a" else "ci-worker-a"
        cluster.kill(victim)
        victim.name = "killed"
        before_kill = watch.drain()
        batch.refresh_from_db()
        done_at_kill = batch.done
        check(
            0 < done_at_kill < batch.total and batch.status == BatchStatus.RUNNING,
            f"{victim_id} killed with {done_at_kill} of {batch.total} documents done",
        )
        wait_until(
            lambda: DocumentBatch.objects.get(pk=batch.pk).is_stalled(timezone.now()),
            STALE_SECONDS + 30,
            "the batch to show as interrupted",
        )
        a, b = ports
        page = browser.get(a, f"/van-ban/lo/{batch.pk}/")
        check(page.status == 200 and "Chạy lại" in page.text, "A shows the batch interrupted")
        retried = browser.post_form(
            b, f"/van-ban/lo/{batch.pk}/chay-lai/", {}, referer=f"http://127.0.0.1:{b}/"
        )
        check(retried.status == 302, "'Chạy lại' posted on B")
        wait_until(
            lambda: DocumentBatch.objects.get(pk=batch.pk).is_finished,
            240,
            "the surviving worker to finish the batch",
        )
        after_kill = watch.drain()
    finally:
        watch.close()
    batch.refresh_from_db()
    second_task = task_of(batch)
    check(
        batch.status == BatchStatus.DONE and batch.attempts == 2,
        "batch done on its second attempt",
    )
    check(
        second_task.worker_ids == [survivor_id] and second_task.status == "SUCCESSFUL",
        f"the second attempt ran on {survivor_id}",
    )
    check(first_task.worker_ids == [victim_id], f"the first attempt ran on {victim_id}")
    retried_entry = AuditEntry.objects.get(
        action="documents.batch.retried", object_id=str(batch.pk)
    )
    check(
        retried_entry.data["resume_from"] == done_at_kill, "the retry resumed after the done part"
    )
    starts = [f"{start:07d}.pdf" for start in range(0, batch.total, chunk)]
    written_before = [name for kind, name in before_kill if kind == "write"]
    written_after = [name for kind, name in after_kill if kind == "write"]
    recorded = [name for name in starts if int(name[:7]) < done_at_kill]
    in_flight = [name for name in written_before if name not in recorded]
    print(f"     {victim_id} wrote {written_before}; {survivor_id} wrote {written_after}")
    check(
        written_before[: len(recorded)] == recorded and len(in_flight) <= 1,
        f"{victim_id} wrote each chunk it recorded once ({len(recorded)} chunks)",
    )
    check(
        not set(recorded) & set(written_after),
        f"{survivor_id} rendered none of the chunks recorded as done",
    )
    check(
        sorted(written_after) == [n for n in starts if n not in recorded]
        and len(written_after) == len(set(written_after)),
        f"{survivor_id} rendered each remaining chunk exactly once ({len(written_after)} chunks)",
    )
    deleted = sorted(name for kind, name in after_kill if kind == "delete")
    check(deleted == starts, "the part files were removed once joined")
    check_output(batch, reference, "batch 3")
    if in_flight:
        print(
            f"     note: {in_flight[0]} was on disk but not recorded when {victim_id} died, so "
            f"{survivor_id} rendered it again (at least once for the chunk in flight only)"
        )


def replica_reads() -> None:
    from django.db import connections

    from thidua.operations.replica import read_replica
    from thidua.units.models import Unit

    print("== replica connection", flush=True)
    with read_replica():
        count = Unit.objects.count()
        with connections["replica"].cursor() as cursor:
            cursor.execute("SHOW transaction_read_only")
            read_only = cursor.fetchone()[0]
    check(count > 0 and read_only == "on", f"read_replica() reads {count} units on the replica")


def backup_and_restore(cluster: Cluster, admin_url: str, database: str) -> None:
    from thidua.operations import databases

    print("== backup of the live database, restore into an empty one", flush=True)
    archive = cluster.folder / "backup.tar"
    out = cluster.run("backup", "--output", str(archive))
    check(archive.exists() and "sha256" in out, "manage.py backup wrote the archive")
    target = f"{database}_restore"
    recreate_database(admin_url, target)
    restored_media = cluster.folder / "restored-media"
    env = {
        **cluster.env,
        "DATABASE_URL": admin_url.rsplit("/", 1)[0] + f"/{target}",
        "DATABASE_REPLICA_URL": "",
        "MEDIA_ROOT": str(restored_media),
    }
    try:
        out = cluster.run("restore", str(archive), env=env)
        check("every table and file matches the manifest" in out, "manage.py restore verified")
        import psycopg

        source_url = admin_url.rsplit("/", 1)[0] + f"/{database}"
        with psycopg.connect(source_url) as source, psycopg.connect(env["DATABASE_URL"]) as copy:
            original = databases.postgres_digests(source)
            restored = databases.postgres_digests(copy)
        skip = {"core_auditentry", "sequence:core_auditentry_id_seq", "django_session"}
        skip |= {"thidua_cache"}  # the running app servers write these after the backup
        differing = sorted(
            name
            for name in set(original) | set(restored)
            if name not in skip and original.get(name) != restored.get(name)
        )
        check(not differing, f"{len(original)} tables and sequences identical after restore")
        media = Path(cluster.env["MEDIA_ROOT"])
        originals = {
            str(p.relative_to(media)): p.read_bytes() for p in media.rglob("*") if p.is_file()
        }
        copies = {
            str(p.relative_to(restored_media)): p.read_bytes()
            for p in restored_media.rglob("*")
            if p.is_file()
        }
        check(originals == copies and originals, f"{len(copies)} files identical after restore")
    finally:
        drop_database(admin_url, target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="thidua_ci_multiprocess")
    parser.add_argument("--ports", help="two ports, e.g. 8018,8019 (default: free ones)")
    parser.add_argument("--keep", action="store_true", help="keep the folder and databases")
    args = parser.parse_args()
    ports = (
        tuple(int(p) for p in args.ports.split(",")) if args.ports else (free_port(), free_port())
    )
    admin_url = f"{args.server}/postgres"
    database_url = f"{args.server}/{args.database}"
    folder = Path(tempfile.mkdtemp(prefix="thidua-multiprocess-"))
    recreate_database(admin_url, args.database)
    cluster = Cluster(environment(database_url, folder), folder)
    os.environ.update(cluster.env)  # this script reads the same database with the same settings
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    signal.signal(
        signal.SIGALRM, lambda *_: (_ for _ in ()).throw(CheckFailedError("run over 15 min"))
    )
    signal.alarm(900)
    started = time.monotonic()
    failed = True
    try:
        workers = follow_recipe(cluster, ports)  # type: ignore[arg-type]
        import django

        sys.path.insert(0, str(ROOT))
        django.setup()
        browser = journey(ports)  # type: ignore[arg-type]
        replica_reads()
        batches_on_two_workers(cluster, browser, ports)  # type: ignore[arg-type]
        batch_survives_a_dead_worker(cluster, browser, ports, workers)  # type: ignore[arg-type]
        cluster.assert_alive()
        backup_and_restore(cluster, admin_url, args.database)
        failed = False
    except Exception as failure:  # a failed check, or anything else: report, clean up, exit 1
        import traceback

        traceback.print_exc()
        print(f"\nFAILED: {failure}", file=sys.stderr)
        for process in cluster.processes:
            print(f"\n--- {process.name} (last lines of {process.log}) ---", file=sys.stderr)
            print(process.tail(), file=sys.stderr)
    finally:
        signal.alarm(0)
        cluster.stop_all()
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(admin_url, args.database)
            shutil.rmtree(folder, ignore_errors=True)
    seconds = time.monotonic() - started
    if failed:
        print(f"multiprocess recipe FAILED after {seconds:.0f} s", file=sys.stderr)
        return 1
    print(f"multiprocess recipe: every check held ({seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
