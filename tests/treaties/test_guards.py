"""Guards (treaties.rules.guards) at the boundaries the treaties set. Each violation is checked
for its rule code and the article it cites."""

from datetime import date
from datetime import timedelta

import pytest

from treaties.rulebook import all_rulebooks
from treaties.rulebook import get_rulebook
from treaties.rules.facts import INCOMING
from treaties.rules.facts import OUTGOING
from treaties.rules.facts import ConsultationFacts
from treaties.rules.facts import DecisionFacts
from treaties.rules.facts import OriginalFacts
from treaties.rules.facts import PersonFacts
from treaties.rules.facts import RequestFacts
from treaties.rules.facts import TransferFacts
from treaties.rules.guards import GuardContext
from treaties.rules.guards import check_assistance_types
from treaties.rules.guards import check_channel
from treaties.rules.guards import check_closure
from treaties.rules.guards import check_conditions
from treaties.rules.guards import check_contents
from treaties.rules.guards import check_deferral
from treaties.rules.guards import check_instrument_allows_continuation
from treaties.rules.guards import check_instrument_open_for_new_requests
from treaties.rules.guards import check_items_outstanding
from treaties.rules.guards import check_onward_transfer
from treaties.rules.guards import check_oral_request
from treaties.rules.guards import check_original_with_transmission
from treaties.rules.guards import check_partial_execution
from treaties.rules.guards import check_refusal
from treaties.rules.guards import check_registration
from treaties.rules.guards import check_requested_execution_date
from treaties.rules.guards import check_summons_lead_time
from treaties.rules.guards import check_transfer_terms
from treaties.rules.guards import check_translation
from treaties.rules.lifecycle import InstrumentStatus
from treaties.rules.lifecycle import StatusVerdict
from treaties.rules.transition_guards import guard_close
from treaties.rules.transition_guards import guard_refuse
from treaties.rules.transition_guards import guard_set_conditions
from treaties.rules.transition_guards import guard_transmit
from treaties.rules.transition_guards import guard_transmit_orally

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
    values = {"direction": OUTGOING, "channel": "post", "assistance_types": ("testimony",),
              "request_language": "ru", "requested_state_languages": ("sr",)}
    values.update(overrides)
    return RequestFacts(**values)


def rs_request(**overrides) -> RequestFacts:
    """An outgoing RS request that passes every transmission guard."""
    values = {"filled_contents": RS_CONTENTS, "translation_languages": frozenset({"sr"})}
    values.update(overrides)
    return request(**values)


def summoned(days_from_today: int, key: str = "p1") -> PersonFacts:
    return PersonFacts(key, "witness", appearance_date=TODAY + timedelta(days=days_from_today))


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


# === summons lead time ==========================================================================
def test_rs_summons_transmission_blocked_59_days_before_appearance():
    facts = rs_request(persons=(summoned(59),))
    violation = assert_blocked(check_summons_lead_time(rs, facts, TODAY), "summons_lead_time",
                               "Art 8.3")
    assert violation.field == "appearance_date"


@pytest.mark.parametrize("days", (60, 61))
def test_rs_summons_transmission_allowed_60_days_or_more_before_appearance(days):
    assert check_summons_lead_time(rs, rs_request(persons=(summoned(days),)), TODAY) == []


def test_rs_summons_59_days_allowed_when_urgent_and_shorter_term_agreed():
    facts = rs_request(persons=(summoned(59),), is_urgent=True, shorter_summons_term_agreed=True)
    assert check_summons_lead_time(rs, facts, TODAY) == []


def test_rs_summons_59_days_blocked_when_urgent_without_agreement():
    facts = rs_request(persons=(summoned(59),), is_urgent=True)
    assert_blocked(check_summons_lead_time(rs, facts, TODAY), "summons_lead_time", "Art 8.3")


def test_rs_summons_59_days_blocked_when_agreed_but_not_urgent():
    facts = rs_request(persons=(summoned(59),), shorter_summons_term_agreed=True)
    assert_blocked(check_summons_lead_time(rs, facts, TODAY), "summons_lead_time", "Art 8.3")


