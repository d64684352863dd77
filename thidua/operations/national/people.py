"""The units of the synthetic country, its honorees and the recognitions they received.

Honorees are written in the order of the unit tree (materialized path), so the honorees of any
subtree have consecutive ids: the delegates step picks a commune's honorees from that range
without reading them back. ``People`` keeps the few attributes the delegates snapshot.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from array import array
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from django.db.models import F, Value
from django.db.models.functions import Concat

from thidua.awards.models import AwardForm
from thidua.core.text import fold
from thidua.honorees.models import (
    EconomicSector,
    Ethnicity,
    Field,
    Honoree,
    Recognition,
    SocialComponent,
)
from thidua.operations.national import distributions as dist
from thidua.operations.national.names import collective_name, person_name
from thidua.operations.national.writer import Progress, RowWriter, next_id, reset_sequences
from thidua.units.enums import UnitSource
from thidua.units.models import Unit

ROOT_CODE = "VN"


@dataclass(frozen=True)
class Place:
    id: int
    path: str
    level: str
    name: str
    short_name: str
    district: str  # the name of its district ("" for a province)
    province: str


def central_root() -> Unit:
    """A "Trung ương" unit above the legacy provinces (reused if there), so that one campaign
    issued at the centre reaches every commune. Provinces not yet under it are moved there: one
    UPDATE of the paths per province."""
    from thidua.units import services as unit_services

    root = Unit.objects.filter(source=UnitSource.LOCAL, code=ROOT_CODE, level="central").first()
    if root is None:
        root = unit_services.create_unit(
            by=None, code=ROOT_CODE, name="Trung ương", kind="agency", level="central"
        )
    for province in Unit.objects.filter(source=UnitSource.LEGACY, parent__isnull=True):
        Unit.objects.filter(path__startswith=province.path).update(
            path=Concat(Value(root.path), F("path")), depth=F("depth") + 1
        )
        Unit.objects.filter(pk=province.pk).update(parent=root)
    return root


def places(root: Unit, province_code: str | None) -> list[Place]:
    """The territorial legacy units under ``root`` (one province if given), in path order."""
    units = Unit.objects.filter(source=UnitSource.LEGACY, path__startswith=root.path)
    if province_code:
        top = Unit.objects.get(source=UnitSource.LEGACY, code=province_code)
        units = units.filter(path__startswith=top.path)
    rows = list(
        units.order_by("path").values_list("id", "path", "level", "name", "short_name", "parent_id")
    )
    by_id = {row[0]: row for row in rows}
    result = []
    for pk, path, level, name, short, parent in rows:
        district = province = ""
        if level == "province":
            province = name
        elif level == "district":
            district, province = name, by_id[parent][3]
        else:
            district = by_id[parent][3]
            province = by_id[by_id[parent][5]][3]
        result.append(Place(pk, path, level, name, short or name, district, province))
    return result


@dataclass
class People:
    """What later steps need of the honorees, by ``id - first`` (compact arrays)."""

    first: int = 0
    names: list[str] = dataclasses.field(default_factory=list)
    gender: bytearray = dataclasses.field(default_factory=bytearray)  # 0 none, 1 male, 2 female
    direct: bytearray = dataclasses.field(default_factory=bytearray)
    component: bytearray = dataclasses.field(default_factory=bytearray)
    sector: bytearray = dataclasses.field(default_factory=bytearray)
    field: bytearray = dataclasses.field(default_factory=bytearray)
    stage: bytearray = dataclasses.field(default_factory=bytearray)
    collective: bytearray = dataclasses.field(default_factory=bytearray)
    best_form: array = dataclasses.field(default_factory=lambda: array("h"))  # -1: none
    received: array = dataclasses.field(default_factory=lambda: array("H"))
    ranges: dict[int, tuple[int, int]] = dataclasses.field(
        default_factory=dict
    )  # unit -> (first id, count)
    component_codes: tuple[str, ...] = ()
    sector_codes: tuple[str, ...] = ()
    field_codes: tuple[str, ...] = ()
    form_codes: tuple[str, ...] = ()


GENDERS = ("", "male", "female")


def _vocabulary(model: Any) -> tuple[list[int], list[str], list[bool]]:
    rows = list(model.objects.filter(is_active=True).order_by("order", "name"))
    direct = [bool(getattr(row, "counts_as_direct_worker", False)) for row in rows]
    return [row.pk for row in rows], [row.code for row in rows], direct


def generate_honorees(
    places_: list[Place], total: int, rng: random.Random, progress: Progress
) -> People:
    comp_ids, comp_codes, comp_direct = _vocabulary(SocialComponent)
    sector_ids, sector_codes, _ = _vocabulary(EconomicSector)
    field_ids, field_codes, _ = _vocabulary(Field)
    eth_ids, eth_codes, _ = _vocabulary(Ethnicity)
    pick_comp = dist.Picker(dist.COMPONENTS, comp_codes)
    pick_sector = dist.Picker(dist.SECTORS, sector_codes)
    pick_field = dist.Picker(dist.FIELDS, field_codes)
    pick_eth = dist.Picker(dist.ETHNICITIES, eth_codes, other=dist.ETHNICITY_OTHER)
    stages = tuple(dist.STAGES)
    pick_stage = dist.Picker(dist.STAGES, stages)
    positions = [dist.POSITIONS.get(code, ("",)) for code in comp_codes]
    counts = dist.apportion(
        total, [dist.UNIT_WEIGHT[p.level] * rng.uniform(0.6, 1.4) for p in places_], rng
    )
    people = People(
        first=next_id(Honoree),
        component_codes=tuple(comp_codes),
        sector_codes=tuple(sector_codes),
        field_codes=tuple(field_codes),
    )
    at = dist.GENERATED_AT
    columns = [
        "id",
        "unit_id",
        "kind",
        "name",
        "search_name",
        "collective_size",
        "gender",
        "birth_year",
        "ethnicity_id",
        "position",
        "component_id",
        "sector_id",
        "field_id",
        "works_directly",
        "national_id",
        "good_deeds",
        "acclaimed",
        "summary",
        "stage",
        "stage_changed_at",
        "stage_changed_by_id",
        "publication_consent",
        "import_batch_id",
        "created_by_id",
        "created_at",
        "updated_at",
    ]
    progress.start("honorees", total)
    pk = people.first
    with RowWriter(Honoree, columns, progress) as out:
        for place, count in zip(places_, counts, strict=True):
            people.ranges[place.id] = (pk, count)
            for _ in range(count):
                collective = rng.random() < dist.COLLECTIVE_SHARE
                comp = pick_comp.index(rng)
                stage = pick_stage.index(rng)
                if collective:
                    name = collective_name(rng, place.short_name)
                    gender, birth, size, eth, position = 0, None, _collective_size(rng), None, ""
                else:
                    gender = 2 if rng.random() < dist.FEMALE_SHARE else 1
                    name = person_name(rng, GENDERS[gender])
                    birth = int(rng.triangular(1955, 2004, 1978))
                    size, eth = None, eth_ids[pick_eth.index(rng)]
                    position = rng.choice(positions[comp])
                direct = comp_direct[comp] or rng.random() < 0.03
                sector, fld = pick_sector.index(rng), pick_field.index(rng)
                changed = at - dt.timedelta(days=rng.randint(30, 900)) if stage else None
                out.write(
                    (
                        pk,
                        place.id,
                        "collective" if collective else "individual",
                        name,
                        fold(name),
                        size,
                        GENDERS[gender],
                        birth,
                        eth,
                        position,
                        comp_ids[comp],
                        sector_ids[sector],
                        field_ids[fld],
                        direct,
                        None,
                        rng.random() < dist.GOOD_DEEDS_SHARE,
                        rng.random() < dist.ACCLAIMED_SHARE,
                        "",
                        stages[stage],
                        changed,
                        None,
                        rng.random() < dist.CONSENT_SHARE,
                        None,
                        None,
                        at,
                        at,
                    )
                )
                people.names.append(name)
                people.gender.append(gender)
                people.direct.append(direct)
                people.component.append(comp)
                people.sector.append(sector)
                people.field.append(fld)
                people.stage.append(stage)
                people.collective.append(collective)
                pk += 1
    progress.finish()
    reset_sequences(Honoree)
    return people


def _collective_size(rng: random.Random) -> int:
    return int(rng.triangular(4, 120, 15))


def generate_recognitions(
    people: People, places_: list[Place], total: int, rng: random.Random, progress: Progress
) -> None:
    forms = {f.code: f for f in AwardForm.objects.filter(is_active=True)}
    form_codes = tuple(sorted(forms, key=lambda code: forms[code].rank))
    people.form_codes = form_codes
    rank_of = {code: i for i, code in enumerate(form_codes)}
    individual = [
        c for c in form_codes if forms[c].subject in ("individual", "individual_or_collective")
    ]
    collective = [
        c for c in form_codes if forms[c].subject in ("collective", "individual_or_collective")
    ]
    pick_individual = dist.Picker(dist.INDIVIDUAL_FORMS, individual, other=0)
    pick_collective = dist.Picker(dist.COLLECTIVE_FORMS, collective, other=0)
    size = len(people.names)
    merit = [dist.STAGE_MERIT[stage] for stage in dist.STAGES]
    weights = list(accumulate(merit[s] for s in people.stage))
    received = array("H", bytes(2 * size))
    for index in rng.choices(range(size), cum_weights=weights, k=total) if size else []:
        received[index] += 1
    people.received = received
    people.best_form = array("h", [-1]) * size
    place_of: list[Place] = []
    by_id = {p.id: p for p in places_}
    for unit_id, (_, count) in people.ranges.items():
        place_of.extend([by_id[unit_id]] * count)
    first_year, last_year = dist.RECOGNITION_YEARS
    years = range(first_year, last_year + 1)
    columns = [
        "honoree_id",
        "award_form_id",
        "level",
        "year",
        "decision_number",
        "decision_date",
        "issuer",
        "created_at",
    ]
    progress.start("recognitions", total)
    with RowWriter(Recognition, columns, progress) as out:
        for index in range(size):
            count = received[index]
            if not count:
                continue
            place = place_of[index]
            picker = pick_collective if people.collective[index] else pick_individual
            codes = picker.codes
            chosen = (
                rng.sample(years, count) if count <= len(years) else rng.choices(years, k=count)
            )
            best = -1
            for year in sorted(chosen, reverse=True):
                code = codes[picker.index(rng)]
                form = forms[code]
                best = max(best, rank_of[code])
                level, issuer, suffix = _decider(form.level, place)
                out.write(
                    (
                        people.first + index,
                        form.pk,
                        level,
                        year,
                        f"{rng.randint(1, 4000)}/QĐ-{suffix}",
                        dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                        issuer,
                        dist.GENERATED_AT,
                    )
                )
            people.best_form[index] = best
    progress.finish()
    reset_sequences(Recognition)


def _decider(award_level: str, place: Place) -> tuple[str, str, str]:
    """(Recognition.level, issuer, symbol suffix) for a form of ``award_level`` given to an
    honoree of ``place``."""
    if award_level == "grassroots":
        return place.level, f"Chủ tịch Ủy ban nhân dân {place.name}", "UBND"
    if award_level == "district":
        return "district", f"Chủ tịch Ủy ban nhân dân {place.district or place.name}", "UBND"
    if award_level == "province":
        return "province", f"Chủ tịch Ủy ban nhân dân {place.province}", "UBND"
    if award_level == "government":
        return "central", "Thủ tướng Chính phủ", "TTg"
    return "central", "Chủ tịch nước", "CTN"
