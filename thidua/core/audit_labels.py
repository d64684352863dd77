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
    "honorees.honoree.created": _("thêm điển hình tiên tiến"),
    "honorees.honoree.updated": _("sửa thông tin điển hình"),
    "honorees.honoree.stage_moved": _("chuyển giai đoạn điển hình"),
    "honorees.honoree.consent_set": _("ghi nhận đồng ý công khai"),
    "honorees.honoree.movements_set": _("cập nhật phong trào tham gia"),
    "honorees.recognition.added": _("ghi nhận danh hiệu, khen thưởng"),
    "honorees.recognition.removed": _("xóa danh hiệu, khen thưởng"),
    "honorees.initiative.added": _("ghi nhận sáng kiến"),
    "honorees.achievement.added": _("ghi nhận thành tích"),
    "honorees.photo.added": _("tải ảnh điển hình"),
    "honorees.photo.deleted": _("xóa ảnh điển hình"),
    "honorees.video.added": _("thêm video điển hình"),
    "honorees.story.written": _("viết bài vinh danh"),
    "honorees.story.published": _("duyệt và đăng bài vinh danh"),
    "honorees.story.withdrawn": _("gỡ bài vinh danh"),
    "honorees.movement.created": _("thêm phong trào thi đua"),
    "honorees.movement.updated": _("sửa phong trào thi đua"),
    "honorees.import.completed": _("nhập điển hình từ Excel"),
    "documents.issuer.created": _("tạo cơ quan ban hành"),
    "documents.series.started": _("đặt số bắt đầu của sổ đăng ký văn bản"),
    "documents.document.issued": _("phát hành văn bản"),
    "documents.document.reissued": _("phát hành lại văn bản (phiên bản mới)"),
    "documents.batch.created": _("tạo lô văn bản"),
    "documents.batch.completed": _("hoàn thành lô văn bản"),
    "documents.batch.failed": _("lô văn bản bị lỗi"),
    "documents.batch.retried": _("chạy lại lô văn bản"),
    "operations.backup.created": _("sao lưu dữ liệu"),
    "operations.backup.restored": _("khôi phục dữ liệu từ bản sao lưu"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))
