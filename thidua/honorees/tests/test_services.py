"""Services: happy paths, each refusal (code, nothing written), and the audit entries."""

import io
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from thidua.awards.models import AwardForm
from thidua.core.errors import DomainError
from thidua.core.models import AuditEntry
from thidua.honorees import services
from thidua.honorees.models import (
    Honoree,
    Movement,
    Photo,
    Recognition,
    StageChange,
    StageTransition,
    Story,
)
from thidua.honorees.tests.factories import make_honoree, recognize

pytestmark = pytest.mark.django_db


def test_create_honoree_normalises_folds_and_audits_without_personal_data(world, district_officer):
    nfd_name = unicodedata.normalize("NFD", "  Nguyễn   Thị Hoa ")
    honoree = services.create_honoree(
        by=district_officer,
        unit=world.commune_a,
        kind="individual",
        name=nfd_name,
        gender="female",
        birth_year=1985,
        national_id="001185000123",
    )
    assert honoree.name == "Nguyễn Thị Hoa"
    assert honoree.search_name == "nguyen thi hoa"
    entry = AuditEntry.objects.get(action="honorees.honoree.created")
    assert (entry.unit, entry.actor, entry.data) == (
        world.commune_a,
        district_officer,
        {"kind": "individual"},
    )
    assert "001185000123" not in str(entry.data) + entry.object_repr


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"kind": "robot"}, "honorees.bad_kind"),
        ({"name": "   "}, "honorees.name_required"),
        ({"birth_year": 1850}, "honorees.birth_year_out_of_range"),
        ({"gender": "x"}, "honorees.bad_gender"),
        ({"national_id": "12AB"}, "honorees.bad_national_id"),
        ({"collective_size": 12}, "honorees.size_for_individual"),
        (
            {"kind": "collective", "gender": "", "birth_year": 1990},
            "honorees.personal_fields_for_collective",
        ),
        (
            {"kind": "collective", "gender": "", "birth_year": None, "collective_size": 0},
            "honorees.bad_size",
        ),
    ],
)
def test_create_honoree_refusals_write_nothing(world, values, code):
    kwargs = {"kind": "individual", "name": "Lê Văn Tám", "gender": "male", "birth_year": 1980}
    kwargs.update(values)
    with pytest.raises(DomainError) as error:
        services.create_honoree(by=None, unit=world.commune_a, **kwargs)
    assert error.value.code == code
    assert Honoree.objects.count() == 0
    assert not AuditEntry.objects.filter(action__startswith="honorees.").exists()


def test_duplicates_by_national_id_and_by_name_birth_year_unit(world):
    make_honoree(world.commune_a, "Lê Văn Tám", birth_year=1980, national_id="001080000001")
    with pytest.raises(DomainError) as error:
        make_honoree(world.commune_b, "Người Khác", national_id="001080000001")
    assert error.value.code == "honorees.duplicate_national_id"
    nfd = unicodedata.normalize("NFD", "LÊ VĂN TÁM")
    with pytest.raises(DomainError) as error:
        make_honoree(world.commune_a, nfd, birth_year=1980)
    assert error.value.code == "honorees.duplicate_name"
    # Same name, other birth year or other unit: another person.
    make_honoree(world.commune_a, "Lê Văn Tám", birth_year=1981)
    make_honoree(world.commune_b, "Lê Văn Tám", birth_year=1980)
    assert Honoree.objects.filter(search_name="le van tam").count() == 3


def test_update_honoree_records_changed_field_names_only(world):
    honoree = make_honoree(world.commune_a, "Lê Thị Bốn")
    services.update_honoree(honoree, by=None, national_id="001185000999", position="Y sĩ")
    honoree.refresh_from_db()
    assert (honoree.position, honoree.national_id) == ("Y sĩ", "001185000999")
    entry = AuditEntry.objects.get(action="honorees.honoree.updated")
    assert entry.data == {"fields": ["national_id", "position"]}


