"""Integrity of every rulebook the registry knows: plain data checked against the catalogue, the
content-field registry and the treaty digest (/work/shared/docs/treaty-rules.md). The integrity
tests iterate the registry, so a new instrument is checked without editing this file; the tests
about one instrument's article name it."""

from dataclasses import fields
from datetime import date

import pytest

from requests_app.content_fields import CONTENT_FIELDS
from treaties.rulebook import all_rulebooks
from treaties.rulebook import get_rulebook
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import OriginalsMode
from treaties.rulebook.schema import Rule

CZ, SK, RS, BR = "kz-cz-2017", "kz-sk-2007", "kz-rs-2015", "kz-br-2018"
SLUGS = tuple(all_rulebooks())

# Letters of the Kazakh Cyrillic alphabet that Russian does not use.
KAZAKH_LETTERS = frozenset("ӘҒҚҢӨҰҮҺІәғқңөұүһі")


def _citations(rule: Rule):
    yield rule.citation
    for f in fields(rule):
        value = getattr(rule, f.name)
        if isinstance(value, Citation) and f.name != "citation":
            yield value


def _content_rules(book):
    return book.mandatory_contents + book.optional_contents


# --- registry ------------------------------------------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_get_rulebook_returns_the_book_with_that_slug(slug):
    assert get_rulebook(slug).slug == slug


def test_get_rulebook_of_an_unknown_slug_raises_lookup_error():
    with pytest.raises(LookupError):
        get_rulebook("kz-xx-1999")


@pytest.mark.parametrize("slug", SLUGS)
def test_rulebook_parties_are_kazakhstan_first(slug):
    assert get_rulebook(slug).party_codes[0] == "KZ"


# --- codes, citations, summaries -----------------------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_rule_codes_are_unique_within_a_rulebook(slug):
    codes = [rule.code for rule in get_rulebook(slug).rules()]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    assert duplicates == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_citation_names_its_own_instrument(slug):
    wrong = [(rule.code, str(citation)) for rule in get_rulebook(slug).rules()
             for citation in _citations(rule) if citation.instrument != slug]
    assert wrong == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_citation_names_an_article(slug):
    # A book whose text is not in the project cites the instrument only in its placeholders.
    book = get_rulebook(slug)
    missing = [rule.code for rule in book.rules()
               for citation in _citations(rule) if not citation.article and book.rules_encoded]
    assert missing == []


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("language", ("en", "ru", "kk"))
def test_every_summary_is_written_in_each_working_language(slug, language):
    empty = [rule.code for rule in get_rulebook(slug).rules()
             if not getattr(rule.summary, language).strip()]
    assert empty == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_kazakh_summary_contains_a_kazakh_specific_letter(slug):
    not_kazakh = [rule.code for rule in get_rulebook(slug).rules()
                  if not KAZAKH_LETTERS & set(rule.summary.kk)]
    assert not_kazakh == []


@pytest.mark.parametrize("slug", SLUGS)
def test_titles_are_written_in_each_working_language(slug):
    book = get_rulebook(slug)
    for title in (book.title, book.short_title):
        assert title.en.strip() and title.ru.strip() and title.kk.strip()
        assert KAZAKH_LETTERS & set(title.kk)


# --- contents and assistance types ---------------------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_every_content_rule_points_to_a_known_content_field(slug):
    unknown = [(rule.code, rule.field) for rule in _content_rules(get_rulebook(slug))
               if rule.field not in CONTENT_FIELDS]
    assert unknown == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_assistance_type_is_in_the_catalogue(slug):
    unknown = [rule.code for rule in get_rulebook(slug).assistance_types
               if rule.code not in ASSISTANCE_TYPES]
    assert unknown == []


@pytest.mark.parametrize("slug", SLUGS)
def test_every_rulebook_lists_at_least_one_assistance_type(slug):
    assert get_rulebook(slug).assistance_types


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_cooperation_agreements_list_no_legal_assistance_type(slug):
    legal = [rule.code for rule in get_rulebook(slug).assistance_types
             if ASSISTANCE_TYPES[rule.code].legal_assistance]
    assert legal == []


@pytest.mark.parametrize("slug", (RS, BR))
def test_mla_treaties_list_only_legal_assistance_types(slug):
    police = [rule.code for rule in get_rulebook(slug).assistance_types
              if not ASSISTANCE_TYPES[rule.code].legal_assistance]
    assert police == []


def test_only_cz_excludes_legal_assistance_citing_art_1_2():
    assert get_rulebook(CZ).excludes_legal_assistance.citation.reference == "Art 1.2"
    for slug in (SK, RS, BR):
        assert get_rulebook(slug).excludes_legal_assistance is None


# --- grounds -------------------------------------------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_refusal_ground_codes_start_with_refusal(slug):
    book = get_rulebook(slug)
    assert book.refusal_grounds or not book.rules_encoded
    assert all(g.code.startswith("refusal_") for g in book.refusal_grounds)


