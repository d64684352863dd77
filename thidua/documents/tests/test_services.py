"""Issuing: the number registry, versions, refusals that write nothing, concurrency."""

import dataclasses
import datetime as dt
import threading

import pytest
from django.db import connection

from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.documents import codec, services
from thidua.documents import spec as s
from thidua.documents.models import GeneratedDocument, Issuer, NumberSeries

pytestmark = pytest.mark.django_db


def short(type_code="TB", summary="Kết quả bình chọn", **changes):
    base = s.DocumentSpec(
        type_code=type_code,
        issuer=None,
        summary=(summary,),
        blocks=(s.Paragraph("Nội dung."),),
        signature=s.Signature("CHỦ TỊCH", "Lê Văn An", (s.Authority("TM", "ỦY BAN NHÂN DÂN"),)),
        recipients=("Như trên;", "Lưu: VT."),
    )
    return dataclasses.replace(base, **changes)


@pytest.fixture
def committee(world):
    return services.create_issuer(
        by=None,
        unit=world.commune_a,
        abbreviation="UBND",
        name_lines=["ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"],
        place="Đông Hòa",
        full_name="Ủy ban nhân dân xã Đông Hòa",
    )


@pytest.fixture
def council(world):
    return services.create_issuer(
        by=None,
        unit=world.commune_a,
        abbreviation="HĐTĐKT",
        name_lines=["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"],
        superior_lines=["UBND XÃ ĐÔNG HÒA"],
        place="Đông Hòa",
    )


def state():
    return (
        GeneratedDocument.objects.count(),
        list(NumberSeries.objects.values_list("issuer_id", "type_code", "year", "last_serial")),
        AuditEntry.objects.count(),
    )


def test_serials_run_per_issuer_per_type_per_year_and_restart_on_1_january(
    committee, council, commune_a_officer
):
    def issue(issuer, type_code, day):
        return services.issue_document(
            by=commune_a_officer, issuer=issuer, spec=short(type_code), date=day
        ).symbol

    assert issue(committee, "TB", dt.date(2024, 3, 1)) == "01/TB-UBND"
    assert issue(committee, "TB", dt.date(2024, 3, 2)) == "02/TB-UBND"
    assert issue(committee, "KH", dt.date(2024, 3, 2)) == "01/KH-UBND"  # its own series
    assert issue(council, "TB", dt.date(2024, 3, 2)) == "01/TB-HĐTĐKT"  # the council's series
    assert issue(committee, "TB", dt.date(2024, 12, 31)) == "03/TB-UBND"
    assert issue(committee, "TB", dt.date(2025, 1, 1)) == "01/TB-UBND"  # a new year
    assert issue(council, "TB", dt.date(2024, 12, 30)) == "02/TB-HĐTĐKT"
    rows = sorted(
        NumberSeries.objects.values_list("issuer__abbreviation", "type_code", "year", "last_serial")
    )
    assert rows == [
        ("HĐTĐKT", "TB", 2024, 2),
        ("UBND", "KH", 2024, 1),
        ("UBND", "TB", 2024, 3),
        ("UBND", "TB", 2025, 1),
    ]


def test_issuer_with_one_series_for_all_types(world):
    office = services.create_issuer(
        by=None,
        unit=world.commune_b,
        abbreviation="UBND",
        name_lines=["ỦY BAN NHÂN DÂN", "XÃ TÂY SƠN"],
        place="Tây Sơn",
        numbering_per_type=False,
    )
    symbols = [
        services.issue_document(
            by=None, issuer=office, spec=short(code), date=dt.date(2025, 4, 1)
        ).symbol
        for code in ("TB", "KH", "TB")
    ]
    assert symbols == ["01/TB-UBND", "02/KH-UBND", "03/TB-UBND"]


def test_issue_stores_files_checksum_and_audit(committee, commune_a_officer):
    document = services.issue_document(
        by=commune_a_officer, issuer=committee, spec=short(), date=dt.date(2025, 2, 5)
    )
    document.refresh_from_db()
    pdf = document.pdf.read()
    assert pdf.startswith(b"%PDF") and document.docx.read()[:2] == b"PK"
    assert document.checksum == services.sha256(pdf) and document.pages == 1
    assert (document.version, document.year, document.serial, document.kind) == (1, 2025, 1, "TB")
    assert document.unit == committee.unit and document.issued_by == commune_a_officer
    stored = codec.spec_from_data(document.spec)
    assert stored.number == s.DocumentNumber(1, 2025) and stored.date == dt.date(2025, 2, 5)
    assert stored.issuer == committee.body()
    entry = AuditEntry.objects.get(action="documents.document.issued")
    assert (entry.object_id, entry.unit, entry.actor) == (
        str(document.pk),
        committee.unit,
        commune_a_officer,
    )
    assert entry.data == {"symbol": "01/TB-UBND", "year": 2025, "checksum": document.checksum}


def test_issue_records_its_source_object(committee, world):
    document = services.issue_document(
        by=None, issuer=committee, spec=short(), date=dt.date(2025, 2, 5), source=world.commune_a
    )
    assert document.source == world.commune_a


