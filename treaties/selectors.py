"""Reads of the treaty layer: which instruments bind Kazakhstan and a state on a day, in order of
precedence and with the reason each applies or not; the states Kazakhstan has an instrument
with; the authorities designated under an instrument.

Precedence is the rulebooks' to declare (``Rulebook.precedence``, a ``PrecedenceRule`` with its
article): instruments are tried in ascending rank, and one may be displaced where an instrument of
another kind is in force between the two states (UNTOC 18.7: paragraphs 9-29 apply only where no
treaty of mutual legal assistance binds them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists
from django.db.models import Prefetch
from django.db.models import Q
from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import Authority
from .models import Instrument
from .models import InstrumentParty
from .models import State
from .rulebook import all_rulebooks
from .rulebook.catalogue import HOME_STATE
from .rulebook.schema import Citation
from .rulebook.schema import InstrumentKind
from .rulebook.schema import Rulebook
from .rules.lifecycle import InstrumentStatus
from .rules.lifecycle import StatusVerdict
from .rules.lifecycle import parties_status_on
from .rules.scope import OffenceFacts
from .rules.scope import ScopeStatus
from .rules.scope import ScopeVerdict
from .rules.scope import assistance_scope_verdict
from .rules.scope import offence_scope_verdict
from .rules.violations import OFFICE_POLICY
from .rules.violations import Violation


@dataclass(frozen=True)
class Reason:
    """One line of why an instrument applies or not: our wording, the article it follows from,
    or the office's policy where it is not the text's."""

    text: str
    citation: Citation | None = None
    office_policy: bool = False


@dataclass(frozen=True)
class ApplicableInstrument:
    """An instrument binding Kazakhstan and a state, with its status for the two of them on the
    day asked about, what displaces it (UNTOC 18.7), and whether the request's offence and
    assistance fall within it. Built by ``instruments_applicable``."""

    instrument: Instrument
    verdict: StatusVerdict
    displaced_by: Instrument | None = None
    offence_scope: ScopeVerdict | None = None
    assistance_scope: ScopeVerdict | None = None

    @property
    def rulebook(self) -> Rulebook:
        return self.instrument.rulebook

    @property
    def in_force(self) -> bool:
        return self.verdict.in_force

    @property
    def outside_scope(self) -> bool:
        return any(v is not None and v.outside for v in (self.offence_scope,
                                                          self.assistance_scope))

    @property
    def scope_unknown(self) -> bool:
        return any(v is not None and v.status == ScopeStatus.UNKNOWN
                   for v in (self.offence_scope, self.assistance_scope))

    @property
    def applies(self) -> bool:
        """A new request may be made under it as a matter of course: in force between the two
        states, not displaced, and the request not outside it."""
        return self.in_force and self.displaced_by is None and not self.outside_scope

    @property
    def selectable(self) -> bool:
        """The user may choose it, with a reason where it is not the one proposed: in force and
        the request within it, even where another instrument displaces it (UNTOC 18.7: the
        parties may agree to apply paragraphs 9-29 instead of their treaty)."""
        return self.in_force and not self.outside_scope

    @property
    def rank(self) -> int:
        return self.rulebook.precedence_rank

    @property
    def citation(self) -> Citation | None:
        """The article the answer follows from: the displacement clause, or the status's."""
        if self.displaced_by is not None and self.rulebook.precedence is not None:
            return self.rulebook.precedence.citation
        return self.verdict.citation

    @property
    def reason(self) -> str:
        if self.displaced_by is not None:
            return str(_("Displaced by %(slug)s, which is in force between the two states.")
                       % {"slug": self.displaced_by.slug})
        if self.verdict.since is not None:
            return str(_("%(status)s since %(date)s") % {
                "status": self.verdict.label,
                "date": date_format(self.verdict.since, "SHORT_DATE_FORMAT")})
        return self.verdict.label

    @property
    def reasons(self) -> list[Reason]:
        """Every line of the answer, in reading order: status or displacement, the offence, the
        assistance, then what the office adds (the rank among conventions) and what the engine
        does not know (rules not encoded)."""
        book = self.rulebook
        lines = [Reason(self.reason, self.citation)]
        if self.instrument.entered_into_force_on is None:
            lines.append(Reason(str(_("No date of entry into force is recorded for this "
                                      "instrument: the office records it in the admin."))))
        elif self.verdict.status == InstrumentStatus.PARTY_DATE_UNKNOWN:
            lines.append(Reason(str(_("The office records the party's date in the admin (Parties "
                                      "to instruments) once the depositary's record is at "
                                      "hand."))))
        if book.kind == InstrumentKind.NATIONAL_LAW:
            lines.append(Reason(str(_("National law, not a treaty: assistance on the basis of "
                                      "reciprocity, tried when no treaty applies."))))
        for verdict in (self.offence_scope, self.assistance_scope):
            if verdict is not None and (verdict.citation is not None or not verdict.within):
                lines.append(Reason(str(verdict.reason), verdict.citation))
        precedence = book.precedence
        if precedence is not None and precedence.rank_office_policy is not None:
            lines.append(Reason(precedence.rank_office_policy.text(), None, office_policy=True))
        if not book.rules_encoded:
            note = book.not_encoded_note.text() if book.not_encoded_note else ""
            lines.append(Reason(str(_("Rules not yet encoded: the request is tracked with the "
                                      "generic duties only. %(note)s") % {"note": note}).strip()))
        return lines


