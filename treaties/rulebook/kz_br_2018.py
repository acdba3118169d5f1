"""Kazakhstan - Brazil: Treaty on mutual legal assistance in criminal matters.

The draft was approved for signature by Presidential Decree No 705 of 20 June 2018; the published
text leaves the place and date of signature blank. An MLA treaty between central authorities (the
General Prosecutor's Office of Kazakhstan and the Ministry of Justice of Brazil). It enters into
force 30 days after the last notification is received (Art 30.1): that date is not in the text and
is configured by the office.

Citation convention: "22.2.a" is Art 22, paragraph 2, sub-paragraph a). The eighth to twelfth
sub-paragraphs of Art 1.2 are printed with mixed alphabets ("һ", "і", "к" and, in the Kazakh text,
"1)" for l); we cite them as h, i, k and l. Art 27 has no paragraph 3 in either language: the
unnumbered sentence after 27.2 and paragraph "4" follow paragraph 2, and we cite them as printed.

Summaries are our own wording, not treaty sentences.
"""

from __future__ import annotations

from datetime import date

from .home import GENERAL_PROSECUTOR
from .home import KAZAKHSTAN
from .parties import AuthorityInfo
from .parties import CentralAuthorityDeclaration
from .parties import Party
from .schema import AnswerLanguageRule
from .schema import AssistanceTypeRule
from .schema import AuthorityKind
from .schema import AuthorityNoticesRule
from .schema import Channel
from .schema import ChannelRule
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
from .schema import OriginalsMode
from .schema import OriginalsRule
from .schema import Rule
from .schema import Rulebook
from .schema import SpontaneousInformationRule
from .schema import Summary
from .schema import SummonsLeadTimeRule
from .schema import TermRule
from .schema import UseConditionsRule
from .schema import citer
from .states import BRAZIL

SLUG = "kz-br-2018"

c = citer(SLUG)  # c("3.2.a") -> Art 3, paragraph 2, sub-paragraph a of this instrument
s = Summary  # s(en, ru, kk)


# --- assistance types (Art 1.2, 11, 13, 15) ------------------------------------------------------
ASSISTANCE_TYPES = (
    AssistanceTypeRule(
        code="service_of_documents",
        citation=c("1.2.a"),
        summary=s(
            "Serving documents, including summonses to appear in the requesting state (Art 6).",
            "Вручение документов, в том числе вызовов для явки в запрашивающую сторону (ст. 6).",
            "Құжаттарды, оның ішінде сұрау салушы тарапқа келуге шақыруларды табыс ету (6-бап).",
        ),
    ),
    AssistanceTypeRule(
        code="testimony",
        citation=c("1.2.b"),
        summary=s(
            "Taking witness testimony or statements from persons (Art 7, 8).",
            "Получение свидетельских показаний или заявлений лиц (ст. 7, 8).",
            "Куәлардың айғақтарын немесе адамдардың арыздарын алу (7, 8-баптар).",
        ),
    ),
    AssistanceTypeRule(
        code="transfer_of_detainees",
        citation=c("1.2.c"),
        summary=s(
            "Transferring persons held in custody for the purposes of the treaty (Art 9).",
            "Передача лиц, содержащихся под стражей, для целей договора (ст. 9).",
            "Шарттың мақсаттары үшін күзетпен ұсталатын адамдарды беру (9-бап).",
        ),
    ),
    AssistanceTypeRule(
        code="search_and_seizure",
        citation=c("1.2.d"),
        summary=s(
            "Executing requests for search and seizure (Art 12).",
            "Исполнение запросов об обыске и изъятии (ст. 12).",
            "Тінту және алып қою туралы сұрау салуларды орындау (12-бап).",
        ),
    ),
    AssistanceTypeRule(
        code="documents_and_evidence",
        citation=c("1.2.e"),
        summary=s(
            "Providing documents, records and other evidentiary material.",
            "Предоставление документов, записей и иных доказательственных материалов.",
            "Құжаттарды, жазбаларды және өзге де дәлелдемелік материалдарды беру.",
        ),
    ),
    AssistanceTypeRule(
        code="examination_of_objects",
        citation=c("1.2.f"),
        summary=s(
            "Expert examination of persons, objects and places.",
            "Экспертные исследования лиц, предметов и мест.",
            "Адамдарды, заттар мен орындарды сараптамалық зерттеу.",
        ),
    ),
    AssistanceTypeRule(
        code="expert_examination",
        citation=c("1.2.g"),
        summary=s(
            "Obtaining and providing expert opinions (expert examinations are also in 1.2.f).",
            "Получение и предоставление заключений экспертов (экспертные исследования — также в "
            "1.2.f).",
            "Сарапшылардың қорытындыларын алу және беру (сараптамалық зерттеулер 1.2.f-те де "
            "бар).",
        ),
    ),
    AssistanceTypeRule(
        code="locating_persons",
        citation=c("1.2.h"),
        summary=s(
            "Finding where persons are or identifying them.",
            "Установление местонахождения или личности лиц.",
            "Адамдардың тұрған жерін немесе жеке басын анықтау.",
        ),
    ),
    AssistanceTypeRule(
        code="provisional_measures",
        citation=c("1.2.i"),
        summary=s(
            "Identifying and tracing proceeds and instrumentalities of crime and placing "
            "provisional "
            "measures on them: restraint, seizure, encumbrance, with related help (also Art 15).",
            "Выявление и отслеживание доходов и орудий преступления и временные меры в их "
            "отношении: ограничение, изъятие, обременение, а также связанная помощь (также ст. "
            "15).",
            "Қылмыстың кірістері мен құралдарын анықтау, олардың ізіне түсу және оларға уақытша "
            "шаралар қолдану: шектеу, алып қою, ауыртпалық салу және соған байланысты көмек "
            "(15-бап та).",
        ),
    ),
    AssistanceTypeRule(
        code="confiscation",
        citation=c("15.1"),
        summary=s(
            "Help in procedures leading to the confiscation of proceeds and instrumentalities of "
            "crime.",
            "Помощь в процедурах, ведущих к конфискации доходов и орудий преступления.",
            "Қылмыстың кірістері мен құралдарын тәркілеуге бағытталған рәсімдерде көмек көрсету.",
        ),
    ),
    AssistanceTypeRule(
        code="asset_return",
        citation=c("1.2.j"),
        summary=s(
            "Returning assets to the requesting side (Art 16 and, for misappropriated public "
            "funds, "
            "Art 17).",
            "Возвращение активов запрашивающей стороне (ст. 16, а для присвоенных государственных "
            "средств — ст. 17).",
            "Активтерді сұрау салушы тарапқа қайтару (16-бап, ал иемденіп алынған мемлекеттік "
            "қаражат үшін 17-бап).",
        ),
    ),
    AssistanceTypeRule(
        code="asset_sharing",
        citation=c("1.2.k"),
        summary=s(
            "Sharing confiscated assets or their money value between the parties (Art 18-21).",
            "Раздел конфискованных активов или их денежного эквивалента между сторонами "
            "(ст. 18-21).",
            "Тәркіленген активтерді немесе олардың ақшалай баламасын тараптар арасында бөлу "
            "(18-21-баптар).",
        ),
    ),
    AssistanceTypeRule(
        code="other_legal_assistance",
        citation=c("1.2.l"),
        summary=s(
            "Any other assistance the central authorities agree on.",
            "Любая иная помощь, о которой договорятся центральные органы.",
            "Орталық органдар келісетін кез келген өзге көмек.",
        ),
    ),
    AssistanceTypeRule(
        code="videoconference_hearing",
        citation=c("11.1"),
        summary=s(
            "Hearing a person by videoconference, if the requested side agrees (Art 11.2).",
            "Заслушивание лица посредством видеоконференции, если запрашиваемая сторона согласна "
            "(ст. 11.2).",
            "Сұрау салынатын тарап келіссе, адамды бейнеконференция арқылы тыңдау (11.2-бап).",
        ),
    ),
    AssistanceTypeRule(
        code="official_documents",
        citation=c("13.1"),
        summary=s(
            "Copies of publicly available documents and information held by the requested side's "
            "authorities.",
            "Копии общедоступных документов и сведений, находящихся у властей запрашиваемой "
            "стороны.",
            "Сұрау салынатын тараптың билік органдарындағы жалпыға қолжетімді құжаттар мен "
            "мәліметтердің көшірмелері.",
        ),
    ),
)


# --- contents of a request (Art 22) --------------------------------------------------------------
MANDATORY_CONTENTS = (
    ContentRule(
        code="content_proceedings_authority",
        citation=c("22.2.a"),
        field="proceedings_authority",
        summary=s(
            "Name and address of the authority conducting the proceedings the request relates to.",
            "Наименование и адрес органа, который ведёт разбирательство по делу.",
            "Іс бойынша талқылау жүргізіп отырған органның атауы мен мекенжайы.",
        ),
    ),
    ContentRule(
        code="content_offence_description",
        citation=c("22.2.b"),
        field="offence_description",
        summary=s(
            "What the case is about and the nature of the investigation, prosecution or other "
            "proceedings.",
            "Суть дела и характер расследования, уголовного преследования или иного "
            "разбирательства.",
            "Істің мәні және тергеудің, қудалаудың немесе өзге талқылаудың сипаты.",
        ),
    ),
    ContentRule(
        code="content_applicable_law",
        citation=c("22.2.b"),
        field="applicable_law",
        summary=s(
            "The provisions of law that apply to the case.",
            "Положения закона, применимые к делу.",
            "Іске қолданылатын заң ережелері.",
        ),
    ),
    ContentRule(
        code="content_facts_summary",
        citation=c("22.2.c"),
        field="facts_summary",
        summary=s(
            "A short account of the information on which the request rests.",
            "Краткое изложение сведений, на которых основан запрос.",
            "Сұрау салуға негіз болған мәліметтердің қысқаша баяндалуы.",
        ),
    ),
    ContentRule(
        code="content_assistance_description",
        citation=c("22.2.d"),
        field="assistance_description",
        summary=s(
            "What evidence or other help is sought.",
            "Какие доказательства или иная помощь запрашиваются.",
            "Қандай дәлелдемелер немесе өзге көмек сұралатыны.",
        ),
    ),
    ContentRule(
        code="content_purpose",
        citation=c("22.2.e"),
        field="purpose",
        summary=s(
            "Why the evidence or help is sought.",
            "Для какой цели они запрашиваются.",
            "Олардың қандай мақсатпен сұралатыны.",
        ),
    ),
    ContentRule(
        code="content_videoconference_participants",
        citation=c("11.3"),
        field="attending_officials",
        required_when=ContentCondition.ASSISTANCE,
        assistance_types=frozenset({"videoconference_hearing"}),
        summary=s(
            "For a hearing by videoconference: the competent authorities and the other persons "
            "who will take part in it.",
            "Для заслушивания по видеоконференции: наименования компетентных органов и других "
            "лиц, которые примут в нём участие.",
            "Бейнеконференция арқылы тыңдау үшін: оған қатысатын құзыретті органдардың және өзге "
            "адамдардың атаулары.",
        ),
    ),
)

