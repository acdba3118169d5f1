"""United Nations Convention against Corruption (New York, 31 October 2003): mutual legal assistance.

A multilateral convention (``InstrumentKind.CONVENTION``). Its mutual legal assistance is Art 46,
read with Art 43 (international cooperation; 43.2 deems dual criminality fulfilled whatever the
offence is called), and the asset-recovery chapter V (Art 51-57: freezing, confiscation and return
of proceeds). The offences it covers are those established under chapter III (Art 15-25). Paragraphs
9-29 of Art 46 apply only where the two states are not bound by a treaty of mutual legal assistance
(46.7): such a treaty displaces it.

Entry into force and denunciation are in Art 68 and 70 of the authentic text (Art 67 is signature
and ratification): the Convention entered into force on 14 December 2005 (68.1); for a state
joining later, on the 30th day after it deposits its instrument (68.2); a denunciation takes
effect one year after the Secretary-General receives it (70.1).

Source of the text: /work/shared/treaties/uncac-2003-corruption.en.txt (English, authentic).

Citation convention: "46.15.a" is Art 46, paragraph 15, sub-paragraph a). Art 51 and 56 have no
numbered paragraphs and are cited by article.

Summaries are our own wording, not treaty sentences. What the engine cannot enforce with its
vocabulary is in ``other_rules``.
"""

from __future__ import annotations

from datetime import date

from .home import GENERAL_PROSECUTOR
from .home import KAZAKHSTAN
from .offences import CORRUPTION
from .offences import MONEY_LAUNDERING
from .offences import OBSTRUCTION_OF_JUSTICE
from .parties import CentralAuthorityDeclaration
from .parties import LanguagesDeclaration
from .parties import Party
from .parties import Reservation
from .parties import Source
from .parties import StateInfo
from .schema import MLA_TREATY_KINDS
from .schema import PARTY_DECLARED_LANGUAGES
from .schema import AssistanceTypeRule
from .schema import AuthorityKind
from .schema import Channel
from .schema import ChannelRule
from .schema import ConditionalChannelRule
from .schema import ConsultationRule
from .schema import ContentCondition
from .schema import ContentRule
from .schema import CostBearer
from .schema import CostHeadRule
from .schema import CostsRule
from .schema import DetaineeTransferRule
from .schema import DutyEvent
from .schema import DutyParty
from .schema import DutyRule
from .schema import GroundRule
from .schema import InstrumentKind
from .schema import LanguageRule
from .schema import OffenceScopeRule
from .schema import OralRequestRule
from .schema import PrecedenceRule
from .schema import Rule
from .schema import Rulebook
from .schema import SpontaneousInformationRule
from .schema import Summary
from .schema import TermRule
from .schema import UseConditionsRule
from .schema import citer
from .states import ARMENIA
from .states import AZERBAIJAN
from .states import BELARUS
from .states import BELGIUM
from .states import BRAZIL
from .states import BULGARIA
from .states import CANADA
from .states import CHINA
from .states import CYPRUS
from .states import GERMANY
from .states import POLAND
from .states import SWITZERLAND
from .states import UNITED_STATES
from .states import convention_party

SLUG = "uncac-2003"

c = citer(SLUG)  # c("46.15.a") -> Art 46, paragraph 15, sub-paragraph a of this instrument
s = Summary  # s(en, ru, kk)

# The day the party sources below were read.
ACCESSED = date(2026, 12, 4)

# Assistance that involves coercive action (46.9(b): without dual criminality the requested party
# must still give assistance that does not; it may refuse these).
COERCIVE_TYPES = frozenset({"search_and_seizure", "provisional_measures", "confiscation",
                            "transfer_of_detainees"})


# --- assistance types (Art 46.3, 46.10, 46.18, chapter V) ------------------------------------------
ASSISTANCE_TYPES = (
    AssistanceTypeRule(
        code="testimony",
        citation=c("46.3.a"),
        summary=s(
            "Taking evidence or statements from persons.",
            "Получение доказательств или показаний от лиц.",
            "Адамдардан дәлелдемелер немесе айғақтар алу.",
        ),
    ),
    AssistanceTypeRule(
        code="service_of_documents",
        citation=c("46.3.b"),
        summary=s(
            "Serving judicial documents.",
            "Вручение судебных документов.",
            "Сот құжаттарын табыс ету.",
        ),
    ),
    AssistanceTypeRule(
        code="search_and_seizure",
        citation=c("46.3.c"),
        summary=s(
            "Carrying out searches and seizures, and freezing.",
            "Проведение обысков и изъятий, а также арест (замораживание).",
            "Тінту мен алып қоюды жүргізу, сондай-ақ мүлікке тыйым салу.",
        ),
    ),
    AssistanceTypeRule(
        code="examination_of_objects",
        citation=c("46.3.d"),
        summary=s(
            "Examining objects and sites.",
            "Осмотр предметов и мест.",
            "Заттар мен орындарды қарап-тексеру.",
        ),
    ),
    AssistanceTypeRule(
        code="documents_and_evidence",
        citation=c("46.3.e"),
        summary=s(
            "Supplying information and items of evidence.",
            "Предоставление информации и вещественных доказательств.",
            "Ақпарат пен заттай дәлелдемелерді беру.",
        ),
    ),
    AssistanceTypeRule(
        code="expert_examination",
        citation=c("46.3.e"),
        summary=s(
            "Supplying expert evaluations.",
            "Предоставление экспертных оценок.",
            "Сарапшылық бағалауларды беру.",
        ),
    ),
    AssistanceTypeRule(
        code="official_documents",
        citation=c("46.3.f"),
        summary=s(
            "Originals or certified copies of relevant documents and records, including those of "
            "public bodies and companies.",
            "Подлинники или заверенные копии нужных документов и материалов, в том числе "
            "государственных органов и компаний.",
            "Қажетті құжаттар мен материалдардың түпнұсқалары немесе куәландырылған көшірмелері, "
            "оның ішінде мемлекеттік органдар мен компаниялардікі.",
        ),
    ),
    AssistanceTypeRule(
        code="bank_information",
        citation=c("46.3.f"),
        summary=s(
            "Bank and financial records, as originals or certified copies; bank secrecy is no "
            "ground to refuse (46.8).",
            "Банковские и финансовые документы в подлинниках или заверенных копиях; банковская "
            "тайна не основание для отказа (46.8).",
            "Банктік және қаржылық құжаттар түпнұсқада немесе куәландырылған көшірмеде; банктік "
            "құпия бас тартуға негіз болмайды (46.8).",
        ),
    ),
    AssistanceTypeRule(
        code="locating_persons",
        citation=c("46.3.g"),
        summary=s(
            "Identifying or tracing proceeds, property, instrumentalities or other things as "
            "evidence; locating persons as such comes under 46.3(i).",
            "Выявление или отслеживание доходов, имущества, орудий или иных предметов как "
            "доказательств; розыск лиц как таковой относится к 46.3(i).",
            "Кірістерді, мүлікті, құралдарды немесе өзге заттарды дәлелдеме ретінде анықтау не "
            "олардың ізіне түсу; адамдарды іздеудің өзі 46.3(i)-ге жатады.",
        ),
    ),
    AssistanceTypeRule(
        code="other_legal_assistance",
        citation=c("46.3.i"),
        summary=s(
            "Any other assistance the requested party's law does not forbid.",
            "Любая иная помощь, не противоречащая праву запрашиваемого государства.",
            "Сұрау салынған мемлекеттің заңы тыйым салмайтын кез келген өзге көмек.",
        ),
    ),
    AssistanceTypeRule(
        code="provisional_measures",
        citation=c("46.3.j"),
        summary=s(
            "Identifying, tracing and freezing or seizing proceeds of crime with a view to "
            "confiscation (chapter V, Art 55.2).",
            "Выявление, отслеживание и арест или изъятие доходов от преступлений для последующей "
            "конфискации (глава V, ст. 55.2).",
            "Қылмыстан түскен кірістерді кейін тәркілеу үшін анықтау, олардың ізіне түсу және "
            "оларға тыйым салу не алып қою (V тарау, 55.2-бап).",
        ),
    ),
    AssistanceTypeRule(
        code="confiscation",
        citation=c("55.1"),
        summary=s(
            "Confiscating proceeds, property or instrumentalities in the requested party: on an "
            "order its own authorities obtain (55.1(a)) or by giving effect to the requesting "
            "party's order (55.1(b)); see also Art 54.",
            "Конфискация доходов, имущества или орудий в запрашиваемом государстве: по решению "
            "его собственных органов (55.1(a)) или путём исполнения решения запрашивающего "
            "государства (55.1(b)); см. также ст. 54.",
            "Кірістерді, мүлікті немесе құралдарды сұрау салынған мемлекетте тәркілеу: оның өз "
            "органдары шығарған шешім бойынша (55.1(a)) не сұрау салушы мемлекеттің шешімін "
            "орындау арқылы (55.1(b)); 54-бапты да қараңыз.",
        ),
    ),
    AssistanceTypeRule(
        code="asset_return",
        citation=c("46.3.k"),
        summary=s(
            "Recovery of assets under chapter V: confiscated property is returned or otherwise "
            "disposed of under Art 57.",
            "Возвращение активов по главе V: конфискованное имущество возвращается или иным "
            "образом распределяется по ст. 57.",
            "V тарау бойынша активтерді қайтару: тәркіленген мүлік 57-бап бойынша қайтарылады "
            "немесе өзгеше түрде иеліктен шығарылады.",
        ),
    ),
    AssistanceTypeRule(
        code="transfer_of_detainees",
        citation=c("46.10"),
        summary=s(
            "Transferring a person detained or serving a sentence to the other party to identify, "
            "testify or otherwise help obtain evidence, with their free and informed consent and "
            "the agreement of both parties.",
            "Передача лица, содержащегося под стражей или отбывающего наказание, другому "
            "государству для опознания, дачи показаний или иной помощи в получении доказательств "
            "с его свободного осознанного согласия и с согласия обоих государств.",
            "Күзетпен ұсталған немесе жаза өтеп жүрген адамды сәйкестендіру, айғақ беру немесе "
            "дәлелдеме алуға өзгеше көмектесу үшін оның ерікті әрі саналы келісімімен және екі "
            "мемлекеттің келісімімен екінші мемлекетке беру.",
        ),
    ),
    AssistanceTypeRule(
        code="videoconference_hearing",
        citation=c("46.18"),
        summary=s(
            "Hearing a witness or expert by videoconference where they cannot or should not travel "
            "to the requesting party, if the requested party's law allows.",
            "Допрос свидетеля или эксперта по видеосвязи, если его явка в запрашивающее "
            "государство невозможна или нежелательна и это допускает право запрашиваемого "
            "государства.",
            "Куәнің немесе сарапшының сұрау салушы мемлекетке келуі мүмкін болмаса не қажет "
            "болмаса және сұрау салынған мемлекеттің заңы рұқсат етсе, одан бейнеконференция "
            "арқылы жауап алу.",
        ),
    ),
)

