"""The one formula-escaping helper of every export (issue 11), as properties."""

from hypothesis import given
from hypothesis import strategies as st

from thidua.core.cells import FORMULA_PREFIXES, escape_cell


@given(st.text())
def test_escaped_text_never_starts_a_formula_and_keeps_the_text(text):
    escaped = escape_cell(text)
    assert isinstance(escaped, str)
    assert not escaped.startswith(FORMULA_PREFIXES)
    assert escaped == text or escaped == "'" + text  # shown as typed, nothing lost


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.dates(), st.none()))
def test_numbers_and_dates_are_left_alone(value):
    assert escape_cell(value) == value


def test_each_prefix_is_escaped():
    for prefix in ("=", "+", "-", "@"):
        assert escape_cell(prefix + "1+1") == "'" + prefix + "1+1"
