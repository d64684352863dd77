from django.contrib import admin
from django.urls import include, path

# Uploaded and generated files are never served as static media: each is streamed by a view
# that first checks the requester's scope (thidua/units/access.py).
urlpatterns = [
    path("", include("thidua.core.urls")),
    path("tai-khoan/", include("thidua.accounts.urls")),
    path("don-vi/", include("thidua.units.urls")),
    path("", include("thidua.honorees.urls")),
    path("van-ban/", include("thidua.documents.urls")),
    path("ke-hoach/", include("thidua.campaigns.urls")),
    path("hoi-nghi/", include("thidua.conferences.urls")),
    path("thong-bao/", include("thidua.notifications.urls")),
    path("khen-thuong/", include("thidua.awards.urls")),
    path("bau-dai-bieu/", include("thidua.elections.urls")),
    path("tong-quan/", include("thidua.dashboards.urls")),
    path("dien-bien/", include("thidua.proceedings.urls")),
    path("api/v1/", include("thidua.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
]

handler404 = "thidua.api.views.page_not_found"  # JSON under /api/, the usual page elsewhere
