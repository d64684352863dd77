"""Campaigns: one conference cycle, its rules as rows, and what each unit below must do.

* ``CampaignPreset``: a named set of values (the seed's "Kim Bảng 2024", "2 levels") stored as
  data (migration 0002); creating a campaign copies one.
* ``Campaign``: the cycle a unit issues (its plan, KH): basis document, periods, congress, plan
  deadline, document particulars, narrative; ``LevelRule`` and ``CompositionRule`` rows hold the
  rules per level; ``CampaignTask`` the tasks per body (Part III of the plan).
* ``Assignment``: one thing a unit below must do (submit its plan, hold its conference, report
  its results), with its first late instant; ``Submission`` every version it sent and its review;
  ``ResultsReport`` + ``AwardTally`` the figures of a results submission.
* ``Feedback`` + ``FeedbackMessage``: difficulties raised by a unit (vướng mắc, R20).
* ``ReminderDispatch``: one row per reminder sent; its unique constraint makes reminders
  idempotent.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns import rules
from thidua.campaigns.enums import (
    AssignmentKind,
    AssignmentState,
    AtThreshold,
    CampaignStatus,
    CompositionFeature,
    DeadlineMode,
    FeedbackStatus,
    RuleUnit,
    SubmissionStatus,
)
from thidua.units.enums import UnitLevel


class CampaignPreset(models.Model):
    """A named set of campaign values. ``payload`` has the fields of Campaign plus
    ``level_rules``, ``composition_rules`` and ``tasks`` lists (see services.presets)."""

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    description = models.TextField(_("mô tả"), blank=True)
    payload = models.JSONField(_("giá trị"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("mẫu kế hoạch")
        verbose_name_plural = _("mẫu kế hoạch")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class Campaign(models.Model):
    """One conference cycle as issued by one unit (its plan, KH), with the rules it sets."""

    issuer = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị ban hành"),
        on_delete=models.PROTECT,
        related_name="campaigns",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("kế hoạch cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="derived",
        help_text=_("Kế hoạch của cấp trên mà kế hoạch này triển khai (chuỗi căn cứ)."),
    )
    preset = models.ForeignKey(
        CampaignPreset,
        verbose_name=_("tạo từ mẫu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=CampaignStatus.choices, default="draft"
    )
    name = models.CharField(_("tên"), max_length=300)
    summary = models.CharField(
        _("trích yếu"),
        max_length=500,
        help_text=_("Trích yếu của văn bản kế hoạch; có thể dùng {congress}."),
    )
    # The basis document (căn cứ), R1.
    basis_number = models.CharField(_("số văn bản căn cứ"), max_length=64, blank=True)
    basis_date = models.DateField(_("ngày văn bản căn cứ"), null=True, blank=True)
    basis_issuer = models.CharField(
        _("cơ quan ban hành văn bản căn cứ"), max_length=200, blank=True
    )
    basis_summary = models.CharField(_("trích yếu văn bản căn cứ"), max_length=500, blank=True)
    # Periods, R2: the seed names the review period both 2020-2025 and 2021-2025.
    previous_period_start = models.PositiveSmallIntegerField(
        _("giai đoạn trước: từ năm"), null=True, blank=True
    )
    previous_period_end = models.PositiveSmallIntegerField(
        _("giai đoạn trước: đến năm"), null=True, blank=True
    )
    review_period_start = models.PositiveSmallIntegerField(_("giai đoạn tổng kết: từ năm"))
    review_period_end = models.PositiveSmallIntegerField(_("giai đoạn tổng kết: đến năm"))
    direction_period_start = models.PositiveSmallIntegerField(_("giai đoạn phương hướng: từ năm"))
    direction_period_end = models.PositiveSmallIntegerField(_("giai đoạn phương hướng: đến năm"))
    # The congress it leads to, R3.
    congress_name = models.CharField(_("tên đại hội"), max_length=200)
    congress_ordinal = models.PositiveSmallIntegerField(
        _("đại hội lần thứ"), null=True, blank=True, help_text=_("12 → “lần thứ XII”.")
    )
    national_congress_name = models.CharField(
        _("tên đại hội toàn quốc"), max_length=200, blank=True
    )
    national_congress_ordinal = models.PositiveSmallIntegerField(
        _("đại hội toàn quốc lần thứ"), null=True, blank=True
    )
    # The plans of the units below, R16.
    plan_deadline = models.DateField(_("hạn gửi kế hoạch"))
    plan_deadline_mode = models.CharField(
        _("cách tính hạn"), max_length=8, choices=DeadlineMode.choices, default="before"
    )
    plan_receiver = models.CharField(
        _("nơi nhận kế hoạch, báo cáo"),
        max_length=200,
        help_text=_("Ví dụ: Ủy ban nhân dân huyện (qua Phòng Nội vụ)."),
    )
    reminder_days = models.JSONField(
        _("nhắc trước hạn (số ngày)"),
        default=list,
        blank=True,
        help_text=_("Nhắc hạn trước N ngày, ví dụ [7, 1]; luôn nhắc thêm khi quá hạn."),
    )
    budget_source = models.CharField(_("kinh phí"), max_length=300, blank=True)
    # Particulars of the plan document (R21), for the documents engine.
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200)
    superior_body = models.CharField(_("cơ quan chủ quản"), max_length=200, blank=True)
    place = models.CharField(_("địa danh"), max_length=100)
    plan_number = models.CharField(
        _("số kế hoạch"),
        max_length=64,
        blank=True,
        help_text=_("Số và ký hiệu khi ban hành, ví dụ 15/KH-UBND."),
    )
    plan_date = models.DateField(_("ngày ký kế hoạch"), null=True, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=100, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=100, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    agenda = models.JSONField(_("chương trình hội nghị"), default=list, blank=True)
    narrative = models.JSONField(_("nội dung văn bản"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(_("ban hành lúc"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kế hoạch tổ chức hội nghị")
        verbose_name_plural = _("kế hoạch tổ chức hội nghị")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_period_start__lte=models.F("review_period_end")),
                name="campaign_review_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(direction_period_start__lte=models.F("direction_period_end")),
                name="campaign_direction_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def review_period(self) -> str:
        return rules.period(self.review_period_start, self.review_period_end)

    @property
    def direction_period(self) -> str:
        return rules.period(self.direction_period_start, self.direction_period_end)

    @property
    def previous_period(self) -> str:
        return rules.period(self.previous_period_start, self.previous_period_end)

    @property
    def congress_title(self) -> str:
        return rules.congress_title(self.congress_name, self.congress_ordinal)

    @property
    def national_congress_title(self) -> str:
        if not self.national_congress_name:
            return ""
        return rules.congress_title(self.national_congress_name, self.national_congress_ordinal)

    @property
    def is_draft(self) -> bool:
        return self.status == CampaignStatus.DRAFT


class LevelRule(models.Model):
    """The rules of one level's conference in a campaign (Plan §II.2.1 communes, §II.2.2
    district). Read by the conferences app to set a conference up."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="level_rules")
    level = models.CharField(_("cấp"), max_length=16, choices=UnitLevel.choices)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    holds_conference = models.BooleanField(_("tổ chức hội nghị"), default=True)
    unit_kinds = models.JSONField(
        _("loại đơn vị thực hiện"),
        default=list,
        blank=True,
        help_text=_("Loại đơn vị của cấp này nhận nhiệm vụ; để trống: mọi loại."),
    )
    conference_name = models.CharField(_("hình thức (tên hội nghị)"), max_length=200)
    window_start = models.DateField(_("thời gian tổ chức: từ ngày"), null=True, blank=True)
    window_end = models.DateField(_("thời gian tổ chức: đến ngày"), null=True, blank=True)
    window_label = models.CharField(
        _("thời gian tổ chức (cách ghi)"), max_length=100, blank=True, help_text=_("Quý I năm 2025")
    )
    sessions = models.PositiveSmallIntegerField(_("số buổi"), default=1)
    composition_text = models.TextField(_("thành phần, cơ cấu"), blank=True)
    staff_threshold = models.PositiveIntegerField(
        _("ngưỡng số CB, CC, VC, NLĐ"),
        null=True,
        blank=True,
        help_text=_("Dưới ngưỡng: Hội nghị toàn thể; trên ngưỡng: Hội nghị đại biểu."),
    )
    at_threshold = models.CharField(
        _("đúng bằng ngưỡng"),
        max_length=20,
        choices=AtThreshold.choices,
        default=AtThreshold.ORGANIZER_CHOICE,
    )
    delegate_cap = models.PositiveIntegerField(
        _("số đại biểu tối đa của Hội nghị đại biểu"), null=True, blank=True
    )
    max_delegates = models.PositiveIntegerField(_("số đại biểu tối đa"), null=True, blank=True)
    quota_from_above = models.BooleanField(_("đại biểu theo phân bổ của cấp trên"), default=False)
    report_due_days = models.PositiveSmallIntegerField(
        _("hạn báo cáo kết quả (số ngày sau thời gian tổ chức)"), default=15
    )
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("quy định theo cấp")
        verbose_name_plural = _("quy định theo cấp")
        ordering = ["campaign", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "level"], name="level_rule_unique"),
            models.CheckConstraint(
                condition=Q(window_start__isnull=True)
                | Q(window_end__isnull=True)
                | Q(window_start__lte=models.F("window_end")),
                name="level_rule_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.conference_name}"

    def conference_format(self, staff_count: int | None) -> str:
        """plenary / delegate / organizer_choice for a unit of this level (Plan §II.2.1)."""
        return rules.conference_format(staff_count, self.staff_threshold, self.at_threshold)

    def cap(self, conference_format: str) -> int | None:
        """The most delegates for a conference of that format (None: no cap, everyone)."""
        return rules.delegate_cap(conference_format, self.delegate_cap, self.max_delegates)

    def selection_rules(self, conference_format: str) -> list[dict[str, object]]:
        """The rules a delegate list of this level must pass, in thidua.selection's format:
        the level's composition rules (those with a figure) and the cap as ``feature: "*"``."""
        found = [
            r.as_selection_rule()
            for r in self.campaign.composition_rules.filter(level=self.level).order_by("order")
        ]
        result = [r for r in found if r is not None]
        cap = self.cap(conference_format)
        if cap is not None:
            result.append({"feature": "*", "unit": "count", "max": str(cap), "label": "tổng số"})
        return result


class CompositionRule(models.Model):
    """One rule of the delegates' composition: feature, value, min and/or max as a count or a
    share (0..1), with a tolerance in share points. Read by conferences/selection."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="composition_rules"
    )
    level = models.CharField(_("cấp"), max_length=16, choices=UnitLevel.choices)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    feature = models.CharField(_("tiêu chí"), max_length=32, choices=CompositionFeature.choices)
    value = models.CharField(
        _("giá trị"),
        max_length=100,
        help_text=_("Một giá trị; nhiều giá trị nối bằng “|”; “*” là mọi giá trị."),
    )
    min_value = models.DecimalField(
        _("tối thiểu"), max_digits=9, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("tối đa"), max_digits=9, decimal_places=4, null=True, blank=True
    )
    unit = models.CharField(_("đơn vị tính"), max_length=8, choices=RuleUnit.choices)
    tolerance = models.DecimalField(
        _("sai số cho phép"), max_digits=5, decimal_places=4, default=Decimal(0)
    )
    label = models.CharField(_("diễn giải"), max_length=300, blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("quy định cơ cấu đại biểu")
        verbose_name_plural = _("quy định cơ cấu đại biểu")
        ordering = ["campaign", "level", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(min_value__lte=models.F("max_value")),
                name="composition_rule_bounds_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.label or f"{self.feature}={self.value}"

    def as_selection_rule(self) -> dict[str, object] | None:
        """This rule for thidua.selection (parse_rule / check / optimize); None when it is an
        emphasis without a figure."""
        return rules.selection_rule(
            self.feature,
            self.value,
            self.min_value,
            self.max_value,
            self.unit,
            self.tolerance,
            self.label,
        )


class CampaignTask(models.Model):
    """Part III of the plan: what each body does ("1. Ủy ban nhân dân các xã, thị trấn: ...")."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    body = models.CharField(_("cơ quan, đơn vị"), max_length=300)
    items = models.JSONField(_("nhiệm vụ"), default=list)

    class Meta:
        verbose_name = _("nhiệm vụ của cơ quan, đơn vị")
        verbose_name_plural = _("nhiệm vụ của cơ quan, đơn vị")
        ordering = ["campaign", "order", "id"]

    def __str__(self) -> str:
        return self.body


class Assignment(models.Model):
    """One thing a unit below must do for a campaign, with its deadline (first late instant)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="campaign_assignments"
    )
    kind = models.CharField(_("nhiệm vụ"), max_length=20, choices=AssignmentKind.choices)
    level = models.CharField(_("cấp"), max_length=16, choices=UnitLevel.choices)
    late_from = models.DateTimeField(_("trễ hạn từ"))
    window_start = models.DateField(null=True, blank=True)
    window_end = models.DateField(null=True, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=AssignmentState.choices, default="pending"
    )
    first_submitted_at = models.DateTimeField(null=True, blank=True)
    last_submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_late = models.BooleanField(_("gửi trễ hạn"), default=False)
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["campaign", "unit__path", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "unit", "kind"], name="assignment_unique_per_unit_kind"
            ),
        ]
        indexes = [models.Index(fields=["campaign", "kind", "state"], name="assignment_board")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.get_kind_display()}"


def submission_upload_to(instance: Submission, filename: str) -> str:
    """Stored under a random name: the original name is kept in a column, never in the path."""
    extension = instance.file_type or "bin"
    return f"campaigns/{instance.assignment.campaign_id}/{uuid.uuid4().hex}.{extension}"


class Submission(models.Model):
    """One version a unit sent for an assignment, and its review. Never edited by the unit:
    a correction is a new version."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="submissions")
    version = models.PositiveSmallIntegerField(_("lần gửi"))
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=SubmissionStatus.choices, default="submitted"
    )
    submitted_at = models.DateTimeField(_("gửi lúc"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    is_late = models.BooleanField(_("trễ hạn"), default=False)
    note = models.TextField(_("ghi chú"), blank=True)
    # A plan: the unit's document.
    document_number = models.CharField(_("số văn bản"), max_length=64, blank=True)
    document_date = models.DateField(_("ngày văn bản"), null=True, blank=True)
    file = models.FileField(_("tệp"), upload_to=submission_upload_to, blank=True, max_length=255)
    file_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    file_type = models.CharField(_("loại tệp"), max_length=8, blank=True)
    file_size = models.PositiveIntegerField(_("dung lượng"), null=True, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    built_campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("kế hoạch lập trên hệ thống"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # A conference: when it was held.
    held_on = models.DateField(_("ngày tổ chức"), null=True, blank=True)
    # The review.
    reviewed_at = models.DateTimeField(_("xem xét lúc"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    review_reason = models.TextField(_("lý do trả lại"), blank=True)

    class Meta:
        verbose_name = _("hồ sơ gửi")
        verbose_name_plural = _("hồ sơ gửi")
        ordering = ["assignment", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "version"], name="submission_version"),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} — lần {self.version}"


class ResultsReport(models.Model):
    """The figures a unit reports after its conference (R16): typed by hand for now; later
    filled from the conference's own data through services.submit_results."""

    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="results")
    held_on = models.DateField(_("ngày tổ chức"))
    honorees_present = models.PositiveIntegerField(_("đại biểu điển hình tiên tiến"))
    guests_present = models.PositiveIntegerField(_("đại biểu khách mời"))
    leaders_present = models.PositiveIntegerField(_("đại biểu lãnh đạo"))
    women_present = models.PositiveIntegerField(_("đại biểu nữ"))
    men_present = models.PositiveIntegerField(_("đại biểu nam"))
    direct_producers_present = models.PositiveIntegerField(_("người trực tiếp sản xuất, công tác"))
    presentations_given = models.PositiveIntegerField(_("số báo cáo tham luận"))
    delegates_sent_upward = models.PositiveIntegerField(_("số đại biểu đi dự cấp trên"))
    planned_budget = models.PositiveBigIntegerField(_("kinh phí dự toán (đồng)"))
    actual_cost = models.PositiveBigIntegerField(_("kinh phí thực chi (đồng)"))

    class Meta:
        verbose_name = _("báo cáo kết quả")
        verbose_name_plural = _("báo cáo kết quả")

    def __str__(self) -> str:
        return str(self.submission)

    @property
    def total_present(self) -> int:
        return self.honorees_present + self.guests_present + self.leaders_present


class AwardTally(models.Model):
    """Awards decided at the conference, by form (R14): "Giấy khen của Chủ tịch UBND xã": 3
    collectives, 12 individuals."""

    report = models.ForeignKey(ResultsReport, on_delete=models.CASCADE, related_name="awards")
    form = models.CharField(_("hình thức khen thưởng"), max_length=200)
    collectives = models.PositiveIntegerField(_("tập thể"), default=0)
    individuals = models.PositiveIntegerField(_("cá nhân"), default=0)

    class Meta:
        verbose_name = _("khen thưởng theo hình thức")
        verbose_name_plural = _("khen thưởng theo hình thức")
        ordering = ["report", "id"]

    def __str__(self) -> str:
        return self.form


class Feedback(models.Model):
    """A difficulty a unit raises with the issuer (vướng mắc, R20), and its thread."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="feedback")
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(_("nội dung vướng mắc"), max_length=300)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=FeedbackStatus.choices, default="open"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("vướng mắc")
        verbose_name_plural = _("vướng mắc")
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["campaign", "status"], name="feedback_open")]

    def __str__(self) -> str:
        return self.subject


class FeedbackMessage(models.Model):
    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_issuer = models.BooleanField(_("trả lời của đơn vị ban hành"), default=False)
    body = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("trao đổi")
        verbose_name_plural = _("trao đổi")
        ordering = ["feedback", "created_at", "id"]

    def __str__(self) -> str:
        return self.body[:80]


class ReminderDispatch(models.Model):
    """A reminder that was sent. ``trigger`` is "before:N" or "overdue"; the unique constraint
    is what makes sending idempotent, also across several workers."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    trigger = models.CharField(max_length=32)
    sent_at = models.DateTimeField()
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("nhắc hạn đã gửi")
        verbose_name_plural = _("nhắc hạn đã gửi")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "trigger"], name="reminder_sent_once"),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} — {self.trigger}"
