"""The programme page: items timed and ordered, extras from the template, acceptance, the
printable programme (preview as a draft, or issued with a number)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.conferences import programme, selectors, services
from thidua.conferences.forms import AgendaItemEditForm, AgendaItemForm, MoveForm
from thidua.conferences.models import Conference
from thidua.conferences.views.common import conference_context, refused
from thidua.core.errors import DomainError
from thidua.documents.rendering import render_pdf
from thidua.documents.spec import IssuingBody
from thidua.units import access


def _context(request: HttpRequest, conference: Conference, form: Any = None) -> dict[str, Any]:
    context = conference_context(request, conference)
    agenda = selectors.agenda_of(conference)
    context.update(
        {
            "agenda": agenda,
            "form": form or AgendaItemForm(),
            "extras": selectors.template_extras(conference.campaign),
            "edit_forms": {
                e.item.pk: AgendaItemEditForm(
                    initial={
                        "title": e.item.title,
                        "duration_minutes": e.item.duration_minutes,
                        "presenter": e.item.presenter,
                    },
                    prefix=f"item{e.item.pk}",
                )
                for e in agenda.items
            },
            "documents": selectors.programme_documents(conference),
            "issuer": services.programme_issuer(conference),
        }
    )
    return context


@login_required
def agenda(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    if request.method == "POST":
        access.require(request.user, "conferences.manage", conference.unit)
        form = AgendaItemForm(request.POST)
        if form.is_valid():
            try:
                services.add_agenda_item(conference, by=request.user, **form.cleaned_data)
            except DomainError as error:
                refused(request, error, form)
            else:
                messages.success(request, _("Đã thêm nội dung."))
                return redirect("conferences:agenda", conference.pk)
        return render(
            request, "conferences/agenda.html", _context(request, conference, form), status=400
        )
    return render(request, "conferences/agenda.html", _context(request, conference))


def _back(item: Any) -> HttpResponse:
    return redirect("conferences:agenda", item.conference_id)


@login_required
@require_POST
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_agenda_item_for(request.user, pk)
    access.require(request.user, "conferences.manage", item.conference.unit)  # before the form
    form = AgendaItemEditForm(request.POST, prefix=f"item{item.pk}")
    if not form.is_valid():
        messages.error(request, _("Nội dung và thời lượng không hợp lệ."))
        return _back(item)
    try:
        services.update_agenda_item(item, by=request.user, **form.cleaned_data)
    except DomainError as error:
        refused(request, error)
    return _back(item)


def _on_item(request: HttpRequest, pk: int, action: Any) -> HttpResponse:
    item = selectors.get_agenda_item_for(request.user, pk)
    try:
        action(item)
    except DomainError as error:
        refused(request, error)
    return _back(item)


@login_required
@require_POST
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    form = MoveForm(request.POST)
    position = form.cleaned_data["position"] if form.is_valid() else 0
    return _on_item(
        request,
        pk,
        lambda item: services.move_agenda_item(item, by=request.user, position=position),
    )


@login_required
@require_POST
def item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _on_item(request, pk, lambda item: services.remove_agenda_item(item, by=request.user))


@login_required
@require_POST
def agenda_accept(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    try:
        accepted = services.accept_agenda(conference, by=request.user)
    except DomainError as error:
        refused(request, error)
    else:
        agenda = selectors.agenda_of(accepted)
        if agenda.fits:
            messages.success(request, _("Đã chấp nhận chương trình."))
        else:
            messages.warning(
                request,
                _("Đã chấp nhận chương trình, nhưng chương trình vượt %(minutes)s phút so với "
                  "một buổi.") % {"minutes": agenda.overrun},
            )  # fmt: skip
    return redirect("conferences:agenda", conference.pk)


@login_required
def programme_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The programme as a draft PDF (no number, no date): what issuing would print."""
    conference = selectors.get_conference_for(request.user, pk)
    issuer = services.programme_issuer(conference)
    unit = conference.unit
    body = (
        issuer.body()
        if issuer is not None
        else IssuingBody(
            name=("ỦY BAN NHÂN DÂN", unit.name.upper()),
            abbreviation="UBND",
            place=unit.short_name or unit.name,
        )
    )
    spec = programme.programme_spec(conference, selectors.agenda_of(conference), issuer=body)
    response = HttpResponse(render_pdf(spec), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="chuong-trinh-du-thao.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def programme_issue(request: HttpRequest, pk: int) -> HttpResponse:
    conference = selectors.get_conference_for(request.user, pk)
    try:
        document = services.issue_programme(conference, by=request.user)
    except DomainError as error:
        refused(request, error)
        return redirect("conferences:agenda", conference.pk)
    messages.success(
        request, _("Đã ban hành Chương trình số %(symbol)s.") % {"symbol": document.symbol}
    )
    return redirect("documents:document-detail", document.pk)
