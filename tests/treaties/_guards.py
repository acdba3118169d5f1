"""Shared by the guard tests of this folder (not a test module): the four bilateral instruments,
the day the guards are asked on, facts that pass every transmission guard, and the checks of a
violation's rule and article."""

from datetime import date
from datetime import timedelta

from treaties.rulebook import all_rulebooks
from treaties.rulebook import get_rulebook
from treaties.rules.facts import INCOMING
from treaties.rules.facts import OUTGOING
from treaties.rules.facts import ConsultationFacts
from treaties.rules.facts import PersonFacts
from treaties.rules.facts import RequestFacts
from treaties.rules.guards import GuardContext
from treaties.rules.lifecycle import InstrumentStatus
from treaties.rules.lifecycle import StatusVerdict

CZ, SK, RS, BR = "kz-cz-2017", "kz-sk-2007", "kz-rs-2015", "kz-br-2018"
SLUGS = tuple(all_rulebooks())  # the generic tests run for every instrument
cz, sk, rs, br = (get_rulebook(slug) for slug in (CZ, SK, RS, BR))

TODAY = date(2026, 3, 2)

RS_CONTENTS = frozenset({
    "signed_and_sealed", "requesting_authority", "purpose", "assistance_description",
    "offence_description", "legal_qualification", "applicable_law", "reasons_for_measures"})
BR_CONTENTS = frozenset({
    "proceedings_authority", "offence_description", "applicable_law", "facts_summary",
    "assistance_description", "purpose"})


# --- helpers -------------------------------------------------------------------------------------
def request(**overrides) -> RequestFacts:
    values = {"direction": OUTGOING, "channel": "post",
              "assistance_types": ("service_of_documents", "testimony"),
              "request_language": "ru", "requested_state_languages": ("sr",)}
    values.update(overrides)
    return RequestFacts(**values)


def rs_request(**overrides) -> RequestFacts:
    """An outgoing RS request that passes every transmission guard."""
    values = {"filled_contents": RS_CONTENTS, "translation_languages": frozenset({"sr"})}
    values.update(overrides)
    return request(**values)


def summoned(days_from_today: int, key: str = "p1") -> PersonFacts:
    """A person served with a summons to appear before our authorities (RS 8.3, BR 6.2)."""
    return PersonFacts(key, "to_serve", appearance_date=TODAY + timedelta(days=days_from_today))


def verdict(book, status=InstrumentStatus.IN_FORCE, since=date(2020, 1, 1)) -> StatusVerdict:
    citation = {
        InstrumentStatus.IN_FORCE: book.entry_into_force.citation,
        InstrumentStatus.NOT_IN_FORCE: book.entry_into_force.citation,
        InstrumentStatus.SUSPENDED: book.suspension.citation if book.suspension else None,
        InstrumentStatus.TERMINATED: book.termination.citation,
    }[status]
    return StatusVerdict(status, citation, since)


def ctx(book, **params) -> GuardContext:
    return GuardContext(today=TODAY, status=verdict(book), params=params)


def the_violation(violations):
    assert len(violations) == 1, [v.rule for v in violations]
    return violations[0]


def rules_of(violations):
    return [v.rule for v in violations]


def assert_blocked(violations, rule, reference):
    violation = the_violation(violations)
    assert violation.rule == rule
    assert violation.citation is not None
    assert violation.citation.reference == reference
    return violation


def incoming(**overrides):
    return request(direction=INCOMING, **overrides)


def refusal_consultation(held_on=TODAY, subject="refusal"):
    return (ConsultationFacts(subject, held_on),)
