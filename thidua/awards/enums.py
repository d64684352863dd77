"""Vocabularies of the award catalogue (Law on Emulation and Commendation 06/2022/QH15).

Stored values are lowercase English; labels are Vietnamese.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardSubject(models.TextChoices):
    """Who may receive it (Law Art. 20 and the articles of each form)."""

    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL_OR_COLLECTIVE = "individual_or_collective", _("Cá nhân và tập thể")
    HOUSEHOLD = "household", _("Hộ gia đình")


class AwardKind(models.TextChoices):
    TITLE = "title", _("Danh hiệu thi đua")
    FORM = "form", _("Hình thức khen thưởng")


class AwardLevel(models.TextChoices):
    """The level whose authority the form belongs to (Law Art. 80), low to high."""

    GRASSROOTS = "grassroots", _("Cơ sở")
    DISTRICT = "district", _("Cấp huyện")
    PROVINCE = "province", _("Bộ, ban, ngành, tỉnh")
    GOVERNMENT = "government", _("Chính phủ, Thủ tướng Chính phủ")
    STATE = "state", _("Nhà nước (Chủ tịch nước)")


class Severity(models.TextChoices):
    """What a failed criterion does: warn the council, or block the decision."""

    WARNING = "warning", _("Cảnh báo")
    BLOCK = "block", _("Chặn")


class CompletionRating(models.TextChoices):
    """The year's rating of duties (đánh giá, xếp loại), evidence for LĐTT and CSTĐCS."""

    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "completed", _("Hoàn thành nhiệm vụ")
    NOT_COMPLETED = "not_completed", _("Không hoàn thành nhiệm vụ")


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Đang lập")
    IN_REVIEW = "in_review", _("Hội đồng đang xét")
    REVIEWED = "reviewed", _("Hội đồng đã xét")
    MERGED = "merged", _("Đã tổng hợp vào đề nghị khác")


class ItemStatus(models.TextChoices):
    PROPOSED = "proposed", _("Đề nghị")
    APPROVED = "approved", _("Hội đồng nhất trí")
    REJECTED = "rejected", _("Hội đồng không nhất trí")
    DECIDED = "decided", _("Đã quyết định khen thưởng")
    SUBMITTED = "submitted", _("Đã trình cấp trên")
    RETURNED = "returned", _("Cấp trên trả lại")


class Opinion(models.TextChoices):
    AGREE = "agree", _("Nhất trí")
    DISAGREE = "disagree", _("Không nhất trí")
    ABSTAIN = "abstain", _("Không biểu quyết")


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xử lý")
    FORWARDED = "forwarded", _("Đã trình tiếp lên cấp trên")
    DECIDED = "decided", _("Đã quyết định")
    RETURNED = "returned", _("Đã trả lại")


class EntryStatus(models.TextChoices):
    GRANTED = "granted", _("Đã khen thưởng")
    REVOKED = "revoked", _("Đã thu hồi")


class CertificateField(models.TextChoices):
    """The variable fields printed onto a pre-printed blank (phôi)."""

    NAME = "name", _("Họ và tên / tên tập thể")
    UNIT = "unit", _("Đơn vị, chức vụ")
    ACHIEVEMENT = "achievement", _("Thành tích")
    DECISION = "decision", _("Số và ngày quyết định")
    PLACE_DATE = "place_date", _("Địa danh, ngày tháng")
    SIGNER_TITLE = "signer_title", _("Chức vụ người ký")
    SIGNER = "signer", _("Người ký")


class PrintMode(models.TextChoices):
    FULL = "full", _("In đầy đủ (giấy trắng)")
    BLANK = "blank", _("In lên phôi in sẵn")