def test_rs_summons_lead_time_checks_every_summoned_person():
    facts = rs_request(persons=(summoned(59, "a"), summoned(90, "b"), summoned(10, "c")))
    assert rules_of(check_summons_lead_time(rs, facts, TODAY)) == ["summons_lead_time"] * 2


def test_rs_person_without_appearance_date_has_no_lead_time():
    facts = rs_request(persons=(PersonFacts("p1", "witness"),))
    assert check_summons_lead_time(rs, facts, TODAY) == []


def test_br_summons_transmission_blocked_89_days_before_appearance():
    facts = request(persons=(summoned(89),))
    assert_blocked(check_summons_lead_time(br, facts, TODAY), "summons_lead_time", "Art 6.2")


@pytest.mark.parametrize("days", (90, 91))
def test_br_summons_transmission_allowed_90_days_or_more_before_appearance(days):
    assert check_summons_lead_time(br, request(persons=(summoned(days),)), TODAY) == []


def test_br_summons_89_days_blocked_even_when_urgent_and_agreed():
    facts = request(persons=(summoned(89),), is_urgent=True, shorter_summons_term_agreed=True)
    assert_blocked(check_summons_lead_time(br, facts, TODAY), "summons_lead_time", "Art 6.2")


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_agreements_have_no_summons_lead_time(slug):
    facts = request(persons=(summoned(1),))
    assert check_summons_lead_time(get_rulebook(slug), facts, TODAY) == []


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


@pytest.mark.parametrize(("slug", "channel", "reference"), (
    (RS, "diplomatic", "Art 2"), (RS, "interpol", "Art 2"),
    (BR, "diplomatic", "Art 2"), (BR, "fax", "Art 2"),
    (CZ, "courier", "Art 9.1"), (SK, "electronic", "Art 7.2"),
))
def test_channel_not_in_the_communication_rule_is_blocked(slug, channel, reference):
    violation = assert_blocked(check_channel(get_rulebook(slug), channel, False), "communication",
                               reference)
    assert violation.field == "channel"


@pytest.mark.parametrize(("slug", "channel"), [
    (slug, str(channel)) for slug in SLUGS
    for channel in sorted(get_rulebook(slug).communication.channels) if channel != "oral"])
def test_channel_listed_in_the_communication_rule_is_allowed(slug, channel):
    assert check_channel(get_rulebook(slug), channel, False) == []


# === contents ===================================================================================
def test_rs_request_with_all_mandatory_contents_is_complete():
    assert check_contents(rs, rs_request()) == []


def test_rs_missing_legal_qualification_is_blocked_by_3_2_c():
    facts = rs_request(filled_contents=RS_CONTENTS - {"legal_qualification"})
    violation = assert_blocked(check_contents(rs, facts), "content_legal_qualification", "Art 3.2(c)")
    assert violation.field == "legal_qualification"


def test_rs_summoned_person_allowances_required_when_someone_must_appear():
    facts = rs_request(persons=(summoned(90),))
    assert_blocked(check_contents(rs, facts), "content_summoned_person_allowances", "Art 3.2(f)")


def test_rs_summoned_person_allowances_satisfied_when_filled():
    facts = rs_request(persons=(summoned(90),),
                       filled_contents=RS_CONTENTS | {"summoned_person_allowances"})
    assert check_contents(rs, facts) == []


def test_rs_summoned_person_allowances_not_required_without_appearance_date():
    facts = rs_request(persons=(PersonFacts("p1", "witness"),))
    assert check_contents(rs, facts) == []


def test_rs_attending_officials_required_when_officials_wish_to_attend():
    facts = rs_request(officials_wish_to_attend=True)
    assert_blocked(check_contents(rs, facts), "content_attending_officials", "Art 3.2(g)")


def test_rs_attending_officials_not_required_when_no_official_attends():
    assert check_contents(rs, rs_request(officials_wish_to_attend=False)) == []


