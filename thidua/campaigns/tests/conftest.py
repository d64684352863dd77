"""Fixtures of the campaign tests: the persona world of the root conftest, a campaign copied
from the seed's preset and issued by district D to communes A and B, and upload helpers."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(*args: int) -> dt.datetime:
    """An instant in Vietnam's time: vn(2024, 12, 15, 23, 59)."""
    return dt.datetime(*args, tzinfo=VN)


ISSUED_AT = vn(2024, 11, 20, 9, 0)
ON_TIME = vn(2024, 12, 10, 10, 0)
LATE = vn(2024, 12, 18, 10, 0)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes(extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return buffer.getvalue()


def pdf_upload(name: str = "ke-hoach.pdf", data: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def preset(db):
    from thidua.campaigns.models import CampaignPreset
    from thidua.campaigns.services.presets import restore_presets

    restore_presets()  # a transactional test's flush removes the data migration's rows
    return CampaignPreset.objects.get(code="kim-bang-2024")


@pytest.fixture
def campaign(world, district_officer, preset):
    from thidua.campaigns import services

    return services.create_campaign(preset=preset, issuer=world.district, by=district_officer)


@pytest.fixture
def issued(campaign, district_officer):
    from thidua.campaigns import services

    services.issue_campaign(campaign, by=district_officer, now=ISSUED_AT)
    campaign.refresh_from_db()
    return campaign


def assignment_of(campaign, unit, kind="submit_plan"):
    from thidua.campaigns.models import Assignment

    return Assignment.objects.get(campaign=campaign, unit=unit, kind=kind)
