"""The write side of campaigns: every state change is one of these audited services."""

from thidua.campaigns.services.editing import (
    add_composition_rule,
    refresh_deadlines,
    remove_composition_rule,
    update_campaign,
    update_composition_rule,
    update_level_rule,
    update_task,
)
from thidua.campaigns.services.feedback import close_feedback, raise_feedback, reply_feedback
from thidua.campaigns.services.issuing import acting_rule, issue_campaign
from thidua.campaigns.services.presets import campaign_payload, create_campaign, derive_campaign
from thidua.campaigns.services.reminders import send_due_reminders
from thidua.campaigns.services.submissions import (
    accept_submission,
    record_conference,
    return_submission,
    submit_for_kind,
    submit_plan,
    submit_results,
)

__all__ = [
    "accept_submission",
    "acting_rule",
    "add_composition_rule",
    "campaign_payload",
    "close_feedback",
    "create_campaign",
    "derive_campaign",
    "issue_campaign",
    "raise_feedback",
    "record_conference",
    "refresh_deadlines",
    "remove_composition_rule",
    "reply_feedback",
    "return_submission",
    "send_due_reminders",
    "submit_for_kind",
    "submit_plan",
    "submit_results",
    "update_campaign",
    "update_composition_rule",
    "update_level_rule",
    "update_task",
]
