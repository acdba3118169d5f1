"""The words of a notification: the request, the duty, the due time in Asia/Almaty, the citation,
and whether the term is the treaty's or the office's own target."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from treaties.rules.calendar import ALMATY
from treaties.rules.deadlines import ESCALATED
from treaties.rules.deadlines import MISSED

from ..models import DeadlineBasis
from ..models import Notification
from ..models import NotificationKind
from ..words import citation_text

TOOK_EFFECT = "took_effect"


def threshold_text(threshold: str) -> str:
    if threshold == MISSED:
        return _("Deadline missed")
    if threshold == ESCALATED:
        return _("Missed deadline escalated to supervisors")
    if threshold == TOOK_EFFECT:
        return _("Takes effect now")
    if threshold.startswith("reminder:"):
        hours = int(threshold.split(":")[1].rstrip("h"))
        if hours % 24 == 0:
            days = hours // 24
            return ngettext("Reminder: %(days)s day before the deadline",
                            "Reminder: %(days)s days before the deadline", days) % {"days": days}
        return ngettext("Reminder: %(hours)s hour before the deadline",
                        "Reminder: %(hours)s hours before the deadline", hours) % {"hours": hours}
    if threshold.startswith("overdue:"):
        days = int(threshold.split(":")[1].rstrip("h")) // 24
        return ngettext("Still not done: %(days)s day after the deadline",
                        "Still not done: %(days)s days after the deadline", days) % {"days": days}
    return threshold


def basis_text(basis: str) -> str:
    if basis == DeadlineBasis.OFFICE_POLICY:
        return _("office policy target (the treaty says “without delay” and gives no figure)")
    if basis == DeadlineBasis.REQUESTING_SIDE:
        return _("date set by the requesting side")
    return _("treaty term")


def notification_what(notification: Notification) -> str:
    """What the notification says happened, in the active language: a deadline event's
    threshold in words, or a case event's kind."""
    if notification.event is not None:
        return threshold_text(notification.event.threshold)
    return str(NotificationKind(notification.kind).label)


def _person(user: User | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def case_event_message(notification: Notification,
                       language: str | None = None) -> tuple[str, str]:
    """Subject and body of a case event's e-mail (submitted, returned with its reason,
    approved, assigned, reply received), in ``language`` (default: the site's)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        request = notification.request
        reference = request.reference if request is not None else ""
        what = notification_what(notification)
        lines = [_("Request: %(ref)s") % {"ref": reference}]
        if notification.actor is not None:
            lines.append(_("By: %(who)s") % {"who": _person(notification.actor)})
        if notification.text:
            lines.append(notification.text)
        if request is not None:
            lines.append(_("State: %(state)s") % {"state": request.get_state_display()})
        return f"[{reference}] {what}", "\n".join(lines) + "\n"


def notification_message(notification: Notification, language: str | None = None) -> tuple[str, str]:
    """Subject and body of a notification e-mail, in ``language`` (default: the site's)."""
    if notification.event is None:
        return case_event_message(notification, language)
    event = notification.event
    deadline = event.deadline
    with translation.override(language or settings.LANGUAGE_CODE):
        duty = deadline.duty_label
        due = date_format(timezone.localtime(event.due_at, ALMATY), "DATETIME_FORMAT")
        request = deadline.request
        subject_of = request.reference if request is not None else deadline.instrument.slug
        subject = f"[{subject_of}] {threshold_text(event.threshold)}: {duty}"
        lines = [
            _("Request: %(ref)s") % {"ref": request.reference} if request is not None
            else _("Instrument: %(slug)s") % {"slug": deadline.instrument.slug},
            _("Duty: %(duty)s") % {"duty": duty},
            _("Due: %(due)s (Asia/Almaty)") % {"due": due},
            _("Rule: %(citation)s, %(basis)s") % {"citation": citation_text(deadline.citation),
                                                   "basis": basis_text(deadline.basis)},
            _("Status: %(status)s") % {"status": deadline.get_status_display()},
        ]
        return subject, "\n".join(lines) + "\n"
