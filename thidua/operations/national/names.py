"""Vietnamese names for the synthetic country (pure, no Django): family names weighted by their
frequency in the population, middle and given names by gender, collectives named after their
commune. Every name is NFC with its diacritics; a seeded ``random.Random`` makes them repeatable.
"""

from __future__ import annotations

import random
import unicodedata
from itertools import accumulate

# Family names and their approximate share of the population (the ten most common cover ~90%).
FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 38.4),
    ("Trần", 11.0),
    ("Lê", 9.5),
    ("Phạm", 7.1),
    ("Hoàng", 4.0),
    ("Huỳnh", 2.1),
    ("Phan", 4.5),
    ("Vũ", 2.5),
    ("Võ", 1.8),
    ("Đặng", 2.1),
    ("Bùi", 2.0),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1.0),
    ("Lý", 0.5),
    ("Đinh", 0.6),
    ("Trịnh", 0.5),
    ("Đoàn", 0.5),
    ("Lương", 0.4),
    ("Mai", 0.4),
    ("Cao", 0.4),
    ("Tạ", 0.3),
    ("Lâm", 0.3),
    ("Hà", 0.4),
    ("Chu", 0.2),
    ("Triệu", 0.2),
    ("Quách", 0.1),
    ("La", 0.1),
    ("Thái", 0.2),
)

MIDDLE_NAMES = {
    "male": ("Văn", "Đức", "Minh", "Hữu", "Quang", "Công", "Thanh", "Xuân", "Đình", "Ngọc"),
    "female": ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Hồng", "Bích", "Phương"),
}

GIVEN_NAMES = {
    "male": (
        "Hùng",
        "Dũng",
        "Tuấn",
        "Nam",
        "Long",
        "Hải",
        "Sơn",
        "Bình",
        "Cường",
        "Thắng",
        "Quân",
        "Phong",
        "Trung",
        "Hiếu",
        "Đạt",
        "Khoa",
        "Tú",
        "Vinh",
        "Toàn",
        "Thành",
        "Hoàng",
        "Huy",
        "Khánh",
        "Lộc",
        "Phúc",
        "Quyết",
        "Tiến",
        "Việt",
        "Đông",
        "Kiên",
    ),
    "female": (
        "Lan",
        "Hương",
        "Hoa",
        "Mai",
        "Linh",
        "Trang",
        "Thảo",
        "Hà",
        "Nga",
        "Huyền",
        "Phương",
        "Yến",
        "Hằng",
        "Thủy",
        "Loan",
        "Nhung",
        "Dung",
        "Hạnh",
        "Ngọc",
        "Anh",
        "Oanh",
        "Quyên",
        "Tâm",
        "Vân",
        "Xuân",
        "Nhàn",
        "Liên",
        "Hiền",
        "Giang",
        "Thơm",
    ),
}

# Collectives of a commune (the commune's short name fills {place}; {n} a number).
COLLECTIVES: tuple[str, ...] = (
    "Tổ sản xuất số {n} {place}",
    "Hợp tác xã nông nghiệp {place}",
    "Chi hội Phụ nữ thôn {n}",
    "Chi đoàn Thanh niên thôn {n}",
    "Trường Tiểu học {place}",
    "Trường Trung học cơ sở {place}",
    "Trạm Y tế {place}",
    "Ban Công an {place}",
    "Chi hội Nông dân thôn {n}",
    "Tổ hòa giải thôn {n}",
    "Câu lạc bộ Người cao tuổi {place}",
    "Hội Cựu chiến binh {place}",
)

_FAMILY = tuple(name for name, _ in FAMILY_NAMES)
_FAMILY_CUM = tuple(accumulate(weight for _, weight in FAMILY_NAMES))


def person_name(rng: random.Random, gender: str) -> str:
    """A full name "Họ Đệm Tên" for ``gender`` ("male" or "female"), NFC."""
    family = rng.choices(_FAMILY, cum_weights=_FAMILY_CUM)[0]
    middle = rng.choice(MIDDLE_NAMES[gender])
    given = rng.choice(GIVEN_NAMES[gender])
    if rng.random() < 0.12:  # some names carry a second middle name: Nguyễn Thị Thu Hà
        second = rng.choice(MIDDLE_NAMES[gender])
        if second != middle:
            middle = f"{middle} {second}"
    return unicodedata.normalize("NFC", f"{family} {middle} {given}")


def collective_name(rng: random.Random, place: str) -> str:
    template = rng.choice(COLLECTIVES)
    return unicodedata.normalize("NFC", template.format(n=rng.randint(1, 15), place=place))
