"""Guards: may this action happen now, under this instrument, with these facts?

Each function returns a list of ``Violation`` (empty: allowed). Each violation names the rule,
its citation and a message. ``treaties.rules.transition_guards`` composes them per transition of
the request graph and ``treaties.rules.readiness`` into what stands between a request and its next
step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from typing import TYPE_CHECKING
from typing import Any

from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.schema import CHANNEL_LABELS
from treaties.rulebook.schema import TECHNICAL_CHANNELS
from treaties.rulebook.schema import Channel
from treaties.rulebook.schema import ContentCondition
from treaties.rulebook.schema import ContentRule
from treaties.rulebook.schema import OriginalsMode
from treaties.rulebook.schema import Rule
from treaties.rulebook.schema import Rulebook

from .calendar import add_term
from .calendar import days_between
from .facts import RequestFacts
from .lifecycle import InstrumentStatus
from .lifecycle import StatusVerdict
from .violations import Violation

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Decision and consultation codes (the same values ``requests_app.models`` stores).
DECISION_CONDITIONS = "conditions"
DECISION_PARTIAL_OR_CONDITIONAL_CONSIDERED = "partial_or_conditional_considered"
CONSULTATION_REFUSAL = "refusal"
CONSULTATION_DEFERRAL = "deferral"
CONSULTATION_CONDITIONS = "conditions"


@dataclass(frozen=True)
class GuardContext:
    """What a guard may know besides the request's facts: the day (Asia/Almaty), the instrument's
    status that day, and the parameters of the action (ground, reasons, outcome...)."""

    today: date
    status: StatusVerdict
    params: Mapping[str, object] = field(default_factory=dict)
    now: datetime | None = None


# --- instrument life ---------------------------------------------------------------------------
def check_instrument_open_for_new_requests(rulebook: Rulebook, status: StatusVerdict) -> list[Violation]:
    """A new request may only be made while the instrument is in force (not before entry into
    force, not while suspended, not after termination)."""
    if status.status == InstrumentStatus.IN_FORCE:
        return []
    messages = {
        InstrumentStatus.NOT_IN_FORCE: _("The instrument is not in force on this date."),
        InstrumentStatus.SUSPENDED: _("The instrument is suspended on this date."),
        InstrumentStatus.TERMINATED: _("The instrument has ceased to have effect on this date."),
    }
    return [Violation(f"instrument_{status.status}", status.citation, messages[status.status],
                      "instrument")]


def check_instrument_allows_continuation(rulebook: Rulebook, status: StatusVerdict,
                                         opened_on: date | None) -> list[Violation]:
    """Work on a request already opened. Suspension stops it (CZ 17); after termination it goes on
    only where the instrument says procedures begun are completed (RS 22.5, BR 30.4) and the
    request was opened before the termination took effect."""
    if status.status == InstrumentStatus.SUSPENDED:
        return [Violation("instrument_suspended", status.citation,
                          _("The instrument is suspended: execution waits until the suspension is "
                            "lifted."), "instrument")]
    if status.status == InstrumentStatus.TERMINATED:
        carry_on = rulebook.pending_requests_continue
        if carry_on is not None and opened_on is not None and status.since and opened_on < status.since:
            return []
        if carry_on is not None:
            return [Violation("instrument_terminated", status.citation,
                              _("The instrument has ceased to have effect and this request was not "
                                "opened before that date."), "instrument")]
        return [Violation("instrument_terminated", status.citation,
                          _("The instrument has ceased to have effect and has no clause keeping "
                            "pending requests alive."), "instrument")]
    return []


# --- what may be asked, how ----------------------------------------------------------------------
def check_assistance_types(rulebook: Rulebook, codes: tuple[str, ...]) -> list[Violation]:
    violations: list[Violation] = []
    if not codes:
        violations.append(Violation(
            "assistance_types_required", rulebook.written_form.citation,
            _("Choose at least one type of assistance."), "assistance_types"))
    for code in codes:
        kind = ASSISTANCE_TYPES.get(code)
        if rulebook.excludes_legal_assistance is not None and kind is not None and kind.legal_assistance:
            violations.append(Violation(
                rulebook.excludes_legal_assistance.code, rulebook.excludes_legal_assistance.citation,
                format_lazy(_("“{type}” is legal assistance in criminal matters, which this "
                              "agreement does not cover."), type=kind.label), "assistance_types"))
        elif rulebook.assistance_type(code) is None:
            label = kind.label if kind else code
            violations.append(Violation(
                "assistance_type_not_covered", (rulebook.scope or rulebook.communication).citation,
                format_lazy(_("“{type}” is not a type of assistance this instrument provides."),
                            type=label), "assistance_types"))
    return violations


def _channel_label(code: str) -> StrOrPromise:
    """The label of a channel code; a code that names no channel is shown as it is."""
    # ``CHANNEL_LABELS`` is keyed by ``Channel``, a StrEnum: a member is equal to, and hashes
    # like, its code, so the plain code finds its label.
    labels: Mapping[Any, StrOrPromise] = CHANNEL_LABELS
    return labels.get(code, code)


def check_channel(rulebook: Rulebook, channel: str, is_urgent: bool) -> list[Violation]:
    if channel == Channel.ORAL:
        return check_oral_request(rulebook, is_urgent)
    allowed = {str(c) for c in rulebook.communication.channels}
    if channel not in allowed:
        return [Violation(
            rulebook.communication.code, rulebook.communication.citation,
            format_lazy(_("The channel “{channel}” is not provided by this instrument."),
                        channel=_channel_label(channel)), "channel")]
    return []


def check_written_channel(rulebook: Rulebook, channel: str) -> list[Violation]:
    """The channel of a written request or confirmation: one the instrument provides, not oral."""
    if channel == Channel.ORAL:
        return [Violation(rulebook.written_form.code, rulebook.written_form.citation,
                          _("A written confirmation cannot be oral."), "channel")]
    return check_channel(rulebook, channel, is_urgent=False)


def check_oral_request(rulebook: Rulebook, is_urgent: bool) -> list[Violation]:
    oral = rulebook.oral_requests
    if oral is None:
        return [Violation("oral_requests_not_provided", rulebook.written_form.citation,
                          _("This instrument requires requests in writing; it provides no oral "
                            "requests."), "channel")]
    if oral.urgent_only and not is_urgent:
        return [Violation(oral.code, oral.citation,
                          _("An oral request is allowed only in urgent cases."), "is_urgent")]
    return []


def content_required(rule: ContentRule, facts: RequestFacts) -> bool:
    if rule.required_when == ContentCondition.SUMMONS:
        return bool(facts.summonses)
    if rule.required_when == ContentCondition.OFFICIALS_ATTEND:
        return facts.officials_wish_to_attend
    return True


def missing_contents(rulebook: Rulebook, facts: RequestFacts) -> list[ContentRule]:
    return [rule for rule in rulebook.mandatory_contents
            if content_required(rule, facts) and rule.field not in facts.filled_contents]


def check_contents(rulebook: Rulebook, facts: RequestFacts) -> list[Violation]:
    return [
        Violation(rule.code, rule.citation,
                  format_lazy(_("Mandatory content missing: {item}."), item=rule.summary),
                  rule.field)
        for rule in missing_contents(rulebook, facts)
    ]


def accepted_languages(rulebook: Rulebook, facts: RequestFacts) -> frozenset[str]:
    accepted: set[str] = set()
    for code in rulebook.language.accepted_languages:
        if code == "requested_state":
            accepted.update(facts.requested_state_languages)
        else:
            accepted.add(code)
    return frozenset(accepted)


def check_translation(rulebook: Rulebook, facts: RequestFacts) -> list[Violation]:
    """The request must be in, or translated into, a language the instrument accepts (RS 4.1,
    BR 23.1, CZ 9.6, SK 8.3), unless the sides agreed otherwise where that is allowed."""
    rule = rulebook.language
    accepted = accepted_languages(rulebook, facts)
    if facts.request_language in accepted or facts.translation_languages & accepted:
        return []
    if rule.waivable_by_agreement and facts.translation_agreement:
        return []
    return [Violation(rule.code, rule.citation,
                      format_lazy(_("A translation into {languages} is required."),
                                  languages=", ".join(sorted(accepted))), "translations")]


def summons_lead_time_days(rulebook: Rulebook) -> int | None:
    return rulebook.summons_lead_time.days if rulebook.summons_lead_time else None


def check_summons_lead_time(rulebook: Rulebook, facts: RequestFacts, transmission_day: date) -> list[Violation]:
    """RS 8.3: at least 60 calendar days between transmission and appearance (shorter only in
    urgent cases by agreement); BR 6.2: at least 90."""
    rule = rulebook.summons_lead_time
    if rule is None:
        return []
    if rule.shorter_term_by_agreement_when_urgent and facts.is_urgent and facts.shorter_summons_term_agreed:
        return []
    violations = []
    for person in facts.summonses:
        if person.appearance_date is None:  # never: ``summonses`` keeps persons with a date
            continue
        days_left = days_between(transmission_day, person.appearance_date)
        if days_left < rule.days:
            violations.append(Violation(
                rule.code, rule.citation,
                ngettext_lazy(
                    "The appearance date %(date)s is %(left)s day away; this instrument requires "
                    "at least %(days)s calendar days between transmission and appearance.",
                    "The appearance date %(date)s is %(left)s days away; this instrument requires "
                    "at least %(days)s calendar days between transmission and appearance.",
                    "left") % {"date": date_format(person.appearance_date, "SHORT_DATE_FORMAT"),
                               "left": days_left, "days": rule.days},
                "appearance_date"))
    return violations


def check_original_with_transmission(rulebook: Rulebook, facts: RequestFacts, transmission_day: date) -> list[Violation]:
    """RS 3.4: a request sent by technical means goes with its original by post at the same
    time."""
    rule = rulebook.originals
    if rule is None or rule.mode != OriginalsMode.SIMULTANEOUS_POST:
        return []
    if facts.channel not in {str(c) for c in TECHNICAL_CHANNELS}:
        return []
    dispatched = any(o.dispatched_on is not None and o.dispatched_on <= transmission_day
                     and o.dispatch_channel == Channel.POST for o in facts.originals)
    if dispatched:
        return []
    return [Violation(rule.code, rule.citation,
                      _("A request sent by fax or electronically must have its original "
                        "dispatched by post at the same time; record the dispatch first."),
                      "originals")]


def check_requested_execution_date(rulebook: Rulebook, facts: RequestFacts) -> list[Violation]:
    rule = rulebook.requested_execution_date_reasoned
    if rule is None or facts.requested_execution_date is None:
        return []
    if facts.requested_execution_reason_given:
        return []
    return [Violation(rule.code, rule.citation,
                      _("A requested execution date must be accompanied by its reasons."),
                      "requested_execution_reason")]


# --- refusal, deferral, conditions ---------------------------------------------------------------
def _consultation_missing(rule: Rule | None, facts: RequestFacts, subjects: set[str], today: date,
                          message: StrOrPromise) -> list[Violation]:
    """Where the instrument requires consulting the other side first (``rule``), a consultation
    on one of ``subjects`` held by ``today``."""
    if rule is None or any(c.subject in subjects and c.held_on <= today
                           for c in facts.consultations):
        return []
    return [Violation(rule.code, rule.citation, message, "consultations")]


def _ground_and_reasons(rule: Rule, *, ground_listed: bool, reasons: str,
                        unlisted: StrOrPromise, unreasoned: StrOrPromise) -> list[Violation]:
    """A refusal or deferral names a ground from the instrument's own list and gives its
    reasons; both are cited under the instrument's rule on reasons for the decision."""
    violations = []
    if not ground_listed:
        violations.append(Violation(rule.code, rule.citation, unlisted, "ground"))
    if not reasons.strip():
        violations.append(Violation(rule.code, rule.citation, unreasoned, "reasons"))
    return violations


