"""candidates(): the interface later issues draw delegates, presenters and award candidates
from; movements_visible()."""

import datetime as dt

import pytest
from django.http import Http404

from thidua.core.testing import assert_constant_queries
from thidua.honorees import rules, selectors, services
from thidua.honorees.models import SocialComponent
from thidua.honorees.tests.factories import make_honoree, recognize
from thidua.units import access

pytestmark = pytest.mark.django_db


def test_candidates_carry_rule_attributes_streaks_and_merit(world, district_officer):
    farmer = SocialComponent.objects.get(code="nong-dan")
    a = make_honoree(world.commune_a, "Nguyễn Văn Một", component=farmer, acclaimed=True)
    recognize(a, "cstdcs", 2023, 2024)
    recognize(a, "ldtt", 2019)  # before the period: no merit
    services.add_initiative(a, by=None, title="Máy gặt cải tiến", recognized_on=dt.date(2023, 5, 1))
    team = make_honoree(world.agency_a1, "Tổ Toán", kind="collective", collective_size=12)
    recognize(team, "ttldtt", 2024)
    make_honoree(world.commune_b, "Người Xã B")
    scope = access.scope_for(district_officer)
    result = selectors.candidates(scope, world.commune_a, period=(2021, 2025))
    assert [c.name for c in result] == ["Nguyễn Văn Một", "Tổ Toán"]
    first, second = result
    assert first.counts_as_direct_worker and first.component == "nong-dan"
    assert first.streaks == {"cstdcs": 2}
    assert first.merit == 3 + 3 + 2 + 2 + 1  # 2 CSTĐCS, initiative, acclaimed, direct worker
    assert first.recognitions == (("cstdcs", 2024), ("cstdcs", 2023), ("ldtt", 2019))
    assert (second.kind, second.is_small_collective, second.merit) == ("collective", True, 2.0)
    by_2024 = selectors.candidates(scope, world.commune_a, period=(2024, 2025))
    assert by_2024[0].streaks == {"cstdcs": 1}
    assert rules.has_consecutive([y for c, y in by_2024[0].recognitions if c == "cstdcs"], 2)


def test_candidates_refuse_a_unit_outside_the_scope(world, commune_a_officer):
    with pytest.raises(Http404):
        selectors.candidates(access.scope_for(commune_a_officer), world.commune_b)


def test_candidates_query_count_is_constant(world, district_officer):
    scope = access.scope_for(district_officer)

    def grow(n):
        for _ in range(n):
            honoree = make_honoree(world.commune_a)
            recognize(honoree, "ldtt", 2022)
            services.add_initiative(honoree, by=None, title="Sáng kiến")

    assert_constant_queries(lambda: selectors.candidates(scope, world.district), grow)


def test_movements_visible_national_own_and_above(world, commune_a_officer):
    district = services.create_movement(
        by=None, name="Huyện phát động", launched_by="district", unit=world.district
    )
    own = services.create_movement(
        by=None, name="Xã A phát động", launched_by="commune", unit=world.commune_a
    )
    sibling = services.create_movement(
        by=None, name="Xã B phát động", launched_by="commune", unit=world.commune_b
    )
    visible = set(selectors.movements_visible(access.scope_for(commune_a_officer)))
    assert district in visible and own in visible and sibling not in visible
    assert sum(1 for m in visible if m.unit is None) == 6
