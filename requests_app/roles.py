"""Roles are Django groups. A user's office is the Kazakh authority they work for."""

from __future__ import annotations

import enum

from django.utils.translation import gettext_lazy as _


class Role(enum.StrEnum):
    PROSECUTOR = "Prosecutor"
    CLERK = "Clerk"
    SUPERVISOR = "Supervisor"
    ADMIN = "Admin"


# Who writes case records: clerks alone (originals, transfers...), or clerks and prosecutors.
# Supervisors and administrators may step in on any of them (``user_has_any_role``).
CLERKS: tuple[Role, ...] = (Role.CLERK,)
CASEWORKERS: tuple[Role, ...] = (Role.CLERK, Role.PROSECUTOR)

ROLE_LABELS = {
    Role.PROSECUTOR: _("Prosecutor"),
    Role.CLERK: _("Central-authority clerk"),
    Role.SUPERVISOR: _("Supervisor"),
    Role.ADMIN: _("Administrator"),
}


def user_roles(user) -> frozenset[Role]:
    """Roles of a user; cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_mla_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in Role if role.value in names)
        if user.is_superuser:
            cached = cached | {Role.ADMIN}
        user._mla_roles = cached
    return cached


def user_has_any_role(user, roles) -> bool:
    held = user_roles(user)
    # Supervisors and administrators may step in on any action.
    if held & {Role.SUPERVISOR, Role.ADMIN}:
        return True
    return bool(held & set(roles))
