"""The search box (``selectors.search``) through the inbox selector both the web inbox and the API
list use: each kind of field, words as prefixes, access, and the input it refuses. Runs on SQLite
(icontains fallback) and on PostgreSQL (full-text search) alike."""

import pytest

from requests_app import clock
from requests_app.exceptions import InvalidInput
from requests_app.models import PersonRole
from requests_app.models import RequestPerson
from requests_app.selectors.requests import ALL
from requests_app.selectors.requests import InboxFilters
from requests_app.selectors.requests import inbox_requests
from requests_app.selectors.search import SEARCH_MAX_LENGTH
from requests_app.selectors.search import clean_search_term
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor
from treaties.models import Authority
from treaties.models import AuthorityKind

pytestmark = pytest.mark.django_db


def _found(user, term: str) -> set[int]:
    filters = InboxFilters(stage=ALL, q=clean_search_term(term))
    return set(inbox_requests(user=user, filters=filters, now=clock.now())
               .values_list("pk", flat=True))


@pytest.fixture
def boss():
    return supervisor()


@pytest.fixture
def other():
    """A request that no term of these tests should find."""
    return AssistanceRequestFactory(offence_description="Tax evasion",
                                    legal_qualification="Art. 245 CC")


def _person(request, name: str) -> RequestPerson:
    return RequestPerson.objects.create(request=request, role=PersonRole.TO_HEAR, full_name=name)


# --- identifiers: the term anywhere in them ---------------------------------------------------
def test_search_finds_our_reference_by_any_part_of_it(boss, other):
    request = AssistanceRequestFactory(reference="OUT-2026-004217")
    assert _found(boss, "004217") == {request.pk}


def test_search_finds_their_reference_whatever_the_case(boss, other):
    request = AssistanceRequestFactory(their_reference="PPZ-2026-0042")
    assert _found(boss, "ppz-2026-0042") == {request.pk}


def test_search_finds_the_criminal_case_number(boss, other):
    request = AssistanceRequestFactory(case_number="2026-0001")
    AssistanceRequestFactory(case_number="2026-0002")
    assert _found(boss, "2026-0001") == {request.pk}


# --- persons ---------------------------------------------------------------------------------
def test_search_finds_a_person_by_full_name(boss, other):
    request = AssistanceRequestFactory()
    _person(request, "Petar Petrović")
    assert _found(boss, "Petar Petrović") == {request.pk}


def test_search_matches_the_beginning_of_a_name(boss, other):
    request = AssistanceRequestFactory()
    _person(request, "Ivan Ivanovich Sidorov")
    assert _found(boss, "Sidor") == {request.pk}


def test_search_finds_a_cyrillic_name(boss, other):
    request = AssistanceRequestFactory()
    _person(request, "Әлихан Нұрланұлы Сейітов")
    assert _found(boss, "Сейітов") == {request.pk}


def test_a_request_with_several_matching_persons_is_found_once(boss, other):
    request = AssistanceRequestFactory()
    _person(request, "Anna Novak")
    _person(request, "Boris Novak")
    filters = InboxFilters(stage=ALL, q="Novak")
    assert list(inbox_requests(user=boss, filters=filters, now=clock.now())
                .values_list("pk", flat=True)) == [request.pk]


def test_every_word_must_occur_in_the_same_person(boss, other):
    request = AssistanceRequestFactory()
    _person(request, "Anna Novak")
    _person(request, "Boris Kovac")
    assert _found(boss, "Anna Novak") == {request.pk}
    assert _found(boss, "Anna Kovac") == set()


# --- offence text ------------------------------------------------------------------------------
def test_search_finds_words_of_the_offence_description(boss, other):
    request = AssistanceRequestFactory(offence_description="Smuggling of cigarettes across "
                                                           "the border")
    assert _found(boss, "cigarettes smuggling") == {request.pk}


def test_search_finds_the_legal_qualification(boss, other):
    request = AssistanceRequestFactory(legal_qualification="Article 190 of the Criminal Code "
                                                           "(fraud)")
    assert _found(boss, "fraud") == {request.pk}


# --- authorities: requesting, requested, executing, in each of their three names --------------
@pytest.fixture
def executing():
    return Authority.objects.create(
        state=authority("kz-gpo").state, kind=AuthorityKind.COMPETENT, code="kz-test-turkistan",
        name_en="Turkistan Regional Prosecutor's Office",
        name_ru="Прокуратура Туркестанской области",
        name_kk="Түркістан облысының прокуратурасы")


@pytest.mark.parametrize("term", ["Turkistan", "Туркестанской", "Түркістан"])
def test_search_finds_the_executing_authority_in_each_language(boss, other, executing, term):
    request = incoming_request("kz-rs-2015", executing_authority=executing)
    assert _found(boss, term) == {request.pk}


def test_search_finds_the_requested_authority_by_its_name(boss):
    serbian = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    brazilian = AssistanceRequestFactory(instrument_slug="kz-br-2018")
    Authority.objects.filter(pk=serbian.requested_authority_id).update(
        name_en="Ministry of Justice of Serbia (test)")
    assert _found(boss, "Serbia") == {serbian.pk}
    assert brazilian.pk not in _found(boss, "Serbia")


def test_search_finds_the_requesting_authority_by_its_russian_name(boss):
    incoming = incoming_request("kz-br-2018")
    AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    Authority.objects.filter(pk=incoming.requesting_authority_id).update(
        name_ru="Министерство юстиции Бразилии")
    assert _found(boss, "Бразилии") == {incoming.pk}


# --- access ------------------------------------------------------------------------------------
def test_search_never_finds_a_request_the_user_may_not_see():
    hidden = AssistanceRequestFactory(case_number="2026-0777", their_reference="SECRET-1")
    _person(hidden, "Hidden Person")
    outsider = prosecutor("kz-prosecutor-astana")
    for term in ("2026-0777", "SECRET-1", "Hidden", hidden.reference):
        assert _found(outsider, term) == set()


def test_the_owning_office_finds_the_same_request():
    request = AssistanceRequestFactory(case_number="2026-0777")
    assert _found(prosecutor("kz-gpo"), "2026-0777") == {request.pk}


# --- the term ----------------------------------------------------------------------------------
def test_punctuation_alone_finds_only_identifiers_holding_it(boss, other):
    request = AssistanceRequestFactory(their_reference="A/B")
    assert _found(boss, "/") == {request.pk}


def test_search_syntax_characters_are_plain_text(boss, other):
    request = AssistanceRequestFactory(offence_description="Fraud")
    assert _found(boss, "fraud & ! | :* (") == {request.pk}


def test_an_empty_term_finds_everything(boss, other):
    request = AssistanceRequestFactory()
    assert _found(boss, "   ") == {request.pk, other.pk}


def test_a_term_with_a_nul_character_is_refused_naming_q():
    with pytest.raises(InvalidInput) as refused:
        clean_search_term("a\x00b")
    assert "q" in refused.value.errors


def test_a_term_at_the_length_limit_is_accepted_and_one_more_is_refused():
    assert clean_search_term("x" * SEARCH_MAX_LENGTH) == "x" * SEARCH_MAX_LENGTH
    with pytest.raises(InvalidInput) as refused:
        clean_search_term("x" * (SEARCH_MAX_LENGTH + 1))
    assert "q" in refused.value.errors
