"""Decisions (QĐ with the annexed list), their entries (one per honoree), revocations, and the
submissions (Tờ trình) that carry a form beyond a level's authority to the level above."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.awards.enums import EntryStatus, SubmissionStatus


class Submission(models.Model):
    """A Tờ trình from ``from_unit`` to ``to_unit`` (the next level up) for candidates whose
    form ``holder_unit`` decides. An intermediate level forwards it with a Tờ trình of its own
    (``parent`` is the lower one); the holding level decides it or returns it."""

    from_unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị trình"), on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        "units.Unit", verbose_name=_("trình lên"), on_delete=models.PROTECT, related_name="+"
    )
    holder_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("cấp có thẩm quyền"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposal = models.ForeignKey(
        "awards.Proposal", on_delete=models.PROTECT, related_name="submissions"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="forwards"
    )
    items = models.ManyToManyField("awards.ProposalItem", related_name="submissions")
    document = models.OneToOneField(
        "documents.GeneratedDocument",
        verbose_name=_("tờ trình"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_on = models.DateField(_("ngày trình"))
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.PENDING,
    )
    outcome_note = models.CharField(_("kết quả, lý do"), max_length=500, blank=True)
    decision = models.ForeignKey(
        "awards.Decision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tờ trình khen thưởng")
        verbose_name_plural = _("tờ trình khen thưởng")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["to_unit", "status"], name="submission_inbox"),
            models.Index(fields=["from_unit", "-created_at"], name="submission_outbox"),
        ]

    def __str__(self) -> str:
        return self.document.symbol if self.document_id else f"TTr #{self.pk}"


class Decision(models.Model):
    """A decision on awards (QĐ), numbered by the unit's issuer, with the annexed list."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    office = models.ForeignKey(
        "awards.Office", verbose_name=_("thẩm quyền"), on_delete=models.PROTECT, related_name="+"
    )
    document = models.OneToOneField(
        "documents.GeneratedDocument",
        verbose_name=_("quyết định"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    symbol = models.CharField(_("số, ký hiệu"), max_length=64)
    decided_on = models.DateField(_("ngày quyết định"), db_index=True)
    signer_name = models.CharField(_("người ký"), max_length=200)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100)
    proposal = models.ForeignKey(
        "awards.Proposal",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-decided_on", "-id"]
        indexes = [models.Index(fields=["unit", "-decided_on"], name="decision_unit_date")]

    def __str__(self) -> str:
        return self.symbol


class DecisionEntry(models.Model):
    """One honoree awarded by a decision (a line of the annexed list). ``recognition`` is the
    line written into the honoree's history; a revocation removes that line from the active
    history and keeps this entry (status revoked) with its ``Revocation``."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="entries")
    item = models.OneToOneField(
        "awards.ProposalItem",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="entry",
    )
    honoree = models.ForeignKey(
        "honorees.Honoree", on_delete=models.PROTECT, related_name="award_entries"
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị của người được khen"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    award_form = models.ForeignKey(
        "awards.AwardForm", on_delete=models.PROTECT, related_name="entries"
    )
    achievement = models.TextField(_("thành tích"))
    period_start = models.PositiveSmallIntegerField()
    period_end = models.PositiveSmallIntegerField()
    movement = models.ForeignKey(
        "honorees.Movement", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"), db_index=True)
    position = models.PositiveIntegerField(_("số thứ tự"))
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=EntryStatus.choices, default=EntryStatus.GRANTED
    )
    recognition = models.ForeignKey(
        "honorees.Recognition", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("người, tập thể được khen thưởng")
        verbose_name_plural = _("người, tập thể được khen thưởng")
        ordering = ["decision", "position"]
        indexes = [
            models.Index(fields=["unit", "year"], name="entry_unit_year"),
            models.Index(fields=["honoree", "status"], name="entry_honoree"),
        ]

    def __str__(self) -> str:
        return f"{self.honoree} — {self.award_form} ({self.decision})"


class Revocation(models.Model):
    """Thu hồi: the reason, who and when. The entry stays in the register, marked revoked."""

    entry = models.OneToOneField(DecisionEntry, on_delete=models.PROTECT, related_name="revocation")
    reason = models.TextField(_("lý do thu hồi"))
    revoked_on = models.DateField(_("ngày thu hồi"))
    reference = models.CharField(_("văn bản thu hồi"), max_length=100, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thu hồi khen thưởng")
        verbose_name_plural = _("thu hồi khen thưởng")

    def __str__(self) -> str:
        return f"{self.entry}: {self.reason[:60]}"
