"""Forms of the proceedings' pages (Vietnamese labels; the services check the rules)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardForm
from thidua.campaigns.forms import BootstrapMixin, date_field
from thidua.conferences.models import AgendaItem, Delegate
from thidua.proceedings.enums import BudgetCategory, SideActivityKind
from thidua.proceedings.models import MAX_AMOUNT, MAX_QUANTITY

PLAIN_CATEGORIES = [(v, label) for v, label in BudgetCategory.choices if v != "bonuses"]


class BudgetLineForm(BootstrapMixin, forms.Form):
    category = forms.ChoiceField(label=_("Khoản mục"), choices=PLAIN_CATEGORIES)
    description = forms.CharField(label=_("Nội dung chi"), max_length=300)
    unit_name = forms.CharField(label=_("Đơn vị tính"), max_length=40, required=False)
    quantity = forms.IntegerField(
        label=_("Số lượng"), min_value=0, max_value=MAX_QUANTITY, initial=1
    )
    unit_price = forms.IntegerField(label=_("Đơn giá (đồng)"), min_value=0, max_value=MAX_AMOUNT)


class BonusLineForm(BootstrapMixin, forms.Form):
    award_form = forms.ModelChoiceField(
        label=_("Hình thức khen thưởng"), queryset=AwardForm.objects.none()
    )
    collective = forms.TypedChoiceField(
        label=_("Đối tượng"),
        choices=[("0", _("Cá nhân")), ("1", _("Tập thể"))],
        coerce=lambda value: value == "1",
    )
    quantity = forms.IntegerField(label=_("Số lượng"), min_value=0, max_value=MAX_QUANTITY)

    def __init__(self, *args: Any, forms_queryset: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["award_form"]).queryset = forms_queryset


class ActualForm(forms.Form):
    actual_amount = forms.IntegerField(
        label=_("Thực chi (đồng)"), min_value=0, max_value=MAX_AMOUNT, required=False
    )


class PresentationForm(BootstrapMixin, forms.Form):
    agenda_item = forms.ModelChoiceField(
        label=_("Nội dung chương trình"), queryset=AgendaItem.objects.none()
    )
    delegate = forms.ModelChoiceField(label=_("Người trình bày"), queryset=Delegate.objects.none())
    title = forms.CharField(label=_("Tên tham luận"), max_length=300)
    minutes = forms.IntegerField(label=_("Thời lượng (phút)"), min_value=1, max_value=240)

    def __init__(self, *args: Any, items: Any, delegates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agenda_item"]).queryset = items
        cast(forms.ModelChoiceField, self.fields["delegate"]).queryset = delegates


class SideActivityForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại hoạt động"), choices=SideActivityKind.choices)
    title = forms.CharField(label=_("Tên hoạt động"), max_length=300)
    held_on = date_field(_("Ngày"))
    place = forms.CharField(label=_("Địa điểm, phương tiện"), max_length=300, required=False)
    participants = forms.IntegerField(label=_("Số người tham gia"), min_value=0, required=False)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReportSectionForm(BootstrapMixin, forms.Form):
    text = forms.CharField(
        label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    upload = forms.FileField(
        label=_("Tệp đính kèm (PDF, DOCX, JPEG, PNG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.jpg,.jpeg,.png"}),
    )
    remove_file = forms.BooleanField(label=_("Bỏ tệp đã đính kèm"), required=False)
