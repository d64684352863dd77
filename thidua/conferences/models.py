"""Conferences: one unit's conference in a campaign, its agenda, its delegates, and the
optimizer's proposals.

* ``AgendaTemplate`` + ``AgendaTemplateItem``: the agenda as data (the default table, or a
  campaign's own): the plan's nine items (R8) with durations and presenters, the extras a
  locality may add, the session's length and start times.
* ``Conference``: set up from the campaign's LevelRule (name, window, format, cap) for a unit
  with a "hold conference" assignment, or for the campaign's issuer itself; records the
  organizer's format choice (exactly at the threshold), the council's proposed cap and the
  organizer's decision, the agenda's acceptance and the delegate list's approval (with the
  override reason when a rule failed).
* ``AgendaItem``: the conference's programme, in order; start times follow from the durations.
* ``Delegate``: one person (or collective) on the list or in reserve, with the attributes the
  composition rules read, its origin (honoree pool, certified by a lower conference, entered by
  hand) and the fields issue 7 (invitations, check-in) and issue 8 (upward certification) use.
* ``DelegateProposal``: one optimizer run: inputs (size, seed, weights, must-include people),
  result (selected, report, why each was chosen or not, conflicts and relaxation).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.conferences import rules
from thidua.conferences.enums import (
    AgendaItemKind,
    CheckInOutcome,
    ConferenceFormat,
    ConferenceStatus,
    DelegateCategory,
    DelegateOrigin,
    DelegateStatus,
    FormatByRule,
    PoolSource,
    ProposalStatus,
    Session,
)
from thidua.honorees.enums import Gender


def _user(related_name: str = "+", **extra: object) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name=related_name,
        **extra,  # type: ignore[arg-type]
    )


class AgendaTemplate(models.Model):
    """The agenda a new conference starts from. ``code="default"`` is the default table
    (migration 0002); a campaign may have its own (``campaign`` set)."""

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    campaign = models.OneToOneField(
        "campaigns.Campaign",
        verbose_name=_("kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="agenda_template",
    )
    name = models.CharField(_("tên"), max_length=200)
    session_minutes = models.PositiveSmallIntegerField(_("thời lượng một buổi (phút)"), default=210)
    morning_start = models.TimeField(_("giờ bắt đầu buổi sáng"), default=dt.time(7, 30))
    afternoon_start = models.TimeField(_("giờ bắt đầu buổi chiều"), default=dt.time(13, 30))
    default_item_minutes = models.PositiveSmallIntegerField(
        _("thời lượng mặc định của một nội dung (phút)"), default=10
    )
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("mẫu chương trình hội nghị")
        verbose_name_plural = _("mẫu chương trình hội nghị")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def start_of(self, session: str) -> dt.time:
        return self.morning_start if session == Session.MORNING else self.afternoon_start


class AgendaTemplateItem(models.Model):
    template = models.ForeignKey(AgendaTemplate, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    kind = models.CharField(_("loại"), max_length=8, choices=AgendaItemKind.choices)
    position = models.PositiveSmallIntegerField(
        _("mục của kế hoạch"),
        null=True,
        blank=True,
        help_text=_("1 đến 9 (mục II.3 của kế hoạch)."),
    )
    title = models.CharField(_("nội dung"), max_length=500)
    duration_minutes = models.PositiveSmallIntegerField(_("thời lượng (phút)"))
    presenter = models.CharField(_("người thực hiện"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("nội dung mẫu")
        verbose_name_plural = _("nội dung mẫu")
        ordering = ["template", "order", "id"]

    def __str__(self) -> str:
        return self.title

    def as_row(self) -> rules.TemplateRow:
        return rules.TemplateRow(
            self.kind, self.title, self.duration_minutes, self.presenter, self.position
        )


class Conference(models.Model):
    """One unit's conference in a campaign (R6 commune, R7 district)."""

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("kế hoạch"),
        on_delete=models.PROTECT,
        related_name="conferences",
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="conferences"
    )
    assignment = models.OneToOneField(
        "campaigns.Assignment",
        verbose_name=_("nhiệm vụ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conference",
    )
    level = models.CharField(_("cấp"), max_length=16)
    name = models.CharField(_("tên hội nghị"), max_length=200)
    held_on = models.DateField(_("ngày tổ chức"))
    session = models.CharField(_("buổi"), max_length=16, choices=Session.choices)
    start_time = models.TimeField(_("giờ bắt đầu"))
    session_minutes = models.PositiveSmallIntegerField(_("thời lượng buổi (phút)"))
    venue = models.CharField(_("địa điểm"), max_length=300)
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=ConferenceStatus.choices,
        default=ConferenceStatus.PREPARING,
    )
    # Format (Plan §II.2.1): what the rule says for the staff count, and what is held.
    staff_count = models.PositiveIntegerField(_("số CB, CC, VC, NLĐ"), null=True, blank=True)
    format_by_rule = models.CharField(
        _("hình thức theo quy định"), max_length=20, choices=FormatByRule.choices
    )
    format = models.CharField(
        _("hình thức"), max_length=20, choices=ConferenceFormat.choices, blank=True
    )
    format_chosen_by = _user(verbose_name=_("người lựa chọn hình thức"))
    format_chosen_at = models.DateTimeField(_("lựa chọn lúc"), null=True, blank=True)
    format_choice_reason = models.TextField(_("lý do lựa chọn"), blank=True)
    # Cap: the council proposes, the organizer decides (Plan §II.2.1).
    council_proposed_cap = models.PositiveIntegerField(
        _("số đại biểu Hội đồng TĐKT đề xuất"), null=True, blank=True
    )
    council_proposal_reference = models.CharField(_("văn bản đề xuất"), max_length=200, blank=True)
    council_proposed_by = _user(verbose_name=_("người ghi nhận đề xuất"))
    council_proposed_at = models.DateTimeField(_("đề xuất lúc"), null=True, blank=True)
    cap = models.PositiveIntegerField(_("số đại biểu tối đa (quyết định)"), null=True, blank=True)
    cap_decided_by = _user(verbose_name=_("người quyết định số đại biểu"))
    cap_decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    # The agenda and the delegate list.
    agenda_accepted_by = _user(verbose_name=_("người chấp nhận chương trình"))
    agenda_accepted_at = models.DateTimeField(
        _("chấp nhận chương trình lúc"), null=True, blank=True
    )
    list_approved_by = _user(verbose_name=_("người duyệt danh sách"))
    list_approved_at = models.DateTimeField(_("duyệt danh sách lúc"), null=True, blank=True)
    list_override_reason = models.TextField(_("lý do duyệt khi chưa đạt cơ cấu"), blank=True)
    list_override_failures = models.JSONField(
        _("quy định chưa đạt khi duyệt"), default=list, blank=True
    )
    # The day (issue 7): the invitations' batch PDF and the agenda item on the projector.
    invitation_batch = models.ForeignKey(
        "documents.DocumentBatch",
        verbose_name=_("lô giấy mời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    current_item = models.ForeignKey(
        "AgendaItem",
        verbose_name=_("nội dung đang diễn ra"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    current_item_started_at = models.DateTimeField(_("bắt đầu nội dung lúc"), null=True, blank=True)
    created_by = _user()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="conference_one_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.unit}"

    @property
    def format_pending(self) -> bool:
        return not self.format

    @property
    def is_list_approved(self) -> bool:
        return self.status != ConferenceStatus.PREPARING

    @property
    def session_end(self) -> dt.time:
        return rules.session_end(self.start_time, self.session_minutes)


class AgendaItem(models.Model):
    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    kind = models.CharField(_("loại"), max_length=8, choices=AgendaItemKind.choices)
    position = models.PositiveSmallIntegerField(_("mục của kế hoạch"), null=True, blank=True)
    title = models.CharField(_("nội dung"), max_length=500)
    duration_minutes = models.PositiveSmallIntegerField(_("thời lượng (phút)"))
    presenter = models.CharField(_("người thực hiện"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("nội dung chương trình")
        verbose_name_plural = _("nội dung chương trình")
        ordering = ["conference", "order", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_plan_item(self) -> bool:
        return self.kind == AgendaItemKind.PLAN


class Delegate(models.Model):
    """A delegate of a conference: on the list (``status`` in rules.ON_LIST) or in reserve.

    The rule attributes are a snapshot taken when the delegate is added (an honoree's record
    may change later; the list the organizer approved must not move under them)."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="delegates")
    category = models.CharField(_("thành phần"), max_length=16, choices=DelegateCategory.choices)
    origin = models.CharField(_("nguồn"), max_length=16, choices=DelegateOrigin.choices)
    honoree = models.ForeignKey(
        "honorees.Honoree",
        verbose_name=_("điển hình"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegate_seats",
    )
    origin_delegate = models.ForeignKey(
        "self",
        verbose_name=_("đại biểu do hội nghị cấp dưới cử"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="upward_seats",
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=DelegateStatus.choices, default=rules.LISTED
    )
    required = models.BooleanField(
        _("bắt buộc có mặt"), default=False, help_text=_("Bộ đề xuất luôn giữ người này.")
    )
    # Who they are.
    name = models.CharField(_("họ và tên / tên tập thể"), max_length=200)
    representative = models.CharField(_("người đại diện (tập thể)"), max_length=200, blank=True)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    organization = models.CharField(_("cơ quan, đơn vị công tác"), max_length=300, blank=True)
    # The attributes the composition rules read (codes of the honorees' vocabularies).
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender.choices, blank=True)
    direct_producer = models.BooleanField(_("trực tiếp sản xuất, công tác"), default=False)
    economic_sector = models.CharField(_("thành phần kinh tế"), max_length=64, blank=True)
    field = models.CharField(_("lĩnh vực"), max_length=64, blank=True)
    component = models.CharField(_("thành phần xã hội"), max_length=64, blank=True)
    sub_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    titles = models.JSONField(_("danh hiệu, khen thưởng"), default=list, blank=True)
    merit = models.DecimalField(_("điểm thành tích"), max_digits=9, decimal_places=2, default=0)
    proposal = models.ForeignKey(
        "DelegateProposal",
        verbose_name=_("theo đề xuất"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Contact and the door (issue 7: invitations with unguessable tokens, answers, badges,
    # check-in). Left empty here.
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    token = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    token_revoked_at = models.DateTimeField(_("thu hồi thẻ lúc"), null=True, blank=True)
    invitation = models.ForeignKey(
        "documents.GeneratedDocument",
        verbose_name=_("giấy mời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("gửi giấy mời lúc"), null=True, blank=True)
    responded_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    badge_number = models.PositiveIntegerField(_("số thẻ đại biểu"), null=True, blank=True)
    seat = models.CharField(_("chỗ ngồi (hàng, ghế)"), max_length=40, blank=True)
    checked_in_at = models.DateTimeField(_("điểm danh lúc"), null=True, blank=True)
    checked_in_by = _user(verbose_name=_("người điểm danh"))
    # Upward (issue 8): certified as this conference's delegate to the upper conference.
    certified_upward_at = models.DateTimeField(
        _("được cử đi dự cấp trên lúc"), null=True, blank=True
    )
    certified_upward_by = _user(verbose_name=_("người chứng nhận"))
    certified_upward_note = models.CharField(_("căn cứ cử đi dự"), max_length=300, blank=True)
    added_by = _user()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đại biểu")
        verbose_name_plural = _("đại biểu")
        ordering = ["conference", "category", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "honoree"],
                condition=Q(honoree__isnull=False),
                name="delegate_honoree_once",
            ),
            models.UniqueConstraint(
                fields=["conference", "origin_delegate"],
                condition=Q(origin_delegate__isnull=False),
                name="delegate_certified_once",
            ),
            models.UniqueConstraint(
                fields=["conference", "badge_number"],
                condition=Q(badge_number__isnull=False),
                name="delegate_badge_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["conference", "status"], name="delegate_status"),
            models.Index(
                fields=["certified_upward_at"],
                condition=Q(certified_upward_at__isnull=False),
                name="delegate_certified_upward",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def on_list(self) -> bool:
        return self.status in rules.ON_LIST

    @property
    def is_manual(self) -> bool:
        return self.origin == DelegateOrigin.MANUAL

    @property
    def is_walk_in(self) -> bool:
        return self.origin == DelegateOrigin.WALK_IN

    @property
    def is_present(self) -> bool:
        return self.checked_in_at is not None

    def checker_attributes(self) -> dict[str, object]:
        return rules.attributes(
            category=self.category,
            gender=self.gender,
            direct_producer=self.direct_producer,
            economic_sector=self.economic_sector,
            field=self.field,
            component=self.component,
            sub_unit=self.sub_unit_id,
            titles=self.titles or (),
        )


class DelegateProposal(models.Model):
    """One run of the optimizer for a conference: what it was asked, what it answered."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="proposals")
    source = models.CharField(_("nguồn ứng viên"), max_length=16, choices=PoolSource.choices)
    size = models.PositiveIntegerField(_("số đại biểu"))
    seed = models.PositiveBigIntegerField(_("số gốc bốc thăm"))
    weights = models.JSONField(_("trọng số điểm thành tích"), default=dict)
    required = models.JSONField(_("người bắt buộc có mặt"), default=list)
    rules = models.JSONField(_("quy định áp dụng"), default=list)
    status = models.CharField(_("kết quả"), max_length=16, choices=ProposalStatus.choices)
    objective = models.CharField(_("tổng điểm thành tích"), max_length=64, blank=True)
    selected = models.JSONField(_("danh sách đề xuất"), default=list)
    pool = models.JSONField(_("ứng viên và lý do"), default=list)
    report = models.JSONField(_("kiểm tra cơ cấu"), default=list)
    conflicts = models.JSONField(_("quy định mâu thuẫn"), default=list)
    relaxation = models.JSONField(_("cách nới quy định"), default=list)
    message = models.TextField(_("thông báo"), blank=True)
    created_by = _user()
    created_at = models.DateTimeField(auto_now_add=True)
    applied_by = _user(verbose_name=_("người áp dụng"))
    applied_at = models.DateTimeField(_("áp dụng lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("đề xuất danh sách đại biểu")
        verbose_name_plural = _("đề xuất danh sách đại biểu")
        ordering = ["conference", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.conference} — {self.created_at:%d/%m/%Y %H:%M}"

    @property
    def is_optimal(self) -> bool:
        return self.status == ProposalStatus.OPTIMAL


class CheckIn(models.Model):
    """One scan (or search pick) at the door: the log of the check-in page. The presence itself
    is ``Delegate.checked_in_at`` (set once); this row says who scanned what, at which gate,
    and what was answered. ``nonce`` is the client's id of the request: a retried request
    finds its row and gets the same answer."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="scans")
    delegate = models.ForeignKey(
        Delegate, null=True, blank=True, on_delete=models.CASCADE, related_name="scans"
    )
    nonce = models.CharField(_("mã yêu cầu"), max_length=64, unique=True)
    gate = models.CharField(_("cửa"), max_length=40, blank=True)
    outcome = models.CharField(_("kết quả"), max_length=16, choices=CheckInOutcome.choices)
    reason = models.CharField(_("lý do"), max_length=40, blank=True)
    by = _user(verbose_name=_("người điểm danh"))
    at = models.DateTimeField(_("lúc"))

    class Meta:
        verbose_name = _("lượt điểm danh")
        verbose_name_plural = _("lượt điểm danh")
        ordering = ["conference", "-at", "-id"]
        indexes = [models.Index(fields=["conference", "-at"], name="checkin_conference_at")]

    def __str__(self) -> str:
        return f"{self.conference_id}: {self.outcome} {self.at:%H:%M}"
