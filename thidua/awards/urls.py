from django.urls import path

from thidua.awards.views import decisions, proposals, register, units

app_name = "awards"

urlpatterns = [
    path("", units.index, name="index"),
    path("don-vi/<int:unit_pk>/", units.unit_awards, name="unit-awards"),
    path("don-vi/<int:unit_pk>/quyet-dinh/", decisions.decisions_list, name="decision-list"),
    path("don-vi/<int:unit_pk>/de-nghi/moi/", proposals.proposal_create, name="proposal-create"),
    path("tham-quyen/", units.authority, name="authority"),
    path("de-nghi/<int:pk>/", proposals.proposal_detail, name="proposal-detail"),
    path("de-nghi/<int:pk>/them/", proposals.candidate_add, name="candidate-add"),
    path("de-nghi/<int:pk>/bo/<int:item_pk>/", proposals.candidate_remove, name="candidate-remove"),
    path("de-nghi/<int:pk>/minh-chung/<int:item_pk>/", proposals.evidence_add, name="evidence-add"),
    path("de-nghi/<int:pk>/tong-hop/", proposals.proposal_merge, name="proposal-merge"),
    path("de-nghi/<int:pk>/gui-hoi-dong/", proposals.proposal_submit, name="proposal-submit"),
    path("de-nghi/<int:pk>/y-kien/<int:item_pk>/", proposals.opinion_record, name="opinion-record"),
    path("de-nghi/<int:pk>/bieu-quyet/", proposals.review_close, name="review-close"),
    path("de-nghi/<int:pk>/quyet-dinh/", proposals.proposal_decide, name="proposal-decide"),
    path("de-nghi/<int:pk>/to-trinh/", proposals.proposal_escalate, name="proposal-escalate"),
    path("minh-chung/<str:token>/", proposals.evidence_download, name="evidence-download"),
    path("to-trinh/<int:pk>/", decisions.submission_detail, name="submission-detail"),
    path("to-trinh/<int:pk>/quyet-dinh/", decisions.submission_decide, name="submission-decide"),
    path("to-trinh/<int:pk>/trinh-tiep/", decisions.submission_forward, name="submission-forward"),
    path("to-trinh/<int:pk>/tra-lai/", decisions.submission_return, name="submission-return"),
    path("quyet-dinh/<int:pk>/", decisions.decision_detail, name="decision-detail"),
    path("quyet-dinh/<int:pk>/in/", decisions.decision_print, name="decision-print"),
    path(
        "quyet-dinh/<int:pk>/thu-hoi/<int:entry_pk>/", decisions.entry_revoke, name="entry-revoke"
    ),
    path("phoi/<int:pk>/can-chinh/", decisions.blank_calibration, name="blank-calibration"),
    path("so-khen-thuong/", register.register, name="register"),
    path("so-khen-thuong/xlsx/", register.register_export, name="register-export"),
]
