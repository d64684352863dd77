from typing import Any

from django.core.management.base import BaseCommand

from thidua.demo.loader import load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: huyện Kim Bảng năm 2024 (chạy lại không tạo bản trùng)."

    def handle(self, *args: Any, **options: Any) -> None:
        load_demo(log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Dữ liệu mẫu đã sẵn sàng."))
