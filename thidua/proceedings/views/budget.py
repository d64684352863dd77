"""The budget page (R4, R15): planned lines and bonus lines, actual amounts (htmx), totals
and variance by heading, and the printed estimate through the documents engine."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thidua.core.errors import DomainError
from thidua.core.htmx import is_htmx
from thidua.documents.rendering import render_pdf
from thidua.proceedings import estimate, money, selectors, services
from thidua.proceedings.enums import BudgetCategory
from thidua.proceedings.forms import ActualForm, BonusLineForm, BudgetLineForm
from thidua.proceedings.views.common import (
    back,
    conference_for,
    context,
    issuing_body,
    pdf_response,
    refused,
)
from thidua.units import access


def _page(
    request: HttpRequest, conference: Any, line_form: Any = None, bonus_form: Any = None
) -> dict[str, Any]:
    page = context(request, conference, "budget")
    lines = list(selectors.budget_lines_of(conference))
    summary = selectors.summarise(lines)
    salary = selectors.base_salary_on(conference.held_on)
    page.update(
        {
            "lines": lines,
            "summary": summary,
            "in_words": money.money_in_words(summary.total.planned),
            "salary": salary,
            "category_labels": BudgetCategory.choices,
            "line_form": line_form or BudgetLineForm(prefix="line"),
            "bonus_form": bonus_form
            or BonusLineForm(
                forms_queryset=selectors.bonus_forms(conference.held_on), prefix="bonus"
            ),
        }
    )
    return page


@login_required
def budget(request: HttpRequest, pk: int) -> HttpResponse:
    conference = conference_for(request, pk)
    if request.method == "POST":
        access.require(request.user, "proceedings.manage", conference.unit)
        form = BudgetLineForm(request.POST, prefix="line")
        if form.is_valid():
            try:
                services.add_budget_line(conference, by=request.user, **form.cleaned_data)
            except DomainError as error:
                refused(request, error, form)
            else:
                return back("proceedings:budget", conference)
        return render(
            request, "proceedings/budget.html", _page(request, conference, form), status=400
        )
    return render(request, "proceedings/budget.html", _page(request, conference))


@login_required
@require_POST
def bonus_add(request: HttpRequest, pk: int) -> HttpResponse:
    conference = conference_for(request, pk)
    access.require(request.user, "proceedings.manage", conference.unit)
    form = BonusLineForm(
        request.POST, forms_queryset=selectors.bonus_forms(conference.held_on), prefix="bonus"
    )
    if form.is_valid():
        try:
            services.add_bonus_line(conference, by=request.user, **form.cleaned_data)
        except DomainError as error:
            refused(request, error, form)
        else:
            return back("proceedings:budget", conference)
    return render(
        request, "proceedings/budget.html", _page(request, conference, bonus_form=form), status=400
    )


@login_required
@require_POST
def actual_record(request: HttpRequest, pk: int) -> HttpResponse:
    line = selectors.get_budget_line_for(request.user, pk)
    conference = conference_for(request, line.conference_id)
    form = ActualForm(request.POST)
    if form.is_valid():
        try:
            services.record_actual(
                line, by=request.user, actual_amount=form.cleaned_data["actual_amount"]
            )
        except DomainError as error:
            refused(request, error)
    else:
        messages.error(request, _("Số tiền thực chi phải là số nguyên không âm."))
    if is_htmx(request):
        # htmx swaps only 2xx answers: a refusal is shown inside the table it replaces.
        page = _page(request, conference) | {"partial": True}
        return render(request, "proceedings/_budget_table.html", page)
    return back("proceedings:budget", conference)


@login_required
@require_POST
def line_delete(request: HttpRequest, pk: int) -> HttpResponse:
    line = selectors.get_budget_line_for(request.user, pk)
    conference = line.conference
    try:
        services.remove_budget_line(line, by=request.user)
    except DomainError as error:
        refused(request, error)
    return back("proceedings:budget", conference)


@login_required
def estimate_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The estimate (Dự toán kinh phí) as a draft PDF through the documents engine."""
    conference = conference_for(request, pk)
    lines = list(selectors.budget_lines_of(conference))
    spec = estimate.estimate_spec(
        conference, lines, selectors.summarise(lines), issuing_body(conference)
    )
    return pdf_response(render_pdf(spec), "du-toan-kinh-phi.pdf")
