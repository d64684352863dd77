"""The conference's day (issue 7): invitations and their answers, badges, the backdrop, the
projector and its remote control, the live attendance partial."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.conferences import checkin, dayprint, projector, rules, selectors, services
from thidua.conferences.enums import DelegateOrigin
from thidua.conferences.models import Conference, Delegate
from thidua.conferences.views.common import conference_context, refused
from thidua.core.errors import DomainError
from thidua.core.htmx import is_htmx
from thidua.documents.rendering.pdf import html_to_pdf
from thidua.units import access


def base_url(request: HttpRequest) -> str:
    """Where the QR codes point: this site, as the request reached it."""
    return request.build_absolute_uri("/")


def door_delegates(conference: Conference) -> list[Delegate]:
    """Everyone who may come: the list, those who declined, the walk-ins. One query."""
    return list(
        Delegate.objects.filter(conference=conference, status__in=checkin.AT_THE_DOOR)
        .select_related("invitation")
        .order_by("badge_number", "category", "name", "id")
    )


def day_permissions(request: HttpRequest, conference: Conference) -> dict[str, bool]:
    scope = access.scope_for(request.user)
    unit = conference.unit
    return {
        "can_invite": scope.can("conferences.invite", unit) and scope.can("documents.issue", unit),
        "can_checkin": scope.can("conferences.checkin", unit),
        "can_project": scope.can("conferences.project", unit),
    }


@login_required
def invitations(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    people = door_delegates(conference)
    context = conference_context(request, conference)
    context.update(day_permissions(request, conference))
    context.update(
        {
            "people": people,
            "uninvited": sum(1 for d in people if d.invitation_id is None and not d.is_walk_in),
            "confirmed": sum(1 for d in people if d.status == rules.CONFIRMED),
            "declined": sum(1 for d in people if d.status == rules.DECLINED),
            "attendance": checkin.attendance(conference),
            "batch": conference.invitation_batch,
        }
    )
    return render(request, "conferences/invitations.html", context)


def _back(conference: Conference) -> HttpResponse:
    return redirect("conferences:invitations", conference.pk)


@login_required
@require_POST
def invitations_issue(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    try:
        batch = services.issue_invitations(conference, by=request.user, base_url=base_url(request))
    except DomainError as error:
        refused(request, error)
        return _back(conference)
    messages.success(
        request,
        _("Đã cấp số giấy mời cho %(count)s đại biểu; tệp PDF đang được tạo.")
        % {"count": batch.total},
    )
    return _back(conference)


@login_required
@require_POST
def invitation_issue(request: HttpRequest, pk: int) -> HttpResponse:
    delegate = selectors.get_delegate_for(request.user, pk)
    try:
        document = services.issue_invitation(delegate, by=request.user, base_url=base_url(request))
    except DomainError as error:
        refused(request, error)
        return _back(delegate.conference)
    messages.success(request, _("Đã gửi Giấy mời số %(symbol)s.") % {"symbol": document.symbol})
    return _back(delegate.conference)


@login_required
@require_POST
def badge_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    delegate = selectors.get_delegate_for(request.user, pk)
    try:
        services.revoke_badge(delegate, by=request.user, reason=request.POST.get("reason", ""))
    except DomainError as error:
        refused(request, error)
    else:
        messages.success(request, _("Đã thu hồi thẻ của %(name)s.") % {"name": delegate.name})
    return _back(delegate.conference)


@login_required
@require_POST
def badge_renew(request: HttpRequest, pk: int) -> HttpResponse:
    delegate = selectors.get_delegate_for(request.user, pk)
    try:
        services.renew_badge(delegate, by=request.user)
    except DomainError as error:
        refused(request, error)
    else:
        messages.success(request, _("Đã cấp lại thẻ cho %(name)s.") % {"name": delegate.name})
    return _back(delegate.conference)


def _pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def badges_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The badge sheet of everyone holding a valid badge (print-ready A4)."""
    conference = selectors.get_conference_for(request.user, pk)
    access.require(request.user, "conferences.invite", conference.unit)
    link = base_url(request)
    badges = [
        dayprint.badge_of(d, dayprint.invitation_url(link, d.token))
        for d in door_delegates(conference)
        if d.token and d.token_revoked_at is None
    ]
    if not badges:
        messages.error(request, _("Chưa có đại biểu nào được cấp thẻ (gửi giấy mời trước)."))
        return _back(conference)
    data, _pages = html_to_pdf(dayprint.badges_html(conference, badges), dayprint.BADGES_CSS)
    return _pdf(data, "the-dai-bieu.pdf")


@login_required
def backdrop_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    html = dayprint.backdrop_html(projector.backdrop(conference))
    data, _pages = html_to_pdf(html, dayprint.BACKDROP_CSS)
    return _pdf(data, "phong-hoi-nghi.pdf")


@login_required
def attendance_partial(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    return render(
        request,
        "conferences/_attendance.html",
        {"conference": conference, "attendance": checkin.attendance(conference)},
    )


# --- The projector -------------------------------------------------------------------------------


@login_required
def projector_page(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    return render(
        request,
        "conferences/projector.html",
        {"conference": conference, "backdrop": projector.backdrop(conference)},
    )


@login_required
def projector_state(request: HttpRequest, pk: int) -> JsonResponse:
    conference = selectors.get_conference_for(request.user, pk)
    response = JsonResponse(projector.state(conference))
    response["Cache-Control"] = "no-store"
    return response


def _remote_context(request: HttpRequest, conference: Conference) -> dict[str, Any]:
    context = conference_context(request, conference)
    context.update(day_permissions(request, conference))
    context["agenda"] = selectors.agenda_of(conference)
    context["state"] = projector.state(conference)
    return context


@login_required
def projector_remote(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    return render(request, "conferences/remote.html", _remote_context(request, conference))


@login_required
@require_POST
def projector_advance(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    status, message = 200, ""
    try:
        projector.advance(conference, by=request.user, step=request.POST.get("step", "next"))
    except DomainError as error:
        if not is_htmx(request):
            refused(request, error)
            return redirect("conferences:projector-remote", conference.pk)
        message = error.message  # htmx swaps only 2xx: the refusal is shown in the partial
    if is_htmx(request):
        conference = selectors.get_conference_for(request.user, conference.pk)
        context = _remote_context(request, conference)
        context["error"] = message
        return render(request, "conferences/_remote.html", context, status=status)
    return redirect("conferences:projector-remote", conference.pk)


# --- The delegate's own page (no login: the token is the key) ------------------------------------


def _by_token(token: str) -> Delegate | None:
    return (
        Delegate.objects.select_related("conference", "conference__unit", "conference__campaign")
        .filter(token=token, token_revoked_at__isnull=True)
        .exclude(origin=DelegateOrigin.WALK_IN)
        .first()
    )


def rsvp(request: HttpRequest, token: str) -> HttpResponse:
    """The invitation's link: the delegate's own invitation, and their answer."""
    delegate = _by_token(token)
    if delegate is None:
        return render(request, "conferences/rsvp.html", {"delegate": None}, status=404)
    error = ""
    if request.method == "POST":
        try:
            delegate = services.respond(token, attending=request.POST.get("answer") == "yes")
        except DomainError as refusal:
            error = refusal.message
        else:
            return redirect("conferences:rsvp", token)
    context = {
        "delegate": delegate,
        "conference": delegate.conference,
        "addressed": dayprint.addressed(delegate),
        "error": error,
    }
    return render(request, "conferences/rsvp.html", context, status=400 if error else 200)
