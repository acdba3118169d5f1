"""A throw-away multilateral convention shaped on UNTOC Art 18, for tests (not a test module).

Its slug is not UNTOC's: it is test data, registered only for the duration of a test
(``treaties.rulebook.registry.rulebook_registered``). It has what makes a convention different
from the four bilateral instruments: any number of parties, each with its own entry into force
(38.2), central authority (18.13), accepted languages and oral requests (18.14), a denunciation
that takes effect for one party only (40.1), and a precedence rule (18.7: paragraphs 9-29 apply
only where the two states are not bound by a treaty of mutual legal assistance). The party
dates are test values, not the states' real ones.
"""

from __future__ import annotations

from datetime import date

from treaties.rulebook.home import GENERAL_PROSECUTOR
from treaties.rulebook.home import KAZAKHSTAN
from treaties.rulebook.parties import CentralAuthorityDeclaration
from treaties.rulebook.parties import LanguagesDeclaration
from treaties.rulebook.parties import OralRequestsDeclaration
from treaties.rulebook.parties import Party
from treaties.rulebook.parties import Reservation
from treaties.rulebook.parties import StateInfo
from treaties.rulebook.schema import AssistanceTypeRule
from treaties.rulebook.schema import AuthorityKind
from treaties.rulebook.schema import Channel
from treaties.rulebook.schema import ChannelRule
from treaties.rulebook.schema import InstrumentKind
from treaties.rulebook.schema import LanguageRule
from treaties.rulebook.schema import OralRequestRule
from treaties.rulebook.schema import PrecedenceRule
from treaties.rulebook.schema import Rule
from treaties.rulebook.schema import Rulebook
from treaties.rulebook.schema import Summary
from treaties.rulebook.schema import TermRule
from treaties.rulebook.schema import citer

SLUG = "test-untoc-2000"
c = citer(SLUG)
s = Summary

CONVENTION_IN_FORCE = date(2003, 9, 29)
KAZAKHSTAN_JOINED = date(2008, 8, 30)
CZECH_REPUBLIC_JOINED = date(2013, 10, 24)
SERBIA_JOINED = date(2001, 9, 6)


def _rule(code: str, reference: str, en: str) -> Rule:
    return Rule(code=code, citation=c(reference),
                summary=s(en, f"{en} (рус.)", f"{en} (қазақша)"))


CZECH_REPUBLIC = StateInfo("CZ", s("Czech Republic", "Чешская Республика", "Чех Республикасы"),
                           ("cs",))
SERBIA = StateInfo("RS", s("Serbia", "Сербия", "Сербия"), ("sr",))

PARTIES = (
    Party(state=KAZAKHSTAN, designation=c("18.13"), shared_authorities=(GENERAL_PROSECUTOR,),
          entered_into_force_on=KAZAKHSTAN_JOINED,
          central_authority=CentralAuthorityDeclaration(authority=GENERAL_PROSECUTOR,
                                                        citation=c("18.13")),
          accepted_languages=LanguagesDeclaration(languages=("kk", "ru", "en"),
                                                  citation=c("18.14")),
          oral_requests=OralRequestsDeclaration(accepted=True, citation=c("18.14"))),
    Party(state=CZECH_REPUBLIC, designation=c("18.13"), shared_authorities=("cz-interior",),
          entered_into_force_on=CZECH_REPUBLIC_JOINED,
          central_authority=CentralAuthorityDeclaration(authority="cz-interior",
                                                        citation=c("18.13")),
          accepted_languages=LanguagesDeclaration(languages=("cs", "en"), citation=c("18.14")),
          reservations=(Reservation(code="no_oral_requests", citation=None,
                                    summary=s("Recorded by the office: oral requests are not "
                                              "taken.", "Устные запросы не принимаются.",
                                              "Ауызша сұрау салулар қабылданбайды.")),)),
    # Authorities designated by code are declared elsewhere: Kazakhstan's in
    # treaties.rulebook.home, the Czech and Serbian ones in kz-cz-2017 and kz-rs-2015.
    Party(state=SERBIA, designation=c("18.13"), shared_authorities=("rs-justice",),
          entered_into_force_on=SERBIA_JOINED,
          central_authority=CentralAuthorityDeclaration(authority="rs-justice",
                                                        citation=c("18.13"))),
)