def test_rs_every_missing_content_item_is_reported():
    assert len(check_contents(rs, rs_request(filled_contents=frozenset()))) == len(RS_CONTENTS)


def test_br_missing_facts_summary_is_blocked_by_22_2_c():
    facts = request(filled_contents=BR_CONTENTS - {"facts_summary"})
    assert_blocked(check_contents(br, facts), "content_facts_summary", "Art 22.2(c)")


def test_br_summoned_person_allowances_are_only_desirable():
    facts = request(filled_contents=BR_CONTENTS, persons=(summoned(120),))
    assert check_contents(br, facts) == []


def test_sk_missing_enclosed_documents_is_blocked_by_7_3():
    facts = request(filled_contents=frozenset({"assistance_description", "signed_and_sealed"}))
    assert_blocked(check_contents(sk, facts), "content_enclosed_documents", "Art 7.3")


def test_cz_sets_no_mandatory_contents():
    assert check_contents(cz, request()) == []


# === translation ================================================================================
def test_rs_request_in_russian_without_translation_is_blocked_by_4_1():
    facts = rs_request(translation_languages=frozenset())
    violation = assert_blocked(check_translation(rs, facts), "language", "Art 4.1")
    assert violation.field == "translations"


def test_rs_request_with_english_translation_is_accepted():
    assert check_translation(rs, rs_request(translation_languages=frozenset({"en"}))) == []


def test_rs_request_translated_into_serbian_is_accepted():
    assert check_translation(rs, rs_request(translation_languages=frozenset({"sr"}))) == []


def test_rs_translation_agreement_does_not_waive_4_1():
    facts = rs_request(translation_languages=frozenset(), translation_agreement=True)
    assert_blocked(check_translation(rs, facts), "language", "Art 4.1")


def test_rs_request_translated_into_a_third_language_is_blocked():
    facts = rs_request(translation_languages=frozenset({"de"}))
    assert_blocked(check_translation(rs, facts), "language", "Art 4.1")


def test_br_request_with_english_translation_only_is_blocked_by_23_1():
    facts = request(requested_state_languages=("pt",), translation_languages=frozenset({"en"}))
    assert_blocked(check_translation(br, facts), "language", "Art 23.1")


def test_br_request_translated_into_portuguese_is_accepted():
    facts = request(requested_state_languages=("pt",), translation_languages=frozenset({"pt"}))
    assert check_translation(br, facts) == []


def test_br_translation_agreement_waives_the_portuguese_translation():
    facts = request(requested_state_languages=("pt",), translation_agreement=True)
    assert check_translation(br, facts) == []


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 9.6"), (SK, "Art 8.3")))
def test_police_agreement_request_not_in_english_is_blocked(slug, reference):
    assert_blocked(check_translation(get_rulebook(slug), request()), "language", reference)


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_agreement_request_in_english_is_accepted(slug):
    assert check_translation(get_rulebook(slug), request(request_language="en")) == []


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_agreement_other_language_accepted_by_agreement(slug):
    assert check_translation(get_rulebook(slug), request(translation_agreement=True)) == []


# === originals ==================================================================================
def posted_original(on=TODAY, channel="post"):
    return OriginalFacts("o1", dispatched_on=on, dispatch_channel=channel)


@pytest.mark.parametrize("channel", ("electronic", "fax"))
def test_rs_request_by_technical_means_without_posted_original_is_blocked_by_3_4(channel):
    violation = assert_blocked(
        check_original_with_transmission(rs, rs_request(channel=channel), TODAY), "originals",
        "Art 3.4")
    assert violation.field == "originals"


def test_rs_electronic_request_with_original_posted_on_transmission_day_is_allowed():
    facts = rs_request(channel="electronic", originals=(posted_original(),))
    assert check_original_with_transmission(rs, facts, TODAY) == []


def test_rs_electronic_request_with_original_sent_by_courier_is_blocked():
    facts = rs_request(channel="electronic", originals=(posted_original(channel="courier"),))
    assert_blocked(check_original_with_transmission(rs, facts, TODAY), "originals", "Art 3.4")


