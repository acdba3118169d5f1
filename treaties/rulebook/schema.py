"""The vocabulary a rulebook is written in.

A rulebook is plain, immutable data: which assistance may be asked, through which channels, what a
request must contain, when it may be refused or deferred, which terms run. Every rule carries the
citation (instrument, article, paragraph) it comes from and a short summary in Kazakh, Russian and
English written by us (never a copy of treaty sentences). Pure rule functions in
``treaties.rules`` read these objects; nothing here touches the database.

Adding an instrument means writing one module of this package that builds a ``Rulebook`` named
``RULEBOOK``, with its parties (``treaties.rulebook.parties``): ``treaties.rulebook.registry``
finds it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields
from datetime import date
from typing import TYPE_CHECKING

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:  # parties.py builds on this module's Summary and Citation
    from .parties import Party


class InstrumentKind(enum.StrEnum):
    MLA_TREATY = "mla_treaty"
    POLICE_COOPERATION = "police_cooperation"
    # A multilateral convention with mutual legal assistance provisions (UNTOC Art 18, UNCAC
    # Art 46): parties join and leave separately and may be displaced by an MLA treaty.
    CONVENTION = "convention"
    # A multilateral treaty of legal assistance (CIS Minsk 1993, Chisinau 2002): a "treaty of
    # mutual legal assistance" within UNTOC 18.7, UNCAC 46.7 and Vienna 1988 Art 7.6.
    LEGAL_ASSISTANCE_CONVENTION = "legal_assistance_convention"
    # Not a treaty: Kazakhstan's own law, assistance on the basis of reciprocity (Code of
    # Criminal Procedure). Tried last.
    NATIONAL_LAW = "national_law"


# Instrument kinds that are "treaties of mutual legal assistance" for the displacement clauses of
# the conventions (UNTOC 18.7, UNCAC 46.7, Vienna 1988 Art 7.6).
MLA_TREATY_KINDS = (InstrumentKind.MLA_TREATY, InstrumentKind.LEGAL_ASSISTANCE_CONVENTION)


class AuthorityKind(enum.StrEnum):
    """Who talks to whom: central authorities (MLA treaties) or competent authorities (police
    cooperation agreements)."""

    CENTRAL = "central"
    COMPETENT = "competent"
    # A Kazakh office that sends and executes requests through the central or competent
    # authority; designated under no instrument.
    FORWARDING = "forwarding"


class Channel(enum.StrEnum):
    POST = "post"
    FAX = "fax"
    ELECTRONIC = "electronic"
    ORAL = "oral"
    INTERPOL = "interpol"
    DIPLOMATIC = "diplomatic"
    COURIER = "courier"


CHANNEL_LABELS = {
    Channel.POST: _("post"),
    Channel.FAX: _("fax"),
    Channel.ELECTRONIC: _("electronic"),
    Channel.ORAL: _("oral (urgent)"),
    Channel.INTERPOL: _("Interpol"),
    Channel.DIPLOMATIC: _("diplomatic channels"),
    Channel.COURIER: _("courier"),
}

# Channels by which a document arrives as a copy, not as the signed original.
TECHNICAL_CHANNELS = frozenset({Channel.FAX, Channel.ELECTRONIC})


class ContentCondition(enum.StrEnum):
    """When a "where needed" content item becomes mandatory."""

    ALWAYS = "always"
    SUMMONS = "summons"  # someone is summoned to appear
    OFFICIALS_ATTEND = "officials_attend"  # the requesting side wants its officials present
    ASSISTANCE = "assistance"  # the request asks for one of ``ContentRule.assistance_types``


class OriginalsMode(enum.StrEnum):
    SIMULTANEOUS_POST = "simultaneous_post"  # RS 3.4
    ON_REQUEST_WITHIN_DAYS = "on_request_within_days"  # BR 22.1


@dataclass(frozen=True)
class Summary:
    """Our own short wording of a rule, in the three working languages."""

    en: str
    ru: str
    kk: str

    def text(self, language: str | None = None) -> str:
        language = (language or get_language() or "en")[:2]
        return getattr(self, language, None) or self.en

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class Citation:
    """Where a rule comes from: instrument slug, article, paragraph and sub-paragraph."""

    instrument: str
    article: str
    paragraph: str = ""
    subparagraph: str = ""

    @property
    def cites_an_article(self) -> bool:
        """False for the placeholder of a rule whose text is not in the project (an instrument
        whose rules are not yet encoded, ``Rulebook.rules_encoded``): it names the instrument
        only."""
        return bool(self.article)

    @property
    def reference(self) -> str:
        """Compact form used in logs and deadline rows, e.g. ``Art 8.3`` or ``Art 3.2(a)``;
        empty where no article is cited."""
        if not self.article:
            return ""
        text = f"Art {self.article}"
        if self.paragraph:
            text += f".{self.paragraph}"
        if self.subparagraph:
            text += f"({self.subparagraph})"
        return text

    @property
    def localized_reference(self) -> str:
        """The reference as an official letter in the active language writes it:
        ``Art 3.2(c)``, ``ст. 3.2(c)``, ``3.2(c)-бап``."""
        number = self.reference.removeprefix("Art ")
        if not number:
            return ""
        language = (get_language() or "en")[:2]
        if language == "ru":
            return f"ст. {number}"
        if language == "kk":
            return f"{number}-бап"
        return self.reference

    def __str__(self) -> str:
        return f"{self.instrument} {self.reference}".rstrip()


def not_encoded(instrument: str) -> Citation:
    """The citation of a placeholder rule of an instrument whose text is not in the project:
    the instrument, no article (``Rulebook.rules_encoded`` False)."""
    return Citation(instrument, "")


def cite(instrument: str, reference: str) -> Citation:
    """``cite("kz-rs-2015", "3.2.a")`` -> Art 3, paragraph 2, sub-paragraph a."""
    article, _, rest = reference.partition(".")
    paragraph, _, subparagraph = rest.partition(".")
    return Citation(instrument, article, paragraph, subparagraph)


def citer(instrument: str) -> Callable[[str], Citation]:
    """A ``cite`` bound to one instrument, for writing a rulebook: ``c = citer("kz-rs-2015")``."""

    def bound(reference: str) -> Citation:
        return cite(instrument, reference)

    return bound


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One provision the engine knows about. ``code`` is stable and unique within a rulebook."""

    code: str
    citation: Citation
    summary: Summary