# Every covered type except service: the summary of facts is not needed for a request that asks
# only for service of judicial documents (46.15(c)).
_FACTS_NEEDED_FOR = frozenset(rule.code for rule in ASSISTANCE_TYPES) - {"service_of_documents"}


# --- contents of a request (Art 46.15, 55.3) -------------------------------------------------------
MANDATORY_CONTENTS = (
    ContentRule(
        code="content_requesting_authority",
        citation=c("46.15.a"),
        field="requesting_authority",
        summary=s(
            "Who is making the request.",
            "Какой орган направляет запрос.",
            "Сұрау салуды қай орган жіберетіні.",
        ),
    ),
    ContentRule(
        code="content_subject_and_nature",
        citation=c("46.15.b"),
        field="offence_description",
        summary=s(
            "What the investigation, prosecution or judicial proceeding is about and what kind of "
            "proceeding it is.",
            "Предмет и характер расследования, уголовного преследования или судебного "
            "разбирательства.",
            "Тергеудің, қылмыстық қудалаудың немесе сот талқылауының мәні мен сипаты.",
        ),
    ),
    ContentRule(
        code="content_proceedings_authority",
        citation=c("46.15.b"),
        field="proceedings_authority",
        summary=s(
            "Name and functions of the authority conducting that proceeding.",
            "Наименование и функции органа, который ведёт это разбирательство.",
            "Сол іс жүргізуді жүргізіп отырған органның атауы мен міндеттері.",
        ),
    ),
    ContentRule(
        code="content_facts_summary",
        citation=c("46.15.c"),
        field="facts_summary",
        required_when=ContentCondition.ASSISTANCE,
        assistance_types=_FACTS_NEEDED_FOR,
        summary=s(
            "A summary of the relevant facts, unless the request only asks for service of "
            "judicial documents; for confiscation and freezing the statement of facts is also "
            "required by 55.3.",
            "Краткое изложение относящихся к делу фактов, кроме запросов только о вручении "
            "судебных документов; для конфискации и ареста изложение фактов требует и ст. 55.3.",
            "Іске қатысты фактілердің қысқаша баяндалуы, сұрау салу тек сот құжаттарын табыс "
            "етуге арналған жағдайды қоспағанда; тәркілеу мен тыйым салу үшін фактілерді баяндауды "
            "55.3-бап та талап етеді.",
        ),
    ),
    ContentRule(
        code="content_assistance_description",
        citation=c("46.15.d"),
        field="assistance_description",
        summary=s(
            "What assistance is sought (for confiscation: to what extent the order is to be "
            "executed, 55.3(b); for freezing: the actions asked, 55.3(c)).",
            "Какая помощь запрашивается (для конфискации — в каком объёме исполнить решение, "
            "55.3(b); для ареста — какие действия нужны, 55.3(c)).",
            "Қандай көмек сұралатыны (тәркілеу үшін — шешім қандай көлемде орындалуы керектігі, "
            "55.3(b); тыйым салу үшін — қандай әрекеттер қажеттігі, 55.3(c)).",
        ),
    ),
    # 46.15(e) "where possible": a request about a named person can always name them; for the
    # other kinds of assistance the item stays optional (``optional_contents``).
    ContentRule(
        code="content_persons_concerned",
        citation=c("46.15.e"),
        field="persons",
        required_when=ContentCondition.ASSISTANCE,
        assistance_types=frozenset({"testimony", "service_of_documents", "transfer_of_detainees",
                                    "videoconference_hearing"}),
        summary=s(
            "Identity, whereabouts and nationality of the person to be heard, served or "
            "transferred (the text asks for them where possible).",
            "Личность, местонахождение и гражданство лица, которое нужно допросить, которому "
            "нужно вручить документы или которое нужно передать (текст требует их по возможности).",
            "Жауап алынатын, құжат табыс етілетін немесе берілетін адамның жеке басы, тұрған жері "
            "және азаматтығы (мәтін оларды мүмкіндігінше көрсетуді талап етеді).",
        ),
    ),
    ContentRule(
        code="content_purpose",
        citation=c("46.15.f"),
        field="purpose",
        summary=s(
            "Why the evidence, information or action is sought.",
            "С какой целью запрашиваются доказательства, сведения или действия.",
            "Дәлелдемелер, мәліметтер немесе әрекеттер қандай мақсатпен сұралатыны.",
        ),
    ),
)

OPTIONAL_CONTENTS = (
    ContentRule(
        code="optional_special_procedure",
        citation=c("46.15.d"),
        field="procedure_requirements",
        summary=s(
            "Any particular procedure the requesting party wants followed; the requested party "
            "follows it where its law allows (46.17).",
            "Особый порядок, который запрашивающее государство просит соблюсти; запрашиваемое "
            "государство соблюдает его, если позволяет его право (46.17).",
            "Сұрау салушы мемлекет сақтауды өтінетін ерекше тәртіп; сұрау салынған мемлекет оны өз "
            "заңы жол берсе сақтайды (46.17).",
        ),
    ),
    ContentRule(
        code="optional_persons_concerned",
        citation=c("46.15.e"),
        field="persons",
        summary=s(
            "Where possible, identity, whereabouts and nationality of any other person concerned.",
            "По возможности — личность, местонахождение и гражданство иных причастных лиц.",
            "Мүмкіндігінше — іске қатысты өзге адамдардың жеке басы, тұрған жері және азаматтығы.",
        ),
    ),
    # 55.3(b) applies to a request to give effect to our own confiscation order (55.1(b)); a
    # request that the requested party obtain its own order (55.1(a)) has no order to enclose, and
    # the engine cannot tell the two apart: kept optional, not mandatory.
    ContentRule(
        code="optional_confiscation_order_copy",
        citation=c("55.3.b"),
        field="enclosed_documents",
        required_when=ContentCondition.ASSISTANCE,
        assistance_types=frozenset({"confiscation"}),
        summary=s(
            "To have a confiscation order of the requesting party executed: a legally admissible "
            "copy of that order.",
            "Для исполнения решения о конфискации запрашивающего государства — юридически "
            "допустимая копия этого решения.",
            "Сұрау салушы мемлекеттің тәркілеу туралы шешімін орындату үшін — сол шешімнің заң "
            "жүзінде жарамды көшірмесі.",
        ),
    ),
    ContentRule(
        code="optional_freezing_order_copy",
        citation=c("55.3.c"),
        field="enclosed_documents",
        required_when=ContentCondition.ASSISTANCE,
        assistance_types=frozenset({"provisional_measures"}),
        summary=s(
            "For freezing or seizure with a view to confiscation: where one exists, a legally "
            "admissible copy of the order the request rests on.",
            "Для ареста или изъятия в целях конфискации — при наличии юридически допустимая копия "
            "решения, на котором основан запрос.",
            "Тәркілеу мақсатында тыйым салу немесе алып қою үшін — бар болса, сұрау салу негізделген "
            "шешімнің заң жүзінде жарамды көшірмесі.",
        ),
    ),
)


# --- refusal and postponement (Art 46.9, 46.10, 46.21, 46.25, 55.7) ------------------------------
REFUSAL_GROUNDS = (
    GroundRule(
        code="refusal_request_not_conforming",
        citation=c("46.21.a"),
        summary=s(
            "The request does not comply with Art 46.",
            "Запрос не соответствует требованиям ст. 46.",
            "Сұрау салу 46-баптың талаптарына сәйкес келмейді.",
        ),
    ),
    GroundRule(
        code="refusal_essential_interests",
        citation=c("46.21.b"),
        summary=s(
            "Execution is likely to harm the requested party's sovereignty, security, public "
            "order or other essential interests.",
            "Исполнение может нанести ущерб суверенитету, безопасности, публичному порядку или "
            "иным существенным интересам запрашиваемого государства.",
            "Орындау сұрау салынған мемлекеттің егемендігіне, қауіпсіздігіне, қоғамдық тәртібіне "
            "немесе өзге маңызды мүдделеріне нұқсан келтіруі мүмкін.",
        ),
    ),
    GroundRule(
        code="refusal_prohibited_by_domestic_law",
        citation=c("46.21.c"),
        summary=s(
            "The requested party's law would forbid its own authorities the action asked in a "
            "similar case of their own.",
            "Право запрашиваемого государства запретило бы его органам такое действие по "
            "аналогичному делу в их собственном производстве.",
            "Сұрау салынған мемлекеттің заңы өз органдарына осындай өз ісі бойынша сұралған "
            "әрекетті жасауға тыйым салар еді.",
        ),
    ),
    GroundRule(
        code="refusal_contrary_to_mla_legal_system",
        citation=c("46.21.d"),
        summary=s(
            "Granting the request would go against the requested party's legal system on mutual "
            "legal assistance.",
            "Удовлетворение запроса противоречило бы правовой системе запрашиваемого государства "
            "в области взаимной правовой помощи.",
            "Сұрау салуды қанағаттандыру сұрау салынған мемлекеттің өзара құқықтық көмек "
            "саласындағы құқықтық жүйесіне қайшы келер еді.",
        ),
    ),
    GroundRule(
        code="refusal_no_dual_criminality",
        citation=c("46.9.b"),
        # Assistance that involves no coercive action must still be given where the legal system
        # allows (46.9(b)); 43.2 deems the condition met when the conduct is criminal in both.
        assistance_types=COERCIVE_TYPES,
        summary=s(
            "The conduct is not an offence in the requested party: a ground only for coercive "
            "measures (search and seizure, freezing, confiscation, transfer of detainees); "
            "different names or categories of the offence do not matter (43.2).",
            "Деяние не является преступлением в запрашиваемом государстве: основание только для "
            "принудительных мер (обыск и изъятие, арест, конфискация, передача лиц под стражей); "
            "различие в названии или категории преступления значения не имеет (43.2).",
            "Әрекет сұрау салынған мемлекетте қылмыс болып табылмайды: бұл тек мәжбүрлеу "
            "шараларына (тінту және алып қою, тыйым салу, тәркілеу, күзеттегі адамдарды беру) "
            "негіз; қылмыстың атауы немесе санаты әртүрлі болуы маңызды емес (43.2).",
        ),
    ),
    GroundRule(
        code="refusal_de_minimis_without_dual_criminality",
        citation=c("46.9.b"),
        summary=s(
            "Without dual criminality, even non-coercive assistance may be refused for a trifling "
            "matter or where the help is available under another provision of the Convention.",
            "При отсутствии обоюдной наказуемости даже в непринудительной помощи можно отказать по "
            "малозначительному делу или если её можно получить по другому положению Конвенции.",
            "Екі жақты қылмыстылық болмаса, елеусіз іс бойынша немесе көмекті Конвенцияның басқа "
            "ережесі бойынша алуға болатын жағдайда мәжбүрлеусіз көмектен де бас тартуға болады.",
        ),
    ),
    GroundRule(
        code="refusal_transfer_no_consent",
        citation=c("46.10.a"),
        assistance_types=frozenset({"transfer_of_detainees"}),
        summary=s(
            "A detained person is transferred only with their free and informed consent; without "
            "it the transfer is refused.",
            "Лицо под стражей передаётся только с его свободного и осознанного согласия; без "
            "согласия в передаче отказывают.",
            "Күзеттегі адам тек оның ерікті әрі саналы келісімімен беріледі; келісім болмаса, "
            "беруден бас тартылады.",
        ),
    ),
    GroundRule(
        code="refusal_insufficient_evidence_or_de_minimis_value",
        citation=c("55.7"),
        assistance_types=frozenset({"confiscation", "provisional_measures"}),
        summary=s(
            "For confiscation or freezing: the requested party did not receive enough evidence in "
            "time, or the property is of trifling value.",
            "Для конфискации или ареста: запрашиваемое государство не получило достаточных "
            "доказательств своевременно, либо стоимость имущества незначительна.",
            "Тәркілеу немесе тыйым салу үшін: сұрау салынған мемлекет жеткілікті дәлелдемелерді "
            "уақтылы алмаған, не мүліктің құны елеусіз.",
        ),
    ),
)

