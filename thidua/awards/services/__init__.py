"""Writes of the awards app: each is one atomic, audited service taking ``by=``.

Permission checks (access.require) are the caller's: the HTML views and the API both call these
same services after fetching through thidua/units/access.py.
"""

from thidua.awards.services.certificates import calibration_sheet, print_certificates
from thidua.awards.services.decisions import (
    decide,
    decide_submission,
    escalate,
    forward,
    return_submission,
    revoke_entry,
)
from thidua.awards.services.proposals import (
    add_candidate,
    attach_evidence,
    create_proposal,
    merge_proposals,
    remove_candidate,
    submit_for_review,
)
from thidua.awards.services.review import close_review, record_opinion

__all__ = [
    "add_candidate",
    "attach_evidence",
    "calibration_sheet",
    "close_review",
    "create_proposal",
    "decide",
    "decide_submission",
    "escalate",
    "forward",
    "merge_proposals",
    "print_certificates",
    "record_opinion",
    "remove_candidate",
    "return_submission",
    "revoke_entry",
    "submit_for_review",
]
