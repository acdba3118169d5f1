"""Council of Europe Convention on Laundering, Search, Seizure and Confiscation of the Proceeds
from Crime (Strasbourg, 8 November 1990; ETS No. 141): international co-operation, chapter III
(Art 7-35).

A multilateral convention: each party designates its central authority (23) and may require
translations (25.3); it is bound from the first day of the month following three months after
its consent to be bound (36.4; 37.2 for a state acceding on invitation). Co-operation serves
confiscation of proceeds and instrumentalities of any criminal offence: investigative assistance
to identify and trace them (Section 2, Art 8-10), provisional measures (Section 3, Art 11-12),
confiscation (Section 4, Art 13-17), with its own grounds of refusal and postponement (Section 5,
Art 18-20), service of documents on persons affected (Art 21) and procedural rules (Section 7,
Art 23-35). It is not displaced by a treaty of mutual legal assistance: two parties *may* apply
another agreement on the same subject instead, if that helps co-operation (39.3).

Text: /work/shared/treaties/coe-ets141-1990-laundering-search-seizure-confiscation.en.txt (English,
an authentic language, as published in the Netherlands treaty database).

Citation convention: "18.4.b" is Art 18, paragraph 4, sub-paragraph b); "1..e" is Art 1,
sub-paragraph e), read "Art 1(e)" (Art 1 has no numbered paragraphs).

Summaries are our own wording, not treaty sentences.
"""

from __future__ import annotations

from datetime import date

from .home import GENERAL_PROSECUTOR
from .home import KAZAKHSTAN
from .parties import CentralAuthorityDeclaration
from .parties import LanguagesDeclaration
from .parties import Party
from .parties import Reservation
from .parties import Source
from .parties import StateInfo
from .schema import PARTY_DECLARED_LANGUAGES
from .schema import AssistanceTypeRule
from .schema import AuthorityKind
from .schema import Channel
from .schema import ChannelRule
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
from .schema import PrecedenceRule
from .schema import Rule
from .schema import Rulebook
from .schema import SpontaneousInformationRule
from .schema import Summary
from .schema import TermRule
from .schema import UseConditionsRule
from .schema import citer
from .states import AUSTRIA
from .states import BELGIUM
from .states import CZECH_REPUBLIC
from .states import ESTONIA
from .states import GERMANY
from .states import NETHERLANDS
from .states import SLOVAKIA
from .states import SPAIN
from .states import SWITZERLAND
from .states import UKRAINE
from .states import convention_party

SLUG = "ets-141"

c = citer(SLUG)  # c("18.4.b") -> Art 18, paragraph 4, sub-paragraph b of this instrument
s = Summary  # s(en, ru, kk)


def _rule(code: str, reference: str, en: str, ru: str, kk: str) -> Rule:
    return Rule(code=code, citation=c(reference), summary=s(en, ru, kk))


# Art 36.3: in force on 1 September 1993 (Council of Europe treaty office, summary of ETS 141:
# "Entry into force: 1 September 1993").
CONVENTION_IN_FORCE = date(1993, 9, 1)


# --- assistance types (chapter III: Art 8, 11, 13, 21) ---------------------------------------------
# Which requests involve coercive action (18.1(f), 18.2, 18.3, 27.1(d), 24.5): the engine records
# types, not whether a given measure is coercive. We count searches and seizures securing evidence,
# bank information (its production is compelled; 18.7 lets a party require a judge's authorisation
# to lift bank secrecy) and provisional measures as coercive; supplying documents and evidence the
# authorities hold and locating property as not. A Section 2 request that does need coercion
# should also be tagged "search_and_seizure".
SECTION_2_COERCIVE = frozenset({"search_and_seizure", "bank_information"})
SECTION_3 = frozenset({"provisional_measures"})
SECTION_4 = frozenset({"confiscation"})
COERCIVE = SECTION_2_COERCIVE | SECTION_3 | SECTION_4

ASSISTANCE_TYPES = (
    AssistanceTypeRule(code="bank_information", citation=c("8"), summary=s(
        "Investigative assistance: evidence on bank and financial records showing where "
        "property liable to confiscation is, how it moved and what it is worth.",
        "Следственная помощь: сведения из банковских и финансовых документов о "
        "местонахождении, движении и стоимости имущества, подлежащего конфискации.",
        "Тергеу көмегі: тәркіленуге жататын мүліктің қайда екенін, қалай қозғалғанын және "
        "құнын көрсететін банктік және қаржылық құжаттардағы деректер.")),
    AssistanceTypeRule(code="documents_and_evidence", citation=c("8"), summary=s(
        "Investigative assistance: providing and securing evidence on the existence, nature, "
        "legal status or value of proceeds and instrumentalities.",
        "Следственная помощь: получение и закрепление доказательств о наличии, характере, "
        "правовом положении или стоимости доходов и орудий.",
        "Тергеу көмегі: кірістер мен құралдардың бар екені, сипаты, құқықтық жағдайы немесе "
        "құны туралы дәлелдемелерді алу және бекіту.")),
    AssistanceTypeRule(code="locating_persons", citation=c("8"), summary=s(
        "Investigative assistance: identifying and tracing where instrumentalities, proceeds "
        "and other property are.",
        "Следственная помощь: выявление и отслеживание местонахождения орудий, доходов и "
        "иного имущества.",
        "Тергеу көмегі: құралдардың, кірістердің және өзге мүліктің қайда екенін анықтау және "
        "олардың ізіне түсу.")),
    AssistanceTypeRule(code="search_and_seizure", citation=c("8"), summary=s(
        "Investigative assistance by coercive measures that secure evidence on the property, "
        "such as searches and seizures.",
        "Следственная помощь принудительными мерами, закрепляющими доказательства об "
        "имуществе, например обыском и изъятием.",
        "Мүлік туралы дәлелдемелерді бекітетін мәжбүрлеу шараларымен, мысалы тінту және алып "
        "қою арқылы тергеу көмегі.")),
    AssistanceTypeRule(code="provisional_measures", citation=c("11.1"), summary=s(
        "Provisional measures such as freezing or seizing, so that property later liable to "
        "confiscation cannot be dealt with, transferred or disposed of.",
        "Временные меры, например замораживание или арест, чтобы имуществом, которое позже "
        "может быть конфисковано, нельзя было распорядиться, передать или отчуждать.",
        "Кейін тәркіленуі мүмкін мүлікке билік етуге, оны беруге немесе иеліктен шығаруға жол "
        "бермейтін тыйым салу немесе алып қою сияқты уақытша шаралар.")),
    AssistanceTypeRule(code="confiscation", citation=c("13.1"), summary=s(
        "Confiscation: enforcing the requesting party's court order, or seeking and enforcing "
        "an order of the requested party's own.",
        "Конфискация: исполнение решения суда запрашивающей стороны или получение и "
        "исполнение собственного решения запрашиваемой стороны.",
        "Тәркілеу: сұрау салушы тарап сотының шешімін орындау немесе сұрау салынған тараптың "
        "өз шешімін алу және орындау.")),
    AssistanceTypeRule(code="service_of_documents", citation=c("21.1"), summary=s(
        "Serving judicial documents on persons affected by provisional measures or "
        "confiscation.",
        "Вручение судебных документов лицам, затронутым временными мерами или конфискацией.",
        "Уақытша шаралар немесе тәркілеу қозғаған адамдарға сот құжаттарын табыс ету.")),
)
TYPE_CODES = frozenset(rule.code for rule in ASSISTANCE_TYPES)


# --- contents of a request (Art 27) ----------------------------------------------------------------
MANDATORY_CONTENTS = (
    ContentRule(code="content_requesting_authority", citation=c("27.1.a"),
                field="requesting_authority", summary=s(
                    "The authority making the request.",
                    "Орган, направляющий запрос.",
                    "Сұрау салуды жасайтын орган.")),
    ContentRule(code="content_proceedings_authority", citation=c("27.1.a"),
                field="proceedings_authority", summary=s(
                    "The authority carrying out the investigation or proceedings.",
                    "Орган, ведущий расследование или производство.",
                    "Тергеуді немесе іс жүргізуді жүргізіп отырған орган.")),
    ContentRule(code="content_assistance_description", citation=c("27.1.b"),
                field="assistance_description", summary=s(
                    "What the request is for.",
                    "Предмет запроса.",
                    "Сұрау салудың мәні.")),
    ContentRule(code="content_purpose", citation=c("27.1.b"), field="purpose", summary=s(
        "Why the request is made.",
        "Причина запроса.",
        "Сұрау салудың себебі.")),
    # 27.1(c): not for a request for notification (service of documents, Art 21).
    ContentRule(code="content_facts_summary", citation=c("27.1.c"), field="facts_summary",
                required_when=ContentCondition.ASSISTANCE,
                assistance_types=TYPE_CODES - {"service_of_documents"}, summary=s(
                    "The matters under investigation, with the relevant facts: date, place and "
                    "circumstances of the offence (not for service of documents alone).",
                    "Обстоятельства расследуемого дела с относящимися к нему фактами: дата, "
                    "место и обстоятельства преступления (не требуется для одного лишь "
                    "вручения документов).",
                    "Тергеліп жатқан мән-жайлар және оған қатысты фактілер: қылмыстың күні, "
                    "орны және мән-жайлары (тек құжаттарды табыс ету үшін қажет емес).")),
    ContentRule(code="content_applicable_law", citation=c("27.1.d"), field="applicable_law",
                required_when=ContentCondition.ASSISTANCE, assistance_types=COERCIVE,
                summary=s(
                    "For coercive action: the text of the statutory provisions, or a statement "
                    "of the law that applies.",
                    "Для принудительных мер: текст законодательных положений или изложение "
                    "применимого права.",
                    "Мәжбүрлеу шаралары үшін: заң ережелерінің мәтіні немесе қолданылатын "
                    "құқықтың баяндамасы.")),
)

