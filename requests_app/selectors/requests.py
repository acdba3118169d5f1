"""Read-side queries for the request pages: the inbox (filters, stages, a constant number of
queries whatever the number of rows) and one request with everything its page shows.

Every query starts from ``requests_app.access``: a request the user may not see is never read,
and a missing one and a forbidden one give the same answer (``RequestNotFound``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from typing import TYPE_CHECKING
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case
from django.db.models import DateTimeField
from django.db.models import Exists
from django.db.models import F
from django.db.models import OuterRef
from django.db.models import Prefetch
from django.db.models import Q
from django.db.models import QuerySet
from django.db.models import Value
from django.db.models import When
from django.utils.translation import gettext_lazy as _

from treaties.models import Authority
from treaties.models import Instrument
from treaties.rules.readiness import Readiness
from treaties.rules.readiness import request_readiness

from ..access import access_request_by_id
from ..access import request_visibility_branches
from ..access import requests_visible_to
from ..exceptions import RequestNotFound
from ..models import CLOSED_STAGE_ORDER
from ..models import INBOX_STAGE_STATES
from ..models import NO_DUE
from ..models import AssistanceRequest
from ..models import Consultation
from ..models import Deadline
from ..models import Decision
from ..models import DetaineeTransfer
from ..models import PersonalDataTransfer
from ..models import RequestNote
from ..models import RequestState
from ..models import ServiceProof
from ..models import TransitionLog
from ..services.facts import request_facts
from .correspondence import correspondence_listed
from .keyset import KeysetPage
from .keyset import keyset_page
from .search import search_condition

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from ..roles import UserOrAnonymous

_S = RequestState


@dataclass(frozen=True)
class Stage:
    """A tab of the inbox: the states in which a request waits for the same kind of work."""

    key: str
    label: StrOrPromise
    help: StrOrPromise
    states: tuple[str, ...]

    @property
    def order(self) -> int:
        """The stage's position, as ``AssistanceRequest.stage_order`` holds it."""
        return STAGES.index(self)


_STAGE_WORDS: dict[str, tuple[StrOrPromise, StrOrPromise]] = {
    "drafting": (_("Drafting and review"),
                 _("Outgoing requests being drafted or reviewed by a supervisor.")),
    "to_transmit": (_("To transmit"), _("Approved outgoing requests waiting to be sent.")),
    "awaiting_confirmation": (
        _("Awaiting written confirmation"),
        _("Urgent oral requests, ours or theirs, waiting for their written confirmation.")),
    "registration": (
        _("Registration and completeness"),
        _("Incoming requests being registered and checked, or waiting for more information.")),
    "execution": (
        _("In execution"),
        _("Requests sent abroad, forwarded to an executing authority or being executed.")),
    "decisions": (
        _("Decisions pending"),
        _("Consultations and deferrals to decide, answered requests to report on and close.")),
    "items": (_("Awaiting return of items"),
              _("Executed requests held open until handed-over items come back or their return "
                "is waived.")),
    "closed": (_("Closed"), _("Closed and withdrawn requests.")),
}
# The stages and their states are the model's (``INBOX_STAGE_STATES``, whose order the database
# keeps on each row); the inbox adds their names.
STAGES: tuple[Stage, ...] = tuple(
    Stage(key, *_STAGE_WORDS[key], tuple(states)) for key, states in INBOX_STAGE_STATES)
STAGE_BY_KEY = {stage.key: stage for stage in STAGES}
STAGE_OF_STATE = {state: stage for stage in STAGES for state in stage.states}
# The inbox opens on all work that is not closed; "all" also shows closed requests.
OPEN_WORK, ALL = "open", "all"

PAGE_SIZE = 50
# The inbox's order: stage, then the soonest due time (newest first where nothing is due: see
# ``AssistanceRequest.inbox_due_at``), then the id; one index (``inbox_order_idx``).
INBOX_ORDER = ("stage_order", "inbox_due_at", "id")
# Tabs count their requests up to here and then say "1,000+": an exact count would read every
# request of the tab on every view; the dashboard and the statistics give exact totals.
STAGE_COUNT_CAP = 1000


