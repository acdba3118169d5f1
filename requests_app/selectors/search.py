"""The search box of the inbox and of ``GET /api/requests/?q=``: one term, one condition.

What it looks in:

* identifiers — our reference, theirs, the criminal case number: the term as typed, anywhere in
  them (``OUT-2026``, ``0042``, ``2026-0001``);
* the request's offence text (``offence_description``, ``legal_qualification``);
* the names of the persons concerned;
* the names of the requesting, requested and executing authorities, in English, Russian and
  Kazakh.

Every word of the term must occur in one of these sources (the request's offence text, one
person, one authority); a word matches the beginning of a word there, so "Ivan" finds "Ivanov".
On PostgreSQL the texts are matched with full-text search (``simple`` configuration: no
stemming, any language; words as prefixes); the offence text and the persons' names have GIN
indexes on the very expressions used here (migration ``0008_case_number_notes_search``). On
other databases (SQLite in development and tests) each word is looked for with ``icontains``
over the same fields — there a word also matches inside a word, and case is folded for Latin
letters only (SQLite's LIKE).

The condition is one WHERE clause with ``EXISTS`` subqueries: it never adds a query per row.
Access is not decided here: callers apply it to ``requests_visible_to`` (see
``selectors.requests``), so a request the user may not see is never found.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery
from django.contrib.postgres.search import SearchVector
from django.contrib.postgres.search import SearchVectorExact
from django.db import connection
from django.db.models import Exists
from django.db.models import OuterRef
from django.db.models import Q
from django.utils.translation import gettext as _

from treaties.models import Authority

from ..exceptions import InvalidInput
from ..models import RequestPerson

# Longer input is refused rather than cut: a cut term would find something else than was asked.
SEARCH_MAX_LENGTH = 200
SEARCH_CONFIG = "simple"
# The expressions the GIN indexes of migration 0008 are built on; a query must use them as they
# are for PostgreSQL to use the index.
REQUEST_TEXT_FIELDS = ("offence_description", "legal_qualification")
PERSON_TEXT_FIELDS = ("full_name",)
AUTHORITY_NAME_FIELDS = ("name_en", "name_ru", "name_kk")
IDENTIFIER_FIELDS = ("reference", "their_reference", "case_number")
AUTHORITY_LINKS = ("requesting_authority", "requested_authority", "executing_authority")

_WORD = re.compile(r"\w+")


def search_vector(*fields: str) -> SearchVector:
    return SearchVector(*fields, config=SEARCH_CONFIG)


def clean_search_term(raw: str | None) -> str:
    """The term as the search uses it: stripped. Raises InvalidInput on ``q`` when it holds a
    NUL character or is longer than ``SEARCH_MAX_LENGTH`` (the web inbox and the API answer 400
    naming the parameter)."""
    term = (raw or "").strip()
    if "\x00" in term:
        raise InvalidInput({"q": _("The search text must not contain NUL characters.")})
    if len(term) > SEARCH_MAX_LENGTH:
        raise InvalidInput({"q": _("The search text may be at most %(limit)d characters long.")
                                 % {"limit": SEARCH_MAX_LENGTH}})
    return term


def search_words(term: str) -> list[str]:
    """The words of ``term`` (letters and digits, any script); punctuation separates them."""
    return _WORD.findall(term)


def _prefix_query(words: list[str]) -> SearchQuery:
    # Each word is letters and digits only (``_WORD``), so the raw tsquery cannot be malformed.
    return SearchQuery(" & ".join(f"{word}:*" for word in words), config=SEARCH_CONFIG,
                       search_type="raw")


def _any_icontains(fields: tuple[str, ...], word: str, prefix: str = "") -> Q:
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{prefix}{name}__icontains": word})
    return condition


def _all_words(fields: tuple[str, ...], words: list[str], prefix: str = "") -> Q:
    condition = Q()
    for word in words:
        condition &= _any_icontains(fields, word, prefix)
    return condition


def search_condition(term: str) -> Q:
    """The requests ``term`` finds, as one condition on ``AssistanceRequest``; ``term`` comes
    from ``clean_search_term``. An empty term finds everything."""
    term = term.strip()
    if not term:
        return Q()
    condition = _any_icontains(IDENTIFIER_FIELDS, term)
    words = search_words(term)
    if not words:
        return condition
    if connection.vendor == "postgresql":
        query = _prefix_query(words)
        text = Q(SearchVectorExact(search_vector(*REQUEST_TEXT_FIELDS), query))
        persons = RequestPerson.objects.filter(
            SearchVectorExact(search_vector(*PERSON_TEXT_FIELDS), query))
        authorities = Authority.objects.filter(
            SearchVectorExact(search_vector(*AUTHORITY_NAME_FIELDS), query))
    else:
        text = _all_words(REQUEST_TEXT_FIELDS, words)
        persons = RequestPerson.objects.filter(_all_words(PERSON_TEXT_FIELDS, words))
        authorities = Authority.objects.filter(
            Q(*[_any_icontains(AUTHORITY_NAME_FIELDS, word) for word in words]))
    condition |= text | Q(Exists(persons.filter(request=OuterRef("pk"))))
    authority_ids = authorities.values("pk")
    for link in AUTHORITY_LINKS:
        condition |= Q(**{f"{link}__in": authority_ids})
    return condition
