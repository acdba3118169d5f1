"""The deadline sweep: reminders before a deadline, missed deadlines with escalation, and the
e-mails for new notifications.

Any number of workers and beat replicas may run it at once. Due rows are claimed with
``SELECT … FOR UPDATE SKIP LOCKED`` on the partial index of open rows (PostgreSQL); on SQLite the
IMMEDIATE transactions serialise writers. Either way the unique constraints on
(deadline, threshold, due time) and (event, recipient) are the final guarantee that every
notification exists exactly once. Work is done in batches with a constant number of queries per
batch, whatever the batch size.

The hot path holds no model instances: the claim reads plain tuples, the pure rules of
``treaties.rules.deadlines`` (``plan_sweep``, ``plan_chase``) decide in Python what each row
needs, and the plan is written set-based, one statement per table and batch: an
``UPDATE … FROM (VALUES …)`` marks the rows, ``INSERT … SELECT … ON CONFLICT DO NOTHING`` writes
the events, and an ``INSERT … SELECT`` joined to the events writes the notifications.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.core.mail import get_connection
from django.db import connection
from django.db import transaction
from django.db.models import Model
from django.db.models import Q
from django.utils import timezone

from treaties.models import Instrument
from treaties.rules.deadlines import ESCALATED
from treaties.rules.deadlines import MISSED
from treaties.rules.deadlines import TAKES_EFFECT_KINDS
from treaties.rules.deadlines import first_chase_at
from treaties.rules.deadlines import plan_chase
from treaties.rules.deadlines import plan_sweep

from ..models import Deadline
from ..models import DeadlineStatus
from ..models import EmailOutcome
from ..models import Notification
from ..models import NotificationEvent
from ..models import NotificationPreference
from ..models import ResponsibleSide
from ..models import notification_kind_of_threshold
from ..roles import Role
from .deadlines import chase_interval
from .deadlines import reminder_leads
from .notices import notification_message

logger = logging.getLogger(__name__)
TOOK_EFFECT = "took_effect"


@dataclass
class SweepResult:
    examined: int = 0
    reminders: int = 0
    missed: int = 0
    took_effect: int = 0
    batches: int = 0

    def add(self, other: SweepResult) -> None:
        for name in ("examined", "reminders", "missed", "took_effect", "batches"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


class ClaimedRow(NamedTuple):
    """What the sweep reads of a claimed row (and of its request, to find whom to notify): plain
    values, in the order of ``_CLAIM_FIELDS``."""

    id: int
    instrument_id: int
    kind: str
    due_at: datetime
    status: str
    next_action_at: datetime
    responsible_side: str
    responsible_role: str
    responsible_user_id: int | None
    request_id: int | None
    requesting_authority_id: int | None
    requested_authority_id: int | None
    executing_authority_id: int | None


_CLAIM_FIELDS = ("id", "instrument_id", "kind", "due_at", "status", "next_action_at",
                 "responsible_side", "responsible_role", "responsible_user_id", "request_id",
                 "request__requesting_authority_id", "request__requested_authority_id",
                 "request__executing_authority_id")


def _claim(now: datetime, batch_size: int) -> list[ClaimedRow]:
    # Open rows at a reminder or their due time; missed rows still chased (``chase_interval``).
    qs = (Deadline.objects.filter(status__in=(DeadlineStatus.OPEN, DeadlineStatus.MISSED),
                                  next_action_at__lte=now)
          .order_by("next_action_at"))
    if connection.features.has_select_for_update_skip_locked:
        qs = qs.select_for_update(skip_locked=True, of=("self",))
    return list(map(ClaimedRow._make, qs.values_list(*_CLAIM_FIELDS)[:batch_size]))


@dataclass
class _Directory:
    """Who works where, read once per batch: active users by role and office, supervisors, and
    the Kazakh authorities designated for each instrument."""

    by_role_office: dict[tuple[str, int], set[int]] = field(default_factory=lambda: defaultdict(set))
    supervisors: set[int] = field(default_factory=set)
    # Every active user holding a role: an owner who left is replaced by the role.
    active: set[int] = field(default_factory=set)
    instrument_offices: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def load(cls, instrument_ids: Iterable[int]) -> _Directory:
        directory = cls()
        rows = (User.objects.filter(is_active=True, groups__name__in=[r.value for r in Role])
                .values_list("id", "groups__name", "office_membership__authority_id"))
        for user_id, role, office in rows:
            directory.active.add(user_id)
            if role == Role.SUPERVISOR.value:
                directory.supervisors.add(user_id)
            if office is not None:
                directory.by_role_office[(role, office)].add(user_id)
        links = Instrument.authorities.through.objects.filter(
            instrument_id__in=instrument_ids, authority__state__iso_code="KZ")
        for instrument_id, authority_id in links.values_list("instrument_id", "authority_id"):
            directory.instrument_offices[instrument_id].add(authority_id)
        return directory

    def recipients(self, row: ClaimedRow, threshold: str) -> set[int]:
        """Who is told: supervisors of an escalation; otherwise the deadline's responsible user
        (the owner of the stage that must act, ``deadlines_sync``) and, only where there is none
        (or they left), the users of the responsible role in the request's offices. Supervisors
        too when a notice takes effect or the duty is theirs, and whenever nobody else is."""
        if threshold == ESCALATED:
            return set(self.supervisors)
        if row.responsible_user_id in self.active:
            users = {row.responsible_user_id}
        else:
            users = self._role_users(row)
        if threshold == TOOK_EFFECT or row.responsible_role == Role.SUPERVISOR.value:
            users |= self.supervisors
        # Nobody in charge is a gap a supervisor must see.
        return users or set(self.supervisors)

    def _role_users(self, row: ClaimedRow) -> set[int]:
        """The fallback: the responsible role's users in the request's offices (clerks also of
        the offices designated for the instrument)."""
        offices = {office for office in (row.requesting_authority_id, row.requested_authority_id,
                                         row.executing_authority_id)
                   if office is not None}
        role = row.responsible_role or Role.CLERK.value
        if row.responsible_side == ResponsibleSide.OTHER_SIDE or role == Role.SUPERVISOR.value:
            # The other side must act: our clerks chase them.
            role = Role.CLERK.value
        users = set().union(*(self.by_role_office.get((role, o), set()) for o in offices))
        if role == Role.CLERK.value or not users:
            # Clerks of the offices designated for the instrument (central authority) too.
            designated = self.instrument_offices.get(row.instrument_id, set())
            users |= set().union(*(self.by_role_office.get((Role.CLERK.value, o), set())
                                   for o in designated))
        return users


@dataclass
class _BatchPlan:
    """What one batch writes, as plain values: each claimed row's new (id, status, next action),
    and the events it earns (the row, the threshold)."""

    marks: list[tuple[int, str, datetime | None]] = field(default_factory=list)
    events: list[tuple[ClaimedRow, str]] = field(default_factory=list)


def _plan(rows: list[ClaimedRow], now: datetime, result: SweepResult) -> _BatchPlan:
    """Decide, in Python and with the rules' pure functions only, what each claimed row needs."""
    plan = _BatchPlan()
    # The kind's reminder leads and chase interval, looked up once per kind and batch.
    policies: dict[str, tuple[tuple[timedelta, ...], timedelta | None]] = {}
    for row in rows:
        # A claimed row is due: its ``next_action_at`` is at or before ``now``, never null.
        assert row.next_action_at is not None
        if row.kind not in policies:
            policies[row.kind] = (reminder_leads(row.kind), chase_interval(row.kind))
        leads, interval = policies[row.kind]
        if row.status == DeadlineStatus.MISSED:
            # Still not done since it was missed: chased at the office's interval.
            step = plan_chase(row.due_at, interval or timedelta(days=1), now)
        else:
            step = plan_sweep(row.due_at, leads, row.next_action_at, now)
        if step.missed and row.kind in TAKES_EFFECT_KINDS:
            # An instrument's suspension or termination is not missed: it takes effect.
            plan.marks.append((row.id, DeadlineStatus.MET.value, None))
            plan.events.append((row, TOOK_EFFECT))
            result.took_effect += 1
        elif step.missed:
            # Chased from now on where the office chases this kind, else told once.
            chase = first_chase_at(row.due_at, interval, now) if interval is not None else None
            plan.marks.append((row.id, DeadlineStatus.MISSED.value, chase))
            plan.events += [(row, MISSED), (row, ESCALATED)]
            result.missed += 1
        else:
            if step.reminder:
                plan.events.append((row, step.reminder))
                result.reminders += 1
            plan.marks.append((row.id, row.status, step.next_action_at))
    return plan


