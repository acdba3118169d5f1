"""Kazakhstan - Slovak Republic: Agreement between the Governments on cooperation in combating
organised crime, terrorism, illicit trafficking of narcotic drugs, psychotropic substances and
precursors and other crime.

Government Resolution No 1119 of 20 November 2007 approves the draft and authorises signature. The
published Kazakh text leaves the date and place of signature blank, and states no date of entry into
force: the office records it (Art 12.1: thirtieth day after the last notification). A police
cooperation agreement between competent authorities.

Citation convention: "7.3" is Art 7 paragraph 3. Articles 2, 3, 4 and 5 have numbered points only
(no paragraphs), so "4.7" there means point 7) of Art 4 and "5.6" point 6) of Art 5.

Summaries are our own wording, not treaty sentences.
"""

from __future__ import annotations

from datetime import date

from .home import FINANCIAL_MONITORING
from .home import GENERAL_PROSECUTOR
from .home import INTERIOR
from .home import KAZAKHSTAN
from .home import NATIONAL_SECURITY
from .parties import AuthorityInfo
from .parties import Party
from .schema import AssistanceTypeRule
from .schema import AuthorityKind
from .schema import AuthorityNoticesRule
from .schema import Channel
from .schema import ChannelRule
from .schema import ContentRule
from .schema import CostBearer
from .schema import CostHeadRule
from .schema import CostsRule
from .schema import DutyEvent
from .schema import DutyRule
from .schema import GroundRule
from .schema import InstrumentKind
from .schema import LanguageRule
from .schema import MaterialKind
from .schema import OnwardTransferRule
from .schema import OralRequestRule
from .schema import PersonalDataDutiesRule
from .schema import PersonalDataRule
from .schema import RecipientKind
from .schema import Rule
from .schema import Rulebook
from .schema import SpontaneousInformationRule
from .schema import Summary
from .schema import TermRule
from .schema import UseConditionsRule
from .schema import citer
from .states import SLOVAKIA

SLUG = "kz-sk-2007"

c = citer(SLUG)  # c("3.2.a") -> Art 3, paragraph 2, sub-paragraph a of this instrument
s = Summary  # s(en, ru, kk)


# --- assistance types (Art 2-4) ------------------------------------------------------------------
ASSISTANCE_TYPES = (
    AssistanceTypeRule(
        code="information_exchange",
        citation=c("2.1"),
        summary=s(
            "Exchange of data on persons taking part in group crime and their criminal links, on "
            "organised groups and their structure, methods and targets, and on preventive "
            "measures; Art 3 and Art 4.1-4.2 add information on terrorism and on drug "
            "trafficking.",
            "Обмен данными о лицах, участвующих в групповых преступлениях, и их преступных "
            "связях, об организованных группах, их структуре, методах и объектах посягательства, "
            "о принимаемых мерах; ст. 3 и ст. 4.1-4.2 добавляют сведения о терроризме и "
            "наркотрафике.",
            "Топтық қылмыстарға қатысатын адамдар мен олардың қылмыстық байланыстары, ұйымдасқан "
            "топтар, олардың құрылымы, әдістері мен қол сұғу объектілері, қабылданатын шаралар "
            "туралы деректер алмасу; 3-бап пен 4.1-4.2 терроризм және есірткі саудасы туралы "
            "ақпаратты қосады.",
        ),
    ),
    AssistanceTypeRule(
        code="search_for_persons",
        citation=c("2.2"),
        summary=s(
            "Cooperation in searching for crime suspects and for persons evading criminal "
            "liability or their sentence.",
            "Сотрудничество в розыске подозреваемых в преступлениях и лиц, уклоняющихся от "
            "уголовной ответственности или отбывания наказания.",
            "Қылмыс жасады деп күдіктілерді және қылмыстық жауаптылықтан немесе жазасын өтеуден "
            "жалтаратын адамдарды іздеудегі ынтымақтастық.",
        ),
    ),
    AssistanceTypeRule(
        code="search_for_objects",
        citation=c("2.3"),
        summary=s(
            "Cooperation in searching for objects linked to crimes, stolen items and vehicles "
            "included.",
            "Сотрудничество в розыске предметов, связанных с преступлениями, включая похищенные "
            "вещи и автотранспорт.",
            "Ұрланған заттар мен автокөліктерді қоса алғанда, қылмыстармен байланысты заттарды "
            "іздеудегі ынтымақтастық.",
        ),
    ),
    AssistanceTypeRule(
        code="operational_assistance",
        citation=c("2.4"),
        summary=s(
            "Personal, technical and organisational support for criminal investigations, within "
            "the agreement and national law.",
            "Личная, техническая и организационная поддержка расследования преступлений в рамках "
            "соглашения и национального законодательства.",
            "Келісім мен ұлттық заңнама шегінде қылмыстарды тергеуге жеке, техникалық және "
            "ұйымдастырушылық қолдау көрсету.",
        ),
    ),
    AssistanceTypeRule(
        code="samples",
        citation=c("2.7"),
        summary=s(
            "On request, information on or samples of objects used for or resulting from crimes; "
            "2.8 adds samples used to identify persons and 4.5 samples of drugs and psychotropic "
            "substances.",
            "По запросу — сведения или образцы предметов, использованных для преступлений или "
            "полученных в их результате; п. 2.8 добавляет образцы для идентификации личности, "
            "п. 4.5 — образцы наркотиков и психотропных веществ.",
            "Сұрау бойынша қылмыс жасауға пайдаланылған немесе қылмыс нәтижесінде пайда болған "
            "заттар туралы мәлімет не олардың үлгілері; 2.8 жеке басты сәйкестендіруге арналған "
            "үлгілерді, 4.5 есірткі мен психотроптық заттардың үлгілерін қосады.",
        ),
    ),
    AssistanceTypeRule(
        code="experts_and_training",
        citation=c("2.9"),
        summary=s(
            "Exchange of experts and joint training courses on operational methods; working "
            "meetings on particular cases (2.10) and training on terrorism (3.7) and drug cases "
            "(4.9) are also provided.",
            "Обмен экспертами и совместные учебные курсы по оперативным методам; предусмотрены "
            "также рабочие встречи по отдельным делам (2.10) и обучение по терроризму (3.7) и "
            "наркопреступлениям (4.9).",
            "Сарапшылармен алмасу және жедел әдістер бойынша бірлескен оқу курстары; жекелеген "
            "істер бойынша жұмыс кездесулері (2.10), терроризм (3.7) және есірткі қылмыстары (4.9) "
            "бойынша оқыту да көзделген.",
        ),
    ),
    AssistanceTypeRule(
        code="witness_protection",
        citation=c("2.11"),
        summary=s(
            "Mutual help in protecting a witness whose life, health or property, or that of their "
            "family, is at risk because of their testimony.",
            "Взаимная помощь в защите свидетеля, жизни, здоровью или имуществу которого или его "
            "семьи угрожает опасность из-за дачи показаний.",
            "Куәлік етуіне байланысты өміріне, денсаулығына немесе мүлкіне, не отбасына қауіп "
            "төнген куәні қорғаудағы өзара көмек.",
        ),
    ),
    AssistanceTypeRule(
        code="controlled_delivery",
        citation=c("4.7"),
        summary=s(
            "Help with controlled deliveries of illicit drugs and psychotropic substances to "
            "identify their recipients and others involved, provided the necessary information "
            "reaches the other side before the operation.",
            "Содействие контролируемым поставкам наркотиков и психотропных веществ для выявления "
            "получателей и иных причастных лиц при условии, что нужные сведения переданы другой "
            "стороне до проведения мероприятий.",
            "Алушыларды және өзге де қатысы бар адамдарды анықтау үшін есірткі мен психотроптық "
            "заттарды бақыланатын жеткізуге көмек; қажетті мәліметтер іс-шараға дейін екінші "
            "тарапқа жіберілуі шарт.",
        ),
    ),
)