def _binding(state_code: str) -> QuerySet[Instrument]:
    """Instruments with a rulebook to which both Kazakhstan and ``state_code`` are parties, and
    Kazakhstan's national law (reciprocity), which binds it with any state; their party rows for
    the two states prefetched (one more query)."""
    pair = (HOME_STATE, state_code)
    books = all_rulebooks()
    national = [slug for slug, book in books.items() if book.kind == InstrumentKind.NATIONAL_LAW]
    partner_bound = InstrumentParty.objects.filter(state__iso_code=state_code).values(
        "instrument_id")
    known_state = State.objects.filter(iso_code=state_code)
    return (Instrument.objects.filter(slug__in=list(books))
            .filter(Q(pk__in=partner_bound) | (Q(slug__in=national) & Exists(known_state)))
            .filter(party_links__state__iso_code=HOME_STATE)
            .distinct().order_by("slug")
            .prefetch_related(Prefetch(
                "party_links", to_attr="pair_links",
                queryset=InstrumentParty.objects.filter(state__iso_code__in=pair))))


def _pair(instrument: Instrument) -> list[InstrumentParty]:
    """The party rows ``_binding`` prefetched (Kazakhstan's and the partner's; Kazakhstan's only
    for national law)."""
    links: list[InstrumentParty] = getattr(instrument, "pair_links")  # noqa: B009 (prefetched)
    return links


def _displacer(rulebook: Rulebook, statuses: Sequence[tuple[Instrument, StatusVerdict]]
               ) -> Instrument | None:
    kinds = rulebook.displaced_by
    return next((other for other, verdict in statuses
                 if other.slug != rulebook.slug and verdict.in_force
                 and other.rulebook.kind in kinds), None)


def instruments_applicable(state_code: str, on: date, *, offence: OffenceFacts | None = None,
                           assistance_types: Sequence[str] | None = None
                           ) -> list[ApplicableInstrument]:
    """The resolver: every instrument binding Kazakhstan and ``state_code`` (with reciprocity,
    which binds any state), with its status for the two of them on ``on``
    (``Instrument.status_between``), what displaces it, and, where the request's ``offence``
    and ``assistance_types`` are given, whether they fall within it; in order of precedence
    (rank, then slug). Two queries."""
    if not state_code or state_code == HOME_STATE:
        return []
    types = None if assistance_types is None else tuple(assistance_types)
    statuses = [(instrument, parties_status_on(instrument.rulebook, instrument.dates,
                                               [link.dates for link in _pair(instrument)], on,
                                               types))
                for instrument in _binding(state_code)]
    found = [ApplicableInstrument(
        instrument, verdict, _displacer(instrument.rulebook, statuses),
        offence_scope_verdict(instrument.rulebook, offence) if offence is not None else None,
        assistance_scope_verdict(instrument.rulebook, types) if types is not None else None)
        for instrument, verdict in statuses]
    return sorted(found, key=lambda option: (option.rank, option.instrument.slug))


def instrument_proposed(options: Sequence[ApplicableInstrument]) -> ApplicableInstrument | None:
    """The instrument to propose for a new request: the applicable one of highest precedence
    whose scope the request settles (one it may fall outside of, for want of a fact, is not
    proposed over one it surely falls within), unless another such one has the same rank (then
    the user chooses)."""
    applicable = [option for option in options if option.applies]
    settled = [option for option in applicable if not option.scope_unknown] or applicable
    if not settled:
        return None
    best = min(option.rank for option in settled)
    top = [option for option in settled if option.rank == best]
    return top[0] if len(top) == 1 else None


def instrument_choice_violations(options: Sequence[ApplicableInstrument], chosen: Instrument,
                                 reason: str) -> list[Violation]:
    """May a request be made under ``chosen``, given the resolver's ``options``? It must be one
    of them, in force between the two states and the request within it; where it is not the one
    proposed, the user states why (the reason is logged: office policy, not a treaty rule)."""
    option = next((o for o in options if o.instrument.pk == chosen.pk), None)
    if option is None:
        return [Violation("instrument_not_binding", None, _(
            "This instrument does not bind Kazakhstan and this state."), "instrument")]
    if not option.in_force:
        return [Violation("instrument_not_in_force", option.citation, format_lazy(
            _("This instrument does not apply between the two states today: {status}."),
            status=option.verdict.label), "instrument")]
    for verdict in (option.offence_scope, option.assistance_scope):
        if verdict is not None and verdict.outside:
            return [Violation("outside_instrument_scope", verdict.citation, verdict.reason,
                              verdict.missing or "instrument")]
    proposed = instrument_proposed(options)
    if (proposed is None or proposed.instrument.pk != chosen.pk) and not reason.strip():
        return [Violation("instrument_choice_reason", None, format_lazy(
            _("{instrument} is not the instrument the engine proposes{proposed}: state why it "
              "is chosen (the reason is logged)."),
            instrument=chosen.short_title,
            proposed=format_lazy(" ({name})", name=proposed.instrument.short_title)
            if proposed else ""), "instrument_choice_reason", OFFICE_POLICY)]
    return []


def requested_states() -> QuerySet[State]:
    """States other than Kazakhstan that are party to an instrument, by ISO code."""
    return (State.objects.filter(instrument_links__isnull=False).exclude(iso_code=HOME_STATE)
            .distinct().order_by("iso_code"))


def designated_authorities(instrument: Instrument, state_code: str) -> QuerySet[Authority]:
    """The active authorities of ``state_code`` designated under ``instrument``, by name; under
    national law (reciprocity), which designates no foreign authority, every active authority of
    the state."""
    found = Authority.objects.filter(state__iso_code=state_code, is_active=True)
    if instrument.rulebook.kind != InstrumentKind.NATIONAL_LAW:
        found = found.filter(instruments=instrument)
    return found.select_related("state").order_by("name_en")
