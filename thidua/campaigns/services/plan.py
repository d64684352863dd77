"""A campaign's plan (KH) as a document of the engine: a draft to preview, the numbered plan,
its re-issues.

The one path: campaign -> ``plan_document.plan_content`` -> ``plan_spec.document_spec`` ->
``thidua.documents`` (``render_pdf`` / ``render_docx`` for a draft; ``issue_document`` /
``reissue_document`` for the numbered plan, which number, store and audit it). The district's
plan and a commune's own plan built from it (``derive_campaign``) take the same path; the
commune then sends its issued plan with ``submit_plan(built_campaign=...)``.

The issuing body is the ``Issuer`` of the campaign's unit whose abbreviation the campaign's
issuing body gives ("ỦY BAN NHÂN DÂN …" -> "UBND"); a unit without one gets it, created from
the campaign's particulars, the first time it issues a plan.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from thidua.campaigns import plan_document, plan_spec, selectors
from thidua.campaigns.models import Campaign
from thidua.campaigns.services.common import require
from thidua.core.audit import record_audit
from thidua.core.errors import ConflictError, DomainError
from thidua.documents import rendering
from thidua.documents import services as documents
from thidua.documents import spec as doc
from thidua.documents.models import GeneratedDocument, Issuer

DRAFT_FORMATS = ("pdf", "docx")


def _content(campaign: Campaign) -> plan_document.PlanContent:
    return plan_document.plan_content(selectors.campaign_with_rules(campaign))


def _issuer_of(campaign: Campaign, body: doc.IssuingBody | None) -> Issuer | None:
    """The unit's issuer for the plan: the one with the body's abbreviation, else the unit's
    only issuer."""
    issuers = Issuer.objects.filter(unit=campaign.issuer_id)
    if body is not None:
        return issuers.filter(abbreviation=body.abbreviation).first()
    found = list(issuers[:2])
    return found[0] if len(found) == 1 else None


def draft_spec(campaign: Campaign) -> doc.DocumentSpec:
    """The plan as it would be issued now, without a number (reads only, writes nothing)."""
    content = _content(campaign)
    body = plan_spec.issuing_body(content, campaign.issuer.name)
    issuer = _issuer_of(campaign, body)
    return plan_spec.document_spec(content, issuer.body() if issuer else body)


def render_draft(campaign: Campaign, fmt: str) -> bytes:
    """The draft plan as PDF or DOCX ("Số:      /KH-UBND", date blank unless the campaign has
    one). ``fmt`` is one of ``DRAFT_FORMATS``."""
    spec = draft_spec(campaign)
    if fmt == "pdf":
        return rendering.render_pdf(spec)
    if fmt == "docx":
        return rendering.render_docx(spec)
    raise ValueError(f"unknown format: {fmt!r}")


@transaction.atomic
def plan_issuer(campaign: Campaign, *, by: Any) -> Issuer:
    """The issuer that numbers the campaign's plan: the unit's issuer with the abbreviation of
    the campaign's issuing body ("UBND"), created from the campaign's particulars when the unit
    has none (audit ``documents.issuer.created``). Refusal: ``campaigns.plan_issuer_missing``
    (an issuing body whose abbreviation is not known, and no issuer to take)."""
    require(by, "campaigns.issue_plan", campaign.issuer)
    return _plan_issuer(campaign, _content(campaign), by)


def _plan_issuer(campaign: Campaign, content: plan_document.PlanContent, by: Any) -> Issuer:
    body = plan_spec.issuing_body(content, campaign.issuer.name)
    issuer = _issuer_of(campaign, body)
    if issuer is not None:
        return issuer
    if body is None:
        raise DomainError(
            "campaigns.plan_issuer_missing",
            _(
                "Đơn vị chưa có cơ quan ban hành văn bản ứng với “%(body)s”; hãy tạo cơ quan "
                "ban hành (tên, chữ viết tắt, địa danh) trước khi phát hành kế hoạch."
            )
            % {"body": content.issuing_body or campaign.issuer.name},
        )
    return documents.create_issuer(
        by=by,
        unit=campaign.issuer,
        abbreviation=body.abbreviation,
        name_lines=body.name,
        superior_lines=body.superior,
        place=body.place,
        full_name=body.full_name,
    )


def _locked(campaign: Campaign) -> Campaign:
    return Campaign.objects.select_for_update().select_related("issuer").get(pk=campaign.pk)


@transaction.atomic
def issue_plan(campaign: Campaign, *, by: Any, date: dt.date | None = None) -> GeneratedDocument:
    """Issue the campaign's plan as a numbered KH of its unit's issuer (created on first use):
    the next number of the issuer's KH series for the year of ``date`` (default: the
    campaign's plan date, else today), rendered to PDF and DOCX and stored by the documents
    engine (audit ``documents.document.issued``). The campaign then carries the number and date
    (``plan_number``, ``plan_date``: the basis of the plans derived from it), audited as
    ``campaigns.campaign.plan_issued``.

    Refusals (nothing written): ``campaigns.plan_already_issued`` (re-issue instead),
    ``campaigns.plan_issuer_missing``, and the engine's (``documents.issuer_inactive``,
    ``documents.summary_missing``, ``documents.bad_capacity``, ...). 404/403 without the
    ``campaigns.issue_plan`` role on the campaign's unit.
    """
    require(by, "campaigns.issue_plan", campaign.issuer)
    campaign = _locked(campaign)
    if selectors.latest_plan_document(campaign) is not None:
        raise ConflictError(
            "campaigns.plan_already_issued",
            _("Kế hoạch đã được phát hành; hãy phát hành lại để có phiên bản mới."),
        )
    content = _content(campaign)
    issuer = _plan_issuer(campaign, content, by)  # rolled back with the rest on a refusal
    spec = plan_spec.document_spec(content, issuer.body())
    document = documents.issue_document(by=by, issuer=issuer, spec=spec, date=date, source=campaign)
    _carry_number(campaign, document, by=by, action="campaigns.campaign.plan_issued")
    return document


@transaction.atomic
def reissue_plan(campaign: Campaign, *, by: Any, note: str = "") -> GeneratedDocument:
    """A new version of the issued plan, generated from the campaign's current values, under
    the same number and date (the earlier versions stay; audit
    ``documents.document.reissued`` and ``campaigns.campaign.plan_reissued``).

    Refusals: ``campaigns.plan_not_issued``, and the engine's (``documents.not_latest``, ...).
    """
    require(by, "campaigns.issue_plan", campaign.issuer)
    campaign = _locked(campaign)
    latest = selectors.latest_plan_document(campaign)
    if latest is None:
        raise DomainError("campaigns.plan_not_issued", _("Kế hoạch chưa được phát hành lần nào."))
    spec = plan_spec.document_spec(_content(campaign), latest.issuer.body())
    spec = dataclasses.replace(spec, date=latest.document_date)
    document = documents.reissue_document(by=by, document=latest, spec=spec, note=note.strip())
    _carry_number(campaign, document, by=by, action="campaigns.campaign.plan_reissued")
    return document


def _carry_number(campaign: Campaign, document: GeneratedDocument, *, by: Any, action: str) -> None:
    campaign.plan_number = document.symbol
    campaign.plan_date = document.document_date
    campaign.save(update_fields=["plan_number", "plan_date", "updated_at"])
    record_audit(
        action,
        by=by,
        unit=campaign.issuer,
        target=campaign,
        data={
            "document": document.pk,
            "symbol": document.symbol,
            "version": document.version,
            "date": document.document_date.isoformat(),
        },
    )
