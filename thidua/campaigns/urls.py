from django.urls import path

from thidua.campaigns.views import assignments, board, campaigns, feedback

app_name = "campaigns"

urlpatterns = [
    path("", campaigns.campaign_list, name="campaign-list"),
    path("tao/", campaigns.campaign_create, name="campaign-create"),
    path("<int:pk>/", campaigns.campaign_detail, name="campaign-detail"),
    path("<int:pk>/van-ban/", campaigns.campaign_plan, name="campaign-plan"),
    path("<int:pk>/sua/", campaigns.campaign_edit, name="campaign-edit"),
    path("<int:pk>/noi-dung/", campaigns.campaign_narrative, name="campaign-narrative"),
    path("<int:pk>/ban-hanh/", campaigns.campaign_issue, name="campaign-issue"),
    path("<int:pk>/cap/<int:rule_pk>/", campaigns.level_rule_edit, name="level-rule-edit"),
    path("<int:pk>/co-cau/them/", campaigns.composition_rule_add, name="composition-rule-add"),
    path(
        "<int:pk>/co-cau/<int:rule_pk>/",
        campaigns.composition_rule_edit,
        name="composition-rule-edit",
    ),
    path(
        "<int:pk>/co-cau/<int:rule_pk>/xoa/",
        campaigns.composition_rule_delete,
        name="composition-rule-delete",
    ),
    path("<int:pk>/nhiem-vu/<int:task_pk>/", campaigns.task_edit, name="task-edit"),
    path("<int:pk>/tien-do/", board.board, name="board"),
    path("<int:pk>/tien-do.xlsx", board.board_export, name="board-export"),
    path("viec/", assignments.assignment_list, name="assignment-list"),
    path("viec/<int:pk>/", assignments.assignment_detail, name="assignment-detail"),
    path("viec/<int:pk>/gui/", assignments.assignment_submit, name="assignment-submit"),
    path("viec/<int:pk>/lap-ke-hoach/", assignments.assignment_derive, name="assignment-derive"),
    path("ho-so/<int:pk>/chap-nhan/", assignments.submission_accept, name="submission-accept"),
    path("ho-so/<int:pk>/tra-lai/", assignments.submission_return, name="submission-return"),
    path("ho-so/<int:pk>/tep/", assignments.submission_download, name="submission-download"),
    path("vuong-mac/", feedback.feedback_list, name="feedback-list"),
    path("vuong-mac/moi/", feedback.feedback_create, name="feedback-create"),
    path("vuong-mac/<int:pk>/", feedback.feedback_detail, name="feedback-detail"),
    path("vuong-mac/<int:pk>/xong/", feedback.feedback_close, name="feedback-close"),
]
