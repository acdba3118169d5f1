"""What the formal request letter says, laid out and ready to render (``Letter``).

``sections.letter_build`` fills it in one language; ``pdf`` and ``docx`` only render it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field

from django.utils import translation

LETTER_LANGUAGES = ("kk", "ru", "en")
# Control characters pasted into a field: a DOCX cannot hold them and no font draws them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    return CONTROL_CHARACTERS.sub("", str(text).replace("\t", " ").replace("\r\n", "\n")
                                  .replace("\r", "\n"))


@dataclass(frozen=True)
class LetterBlock:
    heading: str
    lines: tuple[str, ...]


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