def test_rs_electronic_request_with_original_posted_only_the_next_day_is_blocked():
    facts = rs_request(channel="electronic",
                       originals=(posted_original(on=TODAY + timedelta(days=1)),))
    assert_blocked(check_original_with_transmission(rs, facts, TODAY), "originals", "Art 3.4")


@pytest.mark.parametrize("channel", ("post", "courier"))
def test_rs_request_sent_as_original_needs_no_separate_posting(channel):
    assert check_original_with_transmission(rs, rs_request(channel=channel), TODAY) == []


def test_br_electronic_request_needs_no_original_at_transmission():
    assert check_original_with_transmission(br, request(channel="electronic"), TODAY) == []


# === requested execution date (RS 6.5) ==========================================================
def test_rs_requested_execution_date_without_reason_is_blocked_by_6_5():
    facts = rs_request(requested_execution_date=date(2026, 5, 1))
    violation = assert_blocked(check_requested_execution_date(rs, facts),
                               "requested_execution_date_reasoned", "Art 6.5")
    assert violation.field == "requested_execution_reason"


def test_rs_requested_execution_date_with_reason_is_allowed():
    facts = rs_request(requested_execution_date=date(2026, 5, 1),
                       requested_execution_reason_given=True)
    assert check_requested_execution_date(rs, facts) == []


def test_rs_no_requested_execution_date_needs_no_reason():
    assert check_requested_execution_date(rs, rs_request()) == []


def test_br_requested_execution_date_needs_no_reason():
    facts = request(requested_execution_date=date(2026, 5, 1))
    assert check_requested_execution_date(br, facts) == []


# === refusal ====================================================================================
def incoming(**overrides):
    return request(direction=INCOMING, **overrides)


def refusal_consultation(held_on=TODAY, subject="refusal"):
    return (ConsultationFacts(subject, held_on),)


def test_rs_incoming_refusal_without_consultation_is_blocked_by_5_3():
    violation = assert_blocked(
        check_refusal(rs, incoming(), ground="refusal_persecution", reasons="r", today=TODAY),
        "refusal_consultation", "Art 5.3")
    assert violation.field == "consultations"


@pytest.mark.parametrize("held_on", (TODAY, TODAY - timedelta(days=1)))
def test_rs_incoming_refusal_after_consultation_held_on_or_before_today_is_allowed(held_on):
    facts = incoming(consultations=refusal_consultation(held_on))
    assert check_refusal(rs, facts, ground="refusal_persecution", reasons="r", today=TODAY) == []


def test_rs_consultation_dated_after_today_does_not_count():
    facts = incoming(consultations=refusal_consultation(TODAY + timedelta(days=1)))
    assert_blocked(check_refusal(rs, facts, ground="refusal_persecution", reasons="r", today=TODAY),
                   "refusal_consultation", "Art 5.3")


def test_rs_consultation_on_deferral_does_not_count_for_refusal():
    facts = incoming(consultations=refusal_consultation(subject="deferral"))
    assert_blocked(check_refusal(rs, facts, ground="refusal_persecution", reasons="r", today=TODAY),
                   "refusal_consultation", "Art 5.3")


def test_rs_refusal_ground_not_in_the_list_is_blocked_citing_5_4():
    facts = incoming(consultations=refusal_consultation())
    violation = assert_blocked(
        check_refusal(rs, facts, ground="refusal_political_offence", reasons="r", today=TODAY),
        "refusal_reasons", "Art 5.4")
    assert violation.field == "ground"


@pytest.mark.parametrize("reasons", ("", "   "))
def test_rs_refusal_without_reasons_is_blocked_citing_5_4(reasons):
    facts = incoming(consultations=refusal_consultation())
    violation = assert_blocked(
        check_refusal(rs, facts, ground="refusal_persecution", reasons=reasons, today=TODAY),
        "refusal_reasons", "Art 5.4")
    assert violation.field == "reasons"


