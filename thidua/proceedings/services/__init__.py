"""The write side of the proceedings: every state change is one of these audited services."""

from thidua.proceedings.services.budget import (
    add_bonus_line,
    add_budget_line,
    record_actual,
    remove_budget_line,
)
from thidua.proceedings.services.program import (
    add_presentation,
    add_side_activity,
    remove_presentation,
    remove_side_activity,
)
from thidua.proceedings.services.report import (
    issue_summary_report,
    record_conference_held,
    save_report_section,
    submit_conference_results,
    summary_issuer,
)

__all__ = [
    "add_bonus_line",
    "add_budget_line",
    "add_presentation",
    "add_side_activity",
    "issue_summary_report",
    "record_actual",
    "record_conference_held",
    "remove_budget_line",
    "remove_presentation",
    "remove_side_activity",
    "save_report_section",
    "submit_conference_results",
    "summary_issuer",
]
