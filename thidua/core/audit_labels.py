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
    "awards.proposal.created": _("lập đề nghị khen thưởng"),
    "awards.proposal.merged": _("tổng hợp đề nghị khen thưởng"),
    "awards.proposal.submitted_for_review": _("gửi Hội đồng xét đề nghị khen thưởng"),
    "awards.proposal.reviewed": _("Hội đồng biểu quyết, lập biên bản"),
    "awards.candidate.added": _("thêm người, tập thể được đề nghị"),
    "awards.candidate.removed": _("bỏ người, tập thể khỏi đề nghị"),
    "awards.evidence.attached": _("đính kèm tài liệu minh chứng"),
    "awards.opinion.recorded": _("ghi ý kiến thành viên Hội đồng"),
    "awards.decision.issued": _("ban hành quyết định khen thưởng"),
    "awards.submission.sent": _("trình cấp trên khen thưởng"),
    "awards.submission.forwarded": _("trình tiếp lên cấp trên"),
    "awards.submission.decided": _("quyết định theo tờ trình của cấp dưới"),
    "awards.submission.returned": _("trả lại tờ trình khen thưởng"),
    "awards.entry.revoked": _("thu hồi khen thưởng"),
    "awards.certificates.printed": _("in giấy khen"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))
