"""/api/v1/: authentication and the schema here; each app's endpoints in <app>/api_urls.py."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from thidua.api import views

app_name = "api"

urlpatterns = [
    path("auth/token/", views.TokenView.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include("thidua.units.api_urls")),
    path("", include("thidua.honorees.api_urls")),
    path("", include("thidua.documents.api_urls")),
    path("", include("thidua.awards.api_urls")),
]
