"""Hardening (issue 11): strict CSP with no inline code in any template, TLS-only cookies and
HSTS when TLS is on, password rules with Vietnamese messages, the idle session timeout,
national ID numbers masked in logs, and the audit log append-only down to the database."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction

from conftest import PASSWORD, make_user
from thidua.core.audit import record_audit
from thidua.core.logging import MaskPersonalData, mask_ids
from thidua.core.middleware import SessionIdleTimeoutMiddleware
from thidua.core.models import AuditEntry

ROOT = Path(__file__).resolve().parents[3]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.I)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
JS_URL = re.compile(r"javascript:", re.I)


def templates() -> list[Path]:
    return sorted((ROOT / "thidua").glob("*/templates/**/*.html"))


def test_no_template_has_inline_scripts_styles_or_handlers():
    found = []
    for path in templates():
        text = path.read_text(encoding="utf-8")
        for name, pattern in (
            ("inline <script>", INLINE_SCRIPT),
            ("style attribute", STYLE_ATTRIBUTE),
            ("<style> element", STYLE_ELEMENT),
            ("on* handler", HANDLER),
            ("javascript: URL", JS_URL),
        ):
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {name}")
    assert len(templates()) > 50  # the scan sees the project's templates
    assert not found, "\n".join(found)


def test_the_scan_catches_what_it_looks_for():
    for sample in (
        "<script>alert(1)</script>",
        '<div style="color:red">',
        '<button onclick="go()">',
        "<style>p{}</style>",
    ):
        assert any(
            p.search(sample) for p in (INLINE_SCRIPT, STYLE_ATTRIBUTE, HANDLER, STYLE_ELEMENT)
        ), sample
    assert not INLINE_SCRIPT.search('<script src="/static/x.js" defer></script>')


@pytest.mark.django_db
def test_pages_carry_a_strict_csp(client, world, commune_a_officer):
    client.force_login(commune_a_officer)
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def _settings_with(**env: str) -> dict:
    """config.settings as a production process with ``env`` would load it."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "THIDUA_TESTING", "DJANGO_SETTINGS_MODULE", "SECURE_TLS"}
    }
    environment.update({"SECRET_KEY": "s" * 60, "DEBUG": "0", "ALLOWED_HOSTS": "x.gov.vn"})
    environment.update(env)
    code = (
        "import json, config.settings as s; print(json.dumps({k: getattr(s, k) for k in ("
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'LANGUAGE_COOKIE_SECURE', "
        "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
        "'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_HTTPONLY', 'SESSION_IDLE_TIMEOUT')}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_tls_settings_turn_on_secure_cookies_and_hsts(tmp_path):
    on = _settings_with(DATA_DIR=str(tmp_path))  # production default: TLS on
    assert on["SESSION_COOKIE_SECURE"] and on["CSRF_COOKIE_SECURE"] and on["LANGUAGE_COOKIE_SECURE"]
    assert on["SECURE_SSL_REDIRECT"] and on["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert on["SECURE_HSTS_SECONDS"] >= 31536000
    assert on["SESSION_COOKIE_HTTPONLY"] and on["CSRF_COOKIE_HTTPONLY"]
    assert on["SESSION_IDLE_TIMEOUT"] == 3600
    off = _settings_with(DATA_DIR=str(tmp_path), SECURE_TLS="0")  # plain HTTP on loopback only
    assert not off["SESSION_COOKIE_SECURE"] and off["SECURE_HSTS_SECONDS"] == 0


@pytest.mark.django_db
def test_hsts_header_on_secure_requests(client, settings, world, commune_a_officer):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    client.force_login(commune_a_officer)
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ngan@1", "Mật khẩu quá ngắn: cần ít nhất 10 ký tự."),
        ("password123", "Mật khẩu này quá phổ biến, dễ bị đoán."),
        ("8412957360", "Mật khẩu không được chỉ gồm chữ số."),
        ("nguyenvanthanh", "Mật khẩu quá giống"),
    ],
)
def test_password_rules_answer_in_vietnamese(password, message):
    user = make_user("nguyenvanthanh")
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    assert any(text.startswith(message) for text in refused.value.messages), refused.value
    validate_password("Thi-dua 2025 Kim Bang!", user)  # a good one passes


@pytest.mark.django_db
def test_an_idle_session_ends(client, settings, world):
    settings.SESSION_IDLE_TIMEOUT = 600
    make_user("idle", world.commune_a)
    assert client.login(username="idle", password=PASSWORD)
    assert client.get("/").status_code == 200
    session = client.session
    last = session[SessionIdleTimeoutMiddleware.KEY]
    session[SessionIdleTimeoutMiddleware.KEY] = last - 601  # 10 minutes and a second ago
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/dang-nhap/")
    assert client.get("/").status_code == 302  # signed out for good
    assert client.login(username="idle", password=PASSWORD)  # a fresh sign-in works again
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_an_active_session_stays(client, settings, world):
    settings.SESSION_IDLE_TIMEOUT = 600
    make_user("busy", world.commune_a)
    assert client.login(username="busy", password=PASSWORD)
    client.get("/")
    session = client.session
    session[SessionIdleTimeoutMiddleware.KEY] -= 599
    session.save()
    assert client.get("/").status_code == 200


def test_national_id_numbers_are_masked_in_logs(caplog):
    assert mask_ids("CCCD 001185012345, CMND 123456789") == "CCCD 0**********5, CMND 1*******9"
    assert mask_ids("điện thoại 0912345678, năm 2024") == "điện thoại 0912345678, năm 2024"
    logger = logging.getLogger("thidua.test.personal")
    logger.addFilter(MaskPersonalData())
    try:
        with caplog.at_level(logging.INFO, logger="thidua.test.personal"):
            logger.info("Nhập hồ sơ số CCCD %s", "001185012345")
            try:
                raise ValueError("trùng số 079203004567")
            except ValueError:
                logger.exception("lỗi")
    finally:
        logger.filters.clear()
    text = caplog.text
    assert "001185012345" not in text and "079203004567" not in text
    assert "0**********5" in text and "0**********7" in text


def test_the_console_handler_masks_by_configuration():
    from django.conf import settings

    handler = settings.LOGGING["handlers"]["console"]
    assert "personal_data" in handler["filters"]
    assert settings.LOGGING["filters"]["personal_data"]["()"] == (
        "thidua.core.logging.MaskPersonalData"
    )


@pytest.mark.django_db
def test_audit_log_cannot_be_changed_through_the_app(world):
    entry = record_audit("units.unit.created", by=None, unit=world.commune_a)
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(PermissionError):
        entry.delete()


@pytest.mark.django_db
def test_audit_admin_is_read_only(client, admin_user, world):
    entry = record_audit("units.unit.created", by=None, unit=world.commune_a)
    client.force_login(admin_user)
    assert client.get(f"/quan-tri/core/auditentry/{entry.pk}/change/").status_code == 200
    response = client.post(f"/quan-tri/core/auditentry/{entry.pk}/change/", {"action": "x"})
    assert response.status_code == 403
    assert (
        client.post(f"/quan-tri/core/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert AuditEntry.objects.get(pk=entry.pk).action == "units.unit.created"


@pytest.mark.django_db
def test_audit_log_is_append_only_in_postgresql(postgres_only, world):
    entry = record_audit("units.unit.created", by=None, unit=world.commune_a)
    for statement in (
        "UPDATE core_auditentry SET action = 'forged' WHERE id = %s",
        "DELETE FROM core_auditentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).action == "units.unit.created"
    record_audit("units.unit.updated", by=None, unit=world.commune_a)  # appending still works
