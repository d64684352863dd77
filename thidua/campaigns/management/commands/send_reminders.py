"""Send the campaign reminders that are due (for cron), or start the self-rescheduling task."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from thidua.campaigns.services import send_due_reminders
from thidua.campaigns.tasks import DEFAULT_EVERY, schedule_reminders


class Command(BaseCommand):
    help = "Gửi nhắc hạn đến hạn (mỗi nhắc hạn chỉ gửi một lần); --schedule: giao cho db_worker."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="queue the self-rescheduling background task instead of sending now",
        )
        parser.add_argument("--every", type=int, default=DEFAULT_EVERY, help="seconds between runs")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schedule"]:
            queued = schedule_reminders(every=options["every"])
            self.stdout.write(
                "scheduled" if queued else "already scheduled or backend cannot defer"
            )
            return
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) sent")
