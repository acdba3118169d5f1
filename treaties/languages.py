"""Language names, for people: "A translation into Portuguese is required", never "into pt".

The codes are ISO 639-1 as the rulebooks store them (the states' official languages, the
languages an instrument accepts); these are every language the rulebooks use, named in the active
language (kk, ru, en). A code without a name here is shown as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {"kk": _("Kazakh"), "ru": _("Russian"), "en": _("English"), "sr": _("Serbian"),
                  "pt": _("Portuguese"), "cs": _("Czech"), "sk": _("Slovak")}


def language_name(code: str) -> str:
    """The language's name in the active language; the code where none is known."""
    code = (code or "").strip()
    name = LANGUAGE_NAMES.get(code.lower()[:2]) if code else None
    return str(name) if name is not None else code


def language_names(codes: Iterable[str]) -> str:
    """Several names, in the order of their codes, joined by commas: "English, Kazakh, Russian"
    (sorted by code so the text is stable)."""
    return ", ".join(language_name(code) for code in sorted(codes))
