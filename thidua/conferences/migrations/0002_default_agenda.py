"""The default agenda template, as data.

The nine items of the seed plan (§II.3, R8) in their order, each with a duration and a
presenter, and the extras the plan lets a locality add (§II.3 and §II.4: "đại biểu thiếu nhi
chào mừng, biểu diễn văn nghệ", "giao lưu trực tiếp với các điển hình, xây dựng phóng sự, phim
tư liệu"). The durations and the session length (one session, "01 buổi", of 3 h 30) are
illustrative [U]: an organizer edits them per conference, an administrator edits the table.

A migration imports no application code: the values are literal here.
"""

import datetime as dt

from django.db import migrations

PLAN_ITEMS = [
    (
        "Tuyên bố lý do, giới thiệu đại biểu và khai mạc.",
        15,
        "Ban Tổ chức; đồng chí Chủ trì Hội nghị",
    ),
    (
        "Báo cáo tổng kết phong trào thi đua và công tác khen thưởng 5 năm qua, phương hướng, "
        "nhiệm vụ công tác thi đua, khen thưởng 5 năm tới.",
        30,
        "Lãnh đạo Ủy ban nhân dân",
    ),
    (
        "Báo cáo tham luận của các điển hình tiên tiến.",
        45,
        "Đại diện các điển hình tiên tiến",
    ),
    ("Tổ chức các hoạt động giao lưu với các điển hình tiên tiến.", 20, "Người dẫn chương trình"),
    (
        "Biểu dương, tôn vinh, khen thưởng các điển hình tiên tiến.",
        30,
        "Lãnh đạo Ủy ban nhân dân",
    ),
    ("Phát động phong trào thi đua giai đoạn {direction_period}.", 10, "Chủ tịch Ủy ban nhân dân"),
    (
        "Phát biểu hưởng ứng phát động phong trào thi đua.",
        10,
        "Đại diện các điển hình tiên tiến",
    ),
    ("Thông qua danh sách đại biểu đi dự Đại hội cấp trên.", 10, "Đồng chí Chủ trì Hội nghị"),
    ("Tổng kết và bế mạc.", 10, "Đồng chí Chủ trì Hội nghị"),
]

EXTRAS = [
    ("Chương trình văn nghệ chào mừng.", 15, "Đội văn nghệ"),
    ("Đại biểu thiếu nhi chào mừng Hội nghị.", 5, "Đại biểu thiếu nhi"),
    ("Trình chiếu phóng sự, phim tư liệu về các điển hình tiên tiến.", 10, "Ban Tổ chức"),
    ("Giao lưu trực tiếp với các điển hình tiên tiến.", 20, "Người dẫn chương trình"),
]


def add_default(apps, schema_editor):
    template_model = apps.get_model("conferences", "AgendaTemplate")
    item_model = apps.get_model("conferences", "AgendaTemplateItem")
    if template_model.objects.filter(code="default").exists():
        return
    template = template_model.objects.create(
        code="default",
        name="Chương trình Hội nghị điển hình tiên tiến (mặc định)",
        session_minutes=210,
        morning_start=dt.time(7, 30),
        afternoon_start=dt.time(13, 30),
        default_item_minutes=10,
        legal_basis="Kế hoạch, mục II.3 (chương trình hội nghị)",
    )
    order = 0
    for position, (title, minutes, presenter) in enumerate(PLAN_ITEMS, start=1):
        order += 1
        item_model.objects.create(
            template=template,
            order=order,
            kind="plan",
            position=position,
            title=title,
            duration_minutes=minutes,
            presenter=presenter,
        )
    for title, minutes, presenter in EXTRAS:
        order += 1
        item_model.objects.create(
            template=template,
            order=order,
            kind="extra",
            position=None,
            title=title,
            duration_minutes=minutes,
            presenter=presenter,
        )


def remove_default(apps, schema_editor):
    apps.get_model("conferences", "AgendaTemplate").objects.filter(code="default").delete()


class Migration(migrations.Migration):
    dependencies = [("conferences", "0001_initial")]

    operations = [migrations.RunPython(add_default, remove_default)]