@dataclass(frozen=True, kw_only=True)
class AssistanceTypeRule(Rule):
    """``code`` is a key of ``treaties.rulebook.catalogue.ASSISTANCE_TYPES``."""


@dataclass(frozen=True, kw_only=True)
class ContentRule(Rule):
    """A content item of a request. ``field`` names the AssistanceRequest attribute holding it."""

    field: str
    required_when: ContentCondition = ContentCondition.ALWAYS
    # With ``ContentCondition.ASSISTANCE``: the types of assistance that make the item mandatory
    # (RS 12.2 search and seizure; BR 11.3 videoconference).
    assistance_types: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class GroundRule(Rule):
    """A ground on which the requested side may refuse or defer. ``assistance_types``: the ground
    concerns only requests for these (BR 1.4: search and seizure, restraint or confiscation);
    empty: any request."""

    assistance_types: frozenset[str] = frozenset()

    def applies_to(self, assistance_types: tuple[str, ...]) -> bool:
        return not self.assistance_types or bool(self.assistance_types & set(assistance_types))


@dataclass(frozen=True, kw_only=True)
class ConditionalChannelRule(Rule):
    """A channel the instrument allows only for some requests (RS 10.3: Interpol, in urgent
    cases, for locating and identifying persons)."""

    channel: Channel
    urgent_only: bool = False
    # The request may ask only for these types of assistance (empty: any).
    assistance_types: frozenset[str] = frozenset()

    def allows(self, is_urgent: bool, assistance_types: tuple[str, ...]) -> bool:
        if self.urgent_only and not is_urgent:
            return False
        return not self.assistance_types or (bool(assistance_types)
                                             and set(assistance_types) <= self.assistance_types)


