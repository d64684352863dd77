"""Honoree search over the national registry (part of bench_national): the real code path of
the registry list (``selectors.search_honorees`` + ``with_recognitions`` + a 50-row page, as
``honorees.views.registry.honoree_list`` does it) against hand-written SQL returning the same
count and the same page; on PostgreSQL with and without the trigram index of migration
honorees 0003."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.db import connection
from django.test import Client

from bench.harness import Report, timed
from thidua.core.text import fold
from thidua.honorees import selectors
from thidua.honorees.selectors import HonoreeFilters
from thidua.units.access import Grant, Scope
from thidua.units.models import Unit

PAGE = 50
TRIGRAM = "honoree_search_name_trgm"


@dataclass
class Case:
    label: str
    unit: Unit | None  # None: the whole country (an administrator)
    filters: HonoreeFilters

    @property
    def scope(self) -> Scope:
        if self.unit is None:
            return Scope((), is_admin=True)
        return Scope([Grant(self.unit.pk, self.unit.path, "organizer")])


def cases(province: Unit) -> list[Case]:
    district = Unit.objects.filter(parent=province).order_by("path").first()
    assert district is not None
    return [
        Case("country: “nguyen thi hoa”, women", None,
             HonoreeFilters(q="nguyen thi hoa", gender="female")),
        Case("country: rare name “quach ngoc quyen”", None, HonoreeFilters(q="quach ngoc quyen")),
        Case(f"province {province.name}: “tran van”, agriculture", province,
             HonoreeFilters(q="tran van", field="nong-nghiep-nong-thon")),
        Case(f"province {province.name}: CSTĐ tỉnh, replicated", province,
             HonoreeFilters(award_form="cstd-tinh", stage="replicated")),
        Case(f"district {district.name}: “lan”", district, HonoreeFilters(q="lan")),
    ]  # fmt: skip


def app_search(case: Case) -> tuple[int, list[int]]:
    queryset = selectors.with_recognitions(selectors.search_honorees(case.scope, case.filters))
    page = Paginator(queryset, PAGE).get_page(1)
    rows = list(page.object_list)
    for honoree in rows:
        list(honoree.recognitions.all())  # the template shows them (prefetched)
    return page.paginator.count, [h.pk for h in rows]


def sql_search(case: Case) -> tuple[int, list[int]]:
    """The same count, page and recognitions in three hand-written statements."""
    where, params = ["TRUE"], {}
    if case.unit is not None:
        where.append("u.path LIKE %(prefix)s")
        params["prefix"] = case.unit.path + "%"
    for i, word in enumerate(fold(case.filters.q).split()[:8]):
        where.append(f"h.search_name LIKE %(w{i})s")
        params[f"w{i}"] = f"%{word}%"
    for column, value in (("h.gender", case.filters.gender), ("h.stage", case.filters.stage)):
        if value:
            where.append(f"{column} = %({column[2:]})s")
            params[column[2:]] = value
    if case.filters.field:
        where.append("f.code = %(field)s")
        params["field"] = case.filters.field
    if case.filters.award_form:
        where.append(
            "EXISTS (SELECT 1 FROM honorees_recognition r JOIN awards_awardform a "
            "ON a.id = r.award_form_id WHERE r.honoree_id = h.id AND a.code = %(form)s)"
        )
        params["form"] = case.filters.award_form
    source = (
        "FROM honorees_honoree h JOIN units_unit u ON u.id = h.unit_id "
        "LEFT JOIN honorees_field f ON f.id = h.field_id "
        "LEFT JOIN honorees_socialcomponent c ON c.id = h.component_id "
        "LEFT JOIN honorees_economicsector s ON s.id = h.sector_id "
        "LEFT JOIN honorees_ethnicity e ON e.id = h.ethnicity_id "
        "WHERE " + " AND ".join(where)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) {source}", params)
        count = cursor.fetchone()[0]
        cursor.execute(
            "SELECT h.id, h.name, h.kind, h.gender, h.birth_year, h.stage, u.name, c.name, "
            f"s.name, f.name, e.name {source} ORDER BY h.search_name, h.id LIMIT {PAGE}",
            params,
        )
        ids = [row[0] for row in cursor.fetchall()]
        if ids:
            placeholders = ", ".join(["%s"] * len(ids))
            cursor.execute(
                "SELECT r.id, r.honoree_id, r.year, a.name FROM honorees_recognition r "  # noqa: S608 (placeholders only)
                "JOIN awards_awardform a ON a.id = r.award_form_id "
                f"WHERE r.honoree_id IN ({placeholders}) ORDER BY r.year DESC, a.rank DESC",
                ids,
            )
            cursor.fetchall()
    return count, ids


def _measure(all_cases: list[Case], repeat: int) -> list[tuple[Case, int, float, float]]:
    rows = []
    for case in all_cases:
        sql_time, sql = timed(lambda case=case: sql_search(case), repeat=repeat)
        app_time, app = timed(lambda case=case: app_search(case), repeat=repeat)
        assert app == sql, (case.label, app[0], sql[0])
        rows.append((case, app[0], sql_time, app_time))
    return rows


def _html_page(repeat: int) -> float:
    from django.contrib.auth import get_user_model

    admin, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin)
    seconds, response = timed(
        lambda: client.get("/dien-hinh/", {"q": "nguyen thi hoa", "gender": "female"}),
        repeat=repeat,
    )
    assert response.status_code == 200
    return float(seconds)


def search_figures(report: Report, province: Unit, repeat: int) -> None:
    from bench.bench_national import ms, ratio

    all_cases = cases(province)
    total = selectors.Honoree.objects.count()
    postgres = connection.vendor == "postgresql"
    with_index = _measure(all_cases, repeat)
    rows: list[list[Any]] = []
    without: dict[str, tuple[float, float]] = {}
    build = 0.0
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {TRIGRAM}")
            cursor.execute("ANALYZE honorees_honoree")
        without = {c.label: (s, a) for c, _, s, a in _measure(all_cases, repeat)}
        with connection.cursor() as cursor:
            build, _ = timed(
                lambda: cursor.execute(
                    f"CREATE INDEX {TRIGRAM} ON honorees_honoree "
                    "USING gin (search_name gin_trgm_ops)"
                )
            )
            cursor.execute("ANALYZE honorees_honoree")
    for case, count, sql_time, app_time in with_index:
        row = [case.label, f"{count:,}", ms(sql_time), ms(app_time), ratio(app_time, sql_time)]
        if postgres:
            sql_plain, app_plain = without[case.label]
            row += [ms(sql_plain), ms(app_plain), ratio(app_plain, sql_plain)]
        rows.append(row)
    header = ["search (first page of 50 + count + recognitions)", "matches", "SQL ms",
              "app ms", "app vs SQL"]  # fmt: skip
    if postgres:
        header += ["SQL ms, no trigram index", "app ms, no trigram index", "app vs SQL"]
    page = _html_page(repeat)
    report.add(
        f"Honoree search over {total:,} honorees ({connection.vendor})",
        header,
        rows,
        note=(
            "App: the registry's code path (search_honorees + with_recognitions + Paginator, "
            "what /dien-hinh/ runs); SQL: the same count, page and recognitions hand-written "
            "(same rows, asserted). Medians of 5. "
            + (
                f"The trigram GIN index on search_name (migration honorees 0003; building it "
                f"took {build:.1f} s) serves LIKE '%word%' on the folded name; without it every "
                "name search scans the table. "
                if postgres
                else ""
            )
            + f"Whole HTML page of the first case for an administrator: {ms(page)} ms."
        ),
    )
