"""Vocabularies of campaigns. Stored values are lowercase English; labels Vietnamese."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.campaigns import deadlines, rules, workflow


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    CLOSED = "closed", _("Đã kết thúc")


class DeadlineMode(models.TextChoices):
    BEFORE = deadlines.BEFORE, _("Trước ngày (hạn cuối là ngày hôm trước)")
    BY = deadlines.BY, _("Đến hết ngày")


class AssignmentKind(models.TextChoices):
    SUBMIT_PLAN = "submit_plan", _("Gửi kế hoạch")
    HOLD_CONFERENCE = "hold_conference", _("Tổ chức hội nghị")
    REPORT_RESULTS = "report_results", _("Báo cáo kết quả")


# Which kinds the issuer reviews (accept / return); the others are done once recorded.
REVIEWED_KINDS: frozenset[str] = frozenset(
    {AssignmentKind.SUBMIT_PLAN, AssignmentKind.REPORT_RESULTS}
)


class AssignmentState(models.TextChoices):
    PENDING = workflow.PENDING, _("Chưa gửi")
    SUBMITTED = workflow.SUBMITTED, _("Đã gửi")
    RETURNED = workflow.RETURNED, _("Bị trả lại")
    ACCEPTED = workflow.ACCEPTED, _("Đã chấp nhận")


class BoardStatus(models.TextChoices):
    NOT_STARTED = workflow.NOT_STARTED, _("Chưa thực hiện")
    SUBMITTED = workflow.SUBMITTED, _("Đã gửi, chờ xem xét")
    LATE = workflow.LATE, _("Gửi trễ hạn")
    RETURNED = workflow.RETURNED, _("Bị trả lại")
    ACCEPTED = workflow.ACCEPTED, _("Đã chấp nhận")
    MISSING = workflow.MISSING, _("Quá hạn, chưa gửi")


class SubmissionStatus(models.TextChoices):
    SUBMITTED = workflow.SUBMITTED, _("Chờ xem xét")
    ACCEPTED = workflow.ACCEPTED, _("Đã chấp nhận")
    RETURNED = workflow.RETURNED, _("Trả lại")


class RuleUnit(models.TextChoices):
    COUNT = "count", _("Số người")
    SHARE = "share", _("Tỷ lệ")


class CompositionFeature(models.TextChoices):
    """Attributes of a delegate that composition rules read (shared with conferences/selection)."""

    CATEGORY = "category", _("Thành phần (điển hình / khách mời / lãnh đạo)")
    GENDER = "gender", _("Giới tính")
    DIRECT_PRODUCER = "direct_producer", _("Người trực tiếp sản xuất, công tác")
    ECONOMIC_SECTOR = "economic_sector", _("Thành phần kinh tế")
    FIELD = "field", _("Lĩnh vực")
    COMPONENT = "component", _("Thành phần xã hội")
    SUB_UNIT = "sub_unit", _("Đơn vị trực thuộc")


class AtThreshold(models.TextChoices):
    ORGANIZER_CHOICE = rules.ORGANIZER_CHOICE, _("Đơn vị tổ chức lựa chọn")
    PLENARY = rules.PLENARY, _("Hội nghị toàn thể")
    DELEGATE = rules.DELEGATE, _("Hội nghị đại biểu")


class FeedbackStatus(models.TextChoices):
    OPEN = "open", _("Chờ trả lời")
    ANSWERED = "answered", _("Đã trả lời")
    CLOSED = "closed", _("Đã giải quyết")


OPEN_FEEDBACK: frozenset[str] = frozenset({FeedbackStatus.OPEN, FeedbackStatus.ANSWERED})
