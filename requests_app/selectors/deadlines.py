"""Which deadlines a user may see, defined once (the API's list, the dashboard, the calendar)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists
from django.db.models import OuterRef
from django.db.models import Q
from django.db.models import QuerySet

from treaties.models import Instrument

from ..access import requests_visible_to
from ..access import user_office_id
from ..models import Deadline
from ..roles import Role
from ..roles import user_roles

if TYPE_CHECKING:
    from ..roles import UserOrAnonymous


def deadlines_visible_to(user: UserOrAnonymous) -> QuerySet[Deadline]:
    """Deadlines of the requests ``user`` may see, and the instruments' own duties (RS 18
    reports, suspension and termination taking effect) for those who answer for them:
    supervisors and administrators, and clerks of an office designated for the instrument."""
    roles = user_roles(user)
    if roles & {Role.SUPERVISOR, Role.ADMIN}:
        # Every request and every instrument duty: no predicate at all, so that a sweep over
        # their deadlines (the dashboard's counts and lists) reads the deadline indexes alone
        # instead of also scanning every request for an always-true ``IN``.
        return Deadline.objects.all()
    requests = requests_visible_to(user)
    if requests.query.is_empty():
        return Deadline.objects.none()
    # A semi-join on the request's primary key, probed per deadline row, not an ``IN`` over
    # every visible request.
    visible = Q(Exists(requests.filter(pk=OuterRef("request_id"))))
    if Role.CLERK in roles and (office := user_office_id(user)) is not None:
        designated = Instrument.objects.filter(authorities__id=office)
        visible |= Q(request__isnull=True, instrument__in=designated.values("pk"))
    return Deadline.objects.filter(visible)
