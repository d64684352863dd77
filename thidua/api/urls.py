"""/api/v1/: authentication and the schema here; each app's endpoints in <app>/api_urls.py."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from thidua.api import selection, views

app_name = "api"

urlpatterns = [
    path("auth/token/", views.TokenView.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include("thidua.units.api_urls")),
    path("", include("thidua.honorees.api_urls")),
    path("", include("thidua.documents.api_urls")),
    path("selection/check/", selection.CheckView.as_view(), name="selection-check"),
    path("selection/optimize/", selection.OptimizeView.as_view(), name="selection-optimize"),
    path("selection/apportion/", selection.ApportionView.as_view(), name="selection-apportion"),
    path("", include("thidua.campaigns.api_urls")),
    path("", include("thidua.conferences.api_urls")),
    path("", include("thidua.awards.api_urls")),
    path("", include("thidua.elections.api_urls")),
    path("", include("thidua.proceedings.api_urls")),
]