@dataclass(frozen=True, kw_only=True)
class ChannelRule(Rule):
    """Who talks to whom (``citation``: the article on the authorities) and by which means.

    ``channels_citation``: the article that names the channels (RS 3.4, BR 22.1, CZ 9.1, SK 7.2),
    cited when a channel is refused; ``conditional_channels``: channels allowed only for some
    requests (RS 10.3); ``agreed_means``: where the text allows "any other means the competent
    authorities agree" (CZ 9.1, SK 7.2), the article that says so: a channel the office has
    recorded as agreed with the other side is then allowed too."""

    channels: frozenset[Channel]
    authority_kind: AuthorityKind
    channels_citation: Citation | None = None
    conditional_channels: tuple[ConditionalChannelRule, ...] = ()
    agreed_means: Citation | None = None

    @property
    def channel_citation(self) -> Citation:
        return self.channels_citation or self.citation


# Tokens a ``LanguageRule`` may list besides ISO 639-1 codes.
REQUESTED_STATE_LANGUAGES = "requested_state"  # the requested state's official languages
# The languages the requested party declared it accepts (UNTOC 18.14, UNCAC 46.14, Vienna 7.9,
# ETS 141 Art 25.3); where its declaration is not recorded, the engine says so and accepts the
# requested state's official languages.
PARTY_DECLARED_LANGUAGES = "party_declared"


@dataclass(frozen=True, kw_only=True)
class LanguageRule(Rule):
    """Accepted languages of the request or of its translation. The token ``requested_state``
    stands for the requested state's official languages, ``party_declared`` for the languages the
    requested party declared under the instrument."""

    accepted_languages: tuple[str, ...]
    waivable_by_agreement: bool = False


@dataclass(frozen=True, kw_only=True)
class AnswerLanguageRule(Rule):
    """The language of the requested side's answer (RS 4.2: its own language with an English
    translation; BR 23.2: the central authorities correspond in English). ``languages``: the
    answer is in one of these (the token ``requested_state``: the requested state's official
    languages); ``translation_into``: and is accompanied by a translation into this language."""

    languages: tuple[str, ...]
    translation_into: str = ""


@dataclass(frozen=True, kw_only=True)
class OralRequestRule(Rule):
    """Urgent oral requests. Either a fixed number of hours for the written confirmation
    (``confirmation_hours``), or "without delay" with no figure in the text
    (``confirmation_hours`` is None): then the office-policy target from settings is used and
    presented as such."""

    urgent_only: bool = True
    confirmation_hours: int | None = None


@dataclass(frozen=True, kw_only=True)
class OriginalsRule(Rule):
    mode: OriginalsMode
    days: int | None = None


@dataclass(frozen=True, kw_only=True)
class SummonsLeadTimeRule(Rule):
    """Minimum calendar days between transmission and the appearance date."""

    days: int
    shorter_term_by_agreement_when_urgent: bool = False


@dataclass(frozen=True, kw_only=True)
class DetaineeTransferRule(Rule):
    """Temporary transfer of a detained person: either a term capped at ``max_months`` with at
    most ``extensions_allowed`` extensions, or return no later than the release date."""

    max_months: int | None = None
    extensions_allowed: int = 0
    until_release_date: bool = False
    # Where the transfer needs the person's consent (BR 9.1), the article that says so.
    consent_citation: Citation | None = None


@dataclass(frozen=True, kw_only=True)
class TermRule(Rule):
    """A term counted from an event: ``days`` or ``months`` (calendar).

    ``effective_after_expiry``: the change takes effect once the term has run out ("по истечении
    180 суток", RS 22.4): counted from the day after the event, its last day is event + N and the
    change applies from event + N + 1. Otherwise ("fifteen days after the date of receipt", CZ 17;
    "six months after", CZ 18.2, SK 12.2, BR 30.2) it applies from event + N, as depositaries
    count."""

    days: int | None = None
    months: int | None = None
    effective_after_expiry: bool = False


@dataclass(frozen=True, kw_only=True)
class PeriodicDutyRule(Rule):
    every_months: int
    # The other side's duty, whose receipt Kazakhstan tracks (RS 18: their six-monthly report).
    owed_by_other_side: bool = False


@dataclass(frozen=True, kw_only=True)
class PersonalDataRule(Rule):
    """Personal-data protection: register of transfer, receipt and deletion; deletion terms set by
    the supplier; onward transfer only with written consent."""

    register: Citation
    deletion_term: Citation
    supplier_informed_of_deletion: Citation | None
    onward_transfer_consent: Citation
    # Sensitive categories only when necessary (CZ 10.2); None where the text says nothing.
    sensitive_data: Citation | None = None


