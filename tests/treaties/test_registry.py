"""The registry discovers the rulebook modules, and lets a test make an instrument of its own
known for the duration of a block. The states and authorities the rulebooks' parties declare
are consistent across rulebooks: every integrity check here iterates the registry."""

import importlib
import pkgutil
import re

import pytest

import treaties.rulebook
from treaties.models import Instrument
from treaties.rulebook.home import HOME_AUTHORITIES
from treaties.rulebook.home import HOME_STATE
from treaties.rulebook.parties import Declaration
from treaties.rulebook.registry import all_authorities
from treaties.rulebook.registry import all_rulebooks
from treaties.rulebook.registry import all_states
from treaties.rulebook.registry import get_rulebook
from treaties.rulebook.registry import rulebook_registered
from treaties.rulebook.schema import AuthorityKind
from treaties.rulebook.schema import InstrumentKind
from treaties.services import entry_into_force_default

from ._convention import RULEBOOK as CONVENTION

SLUGS = tuple(all_rulebooks())
BOOKS = tuple(all_rulebooks().values())


def _modules_defining_a_rulebook() -> set[str]:
    found = set()
    for info in pkgutil.iter_modules(treaties.rulebook.__path__):
        module = importlib.import_module(f"treaties.rulebook.{info.name}")
        if hasattr(module, "RULEBOOK"):
            found.add(module.RULEBOOK.slug)
    return found


# --- discovery -----------------------------------------------------------------------------------
def test_every_module_defining_a_rulebook_is_discovered_and_nothing_else():
    assert set(all_rulebooks()) == _modules_defining_a_rulebook()


@pytest.mark.parametrize("name", ["schema", "parties", "catalogue", "home", "registry"])
def test_vocabulary_modules_define_no_rulebook(name):
    assert not hasattr(importlib.import_module(f"treaties.rulebook.{name}"), "RULEBOOK")


def test_discovery_is_cached():
    assert all_rulebooks() is all_rulebooks()


# --- registering a rulebook for a test -----------------------------------------------------------
def test_a_registered_rulebook_is_known_inside_the_block_only():
    with rulebook_registered(CONVENTION) as book:
        assert get_rulebook(CONVENTION.slug) is book
        assert list(all_rulebooks())[-1] == CONVENTION.slug
    assert CONVENTION.slug not in all_rulebooks()
    with pytest.raises(LookupError):
        get_rulebook(CONVENTION.slug)


def test_a_registered_rulebook_is_forgotten_even_when_the_block_fails():
    with pytest.raises(RuntimeError), rulebook_registered(CONVENTION):
        raise RuntimeError("the test failed")
    assert CONVENTION.slug not in all_rulebooks()


def test_the_states_and_authorities_caches_follow_the_registration():
    before = dict(all_states())
    with rulebook_registered(CONVENTION):
        assert all_states() == before  # its parties are states the registry already knew
        assert set(all_rulebooks()) == {*SLUGS, CONVENTION.slug}
    assert all_states() == before


def test_registering_a_slug_already_known_is_refused():
    with pytest.raises(ValueError, match="already known"):
        with rulebook_registered(get_rulebook(SLUGS[0])):
            pass  # pragma: no cover
    assert set(all_rulebooks()) == set(SLUGS)


# --- parties -------------------------------------------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_party_codes_are_unique_within_a_rulebook(slug):
    codes = get_rulebook(slug).party_codes
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("slug", SLUGS)
def test_every_rulebook_binds_kazakhstan_and_at_least_one_other_state(slug):
    # National law (reciprocity) lists Kazakhstan only: it binds it with any state.
    book = get_rulebook(slug)
    codes = book.party_codes
    assert codes[0] == HOME_STATE and (len(codes) >= 2 or book.kind == InstrumentKind.NATIONAL_LAW)


@pytest.mark.parametrize("slug", [s for s in SLUGS if get_rulebook(s).kind in (
    InstrumentKind.MLA_TREATY, InstrumentKind.POLICE_COOPERATION)])
def test_treaties_and_agreements_are_bilateral(slug):
    assert len(get_rulebook(slug).parties) == 2


