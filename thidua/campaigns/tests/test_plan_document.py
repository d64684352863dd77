"""plan_document.py, the seam to the documents engine: the plan's structured content is built
from the campaign's values and rules, and reproduces the seed's wording."""

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest

from thidua.campaigns import plan_document, selectors, services


def content_of(campaign):
    return plan_document.plan_content(selectors.campaign_with_rules(campaign))


def block(content, *labels):
    blocks = content.body
    found = None
    for label in labels:
        found = next(b for b in blocks if b.label == label)
        blocks = found.children
    return found


@pytest.mark.django_db
def test_the_particulars_of_the_seed_plan(campaign):
    content = content_of(campaign)
    assert (content.document_type, content.type_name, content.number) == ("KH", "KẾ HOẠCH", None)
    assert (content.issuing_body, content.place, content.date) == (
        "ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG",
        "Kim Bảng",
        None,
    )
    assert content.summary == (
        "Tổ chức Hội nghị điển hình tiên tiến các cấp, tiến tới Đại hội Thi đua yêu nước tỉnh "
        "Hà Nam lần thứ XII"
    )
    assert content.basis == (
        "Căn cứ Kế hoạch số 2056/KH-UBND ngày 10/10/2024 của Ủy ban nhân dân tỉnh về tổ chức "
        "Hội nghị điển hình tiên tiến các cấp, tiến tới Đại hội Thi đua yêu nước tỉnh Hà Nam "
        "lần thứ XII.",
    )
    assert content.intro == "Ủy ban nhân dân huyện Kim Bảng xây dựng Kế hoạch của huyện như sau:"
    assert content.signer == plan_document.Signer(
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Thành Thăng"
    )
    assert content.recipients[-1] == "Lưu: VT, NV."
    assert [(b.label, b.title) for b in content.body] == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("II.", "NỘI DUNG"),
        ("III.", "TỔ CHỨC THỰC HIỆN"),
    ]
    json.dumps(dataclasses.asdict(content), default=str)  # plain data for the engine


@pytest.mark.django_db
def test_the_levels_rules_become_the_seeds_sections(campaign):
    content = content_of(campaign)
    commune = block(content, "II.", "2.", "2.1.")
    assert commune.title == "Đối với cấp xã"
    assert [(p.bullet, p.text) for p in commune.paragraphs] == [
        ("-", "Hình thức: Tổ chức “Hội nghị tuyên dương điển hình tiên tiến”."),
        ("-", "Thời gian tổ chức: 01 buổi vào Quý I năm 2025."),
        ("-", "Thành phần, cơ cấu và số lượng đại biểu:"),
        (
            "+",
            "Thành phần, cơ cấu: Đại biểu khách mời; đại diện lãnh đạo các cấp, các ngành; "
            "đại diện tập thể và cá nhân Anh hùng, Chiến sĩ thi đua, các gương điển hình tiên "
            "tiến tiêu biểu xuất sắc, các điển hình tiên tiến là công nhân, nông dân, người "
            "trực tiếp sản xuất, công tác, gương người tốt, việc tốt (đại biểu điển hình tiên "
            "tiến chiếm 70%; đại biểu khách mời và lãnh đạo các cấp, các ngành chiếm 30%);",
        ),
        (
            "+",
            "Số lượng đại biểu: Đơn vị có dưới 300 cán bộ, công chức, viên chức, người lao "
            "động thì tổ chức Hội nghị toàn thể. Đơn vị có trên 300 cán bộ, công chức, viên "
            "chức, người lao động thì tổ chức Hội nghị đại biểu nhưng số lượng không quá 200 "
            "đại biểu; số lượng đại biểu do đơn vị tổ chức quyết định trên cơ sở đề xuất của "
            "Thường trực Hội đồng Thi đua - Khen thưởng.",
        ),
    ]
    district = block(content, "II.", "2.", "2.2.")
    assert district.title == "Đối với cấp huyện"
    assert district.paragraphs[1].text == "Thời gian tổ chức: 01 buổi vào Quý II năm 2025."
    assert district.paragraphs[3].text.endswith(
        "các điển hình tiên tiến trong giai đoạn 2021-2025 (lựa chọn theo sự phân bổ đại biểu "
        "của cấp trên); chú trọng lựa chọn cá nhân trực tiếp sản xuất, công tác, học tập, chiến "
        "đấu, đại biểu nữ, đại biểu đại diện các thành phần kinh tế (đại biểu điển hình tiên "
        "tiến chiếm 70%; đại biểu khách mời và lãnh đạo các cấp, các ngành chiếm 30%);"
    )
    assert district.paragraphs[4].text == "Số lượng: Tối đa 300 đại biểu."


