"""Production settings from the environment: cache, replica, storage, static files."""

from __future__ import annotations

import json
import sqlite3

from config.tests.test_settings import run_manage

PRODUCTION = {
    "SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-value-xyz",
    "DEBUG": "0",
    "ALLOWED_HOSTS": "thidua.example.gov.vn",
}

SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'caches': s.CACHES, 'databases': sorted(s.DATABASES), "
    "'replica': s.DATABASES.get('replica', {}), 'alias': s.DATABASE_REPLICA_ALIAS, "
    "'storages': s.STORAGES, 'throttle': s.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']}, default=str))"
)


def settings_with(tmp_path, **env):
    result = run_manage("shell", "-c", SHOW, DATA_DIR=str(tmp_path), **PRODUCTION, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_defaults_share_state_through_the_database(tmp_path):
    shown = settings_with(tmp_path)
    assert shown["caches"]["default"] == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "thidua_cache",
    }
    assert shown["databases"] == ["default"] and shown["alias"] is None
    assert shown["storages"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    assert shown["storages"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert shown["throttle"] == {"token": "20/min"}


def test_replica_url_adds_the_replica_alias(tmp_path):
    shown = settings_with(
        tmp_path,
        DATABASE_URL="postgres://thidua:pw@primary.example:5432/thidua",
        DATABASE_REPLICA_URL="postgres://reader:pw@standby.example:5433/thidua",
    )
    assert shown["databases"] == ["default", "replica"] and shown["alias"] == "replica"
    replica = shown["replica"]
    assert (replica["HOST"], replica["PORT"], replica["USER"]) == (
        "standby.example",
        5433,
        "reader",
    )
    assert replica["TEST"]["MIRROR"] == "default"  # tests use the primary for it


def test_s3_storage_from_the_environment(tmp_path):
    shown = settings_with(
        tmp_path,
        STORAGE_BACKEND="s3",
        S3_BUCKET="thidua-files",
        S3_ENDPOINT_URL="https://s3.example.gov.vn",
        S3_REGION="hn-1",
        S3_ACCESS_KEY_ID="key",
        S3_SECRET_ACCESS_KEY="secret",
        S3_PREFIX="media",
        API_TOKEN_THROTTLE_RATE="5/min",
    )
    assert shown["storages"]["default"] == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "thidua-files",
            "endpoint_url": "https://s3.example.gov.vn",
            "region_name": "hn-1",
            "access_key": "key",
            "secret_key": "secret",
            "location": "media",
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    assert shown["throttle"] == {"token": "5/min"}


def test_unknown_backends_are_refused(tmp_path):
    for name, value in (("CACHE_BACKEND", "memcached"), ("STORAGE_BACKEND", "ftp")):
        result = run_manage("check", DATA_DIR=str(tmp_path), **PRODUCTION, **{name: value})
        assert result.returncode != 0
        assert f"{name} must be" in result.stderr


def test_migrate_creates_the_cache_table(tmp_path):
    result = run_manage("migrate", "-v0", DATA_DIR=str(tmp_path), **PRODUCTION)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "thidua.sqlite3") as database:
        columns = [row[1] for row in database.execute("PRAGMA table_info(thidua_cache)")]
    assert columns == ["cache_key", "value", "expires"]


def test_collectstatic_hashes_and_compresses_with_debug_off(tmp_path):
    static = tmp_path / "static"
    # The API docs' bundles (pinned packages) take most of the minute: the CI script
    # (scripts/ci_multiprocess.py) runs the full collectstatic of the recipe.
    result = run_manage(
        "collectstatic",
        "--noinput",
        "--ignore=drf_spectacular_sidecar",
        "--ignore=rest_framework",
        DATA_DIR=str(tmp_path),
        STATIC_ROOT=str(static),
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = json.loads((static / "staticfiles.json").read_text())["paths"]
    hashed = manifest["vendor/chartjs/chart.umd.min.js"]
    assert hashed.startswith("vendor/chartjs/chart.umd.min.") and hashed != "chart.umd.min.js"
    # the source map it names was vendored with it, and got hashed too
    assert manifest["vendor/chartjs/chart.umd.min.js.map"].endswith(".map")
    assert (static / (manifest["thidua/app.js"] + ".gz")).exists()
    assert (static / manifest["thidua/app.js"]).read_bytes() == (
        static / "thidua/app.js"
    ).read_bytes()