@pytest.mark.parametrize("slug", SLUGS)
def test_deferral_ground_codes_start_with_deferral(slug):
    assert all(g.code.startswith("deferral_") for g in get_rulebook(slug).deferral_grounds)


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_cooperation_agreements_provide_no_deferral(slug):
    book = get_rulebook(slug)
    assert book.deferral_grounds == ()
    assert book.provides_deferral is False


@pytest.mark.parametrize("slug", (RS, BR))
def test_mla_treaties_provide_deferral(slug):
    assert get_rulebook(slug).provides_deferral is True


# --- oral requests -------------------------------------------------------------------------------
@pytest.mark.parametrize(("slug", "provided"), ((CZ, True), (SK, True), (RS, False), (BR, False)))
def test_only_cz_and_sk_provide_oral_requests(slug, provided):
    assert get_rulebook(slug).provides_oral_requests is provided


def test_sk_oral_request_must_be_confirmed_within_24_hours():
    assert get_rulebook(SK).oral_requests.confirmation_hours == 24


def test_cz_oral_request_confirmation_has_no_figure_in_the_text():
    assert get_rulebook(CZ).oral_requests.confirmation_hours is None


@pytest.mark.parametrize("slug", (CZ, SK))
def test_oral_requests_are_for_urgent_cases_only(slug):
    assert get_rulebook(slug).oral_requests.urgent_only is True


# --- summons lead time, originals ----------------------------------------------------------------
def test_rs_summons_lead_time_is_60_days_shorter_by_agreement_when_urgent():
    rule = get_rulebook(RS).summons_lead_time
    assert rule.days == 60
    assert rule.shorter_term_by_agreement_when_urgent is True


def test_br_summons_lead_time_is_90_days_without_shorter_term():
    rule = get_rulebook(BR).summons_lead_time
    assert rule.days == 90
    assert rule.shorter_term_by_agreement_when_urgent is False


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_cooperation_agreements_have_no_summons_lead_time(slug):
    assert get_rulebook(slug).summons_lead_time is None


def test_rs_original_goes_by_post_simultaneously():
    assert get_rulebook(RS).originals.mode == OriginalsMode.SIMULTANEOUS_POST


def test_br_original_is_provided_within_30_days_of_being_asked_for():
    rule = get_rulebook(BR).originals
    assert rule.mode == OriginalsMode.ON_REQUEST_WITHIN_DAYS
    assert rule.days == 30


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_cooperation_agreements_have_no_originals_rule(slug):
    assert get_rulebook(slug).originals is None


# --- life of the instrument ----------------------------------------------------------------------
def test_rs_termination_takes_180_days():
    term = get_rulebook(RS).termination
    assert (term.days, term.months) == (180, None)


@pytest.mark.parametrize("slug", (CZ, SK, BR))
def test_termination_takes_6_calendar_months(slug):
    term = get_rulebook(slug).termination
    assert (term.days, term.months) == (None, 6)


def test_cz_suspension_takes_effect_after_15_days():
    term = get_rulebook(CZ).suspension
    assert (term.days, term.months) == (15, None)


@pytest.mark.parametrize("slug", (SK, RS, BR))
def test_only_cz_has_a_suspension_clause(slug):
    assert get_rulebook(slug).suspension is None


@pytest.mark.parametrize(("slug", "reference"), ((RS, "Art 22.5"), (BR, "Art 30.4")))
def test_mla_treaties_keep_pending_requests_alive_after_termination(slug, reference):
    assert get_rulebook(slug).pending_requests_continue.citation.reference == reference


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_cooperation_agreements_have_no_pending_requests_clause(slug):
    assert get_rulebook(slug).pending_requests_continue is None


def test_cz_entry_into_force_date_is_the_one_stated_in_the_text():
    assert get_rulebook(CZ).entry_into_force_date == date(2018, 9, 1)


@pytest.mark.parametrize("slug", (SK, RS, BR))
def test_entry_into_force_date_not_in_the_text_is_left_to_configuration(slug):
    assert get_rulebook(slug).entry_into_force_date is None


