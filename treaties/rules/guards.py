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
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from treaties.languages import language_names as _language_names
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.schema import CHANNEL_LABELS
from treaties.rulebook.schema import PARTY_DECLARED_LANGUAGES
from treaties.rulebook.schema import REQUESTED_STATE_LANGUAGES
from treaties.rulebook.schema import TECHNICAL_CHANNELS
from treaties.rulebook.schema import Channel
from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import ConsultationRule
from treaties.rulebook.schema import ContentCondition
from treaties.rulebook.schema import ContentRule
from treaties.rulebook.schema import GroundRule
from treaties.rulebook.schema import OriginalsMode
from treaties.rulebook.schema import Rule
from treaties.rulebook.schema import Rulebook

from .calendar import add_term
from .calendar import days_between
from .facts import RequestFacts
from .lifecycle import InstrumentStatus
from .lifecycle import StatusVerdict
from .violations import OFFICE_POLICY
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
class OfficeRules:
    """The office's own rules where it is stricter than a text. A violation they raise has the
    basis "office policy" and cites no article: the text does not say it.

    ``reasons_always_given``: a refusal, deferral or partial execution by Kazakhstan states its
    reasons even where the text asks only for a written notice (CZ 9.5) or says nothing of
    reasons (BR partial execution). ``consultation_before_refusal``: instruments under which the
    office consults the requesting side before refusing or deferring although the text does not
    require it (BR 3.3 provides a consultation only for the optional consideration of
    conditions)."""

    reasons_always_given: bool = True
    consultation_before_refusal: frozenset[str] = frozenset({"kz-br-2018"})


@dataclass(frozen=True)
class GuardContext:
    """What a guard may know besides the request's facts: the day (Asia/Almaty), the instrument's
    status that day, the parameters of the action (ground, reasons, outcome...) and the office's
    own rules."""

    today: date
    status: StatusVerdict
    params: Mapping[str, object] = field(default_factory=dict)
    now: datetime | None = None
    office: OfficeRules = field(default_factory=OfficeRules)


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
                            "pending requests alive: the request cannot go on under this "
                            "instrument."), "instrument")]
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


def _types_label(codes: frozenset[str]) -> str:
    return ", ".join(sorted(str(ASSISTANCE_TYPES[c].label) if c in ASSISTANCE_TYPES else c
                            for c in codes))


def check_channel(rulebook: Rulebook, channel: str, is_urgent: bool,
                  assistance_types: tuple[str, ...] = (),
                  agreed_channels: frozenset[str] = frozenset()) -> list[Violation]:
    """The channel is one the article on channels names (RS 3.4, BR 22.1, CZ 9.1, SK 7.2), one
    allowed for this kind of request (RS 10.3: Interpol, urgent locating and identification), or
    one the authorities agreed where the text allows agreed means (CZ 9.1, SK 7.2)."""
    if channel == Channel.ORAL:
        return check_oral_request(rulebook, is_urgent)
    communication = rulebook.communication
    if channel in {str(c) for c in communication.channels}:
        return []
    if not rulebook.rules_encoded and not communication.channel_citation.cites_an_article:
        return []  # the text naming the channels is not in the project: nothing to enforce
    conditional = [rule for rule in communication.conditional_channels if rule.channel == channel]
    for rule in conditional:
        if rule.allows(is_urgent, assistance_types):
            return []
    if communication.agreed_means is not None and channel in agreed_channels:
        return []
    if conditional:
        rule = conditional[0]
        message = format_lazy(
            _("The channel “{channel}” may be used only {when} for: {types}."),
            channel=_channel_label(channel),
            when=_("in urgent cases") if rule.urgent_only else "",
            types=_types_label(rule.assistance_types))
        return [Violation(rule.code, rule.citation, message, "channel")]
    return [Violation(
        communication.code, communication.channel_citation,
        format_lazy(_("The channel “{channel}” is not provided by this instrument."),
                    channel=_channel_label(channel)), "channel")]


def check_written_channel(rulebook: Rulebook, channel: str, *, is_urgent: bool = False,
                          assistance_types: tuple[str, ...] = (),
                          agreed_channels: frozenset[str] = frozenset()) -> list[Violation]:
    """The channel of a written request or confirmation: one the instrument provides, not oral."""
    if channel == Channel.ORAL:
        return [Violation(rulebook.written_form.code, rulebook.written_form.citation,
                          _("A written confirmation cannot be oral."), "channel")]
    return check_channel(rulebook, channel, is_urgent, assistance_types, agreed_channels)


