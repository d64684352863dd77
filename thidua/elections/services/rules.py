"""The voting rules as data: the default preset and a campaign's own row."""

from __future__ import annotations

import importlib
from decimal import Decimal
from typing import Any

from django.apps import apps as django_apps
from django.db import transaction
from django.utils.translation import gettext as _

from thidua.campaigns.models import Campaign
from thidua.core.audit import record_audit
from thidua.core.errors import DomainError
from thidua.elections.enums import ThresholdBase
from thidua.elections.models import VotingRules
from thidua.elections.services.common import require


def restore_default_rules() -> bool:
    """Put back the default preset of migration 0002 where it is missing (a database flushed by
    a transactional test). True when it was missing."""
    if VotingRules.objects.filter(code="default").exists():
        return False
    module = importlib.import_module("thidua.elections.migrations.0002_default_rules")
    module.add_default(django_apps, None)
    return True


def _share(value: Any, what: str) -> Decimal:
    try:
        share = Decimal(str(value))
    except ArithmeticError as error:
        raise DomainError(
            "elections.invalid_share", _("%(what)s không hợp lệ.") % {"what": what}
        ) from error
    if not Decimal(0) <= share <= Decimal(1):
        raise DomainError(
            "elections.invalid_share", _("%(what)s phải trong khoảng 0–1.") % {"what": what}
        )
    return share


@transaction.atomic
def set_campaign_rules(campaign: Campaign, *, by: Any, **values: Any) -> VotingRules:
    """The campaign's own quorum, threshold and paper reserve (starting from the default)."""
    require(by, "campaigns.manage", campaign.issuer)
    from thidua.elections.selectors import voting_rules

    base = voting_rules(campaign)
    fields = {
        "quorum": _share(values.get("quorum", base.quorum), _("Tỷ lệ có mặt")),
        "quorum_strict": bool(values.get("quorum_strict", base.quorum_strict)),
        "threshold": _share(values.get("threshold", base.threshold), _("Tỷ lệ tán thành")),
        "threshold_strict": bool(values.get("threshold_strict", base.threshold_strict)),
        "threshold_base": values.get("threshold_base", base.threshold_base),
        "paper_reserve": int(values.get("paper_reserve", base.paper_reserve)),
        "legal_basis": values.get("legal_basis", base.legal_basis),
    }
    if fields["threshold_base"] not in ThresholdBase.values:
        raise DomainError("elections.invalid_base", _("Cơ sở tính tỷ lệ không hợp lệ."))
    rules, _created = VotingRules.objects.update_or_create(
        campaign=campaign,
        defaults={**fields, "code": f"campaign-{campaign.pk}", "name": campaign.name[:200]},
    )
    record_audit(
        "elections.rules.saved",
        by=by,
        unit=campaign.issuer,
        target=rules,
        data={k: str(v) for k, v in fields.items()},
    )
    return rules