def test_rs_outgoing_refusal_by_the_other_side_needs_no_consultation():
    facts = request(direction=OUTGOING)
    assert check_refusal(rs, facts, ground="refusal_persecution", reasons="r", today=TODAY) == []


def test_br_incoming_refusal_without_consultation_is_blocked_by_3_3():
    assert_blocked(
        check_refusal(br, incoming(), ground="refusal_military_offence", reasons="r", today=TODAY),
        "refusal_consultation", "Art 3.3")


def test_br_incoming_refusal_after_consultation_is_allowed():
    facts = incoming(consultations=refusal_consultation())
    assert check_refusal(br, facts, ground="refusal_military_offence", reasons="r",
                         today=TODAY) == []


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_agreements_refusal_needs_no_consultation(slug):
    book = get_rulebook(slug)
    assert check_refusal(book, incoming(), ground="refusal_sovereignty_security_interests",
                         reasons="r", today=TODAY) == []


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 9.5"), (SK, "Art 7.7")))
def test_police_agreements_refusal_needs_a_listed_ground(slug, reference):
    assert_blocked(check_refusal(get_rulebook(slug), incoming(), ground="refusal_persecution",
                                 reasons="r", today=TODAY), "refusal_reasons", reference)


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 9.5"), (SK, "Art 7.7")))
def test_police_agreements_refusal_needs_reasons(slug, reference):
    assert_blocked(check_refusal(get_rulebook(slug), incoming(),
                                 ground="refusal_contrary_to_law_or_obligations", reasons="",
                                 today=TODAY), "refusal_reasons", reference)


# === deferral ===================================================================================
def considered(kind="partial_or_conditional_considered", on=TODAY):
    return (DecisionFacts(kind, "", on),)


RS_DEFERRAL = "deferral_interferes_with_proceedings"


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_agreements_provide_no_deferral(slug):
    book = get_rulebook(slug)
    violation = the_violation(
        check_deferral(book, incoming(), ground="deferral_interferes_with_proceedings",
                       reasons="r", today=TODAY))
    assert violation.rule == "deferral_not_provided"
    assert violation.citation.instrument == slug


def test_rs_incoming_deferral_without_prior_partial_or_conditional_decision_is_blocked_by_6_3():
    violation = assert_blocked(
        check_deferral(rs, incoming(), ground=RS_DEFERRAL, reasons="r", today=TODAY),
        "deferral_after_partial_or_conditional_decision", "Art 6.3")
    assert violation.field == "decisions"


@pytest.mark.parametrize("kind", ("conditions", "partial_or_conditional_considered"))
def test_rs_incoming_deferral_after_partial_or_conditional_decision_is_allowed(kind):
    facts = incoming(decisions=considered(kind))
    assert check_deferral(rs, facts, ground=RS_DEFERRAL, reasons="r", today=TODAY) == []


def test_rs_deferral_decision_of_another_kind_does_not_count():
    facts = incoming(decisions=considered("refusal"))
    assert_blocked(check_deferral(rs, facts, ground=RS_DEFERRAL, reasons="r", today=TODAY),
                   "deferral_after_partial_or_conditional_decision", "Art 6.3")


def test_rs_partial_or_conditional_decision_dated_after_today_does_not_count():
    facts = incoming(decisions=considered(on=TODAY + timedelta(days=1)))
    assert_blocked(check_deferral(rs, facts, ground=RS_DEFERRAL, reasons="r", today=TODAY),
                   "deferral_after_partial_or_conditional_decision", "Art 6.3")


def test_rs_refusal_ground_used_as_deferral_ground_is_blocked_citing_6_4():
    facts = incoming(decisions=considered())
    violation = assert_blocked(
        check_deferral(rs, facts, ground="refusal_persecution", reasons="r", today=TODAY),
        "deferral_reasons", "Art 6.4")
    assert violation.field == "ground"


def test_rs_deferral_without_reasons_is_blocked_citing_6_4():
    facts = incoming(decisions=considered())
    assert_blocked(check_deferral(rs, facts, ground=RS_DEFERRAL, reasons=" ", today=TODAY),
                   "deferral_reasons", "Art 6.4")


