from django.urls import path

from thidua.elections import api

urlpatterns = [
    path("elections/polls/", api.PollListView.as_view(), name="election-poll-list"),
    path("elections/polls/<int:pk>/", api.PollDetailView.as_view(), name="election-poll-detail"),
    path(
        "elections/allocations/",
        api.AllocationListView.as_view(),
        name="election-allocation-list",
    ),
]
