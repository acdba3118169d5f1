"""Deadlines as rows, with their read policies (overdue, needing action) defined once, and the
notifications the sweep makes of them."""


from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from treaties.models import Instrument
from treaties.rules.deadlines import DEADLINE_LABELS
from treaties.rules.deadlines import OUTLIVE_THE_REQUEST

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise
from .request import FINAL_STATES
from .request import AssistanceRequest
from .request import Direction
from .request import RequestState


class DeadlineStatus(models.TextChoices):
    OPEN = "open", _("open")
    MET = "met", _("met")
    MISSED = "missed", _("missed")
    WAIVED = "waived", _("waived")
    # Missed, then its basis changed so that the term no longer runs (the person it ran for was
    # removed, the fact it counted from was corrected away): closed, not left missed.
    SUPERSEDED = "superseded", _("superseded")


class SupersededReason(models.TextChoices):
    DUE_MOVED = "due_moved", _("a fact changed and moved its due time")
    NO_LONGER_APPLIES = "no_longer_applies", _("a fact changed and the term no longer applies")
    DRAFT = "draft", _("it was computed on a draft")


# An outgoing request still being drafted, reviewed or made ready: its deadlines are
# provisional (office policy): shown, never reminded, missed, notified or escalated.
PROVISIONAL_STATES = frozenset({RequestState.DRAFTING, RequestState.UNDER_REVIEW,
                                RequestState.READY})


def deadlines_provisional_for(*, direction: str, state: str) -> bool:
    """Whether the deadlines of a request in ``state`` are provisional: those of an outgoing
    request not yet transmitted, whose facts are still a draft."""
    return direction == Direction.OUTGOING and state in PROVISIONAL_STATES


class DeadlineBasis(models.TextChoices):
    TREATY = "treaty", _("treaty term")
    OFFICE_POLICY = "office_policy", _("office policy target")
    REQUESTING_SIDE = "requesting_side", _("date set by the requesting side")


class ResponsibleSide(models.TextChoices):
    KAZAKHSTAN = "kazakhstan", _("Kazakhstan")
    OTHER_SIDE = "other_side", _("the other side")


def _deadline_q(prefix: str, **lookups: object) -> Q:
    return Q(**{f"{prefix}{name}": value for name, value in lookups.items()})


def deadline_relevant_q(prefix: str = "") -> Q:
    """A deadline matters while its request is in progress, or, for a duty that outlives the
    request (OUTLIVE_THE_REQUEST), after it; an instrument's own duties always. ``prefix``
    reaches deadlines through a relation (``"deadlines__"``)."""
    return (_deadline_q(prefix, request__isnull=True)
            | ~_deadline_q(prefix, request__state__in=FINAL_STATES)
            | _deadline_q(prefix, kind__in=OUTLIVE_THE_REQUEST))


def deadline_needing_action_q(prefix: str = "") -> Q:
    """Still to be done: open, or missed and not done since, where it still matters."""
    return (_deadline_q(prefix, status=DeadlineStatus.OPEN)
            | (_deadline_q(prefix, status=DeadlineStatus.MISSED, met_at__isnull=True)
               & deadline_relevant_q(prefix)))


def deadline_overdue_q(now: datetime, prefix: str = "") -> Q:
    """Past due and not done: open after its due time (the sweep has not marked it yet), or
    missed and not done since; either way where it still matters. At the due instant itself a
    deadline is not yet overdue: done then, it is met (``satisfied_at <= due_at``). A
    provisional deadline (its request still a draft) is never overdue; a waived or superseded
    one is closed."""
    late = (_deadline_q(prefix, status=DeadlineStatus.OPEN, due_at__lt=now)
            | _deadline_q(prefix, status=DeadlineStatus.MISSED, met_at__isnull=True))
    return late & ~_deadline_q(prefix, provisional=True) & deadline_relevant_q(prefix)


class DeadlineQuerySet(models.QuerySet["Deadline"]):
    """The read policies of deadlines, defined once (the ``deadline_*_q`` conditions above).
    ``Deadline.is_overdue`` says the same of one row in Python, for pages that already hold the
    rows; a test keeps the two in step."""

    def needing_action(self) -> DeadlineQuerySet:
        return self.filter(deadline_needing_action_q())

    def overdue(self, now: datetime) -> DeadlineQuerySet:
        return self.filter(deadline_overdue_q(now))


