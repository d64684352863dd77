"""The authorization matrix (issue 11): every URL of the project and every operation of the API
schema, tried as each persona on commune A's objects (thidua/core/tests/authz_world.py).

The expected answer of every cell is in TABLE below, one line per URL name (pages) or per
operation (API: METHOD and the schema's path without /api/v1). A URL name or an operation
missing from the table fails the test with the lines to add; a cell that differs fails it with
the line as observed. Codes: see authz_harness.py (2, 3, L, V, U, F, N, M, C).

Columns: anon, and in commune A: viewer, front (Mặt trận), propaganda (tuyên truyền),
organizer, council (hội đồng), leader; then B's organizer, the district's organizer, the
system administrator.

Pages are requested with GET; POST-only views and the API's unsafe methods are sent an empty
body. Besides the table, every cell checks: no server error; a refusal (L U F N M V) writes
nothing to the audit log; commune B and anonymous visitors never receive A's private honoree's
name or national ID number; the national ID number in full reaches only A's organizer, the
district's organizer and the administrator.
"""

from __future__ import annotations

import pytest
from django.test import Client

from thidua.core.tests import authz_harness as harness
from thidua.core.tests.authz_world import (
    PERSONAS,
    PRIVATE_NAME,
    PRIVATE_NATIONAL_ID,
    build,
)

pytestmark = pytest.mark.django_db

