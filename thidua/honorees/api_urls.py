from django.urls import path

from thidua.honorees import api

urlpatterns = [
    path("honorees/", api.HonoreeListCreateView.as_view(), name="honoree-list"),
    path("honorees/<int:pk>/", api.HonoreeDetailView.as_view(), name="honoree-detail"),
    path("movements/", api.MovementListCreateView.as_view(), name="movement-list"),
    path("movements/<int:pk>/", api.MovementDetailView.as_view(), name="movement-detail"),
]
