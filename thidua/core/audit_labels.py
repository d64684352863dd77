"""Readable names of audit actions, for the audit pages. Unknown actions show their code."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "accounts.user.logged_in": _("đăng nhập"),
    "accounts.user.locked_out": _("tài khoản bị tạm khóa"),
    "accounts.api_token.issued": _("cấp token API"),
    "accounts.api_token.revoked": _("thu hồi token API"),
    "units.unit.created": _("tạo đơn vị"),
    "units.unit.updated": _("sửa thông tin đơn vị"),
    "units.unit.successor_linked": _("ghi nhận đơn vị kế thừa"),
    "units.membership.granted": _("cấp quyền"),
    "units.membership.revoked": _("thu hồi quyền"),
    "units.import.completed": _("nhập danh mục đơn vị"),
    "campaigns.campaign.created": _("tạo kế hoạch từ mẫu"),
    "campaigns.campaign.derived": _("lập kế hoạch từ kế hoạch cấp trên"),
    "campaigns.campaign.updated": _("sửa kế hoạch"),
    "campaigns.campaign.issued": _("ban hành kế hoạch"),
    "campaigns.level_rule.updated": _("sửa quy định theo cấp"),
    "campaigns.composition_rule.added": _("thêm quy định cơ cấu đại biểu"),
    "campaigns.composition_rule.updated": _("sửa quy định cơ cấu đại biểu"),
    "campaigns.composition_rule.removed": _("xóa quy định cơ cấu đại biểu"),
    "campaigns.task.updated": _("sửa nhiệm vụ của cơ quan, đơn vị"),
    "campaigns.submission.submitted": _("gửi hồ sơ (kế hoạch, hội nghị, kết quả)"),
    "campaigns.submission.accepted": _("chấp nhận hồ sơ"),
    "campaigns.submission.returned": _("trả lại hồ sơ"),
    "campaigns.feedback.raised": _("báo vướng mắc"),
    "campaigns.feedback.replied": _("trả lời vướng mắc"),
    "campaigns.feedback.closed": _("giải quyết xong vướng mắc"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))
