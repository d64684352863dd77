"""Forms of the conference pages. They only parse; every rule is checked by the services."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.forms import BootstrapMixin, date_field
from thidua.conferences import rules
from thidua.conferences.enums import ConferenceFormat, DelegateCategory, PoolSource, Session
from thidua.honorees import rules as honoree_rules
from thidua.honorees.enums import Gender
from thidua.honorees.models import EconomicSector, Field, SocialComponent
from thidua.units.models import Unit


def time_field(label: Any, required: bool = False) -> forms.TimeField:
    return forms.TimeField(
        label=label, required=required, widget=forms.TimeInput(attrs={"type": "time"})
    )


class ConferenceForm(BootstrapMixin, forms.Form):
    held_on = date_field(_("Ngày tổ chức"))
    session = forms.ChoiceField(label=_("Buổi"), choices=Session.choices)
    start_time = time_field(_("Giờ bắt đầu (để trống: theo mẫu chương trình)"))
    venue = forms.CharField(label=_("Địa điểm"), max_length=300)
    chosen_format = forms.ChoiceField(
        label=_("Hình thức (đơn vị có đúng số người của ngưỡng: đơn vị tổ chức lựa chọn)"),
        choices=[("", _("— chưa chọn —")), *ConferenceFormat.choices],
        required=False,
    )
    choice_reason = forms.CharField(
        label=_("Lý do lựa chọn"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, needs_choice: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not needs_choice:
            del self.fields["chosen_format"]
            del self.fields["choice_reason"]


class ConferenceEditForm(BootstrapMixin, forms.Form):
    held_on = date_field(_("Ngày tổ chức"))
    session = forms.ChoiceField(label=_("Buổi"), choices=Session.choices)
    start_time = time_field(_("Giờ bắt đầu"), required=True)
    venue = forms.CharField(label=_("Địa điểm"), max_length=300)


class FormatChoiceForm(BootstrapMixin, forms.Form):
    chosen_format = forms.ChoiceField(label=_("Hình thức"), choices=ConferenceFormat.choices)
    reason = forms.CharField(
        label=_("Lý do lựa chọn"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CapProposalForm(BootstrapMixin, forms.Form):
    proposed = forms.IntegerField(label=_("Số đại biểu Hội đồng TĐKT đề xuất"), min_value=1)
    reference = forms.CharField(
        label=_("Văn bản đề xuất (số, ngày)"), max_length=200, required=False
    )


class CapDecisionForm(BootstrapMixin, forms.Form):
    cap = forms.IntegerField(label=_("Số đại biểu tối đa (quyết định)"), min_value=1)


class AgendaItemForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Nội dung"), max_length=500)
    duration_minutes = forms.IntegerField(label=_("Thời lượng (phút)"), min_value=1)
    presenter = forms.CharField(label=_("Người thực hiện"), max_length=200, required=False)
    position = forms.IntegerField(
        label=_("Vị trí (để trống: trước mục bế mạc)"), min_value=1, required=False
    )


class AgendaItemEditForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Nội dung"), max_length=500)
    duration_minutes = forms.IntegerField(label=_("Thời lượng (phút)"), min_value=1)
    presenter = forms.CharField(label=_("Người thực hiện"), max_length=200, required=False)


class MoveForm(forms.Form):
    position = forms.IntegerField(min_value=1)


def _vocabulary(model: Any) -> list[tuple[str, str]]:
    return [("", "—"), *model.objects.filter(is_active=True).values_list("code", "name")]


class ManualDelegateForm(BootstrapMixin, forms.Form):
    category = forms.ChoiceField(
        label=_("Thành phần"),
        choices=[(v, label) for v, label in DelegateCategory.choices if v != rules.HONOREE],
    )
    name = forms.CharField(label=_("Họ và tên"), max_length=200)
    position = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)
    organization = forms.CharField(
        label=_("Cơ quan, đơn vị công tác"), max_length=300, required=False
    )
    gender = forms.ChoiceField(
        label=_("Giới tính"), choices=[("", "—"), *Gender.choices], required=False
    )
    direct_producer = forms.BooleanField(label=_("Trực tiếp sản xuất, công tác"), required=False)
    economic_sector = forms.ChoiceField(label=_("Khu vực kinh tế"), required=False)
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    component = forms.ChoiceField(label=_("Thành phần xã hội"), required=False)
    sub_unit = forms.ModelChoiceField(
        label=_("Đơn vị trực thuộc"), queryset=Unit.objects.none(), required=False
    )
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    required = forms.BooleanField(label=_("Bắt buộc có mặt (bộ đề xuất luôn giữ)"), required=False)

    def __init__(self, *args: Any, unit: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, model in (
            ("economic_sector", EconomicSector),
            ("field", Field),
            ("component", SocialComponent),
        ):
            cast(forms.ChoiceField, self.fields[name]).choices = _vocabulary(model)
        cast(forms.ModelChoiceField, self.fields["sub_unit"]).queryset = Unit.objects.filter(
            Q(pk=unit.pk) | Q(parent=unit)
        ).order_by("depth", "name")


class ApproveForm(BootstrapMixin, forms.Form):
    override_reason = forms.CharField(
        label=_("Lý do duyệt khi danh sách chưa đạt cơ cấu (chỉ khi cần)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class ProposalForm(BootstrapMixin, forms.Form):
    size = forms.IntegerField(label=_("Số đại biểu"), min_value=1)
    seed = forms.IntegerField(
        label=_("Số gốc bốc thăm (để trống: hệ thống rút ngẫu nhiên và lưu lại)"),
        min_value=0,
        required=False,
    )
    source = forms.ChoiceField(label=_("Nguồn ứng viên"), choices=PoolSource.choices)
    required = forms.MultipleChoiceField(
        label=_("Bắt buộc có mặt"), required=False, widget=forms.CheckboxSelectMultiple
    )
    initiative = forms.FloatField(label=_("Điểm mỗi sáng kiến"), min_value=0)
    good_deeds = forms.FloatField(label=_("Điểm người tốt, việc tốt"), min_value=0)
    acclaimed = forms.FloatField(label=_("Điểm được quần chúng suy tôn"), min_value=0)
    works_directly = forms.FloatField(label=_("Điểm trực tiếp lao động, sản xuất"), min_value=0)
    forms_text = forms.CharField(
        label=_("Điểm theo danh hiệu, hình thức khen thưởng (mỗi dòng: mã = điểm)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(
        self, *args: Any, required_choices: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["required"]).choices = required_choices or []
        self.fields["required"].widget.attrs = {}
        weights = honoree_rules.DEFAULT_WEIGHTS
        for name in ("initiative", "good_deeds", "acclaimed", "works_directly"):
            self.fields[name].initial = getattr(weights, name)
        self.fields["forms_text"].initial = "\n".join(
            f"{code} = {points:g}" for code, points in weights.forms.items()
        )

    def clean_forms_text(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for number, line in enumerate(self.cleaned_data.get("forms_text", "").splitlines(), 1):
            if not line.strip():
                continue
            code, sep, value = line.partition("=")
            try:
                found[code.strip()] = float(value.strip().replace(",", "."))
            except ValueError:
                raise forms.ValidationError(
                    _("Dòng %(number)s phải có dạng: mã = điểm.") % {"number": number}
                ) from None
            if not sep or not code.strip():
                raise forms.ValidationError(
                    _("Dòng %(number)s phải có dạng: mã = điểm.") % {"number": number}
                )
        return found

    def weights(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "forms": data["forms_text"],
            **{n: data[n] for n in ("initiative", "good_deeds", "acclaimed", "works_directly")},
        }
