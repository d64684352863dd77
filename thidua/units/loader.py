"""Import the country's administrative units from the ``vietnam-provinces`` package.

Two sets (domain.md §7):
* ``legacy``: 63 provinces / 696 districts / 10,051 communes, the package's June 2025 snapshot;
  valid until 30/6/2025 (the day before the two-level reform took effect).
* ``current``: 34 provinces / 3,321 communes, valid from 1/7/2025.
Successor links legacy -> current are added wherever the package's conversion tables give them
and both ends are present.

The import is idempotent: it reads what is there, creates what is missing, updates what
differs, and a second run writes nothing. Rows are written in bulk, level by level, so parents
have ids (and paths) before their children.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from thidua.core.text import fold
from thidua.units.enums import LEVEL_OF_KIND, UnitKind, UnitSource
from thidua.units.models import Unit, path_step

LEGACY_VALID_TO = dt.date(2025, 6, 30)
CURRENT_VALID_FROM = dt.date(2025, 7, 1)
BATCH = 2000

# division_type value (the package's Vietnamese string) -> (our kind, the name prefix to strip)
KIND_OF_DIVISION: dict[str, tuple[str, str]] = {
    "tỉnh": (UnitKind.PROVINCE, "Tỉnh "),
    "thành phố trung ương": (UnitKind.CENTRAL_CITY, "Thành phố "),
    "huyện": (UnitKind.RURAL_DISTRICT, "Huyện "),
    "quận": (UnitKind.URBAN_DISTRICT, "Quận "),
    "thị xã": (UnitKind.DISTRICT_TOWN, "Thị xã "),
    "thành phố": (UnitKind.PROVINCIAL_CITY, "Thành phố "),
    "xã": (UnitKind.COMMUNE, "Xã "),
    "thị trấn": (UnitKind.TOWNSHIP, "Thị trấn "),
    "phường": (UnitKind.WARD, "Phường "),
    "đặc khu": (UnitKind.SPECIAL_ZONE, "Đặc khu "),
}

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Record:
    """One unit as the package describes it."""

    code: str
    name: str
    division_type: str
    parent_code: str | None

    @property
    def kind(self) -> str:
        return KIND_OF_DIVISION[self.division_type][0]

    @property
    def short_name(self) -> str:
        prefix = KIND_OF_DIVISION[self.division_type][1]
        return self.name[len(prefix) :] if self.name.startswith(prefix) else self.name


@dataclass
class ImportReport:
    unit_set: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    successor_links_added: int = 0
    per_level: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.successor_links_added)


def province_code_str(code: int) -> str:
    """GSO codes are written zero-padded by level: provinces 2 digits, districts 3, communes 5."""
    return f"{int(code):02d}"


def district_code_str(code: int) -> str:
    return f"{int(code):03d}"


def commune_code_str(code: int) -> str:
    return f"{int(code):05d}"


def legacy_levels(province_code: str | None = None) -> list[list[Record]]:
    from vietnam_provinces.legacy import District, Province, Ward

    provinces = [
        Record(province_code_str(p.code), p.name, str(p.division_type), None)
        for p in Province.iter_all()
        if province_code is None or province_code_str(p.code) == province_code
    ]
    wanted = {r.code for r in provinces}
    districts = [
        Record(
            district_code_str(d.code),
            d.name,
            str(d.division_type),
            province_code_str(d.province_code),
        )
        for d in District.iter_all()
        if province_code_str(d.province_code) in wanted
    ]
    district_codes = {r.code for r in districts}
    wards = [
        Record(
            commune_code_str(w.code),
            w.name,
            str(w.division_type),
            district_code_str(w.district_code),
        )
        for w in Ward.iter_all()
        if district_code_str(w.district_code) in district_codes
    ]
    return [provinces, districts, wards]


def current_levels(province_code: str | None = None) -> list[list[Record]]:
    from vietnam_provinces import Province, Ward

    provinces = [
        Record(province_code_str(p.code), p.name, str(p.division_type), None)
        for p in Province.iter_all()
        if province_code is None or province_code_str(p.code) == province_code
    ]
    wanted = {r.code for r in provinces}
    wards = [
        Record(
            commune_code_str(w.code),
            w.name,
            str(w.division_type),
            province_code_str(w.province_code),
        )
        for w in Ward.iter_all()
        if province_code_str(w.province_code) in wanted
    ]
    return [provinces, wards]


def successor_pairs() -> Iterator[tuple[str, str]]:
    """(legacy code, current code) pairs: provinces and communes, from the package's tables."""
    from vietnam_provinces import _province_conversion_2025 as provinces
    from vietnam_provinces import _ward_conversion_2025 as wards

    for old_code, entry in provinces.OLD_TO_NEW.items():
        for new in entry.new_provinces:
            yield province_code_str(old_code), province_code_str(new.code)
    for old_code, ward_entry in wards.OLD_TO_NEW.items():
        for new_ward in ward_entry.new_wards:
            yield commune_code_str(old_code), commune_code_str(new_ward.code)