def test_rs_outgoing_deferral_by_the_other_side_needs_no_prior_decision():
    assert check_deferral(rs, request(), ground=RS_DEFERRAL, reasons="r", today=TODAY) == []


def test_br_incoming_deferral_without_consultation_is_blocked_by_3_3():
    violation = assert_blocked(
        check_deferral(br, incoming(), ground="deferral_endangers_person", reasons="r",
                       today=TODAY), "deferral_consultation", "Art 3.3")
    assert violation.field == "consultations"


@pytest.mark.parametrize("subject", ("deferral", "conditions"))
def test_br_incoming_deferral_after_consultation_is_allowed(subject):
    facts = incoming(consultations=(ConsultationFacts(subject, TODAY),))
    assert check_deferral(br, facts, ground="deferral_endangers_person", reasons="r",
                          today=TODAY) == []


def test_br_consultation_on_refusal_does_not_count_for_deferral():
    facts = incoming(consultations=(ConsultationFacts("refusal", TODAY),))
    assert_blocked(check_deferral(br, facts, ground="deferral_endangers_person", reasons="r",
                                  today=TODAY), "deferral_consultation", "Art 3.3")


def test_br_deferral_consultation_dated_after_today_does_not_count():
    facts = incoming(consultations=(ConsultationFacts("deferral", TODAY + timedelta(days=1)),))
    assert_blocked(check_deferral(br, facts, ground="deferral_endangers_person", reasons="r",
                                  today=TODAY), "deferral_consultation", "Art 3.3")


def test_br_deferral_ground_not_in_the_list_is_blocked_citing_3_4():
    facts = incoming(consultations=(ConsultationFacts("deferral", TODAY),))
    assert_blocked(check_deferral(br, facts, ground="refusal_military_offence", reasons="r",
                                  today=TODAY), "deferral_reasons", "Art 3.4")


# === conditions =================================================================================
def test_sk_provides_no_conditional_execution():
    violation = the_violation(check_conditions(sk, conditions="c", accepted_on=TODAY))
    assert violation.rule == "conditions_not_provided"
    assert violation.citation.instrument == SK


def test_br_conditions_without_acceptance_are_blocked_by_3_3():
    violation = assert_blocked(check_conditions(br, conditions="c", accepted_on=None),
                               "conditions", "Art 3.3")
    assert violation.field == "accepted_by_requesting_side_on"


def test_br_conditions_accepted_by_the_requesting_side_are_allowed():
    assert check_conditions(br, conditions="c", accepted_on=TODAY) == []


def test_cz_conditions_need_no_acceptance():
    assert check_conditions(cz, conditions="c", accepted_on=None) == []


def test_rs_conditions_need_no_acceptance():
    assert check_conditions(rs, conditions="c", accepted_on=None) == []


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 9.4"), (RS, "Art 6.3"), (BR, "Art 3.3")))
def test_empty_conditions_text_is_blocked(slug, reference):
    violation = assert_blocked(check_conditions(get_rulebook(slug), conditions="  ",
                                                accepted_on=TODAY), "conditions", reference)
    assert violation.field == "conditions"


# === execution outcome ==========================================================================
@pytest.mark.parametrize("outcome", ("", "nothing"))
def test_execution_outcome_must_be_full_or_partial(outcome):
    assert rules_of(check_partial_execution(rs, incoming(), outcome=outcome, reasons="r")) == [
        "execution_outcome"]


def test_rs_incoming_partial_execution_without_reasons_is_blocked_citing_5_4():
    assert_blocked(check_partial_execution(rs, incoming(), outcome="partial", reasons=""),
                   "refusal_reasons", "Art 5.4")


def test_full_execution_needs_no_reasons():
    assert check_partial_execution(rs, incoming(), outcome="full", reasons="") == []


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


# === transitions ================================================================================
def test_rs_transmit_of_a_complete_request_passes_every_guard():
    facts = rs_request(persons=(summoned(60),),
                       filled_contents=RS_CONTENTS | {"summoned_person_allowances"})
    assert guard_transmit(rs, facts, ctx(rs)) == []


