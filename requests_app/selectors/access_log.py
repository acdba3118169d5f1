"""Reading who looked at a request (``models.AccessRecord``), newest first, for supervisors
(``services.access_log.may_see_access_log``): one query whatever the number of records."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from ..models import AccessRecord

# The request page's "Who looked" section shows the latest ones; the full list is paginated.
ACCESS_SECTION_SIZE = 25


def request_access_records(request_id: int) -> QuerySet[AccessRecord]:
    """Every record of the request, newest first, with who looked (one query)."""
    return (AccessRecord.objects.filter(request_id=request_id).select_related("user")
            .order_by("-at", "-id"))


@dataclass(frozen=True)
class LatestAccess:
    records: tuple[AccessRecord, ...]
    # There are older records than those shown.
    more: bool


def latest_access(request_id: int, size: int = ACCESS_SECTION_SIZE) -> LatestAccess:
    """The ``size`` latest records and whether there are older ones, in one query."""
    rows = list(request_access_records(request_id)[:size + 1])
    return LatestAccess(records=tuple(rows[:size]), more=len(rows) > size)
