"""Vocabularies of conferences. Stored values are lowercase English; labels Vietnamese."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.campaigns import rules as campaign_rules
from thidua.conferences import rules


class ConferenceFormat(models.TextChoices):
    """Plan §II.2.1: under the threshold a plenary conference, over it a delegate conference."""

    PLENARY = campaign_rules.PLENARY, _("Hội nghị toàn thể")
    DELEGATE = campaign_rules.DELEGATE, _("Hội nghị đại biểu")


class FormatByRule(models.TextChoices):
    """What the level rule says for the unit's staff count (exactly at the threshold: the
    organizer must choose)."""

    PLENARY = campaign_rules.PLENARY, _("Hội nghị toàn thể")
    DELEGATE = campaign_rules.DELEGATE, _("Hội nghị đại biểu")
    ORGANIZER_CHOICE = campaign_rules.ORGANIZER_CHOICE, _("Đơn vị tổ chức lựa chọn")


class Session(models.TextChoices):
    MORNING = rules.MORNING, _("Buổi sáng")
    AFTERNOON = rules.AFTERNOON, _("Buổi chiều")


class ConferenceStatus(models.TextChoices):
    """Issue 7 adds the later states (invitations sent, in session, closed)."""

    PREPARING = "preparing", _("Đang chuẩn bị")
    LIST_APPROVED = "list_approved", _("Đã duyệt danh sách đại biểu")


class AgendaItemKind(models.TextChoices):
    PLAN = rules.PLAN_ITEM, _("Nội dung theo kế hoạch")
    EXTRA = rules.EXTRA_ITEM, _("Nội dung bổ sung")


class DelegateCategory(models.TextChoices):
    """The category the 70/30 rule reads (feature "category")."""

    HONOREE = rules.HONOREE, _("Điển hình tiên tiến")
    GUEST = rules.GUEST, _("Khách mời")
    LEADER = rules.LEADER, _("Lãnh đạo")


# The categories entered by hand (honorees come from the pool).
MANUAL_CATEGORY_CHOICES = [
    (DelegateCategory.GUEST.value, DelegateCategory.GUEST.label),
    (DelegateCategory.LEADER.value, DelegateCategory.LEADER.label),
]


class DelegateOrigin(models.TextChoices):
    """Where a delegate comes from. ``certified``: elected or nominated by a lower conference
    and certified upward (issue 8 feeds it through services.certify_upward)."""

    HONOREE_POOL = "honoree_pool", _("Từ danh sách điển hình của đơn vị")
    CERTIFIED = "certified", _("Do hội nghị cấp dưới bầu, cử")
    MANUAL = "manual", _("Nhập trực tiếp")
    WALK_IN = "walk_in", _("Khách đến trực tiếp tại hội nghị")


class DelegateStatus(models.TextChoices):
    """A delegate's way from the list to the hall (transitions: rules.DELEGATE_TRANSITIONS).
    Issue 6 moves reserve <-> listed; invitations, answers and check-in are issue 7's."""

    RESERVE = rules.RESERVE, _("Dự bị (ngoài danh sách)")
    LISTED = rules.LISTED, _("Trong danh sách")
    INVITED = rules.INVITED, _("Đã gửi giấy mời")
    CONFIRMED = rules.CONFIRMED, _("Đã xác nhận dự")
    DECLINED = rules.DECLINED, _("Báo vắng")
    CHECKED_IN = rules.CHECKED_IN, _("Đã điểm danh")


class PoolSource(models.TextChoices):
    HONOREES = "honorees", _("Điển hình tiên tiến của đơn vị và đơn vị trực thuộc")
    CERTIFIED = "certified", _("Đại biểu do hội nghị cấp dưới bầu, cử")


class ProposalStatus(models.TextChoices):
    OPTIMAL = "optimal", _("Đã tìm được danh sách tối ưu")
    INFEASIBLE = "infeasible", _("Không thể thỏa mãn mọi quy định")
    TIME_LIMIT = "time_limit", _("Hết thời gian giải")


class CheckInOutcome(models.TextChoices):
    """What one scan at the door answered (issue 7): the first scan checks in; the others are
    logged with why nothing changed."""

    CHECKED_IN = "checked_in", _("Điểm danh")
    WALK_IN = "walk_in", _("Khách đến trực tiếp")
    ALREADY = "already", _("Đã điểm danh trước đó")
    REFUSED = "refused", _("Bị từ chối")
