"""Vietnamese formats for dates and numbers (pure, no Django).

Decree 30/2020/NĐ-CP, Appendix I: in the place-and-date line, days below 10 and the months
January and February are written with a leading zero ("ngày 05 tháng 02 năm 2025");
other months are written without one ("ngày 16 tháng 12 năm 2024", "ngày 10 tháng 3 năm 2025").
"""

from __future__ import annotations

import datetime as dt


def decree_day(day: int) -> str:
    return f"{day:02d}"


def decree_month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def long_date(value: dt.date) -> str:
    """ "ngày 05 tháng 02 năm 2025" per Decree 30."""
    return f"ngày {decree_day(value.day)} tháng {decree_month(value.month)} năm {value.year}"


def place_date(place: str, value: dt.date | None, *, year: int | None = None) -> str:
    """The italic line under the document number: "Kim Bảng, ngày 05 tháng 02 năm 2025".

    Without a date (a draft to be dated by hand) the blanks are left for the pen:
    "Kim Bảng, ngày ... tháng ... năm 2025".
    """
    if value is None:
        shown_year = year if year is not None else dt.date.today().year
        return f"{place}, ngày ... tháng ... năm {shown_year}"
    return f"{place}, {long_date(value)}"


def short_date(value: dt.date) -> str:
    """dd/mm/yyyy, the usual form inside tables and text ("16/12/2024")."""
    return value.strftime("%d/%m/%Y")


def group_thousands(value: int) -> str:
    """Vietnamese digit grouping uses dots: 1.850.000."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


# --- Amounts in words ("bằng chữ") ------------------------------------------------------------
# Budgets and payment documents state an amount twice: in digits and in words. The Vietnamese
# reading rules: 1 after a tens digit of 2..9 is "mốt" (hai mươi mốt), after "mười" it stays
# "một"; 5 after any tens digit is "lăm" (mười lăm, hai mươi lăm); 4 after a tens digit of 2..9
# may be "tư" (hai mươi tư); a zero tens digit before a unit is "linh" (North) or "lẻ" (South):
# một trăm linh năm; inside a number, a group of three with a zero hundreds digit still reads
# its hundreds ("một nghìn không trăm linh năm"); a group that is all zeros is skipped.

DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
GROUP_WORDS = ("", "nghìn", "triệu")  # then "tỷ", which repeats: nghìn tỷ, triệu tỷ, tỷ tỷ
BILLION = 10**9


def _three_digits(value: int, *, full: bool, zero_tens: str, four: str) -> list[str]:
    """Words of 0..999; ``full`` reads a zero hundreds digit ("không trăm") inside a number."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGIT_WORDS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words += [zero_tens, DIGIT_WORDS[units]]
        elif units:
            words.append(DIGIT_WORDS[units])
        return words
    words += ["mười"] if tens == 1 else [DIGIT_WORDS[tens], "mươi"]
    if units == 1:
        words.append("một" if tens == 1 else "mốt")
    elif units == 4:
        words.append("bốn" if tens == 1 else four)
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGIT_WORDS[units])
    return words


def _below_billion(value: int, *, full: bool, zero_tens: str, four: str) -> list[str]:
    groups = [(value // 10**6) % 1000, (value // 1000) % 1000, value % 1000]
    words: list[str] = []
    for index, group in enumerate(groups):
        if group == 0:
            continue
        read_full = full or bool(words)
        words += _three_digits(group, full=read_full, zero_tens=zero_tens, four=four)
        if unit := GROUP_WORDS[2 - index]:
            words.append(unit)
    return words


def _number_words(value: int, *, full: bool, zero_tens: str, four: str) -> list[str]:
    if value < BILLION:
        return _below_billion(value, full=full, zero_tens=zero_tens, four=four)
    high, low = divmod(value, BILLION)
    words = [*_number_words(high, full=full, zero_tens=zero_tens, four=four), "tỷ"]
    if low:
        words += _number_words(low, full=True, zero_tens=zero_tens, four=four)
    return words


def number_in_words(value: int, *, zero_tens: str = "linh", four: str = "tư") -> str:
    """A whole number in Vietnamese words, lower case: 1250000 -> "một triệu hai trăm năm mươi
    nghìn". ``zero_tens`` is "linh" or "lẻ"; ``four`` (after a tens digit of 2..9) "tư" or "bốn".
    """
    if zero_tens not in {"linh", "lẻ"} or four not in {"tư", "bốn"}:
        raise ValueError("zero_tens must be 'linh' or 'lẻ', four 'tư' or 'bốn'")
    if value == 0:
        return DIGIT_WORDS[0]
    words = _number_words(abs(value), full=False, zero_tens=zero_tens, four=four)
    return " ".join((["âm"] if value < 0 else []) + words)


def money_in_words(
    amount: int, *, currency: str = "đồng", zero_tens: str = "linh", four: str = "tư"
) -> str:
    """An amount "bằng chữ", capitalised as documents write it:
    1250000 -> "Một triệu hai trăm năm mươi nghìn đồng"."""
    text = f"{number_in_words(amount, zero_tens=zero_tens, four=four)} {currency}".strip()
    return text[0].upper() + text[1:]
