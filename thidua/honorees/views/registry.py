"""The registry pages: list with filters, detail, create/edit, and the record sub-forms."""

from __future__ import annotations

from typing import Any, cast

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.errors import DomainError
from thidua.core.htmx import is_htmx
from thidua.honorees import selectors, services
from thidua.honorees.forms import (
    AchievementForm,
    HonoreeForm,
    InitiativeForm,
    PhotoForm,
    RecognitionForm,
    StageForm,
    StoryForm,
    VideoForm,
)
from thidua.honorees.models import Honoree, Photo, Story
from thidua.honorees.views.common import editable_units, filters_from
from thidua.units import access
from thidua.units.models import Unit

PAGE_SIZE = 50


@login_required
def honoree_list(request: HttpRequest) -> HttpResponse:
    scope = access.scope_for(request.user)
    form, filters = filters_from(request)
    queryset = selectors.with_recognitions(selectors.search_honorees(scope, filters))
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "querystring": request.GET.urlencode(),
        "can_create": editable_units(request).exists(),
        "can_import": editable_units(request, "honorees.import").exists(),
    }
    template = "honorees/_results.html" if is_htmx(request) else "honorees/honoree_list.html"
    return render(request, template, context)


class UnitChoiceForm(HonoreeForm):
    unit = django_forms.ModelChoiceField(label="", queryset=Unit.objects.none())

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(django_forms.ModelChoiceField, self.fields["unit"]).queryset = units
        self.fields["unit"].label = _("Đơn vị")
        self.order_fields(["unit"])


def _honoree_values(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "unit"}


@login_required
def honoree_create(request: HttpRequest) -> HttpResponse:
    units = editable_units(request)
    if not units.exists():
        raise Http404
    form = UnitChoiceForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        access.require(request.user, "honorees.edit", unit)
        try:
            honoree = services.create_honoree(
                by=request.user, unit=unit, **_honoree_values(form.cleaned_data)
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã thêm điển hình."))
            return redirect("honorees:honoree-detail", honoree.pk)
    return render(request, "honorees/honoree_form.html", {"form": form})


@login_required
def honoree_edit(request: HttpRequest, pk: int) -> HttpResponse:
    honoree = selectors.get_honoree_for(request.user, pk)
    access.require(request.user, "honorees.edit", honoree.unit)
    fields = list(HonoreeForm.base_fields)
    initial = {name: getattr(honoree, name) for name in fields}
    form = HonoreeForm(request.POST or None, initial=initial)
    if not access.can(request.user, "honorees.view_personal", honoree.unit):
        del form.fields["national_id"]  # personal data: organizers only
    if request.method == "POST" and form.is_valid():
        try:
            services.update_honoree(honoree, by=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("honorees:honoree-detail", honoree.pk)
    return render(request, "honorees/honoree_form.html", {"form": form, "honoree": honoree})


@login_required
def honoree_detail(request: HttpRequest, pk: int) -> HttpResponse:
    honoree = selectors.get_honoree_for(request.user, pk)
    scope = access.scope_for(request.user)
    can = {
        action: scope.can(f"honorees.{action}", honoree.unit)
        for action in ("edit", "view_personal", "move_stage", "write_story", "publish", "anonymise")
    }
    story = Story.objects.filter(honoree=honoree).first()
    context = {
        "honoree": honoree,
        "can": can,
        "recognitions": honoree.recognitions.select_related("award_form"),
        "initiatives": honoree.initiatives.all(),
        "achievements": honoree.achievements.all(),
        "movements": honoree.movements.order_by("name"),
        "photos": honoree.photos.all(),
        "videos": honoree.videos.all(),
        "stage_changes": honoree.stage_changes.select_related("changed_by")[:20],
        "next_stages": services.allowed_stages(honoree.stage),
        "story": story,
        "forms": {
            "recognition": RecognitionForm(),
            "initiative": InitiativeForm(),
            "achievement": AchievementForm(),
            "stage": StageForm(),
            "story": StoryForm(
                initial={"title": story.title, "lead": story.lead, "body": story.body}
                if story
                else {"title": honoree.name}
            ),
            "photo": PhotoForm(),
            "video": VideoForm(),
        },
        "all_movements": selectors.movements_visible(scope).filter(is_active=True),
    }
    return render(request, "honorees/honoree_detail.html", context)


def _post_action(request: HttpRequest, pk: int, action: str, form_class: Any, call: Any) -> Any:
    """Shared shape of the small POST forms of the detail page."""
    honoree = selectors.get_honoree_for(request.user, pk)
    access.require(request.user, action, honoree.unit)
    form = form_class(request.POST, request.FILES) if form_class else None
    if form is not None and not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("honorees:honoree-detail", honoree.pk)
    try:
        call(honoree, form.cleaned_data if form is not None else request.POST)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã lưu."))
    return redirect("honorees:honoree-detail", honoree.pk)


@require_POST
@login_required
def recognition_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request,
        pk,
        "honorees.edit",
        RecognitionForm,
        lambda h, data: services.add_recognition(h, by=request.user, **data),
    )


@require_POST
@login_required
def initiative_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request,
        pk,
        "honorees.edit",
        InitiativeForm,
        lambda h, data: services.add_initiative(h, by=request.user, **data),
    )


