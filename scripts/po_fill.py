#!/usr/bin/env python
"""Fill English translations into the app catalogues from a Python dict file.

Usage: .venv/bin/python scripts/po_fill.py translations.py
where translations.py defines EN = {"Vietnamese msgid": "English", ...}; plural entries map to a
pair ("singular", "plural"). Only empty and fuzzy entries are filled; other translations are kept.
"""

import glob
import runpy
import sys

import polib


def main(path: str) -> None:
    table = runpy.run_path(path)["EN"]
    missing = []
    for po_path in sorted(glob.glob("thidua/*/locale/en/LC_MESSAGES/django.po")):
        po = polib.pofile(po_path)
        for entry in po.untranslated_entries() + po.fuzzy_entries():
            value = table.get(entry.msgid)
            if value is None:
                missing.append(f"{po_path}: {entry.msgid!r}")
            elif entry.msgid_plural:
                singular, plural = value if isinstance(value, tuple) else (value, value)
                entry.msgstr_plural = {0: singular, 1: plural}
            else:
                entry.msgstr = value
            if value is not None and "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = None
        po.save()
    print("\n".join(missing) if missing else "every entry translated")


if __name__ == "__main__":
    main(sys.argv[1])
