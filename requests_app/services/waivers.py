"""A supervisor waives a missed deadline, with a reason: office procedure (no treaty lets a
missed term be waived; the office decides not to pursue it). A request's deadline is waived
through ``request_change`` (locked, logged in the request's log, deadlines recomputed); an
instrument's own duty, which has no request log, records who waived it, when and why on the row.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .. import clock
from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..exceptions import RequestNotFound
from ..models import Deadline
from ..models import DeadlineStatus
from ..roles import Role
from ..roles import user_has_any_role
from .changes import request_change

WAIVE_ROLES = (Role.SUPERVISOR,)
REASON_MAX_LENGTH = 300


def _check_waivable(row: Deadline, reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": str(_("Say why the missed deadline is waived."))})
    if len(reason) > REASON_MAX_LENGTH:
        raise InvalidInput({"reason": str(_("At most %(n)d characters.")
                                          % {"n": REASON_MAX_LENGTH})})
    if row.status != DeadlineStatus.MISSED or row.met_at is not None:
        raise InvalidInput({"deadline": str(_(
            "Only a missed deadline that is still not done can be waived."))})
    return reason


def _close(row: Deadline, *, actor: User, reason: str, now: datetime) -> None:
    row.status, row.closed_reason = DeadlineStatus.WAIVED, reason
    row.closed_by, row.closed_at, row.next_action_at = actor, now, None
    row.save(update_fields=["status", "closed_reason", "closed_by", "closed_at",
                            "next_action_at", "updated_at"])


def deadline_waive(*, actor: User, deadline_id: int, reason: str,
                   expected_version: int | None = None) -> Deadline:
    """Waive a missed deadline (supervisors only, reason required). Raises RequestNotFound for a
    deadline the actor may not see, ActionNotPermitted, InvalidInput (no reason, not missed),
    ConcurrentModification (``expected_version`` of the request is stale)."""
    if not user_has_any_role(actor, WAIVE_ROLES):
        raise ActionNotPermitted()
    request_id = (Deadline.objects.filter(pk=deadline_id)
                  .values_list("request_id", flat=True).first())
    if request_id is None:
        return _instrument_duty_waive(actor=actor, deadline_id=deadline_id, reason=reason)
    with request_change(actor=actor, request_id=request_id, roles=WAIVE_ROLES,
                        action="deadline_waived", expected_version=expected_version,
                        allow_final_states=True) as change:
        row = Deadline.objects.select_for_update().get(pk=deadline_id)
        change.reason = _check_waivable(row, reason)
        change.office_procedure()
        change.details = {"deadline": row.pk, "kind": row.kind, "subject": row.subject_key,
                          "due_at": row.due_at.isoformat(), "citation": row.citation}
        _close(row, actor=actor, reason=change.reason, now=change.now)
    row.refresh_from_db()
    return row


def _instrument_duty_waive(*, actor: User, deadline_id: int, reason: str) -> Deadline:
    with transaction.atomic():
        row = (Deadline.objects.select_for_update()
               .filter(pk=deadline_id, request__isnull=True).first())
        if row is None:
            raise RequestNotFound()
        _close(row, actor=actor, reason=_check_waivable(row, reason), now=clock.now())
    return row