@require_POST
@login_required
def achievement_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request,
        pk,
        "honorees.edit",
        AchievementForm,
        lambda h, data: services.add_achievement(h, by=request.user, **data),
    )


@require_POST
@login_required
def stage_move(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request,
        pk,
        "honorees.move_stage",
        StageForm,
        lambda h, data: services.move_stage(h, by=request.user, **data),
    )


@require_POST
@login_required
def consent_set(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request,
        pk,
        "honorees.edit",
        None,
        lambda h, data: services.set_publication_consent(
            h, by=request.user, consent=data.get("consent") == "1"
        ),
    )


@require_POST
@login_required
def movements_set(request: HttpRequest, pk: int) -> HttpResponse:
    def call(honoree: Honoree, data: Any) -> None:
        visible = selectors.movements_visible(access.scope_for(request.user))
        chosen = visible.filter(pk__in=[v for v in data.getlist("movements") if v.isdigit()])
        services.set_movements(honoree, chosen, by=request.user)

    return _post_action(request, pk, "honorees.edit", None, call)


@require_POST
@login_required
def photo_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request,
        pk,
        "honorees.edit",
        PhotoForm,
        lambda h, data: services.add_photo(
            h, by=request.user, upload=data["image"], caption=data["caption"]
        ),
    )


@require_POST
@login_required
def video_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request,
        pk,
        "honorees.edit",
        VideoForm,
        lambda h, data: services.add_video(h, by=request.user, **data),
    )


@require_POST
@login_required
def story_save(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_action(
        request,
        pk,
        "honorees.write_story",
        StoryForm,
        lambda h, data: services.save_story(h, by=request.user, **data),
    )


@require_POST
@login_required
def story_publish(request: HttpRequest, pk: int) -> HttpResponse:
    def call(honoree: Honoree, data: Any) -> None:
        story = Story.objects.filter(honoree=honoree).first()
        if story is None:
            raise DomainError("honorees.no_story", _("Chưa có bài viết."))
        if data.get("action") == "withdraw":
            services.withdraw_story(story, by=request.user, reason=data.get("reason", ""))
        else:
            services.publish_story(story, by=request.user)

    return _post_action(request, pk, "honorees.publish", None, call)


@login_required
def photo_file(request: HttpRequest, token: str) -> FileResponse:
    """A photo, for users whose scope holds its honoree (404 otherwise)."""
    photo = access.get_for(
        request.user,
        Photo.objects.select_related("honoree"),
        unit_field="honoree__unit",
        token=token,
    )
    return FileResponse(photo.file.open("rb"), content_type=photo.content_type)
