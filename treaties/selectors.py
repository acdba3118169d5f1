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

from django.db.models import Prefetch
from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .models import Authority
from .models import Instrument
from .models import InstrumentParty
from .models import State
from .rulebook import all_rulebooks
from .rulebook.catalogue import HOME_STATE
from .rulebook.schema import Citation
from .rulebook.schema import Rulebook
from .rules.lifecycle import StatusVerdict
from .rules.lifecycle import parties_status_on


@dataclass(frozen=True)
class ApplicableInstrument:
    """An instrument binding Kazakhstan and a state, with its status for the two of them on the
    day asked about, and, where another instrument displaces it, which one and why."""

    instrument: Instrument
    verdict: StatusVerdict
    displaced_by: Instrument | None = None

    @property
    def rulebook(self) -> Rulebook:
        return self.instrument.rulebook

    @property
    def in_force(self) -> bool:
        return self.verdict.in_force

    @property
    def applies(self) -> bool:
        """A new request may be made under it: in force between the two states, not displaced."""
        return self.in_force and self.displaced_by is None

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


def _binding(state_code: str) -> QuerySet[Instrument]:
    """Instruments with a rulebook to which both Kazakhstan and ``state_code`` are parties, their
    two party rows prefetched (one more query)."""
    pair = (HOME_STATE, state_code)
    return (Instrument.objects.filter(slug__in=list(all_rulebooks()))
            .filter(party_links__state__iso_code=state_code)
            .filter(party_links__state__iso_code=HOME_STATE)
            .distinct().order_by("slug")
            .prefetch_related(Prefetch(
                "party_links", to_attr="pair_links",
                queryset=InstrumentParty.objects.filter(state__iso_code__in=pair))))


def _pair(instrument: Instrument) -> list[InstrumentParty]:
    """The two party rows ``_binding`` prefetched (Kazakhstan's and the partner's)."""
    links: list[InstrumentParty] = getattr(instrument, "pair_links")  # noqa: B009 (prefetched)
    return links


def _displacer(rulebook: Rulebook, statuses: Sequence[tuple[Instrument, StatusVerdict]]
               ) -> Instrument | None:
    kinds = rulebook.displaced_by
    return next((other for other, verdict in statuses
                 if other.slug != rulebook.slug and verdict.in_force
                 and other.rulebook.kind in kinds), None)


def instruments_applicable(state_code: str, on: date) -> list[ApplicableInstrument]:
    """Every instrument binding Kazakhstan and ``state_code``, with its status for the two of
    them on ``on`` (``Instrument.status_between``) and what displaces it, in order of precedence
    (rank, then slug). Two queries."""
    if not state_code or state_code == HOME_STATE:
        return []
    statuses = [(instrument, parties_status_on(instrument.rulebook, instrument.dates,
                                               [link.dates for link in _pair(instrument)], on))
                for instrument in _binding(state_code)]
    found = [ApplicableInstrument(instrument, verdict, _displacer(instrument.rulebook, statuses))
             for instrument, verdict in statuses]
    return sorted(found, key=lambda option: (option.rank, option.instrument.slug))


def instrument_proposed(options: Sequence[ApplicableInstrument]) -> ApplicableInstrument | None:
    """The instrument to propose for a new request: the applicable one of highest precedence,
    unless another applicable one has the same rank (then the user chooses)."""
    applicable = [option for option in options if option.applies]
    if not applicable:
        return None
    best = min(option.rank for option in applicable)
    top = [option for option in applicable if option.rank == best]
    return top[0] if len(top) == 1 else None


def requested_states() -> QuerySet[State]:
    """States other than Kazakhstan that are party to an instrument, by ISO code."""
    return (State.objects.filter(instrument_links__isnull=False).exclude(iso_code=HOME_STATE)
            .distinct().order_by("iso_code"))


def designated_authorities(instrument: Instrument, state_code: str) -> QuerySet[Authority]:
    """The active authorities of ``state_code`` designated under ``instrument``, by name."""
    return (Authority.objects.filter(instruments=instrument, state__iso_code=state_code,
                                     is_active=True).select_related("state").order_by("name_en"))
