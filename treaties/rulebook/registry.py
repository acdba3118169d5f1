"""All rulebooks the engine knows, by instrument slug, and the states and authorities their
parties declare.

Rulebooks are discovered, not listed: every module of the ``treaties.rulebook`` package that
defines ``RULEBOOK`` is one (the vocabulary modules ``schema``, ``parties``, ``catalogue``,
``home`` and this one define none). Adding an instrument is adding its module.

Tests may declare an instrument of their own and make it known for the duration of a test with
``rulebook_registered``::

    with rulebook_registered(MY_RULEBOOK):
        treaties_load()        # inside the test's transaction: rolled back with it
        ...

The results are cached; ``rulebook_registered`` clears the caches when it starts and ends.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import NamedTuple

from .home import HOME_AUTHORITIES
from .home import HOME_STATE
from .home import KAZAKHSTAN
from .parties import AuthorityInfo
from .parties import StateInfo
from .schema import Rulebook

# Rulebooks made known by ``rulebook_registered`` (tests), after the discovered ones.
_registered: dict[str, Rulebook] = {}


def _discovered() -> Iterator[Rulebook]:
    package = importlib.import_module(__package__)
    for module_info in pkgutil.iter_modules(package.__path__):  # sorted by module name
        module = importlib.import_module(f"{__package__}.{module_info.name}")
        book = getattr(module, "RULEBOOK", None)
        if book is None:
            continue
        if not isinstance(book, Rulebook):
            raise TypeError(f"{module.__name__}.RULEBOOK is not a Rulebook")
        yield book


@cache
def all_rulebooks() -> dict[str, Rulebook]:
    books: dict[str, Rulebook] = {}
    for book in (*_discovered(), *_registered.values()):
        if book.slug in books:
            raise ValueError(f"Two rulebooks for instrument {book.slug!r}")
        books[book.slug] = book
    return books


def get_rulebook(slug: str) -> Rulebook:
    try:
        return all_rulebooks()[slug]
    except KeyError:
        raise LookupError(f"No rulebook for instrument {slug!r}") from None


class DeclaredAuthority(NamedTuple):
    state: str  # ISO code of the state it belongs to
    info: AuthorityInfo


@cache
def all_states() -> dict[str, StateInfo]:
    """Every state a rulebook names as a party, Kazakhstan first. A state named by several
    rulebooks must be declared the same way in each."""
    states = {HOME_STATE: KAZAKHSTAN}
    for book in all_rulebooks().values():
        for party in book.parties:
            known = states.setdefault(party.code, party.state)
            if known != party.state:
                raise ValueError(f"{book.slug} declares {party.code} differently from another "
                                 "rulebook (or from treaties.rulebook.home)")
    return states


@cache
def all_authorities() -> dict[str, DeclaredAuthority]:
    """Every authority by code: Kazakhstan's (``home``) first, then those the rulebooks'
    parties declare. An authority declared by several rulebooks must be declared the same way;
    designating it elsewhere by code (``Party.shared_authorities``) is the usual way."""
    authorities = {info.code: DeclaredAuthority(HOME_STATE, info) for info in HOME_AUTHORITIES}
    for book in all_rulebooks().values():
        for party in book.parties:
            for info in party.authorities:
                declared = DeclaredAuthority(party.code, info)
                if authorities.setdefault(info.code, declared) != declared:
                    raise ValueError(f"{book.slug} declares authority {info.code!r} differently "
                                     "from another rulebook (or from treaties.rulebook.home)")
    return authorities


def clear_caches() -> None:
    for cached in (all_rulebooks, all_states, all_authorities):
        cached.cache_clear()


@contextmanager
def rulebook_registered(book: Rulebook) -> Iterator[Rulebook]:
    """Make ``book`` known, as if its module were in this package, until the block ends: for a
    test that declares its own instrument. Rows loaded for it are the caller's to roll back
    (run it in a test's transaction)."""
    if book.slug in all_rulebooks():
        raise ValueError(f"A rulebook for {book.slug!r} is already known")
    _registered[book.slug] = book
    clear_caches()
    try:
        yield book
    finally:
        _registered.pop(book.slug, None)
        clear_caches()
