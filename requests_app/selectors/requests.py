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

from django.db.models import Case
from django.db.models import Count
from django.db.models import Exists
from django.db.models import F
from django.db.models import IntegerField
from django.db.models import OuterRef
from django.db.models import Prefetch
from django.db.models import Q
from django.db.models import QuerySet
from django.db.models import Subquery
from django.db.models import Value
from django.db.models import When
from django.utils.translation import gettext_lazy as _

from treaties.rules.readiness import Readiness
from treaties.rules.readiness import request_readiness

from ..access import access_request_by_id
from ..access import requests_visible_to
from ..exceptions import RequestNotFound
from ..models import FINAL_STATES
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


STAGES: tuple[Stage, ...] = (
    Stage("drafting", _("Drafting and review"),
          _("Outgoing requests being drafted or reviewed by a supervisor."),
          (_S.DRAFTING, _S.UNDER_REVIEW)),
    Stage("to_transmit", _("To transmit"),
          _("Approved outgoing requests waiting to be sent."), (_S.READY,)),
    Stage("awaiting_confirmation", _("Awaiting written confirmation"),
          _("Urgent oral requests, ours or theirs, waiting for their written confirmation."),
          (_S.ORAL_PENDING_CONFIRMATION,)),
    Stage("registration", _("Registration and completeness"),
          _("Incoming requests being registered and checked, or waiting for more information."),
          (_S.RECEIVED, _S.COMPLETENESS_CHECK, _S.ADDITIONAL_INFO_REQUESTED)),
    Stage("execution", _("In execution"),
          _("Requests sent abroad, forwarded to an executing authority or being executed."),
          (_S.TRANSMITTED, _S.FORWARDED, _S.IN_EXECUTION, _S.CONDITIONAL_EXECUTION)),
    Stage("decisions", _("Decisions pending"),
          _("Consultations and deferrals to decide, answered requests to report on and close."),
          (_S.CONSULTATION, _S.DEFERRED, _S.REFUSED, _S.EXECUTED, _S.RESULTS_TRANSMITTED)),
    Stage("items", _("Awaiting return of items"),
          _("Executed requests held open until handed-over items come back or their return is "
            "waived."), (_S.AWAITING_RETURN_OF_ITEMS,)),
    Stage("closed", _("Closed"), _("Closed and withdrawn requests."), (_S.CLOSED, _S.WITHDRAWN)),
)
STAGE_BY_KEY = {stage.key: stage for stage in STAGES}
STAGE_OF_STATE = {state: stage for stage in STAGES for state in stage.states}
# The inbox opens on all work that is not closed; "all" also shows closed requests.
OPEN_WORK, ALL = "open", "all"

PAGE_SIZE = 50


@dataclass(frozen=True)
class InboxFilters:
    """What the inbox was asked for; empty values mean "any"."""

    stage: str = OPEN_WORK
    direction: str = ""
    instrument: str = ""  # slug
    state: str = ""
    overdue: bool = False
    q: str = ""  # the search box (``selectors.search``), cleaned by ``clean_search_term``


def _stage_order() -> Case:
    return Case(*[When(state__in=stage.states, then=Value(position))
                  for position, stage in enumerate(STAGES)],
                default=Value(len(STAGES)), output_field=IntegerField())


def overdue_condition(now: datetime) -> Exists:
    """A request is overdue while one of its deadlines is (``DeadlineQuerySet.overdue``)."""
    return Exists(Deadline.objects.filter(request=OuterRef("pk")).overdue(now))


def requests_visible_where(user: UserOrAnonymous, *, direction: str = "",
                           instrument: Q | None = None) -> QuerySet[AssistanceRequest]:
    """The requests ``user`` may see, of one direction and one instrument where given (empty:
    any); the inbox and the dashboard narrow from here."""
    qs = requests_visible_to(user)
    if direction:
        qs = qs.filter(direction=direction)
    if instrument is not None:
        qs = qs.filter(instrument)
    return qs


def _filtered(user: UserOrAnonymous, filters: InboxFilters,
              now: datetime) -> QuerySet[AssistanceRequest]:
    qs = requests_visible_where(
        user, direction=filters.direction,
        instrument=Q(instrument__slug=filters.instrument) if filters.instrument else None)
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.q:
        qs = qs.filter(search_condition(filters.q))
    if filters.overdue:
        qs = qs.filter(overdue_condition(now))
    return qs


def _in_stage(qs: QuerySet[AssistanceRequest], stage: str) -> QuerySet[AssistanceRequest]:
    if stage == OPEN_WORK:
        return qs.exclude(state__in=list(FINAL_STATES))
    if stage in STAGE_BY_KEY:
        return qs.filter(state__in=list(STAGE_BY_KEY[stage].states))
    return qs


def inbox_stage_counts(*, user: UserOrAnonymous, filters: InboxFilters,
                       now: datetime) -> dict[str, int]:
    """How many requests each stage tab holds under the other filters: one query."""
    aggregates = {stage.key: Count("pk", filter=Q(state__in=list(stage.states)))
                  for stage in STAGES}
    counts = _filtered(user, filters, now).aggregate(**aggregates)
    counts[ALL] = sum(counts[stage.key] for stage in STAGES)
    counts[OPEN_WORK] = counts[ALL] - counts["closed"]
    return counts


def inbox_requests(*, user: UserOrAnonymous, filters: InboxFilters,
                   now: datetime) -> QuerySet[AssistanceRequest]:
    """The requests of one inbox tab, visible to ``user``, ordered by stage, then by the next
    deadline (soonest first), then newest first. Each row carries ``stage_order``,
    ``next_due_at``, ``is_overdue`` and ``pending_deadlines`` (prefetched): a page costs the
    same number of queries whatever its length."""
    next_due = (Deadline.objects.needing_action().filter(request=OuterRef("pk"))
                .order_by("due_at").values("due_at")[:1])
    return (_in_stage(_filtered(user, filters, now), filters.stage)
            .select_related("instrument", "requesting_authority__state",
                            "requested_authority__state")
            .annotate(stage_order=_stage_order(), next_due_at=Subquery(next_due),
                      is_overdue=overdue_condition(now))
            .prefetch_related(Prefetch("deadlines",
                                       queryset=Deadline.objects.needing_action()
                                       .order_by("due_at", "id"),
                                       to_attr="pending_deadlines"))
            .order_by("stage_order", F("next_due_at").asc(nulls_last=True), "-created_at",
                      "-id"))


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
