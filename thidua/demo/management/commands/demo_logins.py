from typing import Any

from django.core.management.base import BaseCommand

from thidua.demo.loader import demo_login_rows


class Command(BaseCommand):
    help = "In bảng tài khoản mẫu (tên đăng nhập, mật khẩu, vai trò, đơn vị)."

    def handle(self, *args: Any, **options: Any) -> None:
        rows = demo_login_rows()
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        self.stdout.write("Tài khoản mẫu / demo logins:")
        for row in rows:
            self.stdout.write(
                "  " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
            )
