"""United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances
(Vienna, 20 December 1988): mutual legal assistance under Art 7, with confiscation under Art 5.

A multilateral convention: each party designates its own authority (7.8), notifies the languages it
accepts (7.9) and is bound from its own date (29.2); a party's denunciation takes effect for it one
year after the Secretary-General receives it (30.2). Assistance covers the offences of Art 3.1
(drug trafficking and the laundering of its proceeds). Art 7.7: paragraphs 8 to 19 apply only
where the two states are not bound by a treaty of mutual legal assistance; where they are, that
treaty's provisions apply unless they agree otherwise. Art 5.4(d) makes paragraphs 6 to 19 of Art 7
apply to confiscation requests as well.

Text: /work/shared/treaties/un-vienna-1988-illicit-traffic-narcotic-drugs.en.txt (English, an
authentic language, as published in the Netherlands treaty database).

Citation convention: "7.10.a" is Art 7, paragraph 10, sub-paragraph (a); "5.4.d" covers the
numbered items (i)-(iii) of 5.4(d), named in the summaries.

Summaries are our own wording, not treaty sentences.
"""

from __future__ import annotations

from datetime import date
from datetime import timedelta

from .home import GENERAL_PROSECUTOR
from .home import KAZAKHSTAN
from .offences import DRUG_TRAFFICKING
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
from .schema import ContentCondition
from .schema import ContentRule
from .schema import CostBearer
from .schema import CostHeadRule
from .schema import CostsRule
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
from .states import SWITZERLAND
from .states import convention_party

SLUG = "vienna-1988"

c = citer(SLUG)  # c("7.10.a") -> Art 7, paragraph 10, sub-paragraph a of this instrument
s = Summary  # s(en, ru, kk)


def _rule(code: str, reference: str, en: str, ru: str, kk: str) -> Rule:
    return Rule(code=code, citation=c(reference), summary=s(en, ru, kk))


# Art 29.1: in force on the 90th day after the 20th instrument was deposited. The depositary's
# record: "11 November 1990, in accordance with article 29(1)" (UN Treaty Collection, chapter VI.19).
CONVENTION_IN_FORCE = date(1990, 11, 11)


def in_force_for(deposited_on: date) -> date:
    """Art 29.1-29.2: a state depositing its instrument is bound from the 90th day after the
    deposit, and never before the Convention itself entered into force (a deposit among the first
    twenty gives 11 November 1990)."""
    return max(CONVENTION_IN_FORCE, deposited_on + timedelta(days=90))


# --- assistance types (Art 7.2, 7.3; Art 5.4) ------------------------------------------------------
ASSISTANCE_TYPES = (
    AssistanceTypeRule(code="testimony", citation=c("7.2.a"), summary=s(
        "Taking evidence or statements from persons.",
        "Получение доказательств или показаний от лиц.",
        "Адамдардан дәлелдемелер немесе айғақтар алу.")),
    AssistanceTypeRule(code="service_of_documents", citation=c("7.2.b"), summary=s(
        "Serving judicial documents.",
        "Вручение судебных документов.",
        "Сот құжаттарын табыс ету.")),
    AssistanceTypeRule(code="search_and_seizure", citation=c("7.2.c"), summary=s(
        "Carrying out searches and seizures.",
        "Проведение обысков и изъятий.",
        "Тінту және алып қою жүргізу.")),
    AssistanceTypeRule(code="examination_of_objects", citation=c("7.2.d"), summary=s(
        "Examining objects and sites.",
        "Осмотр предметов и мест.",
        "Заттар мен орындарды қарап-тексеру.")),
    AssistanceTypeRule(code="documents_and_evidence", citation=c("7.2.e"), summary=s(
        "Supplying information and items of evidence.",
        "Предоставление сведений и вещественных доказательств.",
        "Мәліметтер мен заттай дәлелдемелерді беру.")),
    AssistanceTypeRule(code="official_documents", citation=c("7.2.f"), summary=s(
        "Originals or certified copies of relevant documents and records, including corporate "
        "and business records.",
        "Подлинники или заверенные копии относящихся к делу документов и материалов, в том "
        "числе корпоративных и деловых.",
        "Іске қатысты құжаттар мен материалдардың түпнұсқалары немесе куәландырылған "
        "көшірмелері, оның ішінде корпоративтік және іскерлік құжаттар.")),
    AssistanceTypeRule(code="bank_information", citation=c("7.2.f"), summary=s(
        "Bank and financial records, as originals or certified copies.",
        "Банковские и финансовые документы в подлинниках или заверенных копиях.",
        "Банктік және қаржылық құжаттар түпнұсқа немесе куәландырылған көшірме түрінде.")),
    # 7.2(g): identifying or tracing proceeds, property, instrumentalities or other things for
    # evidence; the catalogue's nearest type is locating and identifying persons and objects.
    AssistanceTypeRule(code="locating_persons", citation=c("7.2.g"), summary=s(
        "Identifying or tracing proceeds, property, instrumentalities or other things as "
        "evidence.",
        "Выявление или отслеживание доходов, имущества, орудий и иных предметов в качестве "
        "доказательств.",
        "Кірістерді, мүлікті, құралдар мен өзге заттарды дәлелдеме ретінде анықтау немесе "
        "олардың ізіне түсу.")),
    AssistanceTypeRule(code="other_legal_assistance", citation=c("7.3"), summary=s(
        "Any other form of assistance the requested party's law allows.",
        "Любые иные виды помощи, допускаемые правом запрашиваемой стороны.",
        "Сұрау салынған тараптың заңнамасы рұқсат ететін көмектің кез келген өзге түрі.")),
    AssistanceTypeRule(code="provisional_measures", citation=c("5.4.b"), summary=s(
        "Identifying, tracing, freezing or seizing proceeds, property and instrumentalities "
        "with a view to confiscation.",
        "Выявление, отслеживание, замораживание или арест доходов, имущества и орудий для "
        "последующей конфискации.",
        "Кейін тәркілеу үшін кірістерді, мүлікті және құралдарды анықтау, олардың ізіне түсу, "
        "оларға тыйым салу немесе алып қою.")),
    AssistanceTypeRule(code="confiscation", citation=c("5.4.a"), summary=s(
        "Confiscation: the requested party seeks its own order or gives effect to the "
        "requesting party's order.",
        "Конфискация: запрашиваемая сторона добивается собственного решения или исполняет "
        "решение запрашивающей стороны.",
        "Тәркілеу: сұрау салынған тарап өз шешімін алады немесе сұрау салушы тараптың шешімін "
        "орындайды.")),
)
TYPE_CODES = frozenset(rule.code for rule in ASSISTANCE_TYPES)


