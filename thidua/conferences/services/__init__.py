"""The write side of conferences: every state change is one of these audited services."""

from thidua.conferences.services.agenda import (
    accept_agenda,
    add_agenda_item,
    issue_programme,
    move_agenda_item,
    programme_issuer,
    remove_agenda_item,
    update_agenda_item,
)
from thidua.conferences.services.delegates import (
    add_honoree_delegate,
    add_manual_delegate,
    approve_delegate_list,
    certify_upward,
    remove_delegate,
    reopen_delegate_list,
    restore_delegate,
    update_delegate,
)
from thidua.conferences.services.invitations import (
    issue_invitation,
    issue_invitations,
    renew_badge,
    respond,
    revoke_badge,
)
from thidua.conferences.services.proposals import (
    apply_proposal,
    merit_weights,
    propose_delegates,
)
from thidua.conferences.services.setup import (
    choose_format,
    create_conference,
    decide_cap,
    propose_cap,
    update_conference,
)

__all__ = [
    "accept_agenda",
    "add_agenda_item",
    "add_honoree_delegate",
    "add_manual_delegate",
    "apply_proposal",
    "approve_delegate_list",
    "certify_upward",
    "choose_format",
    "create_conference",
    "decide_cap",
    "issue_invitation",
    "issue_invitations",
    "issue_programme",
    "merit_weights",
    "move_agenda_item",
    "programme_issuer",
    "propose_cap",
    "propose_delegates",
    "remove_agenda_item",
    "remove_delegate",
    "renew_badge",
    "reopen_delegate_list",
    "respond",
    "restore_delegate",
    "revoke_badge",
    "update_agenda_item",
    "update_conference",
    "update_delegate",
]
