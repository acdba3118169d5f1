"""Kazakhstan - Czech Republic: Agreement between the Governments on cooperation in combating crime.

Signed in Astana on 23 November 2017; approved by Government Resolution No 411 of 9 July 2018; in
force since 1 September 2018 (the date is noted in the published Kazakh text). A police cooperation
agreement between competent authorities: it expressly excludes legal assistance in criminal matters
(Art 1.2).

Citation convention: "9.1" is Art 9 paragraph 1. Articles 3, 4 and 10 have numbered points only
(no paragraphs), so "4.4" there means point 4) of Art 4 and "10.6" point 6) of Art 10.

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
from .states import CZECH_REPUBLIC

SLUG = "kz-cz-2017"

c = citer(SLUG)  # c("3.2.a") -> Art 3, paragraph 2, sub-paragraph a of this instrument
s = Summary  # s(en, ru, kk)


# --- assistance types (Art 3-7) ------------------------------------------------------------------
ASSISTANCE_TYPES = (
    AssistanceTypeRule(
        code="information_exchange",
        citation=c("3.1"),
        summary=s(
            "Exchange of information and documents on crimes, suspects and persons involved, links "
            "between offenders and organised groups and their structure; Art 3 also covers planned "
            "crimes, suspicious transactions, illegal migration, new forms of crime, research "
            "results and legislation.",
            "Обмен информацией и документами о преступлениях, подозреваемых и причастных лицах, "
            "связях преступников, организованных группах и их структуре; ст. 3 охватывает также "
            "планируемые преступления, подозрительные операции, незаконную миграцию, новые формы "
            "преступности, результаты исследований и законодательство.",
            "Қылмыстар, күдіктілер мен оларға қатысы бар адамдар, қылмыскерлер арасындағы "
            "байланыстар, ұйымдасқан топтар мен олардың құрылымы туралы ақпарат пен құжаттар "
            "алмасу; 3-бап сондай-ақ жоспарланған қылмыстарды, күдікті операцияларды, заңсыз "
            "көші-қонды, қылмыстың жаңа нысандарын, зерттеу нәтижелері мен заңнаманы қамтиды.",
        ),
    ),
    AssistanceTypeRule(
        code="samples",
        citation=c("3.5"),
        summary=s(
            "Information on objects connected with crimes, with samples of them where possible.",
            "Сведения о предметах, связанных с преступлениями, с передачей их образцов, если это "
            "возможно.",
            "Қылмыстармен байланысты заттар туралы ақпарат, мүмкін болса, олардың үлгілерімен "
            "бірге.",
        ),
    ),
    AssistanceTypeRule(
        code="search_for_persons",
        citation=c("4.1"),
        summary=s(
            "Coordinated search for persons suspected of crimes and for persons evading criminal "
            "liability or their sentence; Art 7 adds exchange of information on wanted persons.",
            "Согласованный розыск лиц, подозреваемых в преступлениях, и лиц, уклоняющихся от "
            "уголовной ответственности или наказания; ст. 7 добавляет обмен сведениями о "
            "разыскиваемых.",
            "Қылмыс жасады деп күдіктілерді және қылмыстық жауаптылықтан немесе жазасын өтеуден "
            "жалтарған адамдарды үйлестіре отырып іздеу; 7-бап іздестірілетін адамдар туралы "
            "ақпарат алмасуды қосады.",
        ),
    ),
    AssistanceTypeRule(
        code="missing_persons",
        citation=c("4.2"),
        summary=s(
            "Search for missing persons, including identification of persons and of bodies; Art 7 "
            "adds exchange of information on missing persons.",
            "Розыск пропавших без вести, включая установление личности и опознание трупов; ст. 7 "
            "добавляет обмен сведениями о пропавших.",
            "Хабарсыз кеткен адамдарды іздеу, оның ішінде адамның жеке басын анықтау және "
            "мәйіттерді тану; 7-бап хабарсыз кеткендер туралы ақпарат алмасуды қосады.",
        ),
    ),
    AssistanceTypeRule(
        code="search_for_objects",
        citation=c("4.3"),
        summary=s(
            "Coordinated search for objects.",
            "Согласованный розыск предметов.",
            "Заттарды үйлестіре отырып іздеу.",
        ),
    ),
    AssistanceTypeRule(
        code="special_investigative_techniques",
        citation=c("4.4"),
        summary=s(
            "Help in preparing and organising special investigative methods such as surveillance "
            "and undercover operations.",
            "Содействие в подготовке и организации специальных методов расследования, таких как "
            "наблюдение и негласные операции.",
            "Бақылау және құпия операциялар сияқты тергеудің арнайы әдістерін дайындауға және "
            "ұйымдастыруға көмек.",
        ),
    ),
    AssistanceTypeRule(
        code="controlled_delivery",
        citation=c("4.4"),
        summary=s(
            "Help in preparing and organising controlled deliveries, one of the special "
            "investigative methods the agreement names.",
            "Содействие в подготовке и организации контролируемых поставок как одного из названных "
            "в соглашении специальных методов расследования.",
            "Келісімде аталған тергеудің арнайы әдістерінің бірі ретінде бақыланатын "
            "жеткізілімдерді дайындауға және ұйымдастыруға көмек.",
        ),
    ),
    AssistanceTypeRule(
        code="experts_and_training",
        citation=c("5.1"),
        summary=s(
            "Competent authorities may send experts to the other side's authorities to help it or "
            "to coordinate action against particular crimes; training cooperation is in Art 8.",
            "Компетентные органы могут направлять экспертов к органам другой стороны для помощи "
            "или координации борьбы с отдельными преступлениями; сотрудничество в обучении — ст. "
            "8.",
            "Құзыретті органдар көмек көрсету немесе жекелеген қылмыстарға қарсы іс-қимылды "
            "үйлестіру үшін екінші тараптың органдарына сарапшылар жібере алады; оқытудағы "
            "ынтымақтастық 8-бапта.",
        ),
    ),
    AssistanceTypeRule(
        code="operational_assistance",
        citation=c("5.2"),
        summary=s(
            "Officers sent to the other state give advisory and supporting help there and follow "
            "the instructions of that state's competent authorities.",
            "Направленные сотрудники оказывают на территории другого государства консультативную и "
            "вспомогательную помощь, соблюдая указания его компетентных органов.",
            "Жіберілген қызметкерлер екінші мемлекеттің аумағында кеңес беру және қосалқы көмек "
            "көрсетеді, сол мемлекеттің құзыретті органдарының нұсқауларын сақтайды.",
        ),
    ),
    AssistanceTypeRule(
        code="travel_documents",
        citation=c("6.1"),
        summary=s(
            "Passing information on lost or stolen travel documents of every kind and on stolen or "
            "cancelled blank forms.",
            "Передача сведений об утраченных или похищенных проездных документах всех видов и о "
            "похищенных или аннулированных бланках.",
            "Жоғалған немесе ұрланған барлық үлгідегі жол жүру құжаттары және ұрланған не күші "
            "жойылған бланкілер туралы ақпарат беру.",
        ),
    ),
)

# --- refusal (Art 9.4) ---------------------------------------------------------------------------
REFUSAL_GROUNDS = (
    GroundRule(
        code="refusal_sovereignty_security_interests",
        citation=c("9.4"),
        summary=s(
            "Help may be refused in whole or in part if satisfying the request could threaten the "
            "requested state's sovereignty, security or other important interests.",
            "В помощи можно отказать полностью или частично, если исполнение запроса может "
            "угрожать суверенитету, безопасности или иным важным интересам запрашиваемого "
            "государства.",
            "Сұрау салуды орындау сұрау салынған мемлекеттің егемендігіне, қауіпсіздігіне немесе "
            "өзге де маңызды мүдделеріне қатер төндіруі мүмкін болса, көмектен толық немесе "
            "ішінара бас тартуға болады.",
        ),
    ),
    GroundRule(
        code="refusal_contrary_to_law_or_obligations",
        citation=c("9.4"),
        summary=s(
            "Help may be refused in whole or in part if satisfying the request would conflict with "
            "the requested state's national law or its international obligations.",
            "В помощи можно отказать полностью или частично, если исполнение запроса противоречит "
            "национальному законодательству или международным обязательствам запрашиваемого "
            "государства.",
            "Сұрау салуды орындау сұрау салынған мемлекеттің ұлттық заңнамасына немесе халықаралық "
            "міндеттемелеріне қайшы келсе, көмектен толық немесе ішінара бас тартуға болады.",
        ),
    ),
)

# --- shown to users, not enforced by a guard -----------------------------------------------------
OTHER_RULES = (
    Rule(
        code="crime_scope",
        citation=c("2"),
        summary=s(
            "The sides cooperate against every kind of crime, among others organised crime, "
            "terrorism, trafficking in human beings, drug offences, cybercrime, corruption, money "
            "laundering and vehicle crime.",
            "Стороны сотрудничают в борьбе со всеми видами преступности, в том числе с "
            "организованной преступностью, терроризмом, торговлей людьми, наркопреступлениями, "
            "киберпреступностью, коррупцией, отмыванием денег и преступлениями с автотранспортом.",
            "Тараптар қылмыстың барлық түрлеріне, оның ішінде ұйымдасқан қылмысқа, терроризмге, "
            "адам саудасына, есірткі қылмыстарына, киберқылмысқа, сыбайлас жемқорлыққа, ақшаны "
            "жылыстатуға және автокөлікке қатысты қылмыстарға қарсы күресте ынтымақтасады.",
        ),
    ),
    Rule(
        code="joint_programmes",
        citation=c("4.5"),
        summary=s(
            "The competent authorities help each other plan and run joint programmes against "
            "crime.",
            "Компетентные органы помогают друг другу планировать и осуществлять совместные "
            "программы противодействия преступности.",
            "Құзыретті органдар қылмыстың жолын кесу жөніндегі бірлескен бағдарламаларды "
            "жоспарлауда және іске асыруда бір-біріне көмектеседі.",
        ),
    ),
    Rule(
        code="travel_document_information_minimum",
        citation=c("6.2"),
        summary=s(
            "Information on a lost or stolen travel document gives at least its number, type and "
            "status.",
            "Сведения о проездном документе включают как минимум его номер, тип и статус.",
            "Жол жүру құжаты туралы ақпаратта кемінде оның нөмірі, түрі және мәртебесі "
            "көрсетіледі.",
        ),
    ),
    Rule(
        code="travel_document_information_channel",
        citation=c("6.3"),
        summary=s(
            "Travel document information is passed on regularly, either directly between the "
            "competent authorities or through the Interpol database.",
            "Сведения о проездных документах передаются регулярно: напрямую между компетентными "
            "органами или через базу данных Интерпола.",
            "Жол жүру құжаттары туралы ақпарат тұрақты түрде құзыретті органдар арасында тікелей "
            "немесе Интерпол деректер базасы арқылы беріледі.",
        ),
    ),
    Rule(
        code="forged_travel_documents",
        citation=c("6.4"),
        summary=s(
            "The competent authorities tell each other when false travel documents are detected at "
            "border crossings.",
            "Компетентные органы сообщают друг другу о выявлении поддельных проездных документов "
            "при пересечении границы.",
            "Құзыретті органдар шекарадан өту кезінде жалған жол жүру құжаттарының анықталғаны "
            "туралы бір-біріне хабарлайды.",
        ),
    ),
    Rule(
        code="missing_and_wanted_persons_information",
        citation=c("7"),
        summary=s(
            "The competent authorities exchange information on missing and wanted persons, notably "
            "to fight trafficking in human beings.",
            "Компетентные органы обмениваются сведениями о пропавших без вести и разыскиваемых "
            "лицах, прежде всего для борьбы с торговлей людьми.",
            "Құзыретті органдар хабарсыз кеткен және іздестірілетін адамдар туралы, әсіресе адам "
            "саудасына қарсы күрес үшін ақпарат алмасады.",
        ),
    ),
    Rule(
        code="training_cooperation",
        citation=c("8"),
        summary=s(
            "Cooperation in training: taking part in the other side's courses, joint seminars and "
            "trainings, exchange of experts and of training programmes.",
            "Сотрудничество в обучении: участие в курсах другой стороны, совместные семинары и "
            "тренинги, обмен экспертами и учебными программами.",
            "Оқытудағы ынтымақтастық: екінші тараптың курстарына қатысу, бірлескен семинарлар мен "
            "тренингтер, сарапшылармен және оқу бағдарламаларымен алмасу.",
        ),
    ),
    Rule(
        code="forwarding_to_competent_authority",
        citation=c("9.2"),
        summary=s(
            "An authority that receives a request outside its competence passes it on to the "
            "authority that is competent.",
            "Орган, получивший запрос не по своей компетенции, пересылает его компетентному "
            "органу.",
            "Өз құзыретіне жатпайтын сұрау салуды алған орган оны құзыретті органға жібереді.",
        ),
    ),
    Rule(
        code="spontaneous_information",
        citation=c("9.3"),
        summary=s(
            "Without being asked, competent authorities share facts on individual cases when they "
            "think it may help the other side avert threats to public order or security or fight "
            "crime.",
            "Без запроса компетентные органы сообщают сведения об отдельных случаях, если "
            "считают, что это поможет другой стороне устранить угрозы общественному порядку или "
            "безопасности либо бороться с преступностью.",
            "Құзыретті органдар екінші тарапқа қоғамдық тәртіпке немесе қауіпсіздікке төнген "
            "қатерлерді жоюға не қылмыспен күресуге көмектеседі деп санаса, жекелеген оқиғалар "
            "туралы мәліметті сұрау салусыз хабарлайды.",
        ),
    ),
    Rule(
        code="data_use_purpose",
        citation=c("10.1"),
        summary=s(
            "Personal data received may serve only to fight crime and related procedures and to "
            "protect public order and security, on the supplier's conditions; any other use needs "
            "its prior written consent.",
            "Полученные персональные данные используются лишь для борьбы с преступностью и "
            "связанных процедур, охраны общественного порядка и безопасности на условиях "
            "передавшей стороны; иное использование — только с её предварительного письменного "
            "согласия.",
            "Алынған дербес деректер жолдаушы тараптың шарттарымен тек қылмысқа қарсы күрес, соған "
            "байланысты рәсімдер және қоғамдық тәртіп пен қауіпсіздікті қорғау үшін пайдаланылады; "
            "өзге мақсатқа тек оның алдын ала жазбаша келісімімен.",
        ),
    ),
    Rule(
        code="sensitive_data",
        citation=c("10.2"),
        summary=s(
            "Data on national, racial or ethnic origin, political views, religious or "
            "philosophical beliefs, criminal record, health or sex life are sent only when "
            "necessary.",
            "Данные о национальном, расовом или этническом происхождении, политических взглядах, "
            "религиозных и философских убеждениях, судимости, здоровье и половой жизни передаются "
            "только при необходимости.",
            "Ұлттық, нәсілдік немесе этникалық тегі, саяси көзқарасы, діни және философиялық "
            "нанымы, соттылығы, денсаулығы мен жыныстық өмірі туралы деректер тек қажет болғанда "
            "беріледі.",
        ),
    ),
    Rule(
        code="report_on_use",
        citation=c("10.3"),
        summary=s(
            "If the supplier asks, the receiving side reports how it used the personal data and "
            "what came of it.",
            "По просьбе передавшей стороны получившая сторона сообщает, как использованы данные и "
            "каких результатов удалось достичь.",
            "Жолдаушы тарап сұраса, алушы тарап деректердің қалай пайдаланылғанын және қандай "
            "нәтижеге қол жеткізілгенін хабарлайды.",
        ),
    ),
    Rule(
        code="data_accuracy_correction",
        citation=c("10.4"),
        summary=s(
            "The supplier sends only accurate data in the measure needed; if data turn out wrong "
            "or should not have been sent, the receiver is told at once and corrects or destroys "
            "them.",
            "Передающая сторона отвечает за точность и соразмерность данных; если они оказались "
            "неверными или не подлежали передаче, получатель сразу уведомляется и исправляет или "
            "уничтожает их.",
            "Жолдаушы тарап деректердің дұрыстығын және қажетті көлемде берілуін қамтамасыз етеді; "
            "деректер қате не берілмеуге тиіс болып шықса, алушыға дереу хабарланады, ол оларды "
            "түзетеді немесе жояды.",
        ),
    ),
    Rule(
        code="data_deletion",
        citation=c("10.5"),
        summary=s(
            "Personal data are destroyed once no longer needed, even before the term the supplier "
            "gave; when the agreement ends, all personal data received under it are destroyed.",
            "Персональные данные уничтожаются, как только отпала необходимость, даже до "
            "сообщённого срока; при прекращении соглашения уничтожаются все полученные по нему "
            "данные.",
            "Дербес деректер қажеттілігі жойылған бойда, хабарланған мерзімді күтпей жойылады; "
            "келісім тоқтаған кезде ол бойынша алынған барлық дербес деректер жойылады.",
        ),
    ),
    Rule(
        code="data_security",
        citation=c("10.7"),
        summary=s(
            "Each side shields the personal data received from accidental or unauthorised access, "
            "loss, alteration, transfer or disclosure.",
            "Каждая сторона защищает полученные данные от случайного или несанкционированного "
            "доступа, утраты, изменения, передачи или разглашения.",
            "Әр тарап алынған деректерді кездейсоқ немесе рұқсатсыз қол жеткізуден, жоғалудан, "
            "өзгертуден, беруден немесе жариялаудан қорғайды.",
        ),
    ),
    Rule(
        code="information_protection",
        citation=c("11.1"),
        summary=s(
            "Information, documents and other material exchanged get the protection national law "
            "requires.",
            "Переданные информация, документы и иные материалы получают защиту, необходимую по "
            "национальному законодательству.",
            "Алмасқан ақпарат, құжаттар және өзге материалдар ұлттық заңнама талап ететін "
            "қорғаумен қамтамасыз етіледі.",
        ),
    ),
    Rule(
        code="costs",
        citation=c("12"),
        summary=s(
            "Each side pays its own costs of applying the agreement within its budget, unless a "
            "different arrangement is agreed in advance for a given case.",
            "Каждая сторона сама несёт свои расходы в пределах выделенных средств, если для "
            "конкретного случая заранее не согласован иной порядок.",
            "Нақты жағдай үшін алдын ала өзгеше келісілмесе, әр тарап өз шығыстарын бөлінген "
            "қаражат шегінде өзі көтереді.",
        ),
    ),
    Rule(
        code="competent_authorities",
        citation=c("13.1"),
        summary=s(
            "Within 30 days of entry into force the sides name their competent authorities through "
            "diplomatic channels; those authorities cooperate directly within their powers.",
            "В течение 30 дней после вступления в силу стороны сообщают по дипломатическим каналам "
            "свои компетентные органы, которые сотрудничают напрямую в пределах компетенции.",
            "Күшіне енгеннен кейін 30 күн ішінде тараптар дипломатиялық арналар арқылы құзыретті "
            "органдарын хабарлайды; олар өз құзыреті шегінде тікелей ынтымақтасады.",
        ),
    ),
    Rule(
        code="contact_details",
        citation=c("13.2"),
        summary=s(
            "In the same 30 days the competent authorities swap addresses, phone and fax numbers "
            "and other contacts and, where possible, name a contact person who speaks the other "
            "side's language or English.",
            "В те же 30 дней компетентные органы обмениваются адресами, номерами телефонов и "
            "факсов и иными контактами и по возможности назначают контактное лицо, владеющее "
            "языком другой стороны или английским.",
            "Сол 30 күн ішінде құзыретті органдар мекенжайларымен, телефон және факс "
            "нөмірлерімен, өзге де байланыс деректерімен алмасады және мүмкіндігінше екінші "
            "тараптың тілін немесе ағылшын тілін білетін байланыс адамын тағайындайды.",
        ),
    ),
    Rule(
        code="contact_changes",
        citation=c("13.3"),
        summary=s(
            "Any change to the exchanged contact data is notified to the other side at once.",
            "Об изменении переданных контактных данных другая сторона уведомляется "
            "незамедлительно.",
            "Берілген байланыс деректері өзгерсе, бұл туралы екінші тарапқа дереу хабарланады.",
        ),
    ),
    Rule(
        code="disputes",
        citation=c("14"),
        summary=s(
            "Disputes over interpretation or application are settled by negotiation and "
            "consultation.",
            "Споры о толковании или применении разрешаются путём переговоров и консультаций.",
            "Түсіндіру немесе қолдану жөніндегі даулар келіссөздер мен консультациялар арқылы "
            "шешіледі.",
        ),
    ),
    Rule(
        code="other_treaties_unaffected",
        citation=c("15"),
        summary=s(
            "The agreement leaves the sides' rights and duties under other treaties untouched.",
            "Соглашение не затрагивает права и обязательства сторон по другим международным "
            "договорам.",
            "Келісім тараптардың басқа халықаралық шарттардан туындайтын құқықтары мен "
            "міндеттемелерін қозғамайды.",
        ),
    ),
    Rule(
        code="amendments",
        citation=c("16"),
        summary=s(
            "Changes are made by mutual consent in separate protocols that enter into force in the "
            "same way as the agreement.",
            "Изменения вносятся по взаимному согласию отдельными протоколами, вступающими в силу в "
            "порядке ст. 18.",
            "Өзгерістер өзара келісім бойынша жеке хаттамалармен ресімделеді және 18-бапта "
            "көзделген тәртіппен күшіне енеді.",
        ),
    ),
    Rule(
        code="replaced_1998_agreement",
        citation=c("18.3"),
        summary=s(
            "From its entry into force this agreement takes the place of the Kazakhstan–Czech "
            "agreement of 9 April 1998 on fighting organised crime, drug trafficking, terrorism "
            "and other dangerous crime.",
            "Со вступлением в силу соглашение заменяет казахстанско-чешское соглашение от 9 апреля "
            "1998 года о борьбе с организованной преступностью, наркотрафиком, терроризмом и иными "
            "опасными преступлениями.",
            "Күшіне енген күннен бастап бұл келісім ұйымдасқан қылмысқа, есірткі саудасына, "
            "терроризмге және өзге қауіпті қылмыстарға қарсы күрес туралы 1998 жылғы 9 сәуірдегі "
            "Қазақстан–Чехия келісімінің орнын басады.",
        ),
    ),
)


# --- parties (Art 13.1: competent authorities named through diplomatic channels) -----------------
# The names are those notified under 13.1; the first of each side is proposed first.
PARTIES = (
    Party(state=KAZAKHSTAN, designation=c("13.1"),
          shared_authorities=(INTERIOR, NATIONAL_SECURITY, FINANCIAL_MONITORING, GENERAL_PROSECUTOR)),
    Party(
        state=CZECH_REPUBLIC,
        designation=c("13.1"),
        authorities=(
            AuthorityInfo(code="cz-police-presidium", kind=AuthorityKind.COMPETENT,
                          address="Prague",
                          name=s("Police Presidium of the Czech Republic",
                                 "Полицейский президиум Чешской Республики",
                                 "Чех Республикасының Полиция президиумы")),
            AuthorityInfo(code="cz-interior", kind=AuthorityKind.COMPETENT, address="Prague",
                          name=s("Ministry of the Interior of the Czech Republic",
                                 "Министерство внутренних дел Чешской Республики",
                                 "Чех Республикасының Ішкі істер министрлігі")),
        ),
    ),
)


# --- registers: use conditions, spontaneous information, onward transfer, personal-data duties,
# costs, counterpart notices ---------------------------------------------------------------------
REGISTER_USE_CONDITIONS = UseConditionsRule(
    code="register_use_conditions",
    citation=c("10.1"),
    other_use_consent=c("10.1"),
    consent_always_needed=True,
    written_consent=True,
    summary=s(
        "Personal data received serve only to suppress crime, related procedures and public "
        "order and security, on the sender's conditions; any other use needs the sender's "
        "previously obtained written consent.",
        "Полученные персональные данные используются лишь для пресечения преступлений, связанных "
        "процедур и охраны порядка и безопасности на условиях передавшей стороны; иное "
        "использование — только с её заранее полученного письменного согласия.",
        "Алынған дербес деректер жолдаушы тараптың шарттарымен тек қылмыстың жолын кесу, "
        "байланысты рәсімдер, тәртіп пен қауіпсіздікті қорғау үшін пайдаланылады; өзгеше "
        "пайдалану тек оның алдын ала алынған жазбаша келісімімен.",
    ),
)
REGISTER_SPONTANEOUS_INFORMATION = SpontaneousInformationRule(
    code="register_spontaneous_information",
    citation=c("9.3"),
    conditions=c("10.1"),
    summary=s(
        "Competent authorities inform each other without a request when established facts show "
        "it can help the other side against threats to order or security or to suppress and "
        "uncover crime; personal data in it are used on the sender's conditions (Art 10.1).",
        "Компетентные органы без запроса информируют друг друга, если установленные факты "
        "показывают, что это поможет другой стороне против угроз порядку или безопасности либо в "
        "пресечении и раскрытии преступлений; персональные данные используются на условиях "
        "передавшей стороны (ст. 10.1).",
        "Құзыретті органдар анықталған фактілер екінші тарапқа тәртіп пен қауіпсіздікке "
        "төнген қатерге қарсы немесе қылмыстың жолын кесуге және ашуға көмектесетінін көрсетсе, "
        "бір-бірін сұраусыз хабардар етеді; дербес деректер жолдаушының шарттарымен "
        "пайдаланылады (10.1-бап).",
    ),
)
REGISTER_ONWARD_TRANSFER = OnwardTransferRule(
    code="register_onward_transfer",
    citation=c("11.2"),
    materials=frozenset({MaterialKind.INFORMATION, MaterialKind.PERSONAL_DATA,
                         MaterialKind.DOCUMENTS}),
    foreign_recipients=frozenset({RecipientKind.THIRD_STATE,
                                  RecipientKind.INTERNATIONAL_ORGANISATION}),
    summary=s(
        "Information and documents received under the agreement go to third states and "
        "international organisations only with the sending side's written consent.",
        "Сведения и документы, полученные по соглашению, передаются третьим государствам и "
        "международным организациям только с письменного согласия передавшей стороны.",
        "Келісім бойынша алынған ақпарат пен құжаттар үшінші мемлекеттерге және халықаралық "
        "ұйымдарға тек жолдаушы тараптың жазбаша келісімімен беріледі.",
    ),
)
REGISTER_PERSONAL_DATA_DUTIES = PersonalDataDutiesRule(
    code="register_personal_data_duties",
    citation=c("10"),
    destruction_on_termination=c("10.5"),
    inaccuracy_notice=c("10.4"),
    report_on_use=c("10.3"),
    summary=s(
        "The receiver reports on the use of personal data when the sender asks (10.3), corrects "
        "inaccurate data and destroys data that should not have been sent once told (10.4), and "
        "destroys all personal data obtained under the agreement when it expires (10.5).",
        "Получатель по просьбе передавшей стороны сообщает об использовании данных (10.3), "
        "исправляет неточные и уничтожает не подлежавшие передаче данные после уведомления "
        "(10.4) и уничтожает все полученные по соглашению данные при прекращении его действия "
        "(10.5).",
        "Алушы жолдаушы тарап сұраса, деректердің пайдаланылуы туралы хабарлайды (10.3), "
        "хабарланғаннан кейін дұрыс емес деректерді түзетеді және берілмеуге тиіс деректерді "
        "жояды (10.4), келісімнің қолданылуы тоқтағанда оның негізінде алынған барлық дербес "
        "деректерді жояды (10.5).",
    ),
)
REGISTER_COSTS = CostsRule(
    code="register_costs",
    citation=c("12"),
    heads=(
        CostHeadRule(code="cost_own", citation=c("12"), borne_by=CostBearer.EACH_OWN,
                     summary=s(
                         "Each side pays its own costs, unless agreed otherwise in advance.",
                         "Каждая сторона несёт свои расходы, если заранее не договорились иначе.",
                         "Алдын ала өзгеше келісілмесе, әр тарап өз шығыстарын көтереді.")),
    ),
    summary=s(
        "Each side pays the costs of applying the agreement within its budget, unless otherwise "
        "agreed in advance in a particular case.",
        "Каждая сторона несёт расходы по выполнению соглашения в пределах своих средств, если в "
        "конкретном случае заранее не договорились иначе.",
        "Нақты жағдайда алдын ала өзгеше келісілмесе, әр тарап келісімді орындау шығыстарын өз "
        "қаражаты шегінде көтереді.",
    ),
)
REGISTER_AUTHORITY_NOTICES = AuthorityNoticesRule(
    code="register_authority_notices",
    citation=c("13.1"),
    contacts=c("13.3"),
    channel=Channel.DIPLOMATIC,
    changes_without_delay=True,
    summary=s(
        "The competent authorities are named through diplomatic channels (13.1); contact details "
        "and a contact person are exchanged (13.2), and any change is notified immediately "
        "(13.3).",
        "Компетентные органы сообщаются по дипломатическим каналам (13.1); контактные данные и "
        "контактное лицо обмениваются (13.2), о любых изменениях сообщают незамедлительно (13.3).",
        "Құзыретті органдар дипломатиялық арналар арқылы хабарланады (13.1); байланыс деректері "
        "мен байланыс жасайтын адам алмасылады (13.2), кез келген өзгеріс туралы дереу хабарланады "
        "(13.3).",
    ),
)


RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.POLICE_COOPERATION,
    title=s(
        "Agreement between the Government of the Republic of Kazakhstan and the Government of the "
        "Czech Republic on cooperation in combating crime",
        "Соглашение между Правительством Республики Казахстан и Правительством Чешской Республики "
        "о сотрудничестве в борьбе с преступностью",
        "Қазақстан Республикасының Үкіметі мен Чех Республикасының Үкіметі арасындағы қылмысқа "
        "қарсы күрестегі ынтымақтастық туралы келісім",
    ),
    short_title=s(
        "Kazakhstan–Czech Republic crime-fighting cooperation agreement (2017)",
        "Соглашение Казахстан–Чехия о сотрудничестве в борьбе с преступностью (2017)",
        "Қазақстан–Чехия қылмысқа қарсы күрестегі ынтымақтастық туралы келісім (2017)",
    ),
    parties=PARTIES,
    signed_on=date(2017, 11, 23),
    signed_at="Astana",
    approval_act="Resolution of the Government of the Republic of Kazakhstan No 411 of 9 July 2018",
    entry_into_force=Rule(
        code="entry_into_force",
        citation=c("18.1"),
        summary=s(
            "In force from the first day of the second month after the last notice that internal "
            "procedures were completed; for this agreement that date was 1 September 2018.",
            "Вступает в силу в первый день второго месяца после получения последнего уведомления "
            "о выполнении внутригосударственных процедур; для этого соглашения — 1 сентября 2018 "
            "года.",
            "Мемлекетішілік рәсімдердің орындалғаны туралы соңғы хабарлама алынғаннан кейінгі "
            "екінші айдың бірінші күні күшіне енеді; бұл келісім үшін ол 2018 жылғы 1 қыркүйек.",
        ),
    ),
    entry_into_force_date=date(2018, 9, 1),
    termination=TermRule(
        code="termination",
        citation=c("18.2"),
        months=6,
        summary=s(
            "Concluded without time limit; either side may end it by written notice through "
            "diplomatic channels, and it stops applying six months after the other side receives "
            "that notice.",
            "Заключено на неопределённый срок; любая сторона может прекратить его письменным "
            "уведомлением по дипломатическим каналам, и оно перестаёт действовать через шесть "
            "месяцев после получения уведомления другой стороной.",
            "Мерзімсіз жасалған; кез келген тарап дипломатиялық арналар арқылы жазбаша хабарлама "
            "жіберіп, оны тоқтата алады, келісім екінші тарап хабарламаны алған күннен бастап алты "
            "ай өткен соң қолданылуын тоқтатады.",
        ),
    ),
    suspension=TermRule(
        code="suspension",
        citation=c("17"),
        days=15,
        summary=s(
            "Either side may suspend the agreement wholly or partly for state security, public "
            "order or public health; the suspension, and its lifting, take effect 15 days after "
            "the other side receives the diplomatic notice.",
            "Любая сторона может полностью или частично приостановить соглашение ради безопасности "
            "государства, общественного порядка или здоровья населения; приостановление и его "
            "отмена вступают в силу через 15 дней после получения дипломатического уведомления.",
            "Кез келген тарап мемлекет қауіпсіздігі, қоғамдық тәртіп немесе халық денсаулығы үшін "
            "келісімнің қолданылуын толық немесе ішінара тоқтата тұра алады; тоқтата тұру да, оның "
            "күшін жою да екінші тарап дипломатиялық хабарламаны алғаннан кейін 15 күн өткен соң "
            "күшіне енеді.",
        ),
    ),
    communication=ChannelRule(
        code="communication",
        citation=c("9.1"),
        channels_citation=c("9.1"),
        # 9.1: "electronic or other means", where the content of the request allows it.
        agreed_means=c("9.1"),
        authority_kind=AuthorityKind.COMPETENT,
        # 9.1: written request, electronic "or other" means where the content allows; oral in urgent
        # cases. Interpol is named in the text (6.3, travel-document data) and is one of the "other
        # means". Diplomatic channels are used only for notifications (13.1, 17, 18), not requests.
        channels=frozenset(
            {Channel.POST, Channel.FAX, Channel.ELECTRONIC, Channel.ORAL, Channel.INTERPOL}
        ),
        summary=s(
            "Competent authorities deal with each other directly. Requests are in writing and may "
            "be sent electronically or by other means where their content allows; in urgent cases "
            "they may be made orally.",
            "Компетентные органы взаимодействуют напрямую. Запросы направляются письменно, при "
            "допустимости содержания — электронными или иными средствами связи; в срочных случаях "
            "— устно.",
            "Құзыретті органдар бір-бірімен тікелей байланысады. Сұрау салу жазбаша жіберіледі, "
            "мазмұны мүмкіндік берсе, электрондық немесе өзге байланыс құралдары қолданылады; "
            "шұғыл жағдайда ауызша да жасалады.",
        ),
    ),
    written_form=Rule(
        code="written_form",
        citation=c("9.1"),
        summary=s(
            "Information and other help are given on a written request, handled under each side's "
            "national law.",
            "Информация и иная помощь предоставляются по письменному запросу в соответствии с "
            "национальным законодательством сторон.",
            "Ақпарат пен өзге де көмек тараптардың ұлттық заңнамасына сәйкес жазбаша сұрау салу "
            "бойынша беріледі.",
        ),
    ),
    scope=Rule(
        code="scope",
        citation=c("1.1"),
        summary=s(
            "What the agreement covers: cooperation of competent authorities in suppressing and "
            "detecting crime and identifying offenders, mainly by exchanging operational "
            "information; the forms are listed in Articles 3 to 7.",
            "Предмет соглашения: сотрудничество компетентных органов в пресечении и раскрытии "
            "преступлений и установлении преступников, прежде всего через обмен оперативной "
            "информацией; формы перечислены в статьях 3–7.",
            "Келісімнің мәні: құзыретті органдардың қылмыстың жолын кесу, оны ашу және "
            "қылмыскерлерді анықтау жөніндегі ынтымақтастығы, ең алдымен жедел ақпарат алмасу "
            "арқылы; нысандары 3–7-баптарда көрсетілген.",
        ),
    ),
    assistance_types=ASSISTANCE_TYPES,
    excludes_legal_assistance=Rule(
        code="excludes_legal_assistance",
        citation=c("1.2"),
        summary=s(
            "Cooperation under this agreement does not include legal assistance in criminal "
            "matters; such help has to be sought under a legal assistance instrument.",
            "Сотрудничество по соглашению не включает правовую помощь по уголовным делам; такую "
            "помощь запрашивают в рамках договоров о правовой помощи.",
            "Бұл келісім бойынша ынтымақтастық қылмыстық істер бойынша құқықтық көмекті "
            "қамтымайды; мұндай көмек құқықтық көмек туралы шарттар бойынша сұралады.",
        ),
    ),
    language=LanguageRule(
        code="language",
        citation=c("9.6"),
        accepted_languages=("en",),
        waivable_by_agreement=True,
        summary=s(
            "The competent authorities work in English when applying the agreement, unless they "
            "agree on something else.",
            "При выполнении соглашения компетентные органы пользуются английским языком, если не "
            "договорились об ином.",
            "Келісімді орындау кезінде құзыретті органдар, егер өзгеше уағдаласпаса, ағылшын тілін "
            "пайдаланады.",
        ),
    ),
    oral_requests=OralRequestRule(
        code="oral_requests",
        citation=c("9.1"),
        urgent_only=True,
        confirmation_hours=None,
        summary=s(
            "In urgent cases a request may be made orally and must then be confirmed in writing "
            "without delay; the text sets no number of hours.",
            "В срочных случаях запрос может быть устным, после чего его нужно безотлагательно "
            "подтвердить письменно; конкретного срока в часах текст не содержит.",
            "Шұғыл жағдайда сұрау салу ауызша жасалуы мүмкін, содан кейін оны кідіртпей жазбаша "
            "растау керек; мәтінде сағат саны белгіленбеген.",
        ),
    ),
    additional_information=Rule(
        code="additional_information",
        citation=c("9.2"),
        summary=s(
            "The requested competent authority may ask for more information when it needs it to "
            "satisfy the request.",
            "Запрашиваемый компетентный орган может затребовать дополнительную информацию, если "
            "она нужна для исполнения запроса.",
            "Сұрау салынған құзыретті орган сұрау салуды орындау үшін қажет болса, қосымша ақпарат "
            "талап ете алады.",
        ),
    ),
    prompt_execution=Rule(
        code="urgent_response",
        citation=c("9.2"),
        summary=s(
            "The requested competent authority deals with the request urgently.",
            "Запрашиваемый компетентный орган отвечает на запрос в срочном порядке.",
            "Сұрау салынған құзыретті орган сұрау салуға жедел түрде жауап береді.",
        ),
    ),
    refusal_grounds=REFUSAL_GROUNDS,
    refusal_reasons=Rule(
        code="refusal_reasons",
        citation=c("9.5"),
        summary=s(
            "If a request is refused or executed only in part, the requested side tells the other "
            "side in writing at once.",
            "При отказе в исполнении запроса или его частичном исполнении запрашиваемая сторона "
            "незамедлительно письменно сообщает об этом другой стороне.",
            "Сұрау салуды орындаудан бас тартылса немесе ол ішінара орындалса, сұрау салынған "
            "тарап бұл туралы екінші тарапқа дереу жазбаша хабарлайды.",
        ),
    ),
    conditions=Rule(
        code="conditions",
        citation=c("9.4"),
        summary=s(
            "The requested side may attach conditions to satisfying a request, and those "
            "conditions bind the requesting side.",
            "Запрашиваемая сторона может поставить условия исполнения запроса, и они обязательны "
            "для запрашивающей стороны.",
            "Сұрау салынған тарап сұрау салуды орындаудың шарттарын белгілей алады, ол шарттар "
            "сұрау салушы тарап үшін міндетті.",
        ),
    ),
    conditions_need_acceptance=False,
    # 9.5 asks for notice in writing, not for reasons (office policy asks for them).
    refusal_reasons_required=False,
    personal_data=PersonalDataRule(
        code="personal_data",
        citation=c("10"),
        register=c("10.6"),
        deletion_term=c("10.5"),
        supplier_informed_of_deletion=None,
        onward_transfer_consent=c("11.2"),
        sensitive_data=c("10.2"),
        summary=s(
            "Personal data exchanged are protected: each side records their transfer, receipt and "
            "destruction, the supplier states a destruction term when sending, and passing them to "
            "third states or international organisations needs the supplier's written consent.",
            "Передаваемые персональные данные защищаются: стороны ведут учёт их передачи, "
            "получения и уничтожения, передающая сторона сообщает срок уничтожения, а передача "
            "третьим государствам или международным организациям требует её письменного согласия.",
            "Берілетін дербес деректер қорғалады: тараптар оларды беру, алу және жою есебін "
            "жүргізеді, жолдаушы тарап жою мерзімін хабарлайды, ал үшінші мемлекеттерге немесе "
            "халықаралық ұйымдарға беру үшін оның жазбаша келісімі қажет.",
        ),
    ),
    other_rules=OTHER_RULES,
    duties=(
        DutyRule(
            code="duty_notice_of_refusal",
            citation=c("9.5"),
            event=DutyEvent.REFUSAL,
            immediate=True,
            in_writing=True,
            summary=s(
                "When a request is refused, the requested side tells the other side immediately "
                "and in writing.",
                "При отказе в исполнении запроса запрашиваемая сторона незамедлительно письменно "
                "уведомляет об этом другую сторону.",
                "Сұрау салуды орындаудан бас тартылғанда сұрау салынған тарап бұл туралы екінші "
                "тарапқа дереу жазбаша хабарлайды.",
            ),
        ),
        DutyRule(
            code="duty_notice_of_partial_execution",
            citation=c("9.5"),
            event=DutyEvent.PARTIAL_EXECUTION,
            immediate=True,
            in_writing=True,
            summary=s(
                "When a request is fulfilled only in part, the requested side tells the other "
                "side immediately and in writing.",
                "При частичном исполнении запроса запрашиваемая сторона незамедлительно письменно "
                "уведомляет об этом другую сторону.",
                "Сұрау салу ішінара орындалғанда сұрау салынған тарап бұл туралы екінші тарапқа "
                "дереу жазбаша хабарлайды.",
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