@dataclass(frozen=True, kw_only=True)
class ConditionsOccasions(Rule):
    """When the requested side may execute on conditions (RS 6.3: deciding instead of deferring,
    after recording that decision; RS 12.3: handing over seized items, for requests of
    ``assistance_types``)."""

    after_deferral_decision: bool = True
    assistance_types: frozenset[str] = frozenset()
    assistance_types_citation: Citation | None = None


@dataclass(frozen=True, kw_only=True)
class ConsultationRule(Rule):
    """A consultation the requested side owes before refusing or postponing. ``on_conditions``:
    the text makes it a consultation on granting the request on conditions instead (UNTOC
    18.26, UNCAC 46.26), so a consultation recorded on conditions meets it; otherwise it is on
    the refusal itself (RS 5.3, a plain ``Rule``)."""

    on_conditions: bool = False


@dataclass(frozen=True, kw_only=True)
class ServiceProofRule(Rule):
    """RS 8.2: the proof of service states date, time, place and manner of service and the person
    served, and bears the official's signature and the authority's seal; non-service is
    reported with its reasons."""


def common_citation(rules: tuple[Rule, ...]) -> Citation | None:
    """The article (and paragraph, where they share one) that all ``rules`` come from: the list
    of grounds in RS Art 5, BR Art 3.1."""
    if not rules:
        return None
    first = rules[0].citation
    if all(r.citation.article == first.article for r in rules):
        same_paragraph = all(r.citation.paragraph == first.paragraph for r in rules)
        return Citation(first.instrument, first.article, first.paragraph if same_paragraph else "")
    return None


class DutyEvent(enum.StrEnum):
    """What obliges a side to tell the other something (or starts a term it must watch)."""

    REFUSAL = "refusal"  # refusal decided
    DEFERRAL = "deferral"  # deferral decided
    PARTIAL_EXECUTION = "partial_execution"  # executed in part only
    EXECUTION_FINISHED = "execution_finished"  # the results are known
    OBSTACLE = "obstacle"  # circumstances prevent execution or call for a change
    NON_SERVICE = "non_service"  # a document could not be served
    PROGRESS_ASKED = "progress_asked"  # the requesting side asked how execution stands
    CONFIDENTIALITY_IMPOSSIBLE = "confidentiality_impossible"
    DISCLOSURE_REQUIRED = "disclosure_required"  # the requesting side's law requires disclosure
    PRESENCE_NO_LONGER_NEEDED = "presence_no_longer_needed"  # safe conduct: 15 days run
    ADVANCE_NOTICE_ASKED = "advance_notice_asked"  # date and place of evidence-taking asked
    INVITATION_ANSWERED = "invitation_answered"  # the person answered the invitation to appear
    INFORMATION_ACTED_ON = "information_acted_on"  # action taken on 15.2 information
    ASSET_SHARING_DECIDED = "asset_sharing_decided"  # the sharing request was considered
    EXTRA_COSTS_ANNOUNCED = "extra_costs_announced"  # extraordinary costs: consultation


class DutyParty(enum.StrEnum):
    """Which side of a request owes a duty: on an incoming request Kazakhstan owes the
    requested side's duties, on an outgoing one the requesting side's."""

    REQUESTED = "requested"
    REQUESTING = "requesting"
    BOTH = "both"  # a consultation between the central authorities (BR 27.4)


@dataclass(frozen=True, kw_only=True)
class DutyRule(Rule):
    """A notice or an act a side owes once ``event`` happens.

    The term: ``days`` or ``hours`` where the text sets a figure; otherwise ``immediate`` when
    it says "immediately", "promptly" or "without delay" (the office-policy target of
    ``MLA_NOTICE_TARGET_HOURS`` applies, labelled office policy), and neither when it sets no
    time at all (the office-policy target of ``MLA_NOTICE_UNTIMED_TARGET_DAYS``)."""

    event: DutyEvent
    owed_by: DutyParty = DutyParty.REQUESTED
    days: int | None = None
    hours: int | None = None
    immediate: bool = False
    in_writing: bool = False
    # The duty is a notice a letter can carry (not a term such as safe conduct).
    notice: bool = True

    @property
    def has_treaty_term(self) -> bool:
        return self.days is not None or self.hours is not None
