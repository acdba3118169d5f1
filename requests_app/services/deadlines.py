"""Keeps Deadline rows in step with the facts: a request's rows inside the transaction of every
change to it (transition or recorded fact), an instrument's rows (periodic duties, suspension,
termination) whenever its dates change and once a day from beat."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from datetime import timedelta
from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import router
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from treaties.models import Instrument
from treaties.rules.calendar import local_date
from treaties.rules.deadlines import DEFAULT_REMINDER_LEADS
from treaties.rules.deadlines import OUTLIVE_THE_REQUEST
from treaties.rules.deadlines import DeadlineKind
from treaties.rules.deadlines import DeadlineSpec
from treaties.rules.deadlines import OfficePolicy
from treaties.rules.deadlines import compute_deadlines
from treaties.rules.deadlines import first_action_at
from treaties.rules.deadlines import first_chase_at
from treaties.rules.deadlines import instrument_deadlines
from treaties.rules.registers import RegisterPolicy
from treaties.rules.registers import register_deadlines

from ..compiled_sql import CompiledStatement
from ..compiled_sql import Slot
from ..compiled_sql import compiled_update
from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..models import FINAL_STATES
from ..models import AssistanceRequest
from ..models import DataFlow
from ..models import Deadline
from ..models import DeadlineStatus
from ..models import PersonalDataTransfer
from ..models import SupersededReason
from ..models import deadlines_provisional_for
from ..roles import Role
from ..roles import user_has_any_role
from ..workflow.owners import owner_field_for_role
from .facts import register_facts
from .facts import request_facts
from .inbox import inbox_due_at_of


def office_policy() -> OfficePolicy:
    return OfficePolicy(oral_confirmation_hours=settings.MLA_ORAL_CONFIRMATION_TARGET_HOURS,
                        notice_target_hours=settings.MLA_NOTICE_TARGET_HOURS,
                        untimed_notice_target_days=settings.MLA_NOTICE_UNTIMED_TARGET_DAYS,
                        execution_target_days=settings.MLA_EXECUTION_TARGET_DAYS,
                        status_inquiry_after_days=settings.MLA_STATUS_INQUIRY_AFTER_DAYS)


def register_policy() -> RegisterPolicy:
    """The office's targets for the register duties whose text gives no figure."""
    return RegisterPolicy(
        correction_days=settings.MLA_PERSONAL_DATA_CORRECTION_TARGET_DAYS,
        use_report_days=settings.MLA_PERSONAL_DATA_USE_REPORT_TARGET_DAYS,
        cost_consultation_days=settings.MLA_COST_CONSULTATION_TARGET_DAYS,
        disclosure_notice_days=settings.MLA_DISCLOSURE_NOTICE_TARGET_DAYS)


def request_deadline_specs(request: AssistanceRequest) -> list[DeadlineSpec]:
    """Every term running on ``request``: the treaty terms of its facts and those of its
    registers (personal data on termination or notice, reports on use, costs, disclosures)."""
    return (compute_deadlines(request.rulebook, request_facts(request), office_policy())
            + register_deadlines(request.rulebook, register_facts(request),
                                 request.instrument.dates, register_policy()))


def reminder_leads(kind: str) -> tuple[timedelta, ...]:
    """Reminder lead times of a deadline kind: ``MLA_REMINDER_LEAD_HOURS`` overrides the defaults."""
    hours = settings.MLA_REMINDER_LEAD_HOURS.get(kind)
    if hours is not None:
        return tuple(timedelta(hours=h) for h in hours)
    if kind == DeadlineKind.REPLY_DUE:
        # The office's interval before a reply to our letter is due, and the day before.
        days = settings.MLA_REPLY_REMINDER_DAYS
        return tuple(sorted({timedelta(days=days), timedelta(days=1)}, reverse=True))
    # ``DEFAULT_REMINDER_LEADS`` is keyed by ``DeadlineKind``, a StrEnum: a member is equal to,
    # and hashes like, the plain code a row stores.
    defaults: Mapping[Any, tuple[timedelta, ...]] = DEFAULT_REMINDER_LEADS
    return defaults.get(kind, ())


