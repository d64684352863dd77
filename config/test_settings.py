"""Settings for the test suite: the real settings, with fast hashing and tasks run inline."""

import os

os.environ.setdefault("THIDUA_TESTING", "1")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; prod: Argon2
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# The token endpoint's per-address throttle would trip across a whole test session on 127.0.0.1;
# the throttle itself is tested with its own rate (override_settings).
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"token": "10000/min"}}  # noqa: F405
