"""CIS: Convention on Legal Assistance and Legal Relations in Civil, Family and Criminal Matters
(Minsk, 22 January 1993), as amended by the Protocol of 28 March 1997.

A multilateral treaty of legal assistance ("treaty of mutual legal assistance" within UNTOC 18.7
and UNCAC 46.7). Its text is not in the project: /work/shared/treaties/
cis-minsk-1993-legal-assistance-excerpts.ru.txt has only Art 5 (communication) and the opening of
Art 6 (scope), from a secondary source. Those two are encoded; every other required field is a
placeholder citing the instrument only (``placeholders``), and the book is ``rules_encoded``
False: the engine tracks requests under it with the generic duties only and invents no rule.

Parties are listed only where a source says they are bound (``Party.source``), with a date only
where the source gives one:

- the Convention in force on 19 May 1994, for the Russian Federation on 10 December 1994: the
  ConsultantPlus header reproduced at edis74.ru (secondary);
- Belarus, Tajikistan and Armenia deposited their ratifications of the 1997 Protocol to the
  Convention (depositary note in Kazakhstan's law ratifying the Protocol, zakonpravo.kz);
- Moldova: in force since 26 March 1996 (the Moldovan Ministry of Justice register of legal
  acts, which gives that day as both the act's date and its entry into force);
- Uzbekistan ratified the Protocol to "the Minsk Convention" (Ministry of Justice of Uzbekistan).

Left out for want of a source: Azerbaijan, Georgia, Kyrgyzstan (the Protocol's depositary note
records only its notice that domestic procedures were under way), Turkmenistan. Ukraine is left
out: it ratified the Convention (Law No 240/94-VR of 10 November 1994) but withdrew from it by
Law No 2783-IX of 1 December 2022; the day the depositary received its notice is not in any
source found.

Citation convention: ``c("5")`` is Art 5, ``c("6")`` Art 6. Summaries are our own wording.
"""

from __future__ import annotations

from datetime import date

from .home import GENERAL_PROSECUTOR
from .home import KAZAKHSTAN
from .parties import CentralAuthorityDeclaration
from .parties import Party
from .parties import Source
from .parties import StateInfo
from .placeholders import NEUTRAL_CHANNELS
from .placeholders import not_encoded_summary
from .placeholders import placeholder
from .placeholders import placeholder_assistance_types
from .placeholders import placeholder_language
from .placeholders import placeholder_lifecycle
from .schema import AssistanceTypeRule
from .schema import AuthorityKind
from .schema import ChannelRule
from .schema import InstrumentKind
from .schema import PrecedenceRule
from .schema import Rule
from .schema import Rulebook
from .schema import Summary
from .schema import citer
from .schema import not_encoded
from .states import ARMENIA
from .states import BELARUS
from .states import MOLDOVA
from .states import RUSSIA
from .states import TAJIKISTAN
from .states import UZBEKISTAN
from .states import convention_party

SLUG = "cis-minsk-1993"

c = citer(SLUG)  # c("5") -> Art 5 of this instrument
s = Summary  # s(en, ru, kk)

ACCESSED = date(2026, 12, 4)

# --- sources of the party list -------------------------------------------------------------------
PROTOCOL_DEPOSITARY = Source(
    title="Law of the Republic of Kazakhstan of 24 June 1999 No 399 ratifying the Protocol of "
          "28 March 1997 to the Convention, with the depositary note on the instruments of "
          "ratification deposited (zakonpravo.kz)",
    url="https://zakonpravo.kz/en/on-ratification-of-the-protocol-to-the-convention-on-legal-"
        "assistance-and-legal-relations-in-civil-family-and-criminal-matters-of-january-22-1993",
    accessed=ACCESSED)
CONSULTANT_HEADER = Source(
    title="Convention text with the ConsultantPlus header 'вступила в силу 19.05.1994, для "
          "Российской Федерации 10.12.1994' (edis74.ru, a secondary reproduction)",
    url="https://edis74.ru/minskaya-konventsiya-1993/",
    accessed=ACCESSED)
MOLDOVA_REGISTER = Source(
    title="Ministry of Justice of Moldova, register of legal acts: the Convention "
          "(Tratate Internationale Nr 16/1999, art 262), 'Data intrarii in vigoare: 26.03.1996'",
    url="http://lex.justice.md/index.php?action=view&view=doc&lang=1&id=357322",
    accessed=ACCESSED)
UZBEKISTAN_PROTOCOL = Source(
    title="Ministry of Justice of Uzbekistan: 'Узбекистан ратифицировал протокол к Минской "
          "конвенции' (Law of 13 December 2019 No ZRU-593)",
    url="https://old.adolat.uz/ru/news/uzbekistan-ratificiroval-protokol-k-minskoj-konvencii",
    accessed=ACCESSED)


def _party(state: StateInfo, source: Source, entered_into_force_on: date | None = None) -> Party:
    return convention_party(state, source=source, designation=c("5"),
                            entered_into_force_on=entered_into_force_on)