# --- contents of a request (Art 7.10; Art 5.4(d)) --------------------------------------------------
MANDATORY_CONTENTS = (
    ContentRule(code="content_requesting_authority", citation=c("7.10.a"),
                field="requesting_authority", summary=s(
                    "Which authority makes the request.",
                    "Какой орган направляет запрос.",
                    "Сұрау салуды қай орган жасайтыны.")),
    ContentRule(code="content_offence_description", citation=c("7.10.b"),
                field="offence_description", summary=s(
                    "What the investigation, prosecution or proceedings are about and their "
                    "nature.",
                    "Предмет и характер расследования, уголовного преследования или "
                    "разбирательства.",
                    "Тергеудің, қудалаудың немесе іс жүргізудің мәні мен сипаты.")),
    ContentRule(code="content_proceedings_authority", citation=c("7.10.b"),
                field="proceedings_authority", summary=s(
                    "Name and functions of the authority conducting them.",
                    "Наименование и функции органа, который их ведёт.",
                    "Оларды жүргізіп отырған органның атауы мен қызметі.")),
    # 7.10(c): not for a request to serve judicial documents; required as soon as the request
    # asks for any other type.
    ContentRule(code="content_facts_summary", citation=c("7.10.c"), field="facts_summary",
                required_when=ContentCondition.ASSISTANCE,
                assistance_types=TYPE_CODES - {"service_of_documents"}, summary=s(
                    "A short account of the relevant facts (not needed for service of judicial "
                    "documents alone).",
                    "Краткое изложение относящихся к делу фактов (не требуется, если просят "
                    "только о вручении судебных документов).",
                    "Іске қатысты фактілердің қысқаша баяндамасы (тек сот құжаттарын табыс ету "
                    "сұралса, қажет емес).")),
    ContentRule(code="content_assistance_description", citation=c("7.10.d"),
                field="assistance_description", summary=s(
                    "What assistance is sought.",
                    "Какая помощь запрашивается.",
                    "Қандай көмек сұралатыны.")),
    ContentRule(code="content_purpose", citation=c("7.10.f"), field="purpose", summary=s(
        "What the evidence, information or action is sought for.",
        "Для чего нужны доказательства, сведения или действия.",
        "Дәлелдемелер, мәліметтер немесе әрекеттер не үшін қажет екені.")),
)

# Shown, not enforced: "where possible" (7.10(e)), "any particular procedure" (7.10(d)), and the
# Art 5.4(d) items, which depend on whether the request asks the requested party to seek its own
# confiscation order (5.4(a)(i)), to give effect to ours (5.4(a)(ii)) or to freeze or seize
# (5.4(b)): the request records only "confiscation" or "provisional measures", not which of them,
# so the facts and the description the three have in common are enforced through 7.10(c) and (d).
OPTIONAL_CONTENTS = (
    ContentRule(code="optional_special_procedure", citation=c("7.10.d"),
                field="procedure_requirements", summary=s(
                    "Any particular procedure the requesting party wishes followed.",
                    "Особая процедура, которую запрашивающая сторона просит соблюсти.",
                    "Сұрау салушы тарап сақтауды өтінетін ерекше рәсім.")),
    ContentRule(code="optional_persons", citation=c("7.10.e"), field="persons", summary=s(
        "Where possible, identity, whereabouts and nationality of each person concerned.",
        "По возможности — личность, местонахождение и гражданство каждого затрагиваемого лица.",
        "Мүмкіндігінше — қатысы бар әр адамның жеке басы, тұрған жері және азаматтығы.")),
    ContentRule(code="optional_confiscation_property", citation=c("5.4.d"),
                field="assistance_description", summary=s(
                    "For a request that the requested party seek a confiscation order (5.4(d)(i)): "
                    "a description of the property and facts enough for that order under its law.",
                    "Для просьбы получить решение о конфискации (5.4(d)(i)): описание имущества и "
                    "факты, достаточные для такого решения по праву запрашиваемой стороны.",
                    "Тәркілеу туралы шешім алуды сұраған кезде (5.4(d)(i)): мүліктің сипаттамасы "
                    "және сұрау салынған тарап заңнамасы бойынша сол шешімге жеткілікті "
                    "фактілер.")),
    ContentRule(code="optional_confiscation_order", citation=c("5.4.d"),
                field="enclosed_documents", summary=s(
                    "For a request to give effect to our confiscation order (5.4(d)(ii)): an "
                    "admissible copy of the order, the facts, and how far it should be executed.",
                    "Для просьбы исполнить наше решение о конфискации (5.4(d)(ii)): допустимая "
                    "копия решения, факты и объём, в котором его просят исполнить.",
                    "Біздің тәркілеу туралы шешімімізді орындауды сұраған кезде (5.4(d)(ii)): "
                    "шешімнің жарамды көшірмесі, фактілер және оны қандай көлемде орындау "
                    "керектігі.")),
    ContentRule(code="optional_provisional_measures_actions", citation=c("5.4.d"),
                field="assistance_description", summary=s(
                    "For a request to identify, trace, freeze or seize (5.4(d)(iii)): the facts "
                    "relied on and the actions asked for.",
                    "Для просьбы о выявлении, отслеживании, замораживании или аресте "
                    "(5.4(d)(iii)): факты, на которые опирается запрос, и запрашиваемые "
                    "действия.",
                    "Анықтау, ізіне түсу, тыйым салу немесе алып қою туралы өтінішке "
                    "(5.4(d)(iii)): сұрау салуға негіз болған фактілер және сұралатын "
                    "әрекеттер.")),
    ContentRule(code="optional_confidentiality", citation=c("7.14"),
                field="confidentiality_requirements", summary=s(
                    "Whether the requesting party requires the request kept confidential.",
                    "Требует ли запрашивающая сторона сохранять запрос в тайне.",
                    "Сұрау салушы тарап сұрау салуды құпия сақтауды талап ете ме.")),
)


