"""The supervisors' dashboard: what needs action (overdue, due within 24 hours, 7 days, 30 days),
the requests counted by instrument, state, stage and direction, and the ageing of open requests.

Every figure is aggregated in the database (conditional ``Count``): one query over the deadlines
and one over the requests, which under the default filters also give the workload's figures
(grouped by owner as well). Each list is read 25 rows at a time in (due time, id) order, the
next page after a keyset cursor: open lists range over the ``(status, due_at)`` index, the
overdue one over the partial ``deadline_late_due_idx``, so a page costs the same whatever the
number of rows. "Overdue" and "needing action" are the deadline policies of
``DeadlineQuerySet``; the deadlines a user sees are ``deadlines_visible_to``; the stages are the
inbox's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from typing import TYPE_CHECKING
from typing import Any

from django.db.models import BooleanField
from django.db.models import Case
from django.db.models import Count
from django.db.models import Exists
from django.db.models import OuterRef
from django.db.models import Q
from django.db.models import QuerySet
from django.db.models import Value
from django.db.models import When
from django.utils.translation import gettext_lazy

from treaties.models import Instrument
from treaties.rules.calendar import start_of_day

from ..models import FINAL_STATES
from ..models import AssistanceRequest
from ..models import Deadline
from ..models import DeadlineStatus
from ..models import Direction
from ..models import RequestState
from ..models import deadline_needing_action_q
from ..models import deadline_overdue_q
from ..roles import Role
from ..roles import user_roles
from .deadlines import deadlines_visible_to
from .people import WorkloadRow
from .people import due_soon_q
from .people import owned_stage_q
from .people import stage_owner_case
from .people import workload
from .people import workload_rows
from .requests import STAGE_OF_STATE
from .requests import STAGES
from .requests import requests_visible_where

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from ..roles import UserOrAnonymous

# Ageing of open requests in calendar days (Asia/Almaty) since they were created:
# (key, label, youngest age in days, oldest age in days or None).
AGE_BUCKETS: tuple[tuple[str, StrOrPromise, int, int | None], ...] = (
    ("a0", gettext_lazy("0–30 days"), 0, 30),
    ("a1", gettext_lazy("31–90 days"), 31, 90),
    ("a2", gettext_lazy("91–180 days"), 91, 180),
    ("a3", gettext_lazy("181–365 days"), 181, 365),
    ("a4", gettext_lazy("over 365 days"), 366, None),
)

# The four lists, and the window (hours from now) of the upcoming ones. Overdue and the first
# window meet at ``now``: a deadline due this instant is not overdue yet and is due within 24 hours.
BUCKETS: tuple[tuple[str, StrOrPromise], ...] = (
    ("overdue", gettext_lazy("Overdue")),
    ("h24", gettext_lazy("Due within 24 hours")),
    ("d7", gettext_lazy("Due within 7 days")),
    ("d30", gettext_lazy("Due within 30 days")),
)
_WINDOWS = {"h24": (0, 24), "d7": (24, 7 * 24), "d30": (7 * 24, 30 * 24)}
DEADLINE_FIGURES = ("overdue", "h24", "d7", "d30", "later")

NEEDS_ACTION, ALL_STATUSES = "", "all"


@dataclass(frozen=True)
class Filters:
    """What the dashboard was asked for; empty values mean "any"."""

    instrument_id: int | None = None
    direction: str = ""
    side: str = ""
    basis: str = ""
    status: str = NEEDS_ACTION  # a DeadlineStatus, NEEDS_ACTION or ALL_STATUSES
    date_from: date | None = None
    date_to: date | None = None

    @property
    def narrows_by_deadline(self) -> bool:
        """Whether the request figures must be limited to requests with matching deadlines."""
        return bool(self.side or self.basis or self.status not in (NEEDS_ACTION, ALL_STATUSES))


def _date_range(name: str, start: date | None, end: date | None) -> Q:
    q = Q()
    if start:
        q &= Q(**{f"{name}__gte": start_of_day(start)})
    if end:
        q &= Q(**{f"{name}__lt": start_of_day(end + timedelta(days=1))})
    return q


def bucket_q(key: str, now: datetime) -> Q:
    """The deadlines of one list: overdue, or open and due in the list's window."""
    if key == "overdue":
        return deadline_overdue_q(now)
    hours_from, hours_to = _WINDOWS[key]
    start = now + timedelta(hours=hours_from)
    after_start = Q(due_at__gte=start) if hours_from == 0 else Q(due_at__gt=start)
    return (Q(status=DeadlineStatus.OPEN, due_at__lte=now + timedelta(hours=hours_to))
            & after_start)


