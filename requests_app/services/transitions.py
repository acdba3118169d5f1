"""Running the request graph's transitions, and telling what may run now.

``request_transition`` is the only way a request changes state. Named wrappers
(``request_transmit``, ``request_refuse``...) give each transition its own keyword arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _
from django_fsm import Transition

from treaties.models import Authority
from treaties.rulebook.catalogue import HOME_STATE
from treaties.rulebook.schema import Channel, Rulebook
from treaties.rules.calendar import local_date
from treaties.rules.guards import GuardContext, check_written_channel, evaluate_transition
from treaties.rules.violations import Violation

from .. import clock
from ..exceptions import ActionNotPermitted, InvalidInput, TransitionNotAvailable
from ..models import AssistanceRequest, Decision, DecisionKind, Direction, ExecutionOutcome
from ..roles import Role, user_has_any_role
from .changes import Change, raise_if, request_change
from .facts import request_facts


def _available(request: AssistanceRequest) -> dict[str, Transition]:
    """Transitions that exist for this request now: current state, direction and what the
    instrument provides (the graph's conditions)."""
    return {t.name: t for t in request.get_available_state_transitions()}


def _citation_for(name: str, rulebook: Rulebook, params: dict) -> str:
    ground = params.get("ground", "")
    if name == "refuse" and rulebook.refusal_ground(ground):
        return str(rulebook.refusal_ground(ground).citation)
    if name == "defer" and rulebook.deferral_ground(ground):
        return str(rulebook.deferral_ground(ground).citation)
    rule = {
        "transmit": rulebook.communication,
        "transmit_orally": rulebook.oral_requests,
        "confirm_in_writing": rulebook.oral_requests,
        "request_additional_info": rulebook.additional_information,
        "set_conditions": rulebook.conditions,
        "close": rulebook.return_of_items,
        "await_return_of_items": rulebook.return_of_items,
        "refuse": rulebook.refusal_reasons,
        "defer": rulebook.deferral_reasons,
    }.get(name)
    return str(rule.citation) if rule else ""


def _guard_context(request: AssistanceRequest, now: datetime, params: dict) -> GuardContext:
    today = local_date(now)
    status = request.instrument.status_between(today, request.requesting_authority.state_id,
                                               request.requested_authority.state_id)
    return GuardContext(today=today, status=status, params=params, now=now)


# --- what each transition records besides the state ---------------------------------------------
def _required(params: dict, *names: str) -> None:
    missing = {n: str(_("This field is required.")) for n in names if not params.get(n)}
    if missing:
        raise InvalidInput(missing)


def _kazakh_authority_id(value) -> int:
    """The executing authority of an incoming request is an active Kazakh authority."""
    authority = Authority.objects.filter(pk=_int_or_none(value), state__iso_code=HOME_STATE,
                                         is_active=True).first()
    if authority is None:
        raise InvalidInput({"executing_authority": str(_("Choose an active Kazakh authority."))})
    return authority.pk


def _prosecutor_id(value) -> int:
    user = User.objects.filter(pk=_int_or_none(value), is_active=True,
                               groups__name=Role.PROSECUTOR.value).first()
    if user is None:
        raise InvalidInput({"assigned_prosecutor": str(_("Choose an active prosecutor."))})
    return user.pk


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _before(name: str, request: AssistanceRequest, change: Change, actor, params: dict) -> None:
    now, today = change.now, local_date(change.now)
    if name == "transmit":
        request.transmitted_at, request.opened_on = now, today
    elif name == "transmit_orally":
        if params.get("oral_request_at") and params["oral_request_at"] > now:
            raise InvalidInput({"oral_request_at": str(_("The oral request cannot be in the "
                                                         "future."))})
        request.oral_request_at = params.get("oral_request_at") or now
        request.channel, request.opened_on = Channel.ORAL.value, today
    elif name == "confirm_in_writing":
        confirmed_at = params.get("confirmed_at") or now
        if confirmed_at > now or (request.oral_request_at and confirmed_at < request.oral_request_at):
            raise InvalidInput({"confirmed_at": str(_(
                "The confirmation time must lie between the oral request and now."))})
        request.written_confirmation_at = confirmed_at
        if params.get("channel"):
            raise_if(check_written_channel(request.rulebook, params["channel"]))
            request.channel = params["channel"]
        if request.direction == Direction.OUTGOING:
            request.transmitted_at = request.written_confirmation_at
    elif name == "forward":
        _required(params, "executing_authority_id")
        request.executing_authority_id = _kazakh_authority_id(params["executing_authority_id"])
        if params.get("assigned_prosecutor_id"):
            request.assigned_prosecutor_id = _prosecutor_id(params["assigned_prosecutor_id"])
    elif name == "start_execution" and params.get("assigned_prosecutor_id"):
        request.assigned_prosecutor_id = _prosecutor_id(params["assigned_prosecutor_id"])
    elif name == "record_execution":
        request.execution_outcome, request.executed_at = params["outcome"], now
    elif name == "transmit_results":
        request.results_transmitted_at = now
    elif name == "close":
        request.closed_at = now


def _after(name: str, request: AssistanceRequest, change: Change, actor, params: dict) -> None:
    """Decision rows are written with the transition that enacts them."""
    kind = {"refuse": DecisionKind.REFUSAL, "defer": DecisionKind.DEFERRAL,
            "set_conditions": DecisionKind.CONDITIONS}.get(name)
    if kind is None:
        return
    Decision.objects.create(
        request=request, kind=kind, ground=params.get("ground", ""), citation=change.citation,
        partial=bool(params.get("partial")), reasons=params.get("reasons", ""),
        conditions=params.get("conditions", ""),
        accepted_by_requesting_side_on=params.get("accepted_on"),
        deferred_until=params.get("deferred_until"), decided_on=local_date(change.now),
        decided_by=actor)


def request_transition(*, request_id: int, actor, name: str, reason: str = "",
                       expected_version: int | None = None, params: dict | None = None) -> AssistanceRequest:
    """Run transition ``name`` on the request.

    Locks the request row; raises RequestNotFound (not visible), TransitionNotAvailable (not in the
    graph from this state for this direction and instrument), ActionNotPermitted (role),
    ConcurrentModification (version moved), InvalidInput, RuleViolation (a treaty rule blocks it,
    with every violated rule and its citation). On success the state, milestones, decision rows,
    log entry and deadlines are written in one transaction.
    """
    params = dict(params or {})
    # Roles are checked below, once the transition is known.
    # Final states have no outgoing transition: the graph answers TransitionNotAvailable.
    with request_change(actor=actor, request_id=request_id, roles=None, action=name,
                        expected_version=expected_version, reason=reason,
                        allow_final_states=True) as change:
        request = change.request
        available = _available(request)
        if name not in available:
            raise TransitionNotAvailable(name, request.state)
        custom = available[name].custom
        if not user_has_any_role(actor, custom["roles"]):
            raise ActionNotPermitted()
        if custom.get("reason_required") and not reason.strip():
            raise InvalidInput({"reason": str(_("Give the reason for this action."))})
        raise_if(evaluate_transition(name, request.rulebook, request_facts(request),
                                     _guard_context(request, change.now, params)))
        change.citation = _citation_for(name, request.rulebook, params)
        change.details = {k: (v.isoformat() if isinstance(v, (date, datetime)) else v)
                          for k, v in params.items()}
        _before(name, request, change, actor, params)
        getattr(request, name)()
        _after(name, request, change, actor, params)
    return request


@dataclass(frozen=True)
class TransitionOption:
    """One action as a user sees it: whether they may run it now, and if not, why."""

    name: str
    label: str
    target: str
    permitted: bool
    violations: tuple[Violation, ...]
    reason_required: bool

    @property
    def allowed(self) -> bool:
        return self.permitted and not self.violations


def request_transition_options(*, request: AssistanceRequest, user,
                               params: dict | None = None) -> list[TransitionOption]:
    """Every transition the graph offers this request now, with the rules that would block it
    (parameters such as a refusal ground are unknown here, so only fact-based blocks show)."""
    now = clock.now()
    facts = request_facts(request)
    ctx = _guard_context(request, now, params or {})
    options = []
    for name, t in _available(request).items():
        violations = tuple(v for v in evaluate_transition(name, request.rulebook, facts, ctx)
                           if v.field not in {"ground", "reasons", "conditions", "outcome",
                                              "accepted_by_requesting_side_on"})
        # A computed target (RETURN_VALUE) is what the transition's own body returns.
        target = t.target if isinstance(t.target, str) or t.target is None else t.method(request)
        options.append(TransitionOption(
            name=name, label=str(t.custom["label"]), target=str(target or ""),
            permitted=user_has_any_role(user, t.custom["roles"]), violations=violations,
            reason_required=bool(t.custom.get("reason_required"))))
    return options


# --- named wrappers ------------------------------------------------------------------------------
def request_submit_for_review(*, request_id, actor, expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="submit_for_review",
                              expected_version=expected_version)


def request_return_for_revision(*, request_id, actor, reason, expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="return_for_revision",
                              reason=reason, expected_version=expected_version)


def request_approve(*, request_id, actor, expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="approve",
                              expected_version=expected_version)


def request_transmit(*, request_id, actor, expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="transmit",
                              expected_version=expected_version)


def request_transmit_orally(*, request_id, actor, oral_request_at=None, expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="transmit_orally",
                              expected_version=expected_version,
                              params={"oral_request_at": oral_request_at})


def request_confirm_in_writing(*, request_id, actor, confirmed_at=None, channel="",
                               expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="confirm_in_writing",
                              expected_version=expected_version,
                              params={"confirmed_at": confirmed_at, "channel": channel})


def request_refuse(*, request_id, actor, ground, reasons, partial=False, expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="refuse", reason=reasons,
                              expected_version=expected_version,
                              params={"ground": ground, "reasons": reasons, "partial": partial})


def request_defer(*, request_id, actor, ground, reasons, deferred_until=None,
                  expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="defer", reason=reasons,
                              expected_version=expected_version,
                              params={"ground": ground, "reasons": reasons,
                                      "deferred_until": deferred_until})


def request_set_conditions(*, request_id, actor, conditions, reasons="", accepted_on=None,
                           expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="set_conditions",
                              reason=reasons, expected_version=expected_version,
                              params={"conditions": conditions, "reasons": reasons,
                                      "accepted_on": accepted_on})


def request_record_execution(*, request_id, actor, outcome=ExecutionOutcome.FULL, reasons="",
                             expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="record_execution",
                              reason=reasons, expected_version=expected_version,
                              params={"outcome": str(outcome), "reasons": reasons})


def request_forward(*, request_id, actor, executing_authority_id, assigned_prosecutor_id=None,
                    expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="forward",
                              expected_version=expected_version,
                              params={"executing_authority_id": executing_authority_id,
                                      "assigned_prosecutor_id": assigned_prosecutor_id})


def request_close(*, request_id, actor, expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="close",
                              expected_version=expected_version)


def request_withdraw(*, request_id, actor, reason, expected_version=None):
    return request_transition(request_id=request_id, actor=actor, name="withdraw", reason=reason,
                              expected_version=expected_version)
