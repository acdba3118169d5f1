"""Reads about people and their work: "My work" (what a user must do next) and the supervisors'
workload per person. Each is a constant number of queries whatever the number of requests,
deadlines or people, and starts from the access querysets: nobody's work list holds a request
they may not see.

The stage a request is at and whose move it is are ``workflow.owners``: here they are written as
SQL (``stage_case``, ``stage_owner_case``) so that lists filter, order and count in the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from typing import TYPE_CHECKING
from typing import Any

from django.contrib.auth.models import User
from django.db.models import BooleanField
from django.db.models import Case
from django.db.models import CharField
from django.db.models import Count
from django.db.models import Exists
from django.db.models import F
from django.db.models import IntegerField
from django.db.models import OuterRef
from django.db.models import Q
from django.db.models import QuerySet
from django.db.models import Value
from django.db.models import When

from ..access import requests_visible_to
from ..access import user_office_id
from ..exceptions import ActionNotPermitted
from ..models import CLOSED_STAGE_ORDER
from ..models import FINAL_STATES
from ..models import AssistanceRequest
from ..models import DeadlineStatus
from ..models import Direction
from ..models import OfficeMembership
from ..models import RequestState
from ..models import TransitionLog
from ..models import deadline_needing_action_q
from ..models import deadline_overdue_q
from ..roles import Role
from ..roles import user_roles
from ..workflow.owners import OWNER_FIELDS
from ..workflow.owners import OWNER_STAGES
from ..workflow.owners import WorkStage
from ..workflow.owners import states_at
from .deadlines import deadlines_visible_to
from .keyset import KeysetPage
from .keyset import keyset_page
from .requests import next_due_at_of_row
from .requests import overdue_condition
from .requests import reference_rows_prefetched

if TYPE_CHECKING:
    from ..roles import UserOrAnonymous

# "Due within 7 days" of the workload table.
DUE_SOON = timedelta(days=7)


def _at(stage: WorkStage) -> Q:
    """Requests at ``stage`` (either direction)."""
    q = Q(pk__in=[])
    for direction in Direction.values:
        states = states_at(direction, stage)
        if states:
            q |= Q(direction=direction, state__in=states)
    return q


def stage_case() -> Case:
    """The stage code of each request (``workflow.owners.work_stage``); null once closed."""
    return Case(*[When(_at(stage), then=Value(stage.value)) for stage in WorkStage],
                default=Value(None), output_field=CharField())


def stage_owner_case() -> Case:
    """The id of the owner of each request's current stage; null where none is named, at review
    and once closed."""
    return Case(*[When(_at(stage), then=F(OWNER_FIELDS[stage])) for stage in OWNER_STAGES],
                default=Value(None), output_field=IntegerField())


# --- My work ----------------------------------------------------------------------------------------
def _owned_by(owner_id: int) -> Q:
    """Requests whose current stage ``owner_id`` owns: per stage, its states and its owner
    column (the same as ``stage_owner_case`` = ``owner_id``, in a form indexes can answer)."""
    owned = Q(pk__in=[])
    for stage in OWNER_STAGES:
        owned |= _at(stage) & Q(**{f"{OWNER_FIELDS[stage]}_id": owner_id})
    return owned


def _without_owner_at(stage: WorkStage) -> Q:
    """Requests at ``stage`` nobody owns; at review, which has no owner, every request."""
    if stage not in OWNER_FIELDS:
        return _at(stage)
    return _at(stage) & Q(**{f"{OWNER_FIELDS[stage]}__isnull": True})


def _unassigned_for(user: UserOrAnonymous) -> Q | None:
    """Requests without an owner at their stage that ``user``'s role must act on in their
    office: drafts of their office (prosecutors), incoming requests their office executes
    (prosecutors), the central authority's work on the requests they see (clerks), drafts to
    review of their office or of an office without supervisors (supervisors)."""
    roles = user_roles(user)
    office = user_office_id(user)
    parts: list[Q] = []
    if Role.PROSECUTOR in roles and office is not None:
        parts.append(_without_owner_at(WorkStage.DRAFTING) & Q(requesting_authority_id=office))
        parts.append(_without_owner_at(WorkStage.EXECUTING) & Q(executing_authority_id=office))
    if Role.CLERK in roles:
        # ``requests_visible_to`` has already kept a clerk's offices and designated ones.
        parts.append(_without_owner_at(WorkStage.CLERK))
    if Role.SUPERVISOR in roles:
        review = _without_owner_at(WorkStage.REVIEW)
        if office is not None:
            office_has_supervisors = Exists(OfficeMembership.objects.filter(
                authority_id=OuterRef("requesting_authority_id"), user__is_active=True,
                user__groups__name=Role.SUPERVISOR.value))
            review &= Q(Q(requesting_authority_id=office) | ~office_has_supervisors)
        parts.append(review)
    if not parts:
        return None
    combined = parts[0]
    for part in parts[1:]:
        combined |= part
    return combined


MY_WORK_PAGE_SIZE = 50
# The inbox's due order (``AssistanceRequest.inbox_due_at``), across stages.
MY_WORK_ORDER = ("inbox_due_at", "id")


def my_work(*, user: UserOrAnonymous, now: datetime) -> QuerySet[AssistanceRequest]:
    """The open requests ``user`` must act on next: those whose current stage they own, and
    those without an owner at their stage that their role acts on in their office
    (``assigned`` false: "unassigned"). Each row carries ``work_stage``, ``assigned``,
    ``next_due_at`` and ``is_overdue``; in the inbox's due order (``inbox_due_at``: the soonest
    deadline needing action first, then those with none, newest first), read from the index of
    open requests by that time (``request_open_due_idx``); read it a page at a time with
    ``my_work_page``."""
    owner_id = getattr(user, "pk", None)
    if owner_id is None:
        return AssistanceRequest.objects.none()
    mine = _owned_by(owner_id)
    unassigned = _unassigned_for(user)
    wanted = mine if unassigned is None else mine | unassigned
    return (requests_visible_to(user).filter(stage_order__lt=CLOSED_STAGE_ORDER)
            .filter(wanted)
            .annotate(work_stage=stage_case(), stage_owner=stage_owner_case(),
                      assigned=Case(When(mine, then=Value(True)), default=Value(False),
                                    output_field=BooleanField()),
                      next_due_at=next_due_at_of_row(),
                      is_overdue=overdue_condition(now))
            .prefetch_related(*reference_rows_prefetched("instrument", "requesting_authority",
                                                         "requested_authority"))
            .order_by(*MY_WORK_ORDER))


def my_work_page(*, user: UserOrAnonymous, now: datetime, cursor: str | None = None,
                 size: int | None = None) -> KeysetPage[AssistanceRequest]:
    """One page of ``my_work``: the ``size`` (``MY_WORK_PAGE_SIZE``) requests after ``cursor`` (from the start without
    one), read from the index whatever the depth; no count of the rest (it would read every
    request the user may act on). Raises InvalidInput (``cursor``) for a cursor not of this
    list."""
    return keyset_page(my_work(user=user, now=now), order=MY_WORK_ORDER, cursor=cursor,
                       size=size or MY_WORK_PAGE_SIZE)


# --- workload per person ----------------------------------------------------------------------------
@dataclass
class WorkloadRow:
    """One person's figures; ``user`` None is the row of work nobody is named for."""

    user: User | None
    open_requests: int = 0
    overdue: int = 0
    due_soon: int = 0

    @property
    def name(self) -> str:
        if self.user is None:
            return ""
        return self.user.get_full_name() or self.user.get_username()

    @property
    def office(self) -> Any:
        membership = getattr(self.user, "office_membership", None) if self.user else None
        return membership.authority if membership is not None else None


