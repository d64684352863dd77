"""plan_spec.py: the plan's content as a DocumentSpec of the engine (pure mapping, truth tables),
and the generated Kim Bảng 2024 plan against the hand-written seed spec (the test oracle)."""

import dataclasses
import datetime as dt
import json

import pytest

from thidua.campaigns import plan_document, plan_spec, selectors
from thidua.campaigns.plan_document import Block, Paragraph, PlanContent, Signer
from thidua.documents import codec
from thidua.documents import spec as doc
from thidua.documents.tests.seed_plan import kim_bang_plan_2024

B = doc.Span  # a span, for short


def content(**changes):
    base = PlanContent(
        document_type="KH",
        type_name="KẾ HOẠCH",
        number=None,
        superior_body="",
        issuing_body="ỦY BAN NHÂN DÂN XÃ ĐÔNG HÒA",
        place="Đông Hòa",
        date=None,
        year=2024,
        summary="Tổ chức Hội nghị tuyên dương điển hình tiên tiến",
        basis=("Căn cứ Kế hoạch số 15/KH-UBND ngày 28/10/2024 của Ủy ban nhân dân huyện.",),
        intro="Ủy ban nhân dân xã xây dựng Kế hoạch như sau:",
        body=(),
        closing="Trên đây là Kế hoạch./.",
        signer=Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn A"),
        recipients=("UBND huyện;", "Lưu: VT."),
    )
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize(
    ("text", "bold", "italic", "expected"),
    [
        ("không có gì", ("trước ngày 16/12/2024",), ("Lưu ý:",), "không có gì"),
        ("", ("x",), (), ""),
        (
            "gửi về huyện trước ngày 16/12/2024;",
            ("trước ngày 16/12/2024",),
            (),
            (B("gửi về huyện "), B("trước ngày 16/12/2024", bold=True), B(";")),
        ),
        (
            "trước ngày 16/12/2024",
            ("trước ngày 16/12/2024",),
            (),
            (B("trước ngày 16/12/2024", bold=True),),
        ),
        (
            "Lưu ý: Chú trọng khen thưởng",
            (),
            ("Lưu ý:",),
            (B("Lưu ý:", italic=True), B(" Chú trọng khen thưởng")),
        ),
        (
            "a X b X",
            ("X",),
            (),
            (B("a "), B("X", bold=True), B(" b "), B("X", bold=True)),
        ),
        # A longer phrase starting at the same place wins; phrases never nest.
        (
            "hạn: trước ngày 16",
            ("trước", "trước ngày 16"),
            (),
            (B("hạn: "), B("trước ngày 16", True)),
        ),
        ("Lưu ý: x", ("",), ("",), "Lưu ý: x"),  # empty phrases are ignored
    ],
)
def test_emphasised_spans(text, bold, italic, expected):
    assert plan_spec.emphasised(text, bold, italic) == expected


@pytest.mark.parametrize(
    ("summary", "lines"),
    [
        ("Tổ chức hội nghị", ("Tổ chức hội nghị",)),
        ("", ()),
        (
            "Tổ chức Hội nghị điển hình tiên tiến các cấp, tiến tới Đại hội Thi đua yêu nước "
            "tỉnh Hà Nam lần thứ XII",
            (
                "Tổ chức Hội nghị điển hình tiên tiến các cấp,",
                "tiến tới Đại hội Thi đua yêu nước tỉnh Hà Nam lần thứ XII",
            ),
        ),
        # Several commas: the one nearest the middle.
        (
            "Tổ chức hội nghị, một, hai ba bốn năm sáu bảy tám, chín mười mười một mười hai, hết",
            (
                "Tổ chức hội nghị, một, hai ba bốn năm sáu bảy tám,",
                "chín mười mười một mười hai, hết",
            ),
        ),
        # Long, without a comma: one line, the renderer wraps it.
        ("x " * 40, (("x " * 40).strip(),)),
        # An explicit break is kept as written.
        ("Dòng một,\nDòng hai", ("Dòng một,", "Dòng hai")),
    ],
)
def test_summary_lines(summary, lines):
    assert plan_spec.summary_lines(summary) == lines