# Shown, not enforced: items "where necessary and in so far as possible" (27.1(e)), a wish
# (27.1(f)), the 27.1(d)(ii) statement (no request field holds it), and items that depend on
# which kind of Section 3 or 4 request it is (27.2: seizure for a value confiscation; 27.3(a) and
# (b): Art 13.1(a) or 13.1(b)), which the request does not record.
OPTIONAL_CONTENTS = (
    ContentRule(code="optional_measure_possible_at_home", citation=c("27.1.d"),
                field="applicable_law", summary=s(
                    "For coercive action: a statement that the measure, or one with similar "
                    "effects, could be taken in the requesting party under its own law "
                    "(27.1(d)(ii)).",
                    "Для принудительных мер: указание, что такая мера или мера со сходным "
                    "действием могла бы быть принята у запрашивающей стороны по её праву "
                    "(27.1(d)(ii)).",
                    "Мәжбүрлеу шаралары үшін: мұндай шара немесе ұқсас әсері бар шара сұрау "
                    "салушы тарапта оның заңнамасы бойынша қолданылуы мүмкін екенінің "
                    "көрсетілуі (27.1(d)(ii)).")),
    ContentRule(code="optional_persons", citation=c("27.1.e"), field="persons", summary=s(
        "Where needed: the persons concerned, with name, date and place of birth, nationality "
        "and whereabouts, or a legal person's seat.",
        "При необходимости: затрагиваемые лица — имя, дата и место рождения, гражданство и "
        "местонахождение, для юридического лица — его место нахождения.",
        "Қажет болса: қатысы бар адамдар — аты-жөні, туған күні мен жері, азаматтығы және "
        "тұрған жері, заңды тұлға үшін оның орналасқан жері.")),
    ContentRule(code="optional_property", citation=c("27.1.e"), field="objects_to_locate",
                summary=s(
                    "Where needed: the property concerned, where it is, its links to the persons "
                    "and the offence, and what is known of others' interests in it.",
                    "При необходимости: имущество, его местонахождение, связь с лицами и "
                    "преступлением и известные сведения о правах на него других лиц.",
                    "Қажет болса: мүлік, оның қайда екені, адамдармен және қылмыспен "
                    "байланысы, оған басқалардың құқықтары туралы белгілі деректер.")),
    ContentRule(code="optional_special_procedure", citation=c("27.1.f"),
                field="procedure_requirements", summary=s(
                    "Any particular procedure the requesting party wishes followed.",
                    "Особая процедура, которую просит соблюсти запрашивающая сторона.",
                    "Сұрау салушы тарап сақтауды өтінетін ерекше рәсім.")),
    ContentRule(code="optional_maximum_amount", citation=c("27.2"),
                field="assistance_description", summary=s(
                    "For seizing property to secure a confiscation of a sum of money: the "
                    "maximum amount sought from that property.",
                    "Для ареста имущества в обеспечение конфискации денежной суммы: "
                    "максимальная сумма, которую просят взыскать за счёт этого имущества.",
                    "Ақша сомасын тәркілеуді қамтамасыз ету үшін мүлікті алып қою кезінде: сол "
                    "мүліктен өндіріп алынатын ең жоғары сома.")),
    ContentRule(code="optional_confiscation_order", citation=c("27.3.a"),
                field="enclosed_documents", summary=s(
                    "To enforce our confiscation order (13.1(a)): a certified copy with its "
                    "grounds, an attestation that it is enforceable and not open to ordinary "
                    "appeal, how far enforcement is sought, and whether provisional measures "
                    "are needed.",
                    "Для исполнения нашего решения о конфискации (13.1(a)): заверенная копия с "
                    "основаниями, подтверждение, что оно подлежит исполнению и не может быть "
                    "обжаловано в обычном порядке, объём исполнения и нужны ли временные меры.",
                    "Біздің тәркілеу туралы шешімімізді орындау үшін (13.1(a)): негіздемесі бар "
                    "куәландырылған көшірме, оның орындалуға жататыны және қарапайым тәртіппен "
                    "шағымдалмайтыны туралы куәлік, орындау көлемі және уақытша шаралар қажет "
                    "пе екені.")),
    ContentRule(code="optional_confiscation_facts", citation=c("27.3.b"),
                field="facts_summary", summary=s(
                    "For the requested party to seek its own order (13.1(b)): facts enough for "
                    "that order under its law.",
                    "Чтобы запрашиваемая сторона получила собственное решение (13.1(b)): "
                    "факты, достаточные для него по её праву.",
                    "Сұрау салынған тарап өз шешімін алуы үшін (13.1(b)): оның заңнамасы "
                    "бойынша сол шешімге жеткілікті фактілер.")),
    ContentRule(code="optional_third_party_rights", citation=c("27.3.c"),
                field="enclosed_documents", summary=s(
                    "Where third parties could claim rights: documents showing that they could.",
                    "Если третьи лица могли заявить права: документы, подтверждающие это.",
                    "Үшінші тұлғалар құқықтарын мәлімдей алған болса: мұны растайтын "
                    "құжаттар.")),
    ContentRule(code="optional_confidentiality", citation=c("33.1"),
                field="confidentiality_requirements", summary=s(
                    "Whether the requesting party requires the request kept confidential.",
                    "Требует ли запрашивающая сторона сохранять запрос в тайне.",
                    "Сұрау салушы тарап сұрау салуды құпия сақтауды талап ете ме.")),
)


