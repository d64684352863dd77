"""The budget of a conference (R4, R15): planned lines, bonus lines computed from the award
forms' multiples of the base salary in force on the conference's day, actual amounts."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.awards.models import AwardForm
from thidua.conferences.models import Conference
from thidua.conferences.services.common import require
from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.core.text import normalize_text
from thidua.proceedings import budget, money, selectors
from thidua.proceedings.enums import BudgetCategory
from thidua.proceedings.models import BudgetLine

MANAGE = "proceedings.manage"


def _next_order(conference: Conference) -> int:
    last = conference.budget_lines.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


def _check_amounts(quantity: int, unit_price: int) -> None:
    if quantity < 0 or unit_price < 0:
        raise DomainError("proceedings.negative_amount", _("Số lượng và đơn giá không được âm."))


@transaction.atomic
def add_budget_line(
    conference: Conference,
    *,
    by: Any,
    category: str,
    description: str,
    quantity: int,
    unit_price: int,
    unit_name: str = "",
) -> BudgetLine:
    """A planned line: quantity × unit price (integer đồng).

    Refusals: ``proceedings.bad_category``, ``proceedings.description_required``,
    ``proceedings.negative_amount``, ``proceedings.use_bonus_line``."""
    require(by, MANAGE, conference.unit)
    if category not in BudgetCategory.values:
        raise DomainError("proceedings.bad_category", _("Khoản mục kinh phí không hợp lệ."))
    if category == BudgetCategory.BONUSES:
        raise DomainError(
            "proceedings.use_bonus_line",
            _("Tiền thưởng được tính theo hình thức khen thưởng: dùng mục “Thêm tiền thưởng”."),
        )
    description = normalize_text(description)
    if not description:
        raise DomainError("proceedings.description_required", _("Cần ghi nội dung chi."))
    _check_amounts(quantity, unit_price)
    line = BudgetLine.objects.create(
        conference=conference,
        category=category,
        description=description,
        unit_name=normalize_text(unit_name),
        quantity=quantity,
        unit_price=unit_price,
        planned_amount=budget.line_amount(quantity, unit_price),
        order=_next_order(conference),
        created_by=by,
    )
    record_audit(
        "proceedings.budget_line.added",
        by=by,
        unit=conference.unit,
        target=line,
        data={"category": category, "planned": line.planned_amount},
    )
    return line


@transaction.atomic
def add_bonus_line(
    conference: Conference,
    *,
    by: Any,
    award_form: AwardForm,
    collective: bool,
    quantity: int,
) -> BudgetLine:
    """Bonuses for ``quantity`` awards of ``award_form``: its multiple (individual or
    collective) × the base salary in force on the conference's day, rounded up as that row
    says; the multiple and the base salary are kept with the line.

    Refusals: ``proceedings.negative_amount``, ``proceedings.no_base_salary``,
    ``proceedings.no_bonus``."""
    require(by, MANAGE, conference.unit)
    _check_amounts(quantity, 0)
    salary = selectors.base_salary_on(conference.held_on)
    if salary is None:
        raise DomainError(
            "proceedings.no_base_salary",
            _("Chưa có mức lương cơ sở áp dụng cho ngày %(day)s.")
            % {"day": conference.held_on.strftime("%d/%m/%Y")},
        )
    multiple = award_form.bonus_for(collective=collective)
    if multiple is None or not award_form.is_valid_on(conference.held_on):
        raise DomainError(
            "proceedings.no_bonus",
            _("Hình thức “%(form)s” không có tiền thưởng cho đối tượng này.")
            % {"form": award_form.name},
        )
    unit_price = money.bonus_amount(multiple, salary.amount, salary.bonus_round_to)
    subject = _("tập thể") if collective else _("cá nhân")
    description = _("Tiền thưởng %(form)s (%(subject)s): %(multiple)s × %(base)s đồng") % {
        "form": award_form.name,
        "subject": subject,
        "multiple": f"{multiple.normalize():f}".replace(".", ","),
        "base": money.group_thousands(salary.amount),
    }
    line = BudgetLine.objects.create(
        conference=conference,
        category=BudgetCategory.BONUSES,
        description=description,
        unit_name=str(subject),
        quantity=quantity,
        unit_price=unit_price,
        planned_amount=budget.line_amount(quantity, unit_price),
        award_form=award_form,
        collective=collective,
        multiple=multiple,
        base_salary=salary.amount,
        order=_next_order(conference),
        created_by=by,
    )
    record_audit(
        "proceedings.budget_line.added",
        by=by,
        unit=conference.unit,
        target=line,
        data={
            "category": BudgetCategory.BONUSES.value,
            "form": award_form.code,
            "multiple": str(multiple),
            "base_salary": salary.amount,
            "planned": line.planned_amount,
        },
    )
    return line


@transaction.atomic
def record_actual(line: BudgetLine, *, by: Any, actual_amount: int | None) -> BudgetLine:
    """What was really spent on a line (None: not spent yet).

    Refusals: ``proceedings.negative_amount``."""
    require(by, MANAGE, line.conference.unit)
    if actual_amount is not None and actual_amount < 0:
        raise DomainError("proceedings.negative_amount", _("Số tiền thực chi không được âm."))
    line = BudgetLine.objects.select_for_update().select_related("conference__unit").get(pk=line.pk)
    before = line.actual_amount
    line.actual_amount = actual_amount
    line.save(update_fields=["actual_amount", "updated_at"])
    record_audit(
        "proceedings.budget_line.actual_recorded",
        by=by,
        unit=line.conference.unit,
        target=line,
        data={"before": before, "actual": actual_amount, "planned": line.planned_amount},
    )
    return line


@transaction.atomic
def remove_budget_line(line: BudgetLine, *, by: Any) -> None:
    require(by, MANAGE, line.conference.unit)
    record_audit(
        "proceedings.budget_line.removed",
        by=by,
        unit=line.conference.unit,
        target=line,
        data={"description": line.description, "planned": line.planned_amount},
    )
    line.delete()
