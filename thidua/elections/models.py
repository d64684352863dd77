"""Delegates upward (issue 8, plan agenda item 8, R3, R13).

* ``VotingRules``: quorum, threshold and the paper-ballot reserve as data: the default preset
  (``campaign`` empty, migration 0002 with the seed's values) or a campaign's own row.
* ``Allocation``: the upper unit's N delegate seats shared among its sub-units by an
  apportionment method (weights from staff counts, honoree counts or typed), with optional
  category quotas; each sub-unit's share becomes rules of its conference's nominee checker.
* ``Nominee``: a delegate of the lower conference put forward to the upper level.
* ``Poll``: the approval vote (show of hands, secret paper ballot or electronic), with the rules
  copied from ``VotingRules`` when created, and the electorate snapshotted when opened
  (``Elector``: the delegates checked in at that moment).
* ``Elector`` / ``Ballot``: the electronic vote keeps them apart: the elector row only marks that
  its one-time token was used; the ballot row has a random id, a hashed receipt, the choices,
  and no timestamp and no reference to an elector, a token or a delegate.
* ``BoxEntry``: a paper ballot box's count, entered twice.
* ``Certification``: the chair's certified result, immutable (a correction is a new row that
  supersedes the old one, with a reason), with its minutes (Biên bản kiểm phiếu).
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.elections.enums import (
    Method,
    PollScope,
    PollStatus,
    Procedure,
    ThresholdBase,
    WeightSource,
)
from thidua.elections.tally import TallySettings
from thidua.selection.exact import format_percent


def _user(**extra: Any) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        **extra,
    )


class RuleFields(models.Model):
    """Quorum and threshold fields shared by the rules row and the poll's copy."""

    quorum = models.DecimalField(
        _("tỷ lệ có mặt tối thiểu"), max_digits=5, decimal_places=4, default=Decimal("0.5")
    )
    quorum_strict = models.BooleanField(_("phải vượt tỷ lệ có mặt (quá)"), default=True)
    threshold = models.DecimalField(
        _("tỷ lệ tán thành"), max_digits=5, decimal_places=4, default=Decimal("0.5")
    )
    threshold_strict = models.BooleanField(_("phải vượt tỷ lệ tán thành (quá)"), default=True)
    threshold_base = models.CharField(
        _("tính trên"), max_length=16, choices=ThresholdBase.choices, default=ThresholdBase.VALID
    )

    class Meta:
        abstract = True

    @property
    def quorum_percent(self) -> str:
        return format_percent(Fraction(str(self.quorum)))

    @property
    def threshold_percent(self) -> str:
        return format_percent(Fraction(str(self.threshold)))

    def tally_settings(self) -> TallySettings:
        return TallySettings(
            quorum=Fraction(str(self.quorum)),
            quorum_strict=self.quorum_strict,
            threshold=Fraction(str(self.threshold)),
            threshold_strict=self.threshold_strict,
            threshold_base=self.threshold_base,  # type: ignore[arg-type]
        )


