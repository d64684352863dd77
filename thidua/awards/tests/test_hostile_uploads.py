"""Issue 11: hostile evidence files get a clear Vietnamese refusal and write nothing."""

import pytest

from thidua.awards import services
from thidua.awards.models import Evidence
from thidua.awards.tests.conftest import form
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.core.tests.hostile import (
    ELF_EXE,
    MZ_EXE,
    docx_bomb,
    looks_vietnamese,
    office_zip,
    xlsx_bomb,
)

HOSTILE = [
    ("bang-diem.xlsx", MZ_EXE, "awards.evidence_type"),
    ("bao-cao.docx", ELF_EXE, "awards.evidence_type"),
    ("anh.jpg", MZ_EXE, "awards.evidence_type"),
    ("bao-cao.docx", docx_bomb(), "awards.evidence_type"),
    ("bang-diem.xlsx", xlsx_bomb(), "awards.evidence_type"),
    ("chuong-trinh.exe", MZ_EXE, "awards.evidence_type"),
    ("bao-cao.pdf", b"", "awards.evidence_empty"),
]


@pytest.fixture
def item(awards_world):
    w = awards_world
    proposal = services.create_proposal(
        by=w.organizer_a,
        unit=w.world.commune_a,
        title="Đề nghị",
        period_start=2020,
        period_end=2025,
    )
    return services.add_candidate(
        proposal,
        by=w.organizer_a,
        honoree=w.honorees["lan"],
        award_form=form("giay-khen"),
        achievement="x",
    )


@pytest.mark.parametrize(("name", "data", "code"), HOSTILE)
def test_hostile_evidence_is_refused_and_writes_nothing(awards_world, item, name, data, code):
    before = Evidence.objects.count(), AuditEntry.objects.count()
    with pytest.raises(DomainError) as refused:
        services.attach_evidence(item, by=awards_world.front_a, name=name, data=data)
    assert refused.value.code == code
    assert looks_vietnamese(refused.value.message)
    assert (Evidence.objects.count(), AuditEntry.objects.count()) == before


def test_a_plain_office_file_still_passes(awards_world, item):
    data = office_zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>"})
    evidence = services.attach_evidence(
        item, by=awards_world.front_a, name="bang-diem.xlsx", data=data
    )
    assert evidence.size == len(data)
