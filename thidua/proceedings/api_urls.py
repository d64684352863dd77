from django.urls import path

from thidua.proceedings import api

urlpatterns = [
    path("conferences/<int:pk>/budget/", api.BudgetView.as_view(), name="conference-budget"),
    path(
        "conferences/<int:pk>/budget/bonuses/",
        api.BonusView.as_view(),
        name="conference-budget-bonuses",
    ),
    path("budget-lines/<int:pk>/", api.BudgetLineView.as_view(), name="budget-line-detail"),
    path(
        "conferences/<int:pk>/presentations/",
        api.PresentationListView.as_view(),
        name="conference-presentations",
    ),
    path(
        "conferences/<int:pk>/side-activities/",
        api.SideActivityListView.as_view(),
        name="conference-side-activities",
    ),
]