@pytest.mark.parametrize(
    ("signer", "expected"),
    [
        (
            Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Thành Thăng"),
            doc.Signature(
                "CHỦ TỊCH", "Nguyễn Thành Thăng", (doc.Authority("TM", "ỦY BAN NHÂN DÂN"),)
            ),
        ),
        (
            Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", ""),
            doc.Signature("PHÓ CHỦ TỊCH", "", (doc.Authority("KT", "CHỦ TỊCH"),)),
        ),
        (
            Signer("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "B"),
            doc.Signature(
                "PHÓ CHỦ TỊCH",
                "B",
                (doc.Authority("TM", "ỦY BAN NHÂN DÂN"), doc.Authority("KT", "CHỦ TỊCH")),
            ),
        ),
        (Signer("", "CHỦ TỊCH", "C"), doc.Signature("CHỦ TỊCH", "C")),
        (Signer("", "", ""), None),
        # Not a capacity: kept as written, so that issuing refuses it (bad_capacity).
        (
            Signer("THAY MẶT ỦY BAN", "CHỦ TỊCH", "D"),
            doc.Signature("CHỦ TỊCH", "D", (doc.Authority("THAY MẶT ỦY BAN", ""),)),
        ),
    ],
)
def test_signature_from_the_signer(signer, expected):
    assert plan_spec.signature(signer) == expected


def test_unknown_capacity_is_refused_by_the_engine():
    spec = plan_spec.document_spec(
        content(signer=Signer("THAY MẶT ỦY BAN", "CHỦ TỊCH", "D")),
        doc.IssuingBody(("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"), "UBND", "Đông Hòa"),
    )
    with pytest.raises(doc.SpecError) as refused:
        doc.check(spec)
    assert refused.value.code == "documents.bad_capacity"


@pytest.mark.parametrize(
    ("issuing_body", "superior", "unit_name", "expected"),
    [
        (
            "ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG",
            "",
            "Huyện Kim Bảng",
            doc.IssuingBody(
                ("ỦY BAN NHÂN DÂN", "HUYỆN KIM BẢNG"),
                "UBND",
                "Đông Hòa",
                full_name="Ủy ban nhân dân huyện Kim Bảng",
            ),
        ),
        (
            "ỦY BAN  NHÂN DÂN   THỊ TRẤN QUẾ",
            "",
            "Thị trấn Quế",
            doc.IssuingBody(
                ("ỦY BAN NHÂN DÂN", "THỊ TRẤN QUẾ"),
                "UBND",
                "Đông Hòa",
                full_name="Ủy ban nhân dân thị trấn Quế",
            ),
        ),
        (
            "ỦY BAN NHÂN DÂN",
            "TỈNH HÀ NAM",
            "",
            doc.IssuingBody(("ỦY BAN NHÂN DÂN",), "UBND", "Đông Hòa", ("TỈNH HÀ NAM",), ""),
        ),
        ("PHÒNG NỘI VỤ", "", "Phòng Nội vụ", None),  # no known abbreviation
        ("ỦY BAN NHÂN DÂNX", "", "X", None),  # a word boundary, not a prefix
    ],
)
def test_issuing_body_from_the_particulars(issuing_body, superior, unit_name, expected):
    plan = content(issuing_body=issuing_body, superior_body=superior)
    assert plan_spec.issuing_body(plan, unit_name) == expected


def test_blocks_items_and_framed_lines():
    body = (
        Block(
            "I.",
            "PHẦN MỘT",
            (
                Paragraph("Đoạn văn."),
                Paragraph("Gạch một", "-"),
                Paragraph("Cộng một", "+"),
                Paragraph("Cộng hai", "+"),
                Paragraph("Gạch hai", "-"),
                Paragraph("Cộng lẻ", "+"),
                Paragraph("Lưu ý: Đoạn sau."),
                Paragraph("Cộng không có gạch trước", "+"),
            ),
            children=(Block("1.", "Con", (Paragraph("Một", "-"),)),),
        ),
        Block("II.", "KHUNG", (Paragraph("DÒNG MỘT"), Paragraph("DÒNG HAI")), framed=True),
        Block("III.", "TRỐNG"),
    )
    spec = plan_spec.document_spec(content(body=body, italic=("Lưu ý:",)), None)
    first, second, third = spec.blocks[2:5]
    assert first == doc.Section(
        "PHẦN MỘT",
        (
            doc.Paragraph("Đoạn văn."),
            doc.Item("Gạch một", (doc.Item("Cộng một"), doc.Item("Cộng hai"))),
            doc.Item("Gạch hai", (doc.Item("Cộng lẻ"),)),
            doc.Paragraph((B("Lưu ý:", italic=True), B(" Đoạn sau."))),
            doc.Item("Cộng không có gạch trước"),  # a "+" with no "-" above is a "-" item
            doc.Section("Con", (doc.Item("Một"),)),
        ),
    )
    assert second == doc.Section("KHUNG", (doc.Framed(("DÒNG MỘT", "DÒNG HAI")),))
    assert third == doc.Section("TRỐNG", ())


def test_the_whole_document_around_the_body():
    issuer = doc.IssuingBody(("ỦY BAN NHÂN DÂN", "XÃ ĐÔNG HÒA"), "UBND", "Đông Hòa")
    spec = plan_spec.document_spec(content(date=dt.date(2024, 12, 2)), issuer)
    assert spec == doc.DocumentSpec(
        type_code="KH",
        issuer=issuer,
        summary=("Tổ chức Hội nghị tuyên dương điển hình tiên tiến",),
        blocks=(
            doc.Paragraph(
                "Căn cứ Kế hoạch số 15/KH-UBND ngày 28/10/2024 của Ủy ban nhân dân huyện."
            ),
            doc.Paragraph("Ủy ban nhân dân xã xây dựng Kế hoạch như sau:"),
            doc.Paragraph("Trên đây là Kế hoạch./."),
        ),
        signature=doc.Signature("CHỦ TỊCH", "Lê Văn A", (doc.Authority("TM", "ỦY BAN NHÂN DÂN"),)),
        date=dt.date(2024, 12, 2),
        year=2024,
        number=None,  # the registry numbers it when issued
        recipients=("UBND huyện;", "Lưu: VT."),
    )
    doc.check(spec)
    empty = plan_spec.document_spec(
        content(basis=(), intro="", closing="", recipients=("", "Lưu: VT.")), issuer
    )
    assert (empty.blocks, empty.recipients) == ((), ("Lưu: VT.",))


# --- The generated Kim Bảng 2024 plan against the hand-written seed spec -----------------------

# Where the generated plan differs from the hand-written seed spec on purpose. The seed writes
# the review period both "2020-2025" and "2021-2025"; the campaign has ONE setting (R2), the
# preset's 2021-2025, used everywhere. Nothing else may differ.
INTENDED_DIFFERENCES = (("giai đoạn 2020-2025", "giai đoạn 2021-2025", 2),)


def expected_from_oracle() -> doc.DocumentSpec:
    data = json.dumps(codec.spec_to_data(kim_bang_plan_2024()), ensure_ascii=False)
    for seed, generated, count in INTENDED_DIFFERENCES:
        assert data.count(seed) == count, seed  # the list cannot rot silently
        data = data.replace(seed, generated)
    return codec.spec_from_data(json.loads(data))


@pytest.mark.django_db
def test_the_generated_seed_plan_equals_the_hand_written_one(issued):
    """The Kim Bảng 2024 preset, issued as the demo issues it, generates the seed's plan."""
    content_ = plan_document.plan_content(selectors.campaign_with_rules(issued))
    oracle = kim_bang_plan_2024()
    generated = plan_spec.document_spec(content_, oracle.issuer)
    assert generated == expected_from_oracle()
    # The spec compares every block, span and line: a one-word change fails.
    changed = dataclasses.replace(generated, recipients=generated.recipients[:-1])
    assert changed != expected_from_oracle()
