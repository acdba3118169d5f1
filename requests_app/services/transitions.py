"""Running the request graph's transitions, and telling what may run now.

``request_transition_run`` is the only way a request changes state: every transition runs through
it with its spec from the catalogue (``requests_app.workflow.specs``), so roles, parameters, guard,
basis (the article cited, or office procedure), effects and decision row are read from one
declaration. The named wrappers
(``request_transmit``, ``request_refuse``...) give each transition typed keyword arguments.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from treaties.rules.calendar import local_date
from treaties.rules.guards import GuardContext
from treaties.rules.guards import OfficeRules
from treaties.rules.violations import OFFICE_POLICY
from treaties.rules.violations import Violation

from .. import clock
from ..action_labels import counterpart_side
from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..exceptions import TransitionNotAvailable
from ..models import AssistanceRequest
from ..models import Decision
from ..models import ExecutionOutcome
from ..models import TransitionLog
from ..roles import user_has_any_role
from ..workflow.graph import available_transitions
from ..workflow.graph import transition_target
from ..workflow.specs import CATALOGUE
from ..workflow.specs import TransitionSpec
from .attachments import files_removed_on_failure
from .changes import Change
from .changes import raise_if
from .changes import request_change
from .documents import letter_version_freeze
from .duties import duties_after_transition
from .fact_rows import fact_rows_forget
from .facts import request_facts
from .owners import Owners
from .owners import owners_after_transition


def office_rules() -> OfficeRules:
    """The office's own rules where it is stricter than a text (settings; see ``OfficeRules``)."""
    return OfficeRules(
        reasons_always_given=settings.MLA_OFFICE_REASONS_ALWAYS_GIVEN,
        consultation_before_refusal=frozenset(settings.MLA_OFFICE_CONSULTATION_BEFORE_REFUSAL))


def _guard_context(request: AssistanceRequest, now: datetime,
                   params: Mapping[str, Any]) -> GuardContext:
    today = local_date(now)
    return GuardContext(today=today, status=request.instrument_status_on(today), params=params,
                        now=now, office=office_rules())


def _spec_available(request: AssistanceRequest, name: str) -> TransitionSpec:
    """The spec of ``name`` if the graph offers it to this request now; else
    TransitionNotAvailable (unknown names included: they are in no state's graph)."""
    spec = CATALOGUE.get(name)
    if spec is None or name not in available_transitions(request):
        raise TransitionNotAvailable(name, request.state)
    return spec


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _write_decision(spec: TransitionSpec, change: Change, actor: User,
                    params: Mapping[str, Any]) -> None:
    """The decision a transition enacts is written with it (refusal, deferral, conditions)."""
    if spec.decision_kind is None:
        return
    Decision.objects.create(
        request=change.request, kind=spec.decision_kind, ground=params.get("ground", ""),
        citation=change.citation, partial=bool(params.get("partial")),
        reasons=params.get("reasons", ""), conditions=params.get("conditions", ""),
        accepted_by_requesting_side_on=params.get("accepted_on"),
        deferred_until=params.get("deferred_until"), decided_on=local_date(change.now),
        decided_by=actor)


def _earlier_actor_id(request: AssistanceRequest, spec: TransitionSpec) -> int | None:
    """Who last ran the transition ``spec`` must not be repeated by (four eyes); None if nobody
    did or the spec declares no such rule. One query."""
    if not spec.not_by_actor_of:
        return None
    return (TransitionLog.objects.filter(request=request, action=spec.not_by_actor_of)
            .order_by("-id").values_list("actor_id", flat=True).first())


def _four_eyes_violations(spec: TransitionSpec, actor: User,
                          earlier_actor_id: int | None) -> list[Violation]:
    """Office policy (``MLA_FOUR_EYES``): the person who submitted a draft does not approve it,
    supervisors included. No treaty says so: the violation cites no article."""
    if not settings.MLA_FOUR_EYES or earlier_actor_id is None or earlier_actor_id != actor.pk:
        return []
    return [Violation("office_four_eyes", None, _(
        "Four eyes: you submitted this draft, so another supervisor approves it. Office policy; "
        "the treaty does not require it."), "", OFFICE_POLICY)]


@dataclass(frozen=True)
class TransitionOutcome:
    """The request as the transition left it and the log entry that records the transition."""

    request: AssistanceRequest
    log_entry: TransitionLog


