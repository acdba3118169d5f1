"""Placeholder rules for an instrument whose text is not in the project (``Rulebook.rules_encoded``
False: CIS Minsk 1993, Chisinau 2002, reciprocity under the Code of Criminal Procedure).

A rulebook must fill every required field; where the project does not have the article, the
field holds a placeholder that cites the instrument only (``schema.not_encoded``) and says so in
the three working languages: the article is not in the project yet and the office applies the
text as it stands. The engine never reads a rule out of a placeholder (its guards skip treaty
checks for such instruments); the placeholders only keep the rulebook whole and tell the user
what is missing.
"""

from __future__ import annotations

from typing import TypedDict

from .catalogue import ASSISTANCE_TYPES
from .schema import AssistanceTypeRule
from .schema import AuthorityKind
from .schema import Channel
from .schema import ChannelRule
from .schema import LanguageRule
from .schema import Rule
from .schema import Summary
from .schema import TermRule
from .schema import not_encoded

# Channels a placeholder communication rule lists: neutral means the office uses for any
# instrument (no channel is taken from a text the project does not have).
NEUTRAL_CHANNELS = frozenset({Channel.POST, Channel.COURIER, Channel.DIPLOMATIC})


def not_encoded_summary(subject: Summary) -> Summary:
    """``subject`` (what the missing article is about, e.g. "Language of requests") followed by
    the plain statement that the article is not in the project."""
    return Summary(
        en=f"{subject.en}: the article is not in the project yet; the office applies the text "
           "of the instrument as it stands.",
        ru=f"{subject.ru}: статьи пока нет в проекте; ведомство применяет текст документа в "
           "действующей редакции.",
        kk=f"{subject.kk}: бұл бап жобада әлі жоқ; ведомство құжат мәтінін қолданыстағы "
           "редакциясында қолданады.",
    )


def placeholder(slug: str, code: str, subject: Summary) -> Rule:
    return Rule(code=code, citation=not_encoded(slug), summary=not_encoded_summary(subject))


def placeholder_term(slug: str, code: str, subject: Summary) -> TermRule:
    """A term with no figure: no days, no months."""
    return TermRule(code=code, citation=not_encoded(slug), summary=not_encoded_summary(subject))


def placeholder_language(slug: str) -> LanguageRule:
    return LanguageRule(
        code="language_not_encoded", citation=not_encoded(slug), accepted_languages=(),
        summary=not_encoded_summary(Summary(en="Language of requests",
                                            ru="Язык запросов",
                                            kk="Сұрау салулардың тілі")))


def placeholder_communication(slug: str) -> ChannelRule:
    return ChannelRule(
        code="communication_not_encoded", citation=not_encoded(slug),
        channels=NEUTRAL_CHANNELS, authority_kind=AuthorityKind.CENTRAL,
        summary=not_encoded_summary(Summary(
            en="Authorities that communicate and means of transmission",
            ru="Органы, через которые осуществляются сношения, и способы передачи",
            kk="Қатынас жасайтын органдар және жіберу тәсілдері")))


SCOPE_NOT_IN_PROJECT = Summary(en="scope of assistance", ru="объём помощи", kk="көмек көлемі")


def placeholder_assistance_types(slug: str, *, encoded: frozenset[str] = frozenset(),
                                 which: Summary = SCOPE_NOT_IN_PROJECT
                                 ) -> tuple[AssistanceTypeRule, ...]:
    """Every type of the catalogue but the ``encoded`` ones, each a placeholder: the article
    saying whether the instrument provides it is not in the project, so no type is refused on a
    text the engine does not have. ``which`` names the missing text in each summary."""
    return tuple(
        AssistanceTypeRule(
            code=code, citation=not_encoded(slug),
            summary=not_encoded_summary(Summary(
                en=f"{kind.label.en} ({which.en})", ru=f"{kind.label.ru} ({which.ru})",
                kk=f"{kind.label.kk} ({which.kk})")))
        for code, kind in ASSISTANCE_TYPES.items() if code not in encoded)


class PlaceholderLifecycle(TypedDict):
    entry_into_force: Rule
    party_entry_into_force: Rule
    termination: TermRule
    withdrawal: TermRule


def placeholder_lifecycle(slug: str) -> PlaceholderLifecycle:
    """The life of a multilateral instrument whose text is not in the project: entry into force
    (for the instrument and for a state joining later), termination and a party's withdrawal,
    each a placeholder; spread into the ``Rulebook`` (``**placeholder_lifecycle(SLUG)``). A
    party's own date is then needed for it to count as bound (the engine says when it is not
    recorded)."""
    return {
        "entry_into_force": placeholder(slug, "entry_into_force_not_encoded", Summary(
            "Entry into force", "Вступление в силу", "Күшіне енуі")),
        "party_entry_into_force": placeholder(slug, "party_entry_into_force_not_encoded", Summary(
            "Entry into force for a state ratifying later", "Вступление в силу для государства, "
            "ратифицировавшего позднее", "Кейінірек ратификациялаған мемлекет үшін күшіне енуі")),
        "termination": placeholder_term(slug, "termination_not_encoded", Summary(
            "Termination", "Прекращение действия", "Қолданылуын тоқтату")),
        "withdrawal": placeholder_term(slug, "withdrawal_not_encoded", Summary(
            "Withdrawal of a party", "Выход участника", "Қатысушының шығуы")),
    }
