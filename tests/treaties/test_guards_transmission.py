"""Guards (treaties.rules.guards) on what an outgoing request must carry when it is transmitted:
summons lead times at their boundaries (59/60/61 days, 89/90/91), mandatory contents,
translation, originals, a reasoned requested execution date. Each violation is checked for its
rule code and the article it cites."""

from datetime import date
from datetime import timedelta

import pytest

from tests.treaties._guards import BR_CONTENTS
from tests.treaties._guards import CZ
from tests.treaties._guards import RS_CONTENTS
from tests.treaties._guards import SK
from tests.treaties._guards import TODAY
from tests.treaties._guards import assert_blocked
from tests.treaties._guards import br
from tests.treaties._guards import cz
from tests.treaties._guards import request
from tests.treaties._guards import rs
from tests.treaties._guards import rs_request
from tests.treaties._guards import rules_of
from tests.treaties._guards import sk
from tests.treaties._guards import summoned
from treaties.rulebook import get_rulebook
from treaties.rules.facts import OriginalFacts
from treaties.rules.facts import PersonFacts
from treaties.rules.guards import check_contents
from treaties.rules.guards import check_original_with_transmission
from treaties.rules.guards import check_requested_execution_date
from treaties.rules.guards import check_summons_lead_time
from treaties.rules.guards import check_translation


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
