"""Amounts in words (bằng chữ): a truth table of the reading rules, and a parser round trip."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.core.vietnamese import money_in_words, number_in_words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "không"),
        (1, "một"),
        (4, "bốn"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),  # after "mười", 1 stays "một"
        (14, "mười bốn"),  # "tư" only after a tens digit of 2..9
        (15, "mười lăm"),  # 5 after a tens digit is "lăm"
        (20, "hai mươi"),
        (21, "hai mươi mốt"),  # 1 after 2..9 tens is "mốt"
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (55, "năm mươi lăm"),
        (100, "một trăm"),
        (101, "một trăm linh một"),  # after "linh", 1 is "một"
        (105, "một trăm linh năm"),  # and 5 is "năm"
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (999, "chín trăm chín mươi chín"),
        (1000, "một nghìn"),
        (1001, "một nghìn không trăm linh một"),  # a zero hundreds digit is read inside
        (1010, "một nghìn không trăm mười"),
        (1100, "một nghìn một trăm"),
        (10000, "mười nghìn"),
        (21000, "hai mươi mốt nghìn"),
        (1000000, "một triệu"),
        (1000001, "một triệu không trăm linh một"),  # an all-zero group is skipped
        (1050000, "một triệu không trăm năm mươi nghìn"),
        (1250000, "một triệu hai trăm năm mươi nghìn"),
        (1000000000, "một tỷ"),
        (1005000000, "một tỷ không trăm linh năm triệu"),
        (5000000005, "năm tỷ không trăm linh năm"),
        (1000000000000, "một nghìn tỷ"),
        (-35, "âm ba mươi lăm"),
    ],
)
def test_number_in_words_truth_table(value, words):
    assert number_in_words(value) == words


def test_money_in_words_capitalises_and_names_the_currency():
    assert money_in_words(1_250_000) == "Một triệu hai trăm năm mươi nghìn đồng"
    assert money_in_words(0) == "Không đồng"
    assert money_in_words(105_000, zero_tens="lẻ") == "Một trăm lẻ năm nghìn đồng"
    assert money_in_words(24, four="bốn") == "Hai mươi bốn đồng"


def test_unknown_variants_are_refused():
    with pytest.raises(ValueError):
        number_in_words(5, zero_tens="zero")


DIGITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5}
DIGITS |= {"lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
SCALES = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}


def parse_words(text: str) -> int:
    """An independent reader of Vietnamese numbers, used to check the writer."""
    words = text.split()
    sign = -1 if words[:1] == ["âm"] else 1
    words = words[1:] if sign < 0 else words
    total, section, hundreds, small = 0, 0, 0, 0
    for word in words:
        if word in DIGITS:
            small += DIGITS[word]
        elif word == "mười":
            small += 10
        elif word == "mươi":
            small = small * 10
        elif word == "trăm":
            hundreds, small = small * 100, 0
        elif word in {"linh", "lẻ"}:
            continue
        elif word == "tỷ":
            total = (total + section + hundreds + small) * 10**9
            section, hundreds, small = 0, 0, 0
        else:
            section += (hundreds + small) * SCALES[word]
            hundreds, small = 0, 0
    return sign * (total + section + hundreds + small)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_words_read_back_to_the_same_number(value):
    assert parse_words(number_in_words(value)) == value


@given(st.integers(min_value=0, max_value=10**15))
def test_reading_rules_hold_for_every_number(value):
    words = number_in_words(value).split()
    pairs = list(itertools.pairwise(words))
    assert ("mười", "mốt") not in pairs and ("linh", "mốt") not in pairs
    assert ("mười", "tư") not in pairs and ("linh", "lăm") not in pairs
    assert ("mươi", "một") not in pairs and ("mươi", "năm") not in pairs
    assert "  " not in number_in_words(value)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["linh", "lẻ"]))
def test_money_in_words_starts_upper_case_and_ends_with_dong(value, zero_tens):
    text = money_in_words(value, zero_tens=zero_tens)
    assert text[0].isupper() and text.endswith(" đồng")
    assert parse_words(text[0].lower() + text[1:-5]) == value
