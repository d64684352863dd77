"""Forms of the campaign pages. They only parse; every rule is checked by the services."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.campaigns.enums import (
    AtThreshold,
    CompositionFeature,
    DeadlineMode,
    RuleUnit,
)
from thidua.campaigns.models import CampaignPreset
from thidua.campaigns.results import AwardLine, ResultsFigures
from thidua.units.enums import UnitKind, UnitLevel
from thidua.units.models import Unit

NARRATIVE_KEYS = (
    ("intro", _("Câu dẫn")),
    ("purposes", _("Mục đích")),
    ("requirements", _("Yêu cầu")),
    ("preparation", _("Nội dung cần tập trung thực hiện")),
    ("agenda_note", _("Ghi chú về chương trình")),
    ("side_activities", _("Hoạt động trước và trong dịp tổ chức")),
    ("report_intro", _("Báo cáo tổng kết: yêu cầu")),
    ("presentations", _("Báo cáo tham luận")),
    ("backdrop", _("Trang trí phòng hội nghị (mỗi dòng một dòng chữ)")),
    ("delegate_selection", _("Bình chọn, đề cử đại biểu")),
    ("awards", _("Xét khen thưởng")),
    ("awards_note", _("Lưu ý về khen thưởng")),
    ("closing", _("Đoạn kết")),
)
STRING_KEYS = frozenset({"intro", "closing"})


class BootstrapMixin:
    """Bootstrap classes on every widget (no inline styles: CSP)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-control")


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def lines_field(label: Any, rows: int = 4, required: bool = False, help_text: Any = "") -> Any:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text or _("Mỗi dòng một mục."),
    )


def date_field(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label, required=required, widget=forms.DateInput(attrs={"type": "date"})
    )


class CampaignCreateForm(BootstrapMixin, forms.Form):
    preset = forms.ModelChoiceField(
        label=_("Mẫu"), queryset=CampaignPreset.objects.all(), empty_label=None
    )
    issuer = forms.ModelChoiceField(
        label=_("Đơn vị ban hành"), queryset=Unit.objects.none(), empty_label=None
    )
    name = forms.CharField(
        label=_("Tên kế hoạch"),
        max_length=300,
        required=False,
        help_text=_("Để trống: dùng tên của mẫu."),
    )

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["issuer"]).queryset = units


class CampaignForm(BootstrapMixin, forms.Form):
    """The campaign's general values (lists one item per line)."""

    name = forms.CharField(label=_("Tên kế hoạch"), max_length=300)
    summary = forms.CharField(label=_("Trích yếu"), max_length=500)
    plan_number = forms.CharField(label=_("Số kế hoạch"), max_length=64, required=False)
    plan_date = date_field(_("Ngày ký kế hoạch"), required=False)
    basis_number = forms.CharField(label=_("Số văn bản căn cứ"), max_length=64, required=False)
    basis_date = date_field(_("Ngày văn bản căn cứ"), required=False)
    basis_issuer = forms.CharField(
        label=_("Cơ quan ban hành văn bản căn cứ"), max_length=200, required=False
    )
    basis_summary = forms.CharField(
        label=_("Trích yếu văn bản căn cứ"), max_length=500, required=False
    )
    previous_period_start = forms.IntegerField(label=_("Giai đoạn trước: từ năm"), required=False)
    previous_period_end = forms.IntegerField(label=_("Giai đoạn trước: đến năm"), required=False)
    review_period_start = forms.IntegerField(label=_("Giai đoạn tổng kết: từ năm"))
    review_period_end = forms.IntegerField(label=_("Giai đoạn tổng kết: đến năm"))
    direction_period_start = forms.IntegerField(label=_("Giai đoạn phương hướng: từ năm"))
    direction_period_end = forms.IntegerField(label=_("Giai đoạn phương hướng: đến năm"))
    congress_name = forms.CharField(label=_("Tên đại hội"), max_length=200)
    congress_ordinal = forms.IntegerField(label=_("Đại hội lần thứ"), min_value=1, required=False)
    national_congress_name = forms.CharField(
        label=_("Tên đại hội toàn quốc"), max_length=200, required=False
    )
    national_congress_ordinal = forms.IntegerField(
        label=_("Đại hội toàn quốc lần thứ"), min_value=1, required=False
    )
    plan_deadline = date_field(_("Hạn gửi kế hoạch"))
    plan_deadline_mode = forms.ChoiceField(label=_("Cách tính hạn"), choices=DeadlineMode.choices)
    plan_receiver = forms.CharField(label=_("Nơi nhận kế hoạch, báo cáo"), max_length=200)
    reminder_days = forms.CharField(
        label=_("Nhắc trước hạn (số ngày)"),
        required=False,
        help_text=_("Các số ngày, cách nhau bằng dấu phẩy, ví dụ: 7, 1"),
    )
    budget_source = forms.CharField(label=_("Kinh phí"), max_length=300, required=False)
    issuing_body = forms.CharField(label=_("Cơ quan ban hành"), max_length=200)
    superior_body = forms.CharField(label=_("Cơ quan chủ quản"), max_length=200, required=False)
    place = forms.CharField(label=_("Địa danh"), max_length=100)
    signer_authority = forms.CharField(label=_("Thẩm quyền ký"), max_length=100, required=False)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=100, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=100, required=False)
    recipients = lines_field(_("Nơi nhận"), rows=6)
    agenda = lines_field(_("Chương trình hội nghị"), rows=9)

    def clean_reminder_days(self) -> list[int]:
        raw = self.cleaned_data.get("reminder_days") or ""
        try:
            return sorted(
                {int(part) for part in raw.replace(";", ",").split(",") if part.strip()},
                reverse=True,
            )
        except ValueError as exc:
            raise forms.ValidationError(_("Chỉ ghi các số nguyên.")) from exc

    def clean_recipients(self) -> list[str]:
        return lines(self.cleaned_data.get("recipients", ""))

    def clean_agenda(self) -> list[str]:
        return lines(self.cleaned_data.get("agenda", ""))

    @classmethod
    def initial_for(cls, campaign: Any) -> dict[str, Any]:
        data = {name: getattr(campaign, name) for name in cls.base_fields}
        data["reminder_days"] = ", ".join(str(d) for d in campaign.reminder_days or [])
        data["recipients"] = "\n".join(campaign.recipients or [])
        data["agenda"] = "\n".join(campaign.agenda or [])
        return data