def chase_interval(kind: str) -> timedelta | None:
    """How often a missed deadline of ``kind`` is chased until it is done, or None where a miss
    is told once (missed, escalated). Office policy: a reply the other side owes to our letter is
    chased at the office's interval, ``MLA_REPLY_REMINDER_DAYS``."""
    if kind == DeadlineKind.REPLY_DUE:
        return timedelta(days=settings.MLA_REPLY_REMINDER_DAYS)
    return None


def responsible_owner_id(request: AssistanceRequest, role: str) -> int | None:
    """The person who answers for a deadline row of ``role`` on ``request``: the owner of that
    role's stage (``workflow.owners.owner_field_for_role``), or None where none is named (the
    role then acts, and the sweep tells the role)."""
    field_name = owner_field_for_role(request.direction, role)
    owner: int | None = getattr(request, f"{field_name}_id") if field_name else None
    return owner


def _schedule(row: Deadline, now: datetime, due_moved: bool, *, chased: bool = True) -> None:
    """Open rows are looked at again at their next reminder threshold or due time; a moved due
    time restarts the reminders from now. A missed row still not done whose kind is chased
    (``chase_interval``) is looked at again at its next chase, unless ``chased`` is false (its
    request is closed or withdrawn). Provisional rows are never looked at: they get their first
    action time when their request leaves drafting."""
    interval = chase_interval(row.kind)
    if row.provisional:
        row.next_action_at = None
    elif row.status == DeadlineStatus.OPEN:
        if due_moved or row.next_action_at is None:
            row.next_action_at = first_action_at(row.due_at, reminder_leads(row.kind), now)
    elif (chased and row.status == DeadlineStatus.MISSED and row.met_at is None
          and interval is not None):
        if due_moved or row.next_action_at is None:
            row.next_action_at = first_chase_at(row.due_at, interval, now)
    else:
        row.next_action_at = None


def _fields(row: Deadline) -> tuple[object, ...]:
    return (row.due_at, row.status, row.met_at, row.closed_reason, row.citation, row.basis,
            row.responsible_side, row.responsible_role, row.responsible_user_id,
            row.next_action_at, row.provisional, row.superseded_at, row.superseded_due_at,
            row.superseded_reason)


# Every column ``_apply`` and ``deadlines_sync`` may change on an existing row.
_WRITTEN_FIELDS = ("due_at", "status", "met_at", "closed_reason", "citation", "basis",
                   "responsible_side", "responsible_role", "responsible_user", "next_action_at",
                   "provisional", "superseded_at", "superseded_due_at", "superseded_reason",
                   "closed_by", "closed_at", "updated_at")


_WRITTEN_ATTNAMES = tuple(field.attname for name in _WRITTEN_FIELDS
                          for field in Deadline._meta.concrete_fields if field.name == name)


@cache
def _deadline_update(alias: str) -> CompiledStatement:
    """The UPDATE of one deadline row's written columns, compiled once (``compiled_sql``): a
    change moves a row or two, and compiling ``bulk_update``'s CASE for each column cost more
    than the database takes to write them."""
    return compiled_update(
        Deadline._base_manager.using(alias).filter(pk=Slot("where_id", Deadline._meta.pk)),
        _WRITTEN_FIELDS)


def _supersede(row: Deadline, *, missed_due: datetime, reason: SupersededReason,
               now: datetime) -> None:
    """Record that the row's miss (of ``missed_due``) was overtaken by a change of its basis."""
    row.superseded_at, row.superseded_due_at, row.superseded_reason = now, missed_due, reason
    row.closed_by, row.closed_at = None, None