EXCLUDED_REFUSAL_GROUNDS = (
    GroundRule(
        code="refusal_bank_secrecy",
        citation=c("46.8"),
        summary=s(
            "Bank secrecy is never a ground for refusing assistance.",
            "Банковская тайна никогда не является основанием для отказа в помощи.",
            "Банктік құпия көмектен бас тартуға ешқашан негіз болмайды.",
        ),
    ),
    GroundRule(
        code="refusal_fiscal_matters",
        citation=c("46.22"),
        summary=s(
            "A request may not be refused only because the offence also concerns tax or other "
            "fiscal matters.",
            "Нельзя отказать в запросе лишь потому, что преступление касается также налоговых или "
            "иных фискальных вопросов.",
            "Қылмыс салық немесе өзге қаржы-бюджет мәселелерін де қозғайтыны үшін ғана сұрау "
            "салудан бас тартуға болмайды.",
        ),
    ),
)

DEFERRAL_GROUNDS = (
    GroundRule(
        code="deferral_interferes_with_proceedings",
        citation=c("46.25"),
        summary=s(
            "Execution would get in the way of an ongoing investigation, prosecution or judicial "
            "proceeding.",
            "Исполнение помешает ведущемуся расследованию, уголовному преследованию или судебному "
            "разбирательству.",
            "Орындау жүріп жатқан тергеуге, қылмыстық қудалауға немесе сот талқылауына кедергі "
            "келтіреді.",
        ),
    ),
)


