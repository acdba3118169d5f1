"""The one access function for requests, used by every view, API and service."""

from __future__ import annotations

import enum
from functools import cache
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING
from typing import Any

from django.core.exceptions import ValidationError
from django.db import router
from django.db.models import Q
from django.db.models import QuerySet

from treaties.models import Instrument

from .compiled_sql import CompiledSelect
from .compiled_sql import Slot
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


class Visibility(enum.Enum):
    """Which requests a user sees (``requests_visible_to``), whatever their office."""

    NONE = "none"
    ALL = "all"
    OFFICE = "office"
    # The office's requests and those under the instruments it is designated for (clerks).
    OFFICE_AND_DESIGNATED = "office_and_designated"


def user_visibility(user: UserOrAnonymous) -> tuple[Visibility, int | None]:
    """What ``user`` sees, and the office it depends on: supervisors and administrators see
    everything; others see requests their office makes, receives or executes, and clerks also
    those under instruments their office is designated for."""
    roles = user_roles(user)
    if not roles:
        return Visibility.NONE, None
    if roles & {Role.SUPERVISOR, Role.ADMIN}:
        return Visibility.ALL, None
    office = user_office_id(user)
    if office is None:
        return Visibility.NONE, None
    if Role.CLERK in roles:
        return Visibility.OFFICE_AND_DESIGNATED, office
    return Visibility.OFFICE, office


def _branches(visibility: Visibility, office: Any) -> tuple[Q, ...] | None:
    """The ways of seeing a request under ``visibility`` (``office``: an id, or the ``Slot``
    of one); None: every request."""
    if visibility is Visibility.ALL:
        return None
    if visibility is Visibility.NONE:
        return ()
    branches = [Q(requesting_authority_id=office), Q(requested_authority_id=office),
                Q(executing_authority_id=office)]
    if visibility is Visibility.OFFICE_AND_DESIGNATED:
        # The instruments the office is designated for, straight from the link table: the
        # request's own (indexed) instrument column is compared with a handful of ids, instead
        # of every request being scanned for its instrument's authorities.
        designated = Instrument.authorities.through.objects.filter(
            authority_id=office).values("instrument_id")
        branches.append(Q(instrument_id__in=designated))
    return tuple(branches)


def request_visibility_branches(user: UserOrAnonymous) -> tuple[Q, ...] | None:
    """Who may see which requests, as alternatives: None when ``user`` sees every request
    (supervisors, administrators), () when none, else the conditions any one of which makes a
    request visible (``user_visibility``). Their OR is ``requests_visible_to``; apart, each is
    read from an index of its own (its column, then the inbox's stage), which is how the inbox
    counts an office's requests without walking everyone else's."""
    return _branches(*user_visibility(user))


def _visible(qs: QuerySet[AssistanceRequest], visibility: Visibility,
             office: Any) -> QuerySet[AssistanceRequest]:
    """``qs`` narrowed to ``visibility``; ``office`` is an id, or the ``Slot`` of one."""
    branches = _branches(visibility, office)
    if branches is None:
        return qs
    if not branches:
        return qs.none()
    return qs.filter(reduce(or_, branches))


def requests_visible_to(user: UserOrAnonymous) -> QuerySet[AssistanceRequest]:
    """The requests ``user`` may see (``user_visibility``)."""
    return _visible(AssistanceRequest.objects.all(), *user_visibility(user))


# What a request's page and every change read with the request (the rulebook, both sides'
# states for the instrument's status).
_WITH_REQUEST = ("instrument", "requesting_authority__state", "requested_authority__state")


@cache
def _request_by_id_query(alias: str, visibility: Visibility,
                         for_update: bool) -> CompiledSelect[AssistanceRequest]:
    """The query of ``access_request_by_id`` for one visibility, compiled once (it is on the
    path of every change): the request's id and the user's office are slots."""
    office = Slot("office", AssistanceRequest._meta.get_field("requesting_authority"))
    qs = _visible(AssistanceRequest.objects.using(alias).all(), visibility, office).filter(
        pk=Slot("id", AssistanceRequest._meta.pk)).select_related(*_WITH_REQUEST).order_by()
    if for_update:
        # Lock only the request row (the joined tables are read, not locked).
        qs = qs.select_for_update(of=("self",))
    return CompiledSelect.of(qs)


def access_request_by_id(*, user: UserOrAnonymous, request_id: int,
                         for_update: bool = False) -> AssistanceRequest:
    """Return the request if ``user`` may see it, locking its row when ``for_update``.

    Raises RequestNotFound both when it does not exist and when it is not visible.
    """
    visibility, office = user_visibility(user)
    if visibility is Visibility.NONE:
        raise RequestNotFound(request_id)
    alias = (router.db_for_write if for_update else router.db_for_read)(AssistanceRequest)
    query = _request_by_id_query(alias, visibility, for_update)
    try:
        found = query.instances(id=request_id, office=office)
    except (ValueError, TypeError, ValidationError):
        raise RequestNotFound(request_id) from None
    if not found:
        raise RequestNotFound(request_id)
    return found[0]
