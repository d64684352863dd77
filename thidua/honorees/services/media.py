"""Photos and video links. Uploaded photos are checked (size, real image type) and stored under
a random name; they are served only by an access-checked view or on a published story."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.core.text import normalize_text
from thidua.honorees.models import Honoree, Photo, VideoLink

# Pillow format -> (content type, extension). Anything else is refused.
PHOTO_TYPES = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding


def photo_max_bytes() -> int:
    return int(getattr(settings, "HONOREE_PHOTO_MAX_BYTES", 5 * 1024 * 1024))


def _inspect(upload: UploadedFile) -> tuple[str, str]:
    if upload.size is None or upload.size > photo_max_bytes():
        raise DomainError(
            "honorees.photo_too_large",
            _("Ảnh quá lớn (tối đa %(mb)s MB).") % {"mb": photo_max_bytes() // (1024 * 1024)},
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format or ""
            width, height = image.size
            image.verify()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise DomainError("honorees.photo_not_image", _("Tệp không phải là ảnh hợp lệ.")) from exc
    if image_format not in PHOTO_TYPES:
        raise DomainError("honorees.photo_bad_type", _("Chỉ nhận ảnh JPEG, PNG hoặc WebP."))
    if width * height > MAX_PIXELS:
        raise DomainError("honorees.photo_too_large", _("Ảnh có kích thước điểm ảnh quá lớn."))
    upload.seek(0)
    return PHOTO_TYPES[image_format]


@transaction.atomic
def add_photo(honoree: Honoree, *, by: Any, upload: UploadedFile, caption: str = "") -> Photo:
    """Refusals: ``honorees.photo_too_large``, ``honorees.photo_not_image``,
    ``honorees.photo_bad_type``."""
    content_type, extension = _inspect(upload)
    photo = Photo(
        honoree=honoree,
        content_type=content_type,
        size=upload.size or 0,
        caption=normalize_text(caption),
        uploaded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    photo.file.save(f"{uuid.uuid4().hex}.{extension}", upload, save=False)
    photo.save()
    record_audit(
        "honorees.photo.added",
        by=by,
        unit=honoree.unit,
        target=honoree,
        data={"photo": photo.pk, "type": content_type, "size": photo.size},
    )
    return photo


@transaction.atomic
def delete_photo(photo: Photo, *, by: Any) -> None:
    honoree = photo.honoree
    name = photo.file.name or ""
    pk = photo.pk
    storage = photo.file.storage
    photo.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
    record_audit(
        "honorees.photo.deleted", by=by, unit=honoree.unit, target=honoree, data={"photo": pk}
    )


@transaction.atomic
def add_video(honoree: Honoree, *, by: Any, url: str, title: str = "") -> VideoLink:
    """A link to a video elsewhere. Refusal: ``honorees.bad_video_url`` (http or https only)."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 500:
        raise DomainError(
            "honorees.bad_video_url", _("Đường dẫn video phải bắt đầu bằng http:// hoặc https://.")
        )
    video = VideoLink.objects.create(honoree=honoree, url=url, title=normalize_text(title))
    record_audit(
        "honorees.video.added", by=by, unit=honoree.unit, target=honoree, data={"url": url}
    )
    return video
