import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from thidua.core.text import fold, normalize_text


def test_fold_strips_vietnamese_marks_and_d_bar():
    assert fold("Thụy Lôi") == "thuy loi"
    assert fold("ĐỒNG HÓA") == "dong hoa"
    assert fold("  Nguyễn   Úy ") == "nguyen uy"


def test_fold_treats_nfc_and_nfd_spellings_as_the_same_name():
    name = "Tượng Lĩnh"
    assert fold(unicodedata.normalize("NFD", name)) == fold(unicodedata.normalize("NFC", name))


def test_normalize_text_gives_nfc_with_single_spaces():
    nfd = unicodedata.normalize("NFD", "Khả  Phong")
    assert normalize_text(nfd) == "Khả Phong"
    assert unicodedata.is_normalized("NFC", normalize_text(nfd))


@given(st.text())
def test_fold_is_idempotent(value):
    assert fold(fold(value)) == fold(value)


@given(st.text())
def test_fold_output_has_no_combining_marks(value):
    assert not any(unicodedata.combining(ch) for ch in fold(value))