# fmt: off
TABLE = """
# method key                                  an vi fr pr or co le oB oD ad
# pages: accounts
GET    accounts:login                           2 3 3 3 3 3 3 3 3 3
POST   accounts:logout                          L L L L L L L L L L
POST   accounts:switch-unit                     L 3 3 3 3 3 3 3 3 3
# pages: admin
GET    admin:*_add                              L L L L L L L L L 2
# (models without an add page: nothing is created through the admin)
GET    admin:accounts_apitoken_add              L L L L L L L L L F
GET    admin:campaigns_assignment_add           L L L L L L L L L F
GET    admin:campaigns_campaign_add             L L L L L L L L L F
GET    admin:campaigns_submission_add           L L L L L L L L L F
GET    admin:conferences_conference_add         L L L L L L L L L F
GET    admin:conferences_delegate_add           L L L L L L L L L F
GET    admin:conferences_delegateproposal_add   L L L L L L L L L F
GET    admin:conferences_checkin_add            L L L L L L L L L F
GET    admin:core_auditentry_add                L L L L L L L L L F
GET    admin:django_tasks_database_dbtaskresult_add L L L L L L L L L F
GET    admin:documents_documentbatch_add        L L L L L L L L L F
GET    admin:documents_generateddocument_add    L L L L L L L L L F
GET    admin:documents_numberseries_add         L L L L L L L L L F
GET    admin:elections_allocation_add           L L L L L L L L L F
GET    admin:elections_certification_add        L L L L L L L L L F
GET    admin:elections_poll_add                 L L L L L L L L L F
GET    admin:notifications_notification_add     L L L L L L L L L F
GET    admin:units_unit_add                     L L L L L L L L L F
GET    admin:*_changelist                       L L L L L L L L L 2
GET    admin:autocomplete                       L L L L L L L L L F
GET    admin:index                              L L L L L L L L L 2
GET    admin:jsi18n                             L L L L L L L L L 2
GET    admin:login                              2 2 2 2 2 2 2 2 2 3
GET    admin:logout                             3 3 3 3 3 3 3 3 3 M
GET    admin:password_change                    L L L L L L L L L 2
GET    admin:password_change_done               L L L L L L L L L 2
# pages: api
GET    api:docs                                 2 2 2 2 2 2 2 2 2 2
GET    api:schema                               2 2 2 2 2 2 2 2 2 2
# pages: awards
GET    awards:authority                         L 2 2 2 2 2 2 2 2 2
GET    awards:blank-calibration                 L F F F 2 F 2 N 2 2
POST   awards:candidate-add                     L F 3 F 3 F F N 3 3
POST   awards:candidate-remove                  L F 3 F 3 F F N 3 3
GET    awards:decision-detail                   L 2 2 2 2 2 2 N 2 2
GET    awards:decision-list                     L 2 2 2 2 2 2 N 2 2
POST   awards:decision-print                    L F F F N F N N N N
POST   awards:entry-revoke                      L F F F F F 3 N F 3
POST   awards:evidence-add                      L F 3 F 3 F F N 3 3
GET    awards:evidence-download                 L 2 2 2 2 2 2 N 2 2
GET    awards:index                             L 3 3 3 3 3 3 3 3 3
POST   awards:opinion-record                    L F F F F 3 F N F 3
GET    awards:proposal-create                   L F 2 F 2 F F N 2 2
POST   awards:proposal-decide                   L F F F F F 3 N F 3
GET    awards:proposal-detail                   L 2 2 2 2 2 2 N 2 2
POST   awards:proposal-escalate                 L F F F 3 F 3 N 3 3
POST   awards:proposal-merge                    L F F F 3 F F N 3 3
POST   awards:proposal-submit                   L F F F 3 F F N 3 3
GET    awards:register                          L 2 2 2 2 2 2 2 2 2
GET    awards:register-export                   L F F F 2 2 2 2 2 2
POST   awards:review-close                      L F F F F 3 F N F 3
POST   awards:submission-decide                 L N N N N N N N F 3
GET    awards:submission-detail                 L 2 2 2 2 2 2 N 2 2
POST   awards:submission-forward                L N N N N N N N F 3
POST   awards:submission-return                 L N N N N N N N F 3
GET    awards:unit-awards                       L 2 2 2 2 2 2 N 2 2
# pages: campaigns
POST   campaigns:assignment-derive              L F F F 3 F F N 3 3
GET    campaigns:assignment-detail              L 2 2 2 2 2 2 N 2 2
GET    campaigns:assignment-list                L 2 2 2 2 2 2 2 2 2
POST   campaigns:assignment-submit              L F F F V F F N V V
GET    campaigns:board                          L N N N N N N N 2 2
GET    campaigns:board-export                   L N N N N N N N 2 2
GET    campaigns:campaign-create                L N N N 2 N N 2 2 2
GET    campaigns:campaign-detail                L 2 2 2 2 2 2 2 2 2
GET    campaigns:campaign-edit                  L N N N N N N N 2 2
POST   campaigns:campaign-issue                 L N N N N N N N 3 3
GET    campaigns:campaign-list                  L 2 2 2 2 2 2 2 2 2
GET    campaigns:campaign-narrative             L N N N N N N N 2 2
GET    campaigns:campaign-plan                  L 2 2 2 2 2 2 2 2 2
GET    campaigns:composition-rule-add           L N N N N N N N 2 2
POST   campaigns:composition-rule-delete        L N N N N N N N 3 3
GET    campaigns:composition-rule-edit          L N N N N N N N 2 2
POST   campaigns:feedback-close                 L N N N N N N N 3 3
GET    campaigns:feedback-create                L N N N 2 N 2 2 2 2
GET    campaigns:feedback-detail                L 2 2 2 2 2 2 N 2 2
GET    campaigns:feedback-list                  L 2 2 2 2 2 2 2 2 2
GET    campaigns:level-rule-edit                L N N N N N N N 2 2
GET    campaigns:plan-download                  L 2 2 2 2 2 2 2 2 2
GET    campaigns:plan-draft                     L N N N N N N N 2 2
POST   campaigns:plan-issue                     L N N N N N N N 3 3
POST   campaigns:plan-reissue                   L N N N N N N N 3 3
POST   campaigns:submission-accept              L N N N N N N N 3 3
GET    campaigns:submission-download            L 2 2 2 2 2 2 N 2 2
POST   campaigns:submission-return              L N N N N N N N 3 3
GET    campaigns:task-edit                      L N N N N N N N 2 2
# pages: conferences
GET    conferences:agenda                       L 2 2 2 2 2 2 N 2 2
POST   conferences:agenda-accept                L F F F 3 F F N 3 3
POST   conferences:agenda-item-delete           L F F F 3 F F N 3 3
POST   conferences:agenda-item-edit             L F F F 3 F F N 3 3
POST   conferences:agenda-item-move             L F F F 3 F F N 3 3
GET    conferences:attendance                   L 2 2 2 2 2 2 N 2 2
GET    conferences:backdrop-pdf                 L 2 2 2 2 2 2 N 2 2
POST   conferences:badge-renew                  L F F F 3 F F N 3 3
POST   conferences:badge-revoke                 L F F F 3 F F N 3 3
GET    conferences:badges-pdf                   L F F F 3 F F N 3 3
POST   conferences:cap-decide                   L F F F V F F N V V
POST   conferences:cap-propose                  L F F F V V F N V V
GET    conferences:checkin                      L F 2 F 2 F F N 2 2
POST   conferences:checkin-scan                 L F V F V F F N V V
GET    conferences:checkin-search               L F 2 F 2 F F N 2 2
POST   conferences:checkin-walk-in              L F V F V F F N V V
GET    conferences:conference-create            L F F F 2 F F N 2 2
GET    conferences:conference-detail            L 2 2 2 2 2 2 N 2 2
POST   conferences:conference-edit              L F F F V F F N V V
GET    conferences:conference-list              L 2 2 2 2 2 2 2 2 2
POST   conferences:delegate-add                 L F F F N F F N N N
POST   conferences:delegate-manual              L F F F V F F N V V
POST   conferences:delegate-remove              L F F F 3 F F N 3 3
POST   conferences:delegate-restore             L F F F 3 F F N 3 3
GET    conferences:delegates                    L 2 2 2 2 2 2 N 2 2
GET    conferences:delegates-workspace          L 2 2 2 2 2 2 N 2 2
POST   conferences:format-choose                L F F F V F F N V V
POST   conferences:invitation-issue             L F F F 3 F F N 3 3
GET    conferences:invitations                  L 2 2 2 2 2 2 N 2 2
POST   conferences:invitations-issue            L F F F 3 F F N 3 3
POST   conferences:list-approve                 L F F F V F V N V V
POST   conferences:list-reopen                  L F F F V F V N V V
POST   conferences:programme-issue              L F F F 3 F F N 3 3
GET    conferences:programme-preview            L 2 2 2 2 2 2 N 2 2
GET    conferences:projector                    L 2 2 2 2 2 2 N 2 2
POST   conferences:projector-advance            L F F F 3 F 3 N 3 3
GET    conferences:projector-remote             L 2 2 2 2 2 2 N 2 2
GET    conferences:projector-state              L 2 2 2 2 2 2 N 2 2
POST   conferences:proposal-apply               L F F F 3 F F N 3 3
GET    conferences:proposal-create              L 2 2 2 2 2 2 N 2 2
GET    conferences:proposal-detail              L 2 2 2 2 2 2 N 2 2
GET    conferences:rsvp                         2 2 2 2 2 2 2 2 2 2
POST   conferences:rsvp                         3 3 3 3 3 3 3 3 3 3
# pages: core
GET    core:home                                L 2 2 2 2 2 2 2 2 2
# pages: dashboards
GET    dashboards:country                       L N N N N N N N N 2
GET    dashboards:country-export                L N N N N N N N N 2
GET    dashboards:home                          L 3 3 3 3 3 3 3 3 3
GET    dashboards:unit                          L 2 2 2 2 2 2 N 2 2
GET    dashboards:unit-export                   L 2 2 2 2 2 2 N 2 2
# pages: documents
GET    documents:batch-detail                   L 2 2 2 2 2 2 N 2 2
GET    documents:batch-download                 L 2 2 2 2 2 2 N 2 2
GET    documents:batch-progress                 L 2 2 2 2 2 2 N 2 2
POST   documents:batch-retry                    L F F F 3 3 3 N 3 3
GET    documents:document-detail                L 2 2 2 2 2 2 N 2 2
GET    documents:document-download              L 2 2 2 2 2 2 N 2 2
POST   documents:document-reissue               L F F F 3 3 3 N 3 3
GET    documents:index                          L 3 3 3 3 3 3 3 3 3
GET    documents:unit-documents                 L 2 2 2 2 2 2 N 2 2
# pages: elections
GET    elections:allocation                     L 2 2 2 2 2 2 N 2 2
POST   elections:allocation                     L F F F 2 F F N 2 2
GET    elections:conference                     L 2 2 2 2 2 2 N 2 2
GET    elections:index                          L 2 2 2 2 2 2 2 2 2
POST   elections:nominate                       L F F F 3 F F N 3 3
POST   elections:nominate-honoree               L F F F 3 F F N 3 3
GET    elections:poll                           L 2 2 2 2 2 2 N 2 2
GET    elections:poll-ballots                   L F F F 3 F F N 3 3
POST   elections:poll-box                       L F F F 3 3 F N 3 3
POST   elections:poll-certify                   L F F F F F 3 N F 3
POST   elections:poll-close                     L F F F 3 F F N 3 3
POST   elections:poll-correct                   L F F F F F 3 N F 3
POST   elections:poll-create                    L F F F 3 F F N 3 3
POST   elections:poll-hands                     L F F F 3 3 F N 3 3
POST   elections:poll-open                      L F F F 3 F F N 3 3
POST   elections:poll-reissue                   L F F F 3 F F N 3 3
POST   elections:poll-runoff                    L F F F 3 F F N 3 3
GET    elections:receipt                        2 2 2 2 2 2 2 2 2 2
POST   elections:rules-edit                     L N N N N N N N 3 3
GET    elections:vote                           2 2 2 2 2 2 2 2 2 2
POST   elections:vote                           2 2 2 2 2 2 2 2 2 2
POST   elections:withdraw                       L F F F 3 F F N 3 3
# pages: honorees
POST   honorees:anonymise                       L F F F 3 F F N 3 3
POST   honorees:achievement-add                 L F 3 F 3 3 F N 3 3
POST   honorees:consent-set                     L F 3 F 3 3 F N 3 3
GET    honorees:export                          L F 2 2 2 2 2 2 2 2
GET    honorees:honoree-create                  L N 2 N 2 2 N 2 2 2
GET    honorees:honoree-detail                  L 2 2 2 2 2 2 N 2 2
GET    honorees:honoree-edit                    L F 2 F 2 2 F N 2 2
GET    honorees:honoree-list                    L 2 2 2 2 2 2 2 2 2
GET    honorees:import                          L F 2 F 2 F F 2 2 2
GET    honorees:import-template                 L 2 2 2 2 2 2 2 2 2
POST   honorees:initiative-add                  L F 3 F 3 3 F N 3 3
GET    honorees:movement-list                   L 2 2 2 2 2 2 2 2 2
POST   honorees:movements-set                   L F 3 F 3 3 F N 3 3
POST   honorees:photo-add                       L F 3 F 3 3 F N 3 3
GET    honorees:personal-export                 L F F F 2 F F N 2 2
GET    honorees:photo-file                      L 2 2 2 2 2 2 N 2 2
GET    honorees:public-photo                    2 2 2 2 2 2 2 2 2 2
POST   honorees:recognition-add                 L F 3 F 3 3 F N 3 3
GET    honorees:roll-index                      2 2 2 2 2 2 2 2 2 2
GET    honorees:roll-movement                   2 2 2 2 2 2 2 2 2 2
GET    honorees:roll-unit                       2 2 2 2 2 2 2 2 2 2
POST   honorees:stage-move                      L F 3 F 3 3 F N 3 3
GET    honorees:story                           2 2 2 2 2 2 2 2 2 2
POST   honorees:story-publish                   L F F 3 F F F N F 3
POST   honorees:story-save                      L F 3 3 3 F F N 3 3
POST   honorees:video-add                       L F 3 F 3 3 F N 3 3
# pages: notifications
GET    notifications:notification-badge         L 2 2 2 2 2 2 2 2 2
GET    notifications:notification-list          L 2 2 2 2 2 2 2 2 2
POST   notifications:notification-open          L N N N 3 N N N N N
POST   notifications:notification-read-all      L 3 3 3 3 3 3 3 3 3
# pages: proceedings
GET    proceedings:activities                   L 2 2 2 2 2 2 N 2 2
POST   proceedings:activities                   L F F F V F F N V V
POST   proceedings:activity-delete              L F F F 3 F F N 3 3
POST   proceedings:actual-record                L F F F 3 F F N 3 3
GET    proceedings:attachment                   L 2 2 2 2 2 2 N 2 2
POST   proceedings:bonus-add                    L F F F V F F N V V
GET    proceedings:budget                       L 2 2 2 2 2 2 N 2 2
POST   proceedings:budget                       L F F F V F F N V V
GET    proceedings:estimate-pdf                 L 2 2 2 2 2 2 N 2 2
POST   proceedings:held-record                  L F F F 3 F F N 3 3
POST   proceedings:line-delete                  L F F F 3 F F N 3 3
POST   proceedings:presentation-delete          L F F F 3 F F N 3 3
GET    proceedings:presentations                L 2 2 2 2 2 2 N 2 2
POST   proceedings:presentations                L F F F V F F N V V
GET    proceedings:report                       L 2 2 2 2 2 2 N 2 2
POST   proceedings:report-issue                 L F F F 3 F 3 N 3 3
GET    proceedings:report-preview               L 2 2 2 2 2 2 N 2 2
GET    proceedings:results                      L 2 2 2 2 2 2 N 2 2
POST   proceedings:results                      L F F F V F F N V V
POST   proceedings:section-save                 L F F F 3 F 3 N 3 3
# pages: set_language
GET    set_language                             3 3 3 3 3 3 3 3 3 3
# pages: units
GET    units:unit-audit                         L F F F 2 2 2 N 2 2
GET    units:unit-children                      L 2 2 2 2 2 2 N 2 2
GET    units:unit-detail                        L 2 2 2 2 2 2 N 2 2
GET    units:unit-list                          L 2 2 2 2 2 2 2 2 2
# API /api/v1/agenda-items
DELETE /agenda-items/{id}/                      U F F F V F F N V V
PATCH  /agenda-items/{id}/                      U F F F 2 F F N 2 2
POST   /agenda-items/{id}/move/                 U F F F V F F N V V
# API /api/v1/assignments
GET    /assignments/                            U 2 2 2 2 2 2 2 2 2
GET    /assignments/{id}/                       U 2 2 2 2 2 2 N 2 2
GET    /assignments/{id}/submissions/           U 2 2 2 2 2 2 N 2 2
POST   /assignments/{id}/submissions/           U F F F C F F N C C
# API /api/v1/auth
POST   /auth/token/                             V V V V V V V V V V
# API /api/v1/awards
GET    /awards/authority/                       U 2 2 2 2 2 2 2 2 2
GET    /awards/decisions/                       U 2 2 2 2 2 2 2 2 2
GET    /awards/decisions/{id}/                  U 2 2 2 2 2 2 N 2 2
POST   /awards/decisions/{id}/print/            U F F F V F V N V V
POST   /awards/entries/{id}/revoke/             U F F F F F V N F V
GET    /awards/forms/                           U 2 2 2 2 2 2 2 2 2
GET    /awards/proposals/                       U 2 2 2 2 2 2 2 2 2
POST   /awards/proposals/                       U V V V V V V V V V
GET    /awards/proposals/{id}/                  U 2 2 2 2 2 2 N 2 2
POST   /awards/proposals/{id}/candidates/       U F V F V F F N V V
POST   /awards/proposals/{id}/decide/           U F F F F F C N F C
POST   /awards/proposals/{id}/escalate/         U F F F C F C N C C
POST   /awards/proposals/{id}/opinions/         U F F F F V F N F V
POST   /awards/proposals/{id}/review/           U F F F F V F N F V
POST   /awards/proposals/{id}/submit/           U F F F 2 F F N 2 2
GET    /awards/register/                        U 2 2 2 2 2 2 2 2 2
GET    /awards/statistics/                      U 2 2 2 2 2 2 N 2 2
GET    /awards/submissions/                     U 2 2 2 2 2 2 2 2 2
GET    /awards/submissions/{id}/                U 2 2 2 2 2 2 N 2 2
POST   /awards/submissions/{id}/{action}/       U N N N N N N N F V
# API /api/v1/budget-lines
PATCH  /budget-lines/{id}/                      U F F F V F F N V V
# API /api/v1/campaigns
GET    /campaigns/                              U 2 2 2 2 2 2 2 2 2
POST   /campaigns/                              U V V V V V V V V V
GET    /campaigns/{id}/                         U 2 2 2 2 2 2 2 2 2
PATCH  /campaigns/{id}/                         U N N N N N N N 2 2
GET    /campaigns/{id}/board/                   U N N N N N N N 2 2
POST   /campaigns/{id}/issue/                   U N N N N N N N C C
GET    /campaigns/{id}/plan/                    U 2 2 2 2 2 2 2 2 2
GET    /campaigns/{id}/plan/documents/          U 2 2 2 2 2 2 2 2 2
POST   /campaigns/{id}/plan/issue/              U N N N N N N N C C
POST   /campaigns/{id}/plan/reissue/            U N N N N N N N 2 2
# API /api/v1/conferences
GET    /conferences/                            U 2 2 2 2 2 2 2 2 2
POST   /conferences/                            U V V V V V V V V V
GET    /conferences/{id}/                       U 2 2 2 2 2 2 N 2 2
PATCH  /conferences/{id}/                       U F F F 2 F F N 2 2
GET    /conferences/{id}/agenda/                U 2 2 2 2 2 2 N 2 2
POST   /conferences/{id}/agenda/                U F F F V F F N V V
POST   /conferences/{id}/agenda/accept/         U F F F 2 F F N 2 2
POST   /conferences/{id}/approve/               U F F F V F V N V V
GET    /conferences/{id}/budget/                U 2 2 2 2 2 2 N 2 2
POST   /conferences/{id}/budget/                U F F F V F F N V V
POST   /conferences/{id}/budget/bonuses/        U F F F V F F N V V
POST   /conferences/{id}/cap-proposal/          U F F F V V F N V V
POST   /conferences/{id}/cap/                   U F F F V F F N V V
GET    /conferences/{id}/check/                 U 2 2 2 2 2 2 N 2 2
GET    /conferences/{id}/delegates/             U 2 2 2 2 2 2 N 2 2
POST   /conferences/{id}/delegates/             U F F F V F F N V V
POST   /conferences/{id}/format/                U F F F V F F N V V
GET    /conferences/{id}/presentations/         U 2 2 2 2 2 2 N 2 2
POST   /conferences/{id}/presentations/         U F F F V F F N V V
GET    /conferences/{id}/proposals/             U 2 2 2 2 2 2 N 2 2
POST   /conferences/{id}/proposals/             U F F F V F F N V V
POST   /conferences/{id}/reopen/                U F F F V F V N V V
GET    /conferences/{id}/side-activities/       U 2 2 2 2 2 2 N 2 2
POST   /conferences/{id}/side-activities/       U F F F V F F N V V
# API /api/v1/delegates
DELETE /delegates/{id}/                         U F F F 2 F F N 2 2
GET    /delegates/{id}/                         U 2 2 2 2 2 2 N 2 2
PATCH  /delegates/{id}/                         U F F F 2 F F N 2 2
POST   /delegates/{id}/restore/                 U F F F C F F N C C
# API /api/v1/document-batches
GET    /document-batches/{id}/                  U 2 2 2 2 2 2 N 2 2
# API /api/v1/documents
GET    /documents/                              U 2 2 2 2 2 2 2 2 2
GET    /documents/{id}/                         U 2 2 2 2 2 2 N 2 2
# API /api/v1/elections
GET    /elections/allocations/                  U 2 2 2 2 2 2 2 2 2
GET    /elections/polls/                        U 2 2 2 2 2 2 2 2 2
GET    /elections/polls/{id}/                   U 2 2 2 2 2 2 N 2 2
# API /api/v1/feedback
GET    /feedback/                               U 2 2 2 2 2 2 2 2 2
POST   /feedback/                               U V V V V V V V V V
GET    /feedback/{id}/                          U 2 2 2 2 2 2 N 2 2
POST   /feedback/{id}/close/                    U N N N N N N N 2 2
POST   /feedback/{id}/messages/                 U F F F V F V N V V
# API /api/v1/honorees
GET    /honorees/                               U 2 2 2 2 2 2 2 2 2
POST   /honorees/                               U V V V V V V V V V
GET    /honorees/{id}/                          U 2 2 2 2 2 2 N 2 2
PATCH  /honorees/{id}/                          U F 2 F 2 2 F N 2 2
# API /api/v1/movements
GET    /movements/                              U 2 2 2 2 2 2 2 2 2
POST   /movements/                              U V V V V V V V V V
GET    /movements/{id}/                         U 2 2 2 2 2 2 2 2 2
PATCH  /movements/{id}/                         U F F F F F F F F 2
# API /api/v1/proposals
GET    /proposals/{id}/                         U 2 2 2 2 2 2 N 2 2
POST   /proposals/{id}/apply/                   U F F F C F F N C C
# API /api/v1/results
GET    /results/                                U 2 2 2 2 2 2 2 2 2
# API /api/v1/selection
POST   /selection/apportion/                    U V V V V V V V V V
POST   /selection/check/                        U 2 2 2 2 2 2 2 2 2
POST   /selection/optimize/                     U V V V V V V V V V
# API /api/v1/submissions
GET    /submissions/{id}/                       U 2 2 2 2 2 2 N 2 2
POST   /submissions/{id}/accept/                U N N N N N N N 2 2
POST   /submissions/{id}/return/                U N N N N N N N V V
# API /api/v1/units
GET    /units/                                  U 2 2 2 2 2 2 2 2 2
GET    /units/{code}/                           U 2 2 2 2 2 2 N 2 2
"""
# fmt: on

