from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HonoreesConfig(AppConfig):
    name = "thidua.honorees"
    label = "honorees"
    verbose_name = _("Điển hình tiên tiến")
