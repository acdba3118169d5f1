"""Whether a request's offence and assistance fall within an instrument
(``treaties.rules.scope``), at the boundaries the texts set: UNTOC 2(b) serious crime at four
years, Art 3.1 organised criminal group, Vienna 3.1(b) laundering of drug proceeds, ETS 141
Art 1(e) any offence. The rulebooks are the test convention with the scope rule under test."""

from dataclasses import replace

import pytest

from treaties.rulebook import get_rulebook
from treaties.rulebook.offences import CORRUPTION
from treaties.rulebook.offences import DRUG_TRAFFICKING
from treaties.rulebook.offences import FRAUD
from treaties.rulebook.offences import MONEY_LAUNDERING
from treaties.rulebook.offences import OFFENCE_CATEGORIES
from treaties.rulebook.offences import PARTICIPATION_IN_ORGANISED_GROUP
from treaties.rulebook.schema import OffenceScopeRule
from treaties.rulebook.schema import Summary
from treaties.rulebook.schema import cite
from treaties.rules.scope import OffenceFacts
from treaties.rules.scope import ScopeStatus
from treaties.rules.scope import assistance_scope_verdict
from treaties.rules.scope import offence_scope_verdict

from ._convention import RULEBOOK as CONVENTION
from ._convention import SLUG

SUMMARY = Summary("Scope.", "Сфера.", "Қолданылу саласы.")
UNTOC_LIKE = replace(CONVENTION, offence_scope=OffenceScopeRule(
    code="offence_scope", citation=cite(SLUG, "3.1"), summary=SUMMARY,
    categories=frozenset({PARTICIPATION_IN_ORGANISED_GROUP, MONEY_LAUNDERING, CORRUPTION}),
    serious_crime_min_years=4, serious_crime_citation=cite(SLUG, "2.b"),
    organised_group_required=True, organised_group_citation=cite(SLUG, "3.1")))
VIENNA_LIKE = replace(CONVENTION, offence_scope=OffenceScopeRule(
    code="offence_scope", citation=cite(SLUG, "3.1"), summary=SUMMARY,
    categories=frozenset({DRUG_TRAFFICKING}), laundering_predicates=frozenset({DRUG_TRAFFICKING})))
ANY_OFFENCE = replace(CONVENTION, offence_scope=OffenceScopeRule(
    code="offence_scope", citation=cite(SLUG, "1.e"), summary=SUMMARY, any_offence=True))


def _fraud(years: int | None, organised: bool | None = True) -> OffenceFacts:
    return OffenceFacts(FRAUD, max_penalty_years=years, organised_group=organised)


def test_fraud_punishable_by_three_years_is_outside_citing_the_serious_crime_definition():
    verdict = offence_scope_verdict(UNTOC_LIKE, _fraud(3))
    assert verdict.status == ScopeStatus.OUTSIDE
    assert verdict.citation.reference == "Art 2.b"


def test_fraud_punishable_by_four_years_is_a_serious_crime_within_scope():
    assert offence_scope_verdict(UNTOC_LIKE, _fraud(4)).within


def test_fraud_punishable_by_five_years_is_within_scope():
    assert offence_scope_verdict(UNTOC_LIKE, _fraud(5)).within


def test_fraud_without_its_maximum_penalty_asks_for_it():
    verdict = offence_scope_verdict(UNTOC_LIKE, _fraud(None))
    assert verdict.status == ScopeStatus.UNKNOWN
    assert verdict.missing == "offence_max_penalty_years"


def test_an_offence_the_convention_names_is_within_whatever_the_penalty():
    offence = OffenceFacts(CORRUPTION, max_penalty_years=2, organised_group=True)
    assert offence_scope_verdict(UNTOC_LIKE, offence).within


def test_without_an_organised_group_a_serious_crime_is_outside_citing_3_1():
    verdict = offence_scope_verdict(UNTOC_LIKE, _fraud(10, organised=False))
    assert verdict.outside and verdict.citation.reference == "Art 3.1"


def test_when_the_organised_group_is_not_stated_the_engine_asks():
    verdict = offence_scope_verdict(UNTOC_LIKE, _fraud(10, organised=None))
    assert verdict.status == ScopeStatus.UNKNOWN
    assert verdict.missing == "organised_group_involved"


def test_without_a_category_the_engine_asks_for_it():
    verdict = offence_scope_verdict(UNTOC_LIKE, OffenceFacts())
    assert verdict.status == ScopeStatus.UNKNOWN and verdict.missing == "offence_category"


def test_laundering_of_drug_proceeds_is_within_the_drug_convention():
    offence = OffenceFacts(MONEY_LAUNDERING, laundering_predicate=DRUG_TRAFFICKING)
    assert offence_scope_verdict(VIENNA_LIKE, offence).within


def test_laundering_of_fraud_proceeds_is_outside_the_drug_convention():
    offence = OffenceFacts(MONEY_LAUNDERING, laundering_predicate=FRAUD)
    assert offence_scope_verdict(VIENNA_LIKE, offence).outside


def test_laundering_without_its_predicate_asks_for_it_under_the_drug_convention():
    verdict = offence_scope_verdict(VIENNA_LIKE, OffenceFacts(MONEY_LAUNDERING))
    assert verdict.missing == "offence_laundering_predicate"


@pytest.mark.parametrize("category", sorted(OFFENCE_CATEGORIES))
def test_a_convention_on_any_offence_covers_every_category(category):
    assert offence_scope_verdict(ANY_OFFENCE, OffenceFacts(category)).within


def test_a_bilateral_treaty_covers_any_offence_and_cites_nothing():
    verdict = offence_scope_verdict(get_rulebook("kz-rs-2015"), OffenceFacts(FRAUD))
    assert verdict.within and verdict.citation is None


def test_assistance_the_police_agreement_excludes_is_outside_citing_cz_1_2():
    verdict = assistance_scope_verdict(get_rulebook("kz-cz-2017"), ("testimony",))
    assert verdict.outside and verdict.citation.reference == "Art 1.2"


def test_assistance_the_instrument_provides_is_within():
    assert assistance_scope_verdict(get_rulebook("kz-rs-2015"), ("testimony",)).within
