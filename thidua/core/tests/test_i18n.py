"""Vietnamese is the default; every user-facing string also has an English translation."""

import glob
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[3]


def catalogues(root: Path, language: str) -> dict[str, polib.POFile]:
    pattern = str(root / "thidua" / "*" / "locale" / language / "LC_MESSAGES" / "django.po")
    return {Path(p).relative_to(root).as_posix(): polib.pofile(p) for p in glob.glob(pattern)}


def test_every_english_entry_is_translated_and_not_fuzzy():
    problems = []
    for path, po in catalogues(ROOT, "en").items():
        problems += [f"{path}: untranslated {e.msgid!r}" for e in po.untranslated_entries()]
        problems += [f"{path}: fuzzy {e.msgid!r}" for e in po.fuzzy_entries()]
    assert problems == []


def test_catalogues_hold_every_string_of_the_code(tmp_path):
    """Run makemessages on a copy: no msgid may be missing from the committed catalogues."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is missing: run `make setup` (apt-get install gettext)")
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "thidua", copy / "thidua", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "config", copy / "config", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    subprocess.run(
        ["bash", "scripts/messages.sh"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            "PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
            "PY": sys.executable,
            "DEBUG": "1",
            "DATA_DIR": str(tmp_path / "var"),
        },
    )
    committed = {path: {e.msgid for e in po} for path, po in catalogues(ROOT, "en").items()}
    fresh = {path: {e.msgid for e in po} for path, po in catalogues(copy, "en").items()}
    missing = {path: sorted(ids - committed.get(path, set())) for path, ids in fresh.items()}
    assert {path: ids for path, ids in missing.items() if ids} == {}, (
        "run scripts/messages.sh and translate the new entries"
    )


@pytest.mark.django_db
def test_vietnamese_by_default_and_english_on_request(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert 'lang="vi"' in page and "Tên đăng nhập" in page
    client.cookies["django_language"] = "en"
    page = client.get(reverse("accounts:login")).content.decode()
    assert 'lang="en"' in page and "Username" in page and "Log in" in page


@pytest.mark.django_db
def test_browser_language_does_not_override_vietnamese(client):
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="vi"' in page.content.decode()


@pytest.mark.django_db
def test_api_messages_follow_accept_language(client):
    response = client.get("/api/v1/units/NOPE/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()["detail"] in {
        "Authentication credentials were not provided.",
        "Not found.",
    }
    assert response["Content-Language"] == "en"
