from django.urls import path

from thidua.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.home, name="home"),
    path("ca-nuoc/", views.country_dashboard, name="country"),
    path("ca-nuoc/xlsx/", views.country_export, name="country-export"),
    path("<int:pk>/", views.unit_dashboard, name="unit"),
    path("<int:pk>/xlsx/", views.unit_export, name="unit-export"),
]
