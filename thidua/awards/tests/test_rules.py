"""Pure rules: the authority table on both sides of 1/7/2025, the criteria with their
boundaries, the council's threshold, the statistics and the evidence file types."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from thidua.awards import authority, criteria, evidence, statistics, voting

D30 = dt.date(2025, 6, 30)
D01 = dt.date(2025, 7, 1)
COMMUNE = authority.UnitNode(3, "commune", "commune")
DISTRICT = authority.UnitNode(2, "rural_district", "district")
PROVINCE = authority.UnitNode(1, "province", "province")
AGENCY = authority.UnitNode(4, "agency", "province")
SCHOOL = authority.UnitNode(5, "public_service_unit", "commune")
CHAIN = [COMMUNE, DISTRICT, PROVINCE]

TABLE = authority.AuthorityTable(
    offices=(
        authority.OfficeRow("commune-chair", frozenset({"commune", "ward", "township"})),
        authority.OfficeRow("district-chair", frozenset({"rural_district"}), valid_to=D30),
        authority.OfficeRow("province-chair", frozenset({"province"})),
        authority.OfficeRow(
            "agency-head", frozenset({"agency", "public_service_unit"}), frozenset({"province"})
        ),
    ),
    rows=(
        authority.AuthorityRow("commune-chair", "giay-khen"),
        authority.AuthorityRow("commune-chair", "ldtt"),
        authority.AuthorityRow("district-chair", "giay-khen", valid_to=D30),
        authority.AuthorityRow("district-chair", "cstdcs", valid_to=D30),
        authority.AuthorityRow("province-chair", "bang-khen-tinh"),
        authority.AuthorityRow("agency-head", "cstdcs"),
    ),
)


@pytest.mark.parametrize(
    ("unit", "form", "on", "expected"),
    [
        (COMMUNE, "giay-khen", D30, True),
        (COMMUNE, "giay-khen", D01, True),
        (COMMUNE, "bang-khen-tinh", D30, False),
        (COMMUNE, "cstdcs", D30, False),
        (DISTRICT, "cstdcs", D30, True),  # the last day of the district level
        (DISTRICT, "cstdcs", D01, False),  # abolished on 1/7/2025
        (DISTRICT, "giay-khen", D01, False),
        (PROVINCE, "bang-khen-tinh", D01, True),
        (PROVINCE, "giay-khen", D30, False),
        (AGENCY, "cstdcs", D01, True),
        (SCHOOL, "cstdcs", D01, False),  # an agency of a commune is not a provincial agency
    ],
)
def test_may_decide_follows_the_table_in_force_on_the_date(unit, form, on, expected):
    assert TABLE.may_decide(unit, form, on) is expected


@pytest.mark.parametrize(
    ("form", "on", "holder", "upper"),
    [
        ("giay-khen", D30, COMMUNE, DISTRICT),
        ("cstdcs", D30, DISTRICT, DISTRICT),
        ("cstdcs", D01, None, PROVINCE),  # no holder after the reform; the district is skipped
        ("bang-khen-tinh", D30, PROVINCE, DISTRICT),
        ("bang-khen-tinh", D01, PROVINCE, PROVINCE),
        ("huan-chuong", D30, None, DISTRICT),
    ],
)
def test_holding_unit_and_next_level_on_both_sides_of_the_reform(form, on, holder, upper):
    assert TABLE.holding_unit(CHAIN, form, on) == holder
    assert TABLE.next_level(CHAIN, on) == upper


def test_offices_of_and_within():
    assert TABLE.offices_of(DISTRICT, D30) == ("district-chair",)
    assert TABLE.offices_of(DISTRICT, D01) == ()
    assert TABLE.within(COMMUNE, ["giay-khen", "cstdcs", "ldtt"], D01) == ("giay-khen", "ldtt")
    assert TABLE.next_level([PROVINCE], D01) is None


# --- Criteria -------------------------------------------------------------------------------


def ev(**values):
    base = {
        "form": "giay-khen",
        "form_subject": "individual_or_collective",
        "form_in_force": True,
        "honoree_kind": "individual",
        "year": 2025,
        "period": (2020, 2025),
    }
    return criteria.Evidence(**(base | values))


RULES = [
    criteria.Rule(code, severity=severity)
    for code, severity in (
        ("subject_fits", "block"),
        ("form_in_force", "block"),
        ("one_achievement_one_form", "block"),
        ("ldtt_rating", "warning"),
        ("cstdcs_basis", "warning"),
        ("bang_khen_tinh_route", "warning"),
        ("cstd_tinh_basis", "warning"),
    )
]


def outcome(evidence, code):
    found = [f for f in criteria.evaluate(evidence, RULES) if f.code == code]
    return found[0].passed if found else None


@pytest.mark.parametrize(
    ("subject", "kind", "passed"),
    [
        ("individual", "individual", True),
        ("individual", "collective", False),
        ("collective", "individual", False),
        ("collective", "collective", True),
        ("individual_or_collective", "collective", True),
        ("household", "individual", False),
    ],
)
def test_subject_fits(subject, kind, passed):
    assert outcome(ev(form_subject=subject, honoree_kind=kind), "subject_fits") is passed


@pytest.mark.parametrize(
    ("rating", "excellent", "initiative_year", "research", "ldtt_years", "with_ldtt", "passed"),
    [
        ("excellent", True, None, False, (2025,), False, True),
        ("good", False, 2025, False, (2025,), False, True),  # a recognised initiative that year
        ("good", False, 2024, False, (2025,), False, False),  # initiative of another year
        ("good", False, None, True, (2025,), False, True),  # accepted research
        ("good", False, None, False, (2025,), False, False),  # LĐTT alone is not enough
        ("excellent", True, None, False, (2024,), False, False),  # LĐTT of another year
        ("excellent", True, None, False, (), True, True),  # LĐTT proposed in the same list
        ("", False, None, False, (), False, False),
    ],
)
def test_cstdcs_needs_ldtt_and_one_of_three(
    rating, excellent, initiative_year, research, ldtt_years, with_ldtt, passed
):
    evidence = ev(
        form="cstdcs",
        form_subject="individual",
        rating=rating,
        research_accepted=research,
        initiatives=((initiative_year, "commune"),) if initiative_year else (),
        recognitions=tuple(("ldtt", y) for y in ldtt_years),
        proposed_with=("ldtt",) if with_ldtt else (),
    )
    assert outcome(evidence, "cstdcs_basis") is passed


@pytest.mark.parametrize(
    ("cstdcs_years", "excellent_years", "initiatives", "passed"),
    [
        ((2023, 2024), 0, 0, True),  # two consecutive ending last year
        ((2024, 2025), 0, 0, True),  # ending this year
        ((2022, 2023), 0, 0, False),  # consecutive but not recent (ends 2 years before)
        ((2022, 2024), 0, 0, False),  # not consecutive
        ((2024,), 0, 0, False),  # only one
        ((), 2, 2, True),  # the other route: 2 years excellent + 2 initiatives
        ((), 2, 1, False),
        ((), 1, 2, False),
    ],
)
def test_bang_khen_tinh_route_of_art_74(cstdcs_years, excellent_years, initiatives, passed):
    evidence = ev(
        form="bang-khen-tinh",
        recognitions=tuple(("cstdcs", y) for y in cstdcs_years),
        excellent_years=excellent_years,
        initiatives=tuple((2021 + i, "commune") for i in range(initiatives)),
    )
    assert outcome(evidence, "bang_khen_tinh_route") is passed


def test_bang_khen_route_does_not_apply_to_collectives():
    assert (
        outcome(ev(form="bang-khen-tinh", honoree_kind="collective"), "bang_khen_tinh_route")
        is None
    )


@pytest.mark.parametrize(
    ("cstdcs_years", "levels", "passed"),
    [
        ((2022, 2023, 2024), ("province",), True),
        ((2023, 2024, 2025), ("province",), True),
        ((2022, 2023, 2024), ("district",), False),  # the initiative must be of provincial scope
        ((2023, 2024), ("province",), False),  # only 2 consecutive
        ((2021, 2022, 2024), ("province",), False),
    ],
)
def test_cstd_tinh_needs_three_consecutive_and_a_provincial_initiative(
    cstdcs_years, levels, passed
):
    evidence = ev(
        form="cstd-tinh",
        form_subject="individual",
        recognitions=tuple(("cstdcs", y) for y in cstdcs_years),
        initiatives=tuple((2023, level) for level in levels),
    )
    assert outcome(evidence, "cstd_tinh_basis") is passed


@pytest.mark.parametrize(
    ("rating", "passed"),
    [
        ("excellent", True),
        ("good", True),
        ("completed", False),
        ("not_completed", False),
        ("", False),
    ],
)
def test_ldtt_needs_good_completion(rating, passed):
    assert (
        outcome(ev(form="ldtt", form_subject="individual", rating=rating), "ldtt_rating") is passed
    )


@pytest.mark.parametrize(
    ("period", "movement", "passed"),
    [
        ((2020, 2025), None, False),  # the same period, no movement: the same achievement
        ((2020, 2025), 7, True),  # another movement
        ((2021, 2025), None, True),  # another period
        ((2025, 2025), None, True),
    ],
)
def test_one_achievement_one_form(period, movement, passed):
    other = criteria.OtherAward("Giấy khen", (2020, 2025), None, "QĐ 01/QĐ-UBND")
    evidence = ev(period=period, movement=movement, others=(other,), year=period[1])
    assert outcome(evidence, "one_achievement_one_form") is passed


def test_severity_is_data_a_warning_rule_never_blocks():
    evidence = ev(form_in_force=False)
    as_block = criteria.evaluate(evidence, [criteria.Rule("form_in_force", severity="block")])
    as_warning = criteria.evaluate(evidence, [criteria.Rule("form_in_force", severity="warning")])
    assert [f.blocks for f in as_block] == [True]
    assert [(f.blocks, f.warns) for f in as_warning] == [(False, True)]
    assert criteria.evaluate(evidence, [criteria.Rule("no_such_check")]) == []


def test_findings_quote_the_legal_basis_and_keep_their_evidence():
    rule = criteria.Rule("bang_khen_tinh_route", legal_basis="Điều 74, Luật 06/2022/QH15")
    (finding,) = criteria.evaluate(
        ev(form="bang-khen-tinh", recognitions=(("cstdcs", 2021),)), [rule]
    )
    data = finding.as_data()
    assert data["legal_basis"] == "Điều 74, Luật 06/2022/QH15"
    assert data["params"]["years"] == "2021" and data["params"]["streak"] == 0


# --- Voting, statistics, evidence files ----------------------------------------------------------


@pytest.mark.parametrize(
    ("votes_for", "present", "strict", "share", "approved"),
    [
        (5, 9, True, Fraction(1, 2), True),
        (4, 8, True, Fraction(1, 2), False),  # exactly half is not "more than half"
        (4, 8, False, Fraction(1, 2), True),  # "at least half"
        (6, 9, True, Fraction(2, 3), False),
        (7, 9, True, Fraction(2, 3), True),
        (0, 0, True, Fraction(1, 2), False),  # nobody present
    ],
)
def test_council_threshold_is_a_setting(votes_for, present, strict, share, approved):
    tally = voting.Tally(votes_for, 0, 0, present)
    assert voting.is_approved(tally, voting.Threshold(share, strict)) is approved


def test_a_tally_with_more_votes_than_members_is_invalid():
    assert not voting.Tally(3, 2, 1, 5).is_valid()
    assert voting.Threshold.from_setting({"share": "2/3", "strict": False}) == voting.Threshold(
        Fraction(2, 3), False
    )


def test_statistics_shares():
    row = statistics.AwardRow
    summary = statistics.summarise(
        [
            row("Giấy khen", "commune", False, True, True, True, False),
            row("Giấy khen", "commune", False, False, False, False, False),
            row("Giấy khen", "district", False, True, False, True, False),
            row("Bằng khen", "province", True, False, False, False, True),
            row("Giấy khen", "commune", True, False, False, False, False),
        ]
    )
    assert (summary.total, summary.individuals, summary.collectives) == (5, 3, 2)
    assert (summary.direct_workers.count, summary.direct_workers.total) == (2, 3)
    assert summary.direct_workers.percent == 66.7
    assert summary.workers_farmers.percent == 33.3
    assert summary.women.count == 2
    assert (summary.small_collectives.count, summary.small_collectives.total) == (1, 2)
    assert summary.by_form == (("Giấy khen", 4), ("Bằng khen", 1))
    assert summary.by_level == (("commune", 3), ("district", 1), ("province", 1))
    assert statistics.summarise([]).women.percent == 0.0


@pytest.mark.parametrize(
    ("name", "head", "accepted"),
    [
        ("bao-cao.pdf", b"%PDF-1.7", True),
        ("BAO-CAO.PDF", b"%PDF-1.4", True),
        ("anh.jpg", b"\xff\xd8\xff\xe0", True),
        ("anh.png", b"\x89PNG\r\n\x1a\n", True),
        ("virus.pdf", b"MZ\x90\x00", False),  # renamed executable
        ("script.html", b"<html>", False),
        ("anh.png", b"%PDF-1.7", False),  # content and name disagree
        ("khong-duoi", b"%PDF-1.7", False),
    ],
)
def test_evidence_types_by_name_and_content(name, head, accepted):
    assert (evidence.file_type(name, head) is not None) is accepted


def test_office_files_must_be_real_archives():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    data = buffer.getvalue()
    assert evidence.file_type("x.docx", data[:16], data) is not None
    assert evidence.file_type("x.docx", b"PK\x03\x04garbage", b"PK\x03\x04garbage") is None