def _deadline_filter(f: Filters) -> Q:
    q = Q()
    if f.instrument_id:
        q &= Q(instrument_id=f.instrument_id)
    if f.direction:
        q &= Q(request__direction=f.direction)
    if f.side:
        q &= Q(responsible_side=f.side)
    if f.basis:
        q &= Q(basis=f.basis)
    if f.status == NEEDS_ACTION:
        q &= deadline_needing_action_q()
    elif f.status != ALL_STATUSES:
        q &= Q(status=f.status)
    return q & _date_range("due_at", f.date_from, f.date_to)


def deadlines_for_dashboard(*, user: UserOrAnonymous, filters: Filters) -> QuerySet[Deadline]:
    """The deadlines ``user`` may see that match ``filters``, soonest first."""
    return (deadlines_visible_to(user).filter(_deadline_filter(filters))
            .order_by("due_at", "id"))


def requests_for_dashboard(*, user: UserOrAnonymous,
                           filters: Filters) -> QuerySet[AssistanceRequest]:
    qs = requests_visible_where(
        user, direction=filters.direction,
        instrument=Q(instrument_id=filters.instrument_id) if filters.instrument_id else None)
    qs = qs.filter(_date_range("created_at", filters.date_from, filters.date_to))
    if filters.narrows_by_deadline:
        matching = Deadline.objects.filter(request=OuterRef("pk")).filter(
            _deadline_filter(Filters(side=filters.side, basis=filters.basis,
                                     status=filters.status)))
        qs = qs.filter(Exists(matching))
    return qs


# --- the lists, 25 rows at a time ---------------------------------------------------------------
# Each list is read in pages of LIST_PAGE_SIZE in its order (due time, then id), the next page
# starting strictly after the last row shown (keyset pagination: an index range, whatever the
# depth, and no row repeated or skipped when rows are added in front).
LIST_PAGE_SIZE = 25
_CURSOR = re.compile(r"(-?[0-9]{1,18})_([0-9]{1,18})")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class InvalidCursor(ValueError):
    """A "show more" position that this page did not make (edited or truncated by hand)."""


@dataclass(frozen=True)
class ListCursor:
    """Where a page of a list ends: the due time and id of its last row."""

    due_at: datetime
    pk: int

    def encode(self) -> str:
        delta = self.due_at - _EPOCH
        micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
        return f"{micros}_{self.pk}"

    @classmethod
    def decode(cls, text: str) -> ListCursor:
        """The cursor ``encode`` wrote; InvalidCursor for anything else."""
        match = _CURSOR.fullmatch(text)
        if not match:
            raise InvalidCursor(text)
        try:
            due_at = _EPOCH + timedelta(microseconds=int(match[1]))
        except OverflowError:
            raise InvalidCursor(text) from None
        return cls(due_at=due_at, pk=int(match[2]))

    def after_q(self) -> Q:
        return Q(due_at__gt=self.due_at) | Q(due_at=self.due_at, pk__gt=self.pk)


# What a list's row shows (``_deadline_table.html``): the request's and the instrument's wide
# rows are not read for it. The request's state is read by the state machine's mixin whenever
# a request is loaded (deferred, it would cost a query per row).
LIST_ROW_FIELDS = (
    "request_id", "instrument_id", "kind", "due_at", "citation", "basis", "status",
    "responsible_side", "responsible_role", "responsible_user_id", "provisional",
    "request__reference", "request__state", "instrument__slug", "responsible_user__username",
    "responsible_user__first_name", "responsible_user__last_name")


@dataclass
class DeadlineListPage:
    key: str
    label: StrOrPromise
    rows: list[Deadline]
    # Where the next page starts; None on the last page.
    next_cursor: str | None