# --- registers: use conditions, spontaneous information, onward transfer, costs, counterparts ----
class MaterialKind(enum.StrEnum):
    """What was received from the other side and may be passed on (CZ 11.2, SK 6.2)."""

    INFORMATION = "information"
    PERSONAL_DATA = "personal_data"
    DOCUMENTS = "documents"
    EQUIPMENT = "equipment"  # SK 6.2 "техникалық жабдық"


class RecipientKind(enum.StrEnum):
    """Who material received is passed on to."""

    THIRD_STATE = "third_state"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    OTHER_THIRD_PARTY = "other_third_party"
    # A Kazakh body other than the one the material was sent to (SK 5.3).
    DOMESTIC_BODY = "domestic_body"


FOREIGN_RECIPIENTS = frozenset({RecipientKind.THIRD_STATE, RecipientKind.INTERNATIONAL_ORGANISATION,
                                RecipientKind.OTHER_THIRD_PARTY})


class CostBearer(enum.StrEnum):
    REQUESTED_SIDE = "requested_side"
    REQUESTING_SIDE = "requesting_side"
    EACH_OWN = "each_own"  # each side pays its own costs (CZ 12, SK 11)


@dataclass(frozen=True, kw_only=True)
class UseConditionsRule(Rule):
    """Use of material received from the other side. ``citation``: the article that limits the
    use; ``other_use_consent``: the article that makes another use depend on the supplier's prior
    consent. ``consent_always_needed`` False (RS 7.2): only where the supplier asked for the
    limitation (a use condition is recorded); True (BR 5.2, CZ 10.1, SK 5.1): always."""

    other_use_consent: Citation
    consent_always_needed: bool
    written_consent: bool = False  # CZ 10.1 "previously obtained written consent"
    confidentiality_inability: Citation | None = None  # RS 7.1, BR 5.1
    publicly_disclosed_free: Citation | None = None  # BR 5.3: disclosed in a public hearing
    # BR 5.4: a disclosure the requesting side's law requires needs no consent but is notified.
    disclosure_notice: Citation | None = None


@dataclass(frozen=True, kw_only=True)
class SpontaneousInformationRule(Rule):
    """Information sent without a request (RS 16.1, BR 25.1, CZ 9.3, SK 7.1). ``conditions``:
    the article that binds the receiver to the sender's conditions (RS 16.2, BR 25.2; for the
    police agreements the personal-data conditions, CZ 10.1, SK 5.1)."""

    conditions: Citation | None = None
    # BR 25.1: from central authority to central authority.
    central_authorities_only: bool = False


@dataclass(frozen=True, kw_only=True)
class OnwardTransferRule(Rule):
    """Passing material received on (``citation``: CZ 11.2, SK 6.2): to a recipient of
    ``foreign_recipients`` only with the supplier's written consent, for the ``materials``
    the article names. ``domestic_recipients`` (SK 5.3): data on persons go only to the body
    fighting organised crime; to other domestic bodies only with written consent."""

    materials: frozenset[MaterialKind]
    foreign_recipients: frozenset[RecipientKind]
    domestic_recipients: Citation | None = None


@dataclass(frozen=True, kw_only=True)
class PersonalDataDutiesRule(Rule):
    """The receiver's further duties on personal data: destroy all of them when the agreement
    ends (CZ 10.5, SK 5.6), correct or destroy them on notice that they were inaccurate or should
    not have been sent (CZ 10.4, SK 5.4), report on their use when the supplier asks (CZ 10.3,
    SK 5.2)."""

    destruction_on_termination: Citation
    inaccuracy_notice: Citation
    report_on_use: Citation


@dataclass(frozen=True, kw_only=True)
class CostHeadRule(Rule):
    """One head of cost and who bears it under the instrument (``code`` starts ``cost_``)."""

    borne_by: CostBearer


@dataclass(frozen=True, kw_only=True)
class CostsRule(Rule):
    """Who pays for execution (RS 17.1, BR 27.2): ``heads`` lists each head with its bearer, the
    first being the general rule. ``extraordinary``: the article on unforeseen or extraordinary
    costs; ``consultation_mandatory`` (BR 27.4) or optional (RS 17.2 "вправе")."""

    heads: tuple[CostHeadRule, ...]
    extraordinary: Citation | None = None
    consultation_mandatory: bool = False

    def head(self, code: str) -> CostHeadRule | None:
        return next((h for h in self.heads if h.code == code), None)


