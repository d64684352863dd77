"""Tally edge cases: exactly half, quorum missed by one, ties at the last seat, double entry."""

from fractions import Fraction

import pytest

from thidua.elections.tally import (
    WHOLE_LIST,
    BoxTally,
    DoubleEntryMismatchError,
    HandCount,
    TallyError,
    TallySettings,
    tally_hands,
    tally_paper,
)


@pytest.mark.parametrize(
    ("yes", "no", "elected"),
    [(25, 25, False), (26, 24, True), (25, 24, True), (24, 26, False)],
)
def test_exactly_half_of_the_valid_votes_is_not_more_than_half(yes, no, elected):
    result = tally_hands(60, 50, {"An": HandCount(yes, no)}, seats=1)
    assert result.status == "elected"
    assert result.elected == (("An",) if elected else ())
    assert result.needed == {"An": (yes + no) // 2 + 1}


@pytest.mark.parametrize(("present", "status"), [(50, "no_quorum"), (51, "elected")])
def test_quorum_is_more_than_half_of_the_entitled(present, status):
    result = tally_hands(100, present, {"An": HandCount(present)}, seats=1)
    assert result.status == status and result.quorum_met is (status != "no_quorum")
    assert "quá một nửa tổng số đại biểu được triệu tập (cần ít nhất 51/100" in result.rule_text


def test_tie_at_the_last_seat_goes_to_a_runoff():
    counts = {
        "An": HandCount(40, 10),
        "Bình": HandCount(30, 20),
        "Chi": HandCount(30, 20),
        "Dũng": HandCount(10, 40),
    }
    result = tally_hands(60, 50, counts, seats=2)
    assert (result.status, result.elected, result.runoff, result.runoff_seats) == (
        "runoff",
        ("An",),
        ("Bình", "Chi"),
        1,
    )
    assert result.not_elected == ("Dũng",)
    assert "bầu lại giữa những người này" in result.rule_text


def test_tied_candidates_who_all_fit_are_all_elected():
    counts = {"An": HandCount(40), "Bình": HandCount(30), "Chi": HandCount(30)}
    result = tally_hands(60, 50, counts, seats=3)
    assert (result.status, result.elected) == ("elected", ("An", "Bình", "Chi"))


def test_whole_list_show_of_hands():
    approved = tally_hands(30, 28, {WHOLE_LIST: HandCount(20, 5, 3)})
    rejected = tally_hands(30, 28, {WHOLE_LIST: HandCount(14, 10, 4)})
    assert (approved.status, rejected.status) == ("approved", "rejected")
    assert approved.needed == {WHOLE_LIST: 15}  # more than half of the 28 hands counted


def test_hands_above_the_present_are_refused():
    with pytest.raises(TallyError) as error:
        tally_hands(30, 20, {"An": HandCount(15, 5, 1)}, seats=1)
    assert error.value.code == "hands_exceed_present"


def box(name, cast, invalid, **approvals):
    return BoxTally(name, cast, invalid, approvals)


def test_paper_ballots_double_entry_invalid_counted_apart():
    first = [box("1", 30, 2, An=20, Binh=14), box("2", 20, 0, An=8, Binh=12)]
    second = [box("2", 20, 0, An=8, Binh=12), box("1", 30, 2, An=20, Binh=14)]
    result = tally_paper(60, 52, first, second, ["An", "Binh"], seats=2, issued=55)
    assert (result.counted, result.invalid, result.valid) == (50, 2, 48)
    assert result.votes == {"An": 28, "Binh": 26}
    # 48 valid ballots: more than half is 25, so both are elected; 26 would fail on 52.
    assert result.needed == {"An": 25, "Binh": 25}
    assert result.elected == ("An", "Binh")


def test_double_entry_mismatch_is_refused_with_every_difference():
    first = [box("1", 30, 2, An=20), box("2", 20, 0, An=8)]
    second = [box("1", 30, 3, An=20), box("2", 20, 0, An=9)]
    with pytest.raises(DoubleEntryMismatchError) as error:
        tally_paper(60, 52, first, second, ["An"], seats=1)
    assert error.value.code == "double_entry_mismatch"
    assert error.value.details["differences"] == [
        "Hòm phiếu 1, số phiếu không hợp lệ: lần 1 là 2, lần 2 là 3.",
        "Hòm phiếu 2, An: lần 1 là 8, lần 2 là 9.",
    ]


@pytest.mark.parametrize(
    ("boxes", "kwargs", "code"),
    [
        ([box("1", 10, 0, An=11)], {}, "approvals_exceed_valid"),
        ([box("1", 10, 11)], {}, "invalid_box"),
        ([box("1", 60, 0)], {}, "cast_exceeds_present"),
        ([box("1", 50, 0)], {"issued": 40}, "cast_exceeds_issued"),
        ([box("1", 10, 0, Ghost=1)], {}, "unknown_candidate"),
    ],
)
def test_inconsistent_paper_counts_are_refused(boxes, kwargs, code):
    with pytest.raises(TallyError) as error:
        tally_paper(60, 52, boxes, boxes, ["An"], seats=1, **kwargs)
    assert error.value.code == code


def test_settings_change_the_rule_and_its_text():
    two_thirds = TallySettings.from_values(
        threshold="2/3", threshold_strict=False, threshold_base="present"
    )
    result = tally_hands(60, 45, {"An": HandCount(30, 10, 5)}, seats=1, settings=two_thirds)
    assert result.needed == {"An": 30} and result.elected == ("An",)
    assert "từ hai phần ba trở lên số đại biểu có mặt (cần ít nhất 30/45 phiếu)" in result.rule_text
    custom = TallySettings(quorum=Fraction(2, 3), quorum_strict=False)
    assert tally_hands(30, 19, {"An": HandCount(19)}, seats=1, settings=custom).status == (
        "no_quorum"
    )
    with pytest.raises(TallyError):
        TallySettings.from_values(threshold=2)


def test_present_above_entitled_is_refused():
    with pytest.raises(TallyError) as error:
        tally_hands(10, 11, {}, seats=1)
    assert error.value.code == "present_exceeds_entitled"