class NarrativeForm(BootstrapMixin, forms.Form):
    """The wording of the plan; {congress}, {review_period}... are replaced by the values."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in NARRATIVE_KEYS:
            rows = 2 if key in STRING_KEYS else 5
            self.fields[key] = lines_field(label, rows=rows, help_text=" ")

    @staticmethod
    def initial_for(narrative: dict[str, Any]) -> dict[str, str]:
        data = {}
        for key, _label in NARRATIVE_KEYS:
            value = narrative.get(key, "")
            data[key] = value if isinstance(value, str) else "\n".join(value)
        return data

    def narrative(self, current: dict[str, Any]) -> dict[str, Any]:
        result = dict(current)
        for key, _label in NARRATIVE_KEYS:
            text = self.cleaned_data.get(key, "")
            result[key] = " ".join(lines(text)) if key in STRING_KEYS else lines(text)
        return result


class LevelRuleForm(BootstrapMixin, forms.Form):
    conference_name = forms.CharField(label=_("Hình thức (tên hội nghị)"), max_length=200)
    window_start = date_field(_("Thời gian tổ chức: từ ngày"), required=False)
    window_end = date_field(_("Thời gian tổ chức: đến ngày"), required=False)
    window_label = forms.CharField(
        label=_("Thời gian tổ chức (cách ghi)"), max_length=100, required=False
    )
    sessions = forms.IntegerField(label=_("Số buổi"), min_value=1)
    composition_text = forms.CharField(
        label=_("Thành phần, cơ cấu"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    staff_threshold = forms.IntegerField(
        label=_("Ngưỡng số CB, CC, VC, NLĐ"), min_value=1, required=False
    )
    at_threshold = forms.ChoiceField(
        label=_("Đơn vị có đúng bằng ngưỡng"), choices=AtThreshold.choices
    )
    delegate_cap = forms.IntegerField(
        label=_("Số đại biểu tối đa của Hội nghị đại biểu"), min_value=1, required=False
    )
    max_delegates = forms.IntegerField(label=_("Số đại biểu tối đa"), min_value=1, required=False)
    quota_from_above = forms.BooleanField(
        label=_("Đại biểu theo phân bổ của cấp trên"), required=False
    )
    report_due_days = forms.IntegerField(
        label=_("Hạn báo cáo kết quả (số ngày sau thời gian tổ chức)"), min_value=0
    )
    legal_basis = forms.CharField(label=_("Căn cứ"), max_length=200, required=False)
    holds_conference = forms.BooleanField(label=_("Cấp này tổ chức hội nghị"), required=False)
    unit_kinds = forms.MultipleChoiceField(
        label=_("Loại đơn vị thực hiện"),
        choices=[(k, v) for k, v in UnitKind.choices if k in UnitKind.territorial()],
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    @classmethod
    def initial_for(cls, rule: Any) -> dict[str, Any]:
        return {name: getattr(rule, name) for name in cls.base_fields}


def _share_to_fraction(value: Decimal | None) -> Decimal | None:
    return None if value is None else value / Decimal(100)


class CompositionRuleForm(BootstrapMixin, forms.Form):
    """Shares are typed as percentages (70) and stored as fractions (0.70)."""

    level = forms.ChoiceField(label=_("Cấp"), choices=UnitLevel.choices)
    feature = forms.ChoiceField(label=_("Tiêu chí"), choices=CompositionFeature.choices)
    value = forms.CharField(
        label=_("Giá trị"),
        max_length=100,
        help_text=_("Ví dụ: honoree; guest|leader; female; true; * (mọi giá trị)"),
    )
    unit = forms.ChoiceField(label=_("Đơn vị tính"), choices=RuleUnit.choices)
    min_value = forms.DecimalField(
        label=_("Tối thiểu (% hoặc số người)"),
        required=False,
        min_value=0,
        max_digits=9,
        decimal_places=2,
    )
    max_value = forms.DecimalField(
        label=_("Tối đa (% hoặc số người)"),
        required=False,
        min_value=0,
        max_digits=9,
        decimal_places=2,
    )
    tolerance = forms.DecimalField(
        label=_("Sai số cho phép (điểm %)"),
        required=False,
        min_value=0,
        max_digits=5,
        decimal_places=2,
    )
    label = forms.CharField(label=_("Diễn giải"), max_length=300, required=False)
    legal_basis = forms.CharField(label=_("Căn cứ"), max_length=200, required=False)

    def __init__(self, *args: Any, levels: list[tuple[str, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if levels:
            cast(forms.ChoiceField, self.fields["level"]).choices = levels

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        if data["unit"] == RuleUnit.SHARE:
            data["min_value"] = _share_to_fraction(data.get("min_value"))
            data["max_value"] = _share_to_fraction(data.get("max_value"))
            data["tolerance"] = _share_to_fraction(data.get("tolerance")) or Decimal(0)
        else:
            data["tolerance"] = data.get("tolerance") or Decimal(0)
        return data

    @classmethod
    def initial_for(cls, rule: Any) -> dict[str, Any]:
        data = {name: getattr(rule, name) for name in cls.base_fields}
        if rule.unit == RuleUnit.SHARE:
            for name in ("min_value", "max_value", "tolerance"):
                if data[name] is not None:
                    data[name] = (data[name] * 100).normalize()
        return data


class TaskForm(BootstrapMixin, forms.Form):
    body = forms.CharField(label=_("Cơ quan, đơn vị"), max_length=300)
    items = lines_field(_("Nhiệm vụ"), rows=6, required=True)

    def clean_items(self) -> list[str]:
        return lines(self.cleaned_data.get("items", ""))


class PlanSubmissionForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("Tệp kế hoạch (PDF hoặc DOCX)"), required=False)
    document_number = forms.CharField(
        label=_("Số văn bản"), max_length=64, required=False, help_text=_("Ví dụ: 25/KH-UBND")
    )
    document_date = date_field(_("Ngày văn bản"), required=False)
    use_built_plan = forms.BooleanField(
        label=_("Gửi kế hoạch đã lập trên hệ thống (thay cho tệp)"), required=False
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ConferenceForm(BootstrapMixin, forms.Form):
    held_on = date_field(_("Ngày tổ chức hội nghị"))
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ResultsForm(BootstrapMixin, forms.Form):
    held_on = date_field(_("Ngày tổ chức hội nghị"))
    honorees_present = forms.IntegerField(label=_("Đại biểu điển hình tiên tiến"), min_value=0)
    guests_present = forms.IntegerField(label=_("Đại biểu khách mời"), min_value=0)
    leaders_present = forms.IntegerField(
        label=_("Đại biểu lãnh đạo các cấp, các ngành"), min_value=0
    )
    women_present = forms.IntegerField(label=_("Trong đó: nữ"), min_value=0)
    men_present = forms.IntegerField(label=_("Trong đó: nam"), min_value=0)
    direct_producers_present = forms.IntegerField(
        label=_("Người trực tiếp sản xuất, công tác"), min_value=0
    )
    presentations_given = forms.IntegerField(label=_("Số báo cáo tham luận"), min_value=0)
    delegates_sent_upward = forms.IntegerField(label=_("Số đại biểu đi dự cấp trên"), min_value=0)
    planned_budget = forms.IntegerField(label=_("Kinh phí dự toán (đồng)"), min_value=0)
    actual_cost = forms.IntegerField(label=_("Kinh phí thực chi (đồng)"), min_value=0)
    awards = forms.CharField(
        label=_("Khen thưởng theo hình thức"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Mỗi dòng: hình thức | số tập thể | số cá nhân, ví dụ: "
            "Giấy khen của Chủ tịch UBND xã | 3 | 12"
        ),
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_awards(self) -> tuple[AwardLine, ...]:
        result = []
        for line in lines(self.cleaned_data.get("awards", "")):
            parts = [p.strip() for p in line.split("|")]
            try:
                form = parts[0]
                collectives = int(parts[1]) if len(parts) > 1 and parts[1] else 0
                individuals = int(parts[2]) if len(parts) > 2 and parts[2] else 0
            except ValueError as exc:
                raise forms.ValidationError(
                    _("Dòng không hợp lệ: %(line)s") % {"line": line}
                ) from exc
            result.append(AwardLine(form, collectives, individuals))
        return tuple(result)

    def figures(self) -> ResultsFigures:
        data = {k: v for k, v in self.cleaned_data.items() if k != "note"}
        return ResultsFigures(**data)


class ReturnForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}))


class FeedbackForm(BootstrapMixin, forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), empty_label=None)
    subject = forms.CharField(label=_("Vướng mắc về"), max_length=300)
    body = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units


class ReplyForm(BootstrapMixin, forms.Form):
    body = forms.CharField(label=_("Trả lời"), widget=forms.Textarea(attrs={"rows": 4}))
