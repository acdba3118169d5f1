"""The inbox's sort time of each request (``AssistanceRequest.inbox_due_at``), kept with the
deadlines it comes from.

``deadlines_sync`` sets it on the request it has just brought in step, from the rows it holds (no
query); the service that changes the request writes it with the request's own row. Whatever
changes deadlines without that service (a bulk load, a migration, a repair) calls
``inbox_keys_refresh``, which computes the same value in one UPDATE. A test keeps the two in
step. The stage half of the inbox's order (``stage_order``) is computed by the database from the
state.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db.models import OuterRef
from django.db.models import QuerySet
from django.db.models import Subquery

from ..models import AssistanceRequest
from ..models import Deadline
from ..models import inbox_due_at_expression
from ..models import inbox_due_at_for


def next_due_at_of(rows: Iterable[Deadline], *, request_state: str) -> datetime | None:
    """The soonest due time among ``rows`` (all the deadlines of one request) that still need
    action (``DeadlineQuerySet.needing_action``), or None."""
    return min((row.due_at for row in rows if row.needs_action(request_state=request_state)),
               default=None)


def inbox_due_at_of(request: AssistanceRequest, rows: Iterable[Deadline]) -> datetime:
    """The sort time of ``request`` given all its deadline rows."""
    return inbox_due_at_for(next_due_at_of(rows, request_state=request.state),
                            request.created_at)


def next_due_subquery() -> Subquery:
    """``next_due_at_of`` in SQL, for the request of the outer query."""
    return Subquery(Deadline.objects.needing_action().filter(request=OuterRef("pk"))
                    .order_by("due_at").values("due_at")[:1])


def inbox_keys_refresh(requests: QuerySet[AssistanceRequest]) -> int:
    """Recompute the sort time of ``requests`` in one UPDATE; returns the number of rows."""
    return requests.update(inbox_due_at=inbox_due_at_expression(next_due_subquery()))