@dataclass(frozen=True, kw_only=True)
class AuthorityNoticesRule(Rule):
    """Notices between the sides of changes of the designated authorities (``citation``) and of
    their contact details (``contacts``), by ``channel`` (RS 2.3, BR 2.3, CZ 13.1-13.3,
    SK 8.2)."""

    contacts: Citation | None = None
    channel: Channel = Channel.DIPLOMATIC
    # CZ 13.3, SK 8.2: changes are notified "immediately".
    changes_without_delay: bool = False


@dataclass(frozen=True, kw_only=True)
class OffenceScopeRule(Rule):
    """Which offences the instrument's assistance covers (``citation``: the scope article, UNTOC
    Art 3, UNCAC Art 46.1 with chapter III, Vienna 1988 Art 7.1 with 3.1).

    An offence is covered where its category (``treaties.rulebook.offences``) is in
    ``categories``; or, for money laundering, where the predicate offence's category is in
    ``laundering_predicates`` (Vienna 3.1(b): laundering of drug proceeds); or where
    ``serious_crime_min_years`` is set and the maximum deprivation of liberty is at least that
    many years (UNTOC 2(b): four). ``any_offence``: every criminal offence (ETS 141 Art 1(e)).
    ``organised_group_required`` (UNTOC 3.1): only where an organised criminal group is
    involved, or suspected to be (18.1), cited by ``organised_group_citation``."""

    categories: frozenset[str] = frozenset()
    laundering_predicates: frozenset[str] = frozenset()
    serious_crime_min_years: int | None = None
    serious_crime_citation: Citation | None = None
    any_offence: bool = False
    organised_group_required: bool = False
    organised_group_citation: Citation | None = None


# Rank of an instrument that declares no precedence: bilateral treaties and agreements, tried
# before the conventions (which declare a higher rank).
DEFAULT_PRECEDENCE_RANK = 10


@dataclass(frozen=True, kw_only=True)
class PrecedenceRule(Rule):
    """Where the instrument stands among the instruments binding the same two states.

    Instruments are tried in ascending ``rank``. Where an instrument of a kind in
    ``displaced_by`` is in force between the two states, this one gives way (UNTOC 18.7:
    paragraphs 9-29 apply only where the states are not bound by a treaty of mutual legal
    assistance)."""

    rank: int
    displaced_by: tuple[InstrumentKind, ...] = ()
    # Where the rank among instruments that all apply is the office's choice, not the text's
    # (which convention to prefer when several cover the request): our wording of why, shown
    # as office policy. None: the rank follows from ``citation``.
    rank_office_policy: Summary | None = None