OPTIONAL_CONTENTS = (
    ContentRule(
        code="optional_witness_particulars",
        citation=c("22.3.a"),
        field="persons",
        summary=s(
            "Identity, date of birth and residence of the person evidence is sought from.",
            "Личность, дата рождения и место жительства лица, от которого нужны доказательства.",
            "Дәлелдеме алынатын адамның жеке басы, туған күні және тұрғылықты жері.",
        ),
    ),
    ContentRule(
        code="optional_service_particulars",
        citation=c("22.3.b"),
        field="persons",
        summary=s(
            "For service: identity, date of birth and residence of the addressee, their role in "
            "the proceedings and how service should be made.",
            "Для вручения: личность, дата рождения и место жительства адресата, его отношение к "
            "делу и желаемый способ вручения.",
            "Табыс ету үшін: алушының жеке басы, туған күні, тұрғылықты жері, оның іске қатысы "
            "және табыс етудің қалаған тәртібі.",
        ),
    ),
    ContentRule(
        code="optional_person_to_locate",
        citation=c("22.3.c"),
        field="objects_to_locate",
        summary=s(
            "What is known of the identity and whereabouts of the person sought.",
            "Имеющиеся сведения о личности и местонахождении разыскиваемого лица.",
            "Ізделіп жүрген адам кім екені және қайда болуы мүмкін екені туралы белгілі деректер.",
        ),
    ),
    ContentRule(
        code="optional_search_details",
        citation=c("22.3.d"),
        field="search_details",
        summary=s(
            "Exact description of the place to search and the items to seize.",
            "Точное описание места обыска и предметов для изъятия.",
            "Тінтілетін орын мен алып қойылатын заттардың нақты сипаттамасы.",
        ),
    ),
    ContentRule(
        code="optional_statement_recording",
        citation=c("22.3.e"),
        field="procedure_requirements",
        summary=s(
            "How testimony or statements should be taken and recorded.",
            "Каким образом получать и записывать показания или заявления.",
            "Айғақтар мен мәлімдемелерді қалай алып, қалай жазу керектігі.",
        ),
    ),
    ContentRule(
        code="optional_questions",
        citation=c("22.3.f"),
        field="questions",
        summary=s(
            "The questions to put to the witness or expert.",
            "Вопросы к свидетелю или эксперту.",
            "Куәға немесе сарапшыға қойылатын сұрақтар.",
        ),
    ),
    ContentRule(
        code="optional_special_procedure",
        citation=c("22.3.g"),
        field="procedure_requirements",
        summary=s(
            "Any special procedure to follow during execution.",
            "Особые процедуры, которые нужно соблюсти при исполнении.",
            "Орындау кезінде ұстанатын ерекше рәсімдер.",
        ),
    ),
    ContentRule(
        code="optional_summoned_person_allowances",
        citation=c("22.3.h"),
        field="summoned_person_allowances",
        required_when=ContentCondition.SUMMONS,
        summary=s(
            "The payments and compensation a person summoned to the requesting side is entitled "
            "to.",
            "Выплаты и компенсации, положенные лицу, вызванному в запрашивающую сторону.",
            "Сұрау салушы тарапқа шақырылған адамға тиесілі төлемдер мен өтемақылар.",
        ),
    ),
    ContentRule(
        code="optional_other_information",
        citation=c("22.3.i"),
        field="other_information",
        summary=s(
            "Anything else worth bringing to the requested side's attention to ease execution.",
            "Любые иные сведения, которые облегчат исполнение запроса.",
            "Сұрау салуды орындауды жеңілдететін кез келген өзге мәлімет.",
        ),
    ),
    ContentRule(
        code="optional_confidentiality",
        citation=c("22.3.j"),
        field="confidentiality_requirements",
        summary=s(
            "Any confidentiality requirements.",
            "Требования о конфиденциальности, если они есть.",
            "Құпиялылыққа қойылатын талаптар, егер болса.",
        ),
    ),
)


# --- refusal and deferral (Art 3, 9.1) -----------------------------------------------------------
REFUSAL_GROUNDS = (
    GroundRule(
        code="refusal_sovereignty_public_order",
        citation=c("3.1.a"),
        summary=s(
            "Execution could harm the requested side's sovereignty, public order or other "
            "essential interests.",
            "Исполнение может повредить суверенитету, общественному порядку или иным существенным "
            "интересам запрашиваемой стороны.",
            "Орындау сұрау салынатын тарап үшін егемендікке, қоғамдық тәртіпке не басқа маңызды "
            "мүдделерге зиян келтіруі ықтимал.",
        ),
    ),
    GroundRule(
        code="refusal_political_offence",
        citation=c("3.1.b"),
        summary=s(
            "The requested side's law treats the offence as political.",
            "По праву запрашиваемой стороны преступление считается политическим.",
            "Сұрау салынатын тараптың заңнамасы бойынша қылмыс саяси сипатта деп саналады.",
        ),
    ),
    GroundRule(
        code="refusal_persecution",
        citation=c("3.1.c"),
        summary=s(
            "There are grounds to believe the request aims to persecute someone for origin, "
            "social, "
            "official or property status, race, sex, religion, beliefs, language, nationality or "
            "ethnicity.",
            "Есть основания считать, что цель запроса — преследовать человека из-за его расы, "
            "этноса, национальности, языка, религии или убеждений, пола, происхождения либо "
            "социального, служебного или имущественного статуса.",
            "Сұрау салу адамды шығу тегіне, әлеуметтік, лауазымдық немесе мүліктік жағдайына, "
            "нәсіліне, жынысына, дініне, нанымына, тіліне, ұлтына немесе этникалық тиесілілігіне "
            "бола қудалауға бағытталған деуге негіз бар.",
        ),
    ),
    GroundRule(
        code="refusal_extraordinary_tribunal",
        citation=c("3.1.d"),
        summary=s(
            "The request comes at the instance of an extraordinary or ad hoc tribunal.",
            "Запрос подготовлен по требованию чрезвычайного трибунала или трибунала ad hoc.",
            "Сұрау салу төтенше немесе ad hoc трибуналдың талабымен дайындалған.",
        ),
    ),
    GroundRule(
        code="refusal_double_jeopardy",
        citation=c("3.1.e"),
        summary=s(
            "The person has already been prosecuted in the requested state for the same offence.",
            "Лицо уже привлекалось к ответственности в запрашиваемой стороне за то же "
            "преступление.",
            "Адам сол қылмыс үшін сұрау салынатын тарапта жауаптылыққа тартылған.",
        ),
    ),
    GroundRule(
        code="refusal_military_offence",
        citation=c("3.1.f"),
        summary=s(
            "The requested side regards the offence as purely military, not a crime under "
            "ordinary criminal law.",
            "Запрашиваемая сторона признаёт деяние воинским преступлением, не являющимся "
            "преступлением по общему уголовному праву.",
            "Сұрау салынатын тарап әрекетті жалпы қылмыстық құқық бойынша қылмыс болып "
            "табылмайтын әскери қылмыс деп таниды.",
        ),
    ),
    GroundRule(
        code="refusal_discretion_coercive_measures",
        citation=c("1.4"),
        # 1.3 waives dual criminality; 1.4 leaves search and seizure of evidence and restraint or
        # confiscation of proceeds to the requested side's discretion under its own law.
        assistance_types=frozenset({"search_and_seizure", "provisional_measures",
                                    "confiscation"}),
        summary=s(
            "For search and seizure of evidence or restraint or confiscation of proceeds or "
            "instrumentalities, the requested side decides at its discretion under its own law "
            "whether to assist.",
            "По запросам об обыске и изъятии доказательств, об ограничении или конфискации "
            "доходов или орудий преступления запрашиваемая сторона по своему усмотрению решает, "
            "оказывать ли помощь, согласно своему законодательству.",
            "Дәлелдемелерді тінту және алып қою, қылмыстан түскен кірістерді немесе қылмыс "
            "құралдарын шектеу не тәркілеу туралы сұрау салулар бойынша сұрау салынатын тарап "
            "көмек көрсету-көрсетпеуді өз заңнамасына сәйкес өз қалауымен шешеді.",
        ),
    ),
    GroundRule(
        code="refusal_transfer_no_consent",
        citation=c("9.1"),
        assistance_types=frozenset({"transfer_of_detainees"}),
        summary=s(
            "Temporary transfer of a person in custody: allowed only with that person's consent, "
            "so it is refused without it.",
            "Временная передача лица под стражей допускается только с его согласия; без согласия "
            "в ней отказывают.",
            "Күзетпен ұсталатын адамды уақытша беру тек оның келісімімен рұқсат етіледі; келісім "
            "болмаса, беруден бас тартылады.",
        ),
    ),
)

DEFERRAL_GROUNDS = (
    GroundRule(
        code="deferral_interferes_with_proceedings",
        citation=c("3.2"),
        summary=s(
            "Execution would hamper criminal proceedings under way.",
            "Исполнение помешает ведущемуся уголовному разбирательству.",
            "Орындау жүріп жатқан қылмыстық талқылауға кедергі келтіреді.",
        ),
    ),
    GroundRule(
        code="deferral_endangers_person",
        citation=c("3.2"),
        summary=s(
            "Execution would put at risk the safety of a person on the requested side's territory.",
            "Исполнение поставит под угрозу безопасность лица на территории запрашиваемой "
            "стороны.",
            "Орындау сұрау салынатын тараптың аумағындағы адамның қауіпсіздігіне қатер төндіреді.",
        ),
    ),
)