# --- refusal and postponement (Art 7.15-7.17; bank secrecy 7.5, 5.3) ---------------------------------
REFUSAL_GROUNDS = (
    GroundRule(code="refusal_request_not_conforming", citation=c("7.15.a"), summary=s(
        "The request does not comply with Art 7.",
        "Запрос не соответствует статье 7.",
        "Сұрау салу 7-бапқа сәйкес келмейді.")),
    GroundRule(code="refusal_sovereignty_security_public_order", citation=c("7.15.b"), summary=s(
        "Execution would likely harm the requested party's sovereignty, security, public order "
        "or other essential interests.",
        "Исполнение может нанести ущерб суверенитету, безопасности, публичному порядку или иным "
        "существенным интересам запрашиваемой стороны.",
        "Орындау сұрау салынған тараптың егемендігіне, қауіпсіздігіне, қоғамдық тәртібіне "
        "немесе өзге маңызды мүдделеріне нұқсан келтіруі ықтимал.")),
    GroundRule(code="refusal_prohibited_for_similar_domestic_offence", citation=c("7.15.c"),
               summary=s(
                   "The requested party's law would forbid the same action in its own case on a "
                   "similar offence.",
                   "Право запрашиваемой стороны запретило бы такое же действие по её "
                   "собственному делу о сходном преступлении.",
                   "Сұрау салынған тараптың заңнамасы ұқсас қылмыс бойынша өз ісінде дәл осындай "
                   "әрекетке тыйым салар еді.")),
    GroundRule(code="refusal_contrary_to_legal_system", citation=c("7.15.d"), summary=s(
        "Granting the request would go against the requested party's legal system on mutual "
        "legal assistance.",
        "Удовлетворение запроса противоречило бы правовой системе запрашиваемой стороны в "
        "области взаимной правовой помощи.",
        "Сұрау салуды қанағаттандыру сұрау салынған тараптың өзара құқықтық көмек саласындағы "
        "құқықтық жүйесіне қайшы келер еді.")),
)

EXCLUDED_REFUSAL_GROUNDS = (
    GroundRule(code="refusal_bank_secrecy", citation=c("7.5"), summary=s(
        "Bank secrecy is no ground for refusing assistance under Art 7.",
        "Банковская тайна не является основанием для отказа в помощи по статье 7.",
        "Банктік құпия 7-бап бойынша көмектен бас тартуға негіз болмайды.")),
    # Art 7.5 is not among the paragraphs 6-19 that 5.4(d) extends to confiscation requests; 5.3
    # bars bank secrecy for the measures of Art 5.
    GroundRule(code="refusal_bank_secrecy_confiscation", citation=c("5.3"),
               assistance_types=frozenset({"provisional_measures", "confiscation"}), summary=s(
                   "Bank secrecy is no ground for declining to make bank, financial or "
                   "commercial records available or seize them for confiscation measures.",
                   "Банковская тайна не основание отказаться предоставить или изъять "
                   "банковские, финансовые или коммерческие документы для мер по конфискации.",
                   "Банктік құпия тәркілеу шаралары үшін банктік, қаржылық немесе коммерциялық "
                   "құжаттарды беруден не алып қоюдан бас тартуға негіз болмайды.")),
)

DEFERRAL_GROUNDS = (
    GroundRule(code="deferral_interferes_with_proceedings", citation=c("7.17"), summary=s(
        "Execution would interfere with an investigation, prosecution or proceeding under way.",
        "Исполнение помешает ведущемуся расследованию, уголовному преследованию или "
        "разбирательству.",
        "Орындау жүріп жатқан тергеуге, қудалауға немесе іс жүргізуге кедергі келтіреді.")),
)


