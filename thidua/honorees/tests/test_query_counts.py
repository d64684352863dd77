"""Query counts of the remaining lists: movements (HTML and API) and the public rolls."""

import pytest
from django.urls import reverse

from thidua.core.testing import assert_constant_queries
from thidua.honorees import services
from thidua.honorees.models import Movement
from thidua.honorees.tests.factories import make_honoree, publish

pytestmark = pytest.mark.django_db


def _grow_movements(world):
    def grow(n):
        for _ in range(n):
            count = Movement.objects.count()
            services.create_movement(
                by=None, name=f"Phong trào {count}", launched_by="commune", unit=world.commune_a
            )

    return grow


def test_movement_lists(client, world, commune_a_officer):
    client.force_login(commune_a_officer)
    grow = _grow_movements(world)
    assert_constant_queries(lambda: client.get(reverse("honorees:movement-list")), grow)
    assert_constant_queries(lambda: client.get("/api/v1/movements/"), grow)


def test_public_rolls(client, world):
    movement = Movement.objects.order_by("id").first()

    def grow(n):
        for _ in range(n):
            honoree = make_honoree(world.commune_a)
            services.set_movements(honoree, [movement], by=None)
            publish(honoree)

    assert_constant_queries(lambda: client.get(reverse("honorees:roll-index")), grow)
    assert_constant_queries(
        lambda: client.get(reverse("honorees:roll-unit", args=[world.commune_a.pk])), grow
    )
    assert_constant_queries(
        lambda: client.get(reverse("honorees:roll-movement", args=[movement.slug])), grow
    )