# --- provisions shown to users, not enforced by a guard ------------------------------------------
OTHER_RULES = (
    Rule(
        code="cooperation_in_criminal_matters",
        citation=c("43.1"),
        summary=s(
            "Parties cooperate in criminal matters under Art 44-50 and consider helping each other "
            "in civil and administrative matters relating to corruption.",
            "Государства сотрудничают по уголовным делам согласно ст. 44-50 и рассматривают "
            "возможность помогать друг другу по гражданским и административным делам, связанным с "
            "коррупцией.",
            "Мемлекеттер қылмыстық істер бойынша 44-50-баптарға сәйкес ынтымақтасады және "
            "сыбайлас жемқорлыққа байланысты азаматтық және әкімшілік істер бойынша бір-біріне "
            "көмектесу мүмкіндігін қарайды.",
        ),
    ),
    Rule(
        code="dual_criminality_deemed_fulfilled",
        citation=c("43.2"),
        summary=s(
            "Where dual criminality is required, it is met if the conduct is criminal in both "
            "parties, whatever each calls the offence or whichever category it falls in.",
            "Если требуется обоюдная наказуемость, она соблюдена, когда деяние преступно в обоих "
            "государствах, как бы ни называлось преступление и к какой бы категории оно ни "
            "относилось.",
            "Екі жақты қылмыстылық талап етілсе, әрекет екі мемлекетте де қылмыс болса, қылмыстың "
            "атауы мен санатына қарамастан бұл талап орындалған болып саналады.",
        ),
    ),
    Rule(
        code="legal_persons_proceedings",
        citation=c("46.2"),
        summary=s(
            "Assistance is also given, as fully as the requested party's law allows, in "
            "proceedings for offences for which a legal person may be liable (Art 26).",
            "Помощь оказывается в максимально возможной по праву запрашиваемого государства мере "
            "и по делам о преступлениях, за которые может отвечать юридическое лицо (ст. 26).",
            "Заңды тұлға жауап беруі мүмкін қылмыстар бойынша істерде де көмек сұрау салынған "
            "мемлекеттің заңы жол беретін толық көлемде көрсетіледі (26-бап).",
        ),
    ),
    # 46.3(h) has no code in the catalogue: shown here, asked as "other assistance" (46.3(i)).
    Rule(
        code="voluntary_appearance",
        citation=c("46.3.h"),
        summary=s(
            "Assistance may also be asked to make it easier for a person to come voluntarily to "
            "the requesting party (recorded as other assistance).",
            "Можно также просить содействия добровольной явке лица в запрашивающее государство "
            "(оформляется как иная помощь).",
            "Адамның сұрау салушы мемлекетке өз еркімен келуіне жәрдем көрсетуді де сұрауға болады "
            "(өзге көмек ретінде ресімделеді).",
        ),
    ),
    Rule(
        code="other_treaties_unaffected",
        citation=c("46.6"),
        summary=s(
            "Art 46 leaves untouched the duties under any other treaty on mutual legal assistance.",
            "Ст. 46 не затрагивает обязательств по другим договорам о взаимной правовой помощи.",
            "46-бап өзара құқықтық көмек туралы басқа шарттар бойынша міндеттемелерді "
            "қозғамайды.",
        ),
    ),
    Rule(
        code="absence_of_dual_criminality_purposes",
        citation=c("46.9.a"),
        summary=s(
            "When answering a request without dual criminality, the requested party bears in mind "
            "the aims of the Convention (Art 1).",
            "Отвечая на запрос при отсутствии обоюдной наказуемости, запрашиваемое государство "
            "учитывает цели Конвенции (ст. 1).",
            "Екі жақты қылмыстылық болмаған кезде сұрау салуға жауап бергенде сұрау салынған "
            "мемлекет Конвенцияның мақсаттарын (1-бап) ескереді.",
        ),
    ),
    Rule(
        code="transferred_person_custody",
        citation=c("46.11.a"),
        summary=s(
            "The receiving party keeps a transferred person in custody unless the sending party "
            "asks or allows otherwise.",
            "Принимающее государство содержит переданное лицо под стражей, если передавшее "
            "государство не просит или не разрешает иного.",
            "Қабылдаушы мемлекет берілген адамды, егер берген мемлекет өзгеше сұрамаса не рұқсат "
            "етпесе, күзетте ұстайды.",
        ),
    ),
    Rule(
        code="transferred_person_no_extradition",
        citation=c("46.11.c"),
        summary=s(
            "Returning a transferred person needs no extradition proceedings.",
            "Для возвращения переданного лица не требуется процедура выдачи.",
            "Берілген адамды қайтару үшін ұстап беру рәсімі талап етілмейді.",
        ),
    ),
    Rule(
        code="transferred_person_time_credited",
        citation=c("46.11.d"),
        summary=s(
            "Time spent in custody in the receiving party counts towards the sentence served in "
            "the sending party.",
            "Время содержания под стражей в принимающем государстве засчитывается в срок "
            "наказания в передавшем государстве.",
            "Қабылдаушы мемлекетте күзетте болған уақыт берген мемлекеттегі жаза мерзіміне "
            "есептеледі.",
        ),
    ),
    Rule(
        code="transferred_person_immunity",
        citation=c("46.12"),
        summary=s(
            "Unless the sending party agrees, a transferred person is not prosecuted, detained or "
            "punished in the receiving party for anything done before leaving the sending party.",
            "Без согласия передавшего государства переданное лицо не подвергается преследованию, "
            "задержанию или наказанию в принимающем государстве за то, что было до его отъезда.",
            "Берген мемлекет келіспесе, берілген адам қабылдаушы мемлекетте кеткенге дейінгі "
            "әрекеттері үшін қудаланбайды, ұсталмайды және жазаланбайды.",
        ),
    ),
    Rule(
        code="central_authority_duties",
        citation=c("46.13"),
        summary=s(
            "Each party's central authority receives requests and executes them or passes them to "
            "the competent authorities, and sees that this is done quickly and properly; each "
            "party notifies the UN Secretary-General which body it is.",
            "Центральный орган каждого государства получает запросы и исполняет их или передаёт "
            "компетентным органам, следя за быстрым и надлежащим исполнением; о нём уведомляется "
            "Генеральный секретарь ООН.",
            "Әр мемлекеттің орталық органы сұрау салуларды қабылдап, оларды орындайды немесе "
            "құзыретті органдарға береді және олардың жылдам әрі тиісті орындалуын қадағалайды; ол "
            "туралы БҰҰ Бас хатшысына хабарланады.",
        ),
    ),
    Rule(
        code="execution_under_requested_law",
        citation=c("46.17"),
        summary=s(
            "A request is executed under the requested party's law and, where that law allows, "
            "in the way the request asks.",
            "Запрос исполняется по праву запрашиваемого государства и, если оно допускает, в "
            "указанном в запросе порядке.",
            "Сұрау салу сұрау салынған мемлекеттің заңы бойынша және ол жол берсе, сұрау салуда "
            "көрсетілген тәртіппен орындалады.",
        ),
    ),
    Rule(
        code="videoconference_conduct",
        citation=c("46.18"),
        summary=s(
            "The parties may agree that a judicial authority of the requesting party conducts the "
            "videoconference hearing with one of the requested party attending.",
            "Государства могут договориться, что допрос по видеосвязи ведёт судебный орган "
            "запрашивающего государства в присутствии судебного органа запрашиваемого.",
            "Мемлекеттер бейнеконференция арқылы жауап алуды сұрау салынған мемлекеттің сот "
            "органы қатыса отырып, сұрау салушы мемлекеттің сот органы жүргізетініне келісе алады.",
        ),
    ),
    Rule(
        code="use_limitation",
        citation=c("46.19"),
        summary=s(
            "Information or evidence received is used or passed on only for the proceedings named "
            "in the request, unless the requested party consents first; evidence that clears an "
            "accused may be disclosed after notifying it beforehand.",
            "Полученные сведения и доказательства используются или передаются только для "
            "указанных в запросе разбирательств, если запрашиваемое государство заранее не дало "
            "согласия; оправдывающие обвиняемого доказательства можно раскрыть, заранее уведомив "
            "его.",
            "Алынған мәліметтер мен дәлелдемелер, егер сұрау салынған мемлекет алдын ала келісім "
            "бермесе, тек сұрау салуда аталған іс жүргізу үшін пайдаланылады не беріледі; айыпталушыны "
            "ақтайтын дәлелдемелерді оған алдын ала хабарлап ашуға болады.",
        ),
    ),
    Rule(
        code="confidentiality",
        citation=c("46.20"),
        summary=s(
            "The requesting party may ask that the request and its content be kept confidential, "
            "save as needed for execution; if that cannot be done, the requested party says so "
            "promptly.",
            "Запрашивающее государство может потребовать сохранить в тайне факт и содержание "
            "запроса, кроме необходимого для исполнения; если это невозможно, запрашиваемое "
            "государство незамедлительно сообщает об этом.",
            "Сұрау салушы мемлекет сұрау салудың фактісі мен мазмұнын орындауға қажеттіден басқа "
            "бөлігінде құпия сақтауды талап ете алады; бұл мүмкін болмаса, сұрау салынған мемлекет "
            "бұл туралы дереу хабарлайды.",
        ),
    ),
    Rule(
        code="deadlines_of_requesting_party",
        citation=c("46.24"),
        summary=s(
            "The requested party takes as much account as it can of deadlines the requesting "
            "party proposes with reasons; the requesting party says promptly when the help is no "
            "longer needed.",
            "Запрашиваемое государство по возможности учитывает предложенные и обоснованные "
            "запрашивающим государством сроки; запрашивающее государство незамедлительно сообщает, "
            "если помощь больше не нужна.",
            "Сұрау салынған мемлекет сұрау салушы мемлекет ұсынған әрі негіздеген мерзімдерді "
            "барынша ескереді; көмек енді қажет болмаса, сұрау салушы мемлекет бұл туралы дереу "
            "хабарлайды.",
        ),
    ),
    Rule(
        code="safe_conduct",
        citation=c("46.27"),
        summary=s(
            "A witness, expert or other person who agrees to come to the requesting party is not "
            "prosecuted, detained or punished there for acts before leaving the requested party; "
            "the protection ends once they stayed 15 days after being told they are no longer "
            "needed (or a period the parties agree), or came back of their own will.",
            "Свидетель, эксперт или иное лицо, согласившееся прибыть в запрашивающее государство, "
            "не преследуется, не задерживается и не наказывается там за деяния до отъезда; защита "
            "прекращается, если лицо оставалось 15 дней после уведомления, что его присутствие не "
            "требуется (или иной согласованный срок), либо добровольно вернулось.",
            "Сұрау салушы мемлекетке келуге келіскен куә, сарапшы немесе өзге адам онда кетуге "
            "дейінгі әрекеттері үшін қудаланбайды, ұсталмайды және жазаланбайды; қатысуы бұдан "
            "былай қажет емес екені хабарланғаннан кейін 15 күн (не келісілген өзге мерзім) қалса "
            "немесе өз еркімен қайта оралса, қорғау тоқтайды.",
        ),
    ),
    Rule(
        code="government_records",
        citation=c("46.29"),
        summary=s(
            "The requested party supplies copies of public records open to the public under its "
            "law, and may at its discretion supply records that are not.",
            "Запрашиваемое государство предоставляет копии общедоступных по его праву "
            "государственных документов и по своему усмотрению может предоставить и необщедоступные.",
            "Сұрау салынған мемлекет өз заңы бойынша жалпыға қолжетімді мемлекеттік құжаттардың "
            "көшірмелерін береді, ал қолжетімді еместерін өз қалауы бойынша бере алады.",
        ),
    ),
    Rule(
        code="further_agreements",
        citation=c("46.30"),
        summary=s(
            "Parties consider concluding agreements that serve or strengthen Art 46.",
            "Государства рассматривают возможность заключения соглашений, развивающих ст. 46.",
            "Мемлекеттер 46-бапты іске асыратын немесе күшейтетін келісімдер жасасу мүмкіндігін "
            "қарайды.",
        ),
    ),
    # --- chapter V: asset recovery ---------------------------------------------------------------
    Rule(
        code="asset_return_principle",
        citation=c("51"),
        summary=s(
            "Returning assets is a fundamental principle of the Convention; parties give each "
            "other the widest cooperation in it.",
            "Возвращение активов — основополагающий принцип Конвенции; государства оказывают друг "
            "другу самое широкое содействие в этом.",
            "Активтерді қайтару — Конвенцияның негізгі қағидаты; мемлекеттер бұл жөнінде бір-біріне "
            "барынша кең жәрдем көрсетеді.",
        ),
    ),
    Rule(
        code="enhanced_scrutiny_notice",
        citation=c("52.2.b"),
        summary=s(
            "At another party's request, a party may tell its financial institutions which persons' "
            "accounts need enhanced scrutiny.",
            "По просьбе другого государства государство может сообщить своим финансовым "
            "учреждениям, чьи счета требуют усиленного контроля.",
            "Басқа мемлекеттің өтініші бойынша мемлекет өз қаржы ұйымдарына қай адамдардың "
            "шоттарына күшейтілген бақылау қажет екенін хабарлай алады.",
        ),
    ),
    Rule(
        code="financial_disclosure_sharing",
        citation=c("52.5"),
        summary=s(
            "Parties consider letting their authorities share officials' financial disclosures "
            "with other parties to investigate, claim and recover proceeds.",
            "Государства рассматривают возможность обмена сведениями из финансовых деклараций "
            "должностных лиц для расследования, истребования и возвращения доходов.",
            "Мемлекеттер кірістерді тергеу, талап ету және қайтару үшін лауазымды адамдардың "
            "қаржылық декларацияларындағы мәліметтермен алмасу мүмкіндігін қарайды.",
        ),
    ),
    Rule(
        code="direct_recovery",
        citation=c("53"),
        summary=s(
            "Another party may sue in a party's courts for title to property gained by a covered "
            "offence, be awarded compensation, and be recognised as its owner when confiscation is "
            "decided.",
            "Другое государство может предъявить в судах государства иск о праве на имущество, "
            "полученное в результате преступления, получить возмещение и быть признано его "
            "собственником при решении о конфискации.",
            "Басқа мемлекет қылмыс арқылы алынған мүлікке құқық туралы мемлекеттің соттарына талап "
            "қоя алады, өтемақы ала алады және тәркілеу шешілген кезде оның меншік иесі деп таныла "
            "алады.",
        ),
    ),
    Rule(
        code="confiscation_mechanisms",
        citation=c("54.1"),
        summary=s(
            "Each party enables its authorities to give effect to another party's confiscation "
            "order, to confiscate property of foreign origin itself, and considers confiscation "
            "without conviction where the offender has died, fled or is absent.",
            "Государство позволяет своим органам исполнять решения о конфискации другого "
            "государства, самим конфисковать имущество иностранного происхождения и рассматривает "
            "конфискацию без приговора, если виновный умер, скрылся или отсутствует.",
            "Мемлекет өз органдарына басқа мемлекеттің тәркілеу туралы шешімін орындауға, шетелдік "
            "мүлікті өздері тәркілеуге мүмкіндік береді және кінәлі қайтыс болса, жасырынса не жоқ "
            "болса, үкімсіз тәркілеуді қарайды.",
        ),
    ),
    Rule(
        code="freezing_mechanisms",
        citation=c("54.2"),
        summary=s(
            "Each party enables its authorities to freeze or seize property on another party's "
            "order or request that gives reasonable grounds to expect confiscation.",
            "Государство позволяет своим органам арестовывать или изымать имущество по решению "
            "или запросу другого государства, дающему разумные основания ожидать конфискации.",
            "Мемлекет өз органдарына тәркілеуді күтуге негізді себеп беретін басқа мемлекеттің "
            "шешімі немесе сұрау салуы бойынша мүлікке тыйым салуға не алып қоюға мүмкіндік береді.",
        ),
    ),
    Rule(
        code="confiscation_request_contents",
        citation=c("55.3"),
        summary=s(
            "Besides the items of 46.15, a confiscation request describes the property (where it "
            "is, its estimated value) and the facts (55.3(a)); one to execute our order also says "
            "what was done to notify good-faith third parties and ensure due process, and that "
            "the order is final (55.3(b)). The engine has no fields for these: check them by hand.",
            "Помимо сведений по 46.15, запрос о конфискации описывает имущество (где оно, его "
            "оценочная стоимость) и факты (55.3(a)); запрос об исполнении нашего решения также "
            "указывает меры по уведомлению добросовестных третьих лиц и обеспечению надлежащей "
            "процедуры и что решение окончательно (55.3(b)). Полей для этого в системе нет: "
            "проверьте вручную.",
            "46.15-тегі мәліметтерден басқа, тәркілеу туралы сұрау салу мүлікті (қайда екенін, "
            "болжамды құнын) және фактілерді сипаттайды (55.3(a)); біздің шешімді орындату туралы "
            "сұрау салу адал үшінші тұлғаларды хабардар ету мен тиісті рәсімді қамтамасыз ету "
            "шараларын және шешімнің түпкілікті екенін де көрсетеді (55.3(b)). Жүйеде бұлар үшін "
            "өріс жоқ: қолмен тексеріңіз.",
        ),
    ),
    Rule(
        code="confiscation_under_requested_law",
        citation=c("55.4"),
        summary=s(
            "Confiscation and freezing decisions are taken under the requested party's law and "
            "procedure and any agreement binding it with the requesting party.",
            "Решения о конфискации и аресте принимаются по праву и процедурам запрашиваемого "
            "государства и по связывающим его с запрашивающим государством соглашениям.",
            "Тәркілеу және тыйым салу туралы шешімдер сұрау салынған мемлекеттің заңы мен рәсімдері "
            "және оны сұрау салушы мемлекетпен байланыстыратын келісімдер бойынша қабылданады.",
        ),
    ),
    Rule(
        code="convention_as_treaty_basis",
        citation=c("55.6"),
        summary=s(
            "A party that confiscates or freezes only on a treaty basis treats the Convention as "
            "that basis.",
            "Государство, которое проводит конфискацию или арест лишь на договорной основе, "
            "считает такой основой Конвенцию.",
            "Тәркілеуді немесе тыйым салуды тек шарт негізінде жүргізетін мемлекет Конвенцияны "
            "сондай негіз деп санайды.",
        ),
    ),
    # 55.8: no event of the duty vocabulary fits "before lifting a provisional measure".
    Rule(
        code="hearing_before_lifting_measure",
        citation=c("55.8"),
        summary=s(
            "Before lifting a freezing or seizure, the requested party gives the requesting party, "
            "wherever possible, a chance to argue for keeping it.",
            "Прежде чем снять арест или изъятие, запрашиваемое государство по возможности даёт "
            "запрашивающему изложить доводы в пользу сохранения меры.",
            "Тыйым салуды немесе алып қоюды алып тастамас бұрын сұрау салынған мемлекет мүмкіндігінше "
            "сұрау салушы мемлекетке шараны сақтау жөнінде өз дәлелдерін айтуға мүмкіндік береді.",
        ),
    ),
    Rule(
        code="third_party_rights",
        citation=c("55.9"),
        summary=s(
            "Confiscation cooperation does not prejudice the rights of good-faith third parties.",
            "Сотрудничество в конфискации не ущемляет прав добросовестных третьих лиц.",
            "Тәркілеудегі ынтымақтастық адал үшінші тұлғалардың құқықтарына нұқсан келтірмейді.",
        ),
    ),
    Rule(
        code="spontaneous_information_on_proceeds",
        citation=c("56"),
        summary=s(
            "A party tries to be able to send information on proceeds of covered offences to "
            "another party unasked, where it may start or help proceedings there or lead to a "
            "request under chapter V.",
            "Государство стремится иметь возможность без запроса передавать другому государству "
            "сведения о доходах от преступлений, если они могут помочь начать или вести там "
            "разбирательство или привести к запросу по главе V.",
            "Мемлекет қылмыстан түскен кірістер туралы мәліметтерді, олар басқа мемлекетте іс "
            "қозғауға не жүргізуге көмектесетін немесе V тарау бойынша сұрау салуға әкелетін "
            "болса, сұраусыз беру мүмкіндігіне ұмтылады.",
        ),
    ),
    Rule(
        code="asset_return_public_funds",
        citation=c("57.3.a"),
        summary=s(
            "Embezzled public funds, or their laundering, confiscated under Art 55 on a final "
            "judgment of the requesting party (the requested party may waive finality): returned "
            "to the requesting party.",
            "Похищенные публичные средства или их отмывание, конфискованные по ст. 55 на основании "
            "окончательного приговора запрашивающего государства (от этого условия можно "
            "отказаться): возвращаются запрашивающему государству.",
            "55-бап бойынша сұрау салушы мемлекеттің түпкілікті үкімі негізінде тәркіленген "
            "талан-таражға салынған мемлекеттік қаражат немесе оны жылыстату (бұл талаптан бас "
            "тартуға болады): сұрау салушы мемлекетке қайтарылады.",
        ),
    ),
    Rule(
        code="asset_return_other_proceeds",
        citation=c("57.3.b"),
        summary=s(
            "Proceeds of other covered offences confiscated the same way: returned where the "
            "requesting party reasonably shows it owned them before, or the requested party "
            "recognises its damage.",
            "Доходы от иных преступлений по Конвенции, конфискованные так же: возвращаются, если "
            "запрашивающее государство обоснованно подтвердит прежнее право собственности или "
            "запрашиваемое признает причинённый ему ущерб.",
            "Конвенциядағы өзге қылмыстардан түскен, осылай тәркіленген кірістер: сұрау салушы "
            "мемлекет бұрынғы меншігін негізді түрде дәлелдесе не сұрау салынған мемлекет оған "
            "келтірілген залалды мойындаса, қайтарылады.",
        ),
    ),
    Rule(
        code="asset_return_priority_consideration",
        citation=c("57.3.c"),
        summary=s(
            "In every other case, the requested party considers first returning the property to "
            "the requesting party or its prior lawful owners, or compensating the victims.",
            "Во всех иных случаях запрашиваемое государство в первую очередь рассматривает возврат "
            "имущества запрашивающему государству или прежним законным владельцам либо "
            "возмещение потерпевшим.",
            "Қалған барлық жағдайда сұрау салынған мемлекет ең алдымен мүлікті сұрау салушы "
            "мемлекетке не оның бұрынғы заңды иелеріне қайтаруды немесе жәбірленушілерге өтеуді "
            "қарайды.",
        ),
    ),
    Rule(
        code="asset_return_expenses",
        citation=c("57.4"),
        summary=s(
            "Unless the parties decide otherwise, the requested party may deduct reasonable costs "
            "of the investigation and proceedings that led to the return.",
            "Если государства не решат иначе, запрашиваемое государство может удержать разумные "
            "расходы на расследование и разбирательство, приведшие к возврату.",
            "Мемлекеттер өзгеше шешпесе, сұрау салынған мемлекет қайтаруға әкелген тергеу мен іс "
            "жүргізудің негізді шығыстарын ұстап қала алады.",
        ),
    ),
    Rule(
        code="asset_disposal_agreements",
        citation=c("57.5"),
        summary=s(
            "Parties may agree case by case on the final disposal of confiscated property; the "
            "Convention sets no term for asking.",
            "Государства могут в каждом случае договариваться об окончательном распоряжении "
            "конфискованным имуществом; срока для такой просьбы Конвенция не устанавливает.",
            "Мемлекеттер әр жағдайда тәркіленген мүлікке түпкілікті билік ету туралы келісе алады; "
            "мұндай өтініштің мерзімін Конвенция белгілемейді.",
        ),
    ),
)