def check_oral_request(rulebook: Rulebook, is_urgent: bool) -> list[Violation]:
    oral = rulebook.oral_requests
    if oral is None and not rulebook.rules_encoded:
        return [Violation("office_written_requests", None, _(
            "This instrument's text is not in the system: the office takes requests under it "
            "in writing only."), "channel", OFFICE_POLICY)]
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
    if rule.required_when == ContentCondition.ASSISTANCE:
        return bool(rule.assistance_types & set(facts.assistance_types))
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


def encoded(rule: Rule | None) -> bool:
    """The rule is in the engine from its text: not absent, not the placeholder of an instrument
    whose text is not in the project (``Rulebook.rules_encoded``), which no guard enforces."""
    return rule is not None and rule.citation.cites_an_article


def party_languages_unknown(rulebook: Rulebook, facts: RequestFacts) -> bool:
    """The instrument accepts the languages the requested party declared, and no declaration is
    recorded: the requested state's official languages stand in for them, and the engine says
    so."""
    return (PARTY_DECLARED_LANGUAGES in rulebook.language.accepted_languages
            and facts.requested_party_languages is None)


def accepted_languages(rulebook: Rulebook, facts: RequestFacts) -> frozenset[str]:
    accepted: set[str] = set()
    for code in rulebook.language.accepted_languages:
        if code == REQUESTED_STATE_LANGUAGES:
            accepted.update(facts.requested_state_languages)
        elif code == PARTY_DECLARED_LANGUAGES:
            declared = facts.requested_party_languages
            accepted.update(facts.requested_state_languages if declared is None else declared)
        else:
            accepted.add(code)
    return frozenset(accepted)


def check_translation(rulebook: Rulebook, facts: RequestFacts) -> list[Violation]:
    """The request must be in, or translated into, a language the instrument accepts (RS 4.1,
    BR 23.1, CZ 9.6, SK 8.3), unless the sides agreed otherwise where that is allowed. A request
    drawn up in English alone is accepted under RS 4.1 and BR 23.1 (our reading:
    ``docs/rule-table.md``, "Readings we were unsure of")."""
    rule = rulebook.language
    if not encoded(rule):
        return []
    if rule.waivable_by_agreement and facts.translation_agreement:
        return []
    accepted = accepted_languages(rulebook, facts)
    if facts.request_language in accepted or facts.translation_languages & accepted:
        return []
    if party_languages_unknown(rulebook, facts):
        return [Violation(rule.code, rule.citation, format_lazy(
            _("A translation into {languages} is required: the languages this state accepts "
              "under the instrument are not recorded, so its official languages are asked "
              "for (record its declaration in the admin)."),
            languages=language_names(accepted)), "translations")]
    return [Violation(rule.code, rule.citation,
                      format_lazy(_("A translation into {languages} is required."),
                                  languages=language_names(accepted)), "translations")]


# Named in the language the message is read in, not the one the guard ran in.
language_names = lazy(_language_names, str)
# An article as the language the message is read in writes it (ст. 9.4, 9.4-бап, Art 9.4).
_localized_reference = lazy(lambda citation: citation.localized_reference, str)


def check_answer_language(rulebook: Rulebook, facts: RequestFacts, *, language: str,
                          translated_into: frozenset[str]) -> list[Violation]:
    """The answer Kazakhstan sends as the requested side: RS 4.2 in its own language with an
    English translation; BR 23.2 in English between the central authorities."""
    rule = rulebook.answer_language
    if rule is None or facts.outgoing:
        return []
    languages: set[str] = set()
    for code in rule.languages:
        languages.update(facts.requested_state_languages if code == "requested_state" else (code,))
    violations = []
    if language not in languages:
        violations.append(Violation(rule.code, rule.citation, format_lazy(
            _("The answer is sent in {languages}."), languages=language_names(languages)),
            "answer_language"))
    if rule.translation_into and rule.translation_into != language \
            and rule.translation_into not in translated_into:
        violations.append(Violation(rule.code, rule.citation, format_lazy(
            _("The answer is accompanied by a translation into {language}."),
            language=language_names((rule.translation_into,))), "answer_translated_into_english"))
    return violations


def summons_term_days(rulebook: Rulebook, facts: RequestFacts) -> int | None:
    """The lead time that binds this request: the instrument's (RS 8.3: 60 days, BR 6.2: 90), or
    the shorter term the two sides agreed in an urgent case where the text allows it (RS 8.3)."""
    rule = rulebook.summons_lead_time
    if rule is None:
        return None
    if (rule.shorter_term_by_agreement_when_urgent and facts.is_urgent
            and facts.shorter_summons_term_agreed):
        return facts.agreed_summons_term_days if facts.agreed_summons_term_days is not None else 0
    return rule.days