def check_refusal(rulebook: Rulebook, facts: RequestFacts, *, ground: str, reasons: str,
                  today: date) -> list[Violation]:
    violations = _ground_and_reasons(
        rulebook.refusal_reasons, ground_listed=rulebook.refusal_ground(ground) is not None,
        reasons=reasons, unlisted=_("A refusal must name a ground from this instrument's list."),
        unreasoned=_("A refusal must state its reasons."))
    # Consultation is the requested side's duty: enforced when Kazakhstan is asked.
    if not facts.outgoing:
        violations += _consultation_missing(
            rulebook.refusal_consultation, facts, {CONSULTATION_REFUSAL, CONSULTATION_CONDITIONS},
            today, _("Before refusing, record a consultation with the requesting side."))
    return violations


def check_deferral(rulebook: Rulebook, facts: RequestFacts, *, ground: str, reasons: str,
                   today: date) -> list[Violation]:
    if not rulebook.provides_deferral:
        return [Violation("deferral_not_provided", rulebook.refusal_reasons.citation,
                          _("This instrument provides no deferral of execution."), "ground")]
    violations = _ground_and_reasons(
        rulebook.deferral_reasons or rulebook.refusal_reasons,
        ground_listed=rulebook.deferral_ground(ground) is not None, reasons=reasons,
        unlisted=_("A deferral must name a ground from this instrument's list."),
        unreasoned=_("A deferral must state its reasons."))
    if not facts.outgoing:
        before = rulebook.deferral_after_partial_or_conditional_decision
        if before is not None and not any(
                d.kind in {DECISION_CONDITIONS, DECISION_PARTIAL_OR_CONDITIONAL_CONSIDERED}
                and d.decided_on <= today for d in facts.decisions):
            violations.append(Violation(
                before.code, before.citation,
                _("Before deferring, decide whether the request can be executed partially or on "
                  "conditions."), "decisions"))
        violations += _consultation_missing(
            rulebook.deferral_consultation, facts, {CONSULTATION_DEFERRAL, CONSULTATION_CONDITIONS},
            today, _("Before deferring, record a consultation with the requesting side."))
    return violations