@pytest.mark.parametrize(("overrides", "rule"), (
    ({"assistance_types": ()}, "assistance_types_required"),
    ({"assistance_types": ("information_exchange",)}, "assistance_type_not_covered"),
    ({"channel": "diplomatic"}, "communication"),
    ({"filled_contents": RS_CONTENTS - {"purpose"}}, "content_purpose"),
    ({"translation_languages": frozenset()}, "language"),
    ({"persons": (summoned(59),), "filled_contents": RS_CONTENTS | {"summoned_person_allowances"}},
     "summons_lead_time"),
    ({"persons": (summoned(60),)}, "content_summoned_person_allowances"),
    ({"channel": "electronic"}, "originals"),
    ({"requested_execution_date": date(2026, 5, 1)}, "requested_execution_date_reasoned"),
))
def test_rs_transmit_reports_each_missing_piece(overrides, rule):
    assert rules_of(guard_transmit(rs, rs_request(**overrides), ctx(rs))) == [rule]


def test_rs_transmit_reports_every_missing_piece_at_once():
    facts = rs_request(channel="electronic", translation_languages=frozenset(),
                       filled_contents=RS_CONTENTS - {"legal_qualification"},
                       persons=(summoned(30),))
    assert set(rules_of(guard_transmit(rs, facts, ctx(rs)))) == {
        "content_legal_qualification", "content_summoned_person_allowances", "language",
        "summons_lead_time", "originals"}


def test_rs_transmit_blocked_while_instrument_not_in_force():
    context = GuardContext(today=TODAY, status=verdict(rs, InstrumentStatus.NOT_IN_FORCE, None))
    assert rules_of(guard_transmit(rs, rs_request(), context)) == [
        "instrument_not_in_force"]


def test_rs_transmit_orally_is_blocked():
    facts = rs_request(channel="oral", is_urgent=True)
    assert rules_of(guard_transmit_orally(rs, facts, ctx(rs))) == [
        "oral_requests_not_provided"]


def test_sk_urgent_transmit_orally_is_allowed():
    facts = request(channel="oral", is_urgent=True, assistance_types=("information_exchange",))
    assert guard_transmit_orally(sk, facts, ctx(sk)) == []


def test_refuse_transition_reads_ground_and_reasons_from_params():
    context = ctx(rs, ground="refusal_persecution", reasons="r")
    facts = incoming(consultations=refusal_consultation())
    assert guard_refuse(rs, facts, context) == []
    assert rules_of(guard_refuse(rs, facts, ctx(rs))) == [
        "refusal_reasons", "refusal_reasons"]


def test_br_set_conditions_transition_reads_acceptance_from_params():
    facts = incoming()
    assert guard_set_conditions(br, facts,
                               ctx(br, conditions="c", accepted_on=TODAY)) == []
    assert rules_of(guard_set_conditions(br, facts, ctx(br, conditions="c"))) == [
        "conditions"]


def test_close_transition_checks_items_outstanding():
    assert rules_of(guard_close(br, incoming(items_outstanding=1), ctx(br))) == [
        "return_of_items"]


def test_registration_of_incoming_request_checks_status_channel_and_types():
    facts = incoming(channel="oral", assistance_types=("testimony",))
    assert rules_of(check_registration(cz, facts, verdict(cz, InstrumentStatus.SUSPENDED, TODAY))) == [
        "instrument_suspended", "oral_requests", "excludes_legal_assistance"]


def test_violation_as_dict_carries_instrument_and_article():
    violation = the_violation(check_requested_execution_date(
        rs, rs_request(requested_execution_date=date(2026, 5, 1))))
    data = violation.as_dict()
    assert data["rule"] == "requested_execution_date_reasoned"
    assert data["instrument"] == RS
    assert data["article"] == "Art 6.5"
    assert data["citation"] == "kz-rs-2015 Art 6.5"
    assert data["field"] == "requested_execution_reason"
    assert data["message"]
