"""Roles are Django groups. A user's office is the Kazakh authority they work for."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING
from typing import TypeAlias

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import User
    from django_stubs_ext import StrOrPromise

    # Who may be asking: a signed-in user, or an anonymous visitor (who holds no role).
    UserOrAnonymous: TypeAlias = User | AnonymousUser


class Role(enum.StrEnum):
    PROSECUTOR = "Prosecutor"
    CLERK = "Clerk"
    SUPERVISOR = "Supervisor"
    ADMIN = "Admin"


# Who writes case records: clerks alone (originals, transfers...), or clerks and prosecutors.
# Supervisors and administrators may step in on any of them (``user_has_any_role``).
CLERKS: tuple[Role, ...] = (Role.CLERK,)
CASEWORKERS: tuple[Role, ...] = (Role.CLERK, Role.PROSECUTOR)

# By role code: a ``Role``, or the plain string a deadline row stores.
ROLE_LABELS: dict[str, StrOrPromise] = {
    Role.PROSECUTOR: _("Prosecutor"),
    Role.CLERK: _("Central-authority clerk"),
    Role.SUPERVISOR: _("Supervisor"),
    Role.ADMIN: _("Administrator"),
}


def user_roles(user: UserOrAnonymous) -> frozenset[Role]:
    """Roles of a user; cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached: frozenset[Role] | None = getattr(user, "_mla_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in Role if role.value in names)
        if user.is_superuser:
            cached = cached | {Role.ADMIN}
        # A per-request cache on the user object, not an attribute User declares.
        setattr(user, "_mla_roles", cached)  # noqa: B010
    return cached


def user_has_any_role(user: UserOrAnonymous, roles: Iterable[str]) -> bool:
    held = user_roles(user)
    # Supervisors and administrators may step in on any action.
    if held & {Role.SUPERVISOR, Role.ADMIN}:
        return True
    return bool(held & set(roles))