# --- set-based writes -------------------------------------------------------------------------
def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _columns(model: type[Model]) -> dict[str, str]:
    """The model's quoted column names by field name (``event`` -> ``"event_id"``)."""
    quote = connection.ops.quote_name
    return {f.name: quote(f.column) for f in model._meta.concrete_fields if f.column}


def _typed(expression: str, model: type[Model], name: str) -> str:
    """``expression`` as the column's type. A VALUES column holding only NULLs is of type text on
    PostgreSQL and cannot be assigned to a timestamp or integer column without a cast; SQLite
    has no column types to cast to (a CAST to "datetime" would make numbers of the stored text),
    and takes the values as they are."""
    if connection.vendor == "sqlite":
        return expression
    return f"CAST({expression} AS {model._meta.get_field(name).db_type(connection)})"


def _max_params() -> int | None:
    """How many parameters one statement may carry: SQLite's compiled limit (32,766 on current
    builds; Django assumes the old 999), none for PostgreSQL with client-side binding."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return int(connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    return connection.features.max_query_params


def _values_sql(columns: Sequence[str], rows: Sequence[Sequence[Any]]
                ) -> tuple[str, list[Any]]:
    """``(columns) AS (VALUES …)`` over ``rows``, and its parameters."""
    placeholder = "(" + ", ".join(["%s"] * len(columns)) + ")"
    sql = f"({', '.join(columns)}) AS (VALUES " + ", ".join([placeholder] * len(rows)) + ")"
    return sql, [value for row in rows for value in row]


def _values_cte(columns: Sequence[str], rows: Sequence[Sequence[Any]], extra: int
                ) -> Iterator[tuple[str, list[Any]]]:
    """``WITH v(columns) AS (VALUES …)`` over ``rows``, with its parameters; one statement's worth
    of rows at a time (a single one unless a batch overflows SQLite's parameter limit)."""
    limit = _max_params()
    size = max(1, (limit - extra) // len(columns)) if limit else len(rows)
    for start in range(0, len(rows), size):
        sql, params = _values_sql(columns, rows[start:start + size])
        yield f"WITH v {sql}", params


def _mark_sql() -> str:
    """Each row's status and next action from ``v``; the took-effect ones met at their due time."""
    col = _columns(Deadline)
    return (f"UPDATE {_table(Deadline)} AS d SET "
            f"{col['status']} = v.status, "
            f"{col['next_action_at']} = {_typed('v.next_action_at', Deadline, 'next_action_at')}, "
            f"{col['met_at']} = CASE WHEN v.status = %s THEN d.{col['due_at']} "
            f"ELSE d.{col['met_at']} END, "
            f"{col['updated_at']} = %s "
            f"FROM v WHERE d.{col['id']} = v.id")


def _events_sql() -> str:
    """An event already there (the same threshold of the same due time) stays as it is."""
    col = _columns(NotificationEvent)
    return (f"INSERT INTO {_table(NotificationEvent)} "
            f"({col['deadline']}, {col['threshold']}, {col['due_at']}, {col['created_at']}) "
            f"SELECT v.deadline_id, v.threshold, v.due_at, %s FROM v "
            # ``WHERE true``: SQLite would read an ON right after FROM as a join's.
            f"WHERE true ON CONFLICT DO NOTHING")


def _notifications_sql(cte: str) -> str:
    """Each event's audience (``v``) times its members (``r``), joined to the events by their
    unique key (deadline, threshold, due time) so that an event that existed before is found like
    a new one; one notification per event and recipient."""
    event, col = _columns(NotificationEvent), _columns(Notification)
    return (f"{cte} INSERT INTO {_table(Notification)} "
            f"({col['kind']}, {col['event']}, {col['request']}, {col['recipient']}, "
            f"{col['text']}, {col['created_at']}, {col['email_outcome']}) "
            f"SELECT v.kind, e.{event['id']}, {_typed('v.request_id', Notification, 'request')}, "
            f"r.recipient_id, '', %s, '' "
            f"FROM v JOIN r ON r.audience = v.audience "
            f"JOIN {_table(NotificationEvent)} AS e "
            f"ON e.{event['deadline']} = v.deadline_id AND e.{event['threshold']} = v.threshold "
            f"AND e.{event['due_at']} = v.due_at "
            f"WHERE true ORDER BY e.{event['id']}, r.recipient_id ON CONFLICT DO NOTHING")


# A deadline notification to write: deadline, threshold, due time (as the database stores it),
# kind, request, and the number of its audience.
Told = tuple[int, str, Any, str, int | None, int]


def _insert_notifications(told: list[Told], audiences: list[list[int]], created: Any) -> None:
    """Write the notifications of ``told`` (deadline, threshold, due time, kind, request, audience
    number) to the members of each audience: a few sets of recipients shared by many events, so
    the statement carries each event once and each set once, not each notification."""
    limit = _max_params()
    chunks: list[tuple[list[Told], set[int]]] = [([], set())]
    used = 1  # the creation time
    for item in told:
        new = 0 if item[-1] in chunks[-1][1] else 2 * len(audiences[item[-1]])
        if limit and chunks[-1][0] and used + len(item) + new > limit:
            # Only past SQLite's parameter limit: the rest in a statement of its own.
            chunks.append(([], set()))
            used, new = 1, 2 * len(audiences[item[-1]])
        chunks[-1][0].append(item)
        chunks[-1][1].add(item[-1])
        used += len(item) + new
    with connection.cursor() as cursor:
        for items, numbers in chunks:
            members = [(n, user) for n in sorted(numbers) for user in audiences[n]]
            events_sql, params = _values_sql(NOTIFIED_COLUMNS, items)
            members_sql, member_params = _values_sql(("audience", "recipient_id"), members)
            cte = f"WITH v {events_sql}, r {members_sql}"
            cursor.execute(_notifications_sql(cte), [*params, *member_params, created])


def _write(columns: Sequence[str], rows: Sequence[Sequence[Any]], statement: str,
           extra: Sequence[Any]) -> None:
    """Run ``WITH v(columns) AS (VALUES rows) statement``; ``extra`` are the statement's own
    parameters, after those of the rows."""
    with connection.cursor() as cursor:
        for cte, params in _values_cte(columns, rows, len(extra)):
            cursor.execute(f"{cte} {statement}", [*params, *extra])


MARK_COLUMNS = ("id", "status", "next_action_at")
EVENT_COLUMNS = ("deadline_id", "threshold", "due_at")
NOTIFIED_COLUMNS = ("deadline_id", "threshold", "due_at", "kind", "request_id", "audience")


def _process(rows: list[ClaimedRow], now: datetime) -> SweepResult:
    """Plan the claimed rows, then write the plan: five statements whatever the number of rows
    (the marks, the events, two reads of who works where, the notifications)."""
    result = SweepResult(examined=len(rows), batches=1)
    plan = _plan(rows, now, result)
    adapt = connection.ops.adapt_datetimefield_value
    _write(MARK_COLUMNS, [(pk, status, adapt(at)) for pk, status, at in plan.marks],
           _mark_sql(), [DeadlineStatus.MET.value, adapt(now)])
    if not plan.events:
        return result
    created = adapt(timezone.now())
    _write(EVENT_COLUMNS, [(row.id, threshold, adapt(row.due_at)) for row, threshold in plan.events],
           _events_sql(), [created])
    directory = _Directory.load({row.instrument_id for row, _ in plan.events})
    numbers: dict[frozenset[int], int] = {}
    told: list[Told] = []
    for row, threshold in plan.events:
        users = frozenset(directory.recipients(row, threshold))
        if users:
            number = numbers.setdefault(users, len(numbers))
            told.append((row.id, threshold, adapt(row.due_at),
                         notification_kind_of_threshold(threshold).value, row.request_id, number))
    if told:
        _insert_notifications(told, [sorted(users) for users in numbers], created)
    return result


def deadlines_sweep(*, now: datetime, batch_size: int | None = None,
                    max_batches: int = 1000) -> SweepResult:
    """Handle every open deadline whose next action is due at ``now``: send the reminder whose
    threshold has passed, or mark it missed (or, for an instrument's suspension or termination,
    taken effect) and notify whoever must act and the supervisors. Each batch is one
    transaction; a crash loses nothing (the rows stay due) and duplicates nothing (constraints).
    """
    batch_size = batch_size or settings.MLA_SWEEP_BATCH_SIZE
    total = SweepResult()
    for _ in range(max_batches):
        with transaction.atomic():
            rows = _claim(now, batch_size)
            if not rows:
                break
            total.add(_process(rows, now))
        if len(rows) < batch_size:
            break
    if total.examined:
        logger.info("deadline sweep at %s: %s", now.isoformat(), total)
    return total


# How long a claimed e-mail may stay unsent before its sender is taken for dead.
EMAIL_CLAIM_LEASE = timedelta(minutes=10)


def _claim_outbox(now: datetime, batch_size: int) -> tuple[list[Notification], int]:
    """One transaction: take up to ``batch_size`` notifications not yet e-mailed (and not
    claimed by a living sender), stamp those that are not to be mailed (the recipient keeps the
    kind to the inbox, or has no address) and claim the others. Returns the claimed rows and how
    many rows were taken in all."""
    with transaction.atomic():
        qs = (Notification.objects
              .filter(Q(emailed_at__isnull=True)
                      & (Q(email_claimed_at__isnull=True)
                         | Q(email_claimed_at__lt=now - EMAIL_CLAIM_LEASE)))
              .order_by("created_at", "id")
              .select_related("recipient", "request", "actor", "event__deadline__request",
                              "event__deadline__instrument"))
        if connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True, of=("self",))
        batch = list(qs[:batch_size])
        if not batch:
            return [], 0
        inbox_only = set(NotificationPreference.objects.filter(
            user_id__in={n.recipient_id for n in batch}, email=False)
            .values_list("user_id", "kind"))
        stamped, claimed = [], []
        for notification in batch:
            if (notification.recipient_id, notification.kind) in inbox_only:
                notification.email_outcome = EmailOutcome.NOT_WANTED
            elif not notification.recipient.email:
                notification.email_outcome = EmailOutcome.NO_ADDRESS
            else:
                claimed.append(notification)
                continue
            notification.emailed_at = now
            stamped.append(notification)
        if stamped:
            Notification.objects.bulk_update(stamped, ["emailed_at", "email_outcome"])
        if claimed:
            Notification.objects.filter(pk__in=[n.pk for n in claimed]).update(
                email_claimed_at=now)
        return claimed, len(batch)


def _send_claimed(claimed: list[Notification], now: datetime) -> int:
    """Hand each claimed e-mail to the server and mark it sent at once, each step in its own
    statement (two per e-mail): a sender killed between handing one over and marking it leaves
    that one message in doubt, never a batch; those it never handed over are sent cleanly."""
    sent = 0
    with get_connection() as mail:
        for notification in claimed:
            handed_over = notification.email_sending_at
            again = handed_over is not None
            if handed_over is not None:
                logger.warning(
                    "notification %s: its sender stopped after handing it to the mail server "
                    "at %s and before marking it sent; e-mailed again — possible duplicate",
                    notification.pk, handed_over.isoformat())
            Notification.objects.filter(pk=notification.pk).update(email_sending_at=now)
            subject, body = notification_message(notification)
            try:
                accepted = mail.send_messages([EmailMessage(
                    subject, body, settings.DEFAULT_FROM_EMAIL, [notification.recipient.email])])
            except Exception:
                # Not accepted: free the claim so that the next run tries again, cleanly.
                logger.exception("notification %s: e-mail not sent", notification.pk)
                Notification.objects.filter(pk=notification.pk).update(
                    email_claimed_at=None, email_sending_at=None)
                continue
            Notification.objects.filter(pk=notification.pk).update(
                emailed_at=now, email_outcome=(EmailOutcome.SENT_AGAIN if again
                                               else EmailOutcome.SENT))
            sent += accepted or 0
    return sent


def notifications_email_pending(*, now: datetime, batch_size: int = 200) -> int:
    """E-mail the notifications not yet e-mailed, in the recipient's language, exactly once:
    a batch is claimed in one transaction (an outbox: those of a kind the recipient keeps to the
    inbox, or of a recipient without an address, are stamped there with why and never tried
    again), then each e-mail is handed to the server and marked sent straight after. Two senders
    never take the same rows (SKIP LOCKED, the claim); a sender killed between handing one
    e-mail over and marking it leaves that one in doubt: after ``EMAIL_CLAIM_LEASE`` it is sent
    again and logged as a possible duplicate (``SENT_AGAIN``); those claimed but never handed
    over are sent normally. Returns the e-mails sent."""
    sent = 0
    while True:
        claimed, taken = _claim_outbox(now, batch_size)
        if not taken:
            return sent
        sent += _send_claimed(claimed, now)
        if taken < batch_size:
            return sent


# --- inbox ------------------------------------------------------------------------------------
def notifications_unread_count(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_mark_read(*, user: User, notification_id: int, now: datetime) -> int:
    """Mark one of the user's notifications read; another user's id changes nothing."""
    return Notification.objects.filter(pk=notification_id, recipient=user,
                                       read_at__isnull=True).update(read_at=now)


def notifications_mark_all_read(*, user: User, now: datetime) -> int:
    return Notification.objects.filter(Q(recipient=user) & Q(read_at__isnull=True)).update(
        read_at=now)