# --- parties -------------------------------------------------------------------------------------
def _foreign(state: StateInfo, *, source: Source, entered_into_force_on: date,
             signed_on: date | None = None,
             languages: tuple[str, ...] | None = None) -> Party:
    """A foreign party with the central authority it notified under 46.13 (the body is unknown to
    the engine: the office records it in the admin). Declared languages (46.14) only where the
    source states the notification (``languages``)."""
    return convention_party(state, source=source, designation=c("46.13"),
                            central_authority_citation=c("46.13"), signed_on=signed_on,
                            entered_into_force_on=entered_into_force_on,
                            languages=languages or (), languages_citation=c("46.14"))


# Official Dutch treaty series: party tables with signature, ratification and entry into force.
TRB_2011_32 = Source(
    title="Tractatenblad van het Koninkrijk der Nederlanden 2011, 32: Verdrag van de Verenigde "
          "Naties tegen corruptie, partijgegevens",
    url="https://zoek.officielebekendmakingen.nl/dossier/trb-2011-32.html", accessed=ACCESSED)
TRB_2006_266 = Source(
    title="Tractatenblad van het Koninkrijk der Nederlanden 2006, 266: Verdrag van de Verenigde "
          "Naties tegen corruptie, partijgegevens",
    url="https://zoek.officielebekendmakingen.nl/trb-2006-266.html", accessed=ACCESSED)
# Entry-into-force dates from the Netherlands treaty database (Verdragenbank), as reproduced with
# its sources (Trb. 2004, 11 ... Trb. 2024, 83); the official table itself was not reachable.
VERDRAGENBANK_TABLE = Source(
    title="Verdrag van de Verenigde Naties tegen corruptie: partijen en gegevens (from the "
          "Verdragenbank, verdragenbank.overheid.nl), as published by inview.nl",
    url="https://inview.nl/document/id94115641f588f8c9ec5fd33120a71f8a", accessed=ACCESSED)
# Polish Journal of Laws: Government statement of 8 December 2006 on the binding force of UNCAC:
# in force for Poland (68.2) on 15 October 2006; its notifications of 13 October 2006: central
# authority (46.13) the Ministry of Justice, accepted languages (46.14) Polish and English.
POLAND_STATEMENT_2006 = Source(
    title="Oświadczenie rządowe z dnia 8 grudnia 2006 r. w sprawie mocy obowiązującej Konwencji "
          "Narodów Zjednoczonych przeciwko korupcji (in force for Poland on 15 October 2006; "
          "46.13: Ministry of Justice; 46.14: Polish and English)",
    url="http://prawo.legeo.pl/prawo/oswiadczenie-rzadowe-z-dnia-8-grudnia-2006-r-w-sprawie-mocy-"
        "obowiazujacej-konwencji-narodow-zjednoczonych-przeciwko-korupcji-przyjetej-przez-"
        "zgromadzenie-ogolne-narodow-zjednoczonych-dnia-31/", accessed=ACCESSED)
# Swiss Federal Office of Justice, dossier on the UN Convention against Corruption: instrument of
# ratification deposited on 24 September 2009, in force for Switzerland on 24 October 2009.
SWISS_FOJ_UNCAC = Source(
    title="Swiss Federal Office of Justice: UNO-Konvention gegen Korruption (ratification "
          "deposited 24 September 2009; in force for Switzerland 24 October 2009)",
    url="https://www.e-doc.admin.ch/bj/de/home/sicherheit/gesetzgebung/archiv/korruption-uno.html",
    accessed=ACCESSED)
