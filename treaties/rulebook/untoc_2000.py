"""United Nations Convention against Transnational Organized Crime (New York, 15 November 2000;
opened for signature at Palermo on 12 December 2000): its mutual legal assistance rules.

Encoded: Art 18 (mutual legal assistance), with what bears on it in Art 2 (serious crime,
organised criminal group), Art 3 (scope), Art 12-13 (confiscation and provisional measures) and
Art 16.9 (custody pending extradition: not mutual legal assistance); Art 38 (entry into force)
and Art 40 (denunciation). Authentic English text: /work/shared/treaties/
untoc-2000-transnational-organized-crime.en.txt.

Art 18.7: paragraphs 9 to 29 give way to a treaty of mutual legal assistance binding the two
states (``precedence``). Where no such treaty binds them, the Convention's own rules apply, each
party with its own date of entry into force (38.2), central authority (18.13), languages and oral
requests (18.14).

Citation convention: "18.15.a" is Art 18, paragraph 15, sub-paragraph a). Art 2 has sub-paragraphs
and no numbered paragraphs: "2..b" is Art 2(b). Summaries are our own wording, not treaty
sentences.
"""

from __future__ import annotations

from datetime import date

from .home import GENERAL_PROSECUTOR
from .home import KAZAKHSTAN
from .offences import CORRUPTION
from .offences import MONEY_LAUNDERING
from .offences import OBSTRUCTION_OF_JUSTICE
from .offences import PARTICIPATION_IN_ORGANISED_GROUP
from .parties import CentralAuthorityDeclaration
from .parties import Party
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
from .states import AUSTRIA
from .states import AZERBAIJAN
from .states import BELARUS
from .states import BELGIUM
from .states import BRAZIL
from .states import BULGARIA
from .states import CANADA
from .states import CHINA
from .states import CYPRUS
from .states import GERMANY
from .states import LATVIA
from .states import LITHUANIA
from .states import POLAND
from .states import SERBIA
from .states import SPAIN
from .states import SWITZERLAND
from .states import TAJIKISTAN
from .states import UNITED_STATES
from .states import convention_party

SLUG = "untoc-2000"

c = citer(SLUG)  # c("18.15.a") -> Art 18, paragraph 15, sub-paragraph a; c("2..b") -> Art 2(b)
s = Summary  # s(en, ru, kk)

# The day the sources of the parties' dates were read.
ACCESSED = date(2026, 12, 4)


# --- assistance types (Art 18.3, 18.10, 18.18, 13) -----------------------------------------------
ASSISTANCE_TYPES = (
    AssistanceTypeRule(
        code="testimony",
        citation=c("18.3.a"),
        summary=s(
            "Taking evidence or statements from persons.",
            "Получение показаний или заявлений от лиц.",
            "Адамдардан айғақтар немесе түсініктемелер алу.",
        ),
    ),
    AssistanceTypeRule(
        code="service_of_documents",
        citation=c("18.3.b"),
        summary=s(
            "Serving judicial documents.",
            "Вручение судебных документов.",
            "Сот құжаттарын табыс ету.",
        ),
    ),
    AssistanceTypeRule(
        code="search_and_seizure",
        citation=c("18.3.c"),
        summary=s(
            "Carrying out searches and seizures, and freezing.",
            "Проведение обысков и выемок, а также замораживание.",
            "Тінту мен алып қоюды жүргізу, сондай-ақ мүлікті бұғаттау.",
        ),
    ),
    AssistanceTypeRule(
        code="examination_of_objects",
        citation=c("18.3.d"),
        summary=s(
            "Examining objects and sites.",
            "Осмотр предметов и мест.",
            "Заттар мен орындарды қарап-тексеру.",
        ),
    ),
    AssistanceTypeRule(
        code="documents_and_evidence",
        citation=c("18.3.e"),
        summary=s(
            "Supplying information and items of evidence.",
            "Предоставление информации и вещественных доказательств.",
            "Ақпарат пен заттай дәлелдемелерді беру.",
        ),
    ),
    AssistanceTypeRule(
        code="expert_examination",
        citation=c("18.3.e"),
        summary=s(
            "Supplying expert evaluations.",
            "Предоставление экспертных оценок.",
            "Сарапшылардың бағалауларын беру.",
        ),
    ),
    AssistanceTypeRule(
        code="official_documents",
        citation=c("18.3.f"),
        summary=s(
            "Originals or certified copies of documents and records, government and corporate "
            "ones included.",
            "Подлинники или заверенные копии документов и материалов, в том числе "
            "государственных и корпоративных.",
            "Құжаттар мен материалдардың, оның ішінде мемлекеттік және корпоративтік "
            "құжаттардың түпнұсқалары немесе куәландырылған көшірмелері.",
        ),
    ),
    AssistanceTypeRule(
        code="bank_information",
        citation=c("18.3.f"),
        summary=s(
            "Bank and financial records, as originals or certified copies.",
            "Банковские и финансовые документы в подлинниках или заверенных копиях.",
            "Банктік және қаржылық құжаттардың түпнұсқалары немесе куәландырылған көшірмелері.",
        ),
    ),
    AssistanceTypeRule(
        code="provisional_measures",
        citation=c("18.3.g"),
        summary=s(
            "Identifying or tracing proceeds, property and instrumentalities; freezing them "
            "(18.3.c) and, under Art 13.2, seizing them with a view to confiscation.",
            "Выявление и отслеживание доходов, имущества и орудий преступления; их "
            "замораживание (18.3.c) и, по ст. 13.2, арест для последующей конфискации.",
            "Қылмыстан түскен кірістерді, мүлікті және қылмыс құралдарын анықтау, олардың ізіне "
            "түсу; оларды бұғаттау (18.3.c) және 13.2-бап бойынша кейін тәркілеу үшін оларға "
            "тыйым салу.",
        ),
    ),
    AssistanceTypeRule(
        code="confiscation",
        citation=c("13.1"),
        summary=s(
            "Confiscating proceeds, property or instrumentalities found in the requested state: "
            "by an order obtained there (13.1.a) or by giving effect to the requesting state's "
            "order (13.1.b).",
            "Конфискация доходов, имущества или орудий преступления, находящихся в "
            "запрашиваемом государстве: по решению, полученному там (13.1.a), или путём "
            "исполнения решения запрашивающего государства (13.1.b).",
            "Сұрау салынған мемлекетте тұрған кірістерді, мүлікті немесе қылмыс құралдарын "
            "тәркілеу: сол жерде алынған шешім бойынша (13.1.a) немесе сұрау салушы мемлекеттің "
            "шешімін орындау арқылы (13.1.b).",
        ),
    ),
    AssistanceTypeRule(
        code="transfer_of_detainees",
        citation=c("18.10"),
        summary=s(
            "Temporary transfer of a person detained or serving a sentence, to identify, testify "
            "or otherwise help obtain evidence, with the person's consent.",
            "Временная передача лица, содержащегося под стражей или отбывающего наказание, для "
            "опознания, дачи показаний или иной помощи в получении доказательств, с его "
            "согласия.",
            "Қамауда ұсталған немесе жаза өтеп жүрген адамды оның келісімімен тану, айғақ беру "
            "немесе дәлелдемелер алуға өзгеше көмектесу үшін уақытша беру.",
        ),
    ),
    AssistanceTypeRule(
        code="videoconference_hearing",
        citation=c("18.18"),
        summary=s(
            "Hearing a witness or expert by videoconference where appearing in person is not "
            "possible or desirable, if the requested state permits it.",
            "Допрос свидетеля или эксперта по видеосвязи, если личная явка невозможна или "
            "нежелательна и запрашиваемое государство это разрешает.",
            "Жеке келу мүмкін емес немесе қажет болмаса, сұрау салынған мемлекет рұқсат етсе, "
            "куәдан немесе сарапшыдан бейнеконференция арқылы жауап алу.",
        ),
    ),
    AssistanceTypeRule(
        code="other_legal_assistance",
        citation=c("18.3.i"),
        summary=s(
            "Any other assistance the requested state's law does not forbid.",
            "Любая иная помощь, не противоречащая праву запрашиваемого государства.",
            "Сұрау салынған мемлекеттің құқығына қайшы келмейтін кез келген өзге көмек.",
        ),
    ),
)

# Every type but service of documents: a request asking for one of them states the facts
# (18.15.c spares only requests for service of judicial documents).
_TYPES_NEEDING_FACTS = frozenset(rule.code for rule in ASSISTANCE_TYPES) - {"service_of_documents"}