# --- provisions shown to users, not enforced by a guard -------------------------------------------
OTHER_RULES = (
    _rule("laundering_of_drug_proceeds", "3.1.b",
          "Laundering is covered where the property comes from a drug trafficking offence of "
          "Art 3.1(a): converting or transferring it to hide its origin, or concealing its "
          "nature, source or ownership.",
          "Отмывание охватывается, если имущество получено от преступления незаконного оборота "
          "наркотиков по ст. 3.1(a): его конверсия или перевод для сокрытия происхождения либо "
          "сокрытие его характера, источника или принадлежности.",
          "Жылыстату мүлік 3.1(a)-баптағы есірткінің заңсыз айналымы қылмысынан алынған болса "
          "қамтылады: оның шығу тегін жасыру үшін айырбастау не аудару, немесе оның сипатын, "
          "көзін не кімге тиесілі екенін жасыру."),
    _rule("presence_of_persons", "7.4",
          "On request, the parties help make available persons, including persons in custody, "
          "who agree to assist an investigation or take part in proceedings, as far as their law "
          "and practice allow; the Convention sets no term for a transfer.",
          "По просьбе стороны содействуют явке лиц, в том числе содержащихся под стражей, "
          "согласных помочь расследованию или участвовать в разбирательстве, насколько позволяют "
          "их право и практика; срока передачи Конвенция не устанавливает.",
          "Өтініш бойынша тараптар өз заңнамасы мен тәжірибесі рұқсат еткен шамада тергеуге "
          "көмектесуге немесе іс жүргізуге қатысуға келісетін адамдардың, оның ішінде күзетпен "
          "ұсталатындардың келуіне жәрдемдеседі; беру мерзімін конвенция белгілемейді."),
    _rule("other_treaties_unaffected", "7.6",
          "Art 7 leaves untouched the parties' obligations under other treaties on mutual legal "
          "assistance.",
          "Статья 7 не затрагивает обязательств сторон по иным договорам о взаимной правовой "
          "помощи.",
          "7-бап тараптардың өзара құқықтық көмек туралы өзге шарттардағы міндеттемелеріне әсер "
          "етпейді."),
    _rule("authorities_notified_to_secretary_general", "7.8",
          "Each party notifies the UN Secretary-General of the authority it designated; a party "
          "may require requests to reach it through diplomatic channels.",
          "Каждая сторона сообщает Генеральному секретарю ООН о назначенном органе; сторона "
          "может потребовать, чтобы запросы поступали по дипломатическим каналам.",
          "Әр тарап тағайындаған органы туралы БҰҰ Бас хатшысына хабарлайды; тарап сұрау "
          "салулардың дипломатиялық арналар арқылы келуін талап ете алады."),
    _rule("execution_under_requested_law", "7.12",
          "The request is executed under the requested party's law and, where that law allows "
          "and it is possible, by the procedures the request names.",
          "Запрос исполняется по праву запрашиваемой стороны и, если это право позволяет и это "
          "возможно, по указанным в запросе процедурам.",
          "Сұрау салу сұрау салынған тараптың заңнамасы бойынша, ал заң рұқсат етіп, мүмкін "
          "болса, сұрау салуда көрсетілген рәсімдер бойынша орындалады."),
    _rule("use_limitation", "7.13",
          "What the requested party supplies is used or passed on only for the proceedings the "
          "request names, unless it consents beforehand.",
          "Полученное от запрашиваемой стороны используется или передаётся только для "
          "указанного в запросе производства, если она заранее не согласится на иное.",
          "Сұрау салынған тараптан алынғанды ол алдын ала келіспесе, тек сұрау салуда "
          "көрсетілген іс жүргізу үшін пайдалануға немесе беруге болады."),
    _rule("confidentiality", "7.14",
          "The requesting party may ask that the fact and substance of the request be kept "
          "confidential, except as execution needs; a requested party that cannot comply says so "
          "promptly.",
          "Запрашивающая сторона может просить сохранять в тайне факт и содержание запроса, "
          "кроме необходимого для исполнения; если это невозможно, запрашиваемая сторона сразу "
          "сообщает об этом.",
          "Сұрау салушы тарап сұрау салудың фактісі мен мазмұнын орындауға қажетті шамадан "
          "тыс құпия сақтауды өтіне алады; бұл мүмкін болмаса, сұрау салынған тарап бұл туралы "
          "дереу хабарлайды."),
    _rule("safe_conduct", "7.18",
          "A witness, expert or other person who agrees to come to the requesting party is not "
          "prosecuted, detained or punished there for earlier acts; the protection ends once, "
          "free to leave for 15 consecutive days (or the period agreed) after being told they "
          "are no longer needed, they stay, or they return voluntarily.",
          "Свидетель, эксперт или иное лицо, согласившееся прибыть к запрашивающей стороне, не "
          "преследуется, не задерживается и не наказывается там за прежние деяния; защита "
          "прекращается, если лицо, имея 15 дней подряд (или согласованный срок) после "
          "уведомления, что оно больше не нужно, возможность уехать, остаётся или добровольно "
          "возвращается.",
          "Сұрау салушы тарапқа келуге келіскен куә, сарапшы немесе өзге адам сол жерде бұрынғы "
          "әрекеттері үшін қудаланбайды, ұсталмайды және жазаланбайды; оның қажеті жоқ екені "
          "хабарланғаннан кейін қатарынан 15 күн (немесе келісілген мерзім) кетуге мүмкіндігі "
          "бола тұра қалса немесе өз еркімен қайта оралса, қорғау тоқтайды."),
    _rule("costs", "7.19",
          "The requested party bears the ordinary costs unless agreed otherwise; for substantial "
          "or extraordinary costs the parties consult on the terms of execution and who pays.",
          "Обычные расходы несёт запрашиваемая сторона, если не договорились иначе; о "
          "значительных или чрезвычайных расходах стороны консультируются: на каких условиях "
          "исполнять и кто платит.",
          "Келісілмесе, әдеттегі шығыстарды сұрау салынған тарап көтереді; елеулі немесе "
          "төтенше шығыстар туралы тараптар орындау шарттары мен кім төлейтіні жөнінде "
          "кеңеседі."),
    _rule("confiscation_requests_follow_article_7", "5.4.d",
          "Paragraphs 6 to 19 of Art 7 apply to confiscation requests too, which also carry the "
          "items of 5.4(d)(i)-(iii).",
          "Пункты 6-19 статьи 7 применяются и к запросам о конфискации, которые также содержат "
          "сведения по 5.4(d)(i)-(iii).",
          "7-баптың 6-19-тармақтары тәркілеу туралы сұрау салуларға да қолданылады, оларда "
          "5.4(d)(i)-(iii)-тегі мәліметтер де болады."),
    _rule("confiscation_under_domestic_law", "5.4.c",
          "The requested party decides and acts on confiscation requests under its own law, "
          "procedure and any treaty binding it to the requesting party.",
          "Запрашиваемая сторона решает и действует по запросам о конфискации согласно своему "
          "праву, процедурам и договорам, связывающим её с запрашивающей стороной.",
          "Сұрау салынған тарап тәркілеу туралы сұрау салулар бойынша өз заңнамасына, "
          "рәсімдеріне және сұрау салушы тараппен байланыстыратын шарттарға сәйкес шешім "
          "қабылдайды."),
    _rule("convention_as_treaty_basis", "5.4.f",
          "A party that requires a treaty for confiscation measures treats this Convention as "
          "sufficient.",
          "Сторона, которой для мер по конфискации нужен договор, считает эту Конвенцию "
          "достаточным основанием.",
          "Тәркілеу шаралары үшін шарт талап ететін тарап осы конвенцияны жеткілікті негіз "
          "деп санайды."),
    _rule("disposal_of_confiscated_property", "5.5.a",
          "The confiscating party disposes of confiscated proceeds or property under its own law "
          "and procedures.",
          "Конфисковавшая сторона распоряжается доходами или имуществом по своему праву и "
          "процедурам.",
          "Тәркілеген тарап кірістер мен мүлікке өз заңнамасы мен рәсімдеріне сәйкес билік "
          "етеді."),
    _rule("sharing_agreements", "5.5.b",
          "A party acting on another's request may consider agreements to give the value to "
          "bodies fighting drug trafficking or to share it with other parties.",
          "Сторона, действующая по запросу другой, может рассмотреть соглашения о передаче "
          "стоимости органам борьбы с наркотрафиком или о разделе её с другими сторонами.",
          "Басқа тараптың сұрау салуы бойынша әрекет ететін тарап құнды есірткі саудасына қарсы "
          "күресетін органдарға беру немесе оны өзге тараптармен бөлу туралы келісімдерді "
          "қарастыра алады."),
    _rule("transformed_and_intermingled_proceeds", "5.6",
          "Property into which proceeds were converted or with which they were mixed, and income "
          "from them, are subject to the same measures.",
          "Имущество, в которое превращены доходы или с которым они смешаны, и полученный от них "
          "доход подлежат тем же мерам.",
          "Кірістер айналдырылған немесе араласқан мүлік және олардан түскен табыс сол шараларға "
          "жатады."),
    _rule("bona_fide_third_parties", "5.8",
          "Confiscation measures do not prejudice the rights of bona fide third parties.",
          "Меры конфискации не ущемляют прав добросовестных третьих лиц.",
          "Тәркілеу шаралары адал үшінші тұлғалардың құқықтарына нұқсан келтірмейді."),
    _rule("further_agreements", "7.20",
          "The parties consider bilateral or multilateral arrangements that give effect to or "
          "strengthen Art 7.",
          "Стороны рассматривают двусторонние или многосторонние договорённости, "
          "обеспечивающие или усиливающие действие статьи 7.",
          "Тараптар 7-бапты іске асыратын немесе күшейтетін екіжақты не көпжақты "
          "уағдаластықтарды қарастырады."),
)


