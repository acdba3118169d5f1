"""CIS: Convention on Legal Assistance and Legal Relations in Civil, Family and Criminal Matters
(Chisinau, 7 October 2002).

A multilateral treaty of legal assistance ("treaty of mutual legal assistance" within UNTOC 18.7
and UNCAC 46.7), meant to replace the Minsk Convention of 1993 between its parties. Its text is
not in the project: /work/shared/treaties/cis-chisinau-2002-legal-assistance-excerpts.ru.txt has
only Art 7.1 (contents of a request). The items of 7.1 that an existing content field holds are
encoded; every other required field is a placeholder citing the instrument only
(``placeholders``), and the book is ``rules_encoded`` False: the engine tracks requests under it
with the generic duties only and invents no rule. The Chisinau article on its relation to the
Minsk Convention is not in the project either: that Chisinau is tried first is office policy.

Parties are listed only where a source says they are bound (``Party.source``), with a date only
where the source gives one:

- Belarus, Kazakhstan, Kyrgyzstan and Armenia deposited instruments of ratification (depositary
  note in Kazakhstan's ratification law, zakonpravo.kz; the note found is cut after Armenia and
  gives deposit dates, not dates of entry into force);
- the Convention enters into force for the Russian Federation on 28 June 2023 (ConsultantPlus
  note on the Minsk Convention);
- Uzbekistan joined the Convention in August 2019 (Ministry of Justice of Uzbekistan; no day).

Left out for want of a source that they are bound: Azerbaijan (its law ratifying the Convention,
No 581-IIQ of 13 January 2004, was found, not the deposit of its instrument), Georgia, Moldova,
Tajikistan and Ukraine (signatories), Turkmenistan. The date the Convention itself entered into force is not in
any source found: the office records it in the admin.

Citation convention: ``c("7.1.а")`` is Art 7, paragraph 1, sub-paragraph а), lettered in
Cyrillic as the text letters it. Summaries are our own wording.
"""

from __future__ import annotations

from datetime import date

from .home import GENERAL_PROSECUTOR
from .home import KAZAKHSTAN
from .parties import CentralAuthorityDeclaration
from .parties import Party
from .parties import Source
from .parties import StateInfo
from .placeholders import not_encoded_summary
from .placeholders import placeholder
from .placeholders import placeholder_assistance_types
from .placeholders import placeholder_communication
from .placeholders import placeholder_language
from .placeholders import placeholder_lifecycle
from .schema import ContentRule
from .schema import InstrumentKind
from .schema import PrecedenceRule
from .schema import Rulebook
from .schema import Summary
from .schema import citer
from .schema import not_encoded
from .states import ARMENIA
from .states import BELARUS
from .states import KYRGYZSTAN
from .states import RUSSIA
from .states import UZBEKISTAN
from .states import convention_party

SLUG = "cis-chisinau-2002"

c = citer(SLUG)  # c("7.1.а") -> Art 7, paragraph 1, sub-paragraph а) of this instrument
s = Summary  # s(en, ru, kk)

ACCESSED = date(2026, 12, 4)

# --- sources of the party list -------------------------------------------------------------------
RATIFICATION_DEPOSITARY = Source(
    title="Law of the Republic of Kazakhstan of 10 March 2004 No 531 ratifying the Convention, "
          "with the depositary note on the instruments of ratification deposited "
          "(zakonpravo.kz)",
    url="https://zakonpravo.kz/en/on-the-ratification-of-the-convention-on-legal-assistance-and-"
        "legal-relations-in-civil-family-and-criminal-matters",
    accessed=ACCESSED)
CONSULTANT_RUSSIA = Source(
    title="ConsultantPlus note on the Minsk Convention 1993: the Convention of 07.10.2002 "
          "'вступает в силу для России с 28.06.2023'",
    url="http://www.consultant.ru/document/cons_doc_LAW_5942/"
        "3d2b6ee460cb8341b65b2c5f1af9521fd2ff1a5a/",
    accessed=ACCESSED)
UZBEKISTAN_ACCESSION = Source(
    title="Ministry of Justice of Uzbekistan: 'в августе 2019 года Узбекистан присоединился к "
          "Кишиневской конвенции' (news on the ratification of the Minsk Protocol)",
    url="https://old.adolat.uz/ru/news/uzbekistan-ratificiroval-protokol-k-minskoj-konvencii",
    accessed=ACCESSED)