def request_transition_run(*, request_id: int, actor: User, name: str, reason: str = "",
                           expected_version: int | None = None,
                           params: Mapping[str, Any] | None = None) -> TransitionOutcome:
    """Run transition ``name`` on the request.

    Locks the request row; raises RequestNotFound (not visible), TransitionNotAvailable (not in the
    graph from this state for this direction and instrument), ActionNotPermitted (role),
    ConcurrentModification (version moved), InvalidInput (a parameter unknown to the action,
    missing or wrong; a reason missing where the action needs one), RuleViolation (a treaty rule
    blocks it, with every violated rule and its citation). On success the state, milestones,
    decision row, frozen letter (where the spec says the step freezes it), owners
    (``services.owners``), case-event notifications, log entry and deadlines are written in one
    transaction.
    """
    # Roles are checked below, once the transition is known; final states have no outgoing
    # transition, so the graph answers TransitionNotAvailable for them.
    with files_removed_on_failure() as stored, request_change(
            actor=actor, request_id=request_id, roles=None, action=name,
            expected_version=expected_version, allow_final_states=True) as change:
        request = change.request
        spec = _spec_available(request, name)
        if not user_has_any_role(actor, spec.roles):
            raise ActionNotPermitted()
        earlier_actor_id = _earlier_actor_id(request, spec)
        raise_if(_four_eyes_violations(spec, actor, earlier_actor_id))
        bound = spec.bind(params or {})
        change.reason = spec.log_reason(reason, bound)
        if spec.reason_required and not change.reason.strip():
            raise InvalidInput({"reason": str(_("Give the reason for this action."))})
        # The related rows in one query (``services.fact_rows``), for the guard and the letter,
        # with the deadline rows and the log's head the end of the change needs; dropped once
        # the body writes a related row (the decision), and read afresh at the end
        # (``finish_change``) if anything was written.
        change.read_rows()
        if spec.guard is not None:
            raise_if(spec.guard(request.rulebook, request_facts(request),
                                _guard_context(request, change.now, bound)))
        change.basis = spec.basis(request.rulebook, bound)
        change.details = {key: _iso(value) for key, value in bound.items()}
        if spec.not_by_actor_of:
            # The log says who approved (the entry's actor) and who submitted, and whether the
            # office's four-eyes rule was on when it happened.
            change.details.update({f"{spec.not_by_actor_of}_by": earlier_actor_id,
                                   "four_eyes": settings.MLA_FOUR_EYES})
        owners_before = Owners.of(request)
        if spec.effect is not None:
            spec.effect(request, bound, change.now)
        getattr(request, name)()
        if spec.decision_kind is not None:
            _write_decision(spec, change, actor, bound)
            fact_rows_forget(request)
        if spec.freezes_letter is not None:
            letter_version_freeze(change=change, actor=actor, event=spec.freezes_letter,
                                  stored=stored)
        duties_after_transition(change, actor, name, bound)
        owners_after_transition(change, actor, name, owners_before)
    return TransitionOutcome(request=request, log_entry=change.recorded_entry)


def request_transition(*, request_id: int, actor: User, name: str, reason: str = "",
                       expected_version: int | None = None,
                       params: Mapping[str, Any] | None = None) -> AssistanceRequest:
    """``request_transition_run`` for callers that need only the request."""
    return request_transition_run(request_id=request_id, actor=actor, name=name, reason=reason,
                                  expected_version=expected_version, params=params).request


# --- what may run now -----------------------------------------------------------------------------
@dataclass(frozen=True)
class TransitionOption:
    """One action as a user sees it: whether they may run it now, and if not, why."""

    spec: TransitionSpec
    target: str
    permitted: bool
    violations: tuple[Violation, ...]
    # The other side's name on an outgoing request: a step recording their act is named as theirs.
    side: str = ""

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def label(self) -> str:
        """The command on the button ("Refuse"; "Record Brazil's refusal" on an outgoing
        request)."""
        return self.spec.command_label(self.side)

    @property
    def reason_required(self) -> bool:
        return self.spec.reason_required

    @property
    def allowed(self) -> bool:
        return self.permitted and not self.violations


def request_transition_check(*, request: AssistanceRequest, user: User,
                             name: str) -> TransitionOption:
    """Whether the graph offers ``name`` to this request now and the user's role may run it,
    without evaluating any treaty rule: what an interface asks before it reads an action's input
    (the service checks both again under the row lock). Raises TransitionNotAvailable."""
    spec = _spec_available(request, name)
    transition = available_transitions(request)[name]
    return TransitionOption(spec=spec, target=transition_target(transition, request),
                            permitted=user_has_any_role(user, spec.roles), violations=(),
                            side=counterpart_side(request))


