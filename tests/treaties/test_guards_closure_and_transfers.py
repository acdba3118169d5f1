"""Guards (treaties.rules.guards) on closing a request and on what it moves across the border:
handed-over items, temporary transfer of detainees (RS six months, BR release date and consent),
onward transfer of personal data. Each violation is checked for its rule code and the article it
cites."""

from datetime import date

import pytest

from tests.treaties._guards import BR
from tests.treaties._guards import CZ
from tests.treaties._guards import RS
from tests.treaties._guards import SK
from tests.treaties._guards import SLUGS
from tests.treaties._guards import TODAY
from tests.treaties._guards import assert_blocked
from tests.treaties._guards import br
from tests.treaties._guards import incoming
from tests.treaties._guards import rs
from tests.treaties._guards import the_violation
from treaties.rulebook import get_rulebook
from treaties.rules.facts import TransferFacts
from treaties.rules.guards import check_closure
from treaties.rules.guards import check_items_outstanding
from treaties.rules.guards import check_onward_transfer
from treaties.rules.guards import check_transfer_terms


# === closure and items ==========================================================================
@pytest.mark.parametrize(("slug", "reference"), ((RS, "Art 15"), (BR, "Art 14")))
def test_closure_with_an_item_outstanding_is_blocked(slug, reference):
    violation = assert_blocked(check_closure(get_rulebook(slug), incoming(items_outstanding=1)),
                               "return_of_items", reference)
    assert violation.field == "items"


@pytest.mark.parametrize("slug", SLUGS)
def test_closure_with_no_item_outstanding_is_allowed(slug):
    assert check_closure(get_rulebook(slug), incoming(items_outstanding=0)) == []


def test_rs_closure_with_a_transferred_person_not_returned_is_blocked_by_11_1():
    transfer = TransferFacts("t1", transferred_on=date(2026, 1, 10))
    assert_blocked(check_closure(rs, incoming(transfers=(transfer,))), "detainee_transfer",
                   "Art 11.1")


def test_rs_closure_after_the_transferred_person_returned_is_allowed():
    transfer = TransferFacts("t1", transferred_on=date(2026, 1, 10), returned_on=date(2026, 2, 1))
    assert check_closure(rs, incoming(transfers=(transfer,))) == []


def test_awaiting_return_of_items_needs_an_item_outstanding():
    assert_blocked(check_items_outstanding(rs, incoming(items_outstanding=0)), "return_of_items",
                   "Art 15")


def test_awaiting_return_of_items_allowed_with_an_item_outstanding():
    assert check_items_outstanding(rs, incoming(items_outstanding=2)) == []


# === temporary transfer of detainees ============================================================
def rs_transfer(transferred_on=date(2026, 1, 31), **kwargs):
    values = {"return_due_on": None, "release_date": None, "person_consented": True}
    values.update(kwargs)
    return check_transfer_terms(rs, transferred_on=transferred_on, **values)


@pytest.mark.parametrize(("transferred_on", "return_due_on"), (
    (date(2026, 1, 31), date(2026, 7, 31)),
    (date(2026, 8, 31), date(2027, 2, 28)),  # six calendar months end on the last of February
))
def test_rs_return_term_of_exactly_six_months_is_allowed(transferred_on, return_due_on):
    assert rs_transfer(transferred_on, return_due_on=return_due_on) == []


@pytest.mark.parametrize(("transferred_on", "return_due_on"), (
    (date(2026, 1, 31), date(2026, 8, 1)),
    (date(2026, 8, 31), date(2027, 3, 1)),
))
def test_rs_return_term_one_day_over_six_months_is_blocked_by_11_1(transferred_on, return_due_on):
    violation = assert_blocked(rs_transfer(transferred_on, return_due_on=return_due_on),
                               "detainee_transfer", "Art 11.1")
    assert violation.field == "return_due_on"


def test_rs_transfer_without_return_term_is_blocked_by_11_1():
    assert_blocked(rs_transfer(return_due_on=None), "detainee_transfer", "Art 11.1")


def test_rs_return_term_extended_once_is_allowed():
    assert rs_transfer(return_due_on=date(2026, 12, 31), extension_count=1) == []


def test_rs_return_term_extended_twice_is_blocked_by_11_1():
    violation = assert_blocked(rs_transfer(return_due_on=date(2026, 12, 31), extension_count=2),
                               "detainee_transfer", "Art 11.1")
    assert violation.field == "extension_count"


def br_transfer(**kwargs):
    values = {"transferred_on": date(2026, 1, 10), "return_due_on": date(2026, 3, 1),
              "release_date": date(2026, 6, 1), "person_consented": True}
    values.update(kwargs)
    return check_transfer_terms(br, **values)


def test_br_transfer_with_consent_and_return_before_release_is_allowed():
    assert br_transfer() == []


def test_br_transfer_with_return_on_the_release_date_is_allowed():
    assert br_transfer(return_due_on=date(2026, 6, 1)) == []


def test_br_transfer_without_release_date_is_blocked_by_9_2():
    violation = assert_blocked(br_transfer(release_date=None), "detainee_transfer", "Art 9.2(b)")
    assert violation.field == "release_date"


def test_br_return_due_after_the_release_date_is_blocked_by_9_2():
    violation = assert_blocked(br_transfer(return_due_on=date(2026, 6, 2)), "detainee_transfer",
                               "Art 9.2(b)")
    assert violation.field == "return_due_on"


def test_br_transfer_without_the_persons_consent_is_blocked():
    violation = the_violation(br_transfer(person_consented=False))
    assert violation.rule == "detainee_transfer"
    assert violation.field == "person_consented"


def test_br_transfer_without_the_persons_consent_cites_art_9_1():
    assert the_violation(br_transfer(person_consented=False)).citation.reference == "Art 9.1"


def test_br_transfer_has_no_six_month_cap():
    assert br_transfer(return_due_on=date(2027, 1, 1), release_date=date(2027, 6, 1)) == []


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_agreements_provide_no_transfer_of_detainees(slug):
    violation = the_violation(check_transfer_terms(
        get_rulebook(slug), transferred_on=TODAY, return_due_on=TODAY, release_date=None,
        person_consented=True))
    assert violation.rule == "detainee_transfer_not_provided"


# === onward transfer of personal data ===========================================================
@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 11.2"), (SK, "Art 6.2")))
@pytest.mark.parametrize(("consent_reference", "consent_given_on"), (
    ("", None), ("No 12/2026", None), ("", TODAY), ("   ", TODAY)))
def test_onward_transfer_without_recorded_written_consent_is_blocked(
        slug, reference, consent_reference, consent_given_on):
    violation = assert_blocked(
        check_onward_transfer(get_rulebook(slug), consent_reference=consent_reference,
                              consent_given_on=consent_given_on), "personal_data", reference)
    assert violation.field == "consent_reference"


@pytest.mark.parametrize("slug", (CZ, SK))
def test_onward_transfer_with_consent_reference_and_date_is_allowed(slug):
    assert check_onward_transfer(get_rulebook(slug), consent_reference="No 12/2026",
                                 consent_given_on=TODAY) == []


@pytest.mark.parametrize("slug", (RS, BR))
def test_mla_treaties_have_no_onward_transfer_guard(slug):
    assert check_onward_transfer(get_rulebook(slug), consent_reference="",
                                 consent_given_on=None) == []