class Deadline(models.Model):
    """A term that runs on a request (or, for periodic duties and an instrument's life, on an
    instrument), computed by ``treaties.rules.deadlines`` and kept in step with the facts in the
    same transaction as every change. The beat sweep reminds, marks missed and escalates."""

    # Empty for duties of the instrument itself (RS 18 conviction reports, termination).
    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, null=True,
                                blank=True, related_name="deadlines")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="deadlines")
    kind = models.CharField(_("kind"), max_length=60)
    # Distinguishes several deadlines of one kind on one request (one per person, item...).
    subject_key = models.CharField(_("subject"), max_length=60, blank=True, default="")
    due_at = models.DateTimeField(_("due at"))
    citation = models.CharField(_("citation"), max_length=80)
    basis = models.CharField(_("basis"), max_length=20, choices=DeadlineBasis.choices,
                             default=DeadlineBasis.TREATY)
    status = models.CharField(_("status"), max_length=10, choices=DeadlineStatus.choices,
                              default=DeadlineStatus.OPEN)
    responsible_side = models.CharField(_("who must act"), max_length=20,
                                        choices=ResponsibleSide.choices)
    responsible_role = models.CharField(_("role that must act"), max_length=20, blank=True)
    responsible_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                         null=True, blank=True, related_name="deadlines")
    met_at = models.DateTimeField(_("met at"), null=True, blank=True)
    closed_reason = models.CharField(_("reason closed"), max_length=300, blank=True)
    # When the sweep must next look at this row: the next reminder threshold, or the due time.
    # Only open rows have one; the sweep's partial index covers exactly those.
    # Only open rows that are not provisional have one.
    next_action_at = models.DateTimeField(_("next action at"), null=True, blank=True)
    # Computed on a draft (``deadlines_provisional_for``): shown, never swept.
    provisional = models.BooleanField(_("provisional"), default=False)
    # Who closed the row by hand (a supervisor's waiver) and when.
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                  null=True, blank=True, related_name="+")
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # The last miss overtaken by a change of the row's basis: when, and what changed (the due
    # time it was missed at and the one it runs to now).
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    superseded_due_at = models.DateTimeField(_("superseded due time"), null=True, blank=True)
    superseded_reason = models.CharField(_("reason superseded"), max_length=20, blank=True,
                                         choices=SupersededReason.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due_at"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        constraints = [
            models.UniqueConstraint(fields=["request", "kind", "subject_key"],
                                    name="deadline_unique_per_subject"),
            models.UniqueConstraint(fields=["instrument", "kind", "subject_key"],
                                    condition=Q(request__isnull=True),
                                    name="deadline_unique_per_instrument_duty"),
        ]
        indexes = [
            models.Index(fields=["status", "due_at"], name="deadline_status_due_idx"),
            # The sweep's claim: rows with a next action (open ones at a reminder or their due
            # time, missed ones still chased); every other row has none.
            models.Index(fields=["next_action_at"], condition=Q(next_action_at__isnull=False),
                         name="deadline_sweep_idx"),
            # A person's duties (workload, "My work"): by owner, status and due time.
            models.Index(fields=["responsible_user", "status", "due_at"],
                         name="deadline_owner_due_idx"),
            # The dashboard's overdue list, soonest first, 25 at a time: the rows that can be
            # late (``deadline_overdue_q`` implies this condition), in due order, so the list
            # reads an index range and stops after a page instead of sorting every late row.
            models.Index(fields=["due_at", "id"],
                         condition=((Q(status=DeadlineStatus.OPEN)
                                     | Q(status=DeadlineStatus.MISSED, met_at__isnull=True))
                                    & Q(provisional=False)),
                         name="deadline_late_due_idx"),
            # The deadlines list (``GET /api/deadlines/``), soonest first, a keyset page at a
            # time.
            models.Index(fields=["due_at", "id"], name="deadline_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_at:%Y-%m-%d %H:%M} ({self.status})"

    def needs_action(self, *, request_state: str | None) -> bool:
        """``DeadlineQuerySet.needing_action`` for this row; ``request_state`` is its request's
        state (None for an instrument's duty)."""
        relevant = (request_state is None or request_state not in FINAL_STATES
                    or self.kind in OUTLIVE_THE_REQUEST)
        return (self.status == DeadlineStatus.OPEN
                or (self.status == DeadlineStatus.MISSED and self.met_at is None and relevant))

    def is_overdue(self, now: datetime, *, request_state: str | None) -> bool:
        """``DeadlineQuerySet.overdue`` for this row; ``request_state`` is its request's state
        (None for an instrument's duty), passed in so that no query is needed."""
        relevant = (request_state is None or request_state not in FINAL_STATES
                    or self.kind in OUTLIVE_THE_REQUEST)
        late = ((self.status == DeadlineStatus.OPEN and self.due_at < now)
                or (self.status == DeadlineStatus.MISSED and self.met_at is None))
        return relevant and late and not self.provisional

    @property
    def duty_label(self) -> str:
        # ``DEADLINE_LABELS`` is keyed by ``DeadlineKind``, a StrEnum: a member is equal to, and
        # hashes like, the code this row stores; an unknown kind is shown as it is.
        labels: Mapping[Any, StrOrPromise] = DEADLINE_LABELS
        return str(labels.get(self.kind, self.kind))


class NotificationEvent(models.Model):
    """One reminder, miss or escalation of one deadline. The unique constraint on (deadline,
    threshold, due time) is what makes every notification happen exactly once, however many
    sweeps run at the same time; a deadline whose due time moves earns new reminders."""

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="events")
    threshold = models.CharField(_("threshold"), max_length=40)
    due_at = models.DateTimeField(_("due at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("notification event")
        verbose_name_plural = _("notification events")
        constraints = [models.UniqueConstraint(fields=["deadline", "threshold", "due_at"],
                                               name="notification_event_once")]

    def __str__(self) -> str:
        return f"{self.deadline} {self.threshold}"


class NotificationKind(models.TextChoices):
    """What a notification is about: a deadline event of the sweep (reminder, miss, escalation,
    an instrument's notice taking effect) or an event of a request's case work."""

    REMINDER = "reminder", _("Deadline reminder")
    MISSED = "missed", _("Deadline missed")
    ESCALATED = "escalated", _("Missed deadline escalated")
    TOOK_EFFECT = "took_effect", _("Notice takes effect")
    SUBMITTED = "submitted", _("Draft submitted for review")
    RETURNED = "returned", _("Draft returned for revision")
    APPROVED = "approved", _("Draft approved")
    ASSIGNED = "assigned", _("Assigned to you")
    REPLY_RECEIVED = "reply_received", _("Reply received")


# The kinds the deadline sweep makes (they hang off a ``NotificationEvent``), and the others.
DEADLINE_NOTIFICATION_KINDS = frozenset({NotificationKind.REMINDER, NotificationKind.MISSED,
                                         NotificationKind.ESCALATED,
                                         NotificationKind.TOOK_EFFECT})
CASE_EVENT_KINDS = frozenset(set(NotificationKind) - DEADLINE_NOTIFICATION_KINDS)
# A case event's short text (a return's reason): bounded like the owner-change reason.
NOTIFICATION_TEXT_MAX_LENGTH = 500


def notification_kind_of_threshold(threshold: str) -> NotificationKind:
    """The kind of a deadline notification from its event's threshold (``reminder:24h``...)."""
    if threshold.startswith(("reminder:", "overdue:")):
        return NotificationKind.REMINDER
    return NotificationKind(threshold)


class EmailOutcome(models.TextChoices):
    SENT = "sent", _("e-mailed")
    # A sender died after the SMTP server may have accepted it and before it was marked: it was
    # sent again, and the repeat is logged as a possible duplicate.
    SENT_AGAIN = "sent_again", _("e-mailed again after an interrupted send")
    NO_ADDRESS = "no_address", _("no e-mail address")
    NOT_WANTED = "not_wanted", _("inbox only (the recipient's choice)")


class Notification(models.Model):
    """An inbox entry of one user: a deadline event of the sweep (``event``; exactly once per
    event and recipient) or an event of a request's case work (submitted, returned, approved,
    assigned, reply received), written in the transaction of the change. E-mailed once by
    ``notifications_email_pending``, unless the recipient keeps that kind to the inbox."""

    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    # Set for deadline notifications only.
    event = models.ForeignKey(NotificationEvent, on_delete=models.CASCADE, null=True,
                              blank=True, related_name="notifications")
    # The request it is about; empty for an instrument's own duty.
    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, null=True,
                                blank=True, related_name="notifications")
    # Who caused a case event (the sweep causes deadline events: empty).
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+")
    # A case event's words: the reason a draft was returned, the stage assigned...
    text = models.CharField(_("text"), max_length=NOTIFICATION_TEXT_MAX_LENGTH, blank=True)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="notifications")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # When the e-mailer dealt with it (sent or not, see ``email_outcome``); never again after.
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    email_outcome = models.CharField(_("e-mail"), max_length=20, blank=True,
                                     choices=EmailOutcome.choices)
    # The outbox claim: set (and committed) before the e-mail is handed to the SMTP server,
    # cleared or completed right after. A claim older than the lease means a sender died in
    # between: whether the server accepted that one message cannot be known.
    email_claimed_at = models.DateTimeField(_("e-mail claimed at"), null=True, blank=True)
    # Set (and committed) just before this one e-mail is handed to the SMTP server: claimed but
    # not handed over is simply sent by the next run; handed over but not marked is in doubt.
    email_sending_at = models.DateTimeField(_("e-mail handed over at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["event", "recipient"],
                                    name="notification_once_per_recipient"),
            # A deadline notification has its event; a case event has none.
            models.CheckConstraint(
                condition=(Q(event__isnull=False,
                             kind__in=sorted(k.value for k in DEADLINE_NOTIFICATION_KINDS))
                           | Q(event__isnull=True,
                               kind__in=sorted(k.value for k in CASE_EVENT_KINDS))),
                name="notification_event_matches_kind"),
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_inbox_idx"),
            models.Index(fields=["recipient", "-created_at", "-id"],
                         name="notification_newest_idx"),
            # The unread ones newest first (``unread=true`` of the API) read from an index of
            # their own, not by skipping the years of read ones.
            models.Index(fields=["recipient", "-created_at", "-id"],
                         condition=Q(read_at__isnull=True), name="notification_unread_newest_idx"),
            models.Index(fields=["created_at"], condition=Q(emailed_at__isnull=True),
                         name="notification_email_queue_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} {self.kind}"


class NotificationPreference(models.Model):
    """Whether a user wants one kind of notification by e-mail too, or in the inbox only. No row
    means e-mail (the default); the inbox always has them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="notification_preferences")
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    email = models.BooleanField(_("by e-mail"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"],
                                               name="notification_preference_once")]

    def __str__(self) -> str:
        return f"{self.user} {self.kind}: {'e-mail' if self.email else 'inbox'}"
