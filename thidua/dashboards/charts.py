"""The charts of a dashboard page: for each, an element id, a title and the numbers Chart.js
draws (rendered with json_script; dashboards.js reads them). The page shows the same numbers
in a table under each chart, for screen readers and for anyone who prefers to read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from thidua.dashboards import figures as f
from thidua.dashboards.exports import share_labels


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    data: dict[str, Any]

    @property
    def data_id(self) -> str:
        return f"{self.id}-data"


def conference_names() -> dict[str, str]:
    return {
        "planned": _("Đã lập trên hệ thống"),
        "held": _("Đã tổ chức"),
        "reported": _("Đã báo cáo kết quả"),
    }


def budget_names() -> dict[str, str]:
    return {"planned": _("Kinh phí dự toán"), "actual": _("Kinh phí thực chi")}


def charts_of(board: f.Dashboard) -> dict[str, Chart]:
    """Every chart of the page, by section name."""
    charts: dict[str, Chart] = {}
    if board.campaign is not None:
        title = _("Tiến độ theo nhiệm vụ")
        charts["assignments"] = Chart("chart-assignments", title, board.assignments.chart(title))
        title = _("Hội nghị theo cấp")
        charts["conferences"] = Chart(
            "chart-conferences",
            title,
            f.conference_chart(title, board.conferences, conference_names()),
        )
        title = _("Kinh phí hội nghị theo cấp (đồng)")
        charts["budget"] = Chart("chart-budget", title, board.budget.chart(title, budget_names()))
        if board.delegates.total:
            title = _("Đại biểu theo thành phần")
            charts["delegates"] = Chart(
                "chart-delegates", title, f.bar_chart(title, board.delegates.combined("category"))
            )
            title = _("Đại biểu theo giới tính")
            charts["delegates_gender"] = Chart(
                "chart-delegates-gender",
                title,
                f.bar_chart(title, board.delegates.combined("gender")),
            )
    title = _("Điển hình theo lĩnh vực")
    charts["honorees"] = Chart("chart-honorees", title, f.bar_chart(title, board.honorees.by_field))
    title = _("Điển hình theo giai đoạn")
    charts["stages"] = Chart("chart-stages", title, f.bar_chart(title, board.honorees.by_stage))
    title = _("Khen thưởng theo hình thức")
    charts["awards"] = Chart("chart-awards", title, f.bar_chart(title, board.awards.by_form))
    title = _("Tỷ lệ ưu tiên (R10), %")
    labels = share_labels()
    charts["shares"] = Chart(
        "chart-shares",
        title,
        {
            "type": "percent",
            "title": title,
            "labels": [labels[key] for key, _s in board.awards.shares()],
            "datasets": [
                {"label": title, "data": [share.percent for _k, share in board.awards.shares()]}
            ],
        },
    )
    return charts
