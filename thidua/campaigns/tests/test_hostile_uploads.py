"""Issue 11: hostile plan uploads (service and API) get a clear Vietnamese refusal and write
nothing: executables renamed .pdf/.docx, zip bombs dressed as DOCX, files over the setting."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from thidua.campaigns import services
from thidua.campaigns.models import Submission
from thidua.campaigns.tests.conftest import ON_TIME, PDF_BYTES, assignment_of, docx_bytes
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.core.tests.hostile import ELF_EXE, MZ_EXE, docx_bomb, looks_vietnamese

pytestmark = pytest.mark.django_db

HOSTILE = [
    ("ke-hoach.pdf", MZ_EXE, "campaigns.file_type"),
    ("ke-hoach.docx", MZ_EXE, "campaigns.file_type"),
    ("ke-hoach.docx", ELF_EXE, "campaigns.file_type"),
    ("ke-hoach.docx", docx_bomb(), "campaigns.file_type"),
    ("ke-hoach.pdf", b"", "campaigns.file_empty"),
]


def counts():
    return Submission.objects.count(), AuditEntry.objects.count()


@pytest.mark.parametrize(("name", "data", "code"), HOSTILE)
def test_a_hostile_plan_is_refused_and_writes_nothing(
    issued, world, commune_a_officer, name, data, code
):
    plan = assignment_of(issued, world.commune_a)
    before = counts()
    with pytest.raises(DomainError) as refused:
        services.submit_plan(
            plan, by=commune_a_officer, upload=SimpleUploadedFile(name, data), now=ON_TIME
        )
    assert refused.value.code == code
    assert looks_vietnamese(refused.value.message)
    assert counts() == before


def test_the_size_limit_is_the_setting(issued, world, commune_a_officer, settings):
    plan = assignment_of(issued, world.commune_a)
    settings.CAMPAIGNS_UPLOAD_MAX_BYTES = len(PDF_BYTES) - 1
    with pytest.raises(DomainError) as refused:
        services.submit_plan(
            plan,
            by=commune_a_officer,
            upload=SimpleUploadedFile("kh.pdf", PDF_BYTES),
            now=ON_TIME,
        )
    assert refused.value.code == "campaigns.file_too_large"
    assert Submission.objects.count() == 0


def test_the_zip_limits_are_the_setting(issued, world, commune_a_officer, settings):
    """A real DOCX passes the defaults and is refused once the setting says it inflates too
    much: the limit is data, not a constant."""
    plan = assignment_of(issued, world.commune_a)
    settings.UPLOAD_ZIP_LIMITS = {"max_uncompressed_bytes": 10}
    with pytest.raises(DomainError):
        services.submit_plan(
            plan,
            by=commune_a_officer,
            upload=SimpleUploadedFile("kh.docx", docx_bytes()),
            now=ON_TIME,
        )
    settings.UPLOAD_ZIP_LIMITS = {}
    services.submit_plan(
        plan, by=commune_a_officer, upload=SimpleUploadedFile("kh.docx", docx_bytes()), now=ON_TIME
    )
    assert Submission.objects.count() == 1


def test_the_api_answers_a_renamed_executable_with_a_vietnamese_400(
    issued, world, commune_a_officer, time_machine
):
    time_machine.move_to(ON_TIME)
    plan = assignment_of(issued, world.commune_a)
    client = APIClient()
    client.force_authenticate(commune_a_officer)
    response = client.post(
        f"/api/v1/assignments/{plan.pk}/submissions/",
        {"file": SimpleUploadedFile("ke-hoach.pdf", MZ_EXE)},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "campaigns.file_type"
    assert looks_vietnamese(response.json()["detail"])
    assert Submission.objects.count() == 0


def test_a_deadline_in_year_204_is_refused(campaign, district_officer):
    """schemathesis sent it: stored, it came back with a 1906 local-mean-time offset."""
    import datetime as dt

    from thidua.campaigns.models import Campaign

    before = Campaign.objects.values_list("plan_deadline", flat=True).get(pk=campaign.pk)
    client = APIClient()
    client.force_authenticate(district_officer)
    for values in ({"plan_deadline": "0204-05-06"}, {"review_period_start": 40000}):
        response = client.patch(f"/api/v1/campaigns/{campaign.pk}/", values, format="json")
        assert response.status_code == 400, values
        assert response.json()["code"] == "campaigns.bad_year"
        assert looks_vietnamese(response.json()["detail"])
    after = Campaign.objects.values_list("plan_deadline", flat=True).get(pk=campaign.pk)
    assert after == before and after.year > dt.date.min.year