def _apply(row: Deadline, spec: DeadlineSpec, now: datetime, request: AssistanceRequest) -> bool:
    """Bring ``row`` in line with ``spec``; return whether anything changed.

    A missed row whose due time moves, or that was missed while provisional, is superseded: the
    miss is recorded on the row (``superseded_*``) and the term runs again to its new due time
    (one row per request, kind and subject; notifications are keyed by the due time, so the new
    term earns its own, once)."""
    before = _fields(row)
    previous_due = row.due_at
    due_moved = row.due_at != spec.due_at
    row.due_at = spec.due_at
    row.citation = str(spec.citation)
    row.basis = spec.basis.value
    row.responsible_side = spec.responsible_side.value
    row.responsible_role = spec.responsible_role
    row.responsible_user_id = responsible_owner_id(request, spec.responsible_role)
    was_provisional = row.provisional
    row.provisional = deadlines_provisional_for(direction=request.direction, state=request.state)
    missed_unsatisfied = row.status == DeadlineStatus.MISSED and spec.satisfied_at is None
    if missed_unsatisfied and (due_moved or was_provisional) and not spec.waived_reason:
        _supersede(row, missed_due=previous_due, now=now,
                   reason=SupersededReason.DUE_MOVED if due_moved else SupersededReason.DRAFT)
        row.status, row.closed_reason = DeadlineStatus.OPEN, ""
        due_moved = True
    if spec.waived_reason:
        if row.status == DeadlineStatus.OPEN:
            row.status, row.closed_reason = DeadlineStatus.WAIVED, spec.waived_reason
    elif spec.satisfied_at is not None:
        row.met_at = spec.satisfied_at
        if row.status in (DeadlineStatus.OPEN, DeadlineStatus.SUPERSEDED):
            row.status = (DeadlineStatus.MET if spec.satisfied_at <= spec.due_at
                          else DeadlineStatus.MISSED)
    else:
        row.met_at = None
        # A moved fact (a later appearance date, an extended return term) reopens the term; a
        # superseded term that applies again runs again.
        reopen = ((row.status in (DeadlineStatus.WAIVED, DeadlineStatus.MET)
                   and now < spec.due_at)
                  or row.status == DeadlineStatus.SUPERSEDED)
        if reopen:
            row.status, row.closed_reason = DeadlineStatus.OPEN, ""
            row.closed_by, row.closed_at = None, None
            due_moved = True
    if (request.state in FINAL_STATES and row.status == DeadlineStatus.OPEN
            and spec.kind not in OUTLIVE_THE_REQUEST):
        row.status, row.closed_reason = DeadlineStatus.WAIVED, f"request {request.state}"
    _schedule(row, now, due_moved, chased=request.state not in FINAL_STATES)
    return before != _fields(row)


def deadlines_sync(*, request: AssistanceRequest, now: datetime,
                   write_sort_time: bool = True,
                   existing_rows: list[Deadline] | None = None) -> list[Deadline]:
    """Recompute the request's deadlines from its facts and write the differences, and the
    request's inbox sort time they give (``services.inbox``): with an UPDATE of that column
    where it moved, or, with ``write_sort_time=False``, only on the instance, for a caller that
    saves the request's row next (a change to the request: one write of the row).
    ``existing_rows``: the request's deadline rows where the caller has read them already
    (``services.fact_rows``)."""
    specs = {(s.kind.value, s.subject_key): s for s in request_deadline_specs(request)}
    if existing_rows is None:
        existing_rows = list(Deadline.objects.filter(request=request))
    existing = {(d.kind, d.subject_key): d for d in existing_rows}
    to_create, to_update = [], []
    for key, spec in specs.items():
        row = existing.get(key)
        if row is None:
            row = Deadline(request=request, instrument_id=request.instrument_id,
                           kind=spec.kind.value, subject_key=spec.subject_key,
                           status=DeadlineStatus.OPEN, due_at=spec.due_at)
            _apply(row, spec, now, request)
            to_create.append(row)
        elif _apply(row, spec, now, request):
            to_update.append(row)
    for key, row in existing.items():
        if key in specs:
            continue
        if row.status == DeadlineStatus.OPEN:
            row.status, row.closed_reason = DeadlineStatus.WAIVED, "no longer applies"
            row.next_action_at = None
            to_update.append(row)
        elif row.status == DeadlineStatus.MISSED and row.met_at is None:
            # Missed, and its basis is gone (the person removed, the fact corrected away).
            _supersede(row, missed_due=row.due_at, now=now,
                       reason=SupersededReason.NO_LONGER_APPLIES)
            row.status, row.next_action_at = DeadlineStatus.SUPERSEDED, None
            to_update.append(row)
    Deadline.objects.bulk_create(to_create)
    if to_update:
        # ``updated_at`` is stamped here: the UPDATE does not run ``auto_now``.
        for row in to_update:
            row.updated_at = now
        _deadline_update(router.db_for_write(Deadline)).execute_many(
            [{"where_id": row.pk, **{name: getattr(row, name) for name in _WRITTEN_ATTNAMES}}
             for row in to_update])
    sort_time = inbox_due_at_of(request, [*existing.values(), *to_create])
    if write_sort_time and sort_time != request.inbox_due_at:
        AssistanceRequest.objects.filter(pk=request.pk).update(inbox_due_at=sort_time)
    request.inbox_due_at = sort_time
    return to_create + to_update


