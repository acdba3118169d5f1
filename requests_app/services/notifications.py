"""Notifications of a request's case work: a draft submitted for review, returned for revision
(with the reason), approved; an owner assigned; a reply received from the other side.

``notify_case_event`` writes the inbox entries in the caller's transaction (the change that
caused them), so an event is told exactly when its change is committed and never when it is
rolled back. The e-mails follow from ``sweep.notifications_email_pending``, per the recipients'
choices. Deadline notifications are the sweep's (``services.sweep``), not these.

Default recipients, the owner first and the role as fallback:

==================  ==============================================================================
submitted           the reviewers: the supervisors of the request's office (all supervisors
                    where the office has none)
returned            the drafting prosecutor (else the prosecutors of the requesting office)
approved            the drafting prosecutor and the clerk owner (else the office's clerks)
assigned            the owner of the request's current stage (callers name the new owner)
reply_received      the request's owners (else the office's clerks)
==================  ==============================================================================

The actor is never told of their own act. Each user chooses, per kind, e-mail or the inbox only
(``notification_preferences_set``; default: e-mail).
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ..exceptions import InvalidInput
from ..models import CASE_EVENT_KINDS
from ..models import NOTIFICATION_TEXT_MAX_LENGTH
from ..models import AssistanceRequest
from ..models import Direction
from ..models import Notification
from ..models import NotificationKind
from ..models import NotificationPreference
from ..roles import Role
from ..workflow.owners import OWNER_FIELDS
from ..workflow.owners import work_stage


def _active_with_role(role: Role) -> QuerySet[User]:
    return User.objects.filter(is_active=True, groups__name=role.value)


def home_office_id(request: AssistanceRequest) -> int:
    """The Kazakh office a request belongs to: the requesting one of an outgoing request, the
    requested one of an incoming request."""
    return (request.requesting_authority_id if request.direction == Direction.OUTGOING
            else request.requested_authority_id)


def request_offices_q(request: AssistanceRequest, prefix: str = "office_membership__") -> Q:
    """Users working in an office that makes, receives or executes the request."""
    offices = {o for o in (request.requesting_authority_id, request.requested_authority_id,
                           request.executing_authority_id) if o is not None}
    return Q(**{f"{prefix}authority_id__in": offices})


def office_clerks(request: AssistanceRequest) -> QuerySet[User]:
    """The clerks who work on the request: of its offices and of the offices designated for its
    instrument (the central authority)."""
    designated = Q(office_membership__authority__instruments=request.instrument_id)
    return _active_with_role(Role.CLERK).filter(request_offices_q(request) | designated)


def reviewers(request: AssistanceRequest) -> QuerySet[User]:
    """The supervisors of the request's office; all supervisors where it has none."""
    supervisors = _active_with_role(Role.SUPERVISOR)
    own = supervisors.filter(office_membership__authority_id=home_office_id(request))
    return own if own.exists() else supervisors


def _ids(users: QuerySet[User]) -> set[int]:
    return set(users.values_list("pk", flat=True))


def _owner_or(owner_id: int | None, fallback: QuerySet[User]) -> set[int]:
    return {owner_id} if owner_id is not None else _ids(fallback)


def default_recipients(kind: NotificationKind, request: AssistanceRequest) -> set[int]:
    """Whom a case event of ``kind`` on ``request`` is for (the table in the module's doc)."""
    drafters = _active_with_role(Role.PROSECUTOR).filter(
        office_membership__authority_id=request.requesting_authority_id)
    if kind == NotificationKind.SUBMITTED:
        return _ids(reviewers(request))
    if kind == NotificationKind.RETURNED:
        return _owner_or(request.drafting_prosecutor_id, drafters)
    if kind == NotificationKind.APPROVED:
        drafter = ({request.drafting_prosecutor_id}
                   if request.drafting_prosecutor_id is not None else set())
        return drafter | _owner_or(request.clerk_owner_id, office_clerks(request))
    if kind == NotificationKind.ASSIGNED:
        stage = work_stage(request.direction, request.state)
        field = OWNER_FIELDS.get(stage) if stage is not None else None
        owner = getattr(request, f"{field}_id") if field else None
        return {owner} if owner is not None else set()
    owners = {getattr(request, f"{field}_id") for field in OWNER_FIELDS.values()} - {None}
    return owners or _ids(office_clerks(request))


def notify_case_event(*, kind: str, request: AssistanceRequest, actor: User | None,
                      recipients: Iterable[int] | None = None,
                      text: str = "") -> list[Notification]:
    """Tell of a case event on ``request``: one inbox entry per recipient (user ids; None: the
    kind's default recipients), with the actor and a short ``text`` (a return's reason; cut to
    ``NOTIFICATION_TEXT_MAX_LENGTH``). Call it inside the transaction of the change it tells of.
    Inactive users and the actor are left out. Raises ValueError for a kind that is not a case
    event (deadline notifications are the sweep's)."""
    event_kind = NotificationKind(kind)
    if event_kind not in CASE_EVENT_KINDS:
        raise ValueError(f"{kind!r} is a deadline notification, not a case event.")
    wanted = (set(recipients) if recipients is not None
              else default_recipients(event_kind, request)) - {None}
    if actor is not None:
        wanted.discard(actor.pk)
    if not wanted:
        return []
    active = User.objects.filter(pk__in=wanted, is_active=True).values_list("pk", flat=True)
    text = (text or "").strip()[:NOTIFICATION_TEXT_MAX_LENGTH]
    return Notification.objects.bulk_create([
        Notification(kind=event_kind.value, request=request, recipient_id=user_id,
                     actor=actor if getattr(actor, "pk", None) else None, text=text)
        for user_id in sorted(active)])



# --- the recipient's choice: e-mail or inbox only, per kind -----------------------------------------
def notification_preferences(*, user: User) -> dict[NotificationKind, bool]:
    """Whether ``user`` wants each kind by e-mail too (no row: yes), in the kinds' order."""
    stored = dict(NotificationPreference.objects.filter(user=user)
                  .values_list("kind", "email"))
    return {kind: stored.get(kind.value, True) for kind in NotificationKind}


def notification_preferences_set(*, actor: User,
                                 email: Mapping[str, bool]) -> dict[NotificationKind, bool]:
    """Set the actor's own choices: ``email`` maps kinds to whether they are e-mailed (true) or
    kept to the inbox (false); kinds not given keep their choice. Raises InvalidInput naming an
    unknown kind or a value that is not a boolean. Returns every kind's choice."""
    errors = {}
    for kind, wanted in email.items():
        if kind not in NotificationKind.values:
            errors[str(kind)] = _("Unknown kind of notification.")
        elif not isinstance(wanted, bool):
            errors[str(kind)] = _("Must be true or false.")
    if errors:
        raise InvalidInput(errors)
    if email:
        with transaction.atomic():
            NotificationPreference.objects.bulk_create(
                [NotificationPreference(user=actor, kind=kind, email=wanted)
                 for kind, wanted in sorted(email.items())],
                update_conflicts=True, unique_fields=["user", "kind"], update_fields=["email"])
    return notification_preferences(user=actor)