# Admin URLs: the changelist and add page of every registered model follow these rows.
ADMIN_WILDCARDS = ("admin:*_changelist", "admin:*_add")
# Personas that may read personal data of A (honorees.view_personal: organizers; the admin).
SEES_NATIONAL_ID = {"organizer", "district", "admin"}
# Personas that must never receive anything private of commune A.
OUTSIDERS = {"anon", "org_b"}
REFUSALS = set("LUFNMV")


def parse(table: str) -> dict[tuple[str, str], str]:
    rows: dict[tuple[str, str], str] = {}
    for line in table.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        method, key, *cells = line.split()
        assert len(cells) == len(PERSONAS), f"row {key}: {len(cells)} cells"
        assert (method, key) not in rows, f"duplicate row {method} {key}"
        rows[(method, key)] = "".join(cells)
    return rows


def row_line(method: str, key: str, codes: str) -> str:
    return f"{method:<6} {key:<40} {' '.join(codes)}"


def _admin_row(name: str) -> str | None:
    for wildcard in ADMIN_WILDCARDS:
        if name.endswith(wildcard.removeprefix("admin:*")):
            return wildcard
    return None


def cases(w) -> list[tuple[str, str, str, bool]]:
    """(method, table key, url, api?) for every URL name and API operation."""
    rows = parse(TABLE)
    result = []
    schema_paths = set()
    for method, path in harness.api_operations():
        key = path.removeprefix("/api/v1")
        schema_paths.add(path)
        result.append((method, key, harness.api_url(w, path), True))
    for route in harness.all_routes():
        if route.name.startswith("api:") and route.name not in ("api:schema", "api:docs"):
            continue  # the API's operations come from its schema (above)
        if route.name.startswith("admin:"):
            wildcard = _admin_row(route.name)
            if wildcard is not None and not route.kwargs:
                # A model's own row (e.g. the audit log: no add page) wins over the wildcard.
                key = route.name if ("GET", route.name) in rows else wildcard
                result.append(("GET", key + "|" + route.name, route.route, False))
                continue
            if route.kwargs:
                continue  # change/delete/history pages: the same staff-only gate as the list
        url = harness.page_url(w, route)
        methods = [m for (m, k) in rows if k == route.name] or ["GET"]
        result.extend((method, route.name, url, False) for method in methods)
    return result