# US Department of State, statement of the US delegation at the first Conference of the States
# Parties (Amman, 10 December 2006), as published by Scoop: "The United States is pleased to have
# become a party to the UNCAC on November 29, 2006".
US_STATE_DEPARTMENT_2006 = Source(
    title="U.S. Department of State, statement by E. Verville at the first Conference of the States "
          "Parties to UNCAC, 10 December 2006 (party since 29 November 2006), as published by Scoop",
    url="https://m.scoop.co.nz/stories/WO0612/S00254.htm", accessed=ACCESSED)

PARTIES = (
    # Kazakhstan: ratified by the Law of 4 May 2008 No 31-IV. Its 46.13 notification (central
    # authority) is not in the project: the General Prosecutor's Office is office policy. The
    # date of deposit and of entry into force (68.2) for Kazakhstan were not found in a citable
    # source: the date below is the office's record (instrument deposited on 18 June 2008; 68.2:
    # the thirtieth day after), office policy, correctable in the admin. Searched again (adilet
    # and zakonpravo texts of Law No. 31-IV, the Netherlands and Polish party tables, the UN
    # status page): no stored text states the deposit or the date.
    Party(
        state=KAZAKHSTAN,
        entered_into_force_on=date(2008, 7, 18), entry_into_force_recorded_by_office=True,
        designation=c("46.13"),
        shared_authorities=(GENERAL_PROSECUTOR,),
        central_authority=CentralAuthorityDeclaration(authority=GENERAL_PROSECUTOR, citation=None),
        # "unless an international treaty ratified by Kazakhstan provides otherwise" (item 2).
        accepted_languages=LanguagesDeclaration(languages=("kk", "ru"), citation=c("46.14")),
        reservations=(
            Reservation(
                code="extradition_legal_basis",
                citation=c("44.6.a"),
                summary=s(
                    "Kazakhstan uses the Convention as the legal basis for extradition with the "
                    "other parties.",
                    "Казахстан использует Конвенцию как правовую основу для выдачи в отношениях с "
                    "другими государствами-участниками.",
                    "Қазақстан Конвенцияны басқа қатысушы мемлекеттермен ұстап беру жөніндегі "
                    "ынтымақтастықтың құқықтық негізі ретінде пайдаланады.",
                ),
            ),
            Reservation(
                code="no_compulsory_jurisdiction_66_2",
                citation=c("66.3"),
                summary=s(
                    "Kazakhstan is not bound by 66.2 (arbitration or the International Court of "
                    "Justice for disputes between parties).",
                    "Казахстан не считает себя связанным п. 2 ст. 66 (арбитраж или "
                    "Международный суд по спорам между государствами).",
                    "Қазақстан өзін 66-баптың 2-тармағымен (мемлекеттер арасындағы дауларды "
                    "төрелікке немесе Халықаралық Сотқа беру) байланған деп санамайды.",
                ),
            ),
        ),
        source=Source(
            title="Law of the Republic of Kazakhstan of 4 May 2008 No. 31-IV on the ratification "
                  "of UNCAC",
            url="https://zakonpravo.kz/en/zakony/zakon-o-ratifikatsii-konventsii-organizatsii-"
                "obedinennyh-natsiy-protiv-korruptsii",
            accessed=ACCESSED),
    ),
    # Trb. 2011, 32: signature, ratification (R), entry into force.
    _foreign(ARMENIA, source=TRB_2011_32, signed_on=date(2005, 5, 19),
             entered_into_force_on=date(2007, 4, 7)),  # ratified 8 Mar 2007
    _foreign(AZERBAIJAN, source=TRB_2011_32, signed_on=date(2004, 2, 27),
             entered_into_force_on=date(2005, 12, 14)),  # ratified 1 Nov 2005 (68.1 date)
    _foreign(BELARUS, source=TRB_2011_32, signed_on=date(2004, 4, 28),
             entered_into_force_on=date(2005, 12, 14)),  # ratified 17 Feb 2005 (68.1 date)
    _foreign(BELGIUM, source=TRB_2011_32, signed_on=date(2003, 12, 10),
             entered_into_force_on=date(2008, 10, 25)),  # ratified 25 Sep 2008
    _foreign(BRAZIL, source=TRB_2011_32, signed_on=date(2003, 12, 9),
             entered_into_force_on=date(2005, 12, 14)),  # ratified 15 Jun 2005 (68.1 date)
    _foreign(BULGARIA, source=TRB_2011_32, signed_on=date(2003, 12, 10),
             entered_into_force_on=date(2006, 10, 20)),  # ratified 20 Sep 2006
    # Trb. 2006, 266.
    _foreign(CHINA, source=TRB_2006_266, signed_on=date(2003, 12, 10),
             entered_into_force_on=date(2006, 2, 12)),  # ratified 13 Jan 2006
    # Verdragenbank table (entry into force only).
    _foreign(CANADA, source=VERDRAGENBANK_TABLE, entered_into_force_on=date(2007, 11, 1)),
    _foreign(CYPRUS, source=VERDRAGENBANK_TABLE, entered_into_force_on=date(2009, 3, 25)),
    _foreign(GERMANY, source=VERDRAGENBANK_TABLE, entered_into_force_on=date(2014, 12, 12)),
    # Polish Government statement of 8 December 2006: in force for Poland 15 Oct 2006 (68.2);
    # 46.14: Polish and English (46.13: the Ministry of Justice, recorded by the office).
    _foreign(POLAND, source=POLAND_STATEMENT_2006, entered_into_force_on=date(2006, 10, 15),
             languages=("pl", "en")),
    # Swiss Federal Office of Justice: deposited 24 Sep 2009, in force 24 Oct 2009.
    _foreign(SWITZERLAND, source=SWISS_FOJ_UNCAC, entered_into_force_on=date(2009, 10, 24)),
    # US delegation, 10 Dec 2006: a party since 29 Nov 2006.
    _foreign(UNITED_STATES, source=US_STATE_DEPARTMENT_2006,
             entered_into_force_on=date(2006, 11, 29)),
    # Not loaded: the other states of ``treaties.rulebook.states`` (Austria, Estonia, France,
    # Georgia, India, Italy, Japan, Korea, Kyrgyzstan, Latvia, Lithuania, Moldova, Mongolia,
    # Netherlands, Russia, Serbia, Slovakia, Czech Republic, Spain, Tajikistan, Türkiye,
    # Turkmenistan, Ukraine, UAE, United Kingdom, Uzbekistan): the party tables read stop at the
    # letter C/D/E, and no other citable record with their dates was found. Russia: only a local
    # news page (ikso.org) gives 8 June 2006, not a treaty record; Ukraine: only its ratification
    # date (18 October 2006) is found; Czech Republic: the Sb.m.s. 105/2013 excerpt and
    # korupce.cz give no date of deposit or entry into force; Uzbekistan: only a textbook
    # (hozir.org) says its accession law "entered into force from 28 August 2008", which reads
    # as the law's own date, not the Convention's. Declared languages (46.14): only Poland's is
    # stated by a source read.
)


# --- registers: use conditions, spontaneous information, costs ----------------------------------
REGISTER_USE_CONDITIONS = UseConditionsRule(
    code="register_use_conditions",
    citation=c("46.19"),
    other_use_consent=c("46.19"),
    consent_always_needed=True,
    confidentiality_inability=c("46.20"),
    # 46.19 lets the requesting party disclose exculpatory evidence after notifying the requested
    # party *beforehand*; the register's "required by law" use is broader and is notified after
    # the use, so it is not mapped here: the notice is the duty ``duty_notice_of_disclosure``.
    summary=s(
        "Material received is used only for the proceedings named in the request unless the "
        "supplying party consents first; the register records every other use and its consent.",
        "Полученные материалы используются только для указанных в запросе разбирательств, если "
        "передавшее государство заранее не согласится на иное; реестр отмечает каждое иное "
        "использование и согласие на него.",
        "Алынған материалдар, егер беруші мемлекет алдын ала өзгесіне келіспесе, тек сұрау "
        "салуда аталған іс жүргізу үшін пайдаланылады; тізілім әрбір өзге пайдалануды және оған "
        "берілген келісімді көрсетеді.",
    ),
)
REGISTER_SPONTANEOUS_INFORMATION = SpontaneousInformationRule(
    code="register_spontaneous_information",
    citation=c("46.4"),
    conditions=c("46.5"),
    summary=s(
        "Information on criminal matters sent or received unasked is registered with the "
        "sender's requests for confidentiality or limits on use, which the receiver respects "
        "(exculpatory information may still be disclosed, with notice).",
        "Сведения по уголовным делам, переданные или полученные без запроса, регистрируются "
        "вместе с требованиями отправителя о конфиденциальности или ограничении использования, "
        "которые получатель соблюдает (оправдывающие сведения можно раскрыть, уведомив).",
        "Сұраусыз жіберілген немесе алынған қылмыстық істер жөніндегі мәліметтер жіберушінің "
        "құпиялылық немесе пайдалануды шектеу туралы талаптарымен бірге тіркеледі, алушы "
        "оларды сақтайды (ақтайтын мәліметтерді хабарлап ашуға болады).",
    ),
)
REGISTER_COSTS = CostsRule(
    code="register_costs",
    citation=c("46.28"),
    heads=(
        CostHeadRule(code="cost_ordinary", citation=c("46.28"),
                     borne_by=CostBearer.REQUESTED_SIDE, summary=s(
                         "Ordinary costs of execution: the requested party, unless agreed "
                         "otherwise.",
                         "Обычные расходы на исполнение: запрашиваемое государство, если не "
                         "договорились об ином.",
                         "Орындаудың әдеттегі шығыстары: өзгеше келісілмесе, сұрау салынған "
                         "мемлекет.")),
        CostHeadRule(code="cost_asset_return_expenses", citation=c("57.4"),
                     borne_by=CostBearer.REQUESTING_SIDE, summary=s(
                         "Reasonable costs of the proceedings leading to a return of confiscated "
                         "property: may be deducted from what is returned.",
                         "Разумные расходы на разбирательство, приведшее к возврату "
                         "конфискованного имущества: могут быть удержаны из возвращаемого.",
                         "Тәркіленген мүлікті қайтаруға әкелген іс жүргізудің негізді "
                         "шығыстары: қайтарылатын мүліктен ұсталуы мүмкін.")),
    ),
    extraordinary=c("46.28"),
    consultation_mandatory=True,
    summary=s(
        "The requested party bears the ordinary costs unless agreed otherwise; where costs are "
        "substantial or extraordinary, the parties consult on the terms of execution and how the "
        "costs are shared.",
        "Обычные расходы несёт запрашиваемое государство, если не договорились об ином; при "
        "значительных или чрезвычайных расходах государства консультируются об условиях "
        "исполнения и распределении расходов.",
        "Өзгеше келісілмесе, әдеттегі шығыстарды сұрау салынған мемлекет көтереді; шығыстар "
        "елеулі немесе төтенше болса, мемлекеттер орындау шарттары мен шығыстарды бөлу туралы "
        "кеңеседі.",
    ),
)


RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.CONVENTION,
    title=s(
        "United Nations Convention against Corruption",
        "Конвенция Организации Объединённых Наций против коррупции",
        "Біріккен Ұлттар Ұйымының Сыбайлас жемқорлыққа қарсы конвенциясы",
    ),
    short_title=s(
        "UN Convention against Corruption (2003)",
        "Конвенция ООН против коррупции (2003)",
        "БҰҰ-ның Сыбайлас жемқорлыққа қарсы конвенциясы (2003)",
    ),
    parties=PARTIES,
    signed_on=date(2003, 10, 31),  # adopted and dated New York, 31 October 2003
    signed_at="New York",
    approval_act="Law of the Republic of Kazakhstan of 4 May 2008 No 31-IV (ratification)",
    entry_into_force=Rule(
        code="entry_into_force",
        citation=c("68.1"),
        summary=s(
            "In force on the 90th day after the 30th instrument of ratification, acceptance, "
            "approval or accession was deposited: 14 December 2005.",
            "Вступила в силу на 90-й день после сдачи на хранение 30-й ратификационной грамоты "
            "или документа о принятии, утверждении или присоединении: 14 декабря 2005 года.",
            "Ратификациялау, қабылдау, бекіту немесе қосылу туралы 30-шы құжат сақтауға "
            "тапсырылғаннан кейінгі 90-шы күні күшіне енді: 2005 жылғы 14 желтоқсан.",
        ),
    ),
    entry_into_force_date=date(2005, 12, 14),
    party_entry_into_force=Rule(
        code="party_entry_into_force",
        citation=c("68.2"),
        summary=s(
            "For a state joining later, in force on the 30th day after it deposits its instrument "
            "(not before 14 December 2005).",
            "Для государства, присоединившегося позже, вступает в силу на 30-й день после сдачи "
            "его документа на хранение (не ранее 14 декабря 2005 года).",
            "Кейін қосылған мемлекет үшін оның құжаты сақтауға тапсырылғаннан кейінгі 30-шы күні "
            "күшіне енеді (2005 жылғы 14 желтоқсаннан ерте емес).",
        ),
    ),
    termination=TermRule(
        code="termination",
        citation=c("70.1"),
        months=12,
        summary=s(
            "The Convention has no end date; a party leaves it by denunciation, which takes effect "
            "one year after the UN Secretary-General receives the notice.",
            "Срок действия Конвенции не ограничен; государство выходит из неё денонсацией, "
            "которая вступает в силу через год после получения уведомления Генеральным секретарём "
            "ООН.",
            "Конвенцияның қолданылу мерзімі шектелмеген; мемлекет одан денонсациялау арқылы "
            "шығады, ол хабарламаны БҰҰ Бас хатшысы алғаннан кейін бір жыл өткен соң күшіне енеді.",
        ),
    ),
    withdrawal=TermRule(
        code="withdrawal",
        citation=c("70.1"),
        months=12,
        summary=s(
            "A party's written denunciation to the UN Secretary-General takes effect for it one "
            "year after receipt; the Convention stays in force between the others.",
            "Письменная денонсация государства, направленная Генеральному секретарю ООН, вступает "
            "для него в силу через год после получения; для остальных Конвенция продолжает "
            "действовать.",
            "Мемлекеттің БҰҰ Бас хатшысына жіберген жазбаша денонсациясы ол үшін алынғаннан кейін "
            "бір жыл өткен соң күшіне енеді; қалғандары үшін Конвенция қолданыла береді.",
        ),
    ),
    precedence=PrecedenceRule(
        code="mla_treaty_precedence",
        citation=c("46.7"),
        rank=40,
        displaced_by=MLA_TREATY_KINDS,
        rank_office_policy=s(
            "Among conventions that all apply, the office tries the one most specific to the "
            "offence first; that order is our choice, not the Convention's.",
            "Из нескольких применимых конвенций офис сначала выбирает наиболее специальную для "
            "данного преступления; этот порядок — наше решение, а не требование Конвенции.",
            "Бірнеше қолданылатын конвенцияның ішінен кеңсе алдымен осы қылмысқа ең арнайысын "
            "таңдайды; бұл тәртіп — Конвенцияның талабы емес, біздің шешіміміз.",
        ),
        summary=s(
            "Paragraphs 9-29 of Art 46 apply only where the two states are not bound by a treaty "
            "of mutual legal assistance, unless they agree to apply them instead of that treaty.",
            "Пункты 9-29 ст. 46 применяются, только если государства не связаны договором о "
            "взаимной правовой помощи, либо если они договорились применять их вместо договора.",
            "46-баптың 9-29-тармақтары мемлекеттер өзара құқықтық көмек туралы шартпен "
            "байланбаған жағдайда ғана немесе оларды шарттың орнына қолдануға келіскенде "
            "қолданылады.",
        ),
    ),
    offence_scope=OffenceScopeRule(
        code="offence_scope",
        citation=c("46.1"),
        # Chapter III: bribery, embezzlement, trading in influence, abuse of functions, illicit
        # enrichment (Art 15-22) are corruption; laundering (Art 23) and concealment of property
        # from those offences (Art 24) are money laundering; Art 25 is obstruction of justice.
        categories=frozenset({CORRUPTION, MONEY_LAUNDERING, OBSTRUCTION_OF_JUSTICE}),
        summary=s(
            "Assistance covers the offences established under chapter III: bribery, embezzlement, "
            "trading in influence, abuse of functions, illicit enrichment (Art 15-22), laundering "
            "of proceeds and concealment (Art 23-24) and obstruction of justice (Art 25).",
            "Помощь охватывает преступления по главе III: подкуп, хищение, злоупотребление "
            "влиянием и служебным положением, незаконное обогащение (ст. 15-22), отмывание "
            "доходов и сокрытие (ст. 23-24) и воспрепятствование правосудию (ст. 25).",
            "Көмек III тарау бойынша белгіленген қылмыстарды қамтиды: пара беру мен алу, "
            "талан-таражға салу, ықпалды және қызмет бабын теріс пайдалану, заңсыз байыну "
            "(15-22-баптар), кірістерді жылыстату және жасыру (23-24-баптар) және сот төрелігіне "
            "кедергі келтіру (25-бап).",
        ),
    ),
    communication=ChannelRule(
        code="communication",
        citation=c("46.13"),
        channels=frozenset({Channel.POST, Channel.COURIER, Channel.FAX, Channel.ELECTRONIC,
                            Channel.DIPLOMATIC}),
        authority_kind=AuthorityKind.CENTRAL,
        # 46.13 names the authorities; 46.14 the means (in writing or any means leaving a written
        # record).
        channels_citation=c("46.14"),
        conditional_channels=(
            ConditionalChannelRule(
                code="urgent_via_interpol",
                citation=c("46.13"),
                channel=Channel.INTERPOL,
                urgent_only=True,
                summary=s(
                    "In urgent cases, and where the two parties agree, requests may go through "
                    "Interpol if possible.",
                    "В срочных случаях и по согласию обоих государств запросы по возможности "
                    "можно направлять через Интерпол.",
                    "Шұғыл жағдайда және екі мемлекет келіссе, сұрау салуларды мүмкіндігінше "
                    "Интерпол арқылы жіберуге болады.",
                ),
            ),
        ),
        summary=s(
            "Requests and all related correspondence go to the central authorities the parties "
            "designated; a party may require diplomatic channels instead. Any means leaving a "
            "written record will do (46.14).",
            "Запросы и вся связанная переписка направляются назначенным государствами центральным "
            "органам; государство может потребовать дипломатического канала. Допускаются любые "
            "средства, оставляющие письменную запись (46.14).",
            "Сұрау салулар мен оларға қатысты барлық хат алмасу мемлекеттер белгілеген орталық "
            "органдарға жіберіледі; мемлекет дипломатиялық арнаны талап ете алады. Жазбаша із "
            "қалдыратын кез келген құрал жарайды (46.14).",
        ),
    ),
    written_form=Rule(
        code="written_form",
        citation=c("46.14"),
        summary=s(
            "A request is made in writing or by any means that leaves a written record, in a way "
            "that lets the requested party check it is genuine.",
            "Запрос составляется письменно или любым способом, оставляющим письменную запись, "
            "так, чтобы запрашиваемое государство могло удостовериться в его подлинности.",
            "Сұрау салу жазбаша немесе жазбаша із қалдыратын кез келген тәсілмен, сұрау салынған "
            "мемлекет оның түпнұсқалығына көз жеткізе алатындай етіп жасалады.",
        ),
    ),
    assistance_types=ASSISTANCE_TYPES,
    scope=Rule(
        code="scope",
        citation=c("46.3"),
        summary=s(
            "The purposes for which assistance may be asked, from taking evidence to recovering "
            "assets under chapter V.",
            "Цели, для которых можно просить о помощи, — от получения доказательств до "
            "возвращения активов по главе V.",
            "Көмек сұралуы мүмкін мақсаттар — дәлелдемелер алудан V тарау бойынша активтерді "
            "қайтаруға дейін.",
        ),
    ),
    mandatory_contents=MANDATORY_CONTENTS,
    optional_contents=OPTIONAL_CONTENTS,
    language=LanguageRule(
        code="language",
        citation=c("46.14"),
        accepted_languages=(PARTY_DECLARED_LANGUAGES,),
        summary=s(
            "In a language the requested party accepts, as it notified the UN Secretary-General "
            "(Kazakhstan: Kazakh or Russian).",
            "На языке, приемлемом для запрашиваемого государства, о котором оно уведомило "
            "Генерального секретаря ООН (для Казахстана — казахский или русский).",
            "Сұрау салынған мемлекет БҰҰ Бас хатшысына хабарлаған, өзі қабылдайтын тілде "
            "(Қазақстан үшін — қазақ немесе орыс тілі).",
        ),
    ),
    oral_requests=OralRequestRule(
        code="oral_requests",
        citation=c("46.14"),
        urgent_only=True,
        confirmation_hours=None,
        summary=s(
            "In urgent cases, and where the parties agree, a request may be made orally; it is "
            "confirmed in writing forthwith (no figure in the text).",
            "В срочных случаях и по согласию государств запрос можно сделать устно; он "
            "безотлагательно подтверждается письменно (срок в тексте не указан).",
            "Шұғыл жағдайда және мемлекеттер келіссе, сұрау салуды ауызша жасауға болады; ол "
            "дереу жазбаша расталады (мерзім мәтінде көрсетілмеген).",
        ),
    ),
    additional_information=Rule(
        code="additional_information",
        citation=c("46.16"),
        summary=s(
            "The requested party may ask for more information where its law needs it for "
            "execution or where it would make execution easier.",
            "Запрашиваемое государство может запросить дополнительные сведения, если они нужны "
            "для исполнения по его праву или облегчат исполнение.",
            "Сұрау салынған мемлекет өз заңы бойынша орындау үшін қажет болса немесе орындауды "
            "жеңілдетсе, қосымша мәліметтер сұрата алады.",
        ),
    ),
    prompt_execution=Rule(
        code="prompt_execution",
        citation=c("46.24"),
        summary=s(
            "The requested party executes the request as soon as possible, taking the fullest "
            "account it can of reasoned deadlines the requesting party proposes.",
            "Запрашиваемое государство исполняет запрос как можно скорее, максимально учитывая "
            "обоснованные сроки, предложенные запрашивающим государством.",
            "Сұрау салынған мемлекет сұрау салуды мүмкіндігінше тез орындайды және сұрау салушы "
            "мемлекет ұсынған негізді мерзімдерді барынша ескереді.",
        ),
    ),
    refusal_grounds=REFUSAL_GROUNDS,
    excluded_refusal_grounds=EXCLUDED_REFUSAL_GROUNDS,
    # A ground off the list is answered under 46.21 (the list); 46.9(b), 46.10(a) and 55.7 add
    # their own grounds.
    refusal_grounds_citation=c("46.21"),
    refusal_consultation=ConsultationRule(
        code="refusal_consultation",
        citation=c("46.26"),
        on_conditions=True,
        summary=s(
            "Before refusing, the requested party consults the requesting party on whether "
            "assistance could be given on terms and conditions.",
            "Прежде чем отказать, запрашиваемое государство консультируется с запрашивающим о "
            "возможности оказать помощь на определённых условиях.",
            "Бас тартпас бұрын сұрау салынған мемлекет көмекті белгілі бір шарттармен көрсету "
            "мүмкіндігі туралы сұрау салушы мемлекетпен кеңеседі.",
        ),
    ),
    refusal_reasons=Rule(
        code="refusal_reasons",
        citation=c("46.23"),
        summary=s(
            "Every refusal of assistance is reasoned.",
            "Любой отказ в помощи должен быть мотивирован.",
            "Көмектен кез келген бас тарту дәлелді болуы тиіс.",
        ),
    ),
    deferral_grounds=DEFERRAL_GROUNDS,
    deferral_grounds_citation=c("46.25"),
    deferral_consultation=ConsultationRule(
        code="deferral_consultation",
        citation=c("46.26"),
        on_conditions=True,
        summary=s(
            "Before postponing, the requested party consults the requesting party on whether "
            "assistance could be given on terms and conditions.",
            "Прежде чем отсрочить исполнение, запрашиваемое государство консультируется с "
            "запрашивающим о возможности оказать помощь на определённых условиях.",
            "Орындауды кейінге қалдырмас бұрын сұрау салынған мемлекет көмекті белгілі бір "
            "шарттармен көрсету мүмкіндігі туралы сұрау салушы мемлекетпен кеңеседі.",
        ),
    ),
    # The Convention asks reasons for a refusal (46.23), not for a postponement: with no
    # ``deferral_reasons`` the guard falls back to ``refusal_reasons``.
    deferral_reasons=None,
    conditions=Rule(
        code="conditions",
        citation=c("46.26"),
        summary=s(
            "The requested party may assist on the terms and conditions it deems necessary; a "
            "requesting party that accepts them must keep to them.",
            "Запрашиваемое государство может оказать помощь на условиях, которые считает "
            "необходимыми; принявшее их запрашивающее государство обязано их соблюдать.",
            "Сұрау салынған мемлекет өзі қажет деп санайтын шарттармен көмек көрсете алады; "
            "оларды қабылдаған сұрау салушы мемлекет оларды сақтауға міндетті.",
        ),
    ),
    conditions_need_acceptance=True,
    refusal_reasons_required=True,
    partial_execution_reasons_required=False,
    detainee_transfer=DetaineeTransferRule(
        code="detainee_transfer",
        citation=c("46.11.b"),
        consent_citation=c("46.10.a"),
        summary=s(
            "A transferred person is returned without delay as the competent authorities of both "
            "parties agreed beforehand or later; the text sets no term.",
            "Переданное лицо возвращается без промедления так, как заранее или позднее "
            "договорились компетентные органы обоих государств; срок текст не устанавливает.",
            "Берілген адам екі мемлекеттің құзыретті органдары алдын ала немесе кейін келіскендей "
            "кідіріссіз қайтарылады; мерзімді мәтін белгілемейді.",
        ),
    ),
    # UNCAC sets no term for asking to share or dispose of confiscated property (57.5: agreements
    # case by case): no ``asset_sharing`` term.
    asset_sharing=None,
    other_rules=OTHER_RULES,
    duties=(
        DutyRule(
            code="duty_notice_of_refusal",
            citation=c("46.23"),
            event=DutyEvent.REFUSAL,
            summary=s(
                "A party that refuses gives the requesting party its reasons; no term is set.",
                "Отказавшее государство сообщает запрашивающему причины отказа; срок не "
                "установлен.",
                "Бас тартқан мемлекет сұрау салушы мемлекетке бас тарту себептерін хабарлайды; "
                "мерзім белгіленбеген.",
            ),
        ),
        DutyRule(
            code="duty_notice_confidentiality_impossible",
            citation=c("46.20"),
            event=DutyEvent.CONFIDENTIALITY_IMPOSSIBLE,
            immediate=True,
            summary=s(
                "If the requested party cannot keep the request confidential, it tells the "
                "requesting party promptly.",
                "Если запрашиваемое государство не может сохранить конфиденциальность, оно "
                "незамедлительно сообщает об этом запрашивающему.",
                "Сұрау салынған мемлекет құпиялылықты сақтай алмаса, бұл туралы сұрау салушы "
                "мемлекетке дереу хабарлайды.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_disclosure",
            citation=c("46.19"),
            event=DutyEvent.DISCLOSURE_REQUIRED,
            owed_by=DutyParty.REQUESTING,
            summary=s(
                "Before disclosing in its proceedings evidence that clears an accused, the "
                "requesting party notifies the requested party (and consults if asked); where "
                "notice in advance is impossible, it informs without delay afterwards.",
                "Перед раскрытием в своём разбирательстве доказательств, оправдывающих "
                "обвиняемого, запрашивающее государство уведомляет запрашиваемое (и по просьбе "
                "консультируется); если заранее невозможно — сообщает без промедления после.",
                "Айыпталушыны ақтайтын дәлелдемелерді өз іс жүргізуінде ашпас бұрын сұрау салушы "
                "мемлекет сұрау салынған мемлекетке хабарлайды (өтініш болса, кеңеседі); алдын "
                "ала мүмкін болмаса, кейін кідіріссіз хабарлайды.",
            ),
        ),
        DutyRule(
            code="duty_progress_information",
            citation=c("46.24"),
            event=DutyEvent.PROGRESS_ASKED,
            summary=s(
                "The requested party answers reasonable questions on the status and progress of "
                "the request; no term is set.",
                "Запрашиваемое государство отвечает на разумные запросы о состоянии и ходе "
                "исполнения; срок не установлен.",
                "Сұрау салынған мемлекет сұрау салудың жай-күйі мен орындалу барысы туралы "
                "негізді сұрақтарға жауап береді; мерзім белгіленбеген.",
            ),
        ),
        DutyRule(
            code="duty_safe_conduct_ends",
            citation=c("46.27"),
            event=DutyEvent.PRESENCE_NO_LONGER_NEEDED,
            owed_by=DutyParty.REQUESTING,
            days=15,
            notice=False,
            summary=s(
                "Safe conduct ends if the person, free to leave, stays in the requesting party 15 "
                "consecutive days after being officially told their presence is no longer needed "
                "(or a period the parties agreed).",
                "Гарантия безопасности прекращается, если лицо, имея возможность уехать, остаётся "
                "в запрашивающем государстве 15 дней подряд после официального уведомления, что "
                "его присутствие больше не нужно (или иной согласованный срок).",
                "Кету мүмкіндігі бола тұра адам қатысуы бұдан былай қажет емес екені ресми "
                "хабарланғаннан кейін сұрау салушы мемлекетте қатарынан 15 күн (не келісілген "
                "өзге мерзім) қалса, қауіпсіздік кепілдігі тоқтайды.",
            ),
        ),
        DutyRule(
            code="duty_consultation_on_extra_costs",
            citation=c("46.28"),
            event=DutyEvent.EXTRA_COSTS_ANNOUNCED,
            owed_by=DutyParty.BOTH,
            notice=False,
            summary=s(
                "Where execution needs substantial or extraordinary costs, the parties consult "
                "on the terms of execution and on who bears the costs; no term is set.",
                "Если исполнение требует значительных или чрезвычайных расходов, государства "
                "консультируются об условиях исполнения и о распределении расходов; срок не "
                "установлен.",
                "Орындау елеулі немесе төтенше шығыстарды талап етсе, мемлекеттер орындау "
                "шарттары мен шығыстарды кім көтеретіні туралы кеңеседі; мерзім белгіленбеген.",
            ),
        ),
    ),
    use_conditions=REGISTER_USE_CONDITIONS,
    spontaneous_information_register=REGISTER_SPONTANEOUS_INFORMATION,
    costs=REGISTER_COSTS,
)