def request_transition_options(*, request: AssistanceRequest,
                               user: User) -> list[TransitionOption]:
    """Every transition the graph offers this request now, with the rules that would block it.
    The action's parameters (a refusal ground, reasons...) are unknown here, so rules about them
    are left out: only blocks that come from the request's facts show."""
    now = clock.now()
    facts = request_facts(request)
    ctx = _guard_context(request, now, {})
    options = []
    side = counterpart_side(request)
    for name, transition in available_transitions(request).items():
        spec = CATALOGUE[name]
        violations = spec.guard(request.rulebook, facts, ctx) if spec.guard else []
        if spec.not_by_actor_of and user_has_any_role(user, spec.roles):
            violations = [*_four_eyes_violations(spec, user, _earlier_actor_id(request, spec)),
                          *violations]
        options.append(TransitionOption(
            spec=spec, target=transition_target(transition, request),
            permitted=user_has_any_role(user, spec.roles),
            violations=tuple(v for v in violations if v.field not in spec.parameter_fields),
            side=side))
    return options


# --- named wrappers: one typed signature per transition --------------------------------------
# Transitions without parameters are ``request_transition`` with their name (a reason where the
# transition needs one: return for revision, withdrawal).
request_submit_for_review = partial(request_transition, name="submit_for_review")
request_return_for_revision = partial(request_transition, name="return_for_revision")
request_approve = partial(request_transition, name="approve")
request_close = partial(request_transition, name="close")
request_withdraw = partial(request_transition, name="withdraw")


def request_transmit(*, request_id: int, actor: User, dispatched_on: date | None = None,
                     dispatch_reference: str = "", reason: str = "",
                     expected_version: int | None = None) -> AssistanceRequest:
    """Transmit an approved outgoing request; the letter as it stands is frozen as the version
    transmitted. ``dispatched_on`` and ``dispatch_reference``: the day the letter left and our
    outgoing letter number, when the clerk records them."""
    return request_transition(request_id=request_id, actor=actor, name="transmit", reason=reason,
                              expected_version=expected_version,
                              params={"dispatched_on": dispatched_on,
                                      "dispatch_reference": dispatch_reference})


def request_transmit_orally(*, request_id: int, actor: User,
                            oral_request_at: datetime | None = None,
                            expected_version: int | None = None) -> AssistanceRequest:
    return request_transition(request_id=request_id, actor=actor, name="transmit_orally",
                              expected_version=expected_version,
                              params={"oral_request_at": oral_request_at})


def request_confirm_in_writing(*, request_id: int, actor: User,
                               confirmed_at: datetime | None = None, channel: str = "",
                               expected_version: int | None = None) -> AssistanceRequest:
    return request_transition(request_id=request_id, actor=actor, name="confirm_in_writing",
                              expected_version=expected_version,
                              params={"confirmed_at": confirmed_at, "channel": channel})


def request_refuse(*, request_id: int, actor: User, ground: str, reasons: str,
                   partial: bool = False,
                   expected_version: int | None = None) -> AssistanceRequest:
    return request_transition(request_id=request_id, actor=actor, name="refuse",
                              expected_version=expected_version,
                              params={"ground": ground, "reasons": reasons, "partial": partial})


def request_defer(*, request_id: int, actor: User, ground: str, reasons: str,
                  deferred_until: date | None = None,
                  expected_version: int | None = None) -> AssistanceRequest:
    return request_transition(request_id=request_id, actor=actor, name="defer",
                              expected_version=expected_version,
                              params={"ground": ground, "reasons": reasons,
                                      "deferred_until": deferred_until})


def request_set_conditions(*, request_id: int, actor: User, conditions: str, reasons: str = "",
                           accepted_on: date | None = None,
                           expected_version: int | None = None) -> AssistanceRequest:
    return request_transition(request_id=request_id, actor=actor, name="set_conditions",
                              expected_version=expected_version,
                              params={"conditions": conditions, "reasons": reasons,
                                      "accepted_on": accepted_on})


def request_record_execution(*, request_id: int, actor: User,
                             outcome: str = ExecutionOutcome.FULL, reasons: str = "",
                             expected_version: int | None = None) -> AssistanceRequest:
    return request_transition(request_id=request_id, actor=actor, name="record_execution",
                              expected_version=expected_version,
                              params={"outcome": str(outcome), "reasons": reasons})


def request_forward(*, request_id: int, actor: User, executing_authority_id: int,
                    assigned_prosecutor_id: int | None = None,
                    expected_version: int | None = None) -> AssistanceRequest:
    return request_transition(request_id=request_id, actor=actor, name="forward",
                              expected_version=expected_version,
                              params={"executing_authority_id": executing_authority_id,
                                      "assigned_prosecutor_id": assigned_prosecutor_id})
