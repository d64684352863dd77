"""Issue 11: hostile imports and photos (renamed executables, bombs) are refused with a
Vietnamese message and write nothing; NFC and NFD spellings of one name are one name in the
registry, in search and in duplicate detection."""

import io
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.core.tests.hostile import ELF_EXE, MZ_EXE, looks_vietnamese, xlsx_bomb
from thidua.honorees import selectors, services
from thidua.honorees.excel.importer import import_honorees
from thidua.honorees.models import Honoree, Photo
from thidua.honorees.tests.factories import good_row, make_honoree, workbook_bytes
from thidua.units import access

pytestmark = pytest.mark.django_db


def run_import(content, user, name="ds.xlsx"):
    return import_honorees(
        io.BytesIO(content),
        size=len(content),
        file_name=name,
        by=user,
        scope=access.scope_for(user),
    )


@pytest.mark.parametrize(
    ("content", "code"),
    [(MZ_EXE, "import.not_xlsx"), (ELF_EXE, "import.not_xlsx"), (xlsx_bomb(), "import.zip_bomb")],
)
def test_renamed_executables_and_bombs_are_not_imported(world, commune_a_officer, content, code):
    before = Honoree.objects.count(), AuditEntry.objects.count()
    with pytest.raises(DomainError) as refused:
        run_import(content, commune_a_officer)
    assert refused.value.code == code
    assert looks_vietnamese(refused.value.message)
    assert (Honoree.objects.count(), AuditEntry.objects.count()) == before


@pytest.mark.parametrize("content", [MZ_EXE, ELF_EXE])
def test_a_renamed_executable_is_not_a_photo(world, settings, tmp_path, content):
    settings.MEDIA_ROOT = tmp_path
    honoree = make_honoree(world.commune_a)
    before = Photo.objects.count(), AuditEntry.objects.count()
    with pytest.raises(DomainError) as refused:
        services.add_photo(honoree, by=None, upload=SimpleUploadedFile("anh.jpg", content))
    assert refused.value.code == "honorees.photo_not_image"
    assert looks_vietnamese(refused.value.message)
    assert (Photo.objects.count(), AuditEntry.objects.count()) == before


def test_nfc_and_nfd_spellings_are_one_name(world, commune_a_officer):
    nfc = unicodedata.normalize("NFC", "Nguyễn Thị Thủy")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    result = run_import(workbook_bytes([good_row("A1", nfd, birth_year=1980)]), commune_a_officer)
    assert result.ok, result.problems
    stored = Honoree.objects.get()
    assert stored.name == nfc  # normalised at the boundary
    scope = access.scope_for(commune_a_officer)
    for query in (nfc, nfd, "nguyen thi thuy"):
        found = selectors.search_honorees(scope, selectors.HonoreeFilters(q=query))
        assert [h.pk for h in found] == [stored.pk], query
    # the same person again, in the other spelling: a duplicate, nothing written
    again = run_import(workbook_bytes([good_row("A1", nfc, birth_year=1980)]), commune_a_officer)
    assert not again.ok
    assert Honoree.objects.count() == 1
