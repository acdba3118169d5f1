"""Which deadlines a user may see, defined once (the API's list, the dashboard, the calendar)."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    visible = Q(request__in=requests_visible_to(user).values("pk"))
    if roles & {Role.SUPERVISOR, Role.ADMIN}:
        visible |= Q(request__isnull=True)
    elif Role.CLERK in roles and (office := user_office_id(user)) is not None:
        designated = Instrument.objects.filter(authorities__id=office)
        visible |= Q(request__isnull=True, instrument__in=designated.values("pk"))
    return Deadline.objects.filter(visible)
