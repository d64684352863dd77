"""Demo honorees for the Kim Bảng 2024 world (thidua/demo/loader.ensure_honorees calls this).

Idempotent: an honoree is identified by its unit and name; one found is left as it is, so a
second load writes nothing. Everything goes through the services (audited), as a user would.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from thidua.awards.models import AwardForm
from thidua.honorees import services
from thidua.honorees.models import (
    EconomicSector,
    Ethnicity,
    Field,
    Honoree,
    Movement,
    SocialComponent,
)
from thidua.units.models import Unit

# Movement slugs (migration 0002)
NTM = "ca-nuoc-chung-suc-xay-dung-nong-thon-moi"
POOR = "vi-nguoi-ngheo-khong-de-ai-bi-bo-lai-phia-sau"
OFFICE = "can-bo-cong-chuc-vien-chuc-thi-dua-thuc-hien-van-hoa-cong-so"
LEARN = "ca-nuoc-thi-dua-xay-dung-xa-hoi-hoc-tap-day-manh-hoc-tap-suot-doi-giai-doan-2023"
HOUSES = "ca-nuoc-chung-tay-xoa-nha-tam-nha-dot-nat-trong-nam-2025"

ISSUER = {
    "ldtt": "UBND {commune}",
    "giay-khen": "UBND huyện Kim Bảng",
    "cstdcs": "UBND huyện Kim Bảng",
    "ttldtt": "UBND huyện Kim Bảng",
    "ttldxs": "UBND tỉnh Hà Nam",
    "bang-khen-tinh": "UBND tỉnh Hà Nam",
    "thon-van-hoa": "UBND huyện Kim Bảng",
}
LEVEL = {"ldtt": "commune", "ttldxs": "province", "bang-khen-tinh": "province"}


@dataclass(frozen=True)
class DemoHonoree:
    unit: str
    name: str
    gender: str  # "male" / "female"; "" for a collective
    born: int | None
    position: str
    component: str
    sector: str
    field: str
    records: str  # "ldtt:2020-2024 cstdcs:2023-2024 giay-khen:2022"
    size: int | None = None  # collectives only
    direct: bool = False
    good: bool = False
    acclaimed: bool = False
    stage: str = "discovered"
    movements: tuple[str, ...] = ()
    story: str = ""  # a published story's lead ("" = none)


CB, ND, TT, TRI, CN, DN = (
    "can-bo-cong-chuc-vien-chuc",
    "nong-dan",
    "nguoi-truc-tiep-san-xuat-kinh-doanh",
    "tri-thuc-nha-khoa-hoc",
    "cong-nhan",
    "doanh-nhan",
)
NN, TAP, TU, FDI = (
    "kinh-te-nha-nuoc",
    "kinh-te-tap-the",
    "kinh-te-tu-nhan",
    "kinh-te-co-von-dau-tu-nuoc-ngoai",
)
KT, NONG, VH, GD, YT, QP, DANG = (
    "kinh-te",
    "nong-nghiep-nong-thon",
    "van-hoa-xa-hoi",
    "giao-duc-dao-tao",
    "y-te",
    "quoc-phong-an-ninh",
    "xay-dung-dang-va-he-thong-chinh-tri",
)

P = DemoHonoree
HONOREES: tuple[DemoHonoree, ...] = (
    P(
        "13384",
        "Nguyễn Thị Thu Hằng",
        "female",
        1982,
        "Hiệu trưởng Trường Tiểu học Quế",
        CB,
        NN,
        GD,
        "ldtt:2020-2024 cstdcs:2022-2024 bang-khen-tinh:2023",
        stage="replicated",
        movements=(LEARN,),
        story=(
            "Hai mươi năm gắn bó với học trò vùng chiêm trũng, cô Hằng "
            "đưa Trường Tiểu học Quế thành trường chuẩn quốc gia mức độ 2."
        ),
    ),
    P(
        "13384",
        "Trần Văn Khải",
        "male",
        1976,
        "Giám đốc Công ty TNHH Khải Hưng",
        DN,
        TU,
        KT,
        "giay-khen:2021 giay-khen:2023",
        good=True,
        movements=(POOR, HOUSES),
    ),
    P(
        "13384",
        "Phạm Thị Ngọc",
        "female",
        1990,
        "Công nhân Công ty May Kim Bảng",
        CN,
        FDI,
        KT,
        "ldtt:2021-2024 cstdcs:2024",
        direct=True,
    ),
    P(
        "13384",
        "Tổ dân phố Quế Sơn",
        "",
        None,
        "",
        "khac",
        NN,
        VH,
        "thon-van-hoa:2022-2024",
        size=212,
        movements=(NTM,),
    ),
    P(
        "13429",
        "Lê Văn Thành",
        "male",
        1968,
        "Chủ nhiệm HTX khai thác đá Ba Sao",
        TT,
        TAP,
        KT,
        "ldtt:2020-2023 cstdcs:2021 giay-khen:2022",
        direct=True,
        stage="fostered",
    ),
    P(
        "13429",
        "Đinh Thị Lan",
        "female",
        1995,
        "Y sĩ Trạm Y tế thị trấn Ba Sao",
        CB,
        NN,
        YT,
        "ldtt:2021-2024 cstdcs:2023-2024",
        stage="fostered",
        story=(
            "Những năm dịch bệnh, y sĩ trẻ Đinh Thị Lan trực chiến "
            "không nghỉ, vận động 98% người dân tiêm đủ mũi vắc xin."
        ),
    ),
    P(
        "13429",
        "Công an thị trấn Ba Sao",
        "",
        None,
        "",
        "luc-luong-vu-trang",
        NN,
        QP,
        "ttldtt:2021-2023 ttldxs:2024",
        size=14,
    ),
    P(
        "13390",
        "Nguyễn Văn Bình",
        "male",
        1971,
        "Nông dân sản xuất giỏi thôn Thịnh Châu",
        ND,
        TU,
        NONG,
        "giay-khen:2020 giay-khen:2023",
        direct=True,
        acclaimed=True,
        stage="replicated",
        movements=(NTM,),
        story=(
            "Từ 2 sào ruộng trũng, ông Bình xây dựng trang trại tổng hợp "
            "3 ha, tạo việc làm ổn định cho 15 lao động địa phương."
        ),
    ),
    P(
        "13390",
        "Hội Nông dân xã Đại Cương",
        "",
        None,
        "",
        "khac",
        NN,
        DANG,
        "ttldtt:2022-2024",
        size=9,
        movements=(NTM,),
    ),
    P(
        "13405",
        "Hoàng Thị Mai",
        "female",
        1987,
        "Giáo viên Trường THCS Đồng Hóa",
        CB,
        NN,
        GD,
        "ldtt:2020-2024 cstdcs:2020 cstdcs:2023",
        movements=(LEARN,),
    ),
    P(
        "13405",
        "Vũ Đức Tâm",
        "male",
        1963,
        "Trưởng thôn Thọ Cầu",
        "khac",
        NN,
        DANG,
        "giay-khen:2022",
        good=True,
        acclaimed=True,
        movements=(HOUSES,),
    ),
    P(
        "13408",
        "Bùi Thị Hương",
        "female",
        1979,
        "Chủ hộ kinh doanh chế biến nông sản",
        TT,
        TU,
        KT,
        "giay-khen:2021 giay-khen:2024",
        direct=True,
        stage="fostered",
        movements=(NTM,),
    ),
    P(
        "13408",
        "Trường Mầm non Hoàng Tây",
        "",
        None,
        "",
        CB,
        NN,
        GD,
        "ttldtt:2020-2022 ttldxs:2023-2024",
        size=28,
    ),
    P(
        "13420",
        "Đỗ Văn Hùng",
        "male",
        1984,
        "Công chức Địa chính - Xây dựng xã Khả Phong",
        CB,
        NN,
        DANG,
        "ldtt:2020-2024 cstdcs:2021-2022",
        movements=(OFFICE,),
    ),
    P(
        "13420",
        "Nguyễn Thị Dung",
        "female",
        1958,
        "Hội viên Hội Chữ thập đỏ",
        "khac",
        NN,
        VH,
        "giay-khen:2023",
        good=True,
        acclaimed=True,
        stage="fostered",
        movements=(POOR,),
        story=(
            "Hơn 15 năm, bà Dung lặng lẽ nấu cơm từ thiện "
            "cho bệnh nhân nghèo, quyên góp dựng 3 căn nhà tình nghĩa."
        ),
    ),
    P(
        "13393",
        "Trịnh Văn Long",
        "male",
        1975,
        "Chủ trang trại chăn nuôi",
        ND,
        TU,
        NONG,
        "giay-khen:2022",
        direct=True,
        movements=(NTM,),
    ),
    P(
        "13393",
        "Phan Thị Thu",
        "female",
        1992,
        "Bác sĩ Trạm Y tế xã Lê Hồ",
        CB,
        NN,
        YT,
        "ldtt:2022-2024 cstdcs:2024",
    ),
    P(
        "13432",
        "Lưu Văn Quang",
        "male",
        1980,
        "Xã đội trưởng xã Liên Sơn",
        "luc-luong-vu-trang",
        NN,
        QP,
        "ldtt:2020-2024 cstdcs:2022-2023",
    ),
    P(
        "13432",
        "HTX Nông nghiệp Liên Sơn",
        "",
        None,
        "",
        ND,
        TAP,
        NONG,
        "ttldtt:2021 ttldtt:2023 ttldxs:2024",
        size=45,
        direct=True,
        movements=(NTM,),
    ),
    P(
        "13423",
        "Ngô Thị Hà",
        "female",
        1988,
        "Chủ tịch Hội Liên hiệp Phụ nữ xã",
        CB,
        NN,
        DANG,
        "ldtt:2020-2024 giay-khen:2022",
        movements=(POOR,),
    ),
    P(
        "13423",
        "Cao Văn Tú",
        "male",
        2001,
        "Bí thư Chi đoàn thôn",
        "hoc-sinh-sinh-vien",
        NN,
        VH,
        "giay-khen:2024",
        good=True,
    ),
    P(
        "13387",
        "Đặng Thị Yến",
        "female",
        1970,
        "Thợ dệt lụa làng nghề Nha Xá",
        TT,
        TU,
        KT,
        "giay-khen:2021 giay-khen:2024",
        direct=True,
        acclaimed=True,
        stage="replicated",
        movements=(NTM,),
    ),
    P(
        "13402",
        "Tạ Văn Sơn",
        "male",
        1966,
        "Nông dân trồng rau an toàn",
        ND,
        TU,
        NONG,
        "giay-khen:2023",
        direct=True,
        movements=(NTM,),
    ),
    P(
        "13399",
        "Lê Thị Nhung",
        "female",
        1985,
        "Kế toán xã Nhật Tựu",
        CB,
        NN,
        DANG,
        "ldtt:2020-2024 cstdcs:2024",
        movements=(OFFICE,),
    ),
    P(
        "13411",
        "Vương Văn Lực",
        "male",
        1990,
        "Kỹ sư Nhà máy Xi măng",
        TRI,
        NN,
        "khoa-hoc-cong-nghe",
        "ldtt:2021-2024 cstdcs:2023-2024 bang-khen-tinh:2024",
        stage="fostered",
    ),
    P(
        "13438",
        "Nguyễn Thị Thanh",
        "female",
        1983,
        "Giáo viên Trường Tiểu học Thanh Sơn",
        CB,
        NN,
        GD,
        "ldtt:2020-2024 cstdcs:2021-2022",
        movements=(LEARN,),
    ),
    P(
        "13438",
        "Thôn Bồng Lạng",
        "",
        None,
        "",
        "khac",
        NN,
        VH,
        "thon-van-hoa:2020-2024",
        size=186,
        movements=(NTM,),
    ),
    P(
        "13435",
        "Mạc Văn Hải",
        "male",
        1977,
        "Chủ cơ sở sản xuất gạch không nung",
        DN,
        TU,
        KT,
        "giay-khen:2022",
        direct=True,
        movements=(HOUSES,),
    ),
    P(
        "13414",
        "Phùng Thị Hạnh",
        "female",
        1993,
        "Nông dân nuôi cá lồng",
        ND,
        TU,
        NONG,
        "giay-khen:2024",
        direct=True,
        acclaimed=True,
        movements=(NTM,),
    ),
    P(
        "13396",
        "Trần Thị Loan",
        "female",
        1981,
        "Công chức Văn hóa - Xã hội",
        CB,
        NN,
        VH,
        "ldtt:2020-2024 cstdcs:2022-2023 giay-khen:2023",
        movements=(OFFICE, POOR),
    ),
    P(
        "13417",
        "Đoàn Văn Kiên",
        "male",
        1969,
        "Người có uy tín trong cộng đồng",
        "khac",
        NN,
        DANG,
        "giay-khen:2021",
        good=True,
        acclaimed=True,
    ),
    P(
        "350-NV",
        "Phòng Nội vụ huyện Kim Bảng",
        "",
        None,
        "",
        CB,
        NN,
        DANG,
        "ttldtt:2020-2022 ttldxs:2023-2024",
        size=9,
        movements=(OFFICE,),
    ),
    P(
        "350-LHPN",
        "Hội Liên hiệp Phụ nữ huyện Kim Bảng",
        "",
        None,
        "",
        CB,
        NN,
        DANG,
        "ttldtt:2021-2023 ttldxs:2024",
        size=5,
        movements=(POOR,),
    ),
    P(
        "350-TTVH",
        "Nguyễn Minh Đức",
        "male",
        1986,
        "Phóng viên Trung tâm Văn hóa, Thông tin và Thể thao",
        CB,
        NN,
        VH,
        "ldtt:2020-2024 cstdcs:2023-2024",
    ),
    P(
        "350-DTN",
        "Hoàng Thị Ánh",
        "female",
        1997,
        "Phó Bí thư Huyện đoàn",
        CB,
        NN,
        DANG,
        "ldtt:2022-2024 giay-khen:2023",
        movements=(LEARN,),
    ),
    P(
        "350-HND",
        "Lại Văn Cường",
        "male",
        1961,
        "Nông dân xuất sắc, chủ trang trại",
        ND,
        TU,
        NONG,
        "giay-khen:2020 bang-khen-tinh:2022",
        direct=True,
        acclaimed=True,
        stage="replicated",
        movements=(NTM, POOR),
    ),
)


def _records(spec: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for item in spec.split():
        code, years = item.split(":")
        first, _, last = years.partition("-")
        out += [(code, year) for year in range(int(first), int(last or first) + 1)]
    return out


def build_demo_honorees() -> int:
    """Create the demo honorees that are missing; returns how many were created."""
    users = get_user_model().objects
    organizer = users.filter(username="nv.kimbang").first()
    propaganda = users.filter(username="vh.kimbang").first()
    units = {
        u.code: u for u in Unit.objects.filter(source="local", code__in={h.unit for h in HONOREES})
    }
    forms = {f.code: f for f in AwardForm.objects.all()}
    vocab: dict[str, dict[str, Any]] = {
        "component": {v.code: v for v in SocialComponent.objects.all()},
        "sector": {v.code: v for v in EconomicSector.objects.all()},
        "field": {v.code: v for v in Field.objects.all()},
    }
    kinh = Ethnicity.objects.filter(code="kinh").first()
    movements = {m.slug: m for m in Movement.objects.all()}
    created = 0
    for n, spec in enumerate(HONOREES, start=1):
        unit = units[spec.unit]
        if Honoree.objects.filter(unit=unit, name=spec.name).exists():
            continue
        collective = spec.size is not None
        honoree = services.create_honoree(
            by=organizer,
            unit=unit,
            kind="collective" if collective else "individual",
            name=spec.name,
            collective_size=spec.size,
            gender=spec.gender,
            birth_year=spec.born,
            ethnicity=None if collective else kinh,
            position=spec.position,
            component=vocab["component"][spec.component],
            sector=vocab["sector"][spec.sector],
            field=vocab["field"][spec.field],
            works_directly=spec.direct,
            good_deeds=spec.good,
            acclaimed=spec.acclaimed,
            summary=spec.story,
            publication_consent=bool(spec.story),
        )
        for number, (code, year) in enumerate(_records(spec.records), start=1):
            issuer = ISSUER.get(code, "UBND huyện Kim Bảng").format(commune=unit.name)
            services.add_recognition(
                honoree,
                by=organizer,
                award_form=forms[code],
                year=year,
                level=LEVEL.get(code, "district"),
                decision_number=f"{100 + n * 3 + number}/QĐ-UBND",
                decision_date=dt.date(year, 12, 20),
                issuer=issuer,
            )
        services.set_movements(honoree, [movements[s] for s in spec.movements], by=organizer)
        path = {"fostered": ["fostered"], "replicated": ["fostered", "replicated"]}
        for stage in path.get(spec.stage, []):
            services.move_stage(honoree, by=organizer, to_stage=stage)
        if spec.story:
            story = services.save_story(
                honoree,
                by=organizer,
                title=f"{spec.name}: {spec.position or unit.name}",
                lead=spec.story,
                body=(
                    f"{spec.name} ({spec.position or unit.name}) là một trong những gương "
                    "điển hình tiên tiến được biểu dương tại Hội nghị điển hình tiên tiến "
                    f"{unit.name} giai đoạn 2021-2025.\n\n"
                    "Bài viết do bộ phận tuyên truyền biên tập từ hồ sơ thành tích và được "
                    "đăng khi điển hình đồng ý công khai."
                ),
            )
            services.publish_story(story, by=propaganda)
        created += 1
    return created
