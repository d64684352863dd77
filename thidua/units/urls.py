from django.urls import path

from thidua.units import views

app_name = "units"

urlpatterns = [
    path("", views.unit_list, name="unit-list"),
    path("<int:pk>/", views.unit_detail, name="unit-detail"),
    path("<int:pk>/con/", views.unit_children, name="unit-children"),
    path("<int:pk>/nhat-ky/", views.unit_audit, name="unit-audit"),
]
