from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "thidua.core"
    label = "core"
    verbose_name = _("Nền tảng")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from thidua.core.middleware import start_idle_clock

        # The idle clock starts at sign-in, so the first page after it writes no session.
        user_logged_in.connect(start_idle_clock, dispatch_uid="thidua_idle_clock")
