from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceedingsConfig(AppConfig):
    name = "thidua.proceedings"
    label = "proceedings"
    verbose_name = _("Diễn biến và kết quả hội nghị")
