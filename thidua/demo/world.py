"""The seed's world in 2024 (Kim Bảng district, Hà Nam province): plain data, no Django.

The package's legacy set already shows Kim Bảng as it was from 1/1/2025 (Thị xã Kim Bảng with
wards, Nhật Tân and Nhật Tựu merged into Tân Tựu; Resolution 1318/NQ-UBTVQH15). The seed plan is
dated 2024, so the 2024 names are this fixture of our own, reusing the official GSO codes, each
valid until 31/12/2024 and linked to its 2025 successor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PROVINCE_CODE = "35"  # Tỉnh Hà Nam (legacy set)
SUCCESSOR_PROVINCE_CODE = "37"  # Tỉnh Ninh Bình (current set), which Hà Nam joined on 1/7/2025
DISTRICT_CODE = "350"
VALID_TO_2024 = dt.date(2024, 12, 31)
VALID_FROM_2025 = dt.date(2025, 1, 1)


@dataclass(frozen=True)
class CommuneOf2024:
    code: str
    kind: str  # "township" (thị trấn) or "commune" (xã)
    short_name: str
    staff_count: int
    successor_code: str  # the legacy-set unit (2025) that took it over

    @property
    def name(self) -> str:
        return ("Thị trấn " if self.kind == "township" else "Xã ") + self.short_name


# Staff counts (cán bộ, công chức, viên chức, người lao động of the commune and the schools and
# health station it runs) are illustrative. They are chosen to exercise Plan §2.1: Quế is over
# 300 (delegate conference of at most 200), Ba Sao is exactly 300 (the organizer must choose),
# every other commune is under 300 (plenary conference).
COMMUNES_2024: tuple[CommuneOf2024, ...] = (
    CommuneOf2024("13384", "township", "Quế", 342, "13384"),
    CommuneOf2024("13429", "township", "Ba Sao", 300, "13429"),
    CommuneOf2024("13390", "commune", "Đại Cương", 168, "13390"),
    CommuneOf2024("13405", "commune", "Đồng Hóa", 154, "13405"),
    CommuneOf2024("13408", "commune", "Hoàng Tây", 139, "13408"),
    CommuneOf2024("13420", "commune", "Khả Phong", 176, "13420"),
    CommuneOf2024("13393", "commune", "Lê Hồ", 161, "13393"),
    CommuneOf2024("13432", "commune", "Liên Sơn", 147, "13432"),
    CommuneOf2024("13423", "commune", "Ngọc Sơn", 183, "13423"),
    CommuneOf2024("13387", "commune", "Nguyễn Úy", 172, "13387"),
    # Nhật Tân and Nhật Tựu are absent from the package (merged into Tân Tựu, 13402, in 2025).
    CommuneOf2024("13402", "commune", "Nhật Tân", 158, "13402"),
    CommuneOf2024("13399", "commune", "Nhật Tựu", 149, "13402"),
    CommuneOf2024("13411", "commune", "Tân Sơn", 166, "13411"),
    CommuneOf2024("13438", "commune", "Thanh Sơn", 286, "13438"),
    CommuneOf2024("13435", "commune", "Thi Sơn", 211, "13435"),
    CommuneOf2024("13414", "commune", "Thụy Lôi", 143, "13414"),
    CommuneOf2024("13396", "commune", "Tượng Lĩnh", 177, "13396"),
    CommuneOf2024("13417", "commune", "Văn Xá", 152, "13417"),
)

DISTRICT_STAFF_2024 = 2146


@dataclass(frozen=True)
class DistrictBody:
    code: str
    name: str
    short_name: str
    kind: str
    staff_count: int


# The district bodies the seed names (Part III): they carry no GSO code, so local codes.
DISTRICT_BODIES: tuple[DistrictBody, ...] = (
    DistrictBody("350-NV", "Phòng Nội vụ", "Nội vụ", "agency", 9),
    DistrictBody("350-VHTT", "Phòng Văn hóa - Thông tin", "Văn hóa - Thông tin", "agency", 6),
    DistrictBody(
        "350-TTVH",
        "Trung tâm Văn hóa, Thông tin và Thể thao",
        "Trung tâm Văn hóa, Thông tin và Thể thao",
        "public_service_unit",
        18,
    ),
    DistrictBody("350-MTTQ", "Ủy ban MTTQ Việt Nam huyện", "MTTQ huyện", "socio_political", 8),
    DistrictBody("350-LHPN", "Hội Liên hiệp Phụ nữ huyện", "Hội LHPN", "socio_political", 5),
    DistrictBody("350-HND", "Hội Nông dân huyện", "Hội Nông dân", "socio_political", 5),
    DistrictBody("350-CCB", "Hội Cựu chiến binh huyện", "Hội CCB", "socio_political", 4),
    DistrictBody("350-DTN", "Huyện đoàn Kim Bảng", "Huyện đoàn", "socio_political", 4),
    DistrictBody("350-LDLD", "Liên đoàn Lao động huyện", "LĐLĐ huyện", "socio_political", 4),
)

# Official documents (issue 3): the seed plan is undated and unnumbered in the source; the demo
# issues it as the district committee's 15th plan of 2024, after the province's plan of 10/10
# and before the communes' deadline of 16/12/2024.
SEED_PLAN_SERIAL = 15
SEED_PLAN_DATE = dt.date(2024, 10, 28)
SEED_PLAN_ISSUED_BY = "nv.kimbang"
DEMO_BATCH_TITLE = "Giấy mời dự Hội nghị điển hình tiên tiến huyện (18 xã, thị trấn)"

DEMO_PASSWORD = "KimBang@2024"  # noqa: S105  (demo accounts only; printed by `make run`)


@dataclass(frozen=True)
class Persona:
    username: str
    full_name: str
    role: str  # a Role value, or "admin" for the system administrator
    unit_code: str | None  # code of the unit the role is held on
    title: str
    unit_source: str = "local"  # the 2024 fixture; the province itself comes from the package


# One login per role; two communes' organizers (Quế, Ba Sao) so the isolation can be tried.
PERSONAS: tuple[Persona, ...] = (
    Persona("admin", "Quản trị hệ thống", "admin", None, "Quản trị hệ thống"),
    Persona(
        "sonv.hanam",
        "Trần Văn Bình",
        "organizer",
        "35",
        "Chuyên viên Sở Nội vụ tỉnh Hà Nam",
        unit_source="legacy",
    ),
    Persona(
        "nv.kimbang",
        "Nguyễn Thị Hà",
        "organizer",
        DISTRICT_CODE,
        "Chuyên viên Phòng Nội vụ huyện Kim Bảng",
    ),
    Persona(
        "hd.kimbang",
        "Lê Văn Hùng",
        "council",
        DISTRICT_CODE,
        "Thường trực Hội đồng Thi đua - Khen thưởng huyện",
    ),
    Persona(
        "ct.kimbang", "Nguyễn Thành Thăng", "leader", DISTRICT_CODE, "Chủ tịch UBND huyện Kim Bảng"
    ),
    Persona(
        "mttq.kimbang",
        "Phạm Thị Lan",
        "front",
        DISTRICT_CODE,
        "Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện",
    ),
    Persona(
        "vh.kimbang",
        "Đỗ Minh Tuấn",
        "propaganda",
        DISTRICT_CODE,
        "Chuyên viên Phòng Văn hóa - Thông tin",
    ),
    Persona("xem.kimbang", "Vũ Thu Trang", "viewer", DISTRICT_CODE, "Văn phòng HĐND - UBND huyện"),
    Persona("ubnd.que", "Hoàng Văn Nam", "organizer", "13384", "Công chức Văn phòng - Thống kê"),
    Persona("ct.que", "Bùi Đức Long", "leader", "13384", "Chủ tịch UBND thị trấn Quế"),
    Persona(
        "hd.que",
        "Trương Thị Hòa",
        "council",
        "13384",
        "Thường trực Hội đồng Thi đua - Khen thưởng thị trấn",
    ),
    Persona("ubnd.basao", "Đinh Thị Mai", "organizer", "13429", "Công chức Văn phòng - Thống kê"),
)