@dataclass(frozen=True)
class StageCount:
    """How many requests a tab holds: exact up to ``STAGE_COUNT_CAP``, else "at least"."""

    value: int
    more: bool = False

    def __str__(self) -> str:
        return f"{self.value}+" if self.more else str(self.value)


@dataclass(frozen=True)
class InboxFilters:
    """What the inbox was asked for; empty values mean "any"."""

    stage: str = OPEN_WORK
    direction: str = ""
    instrument: str = ""  # slug
    state: str = ""
    overdue: bool = False
    q: str = ""  # the search box (``selectors.search``), cleaned by ``clean_search_term``


def overdue_condition(now: datetime) -> Exists:
    """A request is overdue while one of its deadlines is (``DeadlineQuerySet.overdue``)."""
    return Exists(Deadline.objects.filter(request=OuterRef("pk")).overdue(now))


def _of_direction_and_instrument(qs: QuerySet[AssistanceRequest], direction: str,
                                 instrument: Q | None) -> QuerySet[AssistanceRequest]:
    if direction:
        qs = qs.filter(direction=direction)
    if instrument is not None:
        qs = qs.filter(instrument)
    return qs


def requests_visible_where(user: UserOrAnonymous, *, direction: str = "",
                           instrument: Q | None = None) -> QuerySet[AssistanceRequest]:
    """The requests ``user`` may see, of one direction and one instrument where given (empty:
    any); the inbox and the dashboard narrow from here."""
    return _of_direction_and_instrument(requests_visible_to(user), direction, instrument)


def _with_filters(qs: QuerySet[AssistanceRequest], filters: InboxFilters,
                  now: datetime) -> QuerySet[AssistanceRequest]:
    """``qs`` narrowed by every filter of the inbox but the stage."""
    qs = _of_direction_and_instrument(
        qs, filters.direction,
        Q(instrument__slug=filters.instrument) if filters.instrument else None)
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.q:
        qs = qs.filter(search_condition(filters.q))
    if filters.overdue:
        qs = qs.filter(overdue_condition(now))
    return qs


def _filtered(user: UserOrAnonymous, filters: InboxFilters,
              now: datetime) -> QuerySet[AssistanceRequest]:
    return _with_filters(requests_visible_to(user), filters, now)


def _in_stage(qs: QuerySet[AssistanceRequest], stage: str) -> QuerySet[AssistanceRequest]:
    # By the stage's position: the leading column of the inbox's index.
    if stage == OPEN_WORK:
        return qs.filter(stage_order__lt=CLOSED_STAGE_ORDER)
    if stage in STAGE_BY_KEY:
        return qs.filter(stage_order=STAGE_BY_KEY[stage].order)
    return qs


def _sql_of(qs: QuerySet[Any, Any]) -> tuple[str, list[Any]] | None:
    try:
        sql, params = qs.query.sql_with_params()
    except EmptyResultSet:
        return None  # it can match nothing (a user who sees no request)
    return sql, list(params)


def _capped_count_sql(branches: list[QuerySet[AssistanceRequest]]) -> tuple[str, list[Any]]:
    """SQL counting the requests any of ``branches`` selects, up to ``STAGE_COUNT_CAP`` + 1.

    Each branch reads ids from its own index, without ORDER BY (the model's default would make
    PostgreSQL sort or walk another index). Several branches are first asked, one after the
    other, whether one alone holds more than the cap (then so does their union, and the count
    stops there); only when none does are they united, which drops a request two of them
    select (an office that both receives and executes a request) and counts the rest."""
    ids = [branch.order_by().values("pk") for branch in branches]
    capped = [found for found in (_sql_of(qs[:STAGE_COUNT_CAP + 1]) for qs in ids) if found]
    if not capped:
        return "SELECT 0", []
    union = " UNION ".join(f"SELECT * FROM ({sql}) branch{i}"
                           for i, (sql, _params) in enumerate(capped))
    count = f"SELECT COUNT(*) FROM ({union}) capped"
    count_params = [p for _sql, params in capped for p in params]
    if len(capped) == 1:
        return count, count_params
    past_cap = [found for found in (_sql_of(qs[STAGE_COUNT_CAP:STAGE_COUNT_CAP + 1]) for qs in ids)
                if found]
    any_past_cap = " OR ".join(f"EXISTS ({sql})" for sql, _params in past_cap)
    return (f"SELECT CASE WHEN {any_past_cap} THEN {STAGE_COUNT_CAP + 1} ELSE ({count}) END",
            [p for _sql, params in past_cap for p in params] + count_params)