# --- contents of a request (Art 18.15, 13.3) -------------------------------------------------------
MANDATORY_CONTENTS = (
    ContentRule(
        code="content_requesting_authority",
        citation=c("18.15.a"),
        field="requesting_authority",
        summary=s(
            "Who is making the request.",
            "Какой орган направляет запрос.",
            "Сұрау салуды қай орган жіберетіні.",
        ),
    ),
    ContentRule(
        code="content_offence_description",
        citation=c("18.15.b"),
        field="offence_description",
        summary=s(
            "What the investigation, prosecution or judicial proceeding is about and its nature.",
            "Предмет и характер расследования, уголовного преследования или судебного "
            "разбирательства.",
            "Тергеудің, қылмыстық қудалаудың немесе сот талқылауының мәні мен сипаты.",
        ),
    ),
    ContentRule(
        code="content_proceedings_authority",
        citation=c("18.15.b"),
        field="proceedings_authority",
        summary=s(
            "The name and functions of the authority in charge of those proceedings.",
            "Наименование и функции органа, который ведёт это производство.",
            "Сол іс жүргізуді жүргізетін органның атауы мен қызметі.",
        ),
    ),
    ContentRule(
        code="content_facts_summary",
        citation=c("18.15.c"),
        field="facts_summary",
        # Not for a request that asks only for service of judicial documents.
        required_when=ContentCondition.ASSISTANCE,
        assistance_types=_TYPES_NEEDING_FACTS,
        summary=s(
            "A short account of the relevant facts (not needed when only service of judicial "
            "documents is asked).",
            "Краткое изложение относящихся к делу фактов (не требуется, если просят только о "
            "вручении судебных документов).",
            "Іске қатысты фактілердің қысқаша баяндалуы (тек сот құжаттарын табыс ету "
            "сұралғанда қажет емес).",
        ),
    ),
    ContentRule(
        code="content_assistance_description",
        citation=c("18.15.d"),
        field="assistance_description",
        summary=s(
            "What assistance is sought.",
            "Какая помощь запрашивается.",
            "Қандай көмек сұралатыны.",
        ),
    ),
    ContentRule(
        code="content_purpose",
        citation=c("18.15.f"),
        field="purpose",
        summary=s(
            "Why the evidence, information or action is sought.",
            "Для какой цели запрашиваются доказательства, сведения или действия.",
            "Дәлелдемелер, мәліметтер немесе әрекеттер қандай мақсатпен сұралатыны.",
        ),
    ),
    ContentRule(
        code="content_confiscation_order",
        citation=c("13.3.b"),
        field="enclosed_documents",
        required_when=ContentCondition.ASSISTANCE,
        assistance_types=frozenset({"confiscation"}),
        summary=s(
            "For a request to enforce our confiscation order: a legally admissible copy of the "
            "order, with the facts and how far it is to be executed.",
            "Для запроса об исполнении нашего решения о конфискации: юридически допустимая "
            "копия решения, факты и пределы, в которых его просят исполнить.",
            "Біздің тәркілеу туралы шешімімізді орындау туралы сұрау салу үшін: шешімнің заң "
            "жүзінде жарамды көшірмесі, фактілер және оны қандай көлемде орындау сұралатыны.",
        ),
    ),
)

# 18.15.d (procedure) and 18.15.e ("where possible": persons concerned) are asked for only where
# they apply, so they cannot block a request that has none.
OPTIONAL_CONTENTS = (
    ContentRule(
        code="optional_procedure",
        citation=c("18.15.d"),
        field="procedure_requirements",
        summary=s(
            "Any particular procedure the requesting state wants followed.",
            "Особая процедура, которую запрашивающее государство просит соблюсти.",
            "Сұрау салушы мемлекет сақтауды сұрайтын ерекше рәсім.",
        ),
    ),
    ContentRule(
        code="optional_persons",
        citation=c("18.15.e"),
        field="persons",
        summary=s(
            "Where possible, who any person concerned is, where they are and their nationality.",
            "По возможности: личность, местонахождение и гражданство каждого затрагиваемого "
            "лица.",
            "Мүмкіндігінше: іске қатысы бар әр адамның жеке басы, тұрған жері және азаматтығы.",
        ),
    ),
    ContentRule(
        code="optional_requested_deadline",
        citation=c("18.24"),
        field="requested_execution_date",
        summary=s(
            "A date by which execution is wanted, with its reasons: the requested state takes "
            "it into account as far as it can.",
            "Срок, к которому желательно исполнение, с обоснованием: запрашиваемое государство "
            "по возможности его учитывает.",
            "Орындау күтілетін мерзім, негіздемесімен: сұрау салынған мемлекет оны мүмкіндігінше "
            "ескереді.",
        ),
    ),
    ContentRule(
        code="optional_confidentiality",
        citation=c("18.20"),
        field="confidentiality_requirements",
        summary=s(
            "Whether the request and its substance are to be kept confidential.",
            "Нужно ли сохранить в тайне сам запрос и его содержание.",
            "Сұрау салудың өзін және мазмұнын құпия сақтау керек пе.",
        ),
    ),
)


# --- refusal, deferral (Art 18.8, 18.9, 18.21, 18.22, 18.25, 13.7) -------------------------------
REFUSAL_GROUNDS = (
    GroundRule(
        code="refusal_nonconforming_request",
        citation=c("18.21.a"),
        summary=s(
            "The request does not meet the requirements of Art 18.",
            "Запрос не отвечает требованиям ст. 18.",
            "Сұрау салу 18-баптың талаптарына сәйкес келмейді.",
        ),
    ),
    GroundRule(
        code="refusal_essential_interests",
        citation=c("18.21.b"),
        summary=s(
            "Execution would likely harm the requested state's sovereignty, security, public "
            "order or other essential interests.",
            "Исполнение может нанести ущерб суверенитету, безопасности, публичному порядку или "
            "иным важнейшим интересам запрашиваемого государства.",
            "Орындау сұрау салынған мемлекеттің егемендігіне, қауіпсіздігіне, қоғамдық "
            "тәртібіне немесе өзге де аса маңызды мүдделеріне нұқсан келтіруі ықтимал.",
        ),
    ),
    GroundRule(
        code="refusal_not_allowed_domestically",
        citation=c("18.21.c"),
        summary=s(
            "The requested state's law would bar its own authorities from the same action in a "
            "similar domestic case.",
            "Право запрашиваемого государства запретило бы его органам такое же действие по "
            "аналогичному внутреннему делу.",
            "Сұрау салынған мемлекеттің құқығы ұқсас ішкі іс бойынша өз органдарына дәл сондай "
            "әрекетке тыйым салар еді.",
        ),
    ),
    GroundRule(
        code="refusal_contrary_to_legal_system",
        citation=c("18.21.d"),
        summary=s(
            "Granting the request would go against the requested state's legal system on mutual "
            "legal assistance.",
            "Удовлетворение запроса противоречило бы правовой системе запрашиваемого "
            "государства в области взаимной правовой помощи.",
            "Сұрау салуды қанағаттандыру сұрау салынған мемлекеттің өзара құқықтық көмек "
            "саласындағы құқықтық жүйесіне қайшы келер еді.",
        ),
    ),
    GroundRule(
        code="refusal_no_dual_criminality",
        citation=c("18.9"),
        summary=s(
            "The conduct is not an offence under the requested state's law (it may still help "
            "at its discretion).",
            "Деяние не является преступлением по праву запрашиваемого государства (оно всё же "
            "может помочь по своему усмотрению).",
            "Әрекет сұрау салынған мемлекеттің құқығы бойынша қылмыс болып табылмайды (ол "
            "бәрібір өз қалауымен көмектесе алады).",
        ),
    ),
    GroundRule(
        code="refusal_offence_not_covered",
        citation=c("13.7"),
        assistance_types=frozenset({"confiscation", "provisional_measures"}),
        summary=s(
            "For confiscation and related measures: the offence is not one the Convention covers.",
            "Для конфискации и связанных с ней мер: преступление не охватывается Конвенцией.",
            "Тәркілеу және соған байланысты шаралар үшін: қылмыс Конвенцияның қолданылу аясына "
            "кірмейді.",
        ),
    ),
    GroundRule(
        code="refusal_transfer_conditions_unmet",
        citation=c("18.10"),
        assistance_types=frozenset({"transfer_of_detainees"}),
        summary=s(
            "For a transfer of a detained person: the person does not freely consent, or the "
            "two states' authorities do not agree on it.",
            "Для передачи лица под стражей: лицо не даёт свободного согласия либо органы двух "
            "государств не договорились.",
            "Қамаудағы адамды беру үшін: адам өз еркімен келісім бермейді немесе екі мемлекеттің "
            "органдары келіспеген.",
        ),
    ),
)

EXCLUDED_REFUSAL_GROUNDS = (
    GroundRule(
        code="refusal_bank_secrecy",
        citation=c("18.8"),
        summary=s(
            "Bank secrecy is no ground for declining assistance.",
            "Банковская тайна не является основанием для отказа в помощи.",
            "Банктік құпия көмектен бас тартуға негіз болмайды.",
        ),
    ),
    GroundRule(
        code="refusal_fiscal_matters",
        citation=c("18.22"),
        summary=s(
            "A request may not be refused only because the offence also involves fiscal matters.",
            "Нельзя отказать лишь потому, что преступление связано также с налоговыми "
            "вопросами.",
            "Қылмыс салық мәселелеріне де қатысты екені үшін ғана бас тартуға болмайды.",
        ),
    ),
)