# --- refusal and postponement (Section 5, Art 18-20) -------------------------------------------------
REFUSAL_GROUNDS = (
    GroundRule(code="refusal_fundamental_principles", citation=c("18.1.a"), summary=s(
        "The action sought would go against the fundamental principles of the requested "
        "party's legal system.",
        "Запрашиваемое действие противоречило бы основополагающим принципам правовой системы "
        "запрашиваемой стороны.",
        "Сұралған әрекет сұрау салынған тараптың құқықтық жүйесінің негізгі қағидаттарына "
        "қайшы келер еді.")),
    GroundRule(code="refusal_sovereignty_security_public_order", citation=c("18.1.b"),
               summary=s(
                   "Execution would likely harm the requested party's sovereignty, security, "
                   "public order or other essential interests.",
                   "Исполнение может нанести ущерб суверенитету, безопасности, публичному "
                   "порядку или иным существенным интересам запрашиваемой стороны.",
                   "Орындау сұрау салынған тараптың егемендігіне, қауіпсіздігіне, қоғамдық "
                   "тәртібіне немесе өзге маңызды мүдделеріне нұқсан келтіруі ықтимал.")),
    GroundRule(code="refusal_case_not_important_enough", citation=c("18.1.c"), summary=s(
        "In the requested party's view the case is not important enough to justify the action "
        "sought.",
        "По мнению запрашиваемой стороны, значимость дела не оправдывает запрашиваемого "
        "действия.",
        "Сұрау салынған тараптың пікірінше, істің маңызы сұралған әрекетті ақтамайды.")),
    GroundRule(code="refusal_political_or_fiscal_offence", citation=c("18.1.d"), summary=s(
        "The offence is a political or fiscal offence.",
        "Преступление является политическим или налоговым.",
        "Қылмыс саяси немесе салықтық сипатта.")),
    GroundRule(code="refusal_ne_bis_in_idem", citation=c("18.1.e"), summary=s(
        "Complying would go against the principle that no one is tried or punished twice for "
        "the same act.",
        "Исполнение противоречило бы принципу недопустимости повторного осуждения или "
        "наказания за одно и то же деяние.",
        "Орындау бір әрекет үшін екі рет соттауға немесе жазалауға жол бермеу қағидатына "
        "қайшы келер еді.")),
    # 18.1(f): for Section 2 only where the assistance involves coercive action; for the other
    # sections (provisional measures, confiscation, service under Art 21) without that limit.
    GroundRule(code="refusal_no_dual_criminality", citation=c("18.1.f"),
               assistance_types=COERCIVE | {"service_of_documents"}, summary=s(
                   "The act would not be an offence under the requested party's law; for "
                   "investigative assistance only where it involves coercive action.",
                   "Деяние не было бы преступлением по праву запрашиваемой стороны; для "
                   "следственной помощи — только если она связана с принуждением.",
                   "Әрекет сұрау салынған тараптың заңнамасы бойынша қылмыс болмас еді; тергеу "
                   "көмегі үшін — ол мәжбүрлеуге байланысты болса ғана.")),
    GroundRule(code="refusal_measure_not_available_domestically", citation=c("18.2"),
               assistance_types=SECTION_2_COERCIVE | SECTION_3, summary=s(
                   "For coercive investigative measures and provisional measures: the requested "
                   "party could not take them in a similar case of its own.",
                   "Для принудительных следственных и временных мер: запрашиваемая сторона не "
                   "могла бы принять их по сходному собственному делу.",
                   "Мәжбүрлеу сипатындағы тергеу шаралары мен уақытша шаралар үшін: сұрау "
                   "салынған тарап оларды өзінің ұқсас ісі бойынша қолдана алмас еді.")),
    # 18.3 gives two grounds, each only "where the law of the requested Party so requires".
    GroundRule(code="refusal_measure_not_permitted_in_requesting_party", citation=c("18.3"),
               assistance_types=SECTION_2_COERCIVE | SECTION_3, summary=s(
                   "Where the requested party's law so requires, for coercive investigative or "
                   "provisional measures: neither the measure nor one with similar effects "
                   "would be permitted under the requesting party's law.",
                   "Если этого требует право запрашиваемой стороны, для принудительных "
                   "следственных или временных мер: ни такая мера, ни сходная по действию не "
                   "допускалась бы по праву запрашивающей стороны.",
                   "Сұрау салынған тараптың заңнамасы талап етсе, мәжбүрлеу сипатындағы тергеу "
                   "немесе уақытша шаралар үшін: мұндай шараға да, ұқсас әсері бар шараға да "
                   "сұрау салушы тараптың заңнамасы бойынша жол берілмес еді.")),
    GroundRule(code="refusal_not_judicially_authorised", citation=c("18.3"),
               assistance_types=SECTION_2_COERCIVE | SECTION_3, summary=s(
                   "Where the requested party's law so requires, for coercive investigative or "
                   "provisional measures: no judge or other judicial authority, prosecutors "
                   "included, authorised the request.",
                   "Если этого требует право запрашиваемой стороны, для принудительных "
                   "следственных или временных мер: запрос не санкционирован судьёй или иным "
                   "судебным органом, включая прокурора.",
                   "Сұрау салынған тараптың заңнамасы талап етсе, мәжбүрлеу сипатындағы тергеу "
                   "немесе уақытша шаралар үшін: сұрау салуға судья немесе өзге сот органы, "
                   "оның ішінде прокурор, рұқсат бермеген.")),
    GroundRule(code="refusal_confiscation_not_provided", citation=c("18.4.a"),
               assistance_types=SECTION_4, summary=s(
                   "The requested party's law provides no confiscation for this type of "
                   "offence.",
                   "Право запрашиваемой стороны не предусматривает конфискации за такой вид "
                   "преступления.",
                   "Сұрау салынған тараптың заңнамасы қылмыстың мұндай түрі үшін тәркілеуді "
                   "көздемейді.")),
    GroundRule(code="refusal_confiscation_limits", citation=c("18.4.b"),
               assistance_types=SECTION_4, summary=s(
                   "Confiscation would go beyond the limits the requested party's law sets on "
                   "how closely the property must be linked to the offence, as proceeds or as "
                   "instrumentalities.",
                   "Конфискация вышла бы за пределы, установленные правом запрашиваемой стороны "
                   "для связи имущества с преступлением как доходов или орудий.",
                   "Тәркілеу сұрау салынған тараптың заңнамасы мүліктің қылмыспен кіріс немесе "
                   "құрал ретінде байланысына белгілеген шектен шығар еді.")),
    GroundRule(code="refusal_confiscation_time_barred", citation=c("18.4.c"),
               assistance_types=SECTION_4, summary=s(
                   "Under the requested party's law confiscation can no longer be imposed or "
                   "enforced because of lapse of time.",
                   "По праву запрашиваемой стороны конфискация больше не может быть назначена "
                   "или исполнена из-за истечения срока давности.",
                   "Сұрау салынған тараптың заңнамасы бойынша ескіру мерзімі өткендіктен "
                   "тәркілеуді енді тағайындауға немесе орындауға болмайды.")),
    GroundRule(code="refusal_no_conviction_or_judicial_decision", citation=c("18.4.d"),
               assistance_types=SECTION_4, summary=s(
                   "The request does not rest on a conviction, a judicial decision or a finding "
                   "in one that offences were committed, on which the confiscation is based.",
                   "Запрос не основан на приговоре, судебном решении или содержащемся в нём "
                   "выводе о совершении преступлений, на которых основана конфискация.",
                   "Сұрау салу тәркілеуге негіз болған үкімге, сот шешіміне немесе ондағы "
                   "қылмыстар жасалды деген тұжырымға сүйенбейді.")),
    GroundRule(code="refusal_confiscation_not_enforceable", citation=c("18.4.e"),
               assistance_types=SECTION_4, summary=s(
                   "The confiscation cannot be enforced in the requesting party, or may still "
                   "be challenged by ordinary appeal.",
                   "Конфискация не подлежит исполнению у запрашивающей стороны или ещё может "
                   "быть обжалована в обычном порядке.",
                   "Тәркілеу сұрау салушы тарапта орындалмайды немесе оған әлі де қарапайым "
                   "тәртіппен шағым беруге болады.")),
    GroundRule(code="refusal_in_absentia_defence_rights", citation=c("18.4.f"),
               assistance_types=SECTION_4, summary=s(
                   "The order follows a decision in absentia and, in the requested party's "
                   "view, the proceedings did not respect minimum defence rights (see 18.5 and "
                   "18.6).",
                   "Решение о конфискации вынесено заочно, и, по мнению запрашиваемой стороны, "
                   "минимальные права защиты не были соблюдены (см. 18.5 и 18.6).",
                   "Тәркілеу туралы шешім сырттай шығарылған және сұрау салынған тараптың "
                   "пікірінше қорғалудың ең төменгі құқықтары сақталмаған (18.5 және 18.6-ны "
                   "қараңыз).")),
)

EXCLUDED_REFUSAL_GROUNDS = (
    GroundRule(code="refusal_bank_secrecy", citation=c("18.7"), summary=s(
        "Bank secrecy is no ground for refusing co-operation; a party may only require, where "
        "its law does, that lifting it be authorised by a judge or other judicial authority.",
        "Банковская тайна не основание для отказа в сотрудничестве; сторона может лишь "
        "потребовать, если этого требует её право, чтобы её снятие санкционировал судья или "
        "иной судебный орган.",
        "Банктік құпия ынтымақтастықтан бас тартуға негіз болмайды; тарап, егер оның "
        "заңнамасы талап етсе, оны ашуға судьяның немесе өзге сот органының рұқсатын ғана "
        "талап ете алады.")),
    GroundRule(code="refusal_legal_person", citation=c("18.8.a"), summary=s(
        "That the person investigated or subject to confiscation is a legal person is no "
        "obstacle to co-operation (18.1(a) aside).",
        "То, что лицо, в отношении которого ведётся расследование или вынесено решение о "
        "конфискации, является юридическим, не препятствует сотрудничеству (кроме случая "
        "18.1(a)).",
        "Тергеліп жатқан немесе тәркілеу шешімі шығарылған тұлғаның заңды тұлға болуы "
        "ынтымақтастыққа кедергі емес (18.1(a)-дағы жағдайды қоспағанда).")),
    GroundRule(code="refusal_death_or_dissolution", citation=c("18.8.b"),
               assistance_types=SECTION_4, summary=s(
                   "The later death of the person, or dissolution of the legal person, against "
                   "whom confiscation of proceeds was ordered is no obstacle to enforcing it "
                   "under 13.1(a).",
                   "Последующая смерть лица или ликвидация юридического лица, против которого "
                   "вынесено решение о конфискации доходов, не препятствует его исполнению по "
                   "13.1(a).",
                   "Кірістерді тәркілеу туралы шешім шығарылған адамның кейін қайтыс болуы "
                   "немесе заңды тұлғаның таратылуы оны 13.1(a) бойынша орындауға кедергі "
                   "емес.")),
)

DEFERRAL_GROUNDS = (
    GroundRule(code="deferral_prejudice_own_proceedings", citation=c("19"), summary=s(
        "Action on the request would prejudice investigations or proceedings of the requested "
        "party's authorities.",
        "Исполнение запроса повредило бы расследованиям или разбирательствам органов "
        "запрашиваемой стороны.",
        "Сұрау салу бойынша әрекет сұрау салынған тарап органдарының тергеулеріне немесе іс "
        "жүргізуіне нұқсан келтірер еді.")),
)