@pytest.mark.django_db
def test_the_agenda_deadline_and_backdrop_come_from_the_campaign(campaign):
    content = content_of(campaign)
    agenda = block(content, "II.", "3.", "3.1.")
    assert [p.text for p in agenda.paragraphs][:9][5] == (
        "Phát động phong trào thi đua giai đoạn 2025-2030."
    )
    communes = block(content, "III.", "1.")
    assert communes.title == "Ủy ban nhân dân các xã, thị trấn"
    assert communes.paragraphs[0].text == (
        "Căn cứ vào kế hoạch này, xây dựng kế hoạch và triển khai thực hiện nghiêm túc và gửi "
        "bản Kế hoạch về Ủy ban nhân dân huyện (qua Phòng Nội vụ) trước ngày 16/12/2024;"
    )
    backdrop = block(content, "II.", "3.", "3.3.", "c)")
    assert backdrop.framed
    assert [p.text for p in backdrop.paragraphs] == [
        "ĐƠN VỊ CẤP TRÊN",
        "TÊN ĐƠN VỊ",
        "HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN",
        "Giai đoạn 2021-2025",
        "....., ngày.....tháng năm 2025",
    ]
    assert content.closing.endswith(
        "phản ánh về Ủy ban nhân dân huyện (qua Phòng Nội vụ) để xem xét, giải quyết./."
    )


@pytest.mark.django_db
def test_changing_the_rules_changes_the_text(campaign, district_officer):
    services.update_campaign(
        campaign,
        by=district_officer,
        review_period_start=2020,
        plan_deadline=dt.date(2024, 12, 20),
        plan_deadline_mode="by",
        congress_ordinal=1,
        congress_name="Đại hội Thi đua yêu nước tỉnh Ninh Bình",
    )
    services.update_level_rule(
        campaign.level_rules.get(level="commune"),
        by=district_officer,
        delegate_cap=180,
        at_threshold="plenary",
        sessions=2,
    )
    women = campaign.composition_rules.get(level="district", feature="gender")
    services.update_composition_rule(women, by=district_officer, min_value=Decimal("0.35"))
    text = plan_document.as_text(content_of(campaign))
    assert "Giai đoạn 2020-2025" in text
    assert "đến hết ngày 20/12/2024;" in text
    assert "tiến tới Đại hội Thi đua yêu nước tỉnh Ninh Bình lần thứ I" in text
    assert "02 buổi vào Quý I năm 2025" in text
    assert "không quá 180 đại biểu" in text
    assert (
        "Đơn vị có đúng 300 cán bộ, công chức, viên chức, người lao động tổ chức Hội nghị toàn thể."
        in text
    )
    assert "các ngành chiếm 30%; đại biểu nữ tối thiểu 35%);" in text
    assert "XII" not in text


@pytest.mark.django_db
def test_a_units_own_plan_comes_from_the_same_generator(
    issued, world, commune_a_officer, district_officer
):
    services.update_campaign(
        issued, by=district_officer, plan_number="25/KH-UBND", plan_date=dt.date(2024, 11, 25)
    )
    own = services.derive_campaign(issued, unit=world.commune_a, by=commune_a_officer)
    content = content_of(own)
    assert content.issuing_body == "ỦY BAN NHÂN DÂN XÃ ĐÔNG HÒA"
    assert content.basis == (
        "Căn cứ Kế hoạch số 25/KH-UBND ngày 25/11/2024 của Ủy ban nhân dân huyện về tổ chức Hội "
        "nghị điển hình tiên tiến các cấp, tiến tới Đại hội Thi đua yêu nước tỉnh Hà Nam lần "
        "thứ XII.",
    )
    text = plan_document.as_text(content)
    year = own.created_at.year  # a draft is dated by hand: the year it is written
    assert text.splitlines()[:4] == [
        "ỦY BAN NHÂN DÂN XÃ ĐÔNG HÒA",
        "Số: /KH-UBND",
        f"Xã Đông Hòa, ngày ... tháng ... năm {year}",
        "KẾ HOẠCH",
    ]