@pytest.mark.parametrize("part", ["pages", "api"])
def test_every_url_and_operation_answers_as_the_table_says(part, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    w = build(world)
    rows = parse(TABLE)
    clients = {}
    for persona in PERSONAS:
        client = Client()
        if w.users[persona] is not None:
            client.force_login(w.users[persona])
        clients[persona] = client

    missing, wrong, problems = [], [], []
    checked = 0
    for method, key, url, api in cases(w):
        if api != (part == "api"):
            continue
        table_key = key.split("|")[0]
        observed = []
        for persona in PERSONAS:
            response, written = harness.send(clients[persona], method, url, api=api)
            code = harness.classify(response)
            observed.append(code)
            checked += 1
            where = f"{method} {url} as {persona}"
            if response.status_code >= 500:
                problems.append(f"{where}: server error {response.status_code}")
            if code in REFUSALS and written:
                problems.append(f"{where}: refused ({code}) but wrote {written} audit entries")
            body = response.body_bytes.decode("utf-8", "replace")
            inline = None if key.startswith("admin:") else harness.inline_code(response)
            if inline:
                problems.append(f"{where}: inline code the CSP forbids: {inline}")
            if persona in OUTSIDERS and code == "2" and PRIVATE_NAME in body:
                problems.append(f"{where}: shows A's private honoree")
            if persona not in SEES_NATIONAL_ID and PRIVATE_NATIONAL_ID in body:
                problems.append(f"{where}: shows a national ID number in full")
        codes = "".join(observed)
        expected = rows.get((method, table_key))
        if expected is None:
            missing.append(row_line(method, table_key, codes))
        elif expected != codes:
            shown = key.split("|")[-1]  # an admin URL: its own name, not the wildcard's
            wrong.append(row_line(method, shown, codes) + f"   # table: {' '.join(expected)}")
    print(
        f"authorization matrix ({part}): {checked} cells checked, {checked // len(PERSONAS)} rows"
    )
    message = []
    if missing:
        message += ["Missing from TABLE (as observed):", *sorted(set(missing))]
    if wrong:
        message += ["Different from TABLE (as observed):", *wrong]
    message += problems
    assert not message, "\n".join(message)