# --- provisions shown to users, not enforced by a guard -------------------------------------------
OTHER_RULES = (
    _rule("widest_co_operation", "7.1",
          "The parties co-operate as widely as possible in investigations and proceedings aimed "
          "at confiscating instrumentalities and proceeds.",
          "Стороны максимально широко сотрудничают в расследованиях и разбирательствах, "
          "направленных на конфискацию орудий и доходов.",
          "Тараптар құралдар мен кірістерді тәркілеуге бағытталған тергеулер мен іс жүргізуде "
          "барынша кең ынтымақтасады."),
    _rule("investigative_assistance_under_requested_law", "9",
          "Investigative assistance is carried out under the requested party's law and, where "
          "compatible, by the procedures the request names (likewise provisional measures, "
          "12.1).",
          "Следственная помощь оказывается по праву запрашиваемой стороны и, если это "
          "совместимо, по указанным в запросе процедурам (так же временные меры, 12.1).",
          "Тергеу көмегі сұрау салынған тараптың заңнамасы бойынша, ал сыйысымды болса, сұрау "
          "салуда аталған рәсімдер бойынша көрсетіледі (уақытша шаралар да солай, 12.1)."),
    _rule("reasons_before_lifting_measures", "12.2",
          "Before lifting a provisional measure, the requested party, wherever possible, lets "
          "the requesting party argue for keeping it.",
          "Прежде чем снять временную меру, запрашиваемая сторона по возможности даёт "
          "запрашивающей стороне изложить доводы в пользу её сохранения.",
          "Уақытша шараны алып тастамас бұрын сұрау салынған тарап мүмкіндігінше сұрау салушы "
          "тарапқа оны сақтау пайдасына уәждерін айтуға мүмкіндік береді."),
    _rule("value_confiscation", "13.3",
          "Confiscation of a sum of money equal to the proceeds is enforced on property in the "
          "requested party; failing payment, the claim is realised on any available property.",
          "Конфискация денежной суммы, равной доходам, исполняется за счёт имущества в "
          "запрашиваемой стороне; при неуплате требование обращается на любое доступное "
          "имущество.",
          "Кірістерге тең ақша сомасын тәркілеу сұрау салынған тараптағы мүлік есебінен "
          "орындалады; төленбесе, талап кез келген қолжетімді мүлікке қойылады."),
    _rule("confiscation_under_requested_law", "14.1",
          "Obtaining and enforcing confiscation follows the requested party's law.",
          "Получение и исполнение конфискации регулируются правом запрашиваемой стороны.",
          "Тәркілеуді алу және орындау сұрау салынған тараптың заңнамасымен реттеледі."),
    _rule("findings_of_fact_binding", "14.2",
          "The requested party is bound by the findings of fact stated in, or implicit in, the "
          "requesting party's conviction or judicial decision (a party may limit this by its "
          "constitutional principles, 14.3).",
          "Запрашиваемая сторона связана установленными фактами, изложенными в приговоре или "
          "судебном решении запрашивающей стороны или подразумеваемыми в нём (сторона может "
          "ограничить это своими конституционными принципами, 14.3).",
          "Сұрау салынған тарап сұрау салушы тараптың үкімінде немесе сот шешімінде "
          "көрсетілген не оған негіз болған фактілерді басшылыққа алуға міндетті (тарап мұны "
          "өзінің конституциялық қағидаттарымен шектей алады, 14.3)."),
    _rule("review_only_by_requesting_party", "14.5",
          "When the requested party enforces our order (13.1(a)), only the requesting party "
          "decides on any application to review it.",
          "Когда запрашиваемая сторона исполняет наше решение (13.1(a)), о его пересмотре "
          "решает только запрашивающая сторона.",
          "Сұрау салынған тарап біздің шешімімізді орындаған кезде (13.1(a)), оны қайта қарау "
          "туралы тек сұрау салушы тарап шешеді."),
    _rule("disposal_of_confiscated_property", "15",
          "Confiscated property is disposed of by the requested party under its law unless the "
          "parties agree otherwise.",
          "Конфискованным имуществом распоряжается запрашиваемая сторона по своему праву, если "
          "стороны не договорились иначе.",
          "Тәркіленген мүлікке, тараптар өзгеше келіспесе, сұрау салынған тарап өз заңнамасы "
          "бойынша билік етеді."),
    _rule("maximum_amount_of_confiscation", "16.2",
          "The total confiscated may not exceed the sum in the order; if it might, the parties "
          "consult to avoid it.",
          "Общая сумма конфискации не может превышать суммы, указанной в решении; при такой "
          "угрозе стороны консультируются.",
          "Тәркіленетін жалпы сома шешімде көрсетілген сомадан аспауы тиіс; мұндай қауіп болса, "
          "тараптар кеңеседі."),
    _rule("no_imprisonment_in_default", "17",
          "If the request says so, the requested party imposes no imprisonment in default or "
          "other restriction of liberty.",
          "Если об этом сказано в запросе, запрашиваемая сторона не назначает лишения свободы "
          "взамен неуплаты или иного ограничения свободы.",
          "Сұрау салуда көрсетілсе, сұрау салынған тарап төлемеген үшін бас бостандығынан "
          "айыруды немесе өзге шектеуді тағайындамайды."),
    _rule("refusal_after_considering_partial_or_conditional", "20",
          "Before refusing, as before postponing, the requested party considers granting the "
          "request in part or on conditions, consulting the requesting party where "
          "appropriate.",
          "Прежде чем отказать, как и прежде чем отсрочить, запрашиваемая сторона "
          "рассматривает частичное или условное удовлетворение запроса, при необходимости "
          "проконсультировавшись с запрашивающей.",
          "Бас тартпас бұрын да, кейінге қалдырмас бұрын да сұрау салынған тарап сұрау салуды "
          "ішінара немесе шарттармен қанағаттандыруды қарайды, қажет болса, сұрау салушы "
          "тараппен кеңеседі."),
    _rule("legal_remedies_indicated", "21.3",
          "A party serving documents abroad on persons affected by its provisional measures or "
          "confiscation orders states the remedies its law gives them.",
          "Сторона, вручающая за рубежом документы лицам, затронутым её временными мерами или "
          "решениями о конфискации, указывает доступные им по её праву средства защиты.",
          "Өзінің уақытша шаралары немесе тәркілеу шешімдері қозғаған адамдарға шетелде "
          "құжаттар табыс ететін тарап олардың өз заңнамасы бойынша қорғану құралдарын "
          "көрсетеді."),
    _rule("third_party_decisions_recognised", "22",
          "For provisional measures and confiscation, the requested party recognises the "
          "requesting party's judicial decisions on third parties' rights, unless a ground of "
          "22.2 applies.",
          "По временным мерам и конфискации запрашиваемая сторона признаёт судебные решения "
          "запрашивающей стороны о правах третьих лиц, если нет оснований по 22.2.",
          "Уақытша шаралар мен тәркілеу бойынша сұрау салынған тарап үшінші тұлғалардың "
          "құқықтары туралы сұрау салушы тараптың сот шешімдерін, 22.2-дегі негіздер болмаса, "
          "таниды."),
    _rule("urgent_direct_judicial_channel", "24.2",
          "In urgent cases judicial authorities, prosecutors included, may send requests "
          "directly to their counterparts, with a copy at the same time through the central "
          "authorities; an authority not competent passes it on and says so (24.4).",
          "В срочных случаях судебные органы, включая прокуроров, могут направлять запросы "
          "напрямую коллегам, одновременно направляя копию через центральные органы; "
          "некомпетентный орган передаёт запрос и сообщает об этом (24.4).",
          "Шұғыл жағдайда сот органдары, оның ішінде прокурорлар, сұрау салуларды "
          "әріптестеріне тікелей жібере алады, бір мезгілде көшірмесін орталық органдар арқылы "
          "жібереді; құзыретсіз орган сұрау салуды тиісті органға беріп, бұл туралы хабарлайды "
          "(24.4)."),
    _rule("direct_non_coercive_requests", "24.5",
          "Investigative requests that involve no coercive action may go directly between "
          "competent authorities.",
          "Запросы о следственной помощи без принудительных мер могут направляться напрямую "
          "между компетентными органами.",
          "Мәжбүрлеу шараларынсыз тергеу көмегі туралы сұрау салулар құзыретті органдар "
          "арасында тікелей жіберіле алады."),
    _rule("no_legalisation", "26",
          "Documents sent under chapter III need no legalisation.",
          "Документы, передаваемые по главе III, не требуют легализации.",
          "III тарау бойынша берілетін құжаттар заңдастыруды қажет етпейді."),
    _rule("time_limit_for_completion", "28.2",
          "The requested party may set a time limit for amending or completing a defective "
          "request, and pending it may take investigative or provisional measures (28.3).",
          "Запрашиваемая сторона может установить срок для исправления или дополнения "
          "запроса и до его получения принять следственные или временные меры (28.3).",
          "Сұрау салынған тарап сұрау салуды түзетуге немесе толықтыруға мерзім белгілей алады "
          "және оны алғанға дейін тергеу немесе уақытша шаралар қолдана алады (28.3)."),
    _rule("plurality_of_requests", "29",
          "Several requests on the same person or property do not stop provisional measures; "
          "for several confiscation requests the requested party considers consulting the "
          "requesting parties.",
          "Несколько запросов в отношении одного лица или имущества не мешают временным мерам; "
          "при нескольких запросах о конфискации запрашиваемая сторона рассматривает "
          "консультации с запрашивающими.",
          "Бір адамға немесе мүлікке қатысты бірнеше сұрау салу уақытша шараларға кедергі "
          "емес; тәркілеу туралы бірнеше сұрау салу болса, сұрау салынған тарап сұрау салушы "
          "тараптармен кеңесуді қарастырады."),
    _rule("notice_of_action_initiated", "31.1.a",
          "The requested party promptly informs the requesting party of the action started on "
          "the request.",
          "Запрашиваемая сторона незамедлительно сообщает о действиях, начатых по запросу.",
          "Сұрау салынған тарап сұрау салу бойынша басталған әрекеттер туралы дереу "
          "хабарлайды."),
    _rule("notice_of_automatic_lifting", "31.1.e",
          "Where provisional measures were taken, the requested party promptly states the "
          "provisions of its law that would lift them automatically.",
          "При принятых временных мерах запрашиваемая сторона незамедлительно сообщает нормы "
          "своего права, автоматически ведущие к их отмене.",
          "Уақытша шаралар қолданылса, сұрау салынған тарап оларды автоматты түрде алып "
          "тастайтын заң нормаларын дереу хабарлайды."),
    _rule("requesting_party_notices", "31.2",
          "The requesting party promptly informs the requested party of anything that makes the "
          "confiscation order cease to be enforceable, or any action no longer justified.",
          "Запрашивающая сторона незамедлительно сообщает обо всём, из-за чего решение о "
          "конфискации перестаёт подлежать исполнению или действие больше не оправдано.",
          "Сұрау салушы тарап тәркілеу туралы шешімнің орындалуын тоқтататын немесе әрекетті "
          "бұдан былай негізсіз ететін кез келген мән-жай туралы дереу хабарлайды."),
    _rule("several_parties_informed", "31.3",
          "A party asking several parties to confiscate on the same order informs all of them.",
          "Сторона, просящая нескольких сторон о конфискации по одному решению, уведомляет их "
          "всех.",
          "Бір шешім бойынша бірнеше тараптан тәркілеуді сұраған тарап олардың бәрін "
          "хабардар етеді."),
    _rule("use_limitation", "32.1",
          "The requested party may make execution depend on information or evidence not being "
          "used or passed on for other investigations or proceedings without its prior consent; "
          "a party may declare that this always applies to what it supplies (32.2).",
          "Запрашиваемая сторона может обусловить исполнение тем, что сведения или "
          "доказательства не будут без её согласия использованы или переданы для иных "
          "расследований или разбирательств; сторона может заявить, что это всегда действует "
          "для предоставленного ею (32.2).",
          "Сұрау салынған тарап орындауды мәліметтер мен дәлелдемелер оның алдын ала "
          "келісімінсіз басқа тергеулер немесе іс жүргізу үшін пайдаланылмайды не берілмейді "
          "деген шартқа байлай алады; тарап мұның өзі берген барлық нәрсеге қолданылатынын "
          "мәлімдей алады (32.2)."),
    _rule("confidentiality", "33.1",
          "The requesting party may require the fact and substance of the request to be kept "
          "confidential, save as execution needs; the requesting party, if asked, keeps "
          "confidential what it receives (33.2).",
          "Запрашивающая сторона может потребовать сохранять в тайне факт и содержание "
          "запроса, кроме необходимого для исполнения; по просьбе она сама сохраняет в тайне "
          "полученное (33.2).",
          "Сұрау салушы тарап сұрау салудың фактісі мен мазмұнын орындауға қажетті шамадан "
          "тыс құпия сақтауды талап ете алады; өтініш болса, ол алғанын өзі де құпия сақтайды "
          "(33.2)."),
    _rule("costs", "34",
          "The requested party bears ordinary costs; for substantial or extraordinary costs the "
          "parties consult on the conditions of execution and on who pays.",
          "Обычные расходы несёт запрашиваемая сторона; о значительных или чрезвычайных "
          "расходах стороны консультируются об условиях исполнения и о том, кто платит.",
          "Әдеттегі шығыстарды сұрау салынған тарап көтереді; елеулі немесе төтенше шығыстар "
          "туралы тараптар орындау шарттары мен кім төлейтіні жөнінде кеңеседі."),
    _rule("damages_apportionment", "35.1",
          "If someone sues for damages over co-operation, the parties concerned consider "
          "consulting, where appropriate, on sharing any sum due; a party sued tries to tell the "
          "other if it may have an interest (35.2).",
          "Если лицо предъявило иск о возмещении вреда в связи с сотрудничеством, стороны "
          "рассматривают консультации о распределении суммы; сторона-ответчик старается "
          "уведомить другую, если та может быть заинтересована (35.2).",
          "Ынтымақтастыққа байланысты зиянды өтеу туралы талап қойылса, тараптар қажет болса, "
          "өтелетін соманы бөлу туралы кеңесуді қарастырады; жауапкер тарап мүдделі болуы "
          "мүмкін екінші тарапқа хабарлауға тырысады (35.2)."),
    _rule("special_conventions_unaffected", "39.1",
          "The Convention leaves untouched rights and undertakings under multilateral "
          "conventions on special matters.",
          "Конвенция не затрагивает прав и обязательств по многосторонним конвенциям по "
          "специальным вопросам.",
          "Конвенция арнайы мәселелер жөніндегі көпжақты конвенциялардағы құқықтар мен "
          "міндеттемелерге әсер етпейді."),
    _rule("supplementing_agreements", "39.2",
          "Parties may conclude agreements among themselves that supplement or strengthen the "
          "Convention.",
          "Стороны могут заключать между собой соглашения, дополняющие или усиливающие "
          "Конвенцию.",
          "Тараптар өзара конвенцияны толықтыратын немесе күшейтетін келісімдер жасаса алады."),
    # Art 43.3 keeps only the enforcement under Art 14 of confiscation requested before a
    # denunciation takes effect; ``pending_requests_continue`` would keep every pending request
    # alive, so the clause is shown here and not encoded there.
    _rule("confiscation_after_denunciation", "43.3",
          "After a denunciation takes effect, the Convention still applies to enforcing "
          "confiscation requested before that date.",
          "После вступления денонсации в силу Конвенция продолжает применяться к исполнению "
          "конфискации, запрошенной до этой даты.",
          "Денонсация күшіне енгеннен кейін де конвенция сол күнге дейін сұралған тәркілеуді "
          "орындауға қолданыла береді."),
)