DEFERRAL_GROUNDS = (
    GroundRule(
        code="deferral_interferes_with_proceedings",
        citation=c("18.25"),
        summary=s(
            "Execution would interfere with an investigation, prosecution or judicial proceeding "
            "under way.",
            "Исполнение помешает ведущемуся расследованию, уголовному преследованию или "
            "судебному разбирательству.",
            "Орындау жүріп жатқан тергеуге, қылмыстық қудалауға немесе сот талқылауына кедергі "
            "келтіреді.",
        ),
    ),
)


# --- provisions shown to users, not enforced by a guard --------------------------------------------
OTHER_RULES = (
    Rule(
        code="organised_criminal_group",
        citation=c("2..a"),
        summary=s(
            "An organised criminal group: three or more persons, structured, existing for a "
            "time, acting together to commit serious crimes or Convention offences for financial "
            "or other material gain.",
            "Организованная преступная группа: три или более лиц, структурированная, "
            "существующая какое-то время и действующая согласованно ради совершения серьёзных "
            "преступлений или преступлений по Конвенции для финансовой или иной материальной "
            "выгоды.",
            "Ұйымдасқан қылмыстық топ: белгілі бір уақыт бойы бар, құрылымдық қалыптасқан, "
            "қаржылық немесе өзге материалдық пайда үшін елеулі қылмыстарды не Конвенциядағы "
            "қылмыстарды жасау мақсатында бірге әрекет ететін үш немесе одан көп адам.",
        ),
    ),
    Rule(
        code="transnational_nature",
        citation=c("3.2"),
        summary=s(
            "An offence is transnational if committed in several states, or in one state but "
            "prepared or controlled from another, involving a group active in several states, "
            "or with substantial effects in another state.",
            "Преступление транснационально, если совершено в нескольких государствах либо в "
            "одном, но подготовлено или управлялось из другого, связано с группой, действующей "
            "в нескольких государствах, или имеет существенные последствия в другом "
            "государстве.",
            "Қылмыс бірнеше мемлекетте жасалса не бір мемлекетте жасалып, басқасынан "
            "дайындалса немесе басқарылса, бірнеше мемлекетте әрекет ететін топқа байланысты "
            "болса немесе басқа мемлекетте елеулі салдар туғызса, трансұлттық болып саналады.",
        ),
    ),
    Rule(
        code="widest_measure",
        citation=c("18.1"),
        summary=s(
            "The parties give each other the widest assistance for Convention offences, also "
            "where the requesting state has reasonable grounds to suspect the offence is "
            "transnational and involves an organised criminal group.",
            "Участники оказывают друг другу самую широкую помощь по преступлениям Конвенции, "
            "в том числе когда у запрашивающего государства есть разумные основания "
            "подозревать транснациональный характер и участие организованной группы.",
            "Қатысушылар Конвенциядағы қылмыстар бойынша бір-біріне барынша кең көмек "
            "көрсетеді, оның ішінде сұрау салушы мемлекетте қылмыстың трансұлттық екеніне және "
            "оған ұйымдасқан топ қатысатынына күдіктенуге негіз болса да.",
        ),
    ),
    Rule(
        code="legal_persons",
        citation=c("18.2"),
        summary=s(
            "Assistance is also given as fully as the requested state's laws and treaties allow "
            "in proceedings on offences for which a legal person may be liable (Art 10).",
            "Помощь оказывается в максимально возможной мере и по делам о преступлениях, за "
            "которые может отвечать юридическое лицо (ст. 10).",
            "Заңды тұлға жауап беруі мүмкін қылмыстар бойынша істерде де (10-бап) көмек сұрау "
            "салынған мемлекеттің заңдары мен шарттары барынша мүмкіндік беретін көлемде "
            "көрсетіледі.",
        ),
    ),
    Rule(
        code="voluntary_appearance",
        citation=c("18.3.h"),
        summary=s(
            "Helping persons appear voluntarily in the requesting state (no catalogue type: "
            "recorded as a description of the assistance).",
            "Содействие добровольной явке лиц в запрашивающее государство (отдельного вида в "
            "каталоге нет: указывается в описании помощи).",
            "Адамдардың сұрау салушы мемлекетке өз еркімен келуіне жәрдемдесу (каталогта жеке "
            "түрі жоқ: көмектің сипаттамасында көрсетіледі).",
        ),
    ),
    Rule(
        code="other_treaties_unaffected",
        citation=c("18.6"),
        summary=s(
            "Art 18 leaves untouched the parties' obligations under other treaties on mutual "
            "legal assistance.",
            "Ст. 18 не затрагивает обязательств участников по другим договорам о взаимной "
            "правовой помощи.",
            "18-бап қатысушылардың өзара құқықтық көмек туралы басқа шарттар бойынша "
            "міндеттемелерін қозғамайды.",
        ),
    ),
    Rule(
        code="dual_criminality_discretion",
        citation=c("18.9"),
        summary=s(
            "Even without dual criminality, the requested state may assist as far as it decides.",
            "Даже без двойной криминальности запрашиваемое государство может помочь в той мере, "
            "в какой само решит.",
            "Екі жақты қылмыстылық болмаса да, сұрау салынған мемлекет өзі шешкен көлемде "
            "көмектесе алады.",
        ),
    ),
    Rule(
        code="transferred_person_custody",
        citation=c("18.11.a"),
        summary=s(
            "The receiving state keeps the transferred person in custody unless the sending state "
            "agrees otherwise.",
            "Принимающее государство содержит переданное лицо под стражей, если передавшее "
            "государство не согласится на иное.",
            "Қабылдаушы мемлекет берілген адамды, беруші мемлекет өзгеше келіспесе, қамауда "
            "ұстайды.",
        ),
    ),
    Rule(
        code="transferred_person_return",
        citation=c("18.11.b"),
        summary=s(
            "The receiving state returns the person without delay, as the two authorities agreed.",
            "Принимающее государство без промедления возвращает лицо, как договорились органы "
            "двух государств.",
            "Қабылдаушы мемлекет адамды екі мемлекеттің органдары келіскендей кідіртпей "
            "қайтарады.",
        ),
    ),
    Rule(
        code="no_extradition_for_return",
        citation=c("18.11.c"),
        summary=s(
            "The sending state need not start extradition proceedings to get the person back.",
            "Для возвращения лица передавшему государству не нужно начинать экстрадицию.",
            "Адамды қайтарып алу үшін беруші мемлекетке ұстап беру рәсімін бастаудың қажеті жоқ.",
        ),
    ),
    Rule(
        code="custody_time_credited",
        citation=c("18.11.d"),
        summary=s(
            "Time in custody abroad counts toward the sentence being served at home.",
            "Время под стражей за рубежом засчитывается в отбываемое наказание.",
            "Шетелде қамауда болған уақыт өтеліп жүрген жаза мерзіміне есептеледі.",
        ),
    ),
    Rule(
        code="transferred_person_immunity",
        citation=c("18.12"),
        summary=s(
            "Unless the sending state agrees, the transferred person is not prosecuted, detained "
            "or punished for acts before leaving it.",
            "Без согласия передавшего государства переданное лицо не преследуется, не "
            "задерживается и не наказывается за деяния до отъезда.",
            "Беруші мемлекет келіспесе, берілген адам кеткенге дейінгі әрекеттері үшін "
            "қудаланбайды, ұсталмайды және жазаланбайды.",
        ),
    ),
    Rule(
        code="central_authority_duties",
        citation=c("18.13"),
        summary=s(
            "Each party names a central authority that receives requests and executes them or "
            "passes them on, and sees that they are handled quickly and properly; it is notified "
            "to the UN Secretary-General.",
            "Каждый участник назначает центральный орган, который принимает запросы, исполняет "
            "или передаёт их и следит за быстрым и надлежащим исполнением; о нём уведомляют "
            "Генерального секретаря ООН.",
            "Әр қатысушы сұрау салуларды қабылдап, оларды орындайтын не беретін және олардың "
            "жедел әрі тиісінше орындалуын қадағалайтын орталық орган тағайындайды; ол туралы "
            "БҰҰ Бас хатшысына хабарланады.",
        ),
    ),
    Rule(
        code="execution_under_requested_law",
        citation=c("18.17"),
        summary=s(
            "A request is executed under the requested state's law and, where that law allows "
            "and it is possible, by the procedure the request specifies.",
            "Запрос исполняется по праву запрашиваемого государства и, если оно не препятствует "
            "и это возможно, в порядке, указанном в запросе.",
            "Сұрау салу сұрау салынған мемлекеттің құқығы бойынша, ал ол қайшы келмесе және "
            "мүмкін болса, сұрау салуда көрсетілген тәртіппен орындалады.",
        ),
    ),
    Rule(
        code="videoconference_conduct",
        citation=c("18.18"),
        summary=s(
            "The states may agree that a judicial authority of the requesting state conducts the "
            "videoconference hearing, with one of the requested state attending.",
            "Государства могут договориться, что допрос по видеосвязи ведёт судебный орган "
            "запрашивающего государства в присутствии судебного органа запрашиваемого.",
            "Мемлекеттер бейнеконференция арқылы жауап алуды сұрау салынған мемлекеттің сот "
            "органы қатыса отырып, сұрау салушы мемлекеттің сот органы жүргізетініне келісе "
            "алады.",
        ),
    ),
    Rule(
        code="use_limitation",
        citation=c("18.19"),
        summary=s(
            "Information or evidence received is not passed on or used for other proceedings "
            "than those in the request without the requested state's prior consent.",
            "Полученные сведения или доказательства не передаются и не используются в иных "
            "производствах, чем указаны в запросе, без предварительного согласия "
            "запрашиваемого государства.",
            "Алынған мәліметтер мен дәлелдемелер сұрау салынған мемлекеттің алдын ала "
            "келісімінсіз сұрау салуда көрсетілмеген өзге іс жүргізулерге берілмейді және "
            "пайдаланылмайды.",
        ),
    ),
    Rule(
        code="exculpatory_disclosure",
        citation=c("18.19"),
        summary=s(
            "Evidence clearing an accused may be disclosed in the requesting state's proceedings; "
            "the requested state is told beforehand (or, exceptionally, right after) and "
            "consulted if it asks.",
            "Оправдывающие обвиняемого сведения можно раскрыть в производстве запрашивающего "
            "государства; запрашиваемое уведомляют заранее (в исключительных случаях — сразу "
            "после) и, по его просьбе, консультируются с ним.",
            "Айыпталушыны ақтайтын мәліметтерді сұрау салушы мемлекеттің іс жүргізуінде ашуға "
            "болады; сұрау салынған мемлекетке алдын ала (ерекше жағдайда — ашқаннан кейін "
            "дереу) хабарланады және ол сұраса, онымен кеңеседі.",
        ),
    ),
    Rule(
        code="confidentiality",
        citation=c("18.20"),
        summary=s(
            "The requesting state may ask that the request and its substance be kept "
            "confidential except as execution needs; if that cannot be done, the requested state "
            "says so promptly.",
            "Запрашивающее государство может попросить сохранить в тайне факт и содержание "
            "запроса, кроме необходимого для исполнения; если это невозможно, запрашиваемое "
            "государство быстро сообщает об этом.",
            "Сұрау салушы мемлекет сұрау салудың фактісі мен мазмұнын орындауға қажеттісінен "
            "басқа бөлігінде құпия сақтауды сұрай алады; бұл мүмкін болмаса, сұрау салынған "
            "мемлекет ол туралы жедел хабарлайды.",
        ),
    ),
    Rule(
        code="requested_deadlines",
        citation=c("18.24"),
        summary=s(
            "The requested state takes the fullest possible account of deadlines the requesting "
            "state suggests with reasons, preferably in the request.",
            "Запрашиваемое государство максимально учитывает сроки, предложенные "
            "запрашивающим с обоснованием, желательно в самом запросе.",
            "Сұрау салынған мемлекет сұрау салушы мемлекет негіздемесімен, мүмкіндігінше сұрау "
            "салудың өзінде ұсынған мерзімдерді барынша ескереді.",
        ),
    ),
    Rule(
        code="assistance_no_longer_required",
        citation=c("18.24"),
        summary=s(
            "The requesting state promptly tells the requested one when the assistance is no "
            "longer needed.",
            "Запрашивающее государство быстро сообщает, когда помощь больше не нужна.",
            "Сұрау салушы мемлекет көмек бұдан былай қажет болмаған кезде бұл туралы жедел "
            "хабарлайды.",
        ),
    ),
    Rule(
        code="safe_conduct_immunity",
        citation=c("18.27"),
        summary=s(
            "A witness, expert or other person who agrees to come to the requesting state is not "
            "prosecuted, detained or punished there for acts before leaving the requested state.",
            "Свидетель, эксперт или иное лицо, согласившееся прибыть в запрашивающее "
            "государство, не преследуется, не задерживается и не наказывается там за деяния до "
            "отъезда из запрашиваемого.",
            "Сұрау салушы мемлекетке келуге келіскен куә, сарапшы немесе өзге адам сұрау "
            "салынған мемлекеттен кеткенге дейінгі әрекеттері үшін онда қудаланбайды, "
            "ұсталмайды және жазаланбайды.",
        ),
    ),
    Rule(
        code="safe_conduct_ends",
        citation=c("18.27"),
        summary=s(
            "The protection ends if the person, free to leave for 15 consecutive days (or a "
            "period the states agreed) after being told they are no longer needed, stays, or "
            "leaves and comes back of their own will.",
            "Защита прекращается, если лицо, имея возможность уехать в течение 15 дней подряд "
            "(или согласованного срока) после уведомления, что оно больше не нужно, остаётся "
            "или, уехав, добровольно возвращается.",
            "Адам оның қажеті жоқ екені хабарланғаннан кейін қатарынан 15 күн (немесе "
            "мемлекеттер келіскен мерзім) ішінде кетуге мүмкіндігі бола тұра қалса немесе кетіп, "
            "өз еркімен қайтып келсе, қорғау тоқтайды.",
        ),
    ),
    Rule(
        code="public_government_records",
        citation=c("18.29.a"),
        summary=s(
            "The requested state provides copies of government records and information that its "
            "law makes public.",
            "Запрашиваемое государство предоставляет копии государственных документов и "
            "сведений, открытых по его праву.",
            "Сұрау салынған мемлекет өз құқығы бойынша жария мемлекеттік құжаттар мен "
            "мәліметтердің көшірмелерін береді.",
        ),
    ),
    Rule(
        code="non_public_government_records",
        citation=c("18.29.b"),
        summary=s(
            "Non-public government records may be provided at the requested state's discretion, "
            "in whole, in part or on conditions.",
            "Непубличные государственные документы могут предоставляться по усмотрению "
            "запрашиваемого государства — полностью, частично или на условиях.",
            "Жария емес мемлекеттік құжаттар сұрау салынған мемлекеттің қалауы бойынша толық, "
            "ішінара немесе шарттармен берілуі мүмкін.",
        ),
    ),
    Rule(
        code="further_arrangements",
        citation=c("18.30"),
        summary=s(
            "The parties consider further agreements or arrangements that give effect to or "
            "strengthen Art 18.",
            "Участники рассматривают возможность иных соглашений или договорённостей, которые "
            "реализуют или усиливают ст. 18.",
            "Қатысушылар 18-бапты іске асыратын немесе күшейтетін өзге келісімдер немесе "
            "уағдаластықтар жасау мүмкіндігін қарастырады.",
        ),
    ),
    Rule(
        code="bank_records_orders",
        citation=c("12.6"),
        summary=s(
            "For confiscation, courts or competent authorities can order bank, financial or "
            "commercial records produced or seized; bank secrecy does not stop it.",
            "Для целей конфискации суды или компетентные органы могут обязать предоставить или "
            "изъять банковские, финансовые или коммерческие документы; банковская тайна этому "
            "не мешает.",
            "Тәркілеу мақсатында соттар немесе құзыретті органдар банктік, қаржылық немесе "
            "коммерциялық құжаттарды ұсынуға не алып қоюға міндеттей алады; банктік құпия бұған "
            "кедергі емес.",
        ),
    ),
    Rule(
        code="confiscation_request_contents",
        citation=c("13.3"),
        summary=s(
            "Art 18 applies to confiscation requests; they also describe the property and the "
            "facts relied on, or attach the confiscation order, or describe the measures asked.",
            "К запросам о конфискации применяется ст. 18; в них также описываются имущество и "
            "факты, прилагается решение о конфискации либо описываются запрашиваемые меры.",
            "Тәркілеу туралы сұрау салуларға 18-бап қолданылады; оларда сондай-ақ мүлік пен "
            "фактілер сипатталады, тәркілеу туралы шешім қоса беріледі немесе сұралатын "
            "шаралар сипатталады.",
        ),
    ),
    Rule(
        code="confiscation_under_requested_law",
        citation=c("13.4"),
        summary=s(
            "Confiscation and provisional measures are decided under the requested state's law, "
            "procedure and treaties with the requesting state.",
            "Решения о конфискации и обеспечительных мерах принимаются по праву, процедуре и "
            "договорам запрашиваемого государства с запрашивающим.",
            "Тәркілеу және уақытша шаралар туралы шешімдер сұрау салынған мемлекеттің құқығы, "
            "рәсімдері және сұрау салушы мемлекетпен шарттары бойынша қабылданады.",
        ),
    ),
    Rule(
        code="convention_as_treaty_basis",
        citation=c("13.6"),
        summary=s(
            "A party that needs a treaty for confiscation measures takes the Convention as a "
            "sufficient basis.",
            "Участник, которому для мер по конфискации нужен договор, считает Конвенцию "
            "достаточным основанием.",
            "Тәркілеу шаралары үшін шарт қажет ететін қатысушы Конвенцияны жеткілікті негіз деп "
            "санайды.",
        ),
    ),
    Rule(
        code="bona_fide_third_parties",
        citation=c("13.8"),
        summary=s(
            "Confiscation cooperation does not prejudice the rights of bona fide third parties.",
            "Сотрудничество по конфискации не ущемляет прав добросовестных третьих лиц.",
            "Тәркілеу жөніндегі ынтымақтастық адал үшінші тұлғалардың құқықтарына нұқсан "
            "келтірмейді.",
        ),
    ),
    Rule(
        code="extradition_custody_not_mla",
        citation=c("16.9"),
        summary=s(
            "Taking a person sought for extradition into custody in urgent cases falls under the "
            "extradition article, not under mutual legal assistance.",
            "Взятие под стражу лица, выдача которого запрошена, в срочных случаях относится к "
            "статье о выдаче, а не к взаимной правовой помощи.",
            "Ұстап беру сұралған адамды шұғыл жағдайда қамауға алу өзара құқықтық көмекке емес, "
            "ұстап беру туралы бапқа жатады.",
        ),
    ),
)


