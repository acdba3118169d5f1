"""How the interface words citations, relative times and languages in the user's language.

- ``citation_text``: an article as the active language writes it, after the instrument's short
  name: "Kazakhstan–Serbia Art 5.3", "Казахстан–Сербия ст. 5.3", "Қазақстан–Сербия 5.3-бап"
  (the API keeps its stable codes, "kz-rs-2015 Art 5.3").
- ``relative_time``: "3 days ago" / "in 2 hours"; in Kazakh with the Kazakh units and word order
  ("1 ай 1 апта бұрын", "20 сағат 49 минут қалды"): Django's own Kazakh catalogue lacks the
  time units, so its ``timesince`` falls back to the Russian ones.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from django.utils.timesince import timesince
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from treaties.rulebook.registry import get_rulebook
from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import Rule
from treaties.rulebook.schema import Summary

from .models.audit import citation_parse

EN_DASH = "–"

# Kazakh nouns take no plural after a numeral: "1 ай", "3 ай".
_KK_TIME_STRINGS = {"year": "%(num)d жыл", "month": "%(num)d ай", "week": "%(num)d апта",
                    "day": "%(num)d күн", "hour": "%(num)d сағат", "minute": "%(num)d минут"}


def _language() -> str:
    return (get_language() or "en")[:2]


@cache
def _instrument_names(slug: str) -> Summary | None:
    """The instrument's short name per language: its two parties joined by an en dash
    ("Қазақстан–Сербия"); the short title where it binds more than two states."""
    try:
        rulebook = get_rulebook(slug)
    except LookupError:
        return None
    if len(rulebook.parties) == 2:
        home, other = (party.state.name for party in rulebook.parties)
        return Summary(**{lang: f"{home.text(lang)}{EN_DASH}{other.text(lang)}"
                          for lang in ("en", "ru", "kk")})
    return rulebook.short_title


def instrument_name(slug: str) -> str:
    names = _instrument_names(slug)
    return names.text() if names is not None else slug


def as_citation(value: Any) -> Citation | None:
    """A ``Citation`` from what a template holds: a citation, a rule, a log basis, or the text
    stored in rows ("kz-rs-2015 Art 5.3")."""
    if isinstance(value, Citation):
        return value
    if isinstance(value, Rule):
        return value.citation
    reference = getattr(value, "reference", None)
    if isinstance(reference, Citation):
        return reference
    if isinstance(value, str) and value.strip():
        return citation_parse(value)
    return None


def citation_text(value: Any, *, instrument: bool = True) -> str:
    """The citation in the active language; ``instrument=False`` leaves the instrument out
    (where the page is about one instrument). Text that is no citation is returned as it is."""
    citation = as_citation(value)
    if citation is None:
        return "" if value is None else str(value)
    reference = citation.localized_reference
    if not instrument:
        return reference
    return f"{instrument_name(citation.instrument)} {reference}"


def relative_time(value: datetime | None, now: datetime) -> str:
    """How long ago or how long until ``value``, seen at ``now``, in the active language."""
    if value is None:
        return ""
    past = value <= now
    if _language() == "kk":
        span = (timesince(value, now, time_strings=_KK_TIME_STRINGS) if past
                else timesince(now, value, time_strings=_KK_TIME_STRINGS)).replace(", ", " ")
        return f"{span} бұрын" if past else f"{span} қалды"
    if past:
        return _("%(ago)s ago") % {"ago": timesince(value, now)}
    return _("in %(left)s") % {"left": timesince(now, value)}