# --- parties ------------------------------------------------------------------------------------
ACCESSED = date(2026, 12, 4)
# Netherlands Treaty Series (Tractatenblad) 1998 No. 267: the states that deposited instruments
# under Art 36.2 after Trb. 1997, 68, with the dates. Entry into force for each is computed by
# Art 36.4: the first day of the month following three months after the deposit. Declared
# languages (25.3) and the authorities designated (23.2) are not read from it: none recorded.
TRB_1998_267 = Source(
    title="Tractatenblad 1998, 267: Verdrag inzake het witwassen, de opsporing, de "
          "inbeslagneming en de confiscatie van opbrengsten van misdrijven (Strasbourg, "
          "8 November 1990), ratifications deposited under Art 36.2",
    url="https://zoek.officielebekendmakingen.nl/behandelddossier/trb-1998-267.html",
    accessed=ACCESSED)

# Tractatenblad 2002, 196: further instruments deposited under Art 36.2, with the dates (the
# stored excerpt reaches "Lux"); entry into force computed by 36.4.
TRB_2002_196 = Source(
    title="Tractatenblad 2002, 196: Verdrag inzake het witwassen, de opsporing, de "
          "inbeslagneming en de confiscatie van opbrengsten van misdrijven, ratifications "
          "deposited under Art 36.2",
    url="https://zoek.officielebekendmakingen.nl/kst-32827-124.html/trb-2002-196.html",
    accessed=ACCESSED)
# Czech Collection of Laws 33/1997 Sb., communication of the Ministry of Foreign Affairs (English
# machine translation by global-regulation.com, which garbles the dates: "19 December. November
# 1996", "1 January 2000. March 1997"): instrument deposited on 19 November 1996, in force for
# the Czech Republic (36.4) on 1 March 1997 (the two are consistent under 36.4). Its Art 23.1
# authorities: the Supreme Public Prosecutor's Office before indictment, the Ministry of Justice
# after it, the Ministry of Finance in other cases.
CZECH_33_1997 = Source(
    title="Czech Collection of Laws 33/1997 Sb., communication of the Ministry of Foreign Affairs "
          "on the Convention (English translation by global-regulation.com): deposited 19 "
          "November 1996, in force for the Czech Republic on 1 March 1997",
    url="https://www.global-regulation.com/translation/czech-republic/507847/convention-on-"
        "laundering%25252c-search-and-confiscation-of-the-proceeds-from-crime.html",
    accessed=ACCESSED)
# Slovak Collection of Laws 109/2002 Z.z., notice of the Ministry of Foreign Affairs (as
# reproduced by ucps.sk): ratification deposited on 7 May 2001, in force for Slovakia on
# 1 September 2001 (36.4).
SLOVAK_109_2002 = Source(
    title="Oznámenie Ministerstva zahraničných vecí SR č. 109/2002 Z.z. (as reproduced by "
          "ucps.sk): deposited 7 May 2001, in force for Slovakia on 1 September 2001",
    url="http://www.ucps.sk/DOHOVOR_o_prani_spinavych_penazi__vyhladavani__zhabani_a_konfiskacii"
        "_ziskov_z_trestnej_cinnosti",
    accessed=ACCESSED)
# Swiss Classified Compilation RS 0.311.53 (English translation by global-regulation.com): Swiss
# instrument of ratification deposited on 11 May 1993. (The translation renders the line on entry
# into force as "September 11, 1993", a garble; the date below is computed from the deposit.)
SWISS_RS_0_311_53 = Source(
    title="Swiss Classified Compilation RS 0.311.53 (English translation by "
          "global-regulation.com): Swiss instrument of ratification deposited 11 May 1993",
    url="https://www.global-regulation.com/translation/switzerland/2974701/rs-0.311.53-"
        "convention-of-8-november-1990-relating-to-money-laundering%252c-detection%252c-seizure-"
        "and-confiscation-of-the-proceeds-of-crime.html",
    accessed=ACCESSED)


def _foreign(state: StateInfo, in_force_on: date, source: Source) -> Party:
    return convention_party(state, source=source, designation=c("23.1"),
                            central_authority_citation=c("23.2"),
                            entered_into_force_on=in_force_on)


