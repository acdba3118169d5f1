"""The deadline sweep: reminders before a deadline, missed deadlines with escalation, and the
e-mails for new notifications.

Any number of workers and beat replicas may run it at once. Due rows are claimed with
``SELECT … FOR UPDATE SKIP LOCKED`` on the partial index of open rows (PostgreSQL); on SQLite the
IMMEDIATE transactions serialise writers. Either way the unique constraints on
(deadline, threshold, due time) and (event, recipient) are the final guarantee that every
notification exists exactly once. Work is done in batches with a constant number of queries per
batch, whatever the batch size.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMessage
from django.core.mail import get_connection
from django.db import connection
from django.db import transaction
from django.db.models import F
from django.db.models import Q

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


# What the sweep reads of a claimed row (and of its request, to find whom to notify).
_CLAIM_FIELDS = ("id", "instrument_id", "kind", "due_at", "status", "next_action_at",
                 "responsible_side", "responsible_role", "responsible_user_id", "request_id",
                 "request__requesting_authority_id", "request__requested_authority_id",
                 "request__executing_authority_id")


def _claim(now: datetime, batch_size: int) -> list[Deadline]:
    # Open rows at a reminder or their due time; missed rows still chased (``chase_interval``).
    qs = (Deadline.objects.filter(status__in=(DeadlineStatus.OPEN, DeadlineStatus.MISSED),
                                  next_action_at__lte=now)
          .select_related("request").only(*_CLAIM_FIELDS).order_by("next_action_at"))
    if connection.features.has_select_for_update_skip_locked:
        qs = qs.select_for_update(skip_locked=True, of=("self",))
    return list(qs[:batch_size])


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

    def recipients(self, deadline: Deadline, threshold: str) -> set[int]:
        """Who is told: supervisors of an escalation; otherwise the deadline's responsible user
        (the owner of the stage that must act, ``deadlines_sync``) and, only where there is none
        (or they left), the users of the responsible role in the request's offices. Supervisors
        too when a notice takes effect or the duty is theirs, and whenever nobody else is."""
        if threshold == ESCALATED:
            return set(self.supervisors)
        if deadline.responsible_user_id in self.active:
            users = {deadline.responsible_user_id}
        else:
            users = self._role_users(deadline)
        if threshold == TOOK_EFFECT or deadline.responsible_role == Role.SUPERVISOR.value:
            users |= self.supervisors
        # Nobody in charge is a gap a supervisor must see.
        return users or set(self.supervisors)

    def _role_users(self, deadline: Deadline) -> set[int]:
        """The fallback: the responsible role's users in the request's offices (clerks also of
        the offices designated for the instrument)."""
        request = deadline.request
        offices: set[int] = set()
        if request is not None:
            offices = {office for office in (request.requesting_authority_id,
                                             request.requested_authority_id,
                                             request.executing_authority_id)
                       if office is not None}
        role = deadline.responsible_role or Role.CLERK.value
        if deadline.responsible_side == ResponsibleSide.OTHER_SIDE or role == Role.SUPERVISOR.value:
            # The other side must act: our clerks chase them.
            role = Role.CLERK.value
        users = set().union(*(self.by_role_office.get((role, o), set()) for o in offices))
        if role == Role.CLERK.value or not users:
            # Clerks of the offices designated for the instrument (central authority) too.
            designated = self.instrument_offices.get(deadline.instrument_id, set())
            users |= set().union(*(self.by_role_office.get((Role.CLERK.value, o), set())
                                   for o in designated))
        return users


def _process(rows: list[Deadline], now: datetime) -> SweepResult:
    result = SweepResult(examined=len(rows), batches=1)
    events: list[tuple[Deadline, str]] = []
    missed, took_effect, rescheduled = [], [], []
    for row in rows:
        # A claimed row is due: its ``next_action_at`` is at or before ``now``, never null.
        assert row.next_action_at is not None
        interval = chase_interval(row.kind)
        if row.status == DeadlineStatus.MISSED:
            # Still not done since it was missed: chased at the office's interval.
            plan = plan_chase(row.due_at, interval or timedelta(days=1), now)
        else:
            plan = plan_sweep(row.due_at, reminder_leads(row.kind), row.next_action_at, now)
        if plan.missed:
            if row.kind in TAKES_EFFECT_KINDS:
                took_effect.append(row.pk)
                events.append((row, TOOK_EFFECT))
            else:
                missed.append(row.pk)
                events += [(row, MISSED), (row, ESCALATED)]
                if interval is not None:
                    # Set after the missed rows' update below, which clears it.
                    row.next_action_at = first_chase_at(row.due_at, interval, now)
                    row.updated_at = now
                    rescheduled.append(row)
        else:
            if plan.reminder:
                events.append((row, plan.reminder))
                result.reminders += 1
            row.next_action_at, row.updated_at = plan.next_action_at, now
            rescheduled.append(row)
    result.missed, result.took_effect = len(missed), len(took_effect)
    # At most three statements: set-based updates for the closed rows, one bulk update for the
    # rows that only move to their next threshold.
    if missed:
        Deadline.objects.filter(pk__in=missed).update(
            status=DeadlineStatus.MISSED, next_action_at=None, updated_at=now)
    if took_effect:
        Deadline.objects.filter(pk__in=took_effect).update(
            status=DeadlineStatus.MET, met_at=F("due_at"), next_action_at=None, updated_at=now)
    if rescheduled:
        Deadline.objects.bulk_update(rescheduled, ["next_action_at", "updated_at"])
    if not events:
        return result
    NotificationEvent.objects.bulk_create(
        [NotificationEvent(deadline=row, threshold=threshold, due_at=row.due_at)
         for row, threshold in events], ignore_conflicts=True)
    stored = NotificationEvent.objects.filter(
        deadline_id__in={row.pk for row, _ in events},
        threshold__in={threshold for _, threshold in events})
    by_key = {(e.deadline_id, e.threshold, e.due_at): e for e in stored}
    directory = _Directory.load({row.instrument_id for row, _ in events})
    Notification.objects.bulk_create([
        Notification(event=by_key[(row.pk, threshold, row.due_at)], recipient_id=user_id,
                     kind=notification_kind_of_threshold(threshold),
                     request_id=row.request_id)
        for row, threshold in events
        for user_id in sorted(directory.recipients(row, threshold))
    ], ignore_conflicts=True)
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
