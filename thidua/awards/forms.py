"""HTML forms of the awards pages: they parse input; the rules live in the services."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.awards.enums import CompletionRating, EntryStatus, Opinion, PrintMode
from thidua.awards.evidence import accepted_extensions
from thidua.awards.models import AwardForm
from thidua.honorees.forms import BLANK, StyledForm
from thidua.honorees.models import Honoree, Movement


def _date(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label, initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )


class ProposalForm(StyledForm):
    title = forms.CharField(label=_("Tên đề nghị"), max_length=300)
    origin = forms.CharField(label=_("Cơ quan, tổ chức đề nghị"), max_length=200, required=False)
    period_start = forms.IntegerField(label=_("Thành tích từ năm"), min_value=1945, max_value=2100)
    period_end = forms.IntegerField(label=_("Đến năm"), min_value=1945, max_value=2100)
    movement = forms.ModelChoiceField(
        label=_("Phong trào thi đua"), queryset=Movement.objects.none(), required=False
    )

    def __init__(self, *args: Any, movements: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if movements is not None:
            cast(forms.ModelChoiceField, self.fields["movement"]).queryset = movements


class CandidateForm(StyledForm):
    honoree = forms.ModelChoiceField(label=_("Cá nhân / tập thể"), queryset=Honoree.objects.none())
    award_form = forms.ModelChoiceField(
        label=_("Hình thức đề nghị"), queryset=AwardForm.objects.filter(is_active=True)
    )
    achievement = forms.CharField(
        label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 3})
    )
    rating = forms.ChoiceField(
        label=_("Xếp loại năm cuối"), choices=BLANK + list(CompletionRating.choices), required=False
    )
    research_accepted = forms.BooleanField(label=_("Có đề tài được nghiệm thu"), required=False)
    excellent_years = forms.IntegerField(
        label=_("Số năm liên tục hoàn thành xuất sắc"),
        min_value=0,
        max_value=50,
        initial=0,
        required=False,
    )

    def __init__(self, *args: Any, honorees: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if honorees is not None:
            cast(forms.ModelChoiceField, self.fields["honoree"]).queryset = honorees


class EvidenceForm(StyledForm):
    file = forms.FileField(
        label=_("Tài liệu minh chứng"),
        widget=forms.ClearableFileInput(attrs={"accept": accepted_extensions().replace(" ", "")}),
    )
    description = forms.CharField(label=_("Mô tả"), max_length=300, required=False)


class OpinionForm(StyledForm):
    opinion = forms.ChoiceField(label=_("Ý kiến"), choices=Opinion.choices)
    comment = forms.CharField(label=_("Nhận xét"), max_length=500, required=False)


class ReviewForm(StyledForm):
    held_on = _date(_("Ngày họp"))
    members_present = forms.IntegerField(
        label=_("Số thành viên có mặt"), min_value=1, max_value=200
    )


class DecideForm(StyledForm):
    decided_on = _date(_("Ngày ký"))
    signer_name = forms.CharField(label=_("Người ký"), max_length=200, required=False)
    deputy = forms.BooleanField(label=_("Phó Chủ tịch ký thay (KT.)"), required=False)


class ReturnForm(StyledForm):
    reason = forms.CharField(label=_("Lý do trả lại"), max_length=500)


class RevokeForm(StyledForm):
    reason = forms.CharField(label=_("Lý do thu hồi"), widget=forms.Textarea(attrs={"rows": 2}))
    revoked_on = _date(_("Ngày thu hồi"))
    reference = forms.CharField(label=_("Văn bản thu hồi"), max_length=100, required=False)


class PrintForm(StyledForm):
    mode = forms.ChoiceField(label=_("Cách in"), choices=PrintMode.choices)


class RegisterFilterForm(StyledForm):
    q = forms.CharField(label=_("Tên"), required=False, max_length=100)
    form = forms.ChoiceField(label=_("Hình thức"), required=False, choices=BLANK)
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1945, max_value=2100)
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=BLANK + list(EntryStatus.choices)
    )
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["form"]).choices = BLANK + list(
            AwardForm.objects.values_list("code", "name")
        )


class AuthorityDateForm(StyledForm):
    on = _date(_("Ngày"))