PARTIES = (
    Party(state=KAZAKHSTAN, designation=c("5"), shared_authorities=(GENERAL_PROSECUTOR,),
          central_authority=CentralAuthorityDeclaration(authority=GENERAL_PROSECUTOR,
                                                        citation=None),
          source=PROTOCOL_DEPOSITARY),
    _party(ARMENIA, PROTOCOL_DEPOSITARY),
    _party(BELARUS, PROTOCOL_DEPOSITARY),
    _party(MOLDOVA, MOLDOVA_REGISTER, date(1996, 3, 26)),
    _party(RUSSIA, CONSULTANT_HEADER, date(1994, 12, 10)),
    _party(TAJIKISTAN, PROTOCOL_DEPOSITARY),
    _party(UZBEKISTAN, UZBEKISTAN_PROTOCOL),
)

# --- assistance types (Art 6, opening) -----------------------------------------------------------
ART_6_TYPES = (
    AssistanceTypeRule(
        code="documents_and_evidence",
        citation=c("6"),
        summary=s(
            "Drawing up and sending documents, and handing over physical evidence.",
            "Составление и пересылка документов, передача вещественных доказательств.",
            "Құжаттарды жасау және жіберу, заттай дәлелдемелерді беру.",
        ),
    ),
    AssistanceTypeRule(
        code="examination_of_objects",
        citation=c("6"),
        summary=s(
            "Carrying out inspections.",
            "Проведение осмотров.",
            "Қарап-тексерулер жүргізу.",
        ),
    ),
    AssistanceTypeRule(
        code="search_and_seizure",
        citation=c("6"),
        summary=s(
            "Carrying out searches and seizure.",
            "Проведение обысков, изъятие.",
            "Тінту жүргізу және алып қою.",
        ),
    ),
    AssistanceTypeRule(
        code="other_legal_assistance",
        citation=c("6"),
        summary=s(
            "Other procedural and other actions the requested party's law provides: Art 6 lists "
            "the types of assistance as included ('including'), not as the only ones.",
            "Иные процессуальные и другие действия, предусмотренные законодательством "
            "запрашиваемой Стороны: ст. 6 перечисляет виды помощи со словами «в том числе», "
            "перечень не исчерпывающий.",
            "Сұрау салынған Тараптың заңнамасында көзделген өзге де процестік және басқа "
            "әрекеттер: 6-бап көмек түрлерін «оның ішінде» деп атайды, тізбе толық емес.",
        ),
    ),
)

# The other types of the catalogue: the end of the Art 6 list is not in the project's excerpt,
# so none of them is refused on a text the engine does not have.
ASSISTANCE_TYPES = ART_6_TYPES + placeholder_assistance_types(
    SLUG, encoded=frozenset(rule.code for rule in ART_6_TYPES),
    which=s("the end of the Art 6 list", "окончание перечня ст. 6", "6-бап тізбесінің соңы"))

RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.LEGAL_ASSISTANCE_CONVENTION,
    title=s(
        "Convention on Legal Assistance and Legal Relations in Civil, Family and Criminal Matters "
        "(Minsk, 22 January 1993), as amended by the Protocol of 28 March 1997",
        "Конвенция о правовой помощи и правовых отношениях по гражданским, семейным и уголовным "
        "делам (Минск, 22 января 1993 года) с изменениями, внесёнными Протоколом от 28 марта "
        "1997 года",
        "Азаматтық, отбасылық және қылмыстық істер бойынша құқықтық көмек пен құқықтық "
        "қатынастар туралы конвенция (Минск, 1993 жылғы 22 қаңтар), 1997 жылғы 28 наурыздағы "
        "Хаттамамен енгізілген өзгерістерімен",
    ),
    short_title=s("CIS Minsk Convention 1993", "Минская конвенция 1993 года",
                  "1993 жылғы Минск конвенциясы"),
    parties=PARTIES,
    signed_on=date(1993, 1, 22),
    signed_at="Minsk",
    approval_act="Protocol of 28 March 1997 ratified by Law of the Republic of Kazakhstan of "
                 "24 June 1999 No 399; the act ratifying the Convention itself is not in the "
                 "project",
    # The day the Convention entered into force, from the ConsultantPlus header (CONSULTANT_HEADER):
    # not a term of the text in the project.
    **placeholder_lifecycle(SLUG),
    entry_into_force_date=date(1994, 5, 19),
    entry_into_force_office_date=None,
    precedence=PrecedenceRule(
        code="precedence",
        citation=not_encoded(SLUG),
        rank=25,
        displaced_by=(),
        summary=not_encoded_summary(s(
            "Relation to other treaties", "Соотношение с другими договорами",
            "Басқа шарттармен арақатынасы")),
        rank_office_policy=s(
            "Office policy: a treaty of legal assistance binding both states is tried before the "
            "specialised conventions, which give way to it (UNTOC 18.7, UNCAC 46.7); bilateral "
            "treaties come first, and the Chisinau Convention 2002 before this one.",
            "Политика ведомства: договор о правовой помощи, связывающий оба государства, "
            "применяется раньше специальных конвенций, которые ему уступают (ст. 18.7 Конвенции "
            "ООН против транснациональной организованной преступности, ст. 46.7 Конвенции ООН "
            "против коррупции); двусторонние договоры применяются первыми, Кишинёвская "
            "конвенция 2002 года — раньше этой.",
            "Ведомство саясаты: екі мемлекетті де байланыстыратын құқықтық көмек туралы шарт "
            "арнаулы конвенциялардан бұрын қолданылады, олар оған жол береді (БҰҰ-ның "
            "Трансұлттық ұйымдасқан қылмысқа қарсы конвенциясының 18.7-бабы, БҰҰ-ның Сыбайлас "
            "жемқорлыққа қарсы конвенциясының 46.7-бабы); екіжақты шарттар бірінші, 2002 "
            "жылғы Кишинев конвенциясы осы конвенциядан бұрын қолданылады.",
        ),
    ),
    offence_scope=None,
    rules_encoded=False,
    not_encoded_note=s(
        "Only Art 5 (communication) and the opening of Art 6 (scope of legal assistance) are in "
        "the project, from a secondary source; the other articles (contents and language of "
        "requests, refusal, costs, entry into force, denunciation) are not. Requests under the "
        "Convention are tracked with the generic duties only; the office applies the text as it "
        "stands.",
        "В проекте есть только ст. 5 (порядок сношений) и начало ст. 6 (объём правовой "
        "помощи) по вторичному источнику; остальных статей (содержание и язык поручений, отказ, "
        "расходы, вступление в силу, денонсация) нет. Запросы по Конвенции ведутся только с "
        "общими обязанностями; ведомство применяет текст в действующей редакции.",
        "Жобада тек 5-бап (қатынас жасау тәртібі) және 6-баптың басы (құқықтық көмектің "
        "көлемі) қосалқы дереккөз бойынша бар; қалған баптар (тапсырмалардың мазмұны мен тілі, "
        "бас тарту, шығыстар, күшіне енуі, денонсациялау) жоқ. Конвенция бойынша сұрау салулар "
        "тек жалпы міндеттермен жүргізіледі; ведомство мәтінді қолданыстағы редакциясында "
        "қолданады.",
    ),
    communication=ChannelRule(
        code="communication",
        citation=c("5"),
        # Art 5 names the bodies, not the means: the neutral set of the placeholders, and the
        # article on the means is not in the project (no channel is refused citing Art 5).
        channels=NEUTRAL_CHANNELS,
        authority_kind=AuthorityKind.CENTRAL,
        channels_citation=not_encoded(SLUG),
        summary=s(
            "The competent justice institutions communicate through their central, territorial "
            "and other bodies, unless the Convention sets another procedure; each party lists "
            "the bodies entitled to communicate directly and notifies the depositary. The means "
            "of transmission are not in the project: post, courier or diplomatic channels.",
            "Компетентные учреждения юстиции сносятся друг с другом через свои центральные, "
            "территориальные и другие органы, если Конвенцией не установлен иной порядок; каждая "
            "Сторона определяет перечень органов, уполномоченных на непосредственные сношения, и "
            "уведомляет депозитария. Способов передачи в проекте нет: почта, курьер или "
            "дипломатические каналы.",
            "Құзыретті әділет мекемелері, егер Конвенцияда өзге тәртіп белгіленбесе, өздерінің "
            "орталық, аумақтық және басқа органдары арқылы қатынас жасайды; әр Тарап тікелей "
            "қатынас жасауға уәкілетті органдардың тізбесін айқындап, депозитарийге хабарлайды. "
            "Жіберу тәсілдері жобада жоқ: пошта, курьер немесе дипломатиялық арналар.",
        ),
    ),
    written_form=placeholder(SLUG, "written_form_not_encoded", s(
        "Form of the request", "Форма поручения", "Тапсырманың нысаны")),
    assistance_types=ASSISTANCE_TYPES,
    scope=Rule(
        code="scope",
        citation=c("6"),
        summary=s(
            "The parties assist each other by carrying out the procedural and other actions the "
            "requested party's law provides, including those Art 6 lists; the end of the list is "
            "not in the project's excerpt.",
            "Стороны оказывают друг другу правовую помощь путём выполнения процессуальных и иных "
            "действий, предусмотренных законодательством запрашиваемой Стороны, в том числе "
            "перечисленных в ст. 6; окончания перечня в выдержке проекта нет.",
            "Тараптар бір-біріне сұрау салынған Тараптың заңнамасында көзделген процестік және "
            "өзге де әрекеттерді, оның ішінде 6-бапта аталғандарын орындау арқылы құқықтық көмек "
            "көрсетеді; тізбенің соңы жобадағы үзіндіде жоқ.",
        ),
    ),
    language=placeholder_language(SLUG),
    refusal_reasons=placeholder(SLUG, "refusal_reasons_not_encoded", s(
        "Refusal of legal assistance and its reasons", "Отказ в правовой помощи и его мотивы",
        "Құқықтық көмек көрсетуден бас тарту және оның себептері")),
)