def test_reissue_is_a_new_version_under_the_same_number(committee, commune_a_officer):
    first = services.issue_document(
        by=commune_a_officer, issuer=committee, spec=short(), date=dt.date(2025, 2, 5)
    )
    first_bytes = first.pdf.read()
    corrected = short(summary="Kết quả bình chọn (đính chính)")
    second = services.reissue_document(
        by=commune_a_officer, document=first, spec=corrected, note="Sửa trích yếu"
    )
    assert (second.lineage, second.version, second.symbol) == (first.lineage, 2, "01/TB-UBND")
    assert second.checksum != first.checksum
    first.refresh_from_db()
    assert first.pdf.read() == first_bytes and first.version == 1  # untouched
    assert second.title == "Kết quả bình chọn (đính chính)"
    actions = list(
        AuditEntry.objects.filter(action__startswith="documents.document").values_list(
            "action", "object_id"
        )
    )
    assert sorted(actions) == sorted(
        [
            ("documents.document.issued", str(first.pk)),
            ("documents.document.reissued", str(second.pk)),
        ]
    )
    with pytest.raises(DomainError) as caught:
        services.reissue_document(by=None, document=first)
    assert caught.value.code == "documents.not_latest"


def test_issued_documents_are_never_changed_or_deleted(committee):
    document = services.issue_document(
        by=None, issuer=committee, spec=short(), date=dt.date(2025, 2, 5)
    )
    with pytest.raises(PermissionError):
        document.save()
    with pytest.raises(PermissionError):
        GeneratedDocument.objects.filter(pk=document.pk).update(title="x")
    with pytest.raises(PermissionError):
        document.delete()


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"spec": short("DS")}, "documents.unknown_type"),
        ({"spec": short(summary=" ")}, "documents.summary_missing"),
        (
            {"spec": short(number=s.DocumentNumber(4, 2024)), "date": dt.date(2025, 1, 3)},
            "documents.date_outside_year",
        ),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(committee, kwargs, code):
    before = state()
    with pytest.raises(DomainError) as caught:
        services.issue_document(by=None, issuer=committee, **kwargs)
    assert caught.value.code == code
    assert state() == before


def test_missing_or_inactive_issuer_is_refused(committee):
    with pytest.raises(DomainError) as caught:
        services.issue_document(by=None, issuer=None, spec=short())
    assert caught.value.code == "documents.issuer_missing"
    assert "cơ quan ban hành" in caught.value.message
    Issuer.objects.filter(pk=committee.pk).update(is_active=False)
    committee.refresh_from_db()
    before = state()
    with pytest.raises(DomainError) as caught:
        services.issue_document(by=None, issuer=committee, spec=short())
    assert caught.value.code == "documents.issuer_inactive" and state() == before


def test_reissue_refuses_a_date_outside_the_year_of_its_number(committee):
    document = services.issue_document(
        by=None, issuer=committee, spec=short(), date=dt.date(2024, 12, 30)
    )
    before = state()
    with pytest.raises(DomainError) as caught:
        services.reissue_document(by=None, document=document, date=dt.date(2025, 1, 2))
    assert caught.value.code == "documents.date_outside_year"
    assert "năm 2024" in caught.value.message
    assert state() == before


def test_series_start_continues_after_paper_numbers_and_never_goes_back(committee):
    services.set_series_start(by=None, issuer=committee, type_code="KH", year=2024, last_serial=14)
    document = services.issue_document(
        by=None, issuer=committee, spec=short("KH"), date=dt.date(2024, 10, 28)
    )
    assert document.symbol == "15/KH-UBND"
    with pytest.raises(DomainError) as caught:
        services.set_series_start(
            by=None, issuer=committee, type_code="KH", year=2024, last_serial=3
        )
    assert caught.value.code == "documents.series_backwards"
    assert AuditEntry.objects.filter(action="documents.series.started").count() == 1


def test_create_issuer_refusals(world, committee):
    with pytest.raises(DomainError) as caught:
        services.create_issuer(
            by=None, unit=world.commune_a, abbreviation="UBND", name_lines=["X"], place="Y"
        )
    assert caught.value.code == "documents.issuer_exists"
    with pytest.raises(DomainError) as caught:
        services.create_issuer(
            by=None, unit=world.commune_a, abbreviation="", name_lines=["X"], place="Y"
        )
    assert caught.value.code == "documents.issuer_incomplete"


@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_never_share_a_number(postgres_only, world):
    """Eight threads issue at once in one series: eight different serials, 1..8."""
    issuer = services.create_issuer(
        by=None,
        unit=world.commune_a,
        abbreviation="UBND",
        name_lines=["ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"],
        place="Đông Hòa",
    )
    barrier = threading.Barrier(8)
    serials, errors = [], []

    def work():
        try:
            barrier.wait()
            document = services.issue_document(
                by=None, issuer=issuer, spec=short(), date=dt.date(2025, 6, 1)
            )
            serials.append(document.serial)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(serials) == list(range(1, 9))
    assert NumberSeries.objects.get(issuer=issuer, type_code="TB", year=2025).last_serial == 8
    assert sorted(
        GeneratedDocument.objects.filter(issuer=issuer).values_list("serial", flat=True)
    ) == list(range(1, 9))