def load_units(
    unit_set: str, *, province_code: str | None = None, progress: Progress | None = None
) -> ImportReport:
    """Import one set (``legacy`` or ``current``); optionally only one province's subtree."""
    validity: tuple[dt.date | None, dt.date | None]
    if unit_set == UnitSource.LEGACY:
        levels, validity = legacy_levels(province_code), (None, LEGACY_VALID_TO)
    elif unit_set == UnitSource.CURRENT:
        levels, validity = current_levels(province_code), (CURRENT_VALID_FROM, None)
    else:
        raise ValueError(f"unknown unit set {unit_set!r}")
    report = ImportReport(unit_set=unit_set)
    total = sum(len(level) for level in levels)
    done = 0
    with transaction.atomic():
        existing = {u.code: u for u in Unit.objects.filter(source=unit_set)}
        for records in levels:
            # In chunks, for a progress bar that moves; parents all sit in earlier levels.
            for start in range(0, len(records), BATCH):
                chunk = records[start : start + BATCH]
                _sync_level(chunk, unit_set, validity, existing, report)
                done += len(chunk)
                if progress:
                    progress(unit_set, done, total)
        report.successor_links_added = link_successors()
    return report


def _sync_level(
    records: list[Record],
    unit_set: str,
    validity: tuple[dt.date | None, dt.date | None],
    existing: dict[str, Unit],
    report: ImportReport,
) -> None:
    valid_from, valid_to = validity
    by_pk = {u.pk: u for u in existing.values() if u.pk is not None}
    to_create: list[Unit] = []
    to_update: list[Unit] = []
    for record in records:
        parent = existing[record.parent_code] if record.parent_code else None
        kind = record.kind
        wanted = {
            "name": record.name,
            "short_name": record.short_name,
            "search_name": fold(record.name),
            "kind": kind,
            "level": LEVEL_OF_KIND[kind],
            "parent_id": parent.pk if parent else None,
            "depth": parent.depth + 1 if parent else 1,
            "valid_to": valid_to,
        }
        unit = existing.get(record.code)
        if unit is None:
            unit = Unit(
                code=record.code,
                is_official_code=True,
                source=unit_set,
                valid_from=valid_from,
                path=f"~{unit_set}~{record.code}",  # placeholder until the id is known
                **wanted,
            )
            to_create.append(unit)
            existing[record.code] = unit
            continue
        wanted["path"] = (parent.path if parent else "") + path_step(unit.pk)
        if any(getattr(unit, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(unit, name, value)
            to_update.append(unit)
        else:
            report.unchanged += 1
    for start in range(0, len(to_create), BATCH):
        Unit.objects.bulk_create(to_create[start : start + BATCH])
    for unit in to_create:
        parent_path = by_pk[unit.parent_id].path if unit.parent_id else ""
        unit.path = parent_path + path_step(unit.pk)
    _bulk_update(to_create, ["path"])
    _bulk_update(
        to_update,
        [
            "name",
            "short_name",
            "search_name",
            "kind",
            "level",
            "parent",
            "depth",
            "valid_to",
            "path",
        ],
    )
    report.created += len(to_create)
    report.updated += len(to_update)
    if records:
        level = LEVEL_OF_KIND[records[0].kind]
        report.per_level[level] = report.per_level.get(level, 0) + len(records)


def _bulk_update(units: list[Unit], fields: list[str]) -> None:
    for start in range(0, len(units), BATCH):
        Unit.objects.bulk_update(units[start : start + BATCH], fields)


def link_successors() -> int:
    """Add legacy -> current successor links the package knows, where both units exist."""
    legacy = dict(Unit.objects.filter(source=UnitSource.LEGACY).values_list("code", "pk"))
    current = dict(Unit.objects.filter(source=UnitSource.CURRENT).values_list("code", "pk"))
    if not legacy or not current:
        return 0
    through = Unit.successors.through
    have = set(
        through.objects.filter(
            from_unit_id__in=legacy.values(), to_unit_id__in=current.values()
        ).values_list("from_unit_id", "to_unit_id")
    )
    new_links = []
    for old_code, new_code in successor_pairs():
        if old_code in legacy and new_code in current:
            pair = (legacy[old_code], current[new_code])
            if pair not in have:
                have.add(pair)
                new_links.append(through(from_unit_id=pair[0], to_unit_id=pair[1]))
    through.objects.bulk_create(new_links, batch_size=BATCH)
    return len(new_links)
