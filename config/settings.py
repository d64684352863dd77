"""Settings, all from the environment (see .env.example).

DEBUG defaults to off. With DEBUG off there is no default SECRET_KEY, and the security settings
that `manage.py check --deploy` asks for are on. `make run` sets DEBUG=1 for the local demo.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("THIDUA_TESTING", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG or TESTING:
        # Only for a local demo or the test suite; never reached in production (DEBUG off).
        SECRET_KEY = "insecure-local-only-" + "x" * 40
    else:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "var"))
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks_db",
    "thidua.core",
    "thidua.accounts",
    "thidua.units",
    "thidua.awards",
    "thidua.honorees",
    "thidua.api",
    "thidua.demo",
    "thidua.documents",
    "thidua.notifications",
    "thidua.campaigns",
    "thidua.operations",
    "thidua.conferences",
    "thidua.elections",
    "thidua.dashboards",
    "thidua.proceedings",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "thidua.core.middleware.LanguageMiddleware",
    "thidua.core.middleware.NulByteMiddleware",  # NUL in a query string: 400, not a 500
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "thidua.core.middleware.RequestContextMiddleware",
    "thidua.core.middleware.SessionIdleTimeoutMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "thidua.units.context_processors.active_unit",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------------------------
DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'thidua.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the task worker writes; IMMEDIATE avoids
    # "database is locked" on write-after-read transactions (stack-notes.md).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# Optional read replica (a PostgreSQL hot standby): only reads that opt in go there
# (thidua/operations/replica.py: `with read_replica():`, `@replica_view`); every write, every
# read inside a transaction, and sessions, accounts, memberships, tasks and the cache always use
# the primary. The router is always installed; without the URL it sends everything to default.
DATABASE_REPLICA_ALIAS: str | None = None
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASE_REPLICA_ALIAS = "replica"
    DATABASES[DATABASE_REPLICA_ALIAS] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
    DATABASES[DATABASE_REPLICA_ALIAS]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["thidua.operations.replica.ReplicaRouter"]
# Models (app label, or app_label.model) never read from the replica: a replica lags behind the
# primary, and these must be current (a login just made, a membership just revoked, a task just
# claimed, a throttle count).
DATABASE_REPLICA_PRIMARY_ONLY = [
    "sessions",
    "accounts",
    "auth",
    "admin",
    "django_tasks_database",  # django-tasks-db's app label
    "django_cache",
    "units.membership",
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: shared by every process ------------------------------------------------------------
# DRF's throttle on the token endpoint counts requests in the cache. Django's default cache is
# per process (LocMemCache): with several gunicorn workers on several machines each would keep
# its own count and the limit would multiply by the number of processes. The database cache
# (table thidua_cache, created by `migrate` through a post_migrate hook) is shared by all of them
# without another server. CACHE_BACKEND=locmem is for a single process only.
CACHE_BACKEND = os.environ.get("CACHE_BACKEND", "database")
if CACHE_BACKEND == "database":
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "thidua_cache",
        }
    }
elif CACHE_BACKEND == "locmem":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    raise ImproperlyConfigured("CACHE_BACKEND must be 'database' or 'locmem'.")

# --- Accounts ----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Django's rules with Vietnamese messages (thidua/accounts/password_validation.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "thidua.accounts.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "thidua.accounts.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 10)},
    },
    {"NAME": "thidua.accounts.password_validation.CommonPasswordValidator"},
    {"NAME": "thidua.accounts.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"
# Lock-out after repeated failed logins (per username, and per client address).
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_LIMIT_PER_IP = env_int("LOGIN_FAILURE_LIMIT_PER_IP", 30)
LOGIN_LOCKOUT_MINUTES = env_int("LOGIN_LOCKOUT_MINUTES", 15)
API_TOKEN_TTL_DAYS = env_int("API_TOKEN_TTL_DAYS", 30)

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Signed out after this many seconds without a request (thidua/core/middleware.py); 0: never.
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_TLS = env_bool("SECURE_TLS", not DEBUG and not TESTING)
SESSION_COOKIE_SECURE = SECURE_TLS
CSRF_COOKIE_SECURE = SECURE_TLS
SECURE_SSL_REDIRECT = SECURE_TLS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if SECURE_TLS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_TLS
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", SECURE_TLS)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

# Content security policy: no inline scripts or styles anywhere; everything is a static file.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF, "blob:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# --- Internationalisation ------------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS: list[Path] = []  # each app keeps its own catalogue in <app>/locale
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SECURE = SECURE_TLS
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media ----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Uploaded and generated files go through Django's storage API only (never a path on disk), so
# they can live in a directory shared by the app servers and workers (MEDIA_ROOT, e.g. an NFS
# mount) or in an S3-compatible object store (STORAGE_BACKEND=s3, django-storages).
STORAGE_BACKEND = os.environ.get("STORAGE_BACKEND", "filesystem")
if STORAGE_BACKEND == "filesystem":
    DEFAULT_STORAGE: dict[str, object] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif STORAGE_BACKEND == "s3":
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
            "location": os.environ.get("S3_PREFIX", ""),
            "default_acl": "private",
            "querystring_auth": True,
            # Same behaviour as the file system: saving under a taken name picks a new name.
            "file_overwrite": False,
        },
    }
else:
    raise ImproperlyConfigured("STORAGE_BACKEND must be 'filesystem' or 's3'.")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING  # serve straight from the app folders in dev and tests
# Source maps are read by developer tools only: not worth compressing (brotli at its best level
# took most of collectstatic's minute on the vendored maps).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    *("jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br"),
    *("swf", "flv", "woff", "woff2", "3gp", "3gpp", "asf", "avi", "m4v", "mov", "mp4"),
    *("mpeg", "mpg", "webm", "wmv", "map"),
]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Largest plan (PDF/DOCX) a unit may upload to a campaign.
CAMPAIGNS_UPLOAD_MAX_BYTES = env_int("CAMPAIGNS_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
# Years a campaign's periods, deadline and signing date may take (input sanity, issue 11).
CAMPAIGNS_YEAR_RANGE = (1945, 2100)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Office uploads (docx, xlsx) are zip archives: refused before parsing or storing when they
# would inflate beyond these (zip bombs; thidua/core/zipcheck.py has the defaults).
UPLOAD_ZIP_LIMITS = {
    "max_uncompressed_bytes": env_int("UPLOAD_ZIP_MAX_UNCOMPRESSED_BYTES", 150 * 1024 * 1024),
    "max_ratio": env_int("UPLOAD_ZIP_MAX_RATIO", 200),
}

# --- Background tasks (django.tasks with the database backend) ----------------------------------
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Backups (`manage.py backup` / `restore`): the folder of pg_dump and pg_restore when they are
# not on the PATH (they must be of the server's major version or newer).
PG_BIN_DIR = os.environ.get("PG_BIN_DIR", "")

# Official documents: a batch whose worker has been silent this long is shown as interrupted
# and can be resumed; batches are rendered this many documents per chunk (one WeasyPrint run).
DOCUMENTS_BATCH_STALE_SECONDS = env_int("DOCUMENTS_BATCH_STALE_SECONDS", 300)
DOCUMENTS_BATCH_CHUNK_SIZE = env_int("DOCUMENTS_BATCH_CHUNK_SIZE", 100)

# --- E-mail (Django 6.1 MAILERS) ---------------------------------------------------------------
# Local demo: messages are written as files under var/mail. Production: SMTP from the environment.
if os.environ.get("EMAIL_HOST") or not DEBUG:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": env_int("EMAIL_PORT", 25),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
            },
        }
    }
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(DATA_DIR / "mail")},
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ThiĐua <no-reply@thidua.local>")

# --- API ------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "thidua.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "thidua.api.pagination.StandardPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "thidua.api.exceptions.exception_handler",
    # Counted in the shared cache (see CACHES), so the limit holds across all app servers.
    "DEFAULT_THROTTLE_RATES": {"token": os.environ.get("API_TOKEN_THROTTLE_RATE", "20/min")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ThiĐua API",
    "DESCRIPTION": "API của hệ thống ThiĐua (thi đua – khen thưởng, Hội nghị điển hình tiên tiến).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "thidua.api.schema.local_times",  # "07:30:00" is not JSON Schema's "time" (issue 11)
    ],
    # Two apps have a "kind" choice field: name each enum after its own vocabulary.
    # Several models have a "kind" or a "status": name each vocabulary once in the schema.
    "ENUM_NAME_OVERRIDES": {
        "UnitKindEnum": "thidua.units.enums.UnitKind",
        "HonoreeKindEnum": "thidua.honorees.enums.HonoreeKind",
        "AssignmentKindEnum": "thidua.campaigns.enums.AssignmentKind",
        "CampaignStatusEnum": "thidua.campaigns.enums.CampaignStatus",
        "SubmissionStatusEnum": "thidua.campaigns.enums.SubmissionStatus",
        "FeedbackStatusEnum": "thidua.campaigns.enums.FeedbackStatus",
        "DeadlineModeEnum": "thidua.campaigns.enums.DeadlineMode",
        "AtThresholdEnum": "thidua.campaigns.enums.AtThreshold",
        "ConferenceFormatEnum": "thidua.conferences.enums.ConferenceFormat",
        "DelegateCategoryEnum": "thidua.conferences.enums.DelegateCategory",
        "ManualCategoryEnum": "thidua.conferences.enums.MANUAL_CATEGORY_CHOICES",
        "PoolSourceEnum": "thidua.conferences.enums.PoolSource",
        "UnitSourceEnum": "thidua.units.enums.UnitSource",
        "AwardLevelEnum": "thidua.awards.enums.AwardLevel",
        "UnitLevelEnum": "thidua.units.enums.UnitLevel",
    },
}

# --- Logging: personal data never goes to logs (see docs/security.md) ---------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # National ID numbers are masked in every record (thidua/core/logging.py).
    "filters": {"personal_data": {"()": "thidua.core.logging.MaskPersonalData"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},  # it logs every step of every PDF at INFO
        "fontTools": {"level": "WARNING"},
    },
}

# --- Awards (thidua/awards) ---------------------------------------------------------------------
# The council approves a candidate when the votes for are more than half of the members present
# (domain.md §5: the default; "strict": False means "at least").
AWARDS_COUNCIL_THRESHOLD = {"share": os.environ.get("AWARDS_COUNCIL_SHARE", "1/2"), "strict": True}
AWARDS_COUNCIL_ISSUER = "HĐTĐKT"  # the council's own document series (…/BB-HĐTĐKT)
AWARDS_EVIDENCE_MAX_BYTES = env_int("AWARDS_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
# Base salary (mức lương cơ sở, đồng/month) for the bonus line of decisions: Decree 73/2024.
AWARDS_BASE_SALARY = env_int("AWARDS_BASE_SALARY", 2_340_000)
# Social components counted as "workers and farmers" in the statistics (R10).
AWARDS_WORKER_FARMER_COMPONENTS = ["cong-nhan", "nong-dan"]