# --- request contents (Art 7.3) ------------------------------------------------------------------
MANDATORY_CONTENTS = (
    ContentRule(
        code="content_assistance_description",
        citation=c("7.3"),
        field="assistance_description",
        summary=s(
            "The request sets out the information needed to carry it out.",
            "Запрос содержит сведения, необходимые для его исполнения.",
            "Сұрау салуда оны орындау үшін қажетті мәліметтер көрсетіледі.",
        ),
    ),
    ContentRule(
        code="content_enclosed_documents",
        citation=c("7.3"),
        field="enclosed_documents",
        summary=s(
            "Copies of the documents relevant to the case go with the request.",
            "К запросу прилагаются копии документов, относящихся к делу.",
            "Сұрау салуға іске қатысты құжаттардың көшірмелері қоса беріледі.",
        ),
    ),
    ContentRule(
        code="content_signed_and_sealed",
        citation=c("7.3"),
        field="signed_and_sealed",
        summary=s(
            "The request is signed and bears the official seal with the state emblem of the "
            "requesting competent authority.",
            "Запрос подписывается и скрепляется гербовой печатью запрашивающего компетентного "
            "органа.",
            "Сұрау салуға қол қойылады және сұрау салушы құзыретті органның елтаңбалы мөрімен "
            "бекітіледі.",
        ),
    ),
)

# --- refusal (Art 7.6) ---------------------------------------------------------------------------
REFUSAL_GROUNDS = (
    GroundRule(
        code="refusal_sovereignty_security_interests",
        citation=c("7.6"),
        summary=s(
            "A request may be refused in whole or in part if executing it could threaten the "
            "requested state's sovereignty, security or other important interests.",
            "В исполнении запроса можно отказать полностью или частично, если оно может угрожать "
            "суверенитету, безопасности или иным важным интересам запрашиваемого государства.",
            "Сұрау салуды орындау сұрау салынған мемлекеттің егемендігіне, қауіпсіздігіне немесе "
            "басқа да маңызды мүддесіне қатер төндіруі мүмкін болса, одан толық немесе ішінара бас "
            "тартуға болады.",
        ),
    ),
    GroundRule(
        code="refusal_contrary_to_law_or_obligations",
        citation=c("7.6"),
        summary=s(
            "A request may be refused in whole or in part if executing it would conflict with the "
            "requested state's national law or with its obligations under international "
            "agreements.",
            "В исполнении запроса можно отказать полностью или частично, если оно противоречит "
            "национальному законодательству запрашиваемого государства или его обязательствам по "
            "международным соглашениям.",
            "Сұрау салуды орындау сұрау салынған мемлекеттің ұлттық заңнамасына немесе халықаралық "
            "келісімдерден туындайтын міндеттемелеріне қайшы келсе, одан толық немесе ішінара бас "
            "тартуға болады.",
        ),
    ),
)

