"""The document description (pure): numbering, checks, inline markup, the JSON codec."""

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.documents import codec
from thidua.documents import spec as s
from thidua.documents.tests.seed_plan import PROGRAMME, kim_bang_plan_2024

ISSUER = s.IssuingBody(("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"), "UBND", "Đông Hòa")


def minimal(**changes):
    base = s.DocumentSpec(type_code="KH", issuer=ISSUER, summary=("Tổ chức hội nghị",))
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize(
    ("path", "top_level", "label"),
    [
        ((1,), 1, "I."),
        ((2,), 1, "II."),
        ((3,), 1, "III."),
        ((4,), 1, "IV."),
        ((9,), 1, "IX."),
        ((14,), 1, "XIV."),
        ((2, 1), 1, "1."),
        ((2, 3), 1, "3."),
        ((2, 2, 1), 1, "2.1."),
        ((2, 2, 2), 1, "2.2."),
        ((2, 3, 3), 1, "3.3."),
        ((2, 3, 3, 1), 1, "a)"),
        ((2, 3, 3, 4), 1, "d)"),
        ((2, 3, 3, 5), 1, "đ)"),  # the Vietnamese alphabet: d) is followed by đ)
        ((2, 3, 3, 6), 1, "e)"),
        ((2, 3, 3, 7), 1, "g)"),
        ((1,), 2, "1."),  # short documents start at "1."
        ((1, 2), 2, "1.2."),
        ((1, 2, 1), 2, "a)"),
    ],
)
def test_section_label_from_position(path, top_level, label):
    assert s.section_label(path, top_level) == label


def test_seed_plan_numbers_follow_the_intended_structure():
    """The source repeats "I." and "2.1." and writes "2.3." under 3.: the nesting decides."""
    plan = kim_bang_plan_2024()
    labels = [
        s.section_label(path, plan.top_level) + " " + s.plain(section.title)
        for path, section in s.numbered_sections(plan.blocks, plan.top_level)
        if len(path) <= 3
    ]
    assert labels[:3] == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu"]
    assert "II. NỘI DUNG" in labels and "III. TỔ CHỨC THỰC HIỆN" in labels
    assert "2.1. Đối với cấp xã" in labels and "2.2. Đối với cấp huyện" in labels
    assert "3.3. Một số nội dung trọng tâm của Hội nghị" in labels
    assert [label for label in labels if label.startswith("2.1.")] == ["2.1. Đối với cấp xã"]
    fourth = [
        s.section_label(path) for path, _ in s.numbered_sections(plan.blocks) if len(path) == 4
    ]
    assert fourth == ["a)", "b)", "c)", "d)", "đ)"]


def test_roman_numerals():
    assert [s.roman(n) for n in (1, 4, 9, 12, 40, 1994)] == [
        "I",
        "IV",
        "IX",
        "XII",
        "XL",
        "MCMXCIV",
    ]


def test_number_line_and_symbol():
    draft = minimal()
    assert draft.symbol == "/KH-UBND"
    assert draft.number_line.startswith("Số:") and draft.number_line.endswith("/KH-UBND")
    issued = minimal(number=s.DocumentNumber(5, 2025), date=dt.date(2025, 2, 5))
    assert (issued.symbol, issued.number_line) == ("05/KH-UBND", "Số: 05/KH-UBND")
    assert minimal(number=s.DocumentNumber(115, 2025)).symbol == "115/KH-UBND"