def check_summons_lead_time(rulebook: Rulebook, facts: RequestFacts, transmission_day: date) -> list[Violation]:
    """RS 8.3: at least 60 calendar days between transmission and an appearance before the
    requesting side's authorities (shorter only in urgent cases, by the term agreed); BR 6.2: at
    least 90. Only summonses to appear on the requesting side (``RequestFacts.summonses``): not a
    person heard in the requested state, nor a videoconference."""
    rule = rulebook.summons_lead_time
    term = summons_term_days(rulebook, facts)
    if rule is None or term is None:
        return []
    violations = []
    for person in facts.summonses:
        if person.appearance_date is None:  # never: ``summonses`` keeps persons with a date
            continue
        days_left = days_between(transmission_day, person.appearance_date)
        if days_left < term:
            violations.append(Violation(
                rule.code, rule.citation,
                ngettext_lazy(
                    "The appearance date %(date)s is %(left)s day away; this instrument requires "
                    "at least %(days)s calendar days between transmission and appearance.",
                    "The appearance date %(date)s is %(left)s days away; this instrument requires "
                    "at least %(days)s calendar days between transmission and appearance.",
                    "left") % {"date": date_format(person.appearance_date, "SHORT_DATE_FORMAT"),
                               "left": days_left, "days": term},
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
    """RS 6.5: the date by which we ask for execution must be reasoned. Only our own requests:
    on a request we received, a date without reasons does not bind us (the deadline row says so)
    and never stops its forwarding."""
    rule = rulebook.requested_execution_date_reasoned
    if rule is None or facts.requested_execution_date is None or not facts.outgoing:
        return []
    if facts.requested_execution_reason_given:
        return []
    return [Violation(rule.code, rule.citation,
                      _("A requested execution date must be accompanied by its reasons."),
                      "requested_execution_reason")]


# --- refusal, deferral, conditions ---------------------------------------------------------------
def _consulted(facts: RequestFacts, subjects: set[str], today: date) -> bool:
    return any(c.subject in subjects and c.held_on <= today for c in facts.consultations)


def _consultation_missing(rule: Rule | None, facts: RequestFacts, subjects: set[str], today: date,
                          message: StrOrPromise) -> list[Violation]:
    """Where the instrument requires consulting the other side first (``rule``), a consultation
    on one of ``subjects`` held by ``today``."""
    if rule is None or _consulted(facts, subjects, today):
        return []
    return [Violation(rule.code, rule.citation, message, "consultations")]


def _office_consultation_missing(rulebook: Rulebook, facts: RequestFacts, office: OfficeRules,
                                 subjects: set[str], today: date) -> list[Violation]:
    """The office's own rule: consult before refusing or deferring where the text does not
    require it (BR 3.3 offers a consultation only on assisting on conditions)."""
    if rulebook.slug not in office.consultation_before_refusal or _consulted(facts, subjects, today):
        return []
    return [Violation("office_consultation_before_refusal", None, _(
        "Before refusing or deferring, record a consultation with the requesting side (on the "
        "decision or on assisting on conditions). The treaty does not require it."),
        "consultations", OFFICE_POLICY)]


def _ground_listed(rulebook: Rulebook, ground: GroundRule | None, facts: RequestFacts,
                   listed_at: Citation, unlisted: StrOrPromise) -> list[Violation]:
    """A ground from the instrument's own list (cited where the list is: RS 5, BR 3.1, CZ 9.4,
    SK 7.6; deferral RS 6.2, BR 3.2) that concerns this request's kind of assistance."""
    if ground is None:
        return [Violation("ground_not_listed", listed_at, unlisted, "ground")]
    if not ground.applies_to(facts.assistance_types):
        return [Violation(ground.code, ground.citation, format_lazy(
            _("This ground concerns only requests for: {types}."),
            types=_types_label(ground.assistance_types)), "ground")]
    return []


def _reasons_given(reasons: str, *, required_by: Rule | None, office: OfficeRules,
                   unreasoned: StrOrPromise) -> list[Violation]:
    """Reasons for a decision: required by the cited rule where the text says so, otherwise by
    the office's own rule (marked as office policy, no article cited)."""
    if reasons.strip():
        return []
    if required_by is not None:
        return [Violation(required_by.code, required_by.citation, unreasoned, "reasons")]
    if office.reasons_always_given:
        return [Violation("office_reasons_given", None, format_lazy(
            _("{message} The treaty does not require the reasons."), message=unreasoned),
            "reasons", OFFICE_POLICY)]
    return []


def check_refusal(rulebook: Rulebook, facts: RequestFacts, *, ground: str, reasons: str,
                  today: date, office: OfficeRules | None = None) -> list[Violation]:
    """Kazakhstan refusing a request it received: a ground from the list, reasons where the text
    asks for them (RS 5.4, BR 3.4, SK 7.7; CZ 9.5 asks only for a written notice), and the
    consultation the text requires first (RS 5.3, on the possible refusal itself).

    The other side refusing *our* request is a fact to record whatever its ground or reasons: the
    treaty's limits bind the requested side, not our record of what it did
    (``treaties.rules.breaches`` flags what we may contest)."""
    if facts.outgoing:
        return []
    office = office or OfficeRules()
    excluded = rulebook.excluded_refusal_ground(ground)
    if excluded is not None:  # UNTOC 18.8 bank secrecy, 18.22 fiscal matters
        violations = [Violation(excluded.code, excluded.citation, format_lazy(
            _("This instrument rules out refusing on this ground: {ground}"),
            ground=excluded.summary), "ground")]
    elif not rulebook.refusal_grounds and not rulebook.rules_encoded:
        violations = []  # the list of grounds is not in the project: the ground is recorded
    else:
        violations = _ground_listed(
            rulebook, rulebook.refusal_ground(ground), facts,
            rulebook.refusal_grounds_reference(),
            _("A refusal must name a ground from this instrument's list."))
    violations += _reasons_given(
        reasons, required_by=(rulebook.refusal_reasons if rulebook.refusal_reasons_required
                              and encoded(rulebook.refusal_reasons) else None),
        office=office, unreasoned=_("A refusal must state its reasons."))
    # RS 5.3: an unconditional duty to consult before refusing, about the refusal (the
    # consultation on conditions belongs to deferral, 6.3).
    # RS 5.3: on the refusal itself; UNTOC 18.26, UNCAC 46.26: on granting it on conditions
    # instead, which a consultation recorded on either subject meets.
    consultation = rulebook.refusal_consultation
    on_conditions = isinstance(consultation, ConsultationRule) and consultation.on_conditions
    violations += _consultation_missing(
        consultation, facts,
        {CONSULTATION_REFUSAL, CONSULTATION_CONDITIONS} if on_conditions
        else {CONSULTATION_REFUSAL}, today,
        _("Before refusing, record a consultation with the requesting side on the possible "
          "refusal."))
    if rulebook.refusal_consultation is None:
        violations += _office_consultation_missing(
            rulebook, facts, office, {CONSULTATION_REFUSAL, CONSULTATION_CONDITIONS}, today)
    return violations


def check_deferral(rulebook: Rulebook, facts: RequestFacts, *, ground: str, reasons: str,
                   today: date, office: OfficeRules | None = None) -> list[Violation]:
    """Kazakhstan deferring a request it received: a ground from the list (RS 6.2, BR 3.2),
    reasons (RS 6.4, BR 3.4), and the decision on partial or conditional execution first
    (RS 6.3). The other side deferring our request is recorded whatever its ground."""
    if not rulebook.provides_deferral:
        return [Violation("deferral_not_provided", rulebook.refusal_reasons.citation,
                          _("This instrument provides no deferral of execution."), "ground")]
    if facts.outgoing:
        return []
    office = office or OfficeRules()
    if not rulebook.deferral_grounds and not rulebook.rules_encoded:
        violations = []  # the text is not in the project: the ground is recorded as given
    else:
        violations = _ground_listed(
            rulebook, rulebook.deferral_ground(ground), facts,
            rulebook.deferral_grounds_reference(),
            _("A deferral must name a ground from this instrument's list."))
    # Where the text asks reasons for a refusal only (UNCAC 46.23, Vienna 7.16), the office's
    # own rule asks them for a deferral (office policy).
    reasons_rule = rulebook.deferral_reasons
    violations += _reasons_given(
        reasons, required_by=reasons_rule if encoded(reasons_rule) else None,
        office=office, unreasoned=_("A deferral must state its reasons."))
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
    if rulebook.deferral_consultation is None:
        violations += _office_consultation_missing(
            rulebook, facts, office, {CONSULTATION_DEFERRAL, CONSULTATION_CONDITIONS}, today)
    return violations


def check_conditions_occasion(rulebook: Rulebook, facts: RequestFacts,
                              today: date) -> list[Violation]:
    """RS 6.3 / 12.3: Kazakhstan sets conditions when it decides to execute instead of deferring
    (that decision recorded first) or when it hands over seized items; not at any point of
    execution."""
    occasions = rulebook.conditions_occasions
    if occasions is None or facts.outgoing:
        return []
    if occasions.assistance_types & set(facts.assistance_types):
        return []
    if occasions.after_deferral_decision and any(
            d.kind == DECISION_PARTIAL_OR_CONDITIONAL_CONSIDERED and d.decided_on <= today
            for d in facts.decisions):
        return []
    return [Violation(occasions.code, occasions.citation, format_lazy(
        _("Under this treaty conditions are set when deciding to execute instead of deferring "
          "(record that decision first) or when handing over seized items ({items})."),
        items=_localized_reference(occasions.assistance_types_citation)
        if occasions.assistance_types_citation else ""), "decisions")]


def check_conditions(rulebook: Rulebook, *, conditions: str, accepted_on: date | None) -> list[Violation]:
    rule = rulebook.conditions
    if rule is None and not rulebook.rules_encoded:
        # The text is not in the project: conditions are recorded as set, stated.
        return [] if conditions.strip() else [Violation(
            "office_conditions_stated", None, _("State the conditions."), "conditions",
            OFFICE_POLICY)]
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
                            reasons: str, office: OfficeRules | None = None) -> list[Violation]:
    """A partial execution by Kazakhstan states its reasons where the text requires them (SK 7.7;
    RS 5.2 with 5.4); elsewhere (CZ 9.5: written notice; BR) the office's own rule asks for them.
    The other side's partial execution of our request is recorded as it comes."""
    if outcome not in {"full", "partial"}:
        return [Violation("execution_outcome", None,
                          _("Say whether the request was executed fully or partially."), "outcome")]
    if outcome != "partial" or facts.outgoing:
        return []
    return _reasons_given(
        reasons, office=office or OfficeRules(),
        required_by=rulebook.refusal_reasons if rulebook.partial_execution_reasons_required else None,
        unreasoned=_("A partial execution must be notified with its reasons."))


def check_answer_signed_and_sealed(rulebook: Rulebook, facts: RequestFacts, *,
                                   signed_and_sealed: bool) -> list[Violation]:
    """RS 19: the documents Kazakhstan supplies in answer are signed by an official and sealed
    with the authority's coat-of-arms seal (then no legalisation is needed)."""
    rule = rulebook.answer_signed_and_sealed
    if rule is None or facts.outgoing or signed_and_sealed:
        return []
    return [Violation(rule.code, rule.citation, _(
        "The documents sent in answer are signed by an official and sealed with the authority's "
        "coat-of-arms seal."), "answer_signed_and_sealed")]


# --- proof of service ------------------------------------------------------------------------------
def check_service_proof(rulebook: Rulebook, facts: RequestFacts, *, served: bool, place: str,
                        manner: str, received_by: str, signed_and_sealed: bool,
                        not_served_reason: str) -> list[Violation]:
    """RS 8.2: the proof Kazakhstan sends as the requested side states place, manner and the
    person served (date and time with the service), signed by the official and sealed; a failed
    service is reported with its reasons. The other side's proof of our request is recorded as
    it comes."""
    rule = rulebook.service_proof_contents
    if rule is None or facts.outgoing:
        return []
    if not served:
        if not_served_reason.strip():
            return []
        return [Violation(rule.code, rule.citation,
                          _("Give the reasons the document was not served."), "not_served_reason")]
    missing = [(name, label) for name, label, value in (
        ("place", _("the place of service"), place.strip()),
        ("manner", _("the manner of service"), manner.strip()),
        ("received_by", _("the person served"), received_by.strip()),
        ("signed_and_sealed", _("the official's signature and the authority's seal"),
         signed_and_sealed)) if not value]
    return [Violation(rule.code, rule.citation,
                      format_lazy(_("The proof of service must state {item}."), item=label), name)
            for name, label in missing]


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
    if rule is None and not rulebook.rules_encoded:
        return []  # the text is not in the project: the transfer is recorded as agreed
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
            + check_channel(rulebook, facts.channel, facts.is_urgent, facts.assistance_types,
                            facts.agreed_channels)
            + check_assistance_types(rulebook, facts.assistance_types))
