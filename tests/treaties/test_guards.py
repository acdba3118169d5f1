"""Guards (treaties.rules.guards) on whether a request may go ahead at all: the instrument's life
(in force, suspended, terminated; requests opened before termination), the assistance types it
covers, oral requests and channels. Each violation is checked for its rule code and the article
it cites."""

from datetime import date
from datetime import timedelta

import pytest

from tests.treaties._guards import BR
from tests.treaties._guards import CZ
from tests.treaties._guards import RS
from tests.treaties._guards import SK
from tests.treaties._guards import SLUGS
from tests.treaties._guards import TODAY
from tests.treaties._guards import assert_blocked
from tests.treaties._guards import br
from tests.treaties._guards import cz
from tests.treaties._guards import rs
from tests.treaties._guards import rules_of
from tests.treaties._guards import the_violation
from tests.treaties._guards import verdict
from treaties.rulebook import get_rulebook
from treaties.rules.guards import check_assistance_types
from treaties.rules.guards import check_channel
from treaties.rules.guards import check_instrument_allows_continuation
from treaties.rules.guards import check_instrument_open_for_new_requests
from treaties.rules.guards import check_oral_request
from treaties.rules.lifecycle import InstrumentStatus


# === instrument life ============================================================================
@pytest.mark.parametrize("slug", SLUGS)
def test_new_request_allowed_while_instrument_in_force(slug):
    book = get_rulebook(slug)
    assert check_instrument_open_for_new_requests(book, verdict(book)) == []


@pytest.mark.parametrize(("status", "rule"), (
    (InstrumentStatus.NOT_IN_FORCE, "instrument_not_in_force"),
    (InstrumentStatus.SUSPENDED, "instrument_suspended"),
    (InstrumentStatus.TERMINATED, "instrument_terminated"),
))
def test_cz_new_request_blocked_unless_in_force(status, rule):
    violation = the_violation(check_instrument_open_for_new_requests(cz, verdict(cz, status)))
    assert violation.rule == rule
    assert violation.citation == verdict(cz, status).citation


RS_ENDS_ON = date(2026, 9, 6)


def test_rs_terminated_request_opened_before_termination_date_continues_under_22_5():
    status = verdict(rs, InstrumentStatus.TERMINATED, since=RS_ENDS_ON)
    assert check_instrument_allows_continuation(rs, status, RS_ENDS_ON - timedelta(days=1)) == []


def test_br_terminated_request_opened_before_termination_date_continues_under_30_4():
    status = verdict(br, InstrumentStatus.TERMINATED, since=RS_ENDS_ON)
    assert check_instrument_allows_continuation(br, status, RS_ENDS_ON - timedelta(days=1)) == []


@pytest.mark.parametrize("opened_on", (RS_ENDS_ON, RS_ENDS_ON + timedelta(days=1), None))
def test_rs_terminated_request_opened_on_or_after_termination_date_is_blocked(opened_on):
    status = verdict(rs, InstrumentStatus.TERMINATED, since=RS_ENDS_ON)
    assert_blocked(check_instrument_allows_continuation(rs, status, opened_on),
                   "instrument_terminated", "Art 22.4")


@pytest.mark.parametrize("slug", (CZ, SK))
def test_terminated_instrument_without_continuation_clause_blocks_pending_request(slug):
    book = get_rulebook(slug)
    status = verdict(book, InstrumentStatus.TERMINATED, since=RS_ENDS_ON)
    violation = the_violation(
        check_instrument_allows_continuation(book, status, RS_ENDS_ON - timedelta(days=100)))
    assert violation.rule == "instrument_terminated"
    assert violation.citation == book.termination.citation


def test_cz_suspended_blocks_work_on_pending_request():
    status = verdict(cz, InstrumentStatus.SUSPENDED, since=TODAY)
    assert_blocked(check_instrument_allows_continuation(cz, status, date(2025, 1, 1)),
                   "instrument_suspended", "Art 17")


@pytest.mark.parametrize("slug", SLUGS)
def test_pending_request_continues_while_in_force(slug):
    book = get_rulebook(slug)
    assert check_instrument_allows_continuation(book, verdict(book), date(2025, 1, 1)) == []


# === assistance types ===========================================================================
@pytest.mark.parametrize("code", (
    "service_of_documents", "search_and_seizure", "transfer_of_detainees", "testimony"))
def test_cz_mla_type_of_assistance_is_excluded_by_art_1_2(code):
    assert_blocked(check_assistance_types(cz, (code,)), "excludes_legal_assistance", "Art 1.2")


@pytest.mark.parametrize("code", sorted(cz.assistance_type_codes))
def test_cz_police_cooperation_types_are_allowed(code):
    assert check_assistance_types(cz, (code,)) == []


