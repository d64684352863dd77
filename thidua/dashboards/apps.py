from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    """Read-only: no models, no migrations; every figure is an aggregate of the other apps."""

    name = "thidua.dashboards"
    label = "dashboards"
    verbose_name = _("Tổng quan số liệu")
