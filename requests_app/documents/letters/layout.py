"""What the formal request letter says, laid out and ready to render (``Letter``).

``sections.letter_build`` fills it in one language; ``pdf`` and ``docx`` only render it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field

from django.utils import translation

from treaties.rulebook.schema import PARTY_DECLARED_LANGUAGES
from treaties.rulebook.schema import REQUESTED_STATE_LANGUAGES
from treaties.rulebook.schema import Rulebook

LETTER_LANGUAGES = ("kk", "ru", "en")
# Control characters pasted into a field: a DOCX cannot hold them and no font draws them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", str(text).replace("\t", " ").replace("\r\n", "\n")
                                  .replace("\r", "\n"))


# Words of the letter's own layout, in each letter language. They are part of the document the
# other side reads, not of the interface: the letter says them in its own language whatever the
# interface's catalogue holds. ``{page}`` and ``{pages}`` mark where the page fields go.
LETTER_WORDS: dict[str, dict[str, str]] = {
    "en": {"case": "in criminal case No {case_number}", "page": "page {page} of {pages}",
           "position": "position", "name": "name", "signature": "signature", "date": "Date"},
    "ru": {"case": "по уголовному делу № {case_number}", "page": "страница {page} из {pages}",
           "position": "должность", "name": "фамилия, инициалы", "signature": "подпись",
           "date": "Дата"},
    "kk": {"case": "№ {case_number} қылмыстық іс бойынша", "page": "{pages} беттің {page}-беті",
           "position": "лауазымы", "name": "тегі, аты-жөні", "signature": "қолы",
           "date": "Күні"},
}
PAGE_FIELDS = re.compile(r"(\{page\}|\{pages\})")


def letter_word(language: str, name: str) -> str:
    return LETTER_WORDS.get(language, LETTER_WORDS["en"])[name]


def page_label_parts(language: str) -> tuple[str, ...]:
    """The page numbering in ``language`` split around its fields: ("page ", "{page}", " of ",
    "{pages}") - a PDF fills them in, a DOCX puts PAGE and NUMPAGES fields in their place."""
    return tuple(part for part in PAGE_FIELDS.split(letter_word(language, "page")) if part)


@dataclass(frozen=True)
class LetterBlock:
    heading: str  # in words ("Summary of the facts")
    lines: tuple[str, ...]
    # Where the instrument asks for it ("Art 3.2(c)"): printed small and grey after the heading.
    note: str = ""


@dataclass(frozen=True)
class Letter:
    language: str
    reference: str
    title: str  # for the document's metadata
    markings: tuple[str, ...]  # URGENT, CONFIDENTIAL
    sender: tuple[str, ...]
    recipient: tuple[str, ...]
    references: tuple[str, ...]  # our reference, their reference, date
    subject: str
    instrument_title: str
    opening: str
    assistance: tuple[str, ...]
    blocks: tuple[LetterBlock, ...]
    closing: str
    signature: tuple[str, ...]
    footer: str
    author: str = ""
    keywords: tuple[str, ...] = field(default=())


def letter_language(requested: str | None) -> str:
    """``?lang=kk|ru|en``; anything else falls back to the active language."""
    if requested in LETTER_LANGUAGES:
        return requested
    active = (translation.get_language() or "ru")[:2]
    return active if active in LETTER_LANGUAGES else "ru"


def english_is_working_language(rulebook: Rulebook) -> bool:
    """The instrument makes English the working language: requests may be made in English
    (CZ 9.6, SK, RS 4.1), or the central authorities correspond in it (BR 23.2)."""
    answer = rulebook.answer_language
    return ("en" in rulebook.language.accepted_languages
            or (answer is not None and "en" in answer.languages))


def letter_default_language(rulebook: Rulebook, *, request_language: str,
                            requested_state_languages: tuple[str, ...]) -> str:
    """The language a request's letter is written in unless another is asked for: the request's
    language where a letter is written in it (kk, ru, en) and the instrument accepts it (as such,
    or as the requested state's language); English where the instrument makes English the
    working language; else the request's language, or Russian."""
    language = (request_language or "").strip().lower()
    accepted = set()
    for code in rulebook.language.accepted_languages:
        # The requested state's languages stand in for a party's declared ones here: the letter's
        # own language is Kazakh, Russian or English, and a declaration is checked by the guard.
        accepted |= (set(requested_state_languages)
                     if code in {REQUESTED_STATE_LANGUAGES, PARTY_DECLARED_LANGUAGES} else {code})
    if language in LETTER_LANGUAGES and language in accepted:
        return language
    if english_is_working_language(rulebook):
        return "en"
    return language if language in LETTER_LANGUAGES else "ru"
