"""Seeded generator of delegate pools and composition rules for the optimizer benchmark.

6 features: category (honoree / guest / leader), gender, direct producer, economic sector (5),
field (8), sub-unit (~100). Rules (~120 quota groups): honorees exactly 70% and guests + leaders
exactly 30% of the list, women >= 40%, direct producers >= 55%, every sector and every field
present, each sub-unit within ±20% of its quota (its pool's share of the seats, apportioned).
"""

from __future__ import annotations

import random
from fractions import Fraction

from thidua.selection.apportionment import apportion
from thidua.selection.rules import Candidate, QuotaGroup, Rule, RuleItem, make_candidate

SECTORS = ["nha_nuoc", "tap_the", "tu_nhan", "fdi", "ca_the"]
FIELDS = [f"linh_vuc_{k}" for k in range(1, 9)]


def generate(candidates: int, seats: int, sub_units: int = 100, seed: int = 2025
             ) -> tuple[list[Candidate], list[RuleItem]]:  # fmt: skip
    rng = random.Random(seed)
    units = [f"dv{k:03d}" for k in range(sub_units)]
    unit_weights = [rng.randint(5, 40) for _ in units]
    pool = []
    for i in range(candidates):
        category = rng.choices(["honoree", "guest", "leader"], [80, 12, 8])[0]
        pool.append(
            make_candidate(
                i,
                {
                    "category": category,
                    "gender": "female" if rng.random() < 0.45 else "male",
                    "direct_producer": rng.random() < 0.6,
                    "economic_sector": rng.choices(SECTORS, [30, 15, 30, 10, 15])[0],
                    "field": rng.choice(FIELDS),
                    "sub_unit": rng.choices(units, unit_weights)[0],
                },
                merit=rng.randint(0, 60),  # recognition points: many ties, the lottery decides
            )
        )
    counts: dict[str, int] = {}
    for person in pool:
        unit = person.values("sub_unit")[0]
        counts[unit] = counts.get(unit, 0) + 1
    # Each sub-unit's quota: its pool's share of the seats (Sainte-Laguë), as a share of the list.
    quotas = apportion(counts, seats, "sainte-lague").seats
    targets = {unit: Fraction(quota, seats) for unit, quota in quotas.items()}
    rules: list[RuleItem] = [
        Rule("category", frozenset({"honoree"}), "share", Fraction(7, 10), Fraction(7, 10),
             label="đại biểu điển hình"),
        Rule("category", frozenset({"guest", "leader"}), "share", Fraction(3, 10),
             Fraction(3, 10), label="khách mời và lãnh đạo"),
        Rule("gender", frozenset({"female"}), "share", Fraction(2, 5), None, label="đại biểu nữ"),
        Rule("direct_producer", frozenset({"true"}), "share", Fraction(55, 100), None,
             label="người trực tiếp sản xuất"),
        QuotaGroup("economic_sector", "count", values=tuple(SECTORS), min=Fraction(1),
                   label="thành phần kinh tế"),
        QuotaGroup("field", "count", values=tuple(FIELDS), min=Fraction(1), label="lĩnh vực"),
        QuotaGroup("sub_unit", "share", targets=targets, relative_tolerance=Fraction(1, 5),
                   label="đơn vị"),
    ]  # fmt: skip
    return pool, rules
