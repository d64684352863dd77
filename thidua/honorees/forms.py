"""HTML forms: they parse and shape input; the rules live in the services they feed."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from thidua.awards.models import AwardForm
from thidua.honorees.enums import Gender, HonoreeKind, LaunchedBy, Stage
from thidua.honorees.models import EconomicSector, Ethnicity, Field, SocialComponent
from thidua.units.enums import UnitLevel

BLANK: list[tuple[str, Any]] = [("", "—")]


class StyledForm(forms.Form):
    """Bootstrap classes on every widget (no inline styles: the CSP forbids them)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs.setdefault("class", css)


class FilterForm(StyledForm):
    q = forms.CharField(label=_("Tên (có hoặc không dấu)"), required=False, max_length=100)
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Loại"), choices=BLANK + HonoreeKind.choices, required=False)
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    component = forms.ChoiceField(label=_("Thành phần"), required=False)
    gender = forms.ChoiceField(label=_("Giới tính"), choices=BLANK + Gender.choices, required=False)
    award_form = forms.ChoiceField(label=_("Danh hiệu đã nhận"), required=False)
    stage = forms.ChoiceField(label=_("Giai đoạn"), choices=BLANK + Stage.choices, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = {
            "field": Field.objects.values_list("code", "name"),
            "component": SocialComponent.objects.values_list("code", "name"),
            "award_form": AwardForm.objects.order_by("-rank").values_list("code", "name"),
        }
        for name, rows in choices.items():
            cast(forms.ChoiceField, self.fields[name]).choices = BLANK + list(rows)


class HonoreeForm(StyledForm):
    kind = forms.ChoiceField(label=_("Loại"), choices=HonoreeKind.choices)
    name = forms.CharField(label=_("Họ và tên / tên tập thể"), max_length=200)
    collective_size = forms.IntegerField(label=_("Số thành viên (tập thể)"), required=False)
    gender = forms.ChoiceField(label=_("Giới tính"), choices=BLANK + Gender.choices, required=False)
    birth_year = forms.IntegerField(label=_("Năm sinh"), required=False)
    ethnicity = forms.ModelChoiceField(
        label=_("Dân tộc"), queryset=Ethnicity.objects.filter(is_active=True), required=False
    )
    position = forms.CharField(label=_("Chức vụ, nghề nghiệp"), max_length=200, required=False)
    component = forms.ModelChoiceField(
        label=_("Thành phần"),
        queryset=SocialComponent.objects.filter(is_active=True),
        required=False,
    )
    sector = forms.ModelChoiceField(
        label=_("Khu vực kinh tế"),
        queryset=EconomicSector.objects.filter(is_active=True),
        required=False,
    )
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=Field.objects.filter(is_active=True), required=False
    )
    works_directly = forms.BooleanField(label=_("Trực tiếp lao động, sản xuất"), required=False)
    national_id = forms.CharField(label=_("Số CCCD"), max_length=12, required=False)
    good_deeds = forms.BooleanField(label=_("Người tốt, việc tốt"), required=False)
    acclaimed = forms.BooleanField(label=_("Được quần chúng suy tôn"), required=False)
    summary = forms.CharField(
        label=_("Thành tích tiêu biểu"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class RecognitionForm(StyledForm):
    award_form = forms.ModelChoiceField(
        label=_("Danh hiệu / hình thức"), queryset=AwardForm.objects.filter(is_active=True)
    )
    year = forms.IntegerField(label=_("Năm"))
    level = forms.ChoiceField(
        label=_("Cấp quyết định"), choices=BLANK + UnitLevel.choices, required=False
    )
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60, required=False)
    decision_date = forms.DateField(
        label=_("Ngày quyết định"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    issuer = forms.CharField(label=_("Cơ quan quyết định"), max_length=200, required=False)


class InitiativeForm(StyledForm):
    title = forms.CharField(label=_("Tên sáng kiến"), max_length=300)
    recognized_on = forms.DateField(
        label=_("Ngày công nhận"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    level = forms.ChoiceField(
        label=_("Phạm vi ảnh hưởng"), choices=BLANK + UnitLevel.choices, required=False
    )


class AchievementForm(StyledForm):
    year = forms.IntegerField(label=_("Năm"), required=False)
    description = forms.CharField(label=_("Thành tích"), widget=forms.Textarea(attrs={"rows": 2}))


class StageForm(StyledForm):
    to_stage = forms.ChoiceField(label=_("Chuyển sang"), choices=Stage.choices)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)


class StoryForm(StyledForm):
    title = forms.CharField(label=_("Tiêu đề"), max_length=300)
    lead = forms.CharField(label=_("Tóm tắt"), max_length=500, required=False)
    body = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 10}))


class PhotoForm(StyledForm):
    image = forms.FileField(label=_("Ảnh (JPEG, PNG, WebP)"))
    caption = forms.CharField(label=_("Chú thích"), max_length=300, required=False)


class VideoForm(StyledForm):
    url = forms.CharField(label=_("Đường dẫn video"), max_length=500)
    title = forms.CharField(label=_("Tiêu đề"), max_length=300, required=False)


class ImportForm(StyledForm):
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx) theo mẫu"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Chỉ nhận tệp Excel .xlsx (tải tệp mẫu ở trên)."))
        return upload


class MovementForm(StyledForm):
    name = forms.CharField(label=_("Tên phong trào"), max_length=300)
    launched_by = forms.ChoiceField(label=_("Cấp phát động"), choices=LaunchedBy.choices)
    start_year = forms.IntegerField(label=_("Từ năm"), required=False)
    end_year = forms.IntegerField(label=_("Đến năm"), required=False)
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=Field.objects.filter(is_active=True), required=False
    )
    basis = forms.CharField(label=_("Văn bản phát động"), max_length=300, required=False)
