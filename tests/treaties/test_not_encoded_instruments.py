"""The instruments known by their parties and dates whose text is not in the project (CIS Minsk
1993, Chisinau 2002, reciprocity under the Code of Criminal Procedure): their rulebooks say so in
the three working languages, cite what the project has (Minsk Art 5 and 6, Chisinau Art 7.1) and
nothing else, and every party date comes with its source. Pure: no database."""

import pytest

from treaties.rulebook import all_rulebooks
from treaties.rulebook import get_rulebook
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.home import HOME_STATE
from treaties.rulebook.schema import InstrumentKind

MINSK, CHISINAU, RECIPROCITY = "cis-minsk-1993", "cis-chisinau-2002", "kz-reciprocity"
NOT_ENCODED = (MINSK, CHISINAU, RECIPROCITY)
KAZAKH_LETTERS = frozenset("ӘҒҚҢӨҰҮҺІәғқңөұүһі")


@pytest.mark.parametrize("slug", NOT_ENCODED)
def test_the_rules_are_not_encoded_and_a_note_says_so_in_three_languages(slug):
    book = get_rulebook(slug)
    assert book.rules_encoded is False
    note = book.not_encoded_note
    assert note is not None
    assert note.en.strip() and note.ru.strip() and note.kk.strip()
    assert KAZAKH_LETTERS & set(note.kk)


@pytest.mark.parametrize("slug", NOT_ENCODED)
def test_a_rule_cites_an_article_only_where_the_project_has_it(slug):
    cited = {rule.citation.reference for rule in get_rulebook(slug).rules()
             if rule.citation.cites_an_article}
    allowed = {MINSK: {"Art 5", "Art 6"},
               CHISINAU: {f"Art 7.1({letter})" for letter in "абвгдеж"},
               # The repealed Code of 1997, shown as the historical statement of the basis.
               RECIPROCITY: {"Art 521.1"}}[slug]
    assert cited <= allowed


def test_minsk_communication_cites_art_5():
    rule = get_rulebook(MINSK).communication
    assert rule.citation.reference == "Art 5"
    assert rule.citation.instrument == MINSK


def test_minsk_assistance_types_and_scope_cite_art_6():
    book = get_rulebook(MINSK)
    assert book.scope.citation.reference == "Art 6"
    cited = {rule.code for rule in book.assistance_types if rule.citation.cites_an_article}
    # Art 6 lists the types "including" these: the list is open.
    assert cited == {"documents_and_evidence", "examination_of_objects", "search_and_seizure",
                     "other_legal_assistance"}
    assert {book.assistance_type(code).citation.reference for code in cited} == {"Art 6"}


def test_minsk_refuses_no_channel_citing_art_5():
    # Art 5 names the bodies, not the means of transmission.
    assert not get_rulebook(MINSK).communication.channel_citation.cites_an_article


@pytest.mark.parametrize("slug", NOT_ENCODED)
def test_no_type_of_assistance_is_ruled_out_on_a_text_not_in_the_project(slug):
    book = get_rulebook(slug)
    assert book.assistance_type_codes == frozenset(ASSISTANCE_TYPES)
    assert len(book.assistance_types) == len(ASSISTANCE_TYPES)


def test_chisinau_contents_cite_the_letters_of_art_7_1():
    book = get_rulebook(CHISINAU)
    assert book.mandatory_contents
    for rule in book.mandatory_contents + book.optional_contents:
        citation = rule.citation
        assert (citation.article, citation.paragraph) == ("7", "1")
        assert citation.subparagraph in "абвгдеж"  # Cyrillic, as the text letters them
    assert {r.field: r.citation.subparagraph for r in book.mandatory_contents} == {
        "requesting_authority": "б", "persons": "г", "confidentiality_requirements": "е",
        "assistance_description": "ж"}


def test_chisinau_is_tried_before_minsk_and_both_before_reciprocity():
    ranks = {slug: get_rulebook(slug).precedence_rank for slug in NOT_ENCODED}
    assert ranks[CHISINAU] < ranks[MINSK] < ranks[RECIPROCITY]
    for slug in (MINSK, CHISINAU):
        precedence = get_rulebook(slug).precedence
        assert precedence.rank_office_policy is not None
        assert not precedence.citation.cites_an_article


def test_reciprocity_ranks_after_every_other_rulebook():
    reciprocity = get_rulebook(RECIPROCITY).precedence_rank
    assert all(book.precedence_rank < reciprocity
               for slug, book in all_rulebooks().items() if slug != RECIPROCITY)


def test_reciprocity_is_national_law_listing_kazakhstan_only():
    book = get_rulebook(RECIPROCITY)
    assert book.kind == InstrumentKind.NATIONAL_LAW
    assert book.party_codes == (HOME_STATE,)


@pytest.mark.parametrize("slug", (MINSK, CHISINAU))
def test_the_cis_conventions_are_legal_assistance_conventions_with_kazakhstan_first(slug):
    book = get_rulebook(slug)
    assert book.kind == InstrumentKind.LEGAL_ASSISTANCE_CONVENTION
    assert book.party_codes[0] == HOME_STATE
    assert book.offence_scope is None


@pytest.mark.parametrize("slug", NOT_ENCODED)
def test_every_party_with_a_date_has_a_source(slug):
    for party in get_rulebook(slug).parties:
        if party.entered_into_force_on or party.withdrawal_notice_received_on:
            assert party.source is not None and party.source.title and party.source.url


@pytest.mark.parametrize("slug", (MINSK, CHISINAU))
def test_every_foreign_party_has_a_source_and_its_central_authority(slug):
    for party in get_rulebook(slug).parties[1:]:
        assert party.source is not None and party.source.url and party.source.accessed
        assert party.designated_codes == (f"{party.code.lower()}-central-authority",)