class VotingRules(RuleFields):
    """The vote's rules: the default preset (``campaign`` empty) or a campaign's own."""

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    campaign = models.OneToOneField(
        "campaigns.Campaign",
        verbose_name=_("kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="voting_rules",
    )
    paper_reserve = models.PositiveSmallIntegerField(_("số phiếu dự phòng"), default=2)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("quy định biểu quyết")
        verbose_name_plural = _("quy định biểu quyết")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Allocation(models.Model):
    """The upper unit's delegate seats shared among its sub-units (keys: unit ids as text)."""

    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị phân bổ"), on_delete=models.PROTECT, related_name="+"
    )
    seats = models.PositiveIntegerField(_("tổng số đại biểu phân bổ"))
    method = models.CharField(_("phương pháp"), max_length=20, choices=Method.choices)
    weight_source = models.CharField(
        _("căn cứ phân bổ"), max_length=16, choices=WeightSource.choices
    )
    min_per_unit = models.PositiveSmallIntegerField(_("tối thiểu mỗi đơn vị"), default=0)
    caps = models.JSONField(_("tối đa từng đơn vị"), default=dict, blank=True)
    weights = models.JSONField(_("trọng số"), default=dict)
    result = models.JSONField(_("số đại biểu từng đơn vị"), default=dict)
    ties = models.JSONField(_("trường hợp bằng nhau"), default=list, blank=True)
    categories = models.JSONField(_("cơ cấu theo thành phần"), default=list, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    updated_by = _user()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phân bổ đại biểu")
        verbose_name_plural = _("phân bổ đại biểu")
        ordering = ["campaign", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="allocation_one_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.seats}"

    def seats_of(self, unit_id: int) -> int | None:
        value = self.result.get(str(unit_id))
        return None if value is None else int(value)


class Nominee(models.Model):
    """A delegate of the lower conference put forward to the upper level."""

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.CASCADE, related_name="nominees"
    )
    delegate = models.ForeignKey(
        "conferences.Delegate", on_delete=models.PROTECT, related_name="nominations"
    )
    added_by = _user()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("người được giới thiệu")
        verbose_name_plural = _("người được giới thiệu")
        ordering = ["conference", "delegate__name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "delegate"], name="nominee_once")
        ]

    def __str__(self) -> str:
        return str(self.delegate)


class Poll(RuleFields):
    """One vote of the conference on its nominees (a run-off is a new poll with ``parent``)."""

    conference = models.ForeignKey(
        "conferences.Conference", on_delete=models.PROTECT, related_name="polls"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("bầu lại của"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="runoffs",
    )
    procedure = models.CharField(_("hình thức"), max_length=16, choices=Procedure.choices)
    scope = models.CharField(
        _("biểu quyết"), max_length=16, choices=PollScope.choices, default=PollScope.PER_CANDIDATE
    )
    seats = models.PositiveIntegerField(_("số người được cử"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=PollStatus.choices, default=PollStatus.DRAFT
    )
    paper_reserve = models.PositiveSmallIntegerField(_("số phiếu dự phòng"), default=0)
    rules_source = models.CharField(_("theo quy định"), max_length=200, blank=True)
    entitled = models.PositiveIntegerField(_("số đại biểu được triệu tập"), null=True, blank=True)
    present = models.PositiveIntegerField(_("số đại biểu có mặt"), null=True, blank=True)
    ballots_issued = models.PositiveIntegerField(_("số phiếu in ra"), null=True, blank=True)
    hands = models.JSONField(_("kết quả giơ tay"), default=dict, blank=True)
    result = models.JSONField(_("kết quả"), default=dict, blank=True)
    rule_text = models.TextField(_("quy định áp dụng"), blank=True)
    opened_by = _user()
    opened_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    closed_by = _user()
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    created_by = _user()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cuộc biểu quyết")
        verbose_name_plural = _("cuộc biểu quyết")
        ordering = ["conference", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.conference} — {self.get_procedure_display()}"

    @property
    def is_draft(self) -> bool:
        return self.status == PollStatus.DRAFT

    @property
    def is_open(self) -> bool:
        return self.status == PollStatus.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == PollStatus.CLOSED

    @property
    def is_certified(self) -> bool:
        return self.status == PollStatus.CERTIFIED


class PollCandidate(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="candidates")
    delegate = models.ForeignKey("conferences.Delegate", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("họ và tên"), max_length=200)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["poll", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "delegate"], name="poll_candidate_once")
        ]

    def __str__(self) -> str:
        return self.name


class Elector(models.Model):
    """A delegate checked in when the poll opened. For the electronic vote: the hash of their
    one-time token and whether it was used; nothing about what they chose, nor when."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="electors")
    delegate = models.ForeignKey("conferences.Delegate", on_delete=models.PROTECT, related_name="+")
    token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True)
    used = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "delegate"], name="elector_once")]

    def __str__(self) -> str:
        return f"{self.poll_id}:{self.delegate_id}"


class Ballot(models.Model):
    """An electronic ballot: a random id, the hash of the voter's receipt, the approved
    candidates. Deliberately no timestamp, no elector, no token, no delegate."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.PROTECT, related_name="ballots")
    receipt_hash = models.CharField(max_length=64, unique=True)
    approved = models.JSONField(default=list)

    class Meta:
        ordering = ["poll", "id"]

    def __str__(self) -> str:
        return str(self.id)


class BoxEntry(models.Model):
    """One entry (1 or 2) of a paper ballot box's count; ``approvals`` by candidate id."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="box_entries")
    box = models.CharField(_("hòm phiếu"), max_length=40)
    entry = models.PositiveSmallIntegerField(_("lần nhập"))
    cast = models.PositiveIntegerField(_("số phiếu thu về"))
    invalid = models.PositiveIntegerField(_("số phiếu không hợp lệ"))
    approvals = models.JSONField(_("số phiếu tán thành từng người"), default=dict)
    entered_by = _user()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["poll", "box", "entry"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "box", "entry"], name="box_entry_once"),
            models.CheckConstraint(condition=Q(entry__in=(1, 2)), name="box_entry_one_or_two"),
        ]

    def __str__(self) -> str:
        return f"{self.box} ({self.entry})"


class ImmutableQuerySet(models.QuerySet["Certification"]):
    def update(self, **kwargs: Any) -> int:
        raise TypeError("Certified results are immutable; certify a correction instead.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise TypeError("Certified results are immutable; certify a correction instead.")


class Certification(models.Model):
    """The chair's certified result of a poll. Never changed: a correction is a new row with
    ``supersedes`` and a reason."""

    poll = models.ForeignKey(Poll, on_delete=models.PROTECT, related_name="certifications")
    version = models.PositiveSmallIntegerField(_("lần chứng nhận"), default=1)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("đính chính cho"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    reason = models.TextField(_("lý do đính chính"), blank=True)
    elected = models.JSONField(_("người được cử"), default=list)
    result = models.JSONField(_("kết quả kiểm phiếu"), default=dict)
    rule_text = models.TextField(_("quy định áp dụng"))
    document = models.ForeignKey(
        "documents.GeneratedDocument",
        verbose_name=_("biên bản kiểm phiếu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    certified_by = _user()
    certified_at = models.DateTimeField(_("chứng nhận lúc"))

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("kết quả được chứng nhận")
        verbose_name_plural = _("kết quả được chứng nhận")
        ordering = ["poll", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["poll", "version"], name="certification_version")
        ]

    def __str__(self) -> str:
        return f"{self.poll} — {self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise TypeError("Certified results are immutable; certify a correction instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise TypeError("Certified results are immutable; certify a correction instead.")

    @property
    def is_current(self) -> bool:
        return not hasattr(self, "superseded_by") or self.superseded_by is None
