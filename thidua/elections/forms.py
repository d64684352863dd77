"""Forms of the elections pages (the services validate again and refuse in Vietnamese)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.elections.enums import Method, PollScope, Procedure, ThresholdBase, WeightSource

WIDGET = {"class": "form-control form-control-sm"}
SELECT = {"class": "form-select form-select-sm"}


class AllocationForm(forms.Form):
    seats = forms.IntegerField(
        label=_("Tổng số đại biểu phân bổ"), min_value=1, widget=forms.NumberInput(WIDGET)
    )
    method = forms.ChoiceField(
        label=_("Phương pháp"), choices=Method.choices, widget=forms.Select(SELECT)
    )
    weight_source = forms.ChoiceField(
        label=_("Căn cứ phân bổ"), choices=WeightSource.choices, widget=forms.Select(SELECT)
    )
    min_per_unit = forms.IntegerField(
        label=_("Tối thiểu mỗi đơn vị"), min_value=0, initial=1, widget=forms.NumberInput(WIDGET)
    )
    women_share = forms.DecimalField(
        label=_("Tỷ lệ đại biểu nữ tối thiểu (0–1, để trống: không phân bổ)"),
        required=False,
        min_value=0,
        max_value=1,
        widget=forms.NumberInput({**WIDGET, "step": "0.01"}),
    )
    producer_share = forms.DecimalField(
        label=_("Tỷ lệ trực tiếp sản xuất, công tác tối thiểu (0–1)"),
        required=False,
        min_value=0,
        max_value=1,
        widget=forms.NumberInput({**WIDGET, "step": "0.01"}),
    )

    def __init__(self, *args: Any, units: list[Any] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.units = list(units)
        for unit in self.units:
            self.fields[f"weight_{unit.pk}"] = forms.DecimalField(
                label=_("Trọng số (nhập trực tiếp): %(unit)s") % {"unit": unit.name},
                required=False,
                min_value=0,
                widget=forms.NumberInput(WIDGET),
            )
            self.fields[f"cap_{unit.pk}"] = forms.IntegerField(
                label=_("Tối đa: %(unit)s") % {"unit": unit.name},
                required=False,
                min_value=0,
                widget=forms.NumberInput(WIDGET),
            )

    def typed(self) -> dict[str, Any]:
        return {
            str(u.pk): self.cleaned_data[f"weight_{u.pk}"]
            for u in self.units
            if self.cleaned_data.get(f"weight_{u.pk}") is not None
        }

    def caps(self) -> dict[str, int]:
        return {
            str(u.pk): self.cleaned_data[f"cap_{u.pk}"]
            for u in self.units
            if self.cleaned_data.get(f"cap_{u.pk}") is not None
        }

    def categories(self) -> list[dict[str, Any]]:
        out = []
        if self.cleaned_data.get("women_share") is not None:
            out.append({"feature": "gender", "value": "female", "label": "đại biểu nữ",
                        "share": str(self.cleaned_data["women_share"])})  # fmt: skip
        if self.cleaned_data.get("producer_share") is not None:
            out.append({"feature": "direct_producer", "value": "true",
                        "label": "trực tiếp sản xuất, công tác",
                        "share": str(self.cleaned_data["producer_share"])})  # fmt: skip
        return out


class PollForm(forms.Form):
    procedure = forms.ChoiceField(
        label=_("Hình thức"), choices=Procedure.choices, widget=forms.Select(SELECT)
    )
    scope = forms.ChoiceField(
        label=_("Biểu quyết"), choices=PollScope.choices, widget=forms.Select(SELECT)
    )
    seats = forms.IntegerField(
        label=_("Số người được cử (để trống: theo phân bổ)"),
        required=False,
        min_value=1,
        widget=forms.NumberInput(WIDGET),
    )
    paper_reserve = forms.IntegerField(
        label=_("Số phiếu dự phòng (phiếu giấy; để trống: theo quy định)"),
        required=False,
        min_value=0,
        widget=forms.NumberInput(WIDGET),
    )


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do đính chính"), widget=forms.Textarea({**WIDGET, "rows": 2})
    )


class RulesForm(forms.Form):
    """The campaign's voting rules (defaults: the preset)."""

    quorum = forms.DecimalField(
        label=_("Tỷ lệ có mặt (0–1)"), min_value=0, max_value=1,
        widget=forms.NumberInput({**WIDGET, "step": "0.01"}),
    )  # fmt: skip
    quorum_strict = forms.BooleanField(label=_("Phải vượt tỷ lệ có mặt (quá)"), required=False)
    threshold = forms.DecimalField(
        label=_("Tỷ lệ tán thành (0–1)"), min_value=0, max_value=1,
        widget=forms.NumberInput({**WIDGET, "step": "0.01"}),
    )  # fmt: skip
    threshold_strict = forms.BooleanField(
        label=_("Phải vượt tỷ lệ tán thành (quá)"), required=False
    )
    threshold_base = forms.ChoiceField(
        label=_("Tỷ lệ tán thành tính trên"), choices=ThresholdBase.choices,
        widget=forms.Select(SELECT),
    )  # fmt: skip
    paper_reserve = forms.IntegerField(
        label=_("Số phiếu dự phòng"), min_value=0, widget=forms.NumberInput(WIDGET)
    )
