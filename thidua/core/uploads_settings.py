"""Upload limits read from the settings (the rules are data): see config/settings.py."""

from __future__ import annotations

from django.conf import settings

from thidua.core.zipcheck import ZipLimits


def zip_limits() -> ZipLimits:
    return ZipLimits(**getattr(settings, "UPLOAD_ZIP_LIMITS", {}))