def test_every_state_is_declared_the_same_way_wherever_it_is_declared():
    states = all_states()  # raises on a conflicting declaration
    assert list(states)[0] == HOME_STATE
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in states)
    assert all(info.name.en and info.name.ru and info.name.kk for info in states.values())


def test_official_languages_are_iso_639_1_codes():
    for info in all_states().values():
        assert info.official_languages
        assert all(re.fullmatch(r"[a-z]{2}", code) for code in info.official_languages)


def test_every_authority_code_is_declared_once_the_same_way():
    authorities = all_authorities()  # raises on a conflicting declaration
    assert list(authorities)[:len(HOME_AUTHORITIES)] == [a.code for a in HOME_AUTHORITIES]
    assert all(re.fullmatch(r"[a-z0-9-]+", code) for code in authorities)
    for declared in authorities.values():
        assert declared.info.name.en and declared.info.name.ru and declared.info.name.kk


@pytest.mark.parametrize("slug", SLUGS)
def test_designated_authorities_exist_and_belong_to_the_party_designating_them(slug):
    authorities = all_authorities()
    for party in get_rulebook(slug).parties:
        assert party.designated_codes, f"{party.code} designates no authority"
        wrong = [code for code in party.designated_codes
                 if code not in authorities or authorities[code].state != party.code]
        assert wrong == []


@pytest.mark.parametrize("slug", SLUGS)
def test_only_kazakh_offices_forward_and_none_is_designated(slug):
    authorities = all_authorities()
    for party in get_rulebook(slug).parties:
        forwarding = [code for code in party.designated_codes
                      if authorities[code].info.kind == AuthorityKind.FORWARDING]
        assert forwarding == []


@pytest.mark.parametrize("slug", SLUGS)
def test_a_central_authority_is_one_of_the_partys_designated_authorities(slug):
    for party in get_rulebook(slug).parties:
        if party.central_authority is not None:
            assert party.central_authority.authority in party.designated_codes


@pytest.mark.parametrize("slug", SLUGS)
def test_every_party_declaration_cites_its_own_instrument_or_is_office_policy(slug):
    book = get_rulebook(slug)
    for party in book.parties:
        made = [d for value in party.declarations().values()
                for d in (value if isinstance(value, tuple) else (value,))]
        assert all(isinstance(d, Declaration) for d in made)
        wrong = [d for d in made if d.citation is not None and d.citation.instrument != slug]
        assert wrong == []
        assert party.designation is None or party.designation.instrument == slug


@pytest.mark.parametrize("slug", SLUGS)
def test_accepted_languages_are_iso_639_1_codes(slug):
    for party in get_rulebook(slug).parties:
        if party.accepted_languages is not None:
            assert all(re.fullmatch(r"[a-z]{2}", code)
                       for code in party.accepted_languages.languages)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_instrument_kind_is_one_the_database_knows(slug):
    kinds = {value for value, _label in Instrument._meta.get_field("kind").choices}
    assert get_rulebook(slug).kind.value in kinds


@pytest.mark.parametrize("slug", SLUGS)
def test_an_instrument_is_never_displaced_by_its_own_kind(slug):
    book = get_rulebook(slug)
    assert book.kind not in book.displaced_by


# --- entry into force where the text states none -------------------------------------------------
def test_the_text_date_wins_over_any_setting(settings):
    cz = get_rulebook("kz-cz-2017")
    settings.MLA_ENTRY_INTO_FORCE_DEFAULTS = {"kz-cz-2017": "2030-01-01"}
    assert entry_into_force_default(cz) == cz.entry_into_force_date


def test_without_a_setting_the_office_date_of_the_rulebook_applies(settings):
    settings.MLA_ENTRY_INTO_FORCE_DEFAULTS = {}
    rs = get_rulebook("kz-rs-2015")
    assert rs.entry_into_force_date is None and rs.entry_into_force_office_date is not None
    assert entry_into_force_default(rs) == rs.entry_into_force_office_date


def test_the_setting_overrides_the_office_date_of_the_rulebook(settings):
    settings.MLA_ENTRY_INTO_FORCE_DEFAULTS = {"kz-rs-2015": "2017-03-01"}
    assert entry_into_force_default(get_rulebook("kz-rs-2015")).isoformat() == "2017-03-01"
