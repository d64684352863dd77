"""Sheets that are not Decree-30 letters: certificates (Giấy khen) and text placed onto
pre-printed blanks (phôi). Pure dataclasses, like ``spec.py``; the renderers are
``rendering/certificate.py`` (WeasyPrint, the full certificate) and ``rendering/overlay.py``
(a direct PDF writer: only the variable text, at absolute positions).

Batches (``services.start_batch``) accept a list of ``DocumentSpec``, of ``CertificateSpec``
or of ``OverlaySheet`` (one kind per batch).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from thidua.documents.spec import DocumentSpec, SpecError, check, gettext_noop

ALIGNMENTS = ("left", "center", "right")


@dataclass(frozen=True)
class CertificateSpec:
    """A full certificate on plain paper (A4 landscape by default):

    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc
    CHỦ TỊCH / ỦY BAN NHÂN DÂN THỊ TRẤN QUẾ          (``grantor``)
    TẶNG
    GIẤY KHEN                                         (``title``)
    Bà Phạm Thị Ngọc                                  (``recipient``)
    Công nhân Công ty May Kim Bảng                    (``detail``)
    Đã có thành tích ...                              (``achievement``)
    QĐ số ..., Số sổ vàng ...      Quế, ngày ... / CHỦ TỊCH / (signature) / name
    """

    grantor: tuple[str, ...]
    recipient: str
    achievement: str
    decision_line: str
    place: str
    date: dt.date | None
    signer_title: tuple[str, ...]
    signer_name: str
    detail: str = ""
    title: str = "GIẤY KHEN"
    register_line: str = ""
    width_mm: float = 297.0
    height_mm: float = 210.0


@dataclass(frozen=True)
class PlacedText:
    """Text in a box whose top-left corner is (x_mm, y_mm) from the sheet's top-left corner.
    Too long for ``max_lines`` lines of ``width_mm``: the size shrinks (down to ``min_size_pt``).
    ``frame`` and ``label`` draw the box and its name (calibration sheets only)."""

    text: str
    x_mm: float
    y_mm: float
    width_mm: float
    size_pt: float = 14.0
    bold: bool = False
    italic: bool = False
    align: str = "center"
    max_lines: int = 1
    min_size_pt: float = 8.0
    frame: bool = False
    label: str = ""


@dataclass(frozen=True)
class OverlaySheet:
    """One sheet printed onto a pre-printed blank: only ``texts``; ``grid_mm`` > 0 draws a
    millimetre grid (the calibration sheet)."""

    width_mm: float
    height_mm: float
    texts: tuple[PlacedText, ...]
    grid_mm: int = 0


BatchItem = DocumentSpec | CertificateSpec | OverlaySheet


def kind_of(items: Sequence[Any]) -> str:
    """ "document", "certificate" or "overlay"; a mixed list is refused."""
    kinds = {_kind(item) for item in items}
    if len(kinds) != 1:
        raise SpecError(
            "documents.mixed_batch",
            gettext_noop("Một lô chỉ gồm một loại: văn bản, giấy khen, hoặc trang in lên phôi."),
        )
    return kinds.pop()


def _kind(item: Any) -> str:
    if isinstance(item, DocumentSpec):
        return "document"
    if isinstance(item, CertificateSpec):
        return "certificate"
    if isinstance(item, OverlaySheet):
        return "overlay"
    return "unknown"


def check_item(item: Any) -> None:
    """``spec.check`` for documents; the sheets' own checks for the others."""
    if isinstance(item, DocumentSpec):
        check(item)
    elif isinstance(item, CertificateSpec):
        if not item.recipient.strip() or not item.grantor:
            raise SpecError(
                "documents.certificate_incomplete",
                gettext_noop("Giấy khen cần có người (tập thể) được tặng và người tặng."),
            )
        _check_size(item.width_mm, item.height_mm)
    elif isinstance(item, OverlaySheet):
        _check_size(item.width_mm, item.height_mm)
        for text in item.texts:
            if text.align not in ALIGNMENTS or text.width_mm <= 0 or text.max_lines < 1:
                raise SpecError(
                    "documents.bad_position",
                    gettext_noop("Vị trí in không hợp lệ (độ rộng, căn lề hoặc số dòng)."),
                )
            inside = text.x_mm >= 0 and text.x_mm + text.width_mm <= item.width_mm + 0.05
            if not inside or not 0 <= text.y_mm < item.height_mm:
                raise SpecError(
                    "documents.outside_sheet",
                    gettext_noop("Trường “%(label)s” nằm ngoài khổ giấy."),
                    label=text.label or text.text[:30],
                )
    else:
        raise SpecError(
            "documents.bad_data",
            gettext_noop("Dữ liệu văn bản không đọc được (%(name)s)."),
            name=type(item).__name__,
        )


def _check_size(width: float, height: float) -> None:
    if not (50 <= width <= 1200 and 50 <= height <= 1200):
        raise SpecError(
            "documents.bad_sheet_size", gettext_noop("Khổ giấy phải từ 50 đến 1.200 mm mỗi chiều.")
        )
