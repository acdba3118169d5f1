"""Foreign states, declared once: the bilateral rulebooks and the conventions' party lists refer
to them (``Party(state=GERMANY, ...)``). Names in the three working languages, official
languages as ISO 639-1 codes (a language rule's ``requested_state`` token reads them).

A state is here because an instrument the engine knows binds it with Kazakhstan; whether it
binds it, since when, and what it declared is the rulebook's ``Party``, with its source.
"""

from __future__ import annotations

from datetime import date

from .parties import AuthorityInfo
from .parties import CentralAuthorityDeclaration
from .parties import LanguagesDeclaration
from .parties import Party
from .parties import Source
from .parties import StateInfo
from .schema import AuthorityKind
from .schema import Citation
from .schema import Summary


def _state(code: str, en: str, ru: str, kk: str, *languages: str) -> StateInfo:
    return StateInfo(code, Summary(en=en, ru=ru, kk=kk), tuple(languages))


# --- the bilateral partners ---------------------------------------------------------------------
BRAZIL = _state("BR", "Brazil", "Бразилия", "Бразилия", "pt")
CZECH_REPUBLIC = _state("CZ", "Czech Republic", "Чешская Республика", "Чех Республикасы", "cs")
SERBIA = _state("RS", "Serbia", "Сербия", "Сербия", "sr")
SLOVAKIA = _state("SK", "Slovak Republic", "Словацкая Республика", "Словак Республикасы", "sk")

# --- partners under the conventions -------------------------------------------------------------
ARMENIA = _state("AM", "Armenia", "Армения", "Армения", "hy")
AUSTRIA = _state("AT", "Austria", "Австрия", "Австрия", "de")
AZERBAIJAN = _state("AZ", "Azerbaijan", "Азербайджан", "Әзірбайжан", "az")
BELARUS = _state("BY", "Belarus", "Беларусь", "Беларусь", "be", "ru")
BELGIUM = _state("BE", "Belgium", "Бельгия", "Бельгия", "nl", "fr", "de")
BULGARIA = _state("BG", "Bulgaria", "Болгария", "Болгария", "bg")
CANADA = _state("CA", "Canada", "Канада", "Канада", "en", "fr")
CHINA = _state("CN", "China", "Китай", "Қытай", "zh")
CYPRUS = _state("CY", "Cyprus", "Кипр", "Кипр", "el", "tr")
ESTONIA = _state("EE", "Estonia", "Эстония", "Эстония", "et")
FRANCE = _state("FR", "France", "Франция", "Франция", "fr")
GEORGIA = _state("GE", "Georgia", "Грузия", "Грузия", "ka")
GERMANY = _state("DE", "Germany", "Германия", "Германия", "de")
INDIA = _state("IN", "India", "Индия", "Үндістан", "hi", "en")
ITALY = _state("IT", "Italy", "Италия", "Италия", "it")
JAPAN = _state("JP", "Japan", "Япония", "Жапония", "ja")
KOREA = _state("KR", "Republic of Korea", "Республика Корея", "Корея Республикасы", "ko")
KYRGYZSTAN = _state("KG", "Kyrgyzstan", "Кыргызстан", "Қырғызстан", "ky", "ru")
LATVIA = _state("LV", "Latvia", "Латвия", "Латвия", "lv")
LITHUANIA = _state("LT", "Lithuania", "Литва", "Литва", "lt")
MOLDOVA = _state("MD", "Moldova", "Молдова", "Молдова", "ro")
MONGOLIA = _state("MN", "Mongolia", "Монголия", "Моңғолия", "mn")
NETHERLANDS = _state("NL", "Netherlands", "Нидерланды", "Нидерланд", "nl")
POLAND = _state("PL", "Poland", "Польша", "Польша", "pl")
RUSSIA = _state("RU", "Russian Federation", "Российская Федерация", "Ресей Федерациясы", "ru")
SPAIN = _state("ES", "Spain", "Испания", "Испания", "es")
SWITZERLAND = _state("CH", "Switzerland", "Швейцария", "Швейцария", "de", "fr", "it")
TAJIKISTAN = _state("TJ", "Tajikistan", "Таджикистан", "Тәжікстан", "tg")
TURKEY = _state("TR", "Türkiye", "Турция", "Түркия", "tr")
TURKMENISTAN = _state("TM", "Turkmenistan", "Туркменистан", "Түрікменстан", "tk")
UKRAINE = _state("UA", "Ukraine", "Украина", "Украина", "uk")
UNITED_ARAB_EMIRATES = _state("AE", "United Arab Emirates", "Объединённые Арабские Эмираты",
                              "Біріккен Араб Әмірліктері", "ar")
UNITED_KINGDOM = _state("GB", "United Kingdom", "Соединённое Королевство", "Ұлыбритания", "en")
UNITED_STATES = _state("US", "United States of America", "Соединённые Штаты Америки",
                       "Америка Құрама Штаттары", "en")
UZBEKISTAN = _state("UZ", "Uzbekistan", "Узбекистан", "Өзбекстан", "uz")


def central_authority_of(state: StateInfo) -> AuthorityInfo:
    """The central authority a convention party designated (UNTOC 18.13, UNCAC 46.13, Vienna
    7.8, ETS 141 Art 23), where the engine does not know which body it is: one authority per
    state, named after it, that every convention's party designates, so a request can be
    addressed to it. The office records its name, address and contacts in the admin."""
    name = state.name
    return AuthorityInfo(
        code=f"{state.iso_code.lower()}-central-authority", kind=AuthorityKind.CENTRAL,
        name=Summary(en=f"Central authority of {name.en}",
                     ru=f"Центральный орган: {name.ru}",
                     kk=f"Орталық орган: {name.kk}"))


def convention_party(state: StateInfo, *, source: Source, designation: Citation | None,
                     central_authority_citation: Citation | None = None,
                     entered_into_force_on: date | None = None, signed_on: date | None = None,
                     languages: tuple[str, ...] = (),
                     languages_citation: Citation | None = None) -> Party:
    """A foreign party to a multilateral convention, as its source states it: its own entry into
    force (None where the source gives none: the engine then says it is not known), the central
    authority it designated (``central_authority_of``: the body is the office's to record) under
    ``central_authority_citation`` (UNTOC 18.13, UNCAC 46.13, Vienna 7.8, ETS 141 23.2; None
    where the text designates none), and the languages it declared only where the source states
    them (UNTOC 18.14...)."""
    authority = central_authority_of(state)
    declared = (LanguagesDeclaration(languages=languages, citation=languages_citation)
                if languages else None)
    return Party(
        state=state, authorities=(authority,), designation=designation, signed_on=signed_on,
        central_authority=(CentralAuthorityDeclaration(authority=authority.code,
                                                       citation=central_authority_citation)
                           if central_authority_citation is not None else None),
        accepted_languages=declared, entered_into_force_on=entered_into_force_on, source=source)