KAZAKHSTAN_LAW = Source(
    title="Law of the Republic of Kazakhstan of 2 May 2011 No. 431-IV on the ratification of "
          "the Convention on Laundering, Search, Seizure and Confiscation of the Proceeds from "
          "Crime (English translation, zakonpravo.kz; official Russian text: adilet.zan.kz "
          "Z1100000431)",
    url="https://zakonpravo.kz/en/on-the-ratification-of-the-convention-on-laundering-search-"
        "seizure-and-confiscation-of-the-proceeds-from-crime",
    accessed=ACCESSED)

PARTIES = (
    # Ratified by the Law of 2 May 2011 No. 431-IV with four reservations. The date Kazakhstan's
    # instrument was deposited (and so its 36.4/37.2 date) is not in the project: None, bound
    # since a day the engine does not know. Its designation under 23.2 is not in the project
    # either: the General Prosecutor's Office is the office's choice (office policy).
    Party(state=KAZAKHSTAN, designation=c("23.1"), shared_authorities=(GENERAL_PROSECUTOR,),
          central_authority=CentralAuthorityDeclaration(authority=GENERAL_PROSECUTOR,
                                                        citation=None),
          accepted_languages=LanguagesDeclaration(languages=("kk", "ru"), citation=c("25.3")),
          reservations=(
              Reservation(code="reservation_offences_criminal_in_kazakhstan", citation=c("2.2"),
                          summary=s(
                              "Under 2.2 and 6.4, Kazakhstan applies 2.1 (confiscation) and 6.1 "
                              "(laundering offences) only to acts that are criminal offences "
                              "under its law.",
                              "По п. 2 ст. 2 и п. 4 ст. 6 Казахстан применяет п. 1 ст. 2 "
                              "(конфискация) и п. 1 ст. 6 (отмывание) только к деяниям, "
                              "уголовно наказуемым по его законам.",
                              "2-баптың 2-тармағы мен 6-баптың 4-тармағы бойынша Қазақстан "
                              "2.1-тармақты (тәркілеу) және 6.1-тармақты (жылыстату) өз "
                              "заңдары бойынша қылмыстық жауаптылыққа әкелетін әрекеттерге "
                              "ғана қолданады.")),
              Reservation(code="reservation_findings_of_fact", citation=c("14.3"), summary=s(
                  "Under 14.3, Kazakhstan applies 14.2 (findings of fact binding) only subject "
                  "to its constitutional principles and the basic concepts of its legal system.",
                  "По п. 3 ст. 14 Казахстан применяет п. 2 ст. 14 (обязательность "
                  "установленных фактов) только с учётом своих конституционных принципов и "
                  "основ правовой системы.",
                  "14-баптың 3-тармағы бойынша Қазақстан 14.2-тармақты (анықталған "
                  "фактілердің міндеттілігі) өзінің конституциялық қағидаттары мен құқықтық "
                  "жүйесінің негіздерін ескере отырып қана қолданады.")),
              Reservation(code="reservation_translations", citation=c("25.3"), summary=s(
                  "Requests and supporting documents sent to Kazakhstan come with a translation "
                  "into Kazakh or Russian, unless another ratified treaty with the requesting "
                  "party provides otherwise.",
                  "Запросы и прилагаемые документы, направляемые в Казахстан, сопровождаются "
                  "переводом на казахский или русский язык, если иное не установлено другим "
                  "ратифицированным договором с запрашивающей стороной.",
                  "Қазақстанға жіберілетін сұрау салулар мен қосымша құжаттарға, сұрау салушы "
                  "тараппен жасалған өзге ратификацияланған шартта өзгеше белгіленбесе, қазақ "
                  "немесе орыс тіліне аударма қоса беріледі.")),
              Reservation(code="reservation_use_limitation", citation=c("32.2"), summary=s(
                  "Under 32.2, information or evidence Kazakhstan supplies under chapter III may "
                  "not be used or passed on for other investigations or proceedings without its "
                  "prior consent.",
                  "По п. 2 ст. 32 сведения или доказательства, предоставленные Казахстаном по "
                  "главе III, не могут без его предварительного согласия использоваться или "
                  "передаваться для иных расследований или разбирательств.",
                  "32-баптың 2-тармағы бойынша Қазақстан III тарау бойынша берген мәліметтер "
                  "мен дәлелдемелер оның алдын ала келісімінсіз басқа тергеулер немесе іс "
                  "жүргізу үшін пайдаланылмайды және берілмейді.")),
          ),
          source=KAZAKHSTAN_LAW),
    # The Netherlands accepted on 10 May 1993, before the Convention entered into force: bound
    # from 1 September 1993 (36.3). Council of Europe treaty office, declarations of the
    # Netherlands on ETS 141: "Period covered: 01/09/1993 -".
    _foreign(NETHERLANDS, CONVENTION_IN_FORCE, Source(
        title="Council of Europe Treaty Office: reservations and declarations for Treaty No. 141, "
              "Netherlands (instrument of acceptance deposited on 10 May 1993, period covered "
              "from 1 September 1993)",
        url="https://www.coe.int/en/web/conventions/full-list/-/conventions/treaty/141/"
            "declarations?p_auth=TA1QLsOQ&_coeconventions_WAR_coeconventionsportlet_enVigueur="
            "false&_coeconventions_WAR_coeconventionsportlet_searchBy=state&_coeconventions_WAR_"
            "coeconventionsportlet_codePays=NET&_coeconventions_WAR_coeconventionsportlet_"
            "codeNature=4",
        accessed=ACCESSED)),
    # Deposited (Trb. 1998, 267) -> in force (36.4).
    _foreign(AUSTRIA, date(1997, 11, 1), TRB_1998_267),   # 7 Jul 1997
    _foreign(UKRAINE, date(1998, 5, 1), TRB_1998_267),    # 26 Jan 1998
    _foreign(BELGIUM, date(1998, 5, 1), TRB_1998_267),    # 28 Jan 1998
    _foreign(SPAIN, date(1998, 12, 1), TRB_1998_267),     # 6 Aug 1998
    _foreign(GERMANY, date(1999, 1, 1), TRB_1998_267),    # 16 Sep 1998
    # Switzerland deposited on 11 May 1993 (RS 0.311.53), before the Convention entered into
    # force: computed, bound from the Convention's own date, 1 September 1993 (36.3).
    _foreign(SWITZERLAND, CONVENTION_IN_FORCE, SWISS_RS_0_311_53),
    # 33/1997 Sb.: deposited 19 Nov 1996, in force for the Czech Republic 1 Mar 1997.
    _foreign(CZECH_REPUBLIC, date(1997, 3, 1), CZECH_33_1997),
    # Trb. 2002, 196: Estonia deposited on 10 May 2000 -> computed by 36.4: 1 Sep 2000.
    _foreign(ESTONIA, date(2000, 9, 1), TRB_2002_196),
    # 109/2002 Z.z.: deposited 7 May 2001, in force for Slovakia 1 Sep 2001.
    _foreign(SLOVAKIA, date(2001, 9, 1), SLOVAK_109_2002),
    # Not found:
    # - Kazakhstan's deposit and date under 36.4/37.2: the ratification law (No. 431-IV, adilet
    #   Z1100000431, zakonpravo, dereksiz.org) gives none, and no CoE chart or national record
    #   stored reaches it.
    # - Latvia (Trb. 2002, 196: deposited 1 December 1998): left out; a deposit on the first of a
    #   month makes the 36.4 date depend on how the three months are counted, and no source states
    #   it.
    # - Russia, Poland, Lithuania, Georgia, Moldova, Türkiye, Serbia, Italy, France, the United
    #   Kingdom and the other states of ``states.py`` that are parties: the stored Trb. 2002, 196
    #   excerpt stops at "Lux" and no national record with their dates was found (Russia: only
    #   news of the Duma's vote, 25 April 2001).
    # - Declared languages (25.3) and Art 23 authorities: none recorded for a foreign party (the
    #   Czech authorities are in the comment on CZECH_33_1997, not bodies the engine knows).
)


# --- registers ----------------------------------------------------------------------------------
REGISTER_USE_CONDITIONS = UseConditionsRule(
    # 32.1: only where the requested party made execution depend on it (a use condition is
    # recorded); a party that declared under 32.2 (Kazakhstan) always asks for its consent: see
    # its reservation.
    code="register_use_conditions", citation=c("32.1"), other_use_consent=c("32.1"),
    consent_always_needed=False, confidentiality_inability=c("33.1"), summary=s(
        "Where the requested party set the condition (or declared it under 32.2), information "
        "or evidence is used or passed on for other investigations or proceedings only with its "
        "prior consent; a requested party that cannot keep a request confidential says so "
        "promptly (33.1).",
        "Если запрашиваемая сторона поставила такое условие (или заявила его по п. 2 ст. 32), "
        "сведения или доказательства используются или передаются для иных расследований или "
        "разбирательств только с её предварительного согласия; не способная сохранить тайну "
        "запрашиваемая сторона сразу сообщает об этом (33.1).",
        "Сұрау салынған тарап мұндай шарт қойса (немесе оны 32.2 бойынша мәлімдесе), мәліметтер "
        "мен дәлелдемелер басқа тергеулер мен іс жүргізу үшін тек оның алдын ала келісімімен "
        "пайдаланылады не беріледі; құпияны сақтай алмайтын сұрау салынған тарап бұл туралы "
        "дереу хабарлайды (33.1)."))

