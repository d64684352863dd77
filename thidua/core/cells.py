"""Spreadsheet cells written by exports (pure): text that Excel or LibreOffice would run as a
formula is neutralised. Every xlsx/csv export of the project writes its cells through
``escape_cell`` (issue 11: no formula injection on export).

A text starting with = + - @ (or a tab / line break, which some spreadsheets strip before
reading the formula) gets a leading apostrophe, the OWASP advice for CSV injection: the cell
shows the text as typed. Numbers and dates are left alone (a negative number is not text).
"""

from __future__ import annotations

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def escape_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def escape_row(values: list[object]) -> list[object]:
    return [escape_cell(value) for value in values]