@pytest.mark.parametrize(("slug", "code"), (
    (CZ, "witness_protection"),  # SK covers it, CZ does not
    (SK, "travel_documents"),  # CZ covers it, SK does not
    (RS, "asset_sharing"),  # BR covers it, RS does not
    (RS, "information_exchange"),  # police cooperation, not legal assistance
    (BR, "bank_information"),  # RS covers it, BR does not
    (BR, "no_such_type"),
))
def test_type_not_in_the_instruments_list_is_not_covered(slug, code):
    book = get_rulebook(slug)
    violation = the_violation(check_assistance_types(book, (code,)))
    assert violation.rule == "assistance_type_not_covered"
    assert violation.citation.instrument == slug


@pytest.mark.parametrize("slug", SLUGS)
def test_empty_assistance_type_list_is_blocked(slug):
    book = get_rulebook(slug)
    violation = the_violation(check_assistance_types(book, ()))
    assert violation.rule == "assistance_types_required"
    assert violation.citation == book.written_form.citation


def test_each_uncovered_type_gets_its_own_violation():
    violations = check_assistance_types(cz, ("testimony", "information_exchange", "asset_sharing"))
    assert rules_of(violations) == ["excludes_legal_assistance", "excludes_legal_assistance"]




# === oral requests and channels =================================================================
@pytest.mark.parametrize(("slug", "reference"), ((RS, "Art 3.1"), (BR, "Art 22.1")))
@pytest.mark.parametrize("urgent", (True, False))
def test_mla_treaties_provide_no_oral_requests(slug, reference, urgent):
    assert_blocked(check_oral_request(get_rulebook(slug), urgent), "oral_requests_not_provided",
                   reference)


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 9.1"), (SK, "Art 7.4")))
def test_police_agreements_oral_request_not_urgent_is_blocked(slug, reference):
    violation = assert_blocked(check_oral_request(get_rulebook(slug), False), "oral_requests",
                               reference)
    assert violation.field == "is_urgent"


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_agreements_urgent_oral_request_is_allowed(slug):
    assert check_oral_request(get_rulebook(slug), True) == []


@pytest.mark.parametrize(("slug", "urgent", "expected"), (
    (CZ, True, []), (SK, True, []), (CZ, False, ["oral_requests"]),
    (RS, True, ["oral_requests_not_provided"]), (BR, True, ["oral_requests_not_provided"]),
))
def test_oral_channel_goes_through_the_oral_request_rule(slug, urgent, expected):
    assert rules_of(check_channel(get_rulebook(slug), "oral", urgent)) == expected


# The refusal cites the article that names the channels (RS 3.4, BR 22.1), not the article on
# the central authorities (Art 2), which names none.
@pytest.mark.parametrize(("slug", "channel", "reference"), (
    (RS, "diplomatic", "Art 3.4"), (BR, "diplomatic", "Art 22.1"), (BR, "fax", "Art 22.1"),
    (CZ, "courier", "Art 9.1"), (SK, "electronic", "Art 7.2"),
))
def test_channel_not_in_the_communication_rule_is_blocked(slug, channel, reference):
    violation = assert_blocked(check_channel(get_rulebook(slug), channel, False), "communication",
                               reference)
    assert violation.field == "channel"


def test_rs_urgent_request_to_locate_a_person_may_go_through_interpol():
    assert check_channel(get_rulebook(RS), "interpol", True, ("locating_persons",)) == []


def test_rs_request_to_locate_a_person_that_is_not_urgent_may_not_go_through_interpol():
    assert_blocked(check_channel(get_rulebook(RS), "interpol", False, ("locating_persons",)),
                   "urgent_locating_via_interpol", "Art 10.3")


def test_rs_urgent_request_for_testimony_may_not_go_through_interpol():
    assert_blocked(check_channel(get_rulebook(RS), "interpol", True,
                                 ("locating_persons", "testimony")),
                   "urgent_locating_via_interpol", "Art 10.3")


@pytest.mark.parametrize(("slug", "channel"), ((SK, "electronic"), (CZ, "courier")))
def test_channel_the_authorities_agreed_is_allowed_where_the_text_allows_agreed_means(slug,
                                                                                      channel):
    assert check_channel(get_rulebook(slug), channel, False, (), frozenset({channel})) == []


@pytest.mark.parametrize(("slug", "channel"), ((RS, "diplomatic"), (BR, "fax")))
def test_agreed_channel_does_not_open_an_instrument_that_names_its_channels(slug, channel):
    assert rules_of(check_channel(get_rulebook(slug), channel, False, (),
                                  frozenset({channel}))) == ["communication"]


@pytest.mark.parametrize(("slug", "channel"), [
    (slug, str(channel)) for slug in SLUGS
    for channel in sorted(get_rulebook(slug).communication.channels) if channel != "oral"])
def test_channel_listed_in_the_communication_rule_is_allowed(slug, channel):
    assert check_channel(get_rulebook(slug), channel, False) == []