@dataclass(frozen=True, kw_only=True)
class Rulebook:
    slug: str
    kind: InstrumentKind
    title: Summary
    short_title: Summary
    # Every state bound, Kazakhstan first, each with its authorities, dates and declarations.
    parties: tuple[Party, ...]
    signed_on: date | None
    signed_at: str
    approval_act: str
    # Entry into force: a fixed date when the text states it. Where it does not, the office
    # records the date (``entry_into_force_office_date``, office policy, overridable by
    # settings.MLA_ENTRY_INTO_FORCE_DEFAULTS and, for a live database, in the admin).
    entry_into_force: Rule
    entry_into_force_date: date | None
    entry_into_force_office_date: date | None = None
    # Where the instrument enters into force separately for each party joining later (UNTOC
    # 38.2), the article that says so; None: one date for all parties.
    party_entry_into_force: Rule | None = None
    termination: TermRule
    # Where one party may leave while the instrument stays in force between the others (UNTOC
    # 40: denunciation effective one year after the notice); None: a party's notice terminates
    # the instrument (``termination``).
    withdrawal: TermRule | None = None
    # None: rank DEFAULT_PRECEDENCE_RANK, never displaced.
    precedence: PrecedenceRule | None = None
    # Which offences the instrument covers; None: any offence (the bilateral treaties).
    offence_scope: OffenceScopeRule | None = None
    # False: the instrument is known (parties, dates) but its rules are not in the engine yet,
    # because its text is not in the project (CIS Minsk 1993, Chisinau 2002; reciprocity under
    # the Code of Criminal Procedure): its requests are tracked with the generic duties only and
    # no rule is invented for it. ``not_encoded_note`` says what is missing.
    rules_encoded: bool = True
    not_encoded_note: Summary | None = None
    suspension: TermRule | None = None  # CZ 17: takes effect 15 days after the notice
    pending_requests_continue: Rule | None = None  # RS 22.5, BR 30.4

    communication: ChannelRule
    written_form: Rule
    assistance_types: tuple[AssistanceTypeRule, ...]
    # The article listing what the instrument covers; cited when a type is outside it.
    scope: Rule | None = None
    # CZ 1.2: legal assistance in criminal matters is outside the agreement.
    excludes_legal_assistance: Rule | None = None

    mandatory_contents: tuple[ContentRule, ...] = ()
    optional_contents: tuple[ContentRule, ...] = ()
    language: LanguageRule
    oral_requests: OralRequestRule | None = None
    originals: OriginalsRule | None = None
    additional_information: Rule | None = None
    summons_lead_time: SummonsLeadTimeRule | None = None
    requested_execution_date_reasoned: Rule | None = None  # RS 6.5
    # How fast the requested side executes: "without delay" (SK 7.5, BR 24.1), "in urgent manner"
    # (CZ 9.2); RS 6.5 "as soon as possible" is in ``requested_execution_date_reasoned``. No
    # figure in any text: the office's target applies (office policy).
    prompt_execution: Rule | None = None

    refusal_grounds: tuple[GroundRule, ...] = ()
    # Grounds the text expressly rules out (UNTOC 18.8 bank secrecy, 18.22 fiscal matters): a
    # refusal naming one is blocked citing its own article.
    excluded_refusal_grounds: tuple[GroundRule, ...] = ()
    refusal_consultation: Rule | None = None  # consult before refusing (RS 5.3, BR 3.3)
    refusal_reasons: Rule
    deferral_grounds: tuple[GroundRule, ...] = ()  # empty: the instrument provides no deferral
    deferral_consultation: Rule | None = None  # BR 3.3
    deferral_after_partial_or_conditional_decision: Rule | None = None  # RS 6.3
    deferral_reasons: Rule | None = None
    conditions: Rule | None = None  # the requested side may execute on conditions
    conditions_need_acceptance: bool = False  # BR 3.3: only if the requesting side accepts
    # BR 3.3: where the requested side considers assisting on conditions instead of refusing or
    # deferring, the central authorities consult for that purpose (no duty to consult otherwise).
    conditions_consultation: Rule | None = None
    # RS 6.3 / 12.3: conditions are set when deciding instead of deferring, or on handing over
    # seized items; None: whenever the request is being executed (CZ 9.4, BR 3.3).
    conditions_occasions: ConditionsOccasions | None = None
    # Whether the text requires the requested side to give reasons for a refusal (RS 5.4, BR 3.4,
    # SK 7.7) or only to notify it (CZ 9.5: "inform in writing"); where it does not, the office's
    # own rule asks for reasons and says so (office policy).
    refusal_reasons_required: bool = True
    # Whether the text requires reasons for a partial execution, under ``refusal_reasons``
    # (SK 7.7 "reasons for refusal or partial execution"; RS 5.2 partial refusal, 5.4 "any
    # refusal is reasoned"); where it does not (CZ 9.5, BR 3.4), office policy asks for them.
    partial_execution_reasons_required: bool = False
    # Where the text lists the grounds (RS 5, BR 3.1, CZ 9.4, SK 7.6; deferral RS 6.2, BR 3.2):
    # cited when a ground is not on the list. None: the grounds' own common article.
    refusal_grounds_citation: Citation | None = None
    deferral_grounds_citation: Citation | None = None
    # The language of the requested side's answer (RS 4.2, BR 23.2).
    answer_language: AnswerLanguageRule | None = None
    # What a proof of service made by the requested side must state (RS 8.2).
    service_proof_contents: ServiceProofRule | None = None
    # Documents supplied in answer are signed by an official and sealed with the coat-of-arms
    # seal, and then need no legalisation (RS 19).
    answer_signed_and_sealed: Rule | None = None

    return_of_items: Rule | None = None
    detainee_transfer: DetaineeTransferRule | None = None
    asset_sharing: TermRule | None = None  # BR 18.2
    personal_data: PersonalDataRule | None = None
    periodic_duties: tuple[PeriodicDutyRule, ...] = ()
    # Rules shown to users but not enforced by a guard (confidentiality, costs, legalisation,
    # safe conduct, spontaneous information...).
    other_rules: tuple[Rule, ...] = field(default=())
    # Notices and acts owed once an event happens (refusal, results, non-service, safe
    # conduct...), each with its term.
    duties: tuple[DutyRule, ...] = ()
    # --- registers (use conditions, spontaneous information, onward transfer, personal-data
    # duties, costs, counterpart notices): None where the instrument says nothing.
    use_conditions: UseConditionsRule | None = None
    spontaneous_information_register: SpontaneousInformationRule | None = None
    onward_transfer: OnwardTransferRule | None = None
    personal_data_duties: PersonalDataDutiesRule | None = None
    costs: CostsRule | None = None
    authority_notices: AuthorityNoticesRule | None = None

    # --- lookups -----------------------------------------------------------------------------
    @property
    def party_codes(self) -> tuple[str, ...]:
        """ISO codes of the parties, in declaration order (Kazakhstan first)."""
        return tuple(party.code for party in self.parties)

    @property
    def precedence_rank(self) -> int:
        return self.precedence.rank if self.precedence else DEFAULT_PRECEDENCE_RANK

    @property
    def displaced_by(self) -> tuple[InstrumentKind, ...]:
        return self.precedence.displaced_by if self.precedence else ()

    def party(self, iso_code: str) -> Party | None:
        return next((p for p in self.parties if p.code == iso_code), None)

    @property
    def assistance_type_codes(self) -> frozenset[str]:
        return frozenset(rule.code for rule in self.assistance_types)

    @property
    def provides_deferral(self) -> bool:
        """Deferral is on the graph where the text provides it, and where the text is not in
        the project (nothing rules it out: the decision is recorded as taken)."""
        return bool(self.deferral_grounds) or not self.rules_encoded

    @property
    def provides_conditions(self) -> bool:
        """As deferral: where the text provides conditions, or is not in the project."""
        return self.conditions is not None or not self.rules_encoded

    @property
    def provides_oral_requests(self) -> bool:
        return self.oral_requests is not None

    def refusal_grounds_reference(self) -> Citation:
        return (self.refusal_grounds_citation or common_citation(self.refusal_grounds)
                or self.refusal_reasons.citation)

    def deferral_grounds_reference(self) -> Citation:
        fallback = (self.deferral_reasons or self.refusal_reasons).citation
        return (self.deferral_grounds_citation or common_citation(self.deferral_grounds)
                or fallback)

    def refusal_ground(self, code: str) -> GroundRule | None:
        return next((g for g in self.refusal_grounds if g.code == code), None)

    def excluded_refusal_ground(self, code: str) -> GroundRule | None:
        return next((g for g in self.excluded_refusal_grounds if g.code == code), None)

    def deferral_ground(self, code: str) -> GroundRule | None:
        return next((g for g in self.deferral_grounds if g.code == code), None)

    def assistance_type(self, code: str) -> AssistanceTypeRule | None:
        return next((a for a in self.assistance_types if a.code == code), None)

    def duty(self, code: str) -> DutyRule | None:
        return next((d for d in self.duties if d.code == code), None)

    def duty_for_event(self, event: DutyEvent) -> DutyRule | None:
        return next((d for d in self.duties if d.event == event), None)

    def rules_by_field(self) -> Iterator[tuple[str, Rule]]:
        """Every rule of the rulebook in declaration order, with the attribute it belongs to
        (a channel allowed only for some requests belongs to ``communication``)."""
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Rule):
                yield f.name, value
                if isinstance(value, ChannelRule):
                    yield from ((f.name, rule) for rule in value.conditional_channels)
            elif isinstance(value, tuple):
                yield from ((f.name, item) for item in value if isinstance(item, Rule))

    def rules(self) -> Iterator[Rule]:
        """Every rule of the rulebook, in declaration order, for display and for integrity tests."""
        return (rule for _field, rule in self.rules_by_field())

    def rule(self, code: str) -> Rule:
        for rule in self.rules():
            if rule.code == code:
                return rule
        raise KeyError(f"{self.slug} has no rule {code!r}")