def instrument_deadlines_sync(*, instrument: Instrument, now: datetime) -> list[Deadline]:
    """Create the instrument's current duty rows and follow its notices: a new termination or
    suspension notice adds the row announcing it, a withdrawn one waives it. Rows already met or
    missed stay as history."""
    specs = {(s.kind.value, s.subject_key): s for s in instrument_deadlines(
        instrument.rulebook, instrument.dates, local_date(now))}
    changed = []
    with transaction.atomic():
        existing = {(d.kind, d.subject_key): d for d in Deadline.objects.select_for_update()
                    .filter(instrument=instrument, request__isnull=True)}
        for key, spec in specs.items():
            row = existing.get(key)
            if row is None:
                row = Deadline(instrument=instrument, kind=spec.kind.value,
                               subject_key=spec.subject_key, due_at=spec.due_at,
                               citation=str(spec.citation), basis=spec.basis.value,
                               responsible_side=spec.responsible_side.value,
                               responsible_role=spec.responsible_role)
                _schedule(row, now, due_moved=True)
                row.save()
                changed.append(row)
        superseded = {DeadlineKind.INSTRUMENT_SUSPENSION.value, DeadlineKind.INSTRUMENT_TERMINATION.value}
        for key, row in existing.items():
            if key not in specs and row.kind in superseded and row.status == DeadlineStatus.OPEN:
                row.status, row.closed_reason = DeadlineStatus.WAIVED, "notice withdrawn"
                row.next_action_at = None
                row.save()
                changed.append(row)
    return changed


def personal_data_holders_sync(*, instrument: Instrument, now: datetime) -> int:
    """A termination notice recorded, moved or withdrawn: every request holding personal data
    received under the instrument gets, moves or loses its destruction rows (CZ 10.5, SK 5.6).
    Returns the number of requests brought in step."""
    if instrument.rulebook.personal_data_duties is None:
        return 0
    holders = (PersonalDataTransfer.objects
               .filter(request__instrument=instrument, flow=DataFlow.RECEIVED)
               .values("request_id"))
    requests = (AssistanceRequest.objects.select_for_update(of=("self",))
                .select_related("instrument", "requested_authority__state")
                .filter(pk__in=holders).order_by("pk"))
    count = 0
    with transaction.atomic():
        for request in requests:
            deadlines_sync(request=request, now=now)
            count += 1
    return count


def instruments_deadlines_sync(*, now: datetime) -> int:
    """All instruments: what the daily beat task runs."""
    return sum(len(instrument_deadlines_sync(instrument=instrument, now=now))
               for instrument in Instrument.objects.all())


def instrument_duty_mark_done(*, actor: User, deadline_id: int, done_at: datetime,
                              note: str = "") -> Deadline:
    """Record that a periodic duty of an instrument was performed (RS 18: the six-monthly report
    of convictions went to the other side). A duty done late stays missed, with its time."""
    if not user_has_any_role(actor, (Role.CLERK,)):
        raise ActionNotPermitted()
    with transaction.atomic():
        row = (Deadline.objects.select_for_update()
               .filter(pk=deadline_id, request__isnull=True).first())
        if row is None:
            raise InvalidInput({"deadline": str(_("Not found."))})
        if row.status not in (DeadlineStatus.OPEN, DeadlineStatus.MISSED) or row.met_at:
            raise InvalidInput({"deadline": str(_("This duty is already recorded as done."))})
        row.met_at = done_at
        if row.status == DeadlineStatus.OPEN:
            row.status = DeadlineStatus.MET if done_at <= row.due_at else DeadlineStatus.MISSED
        row.next_action_at = None
        row.closed_reason = f"done by {actor.get_username()}: {note}".strip(": ")[:300]
        row.save()
    return row