def test_signature_lines_for_each_capacity():
    chair = s.Signature("CHỦ TỊCH", "A", (s.Authority("TM", "ỦY BAN NHÂN DÂN"),))
    deputy = s.Signature(
        "PHÓ CHỦ TỊCH", "B", (s.Authority("TM", "ỦY BAN NHÂN DÂN"), s.Authority("KT", "CHỦ TỊCH"))
    )
    acting = s.Signature("CHỦ TỊCH", "C", acting=True)
    office = s.Signature("CHÁNH VĂN PHÒNG", "D", (s.Authority("TL", "CHỦ TỊCH"),))
    assert chair.lines == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert deputy.lines == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert acting.lines == ("Q. CHỦ TỊCH",)
    assert office.lines == ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"issuer": None}, "documents.issuer_missing"),
        ({"issuer": dataclasses.replace(ISSUER, abbreviation="")}, "documents.issuer_missing"),
        ({"type_code": "DS"}, "documents.unknown_type"),  # lists go as an annex, not a type
        ({"type_code": "kh"}, "documents.unknown_type"),
        (
            {"number": s.DocumentNumber(3, 2024), "date": dt.date(2025, 1, 2)},
            "documents.date_outside_year",
        ),
        ({"number": s.DocumentNumber(0, 2025)}, "documents.bad_serial"),
        ({"summary": ("  ",)}, "documents.summary_missing"),
        (
            {"signature": s.Signature("CHỦ TỊCH", "A", (s.Authority("XX", "UBND"),))},
            "documents.bad_capacity",
        ),
        ({"blocks": (s.Table(("a", "b"), (("1",),)),)}, "documents.table_shape"),
        (
            {
                "blocks": (
                    s.Section(
                        "1",
                        (s.Section("2", (s.Section("3", (s.Section("4", (s.Section("5"),)),)),)),),
                    ),
                )
            },
            "documents.too_deep",
        ),
        (
            {"annexes": (s.Annex("PL", (s.Table(("a",), (("1", "2"),)),)),)},
            "documents.table_shape",
        ),
    ],
)
def test_check_refuses_with_a_code_and_a_vietnamese_message(changes, code):
    with pytest.raises(s.SpecError) as caught:
        s.check(minimal(**changes))
    assert caught.value.code == code
    assert any(ch in str(caught.value) for ch in "ăâđêôơưàáảãạ")


def test_check_accepts_a_complete_document_and_a_date_in_its_number_year():
    s.check(minimal(number=s.DocumentNumber(1, 2025), date=dt.date(2025, 1, 1)))
    s.check(minimal(number=s.DocumentNumber(1, 2025), date=dt.date(2025, 12, 31)))
    s.check(kim_bang_plan_2024())


def test_rich_markup_gives_bold_and_italic_spans():
    assert s.rich("plain") == "plain"
    assert s.rich("gửi **trước ngày 16/12/2024**;") == (
        s.Span("gửi "),
        s.Span("trước ngày 16/12/2024", bold=True),
        s.Span(";"),
    )
    assert s.rich("*Lưu ý:* x") == (s.Span("Lưu ý:", italic=True), s.Span(" x"))


def test_seed_plan_round_trips_through_json():
    import json

    plan = dataclasses.replace(
        kim_bang_plan_2024(),
        number=s.DocumentNumber(15, 2024),
        date=dt.date(2024, 10, 28),
        annexes=(s.Annex("DANH SÁCH", (s.Table(("STT", "Tên"), (("1", "Quế"),)),), True),),
    )
    data = json.loads(json.dumps(codec.spec_to_data(plan)))
    assert codec.spec_from_data(data) == plan


def test_codec_refuses_unknown_data():
    with pytest.raises(s.SpecError) as caught:
        codec.spec_from_data({"_": "Evil"})
    assert caught.value.code == "documents.bad_data"


def test_programme_has_the_nine_items_of_r8():
    assert len(PROGRAMME) == 9
    assert PROGRAMME[0].startswith("Tuyên bố lý do") and PROGRAMME[-1] == "Tổng kết và bế mạc."


texts = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyÀẢỹ ,.;", min_size=1, max_size=30)
items = st.recursive(
    st.builds(s.Item, texts),
    lambda children: st.builds(s.Item, texts, st.lists(children, max_size=3).map(tuple)),
    max_leaves=6,
)
blocks = st.lists(
    st.one_of(items, st.builds(s.Paragraph, texts), st.builds(s.Section, texts)), max_size=5
).map(tuple)


@given(blocks, st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_any_description_round_trips(body, day):
    spec = minimal(blocks=body, date=day, number=s.DocumentNumber(7, day.year))
    assert codec.spec_from_data(codec.spec_to_data(spec)) == spec