# --- provisions shown to users, not enforced by a guard ------------------------------------------
OTHER_RULES = (
    Rule(
        code="dual_criminality_not_required",
        citation=c("1.3"),
        summary=s(
            "Assistance is given whether or not the act is punishable under both parties' laws.",
            "Помощь оказывается независимо от того, наказуемо ли деяние по праву обеих сторон.",
            "Көмек іс-әрекеттің екі тараптың заңнамасы бойынша жазаланатынына қарамастан "
            "көрсетіледі.",
        ),
    ),
    Rule(
        code="coercive_measures_own_law",
        citation=c("1.4"),
        summary=s(
            "For searching and seizing evidence and for restraining or confiscating proceeds or "
            "instrumentalities, the requested side may decide under its own law whether to help.",
            "По запросам об обыске и изъятии доказательств, ограничении или конфискации доходов и "
            "орудий преступления запрашиваемая сторона решает по своему праву, оказывать ли "
            "помощь.",
            "Дәлелдемелерді тінту мен алып қою, қылмыс кірістері мен құралдарын шектеу немесе "
            "тәркілеу жөніндегі сұрау салулар бойынша сұрау салынатын тарап көмек көрсету-"
            "көрсетпеуді өз заңнамасы бойынша шешеді.",
        ),
    ),
    Rule(
        code="competent_requesting_authorities",
        citation=c("1.5"),
        summary=s(
            "Any authority empowered by the requesting side's law to act in administrative or "
            "judicial procedures on crime may ask for assistance.",
            "Просить о помощи вправе любой орган, которому право запрашивающей стороны поручает "
            "вести административные или судебные дела о преступлениях.",
            "Сұрау салушы тараптың заңнамасы бойынша қылмысқа қатысты әкімшілік немесе сот "
            "рәсімдерінде әрекет етуге уәкілетті кез келген орган көмек сұрата алады.",
        ),
    ),
    Rule(
        code="central_authority_designation",
        citation=c("2.3"),
        summary=s(
            "A party may designate another central authority at any time, notifying it through "
            "diplomatic channels.",
            "Сторона может в любое время назначить другой центральный орган, уведомив об этом по "
            "дипломатическим каналам.",
            "Тарап кез келген уақытта басқа орталық органды айқындап, бұл туралы дипломатиялық "
            "арналар арқылы хабарлай алады.",
        ),
    ),
    Rule(
        code="preliminary_measures",
        citation=c("4"),
        summary=s(
            "At the requesting side's request, the requested side's competent authority takes "
            "preliminary measures to preserve the situation, protect threatened legal interests "
            "or keep evidence.",
            "Если об этом просят, компетентный орган другой стороны заранее принимает меры, чтобы "
            "сохранить существующее положение, защитить находящиеся под угрозой интересы или "
            "уберечь доказательства.",
            "Өтініш болса, екінші тараптың құзыретті органы бар жағдайды сақтау, қауіп төнген "
            "заңды мүдделерді қорғау немесе дәлелдемелерді сақтап қалу үшін алдын ала шаралар "
            "қабылдайды.",
        ),
    ),
    Rule(
        code="confidentiality",
        citation=c("5.1"),
        summary=s(
            "On request, the requested side keeps confidential the fact of the request, its "
            "content and the material gathered; if that is impossible, the parties consult on "
            "whether the requesting side still wants execution.",
            "По просьбе запрашиваемая сторона сохраняет в тайне сам запрос, его содержание и "
            "собранные материалы; если это невозможно, стороны консультируются, нужно ли ещё "
            "исполнение.",
            "Өтініш бойынша сұрау салынатын тарап сұрау салудың түскенін, мазмұнын және жиналған "
            "материалдарды құпия сақтайды; бұл мүмкін болмаса, орындау әлі де қажет пе екені "
            "туралы тараптар кеңеседі.",
        ),
    ),
    Rule(
        code="use_limitation",
        citation=c("5.2"),
        summary=s(
            "Using or disclosing what was obtained for purposes not stated in the request needs "
            "the requested side's prior consent.",
            "Использование или раскрытие полученного для целей, не указанных в запросе, требует "
            "предварительного согласия запрашиваемой стороны.",
            "Алынған мәліметтерді сұрау салуда көрсетілмеген мақсаттарға пайдалану немесе ашу "
            "үшін сұрау салынатын тараптың алдын ала келісімі қажет.",
        ),
    ),
    Rule(
        code="publicly_disclosed_use",
        citation=c("5.3"),
        summary=s(
            "Once information or evidence has been disclosed in a public, judicial or "
            "administrative hearing, it may be used for any purpose.",
            "Сведения или доказательства, уже раскрытые на публичных, судебных или "
            "административных слушаниях, можно использовать в любых целях.",
            "Көпшілік алдындағы, сот немесе әкімшілік тыңдауларда ашылған мәліметтер мен "
            "дәлелдемелерді кез келген мақсатта пайдалануға болады.",
        ),
    ),
    Rule(
        code="disclosure_required_by_law",
        citation=c("5.4"),
        summary=s(
            "The requesting side may use or disclose information as far as its criminal procedure "
            "law requires, but must tell the requested side of any such disclosure.",
            "Запрашивающая сторона может использовать или раскрывать сведения в той мере, в какой "
            "этого требует её уголовно-процессуальное право, уведомляя запрашиваемую сторону.",
            "Сұрау салушы тарап мәліметтерді өзінің қылмыстық іс жүргізу заңнамасы талап ететін "
            "шамада пайдалана немесе аша алады, бірақ бұл туралы сұрау салынатын тарапқа "
            "хабарлайды.",
        ),
    ),
    Rule(
        code="proof_of_service",
        citation=c("6.3"),
        summary=s(
            "Proof of service is returned, where possible and the law allows, in the form the "
            "request asks for.",
            "Подтверждение вручения направляется по возможности в той форме, которую указал "
            "запрос, если это допускает закон.",
            "Табыс ету туралы растау мүмкіндігінше және заң рұқсат еткен шекте сұрау салуда "
            "көрсетілген тәртіппен жіберіледі.",
        ),
    ),
    Rule(
        code="compelled_testimony",
        citation=c("7.1"),
        summary=s(
            "Where the requested side's law allows, a person may be compelled by subpoena or "
            "other lawful means to testify or produce documents and physical evidence.",
            "Если право запрашиваемой стороны позволяет, лицо можно обязать повесткой или иными "
            "законными способами дать показания или представить документы и вещественные "
            "доказательства.",
            "Сұрау салынатын тараптың заңнамасы рұқсат етсе, адамды шақыру қағазымен немесе өзге "
            "заңды тәсілмен айғақ беруге не құжаттар мен заттай дәлелдемелерді ұсынуға міндеттеуге "
            "болады.",
        ),
    ),
    Rule(
        code="evidence_taking_notice",
        citation=c("7.2"),
        summary=s(
            "If asked, the requested central authority gives advance notice of when and where "
            "evidence will be taken.",
            "По просьбе центральный орган запрашиваемой стороны заранее сообщает дату и место "
            "получения доказательств.",
            "Өтініш болса, сұрау салынатын тараптың орталық органы дәлелдемелер алынатын күн мен "
            "орынды алдын ала хабарлайды.",
        ),
    ),
    Rule(
        code="officials_present",
        citation=c("7.3"),
        summary=s(
            "The requested side may, under its law, let officials named in the request attend "
            "execution.",
            "Запрашиваемая сторона по своему праву может допустить к исполнению должностных лиц, "
            "названных в запросе.",
            "Сұрау салынатын тарап өз заңнамасына сәйкес сұрау салуда аталған лауазымды адамдардың "
            "орындау кезінде қатысуына рұқсат бере алады.",
        ),
    ),
    Rule(
        code="non_appearance_no_penalty",
        citation=c("8.2"),
        summary=s(
            "A person who ignores a summons to appear faces no penalty or restraint, whatever the "
            "summons says, unless they later enter the requesting state voluntarily and are duly "
            "summoned again.",
            "Не явившееся по повестке лицо не подвергается наказанию или мере пресечения, даже при "
            "предупреждении в повестке, если только оно позже добровольно не прибудет и не будет "
            "снова надлежаще вызвано.",
            "Шақыру бойынша келмеген адам, шақыру қағазында ескерту болса да, жазаға немесе "
            "бұлтартпау шарасына тартылмайды, егер ол кейін өз еркімен келіп, қайта тиісінше "
            "шақырылмаса.",
        ),
    ),
    Rule(
        code="voluntary_appearance_consent",
        citation=c("8.3"),
        summary=s(
            "The requested side asks the person whether they agree to appear voluntarily in the "
            "requesting state and passes on the answer without delay.",
            "Запрашиваемая сторона спрашивает лицо, согласно ли оно добровольно явиться, и сразу "
            "сообщает его ответ.",
            "Сұрау салынатын тарап адамнан сұрау салушы тарапқа өз еркімен келуге келісетінін "
            "сұрап, жауабын дереу хабарлайды.",
        ),
    ),
    Rule(
        code="transferred_person_custody",
        citation=c("9.2.a"),
        summary=s(
            "The requesting side is responsible for the transferred person's safety and must keep "
            "them in custody.",
            "Запрашивающая сторона отвечает за безопасность переданного лица и обязана содержать "
            "его под стражей.",
            "Сұрау салушы тарап берілген адамның қауіпсіздігіне жауап береді және оны күзетпен "
            "ұстауға міндетті.",
        ),
    ),
    Rule(
        code="no_extradition_during_transfer",
        citation=c("9.2.c"),
        summary=s(
            "While the transferred person is on its territory, the requesting side may not ask for "
            "extradition proceedings against them.",
            "Пока переданное лицо находится на её территории, запрашивающая сторона не просит "
            "начать процедуру его выдачи.",
            "Берілген адам өз аумағында болған кезде сұрау салушы тарап оны ұстап беру рәсімін "
            "бастауды сұрамайды.",
        ),
    ),
    Rule(
        code="custody_time_credited",
        citation=c("9.2.d"),
        summary=s(
            "Time in custody in the requesting state counts toward the sentence in the requested "
            "state.",
            "Время под стражей в запрашивающей стороне засчитывается в срок наказания в "
            "запрашиваемой стороне.",
            "Сұрау салушы тарапта күзетпен ұсталған уақыт сұрау салынатын тараптағы жаза мерзіміне "
            "есептеледі.",
        ),
    ),
    Rule(
        code="safe_conduct_immunity",
        citation=c("10.1"),
        summary=s(
            "A person in the requesting state because of a request cannot be detained, prosecuted "
            "or punished for earlier acts, nor made to assist in other proceedings.",
            "Лицо, прибывшее по запросу, не может быть задержано, преследуемо или наказано за "
            "прежние деяния и не может принуждаться к участию в иных разбирательствах.",
            "Сұрау салу негізінде келген адам бұрынғы әрекеттері үшін ұсталмайды, қудаланбайды, "
            "жазаланбайды және басқа талқылауларға қатысуға мәжбүрленбейді.",
        ),
    ),
    Rule(
        code="safe_conduct_ends",
        citation=c("10.2.a"),
        summary=s(
            "The protection ends if the person, free to leave, stays 15 days after official notice "
            "that they are no longer needed, or leaves and returns voluntarily (10.2.b).",
            "Защита прекращается, если лицо, имея возможность уехать, остаётся 15 суток после "
            "официального уведомления, что оно больше не нужно, или, уехав, добровольно "
            "возвращается (10.2.b).",
            "Кетуге мүмкіндігі бола тұра адам оның қажеті жоқ екені туралы ресми хабарламадан "
            "кейін 15 тәулік ішінде кетпесе немесе кетіп, өз еркімен қайта оралса (10.2.b), "
            "қорғау тоқтайды.",
        ),
    ),
    Rule(
        code="no_penalty_for_refusal",
        citation=c("10.3"),
        summary=s(
            "Refusing to appear (Art 8) or to be transferred (Art 9) brings no penalty or "
            "restriction.",
            "Отказ от явки (ст. 8) или от передачи (ст. 9) не влечёт наказания или ограничений.",
            "Келуден (8-бап) немесе берілуден (9-бап) бас тарту жазаға немесе шектеулерге әкеп "
            "соқпайды.",
        ),
    ),
    Rule(
        code="videoconference_agreement",
        citation=c("11.2"),
        summary=s(
            "A hearing by videoconference takes place only if the requested side agrees to it.",
            "Заслушивание по видеоконференции проводится, только если запрашиваемая сторона на "
            "него согласна.",
            "Бейнеконференция арқылы тыңдау сұрау салынатын тарап келіскен жағдайда ғана "
            "өткізіледі.",
        ),
    ),
    Rule(
        code="videoconference_request_contents",
        citation=c("11.3"),
        summary=s(
            "Besides the Art 22 contents, a videoconference request names the authorities and "
            "other persons who will take part.",
            "Помимо сведений по ст. 22, запрос о видеоконференции называет органы и иных лиц, "
            "которые примут участие.",
            "Бейнеконференция туралы сұрау салуда 22-баптағы мәліметтерден бөлек, тыңдауға "
            "қатысатын органдар мен өзге адамдар аталады.",
        ),
    ),
    Rule(
        code="videoconference_conduct",
        citation=c("11.5"),
        summary=s(
            "The requested side's authority attends, identifies the person and watches over due "
            "process; the requesting side's authority conducts the hearing; an interpreter and "
            "the right to silence are available.",
            "Орган запрашиваемой стороны присутствует, устанавливает личность и следит за "
            "соблюдением процедуры; заслушивание ведёт орган запрашивающей стороны; обеспечиваются "
            "переводчик и право хранить молчание.",
            "Сұрау салынатын тараптың органы қатысып, адамның жеке басын анықтайды және рәсімнің "
            "сақталуын қадағалайды; тыңдауды сұрау салушы тараптың органы жүргізеді; аудармашы мен "
            "үнсіз қалу құқығы қамтамасыз етіледі.",
        ),
    ),
    Rule(
        code="videoconference_report",
        citation=c("11.6"),
        summary=s(
            "After the hearing the requested side's authority writes a report (date, place, "
            "signatures, identities, oath or undertaking, technical conditions), sent central "
            "authority to central authority (11.7).",
            "После заслушивания орган запрашиваемой стороны составляет отчёт (дата, место, "
            "подписи, личности участников, присяга или обязательство, технические условия), "
            "который передаётся между центральными органами (11.7).",
            "Тыңдаудан кейін сұрау салынатын тараптың органы есеп жасайды (күні, орны, қолдар, "
            "қатысушылардың жеке басы, ант немесе міндеттеме, техникалық жағдайлар), ол орталық "
            "органдар арқылы беріледі (11.7).",
        ),
    ),
    Rule(
        code="videoconference_accused_consent",
        citation=c("11.9"),
        summary=s(
            "An accused or suspect may be heard by videoconference only with their consent, after "
            "the parties consult.",
            "Обвиняемого или лицо, в отношении которого ведётся расследование, можно заслушать по "
            "видеоконференции только с его согласия, после консультаций сторон.",
            "Айыпталушыны немесе өзіне қатысты тергеу жүріп жатқан адамды бейнеконференция арқылы "
            "тараптар кеңескеннен кейін тек оның келісімімен тыңдауға болады.",
        ),
    ),
    Rule(
        code="search_justification",
        citation=c("12.1"),
        summary=s(
            "Search, seizure and handover of items are carried out under the requested side's law "
            "if the request justifies the measures.",
            "Обыск, изъятие и передача предметов выполняются по праву запрашиваемой стороны, если "
            "запрос обосновывает эти меры.",
            "Сұрау салуда шаралардың негіздемесі болса, тінту, алып қою және заттарды беру сұрау "
            "салынатын тараптың заңнамасы бойынша жүргізіледі.",
        ),
    ),
    Rule(
        code="chain_of_custody",
        citation=c("12.2"),
        summary=s(
            "Either party may ask for a document attesting the chain of custody, authenticity and "
            "integrity of a seized item.",
            "Стороны могут запросить документ о цепочке владения, подлинности и целостности "
            "изъятого предмета.",
            "Тараптар алып қойылған заттың иелену тізбегін, түпнұсқалығын және тұтастығын "
            "растайтын құжатты сұрата алады.",
        ),
    ),
    Rule(
        code="third_party_conditions",
        citation=c("12.3"),
        summary=s(
            "The requested side may require the requesting side to accept terms and conditions "
            "protecting bona fide third parties' interests in items handed over.",
            "Запрашиваемая сторона может потребовать согласия на сроки и условия, защищающие "
            "интересы добросовестных третьих лиц в отношении передаваемых предметов.",
            "Сұрау салынатын тарап берілетін заттарға қатысты адал үшінші тараптардың мүдделерін "
            "қорғайтын мерзімдер мен шарттарға келісуді талап ете алады.",
        ),
    ),
    Rule(
        code="non_public_documents",
        citation=c("13.2"),
        summary=s(
            "Copies of records that are not public may be provided at the requested side's "
            "discretion, to the same extent as to its own law enforcement and courts.",
            "Копии непубличных документов могут предоставляться по усмотрению запрашиваемой "
            "стороны в том же объёме, что и её правоохранительным органам и судам.",
            "Жалпыға қолжетімсіз құжаттардың көшірмелері сұрау салынатын тараптың қалауы бойынша "
            "оның құқық қорғау органдары мен соттарына берілетін көлемде ұсынылуы мүмкін.",
        ),
    ),
    Rule(
        code="proceeds_information",
        citation=c("15.2"),
        summary=s(
            "A central authority that learns that proceeds or instrumentalities liable to "
            "provisional measures are in the other party may tell it; the other side decides under "
            "its law and reports back (15.3).",
            "Центральный орган, узнавший, что доходы или орудия преступления, подлежащие "
            "предварительным мерам, находятся у другой стороны, может её уведомить; та решает по "
            "своему праву и сообщает о мерах (15.3).",
            "Алдын ала шараларға жататын қылмыс кірістері немесе құралдары екінші тарапта екенін "
            "білген орталық орган оған хабарлай алады; ол өз заңнамасы бойынша шешім қабылдап, "
            "қабылданған әрекеттер туралы хабарлайды (15.3).",
        ),
    ),
    Rule(
        code="asset_return_after_judgment",
        citation=c("16.1"),
        summary=s(
            "Assets seized by the requested side may be returned for confiscation once the "
            "requesting side has a judgment on them, under the requested side's law.",
            "Изъятые запрашиваемой стороной активы могут быть возвращены для конфискации, если в "
            "запрашивающей стороне вынесен приговор в их отношении.",
            "Сұрау салушы тарапта активтерге қатысты үкім шығарылса, сұрау салынатын тарап алып "
            "қойған активтер тәркілеу үшін қайтарылуы мүмкін.",
        ),
    ),
    Rule(
        code="asset_return_third_party_rights",
        citation=c("16.2"),
        summary=s(
            "Claims of bona fide third parties and victims to those assets must be taken into "
            "account.",
            "Права добросовестных третьих лиц и потерпевших на эти активы должны учитываться.",
            "Адал үшінші тұлғалар мен жәбірленушілердің бұл активтерге құқықтары ескерілуге тиіс.",
        ),
    ),
    Rule(
        code="public_funds_return",
        citation=c("17.1"),
        summary=s(
            "Misappropriated public funds of the requesting side that the requested side seized or "
            "confiscated are returned, less the costs of realising them.",
            "Присвоенные государственные средства запрашивающей стороны, изъятые или "
            "конфискованные запрашиваемой стороной, возвращаются за вычетом расходов на их "
            "реализацию.",
            "Сұрау салушы тараптың иемденіп алынған мемлекеттік қаражаты, сұрау салынатын тарап "
            "алып қойса не тәркілесе, өткізу шығыстары шегеріліп қайтарылады.",
        ),
    ),
    Rule(
        code="public_funds_return_timing",
        citation=c("17.2"),
        summary=s(
            "Such return normally follows a final judgment in the requesting side, though the "
            "requested side may return earlier under its law.",
            "Такой возврат обычно производится по окончательному судебному решению запрашивающей "
            "стороны, но может быть и раньше по праву запрашиваемой стороны.",
            "Мұндай қайтару әдетте сұрау салушы тараптың түпкілікті сот шешімі бойынша "
            "жүргізіледі, "
            "бірақ сұрау салынатын тараптың заңы бойынша ертерек те болуы мүмкін.",
        ),
    ),
    Rule(
        code="asset_sharing_consideration",
        citation=c("18.3"),
        summary=s(
            "On a sharing request the requested side considers sharing and tells the requesting "
            "side the outcome.",
            "Получив запрос о разделе, запрашиваемая сторона рассматривает его и сообщает "
            "результат.",
            "Активтерді бөлу туралы сұрау салуды алған тарап оны қарап, нәтижесін хабарлайды.",
        ),
    ),
    Rule(
        code="victims_priority",
        citation=c("18.4"),
        summary=s(
            "Rights of bona fide third parties and victims are dealt with before any sharing "
            "between the parties.",
            "Права добросовестных третьих лиц и потерпевших рассматриваются прежде раздела активов "
            "между сторонами.",
            "Адал үшінші тараптар мен жәбірленушілердің құқықтары тараптар арасында активтерді "
            "бөлуден бұрын қаралады.",
        ),
    ),
    Rule(
        code="asset_sharing_shares",
        citation=c("19.1"),
        summary=s(
            "Shares are fixed by mutual agreement under the requested side's law and paid as an "
            "equivalent sum of money under Art 20.",
            "Доли определяются по взаимному согласию по праву запрашиваемой стороны и "
            "перечисляются денежным эквивалентом по ст. 20.",
            "Үлестер өзара келісім бойынша сұрау салынатын тараптың заңнамасына сәйкес айқындалып, "
            "20-бапқа сай ақшалай баламасымен аударылады.",
        ),
    ),
    Rule(
        code="no_sharing_insignificant",
        citation=c("19.2"),
        summary=s(
            "Assets of insignificant value are not shared unless the parties exceptionally agree "
            "otherwise.",
            "Активы незначительной стоимости не делятся, если в исключительных случаях не "
            "согласовано иное.",
            "Құны болмашы активтер бөлінбейді, айрықша жағдайда өзгеше келісілмесе.",
        ),
    ),
    Rule(
        code="shared_assets_payment",
        citation=c("20"),
        summary=s(
            "Unless agreed otherwise, shares are paid in the requested side's currency by wire "
            "transfer or cheque to the account or recipient the requesting side names.",
            "Если не договорились иначе, доля выплачивается в валюте запрашиваемой стороны "
            "переводом или чеком на счёт или получателю, указанному запрашивающей стороной.",
            "Өзгеше келісілмесе, үлес сұрау салынатын тараптың валютасында аударым немесе чек "
            "арқылы сұрау салушы тарап көрсеткен шотқа не алушыға төленеді.",
        ),
    ),
    Rule(
        code="no_conditions_on_shared_funds",
        citation=c("21"),
        summary=s(
            "Unless agreed otherwise, the requested side sets no conditions on how shared money "
            "is used, nor demands that it be shared with anyone else.",
            "Если не договорились иначе, запрашиваемая сторона не ставит условий использования "
            "переданных средств и не требует делить их с кем-либо ещё.",
            "Өзгеше келісілмесе, сұрау салынатын тарап берілген қаражатты пайдалануға шарт "
            "қоймайды "
            "және оны басқа біреумен бөлісуді талап етпейді.",
        ),
    ),
    Rule(
        code="no_translation_of_results",
        citation=c("23.3"),
        summary=s(
            "The requested side need not translate the documents it returns as the result of "
            "execution.",
            "Запрашиваемая сторона не обязана переводить документы, передаваемые по итогам "
            "исполнения.",
            "Сұрау салынатын тарап орындау нәтижесінде берілетін құжаттарды аударуға міндетті "
            "емес.",
        ),
    ),
    Rule(
        code="execution_under_requested_law",
        citation=c("24.2"),
        summary=s(
            "Requests are executed under the requested side's law unless the treaty says "
            "otherwise.",
            "Запросы исполняются по праву запрашиваемой стороны, если договор не предусматривает "
            "иное.",
            "Шартта өзгеше көзделмесе, сұрау салулар сұрау салынатын тараптың заңнамасы бойынша "
            "орындалады.",
        ),
    ),
    Rule(
        code="requested_formalities",
        citation=c("24.3"),
        summary=s(
            "Formalities and procedures the requesting side specifies are followed unless they "
            "conflict with the requested side's law.",
            "Порядок и формальности, о которых просит запрашивающая сторона, соблюдаются, если "
            "они совместимы с правом исполняющей стороны.",
            "Сұрау салушы тарап сұраған ресімдеу тәртібі мен рәсімдер, егер олар екінші тараптың "
            "заңына қайшы болмаса, ұсталады.",
        ),
    ),
    Rule(
        code="officials_participation",
        citation=c("24.4"),
        summary=s(
            "The requested central authority may help officials named in the request take part in "
            "execution.",
            "Должностным лицам, указанным в запросе, центральный орган другой стороны может помочь "
            "принять участие в исполнении.",
            "Сұрау салынатын тараптың орталық органы сұрау салуда аталған лауазымды адамдардың "
            "орындауға қатысуына жәрдемдесе алады.",
        ),
    ),
    Rule(
        code="information_in_needed_form",
        citation=c("24.5"),
        summary=s(
            "The requested central authority may ask for information in whatever form execution "
            "requires.",
            "Центральный орган запрашиваемой стороны может запросить сведения в форме, нужной для "
            "исполнения.",
            "Сұрау салынатын тараптың орталық органы мәліметтерді орындауға қажетті нысанда "
            "ұсынуды сұрата алады.",
        ),
    ),
    Rule(
        code="progress_information",
        citation=c("24.7"),
        summary=s(
            "On request, the requested central authority reports on how execution is going.",
            "По просьбе центральный орган запрашиваемой стороны сообщает о ходе исполнения.",
            "Өтініш бойынша сұрау салынатын тараптың орталық органы орындаудың барысы туралы "
            "ақпарат береді.",
        ),
    ),
    Rule(
        code="obstacles_notified",
        citation=c("24.8"),
        summary=s(
            "Circumstances that block execution or call for changing the requested action are "
            "reported at once.",
            "Об обстоятельствах, препятствующих исполнению или требующих изменить запрошенное "
            "действие, сообщается незамедлительно.",
            "Орындауға кедергі келтіретін немесе сұралған әрекетті өзгертуді қажет ететін "
            "мән-жайлар туралы дереу хабарланады.",
        ),
    ),
    Rule(
        code="results_notified",
        citation=c("24.9"),
        summary=s(
            "The requested central authority reports the results of execution without delay.",
            "Центральный орган запрашиваемой стороны без промедления сообщает результаты "
            "исполнения.",
            "Сұрау салынатын тараптың орталық органы орындау нәтижелерін кідіртпей хабарлайды.",
        ),
    ),
    Rule(
        code="spontaneous_information",
        citation=c("25.1"),
        summary=s(
            "A central authority may send information unasked if it could help the other side "
            "open or conduct an investigation or proceedings, or prompt a request.",
            "Центральный орган может без запроса передать сведения, если они помогут другой "
            "стороне начать или вести расследование либо разбирательство или станут поводом для "
            "запроса.",
            "Орталық орган мәліметтер екінші тарапқа тергеуді не сот талқылауын бастауға немесе "
            "жүргізуге көмектеседі не сұрау салуға себеп болады деп санаса, оларды сұраусыз "
            "жібере алады.",
        ),
    ),
    Rule(
        code="spontaneous_information_conditions",
        citation=c("25.2"),
        summary=s(
            "The sender may set conditions on use of such information, and the receiver must "
            "keep to them.",
            "Передающая сторона может установить условия использования таких сведений, и "
            "получатель обязан их соблюдать.",
            "Беруші тарап мұндай мәліметтерді пайдалану шарттарын белгілей алады, ал алушы оларды "
            "сақтауға міндетті.",
        ),
    ),
    Rule(
        code="no_legalisation",
        citation=c("26"),
        summary=s(
            "Requests and documents sent through the central authorities need no legalisation, "
            "authentication or certification and are fully admissible as evidence.",
            "Запросы и документы, переданные через центральные органы, не требуют легализации, "
            "заверения или удостоверения и полностью допустимы как доказательства.",
            "Орталық органдар арқылы берілген сұрау салулар мен құжаттар заңдастыруды, растауды "
            "немесе куәландыруды қажет етпейді және дәлелдеме ретінде толық жарамды.",
        ),
    ),
    Rule(
        code="costs",
        citation=c("27.2"),
        summary=s(
            "The requested side bears execution costs except experts' fees, travel of persons "
            "under Art 7.3 and 8, videoconference links and their interpretation, and Art 9 "
            "transfers, which the requesting side pays.",
            "Расходы на исполнение несёт запрашиваемая сторона, кроме гонораров экспертов, проезда "
            "лиц по ст. 7.3 и 8, видеоконференции и перевода при ней, передачи по ст. 9 — их "
            "оплачивает запрашивающая сторона.",
            "Орындау шығыстарын сұрау салынатын тарап көтереді; сарапшылардың гонорарлары, 7.3 "
            "және 8-баптар бойынша адамдардың жол жүруі, бейнеконференция мен ондағы аударма, "
            "9-бап бойынша беру шығыстарын сұрау салушы тарап төлейді.",
        ),
    ),
    Rule(
        code="extraordinary_costs",
        citation=c("27.4"),
        summary=s(
            "If execution may need additional costs, the central authorities consult on the terms "
            "of execution and how to split the costs.",
            "При уведомлении о возможных дополнительных затратах центральные органы совещаются и "
            "согласуют, на каких условиях исполнять запрос и как делить затраты.",
            "Орындау қосымша шығыстарды талап етуі мүмкін болса, орталық органдар орындау "
            "шарттары мен шығыстарды бөлу тәсілін келісу үшін кеңеседі.",
        ),
    ),
    Rule(
        code="other_treaties",
        citation=c("28"),
        summary=s(
            "The treaty does not stop the parties helping each other under other treaties, their "
            "own law or established arrangements between competent authorities.",
            "Договор не мешает сторонам помогать друг другу на основе иных договоров, своего права "
            "или практики между компетентными органами.",
            "Шарт тараптардың бір-біріне басқа шарттар, өз заңнамасы немесе құзыретті органдар "
            "арасындағы практика негізінде көмек көрсетуіне кедергі келтірмейді.",
        ),
    ),
    Rule(
        code="consultations",
        citation=c("29.1"),
        summary=s(
            "At either side's request the central authorities consult on applying the treaty, "
            "generally or in a given case, and may agree practical arrangements.",
            "По просьбе любой стороны центральные органы консультируются о применении договора в "
            "целом или по делу и могут согласовать практические меры.",
            "Кез келген тараптың өтініші бойынша орталық органдар шартты жалпы немесе нақты іс "
            "бойынша қолдану туралы кеңеседі және практикалық шараларды келісе алады.",
        ),
    ),
    Rule(
        code="offences_before_entry_into_force",
        citation=c("30.5"),
        summary=s(
            "Requests under the treaty may concern offences committed before it entered into "
            "force.",
            "Запросы по договору могут касаться преступлений, совершённых до его вступления в "
            "силу.",
            "Шарт күшіне енбей тұрып жасалған қылмыстар бойынша да шартқа сүйеніп сұрау салуға "
            "болады.",
        ),
    ),
)


