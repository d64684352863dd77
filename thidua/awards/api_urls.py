from django.urls import path

from thidua.awards import api

urlpatterns = [
    path("awards/forms/", api.AwardFormListView.as_view(), name="award-form-list"),
    path("awards/authority/", api.AuthorityView.as_view(), name="award-authority"),
    path("awards/proposals/", api.ProposalListCreateView.as_view(), name="award-proposal-list"),
    path(
        "awards/proposals/<int:pk>/", api.ProposalDetailView.as_view(), name="award-proposal-detail"
    ),
    path(
        "awards/proposals/<int:pk>/candidates/",
        api.CandidateView.as_view(),
        name="award-candidate-add",
    ),
    path(
        "awards/proposals/<int:pk>/submit/",
        api.SubmitForReviewView.as_view(),
        name="award-proposal-submit",
    ),
    path("awards/proposals/<int:pk>/opinions/", api.OpinionView.as_view(), name="award-opinion"),
    path("awards/proposals/<int:pk>/review/", api.ReviewView.as_view(), name="award-review"),
    path("awards/proposals/<int:pk>/decide/", api.DecideView.as_view(), name="award-decide"),
    path("awards/proposals/<int:pk>/escalate/", api.EscalateView.as_view(), name="award-escalate"),
    path("awards/submissions/", api.SubmissionListView.as_view(), name="award-submission-list"),
    path(
        "awards/submissions/<int:pk>/",
        api.SubmissionDetailView.as_view(),
        name="award-submission-detail",
    ),
    path(
        "awards/submissions/<int:pk>/<str:action>/",
        api.SubmissionActionView.as_view(),
        name="award-submission-action",
    ),
    path("awards/decisions/", api.DecisionListView.as_view(), name="award-decision-list"),
    path(
        "awards/decisions/<int:pk>/", api.DecisionDetailView.as_view(), name="award-decision-detail"
    ),
    path("awards/decisions/<int:pk>/print/", api.PrintView.as_view(), name="award-print"),
    path("awards/register/", api.RegisterView.as_view(), name="award-register"),
    path("awards/entries/<int:pk>/revoke/", api.RevokeView.as_view(), name="award-revoke"),
    path("awards/statistics/", api.StatisticsView.as_view(), name="award-statistics"),
]