# --- shown to users, not enforced by a guard -----------------------------------------------------
OTHER_RULES = (
    Rule(
        code="crime_scope",
        citation=c("1.1"),
        summary=s(
            "The sides cooperate in detecting, preventing, stopping and solving listed crimes, "
            "among them terrorism and other organised crime, its financing, drug and arms "
            "trafficking, trafficking in human beings, forgery, money laundering, corruption, "
            "illegal migration, computer crime and vehicle theft.",
            "Стороны сотрудничают в выявлении, предупреждении, пресечении и раскрытии "
            "перечисленных преступлений, в том числе терроризма и иной организованной "
            "преступности, его финансирования, оборота наркотиков и оружия, торговли людьми, "
            "подделок, отмывания средств, коррупции, незаконной миграции, компьютерных "
            "преступлений и угонов автомобилей.",
            "Тараптар аталған қылмыстарды, оның ішінде терроризм мен өзге ұйымдасқан қылмысты, "
            "оны қаржыландыруды, есірткі мен қару айналымын, адам саудасын, қолдан жасауды, "
            "қаражатты заңдастыруды, сыбайлас жемқорлықты, заңсыз көші-қонды, компьютерлік "
            "қылмыстар мен автокөлік ұрлығын анықтауда, алдын алуда, жолын кесуде және ашуда "
            "ынтымақтасады.",
        ),
    ),
    Rule(
        code="scope_extension_by_agreement",
        citation=c("1.2"),
        summary=s(
            "By mutual consent the sides may extend cooperation to other kinds of crime and to "
            "information exchange on the listed crimes.",
            "По согласию сторон сотрудничество может распространяться на другие виды преступности "
            "и на обмен информацией о перечисленных преступлениях.",
            "Тараптардың келісімімен ынтымақтастық қылмыстың басқа түрлеріне және аталған "
            "қылмыстар бойынша ақпарат алмасуға да қолданылуы мүмкін.",
        ),
    ),
    Rule(
        code="working_meetings",
        citation=c("2.10"),
        summary=s(
            "Where needed, working meetings are held on the investigation of particular cases to "
            "coordinate measures.",
            "При необходимости проводятся рабочие встречи по расследованию отдельных дел для "
            "согласования мер.",
            "Қажет болған кезде шараларды үйлестіру үшін жекелеген істерді тергеу жөнінде жұмыс "
            "кездесулері өткізіледі.",
        ),
    ),
    Rule(
        code="terrorism_cooperation",
        citation=c("3"),
        summary=s(
            "Against terrorism the sides share information on planned or committed attacks, those "
            "involved, their financing and supporters, and on terrorist groups; they also exchange "
            "analyses, airport and port security experience, experts and training.",
            "В борьбе с терроризмом стороны обмениваются сведениями о планируемых или совершённых "
            "актах, причастных лицах, финансировании и пособниках, террористических группах, а "
            "также аналитикой, опытом безопасности аэропортов и портов, экспертами и обучением.",
            "Терроризмге қарсы күресте тараптар жоспарланған немесе жасалған актілер, оларға "
            "қатысы бар адамдар, қаржыландыру мен көмектесушілер, террористік топтар туралы "
            "ақпарат, сондай-ақ талдау материалдары, әуежай мен порт қауіпсіздігі тәжірибесі, "
            "сарапшылар мен оқыту жөнінде алмасады.",
        ),
    ),
    Rule(
        code="coordinated_prevention_measures",
        citation=c("4.3"),
        summary=s(
            "The sides take agreed measures, under their laws, to prevent drug-related crime.",
            "Стороны в соответствии со своим законодательством принимают согласованные меры по "
            "предупреждению наркопреступлений.",
            "Тараптар өз заңнамасына сәйкес есірткі қылмыстарының алдын алу жөнінде келісілген "
            "шаралар қабылдайды.",
        ),
    ),
    Rule(
        code="drug_samples_protocol",
        citation=c("4.5"),
        summary=s(
            "How samples of natural or synthetic drugs and psychotropic substances are supplied to "
            "each other is to be set by a separate protocol.",
            "Порядок взаимного предоставления образцов природных или синтетических наркотиков и "
            "психотропных веществ определяется отдельным протоколом.",
            "Табиғи немесе синтетикалық есірткі мен психотроптық заттардың үлгілерін бір-біріне "
            "беру тәртібі жеке хаттамамен айқындалады.",
        ),
    ),
    Rule(
        code="border_drug_control_experience",
        citation=c("4.8"),
        summary=s(
            "The sides share experience and information on drug control methods at the state "
            "border.",
            "Стороны обмениваются опытом и информацией о методах наркоконтроля на государственной "
            "границе.",
            "Тараптар мемлекеттік шекарадағы есірткі бақылауының әдістері туралы тәжірибе мен "
            "ақпарат алмасады.",
        ),
    ),
    Rule(
        code="data_use_purpose",
        citation=c("5.1"),
        summary=s(
            "Data on persons received may be used only for the purposes and on the conditions the "
            "supplying side has set.",
            "Полученные данные о лицах используются только в целях и на условиях, установленных "
            "передавшей стороной.",
            "Алынған адамдар туралы деректер тек оларды берген тарап белгілеген мақсаттар мен "
            "шарттарда пайдаланылады.",
        ),
    ),
    Rule(
        code="report_on_use",
        citation=c("5.2"),
        summary=s(
            "If the supplying side asks, the receiving side reports how it used the data and what "
            "results it obtained.",
            "По просьбе передавшей стороны получившая сторона сообщает об использовании данных и "
            "полученных результатах.",
            "Деректерді берген тарап сұраса, алушы тарап оларды қалай пайдаланғаны және қандай "
            "нәтиже алғаны туралы хабарлайды.",
        ),
    ),
    Rule(
        code="data_recipients_limited",
        citation=c("5.3"),
        summary=s(
            "Data on persons go only to the competent authority fighting organised crime; other "
            "bodies may receive them only with the supplying side's written consent.",
            "Данные о лицах передаются только компетентному органу, ведущему борьбу с "
            "организованной преступностью; другим органам — лишь с письменного согласия передавшей "
            "стороны.",
            "Адамдар туралы деректер тек ұйымдасқан қылмысқа қарсы күресетін құзыретті органға "
            "жіберіледі; басқа органдарға тек деректерді берген тараптың жазбаша келісімімен.",
        ),
    ),
    Rule(
        code="data_accuracy_correction",
        citation=c("5.4"),
        summary=s(
            "The supplying side answers for the accuracy and need of what it sends; if wrong or "
            "restricted data were sent, the receiver is told promptly and corrects or destroys "
            "them at once.",
            "Передающая сторона отвечает за точность и необходимость передачи; если переданы "
            "неверные или ограниченные данные, получатель быстро уведомляется и сразу исправляет "
            "или уничтожает их.",
            "Деректерді беретін тарап олардың дәлдігі мен берудің қажеттілігіне жауап береді; "
            "дұрыс емес не шектеулі деректер жіберілсе, алушыға жедел хабарланады, ол оларды дереу "
            "түзетеді немесе жояды.",
        ),
    ),
    Rule(
        code="data_subject_information",
        citation=c("5.5"),
        summary=s(
            "A person concerned may, on application and under the supplying state's law, be told "
            "what data on them were sent and for what purpose.",
            "Заинтересованному лицу по его заявлению и в соответствии с законодательством "
            "передавшего государства может быть сообщено, какие данные о нём переданы и с какой "
            "целью.",
            "Мүдделі адамға өтініші бойынша, деректерді берген мемлекеттің заңнамасына сәйкес, ол "
            "туралы қандай деректер қандай мақсатта берілгені хабарлануы мүмкін.",
        ),
    ),
    Rule(
        code="data_deletion",
        citation=c("5.6"),
        summary=s(
            "Data are destroyed once no longer needed, even before the stated maximum term; when "
            "the agreement ends, all data on persons received under it are destroyed.",
            "Данные уничтожаются, как только отпала необходимость, даже до сообщённого предельного "
            "срока; при прекращении соглашения уничтожаются все полученные данные о лицах.",
            "Деректер қажеттілігі жойылған бойда, хабарланған шекті мерзімді күтпей жойылады; "
            "келісім тоқтаған кезде адамдар туралы алынған барлық деректер жойылады.",
        ),
    ),
    Rule(
        code="data_security",
        citation=c("5.8"),
        summary=s(
            "Each side protects data on persons it received from unlawful access, alteration or "
            "disclosure.",
            "Каждая сторона защищает полученные данные о лицах от незаконного доступа, изменения "
            "или разглашения.",
            "Әр тарап алынған адамдар туралы деректерді заңсыз қол жеткізуден, өзгертуден немесе "
            "жария етуден қорғайды.",
        ),
    ),
    Rule(
        code="information_protection",
        citation=c("6.1"),
        summary=s(
            "Information, data, documents and technical equipment received are protected at the "
            "level the supplying side has set.",
            "Полученные информация, данные, документы и техническое оборудование защищаются на "
            "уровне, установленном передавшей стороной.",
            "Алынған ақпарат, деректер, құжаттар мен техникалық жабдық оларды берген тарап "
            "белгілеген деңгейде қорғалады.",
        ),
    ),
    Rule(
        code="spontaneous_information",
        citation=c("7.1"),
        summary=s(
            "Cooperation runs on protocols between competent authorities or on requests; an "
            "authority may also act on its own initiative when this serves the agreement's aims "
            "and is lawful.",
            "Сотрудничество ведётся на основе протоколов между компетентными органами или по "
            "запросам; орган может действовать и по собственной инициативе, если это отвечает "
            "целям соглашения и не противоречит законодательству.",
            "Ынтымақтастық құзыретті органдар арасындағы хаттамалар негізінде немесе сұрау салу "
            "бойынша жүреді; орган келісімнің мақсаттарына сай әрі заңға қайшы келмесе, өз "
            "бастамасымен де әрекет ете алады.",
        ),
    ),
    Rule(
        code="competent_authorities",
        citation=c("8.1"),
        summary=s(
            "Direct cooperation is carried out by the competent authorities empowered to conclude "
            "and apply cooperation protocols and programmes.",
            "Непосредственное сотрудничество осуществляют компетентные органы, уполномоченные "
            "заключать и применять протоколы и программы сотрудничества.",
            "Тікелей ынтымақтастықты ынтымақтастық хаттамалары мен бағдарламаларын жасасуға және "
            "қолдануға уәкілетті құзыретті органдар жүзеге асырады.",
        ),
    ),
    Rule(
        code="contact_details",
        citation=c("8.2"),
        summary=s(
            "Soon after entry into force the sides name their competent authorities through "
            "diplomatic channels, with addresses, phone and fax numbers, and report any change at "
            "once.",
            "Вскоре после вступления в силу стороны сообщают по дипломатическим каналам свои "
            "компетентные органы с адресами, телефонами и факсами и незамедлительно извещают об "
            "изменениях.",
            "Күшіне енгеннен кейін тараптар тез арада дипломатиялық арналар арқылы құзыретті "
            "органдарын мекенжайларымен, телефон және факс нөмірлерімен хабарлайды, өзгерістер "
            "туралы дереу хабар береді.",
        ),
    ),
    Rule(
        code="joint_commission",
        citation=c("9"),
        summary=s(
            "When needed, the sides set up a joint commission of their competent authorities to "
            "coordinate and assess cooperation.",
            "При необходимости стороны создают совместную комиссию из представителей компетентных "
            "органов для координации и оценки сотрудничества.",
            "Қажет болғанда тараптар ынтымақтастықты үйлестіру және бағалау үшін құзыретті "
            "органдардың өкілдерінен бірлескен комиссия құрады.",
        ),
    ),
    Rule(
        code="other_treaties_unaffected",
        citation=c("10"),
        summary=s(
            "The agreement leaves the sides' rights and duties under other treaties untouched.",
            "Соглашение не затрагивает права и обязательства сторон по другим международным "
            "договорам.",
            "Келісім тараптардың басқа халықаралық шарттардан туындайтын құқықтары мен "
            "міндеттемелерін қозғамайды.",
        ),
    ),
    Rule(
        code="costs",
        citation=c("11"),
        summary=s(
            "Each side pays its own costs of applying the agreement, unless another arrangement is "
            "agreed for a given case.",
            "Каждая сторона сама несёт свои расходы по выполнению соглашения, если в конкретном "
            "случае не согласован иной порядок.",
            "Нақты жағдайда өзгеше келісілмесе, әр тарап келісімді орындау шығыстарын өзі "
            "көтереді.",
        ),
    ),
    Rule(
        code="amendments",
        citation=c("12.3"),
        summary=s(
            "Changes are agreed in writing and enter into force in the same way as the agreement.",
            "Изменения согласуются письменно и вступают в силу в том же порядке, что и соглашение.",
            "Өзгерістер жазбаша келісіледі және келісім сияқты тәртіппен күшіне енеді.",
        ),
    ),
)