def check_conditions(rulebook: Rulebook, *, conditions: str, accepted_on: date | None) -> list[Violation]:
    rule = rulebook.conditions
    if rule is None:
        return [Violation("conditions_not_provided", rulebook.refusal_reasons.citation,
                          _("This instrument provides no conditional execution."), "conditions")]
    violations = []
    if not conditions.strip():
        violations.append(Violation(rule.code, rule.citation, _("State the conditions."),
                                    "conditions"))
    if rulebook.conditions_need_acceptance and accepted_on is None:
        violations.append(Violation(
            rule.code, rule.citation,
            _("Conditional execution needs the requesting side's acceptance of the conditions."),
            "accepted_by_requesting_side_on"))
    return violations


def check_partial_execution(rulebook: Rulebook, facts: RequestFacts, *, outcome: str,
                            reasons: str) -> list[Violation]:
    if outcome not in {"full", "partial"}:
        return [Violation("execution_outcome", None,
                          _("Say whether the request was executed fully or partially."), "outcome")]
    if outcome == "partial" and not facts.outgoing and not reasons.strip():
        rule = rulebook.refusal_reasons
        return [Violation(rule.code, rule.citation,
                          _("Partial execution must be notified with its reasons."), "reasons")]
    return []


# --- closure, items, transfers -------------------------------------------------------------------
def check_closure(rulebook: Rulebook, facts: RequestFacts) -> list[Violation]:
    violations = []
    if facts.items_outstanding and rulebook.return_of_items is not None:
        rule = rulebook.return_of_items
        violations.append(Violation(
            rule.code, rule.citation,
            ngettext_lazy("%(count)s handed-over item is neither returned nor waived.",
                          "%(count)s handed-over items are neither returned nor waived.",
                          "count") % {"count": facts.items_outstanding}, "items"))
    pending = [t for t in facts.transfers if t.returned_on is None]
    if pending and rulebook.detainee_transfer is not None:
        rule = rulebook.detainee_transfer
        violations.append(Violation(
            rule.code, rule.citation,
            _("A transferred person has not been returned yet."), "transfers"))
    return violations


