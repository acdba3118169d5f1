"""What a transition records besides the new state: milestones, links and their checks.

Each function takes the locked request, the action's parameters (defaults filled in, see
``TransitionSpec.bind``) and the time of the change, checks what no treaty rule covers (a time in
the future, an unknown authority) with ``InvalidInput`` and sets the request's fields. The
transition catalogue names one per transition; the service runs it before the state moves.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from datetime import datetime
from typing import Any
from typing import SupportsIndex
from typing import SupportsInt
from typing import TypeVar

from django.contrib.auth.models import User
from django.db.models import Model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from treaties.models import Authority
from treaties.rulebook.catalogue import HOME_STATE
from treaties.rulebook.schema import Channel
from treaties.rules.calendar import local_date
from treaties.rules.guards import check_written_channel

from ..exceptions import InvalidInput
from ..exceptions import RuleViolation
from ..models import DISPATCH_REFERENCE_MAX_LENGTH
from ..models import AssistanceRequest
from ..models import Direction
from ..models import TransitionLog
from ..roles import Role

_M = TypeVar("_M", bound=Model)


def _as_id(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (str, bytes, SupportsInt, SupportsIndex)):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _id_among(rows: QuerySet[_M], value: object) -> int | None:
    """The primary key ``value`` gives, if it is the key of one of ``rows``."""
    pk = _as_id(value)
    if pk is None:
        return None
    found: int | None = rows.filter(pk=pk).values_list("pk", flat=True).first()
    return found


def active_kazakh_authority_id(value: object) -> int:
    """The executing authority of an incoming request is an active Kazakh authority."""
    authority_id = _id_among(
        Authority.objects.filter(state__iso_code=HOME_STATE, is_active=True), value)
    if authority_id is None:
        raise InvalidInput({"executing_authority": str(_("Choose an active Kazakh authority."))})
    return authority_id


def active_prosecutor_id(value: object) -> int:
    user_id = _id_among(
        User.objects.filter(is_active=True, groups__name=Role.PROSECUTOR.value), value)
    if user_id is None:
        raise InvalidInput({"assigned_prosecutor": str(_("Choose an active prosecutor."))})
    return user_id


def approval_day(request: AssistanceRequest) -> date | None:
    """The day (Asia/Almaty) the request was last approved; None if no approval is logged."""
    approved_at = (TransitionLog.objects.filter(request=request, action="approve")
                   .order_by("-at", "-id").values_list("at", flat=True).first())
    return local_date(approved_at) if approved_at is not None else None


def _dispatch_date_error(request: AssistanceRequest, dispatched_on: object,
                         now: datetime) -> str:
    if not isinstance(dispatched_on, date) or isinstance(dispatched_on, datetime):
        return str(_("Enter a valid date."))
    if dispatched_on > local_date(now):
        return str(_("The dispatch date cannot be in the future."))
    approved_on = approval_day(request)
    if approved_on is not None and dispatched_on < approved_on:
        return str(_("The letter cannot have left before the request was approved "
                     "(%(day)s).") % {"day": approved_on.isoformat()})
    return ""


def record_transmission(request: AssistanceRequest, params: Mapping[str, Any],
                        now: datetime) -> None:
    """The transmission, with what the clerk records of the letter sent (both optional): the
    day it left (not in the future, not before the approval) and our outgoing letter number."""
    errors = {}
    dispatched_on = params.get("dispatched_on")
    if dispatched_on is not None:
        message = _dispatch_date_error(request, dispatched_on, now)
        if message:
            errors["dispatched_on"] = message
    reference = " ".join(str(params.get("dispatch_reference") or "").split())
    if len(reference) > DISPATCH_REFERENCE_MAX_LENGTH:
        errors["dispatch_reference"] = str(
            _("At most %(max)s characters.") % {"max": DISPATCH_REFERENCE_MAX_LENGTH})
    if errors:
        raise InvalidInput(errors)
    request.transmitted_at, request.opened_on = now, local_date(now)
    request.dispatched_on, request.dispatch_reference = dispatched_on, reference


def record_oral_request(request: AssistanceRequest, params: Mapping[str, Any],
                        now: datetime) -> None:
    made_at = params.get("oral_request_at")
    if made_at is not None and made_at > now:
        raise InvalidInput({"oral_request_at": str(_("The oral request cannot be in the "
                                                     "future."))})
    request.oral_request_at = made_at or now
    request.channel, request.opened_on = Channel.ORAL.value, local_date(now)


def record_written_confirmation(request: AssistanceRequest, params: Mapping[str, Any],
                                now: datetime) -> None:
    confirmed_at = params.get("confirmed_at") or now
    if confirmed_at > now or (request.oral_request_at and confirmed_at < request.oral_request_at):
        raise InvalidInput({"confirmed_at": str(_(
            "The confirmation time must lie between the oral request and now."))})
    request.written_confirmation_at = confirmed_at
    channel = params.get("channel") or ""
    if channel:
        violations = check_written_channel(
            request.rulebook, channel, is_urgent=request.is_urgent,
            assistance_types=tuple(request.assistance_types or ()),
            agreed_channels=frozenset(request.instrument.agreed_channels or ()))
        if violations:
            raise RuleViolation(violations)
        request.channel = channel
    if request.direction == Direction.OUTGOING:
        # Our written confirmation is the written request: it is transmitted now.
        request.transmitted_at = request.written_confirmation_at


def assign_prosecutor(request: AssistanceRequest, params: Mapping[str, Any],
                      now: datetime) -> None:
    if params.get("assigned_prosecutor_id"):
        request.assigned_prosecutor_id = active_prosecutor_id(params["assigned_prosecutor_id"])


def record_forwarding(request: AssistanceRequest, params: Mapping[str, Any],
                      now: datetime) -> None:
    request.executing_authority_id = active_kazakh_authority_id(params["executing_authority_id"])
    assign_prosecutor(request, params, now)


def record_execution(request: AssistanceRequest, params: Mapping[str, Any],
                     now: datetime) -> None:
    request.execution_outcome, request.executed_at = params["outcome"], now


def record_results_transmitted(request: AssistanceRequest, params: Mapping[str, Any],
                               now: datetime) -> None:
    request.results_transmitted_at = now


def record_closure(request: AssistanceRequest, params: Mapping[str, Any], now: datetime) -> None:
    request.closed_at = now
