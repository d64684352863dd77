"""Vocabularies of the proceedings. Stored values are lowercase English; labels Vietnamese."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class BudgetCategory(models.TextChoices):
    """The budget's headings (R15), in the order of the estimate."""

    VENUE = "venue", _("Thuê hội trường, âm thanh, ánh sáng")
    DECORATION = "decoration", _("Trang trí, khánh tiết")
    PRINTING = "printing", _("In ấn tài liệu, giấy mời")
    CERTIFICATES = "certificates", _("Phôi bằng, giấy khen và khung")
    BONUSES = "bonuses", _("Tiền thưởng kèm theo khen thưởng")
    REFRESHMENTS = "refreshments", _("Nước uống, giải khát")
    OTHER = "other", _("Chi khác")


CATEGORY_ORDER: tuple[str, ...] = tuple(BudgetCategory.values)


class SideActivityKind(models.TextChoices):
    """R9: what a conference may hold around it."""

    DIALOGUE = "dialogue", _("Đối thoại giữa lãnh đạo và điển hình")
    MEDIA = "media", _("Giao lưu trên phương tiện thông tin đại chúng")
    PERFORMANCE = "performance", _("Biểu diễn văn hóa, văn nghệ")
    PROPAGANDA = "propaganda", _("Tuyên truyền, triển lãm")


class StatisticsBlock(models.TextChoices):
    """The figures the system writes into a section of the summary report."""

    NONE = "", _("Không")
    MOVEMENTS = "movements", _("Số điển hình theo phong trào")
    COMMENDATIONS = "commendations", _("Khen thưởng theo hình thức và tỷ lệ")
