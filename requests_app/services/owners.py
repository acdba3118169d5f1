"""The named owners of a request's stages (``workflow.owners``): who may own a stage, changing an
owner with a logged reason, and the owners the workflow sets by itself.

Owners are set without anyone asking on creation (the drafting prosecutor: the prosecutor who
opens the draft), registration (the clerk: the clerk who registers an incoming request),
submission (the drafting prosecutor, if none yet), approval or transmission of an outgoing request
(the clerk, if none yet and the actor is a clerk) and forwarding or the start of execution (the
executing prosecutor chosen there). Clerks and supervisors change them with a reason
(``request_owner_change``); the change is office procedure, logged with {stage, from, to}, and
the deadlines follow the new owner (``deadlines_sync``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Q
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ..exceptions import InvalidInput
from ..models import AssistanceRequest
from ..models import Direction
from ..models import NotificationKind
from ..roles import ROLE_LABELS
from ..roles import Role
from ..roles import user_roles
from ..workflow.owners import OWNER_FIELDS
from ..workflow.owners import OWNER_STAGES
from ..workflow.owners import STAGES_OF_DIRECTION
from ..workflow.owners import WorkStage
from .changes import Change
from .changes import request_change
from .notifications import notify_case_event

OWNER_CHANGED = "owner_changed"
# Clerks change owners; supervisors (and administrators) step in, as on every action.
OWNER_CHANGE_ROLES: tuple[Role, ...] = (Role.CLERK,)
OWNER_REASON_MAX_LENGTH = 500


def owner_candidates(request: AssistanceRequest, stage: WorkStage) -> QuerySet[User]:
    """The active users who may own ``stage`` of ``request``: they hold the stage's role and
    work in an office that sees the request at that stage: the requesting office for the
    drafting prosecutor; an office of the request or one designated for its instrument (the
    central authority) for the clerk; the executing authority (until forwarded, the requested
    one) for the executing prosecutor. Ordered by name."""
    users = User.objects.filter(is_active=True, groups__name=stage.role.value)
    if stage == WorkStage.DRAFTING:
        offices = Q(office_membership__authority_id=request.requesting_authority_id)
    elif stage == WorkStage.CLERK:
        ids = {o for o in (request.requesting_authority_id, request.requested_authority_id,
                           request.executing_authority_id) if o is not None}
        offices = (Q(office_membership__authority_id__in=ids)
                   | Q(office_membership__authority__instruments=request.instrument_id))
    else:
        offices = Q(office_membership__authority_id=(request.executing_authority_id
                                                     or request.requested_authority_id))
    return (users.filter(offices).distinct()
            .order_by("last_name", "first_name", "username"))


def _clean_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": _("Give the reason for the change.")})
    if "\x00" in reason:
        raise InvalidInput({"reason": _("The reason must not contain NUL characters.")})
    if len(reason) > OWNER_REASON_MAX_LENGTH:
        raise InvalidInput({"reason": _("The reason may be at most %(limit)d characters long.")
                                      % {"limit": OWNER_REASON_MAX_LENGTH}})
    return reason


def _stage_of(request: AssistanceRequest, stage: str) -> WorkStage:
    try:
        chosen = WorkStage(stage)
    except ValueError:
        chosen = None
    if chosen not in OWNER_STAGES:
        raise InvalidInput({"stage": _("Choose a stage: drafting, clerk or executing.")})
    assert chosen is not None
    if chosen not in STAGES_OF_DIRECTION[request.direction]:
        raise InvalidInput({"stage": _("An outgoing request has no executing prosecutor here, "
                                       "an incoming one no drafting prosecutor.")
                            if chosen in (WorkStage.DRAFTING, WorkStage.EXECUTING)
                            else _("This request has no such stage.")})
    return chosen


def request_owner_change(*, actor: User, request_id: int, stage: str, user_id: int | None,
                         reason: str, expected_version: int | None = None) -> AssistanceRequest:
    """Name ``user_id`` the owner of ``stage`` (drafting, clerk, executing) of the request, or
    no one (None: the stage's role acts). Clerks and supervisors, with a reason of at most
    ``OWNER_REASON_MAX_LENGTH`` characters; the new owner must be one of ``owner_candidates``.

    Locks the request; raises RequestNotFound (not visible), ActionNotPermitted (role),
    ConcurrentModification (version moved), InvalidInput on ``reason``, ``stage`` or ``user``.
    Logs ``owner_changed`` as office procedure with {stage, from, to} (user ids), recomputes the
    deadlines (their responsible user follows the owner) and tells the new owner, all in one
    transaction."""
    with request_change(actor=actor, request_id=request_id, roles=OWNER_CHANGE_ROLES,
                        action=OWNER_CHANGED, expected_version=expected_version) as change:
        request = change.request
        change.reason = _clean_reason(reason)
        chosen = _stage_of(request, stage)
        field = OWNER_FIELDS[chosen]
        current: int | None = getattr(request, f"{field}_id")
        new: int | None = None
        if user_id is not None:
            new = (owner_candidates(request, chosen).filter(pk=user_id)
                   .values_list("pk", flat=True).first())
            if new is None:
                raise InvalidInput({"user": _(
                    "Choose an active user with the role %(role)s in an office that works on "
                    "this request.") % {"role": ROLE_LABELS[chosen.role]}})
        if new == current:
            raise InvalidInput({"user": _("This is already the owner of that stage.")})
        setattr(request, f"{field}_id", new)
        change.details = {"stage": chosen.value, "from": current, "to": new}
        change.office_procedure()
        if new is not None:
            notify_case_event(kind=NotificationKind.ASSIGNED, request=request, actor=actor,
                              recipients=[new], text=change.reason)
    return request


# --- owners the workflow sets, and the case events of transitions ---------------------------------
@dataclass(frozen=True)
class Owners:
    """The owner ids of a request at one moment (to compare before and after a transition)."""

    drafting: int | None
    clerk: int | None
    executing: int | None

    @classmethod
    def of(cls, request: AssistanceRequest) -> Owners:
        return cls(drafting=request.drafting_prosecutor_id, clerk=request.clerk_owner_id,
                   executing=request.assigned_prosecutor_id)


def _holds(actor: User, role: Role) -> bool:
    """Whether the actor holds ``role`` itself (stepping in as a supervisor does not count)."""
    return role in user_roles(actor)


# Transitions after which the actor becomes the owner of a stage still without one.
_TAKES_OWNERSHIP: Mapping[str, tuple[WorkStage, Role]] = {
    "submit_for_review": (WorkStage.DRAFTING, Role.PROSECUTOR),
    "approve": (WorkStage.CLERK, Role.CLERK),
    "transmit": (WorkStage.CLERK, Role.CLERK),
    "transmit_orally": (WorkStage.CLERK, Role.CLERK),
    "start_completeness_check": (WorkStage.CLERK, Role.CLERK),
}
_EVENT_OF_TRANSITION: Mapping[str, NotificationKind] = {
    "submit_for_review": NotificationKind.SUBMITTED,
    "return_for_revision": NotificationKind.RETURNED,
    "approve": NotificationKind.APPROVED,
}


def owners_after_transition(change: Change, actor: User, name: str, before: Owners) -> None:
    """After transition ``name`` (inside its transaction, before it is recorded): the actor
    takes a stage still without an owner where the transition makes them its worker (the
    prosecutor who submits a draft, the clerk who transmits), and the case event is told:
    submitted, returned (with the reason), approved, and a new executing prosecutor assigned."""
    request = change.request
    taken = _TAKES_OWNERSHIP.get(name)
    if taken is not None:
        stage, role = taken
        field = OWNER_FIELDS[stage]
        if (stage in STAGES_OF_DIRECTION[request.direction]
                and getattr(request, f"{field}_id") is None and _holds(actor, role)):
            setattr(request, f"{field}_id", actor.pk)
            change.details[field] = actor.pk
    event = _EVENT_OF_TRANSITION.get(name)
    if event is not None:
        notify_case_event(kind=event, request=request, actor=actor,
                          text=change.reason if event == NotificationKind.RETURNED else "")
    if (request.direction == Direction.INCOMING and request.assigned_prosecutor_id is not None
            and request.assigned_prosecutor_id != before.executing):
        notify_case_event(kind=NotificationKind.ASSIGNED, request=request, actor=actor,
                          recipients=[request.assigned_prosecutor_id])
