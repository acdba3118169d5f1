"""Readiness: what stands between a request and its next step with the other side, today.

One pure function serves the drafting checklist, the API's ``readiness`` answer and the
``transmit`` guard, so "complete" and "transmittable" cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace
from datetime import date

from treaties.rulebook.schema import ContentRule
from treaties.rulebook.schema import Rulebook

from .calendar import days_between
from .facts import PersonFacts
from .facts import RequestFacts
from .guards import accepted_languages
from .guards import check_assistance_types
from .guards import check_channel
from .guards import check_contents
from .guards import check_instrument_allows_continuation
from .guards import check_instrument_open_for_new_requests
from .guards import check_original_with_transmission
from .guards import check_requested_execution_date
from .guards import check_summons_lead_time
from .guards import check_translation
from .guards import content_required
from .guards import summons_term_days
from .lifecycle import StatusVerdict
from .violations import Violation


@dataclass(frozen=True)
class ContentCheck:
    """One mandatory content item of the instrument and where the request stands on it."""

    rule: ContentRule
    status: str  # "ok", "missing" or "not_needed" (a "where needed" item that is not needed)


@dataclass(frozen=True)
class SummonsCheck:
    """One person summoned to appear, against the instrument's lead time (RS 8.3, BR 6.2)."""

    person: PersonFacts
    days_left: int
    required_days: int | None
    violations: tuple[Violation, ...]

    @property
    def ok(self) -> bool:
        return not self.violations


@dataclass(frozen=True)
class Readiness:
    """Whether a request may take its next step with the other side today, and what is missing.

    For an outgoing request the step is transmission: this is exactly what the ``transmit`` guard
    checks, so the drafting checklist, the API's readiness answer and the guard cannot disagree.
    For an incoming request it is forwarding for execution: the completeness of the written
    request (its contents, language and reasons for a requested date).
    """

    outgoing: bool
    facts: RequestFacts
    general: tuple[Violation, ...]  # the instrument, the assistance types, the channel
    contents: tuple[ContentCheck, ...]
    contents_missing: tuple[Violation, ...]
    translation: tuple[Violation, ...]
    accepted_languages: frozenset[str]
    execution_date: tuple[Violation, ...]
    summonses: tuple[SummonsCheck, ...]
    originals: tuple[Violation, ...]

    @property
    def violations(self) -> tuple[Violation, ...]:
        """Every rule that blocks the step, in the order the guard reports them."""
        summonses = tuple(v for check in self.summonses for v in check.violations)
        return (self.general + self.contents_missing + self.translation + self.execution_date
                + summonses + self.originals)

    @property
    def complete(self) -> bool:
        return not self.violations


def _content_checks(rulebook: Rulebook, facts: RequestFacts) -> tuple[ContentCheck, ...]:
    def status(rule: ContentRule) -> str:
        if not content_required(rule, facts):
            return "not_needed"
        return "ok" if rule.field in facts.filled_contents else "missing"

    return tuple(ContentCheck(rule, status(rule)) for rule in rulebook.mandatory_contents)


def _summons_checks(rulebook: Rulebook, facts: RequestFacts,
                    transmission_day: date) -> tuple[SummonsCheck, ...]:
    return tuple(
        SummonsCheck(person, days_between(transmission_day, person.appearance_date),
                     summons_term_days(rulebook, facts),
                     tuple(check_summons_lead_time(rulebook, replace(facts, persons=(person,)),
                                                   transmission_day)))
        for person in facts.summonses if person.appearance_date is not None)


def request_readiness(rulebook: Rulebook, facts: RequestFacts, status: StatusVerdict,
                      today: date) -> Readiness:
    """What stands between the request and its next step today (see ``Readiness``)."""
    if facts.outgoing:
        general = (check_instrument_open_for_new_requests(rulebook, status)
                   + check_assistance_types(rulebook, facts.assistance_types)
                   + check_channel(rulebook, facts.channel, facts.is_urgent,
                                   facts.assistance_types, facts.agreed_channels))
        summonses = _summons_checks(rulebook, facts, today)
        originals = check_original_with_transmission(rulebook, facts, today)
    else:
        general = check_instrument_allows_continuation(rulebook, status, facts.opened_on)
        summonses, originals = (), []
    return Readiness(
        outgoing=facts.outgoing, facts=facts, general=tuple(general), contents=_content_checks(rulebook, facts),
        contents_missing=tuple(check_contents(rulebook, facts)),
        translation=tuple(check_translation(rulebook, facts)),
        accepted_languages=accepted_languages(rulebook, facts),
        execution_date=tuple(check_requested_execution_date(rulebook, facts)),
        summonses=summonses, originals=tuple(originals))
