from django.urls import path

from thidua.campaigns import api

urlpatterns = [
    path("campaigns/", api.CampaignListView.as_view(), name="campaign-list"),
    path("campaigns/<int:pk>/", api.CampaignDetailView.as_view(), name="campaign-detail"),
    path("campaigns/<int:pk>/issue/", api.CampaignIssueView.as_view(), name="campaign-issue"),
    path("campaigns/<int:pk>/plan/", api.CampaignPlanView.as_view(), name="campaign-plan"),
    path("campaigns/<int:pk>/board/", api.BoardView.as_view(), name="campaign-board"),
    path("assignments/", api.AssignmentListView.as_view(), name="assignment-list"),
    path("assignments/<int:pk>/", api.AssignmentDetailView.as_view(), name="assignment-detail"),
    path(
        "assignments/<int:pk>/submissions/",
        api.AssignmentSubmissionsView.as_view(),
        name="assignment-submissions",
    ),
    path("submissions/<int:pk>/", api.SubmissionDetailView.as_view(), name="submission-detail"),
    path(
        "submissions/<int:pk>/accept/",
        api.SubmissionAcceptView.as_view(),
        name="submission-accept",
    ),
    path(
        "submissions/<int:pk>/return/",
        api.SubmissionReturnView.as_view(),
        name="submission-return",
    ),
    path("results/", api.ResultsListView.as_view(), name="results-list"),
    path("feedback/", api.FeedbackListView.as_view(), name="feedback-list"),
    path("feedback/<int:pk>/", api.FeedbackDetailView.as_view(), name="feedback-detail"),
    path(
        "feedback/<int:pk>/messages/", api.FeedbackMessageView.as_view(), name="feedback-messages"
    ),
    path("feedback/<int:pk>/close/", api.FeedbackCloseView.as_view(), name="feedback-close"),
]
