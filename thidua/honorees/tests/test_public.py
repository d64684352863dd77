"""The public honor roll: nothing unpublished or without consent is reachable, also by
guessing ids or tokens; proper Open Graph tags; photos only on published stories."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from thidua.honorees import services
from thidua.honorees.models import Movement, Story
from thidua.honorees.tests.factories import make_honoree, publish

pytestmark = pytest.mark.django_db


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "PNG")
    return SimpleUploadedFile("p.png", buffer.getvalue(), "image/png")


@pytest.fixture
def stories(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    movement = Movement.objects.get(slug="ca-nuoc-chung-suc-xay-dung-nong-thon-moi")
    published = make_honoree(world.commune_a, "Nguyễn Văn Công Khai")
    services.set_movements(published, [movement], by=None)
    services.add_photo(published, by=None, upload=_png(), caption="Trên cánh đồng")
    publish(published, title="Người nông dân giỏi")
    draft = make_honoree(world.commune_a, "Trần Thị Bản Nháp")
    services.set_publication_consent(draft, by=None, consent=True)
    services.save_story(draft, by=None, title="Bản nháp chưa duyệt", body="...")
    services.add_photo(draft, by=None, upload=_png())
    services.set_movements(draft, [movement], by=None)
    withdrawn = make_honoree(world.commune_b, "Lê Văn Đã Gỡ")
    story = publish(withdrawn, title="Bài đã gỡ")
    services.withdraw_story(story, by=None)
    no_consent = make_honoree(world.commune_b, "Phạm Thị Rút Đồng Ý")
    publish(no_consent, title="Bài rút đồng ý")
    services.set_publication_consent(no_consent, by=None, consent=False)
    return {"published": published, "draft": draft, "withdrawn": withdrawn, "movement": movement}


def test_index_lists_only_the_published_story(client, stories):
    page = client.get(reverse("honorees:roll-index")).content.decode()
    assert "Người nông dân giỏi" in page
    for hidden in ("Bản nháp", "Bài đã gỡ", "Bài rút đồng ý", "Trần Thị Bản Nháp"):
        assert hidden not in page


def test_story_page_has_open_graph_tags_and_no_personal_data(client, stories):
    story = stories["published"].story
    page = client.get(reverse("honorees:story", args=[story.token])).content.decode()
    assert '<meta property="og:title" content="Người nông dân giỏi">' in page
    assert '<meta property="og:type" content="article">' in page
    assert 'property="og:image"' in page and 'property="og:url"' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "1985" not in page  # birth year is not published


def test_unpublished_stories_are_unreachable_also_by_guessing(client, stories):
    for key in ("draft", "withdrawn"):
        story = Story.objects.get(honoree=stories[key])
        assert client.get(reverse("honorees:story", args=[story.token])).status_code == 404
    no_consent = Story.objects.get(title="Bài rút đồng ý")
    assert client.get(reverse("honorees:story", args=[no_consent.token])).status_code == 404
    # Ids are not tokens: guessing small numbers finds nothing.
    for guess in ["1", "2", "3", str(stories["draft"].pk), "admin", "../1"]:
        assert client.get(f"/vinh-danh/bai/{guess}/").status_code == 404
    assert len(stories["published"].story.token) >= 20


def test_rolls_per_unit_and_movement_hide_unpublished(client, world, stories):
    page = client.get(reverse("honorees:roll-unit", args=[world.district.pk])).content.decode()
    assert "Người nông dân giỏi" in page and "Bản nháp" not in page and "Bài đã gỡ" not in page
    assert client.get(reverse("honorees:roll-unit", args=[world.commune_b.pk])).status_code == 404
    slug = stories["movement"].slug
    page = client.get(reverse("honorees:roll-movement", args=[slug])).content.decode()
    assert "Người nông dân giỏi" in page and "Bản nháp" not in page
    other = Movement.objects.exclude(pk=stories["movement"].pk).first()
    assert client.get(reverse("honorees:roll-movement", args=[other.slug])).status_code == 404


def test_photos_are_public_only_on_published_stories(client, stories, commune_b_officer):
    shown = stories["published"].photos.get()
    hidden = stories["draft"].photos.get()
    response = client.get(reverse("honorees:public-photo", args=[shown.token]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content)[:4] == b"\x89PNG"
    assert client.get(reverse("honorees:public-photo", args=[hidden.token])).status_code == 404
    # The registry's photo view checks the scope: B's officer cannot see A's draft photo.
    client.force_login(commune_b_officer)
    assert client.get(reverse("honorees:photo-file", args=[hidden.token])).status_code == 404


def test_public_pages_need_no_login_and_registry_pages_do(client, stories):
    assert client.get(reverse("honorees:roll-index")).status_code == 200
    response = client.get(reverse("honorees:honoree-list"))
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response.url
