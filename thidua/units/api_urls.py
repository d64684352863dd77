from django.urls import path

from thidua.units import api

urlpatterns = [
    path("units/", api.UnitListView.as_view(), name="unit-list"),
    path("units/<str:code>/", api.UnitDetailView.as_view(), name="unit-detail"),
]