def test_add_recognition_and_its_refusals(world):
    person = make_honoree(world.commune_a)
    group = make_honoree(world.commune_a, "Tổ sản xuất số 1", kind="collective", collective_size=8)
    cstdcs = AwardForm.objects.get(code="cstdcs")
    services.add_recognition(
        person, by=None, award_form=cstdcs, year=2023, decision_number="12/QĐ-UBND"
    )
    assert list(person.recognitions.values_list("award_form__code", "year")) == [("cstdcs", 2023)]
    cases = [
        (group, cstdcs, 2023, {}, "honorees.form_subject_mismatch"),
        (person, cstdcs, 2023, {}, "honorees.duplicate_recognition"),
        (person, cstdcs, 1900, {}, "honorees.bad_year"),
        (
            person,
            cstdcs,
            2022,
            {"decision_date": __import__("datetime").date(2021, 12, 1)},
            "honorees.decision_before_year",
        ),
    ]
    for honoree, form, year, extra, code in cases:
        with pytest.raises(DomainError) as error:
            services.add_recognition(honoree, by=None, award_form=form, year=year, **extra)
        assert error.value.code == code
    assert Recognition.objects.count() == 1
    services.add_recognition(
        group, by=None, award_form=AwardForm.objects.get(code="giay-khen"), year=2024
    )
    assert AuditEntry.objects.filter(action="honorees.recognition.added").count() == 2


def test_stage_moves_follow_the_transition_table(world, district_officer):
    honoree = make_honoree(world.commune_a)
    with pytest.raises(DomainError) as error:
        services.move_stage(honoree, by=district_officer, to_stage="replicated")
    assert error.value.code == "honorees.transition_not_allowed"
    services.move_stage(honoree, by=district_officer, to_stage="fostered", note="Bồi dưỡng")
    honoree.refresh_from_db()
    assert (honoree.stage, honoree.stage_changed_by) == ("fostered", district_officer)
    with pytest.raises(DomainError) as error:
        services.move_stage(honoree, by=district_officer, to_stage="fostered")
    assert error.value.code == "honorees.stage_unchanged"
    # The table is data: an administrator allows going back.
    StageTransition.objects.create(from_stage="fostered", to_stage="discovered")
    services.move_stage(honoree, by=district_officer, to_stage="discovered")
    assert list(StageChange.objects.order_by("id").values_list("from_stage", "to_stage")) == [
        ("discovered", "fostered"),
        ("fostered", "discovered"),
    ]
    assert AuditEntry.objects.filter(action="honorees.honoree.stage_moved").count() == 2


def test_story_needs_consent_and_goes_draft_published_withdrawn(world, district_officer):
    honoree = make_honoree(world.commune_a)
    story = services.save_story(honoree, by=district_officer, title="Gương sáng", body="Nội dung")
    with pytest.raises(DomainError) as error:
        services.publish_story(story, by=district_officer)
    assert error.value.code == "honorees.no_consent"
    services.set_publication_consent(honoree, by=district_officer, consent=True)
    story = services.publish_story(story, by=district_officer)
    assert (story.status, story.published_by) == ("published", district_officer)
    with pytest.raises(DomainError) as error:
        services.publish_story(story, by=district_officer)
    assert error.value.code == "honorees.story_not_publishable"
    # Rewriting a published story sends it back for approval.
    story = services.save_story(honoree, by=district_officer, title="Gương sáng", body="Sửa")
    assert story.status == "draft"
    services.publish_story(story, by=district_officer)
    services.withdraw_story(story, by=district_officer, reason="Hết đợt")
    with pytest.raises(DomainError) as error:
        services.withdraw_story(story, by=district_officer)
    assert error.value.code == "honorees.story_not_published"
    actions = list(
        AuditEntry.objects.filter(action__startswith="honorees.story")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "honorees.story.written",
        "honorees.story.published",
        "honorees.story.written",
        "honorees.story.published",
        "honorees.story.withdrawn",
    ]


