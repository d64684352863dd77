"""Services of the elections app: one audited function per state change."""

from thidua.elections.services.allocation import allocate, source_weights, sub_units
from thidua.elections.services.certify import certify, correct, elected_delegates
from thidua.elections.services.nomination import nominate, nominate_honoree, withdraw
from thidua.elections.services.polls import (
    close_poll,
    create_poll,
    open_poll,
    record_box,
    record_hands,
    reissue_token,
    start_runoff,
    unused_electors,
)
from thidua.elections.services.rules import restore_default_rules, set_campaign_rules
from thidua.elections.services.voting import cast_ballot, receipt_status

__all__ = [
    "allocate",
    "cast_ballot",
    "certify",
    "close_poll",
    "correct",
    "create_poll",
    "elected_delegates",
    "nominate",
    "nominate_honoree",
    "open_poll",
    "receipt_status",
    "record_box",
    "record_hands",
    "reissue_token",
    "restore_default_rules",
    "set_campaign_rules",
    "source_weights",
    "start_runoff",
    "sub_units",
    "unused_electors",
    "withdraw",
]
