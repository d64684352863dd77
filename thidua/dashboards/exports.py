"""A dashboard as an Excel workbook: one sheet per figure group, the same numbers as the page.

Every text cell goes through thidua.core.cells.escape_row: a unit or honoree-made label starting
with = + - @ (or a tab / line break) is written as text, never run as a formula.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from thidua.core.cells import escape_row
from thidua.dashboards.figures import Dashboard

BOLD = Font(bold=True)


class _Sheet:
    def __init__(self, workbook: Workbook, title: str) -> None:
        self.sheet = workbook.create_sheet(title[:31])

    def row(self, values: Iterable[object] = ()) -> None:
        self.sheet.append(escape_row(list(values)))

    def header(self, values: Sequence[object]) -> None:
        self.row(values)
        for cell in self.sheet[self.sheet.max_row]:
            cell.font = BOLD


def dashboard_xlsx(board: Dashboard, *, unit_name: str) -> bytes:
    """The workbook of one dashboard (its campaign, its subtree)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    _summary(workbook, board, unit_name)
    _assignments(workbook, board)
    _conferences(workbook, board)
    _delegates(workbook, board)
    _honorees(workbook, board)
    _awards(workbook, board)
    _budget(workbook, board)
    _children(workbook, board)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _summary(workbook: Workbook, board: Dashboard, unit_name: str) -> None:
    sheet = _Sheet(workbook, _("Tổng quan"))
    sheet.header([_("Tổng quan số liệu"), unit_name])
    sheet.row([_("Kế hoạch"), board.campaign.name if board.campaign else _("(chưa chọn)")])
    sheet.row([_("Số liệu lúc"), timezone.localtime(board.now).strftime("%d/%m/%Y %H:%M")])
    sheet.row()
    sheet.header([_("Chỉ tiêu"), _("Số lượng")])
    held = sum(row.held for row in board.conferences)
    for label, value in (
        (_("Đơn vị thực hiện"), board.assignments.unit_total),
        (_("Đơn vị trễ hạn"), board.assignments.late_units),
        (_("Hội nghị đã tổ chức"), held),
        (_("Đại biểu trong danh sách"), board.delegates.total),
        (_("Điển hình tiên tiến"), board.honorees.total),
        (_("Danh hiệu, khen thưởng"), board.awards.total),
        (_("Kinh phí dự toán (đồng)"), board.budget.planned),
        (_("Kinh phí thực chi (đồng)"), board.budget.actual),
    ):
        sheet.row([label, value])


def _assignments(workbook: Workbook, board: Dashboard) -> None:
    figures = board.assignments
    sheet = _Sheet(workbook, _("Tiến độ"))
    sheet.header([_("Nhiệm vụ"), *[label for _s, label in figures.statuses], _("Cộng")])
    for label, numbers, total in figures.table():
        sheet.row([label, *numbers, total])
    sheet.row()
    sheet.header([_("Đơn vị trễ hạn"), _("Nhiệm vụ trễ hạn")])
    for late in figures.late_sample:
        sheet.row([late.name, ", ".join(late.kinds)])
    if figures.late_units > len(figures.late_sample):
        sheet.row([_("Tổng số đơn vị trễ hạn"), figures.late_units])


def _conferences(workbook: Workbook, board: Dashboard) -> None:
    sheet = _Sheet(workbook, _("Hội nghị"))
    sheet.header(
        [
            _("Cấp"),
            _("Phải tổ chức"),
            _("Đã lập trên hệ thống"),
            _("Đã tổ chức"),
            _("Đã báo cáo kết quả"),
            _("Đã duyệt danh sách"),
            _("Duyệt khi chưa đạt cơ cấu"),
        ]
    )
    for row in board.conferences:
        sheet.row(
            [
                row.label,
                row.due,
                row.planned,
                row.held,
                row.reported,
                row.approved,
                row.approved_with_failures,
            ]
        )