def _party(state: StateInfo, source: Source, entered_into_force_on: date | None = None) -> Party:
    return convention_party(state, source=source, designation=None,
                            entered_into_force_on=entered_into_force_on)


PARTIES = (
    Party(state=KAZAKHSTAN, shared_authorities=(GENERAL_PROSECUTOR,),
          central_authority=CentralAuthorityDeclaration(authority=GENERAL_PROSECUTOR,
                                                        citation=None),
          source=RATIFICATION_DEPOSITARY),
    _party(ARMENIA, RATIFICATION_DEPOSITARY),
    _party(BELARUS, RATIFICATION_DEPOSITARY),
    _party(KYRGYZSTAN, RATIFICATION_DEPOSITARY),
    _party(RUSSIA, CONSULTANT_RUSSIA, date(2023, 6, 28)),
    _party(UZBEKISTAN, UZBEKISTAN_ACCESSION),
)

# --- contents of a request (Art 7.1) -------------------------------------------------------------
# Items а) (the requested party's justice institution), в) (name and number of the case) and
# д) (representatives of the persons in г) have no content field: they are not checked.
MANDATORY_CONTENTS = (
    ContentRule(
        code="content_requesting_authority",
        citation=c("7.1.б"),
        field="requesting_authority",
        summary=s(
            "The name of the requesting party's justice institution.",
            "Наименование учреждения юстиции запрашивающей Стороны.",
            "Сұрау салушы Тараптың әділет мекемесінің атауы.",
        ),
    ),
    ContentRule(
        code="content_persons",
        citation=c("7.1.г"),
        field="persons",
        summary=s(
            "Particulars of the persons concerned: for a natural person full name, date and "
            "place of birth, residence, citizenship and occupation; for a legal person its name, "
            "legal address or location, bank details and fiscal codes.",
            "Данные о лицах: о физическом лице — фамилия, имя, отчество, дата и место рождения, "
            "место жительства, гражданство, род деятельности; о юридическом лице — наименование, "
            "юридический адрес или местонахождение, банковские реквизиты и фискальные коды.",
            "Адамдар туралы деректер: жеке тұлға туралы — тегі, аты, әкесінің аты, туған күні "
            "мен жері, тұрғылықты жері, азаматтығы, қызмет түрі; заңды тұлға туралы — атауы, "
            "заңды мекенжайы немесе орналасқан жері, банк деректемелері мен фискалдық кодтары.",
        ),
    ),
    ContentRule(
        code="content_confidentiality_requirements",
        citation=c("7.1.е"),
        field="confidentiality_requirements",
        summary=s(
            "Whether the receipt of the request and the information obtained in executing it "
            "must be kept confidential.",
            "Необходимость обеспечения конфиденциальности поступления поручения и сведений, "
            "полученных при его исполнении.",
            "Тапсырманың келіп түскенінің және оны орындау барысында алынған мәліметтердің "
            "құпиялылығын қамтамасыз ету қажеттілігі.",
        ),
    ),
    ContentRule(
        code="content_assistance_description",
        citation=c("7.1.ж"),
        field="assistance_description",
        summary=s(
            "What the request asks for.",
            "Содержание поручения.",
            "Тапсырманың мазмұны.",
        ),
    ),
)

OPTIONAL_CONTENTS = (
    ContentRule(
        code="content_other_information",
        citation=c("7.1.ж"),
        field="other_information",
        summary=s(
            "Any other information needed to execute the request.",
            "Другие сведения, необходимые для исполнения поручения.",
            "Тапсырманы орындау үшін қажетті басқа да мәліметтер.",
        ),
    ),
)

RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.LEGAL_ASSISTANCE_CONVENTION,
    title=s(
        "Convention on Legal Assistance and Legal Relations in Civil, Family and Criminal Matters "
        "(Chisinau, 7 October 2002)",
        "Конвенция о правовой помощи и правовых отношениях по гражданским, семейным и уголовным "
        "делам (Кишинёв, 7 октября 2002 года)",
        "Азаматтық, отбасылық және қылмыстық істер бойынша құқықтық көмек пен құқықтық "
        "қатынастар туралы конвенция (Кишинев, 2002 жылғы 7 қазан)",
    ),
    short_title=s("CIS Chisinau Convention 2002", "Кишинёвская конвенция 2002 года",
                  "2002 жылғы Кишинев конвенциясы"),
    parties=PARTIES,
    signed_on=date(2002, 10, 7),
    signed_at="Chisinau",
    approval_act="Law of the Republic of Kazakhstan of 10 March 2004 No 531 (ratification; "
                 "instrument deposited on 29 March 2004)",
    # Not in any source found: the office records it in the admin.
    **placeholder_lifecycle(SLUG),
    entry_into_force_date=None,
    entry_into_force_office_date=None,
    precedence=PrecedenceRule(
        code="precedence",
        citation=not_encoded(SLUG),
        rank=24,
        displaced_by=(),
        summary=not_encoded_summary(s(
            "Relation to other treaties, the Minsk Convention 1993 included",
            "Соотношение с другими договорами, в том числе с Минской конвенцией 1993 года",
            "Басқа шарттармен, оның ішінде 1993 жылғы Минск конвенциясымен арақатынасы")),
        rank_office_policy=s(
            "Office policy: tried before the Minsk Convention 1993 and, as a treaty of legal "
            "assistance binding both states, before the specialised conventions, which give way "
            "to it (UNTOC 18.7, UNCAC 46.7); bilateral treaties come first. The Chisinau "
            "article on its relation to the Minsk Convention is not in the project.",
            "Политика ведомства: применяется раньше Минской конвенции 1993 года и, как договор о "
            "правовой помощи, связывающий оба государства, раньше специальных конвенций, которые "
            "ему уступают (ст. 18.7 Конвенции ООН против транснациональной организованной "
            "преступности, ст. 46.7 Конвенции ООН против коррупции); двусторонние договоры "
            "применяются первыми. Статьи Кишинёвской конвенции о её соотношении с Минской "
            "конвенцией в проекте нет.",
            "Ведомство саясаты: 1993 жылғы Минск конвенциясынан бұрын және екі мемлекетті де "
            "байланыстыратын құқықтық көмек туралы шарт ретінде арнаулы конвенциялардан бұрын "
            "қолданылады, олар оған жол береді (БҰҰ-ның Трансұлттық ұйымдасқан қылмысқа қарсы "
            "конвенциясының 18.7-бабы, БҰҰ-ның Сыбайлас жемқорлыққа қарсы конвенциясының "
            "46.7-бабы); екіжақты шарттар бірінші қолданылады. Кишинев конвенциясының Минск "
            "конвенциясымен арақатынасы туралы бабы жобада жоқ.",
        ),
    ),
    offence_scope=None,
    rules_encoded=False,
    not_encoded_note=s(
        "Only Art 7.1 (contents of a request) is in the project; the other articles (scope, "
        "communication, language, refusal, costs, relation to the Minsk Convention, entry into "
        "force, denunciation) are not. Requests under the Convention are tracked with the "
        "generic duties only; the office applies the text as it stands.",
        "В проекте есть только п. 1 ст. 7 (содержание поручения); остальных статей (объём "
        "помощи, порядок сношений, язык, отказ, расходы, соотношение с Минской конвенцией, "
        "вступление в силу, денонсация) нет. Запросы по Конвенции ведутся только с общими "
        "обязанностями; ведомство применяет текст в действующей редакции.",
        "Жобада тек 7-баптың 1-тармағы (тапсырманың мазмұны) бар; қалған баптар (көмектің "
        "көлемі, қатынас жасау тәртібі, тіл, бас тарту, шығыстар, Минск конвенциясымен "
        "арақатынасы, күшіне енуі, денонсациялау) жоқ. Конвенция бойынша сұрау салулар тек "
        "жалпы міндеттермен жүргізіледі; ведомство мәтінді қолданыстағы редакциясында "
        "қолданады.",
    ),
    communication=placeholder_communication(SLUG),
    written_form=placeholder(SLUG, "written_form_not_encoded", s(
        "Form of the request", "Форма поручения", "Тапсырманың нысаны")),
    assistance_types=placeholder_assistance_types(SLUG),
    scope=None,
    mandatory_contents=MANDATORY_CONTENTS,
    optional_contents=OPTIONAL_CONTENTS,
    language=placeholder_language(SLUG),
    refusal_reasons=placeholder(SLUG, "refusal_reasons_not_encoded", s(
        "Refusal of legal assistance and its reasons", "Отказ в правовой помощи и его мотивы",
        "Құқықтық көмек көрсетуден бас тарту және оның себептері")),
)
