"""Reads of a user's notification inbox: their own notifications only, newest first, a page at a
time. A user gathers notifications for years, so a page is a keyset page (``selectors.keyset``)
read from the index of each recipient's notifications newest first
(``notification_newest_idx``): a page deep in the inbox costs what the first costs, and nothing
counts them all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from ..models import Notification
from .keyset import KeysetPage
from .keyset import keyset_page

if TYPE_CHECKING:
    from ..roles import UserOrAnonymous

NOTIFICATIONS_PAGE_SIZE = 50
# Newest first; the id breaks ties of one moment (the sweep notifies many in one transaction).
NOTIFICATIONS_ORDER = ("-created_at", "-id")
# What the inbox page shows of each row: the request, who caused a case event, a deadline
# event's deadline with its request and instrument (joined: a page is one query).
NOTIFICATION_PAGE_RELATIONS = ("request", "actor", "event__deadline__request",
                               "event__deadline__instrument")


def notifications_of(*, user: UserOrAnonymous,
                     unread: bool | None = None) -> QuerySet[Notification]:
    """``user``'s own notifications (none for an anonymous user); ``unread`` True only those
    not read yet, False only those read, None all."""
    if getattr(user, "pk", None) is None:
        return Notification.objects.none()
    qs = Notification.objects.filter(recipient_id=user.pk)
    if unread is not None:
        qs = qs.filter(read_at__isnull=unread)
    return qs


def notifications_page(*, user: UserOrAnonymous, cursor: str | None = None,
                       unread: bool | None = None,
                       related: Sequence[str] = NOTIFICATION_PAGE_RELATIONS,
                       size: int | None = None) -> KeysetPage[Notification]:
    """One page of ``user``'s notifications (``notifications_of``), newest first: the ``size``
    (``NOTIFICATIONS_PAGE_SIZE``) after ``cursor`` (from the newest without one), with the
    ``related`` rows joined. One query whatever the depth; no count of the rest. Raises
    InvalidInput (``cursor``) for a cursor not of this list."""
    qs = notifications_of(user=user, unread=unread).select_related(*related)
    return keyset_page(qs, order=NOTIFICATIONS_ORDER, cursor=cursor,
                       size=size or NOTIFICATIONS_PAGE_SIZE)