# --- citations of the key rules ------------------------------------------------------------------
KEY_CITATIONS = [
    (RS, "refusal_consultation", "Art 5.3"),
    (RS, "refusal_reasons", "Art 5.4"),
    (RS, "deferral_after_partial_or_conditional_decision", "Art 6.3"),
    (RS, "conditions", "Art 6.3"),
    (RS, "deferral_reasons", "Art 6.4"),
    (RS, "requested_execution_date_reasoned", "Art 6.5"),
    (RS, "summons_lead_time", "Art 8.3"),
    (RS, "originals", "Art 3.4"),
    (RS, "language", "Art 4.1"),
    (RS, "detainee_transfer", "Art 11.1"),
    (RS, "return_of_items", "Art 15"),
    (RS, "pending_requests_continue", "Art 22.5"),
    (RS, "entry_into_force", "Art 22.2"),
    (RS, "termination", "Art 22.4"),
    (BR, "conditions", "Art 3.3"),
    (BR, "refusal_discretion_coercive_measures", "Art 1.4"),
    (BR, "english_between_central_authorities", "Art 23.2"),
    (RS, "answer_language", "Art 4.2"),
    (RS, "proof_of_service", "Art 8.2"),
    (RS, "urgent_locating_via_interpol", "Art 10.3"),
    (RS, "conditions_occasions", "Art 6.3"),
    (BR, "refusal_reasons", "Art 3.4"),
    (BR, "deferral_reasons", "Art 3.4"),
    (BR, "summons_lead_time", "Art 6.2"),
    (BR, "originals", "Art 22.1"),
    (BR, "language", "Art 23.1"),
    # The digest says "9.2"; the return-by-release-date duty is sub-paragraph b) of 9.2.
    (BR, "detainee_transfer", "Art 9.2(b)"),
    (BR, "return_of_items", "Art 14"),
    (BR, "pending_requests_continue", "Art 30.4"),
    (BR, "asset_sharing_term", "Art 18.2"),
    (BR, "entry_into_force", "Art 30.1"),
    (BR, "termination", "Art 30.2"),
    (CZ, "excludes_legal_assistance", "Art 1.2"),
    (CZ, "oral_requests", "Art 9.1"),
    (CZ, "conditions", "Art 9.4"),
    (CZ, "refusal_reasons", "Art 9.5"),
    (CZ, "language", "Art 9.6"),
    (CZ, "suspension", "Art 17"),
    (CZ, "entry_into_force", "Art 18.1"),
    (CZ, "termination", "Art 18.2"),
    (SK, "oral_requests", "Art 7.4"),
    (SK, "refusal_reasons", "Art 7.7"),
    (SK, "language", "Art 8.3"),
    (SK, "entry_into_force", "Art 12.1"),
    (SK, "termination", "Art 12.2"),
]


@pytest.mark.parametrize(("slug", "code", "reference"), KEY_CITATIONS)
def test_key_rule_cites_the_article_the_treaty_puts_it_in(slug, code, reference):
    assert get_rulebook(slug).rule(code).citation.reference == reference


@pytest.mark.parametrize("slug", (RS, BR))
def test_refusal_grounds_of_mla_treaties_cite_their_articles(slug):
    book = get_rulebook(slug)
    articles = {g.citation.article for g in book.refusal_grounds}
    assert articles <= ({"5", "11", "12"} if slug == RS else {"1", "3", "9"})


def test_br_makes_consultation_no_treaty_precondition_of_refusal_or_deferral():
    # BR 3.3: the requested side *may* consider assisting on conditions; the consultation serves
    # that consideration. What the office keeps stricter is office policy, never cited as 3.3.
    br = get_rulebook(BR)
    assert br.refusal_consultation is None
    assert br.deferral_consultation is None


@pytest.mark.parametrize(("slug", "reference"), ((RS, "Art 5"), (BR, "Art 3.1"), (CZ, "Art 9.4"),
                                                 (SK, "Art 7.6")))
def test_refusal_grounds_are_listed_in_the_article_cited_for_a_ground_off_the_list(slug,
                                                                                    reference):
    assert get_rulebook(slug).refusal_grounds_reference().reference == reference


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 9.4"), (SK, "Art 7.6")))
def test_refusal_grounds_of_police_agreements_cite_one_article(slug, reference):
    assert {g.citation.reference for g in get_rulebook(slug).refusal_grounds} == {reference}


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 11.2"), (SK, "Art 6.2")))
def test_onward_transfer_of_personal_data_cites_the_consent_article(slug, reference):
    assert get_rulebook(slug).personal_data.onward_transfer_consent.reference == reference


@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 10.5"), (SK, "Art 5.6")))
def test_personal_data_deletion_term_cites_its_article(slug, reference):
    assert get_rulebook(slug).personal_data.deletion_term.reference == reference


@pytest.mark.parametrize("slug", (RS, BR))
def test_mla_treaties_carry_no_personal_data_rule(slug):
    assert get_rulebook(slug).personal_data is None


def test_rule_lookup_of_an_unknown_code_raises_key_error():
    with pytest.raises(KeyError):
        get_rulebook(RS).rule("no_such_rule")


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Art 3.2(c)"), ("ru", "ст. 3.2(c)"), ("kk", "3.2(c)-бап")])
def test_citation_reads_as_an_official_letter_writes_it_in_each_language(language, expected):
    from django.utils import translation

    from treaties.rulebook.schema import cite

    with translation.override(language):
        assert cite("kz-rs-2015", "3.2.c").localized_reference == expected
