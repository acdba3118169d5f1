"""Kazakhstan - Serbia: Treaty on legal assistance in criminal matters.

The draft was approved for signature by Presidential Decree No 70 of 20 August 2015; the published
text leaves the place and date of signature blank. An MLA treaty between central authorities (the
General Prosecutor's Office of Kazakhstan and the Ministry of Justice of Serbia). It enters into
force on the date the last notification is received (Art 22.2): that date is not in the text and is
configured by the office.

Citation convention: "3.2.a" is Art 3, paragraph 2, sub-paragraph a). The published Russian text
prints the eighth sub-paragraph of Art 1.2 and Art 3.3 with the Cyrillic letter "Һ"; we cite it as
"h" (the Kazakh text has Latin "h").

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
from .schema import ConditionalChannelRule
from .schema import ConditionsOccasions
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
from .schema import PeriodicDutyRule
from .schema import Rule
from .schema import Rulebook
from .schema import ServiceProofRule
from .schema import SpontaneousInformationRule
from .schema import Summary
from .schema import SummonsLeadTimeRule
from .schema import TermRule
from .schema import UseConditionsRule
from .schema import citer
from .states import SERBIA

SLUG = "kz-rs-2015"

c = citer(SLUG)  # c("3.2.a") -> Art 3, paragraph 2, sub-paragraph a of this instrument
s = Summary  # s(en, ru, kk)


# --- assistance types (Art 1.2, 13, 14) ----------------------------------------------------------
ASSISTANCE_TYPES = (
    AssistanceTypeRule(
        code="service_of_documents",
        citation=c("1.2.a"),
        summary=s(
            "Serving documents and summonses on addressees and delivering items to them.",
            "Вручение адресатам документов и повесток, доставка им предметов.",
            "Құжаттар мен шақыру қағаздарын алушыларға табыс ету және оларға заттарды жеткізу.",
        ),
    ),
    AssistanceTypeRule(
        code="locating_persons",
        citation=c("1.2.b"),
        summary=s(
            "Finding where persons and objects are, or identifying them (details in Art 10).",
            "Установление местонахождения лиц и предметов или их идентификация "
            "(подробно в ст. 10).",
            "Адамдар мен заттардың қай жерде екенін анықтау немесе оларды сәйкестендіру "
            "(толығырақ 10-бапта).",
        ),
    ),
    AssistanceTypeRule(
        code="testimony",
        citation=c("1.2.c"),
        summary=s(
            "Obtaining testimony and statements from persons.",
            "Получение от лиц показаний и заявлений.",
            "Адамдардан айғақтар мен арыздар алу.",
        ),
    ),
    AssistanceTypeRule(
        code="transfer_of_detainees",
        citation=c("1.2.d"),
        summary=s(
            "Temporary transfer of persons under arrest or serving a prison sentence (Art 11).",
            "Временная передача арестованных и осуждённых к лишению свободы (ст. 11).",
            "Қамаққа алынған және бас бостандығынан айыру жазасын өтеп жүрген адамдарды уақытша "
            "беру (11-бап).",
        ),
    ),
    AssistanceTypeRule(
        code="search_and_seizure",
        citation=c("1.2.e"),
        summary=s(
            "Carrying out searches and seizures (conditions in Art 12).",
            "Проведение обысков и изъятий (условия в ст. 12).",
            "Тінту мен алып қоюды жүргізу (талаптары 12-бапта).",
        ),
    ),
    AssistanceTypeRule(
        code="confiscation",
        citation=c("1.2.e"),
        summary=s(
            "Confiscation, listed together with search and seizure; Art 13 covers help in "
            "confiscation procedures.",
            "Конфискация, указанная вместе с обыском и изъятием; помощь в процедурах конфискации "
            "регулирует ст. 13.",
            "Тінтумен және алып қоюмен қатар аталған тәркілеу; тәркілеу рәсімдеріндегі көмекті "
            "13-бап реттейді.",
        ),
    ),
    AssistanceTypeRule(
        code="provisional_measures",
        citation=c("13.1"),
        summary=s(
            "Identifying, tracing and freezing criminal proceeds, money and related items and "
            "documents with a view to confiscation, under each state's law.",
            "Выявление, обнаружение и арест преступных доходов, денежных средств, связанных с ними "
            "предметов и документов в целях конфискации по национальному праву.",
            "Қылмыстық кірістерді, ақшалай қаражатты, оларға байланысты заттар мен құжаттарды "
            "тәркілеу мақсатында ұлттық заңнамаға сәйкес анықтау, табу және оларға қамақ салу.",
        ),
    ),
    AssistanceTypeRule(
        code="asset_return",
        citation=c("13.3"),
        summary=s(
            "Handing over proceeds, instrumentalities, items and money liable to freezing or "
            "confiscation, in a manner the states agree case by case.",
            "Передача доходов, орудий преступления, предметов и денежных средств, подлежащих "
            "аресту "
            "или конфискации, в порядке, согласованном государствами.",
            "Қамақ салуға немесе тәркілеуге жататын кірістерді, қылмыс құралдарын, заттар мен "
            "ақшалай қаражатты мемлекеттер келіскен тәртіппен беру.",
        ),
    ),
    AssistanceTypeRule(
        code="examination_of_objects",
        citation=c("1.2.f"),
        summary=s(
            "Inspecting objects and documents.",
            "Осмотр предметов и документов.",
            "Заттар мен құжаттарды қарап-тексеру.",
        ),
    ),
    AssistanceTypeRule(
        code="documents_and_evidence",
        citation=c("1.2.g"),
        summary=s(
            "Exchanging information and evidence.",
            "Обмен сведениями и доказательствами.",
            "Мәліметтер мен дәлелдемелер алмасу.",
        ),
    ),
    AssistanceTypeRule(
        code="bank_information",
        citation=c("14.1"),
        summary=s(
            "Finding out whether a person involved in a crime holds accounts with local banks or "
            "financial institutions, with details of account users, location and transactions.",
            "Установление того, есть ли у причастного к преступлению лица счета в банках или "
            "финансовых учреждениях запрашиваемой стороны, со сведениями о пользователях, "
            "местонахождении и операциях.",
            "Қылмысқа қатысы бар адамның сұрау салынатын тараптағы банктерде немесе қаржы "
            "мекемелерінде шоты бар-жоғын анықтау, шотты пайдаланушылар, олардың орналасқан жері "
            "және транзакциялар туралы мәліметтермен бірге.",
        ),
    ),
    AssistanceTypeRule(
        code="other_legal_assistance",
        citation=c("1.2.h"),
        summary=s(
            "Any other form of assistance that the requested state's national law provides for.",
            "Любая иная форма помощи, которую допускает национальное право запрашиваемого "
            "государства.",
            "Сұрау салынатын мемлекеттің ұлттық заңнамасы жол беретін көмектің кез келген өзге "
            "нысаны.",
        ),
    ),
)


# --- contents of a request (Art 3) ---------------------------------------------------------------
MANDATORY_CONTENTS = (
    ContentRule(
        code="content_signed_and_sealed",
        citation=c("3.1"),
        field="signed_and_sealed",
        summary=s(
            "The request bears the signature and the seal of the requesting competent authority.",
            "Запрос скрепляется подписью и печатью компетентного органа запрашивающей стороны.",
            "Сұрау салуға сұрау салушы тараптың құзыретті органы қол қойып, мөрін басады.",
        ),
    ),
    ContentRule(
        code="content_requesting_authority",
        citation=c("3.2.a"),
        field="requesting_authority",
        summary=s(
            "Which competent authority drew up the request.",
            "Какой компетентный орган подготовил запрос.",
            "Сұрау салуды қай құзыретті орган дайындағаны.",
        ),
    ),
    ContentRule(
        code="content_purpose",
        citation=c("3.2.b"),
        field="purpose",
        summary=s(
            "What the assistance is sought for.",
            "Для чего запрашивается помощь.",
            "Көмек не үшін сұралатыны.",
        ),
    ),
    ContentRule(
        code="content_assistance_description",
        citation=c("3.2.b"),
        field="assistance_description",
        summary=s(
            "What assistance is sought, described.",
            "Описание того, какая помощь нужна.",
            "Қандай көмек қажет екенінің сипаттамасы.",
        ),
    ),
    ContentRule(
        code="content_offence_description",
        citation=c("3.2.c"),
        field="offence_description",
        summary=s(
            "Description of the criminal act concerned.",
            "Описание преступного деяния, о котором идёт речь.",
            "Сөз болып отырған қылмыстық іс-әрекеттің сипаттамасы.",
        ),
    ),
    ContentRule(
        code="content_legal_qualification",
        citation=c("3.2.c"),
        field="legal_qualification",
        summary=s(
            "How the act is qualified in law.",
            "Правовая квалификация деяния.",
            "Іс-әрекеттің құқықтық саралануы.",
        ),
    ),
    ContentRule(
        code="content_applicable_law",
        citation=c("3.2.d"),
        field="applicable_law",
        summary=s(
            "The national law provisions that apply, limitation periods included.",
            "Применимые нормы национального права, в том числе о сроках давности.",
            "Қолданылатын ұлттық заңнама нормалары, ескіру мерзімдерін қоса алғанда.",
        ),
    ),
    ContentRule(
        code="content_reasons_for_measures",
        citation=c("3.2.e"),
        field="reasons_for_measures",
        summary=s(
            "Why the evidence, information or other measures are needed.",
            "Зачем нужны запрашиваемые доказательства, сведения или иные действия.",
            "Сұралатын дәлелдемелер, мәліметтер немесе өзге іс-шаралар не үшін қажет екені.",
        ),
    ),
    ContentRule(
        code="content_summoned_person_allowances",
        citation=c("3.2.f"),
        field="summoned_person_allowances",
        required_when=ContentCondition.SUMMONS,
        summary=s(
            "When someone is summoned: the payments and compensation that person is entitled to.",
            "Если лицо вызывается для явки: выплаты и компенсации, положенные этому лицу.",
            "Адам келуге шақырылса: оған тиесілі төлемдер мен өтемақылар.",
        ),
    ),
    ContentRule(
        code="content_attending_officials",
        citation=c("3.2.g"),
        field="attending_officials",
        required_when=ContentCondition.OFFICIALS_ATTEND,
        summary=s(
            "When officials need to be present at execution: who they are.",
            "Если при исполнении должны присутствовать должностные лица: сведения о них.",
            "Орындау кезінде лауазымды адамдар қатысуы тиіс болса: олар туралы мәліметтер.",
        ),
    ),
    ContentRule(
        code="content_special_decision_for_search",
        citation=c("12.2"),
        field="enclosed_documents",
        required_when=ContentCondition.ASSISTANCE,
        assistance_types=frozenset({"search_and_seizure"}),
        summary=s(
            "For a search or seizure: the competent authority's decision ordering it, where the "
            "requested state's law requires such a decision.",
            "Для обыска или изъятия: специальное решение компетентного органа, если его требует "
            "законодательство запрашиваемого государства.",
            "Тінту немесе алып қою үшін: сұрау салынатын мемлекеттің заңнамасы талап етсе, "
            "құзыретті органның арнайы шешімі.",
        ),
    ),
)

OPTIONAL_CONTENTS = (
    ContentRule(
        code="optional_service_particulars",
        citation=c("3.3.a"),
        field="persons",
        summary=s(
            "For service: who and where the addressee is, their procedural status and the manner "
            "of service wanted.",
            "Для вручения: данные и местонахождение адресата, его процессуальный статус и желаемый "
            "способ вручения.",
            "Табыс ету үшін: алушының деректері мен тұрған жері, процестік мәртебесі және табыс "
            "етудің қалаған тәсілі.",
        ),
    ),
    ContentRule(
        code="optional_witness_particulars",
        citation=c("3.3.b"),
        field="persons",
        summary=s(
            "Who and where the person is who should testify or help in the proceedings.",
            "Данные и местонахождение лица, которое должно дать показания или содействовать "
            "разбирательству.",
            "Айғақ беретін немесе талқылауға көмектесетін адамның деректері мен тұрған жері.",
        ),
    ),
    ContentRule(
        code="optional_objects_to_locate",
        citation=c("3.3.c"),
        field="objects_to_locate",
        summary=s(
            "Details of the person, object or document whose whereabouts are to be found.",
            "Сведения о лице, предмете или документе, чьё местонахождение нужно установить.",
            "Тұрған жері анықталуға тиіс адам, зат немесе құжат туралы мәліметтер.",
        ),
    ),
    ContentRule(
        code="optional_search_details",
        citation=c("3.3.d"),
        field="search_details",
        summary=s(
            "The place or person to search and the property to seize or confiscate, as precisely "
            "as possible.",
            "Возможно более точное описание места или лица для обыска и имущества для изъятия или "
            "конфискации.",
            "Тінтілетін орын немесе адам және алып қойылатын не тәркіленетін мүлік барынша нақты "
            "сипатталады.",
        ),
    ),
    ContentRule(
        code="optional_statement_recording",
        citation=c("3.3.e"),
        field="procedure_requirements",
        summary=s(
            "How testimony or statements should be taken and put on record.",
            "Каким образом принимать и фиксировать показания или заявления.",
            "Айғақтар мен арыздарды қалай қабылдап, қалай тіркеу керектігі.",
        ),
    ),
    ContentRule(
        code="optional_questions",
        citation=c("3.3.f"),
        field="questions",
        summary=s(
            "The questions to be put to the person heard.",
            "Вопросы, которые следует задать заслушиваемому лицу.",
            "Тыңдалатын адамға қойылатын сұрақтар.",
        ),
    ),
    ContentRule(
        code="optional_special_procedure",
        citation=c("3.3.g"),
        field="procedure_requirements",
        summary=s(
            "Any specific procedure to be followed when executing the request.",
            "Особый порядок, который нужно соблюсти при исполнении.",
            "Орындау кезінде ұстанатын ерекше тәртіп.",
        ),
    ),
    ContentRule(
        code="optional_confidentiality",
        citation=c("3.3.h"),
        field="confidentiality_requirements",
        summary=s(
            "What confidentiality is required.",
            "Какие требования конфиденциальности предъявляются.",
            "Құпиялылыққа қандай талаптар қойылатыны.",
        ),
    ),
    ContentRule(
        code="optional_other_information",
        citation=c("3.3.i"),
        field="other_information",
        summary=s(
            "Anything else that could help the requested side execute the request.",
            "Любые иные сведения, которые помогут запрашиваемой стороне исполнить запрос.",
            "Сұрау салынатын тарапқа орындауға көмектесетін кез келген өзге мәлімет.",
        ),
    ),
)


# --- refusal and deferral (Art 5, 6, 11.2, 12.3) -------------------------------------------------
REFUSAL_GROUNDS = (
    GroundRule(
        code="refusal_not_a_crime",
        citation=c("5.1"),
        summary=s(
            "The act is not a criminal offence under the requested state's law.",
            "Деяние не является преступлением по праву запрашиваемого государства.",
            "Іс-әрекет сұрау салынатын мемлекеттің заңнамасы бойынша қылмыс болып табылмайды.",
        ),
    ),
    GroundRule(
        code="refusal_conditions_not_met",
        citation=c("5.2.a"),
        summary=s(
            "The conditions the treaty sets for this type of assistance are not fulfilled.",
            "Не выполнены условия, которые договор устанавливает для данного вида помощи.",
            "Шарттың осы көмек түріне қоятын талаптары орындалмаған.",
        ),
    ),
    GroundRule(
        code="refusal_sovereignty_security_public_order",
        citation=c("5.2.b"),
        summary=s(
            "Execution would endanger sovereignty, security, public order or other essential "
            "interests, or would conflict with the requested state's law.",
            "Исполнение поставит под угрозу суверенитет, безопасность, общественный порядок или "
            "иные существенные интересы либо противоречит праву запрашиваемого государства.",
            "Орындау егемендікке, қауіпсіздікке, қоғамдық тәртіпке немесе өзге де елеулі "
            "мүдделерге қатер төндіреді не сұрау салынатын мемлекеттің заңнамасына қайшы келеді.",
        ),
    ),
    GroundRule(
        code="refusal_coercive_measures_contrary_to_law",
        citation=c("5.2.c"),
        summary=s(
            "The request asks for coercive measures the requested state's law does not permit.",
            "Запрос касается принудительных мер, недопустимых по праву запрашиваемого государства.",
            "Сұрау салу сұрау салынатын мемлекеттің заңнамасы жол бермейтін мәжбүрлеу шараларына "
            "қатысты.",
        ),
    ),
    GroundRule(
        code="refusal_persecution",
        citation=c("5.2.d"),
        summary=s(
            "There are strong reasons to think the request serves to prosecute or harm a person "
            "because of race, sex, religion, nationality, ethnic origin or political opinion.",
            "Есть веские основания считать, что запрос служит преследованию лица или ухудшению его "
            "положения из-за его политических взглядов, расы, этнического происхождения, "
            "национальности, религии или пола.",
            "Сұрау салу адамды нәсіліне, жынысына, дініне, ұлтына, этностық шығу тегіне немесе "
            "саяси көзқарасына бола қудалауға не оның жағдайын нашарлатуға арналған деуге "
            "салмақты негіз бар.",
        ),
    ),
    GroundRule(
        code="refusal_transfer_no_consent",
        citation=c("11.2.a"),
        summary=s(
            "Temporary transfer of a detainee: the person does not agree to be transferred.",
            "Временная передача лица под стражей: лицо не согласно на передачу.",
            "Қамаудағы адамды уақытша беру: адам берілуге келісім бермейді.",
        ),
    ),
    GroundRule(
        code="refusal_transfer_needed_in_proceedings",
        citation=c("11.2.b"),
        summary=s(
            "Temporary transfer of a detainee: the person must be present in criminal proceedings "
            "in the requested state.",
            "Временная передача: лицо нужно для уголовного разбирательства в запрашиваемом "
            "государстве.",
            "Уақытша беру: адам сұрау салынатын мемлекеттегі қылмыстық талқылауға қатысуы тиіс.",
        ),
    ),
    GroundRule(
        code="refusal_transfer_prolongs_detention",
        citation=c("11.2.c"),
        summary=s(
            "Temporary transfer of a detainee: the transfer could lengthen the person's detention.",
            "Временная передача: она может продлить срок содержания лица под стражей.",
            "Уақытша беру: ол адамды күзетпен ұстау мерзімін ұзартуы мүмкін.",
        ),
    ),
    GroundRule(
        code="refusal_transfer_other_serious_grounds",
        citation=c("11.2.d"),
        summary=s(
            "Temporary transfer of a detainee: other weighty reasons speak against it.",
            "Временная передача: против неё есть иные существенные основания.",
            "Уақытша беру: оған қарсы өзге де елеулі негіздер бар.",
        ),
    ),
    GroundRule(
        code="refusal_third_party_conditions_not_accepted",
        citation=c("12.3"),
        summary=s(
            "Handover of seized items or documents: the requesting side has not accepted the "
            "conditions set to protect third parties' rights and interests.",
            "Передача изъятых предметов или документов: запрашивающая сторона не согласилась с "
            "условиями защиты прав и интересов третьих лиц.",
            "Алып қойылған заттар мен құжаттарды беру: сұрау салушы тарап үшінші тараптардың "
            "құқықтары мен мүдделерін қорғау шарттарына келіспеді.",
        ),
    ),
)

DEFERRAL_GROUNDS = (
    GroundRule(
        code="deferral_interferes_with_proceedings",
        citation=c("6.2"),
        summary=s(
            "Execution would get in the way of criminal proceedings under way in the requested "
            "state.",
            "Исполнение помешает уголовному разбирательству, которое ведётся в запрашиваемом "
            "государстве.",
            "Орындау сұрау салынатын мемлекетте жүріп жатқан қылмыстық талқылауға кедергі "
            "келтіреді.",
        ),
    ),
)


# --- provisions shown to users, not enforced by a guard ------------------------------------------
OTHER_RULES = (
    Rule(
        code="central_authority_changes",
        citation=c("2.3"),
        summary=s(
            "If a central authority is renamed or its functions move to another body, the other "
            "state is told through diplomatic channels.",
            "О переименовании центрального органа или передаче его функций другому органу "
            "сообщается по дипломатическим каналам.",
            "Орталық органның атауы өзгерсе немесе оның функциялары басқа органға берілсе, бұл "
            "туралы дипломатиялық арналар арқылы хабарланады.",
        ),
    ),
    Rule(
        code="execution_under_requested_law",
        citation=c("6.1"),
        summary=s(
            "Requests are executed under the requested state's law; exceptionally, a procedure "
            "proposed by the requesting side can be used if that law does not forbid it.",
            "Запросы исполняются по праву запрашиваемого государства; в исключительных случаях "
            "допустим порядок, предложенный запрашивающей стороной, если он не противоречит этому "
            "праву.",
            "Сұрау салулар сұрау салынатын мемлекеттің заңнамасы бойынша орындалады; айрықша "
            "жағдайда, егер заңға қайшы келмесе, сұрау салушы тарап ұсынған тәртіп қолданылуы "
            "мүмкін.",
        ),
    ),
    Rule(
        code="confidentiality",
        citation=c("7.1"),
        summary=s(
            "On request, the requested side keeps the request and its content confidential as far "
            "as execution allows; if it cannot, it says so at once and the requesting side decides "
            "whether execution should continue.",
            "По просьбе запрашиваемая сторона сохраняет конфиденциальность запроса, насколько это "
            "совместимо с исполнением; если не может, сразу сообщает, и запрашивающая сторона "
            "решает, продолжать ли исполнение.",
            "Өтініш бойынша сұрау салынатын тарап, орындауға кедергі болмайтын шамада, сұрау "
            "салудың құпиялылығын сақтайды; сақтай алмаса, дереу хабарлайды, ал сұрау салушы "
            "тарап орындауды жалғастыру-жалғастырмауды шешеді.",
        ),
    ),
    Rule(
        code="use_limitation",
        citation=c("7.2"),
        summary=s(
            "The requested side may ask that information or evidence it supplies is not used in "
            "proceedings other than those named in the request without its prior consent.",
            "Запрашиваемая сторона может потребовать не использовать переданные сведения или "
            "доказательства в иных разбирательствах, кроме указанных в запросе, без её "
            "предварительного согласия.",
            "Сұрау салынатын тарап берілген мәліметтер мен дәлелдемелерді оның алдын ала "
            "келісімінсіз сұрау салуда аталмаған өзге талқылауларда пайдаланбауды талап ете алады.",
        ),
    ),
    Rule(
        code="non_appearance_no_penalty",
        citation=c("8.4"),
        summary=s(
            "A person who does not come in answer to a summons faces no penalty or coercive "
            "measure, even if the summons warns of one.",
            "Лицо, не явившееся по повестке, не подвергается наказанию или принудительным мерам, "
            "даже если повестка о них предупреждает.",
            "Шақыру бойынша келмеген адамға, шақыру қағазында ескерту болса да, жаза немесе "
            "мәжбүрлеу шарасы қолданылмайды.",
        ),
    ),
    Rule(
        code="safe_conduct_immunity",
        citation=c("9.1"),
        summary=s(
            "Whoever appears on a summons cannot be prosecuted, detained, convicted or otherwise "
            "restricted for acts or convictions that predate entry and are not named in the "
            "summons.",
            "Явившийся по повестке не может быть преследуем, задержан, осуждён или иначе ограничен "
            "в свободе за деяния и судимости до въезда, не указанные в повестке.",
            "Шақыру бойынша келген адам келгенге дейінгі және шақыру қағазында аталмаған "
            "іс-әрекеттері мен сотталғандықтары үшін қудаланбайды, ұсталмайды, сотталмайды және "
            "бостандығы өзгеше шектелмейді.",
        ),
    ),
    Rule(
        code="safe_conduct_ends",
        citation=c("9.2.a"),
        summary=s(
            "The immunity lapses if the person stays more than 15 days after being officially told "
            "they are no longer needed (days they could not leave for reasons beyond their control "
            "do not count), or leaves and comes back voluntarily (9.2.b).",
            "Иммунитет утрачивается, если лицо остаётся более 15 суток после официального "
            "уведомления, что оно больше не нужно (не считая времени, когда оно не могло уехать не "
            "по своей вине), или, уехав, добровольно возвращается (9.2.b).",
            "Адам оның қажеті жоқ екені туралы ресми хабарламадан кейін 15 тәуліктен артық қалса "
            "(өзіне байланысты емес себеппен кете алмаған уақыт есептелмейді) немесе кетіп, өз "
            "еркімен қайта оралса (9.2.b), иммунитет күшін жояды.",
        ),
    ),
    Rule(
        code="transferred_person_in_custody",
        citation=c("11.3"),
        summary=s(
            "A temporarily transferred person stays in custody both in the requesting state and "
            "in any transit state.",
            "Временно переданное лицо содержится под стражей и в запрашивающем государстве, и в "
            "государстве транзита.",
            "Уақытша берілген адам сұрау салушы мемлекетте де, транзит мемлекетінде де күзетпен "
            "ұсталады.",
        ),
    ),
    Rule(
        code="transit_of_detainees",
        citation=c("11.4"),
        summary=s(
            "When a third state transfers a detainee to one party across the other's territory, "
            "transit is allowed unless the person is a national of the transit state.",
            "Если третье государство передаёт лицо под стражей одной стороне через территорию "
            "другой, транзит разрешается, кроме случаев, когда лицо — гражданин государства "
            "транзита.",
            "Үшінші мемлекет қамаудағы адамды бір тарапқа екінші тараптың аумағы арқылы берсе, "
            "адам транзит мемлекетінің азаматы болмаған жағдайда транзитке рұқсат етіледі.",
        ),
    ),
    Rule(
        code="search_justification",
        citation=c("12.1"),
        summary=s(
            "Search, seizure and handover of items or documents take place only if the request "
            "explains why they are necessary.",
            "Обыск, изъятие и передача предметов или документов проводятся, только если запрос "
            "обосновывает их необходимость.",
            "Тінту, заттар мен құжаттарды алып қою және беру сұрау салуда олардың қажеттілігі "
            "негізделген жағдайда ғана жүргізіледі.",
        ),
    ),
    Rule(
        code="seized_items_authenticity_and_decision",
        citation=c("12.2"),
        summary=s(
            "The requested side checks that seized items are authentic; if its law requires a "
            "special decision of a competent authority for the measure, the requesting side must "
            "supply it.",
            "Запрашиваемая сторона проверяет подлинность изъятого; если её право требует особого "
            "решения компетентного органа, его предоставляет запрашивающая сторона.",
            "Сұрау салынатын тарап алып қойылған заттардың түпнұсқалығын тексереді; егер оның "
            "заңнамасы құзыретті органның арнайы шешімін талап етсе, оны сұрау салушы тарап "
            "ұсынады.",
        ),
    ),
    Rule(
        code="proceeds_information",
        citation=c("13.2"),
        summary=s(
            "A state that learns that proceeds, instrumentalities or funds liable to freezing or "
            "confiscation are on the other's territory may inform the other state.",
            "Государство, узнавшее, что подлежащие аресту или конфискации доходы, орудия или "
            "средства находятся на территории другой стороны, может её об этом уведомить.",
            "Қамақ салуға немесе тәркілеуге жататын кірістер, құралдар немесе қаражат екінші "
            "тараптың аумағында екенін білген мемлекет оған бұл туралы хабарлай алады.",
        ),
    ),
    Rule(
        code="bank_secrecy_no_bar",
        citation=c("14.2"),
        summary=s(
            "Bank secrecy cannot justify refusing the bank account information described in Art "
            "14.1.",
            "Банковская тайна не может служить основанием отказа в сведениях о счетах по ст. 14.1.",
            "Банк құпиясы 14.1-бапта көрсетілген шоттар туралы мәліметтерді беруден бас тартуға "
            "негіз бола алмайды.",
        ),
    ),
    Rule(
        code="spontaneous_information",
        citation=c("16.1"),
        summary=s(
            "Either state may, unasked, send the other any information likely to interest it.",
            "Каждое государство вправе без запроса передать другому сведения, которые могут быть "
            "ему интересны.",
            "Әр мемлекет сұраусыз-ақ екіншісіне оны қызықтыруы мүмкін кез келген ақпаратты "
            "жібере алады.",
        ),
    ),
    Rule(
        code="spontaneous_information_conditions",
        citation=c("16.2"),
        summary=s(
            "Restrictions on use attached to information sent unasked must be respected by the "
            "receiver.",
            "Ограничения на использование, установленные при добровольной передаче сведений, "
            "получатель обязан соблюдать.",
            "Ақпарат өз бастамасымен берілген кезде оны пайдалануға қойылған шектеулерді алушы "
            "сақтауға міндетті.",
        ),
    ),
    Rule(
        code="costs",
        citation=c("17.1"),
        summary=s(
            "The requested side pays for execution, except travel and stay of attending officials "
            "and of summoned persons, costs of Art 11 transfers, and expert examinations unless "
            "agreed otherwise.",
            "Расходы на исполнение несёт запрашиваемая сторона, кроме проезда и пребывания "
            "присутствующих должностных лиц и вызванных лиц, передачи по ст. 11 и экспертиз, если "
            "не оговорено иное.",
            "Орындау шығыстарын сұрау салынатын тарап көтереді; қатысатын лауазымды адамдар мен "
            "шақырылған адамдардың жол жүруі мен тұруы, 11-бап бойынша беру және, өзгеше "
            "келісілмесе, сараптамалар бұған кірмейді.",
        ),
    ),
    Rule(
        code="extraordinary_costs",
        citation=c("17.2"),
        summary=s(
            "If execution brings unforeseen costs, the states may consult on how to split them.",
            "При непредвиденных расходах государства могут провести консультации об их разделе.",
            "Орындау болжанбаған шығыстарға әкелсе, мемлекеттер оларды бөлу туралы кеңесе алады.",
        ),
    ),
    Rule(
        code="other_agreements",
        citation=c("20"),
        summary=s(
            "The treaty leaves rights and duties under other international agreements untouched.",
            "Договор не затрагивает прав и обязанностей по другим международным соглашениям.",
            "Шарт басқа халықаралық келісімдер бойынша құқықтар мен міндеттерді өзгертпейді.",
        ),
    ),
    Rule(
        code="disputes",
        citation=c("21"),
        summary=s(
            "Disagreements over applying or interpreting the treaty are settled by consultations "
            "and negotiations between the central authorities.",
            "Разногласия по применению или толкованию договора решаются консультациями и "
            "переговорами центральных органов.",
            "Шартты қолдану немесе түсіндіру жөніндегі келіспеушіліктер орталық органдардың "
            "консультациялары мен келіссөздері арқылы шешіледі.",
        ),
    ),
)


# --- parties (Art 2.2: the central authorities) ---------------------------------------------------
PARTIES = (
    Party(state=KAZAKHSTAN, designation=c("2.2"), shared_authorities=(GENERAL_PROSECUTOR,),
          central_authority=CentralAuthorityDeclaration(authority=GENERAL_PROSECUTOR,
                                                        citation=c("2.2"))),
    Party(
        state=SERBIA,
        designation=c("2.2"),
        authorities=(
            AuthorityInfo(code="rs-justice", kind=AuthorityKind.CENTRAL, address="Belgrade",
                          name=s("Ministry of Justice of the Republic of Serbia",
                                 "Министерство юстиции Республики Сербия",
                                 "Сербия Республикасының Әділет министрлігі")),
        ),
        central_authority=CentralAuthorityDeclaration(authority="rs-justice", citation=c("2.2")),
    ),
)


# --- registers: use conditions, spontaneous information, costs, counterpart notices ------------
REGISTER_USE_CONDITIONS = UseConditionsRule(
    code="register_use_conditions",
    citation=c("7.2"),
    other_use_consent=c("7.2"),
    consent_always_needed=False,
    confidentiality_inability=c("7.1"),
    summary=s(
        "Where the supplying state asked for it, information or evidence obtained through a "
        "request is not used in other proceedings without its prior consent; the register "
        "records the limitation, the consent asked for and given, and every other use.",
        "Если передавшее государство этого потребовало, полученные по запросу сведения или "
        "доказательства не используются в иных разбирательствах без его предварительного "
        "согласия; в реестре отмечаются ограничение, запрошенное и данное согласие и каждое иное "
        "использование.",
        "Беруші мемлекет талап еткен болса, сұрау салу бойынша алынған мәліметтер мен "
        "дәлелдемелер оның алдын ала келісімінсіз өзге талқылауларда пайдаланылмайды; тізілімде "
        "шектеу, сұралған және берілген келісім және әрбір өзге пайдалану көрсетіледі.",
    ),
)
REGISTER_SPONTANEOUS_INFORMATION = SpontaneousInformationRule(
    code="register_spontaneous_information",
    citation=c("16.1"),
    conditions=c("16.2"),
    summary=s(
        "Information sent or received without a request is registered with the restrictions on "
        "its use; the receiver must respect them.",
        "Сведения, направленные или полученные без запроса, регистрируются вместе с ограничениями "
        "на их использование; получатель обязан их соблюдать.",
        "Сұраусыз жіберілген немесе алынған ақпарат оны пайдалануға қойылған шектеулермен бірге "
        "тіркеледі; алушы оларды сақтауға міндетті.",
    ),
)
REGISTER_COSTS = CostsRule(
    code="register_costs",
    citation=c("17.1"),
    heads=(
        CostHeadRule(code="cost_execution", citation=c("17.1"),
                     borne_by=CostBearer.REQUESTED_SIDE, summary=s(
                         "Costs of executing the request: the requested state.",
                         "Расходы на исполнение запроса: запрашиваемое государство.",
                         "Сұрау салуды орындау шығыстары: сұрау салынатын мемлекет.")),
        CostHeadRule(code="cost_attending_officials", citation=c("17.1.a"),
                     borne_by=CostBearer.REQUESTING_SIDE, summary=s(
                         "Travel and stay of the officials attending execution (Art 3.2(g)).",
                         "Проезд и пребывание присутствующих при исполнении лиц (ст. 3.2(g)).",
                         "Орындау кезінде қатысатын адамдардың жол жүруі мен тұруы (3.2(g)-бап).")),
        CostHeadRule(code="cost_summoned_persons", citation=c("17.1.b"),
                     borne_by=CostBearer.REQUESTING_SIDE, summary=s(
                         "Travel and stay of persons summoned to appear (Art 8.3).",
                         "Проезд и пребывание вызванных лиц (ст. 8.3).",
                         "Шақырылған адамдардың жол жүруі мен тұруы (8.3-бап).")),
        CostHeadRule(code="cost_detainee_transfer", citation=c("17.1.c"),
                     borne_by=CostBearer.REQUESTING_SIDE, summary=s(
                         "Costs of a temporary transfer of a detained person (Art 11).",
                         "Расходы на передачу лица, содержащегося под стражей (ст. 11).",
                         "Күзетпен ұсталған адамды уақытша беру шығыстары (11-бап).")),
        CostHeadRule(code="cost_experts", citation=c("17.1.d"),
                     borne_by=CostBearer.REQUESTING_SIDE, summary=s(
                         "Expert examinations, unless the states agreed otherwise.",
                         "Экспертизы, если государства не договорились об ином.",
                         "Сараптамалар, егер мемлекеттер өзгеше келіспесе.")),
    ),
    extraordinary=c("17.2"),
    consultation_mandatory=False,
    summary=s(
        "The requested state bears the costs of execution except the heads listed in Art 17.1(a)-"
        "(d); where execution brings unforeseen costs the states may consult on sharing them.",
        "Запрашиваемое государство несёт расходы на исполнение, кроме перечисленных в ст. 17.1(a)-"
        "(d); при непредвиденных расходах государства вправе провести консультации об их разделе.",
        "Орындау шығыстарын 17.1(a)-(d)-бапта аталғандардан басқасын сұрау салынатын мемлекет "
        "көтереді; болжанбаған шығыстар туындаса, мемлекеттер оларды бөлу туралы кеңесе алады.",
    ),
)
REGISTER_AUTHORITY_NOTICES = AuthorityNoticesRule(
    code="register_authority_notices",
    citation=c("2.3"),
    channel=Channel.DIPLOMATIC,
    summary=s(
        "Renaming of a central authority, or the transfer of its functions, is notified through "
        "diplomatic channels; the register keeps the notices sent and received.",
        "О переименовании центрального органа или передаче его функций уведомляют по "
        "дипломатическим каналам; реестр хранит направленные и полученные уведомления.",
        "Орталық органның атауы өзгергені немесе функциялары берілгені туралы дипломатиялық "
        "арналар арқылы хабарланады; тізілім жіберілген және алынған хабарламаларды сақтайды.",
    ),
)


RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.MLA_TREATY,
    title=s(
        "Treaty between the Republic of Kazakhstan and the Republic of Serbia on Legal Assistance "
        "in Criminal Matters",
        "Договор между Республикой Казахстан и Республикой Сербия о правовой помощи по уголовным "
        "делам",
        "Қазақстан Республикасы мен Сербия Республикасы арасындағы қылмыстық істер бойынша "
        "құқықтық көмек туралы шарт",
    ),
    short_title=s(
        "Kazakhstan–Serbia MLA treaty (2015)",
        "Договор Казахстан–Сербия о правовой помощи (2015)",
        "Қазақстан–Сербия құқықтық көмек туралы шарты (2015)",
    ),
    parties=PARTIES,
    signed_on=None,
    signed_at="",
    approval_act="Presidential Decree No 70 of 20 August 2015 (approves the draft for signature)",
    entry_into_force=Rule(
        code="entry_into_force",
        citation=c("22.2"),
        summary=s(
            "In force from the day the last written notice through diplomatic channels that both "
            "states completed their internal procedures is received; concluded for an indefinite "
            "period.",
            "Действует с того дня, когда по дипломатическим каналам получена последняя из "
            "письменных нот о завершении внутригосударственных процедур; срок действия не "
            "ограничен.",
            "Мемлекетішілік рәсімдердің аяқталғаны туралы соңғы жазбаша хабарлама дипломатиялық "
            "арналар арқылы алынған күннен бастап күшіне енеді; белгіленбеген мерзімге жасалған.",
        ),
    ),
    entry_into_force_date=None,
    # Office policy: the date the office recorded; the text states none.
    entry_into_force_office_date=date(2016, 12, 1),
    termination=TermRule(
        code="termination",
        citation=c("22.4"),
        days=180,
        # "по истечении 180 суток с даты получения": the 180 days run from the day after receipt;
        # the treaty still applies on receipt + 180 and has ended from receipt + 181.
        effective_after_expiry=True,
        summary=s(
            "Either state may end the treaty by written notice through diplomatic channels; it "
            "stops applying 180 days after the notice is received.",
            "Любое государство может прекратить договор письменным уведомлением по дипломатическим "
            "каналам; он перестаёт действовать через 180 суток после его получения.",
            "Кез келген мемлекет шартты дипломатиялық арналар арқылы жазбаша хабарламамен тоқтата "
            "алады; хабарлама алынғаннан кейін 180 тәулік өткен соң шарт қолданылмайды.",
        ),
    ),
    pending_requests_continue=Rule(
        code="pending_requests_continue",
        citation=c("22.5"),
        summary=s(
            "Assistance begun while the treaty applied is carried through to the end after "
            "termination.",
            "Мероприятия, начатые в период действия договора, доводятся до конца и после его "
            "прекращения.",
            "Шарт қолданылып тұрғанда басталған іс-шаралар ол тоқтағаннан кейін де толық "
            "орындалғанға дейін жалғасады.",
        ),
    ),
    communication=ChannelRule(
        code="communication",
        citation=c("2"),
        channels=frozenset({Channel.POST, Channel.COURIER, Channel.FAX, Channel.ELECTRONIC}),
        authority_kind=AuthorityKind.CENTRAL,
        # Art 2 names the authorities, not the means: 3.1 (in writing) and 3.4 (technical means
        # with the original by post) do.
        channels_citation=c("3.4"),
        conditional_channels=(
            ConditionalChannelRule(
                code="urgent_locating_via_interpol",
                citation=c("10.3"),
                channel=Channel.INTERPOL,
                urgent_only=True,
                assistance_types=frozenset({"locating_persons"}),
                summary=s(
                    "Locating and identification requests follow Art 3; in urgent cases they may "
                    "also go through Interpol.",
                    "Запросы об установлении местонахождения и идентификации оформляются по ст. 3; "
                    "в срочных случаях их можно направить и через Интерпол.",
                    "Тұрған жерді анықтау және сәйкестендіру туралы сұрау салулар 3-бап бойынша "
                    "ресімделеді; шұғыл жағдайда оларды Интерпол арқылы да жіберуге болады.",
                ),
            ),
        ),
        summary=s(
            "Central authorities deal with each other directly: the General Prosecutor's Office of "
            "Kazakhstan and the Ministry of Justice of Serbia. Technical means of communication "
            "may "
            "be used if the original follows by post (3.4).",
            "Центральные органы взаимодействуют напрямую: Генеральная прокуратура Казахстана и "
            "Министерство юстиции Сербии. Можно использовать технические средства связи с "
            "направлением оригинала почтой (3.4).",
            "Орталық органдар — Қазақстанның Бас прокуратурасы мен Сербияның Әділет министрлігі "
            "бір-бірімен тікелей байланысады. Түпнұсқасы поштамен жіберілген жағдайда техникалық "
            "байланыс құралдарын пайдалануға болады (3.4).",
        ),
    ),
    written_form=Rule(
        code="written_form",
        citation=c("3.1"),
        summary=s(
            "Requests are made in writing, signed and sealed by the requesting competent "
            "authority.",
            "Запросы оформляются письменно, подписываются и скрепляются печатью компетентного "
            "органа запрашивающей стороны.",
            "Сұрау салулар жазбаша ресімделеді, оларға сұрау салушы тараптың құзыретті органы қол "
            "қойып, мөрмен растайды.",
        ),
    ),
    scope=Rule(
        code="scope",
        citation=c("1.2"),
        summary=s(
            "The forms of legal assistance the treaty covers; anything else only as far as the requested side's law allows.",
            "Виды правовой помощи, охватываемые договором; иная помощь — лишь в пределах, допускаемых законодательством запрашиваемой стороны.",
            "Шартта қамтылған құқықтық көмек түрлері; өзге көмек тек сұрау салынатын тараптың заңнамасы рұқсат ететін шекте.",
        ),
    ),
    assistance_types=ASSISTANCE_TYPES,
    mandatory_contents=MANDATORY_CONTENTS,
    optional_contents=OPTIONAL_CONTENTS,
    language=LanguageRule(
        code="language",
        citation=c("4.1"),
        accepted_languages=("requested_state", "en"),
        summary=s(
            "Request and documents are written in the requesting state's language and translated "
            "into the requested state's language or into English.",
            "Запрос и документы составляются на языке запрашивающего государства с переводом на "
            "язык запрашиваемого государства или на английский.",
            "Сұрау салу мен құжаттар сұрау салушы мемлекеттің тілінде жасалып, сұрау салынатын "
            "мемлекеттің тіліне не ағылшын тіліне аударылады.",
        ),
    ),
    oral_requests=None,
    originals=OriginalsRule(
        code="originals",
        citation=c("3.4"),
        mode=OriginalsMode.SIMULTANEOUS_POST,
        summary=s(
            "A request sent by fax or other technical means must have its original posted at the "
            "same time.",
            "Если запрос передан по факсу или иным техническим средством, оригинал одновременно "
            "отправляется почтой.",
            "Сұрау салу факспен немесе өзге техникалық құралмен берілсе, түпнұсқасы сол мезетте "
            "поштамен жіберіледі.",
        ),
    ),
    additional_information=None,
    summons_lead_time=SummonsLeadTimeRule(
        code="summons_lead_time",
        citation=c("8.3"),
        days=60,
        shorter_term_by_agreement_when_urgent=True,
        summary=s(
            "A summons to appear before the requesting side's authorities must reach the requested "
            "side at least 60 days before the appearance date; in urgent cases a shorter term can "
            "be agreed.",
            "Повестка о явке к органам запрашивающей стороны передаётся не позднее чем за 60 суток "
            "до даты явки; в срочных случаях можно согласовать меньший срок.",
            "Сұрау салушы тараптың органдарына келу туралы шақыру қағазы келу күнінен кемінде 60 "
            "тәулік бұрын жіберіледі; шұғыл жағдайда қысқарақ мерзім келісілуі мүмкін.",
        ),
    ),
    requested_execution_date_reasoned=Rule(
        code="requested_execution_date_reasoned",
        citation=c("6.5"),
        summary=s(
            "Execution is as quick as possible or, where feasible, by the date the requesting side "
            "asks for; that date must come with reasons.",
            "Запрос исполняется в кратчайший срок или, если возможно, к сроку, указанному "
            "запрашивающей стороной; этот срок должен быть обоснован.",
            "Сұрау салу барынша тез немесе, мүмкін болса, сұрау салушы тарап көрсеткен мерзімде "
            "орындалады; ол мерзімнің себебі көрсетілуі тиіс.",
        ),
    ),
    refusal_grounds=REFUSAL_GROUNDS,
    # The grounds are in Art 5 (5.1 dual criminality, 5.2 the others), with 11.2 and 12.3 for
    # transfers and handover of items; a ground off the list is answered under Art 5.
    refusal_grounds_citation=c("5"),
    refusal_consultation=Rule(
        code="refusal_consultation",
        citation=c("5.3"),
        summary=s(
            "The requested central authority must consult the requesting central authority before "
            "any refusal.",
            "До любого отказа центральный орган запрашиваемой стороны обязан проконсультироваться "
            "с "
            "центральным органом запрашивающей стороны.",
            "Кез келген бас тартудан бұрын сұрау салынатын тараптың орталық органы сұрау салушы "
            "тараптың орталық органымен міндетті түрде кеңеседі.",
        ),
    ),
    refusal_reasons=Rule(
        code="refusal_reasons",
        citation=c("5.4"),
        summary=s(
            "A refusal always comes with its reasons.",
            "Отказ всегда сопровождается изложением его причин.",
            "Бас тарту әрдайым оның себептері көрсетіле отырып жасалады.",
        ),
    ),
    deferral_grounds=DEFERRAL_GROUNDS,
    deferral_after_partial_or_conditional_decision=Rule(
        code="deferral_after_partial_or_conditional_decision",
        citation=c("6.3"),
        summary=s(
            "Before deferring, the requested side, after consulting if appropriate, decides "
            "whether it can execute in full, in part or on conditions of its own.",
            "Прежде чем отсрочить, запрашиваемая сторона, при необходимости после консультаций, "
            "решает, может ли она исполнить запрос полностью, частично или на своих условиях.",
            "Кейінге қалдырмас бұрын сұрау салынатын тарап, қажет болса кеңескеннен кейін, сұрау "
            "салуды толық, ішінара немесе өз шарттарымен орындай алатынын шешеді.",
        ),
    ),
    deferral_reasons=Rule(
        code="deferral_reasons",
        citation=c("6.4"),
        summary=s(
            "A decision to defer must be reasoned, and the requesting side is told why.",
            "Решение об отсрочке обосновывается, и запрашивающей стороне сообщаются его причины.",
            "Кейінге қалдыру туралы шешім уәжделеді және оның себептері сұрау салушы тарапқа "
            "хабарланады.",
        ),
    ),
    conditions=Rule(
        code="conditions",
        citation=c("6.3"),
        summary=s(
            "Rather than defer, the requested side may execute on the conditions it considers "
            "necessary.",
            "Вместо отсрочки запрашиваемая сторона может исполнить запрос на условиях, которые "
            "считает необходимыми.",
            "Кейінге қалдырудың орнына сұрау салынатын тарап сұрау салуды өзі қажет деп санайтын "
            "шарттармен орындай алады.",
        ),
    ),
    conditions_need_acceptance=False,
    conditions_occasions=ConditionsOccasions(
        code="conditions_occasions",
        citation=c("6.3"),
        after_deferral_decision=True,
        assistance_types=frozenset({"search_and_seizure"}),
        assistance_types_citation=c("12.3"),
        summary=s(
            "Conditions are set when the requested side decides to execute, fully or in part, "
            "instead of deferring (6.3), or when it hands over seized items and documents (12.3).",
            "Условия ставятся, когда запрашиваемая сторона решает исполнить запрос полностью или "
            "частично вместо отсрочки (6.3), либо при передаче изъятых предметов и документов "
            "(12.3).",
            "Шарттар сұрау салынатын тарап кейінге қалдырудың орнына сұрау салуды толық немесе "
            "ішінара орындау туралы шешкенде (6.3) не алынған заттар мен құжаттарды бергенде "
            "(12.3) қойылады.",
        ),
    ),
    partial_execution_reasons_required=True,
    answer_language=AnswerLanguageRule(
        code="answer_language",
        citation=c("4.2"),
        languages=("requested_state",),
        translation_into="en",
        summary=s(
            "Answers and their enclosures are sent in the requested state's language with a "
            "translation into English; for bulky material the central authorities may agree "
            "which documents to translate.",
            "Ответы с приложениями направляются на языке запрашиваемого государства с переводом на "
            "английский язык; при большом объёме центральные органы могут согласовать перечень "
            "переводимых документов.",
            "Жауаптар қосымшаларымен сұрау салынатын мемлекеттің тілінде ағылшын тіліне "
            "аудармасымен жіберіледі; құжаттар көп болса, орталық органдар аударылатын құжаттар "
            "тізбесін келісе алады.",
        ),
    ),
    answer_signed_and_sealed=Rule(
        code="no_legalisation",
        citation=c("19"),
        summary=s(
            "Documents supplied as legal assistance need no legalisation or other certification "
            "once signed by an official and sealed with the authority's coat-of-arms seal.",
            "Документы, переданные в порядке правовой помощи, не требуют легализации или иного "
            "удостоверения, если подписаны должностным лицом и заверены гербовой печатью органа.",
            "Құқықтық көмек тәртібімен берілген құжаттарға лауазымды адам қол қойып, органның "
            "елтаңбалы мөрімен расталса, оларды заңдастыру немесе өзгеше куәландыру қажет емес.",
        ),
    ),
    service_proof_contents=ServiceProofRule(
        code="proof_of_service",
        citation=c("8.2"),
        summary=s(
            "After service the requested side confirms it with the serving official's signature "
            "and the authority's seal, stating date, time, place and manner of delivery and the "
            "person served; if service failed, it says so at once, with the reasons.",
            "После вручения запрашиваемая сторона направляет подтверждение с подписью должностного "
            "лица и печатью органа, указывая дату, время, место, способ доставки и лицо, которому "
            "вручено; если вручение не состоялось, незамедлительно сообщает об этом с причинами.",
            "Табыс етілгеннен кейін сұрау салынатын тарап лауазымды адамның қолы және органның "
            "мөрі қойылған, күні, уақыты, орны, жеткізу тәсілі және алған адам көрсетілген растау "
            "жібереді; табыс етілмесе, бұл туралы себептерін көрсетіп дереу хабарлайды.",
        ),
    ),
    return_of_items=Rule(
        code="return_of_items",
        citation=c("15"),
        summary=s(
            "Items and documents handed over are returned at the first opportunity unless the "
            "requested side gives up its right to have them back.",
            "Переданные предметы и документы возвращаются при первой возможности, если "
            "запрашиваемая сторона не откажется от права на их возврат.",
            "Берілген заттар мен құжаттар, егер сұрау салынатын тарап оларды қайтару құқығынан бас "
            "тартпаса, алғашқы мүмкіндікте қайтарылады.",
        ),
    ),
    detainee_transfer=DetaineeTransferRule(
        code="detainee_transfer",
        citation=c("11.1"),
        max_months=6,
        extensions_allowed=1,
        summary=s(
            "A person in custody or serving a prison term may be lent as a witness or expert for a "
            "term the requested side sets, at most 6 months; the requesting side may ask for one "
            "extension only.",
            "Лицо под стражей или отбывающее лишение свободы может быть временно передано как "
            "свидетель или эксперт на срок, установленный запрашиваемой стороной, не более 6 "
            "месяцев; продление допускается только один раз.",
            "Қамаудағы немесе бас бостандығынан айыру жазасын өтеп жүрген адам куә немесе сарапшы "
            "ретінде сұрау салынатын тарап белгілеген, 6 айдан аспайтын мерзімге уақытша "
            "берілуі мүмкін; мерзім тек бір рет ұзартылады.",
        ),
    ),
    asset_sharing=None,
    personal_data=None,
    periodic_duties=(
        PeriodicDutyRule(
            code="conviction_report",
            citation=c("18"),
            every_months=6,
            summary=s(
                "Every six months each state tells the other about all convictions of the other "
                "state's citizens.",
                "Каждые шесть месяцев государства сообщают друг другу обо всех осуждениях граждан "
                "другой стороны.",
                "Әр алты ай сайын мемлекеттер бір-біріне екінші тарап азаматтарының барлық сотталу "
                "жағдайлары туралы хабарлайды.",
            ),
        ),
        PeriodicDutyRule(
            code="conviction_report_receipt",
            citation=c("18"),
            every_months=6,
            owed_by_other_side=True,
            summary=s(
                "Every six months the other state reports all convictions of Kazakh citizens: "
                "the office tracks that its report arrives.",
                "Каждые шесть месяцев другое государство сообщает обо всех осуждениях граждан "
                "Казахстана: ведомство отслеживает поступление его сообщения.",
                "Әр алты ай сайын екінші мемлекет Қазақстан азаматтарының барлық сотталу "
                "жағдайлары туралы хабарлайды: ведомство оның хабарының келіп түсуін қадағалайды.",
            ),
        ),
    ),
    other_rules=OTHER_RULES,
    duties=(
        DutyRule(
            code="duty_notice_of_refusal",
            citation=c("5.4"),
            event=DutyEvent.REFUSAL,
            summary=s(
                "A refusal is reasoned and its reasons are given to the requesting state; the "
                "treaty sets no term for telling them.",
                "Отказ должен быть мотивирован, и его причины сообщаются запрашивающему "
                "государству; срок уведомления договор не устанавливает.",
                "Бас тарту дәлелді болуға тиіс және оның себептері сұрау салушы мемлекетке "
                "хабарланады; хабарлау мерзімін шарт белгілемейді.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_deferral",
            citation=c("6.4"),
            event=DutyEvent.DEFERRAL,
            summary=s(
                "A deferral is reasoned and the requested state informs the requesting state of "
                "its reasons; the treaty sets no term.",
                "Решение об отсрочке мотивируется, и запрашиваемое государство сообщает "
                "запрашивающему о его причинах; срок договор не устанавливает.",
                "Кейінге қалдыру туралы шешім дәлелденеді және сұрау салынған мемлекет оның "
                "себептерін сұрау салушы мемлекетке хабарлайды; мерзімді шарт белгілемейді.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_non_service",
            citation=c("8.2"),
            event=DutyEvent.NON_SERVICE,
            immediate=True,
            summary=s(
                "If a document could not be served, the requested state tells the requesting "
                "state without delay, with the reasons.",
                "Если вручение не осуществлено, запрашиваемое государство незамедлительно "
                "сообщает об этом запрашивающему с указанием причин.",
                "Табыс ету жүзеге асырылмаса, сұрау салынған мемлекет бұл туралы сұрау салушы "
                "мемлекетке себептерін көрсете отырып дереу хабарлайды.",
            ),
        ),
        DutyRule(
            code="duty_notice_confidentiality_impossible",
            citation=c("7.1"),
            event=DutyEvent.CONFIDENTIALITY_IMPOSSIBLE,
            immediate=True,
            summary=s(
                "If the requested state cannot keep the request confidential, it tells the "
                "requesting state without delay, which decides whether execution goes on.",
                "Если запрашиваемое государство не может обеспечить конфиденциальность, оно "
                "незамедлительно сообщает об этом запрашивающему, которое решает, продолжать ли "
                "исполнение.",
                "Сұрау салынған мемлекет құпиялылықты қамтамасыз ете алмаса, бұл туралы сұрау "
                "салушы мемлекетке дереу хабарлайды, ал ол орындауды жалғастыру туралы шешеді.",
            ),
        ),
        DutyRule(
            code="duty_safe_conduct_ends",
            citation=c("9.2.a"),
            event=DutyEvent.PRESENCE_NO_LONGER_NEEDED,
            owed_by=DutyParty.REQUESTING,
            days=15,
            notice=False,
            summary=s(
                "Safe conduct ends if the person, free to leave, stays in the requesting state "
                "15 days after being officially told their presence is no longer needed (days "
                "they could not leave for reasons beyond their control do not count).",
                "Гарантия неприкосновенности прекращается, если лицо не покидает запрашивающее "
                "государство в течение 15 суток после официального уведомления о том, что его "
                "присутствие более не необходимо (без учёта времени, когда оно не могло уехать "
                "по независящим от него причинам).",
                "Адамның қатысуы бұдан былай қажет емес екені туралы ресми хабарланғаннан кейін "
                "15 тәулік ішінде ол сұрау салушы мемлекеттің аумағынан кетпесе, қолсұғылмаушылық "
                "кепілдігі тоқтайды (өзіне байланысты емес себептермен кете алмаған уақыт "
                "есептелмейді).",
            ),
        ),
    ),
    use_conditions=REGISTER_USE_CONDITIONS,
    spontaneous_information_register=REGISTER_SPONTANEOUS_INFORMATION,
    costs=REGISTER_COSTS,
    authority_notices=REGISTER_AUTHORITY_NOTICES,
)
