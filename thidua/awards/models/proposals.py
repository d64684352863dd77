"""Proposals (danh sách đề nghị khen thưởng), their candidates and evidence, and the council's
review (each member's opinion, the vote, the minutes)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.awards.enums import CompletionRating, ItemStatus, Opinion, ProposalStatus


class Proposal(models.Model):
    """A list of candidates proposed for awards by a unit, on its own or within a conference.

    ``source`` is an optional generic link to what the proposal belongs to (a conference, a
    campaign): the awards app knows nothing of those models.
    """

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("tên đề nghị"), max_length=300)
    origin = models.CharField(
        _("cơ quan, tổ chức đề nghị"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Ủy ban MTTQ thị trấn, Hội Nông dân, bộ phận Văn phòng - Thống kê."),
    )
    period_start = models.PositiveSmallIntegerField(_("thành tích từ năm"))
    period_end = models.PositiveSmallIntegerField(_("đến năm"))
    movement = models.ForeignKey(
        "honorees.Movement",
        verbose_name=_("phong trào thi đua"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    source_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_id = models.CharField(max_length=64, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    # The council's review
    review_date = models.DateField(_("ngày họp xét"), null=True, blank=True)
    members_present = models.PositiveSmallIntegerField(
        _("số thành viên có mặt"), null=True, blank=True
    )
    minutes = models.ForeignKey(
        "documents.GeneratedDocument",
        verbose_name=_("biên bản"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "-created_at"], name="proposal_unit_time"),
            models.Index(fields=["source_type", "source_id"], name="proposal_source"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__lte=models.F("period_end")),
                name="proposal_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def period(self) -> tuple[int, int]:
        return (self.period_start, self.period_end)

    @property
    def period_label(self) -> str:
        if self.period_start == self.period_end:
            return str(self.period_end)
        return f"{self.period_start}–{self.period_end}"


class ProposalItem(models.Model):
    """One candidate (an individual or a collective honoree) for one form."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="items")
    honoree = models.ForeignKey(
        "honorees.Honoree",
        verbose_name=_("cá nhân / tập thể"),
        on_delete=models.PROTECT,
        related_name="award_proposals",
    )
    award_form = models.ForeignKey(
        "awards.AwardForm",
        verbose_name=_("hình thức đề nghị"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    achievement = models.TextField(_("tóm tắt thành tích"))
    rating = models.CharField(
        _("xếp loại năm cuối"), max_length=16, choices=CompletionRating.choices, blank=True
    )
    research_accepted = models.BooleanField(_("có đề tài khoa học được nghiệm thu"), default=False)
    excellent_years = models.PositiveSmallIntegerField(
        _("số năm liên tục hoàn thành xuất sắc nhiệm vụ"), default=0
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ItemStatus.choices, default=ItemStatus.PROPOSED
    )
    findings = models.JSONField(_("kết quả kiểm tra tiêu chí"), default=list, editable=False)
    has_block = models.BooleanField(default=False, editable=False)
    has_warning = models.BooleanField(default=False, editable=False)
    votes_for = models.PositiveSmallIntegerField(_("số phiếu nhất trí"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("số phiếu không nhất trí"), null=True)
    abstentions = models.PositiveSmallIntegerField(_("không biểu quyết"), null=True, blank=True)
    return_reason = models.CharField(_("lý do trả lại"), max_length=500, blank=True)
    position = models.PositiveIntegerField(_("thứ tự"), default=0)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("người, tập thể được đề nghị")
        verbose_name_plural = _("người, tập thể được đề nghị")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "honoree"], name="proposal_item_once_per_honoree"
            )
        ]

    def __str__(self) -> str:
        return f"{self.honoree} — {self.award_form}"


def new_token() -> str:
    return secrets.token_urlsafe(16)


class Evidence(models.Model):
    """A file attached to a candidate (report of achievements, initiative recognition, ...).
    Stored under a random name, served only through an access-checked view."""

    item = models.ForeignKey(ProposalItem, on_delete=models.CASCADE, related_name="evidence")
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    file = models.FileField(_("tệp"), upload_to="awards/evidence/", max_length=300)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    description = models.CharField(_("mô tả"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu minh chứng")
        verbose_name_plural = _("tài liệu minh chứng")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class CouncilOpinion(models.Model):
    """One council member's opinion on one candidate (a member may change it until the vote)."""

    item = models.ForeignKey(ProposalItem, on_delete=models.CASCADE, related_name="opinions")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opinion = models.CharField(_("ý kiến"), max_length=16, choices=Opinion.choices)
    comment = models.CharField(_("nhận xét"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ý kiến thành viên Hội đồng")
        verbose_name_plural = _("ý kiến thành viên Hội đồng")
        ordering = ["item", "member_id"]
        constraints = [
            models.UniqueConstraint(fields=["item", "member"], name="council_opinion_once")
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_opinion_display()}"