# --- parties (Art 18.13: each designates its central authority; 38.2: own entry into force) ------
def _foreign(state: StateInfo, entered_into_force_on: date, source: Source,
             signed_on: date | None = None,
             languages: tuple[str, ...] | None = None) -> Party:
    """A foreign party; ``languages`` only where the source gives its 18.14 notification."""
    return convention_party(state, source=source, designation=c("18.13"),
                            central_authority_citation=c("18.13"), signed_on=signed_on,
                            entered_into_force_on=entered_into_force_on,
                            languages=languages or (), languages_citation=c("18.14"))


# The Netherlands Treaty Series lists signature, ratification and entry into force per party
# (rubric E, "partijgegevens"), as recorded in the Netherlands treaty database.
TRB_2007_70 = Source(
    title="Tractatenblad 2007, 70 (Netherlands Treaty Series), rubric E: party data "
          "(signature, ratification, entry into force) of the UN Convention against "
          "Transnational Organized Crime",
    url="https://zoek.officielebekendmakingen.nl/dossier/trb-2007-70.html", accessed=ACCESSED)
# The depositary's status page: signature and deposit dates.
UN_TREATY_STATUS = Source(
    title="United Nations Treaty Collection, Chapter XVIII.12: status of the United Nations "
          "Convention against Transnational Organized Crime",
    url="http://treaties.un.org/Pages/ShowMTDSGDetails.aspx?src=UNTSONLINE&tabid=3"
        "&mtdsg_no=XVIII-12&chapter=18&lang=en", accessed=ACCESSED)