def check_items_outstanding(rulebook: Rulebook, facts: RequestFacts) -> list[Violation]:
    if facts.items_outstanding:
        return []
    rule = rulebook.return_of_items
    return [Violation(rule.code if rule else "return_of_items", rule.citation if rule else None,
                      _("No handed-over item is waiting to be returned."), "items")]


def check_transfer_terms(rulebook: Rulebook, *, transferred_on: date, return_due_on: date | None,
                         release_date: date | None, person_consented: bool,
                         extension_count: int = 0) -> list[Violation]:
    """RS 11.1: return within the term set by the requested side, at most six months, extended
    at most once. BR 9.1-9.2: only with the person's consent; returned no later than the release
    date."""
    rule = rulebook.detainee_transfer
    if rule is None:
        return [Violation("detainee_transfer_not_provided",
                          (rulebook.scope or rulebook.communication).citation,
                          _("This instrument provides no transfer of detained persons."),
                          "transfers")]
    violations = []
    if rule.max_months is not None:
        if return_due_on is None:
            violations.append(Violation(rule.code, rule.citation,
                                        _("Set the term by which the person must be returned."),
                                        "return_due_on"))
        elif extension_count == 0 and return_due_on > add_term(transferred_on, months=rule.max_months):
            violations.append(Violation(
                rule.code, rule.citation,
                ngettext_lazy("The return term may not exceed %(months)s month from the transfer.",
                              "The return term may not exceed %(months)s months from the "
                              "transfer.", "months") % {"months": rule.max_months},
                "return_due_on"))
        if extension_count > rule.extensions_allowed:
            violations.append(Violation(
                rule.code, rule.citation,
                ngettext_lazy("The return term may be extended only %(count)s time.",
                              "The return term may be extended only %(count)s times.",
                              "count") % {"count": rule.extensions_allowed}, "extension_count"))
    if rule.until_release_date:
        if release_date is None:
            violations.append(Violation(rule.code, rule.citation,
                                        _("Record the person's release date."), "release_date"))
        elif return_due_on is not None and return_due_on > release_date:
            violations.append(Violation(
                rule.code, rule.citation,
                _("The person must be returned no later than the release date."), "return_due_on"))
        if not person_consented:
            violations.append(Violation(rule.code, rule.consent_citation or rule.citation,
                                        _("The transfer needs the person's consent."),
                                        "person_consented"))
    return violations


def check_onward_transfer(rulebook: Rulebook, *, consent_reference: str,
                          consent_given_on: date | None) -> list[Violation]:
    """CZ 11.2, SK 6.2: passing data on to a third party needs the supplier's written consent."""
    rule = rulebook.personal_data
    if rule is None:
        return []
    if consent_reference.strip() and consent_given_on is not None:
        return []
    return [Violation(rule.code, rule.onward_transfer_consent,
                      _("Onward transfer needs the supplier's written consent, recorded with its "
                        "reference and date."), "consent_reference")]


def check_registration(rulebook: Rulebook, facts: RequestFacts, status: StatusVerdict) -> list[Violation]:
    """An incoming request may be registered under an instrument only if the instrument is in
    force, the channel is one it provides (oral only when urgent and provided) and the
    assistance is of a type it covers."""
    return (check_instrument_open_for_new_requests(rulebook, status)
            + check_channel(rulebook, facts.channel, facts.is_urgent)
            + check_assistance_types(rulebook, facts.assistance_types))