ASSISTANCE_TYPES = tuple(
    AssistanceTypeRule(code=code, citation=c(reference),
                       summary=s(en, f"{en} (рус.)", f"{en} (қазақша)"))
    for code, reference, en in (
        ("testimony", "18.3.a", "Taking evidence or statements."),
        ("service_of_documents", "18.3.b", "Service of judicial documents."),
        ("search_and_seizure", "18.3.c", "Searches, seizures and freezing."),
        ("documents_and_evidence", "18.3.f", "Documents, records and evidence."),
    ))

RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.CONVENTION,
    title=s("Test convention shaped on the UN Convention against Transnational Organized Crime",
            "Тестовая конвенция по образцу Конвенции ООН против транснациональной "
            "организованной преступности",
            "БҰҰ-ның Трансұлттық ұйымдасқан қылмысқа қарсы конвенциясы үлгісіндегі сынақ "
            "конвенциясы"),
    short_title=s("Test convention (UNTOC-shaped)", "Тестовая конвенция", "Сынақ конвенциясы"),
    parties=PARTIES,
    signed_on=date(2000, 12, 15),
    signed_at="Palermo",
    approval_act="",
    entry_into_force=_rule("entry_into_force", "38.1",
                           "In force on the 90th day after the 40th ratification."),
    entry_into_force_date=CONVENTION_IN_FORCE,
    party_entry_into_force=_rule("party_entry_into_force", "38.2",
                                 "For a state joining later, in force on the 30th day after its "
                                 "instrument is deposited."),
    termination=TermRule(code="termination", citation=c("40.1"), months=12,
                         summary=s("Denunciation takes effect a year after the notice.",
                                   "Денонсация вступает в силу через год.",
                                   "Денонсация бір жылдан кейін күшіне енеді.")),
    withdrawal=TermRule(code="withdrawal", citation=c("40.1"), months=12,
                        summary=s("A party's denunciation takes effect for it a year after the "
                                  "notice.", "Денонсация участника — через год.",
                                  "Қатысушының денонсациясы бір жылдан кейін.")),
    precedence=PrecedenceRule(
        code="mla_treaty_precedence", citation=c("18.7"), rank=20,
        displaced_by=(InstrumentKind.MLA_TREATY,),
        summary=s("Paragraphs 9-29 apply only where the two states are not bound by a treaty of "
                  "mutual legal assistance.", "Пункты 9-29 применяются, если нет договора.",
                  "9-29-тармақтар шарт болмаған жағдайда қолданылады.")),
    communication=ChannelRule(code="communication", citation=c("18.13"),
                              authority_kind=AuthorityKind.CENTRAL,
                              channels=frozenset({Channel.POST, Channel.ELECTRONIC,
                                                  Channel.ORAL, Channel.INTERPOL}),
                              summary=s("Central authorities receive and transmit requests.",
                                        "Центральные органы.", "Орталық органдар.")),
    written_form=_rule("written_form", "18.14", "Requests in writing or by a written record."),
    assistance_types=ASSISTANCE_TYPES,
    language=LanguageRule(code="language", citation=c("18.14"),
                          accepted_languages=("requested_state", "en"),
                          summary=s("In a language the requested party accepts.",
                                    "На языке, приемлемом для запрашиваемого государства.",
                                    "Сұрау салынатын мемлекет қабылдайтын тілде.")),
    oral_requests=OralRequestRule(code="oral_requests", citation=c("18.14"),
                                  summary=s("Orally in urgent cases, confirmed in writing "
                                            "forthwith.", "Устно в срочных случаях.",
                                            "Шұғыл жағдайда ауызша.")),
    refusal_reasons=_rule("refusal_reasons", "18.23", "Reasons are given for any refusal."),
)
