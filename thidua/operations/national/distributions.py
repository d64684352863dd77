"""The shape of the synthetic country: sizes and the weights each attribute is drawn with.

These are parameters of a test-data generator (not rules of the domain): the rules the app
applies (ratios, caps, windows) are read from the campaign the generator creates from its preset.
Vocabulary codes missing from the database are skipped; codes not listed get weight 1.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from zoneinfo import ZoneInfo

VN = ZoneInfo("Asia/Ho_Chi_Minh")
# The legacy unit set is valid until 30/6/2025: the national campaign is issued before that, and
# the data is seen late in the commune conference window (most conferences held).
ISSUED = dt.datetime(2025, 6, 1, 8, 0, tzinfo=VN)
NOW = dt.datetime(2025, 8, 26, 9, 0, tzinfo=VN)
GENERATED_AT = dt.datetime(2025, 6, 1, 7, 0, tzinfo=VN)
PRESET = "two-levels-2025"


@dataclass(frozen=True)
class Sizes:
    """How many rows of each kind; ``conferences`` at most one per commune of the campaign."""

    honorees: int = 1_000_000
    recognitions: int = 2_000_000
    conferences: int = 11_000
    delegates: int = 1_500_000
    checkins: int = 1_000_000
    feedback: int = 1_000

    def scaled(self, factor: float) -> Sizes:
        return Sizes(
            **{name: max(1, round(value * factor)) for name, value in self.__dict__.items()}
        )

    def with_counts(self, **counts: int | None) -> Sizes:
        return replace(self, **{name: value for name, value in counts.items() if value is not None})


# Share of honorees by the level of their unit (per unit of that level: a district agency or a
# province department has more than one commune).
UNIT_WEIGHT = {"commune": 1.0, "district": 3.0, "province": 12.0}
COLLECTIVE_SHARE = 0.12
FEMALE_SHARE = 0.5
GOOD_DEEDS_SHARE = 0.15
ACCLAIMED_SHARE = 0.05
CONSENT_SHARE = 0.3

COMPONENTS = {
    "cong-nhan": 10,
    "nong-dan": 18,
    "nguoi-truc-tiep-san-xuat-kinh-doanh": 5,
    "tri-thuc-nha-khoa-hoc": 10,
    "can-bo-cong-chuc-vien-chuc": 30,
    "hoc-sinh-sinh-vien": 6,
    "luc-luong-vu-trang": 6,
    "doanh-nhan": 4,
    "khac": 4,
}
SECTORS = {
    "kinh-te-nha-nuoc": 40,
    "kinh-te-tap-the": 15,
    "kinh-te-tu-nhan": 38,
    "kinh-te-co-von-dau-tu-nuoc-ngoai": 7,
}
FIELDS = {
    "kinh-te": 15,
    "nong-nghiep-nong-thon": 22,
    "van-hoa-xa-hoi": 18,
    "giao-duc-dao-tao": 15,
    "y-te": 8,
    "khoa-hoc-cong-nghe": 4,
    "quoc-phong-an-ninh": 8,
    "xay-dung-dang-va-he-thong-chinh-tri": 10,
}
# Kinh ~85%; the others by their approximate share; unlisted ethnicities weight 0.05 each.
ETHNICITIES = {
    "kinh": 850,
    "tay": 19,
    "thai": 18,
    "muong": 15,
    "khmer": 14,
    "hoa": 8,
    "nung": 11,
    "mong": 13,
    "dao": 9,
    "gia-rai": 5,
    "e-de": 4,
    "ba-na": 3,
}
ETHNICITY_OTHER = 0.5
STAGES = {"discovered": 60, "fostered": 28, "replicated": 12}
STAGE_MERIT = {"discovered": 1.0, "fostered": 2.0, "replicated": 3.0}

# Forms received, by subject (codes of the awards catalogue).
INDIVIDUAL_FORMS = {
    "ldtt": 50,
    "cstdcs": 20,
    "giay-khen": 15,
    "bang-khen-tinh": 7,
    "cstd-tinh": 3,
    "ky-niem-chuong": 2,
    "bang-khen-thu-tuong": 1,
    "cstd-toan-quoc": 0.2,
    "huy-chuong": 0.2,
    "huan-chuong-lao-dong-hang-ba": 0.3,
}
COLLECTIVE_FORMS = {
    "ttldtt": 45,
    "giay-khen": 20,
    "ttldxs": 15,
    "bang-khen-tinh": 10,
    "co-thi-dua-tinh": 4,
    "thon-van-hoa": 4,
    "bang-khen-thu-tuong": 1,
    "co-thi-dua-chinh-phu": 0.5,
    "huan-chuong-lao-dong-hang-ba": 0.3,
}
RECOGNITION_YEARS = (2016, 2025)

# Delegates (the composition rules of the preset read 70% honorees, 30% guests and leaders).
HONOREE_DELEGATE_SHARE = 0.7
LEADER_SHARE_OF_OTHERS = 0.35
RESERVE_SHARE = 0.03
HELD_SHARE = 0.9  # conferences held before NOW (the rest later in the window)
DECLINED_SHARE = 0.04
APPROVED_SHARE_NOT_HELD = 0.7

# Progress of the national campaign's assignments (see generate_campaign).
PLAN_STATES = (
    ("accepted", False, 0.55),
    ("submitted", False, 0.15),
    ("submitted", True, 0.12),  # sent late
    ("returned", False, 0.06),
    ("pending", False, 0.12),  # missing: past the deadline
)
REPORT_SHARE = 0.55  # of held conferences, the results reported (some late)
REPORT_LATE_SHARE = 0.2

LEADER_POSITIONS = (
    "Bí thư Đảng ủy",
    "Chủ tịch Ủy ban nhân dân",
    "Phó Chủ tịch Ủy ban nhân dân",
    "Chủ tịch Ủy ban Mặt trận Tổ quốc",
    "Chủ tịch Hội đồng nhân dân",
)
GUEST_POSITIONS = (
    "Đại diện Hội Nông dân",
    "Đại diện Hội Liên hiệp Phụ nữ",
    "Đại diện Đoàn Thanh niên",
    "Đại diện Hội Cựu chiến binh",
    "Trưởng thôn",
    "Hiệu trưởng",
    "Trạm trưởng Trạm Y tế",
)
POSITIONS = {
    "cong-nhan": ("Công nhân", "Tổ trưởng sản xuất"),
    "nong-dan": ("Nông dân", "Chủ trang trại"),
    "nguoi-truc-tiep-san-xuat-kinh-doanh": ("Chủ hộ kinh doanh", "Thợ thủ công"),
    "tri-thuc-nha-khoa-hoc": ("Giáo viên", "Bác sĩ", "Kỹ sư"),
    "can-bo-cong-chuc-vien-chuc": ("Công chức", "Viên chức", "Cán bộ"),
    "hoc-sinh-sinh-vien": ("Học sinh", "Sinh viên"),
    "luc-luong-vu-trang": ("Công an viên", "Dân quân"),
    "doanh-nhan": ("Giám đốc doanh nghiệp",),
    "khac": ("",),
}


class Picker:
    """Weighted choice among codes that exist (``present``: code -> id or row)."""

    def __init__(self, weights: Mapping[str, float], present: Sequence[str], other: float = 1.0):
        self.codes = tuple(present)
        self.cum = tuple(accumulate(weights.get(code, other) for code in self.codes))
        if not self.codes:
            raise ValueError("nothing to choose from")

    def index(self, rng: random.Random) -> int:
        point = rng.random() * self.cum[-1]
        low, high = 0, len(self.cum) - 1
        while low < high:
            middle = (low + high) // 2
            if self.cum[middle] > point:
                high = middle
            else:
                low = middle + 1
        return low


def apportion(total: int, weights: Sequence[float], rng: random.Random) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder, ties by
    seeded draw): the parts sum to ``total`` exactly."""
    whole = sum(weights)
    if total <= 0 or whole <= 0:
        return [0] * len(weights)
    exact = [total * w / whole for w in weights]
    parts = [int(x) for x in exact]
    short = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (parts[i] - exact[i], rng.random()))
    for i in order[:short]:
        parts[i] += 1
    return parts
