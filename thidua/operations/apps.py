from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the system on more than one machine: the read-replica router, the shared cache
    table, backups and restores. No models of its own."""

    name = "thidua.operations"
    label = "operations"
    verbose_name = _("Vận hành")

    def ready(self) -> None:
        post_migrate.connect(create_cache_table, sender=self)


def create_cache_table(using: str = "default", verbosity: int = 1, **kwargs: Any) -> None:
    """`migrate` also creates the database cache table (settings.CACHES), so no deployment can
    forget `createcachetable`. Idempotent."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))