# --- parties (Art 2.1: the central authorities; 2.3: another may be designated by note) ----------
PARTIES = (
    Party(state=KAZAKHSTAN, designation=c("2.1"), shared_authorities=(GENERAL_PROSECUTOR,),
          central_authority=CentralAuthorityDeclaration(authority=GENERAL_PROSECUTOR,
                                                        citation=c("2.1"))),
    Party(
        state=BRAZIL,
        designation=c("2.1"),
        authorities=(
            AuthorityInfo(
                code="br-justice", kind=AuthorityKind.CENTRAL, address="Brasília",
                name=s("Ministry of Justice and Public Security of the Federative Republic of "
                       "Brazil",
                       "Министерство юстиции и общественной безопасности Федеративной Республики "
                       "Бразилия",
                       "Бразилия Федеративтік Республикасының Әділет және қоғамдық қауіпсіздік "
                       "министрлігі")),
        ),
        central_authority=CentralAuthorityDeclaration(authority="br-justice", citation=c("2.1")),
    ),
)


# --- registers: use conditions, spontaneous information, costs, counterpart notices ------------
REGISTER_USE_CONDITIONS = UseConditionsRule(
    code="register_use_conditions",
    citation=c("5.2"),
    other_use_consent=c("5.2"),
    consent_always_needed=True,
    confidentiality_inability=c("5.1"),
    publicly_disclosed_free=c("5.3"),
    disclosure_notice=c("5.4"),
    summary=s(
        "The requesting side asks the requested side's prior consent before using or disclosing "
        "information or evidence for purposes not stated in the request; a disclosure its own "
        "criminal procedure requires needs no consent but is notified.",
        "Запрашивающая сторона получает предварительное согласие запрашиваемой стороны на "
        "использование или раскрытие сведений или доказательств в целях, не указанных в запросе; "
        "раскрытие, требуемое её уголовно-процессуальным законом, согласия не требует, но о нём "
        "уведомляют.",
        "Сұрау салушы тарап сұрау салуда көрсетілмеген мақсаттарда мәліметтер мен дәлелдемелерді "
        "пайдалану немесе ашу үшін сұрау салынатын тараптың алдын ала келісімін алады; өз "
        "қылмыстық іс жүргізу заңы талап ететін ашу келісімді қажет етпейді, бірақ ол туралы "
        "хабарланады.",
    ),
)
REGISTER_SPONTANEOUS_INFORMATION = SpontaneousInformationRule(
    code="register_spontaneous_information",
    citation=c("25.1"),
    conditions=c("25.2"),
    central_authorities_only=True,
    summary=s(
        "A central authority may send the other's central authority information unasked; the "
        "sender may set conditions on its use, and the receiver must comply with them.",
        "Центральный орган может без запроса направить сведения центральному органу другой "
        "стороны; передающая сторона может установить условия их использования, которые "
        "принимающая сторона обязана соблюдать.",
        "Орталық орган сұраусыз екінші тараптың орталық органына ақпарат жібере алады; жіберуші "
        "тарап оны пайдалану шарттарын белгілей алады, алушы тарап оларды сақтауға міндетті.",
    ),
)
REGISTER_COSTS = CostsRule(
    code="register_costs",
    citation=c("27.2"),
    heads=(
        CostHeadRule(code="cost_execution", citation=c("27.2"),
                     borne_by=CostBearer.REQUESTED_SIDE, summary=s(
                         "All costs of executing the request: the requested side.",
                         "Все расходы на исполнение запроса: запрашиваемая сторона.",
                         "Сұрау салуды орындаудың барлық шығыстары: сұрау салынатын тарап.")),
        CostHeadRule(code="cost_experts_and_travel", citation=c("27.2.a"),
                     borne_by=CostBearer.REQUESTING_SIDE, summary=s(
                         "Experts' fees, travel costs and allowances of persons under Art 7.3 "
                         "and Art 8.",
                         "Гонорары экспертов, расходы на проезд и выплаты лицам по ст. 7.3 и 8.",
                         "Сарапшылардың қаламақысы, 7.3 және 8-баптар бойынша адамдардың жол "
                         "жүру шығыстары мен төлемдері.")),
        CostHeadRule(code="cost_videoconference", citation=c("27.2.b"),
                     borne_by=CostBearer.REQUESTING_SIDE, summary=s(
                         "Setting up and running a videoconference or television link, and "
                         "interpretation during it.",
                         "Организация и обслуживание видеоконференции или телевизионной связи и "
                         "перевод при этом.",
                         "Бейнеконференцияны немесе теледидар байланысын ұйымдастыру, қызмет "
                         "көрсету және сол кездегі аударма.")),
        CostHeadRule(code="cost_detainee_transfer", citation=c("27.2.c"),
                     borne_by=CostBearer.REQUESTING_SIDE, summary=s(
                         "Transfer of persons in custody under Art 9.",
                         "Передача лиц, содержащихся под стражей, по ст. 9.",
                         "9-бап бойынша күзетпен ұсталған адамдарды беру.")),
        # Art 27.2, the unnumbered last sentence (the text has no paragraph 3).
        CostHeadRule(code="cost_translation_copying", citation=c("27.2"),
                     borne_by=CostBearer.REQUESTING_SIDE, summary=s(
                         "Translation, copying and interpreters' services, if asked for "
                         "(Art 27.2, last sentence).",
                         "Перевод, копирование и услуги переводчиков, если они запрошены "
                         "(ст. 27.2, последнее предложение).",
                         "Сұралған болса, аударма, көшірме жасау және аудармашылар қызметі "
                         "(27.2-бап, соңғы сөйлем).")),
    ),
    extraordinary=c("27.4"),
    consultation_mandatory=True,
    summary=s(
        "The requested side bears all costs of execution except those listed in Art 27.2(a)-(c) "
        "and translation, copying and interpreters if asked for; where it announces that "
        "execution may need additional costs, the central authorities consult on the conditions "
        "and on sharing them.",
        "Запрашиваемая сторона несёт все расходы на исполнение, кроме перечисленных в ст. "
        "27.2(a)-(c), а также перевода, копирования и услуг переводчиков, если они запрошены; "
        "если она уведомляет о дополнительных расходах, центральные органы консультируются об "
        "условиях исполнения и распределении расходов.",
        "Орындаудың барлық шығыстарын 27.2(a)-(c)-бапта аталғандардан және сұралған аударма, "
        "көшірме мен аудармашылар қызметінен басқасын сұрау салынатын тарап көтереді; ол қосымша "
        "шығыстар туралы хабарласа, орталық органдар орындау шарттары мен шығыстарды бөлу туралы "
        "кеңеседі.",
    ),
)
REGISTER_AUTHORITY_NOTICES = AuthorityNoticesRule(
    code="register_authority_notices",
    citation=c("2.3"),
    channel=Channel.DIPLOMATIC,
    summary=s(
        "Either side may designate another body as its central authority at any time; the "
        "designation is notified through diplomatic channels.",
        "Каждая сторона может в любое время определить иной орган центральным органом; об этом "
        "уведомляют по дипломатическим каналам.",
        "Әр тарап кез келген уақытта басқа органды орталық орган етіп белгілей алады; бұл туралы "
        "дипломатиялық арналар арқылы хабарланады.",
    ),
)


RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.MLA_TREATY,
    title=s(
        "Treaty between the Republic of Kazakhstan and the Federative Republic of Brazil on Mutual "
        "Legal Assistance in Criminal Matters",
        "Договор между Республикой Казахстан и Федеративной Республикой Бразилия о взаимной "
        "правовой помощи по уголовным делам",
        "Қазақстан Республикасы мен Бразилия Федеративтік Республикасы арасындағы қылмыстық "
        "істер бойынша өзара құқықтық көмек туралы шарт",
    ),
    short_title=s(
        "Kazakhstan–Brazil MLA treaty (2018)",
        "Договор Казахстан–Бразилия о взаимной правовой помощи (2018)",
        "Қазақстан–Бразилия өзара құқықтық көмек туралы шарты (2018)",
    ),
    parties=PARTIES,
    signed_on=None,
    signed_at="",
    approval_act="Presidential Decree No 705 of 20 June 2018 (approves the draft for signature)",
    entry_into_force=Rule(
        code="entry_into_force",
        citation=c("30.1"),
        summary=s(
            "In force 30 days after the last written notice through diplomatic channels that the "
            "internal procedures are complete; concluded for an indefinite period (30.2).",
            "Вступает в силу через 30 дней после получения последнего письменного уведомления по "
            "дипломатическим каналам о выполнении внутригосударственных процедур; заключён на "
            "неопределённый срок (30.2).",
            "Мемлекетішілік рәсімдердің орындалғаны туралы соңғы жазбаша хабарлама дипломатиялық "
            "арналар арқылы алынғаннан кейін 30 күн өткен соң күшіне енеді; белгіленбеген мерзімге "
            "жасалған (30.2).",
        ),
    ),
    entry_into_force_date=None,
    # Office policy: the date the office recorded; the text states none.
    entry_into_force_office_date=date(2020, 6, 1),
    termination=TermRule(
        code="termination",
        citation=c("30.2"),
        months=6,
        summary=s(
            "Either party may end the treaty by written notice through diplomatic channels; it "
            "ends 6 months after the notice is received.",
            "Любая сторона может прекратить договор письменным уведомлением по дипломатическим "
            "каналам; он прекращается через 6 месяцев после его получения.",
            "Кез келген тарап шартты дипломатиялық арналар арқылы жазбаша хабарламамен тоқтата "
            "алады; хабарлама алынғаннан кейін 6 ай өткен соң шарт тоқтатылады.",
        ),
    ),
    pending_requests_continue=Rule(
        code="pending_requests_continue",
        citation=c("30.4"),
        summary=s(
            "Procedures the parties began before termination are carried through to completion.",
            "Процедуры, начатые сторонами до прекращения договора, доводятся до конца.",
            "Тараптар шарт тоқтатылғанға дейін бастаған рәсімдер толық аяқталғанға дейін "
            "жүргізіледі.",
        ),
    ),
    communication=ChannelRule(
        code="communication",
        citation=c("2"),
        channels=frozenset({Channel.POST, Channel.COURIER, Channel.ELECTRONIC}),
        authority_kind=AuthorityKind.CENTRAL,
        # Art 2 names the authorities; 22.1 names the means (in writing, electronic transmission).
        channels_citation=c("22.1"),
        summary=s(
            "Requests and answers go directly between the central authorities: the General "
            "Prosecutor's Office of Kazakhstan and the Ministry of Justice of Brazil; they may be "
            "sent electronically (22.1).",
            "Запросы и ответы направляются напрямую между центральными органами: Генеральной "
            "прокуратурой Казахстана и Министерством юстиции Бразилии; допускается электронная "
            "связь (22.1).",
            "Сұрау салулар мен жауаптар орталық органдар — Қазақстанның Бас прокуратурасы мен "
            "Бразилияның Әділет министрлігі арасында тікелей жіберіледі; электрондық байланысқа "
            "жол беріледі (22.1).",
        ),
    ),
    written_form=Rule(
        code="written_form",
        citation=c("22.1"),
        summary=s(
            "A request is made in writing; the central authorities may send it to each other "
            "electronically.",
            "Запрос оформляется письменно; центральные органы могут передавать его друг другу по "
            "электронной связи.",
            "Сұрау салу жазбаша түрде жасалады; орталық органдар оны бір-біріне электрондық "
            "жолмен де жолдай алады.",
        ),
    ),
    scope=Rule(
        code="scope",
        citation=c("1.2"),
        summary=s(
            "The forms of mutual legal assistance the treaty covers, from service of documents to asset sharing.",
            "Виды взаимной правовой помощи по договору — от вручения документов до раздела активов.",
            "Шарт бойынша өзара құқықтық көмек түрлері — құжаттарды табыс етуден активтерді бөлуге дейін.",
        ),
    ),
    assistance_types=ASSISTANCE_TYPES,
    mandatory_contents=MANDATORY_CONTENTS,
    optional_contents=OPTIONAL_CONTENTS,
    language=LanguageRule(
        code="language",
        citation=c("23.1"),
        accepted_languages=("requested_state",),
        waivable_by_agreement=True,
        summary=s(
            "Requests and attachments are in the requesting side's language with a translation "
            "into the requested side's official language, unless the parties agree otherwise.",
            "Запросы и приложения пишутся на языке запрашивающей стороны и снабжаются переводом на "
            "официальный язык другой стороны, если стороны не условились об ином.",
            "Өзгеше келісілмесе, сұрау салулар мен қосымшалар сұрау салушы тараптың тілінде, "
            "сұрау салынатын тараптың ресми тіліне аудармасымен жіберіледі.",
        ),
    ),
    oral_requests=None,
    originals=OriginalsRule(
        code="originals",
        citation=c("22.1"),
        mode=OriginalsMode.ON_REQUEST_WITHIN_DAYS,
        days=30,
        summary=s(
            "If the requested side asks for the original of a request, it must be supplied within "
            "30 days.",
            "Если запрашиваемая сторона требует оригинал запроса, его нужно представить в течение "
            "30 суток.",
            "Сұрау салынатын тарап сұрау салудың түпнұсқасын талап етсе, ол 30 тәулік ішінде "
            "ұсынылуы тиіс.",
        ),
    ),
    additional_information=Rule(
        code="additional_information",
        citation=c("22.4"),
        summary=s(
            "The requested side may ask for any further information it needs to execute the "
            "request (see also 24.5).",
            "Запрашиваемая сторона может запросить любые дополнительные сведения, нужные для "
            "исполнения (см. также 24.5).",
            "Сұрау салынатын тарап орындау үшін қажетті кез келген қосымша мәліметті сұрата алады "
            "(24.5-ті де қараңыз).",
        ),
    ),
    summons_lead_time=SummonsLeadTimeRule(
        code="summons_lead_time",
        citation=c("6.2"),
        days=90,
        summary=s(
            "A request to serve a document requiring someone to appear in the requesting state is "
            "sent at least 90 days before the appearance date.",
            "Запрос о вручении документа, требующего явки лица в запрашивающую сторону, "
            "передаётся не позднее чем за 90 суток до даты явки.",
            "Адамның сұрау салушы тарапқа келуін талап ететін құжатты табыс ету туралы сұрау салу "
            "келу күнінен кемінде 90 тәулік бұрын жіберіледі.",
        ),
    ),
    prompt_execution=Rule(
        code="prompt_execution",
        citation=c("24.1"),
        summary=s(
            "The requested central authority executes promptly or passes the request to the "
            "competent authorities; its courts may issue subpoenas, search warrants and other "
            "orders needed.",
            "Запрос исполняется без промедления самим центральным органом или компетентными "
            "органами, которым он его передаст; суды запрашиваемой стороны выдают нужные повестки, "
            "ордера на обыск и иные решения.",
            "Сұрау салуды орталық органның өзі не ол жіберген құзыретті органдар кідіртпей "
            "орындайды; сұрау салынатын тараптың соттары қажетті шақыру қағаздарын, тінтуге "
            "рұқсатты және өзге шешімдерді береді.",
        ),
    ),
    requested_execution_date_reasoned=None,
    refusal_grounds=REFUSAL_GROUNDS,
    # 3.3: the requested side *may* consider assistance on conditions before refusing or
    # deferring; the consultation serves that consideration. No treaty duty to consult before
    # every refusal (the office's own rule asks for one: office policy, not 3.3).
    refusal_consultation=None,
    refusal_grounds_citation=c("3.1"),
    refusal_reasons=Rule(
        code="refusal_reasons",
        citation=c("3.4"),
        summary=s(
            "The requested central authority tells the requesting one why it refuses.",
            "Центральный орган запрашиваемой стороны сообщает запрашивающей стороне причины "
            "отказа.",
            "Сұрау салынатын тараптың орталық органы сұрау салушы тарапқа бас тарту себептерін "
            "хабарлайды.",
        ),
    ),
    deferral_grounds=DEFERRAL_GROUNDS,
    deferral_consultation=None,
    deferral_after_partial_or_conditional_decision=None,
    deferral_reasons=Rule(
        code="deferral_reasons",
        citation=c("3.4"),
        summary=s(
            "The requested central authority tells the requesting one why it defers.",
            "Центральный орган запрашиваемой стороны сообщает запрашивающей стороне причины "
            "отсрочки.",
            "Сұрау салынатын тараптың орталық органы сұрау салушы тарапқа кейінге қалдыру "
            "себептерін хабарлайды.",
        ),
    ),
    conditions=Rule(
        code="conditions",
        citation=c("3.3"),
        summary=s(
            "Before refusing or deferring, the requested side may consider assisting on "
            "conditions; for that purpose the central authorities consult, and if the requesting "
            "side agrees, assistance is given on the conditions agreed.",
            "Прежде чем отказать или отсрочить, запрашиваемая сторона вправе рассмотреть "
            "оказание помощи на условиях; с этой целью центральные органы консультируются, и при "
            "согласии запрашивающей стороны помощь оказывается на согласованных условиях.",
            "Бас тартпас немесе кейінге қалдырмас бұрын сұрау салынатын тарап көмекті белгілі бір "
            "шарттармен көрсетуді қарауға құқылы; осы мақсатта орталық органдар кеңеседі, ал "
            "сұрау салушы тарап келіссе, көмек келісілген шарттармен көрсетіледі.",
        ),
    ),
    conditions_need_acceptance=True,
    conditions_consultation=Rule(
        code="conditions_consultation",
        citation=c("3.3"),
        summary=s(
            "Where the requested side considers assisting on conditions rather than refusing or "
            "deferring, the central authorities consult each other for that purpose.",
            "Если запрашиваемая сторона рассматривает оказание помощи на условиях вместо отказа "
            "или отсрочки, центральные органы с этой целью консультируются между собой.",
            "Сұрау салынатын тарап бас тартудың немесе кейінге қалдырудың орнына көмекті белгілі "
            "бір шарттармен көрсетуді қараса, орталық органдар осы мақсатта өзара кеңеседі.",
        ),
    ),
    answer_language=AnswerLanguageRule(
        code="english_between_central_authorities",
        citation=c("23.2"),
        languages=("en",),
        summary=s(
            "The central authorities correspond with each other in English, including on results "
            "of execution.",
            "Центральные органы общаются между собой на английском языке, в том числе о "
            "результатах исполнения.",
            "Орталық органдар бір-бірімен, оның ішінде орындау нәтижелері туралы, ағылшын тілінде "
            "қарым-қатынас жасайды.",
        ),
    ),
    return_of_items=Rule(
        code="return_of_items",
        citation=c("14"),
        summary=s(
            "The requesting central authority returns documents and items supplied under Chapter "
            "II as soon as it can, unless the requested central authority waives their return.",
            "Центральный орган запрашивающей стороны как можно скорее возвращает документы и "
            "предметы, полученные по главе II, если другая сторона не откажется от их возврата.",
            "Сұрау салушы тараптың орталық органы II тарау бойынша алынған құжаттар мен заттарды "
            "мүмкіндігінше тез қайтарады, егер екінші тарап оларды қайтарудан бас тартпаса.",
        ),
    ),
    detainee_transfer=DetaineeTransferRule(
        code="detainee_transfer",
        citation=c("9.2.b"),
        consent_citation=c("9.1"),
        until_release_date=True,
        summary=s(
            "A person transferred from custody goes back once the requested acts are done, and no "
            "later than the date they would be released in the requested state.",
            "Переданное лицо возвращается после выполнения запрошенных действий, но не позднее "
            "даты его освобождения в запрашиваемой стороне.",
            "Берілген адам сұралған іс-шаралар орындалған соң, бірақ сұрау салынатын тарапта "
            "күзеттен босатылатын күнінен кешіктірілмей қайтарылады.",
        ),
    ),
    # Not "asset_sharing": that code is already taken by the assistance type of the same name
    # (1.2.k), and codes must be unique within a rulebook.
    asset_sharing=TermRule(
        code="asset_sharing_term",
        citation=c("18.2"),
        months=12,
        summary=s(
            "A request to share confiscated assets must be sent within one year after the final "
            "confiscation decision takes effect, unless exceptionally agreed otherwise.",
            "Просить о разделе активов нужно не позже чем через год после того, как итоговое "
            "решение о конфискации стало окончательным; иной срок возможен лишь по особой "
            "договорённости.",
            "Активтерді бөлуді тәркілеу жөніндегі соңғы шешім заңды күшіне енгеннен кейін бір "
            "жылдан кешіктірмей сұрау керек; өзге мерзім тек ерекше келісіммен мүмкін.",
        ),
    ),
    personal_data=None,
    periodic_duties=(),
    other_rules=OTHER_RULES,
    duties=(
        DutyRule(
            code="duty_notice_of_refusal",
            citation=c("3.4"),
            event=DutyEvent.REFUSAL,
            summary=s(
                "A central authority that refuses assistance tells the other central authority "
                "its reasons; the treaty sets no term.",
                "Центральный орган, отказавший в помощи, уведомляет центральный орган другой "
                "стороны о причинах отказа; срок договор не устанавливает.",
                "Көмек көрсетуден бас тартқан орталық орган екінші тараптың орталық органына бас "
                "тарту себептерін хабарлайды; мерзімді шарт белгілемейді.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_deferral",
            citation=c("3.4"),
            event=DutyEvent.DEFERRAL,
            summary=s(
                "A central authority that defers assistance tells the other central authority "
                "its reasons; the treaty sets no term.",
                "Центральный орган, отсрочивший помощь, уведомляет центральный орган другой "
                "стороны о причинах отсрочки; срок договор не устанавливает.",
                "Көмек көрсетуді кейінге қалдырған орталық орган екінші тараптың орталық органына "
                "кейінге қалдыру себептерін хабарлайды; мерзімді шарт белгілемейді.",
            ),
        ),
        DutyRule(
            code="duty_consultation_confidentiality_impossible",
            citation=c("5.1"),
            event=DutyEvent.CONFIDENTIALITY_IMPOSSIBLE,
            summary=s(
                "If a request cannot be executed without breaching confidentiality, the requested "
                "side consults the requesting side on whether it still wants execution; no term "
                "is set.",
                "Если запрос нельзя исполнить без нарушения конфиденциальности, запрашиваемая "
                "сторона консультируется с запрашивающей о её заинтересованности в исполнении; "
                "срок не установлен.",
                "Сұрау салуды құпиялылықты бұзбай орындау мүмкін болмаса, сұрау салынған тарап "
                "сұрау салушы тараппен оның орындауға мүдделілігі туралы консультация жүргізеді; "
                "мерзім белгіленбеген.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_disclosure",
            citation=c("5.4"),
            event=DutyEvent.DISCLOSURE_REQUIRED,
            owed_by=DutyParty.REQUESTING,
            summary=s(
                "Where its law requires information or evidence received to be disclosed in "
                "criminal proceedings, the requesting side notifies the requested side of the "
                "disclosure; no term is set.",
                "Если законодательство запрашивающей стороны требует раскрыть полученные сведения "
                "в уголовном разбирательстве, она уведомляет запрашиваемую сторону о таком "
                "раскрытии; срок не установлен.",
                "Сұрау салушы тараптың заңнамасы алынған мәліметтерді қылмыстық іс жүргізуде "
                "ашуды талап етсе, ол сұрау салынған тарапқа мұндай ашу туралы хабарлайды; мерзім "
                "белгіленбеген.",
            ),
        ),
        DutyRule(
            code="duty_advance_notice_of_date_and_place",
            citation=c("7.2"),
            event=DutyEvent.ADVANCE_NOTICE_ASKED,
            immediate=True,
            summary=s(
                "When asked, the requested central authority tells the requesting side in advance "
                "the date and place of the taking of evidence.",
                "По просьбе центральный орган запрашиваемой стороны заблаговременно сообщает дату "
                "и место получения доказательств.",
                "Өтініш бойынша сұрау салынған тараптың орталық органы дәлелдемелер алынатын күн "
                "мен орынды алдын ала хабарлайды.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_invitation_answer",
            citation=c("8.3"),
            event=DutyEvent.INVITATION_ANSWERED,
            immediate=True,
            summary=s(
                "The requested side asks the person whether they agree to appear in the "
                "requesting state and tells the requesting side the answer without delay.",
                "Запрашиваемая сторона запрашивает согласие лица на добровольную явку и "
                "незамедлительно сообщает запрашивающей стороне его ответ.",
                "Сұрау салынған тарап адамнан өз еркімен келуге келісімін сұрайды және оның "
                "жауабын сұрау салушы тарапқа дереу хабарлайды.",
            ),
        ),
        DutyRule(
            code="duty_safe_conduct_ends",
            citation=c("10.2.a"),
            event=DutyEvent.PRESENCE_NO_LONGER_NEEDED,
            owed_by=DutyParty.REQUESTING,
            days=15,
            notice=False,
            summary=s(
                "Safe conduct ends if the person, able to leave, has not left the requesting "
                "side within 15 days of being officially told their presence is no longer "
                "needed.",
                "Гарантия неприкосновенности прекращается, если лицо, имея возможность уехать, не "
                "покинуло запрашивающую сторону в течение 15 суток после официального "
                "уведомления о том, что его присутствие больше не требуется.",
                "Кету мүмкіндігі бола тұра адам қатысуы бұдан былай талап етілмейтіні туралы "
                "ресми хабарланғаннан кейін 15 тәулік ішінде сұрау салушы тараптан кетпесе, "
                "қолсұғылмаушылық кепілдігі тоқтайды.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_action_taken",
            citation=c("15.3"),
            event=DutyEvent.INFORMATION_ACTED_ON,
            summary=s(
                "A side told that proceeds or instrumentalities of crime are on its territory "
                "makes sure the other side is told of the action taken; no term is set.",
                "Сторона, уведомлённая о нахождении на её территории доходов или орудий "
                "преступления, обеспечивает уведомление другой стороны о принятых действиях; срок "
                "не установлен.",
                "Өз аумағында қылмыстан түскен кірістер немесе қылмыс құралдары бар екені туралы "
                "хабарланған тарап екінші тараптың қабылданған әрекеттер туралы хабардар "
                "етілуін қамтамасыз етеді; мерзім белгіленбеген.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_asset_sharing_outcome",
            citation=c("18.3.b"),
            event=DutyEvent.ASSET_SHARING_DECIDED,
            summary=s(
                "Having considered a request for sharing of assets, the requested side tells the "
                "requesting side the outcome; no term is set.",
                "Рассмотрев запрос о разделении активов, запрашиваемая сторона сообщает "
                "запрашивающей о результатах рассмотрения; срок не установлен.",
                "Активтерді бөлу туралы сұрау салуды қарағаннан кейін сұрау салынған тарап сұрау "
                "салушы тарапқа қарау нәтижелерін хабарлайды; мерзім белгіленбеген.",
            ),
        ),
        DutyRule(
            code="duty_progress_information",
            citation=c("24.7"),
            event=DutyEvent.PROGRESS_ASKED,
            summary=s(
                "When the requesting central authority asks, the requested one gives any "
                "information on how execution is proceeding; no term is set.",
                "По просьбе центрального органа запрашивающей стороны центральный орган "
                "запрашиваемой стороны предоставляет любую информацию о ходе исполнения запроса; "
                "срок не установлен.",
                "Сұрау салушы тараптың орталық органының өтініші бойынша сұрау салынған тараптың "
                "орталық органы сұрау салудың орындалу барысы туралы кез келген ақпаратты "
                "береді; мерзім белгіленбеген.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_obstacle",
            citation=c("24.8"),
            event=DutyEvent.OBSTACLE,
            immediate=True,
            summary=s(
                "The requested central authority tells the requesting one without delay of any "
                "circumstance that prevents execution or calls for a change of the action asked.",
                "Центральный орган запрашиваемой стороны незамедлительно сообщает о любых "
                "обстоятельствах, препятствующих исполнению запроса или требующих изменения "
                "запрошенного действия.",
                "Сұрау салынған тараптың орталық органы сұрау салуды орындауға кедергі келтіретін "
                "немесе сұралған әрекетті өзгертуді талап ететін кез келген мән-жай туралы дереу "
                "хабарлайды.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_results",
            citation=c("24.9"),
            event=DutyEvent.EXECUTION_FINISHED,
            immediate=True,
            summary=s(
                "The requested central authority tells the requesting one the results of "
                "execution without delay.",
                "Центральный орган запрашиваемой стороны незамедлительно информирует центральный "
                "орган запрашивающей стороны о результатах исполнения запроса.",
                "Сұрау салынған тараптың орталық органы сұрау салушы тараптың орталық органына "
                "сұрау салуды орындау нәтижелері туралы дереу хабарлайды.",
            ),
        ),
        DutyRule(
            code="duty_consultation_on_extra_costs",
            citation=c("27.4"),
            event=DutyEvent.EXTRA_COSTS_ANNOUNCED,
            owed_by=DutyParty.BOTH,
            notice=False,
            summary=s(
                "Once the requested side announces that execution may need extraordinary costs, "
                "the central authorities consult to agree the conditions and the sharing of "
                "costs; no term is set.",
                "После уведомления запрашиваемой стороны о возможных дополнительных расходах "
                "центральные органы консультируются об условиях исполнения и распределении "
                "расходов; срок не установлен.",
                "Сұрау салынған тарап қосымша шығыстар қажет болуы мүмкін екенін хабарлағаннан "
                "кейін орталық органдар орындау шарттары мен шығыстарды бөлу туралы консультация "
                "жүргізеді; мерзім белгіленбеген.",
            ),
        ),
    ),
    use_conditions=REGISTER_USE_CONDITIONS,
    spontaneous_information_register=REGISTER_SPONTANEOUS_INFORMATION,
    costs=REGISTER_COSTS,
    authority_notices=REGISTER_AUTHORITY_NOTICES,
)