def inbox_stage_counts(*, user: UserOrAnonymous, filters: InboxFilters,
                       now: datetime) -> dict[str, StageCount]:
    """How many requests each tab holds under the other filters, each counted up to
    ``STAGE_COUNT_CAP``: one query, whatever the number of requests. A user who sees every
    request counts from the inbox's index; one who sees an office's requests counts each way of
    seeing them (``request_visibility_branches``) from its own index, so the count reads that
    office's rows, not the rows of every office before the cap is reached."""
    branches = request_visibility_branches(user)
    base = _with_filters(AssistanceRequest.objects.all(), filters, now)
    visible = ([base] if branches is None
               else [base.filter(branch) for branch in branches])
    parts = [_capped_count_sql([_in_stage(qs, stage.key) for qs in visible])
             for stage in STAGES]
    sql = "SELECT " + ", ".join(f"({part})" for part, _params in parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, [p for _part, params in parts for p in params])
        values = cursor.fetchone()
    counts = {stage.key: StageCount(min(value, STAGE_COUNT_CAP), value > STAGE_COUNT_CAP)
              for stage, value in zip(STAGES, values, strict=True)}
    # "All open work" and "All" add the stages up; past the cap of any stage, the sum is a
    # lower bound and says so ("3000+").
    for key, stages in ((OPEN_WORK, STAGES[:CLOSED_STAGE_ORDER]), (ALL, STAGES)):
        summed = [counts[stage.key] for stage in stages]
        counts[key] = StageCount(sum(c.value for c in summed), any(c.more for c in summed))
    return counts


def next_due_at_of_row() -> Case:
    """A request's next due time from its inbox sort time (None where nothing is due)."""
    return Case(When(inbox_due_at__lt=NO_DUE, then=F("inbox_due_at")), default=Value(None),
                output_field=DateTimeField())


def reference_rows_prefetched(*fields: str) -> list[Prefetch]:
    """The instrument and authorities (with their states) of a list's rows, each read in a
    query of its own rather than joined to the list's: these are small tables the rows share,
    and every table joined to the list's query multiplies the join orders PostgreSQL weighs
    before it runs it (eight tables: ~10 ms of planning for a 1 ms query)."""
    querysets = {"instrument": Instrument.objects.all(),
                 "authority": Authority.objects.select_related("state")}
    return [Prefetch(field, queryset=querysets["instrument" if field == "instrument"
                                               else "authority"])
            for field in fields]


def inbox_requests(*, user: UserOrAnonymous, filters: InboxFilters,
                   now: datetime) -> QuerySet[AssistanceRequest]:
    """The requests of one inbox tab, visible to ``user``, in the inbox's order
    (``INBOX_ORDER``: by stage, then the next deadline, soonest first, then newest first). Each
    row carries ``next_due_at`` (None when nothing is due) and ``pending_deadlines``
    (prefetched): a page costs the same number of queries whatever its length. Read it a page
    at a time with ``inbox_page`` (or ``keyset_page`` and ``mark_overdue``)."""
    return (_in_stage(_filtered(user, filters, now), filters.stage)
            .annotate(next_due_at=next_due_at_of_row())
            .prefetch_related(*reference_rows_prefetched("instrument", "requesting_authority",
                                                         "requested_authority"),
                              Prefetch("deadlines",
                                       queryset=Deadline.objects.needing_action()
                                       .order_by("due_at", "id"),
                                       to_attr="pending_deadlines"))
            .order_by(*INBOX_ORDER))