# UN Information Service, 7 July 2003: the forty states whose ratification brought the
# Convention into force, in the order they ratified. Under Art 38.1 it entered into force for
# each of them with the Convention itself, on 29 September 2003.
UN_FIRST_FORTY = Source(
    title="UN Information Service, press release UNIS/CP/439 of 7 July 2003: the forty "
          "ratifications bringing the Convention into force on 29 September 2003",
    url="https://unis.unvienna.org/unis/en/pressrels/2003/cp439.html", accessed=ACCESSED)
SWISS_RS_0_311_54 = Source(
    title="Swiss Classified Compilation RS 0.311.54 (English translation by global-regulation."
          "com): Swiss instrument deposited 27 October 2006, in force for Switzerland on "
          "26 November 2006",
    url="https://www.global-regulation.com/translation/switzerland/2975184/rs-0.311.54-15-"
        "november-2000-united-nations-convention-against-transnational-organized-crime.html",
    accessed=ACCESSED)
# Polish Journal of Laws (Dziennik Ustaw) 2005 No. 18 item 159: Government statement of 27 August
# 2004 on the binding force of the Convention. Poland deposited on 12 November 2001 with its 18.13
# and 18.14 notifications (central authority: the Ministry of Justice; accepted languages: Polish
# and English); in force for Poland, under Art 38, on 29 September 2003.
POLAND_DZU_2005_18_159 = Source(
    title="Dziennik Ustaw 2005 No. 18 item 159: Oświadczenie rządowe z dnia 27 sierpnia 2004 r. "
          "(UNTOC in force for Poland on 29 September 2003; 18.13: Ministry of Justice; 18.14: "
          "Polish and English)",
    url="https://prawo.pl/akty/dz-u-2005-18-159,17156099.html", accessed=ACCESSED)
# US Department of State, press statement of 3 November 2005 (archived): the United States
# deposits its instrument that day and becomes a party on 3 December 2005, thirty days after.
US_STATE_DEPARTMENT_2005 = Source(
    title="U.S. Department of State, press statement of 3 November 2005: instrument of "
          "ratification deposited on 3 November 2005; party on 3 December 2005",
    url="https://webarchive.library.unt.edu/eot2008/20081104122018/http://www.state.gov/r/pa/prs/"
        "ps/2005/56004.htm", accessed=ACCESSED)

CONVENTION_IN_FORCE = date(2003, 9, 29)

# Parties, Kazakhstan first. Only states of ``treaties.rulebook.states`` for which a source states
# that they are parties, and when the Convention entered into force for them.
#
# Not found (left out, or left without a date):
# - Kazakhstan's date of entry into force: none of the stored sources (party tables excerpted up
#   to "E"; the depositary's page up to "Benin") reaches it. The date recorded is the office's
#   (``entry_into_force_recorded_by_office``), correctable in the admin.
# - Kazakhstan's 18.13 and 18.14 notifications (central authority, languages): not in the
#   project; the General Prosecutor's Office is office policy (citation None).
#   Searched again (adilet/zakon.uchet.kz texts of Law No. 40-IV, Netherlands and Polish party
#   tables, the UN status page): no stored text states Kazakhstan's deposit or its own date. (The
#   Bulletin of International Treaties note on the Trafficking Protocol, 30 August 2008, is about
#   the Protocol, not the Convention, and is not used.)
# - Russia: only news items (wienbuzz.com; the ratification law on docs.cntd.ru has no date of
#   deposit or entry into force) give its deposit date (26 May 2004); left out until a treaty
#   record is found.
# - Ukraine: the Verkhovna Rada text of the Convention (995_789, as on zakon.cc) gives 21 May 2004
#   as "entry into force for Ukraine" and ligazakon gives 20 June 2004; the two disagree, so it is
#   left out until the depositary's record is read.
# - Czech Republic (Sb.m.s. 75/2013): the stored excerpt gives no date of deposit or of entry
#   into force. Uzbekistan: its ratification decree (lex.uz, 30 August 2003 No. 536-II) gives
#   none either.
# - The other states of ``states.py`` (Estonia, France, Georgia, India, Italy, Japan, Korea,
#   Kyrgyzstan, Moldova, Mongolia, Netherlands, Slovakia, Turkey, Turkmenistan, UAE, UK,
#   Uzbekistan): no stored excerpt of a party table or national record reaches them.
# - Declared languages (18.14): only Poland's (Polish and English) is stated by a source read; no
#   other party's, and no party's acceptance of oral requests.
PARTIES = (
    Party(
        state=KAZAKHSTAN, designation=c("18.13"), shared_authorities=(GENERAL_PROSECUTOR,),
        # Kazakhstan signed at Palermo on 13 December 2000 (ratification law, below).
        signed_on=date(2000, 12, 13),
        # Office policy: Kazakhstan's 18.13 notification is not in the project.
        central_authority=CentralAuthorityDeclaration(authority=GENERAL_PROSECUTOR,
                                                      citation=None),
        # Office policy: the office's record of Kazakhstan's own entry into force (instrument
        # of ratification deposited on 31 July 2008; 38.2: the thirtieth day after), not found
        # in a source the project cites; correct it in the admin if the depositary differs.
        entered_into_force_on=date(2008, 8, 30), entry_into_force_recorded_by_office=True,
        source=Source(
            title="Law of the Republic of Kazakhstan No. 40-IV of 4 June 2008 on the "
                  "ratification of the United Nations Convention against Transnational "
                  "Organized Crime (no declaration)",
            url="https://zakonpravo.kz/en/zakony/zakon-o-ratifikatsii-konventsii-organizatsii-"
                "obedinennyh-natsiy-protiv-transnatsionalnoy-organizovannoy-prestupnosti",
            accessed=ACCESSED)),
    # Trb. 2007, 70: ratified 1 Jul 2003 (the fortieth instrument), in force 29 Sep 2003.
    _foreign(ARMENIA, date(2003, 9, 29), TRB_2007_70, signed_on=date(2001, 11, 15)),
    # UN Treaty Collection: ratified 23 Sep 2004; no entry-into-force date in the excerpt:
    # computed by Art 38.2, the thirtieth day after deposit.
    _foreign(AUSTRIA, date(2004, 10, 23), UN_TREATY_STATUS, signed_on=date(2000, 12, 12)),
    # Trb. 2007, 70: ratified 30 Oct 2003, in force 29 Nov 2003.
    _foreign(AZERBAIJAN, date(2003, 11, 29), TRB_2007_70, signed_on=date(2000, 12, 12)),
    # Trb. 2007, 70: ratified 25 Jun 2003, in force 29 Sep 2003.
    _foreign(BELARUS, date(2003, 9, 29), TRB_2007_70, signed_on=date(2000, 12, 14)),
    # Trb. 2007, 70: ratified 11 Aug 2004, in force 10 Sep 2004.
    _foreign(BELGIUM, date(2004, 9, 10), TRB_2007_70, signed_on=date(2000, 12, 12)),
    # Trb. 2007, 70: ratified 29 Jan 2004, in force 28 Feb 2004. (Brazil and Kazakhstan are
    # also bound by kz-br-2018: paragraphs 9-29 give way to it, 18.7.)
    _foreign(BRAZIL, date(2004, 2, 28), TRB_2007_70, signed_on=date(2000, 12, 12)),
    # Trb. 2007, 70: ratified 5 Dec 2001, in force 29 Sep 2003.
    _foreign(BULGARIA, date(2003, 9, 29), TRB_2007_70, signed_on=date(2000, 12, 13)),
    # Trb. 2007, 70: ratified 13 May 2002, in force 29 Sep 2003.
    _foreign(CANADA, date(2003, 9, 29), TRB_2007_70, signed_on=date(2000, 12, 14)),
    # Trb. 2007, 70: ratified 23 Sep 2003, in force 23 Oct 2003.
    _foreign(CHINA, date(2003, 10, 23), TRB_2007_70, signed_on=date(2000, 12, 12)),
    # Trb. 2007, 70: ratified 22 Apr 2003, in force 29 Sep 2003.
    _foreign(CYPRUS, date(2003, 9, 29), TRB_2007_70, signed_on=date(2000, 12, 12)),
    # Trb. 2007, 70: ratified 14 Jun 2006, in force 14 Jul 2006.
    _foreign(GERMANY, date(2006, 7, 14), TRB_2007_70, signed_on=date(2000, 12, 12)),
    # UNIS/CP/439: among the first forty ratifications; in force with the Convention (38.1).
    _foreign(LATVIA, CONVENTION_IN_FORCE, UN_FIRST_FORTY),
    _foreign(LITHUANIA, CONVENTION_IN_FORCE, UN_FIRST_FORTY),
    # Dz.U. 2005 No. 18 item 159: deposited 12 Nov 2001, in force for Poland 29 Sep 2003; its 18.14
    # notification: Polish and English (its 18.13 authority, the Ministry of Justice, is not a body
    # the engine knows: the office records it in the admin).
    _foreign(POLAND, CONVENTION_IN_FORCE, POLAND_DZU_2005_18_159, languages=("pl", "en")),
    # Ratified as Serbia and Montenegro, among the first forty; Serbia continues that state's
    # membership. (Serbia and Kazakhstan are also bound by kz-rs-2015: 18.7.)
    _foreign(SERBIA, CONVENTION_IN_FORCE, UN_FIRST_FORTY),
    _foreign(SPAIN, CONVENTION_IN_FORCE, UN_FIRST_FORTY),
    _foreign(TAJIKISTAN, CONVENTION_IN_FORCE, UN_FIRST_FORTY),
    # RS 0.311.54: deposited 27 Oct 2006, in force for Switzerland 26 Nov 2006.
    _foreign(SWITZERLAND, date(2006, 11, 26), SWISS_RS_0_311_54),
    # US State Department: deposited 3 Nov 2005, a party from 3 Dec 2005 (38.2, thirty days).
    _foreign(UNITED_STATES, date(2005, 12, 3), US_STATE_DEPARTMENT_2005),
)