def deadline_list_page(deadlines: QuerySet[Deadline], key: str, now: datetime, *,
                       after: ListCursor | None = None,
                       size: int = LIST_PAGE_SIZE) -> DeadlineListPage:
    """One page of one list (``BUCKETS``): the ``size`` deadlines after ``after`` (from the
    start without), with what its rows show. One query: it reads one row more than it shows to
    know whether there is a next page."""
    qs = deadlines.filter(bucket_q(key, now))
    if after is not None:
        qs = qs.filter(after.after_q())
    rows = list(qs.select_related("request", "instrument", "responsible_user")
                .only(*LIST_ROW_FIELDS).order_by("due_at", "pk")[:size + 1])
    more = len(rows) > size
    rows = rows[:size]
    last = rows[-1] if rows else None
    return DeadlineListPage(
        key=key, label=dict(BUCKETS)[key], rows=rows,
        next_cursor=ListCursor(last.due_at, last.pk).encode() if more and last else None)


def deadlines_for_lists(*, user: UserOrAnonymous, filters: Filters) -> QuerySet[Deadline]:
    """``deadlines_for_dashboard`` for the lists. Every list lies within "needing action" (the
    overdue ones by ``deadline_overdue_q``, the others are open), so that default filter is
    left out here: it would only make the database join each row's request to check again what
    the list's own condition already says, and keep it from reading the list's index in order."""
    if filters.status == NEEDS_ACTION:
        filters = replace(filters, status=ALL_STATUSES)
    return deadlines_for_dashboard(user=user, filters=filters)


def dashboard_lists(*, user: UserOrAnonymous, filters: Filters,
                    now: datetime) -> list[DeadlineListPage]:
    """The first page of every list, one query each."""
    deadlines = deadlines_for_lists(user=user, filters=filters)
    return [deadline_list_page(deadlines, key, now) for key, _label in BUCKETS]


# --- figures ----------------------------------------------------------------------------------
# A row of ``values(...).annotate(**aggregates)``: the aggregates' keys are known only at run time.
CountRow = Mapping[str, Any]


def _deadline_counts(deadlines: QuerySet[Deadline], now: datetime, *,
                     by_owner: bool = False) -> list[CountRow]:
    """Per instrument id (and responsible user, ``by_owner``, with the workload's "due soon"):
    how many deadlines are in each list, beyond 30 days, and in all."""
    aggregates = {key: Count("pk", filter=bucket_q(key, now)) for key, _label in BUCKETS}
    aggregates["later"] = Count("pk", filter=Q(status=DeadlineStatus.OPEN,
                                               due_at__gt=now + timedelta(days=30)))
    aggregates["total"] = Count("pk")
    group = ["instrument_id"]
    if by_owner:
        aggregates["due_soon"] = Count("pk", filter=due_soon_q(now))
        group.append("responsible_user")
    return list(deadlines.order_by().values(*group).annotate(**aggregates))


def _age_filters(today: date) -> dict[str, Q]:
    out = {}
    for key, _label, youngest, oldest in AGE_BUCKETS:
        q = Q(created_at__lt=start_of_day(today - timedelta(days=youngest - 1)))
        if oldest is not None:
            q &= Q(created_at__gte=start_of_day(today - timedelta(days=oldest)))
        out[key] = q
    return out


def _request_counts(requests: QuerySet[AssistanceRequest], today: date, *,
                    by_owner: bool = False) -> list[CountRow]:
    """One row per (instrument, state, direction) with the number of requests and, for the
    ageing chart, how many fall in each age bucket; ``by_owner``: per owner of the current
    stage as well, and whether it is a stage the workload counts."""
    ages = {key: Count("pk", filter=q) for key, q in _age_filters(today).items()}
    group = ["instrument_id", "state", "direction"]
    if by_owner:
        requests = requests.annotate(
            stage_owner=stage_owner_case(),
            owned_stage=Case(When(owned_stage_q(), then=Value(True)), default=Value(False),
                             output_field=BooleanField()))
        group += ["stage_owner", "owned_stage"]
    return list(requests.order_by().values(*group).annotate(n=Count("pk"), **ages))


def _shared_workload(request_rows: Sequence[CountRow],
                     deadline_rows: Sequence[CountRow]) -> list[WorkloadRow]:
    """``people.workload`` from the dashboard's own counts, grouped by owner as well: the
    same figures (its requests are the open ones at an owned stage, its duties those needing
    action, as here under the default filters) without scanning both tables again."""
    requests_by_owner: dict[int | None, int] = {}
    for row in request_rows:
        if row["owned_stage"] and row["state"] not in FINAL_STATES:
            owner = row["stage_owner"]
            requests_by_owner[owner] = requests_by_owner.get(owner, 0) + row["n"]
    duties_by_user: dict[int | None, dict[str, int]] = {}
    for row in deadline_rows:
        figures = duties_by_user.setdefault(row["responsible_user"],
                                            {"overdue": 0, "due_soon": 0})
        figures["overdue"] += row["overdue"]
        figures["due_soon"] += row["due_soon"]
    return workload_rows(requests_by_owner=requests_by_owner, duties_by_user=duties_by_user)