def owned_stage_q() -> Q:
    """Requests at a stage someone owns (drafting, the central authority's, execution): the
    open requests the workload counts, per owner or for nobody named."""
    return _at(WorkStage.DRAFTING) | _at(WorkStage.CLERK) | _at(WorkStage.EXECUTING)


def due_soon_q(now: datetime) -> Q:
    """Open and due within ``DUE_SOON`` of ``now``: the workload's "due soon"."""
    return Q(status=DeadlineStatus.OPEN, due_at__gte=now, due_at__lte=now + DUE_SOON)


def workload(*, user: UserOrAnonymous, now: datetime) -> list[WorkloadRow]:
    """Per person (every active prosecutor and clerk, and anyone else who owns work): the open
    requests whose current stage they own, their overdue duties (``deadline_overdue_q``) and
    those due within 7 days; first a row (``user`` None) for the work nobody is named for.
    Supervisors and administrators only (ActionNotPermitted otherwise). Three queries whatever
    the numbers (the dashboard reads the first two figures with its own, ``workload_rows``)."""
    if not user_roles(user) & {Role.SUPERVISOR, Role.ADMIN}:
        raise ActionNotPermitted()
    owned = (requests_visible_to(user).exclude(state__in=list(FINAL_STATES))
             .annotate(stage_owner=stage_owner_case()).filter(owned_stage_q())
             .order_by().values("stage_owner").annotate(n=Count("pk")))
    requests_by_owner: dict[int | None, int] = {row["stage_owner"]: row["n"] for row in owned}
    # Both figures lie within "needing action" (overdue by ``deadline_overdue_q``, due soon
    # are open): reading only those rows leaves the met and closed history unread.
    duties = (deadlines_visible_to(user).filter(deadline_needing_action_q())
              .order_by().values("responsible_user")
              .annotate(overdue=Count("pk", filter=deadline_overdue_q(now)),
                        due_soon=Count("pk", filter=due_soon_q(now))))
    return workload_rows(requests_by_owner=requests_by_owner, duties_by_user={
        row["responsible_user"]: {"overdue": row["overdue"], "due_soon": row["due_soon"]}
        for row in duties})


