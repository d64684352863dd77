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
    "documents.issuer.created": _("tạo cơ quan ban hành"),
    "documents.series.started": _("đặt số bắt đầu của sổ đăng ký văn bản"),
    "documents.document.issued": _("phát hành văn bản"),
    "documents.document.reissued": _("phát hành lại văn bản (phiên bản mới)"),
    "documents.batch.created": _("tạo lô văn bản"),
    "documents.batch.completed": _("hoàn thành lô văn bản"),
    "documents.batch.failed": _("lô văn bản bị lỗi"),
    "documents.batch.retried": _("chạy lại lô văn bản"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))