# --- parties ------------------------------------------------------------------------------------
ACCESSED = date(2026, 12, 4)
# The depositary's status list (UN Treaty Collection, chapter VI.19), as reproduced with each
# participant's date of ratification or accession: entry into force is computed from that date
# by Art 29.1-29.2 (``in_force_for``). Declared languages (7.9) and the authorities notified
# (7.8) are not in that list: none is recorded here.
UN_STATUS = Source(
    title="United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic "
          "Substances: participants with dates of ratification or accession (UN Treaty "
          "Collection, chapter VI.19, as reproduced by hscrew.ch)",
    url="https://www.hscrew.ch/en/blogs/cannabis-legalization-global/"
        "22-international-drug-trafficking-ch19",
    accessed=ACCESSED)


# Swiss Classified Compilation RS 0.812.121.03 (English translation by global-regulation.com):
# instrument of ratification deposited by Switzerland on 14 September 2005, in force for
# Switzerland on 13 December 2005 (the 90th day, 29.2).
SWISS_RS_0_812_121_03 = Source(
    title="Swiss Classified Compilation RS 0.812.121.03 (English translation by "
          "global-regulation.com): Swiss instrument deposited 14 September 2005, in force for "
          "Switzerland on 13 December 2005",
    url="https://www.global-regulation.com/translation/switzerland/2976247/rs-0.812.121.03-20-"
        "december-1988-of-the-united-nations-convention-against-illicit-traffic-of-narcotic-drugs-"
        "and-psychotropic-substances-%2528with-annex%25.html",
    accessed=ACCESSED)


def _foreign(state: StateInfo, deposited_on: date, signed_on: date | None = None,
             source: Source = UN_STATUS) -> Party:
    return convention_party(state, source=source, designation=c("7.8"),
                            central_authority_citation=c("7.8"), signed_on=signed_on,
                            entered_into_force_on=in_force_for(deposited_on))


PARTIES = (
    # Kazakhstan acceded by the Law of 29 June 1998 No. 246; the date its instrument was
    # deposited (and so its Art 29.2 date) is not in the project: None, bound since a day the
    # engine does not know. Its designation under 7.8 and its languages under 7.9 are not in the
    # project either: the General Prosecutor's Office is the office's choice (office policy).
    Party(state=KAZAKHSTAN, designation=c("7.8"), shared_authorities=(GENERAL_PROSECUTOR,),
          central_authority=CentralAuthorityDeclaration(authority=GENERAL_PROSECUTOR,
                                                        citation=None),
          source=Source(
              title="Law of the Republic of Kazakhstan of 29 June 1998 No. 246 on the accession "
                    "of the Republic of Kazakhstan to the United Nations Convention against "
                    "Illicit Traffic in Narcotic Drugs and Psychotropic Substances",
              url="https://zakonpravo.kz/en/zakony/zakon-o-prisoedinenii-respubliki-kazahstan-k-"
                  "konventsii-organizatsii-obedinennyh-natsiy-o-borbe-protiv-nezakonnogo-oborota-"
                  "narkoticheskih-sredstv-i-psihotropnyh-veshestv",
              accessed=ACCESSED)),
    # Dates of deposit and of signature as the source lists them ("a": accession, no signature);
    # in force = in_force_for(deposit).
    _foreign(ARMENIA, date(1993, 9, 13)),       # a -> 12 Dec 1993
    _foreign(AUSTRIA, date(1997, 7, 11), date(1989, 9, 25)),     # -> 9 Oct 1997
    _foreign(AZERBAIJAN, date(1993, 9, 22)),    # a -> 21 Dec 1993
    _foreign(BELARUS, date(1990, 10, 15), date(1989, 2, 27)),    # -> 13 Jan 1991
    _foreign(BELGIUM, date(1995, 10, 25), date(1989, 5, 22)),    # -> 23 Jan 1996
    _foreign(BRAZIL, date(1991, 7, 17), date(1988, 12, 20)),     # -> 15 Oct 1991
    _foreign(BULGARIA, date(1992, 9, 24), date(1989, 5, 19)),    # -> 23 Dec 1992
    _foreign(CANADA, date(1990, 7, 5), date(1988, 12, 20)),      # first: 11 Nov 1990
    _foreign(CHINA, date(1989, 10, 25), date(1988, 12, 20)),     # first: 11 Nov 1990
    _foreign(CYPRUS, date(1990, 5, 25), date(1988, 12, 20)),     # first: 11 Nov 1990
    _foreign(GERMANY, date(1993, 11, 30), date(1989, 1, 19)),    # -> 28 Feb 1994
    # RS 0.812.121.03: deposited 14 Sep 2005; in force 13 Dec 2005, as in_force_for gives.
    _foreign(SWITZERLAND, date(2005, 9, 14), source=SWISS_RS_0_812_121_03),
    # Not found: Kazakhstan's deposit (the US INCSR for 1997 says only "In April, Kazakhstan
    # acceded"; the accession law of 29 June 1998 gives no deposit); the other states of
    # ``states.py`` (Estonia, France, Georgia, India, Italy, Japan, Korea, Kyrgyzstan, Latvia,
    # Lithuania, Moldova, Mongolia, Netherlands, Poland, Russia, Serbia, Slovakia, Czech
    # Republic, Spain, Tajikistan, Türkiye, Turkmenistan, Ukraine, UAE, United Kingdom, United
    # States, Uzbekistan): the stored status list stops at "E" and no national record with their
    # dates was found. Declared languages (7.9): none found for any party.
)


