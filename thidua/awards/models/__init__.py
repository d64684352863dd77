"""Models of the awards app, split by subdomain."""

from thidua.awards.models.authority import AuthorityRule, CriterionRule, Office
from thidua.awards.models.catalogue import AwardForm, AwardFormQuerySet
from thidua.awards.models.certificates import BlankField, BlankLayout
from thidua.awards.models.decisions import Decision, DecisionEntry, Revocation, Submission
from thidua.awards.models.proposals import CouncilOpinion, Evidence, Proposal, ProposalItem

__all__ = [
    "AuthorityRule",
    "AwardForm",
    "AwardFormQuerySet",
    "BlankField",
    "BlankLayout",
    "CouncilOpinion",
    "CriterionRule",
    "Decision",
    "DecisionEntry",
    "Evidence",
    "Office",
    "Proposal",
    "ProposalItem",
    "Revocation",
    "Submission",
]
