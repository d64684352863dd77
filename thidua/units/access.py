"""The only place that answers "which units may this user act on, in which role".

Every view and API endpoint of every app reads unit-owned data through this module:

* ``scope_for(user)`` gives the user's ``Scope``: the subtrees their memberships cover, with
  the roles held on each. A membership grants its role on the unit and its whole subtree.
* ``scope.restrict(queryset, unit_field)`` limits any queryset of unit-owned rows to the
  scope; ``get_for(user, queryset, ...)`` fetches one row or raises ``Http404``. Outside the
  scope the answer is always 404 (never 403), so ids cannot be probed.
* ``require(user, action, unit)`` checks a role-based permission on a unit that is already
  known to be in scope; a missing role is 403 (the user can see the unit, not act on it).

The permission table ``ACTION_ROLES`` below is data: which roles may perform which action.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models
from django.db.models import Q
from django.http import Http404

from thidua.units.enums import Role
from thidua.units.models import Membership, Unit

ALL_ROLES: frozenset[str] = frozenset(Role.values)

# action -> roles allowed to perform it on a unit in their scope (system administrators: all).
ACTION_ROLES: dict[str, frozenset[str]] = {
    "units.view": ALL_ROLES,
    "units.view_audit": frozenset({Role.ORGANIZER, Role.LEADER, Role.COUNCIL}),
    "units.view_members": frozenset({Role.ORGANIZER, Role.LEADER}),
    # Honoree registry (thidua/honorees): the Front proposes honorees (R17-R19), the organizer
    # keeps the registry, the propaganda office approves public stories.
    "honorees.view": ALL_ROLES,
    "honorees.edit": frozenset({Role.ORGANIZER, Role.FRONT, Role.COUNCIL}),
    "honorees.view_personal": frozenset({Role.ORGANIZER}),
    "honorees.import": frozenset({Role.ORGANIZER, Role.FRONT}),
    "honorees.export": frozenset(
        {Role.ORGANIZER, Role.COUNCIL, Role.LEADER, Role.FRONT, Role.PROPAGANDA}
    ),
    "honorees.move_stage": frozenset({Role.ORGANIZER, Role.FRONT, Role.COUNCIL}),
    "honorees.write_story": frozenset({Role.ORGANIZER, Role.FRONT, Role.PROPAGANDA}),
    "honorees.publish": frozenset({Role.PROPAGANDA}),
    "honorees.manage_movements": frozenset({Role.ORGANIZER}),
    "documents.view": ALL_ROLES,
    "documents.issue": frozenset({Role.ORGANIZER, Role.LEADER, Role.COUNCIL}),
    "documents.batch": frozenset({Role.ORGANIZER, Role.LEADER, Role.COUNCIL}),
    # campaigns: manage/issue on the issuer; submit on one's own unit; review on the issuer.
    "campaigns.manage": frozenset({Role.ORGANIZER}),
    "campaigns.submit": frozenset({Role.ORGANIZER}),
    "campaigns.review": frozenset({Role.ORGANIZER, Role.LEADER}),
    # The campaign's plan as a numbered KH of the unit (the organizer drafts, the leader signs).
    "campaigns.issue_plan": frozenset({Role.ORGANIZER, Role.LEADER}),
    "campaigns.view_board": frozenset({Role.ORGANIZER, Role.LEADER, Role.COUNCIL, Role.VIEWER}),
    "campaigns.feedback": frozenset({Role.ORGANIZER, Role.LEADER}),
    # conferences: the organizer sets up and builds the list; the council's proposed number of
    # delegates is recorded by the council (or by the organizer from its document); the
    # organizer or the leader approves the list for invitations.
    "conferences.view": ALL_ROLES,
    "conferences.manage": frozenset({Role.ORGANIZER}),
    "conferences.propose_cap": frozenset({Role.COUNCIL, Role.ORGANIZER}),
    "conferences.approve_list": frozenset({Role.ORGANIZER, Role.LEADER}),
    # Awards (thidua/awards): the Front and organizations propose, the organizer assembles and
    # sends to the council, the council reviews, the leader decides (R14, R17-R19).
    "awards.view": ALL_ROLES,
    "awards.propose": frozenset({Role.ORGANIZER, Role.FRONT}),
    "awards.assemble": frozenset({Role.ORGANIZER}),
    "awards.review": frozenset({Role.COUNCIL}),
    "awards.decide": frozenset({Role.LEADER}),
    "awards.submit": frozenset({Role.ORGANIZER, Role.LEADER}),
    "awards.print": frozenset({Role.ORGANIZER, Role.LEADER}),
    "awards.export": frozenset({Role.ORGANIZER, Role.COUNCIL, Role.LEADER}),
    # Elections (thidua/elections, issue 8): the upper unit's organizer allocates seats; the
    # lower organizer nominates and runs the poll; the chair (leader) certifies the result.
    "elections.view": ALL_ROLES,
    "elections.allocate": frozenset({Role.ORGANIZER}),
    "elections.manage": frozenset({Role.ORGANIZER}),
    "elections.count": frozenset({Role.ORGANIZER, Role.COUNCIL}),
    "elections.certify": frozenset({Role.LEADER}),
    # Dashboards (thidua/dashboards): read-only figures of a unit's subtree, and their export.
    "dashboards.view": ALL_ROLES,
    # A person's data (issue 11): export and anonymisation, by whoever keeps the registry.
    "honorees.anonymise": frozenset({Role.ORGANIZER}),
    # The conference's day (issue 7): the organizer sends invitations and revokes badges; the
    # reception desk (organizer's staff, the Front's volunteers) checks delegates in; the
    # organizer or the leader drives the projector.
    "conferences.invite": frozenset({Role.ORGANIZER}),
    "conferences.checkin": frozenset({Role.ORGANIZER, Role.FRONT}),
    "conferences.project": frozenset({Role.ORGANIZER, Role.LEADER}),
    # Proceedings (thidua/proceedings): the organizer keeps the budget, presentations, side
    # activities and sends the results; the organizer or the leader writes the summary report.
    "proceedings.manage": frozenset({Role.ORGANIZER}),
    "proceedings.write_report": frozenset({Role.ORGANIZER, Role.LEADER}),
}

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Grant:
    unit_id: int
    path: str
    role: str


class Scope:
    """The subtrees a user may read, and the roles they hold on each."""

    def __init__(self, grants: Iterable[Grant], *, is_admin: bool = False) -> None:
        self.grants: tuple[Grant, ...] = tuple(grants)
        self.is_admin = is_admin

    @property
    def is_empty(self) -> bool:
        return not self.is_admin and not self.grants

    def root_paths(self, roles: Iterable[str] | None = None) -> list[str]:
        """The minimal set of subtree roots covered by grants of the given roles."""
        wanted = None if roles is None else set(roles)
        paths = sorted({g.path for g in self.grants if wanted is None or g.role in wanted})
        roots: list[str] = []
        for path in paths:  # sorted, so an ancestor comes before its descendants
            if not any(path.startswith(root) for root in roots):
                roots.append(path)
        return roots

    def path_q(self, unit_field: str = "", roles: Iterable[str] | None = None) -> Q | None:
        """A Q that keeps rows whose unit lies in the scope; None means "everything"."""
        if self.is_admin:
            return None
        lookup = f"{unit_field}__path__startswith" if unit_field else "path__startswith"
        roots = self.root_paths(roles)
        if not roots:
            return Q(pk__in=[])
        query = Q(**{lookup: roots[0]})
        for root in roots[1:]:
            query |= Q(**{lookup: root})
        return query

    def restrict(
        self,
        queryset: models.QuerySet[M],
        unit_field: str = "unit",
        roles: Iterable[str] | None = None,
    ) -> models.QuerySet[M]:
        """Limit a queryset of unit-owned rows (``unit_field`` names the FK to Unit)."""
        query = self.path_q(unit_field, roles)
        return queryset if query is None else queryset.filter(query)

    def units(self, roles: Iterable[str] | None = None) -> models.QuerySet[Unit]:
        return self.restrict(Unit.objects.all(), "", roles)

    def roles_on(self, unit: Unit) -> frozenset[str]:
        if self.is_admin:
            return ALL_ROLES
        return frozenset(g.role for g in self.grants if unit.path.startswith(g.path))

    def contains(self, unit: Unit) -> bool:
        return self.is_admin or any(unit.path.startswith(g.path) for g in self.grants)

    def can(self, action: str, unit: Unit) -> bool:
        return bool(self.roles_on(unit) & ACTION_ROLES[action])


def scope_for(user: Any) -> Scope:
    """The user's scope, computed once per user object (one query)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Scope(())
    cached = getattr(user, "_thidua_scope", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        scope = Scope((), is_admin=True)
    else:
        rows = Membership.objects.filter(user=user, is_active=True).values_list(
            "unit_id", "unit__path", "role"
        )
        scope = Scope(Grant(unit_id, path, role) for unit_id, path, role in rows)
    user._thidua_scope = scope
    return scope


def units_for(user: Any, roles: Iterable[str] | None = None) -> models.QuerySet[Unit]:
    """Every unit the user may see (optionally: on which they hold one of ``roles``)."""
    return scope_for(user).units(roles)


def restrict[M: models.Model](
    user: Any, queryset: models.QuerySet[M], unit_field: str = "unit"
) -> models.QuerySet[M]:
    """Limit any queryset of unit-owned rows to the user's scope."""
    return scope_for(user).restrict(queryset, unit_field)


def get_for[M: models.Model](
    user: Any, queryset: models.QuerySet[M], *, unit_field: str = "unit", **lookup: Any
) -> M:
    """One unit-owned row in the user's scope, or 404 (also when it exists elsewhere)."""
    try:
        return restrict(user, queryset, unit_field).get(**lookup)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def get_unit_for(user: Any, pk: Any) -> Unit:
    """A unit in the user's scope, or 404."""
    return get_for(user, Unit.objects.select_related("parent"), unit_field="", pk=pk)


def can(user: Any, action: str, unit: Unit) -> bool:
    return scope_for(user).can(action, unit)


def require(user: Any, action: str, unit: Unit) -> None:
    """Refuse (404 outside the scope, 403 without the role) unless ``user`` may do ``action``."""
    scope = scope_for(user)
    if not scope.contains(unit):
        raise Http404
    if not scope.can(action, unit):
        raise PermissionDenied