def test_withdrawing_consent_takes_the_story_down(world):
    honoree = make_honoree(world.commune_a)
    services.set_publication_consent(honoree, by=None, consent=True)
    story = services.publish_story(
        services.save_story(honoree, by=None, title="T", body="B"), by=None
    )
    services.set_publication_consent(honoree, by=None, consent=False)
    story.refresh_from_db()
    assert story.status == "withdrawn"
    assert AuditEntry.objects.get(
        action="honorees.honoree.consent_set", data__consent=False
    ).data == {
        "consent": False,
        "story_withdrawn": True,
    }


def _png(size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_photos_are_checked_for_type_and_size(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    honoree = make_honoree(world.commune_a)
    photo = services.add_photo(
        honoree, by=None, upload=SimpleUploadedFile("a.png", _png(), "image/png"), caption="Ảnh"
    )
    assert (photo.content_type, photo.file.name.endswith(".png")) == ("image/png", True)
    assert len(photo.token) >= 20
    fake = SimpleUploadedFile("x.jpg", b"<html>not an image</html>", "image/jpeg")
    with pytest.raises(DomainError) as error:
        services.add_photo(honoree, by=None, upload=fake)
    assert error.value.code == "honorees.photo_not_image"
    settings.HONOREE_PHOTO_MAX_BYTES = 10
    with pytest.raises(DomainError) as error:
        services.add_photo(
            honoree, by=None, upload=SimpleUploadedFile("a.png", _png(), "image/png")
        )
    assert error.value.code == "honorees.photo_too_large"
    settings.HONOREE_PHOTO_MAX_BYTES = 5 * 1024 * 1024
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "BMP")
    with pytest.raises(DomainError) as error:
        services.add_photo(honoree, by=None, upload=SimpleUploadedFile("a.bmp", buffer.getvalue()))
    assert error.value.code == "honorees.photo_bad_type"
    assert Photo.objects.count() == 1


def test_video_links_must_be_http(world):
    honoree = make_honoree(world.commune_a)
    services.add_video(honoree, by=None, url="https://video.example/abc", title="Phóng sự")
    for url in ("javascript:alert(1)", "ftp://x/y", "https://"):
        with pytest.raises(DomainError) as error:
            services.add_video(honoree, by=None, url=url)
        assert error.value.code == "honorees.bad_video_url"
    assert honoree.videos.count() == 1


def test_movements_launcher_must_match_the_unit_level(world):
    movement = services.create_movement(
        by=None, name="Phong trào xã Đông Hòa xanh", launched_by="commune", unit=world.commune_a
    )
    assert movement.slug == "phong-trao-xa-dong-hoa-xanh"
    assert movement.search_name == "phong trao xa dong hoa xanh"
    cases = [
        ({"launched_by": "district", "unit": world.commune_a}, "honorees.launcher_unit_mismatch"),
        (
            {"launched_by": "prime_minister", "unit": world.commune_a},
            "honorees.launcher_unit_mismatch",
        ),
        (
            {
                "launched_by": "commune",
                "unit": world.commune_a,
                "start_year": 2025,
                "end_year": 2021,
            },
            "honorees.bad_period",
        ),
    ]
    for kwargs, code in cases:
        with pytest.raises(DomainError) as error:
            services.create_movement(by=None, name="Phong trào", **kwargs)
        assert error.value.code == code
    again = services.create_movement(
        by=None, name="Phong trào xã Đông Hòa xanh", launched_by="commune", unit=world.commune_a
    )
    assert again.slug == "phong-trao-xa-dong-hoa-xanh-2"
    assert Movement.objects.filter(unit=world.commune_a).count() == 2


def test_set_movements_replaces_the_participations(world):
    honoree = make_honoree(world.commune_a)
    first, second, third = Movement.objects.order_by("id")[:3]
    services.set_movements(honoree, [first, second], by=None)
    services.set_movements(honoree, [second, third], by=None)
    assert set(honoree.movements.all()) == {second, third}
    services.set_movements(honoree, [second, third], by=None)  # no change, no entry
    assert AuditEntry.objects.filter(action="honorees.honoree.movements_set").count() == 2
    assert Story.objects.count() == 0
    recognize(honoree, "ldtt", 2023, 2024)
    assert honoree.recognitions.count() == 2