@dataclass
class InstrumentRow:
    instrument: Instrument
    open_requests: int = 0
    closed_requests: int = 0
    overdue: int = 0
    h24: int = 0
    d7: int = 0
    d30: int = 0
    later: int = 0
    ages: list[int] = field(default_factory=lambda: [0] * len(AGE_BUCKETS))

    @property
    def due_soon(self) -> int:
        return self.h24 + self.d7 + self.d30

    def add_requests(self, row: CountRow) -> None:
        if row["state"] in FINAL_STATES:
            self.closed_requests += row["n"]
            return
        self.open_requests += row["n"]
        for index, (key, *_rest) in enumerate(AGE_BUCKETS):
            self.ages[index] += row[key]


def _by_state(request_rows: Sequence[CountRow]) -> dict[str, int]:
    counts = dict.fromkeys(RequestState.values, 0)
    for row in request_rows:
        counts[row["state"]] += row["n"]
    return counts


def _by_direction(request_rows: Sequence[CountRow]) -> list[dict[str, Any]]:
    counts = {d: {"open": 0, "total": 0} for d in Direction.values}
    for row in request_rows:
        counts[row["direction"]]["total"] += row["n"]
        if row["state"] not in FINAL_STATES:
            counts[row["direction"]]["open"] += row["n"]
    return [{"direction": d, "label": label, **counts[d]} for d, label in Direction.choices]


def _deadline_totals(deadline_rows: Sequence[CountRow],
                     rows: dict[int, InstrumentRow]) -> dict[str, int]:
    totals = dict.fromkeys([*DEADLINE_FIGURES, "total"], 0)
    for counts in deadline_rows:
        for key in totals:
            totals[key] += counts[key]
        target = rows.get(counts["instrument_id"])
        if target is not None:
            for key in DEADLINE_FIGURES:
                setattr(target, key, getattr(target, key) + counts[key])
    return totals


def dashboard_figures(*, user: UserOrAnonymous, filters: Filters, now: datetime,
                      today: date, with_workload: bool = False) -> dict[str, Any]:
    """Every count the dashboard shows, from two aggregate queries and the instruments; with
    ``with_workload`` also ``workload`` (``people.workload``, supervisors only). Under the
    default filters the workload's figures come from the same two queries, grouped by owner as
    well (one scan of each table instead of two); under others it runs its own."""
    shared = (with_workload and filters == Filters()
              and bool(user_roles(user) & {Role.SUPERVISOR, Role.ADMIN}))
    deadline_rows = _deadline_counts(deadlines_for_dashboard(user=user, filters=filters), now,
                                     by_owner=shared)
    request_rows = _request_counts(requests_for_dashboard(user=user, filters=filters), today,
                                   by_owner=shared)
    instruments = [i for i in Instrument.objects.order_by("slug")
                   if not filters.instrument_id or i.pk == filters.instrument_id]
    by_instrument = {i.pk: InstrumentRow(i) for i in instruments}
    for row in request_rows:
        target = by_instrument.get(row["instrument_id"])
        if target is not None:
            target.add_requests(row)
    by_state = _by_state(request_rows)
    rows = list(by_instrument.values())
    labels = dict(RequestState.choices)
    return {
        "instrument_rows": rows,
        "stages": [{"key": stage.key, "label": stage.label,
                    "count": sum(by_state[s] for s in stage.states)} for stage in STAGES],
        "states": [{"state": s, "label": labels[s], "stage": STAGE_OF_STATE[s].key, "count": n}
                   for s, n in by_state.items() if n],
        "directions": _by_direction(request_rows),
        "deadline_totals": _deadline_totals(deadline_rows, by_instrument),
        "age_totals": [sum(r.ages[i] for r in rows) for i in range(len(AGE_BUCKETS))],
        "requests_total": sum(by_state.values()),
        "open_requests_total": sum(r.open_requests for r in rows),
        **({"workload": _shared_workload(request_rows, deadline_rows) if shared
            else workload(user=user, now=now)} if with_workload else {}),
    }
