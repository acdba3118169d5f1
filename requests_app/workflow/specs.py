"""The transition catalogue: one declarative spec per transition of the request graph.

The graph itself (which state a transition leaves and reaches, and which instrument features it
needs) is declared once on ``AssistanceRequest`` with django-fsm-2. Everything else about a
transition is declared here, once: its label, the roles that may run it, its typed parameters
(with the instrument's own choices), its guard (a pure function in
``treaties.rules.transition_guards``), the article it is taken under (or that it is office
procedure), what it records besides the state, and the decision row it enacts. The service
(``services.transitions``), the API's input serializer and options (``api.transitions``), the web
form (``forms.transitions``), the options list and the state graph (``graph``) are all derived
from it.

A new transition is one spec here plus one method on the model.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from typing import Any

from django.utils.translation import gettext_lazy as _

from treaties.rulebook.schema import Channel
from treaties.rulebook.schema import Rule
from treaties.rulebook.schema import Rulebook
from treaties.rules import transition_guards as guards
from treaties.rules.transition_guards import Guard

from ..exceptions import InvalidInput
from ..models import DISPATCH_REFERENCE_MAX_LENGTH
from ..models import AssistanceRequest
from ..models import DecisionKind
from ..models import ExecutionOutcome
from ..models import LetterEvent
from ..models import LogBasis
from ..roles import Role
from ..words import citation_text
from . import bases
from . import effects
from .params import ANSWER_LANGUAGES
from .params import Param
from .params import ParamKind
from .params import answer_language_choices
from .params import answer_language_initial
from .params import answer_translation_initial
from .params import assigned_prosecutor_param
from .params import deferral_ground_choices
from .params import ground_param
from .params import outcome_choices
from .params import reasons_param
from .params import refusal_ground_choices
from .params import written_channel_choices

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Effect = Callable[[AssistanceRequest, Mapping[str, Any], datetime], None]
Cites = Callable[[Rulebook, Mapping[str, Any]], Rule | None]

P, C, S = Role.PROSECUTOR, Role.CLERK, Role.SUPERVISOR


@dataclass(frozen=True)
class TransitionSpec:
    """Everything about one transition except its place in the graph.

    ``reason_required``: the log entry must say why (return for revision, withdrawal...).
    ``reasons_are_the_reason``: the ``reasons`` parameter (given to the other side) is also the
    log entry's reason unless one is given.
    ``guard``: the pure treaty check run under the row lock; ``effect``: what it records besides
    the state; ``decision_kind``: the decision row it enacts (refusal, deferral, conditions);
    ``freezes_letter``: the step hands the letter of an outgoing request on (to the reviewer, to
    the clerk, to the other side), so the letter as it stands is frozen with it, hashed, as a
    ``LetterVersion`` of that event (``services.documents.letter_version_freeze``).

    Every transition declares its basis, logged with it: either ``cites``, the rule of the
    request's instrument it is taken under (an instrument without that rule is silent on the
    step, which is then office procedure under it), or ``office_procedure``, a step no treaty
    governs (review, approval, withdrawal...). Exactly one of the two.
    """

    name: str
    label: StrOrPromise  # the command, on buttons: "Refuse"
    roles: tuple[Role, ...]
    # The act done, in the past tense, in the log and the timeline: "Refused".
    done_label: StrOrPromise = ""
    # On an outgoing request the step records the other side's act (the requested state refuses,
    # defers, executes): the button and the log name it as theirs, with ``%(side)s`` the
    # counterpart state's name ("Record Brazil's refusal", "Brazil refused").
    their_label: StrOrPromise = ""
    their_done_label: StrOrPromise = ""
    params: tuple[Param, ...] = ()
    reason_required: bool = False
    reasons_are_the_reason: bool = False
    guard: Guard | None = None
    cites: Cites | None = None
    office_procedure: bool = False
    effect: Effect | None = None
    decision_kind: DecisionKind | None = None
    freezes_letter: LetterEvent | None = None
    # (flag, text): when the flag parameter is set the text parameter must be given (400).
    requires: tuple[tuple[str, str], ...] = ()
    # A text parameter that is also the log entry's reason unless one is given.
    reason_param: str = ""
    # Four eyes (office policy, ``MLA_FOUR_EYES``): the person who last ran this transition on
    # the request may not run this one ("approve" is never by whoever submitted the draft).
    not_by_actor_of: str = ""

    def __post_init__(self) -> None:
        if (self.cites is None) != self.office_procedure:
            raise ValueError(f"Transition {self.name!r}: declare the rule it is taken under "
                             f"(cites) or office_procedure=True, not both or neither.")

    def command_label(self, side: str = "") -> str:
        """The button: the command, or, given the other side's name on an outgoing request whose
        step records their act, the recording of their act."""
        if side and self.their_label:
            return str(self.their_label) % {"side": side}
        return str(self.label)

    def past_label(self, side: str = "") -> str:
        """The log entry: what was done, in the past tense (theirs where ``side`` is given)."""
        if side and self.their_done_label:
            return str(self.their_done_label) % {"side": side}
        return str(self.done_label or self.label)

    @property
    def param_names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.params)

    @property
    def parameter_fields(self) -> frozenset[str]:
        """Violation fields about this action's parameters: unknown until it is run."""
        return frozenset().union(*(p.violation_fields for p in self.params))

    def basis(self, rulebook: Rulebook, params: Mapping[str, Any]) -> LogBasis:
        """What the transition is taken under for this instrument and these parameters."""
        if self.cites is None:
            return LogBasis.office_procedure()
        return LogBasis.under(self.cites(rulebook, params))

    def bind(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The parameters as the service uses them: unknown names refused, required ones
        present, defaults filled in for the absent and empty ones."""
        unknown = sorted(set(values) - self.param_names)
        if unknown:
            raise InvalidInput({name: str(_("Unknown field.")) for name in unknown})
        missing = [p.name for p in self.params
                   if p.required and values.get(p.name) in (None, "")]
        if missing:
            raise InvalidInput({name: str(_("This field is required.")) for name in missing})
        bound = {}
        for param in self.params:
            value = param.value_or_default(values)
            if value is not None:
                bound[param.name] = value
        lacking = {text: str(_("Say why.")) for flag, text in self.requires
                   if bound.get(flag) is True and not str(bound.get(text) or "").strip()}
        if lacking:
            raise InvalidInput(lacking)
        return bound

    def log_reason(self, reason: str, params: Mapping[str, Any]) -> str:
        if self.reasons_are_the_reason and not reason.strip():
            return str(params.get("reasons") or "")
        if self.reason_param and not reason.strip():
            return str(params.get(self.reason_param) or "")
        return reason


def _ground_or(kind: str, fallback: Callable[[Rulebook], Rule | None]) -> Cites:
    """The article listing the ground given, else the rule on reasons for the decision."""
    def cites(rulebook: Rulebook, params: Mapping[str, Any]) -> Rule | None:
        code = str(params.get("ground") or "")
        ground = (rulebook.refusal_ground(code) if kind == "refusal"
                  else rulebook.deferral_ground(code))
        return ground or fallback(rulebook)
    return cites


def _rule(pick: Callable[[Rulebook], Rule | None]) -> Cites:
    return lambda rulebook, params: pick(rulebook)


def _execution_recorded(rulebook: Rulebook, params: Mapping[str, Any]) -> Rule | None:
    """A full execution is recorded under the instrument's execution article; a partial one
    under the article that makes the requested side give its reasons for the part not executed
    (CZ 9.5, SK 7.7, RS 5.4, BR 3.4), as a partial refusal."""
    if params.get("outcome") == ExecutionOutcome.PARTIAL:
        return rulebook.refusal_reasons
    return bases.execution_rule(rulebook)


_REASONS_TO_REQUESTING_SIDE = _("Reasons given to the requesting side")
_REASONS_REQUIRED_BY_TREATY = _("Reasons given to the requesting side (the treaty requires them; "
                                "without them the rule answers 422).")


def _refusal_ground_help(rulebook: Rulebook) -> StrOrPromise:
    return _("Only the grounds this instrument lists (%(cite)s).") % {
        "cite": citation_text(rulebook.refusal_reasons.citation)}


def _acceptance_help(rulebook: Rulebook) -> StrOrPromise:
    if rulebook.conditions_need_acceptance:
        return _("Required where the instrument makes conditions depend on the requesting "
                 "side's acceptance.")
    return ""


# Longest reason for submitting an incomplete draft (office policy).
OVERRIDE_REASON_MAX_LENGTH = 2000

_NOW_HELP = _("Asia/Almaty time; leave empty for now.")

SPECS: tuple[TransitionSpec, ...] = (
    TransitionSpec(
        "submit_for_review", _("Submit for review"), (P,), office_procedure=True,
        done_label=_("Submitted for review"),
        params=(
            Param("override_incomplete", ParamKind.BOOLEAN, _("Submit although incomplete"),
                  _("Office policy: a draft goes to review complete; set this, with the reason, "
                    "to submit it with items of the checklist missing."),
                  default=False, violation_fields=frozenset({"override_incomplete"}),
                  help_text=lambda r: _("Office policy, not a treaty rule.")),
            Param("override_reason", ParamKind.TEXT, _("Why it goes incomplete"),
                  _("Required with the override; the reviewer reads it (at most %(n)d "
                    "characters).") % {"n": OVERRIDE_REASON_MAX_LENGTH},
                  default="", max_length=OVERRIDE_REASON_MAX_LENGTH,
                  violation_fields=frozenset({"override_reason"})),
        ),
        requires=(("override_incomplete", "override_reason"),),
        reason_param="override_reason",
        guard=guards.guard_submit_for_review, freezes_letter=LetterEvent.SUBMITTED),
    TransitionSpec("return_for_revision", _("Return for revision"), (S,),
                   done_label=_("Returned for revision"), reason_required=True,
                   office_procedure=True),
    TransitionSpec("approve", _("Approve"), (S,),
                   done_label=_("Approved"), office_procedure=True,
                   not_by_actor_of="submit_for_review",
                   freezes_letter=LetterEvent.APPROVED),
    TransitionSpec(
        "transmit", _("Transmit"), (C,),
        done_label=_("Transmitted"),
        params=(
            Param("dispatched_on", ParamKind.DATE, _("Dispatched on"),
                  _("Day the letter left (ISO date; optional): not in the future and not "
                    "before the approval."),
                  help_text=lambda r: _("Optional; not in the future, not before the "
                                        "approval.")),
            Param("dispatch_reference", ParamKind.LINE, _("Outgoing letter number"),
                  _("Our outgoing letter number (optional, one line)."), default="",
                  max_length=DISPATCH_REFERENCE_MAX_LENGTH,
                  help_text=lambda r: _("Optional; as in the register of outgoing mail.")),
        ),
        guard=guards.guard_transmit, cites=_rule(lambda r: r.communication),
        effect=effects.record_transmission, freezes_letter=LetterEvent.TRANSMITTED),
    TransitionSpec(
        "transmit_orally", _("Make urgent oral request"), (C,),
        done_label=_("Urgent oral request made"),
        params=(Param("oral_request_at", ParamKind.DATETIME, _("Oral request made at"),
                      _("When the oral request was made (ISO date-time, Asia/Almaty if no "
                        "offset; default: now)."),
                      rule=lambda r: r.oral_requests, help_text=lambda r: _NOW_HELP),),
        guard=guards.guard_transmit_orally, cites=_rule(lambda r: r.oral_requests),
        effect=effects.record_oral_request),
    TransitionSpec(
        "confirm_in_writing", _("Record written confirmation"), (C,),
        done_label=_("Written confirmation recorded"),
        params=(
            Param("confirmed_at", ParamKind.DATETIME, _("Written confirmation received at"),
                  _("When the written confirmation arrived (ISO date-time, Asia/Almaty if no "
                    "offset; default: now). Between the oral request and now."),
                  rule=lambda r: r.oral_requests, help_text=lambda r: _NOW_HELP),
            Param("channel", ParamKind.CHOICE, _("Channel of the written confirmation"),
                  _("Channel of the written confirmation (default: unchanged); one the "
                    "instrument provides."),
                  default="", choices=written_channel_choices,
                  all_values=tuple(c.value for c in Channel),
                  blank_label=_("— unchanged —"), rule=lambda r: r.communication),
        ),
        guard=guards.guard_confirm_in_writing, cites=_rule(lambda r: r.oral_requests),
        # On an outgoing request our written confirmation is the written request, sent now.
        effect=effects.record_written_confirmation, freezes_letter=LetterEvent.TRANSMITTED),
    TransitionSpec("start_completeness_check", _("Start completeness check"), (C,),
                   done_label=_("Completeness check started"),
                   office_procedure=True),
    # CZ 9.2, SK 7.5, BR 22.4; RS is silent on additional information (office procedure).
    TransitionSpec("request_additional_info", _("Request additional information"), (C, P),
                   done_label=_("Additional information requested"),
                   their_label=_("Record %(side)s's request for additional information"),
                   their_done_label=_("%(side)s requested additional information"),
                   reason_required=True, cites=_rule(lambda r: r.additional_information)),
    TransitionSpec("supply_additional_info", _("Record the additional information"), (C,),
                   done_label=_("Additional information received"),
                   their_label=_("Supply additional information"),
                   their_done_label=_("Additional information supplied to %(side)s"),
                   guard=guards.guard_continuing,
                   cites=_rule(lambda r: r.additional_information)),
    TransitionSpec(
        "forward", _("Forward to the competent authority"), (C,),
        done_label=_("Forwarded to the competent authority"),
        params=(Param("executing_authority_id", ParamKind.AUTHORITY, _("Executing authority"),
                      _("Id of the active Kazakh authority that executes the request."),
                      required=True,
                      initial=lambda request: (request.executing_authority_id
                                               or request.requested_authority_id)),
                assigned_prosecutor_param()),
        guard=guards.guard_forward, cites=_rule(bases.forwarding_rule),
        effect=effects.record_forwarding),
    TransitionSpec("start_execution", _("Start execution"), (P, C),
                   done_label=_("Execution started"),
                   params=(assigned_prosecutor_param(),), guard=guards.guard_continuing,
                   cites=_rule(bases.execution_rule), effect=effects.assign_prosecutor),
    TransitionSpec("open_consultation", _("Open consultation"), (C, P),
                   done_label=_("Consultation opened"),
                   cites=_rule(bases.decision_consultation_rule)),
    TransitionSpec(
        "set_conditions", _("Execute on conditions"), (C,),
        done_label=_("Execution on conditions decided"),
        their_label=_("Record %(side)s's conditions"),
        their_done_label=_("%(side)s set conditions for execution"),
        params=(
            Param("conditions", ParamKind.TEXT, _("Conditions"), _("The conditions of execution."),
                  default="", rule=lambda r: r.conditions,
                  violation_fields=frozenset({"conditions"})),
            reasons_param(_("Reasons"), _("Reasons for the conditions.")),
            Param("accepted_on", ParamKind.DATE, _("Requesting side accepted the conditions on"),
                  _("Day the requesting side accepted the conditions (ISO date); required where "
                    "the instrument makes conditions depend on that acceptance."),
                  rule=lambda r: r.conditions, help_text=_acceptance_help,
                  violation_fields=frozenset({"accepted_by_requesting_side_on"})),
        ),
        reasons_are_the_reason=True, guard=guards.guard_set_conditions,
        cites=_rule(lambda r: r.conditions), decision_kind=DecisionKind.CONDITIONS),
    TransitionSpec(
        "defer", _("Defer execution"), (C,),
        done_label=_("Execution deferred"),
        their_label=_("Record %(side)s's deferral"),
        their_done_label=_("%(side)s deferred execution"),
        params=(
            ground_param(_("Ground for deferral"),
                         _("Code of a deferral ground from the instrument's own list."),
                         deferral_ground_choices, lambda r: r.deferral_reasons),
            reasons_param(_REASONS_TO_REQUESTING_SIDE, _REASONS_REQUIRED_BY_TREATY,
                          lambda r: r.deferral_reasons),
            Param("deferred_until", ParamKind.DATE, _("Deferred until"),
                  _("Deferred until (ISO date).")),
        ),
        reasons_are_the_reason=True, guard=guards.guard_defer,
        cites=_ground_or("deferral", lambda r: r.deferral_reasons),
        decision_kind=DecisionKind.DEFERRAL),
    # No text governs the end of a deferral or consultation: the office's own step.
    TransitionSpec("resume_execution", _("Resume execution"), (C, P),
                   done_label=_("Execution resumed"),
                   their_label=_("Record that %(side)s resumed execution"),
                   their_done_label=_("%(side)s resumed execution"),
                   guard=guards.guard_continuing, office_procedure=True),
    TransitionSpec(
        "refuse", _("Refuse"), (C,),
        done_label=_("Refused"),
        their_label=_("Record %(side)s's refusal"),
        their_done_label=_("%(side)s refused"),
        params=(
            ground_param(_("Ground for refusal"),
                         _("Code of a refusal ground from the instrument's own list."),
                         refusal_ground_choices, lambda r: r.refusal_reasons,
                         help_text=_refusal_ground_help),
            reasons_param(_REASONS_TO_REQUESTING_SIDE, _REASONS_REQUIRED_BY_TREATY,
                          lambda r: r.refusal_reasons),
            Param("partial", ParamKind.BOOLEAN, _("Refuse in part only"),
                  _("Refuse in part only."), default=False),
        ),
        reasons_are_the_reason=True, guard=guards.guard_refuse,
        cites=_ground_or("refusal", lambda r: r.refusal_reasons),
        decision_kind=DecisionKind.REFUSAL),
    TransitionSpec(
        "record_execution", _("Record execution"), (P, C),
        done_label=_("Execution recorded"),
        their_label=_("Record %(side)s's execution"),
        their_done_label=_("%(side)s executed the request"),
        params=(
            Param("outcome", ParamKind.CHOICE, _("Outcome"),
                  _("Fully or partially executed (default: full)."),
                  default=ExecutionOutcome.FULL.value, choices=outcome_choices,
                  all_values=tuple(ExecutionOutcome.values),
                  initial=lambda request: ExecutionOutcome.FULL.value,
                  violation_fields=frozenset({"outcome"})),
            reasons_param(_("Reasons (for a partial execution)"),
                          _("Reasons for a partial execution (the treaty requires them)."),
                          lambda r: r.refusal_reasons),
        ),
        reasons_are_the_reason=True, guard=guards.guard_record_execution,
        cites=_execution_recorded, effect=effects.record_execution),
    TransitionSpec(
        "transmit_results", _("Transmit results"), (C,),
        done_label=_("Results transmitted"),
        params=(
            Param("answer_language", ParamKind.CHOICE, _("Language of the answer"),
                  _("Language the answer is sent in; the instrument may set it (RS 4.2: ours, "
                    "with an English translation; BR 23.2: English)."),
                  default="", choices=answer_language_choices, all_values=ANSWER_LANGUAGES,
                  blank_label=_("— choose the language —"), rule=lambda r: r.answer_language,
                  initial=answer_language_initial,
                  violation_fields=frozenset({"answer_language"})),
            Param("answer_translated_into_english", ParamKind.BOOLEAN,
                  _("Accompanied by an English translation"),
                  _("The answer and its enclosures go with a translation into English (RS 4.2)."),
                  default=False, rule=lambda r: r.answer_language,
                  initial=answer_translation_initial,
                  violation_fields=frozenset({"answer_translated_into_english"})),
            Param("answer_signed_and_sealed", ParamKind.BOOLEAN,
                  _("Signed by an official and sealed with the coat-of-arms seal"),
                  _("The documents sent in answer bear an official's signature and the "
                    "authority's coat-of-arms seal (RS 19: then no legalisation is needed)."),
                  default=False, rule=lambda r: r.answer_signed_and_sealed,
                  initial=lambda request: request.rulebook.answer_signed_and_sealed is not None,
                  violation_fields=frozenset({"answer_signed_and_sealed"})),
        ),
        guard=guards.guard_transmit_results, cites=_rule(bases.results_rule),
        effect=effects.record_results_transmitted),
    TransitionSpec("await_return_of_items", _("Await return of items"), (C,),
                   done_label=_("Return of items awaited"),
                   guard=guards.guard_await_return_of_items,
                   cites=_rule(lambda r: r.return_of_items)),
    # Closing the file is the office's step; RS 15 / BR 14 (items back) only block it, and the
    # guard cites them when they do.
    TransitionSpec("close", _("Close"), (C,),
                   done_label=_("Closed"), guard=guards.guard_close, office_procedure=True,
                   effect=effects.record_closure),
    TransitionSpec("withdraw", _("Withdraw"), (P, C),
                   done_label=_("Withdrawn"), reason_required=True,
                   office_procedure=True),
)

CATALOGUE: dict[str, TransitionSpec] = {spec.name: spec for spec in SPECS}


def transition_spec(name: str) -> TransitionSpec | None:
    return CATALOGUE.get(name)
