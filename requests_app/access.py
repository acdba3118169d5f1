"""The one access function for requests, used by every view, API and service."""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import TYPE_CHECKING

from django.db.models import Q
from django.db.models import QuerySet

from treaties.models import Instrument

from .exceptions import RequestNotFound
from .models import AssistanceRequest
from .models import OfficeMembership
from .roles import Role
from .roles import user_roles

if TYPE_CHECKING:
    from .roles import UserOrAnonymous


def user_office_id(user: UserOrAnonymous) -> int | None:
    # Anonymous visitors and users without an office have no membership.
    membership: OfficeMembership | None = getattr(user, "office_membership", None)
    return membership.authority_id if membership else None


def request_visibility_branches(user: UserOrAnonymous) -> tuple[Q, ...] | None:
    """Who may see which requests, as alternatives: None when ``user`` sees every request
    (supervisors, administrators), () when none, else the conditions any one of which makes a
    request visible. Their OR is ``requests_visible_to``; apart, each is read from an index of
    its own (its column, then the inbox's stage), which is how the inbox counts an office's
    requests without walking everyone else's.

    Others see the requests their office makes, receives or executes, and clerks also those
    under instruments their office is designated for."""
    roles = user_roles(user)
    if not roles:
        return ()
    if roles & {Role.SUPERVISOR, Role.ADMIN}:
        return None
    office = user_office_id(user)
    if office is None:
        return ()
    branches = [Q(requesting_authority_id=office), Q(requested_authority_id=office),
                Q(executing_authority_id=office)]
    if Role.CLERK in roles:
        # The instruments the office is designated for, straight from the link table: the
        # request's own (indexed) instrument column is compared with a handful of ids, instead
        # of every request being scanned for its instrument's authorities.
        designated = Instrument.authorities.through.objects.filter(
            authority_id=office).values("instrument_id")
        branches.append(Q(instrument_id__in=designated))
    return tuple(branches)


def requests_visible_to(user: UserOrAnonymous) -> QuerySet[AssistanceRequest]:
    """The requests ``user`` may see (``request_visibility_branches``)."""
    qs = AssistanceRequest.objects.all()
    branches = request_visibility_branches(user)
    if branches is None:
        return qs
    if not branches:
        return qs.none()
    return qs.filter(reduce(or_, branches))


def access_request_by_id(*, user: UserOrAnonymous, request_id: int,
                         for_update: bool = False) -> AssistanceRequest:
    """Return the request if ``user`` may see it, locking its row when ``for_update``.

    Raises RequestNotFound both when it does not exist and when it is not visible.
    """
    qs = requests_visible_to(user).select_related(
        "instrument", "requesting_authority__state", "requested_authority__state")
    if for_update:
        # Lock only the request row (the joined tables are read, not locked).
        qs = qs.select_for_update(of=("self",))
    try:
        return qs.get(pk=request_id)
    except (AssistanceRequest.DoesNotExist, ValueError, TypeError):
        raise RequestNotFound(request_id) from None