def workload_rows(*, requests_by_owner: Mapping[int | None, int],
                  duties_by_user: Mapping[int | None, Mapping[str, int]]) -> list[WorkloadRow]:
    """The workload's rows from its figures: open requests per stage owner, and per responsible
    user the overdue and due-soon duties (None: nobody named). One query, for the people."""
    duties_by_user = {key: figures for key, figures in duties_by_user.items()
                      if figures["overdue"] or figures["due_soon"]}
    named = (set(requests_by_owner) | set(duties_by_user)) - {None}
    people = (User.objects.filter(Q(pk__in=named) | Q(
        is_active=True, groups__name__in=[Role.PROSECUTOR.value, Role.CLERK.value]))
        .distinct().select_related("office_membership__authority")
        .order_by("last_name", "first_name", "username"))

    def row(person: User | None, key: int | None) -> WorkloadRow:
        figures = duties_by_user.get(key, {})
        return WorkloadRow(user=person, open_requests=requests_by_owner.get(key, 0),
                           overdue=figures.get("overdue", 0), due_soon=figures.get("due_soon", 0))

    rows = [row(person, person.pk) for person in people]
    rows.sort(key=lambda r: (-r.overdue, -r.due_soon, -r.open_requests))
    return [row(None, None), *rows]


# --- a draft returned for revision -------------------------------------------------------------------
RETURN_FOR_REVISION = "return_for_revision"


def returned_for_revision(request: AssistanceRequest,
                          log: Iterable[TransitionLog] | None = None) -> TransitionLog | None:
    """The log entry of the latest return for revision while the draft is back in drafting (its
    reason and who returned it), else None. ``log``: the request's entries already read (the
    request page prefetches them); otherwise one query."""
    if request.direction != Direction.OUTGOING or request.state != RequestState.DRAFTING:
        return None
    if log is None:
        return (TransitionLog.objects.filter(request=request, action=RETURN_FOR_REVISION)
                .select_related("actor").order_by("-at", "-id").first())
    returns = [entry for entry in log if entry.action == RETURN_FOR_REVISION]
    return max(returns, key=lambda entry: (entry.at, entry.pk)) if returns else None
