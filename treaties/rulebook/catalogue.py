"""Shared vocabulary across instruments: the kinds of assistance.

Each rulebook lists which of these assistance types its instrument covers, with the article that
covers it. ``legal_assistance`` marks the types that are mutual legal assistance in criminal matters
(evidence for court, coercive measures, service, transfers of detainees): a police cooperation
agreement that excludes legal assistance (CZ Art 1.2) must refuse them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Re-exported (interface modules import it from here); Kazakhstan and its authorities are
# declared in ``home``, the other states with the rulebooks' parties.
from .home import HOME_STATE as HOME_STATE
from .schema import Summary


@dataclass(frozen=True)
class AssistanceType:
    code: str
    label: Summary
    legal_assistance: bool
    # Types whose execution involves a person summoned to appear (summons lead times apply).
    involves_appearance: bool = False


def _t(code: str, en: str, ru: str, kk: str, *, mla: bool, appearance: bool = False) -> AssistanceType:
    return AssistanceType(code, Summary(en=en, ru=ru, kk=kk), mla, appearance)


ASSISTANCE_TYPES: dict[str, AssistanceType] = {
    t.code: t
    for t in (
        # --- mutual legal assistance in criminal matters ---------------------------------------
        _t("service_of_documents", "Service of documents and summonses",
           "Вручение документов и повесток", "Құжаттар мен шақыру қағаздарын тапсыру",
           mla=True, appearance=True),
        _t("testimony", "Taking testimony or statements",
           "Получение показаний или заявлений", "Айғақтар немесе түсініктемелер алу",
           mla=True),
        _t("transfer_of_detainees", "Temporary transfer of detained persons",
           "Временная передача лиц, содержащихся под стражей",
           "Қамауда ұсталатын адамдарды уақытша беру", mla=True),
        _t("search_and_seizure", "Search and seizure", "Обыск и изъятие", "Тінту және алып қою",
           mla=True),
        _t("examination_of_objects", "Examination of objects, documents and places",
           "Осмотр предметов, документов и мест", "Заттарды, құжаттар мен орындарды қарау", mla=True),
        _t("documents_and_evidence", "Providing documents, records and evidence",
           "Предоставление документов, материалов и доказательств",
           "Құжаттарды, материалдар мен дәлелдемелерді беру", mla=True),
        _t("expert_examination", "Expert examination and expert opinions",
           "Экспертиза и заключения экспертов", "Сараптама және сарапшылардың қорытындылары",
           mla=True),
        _t("locating_persons", "Locating and identifying persons and objects",
           "Установление местонахождения и личности лиц, предметов",
           "Адамдар мен заттардың тұрған жерін және жеке басын анықтау", mla=True),
        _t("provisional_measures", "Tracing, freezing and seizure of proceeds and instrumentalities",
           "Розыск, арест и изъятие доходов и орудий преступления",
           "Қылмыстан түскен кірістер мен құралдарды іздеу, оларға тыйым салу және алып қою",
           mla=True),
        _t("confiscation", "Confiscation of proceeds and instrumentalities",
           "Конфискация доходов и орудий преступления",
           "Қылмыстан түскен кірістер мен құралдарды тәркілеу", mla=True),
        _t("asset_return", "Return of assets", "Возврат активов", "Активтерді қайтару", mla=True),
        _t("asset_sharing", "Sharing of confiscated assets", "Раздел конфискованных активов",
           "Тәркіленген активтерді бөлу", mla=True),
        _t("bank_information", "Bank and financial information",
           "Банковская и финансовая информация", "Банктік және қаржылық ақпарат", mla=True),
        _t("videoconference_hearing", "Hearing by videoconference",
           "Допрос посредством видеоконференции", "Бейнеконференция арқылы жауап алу",
           mla=True),
        _t("official_documents", "Copies of official documents and records",
           "Копии официальных документов и материалов",
           "Ресми құжаттар мен материалдардың көшірмелері", mla=True),
        _t("other_legal_assistance", "Other assistance allowed by the requested side's law",
           "Иная помощь, допускаемая законодательством запрашиваемой стороны",
           "Сұрау салынған тарап заңнамасы рұқсат ететін өзге де көмек", mla=True),
        # --- police cooperation ------------------------------------------------------------------
        _t("information_exchange", "Exchange of information on crimes, suspects and groups",
           "Обмен информацией о преступлениях, подозреваемых и группах",
           "Қылмыстар, күдіктілер және топтар туралы ақпарат алмасу", mla=False),
        _t("search_for_persons", "Search for suspects, fugitives and wanted persons",
           "Розыск подозреваемых, скрывшихся и разыскиваемых лиц",
           "Күдіктілерді, жасырынған және іздестірілетін адамдарды іздеу", mla=False),
        _t("missing_persons", "Search for missing persons and identification of bodies",
           "Розыск без вести пропавших и опознание трупов",
           "Хабарсыз кеткен адамдарды іздеу және мәйіттерді сәйкестендіру", mla=False),
        _t("search_for_objects", "Search for objects, including stolen vehicles",
           "Розыск предметов, включая похищенные транспортные средства",
           "Заттарды, оның ішінде ұрланған көлік құралдарын іздеу", mla=False),
        _t("travel_documents", "Information on lost or stolen travel documents",
           "Информация об утраченных или похищенных проездных документах",
           "Жоғалған немесе ұрланған жол жүру құжаттары туралы ақпарат", mla=False),
        _t("controlled_delivery", "Controlled deliveries", "Контролируемые поставки",
           "Бақыланатын жеткізілімдер", mla=False),
        _t("special_investigative_techniques", "Surveillance, undercover and other special techniques",
           "Наблюдение, внедрение и иные специальные методы",
           "Бақылау, енгізу және өзге де арнайы әдістер", mla=False),
        _t("operational_assistance", "Personal, technical and organisational help in investigations",
           "Личная, техническая и организационная помощь в расследовании",
           "Тергеудегі жеке, техникалық және ұйымдастырушылық көмек", mla=False),
        _t("samples", "Samples of substances and identification samples",
           "Образцы веществ и образцы для идентификации",
           "Заттардың үлгілері және сәйкестендіруге арналған үлгілер", mla=False),
        _t("witness_protection", "Help with witness protection", "Содействие в защите свидетелей",
           "Куәларды қорғауға жәрдемдесу", mla=False),
        _t("experts_and_training", "Experts, training and working meetings",
           "Эксперты, обучение и рабочие встречи",
           "Сарапшылар, оқыту және жұмыс кездесулері", mla=False),
    )
}