# --- registers: use conditions, spontaneous information, costs -----------------------------------
REGISTER_USE_CONDITIONS = UseConditionsRule(
    code="register_use_conditions",
    citation=c("18.19"),
    other_use_consent=c("18.19"),
    consent_always_needed=True,
    confidentiality_inability=c("18.20"),
    disclosure_notice=c("18.19"),
    summary=s(
        "Material received is used only for the proceedings named in the request unless the "
        "requested state consents first; disclosing exculpatory material needs no consent but "
        "is notified in advance.",
        "Полученные материалы используются только в указанных в запросе производствах, если "
        "запрашиваемое государство заранее не согласится на иное; раскрытие оправдывающих "
        "сведений согласия не требует, но о нём уведомляют заранее.",
        "Алынған материалдар сұрау салынған мемлекет алдын ала келіспесе, тек сұрау салуда "
        "көрсетілген іс жүргізулерде пайдаланылады; ақтайтын мәліметтерді ашу келісімді қажет "
        "етпейді, бірақ ол туралы алдын ала хабарланады.",
    ),
)
REGISTER_SPONTANEOUS_INFORMATION = SpontaneousInformationRule(
    code="register_spontaneous_information",
    citation=c("18.4"),
    conditions=c("18.5"),
    summary=s(
        "Competent authorities may send information on criminal matters unasked; the receiver "
        "respects a request to keep it confidential or to limit its use, save for exculpatory "
        "material, notified in advance.",
        "Компетентные органы могут без запроса передавать сведения по уголовным делам; "
        "получатель соблюдает просьбу о конфиденциальности или об ограничении использования, "
        "кроме оправдывающих сведений, о раскрытии которых уведомляют заранее.",
        "Құзыретті органдар қылмыстық істер бойынша мәліметтерді сұраусыз жібере алады; алушы "
        "құпиялылық немесе пайдалануды шектеу туралы өтінішті сақтайды, алдын ала хабарланатын "
        "ақтайтын мәліметтерден басқа.",
    ),
)
REGISTER_COSTS = CostsRule(
    code="register_costs",
    citation=c("18.28"),
    heads=(
        CostHeadRule(code="cost_ordinary", citation=c("18.28"),
                     borne_by=CostBearer.REQUESTED_SIDE, summary=s(
                         "Ordinary costs of execution: the requested state, unless the states "
                         "agree otherwise.",
                         "Обычные расходы на исполнение: запрашиваемое государство, если "
                         "государства не договорились иначе.",
                         "Орындаудың әдеттегі шығыстары: сұрау салынған мемлекет, егер "
                         "мемлекеттер өзгеше келіспесе.")),
    ),
    extraordinary=c("18.28"),
    consultation_mandatory=True,
    summary=s(
        "The requested state bears the ordinary costs unless otherwise agreed; where substantial "
        "or extraordinary expenses are needed, the states consult on the terms of execution and "
        "who pays.",
        "Обычные расходы несёт запрашиваемое государство, если не согласовано иное; при "
        "значительных или чрезвычайных расходах государства консультируются об условиях "
        "исполнения и распределении расходов.",
        "Әдеттегі шығыстарды, өзгеше келісілмесе, сұрау салынған мемлекет көтереді; елеулі "
        "немесе төтенше шығыстар қажет болса, мемлекеттер орындау шарттары мен шығыстарды кім "
        "көтеретіні туралы кеңеседі.",
    ),
)


DUTIES = (
    DutyRule(
        code="duty_notice_of_refusal",
        citation=c("18.23"),
        event=DutyEvent.REFUSAL,
        summary=s(
            "A refusal is notified with its reasons; the Convention sets no term.",
            "Об отказе сообщают с указанием причин; срок Конвенция не устанавливает.",
            "Бас тарту себептері көрсетіліп хабарланады; мерзімді Конвенция белгілемейді.",
        ),
    ),
    DutyRule(
        code="duty_progress_information",
        citation=c("18.24"),
        event=DutyEvent.PROGRESS_ASKED,
        summary=s(
            "The requested state answers reasonable questions on how the request is being "
            "handled; no term is set.",
            "Запрашиваемое государство отвечает на разумные запросы о ходе исполнения; срок "
            "не установлен.",
            "Сұрау салынған мемлекет орындау барысы туралы орынды сұрақтарға жауап береді; "
            "мерзім белгіленбеген.",
        ),
    ),
    DutyRule(
        code="duty_confidentiality_impossible",
        citation=c("18.20"),
        event=DutyEvent.CONFIDENTIALITY_IMPOSSIBLE,
        immediate=True,
        summary=s(
            "If the requested state cannot keep the request confidential, it tells the "
            "requesting state promptly.",
            "Если запрашиваемое государство не может сохранить конфиденциальность, оно быстро "
            "сообщает об этом запрашивающему.",
            "Сұрау салынған мемлекет құпиялылықты сақтай алмаса, бұл туралы сұрау салушы "
            "мемлекетке жедел хабарлайды.",
        ),
    ),
    DutyRule(
        code="duty_notice_of_exculpatory_disclosure",
        citation=c("18.19"),
        event=DutyEvent.DISCLOSURE_REQUIRED,
        owed_by=DutyParty.REQUESTING,
        immediate=True,
        summary=s(
            "Before disclosing exculpatory material, the requesting state notifies the requested "
            "state (exceptionally, right after) and consults it if asked.",
            "Перед раскрытием оправдывающих сведений запрашивающее государство уведомляет "
            "запрашиваемое (в исключительных случаях — сразу после) и консультируется с ним по "
            "его просьбе.",
            "Ақтайтын мәліметтерді ашпас бұрын сұрау салушы мемлекет сұрау салынған мемлекетке "
            "хабарлайды (ерекше жағдайда — ашқаннан кейін дереу) және ол сұраса, онымен "
            "кеңеседі.",
        ),
    ),
    DutyRule(
        code="duty_safe_conduct_ends",
        citation=c("18.27"),
        event=DutyEvent.PRESENCE_NO_LONGER_NEEDED,
        owed_by=DutyParty.REQUESTING,
        days=15,
        notice=False,
        summary=s(
            "Safe conduct ends once the person, able to leave, has stayed 15 consecutive days "
            "after being officially told their presence is no longer needed.",
            "Гарантия неприкосновенности прекращается, если лицо, имея возможность уехать, "
            "остаётся 15 дней подряд после официального уведомления, что его присутствие больше "
            "не требуется.",
            "Адам қатысуы бұдан былай қажет емес екені ресми хабарланғаннан кейін кетуге "
            "мүмкіндігі бола тұра қатарынан 15 күн қалса, қолсұғылмаушылық кепілдігі тоқтайды.",
        ),
    ),
    DutyRule(
        code="duty_consultation_on_extra_costs",
        citation=c("18.28"),
        event=DutyEvent.EXTRA_COSTS_ANNOUNCED,
        owed_by=DutyParty.BOTH,
        notice=False,
        summary=s(
            "Where substantial or extraordinary expenses are needed, the states consult on the "
            "terms of execution and the sharing of costs; no term is set.",
            "При значительных или чрезвычайных расходах государства консультируются об условиях "
            "исполнения и распределении расходов; срок не установлен.",
            "Елеулі немесе төтенше шығыстар қажет болса, мемлекеттер орындау шарттары мен "
            "шығыстарды бөлу туралы кеңеседі; мерзім белгіленбеген.",
        ),
    ),
)


RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.CONVENTION,
    title=s(
        "United Nations Convention against Transnational Organized Crime",
        "Конвенция Организации Объединённых Наций против транснациональной организованной "
        "преступности",
        "Біріккен Ұлттар Ұйымының Трансұлттық ұйымдасқан қылмысқа қарсы конвенциясы",
    ),
    short_title=s(
        "UN Convention against Transnational Organized Crime (2000)",
        "Конвенция ООН против транснациональной организованной преступности (2000)",
        "БҰҰ-ның Трансұлттық ұйымдасқан қылмысқа қарсы конвенциясы (2000)",
    ),
    parties=PARTIES,
    # The instrument's date as the depositary writes it ("New York, 15 November 2000"): adopted
    # by the General Assembly that day, opened for signature at Palermo on 12 December 2000.
    signed_on=date(2000, 11, 15),
    signed_at="New York (opened for signature at Palermo on 12 December 2000)",
    approval_act="Law of the Republic of Kazakhstan No. 40-IV of 4 June 2008 (ratification, no "
                 "declaration)",
    entry_into_force=Rule(
        code="entry_into_force",
        citation=c("38.1"),
        summary=s(
            "In force on the ninetieth day after the fortieth instrument of ratification or "
            "accession was deposited: 29 September 2003.",
            "Вступила в силу на девяностый день после сдачи на хранение сороковой "
            "ратификационной грамоты или документа о присоединении: 29 сентября 2003 года.",
            "Қырқыншы ратификациялық грамота немесе қосылу туралы құжат сақтауға тапсырылғаннан "
            "кейінгі тоқсаныншы күні күшіне енді: 2003 жылғы 29 қыркүйек.",
        ),
    ),
    entry_into_force_date=CONVENTION_IN_FORCE,
    party_entry_into_force=Rule(
        code="party_entry_into_force",
        citation=c("38.2"),
        summary=s(
            "For a state joining after the fortieth instrument, in force on the thirtieth day "
            "after it deposits its own instrument.",
            "Для государства, присоединившегося после сороковой грамоты, вступает в силу на "
            "тридцатый день после сдачи им своего документа.",
            "Қырқыншы грамотадан кейін қосылған мемлекет үшін ол өз құжатын тапсырғаннан кейінгі "
            "отызыншы күні күшіне енеді.",
        ),
    ),
    # The Convention provides no termination as a whole: Kazakhstan's own denunciation (40.1) is
    # what ends it for Kazakhstan, and so for every request the office handles under it.
    termination=TermRule(
        code="termination",
        citation=c("40.1"),
        months=12,
        summary=s(
            "The Convention has no termination clause; Kazakhstan's denunciation, notified to "
            "the UN Secretary-General, takes effect one year after he receives it.",
            "Положения о прекращении Конвенции нет; денонсация Казахстаном, о которой уведомлён "
            "Генеральный секретарь ООН, вступает в силу через год после получения уведомления.",
            "Конвенцияда оны тоқтату туралы ереже жоқ; Қазақстанның БҰҰ Бас хатшысына "
            "хабарланған денонсациясы хабарлама алынғаннан кейін бір жыл өткен соң күшіне енеді.",
        ),
    ),
    withdrawal=TermRule(
        code="withdrawal",
        citation=c("40.1"),
        months=12,
        summary=s(
            "A party denounces by written notice to the UN Secretary-General; it takes effect "
            "for that party one year after receipt, the Convention staying in force for the "
            "others.",
            "Участник денонсирует Конвенцию письменным уведомлением Генеральному секретарю ООН; "
            "для него денонсация вступает в силу через год после получения, для остальных "
            "Конвенция действует.",
            "Қатысушы БҰҰ Бас хатшысына жазбаша хабарламамен денонсациялайды; ол үшін "
            "денонсация хабарлама алынғаннан кейін бір жылдан соң күшіне енеді, қалғандары үшін "
            "Конвенция күшінде қалады.",
        ),
    ),
    precedence=PrecedenceRule(
        code="precedence",
        citation=c("18.7"),
        rank=50,
        displaced_by=MLA_TREATY_KINDS,
        rank_office_policy=s(
            "Office policy: where several conventions cover a request, the more specific one is "
            "tried first; this general convention on organised crime comes after them.",
            "Политика ведомства: если запрос подпадает под несколько конвенций, сначала "
            "применяется более специальная; эта общая конвенция об организованной преступности "
            "идёт после них.",
            "Ведомство саясаты: сұрау салу бірнеше конвенцияға жатса, алдымен неғұрлым арнайысы "
            "қолданылады; ұйымдасқан қылмыс туралы осы жалпы конвенция олардан кейін тұрады.",
        ),
        summary=s(
            "Paragraphs 9 to 29 apply only where the two states are not bound by a treaty of "
            "mutual legal assistance, unless they agree to apply them instead.",
            "Пункты 9–29 применяются, только если государства не связаны договором о взаимной "
            "правовой помощи, либо если они договорились применять их вместо него.",
            "9–29-тармақтар екі мемлекет өзара құқықтық көмек туралы шартпен байланыспаған "
            "жағдайда ғана, не олар шарттың орнына осы тармақтарды қолдануға келіскенде "
            "қолданылады.",
        ),
    ),
    offence_scope=OffenceScopeRule(
        code="offence_scope",
        citation=c("3.1"),
        categories=frozenset({PARTICIPATION_IN_ORGANISED_GROUP, MONEY_LAUNDERING, CORRUPTION,
                              OBSTRUCTION_OF_JUSTICE}),
        serious_crime_min_years=4,
        serious_crime_citation=c("2..b"),
        organised_group_required=True,
        organised_group_citation=c("18.1"),
        summary=s(
            "Covered: participation in an organised criminal group, laundering, corruption, "
            "obstruction of justice (Art 5, 6, 8, 23) and serious crime punishable by at least "
            "four years, where transnational and involving an organised criminal group (or "
            "reasonably suspected to, 18.1).",
            "Охватываются: участие в организованной преступной группе, отмывание, коррупция, "
            "воспрепятствование правосудию (ст. 5, 6, 8, 23) и серьёзные преступления с "
            "наказанием не менее четырёх лет, если они транснациональны и связаны с "
            "организованной группой (или это обоснованно подозревается, 18.1).",
            "Қамтылады: ұйымдасқан қылмыстық топқа қатысу, қылмыстық кірістерді жылыстату, "
            "сыбайлас жемқорлық, сот төрелігіне кедергі келтіру (5, 6, 8, 23-баптар) және кемінде "
            "төрт жылға бас бостандығынан айырумен жазаланатын елеулі қылмыстар, егер олар "
            "трансұлттық болса және оларға ұйымдасқан топ қатысса (не бұған негізді күдік болса, "
            "18.1).",
        ),
    ),
    communication=ChannelRule(
        code="communication",
        citation=c("18.13"),
        channels=frozenset({Channel.POST, Channel.COURIER, Channel.ELECTRONIC, Channel.FAX}),
        authority_kind=AuthorityKind.CENTRAL,
        # 18.13 names the authorities; 18.14 the means (in writing or any means leaving a
        # written record).
        channels_citation=c("18.14"),
        conditional_channels=(
            ConditionalChannelRule(
                code="diplomatic_channel_if_required",
                citation=c("18.13"),
                channel=Channel.DIPLOMATIC,
                summary=s(
                    "A party may require requests and related communications to reach it "
                    "through diplomatic channels.",
                    "Участник может потребовать, чтобы запросы и связанная с ними переписка "
                    "направлялись ему по дипломатическим каналам.",
                    "Қатысушы сұрау салулар мен оларға қатысты хат алмасудың өзіне "
                    "дипломатиялық арналар арқылы жіберілуін талап ете алады.",
                ),
            ),
            ConditionalChannelRule(
                code="urgent_via_interpol",
                citation=c("18.13"),
                channel=Channel.INTERPOL,
                urgent_only=True,
                summary=s(
                    "In urgent cases, where the states agree, requests may go through Interpol "
                    "if possible.",
                    "В срочных случаях, если государства согласны, запросы по возможности "
                    "могут направляться через Интерпол.",
                    "Шұғыл жағдайларда, мемлекеттер келіссе, сұрау салулар мүмкіндігінше "
                    "Интерпол арқылы жіберілуі мүмкін.",
                ),
            ),
        ),
        summary=s(
            "Requests and related communications go to the central authority each party "
            "designated.",
            "Запросы и связанная с ними переписка направляются в центральный орган, назначенный "
            "каждым участником.",
            "Сұрау салулар мен оларға қатысты хат алмасу әр қатысушы тағайындаған орталық "
            "органға жіберіледі.",
        ),
    ),
    written_form=Rule(
        code="written_form",
        citation=c("18.14"),
        summary=s(
            "Requests are made in writing or, where possible, by any means leaving a written "
            "record, in a way that lets the requested state check authenticity.",
            "Запросы направляются в письменной форме или, по возможности, любым способом, "
            "оставляющим письменную запись, так чтобы запрашиваемое государство могло "
            "установить подлинность.",
            "Сұрау салулар жазбаша түрде не мүмкіндігінше жазбаша із қалдыратын кез келген "
            "тәсілмен, сұрау салынған мемлекет түпнұсқалығын анықтай алатындай етіп жіберіледі.",
        ),
    ),
    scope=Rule(
        code="scope",
        citation=c("18.3"),
        summary=s(
            "The purposes for which assistance may be asked, from taking evidence to any other "
            "help the requested state's law allows.",
            "Цели, для которых можно просить о помощи, — от получения показаний до любой иной "
            "помощи, допускаемой правом запрашиваемого государства.",
            "Көмек сұралуы мүмкін мақсаттар — айғақтар алудан бастап сұрау салынған мемлекеттің "
            "құқығы жол беретін кез келген өзге көмекке дейін.",
        ),
    ),
    assistance_types=ASSISTANCE_TYPES,
    mandatory_contents=MANDATORY_CONTENTS,
    optional_contents=OPTIONAL_CONTENTS,
    language=LanguageRule(
        code="language",
        citation=c("18.14"),
        accepted_languages=(PARTY_DECLARED_LANGUAGES,),
        summary=s(
            "In a language the requested party accepts, as it notified the UN Secretary-General.",
            "На языке, приемлемом для запрашиваемого участника, о котором он уведомил "
            "Генерального секретаря ООН.",
            "Сұрау салынған қатысушы БҰҰ Бас хатшысына хабарлаған, өзі қабылдайтын тілде.",
        ),
    ),
    oral_requests=OralRequestRule(
        code="oral_requests",
        citation=c("18.14"),
        urgent_only=True,
        # "Confirmed in writing forthwith": no figure, the office's target applies.
        confirmation_hours=None,
        summary=s(
            "In urgent cases and where the states agree, a request may be made orally and is "
            "confirmed in writing forthwith.",
            "В срочных случаях и по согласию государств запрос может быть устным и немедленно "
            "подтверждается письменно.",
            "Шұғыл жағдайларда және мемлекеттер келіссе, сұрау салу ауызша жасалып, дереу "
            "жазбаша расталады.",
        ),
    ),
    additional_information=Rule(
        code="additional_information",
        citation=c("18.16"),
        summary=s(
            "The requested state may ask for more information needed to execute the request "
            "under its law, or that would make execution easier.",
            "Запрашиваемое государство может запросить дополнительные сведения, нужные для "
            "исполнения по его праву или облегчающие исполнение.",
            "Сұрау салынған мемлекет өз құқығы бойынша орындау үшін қажетті немесе орындауды "
            "жеңілдететін қосымша мәліметтерді сұрата алады.",
        ),
    ),
    prompt_execution=Rule(
        code="prompt_execution",
        citation=c("18.24"),
        summary=s(
            "The requested state executes the request as soon as possible.",
            "Запрашиваемое государство исполняет запрос в кратчайшие сроки.",
            "Сұрау салынған мемлекет сұрау салуды мүмкіндігінше тез орындайды.",
        ),
    ),
    refusal_grounds=REFUSAL_GROUNDS,
    excluded_refusal_grounds=EXCLUDED_REFUSAL_GROUNDS,
    refusal_grounds_citation=c("18.21"),
    refusal_consultation=ConsultationRule(
        code="refusal_consultation",
        citation=c("18.26"),
        on_conditions=True,
        summary=s(
            "Before refusing under 18.21, the requested state consults the requesting state on "
            "whether assistance can be given on conditions.",
            "Прежде чем отказать по п. 21, запрашиваемое государство консультируется с "
            "запрашивающим о возможности помощи на условиях.",
            "21-тармақ бойынша бас тартпас бұрын сұрау салынған мемлекет көмекті белгілі бір "
            "шарттармен көрсету мүмкіндігі туралы сұрау салушы мемлекетпен кеңеседі.",
        ),
    ),
    refusal_reasons=Rule(
        code="refusal_reasons",
        citation=c("18.23"),
        summary=s(
            "Every refusal of assistance states its reasons.",
            "Любой отказ в помощи мотивируется.",
            "Көмек көрсетуден кез келген бас тартудың себептері көрсетіледі.",
        ),
    ),
    deferral_grounds=DEFERRAL_GROUNDS,
    deferral_grounds_citation=c("18.25"),
    deferral_consultation=ConsultationRule(
        code="deferral_consultation",
        citation=c("18.26"),
        on_conditions=True,
        summary=s(
            "Before postponing under 18.25, the requested state consults the requesting state on "
            "whether assistance can be given on conditions.",
            "Прежде чем отсрочить по п. 25, запрашиваемое государство консультируется с "
            "запрашивающим о возможности помощи на условиях.",
            "25-тармақ бойынша кейінге қалдырмас бұрын сұрау салынған мемлекет көмекті белгілі "
            "бір шарттармен көрсету мүмкіндігі туралы сұрау салушы мемлекетпен кеңеседі.",
        ),
    ),
    # 18.23 asks reasons for a refusal; a postponement withholds assistance for a time, and we
    # read it as needing reasons on the same footing (our reading, see docs/rule-table-untoc-2000.md).
    deferral_reasons=Rule(
        code="deferral_reasons",
        citation=c("18.23"),
        summary=s(
            "A postponement, which withholds assistance for a time, states its reasons as a "
            "refusal does (our reading of 18.23).",
            "Отсрочка, временно лишающая помощи, мотивируется так же, как отказ (наше толкование "
            "п. 23).",
            "Көмекті уақытша бермейтін кейінге қалдыру бас тарту сияқты себептерін көрсетеді "
            "(23-тармақты біз осылай түсінеміз).",
        ),
    ),
    conditions=Rule(
        code="conditions",
        citation=c("18.26"),
        summary=s(
            "Instead of refusing or postponing, assistance may be given on conditions the "
            "requested state sets; if the requesting state accepts them, it must keep them.",
            "Вместо отказа или отсрочки помощь может быть оказана на условиях запрашиваемого "
            "государства; приняв их, запрашивающее государство обязано их соблюдать.",
            "Бас тартудың немесе кейінге қалдырудың орнына көмек сұрау салынған мемлекет "
            "белгілеген шарттармен көрсетілуі мүмкін; оларды қабылдаған сұрау салушы мемлекет "
            "оларды сақтауға міндетті.",
        ),
    ),
    conditions_need_acceptance=True,
    conditions_consultation=Rule(
        code="conditions_consultation",
        citation=c("18.26"),
        summary=s(
            "The consultation before a refusal or postponement serves to consider assistance on "
            "conditions.",
            "Консультации перед отказом или отсрочкой служат для рассмотрения помощи на "
            "условиях.",
            "Бас тарту немесе кейінге қалдыру алдында мемлекеттер көмекті шарттармен көрсету "
            "мүмкіндігін қарау үшін кеңеседі.",
        ),
    ),
    detainee_transfer=DetaineeTransferRule(
        code="detainee_transfer",
        citation=c("18.11.b"),
        consent_citation=c("18.10.a"),
        summary=s(
            "A transferred person is returned without delay as the two states' authorities "
            "agreed beforehand or later; the transfer needs the person's free, informed consent "
            "(18.10.a).",
            "Переданное лицо возвращается без промедления, как заранее или впоследствии "
            "договорились органы двух государств; передача требует свободного и осознанного "
            "согласия лица (18.10.a).",
            "Берілген адам екі мемлекеттің органдары алдын ала немесе кейін келіскендей "
            "кідіртпей қайтарылады; беру үшін адамның еркін әрі саналы келісімі қажет "
            "(18.10.a).",
        ),
    ),
    other_rules=OTHER_RULES,
    duties=DUTIES,
    use_conditions=REGISTER_USE_CONDITIONS,
    spontaneous_information_register=REGISTER_SPONTANEOUS_INFORMATION,
    costs=REGISTER_COSTS,
)