# --- parties (Art 8.2: competent authorities notified through diplomatic channels) ---------------
# The names are those notified under 8.2; the first of each side is proposed first.
PARTIES = (
    Party(state=KAZAKHSTAN, designation=c("8.2"),
          shared_authorities=(INTERIOR, NATIONAL_SECURITY, FINANCIAL_MONITORING, GENERAL_PROSECUTOR)),
    Party(
        state=SLOVAKIA,
        designation=c("8.2"),
        authorities=(
            AuthorityInfo(code="sk-police-presidium", kind=AuthorityKind.COMPETENT,
                          address="Bratislava",
                          name=s("Presidium of the Police Force of the Slovak Republic",
                                 "Президиум Полицейского корпуса Словацкой Республики",
                                 "Словак Республикасы Полиция корпусының Президиумы")),
            AuthorityInfo(code="sk-interior", kind=AuthorityKind.COMPETENT, address="Bratislava",
                          name=s("Ministry of Interior of the Slovak Republic",
                                 "Министерство внутренних дел Словацкой Республики",
                                 "Словак Республикасының Ішкі істер министрлігі")),
        ),
    ),
)


# --- registers: use conditions, spontaneous information, onward transfer, personal-data duties,
# costs, counterpart notices ---------------------------------------------------------------------
REGISTER_USE_CONDITIONS = UseConditionsRule(
    code="register_use_conditions",
    citation=c("5.1"),
    # 5.1 names no consent: data serve only the purposes and conditions the supplier set, so a
    # wider use needs the supplier to widen them (recorded as its consent).
    other_use_consent=c("5.1"),
    consent_always_needed=True,
    summary=s(
        "Data on persons are used only for the purposes and on the conditions the supplying side "
        "set; another use needs the supplier to extend them first.",
        "Сведения о лицах используются только в целях и на условиях, установленных передавшей "
        "стороной; иное использование требует, чтобы она сначала их расширила.",
        "Адамдар туралы мәліметтер тек беруші тарап белгілеген мақсаттарда және шарттарда "
        "пайдаланылады; өзгеше пайдалану үшін ол алдымен оларды кеңейтуі қажет.",
    ),
)
REGISTER_SPONTANEOUS_INFORMATION = SpontaneousInformationRule(
    code="register_spontaneous_information",
    citation=c("7.1"),
    conditions=c("5.1"),
    summary=s(
        "Competent authorities may also act on their own initiative where this serves the "
        "agreement and national law allows; data on persons sent so are used on the supplier's "
        "purposes and conditions (Art 5.1).",
        "Компетентные органы вправе действовать и по собственной инициативе, если это отвечает "
        "целям соглашения и не противоречит национальному праву; переданные так сведения о лицах "
        "используются в целях и на условиях передавшей стороны (ст. 5.1).",
        "Құзыретті органдар, егер бұл келісімнің мақсаттарына сай болса және ұлттық заңнамаға "
        "қайшы келмесе, өз бастамасымен де әрекет ете алады; осылай берілген адамдар туралы "
        "мәліметтер беруші тараптың мақсаттары мен шарттарында пайдаланылады (5.1-бап).",
    ),
)
REGISTER_ONWARD_TRANSFER = OnwardTransferRule(
    code="register_onward_transfer",
    citation=c("6.2"),
    materials=frozenset({MaterialKind.INFORMATION, MaterialKind.PERSONAL_DATA,
                         MaterialKind.DOCUMENTS, MaterialKind.EQUIPMENT}),
    foreign_recipients=frozenset({RecipientKind.THIRD_STATE,
                                  RecipientKind.INTERNATIONAL_ORGANISATION,
                                  RecipientKind.OTHER_THIRD_PARTY}),
    domestic_recipients=c("5.3"),
    summary=s(
        "Information, data, documents or technical equipment go to third parties only with the "
        "supplying side's written consent (6.2); data on persons go only to the competent body "
        "fighting organised crime, and to other bodies only with written consent (5.3).",
        "Информация, данные, документы или техническое оборудование передаются третьим лицам "
        "только с письменного согласия передавшей стороны (6.2); сведения о лицах — только "
        "органу, ведущему борьбу с организованной преступностью, другим органам — лишь с "
        "письменного согласия (5.3).",
        "Ақпарат, деректер, құжаттар немесе техникалық жабдық үшінші тұлғаларға тек беруші "
        "тараптың жазбаша келісімімен беріледі (6.2); адамдар туралы деректер тек ұйымдасқан "
        "қылмысқа қарсы күресетін органға, басқа органдарға тек жазбаша келісіммен (5.3).",
    ),
)
REGISTER_PERSONAL_DATA_DUTIES = PersonalDataDutiesRule(
    code="register_personal_data_duties",
    citation=c("5"),
    destruction_on_termination=c("5.6"),
    inaccuracy_notice=c("5.4"),
    report_on_use=c("5.2"),
    summary=s(
        "The receiver reports on the use of data on persons when asked (5.2), corrects wrong "
        "data or destroys restricted data at once when told (5.4), and destroys the data "
        "received when the agreement ceases to apply (5.6).",
        "Получатель по просьбе сообщает об использовании сведений о лицах (5.2), после "
        "уведомления исправляет неверные или немедленно уничтожает ограниченные данные (5.4) и "
        "уничтожает полученные данные при прекращении действия соглашения (5.6).",
        "Алушы сұрау бойынша адамдар туралы деректердің пайдаланылуы туралы хабарлайды (5.2), "
        "хабарланғанда дұрыс емес деректерді түзетеді немесе шектеуге түсетін деректерді дереу "
        "жояды (5.4), келісімнің қолданылуы тоқтатылғанда алынған деректерді жояды (5.6).",
    ),
)
REGISTER_COSTS = CostsRule(
    code="register_costs",
    citation=c("11"),
    heads=(
        CostHeadRule(code="cost_own", citation=c("11"), borne_by=CostBearer.EACH_OWN,
                     summary=s(
                         "Each side pays its own costs, unless agreed otherwise for the case.",
                         "Каждая сторона несёт свои расходы, если для случая не согласовано иное.",
                         "Нақты жағдайға өзгеше келісілмесе, әр тарап өз шығыстарын көтереді.")),
    ),
    summary=s(
        "Each side pays its own costs of applying the agreement, unless another arrangement is "
        "agreed for a given case.",
        "Каждая сторона сама несёт свои расходы по выполнению соглашения, если в конкретном "
        "случае не согласован иной порядок.",
        "Нақты жағдайда өзгеше келісілмесе, әр тарап келісімді орындау шығыстарын өзі көтереді.",
    ),
)
REGISTER_AUTHORITY_NOTICES = AuthorityNoticesRule(
    code="register_authority_notices",
    citation=c("8.2"),
    contacts=c("8.2"),
    channel=Channel.DIPLOMATIC,
    changes_without_delay=True,
    summary=s(
        "The sides name their competent authorities with addresses, telephone and fax numbers "
        "through diplomatic channels, and notify each other of changes immediately.",
        "Стороны сообщают по дипломатическим каналам о своих компетентных органах с адресами, "
        "номерами телефонов и факсов и незамедлительно уведомляют друг друга об изменениях.",
        "Тараптар дипломатиялық арналар арқылы құзыретті органдары туралы мекенжайларын, телефон "
        "және факс нөмірлерін қоса хабарлайды және өзгерістер туралы бірін-бірі дереу хабардар "
        "етеді.",
    ),
)


RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.POLICE_COOPERATION,
    title=s(
        "Agreement between the Government of the Republic of Kazakhstan and the Government of the "
        "Slovak Republic on cooperation in combating organised crime, terrorism, illicit "
        "trafficking of narcotic drugs, psychotropic substances and precursors and other crime",
        "Соглашение между Правительством Республики Казахстан и Правительством Словацкой "
        "Республики о сотрудничестве в борьбе с организованной преступностью, терроризмом, "
        "незаконным оборотом наркотических средств, психотропных веществ и прекурсоров и другими "
        "видами преступности",
        "Қазақстан Республикасының Үкіметі мен Словак Республикасының Үкіметі арасындағы "
        "Ұйымдасқан қылмысқа, терроризмге, есірткі құралдарының, психотроптық заттардың, "
        "прекурсорлардың заңсыз айналымына және қылмыстың өзге де түрлеріне қарсы күрестегі "
        "ынтымақтастық туралы келісім",
    ),
    short_title=s(
        "Kazakhstan–Slovakia organised crime cooperation agreement (2007)",
        "Соглашение Казахстан–Словакия о сотрудничестве в борьбе с организованной преступностью "
        "(2007)",
        "Қазақстан–Словакия ұйымдасқан қылмысқа қарсы күрестегі ынтымақтастық туралы келісім "
        "(2007)",
    ),
    parties=PARTIES,
    signed_on=None,  # left blank in the published text
    signed_at="",
    approval_act=(
        "Resolution of the Government of the Republic of Kazakhstan No 1119 of 20 November 2007 "
        "(approves the draft)"
    ),
    entry_into_force=Rule(
        code="entry_into_force",
        citation=c("12.1"),
        summary=s(
            "Enters into force on the thirtieth day after the last diplomatic notice that internal "
            "procedures are complete; the text gives no date, so the office records it.",
            "Вступает в силу на тридцатый день после получения последнего дипломатического "
            "уведомления о выполнении внутригосударственных процедур; дата в тексте не указана и "
            "вносится ведомством.",
            "Мемлекетішілік рәсімдердің орындалғаны туралы соңғы дипломатиялық хабарлама "
            "алынғаннан кейін отызыншы күні күшіне енеді; мәтінде күні көрсетілмеген, оны мекеме "
            "енгізеді.",
        ),
    ),
    entry_into_force_date=None,
    # Office policy: the date the office recorded; the text states none.
    entry_into_force_office_date=date(2008, 6, 1),
    termination=TermRule(
        code="termination",
        citation=c("12.2"),
        months=6,
        summary=s(
            "Concluded without time limit; either side may end it by written notice through "
            "diplomatic channels, and it stops applying six months after the notice is received.",
            "Заключено на неопределённый срок; любая сторона может прекратить его письменным "
            "уведомлением по дипломатическим каналам, и оно перестаёт действовать через шесть "
            "месяцев после получения уведомления.",
            "Мерзімсіз жасалған; кез келген тарап дипломатиялық арналар арқылы жазбаша хабарлама "
            "жіберіп, оны тоқтата алады, келісім хабарлама алынған күннен бастап алты ай өткен соң "
            "қолданылуын тоқтатады.",
        ),
    ),
    communication=ChannelRule(
        code="communication",
        citation=c("7.2"),
        channels_citation=c("7.2"),
        # 7.2: "or any other means agreed by the competent authorities".
        agreed_means=c("7.2"),
        authority_kind=AuthorityKind.COMPETENT,
        # 7.2: post, fax or any other means the competent authorities have agreed; 7.4: oral in
        # urgent cases. Electronic transmission is not named: it needs such an agreement.
        channels=frozenset({Channel.POST, Channel.FAX, Channel.ORAL}),
        summary=s(
            "Competent authorities cooperate directly. Written requests go by post, by fax or by "
            "another means the competent authorities have agreed; urgent requests may be oral.",
            "Компетентные органы сотрудничают напрямую. Письменные запросы направляются почтой, "
            "факсом или иным согласованным компетентными органами способом; срочные — устно.",
            "Құзыретті органдар тікелей ынтымақтасады. Жазбаша сұрау салу поштамен, факспен немесе "
            "құзыретті органдар келіскен өзге тәсілмен жіберіледі; шұғыл сұрау салу ауызша "
            "жасалуы мүмкін.",
        ),
    ),
    written_form=Rule(
        code="written_form",
        citation=c("7.2"),
        summary=s(
            "A request is made in writing; under 7.3 it is signed and sealed with the requesting "
            "competent authority's official seal.",
            "Запрос подаётся в письменной форме; согласно п. 7.3 он подписывается и скрепляется "
            "гербовой печатью запрашивающего компетентного органа.",
            "Сұрау салу жазбаша нысанда беріледі; 7.3-тармаққа сәйкес оған қол қойылып, сұрау "
            "салушы құзыретті органның елтаңбалы мөрімен бекітіледі.",
        ),
    ),
    scope=Rule(
        code="scope",
        citation=c("2"),
        summary=s(
            "The forms of cooperation the agreement provides: information exchange, searches for persons and objects, help in investigations, samples, experts, witness protection and the others listed.",
            "Формы сотрудничества по соглашению: обмен информацией, розыск лиц и предметов, помощь в расследовании, образцы, эксперты, защита свидетелей и другие перечисленные формы.",
            "Келісімде көзделген ынтымақтастық нысандары: ақпарат алмасу, адамдар мен заттарды іздеу, тергеуге көмек, үлгілер, сарапшылар, куәларды қорғау және басқа да аталған нысандар.",
        ),
    ),
    assistance_types=ASSISTANCE_TYPES,
    mandatory_contents=MANDATORY_CONTENTS,
    language=LanguageRule(
        code="language",
        citation=c("8.3"),
        accepted_languages=("en",),
        waivable_by_agreement=True,
        summary=s(
            "Competent authorities exchange information in English unless they agree otherwise "
            "for a given case.",
            "Компетентные органы обмениваются информацией на английском языке, если в конкретном "
            "случае не договорились об ином.",
            "Нақты жағдайда өзгеше келісілмесе, құзыретті органдар ағылшын тілінде ақпарат "
            "алмасады.",
        ),
    ),
    oral_requests=OralRequestRule(
        code="oral_requests",
        citation=c("7.4"),
        urgent_only=True,
        confirmation_hours=24,
        summary=s(
            "When urgent, a request may be made orally; a written confirmation must then be sent "
            "within 24 hours.",
            "В срочных случаях запрос может быть устным; письменное подтверждение направляется в "
            "течение 24 часов.",
            "Шұғыл жағдайда сұрау салу ауызша жасалуы мүмкін; жазбаша растау 24 сағат ішінде "
            "жіберілуге тиіс.",
        ),
    ),
    additional_information=Rule(
        code="additional_information",
        citation=c("7.5"),
        summary=s(
            "Where needed, further information for carrying out the request may be asked for.",
            "При необходимости может быть запрошена дополнительная информация для исполнения "
            "запроса.",
            "Қажет болған жағдайда сұрау салуды орындау үшін қосымша ақпарат сұратылуы мүмкін.",
        ),
    ),
    prompt_execution=Rule(
        code="urgent_execution",
        citation=c("7.5"),
        summary=s(
            "The requested competent authority carries out the request without delay.",
            "Запрашиваемый компетентный орган исполняет запрос без промедления.",
            "Сұрау салынған құзыретті орган сұрау салуды кідіріссіз орындайды.",
        ),
    ),
    refusal_grounds=REFUSAL_GROUNDS,
    refusal_reasons=Rule(
        code="refusal_reasons",
        citation=c("7.7"),
        summary=s(
            "The requested side promptly tells the requesting side why it refused a request or "
            "executed it only in part.",
            "Запрашиваемая сторона оперативно сообщает запрашивающей стороне причины отказа или "
            "частичного исполнения запроса.",
            "Сұрау салынған тарап сұрау салушы тарапқа бас тарту немесе ішінара орындау себептерін "
            "жедел хабарлайды.",
        ),
    ),
    partial_execution_reasons_required=True,
    personal_data=PersonalDataRule(
        code="personal_data",
        citation=c("5"),
        register=c("5.7"),
        deletion_term=c("5.6"),
        supplier_informed_of_deletion=c("5.6"),
        onward_transfer_consent=c("6.2"),
        summary=s(
            "Data on offenders and suspects are protected: each side keeps a register of sending, "
            "receipt and destruction; the supplying side states the maximum destruction term and "
            "is told of each destruction and its grounds; passing material to third parties needs "
            "its written consent.",
            "Данные о преступниках и подозреваемых защищаются: каждая сторона ведёт реестр "
            "отправки, получения и уничтожения; передающая сторона сообщает предельный срок "
            "уничтожения и извещается о каждом уничтожении и его основании; передача третьим лицам "
            "требует её письменного согласия.",
            "Қылмыскерлер мен күдіктілер туралы деректер қорғалады: әр тарап жөнелту, алу және жою "
            "тіркелімін жүргізеді; деректерді берген тарап жоюдың шекті мерзімін хабарлайды және "
            "әр жою мен оның негізі туралы хабардар етіледі; үшінші тұлғаларға беру үшін оның "
            "жазбаша келісімі қажет.",
        ),
    ),
    other_rules=OTHER_RULES,
    duties=(
        DutyRule(
            code="duty_notice_of_refusal",
            citation=c("7.7"),
            event=DutyEvent.REFUSAL,
            immediate=True,
            summary=s(
                "The requested side promptly tells the requesting side why it refuses the "
                "request.",
                "Запрашиваемая сторона оперативно сообщает запрашивающей стороне причины отказа в "
                "исполнении запроса.",
                "Сұрау салынған тарап сұрау салушы тарапқа сұрау салуды орындаудан бас тарту "
                "себептері туралы жедел хабарлайды.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_partial_execution",
            citation=c("7.7"),
            event=DutyEvent.PARTIAL_EXECUTION,
            immediate=True,
            summary=s(
                "The requested side promptly tells the requesting side why the request was "
                "executed only in part.",
                "Запрашиваемая сторона оперативно сообщает запрашивающей стороне причины "
                "частичного исполнения запроса.",
                "Сұрау салынған тарап сұрау салушы тарапқа сұрау салудың ішінара орындалу "
                "себептері туралы жедел хабарлайды.",
            ),
        ),
    ),
    use_conditions=REGISTER_USE_CONDITIONS,
    spontaneous_information_register=REGISTER_SPONTANEOUS_INFORMATION,
    onward_transfer=REGISTER_ONWARD_TRANSFER,
    personal_data_duties=REGISTER_PERSONAL_DATA_DUTIES,
    costs=REGISTER_COSTS,
    authority_notices=REGISTER_AUTHORITY_NOTICES,
)