# --- registers: use conditions, costs -------------------------------------------------------------
REGISTER_USE_CONDITIONS = UseConditionsRule(
    code="register_use_conditions", citation=c("7.13"), other_use_consent=c("7.13"),
    consent_always_needed=True, confidentiality_inability=c("7.14"), summary=s(
        "Information or evidence received is used or passed on only for the proceedings named "
        "in the request unless the requested party consented beforehand; a requested party that "
        "cannot keep a request confidential says so promptly.",
        "Полученные сведения или доказательства используются или передаются только для "
        "указанного в запросе производства, если запрашиваемая сторона заранее не дала "
        "согласия; если она не может сохранить запрос в тайне, она сразу сообщает об этом.",
        "Алынған мәліметтер мен дәлелдемелер сұрау салынған тарап алдын ала келісім бермесе, "
        "тек сұрау салуда аталған іс жүргізу үшін пайдаланылады немесе беріледі; ол сұрау "
        "салуды құпия сақтай алмаса, бұл туралы дереу хабарлайды."))

REGISTER_COSTS = CostsRule(
    code="register_costs", citation=c("7.19"),
    heads=(CostHeadRule(code="cost_ordinary", citation=c("7.19"),
                        borne_by=CostBearer.REQUESTED_SIDE, summary=s(
                            "Ordinary costs of execution: the requested party, unless agreed "
                            "otherwise.",
                            "Обычные расходы на исполнение: запрашиваемая сторона, если не "
                            "договорились иначе.",
                            "Орындаудың әдеттегі шығыстары: келісілмесе, сұрау салынған "
                            "тарап.")),),
    extraordinary=c("7.19"), consultation_mandatory=True, summary=s(
        "The requested party pays the ordinary costs; substantial or extraordinary costs call "
        "for a consultation on the terms of execution and on sharing them.",
        "Обычные расходы оплачивает запрашиваемая сторона; значительные или чрезвычайные "
        "расходы требуют консультаций об условиях исполнения и их распределении.",
        "Әдеттегі шығыстарды сұрау салынған тарап төлейді; елеулі немесе төтенше шығыстар "
        "орындау шарттары мен оларды бөлу туралы кеңесуді қажет етеді."))


RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.CONVENTION,
    title=s("United Nations Convention against Illicit Traffic in Narcotic Drugs and "
            "Psychotropic Substances",
            "Конвенция Организации Объединённых Наций о борьбе против незаконного оборота "
            "наркотических средств и психотропных веществ",
            "Біріккен Ұлттар Ұйымының Есірткі құралдары мен психотроптық заттардың заңсыз "
            "айналымына қарсы күрес туралы конвенциясы"),
    short_title=s("UN Vienna Convention on drug trafficking (1988)",
                  "Венская конвенция ООН о наркотиках (1988)",
                  "БҰҰ-ның есірткі жөніндегі Вена конвенциясы (1988)"),
    parties=PARTIES,
    signed_on=date(1988, 12, 20),
    signed_at="Vienna",
    approval_act="Law of the Republic of Kazakhstan of 29 June 1998 No. 246 (accession)",
    entry_into_force=_rule(
        "entry_into_force", "29.1",
        "In force on the 90th day after the 20th instrument of ratification or accession was "
        "deposited: 11 November 1990.",
        "Вступила в силу на 90-й день после сдачи на хранение 20-го документа о ратификации "
        "или присоединении: 11 ноября 1990 года.",
        "Ратификациялау немесе қосылу туралы 20-шы құжат сақтауға тапсырылғаннан кейінгі "
        "90-шы күні күшіне енді: 1990 жылғы 11 қараша."),
    entry_into_force_date=CONVENTION_IN_FORCE,
    party_entry_into_force=_rule(
        "party_entry_into_force", "29.2",
        "For a state joining later, in force on the 90th day after it deposits its instrument.",
        "Для государства, присоединившегося позже, вступает в силу на 90-й день после сдачи "
        "им своего документа.",
        "Кейін қосылған мемлекет үшін ол өз құжатын сақтауға тапсырғаннан кейінгі 90-шы күні "
        "күшіне енеді."),
    # The Convention has no clause ending it as a whole: a party leaves by denunciation (30.1),
    # effective for it one year after the Secretary-General receives the notice (30.2).
    termination=TermRule(
        code="termination", citation=c("30.2"), months=12, summary=s(
            "No clause ends the Convention as a whole; a party's denunciation takes effect for "
            "it one year after the Secretary-General receives the notice.",
            "Прекращение Конвенции в целом не предусмотрено; денонсация стороны вступает для неё "
            "в силу через год после получения уведомления Генеральным секретарём.",
            "Конвенцияны толық тоқтату көзделмеген; тараптың денонсациясы Бас хатшы хабарламаны "
            "алғаннан кейін бір жылдан соң ол үшін күшіне енеді.")),
    withdrawal=TermRule(
        code="withdrawal", citation=c("30.2"), months=12, summary=s(
            "A party may denounce at any time by written notice to the UN Secretary-General; "
            "for that party it takes effect one year after receipt.",
            "Сторона может в любое время денонсировать Конвенцию письменным уведомлением "
            "Генеральному секретарю ООН; для неё денонсация вступает в силу через год после "
            "получения.",
            "Тарап кез келген уақытта БҰҰ Бас хатшысына жазбаша хабарлама жіберіп денонсациялай "
            "алады; ол үшін денонсация хабарлама алынғаннан кейін бір жылдан соң күшіне енеді.")),
    # Art 7.7 is the displacement clause (UNTOC 18.7's model): paragraphs 8-19 give way to a
    # treaty of mutual legal assistance binding the two states. (7.6, kept in other_rules, says
    # that Art 7 does not affect obligations under other treaties.)
    precedence=PrecedenceRule(
        code="precedence", citation=c("7.7"), rank=30, displaced_by=MLA_TREATY_KINDS,
        summary=s(
            "Paragraphs 8 to 19 apply only where the two states are not bound by a treaty of "
            "mutual legal assistance; otherwise that treaty's provisions apply unless the two "
            "agree to use these paragraphs instead.",
            "Пункты 8-19 применяются, только если государства не связаны договором о взаимной "
            "правовой помощи; иначе применяется такой договор, если они не согласятся "
            "применять эти пункты вместо него.",
            "8-19-тармақтар мемлекеттер өзара құқықтық көмек туралы шартпен байланыспаған "
            "жағдайда ғана қолданылады; әйтпесе, олар осы тармақтарды қолдануға келіспесе, сол "
            "шарт қолданылады."),
        rank_office_policy=s(
            "Among conventions that all apply, the office tries the more specific one first: "
            "the Strasbourg Convention (ETS 141) for proceeds and confiscation, then this "
            "Convention for drug trafficking, then the general UN conventions.",
            "Из нескольких применимых конвенций офис сначала выбирает более специальную: "
            "Страсбургскую (ETS 141) для доходов и конфискации, затем эту Конвенцию для "
            "наркопреступлений, затем общие конвенции ООН.",
            "Бірнеше қолданылатын конвенцияның ішінен кеңсе алдымен арнайырағын таңдайды: "
            "кірістер мен тәркілеу үшін Страсбург конвенциясы (ETS 141), одан кейін есірткі "
            "қылмыстары үшін осы конвенция, содан соң БҰҰ-ның жалпы конвенциялары.")),
    offence_scope=OffenceScopeRule(
        code="offence_scope", citation=c("7.1"), categories=frozenset({DRUG_TRAFFICKING}),
        laundering_predicates=frozenset({DRUG_TRAFFICKING}), summary=s(
            "Assistance covers the offences of Art 3.1: drug trafficking, and laundering of its "
            "proceeds (3.1(b)).",
            "Помощь охватывает преступления по ст. 3.1: незаконный оборот наркотиков и отмывание "
            "доходов от него (3.1(b)).",
            "Көмек 3.1-баптағы қылмыстарды қамтиды: есірткінің заңсыз айналымы және одан түскен "
            "кірістерді жылыстату (3.1(b)).")),
    communication=ChannelRule(
        code="communication", citation=c("7.8"), authority_kind=AuthorityKind.CENTRAL,
        # 7.9 requires writing and names no means: post and courier, and copies by fax or
        # electronic transmission, are all writing (our reading). Diplomatic channels where the
        # requested party requires them (7.8).
        channels=frozenset({Channel.POST, Channel.COURIER, Channel.FAX, Channel.ELECTRONIC,
                            Channel.DIPLOMATIC}),
        channels_citation=c("7.9"),
        conditional_channels=(ConditionalChannelRule(
            code="urgent_interpol", citation=c("7.8"), channel=Channel.INTERPOL,
            urgent_only=True, summary=s(
                "Through Interpol only in urgent cases, where the two parties agree and it is "
                "possible.",
                "Через Интерпол — только в срочных случаях, если стороны согласны и это "
                "возможно.",
                "Интерпол арқылы — тек шұғыл жағдайда, тараптар келіссе және бұл мүмкін "
                "болса.")),),
        summary=s(
            "Requests and related communications pass between the authorities the parties "
            "designated; a party may require the diplomatic channel, and in urgent cases, where "
            "the parties agree, Interpol may be used.",
            "Запросы и связанная с ними переписка идут между назначенными сторонами органами; "
            "сторона может потребовать дипломатический канал, а в срочных случаях, по "
            "согласию сторон, можно использовать Интерпол.",
            "Сұрау салулар мен оларға қатысты хат-хабар тараптар тағайындаған органдар арасында "
            "жүреді; тарап дипломатиялық арнаны талап ете алады, ал шұғыл жағдайда, тараптар "
            "келіссе, Интерпол пайдаланылады.")),
    written_form=_rule(
        "written_form", "7.9",
        "A request is made in writing.",
        "Запрос составляется в письменной форме.",
        "Сұрау салу жазбаша түрде жасалады."),
    scope=_rule(
        "scope", "7.2",
        "The purposes for which assistance may be asked (7.2), other assistance the requested "
        "party's law allows (7.3), and confiscation measures (5.4).",
        "Цели, для которых можно просить помощь (7.2), иная помощь, допускаемая правом "
        "запрашиваемой стороны (7.3), и меры по конфискации (5.4).",
        "Көмек сұралатын мақсаттар (7.2), сұрау салынған тарап заңнамасы рұқсат ететін өзге "
        "көмек (7.3) және тәркілеу шаралары (5.4)."),
    assistance_types=ASSISTANCE_TYPES,
    mandatory_contents=MANDATORY_CONTENTS,
    optional_contents=OPTIONAL_CONTENTS,
    language=LanguageRule(
        code="language", citation=c("7.9"), accepted_languages=(PARTY_DECLARED_LANGUAGES,),
        summary=s(
            "In a language the requested party accepts, as it notified the Secretary-General.",
            "На языке, приемлемом для запрашиваемой стороны, о котором она уведомила "
            "Генерального секретаря.",
            "Сұрау салынған тарап қабылдайтын, ол Бас хатшыға хабарлаған тілде.")),
    oral_requests=OralRequestRule(
        code="oral_requests", citation=c("7.9"), urgent_only=True, confirmation_hours=None,
        summary=s(
            "In urgent cases and where the parties agree, a request may be made orally, to be "
            "confirmed in writing forthwith.",
            "В срочных случаях и по согласию сторон запрос можно сделать устно с немедленным "
            "письменным подтверждением.",
            "Шұғыл жағдайда және тараптар келіссе, сұрау салуды ауызша жасап, оны дереу жазбаша "
            "растауға болады.")),
    additional_information=_rule(
        "additional_information", "7.11",
        "The requested party may ask for more information when execution under its law needs "
        "it or it would make execution easier.",
        "Запрашиваемая сторона может попросить дополнительные сведения, если они нужны для "
        "исполнения по её праву или облегчат его.",
        "Сұрау салынған тарап өз заңнамасы бойынша орындауға қажет болса немесе орындауды "
        "жеңілдетсе, қосымша мәліметтер сұрай алады."),
    refusal_grounds=REFUSAL_GROUNDS,
    refusal_grounds_citation=c("7.15"),
    excluded_refusal_grounds=EXCLUDED_REFUSAL_GROUNDS,
    refusal_reasons=_rule(
        "refusal_reasons", "7.16",
        "Any refusal is reasoned.",
        "Любой отказ мотивируется.",
        "Кез келген бас тарту уәжделеді."),
    deferral_grounds=DEFERRAL_GROUNDS,
    deferral_grounds_citation=c("7.17"),
    # 7.17: "in such a case, the requested party shall consult": a postponement comes with a
    # consultation on whether assistance can still be given on conditions. We read it as
    # recorded by the time the postponement is (the engine's deferral consultation).
    deferral_consultation=_rule(
        "deferral_consultation", "7.17",
        "A requested party that postpones consults the requesting party on whether assistance "
        "can still be given on terms and conditions it considers necessary.",
        "Отсрочившая исполнение запрашиваемая сторона консультируется с запрашивающей о том, "
        "можно ли всё же оказать помощь на необходимых ей условиях.",
        "Орындауды кейінге қалдырған сұрау салынған тарап көмекті өзі қажет деп санайтын "
        "шарттармен бәрібір көрсетуге бола ма екенін сұрау салушы тараппен кеңеседі."),
    conditions=_rule(
        "conditions", "7.17",
        "Instead of postponing, the requested party may give assistance on the terms and "
        "conditions it considers necessary, after consulting the requesting party.",
        "Вместо отсрочки запрашиваемая сторона может, после консультаций, оказать помощь на "
        "необходимых ей условиях.",
        "Кейінге қалдырудың орнына сұрау салынған тарап кеңескеннен кейін көмекті өзі қажет "
        "деп санайтын шарттармен көрсете алады."),
    # 7.16 speaks of refusals; for a postponement the engine falls back to the refusal's reasons
    # rule (guards.check_deferral): no article of Art 7 requires reasons for a postponement.
    deferral_reasons=None,
    other_rules=OTHER_RULES,
    duties=(
        DutyRule(code="duty_notice_of_refusal", citation=c("7.16"), event=DutyEvent.REFUSAL,
                 summary=s(
                     "A refusal is communicated with its reasons; no term is set.",
                     "Об отказе сообщается с указанием причин; срок не установлен.",
                     "Бас тарту туралы себептері көрсетіліп хабарланады; мерзім "
                     "белгіленбеген.")),
        DutyRule(code="duty_notice_confidentiality_impossible", citation=c("7.14"),
                 event=DutyEvent.CONFIDENTIALITY_IMPOSSIBLE, immediate=True, summary=s(
                     "A requested party that cannot keep the request confidential tells the "
                     "requesting party promptly.",
                     "Запрашиваемая сторона, не способная сохранить запрос в тайне, сразу "
                     "сообщает об этом.",
                     "Сұрау салуды құпия сақтай алмайтын сұрау салынған тарап бұл туралы дереу "
                     "хабарлайды.")),
        DutyRule(code="duty_safe_conduct_ends", citation=c("7.18"),
                 event=DutyEvent.PRESENCE_NO_LONGER_NEEDED, owed_by=DutyParty.REQUESTING,
                 days=15, notice=False, summary=s(
                     "Safe conduct ends if the person, free to leave for 15 consecutive days "
                     "after being officially told they are no longer needed, stays (or a period "
                     "the parties agreed).",
                     "Защита прекращается, если лицо, имея 15 дней подряд после официального "
                     "уведомления, что оно больше не нужно, возможность уехать, остаётся (или "
                     "по истечении согласованного сторонами срока).",
                     "Адамның қажеті жоқ екені ресми хабарланғаннан кейін қатарынан 15 күн "
                     "кетуге мүмкіндігі бола тұра ол қалса (немесе тараптар келіскен мерзім "
                     "өтсе), қолсұғылмаушылық кепілдігі тоқтайды.")),
        DutyRule(code="duty_consultation_on_extra_costs", citation=c("7.19"),
                 event=DutyEvent.EXTRA_COSTS_ANNOUNCED, owed_by=DutyParty.BOTH, notice=False,
                 summary=s(
                     "When execution needs substantial or extraordinary costs, the parties "
                     "consult on the terms and on who bears them; no term is set.",
                     "Если исполнение требует значительных или чрезвычайных расходов, стороны "
                     "консультируются об условиях и о том, кто их несёт; срок не установлен.",
                     "Орындау елеулі немесе төтенше шығыстарды қажет етсе, тараптар шарттар "
                     "мен оларды кім көтеретіні туралы кеңеседі; мерзім белгіленбеген.")),
    ),
    use_conditions=REGISTER_USE_CONDITIONS,
    costs=REGISTER_COSTS,
)
