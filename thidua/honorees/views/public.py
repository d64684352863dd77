"""The public honor roll: no login. Only published stories of consenting honorees are ever
reachable; story URLs carry an unguessable token, never an id."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from thidua.honorees import selectors
from thidua.honorees.models import Movement, Photo
from thidua.units.models import Unit

ROLL_LIMIT = 200


@require_GET
def roll_index(request: HttpRequest) -> HttpResponse:
    stories = list(selectors.public_stories()[:24])
    pairs = selectors.public_stories().values_list("honoree__unit_id", "honoree__unit__parent_id")
    unit_ids = {pk for pair in pairs for pk in pair if pk is not None}
    units = Unit.objects.filter(pk__in=unit_ids).order_by("depth", "name")
    movements = Movement.objects.filter(
        participations__honoree__story__in=selectors.public_stories()
    ).distinct()
    return render(
        request,
        "honorees/public/index.html",
        {"stories": stories, "units": units, "movements": movements.order_by("name")},
    )


@require_GET
def roll_unit(request: HttpRequest, pk: int) -> HttpResponse:
    """The roll of a unit's subtree. A unit without any published story answers 404."""
    unit = get_object_or_404(Unit, pk=pk)
    stories = list(selectors.public_roll_of_unit(unit)[:ROLL_LIMIT])
    if not stories:
        raise Http404
    return render(request, "honorees/public/roll.html", {"title": unit.name, "stories": stories})


@require_GET
def roll_movement(request: HttpRequest, slug: str) -> HttpResponse:
    movement = get_object_or_404(Movement, slug=slug)
    stories = list(selectors.public_roll_of_movement(movement)[:ROLL_LIMIT])
    if not stories:
        raise Http404
    return render(
        request,
        "honorees/public/roll.html",
        {"title": movement.name, "stories": stories, "movement": movement},
    )


@require_GET
def story_page(request: HttpRequest, token: str) -> HttpResponse:
    story = get_object_or_404(selectors.public_stories(), token=token)
    honoree = story.honoree
    photos = list(honoree.photos.all())
    return render(
        request,
        "honorees/public/story.html",
        {
            "story": story,
            "honoree": honoree,
            "photos": photos,
            "videos": list(honoree.videos.all()),
            "recognitions": list(honoree.recognitions.select_related("award_form")),
            "movements": list(honoree.movements.order_by("name")),
            "og_image": photos[0] if photos else None,
        },
    )


@require_GET
def public_photo(request: HttpRequest, token: str) -> FileResponse:
    """A photo of a published story (of a consenting honoree); 404 for every other photo."""
    photo = get_object_or_404(
        Photo.objects.filter(honoree__story__in=selectors.public_stories()), token=token
    )
    response = FileResponse(photo.file.open("rb"), content_type=photo.content_type)
    response["Cache-Control"] = "public, max-age=3600"
    return response
