"""The summary report (R10): the outline as a checklist, each heading written or attached,
the draft and the issued BC through the documents engine; and the results flow (R16): the
results report pre-filled from the conference, reviewed and sent through the campaigns app."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.campaigns.forms import ResultsForm
from thidua.core.errors import DomainError
from thidua.documents.rendering import render_pdf
from thidua.proceedings import selectors, services, summary, uploads
from thidua.proceedings.forms import ReportSectionForm
from thidua.proceedings.models import OutlineSection
from thidua.proceedings.views.common import (
    back,
    conference_for,
    context,
    issuing_body,
    pdf_response,
    refused,
)
from thidua.units import access


def _report_page(request: HttpRequest, conference: Any, errors: Any = None) -> dict[str, Any]:
    page = context(request, conference, "report")
    rows = selectors.outline_of(conference)
    page.update(
        {
            "rows": rows,
            "filled": sum(row.filled for row in rows),
            "forms": {
                row.outline.pk: (errors or {}).get(row.outline.pk)
                or ReportSectionForm(
                    initial={"text": row.section.text if row.section else ""},
                    prefix=f"s{row.outline.pk}",
                )
                for row in rows
            },
            "stats": selectors.report_statistics(conference),
            "documents": selectors.summary_documents(conference),
            "issuer": services.summary_issuer(conference),
        }
    )
    return page


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    conference = conference_for(request, pk)
    return render(request, "proceedings/report.html", _report_page(request, conference))


@login_required
@require_POST
def section_save(request: HttpRequest, pk: int, outline: int) -> HttpResponse:
    conference = conference_for(request, pk)
    access.require(request.user, "proceedings.write_report", conference.unit)
    section = get_object_or_404(OutlineSection, pk=outline, is_active=True)
    form = ReportSectionForm(request.POST, request.FILES, prefix=f"s{section.pk}")
    if form.is_valid():
        try:
            services.save_report_section(
                conference,
                section,
                by=request.user,
                text=form.cleaned_data["text"],
                upload=form.cleaned_data["upload"],
                remove_file=form.cleaned_data["remove_file"],
            )
        except DomainError as error:
            refused(request, error, form)
        else:
            messages.success(
                request, _("Đã lưu đề mục “%(title)s”.") % {"title": section.title[:60]}
            )
            return back("proceedings:report", conference)
    page = _report_page(request, conference, errors={section.pk: form})
    return render(request, "proceedings/report.html", page, status=400)


@login_required
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """An attached file, streamed after the access gate (never served as static media)."""
    section = selectors.get_report_section_for(request.user, pk)
    if not section.file:
        raise Http404
    response = FileResponse(
        section.file.open("rb"),
        content_type=uploads.CONTENT_TYPES.get(section.file_type, "application/octet-stream"),
        as_attachment=section.file_type == "docx",
        filename=section.file_name,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def report_preview(request: HttpRequest, pk: int) -> HttpResponse:
    conference = conference_for(request, pk)
    spec = summary.summary_spec(
        conference,
        selectors.outline_of(conference),
        selectors.report_statistics(conference),
        issuing_body(conference),
    )
    return pdf_response(render_pdf(spec), "bao-cao-tong-ket-du-thao.pdf")


@login_required
@require_POST
def report_issue(request: HttpRequest, pk: int) -> HttpResponse:
    conference = conference_for(request, pk)
    try:
        document = services.issue_summary_report(conference, by=request.user)
    except DomainError as error:
        refused(request, error)
        return back("proceedings:report", conference)
    messages.success(request, _("Đã ban hành Báo cáo số %(symbol)s.") % {"symbol": document.symbol})
    return redirect("documents:document-detail", document.pk)


def _initial(figures: Any) -> dict[str, Any]:
    data = {k: v for k, v in dataclasses.asdict(figures).items() if k != "awards"}
    data["awards"] = "\n".join(
        f"{line.form} | {line.collectives} | {line.individuals}" for line in figures.awards
    )
    return data


@login_required
def results(request: HttpRequest, pk: int) -> HttpResponse:
    """The results report pre-filled from the conference; the organizer reviews, may correct,
    and sends it (campaigns.services.submit_results)."""
    conference = conference_for(request, pk)
    figures, present = selectors.results_figures(conference)
    assignment = selectors.results_assignment(conference)
    status = 200
    if request.method == "POST":
        access.require(request.user, "proceedings.manage", conference.unit)
        form = ResultsForm(request.POST)
        if form.is_valid():
            try:
                submission = services.submit_conference_results(
                    conference,
                    by=request.user,
                    figures=form.figures(),
                    note=form.cleaned_data["note"],
                )
            except DomainError as error:
                refused(request, error, form)
            else:
                messages.success(
                    request,
                    _("Đã gửi báo cáo kết quả (lần %(n)s).") % {"n": submission.version},
                )
                return redirect("campaigns:assignment-detail", submission.assignment_id)
        status = 400
    else:
        form = ResultsForm(initial=_initial(figures))
    page = context(request, conference, "results")
    page.update(
        {
            "figures": figures,
            "present": present,
            "assignment": assignment,
            "hold": assignment
            and assignment.campaign.assignments.filter(
                unit_id=conference.unit_id, kind="hold_conference"
            ).first(),
            "form": form,
        }
    )
    return render(request, "proceedings/results.html", page, status=status)


@login_required
@require_POST
def held_record(request: HttpRequest, pk: int) -> HttpResponse:
    conference = conference_for(request, pk)
    try:
        services.record_conference_held(conference, by=request.user)
    except DomainError as error:
        refused(request, error)
    else:
        messages.success(request, _("Đã ghi nhận đơn vị đã tổ chức hội nghị."))
    return back("proceedings:results", conference)