def _delegates(workbook: Workbook, board: Dashboard) -> None:
    sheet = _Sheet(workbook, _("Đại biểu"))
    for level in board.delegates.levels:
        sheet.header([level.label, _("Tổng số đại biểu"), level.total])
        for feature, label in board.delegates.features:
            sheet.header([label, _("Số đại biểu")])
            for tally in level.by_feature.get(feature, []):
                sheet.row([tally.label, tally.count])
        if level.checks:
            sheet.header([_("Quy định cơ cấu"), _("Yêu cầu"), _("Thực tế"), _("Kết quả")])
            for check in level.checks:
                sheet.row([check.label, check.required, check.actual, _verdict(check.passed)])
        sheet.row()


def _verdict(passed: bool | None) -> str:
    if passed is None:
        return _("Xét từng hội nghị")
    return _("Đạt") if passed else _("Chưa đạt")


def _honorees(workbook: Workbook, board: Dashboard) -> None:
    figures = board.honorees
    sheet = _Sheet(workbook, _("Điển hình"))
    sheet.header([_("Điển hình tiên tiến"), figures.total])
    sheet.row([_("Cá nhân"), figures.individuals])
    sheet.row([_("Tập thể"), figures.collectives])
    sheet.row()
    sheet.header([_("Lĩnh vực"), _("Số điển hình")])
    for tally in figures.by_field:
        sheet.row([tally.label, tally.count])
    sheet.row()
    sheet.header([_("Giai đoạn"), _("Số điển hình")])
    for tally in figures.by_stage:
        sheet.row([tally.label, tally.count])


def share_labels() -> dict[str, str]:
    return {
        "direct_workers": _("Người trực tiếp lao động, sản xuất"),
        "workers_farmers": _("Công nhân, nông dân"),
        "women": _("Nữ"),
        "small_collectives": _("Tập thể nhỏ"),
    }


def _awards(workbook: Workbook, board: Dashboard) -> None:
    figures = board.awards
    sheet = _Sheet(workbook, _("Khen thưởng"))
    if figures.years:
        sheet.row([_("Giai đoạn"), f"{figures.years[0]}-{figures.years[1]}"])
    sheet.header([_("Danh hiệu, khen thưởng"), figures.total])
    sheet.row([_("Cá nhân"), figures.individuals])
    sheet.row([_("Tập thể"), figures.collectives])
    sheet.row()
    sheet.header([_("Tỷ lệ"), _("Số lượng"), _("Trên tổng số"), _("Tỷ lệ (%)")])
    labels = share_labels()
    for key, share in figures.shares():
        sheet.row([labels[key], share.count, share.total, share.percent])
    sheet.row()
    sheet.header([_("Hình thức"), _("Số lượng")])
    for tally in figures.by_form:
        sheet.row([tally.label, tally.count])
    sheet.row()
    sheet.header([_("Cấp quyết định"), _("Số lượng")])
    for tally in figures.by_level:
        sheet.row([tally.label, tally.count])


def _budget(workbook: Workbook, board: Dashboard) -> None:
    figures = board.budget
    sheet = _Sheet(workbook, _("Kinh phí"))
    sheet.header(
        [
            _("Cấp"),
            _("Số báo cáo kết quả"),
            _("Kinh phí dự toán (đồng)"),
            _("Kinh phí thực chi (đồng)"),
            _("Chênh lệch (đồng)"),
        ]
    )
    for row in figures.levels:
        sheet.row([row.label, row.reports, row.planned, row.actual, row.variance])
    sheet.header([_("Cộng"), figures.reports, figures.planned, figures.actual, figures.variance])


def _children(workbook: Workbook, board: Dashboard) -> None:
    sheet = _Sheet(workbook, _("Đơn vị trực thuộc"))
    sheet.header(
        [
            _("Đơn vị"),
            _("Đơn vị thực hiện"),
            _("Đơn vị trễ hạn"),
            _("Hội nghị đã lập"),
            _("Hội nghị đã tổ chức"),
            _("Điển hình"),
            _("Khen thưởng"),
            _("Kinh phí dự toán (đồng)"),
            _("Kinh phí thực chi (đồng)"),
        ]
    )
    rows = [*([board.own_row] if board.own_row else []), *board.children]
    for row in rows:
        sheet.row(
            [
                row.name,
                row.units_assigned,
                row.late_units,
                row.conferences_planned,
                row.conferences_held,
                row.honorees,
                row.awards,
                row.budget_planned,
                row.budget_actual,
            ]
        )
