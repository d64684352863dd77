"""The official documents of the awards workflow described for the documents engine:
decision (QĐ) with its annexed list, submission (TTr), council minutes (BB), certificates.
Pure functions of plain values (no queries)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from thidua.core.vietnamese import short_date
from thidua.documents import sheets
from thidua.documents import spec as doc

LAW = "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"
DECREE = (
    "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi "
    "hành một số điều của Luật Thi đua, khen thưởng"
)
LOCAL_GOVERNMENT = "Luật Tổ chức chính quyền địa phương"


@dataclass(frozen=True)
class Line:
    """One candidate as the documents show it."""

    name: str
    detail: str  # position and unit
    form: str
    achievement: str
    votes: str = ""  # "7/9" in the minutes


def annex_table(lines: Sequence[Line], *, with_votes: bool = False) -> doc.Table:
    header = ["STT", "Họ và tên / tên tập thể", "Chức vụ, đơn vị", "Hình thức", "Thành tích"]
    widths = [0.6, 2.6, 2.8, 1.8, 4.2]
    if with_votes:
        header.append("Biểu quyết")
        widths.append(1.2)
    rows = []
    for index, line in enumerate(lines, start=1):
        row = [str(index), line.name, line.detail, line.form, line.achievement]
        if with_votes:
            row.append(line.votes)
        rows.append(tuple(row))
    return doc.Table(tuple(header), tuple(rows), widths=tuple(widths))


def decision_spec(
    *,
    grantor: str,  # "CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN QUẾ"
    form_names: Sequence[str],
    period: str,
    movement: str,
    proposer: str,
    minutes: str,
    lines: Sequence[Line],
    bonus: str,
    signature: doc.Signature,
    date: dt.date,
    recipients: Sequence[str],
) -> doc.DocumentSpec:
    forms = ", ".join(dict.fromkeys(form_names))
    achievement = f"đã có thành tích xuất sắc trong phong trào thi đua giai đoạn {period}"
    if movement:
        achievement = f"đã có thành tích xuất sắc trong phong trào “{movement}” giai đoạn {period}"
    basis = [
        doc.Paragraph(doc.rich(f"**{grantor}**"), align="center"),
        doc.Paragraph(f"Căn cứ {LOCAL_GOVERNMENT};"),
        doc.Paragraph(f"Căn cứ {LAW};"),
        doc.Paragraph(f"Căn cứ {DECREE};"),
    ]
    proposal_line = (
        f"Xét đề nghị của {proposer}" if proposer else "Xét đề nghị của cơ quan chuyên môn"
    )
    if minutes:
        proposal_line += f" và Hội đồng Thi đua - Khen thưởng (Biên bản số {minutes})"
    basis.append(doc.Paragraph(proposal_line + "."))
    basis.append(doc.Paragraph(doc.rich("**QUYẾT ĐỊNH:**"), align="center"))
    articles = (
        doc.Paragraph(
            doc.rich(
                f"**Điều 1.** Tặng {forms} cho {len(lines)} cá nhân, tập thể (có danh sách kèm "
                f"theo) {achievement}."
            )
        ),
        doc.Paragraph(doc.rich(f"**Điều 2.** {bonus}")),
        doc.Paragraph(
            doc.rich(
                "**Điều 3.** Quyết định có hiệu lực kể từ ngày ký. Văn phòng, bộ phận Nội vụ, "
                "bộ phận Tài chính và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm "
                "thi hành Quyết định này./."
            )
        ),
    )
    return doc.DocumentSpec(
        type_code="QĐ",
        issuer=None,
        summary=(f"Về việc tặng {forms}",),
        blocks=(*basis, *articles),
        signature=signature,
        date=date,
        recipients=tuple(recipients),
        annexes=(
            doc.Annex(
                "DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG",
                (annex_table(lines),),
                landscape=True,
            ),
        ),
    )


def submission_spec(
    *,
    addressee: str,
    holder: str,  # "Chủ tịch UBND cấp tỉnh (Tỉnh Hà Nam)"
    form_names: Sequence[str],
    period: str,
    sender: str,
    basis: Sequence[str],
    lines: Sequence[Line],
    signature: doc.Signature,
    date: dt.date,
) -> doc.DocumentSpec:
    forms = ", ".join(dict.fromkeys(form_names))
    blocks: list[doc.Block] = [doc.Paragraph(f"Căn cứ {LAW};"), doc.Paragraph(f"Căn cứ {DECREE};")]
    blocks += [doc.Paragraph(f"Căn cứ {line};") for line in basis]
    blocks += [
        doc.Paragraph(
            f"{sender} kính trình {holder} xem xét, quyết định tặng {forms} cho "
            f"{len(lines)} cá nhân, tập thể (có danh sách và tóm tắt thành tích kèm theo) đã "
            f"có thành tích xuất sắc trong phong trào thi đua giai đoạn {period}."
        ),
        doc.Paragraph(f"{sender} kính trình./."),
    ]
    return doc.DocumentSpec(
        type_code="TTr",
        issuer=None,
        summary=(f"Về việc đề nghị tặng {forms}",),
        addressees=(addressee,),
        blocks=tuple(blocks),
        signature=signature,
        date=date,
        recipients=("Như trên;", "Lưu: VT."),
        annexes=(
            doc.Annex("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", (annex_table(lines),), landscape=True),
        ),
    )


def minutes_spec(
    *,
    unit_name: str,
    title: str,
    held_on: dt.date,
    present: int,
    threshold: str,
    lines: Sequence[Line],
    approved: int,
    opinions: Sequence[str],
    warnings: Sequence[str],
    chair: str,
) -> doc.DocumentSpec:
    blocks: list[doc.Block] = [
        doc.Paragraph(
            f"Hôm nay, {short_date(held_on)}, Hội đồng Thi đua - Khen thưởng {unit_name} họp xét "
            f"đề nghị khen thưởng: {title}."
        ),
        doc.Paragraph(f"Số thành viên có mặt: {present}. Ngưỡng thông qua: {threshold}."),
        doc.Section("Kết quả biểu quyết", (annex_table(lines, with_votes=True),)),
    ]
    if warnings:
        blocks.append(
            doc.Section(
                "Tiêu chí chưa đạt (Hội đồng đã xem xét)", tuple(doc.Item(w) for w in warnings)
            )
        )
    if opinions:
        blocks.append(doc.Section("Ý kiến thành viên", tuple(doc.Item(o) for o in opinions)))
    blocks.append(
        doc.Section(
            "Kết luận",
            (
                doc.Paragraph(
                    f"Hội đồng thống nhất đề nghị khen thưởng {approved}/{len(lines)} trường hợp "
                    "đạt ngưỡng biểu quyết. Biên bản kết thúc vào cùng ngày./."
                ),
            ),
        )
    )
    return doc.DocumentSpec(
        type_code="BB",
        issuer=None,
        summary=("Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng",),
        blocks=tuple(blocks),
        signature=doc.Signature(
            "CHỦ TỊCH HỘI ĐỒNG", chair, authority=(doc.Authority("TM", "HỘI ĐỒNG"),)
        ),
        date=held_on,
        top_level=2,
        recipients=("Thường trực Hội đồng;", "Lưu: VT."),
    )


def certificate(
    *,
    grantor: tuple[str, ...],
    title: str,
    recipient: str,
    detail: str,
    achievement: str,
    decision_line: str,
    register_line: str,
    place: str,
    date: dt.date,
    signer_title: tuple[str, ...],
    signer_name: str,
) -> sheets.CertificateSpec:
    return sheets.CertificateSpec(
        grantor=grantor,
        title=title,
        recipient=recipient,
        detail=detail,
        achievement=achievement,
        decision_line=decision_line,
        register_line=register_line,
        place=place,
        date=date,
        signer_title=signer_title,
        signer_name=signer_name,
    )