REGISTER_SPONTANEOUS_INFORMATION = SpontaneousInformationRule(
    code="register_spontaneous_information", citation=c("10"), conditions=c("33.3"), summary=s(
        "A party may send information on instrumentalities and proceeds unasked where it may "
        "help the other open or conduct proceedings or lead to a request; the receiver keeps "
        "the confidentiality the sender requires, or tells it promptly that it cannot (33.3).",
        "Сторона может без запроса передать сведения об орудиях и доходах, если они помогут "
        "другой начать или вести производство либо приведут к запросу; получатель соблюдает "
        "требуемую отправителем конфиденциальность или сразу сообщает, что не может (33.3).",
        "Тарап құралдар мен кірістер туралы мәліметтерді, егер олар екінші тарапқа іс "
        "жүргізуді бастауға не жүргізуге көмектессе немесе сұрау салуға әкелсе, сұраусыз жібере "
        "алады; алушы жіберушінің құпиялылық талабын сақтайды немесе сақтай алмайтынын дереу "
        "хабарлайды (33.3)."))

REGISTER_COSTS = CostsRule(
    code="register_costs", citation=c("34"),
    heads=(CostHeadRule(code="cost_ordinary", citation=c("34"),
                        borne_by=CostBearer.REQUESTED_SIDE, summary=s(
                            "Ordinary costs of complying with the request: the requested party.",
                            "Обычные расходы на исполнение запроса: запрашиваемая сторона.",
                            "Сұрау салуды орындаудың әдеттегі шығыстары: сұрау салынған "
                            "тарап.")),),
    extraordinary=c("34"), consultation_mandatory=True, summary=s(
        "The requested party pays the ordinary costs; substantial or extraordinary costs call "
        "for a consultation on the conditions of execution and on sharing them.",
        "Обычные расходы оплачивает запрашиваемая сторона; значительные или чрезвычайные "
        "расходы требуют консультаций об условиях исполнения и их распределении.",
        "Әдеттегі шығыстарды сұрау салынған тарап төлейді; елеулі немесе төтенше шығыстар "
        "орындау шарттары мен оларды бөлу туралы кеңесуді қажет етеді."))


RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.CONVENTION,
    title=s("Convention on Laundering, Search, Seizure and Confiscation of the Proceeds from "
            "Crime (ETS No. 141)",
            "Конвенция об отмывании, выявлении, изъятии и конфискации доходов от преступной "
            "деятельности (ETS № 141)",
            "Қылмыстық әрекеттен түскен кірістерді жылыстату, анықтау, алып қою және тәркілеу "
            "туралы конвенция (ETS № 141)"),
    short_title=s("Strasbourg Convention on proceeds of crime (ETS 141, 1990)",
                  "Страсбургская конвенция о доходах от преступлений (ETS 141, 1990)",
                  "Қылмыстан түскен кірістер туралы Страсбург конвенциясы (ETS 141, 1990)"),
    parties=PARTIES,
    signed_on=date(1990, 11, 8),
    signed_at="Strasbourg",
    approval_act="Law of the Republic of Kazakhstan of 2 May 2011 No. 431-IV (ratification, "
                 "with reservations)",
    entry_into_force=_rule(
        "entry_into_force", "36.3",
        "In force on the first day of the month following three months after three states, two "
        "of them Council of Europe members, consented to be bound: 1 September 1993.",
        "Вступила в силу в первый день месяца, следующего за тремя месяцами после согласия "
        "трёх государств, из них двух членов Совета Европы: 1 сентября 1993 года.",
        "Үш мемлекет, оның екеуі Еуропа Кеңесінің мүшесі, міндеттілікке келісім бергеннен "
        "кейін үш ай өткен соң келетін айдың бірінші күні күшіне енді: 1993 жылғы 1 қыркүйек."),
    entry_into_force_date=CONVENTION_IN_FORCE,
    party_entry_into_force=_rule(
        "party_entry_into_force", "36.4",
        "For a state that consents later, in force on the first day of the month following "
        "three months after its consent; the same for a state acceding on invitation (37.2).",
        "Для государства, давшего согласие позже, вступает в силу в первый день месяца, "
        "следующего за тремя месяцами после его согласия; так же для присоединившегося по "
        "приглашению (37.2).",
        "Кейін келісім берген мемлекет үшін оның келісімінен кейін үш ай өткен соң келетін "
        "айдың бірінші күні күшіне енеді; шақыру бойынша қосылған мемлекет үшін де солай "
        "(37.2)."),
    # 43.2: effective on the first day of the month following three months after the Secretary
    # General receives the notice. A TermRule counts days or months only: three months from
    # receipt, so the engine may treat a denunciation as effective up to a month early (notice
    # of 15 January: engine 15 April, text 1 May). The Convention has no clause ending it as a
    # whole: a party's denunciation ends it for that party.
    termination=TermRule(
        code="termination", citation=c("43.2"), months=3, summary=s(
            "No clause ends the Convention as a whole; a party's denunciation takes effect on "
            "the first day of the month following three months after the Secretary General "
            "receives it.",
            "Прекращение Конвенции в целом не предусмотрено; денонсация стороны вступает в силу "
            "в первый день месяца, следующего за тремя месяцами после её получения Генеральным "
            "секретарём.",
            "Конвенцияны толық тоқтату көзделмеген; тараптың денонсациясы Бас хатшы оны "
            "алғаннан кейін үш ай өткен соң келетін айдың бірінші күні күшіне енеді.")),
    withdrawal=TermRule(
        code="withdrawal", citation=c("43.2"), months=3, summary=s(
            "A party may denounce at any time by notice to the Secretary General of the Council "
            "of Europe; for it the denunciation takes effect on the first day of the month "
            "following three months after receipt (counted here as three months).",
            "Сторона может в любое время денонсировать Конвенцию уведомлением Генеральному "
            "секретарю Совета Европы; для неё денонсация вступает в силу в первый день месяца, "
            "следующего за тремя месяцами после получения (здесь считается как три месяца).",
            "Тарап кез келген уақытта Еуропа Кеңесінің Бас хатшысына хабарлама жіберіп "
            "денонсациялай алады; ол үшін денонсация хабарлама алынғаннан кейін үш ай өткен соң "
            "келетін айдың бірінші күні күшіне енеді (мұнда үш ай деп есептеледі).")),
    # Art 39.3: two parties bound by another agreement on the same subject *may* apply it
    # instead, where that helps co-operation: an option, not a displacement. 39.1 (special
    # multilateral conventions unaffected) and 39.2 are in other_rules.
    precedence=PrecedenceRule(
        code="precedence", citation=c("39.3"), rank=20, displaced_by=(), summary=s(
            "Parties bound by another agreement on the same subject may apply it instead of "
            "this Convention where that helps co-operation; no treaty displaces it by itself.",
            "Стороны, связанные иным соглашением по тому же предмету, могут применять его "
            "вместо Конвенции, если это облегчает сотрудничество; сам по себе никакой договор "
            "её не вытесняет.",
            "Сол мәселе бойынша өзге келісіммен байланысқан тараптар, егер бұл ынтымақтастықты "
            "жеңілдетсе, оны осы конвенцияның орнына қолдана алады; ешбір шарт оны өздігінен "
            "ығыстырмайды."),
        rank_office_policy=s(
            "Among conventions that all apply, the office tries the more specific one first: "
            "this Convention for tracing, freezing and confiscating proceeds, before the UN "
            "conventions.",
            "Из нескольких применимых конвенций офис сначала выбирает более специальную: эту "
            "Конвенцию — для розыска, ареста и конфискации доходов — раньше конвенций ООН.",
            "Бірнеше қолданылатын конвенцияның ішінен кеңсе алдымен арнайырағын таңдайды: "
            "кірістерді іздеу, оларға тыйым салу және тәркілеу үшін осы конвенцияны БҰҰ "
            "конвенцияларынан бұрын.")),
    offence_scope=OffenceScopeRule(
        code="offence_scope", citation=c("1..e"), any_offence=True, summary=s(
            "Co-operation concerns the proceeds and instrumentalities of any criminal offence "
            "(any predicate offence).",
            "Сотрудничество касается доходов и орудий любого преступления (любого основного "
            "преступления).",
            "Ынтымақтастық кез келген қылмыстың (кез келген предикаттық қылмыстың) кірістері "
            "мен құралдарына қатысты.")),
    communication=ChannelRule(
        code="communication", citation=c("23.1"), authority_kind=AuthorityKind.CENTRAL,
        # 25.1: in writing, modern telecommunications such as telefax allowed; 24.3: any request
        # may go through Interpol.
        channels=frozenset({Channel.POST, Channel.COURIER, Channel.FAX, Channel.ELECTRONIC,
                            Channel.INTERPOL}),
        channels_citation=c("25.1"),
        summary=s(
            "Requests go between the central authorities, which communicate directly (24.1); "
            "in writing, by post or by telecommunications such as fax (25.1), or through "
            "Interpol (24.3).",
            "Запросы направляются между центральными органами, которые сносятся напрямую "
            "(24.1); письменно, почтой или средствами связи, например факсом (25.1), либо через "
            "Интерпол (24.3).",
            "Сұрау салулар бір-бірімен тікелей байланысатын орталық органдар арасында "
            "жіберіледі (24.1); жазбаша, поштамен немесе факс сияқты байланыс құралдарымен "
            "(25.1), не Интерпол арқылы (24.3).")),
    written_form=_rule(
        "written_form", "25.1",
        "Every request is in writing; modern telecommunications such as fax may be used.",
        "Все запросы составляются письменно; допускаются современные средства связи, "
        "например факс.",
        "Барлық сұрау салулар жазбаша жасалады; факс сияқты заманауи байланыс құралдарын "
        "пайдалануға болады."),
    scope=_rule(
        "scope", "7.2",
        "Requests for confiscation, and for investigative assistance and provisional measures "
        "with a view to it.",
        "Запросы о конфискации, а также о следственной помощи и временных мерах для неё.",
        "Тәркілеу туралы, сондай-ақ соған арналған тергеу көмегі мен уақытша шаралар туралы "
        "сұрау салулар."),
    assistance_types=ASSISTANCE_TYPES,
    mandatory_contents=MANDATORY_CONTENTS,
    optional_contents=OPTIONAL_CONTENTS,
    # 25.2: no translation unless the requested party declared under 25.3 (Kazakhstan: Kazakh or
    # Russian). Where a party's declaration is not recorded, the engine accepts the requested
    # state's official languages (the token's rule), which is stricter than 25.2.
    language=LanguageRule(
        code="language", citation=c("25.3"), accepted_languages=(PARTY_DECLARED_LANGUAGES,),
        summary=s(
            "No translation is needed unless the requested party declared that it requires one, "
            "into its own language or an official language of the Council of Europe, as it "
            "indicated.",
            "Перевод не требуется, если запрашиваемая сторона не заявила, что требует перевода "
            "на свой язык или официальный язык Совета Европы, как она указала.",
            "Сұрау салынған тарап өз тіліне немесе Еуропа Кеңесінің ресми тіліне аударма талап "
            "ететінін мәлімдемесе, аударма қажет емес.")),
    additional_information=_rule(
        "additional_information", "28.1",
        "If a request falls short of chapter III or lacks information, the requested party may "
        "ask for it to be amended or completed.",
        "Если запрос не соответствует главе III или сведений недостаточно, запрашиваемая "
        "сторона может попросить исправить или дополнить его.",
        "Сұрау салу III тарауға сәйкес келмесе немесе мәліметтер жеткіліксіз болса, сұрау "
        "салынған тарап оны түзетуді немесе толықтыруды сұрай алады."),
    refusal_grounds=REFUSAL_GROUNDS,
    refusal_grounds_citation=c("18"),
    excluded_refusal_grounds=EXCLUDED_REFUSAL_GROUNDS,
    # Art 20: the consultation is "where appropriate": not a treaty precondition of refusing or
    # postponing, so refusal_consultation and deferral_consultation stay None. What Art 20 does
    # require (considering partial or conditional granting first) is the deferral precondition
    # below; for a refusal the vocabulary has no such field (other_rules).
    refusal_consultation=None,
    refusal_reasons=_rule(
        "refusal_reasons", "30",
        "Any decision to refuse, postpone or make co-operation conditional is reasoned.",
        "Любое решение об отказе, отсрочке или условном сотрудничестве мотивируется.",
        "Бас тарту, кейінге қалдыру немесе ынтымақтастықты шартпен байлау туралы кез келген "
        "шешім уәжделеді."),
    # 30 covers a refusal "in part" as well (31.1(c)): a partial execution is reasoned.
    partial_execution_reasons_required=True,
    deferral_grounds=DEFERRAL_GROUNDS,
    deferral_grounds_citation=c("19"),
    deferral_consultation=None,
    deferral_after_partial_or_conditional_decision=_rule(
        "consider_partial_or_conditional", "20",
        "Before postponing (or refusing), the requested party considers granting the request "
        "in part or on conditions it deems necessary.",
        "Прежде чем отсрочить (или отказать), запрашиваемая сторона рассматривает частичное "
        "удовлетворение запроса или его удовлетворение на необходимых ей условиях.",
        "Кейінге қалдырмас (немесе бас тартпас) бұрын сұрау салынған тарап сұрау салуды "
        "ішінара немесе өзі қажет деп санайтын шарттармен қанағаттандыруды қарайды."),
    deferral_reasons=_rule(
        "deferral_reasons", "30",
        "A postponement is reasoned.",
        "Отсрочка мотивируется.",
        "Кейінге қалдыру уәжделеді."),
    conditions=_rule(
        "conditions", "20",
        "The requested party may grant the request subject to the conditions it deems "
        "necessary.",
        "Запрашиваемая сторона может удовлетворить запрос на условиях, которые сочтёт "
        "необходимыми.",
        "Сұрау салынған тарап сұрау салуды өзі қажет деп санайтын шарттармен қанағаттандыра "
        "алады."),
    # The article a consultation on conditions is held under; no guard requires it.
    conditions_consultation=_rule(
        "conditions_consultation", "20",
        "Where appropriate, the requested party consults the requesting party before deciding "
        "on partial or conditional granting; the Convention does not make it mandatory.",
        "При необходимости запрашиваемая сторона консультируется с запрашивающей, прежде чем "
        "решить о частичном или условном удовлетворении; Конвенция этого не требует.",
        "Қажет болса, сұрау салынған тарап ішінара немесе шартпен қанағаттандыру туралы "
        "шешпес бұрын сұрау салушы тараппен кеңеседі; конвенция мұны міндеттемейді."),
    other_rules=OTHER_RULES,
    duties=(
        DutyRule(code="duty_notice_of_refusal", citation=c("31.1.c"), event=DutyEvent.REFUSAL,
                 immediate=True, summary=s(
                     "The requested party promptly informs the requesting party of a refusal, "
                     "in whole or in part.",
                     "Запрашиваемая сторона незамедлительно сообщает о полном или частичном "
                     "отказе.",
                     "Сұрау салынған тарап толық немесе ішінара бас тарту туралы дереу "
                     "хабарлайды.")),
        DutyRule(code="duty_notice_of_deferral", citation=c("31.1.c"), event=DutyEvent.DEFERRAL,
                 immediate=True, summary=s(
                     "The requested party promptly informs the requesting party of a "
                     "postponement.",
                     "Запрашиваемая сторона незамедлительно сообщает об отсрочке.",
                     "Сұрау салынған тарап кейінге қалдыру туралы дереу хабарлайды.")),
        DutyRule(code="duty_notice_of_partial_execution", citation=c("31.1.c"),
                 event=DutyEvent.PARTIAL_EXECUTION, immediate=True, summary=s(
                     "The requested party promptly informs the requesting party when co-operation "
                     "is given only in part or on conditions.",
                     "Запрашиваемая сторона незамедлительно сообщает, если сотрудничество "
                     "оказано частично или на условиях.",
                     "Ынтымақтастық ішінара немесе шартпен көрсетілсе, сұрау салынған тарап бұл "
                     "туралы дереу хабарлайды.")),
        DutyRule(code="duty_notice_of_obstacle", citation=c("31.1.d"), event=DutyEvent.OBSTACLE,
                 immediate=True, summary=s(
                     "The requested party promptly reports anything that makes the action "
                     "impossible or likely to be much delayed.",
                     "Запрашиваемая сторона незамедлительно сообщает обо всём, что делает "
                     "действие невозможным или может его значительно задержать.",
                     "Сұрау салынған тарап әрекетті мүмкін етпейтін немесе оны едәуір "
                     "кешіктіруі ықтимал кез келген мән-жай туралы дереу хабарлайды.")),
        DutyRule(code="duty_notice_of_results", citation=c("31.1.b"),
                 event=DutyEvent.EXECUTION_FINISHED, immediate=True, summary=s(
                     "The requested party promptly informs the requesting party of the final "
                     "result of the action taken.",
                     "Запрашиваемая сторона незамедлительно сообщает окончательный результат "
                     "принятых мер.",
                     "Сұрау салынған тарап қабылданған шаралардың түпкілікті нәтижесін дереу "
                     "хабарлайды.")),
        DutyRule(code="duty_notice_confidentiality_impossible", citation=c("33.1"),
                 event=DutyEvent.CONFIDENTIALITY_IMPOSSIBLE, immediate=True, summary=s(
                     "A requested party that cannot keep the request confidential tells the "
                     "requesting party promptly.",
                     "Запрашиваемая сторона, не способная сохранить запрос в тайне, сразу "
                     "сообщает об этом.",
                     "Сұрау салуды құпия сақтай алмайтын сұрау салынған тарап бұл туралы дереу "
                     "хабарлайды.")),
        DutyRule(code="duty_consultation_on_extra_costs", citation=c("34"),
                 event=DutyEvent.EXTRA_COSTS_ANNOUNCED, owed_by=DutyParty.BOTH, notice=False,
                 summary=s(
                     "When compliance needs substantial or extraordinary costs, the parties "
                     "consult on the conditions and on who bears them; no term is set.",
                     "Если исполнение требует значительных или чрезвычайных расходов, стороны "
                     "консультируются об условиях и о том, кто их несёт; срок не установлен.",
                     "Орындау елеулі немесе төтенше шығыстарды қажет етсе, тараптар шарттар "
                     "мен оларды кім көтеретіні туралы кеңеседі; мерзім белгіленбеген.")),
    ),
    use_conditions=REGISTER_USE_CONDITIONS,
    spontaneous_information_register=REGISTER_SPONTANEOUS_INFORMATION,
    costs=REGISTER_COSTS,
)