def mark_overdue(rows: list[AssistanceRequest], now: datetime) -> list[AssistanceRequest]:
    """Set ``is_overdue`` on each row of a page from its prefetched ``pending_deadlines``
    (``Deadline.is_overdue``: every overdue deadline needs action): no query. As a column of
    the list's query it would be a subquery the planner may run over every request."""
    for row in rows:
        row.is_overdue = any(  # type: ignore[attr-defined]
            deadline.is_overdue(now, request_state=row.state)
            for deadline in row.pending_deadlines)  # type: ignore[attr-defined]
    return rows


def inbox_page(*, user: UserOrAnonymous, filters: InboxFilters, now: datetime,
               cursor: str | None = None,
               size: int | None = None) -> KeysetPage[AssistanceRequest]:
    """One page of the inbox: the ``size`` (``PAGE_SIZE``) requests after ``cursor`` (from the
    start without one), read from the inbox's index whatever the depth. Raises InvalidInput (``cursor``) for
    a cursor that is not the inbox's."""
    page = keyset_page(inbox_requests(user=user, filters=filters, now=now), order=INBOX_ORDER,
                       cursor=cursor, size=size or PAGE_SIZE)
    mark_overdue(page.rows, now)
    return page


# --- one request ----------------------------------------------------------------------------------
def _notes_newest_first() -> QuerySet[RequestNote]:
    return RequestNote.objects.select_related("author").order_by("-created_at", "-id")


def request_notes(*, user: UserOrAnonymous, request_id: int) -> QuerySet[RequestNote]:
    """The internal notes of a request ``user`` may see, newest first, with their authors (one
    query). Raises RequestNotFound when it does not exist or ``user`` may not see it."""
    request = access_request_by_id(user=user, request_id=request_id)
    return _notes_newest_first().filter(request=request)


def request_detail(*, user: UserOrAnonymous, request_id: int) -> AssistanceRequest:
    """One request with everything its page shows, in a fixed number of queries whatever the
    number of persons, log entries, deadlines or records. Raises RequestNotFound when it does not
    exist or ``user`` may not see it."""
    qs = (requests_visible_to(user)
          .select_related("instrument", "requesting_authority__state",
                          "requested_authority__state", "executing_authority__state",
                          "assigned_prosecutor", "created_by", "drafting_prosecutor",
                          "clerk_owner", "signatory")
          .prefetch_related(
              "persons", "translations", "originals", "items", "duties",
              Prefetch("service_proofs", queryset=ServiceProof.objects.select_related("person")),
              Prefetch("consultations",
                       queryset=Consultation.objects.select_related("recorded_by")),
              Prefetch("decisions", queryset=Decision.objects.select_related("decided_by")),
              Prefetch("transfers", queryset=DetaineeTransfer.objects.select_related("person")),
              Prefetch("personal_data_transfers",
                       queryset=PersonalDataTransfer.objects.prefetch_related(
                           "consents", "notices", "use_reports")),
              # Registers: conditions, consents, uses, onward transfers, costs.
              "use_conditions", "use_consents", "material_uses", "onward_transfers",
              "cost_items",
              # Amounts frozen, confiscated, shared or returned (in the model's order).
              "asset_measures",
              Prefetch("deadlines", queryset=Deadline.objects
                       .select_related("responsible_user", "closed_by")
                       .order_by("due_at", "id")),
              Prefetch("log", queryset=TransitionLog.objects.select_related("actor")
                       .order_by("at", "id")),
              Prefetch("notes", queryset=_notes_newest_first()),
              Prefetch("correspondence", queryset=correspondence_listed()),
          ))
    try:
        return qs.get(pk=request_id)
    except (AssistanceRequest.DoesNotExist, ValueError, TypeError):
        raise RequestNotFound(request_id) from None


def request_readiness_on(request: AssistanceRequest, today: date) -> Readiness:
    """What stands between ``request`` and its next step with the other side on ``today``: the
    same answer the transmit guard gives (see ``treaties.rules.readiness``)."""
    return request_readiness(request.rulebook, request_facts(request),
                             request.instrument_status_on(today), today)
