"""Authorities loaded with the instruments. Contacts are the office's to maintain in the admin;
loading never overwrites what the office changed there except names and kinds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuthorityData:
    code: str
    state: str
    kind: str  # central, competent, forwarding
    name_en: str
    name_ru: str
    name_kk: str
    instruments: tuple[str, ...] = ()
    address: str = ""


AUTHORITIES: tuple[AuthorityData, ...] = (
    # Kazakhstan
    AuthorityData("kz-gpo", "KZ", "central",
                  "General Prosecutor's Office of the Republic of Kazakhstan",
                  "Генеральная прокуратура Республики Казахстан",
                  "Қазақстан Республикасының Бас прокуратурасы",
                  ("kz-rs-2015", "kz-br-2018", "kz-cz-2017", "kz-sk-2007"),
                  "Astana, Mangilik El Ave 14"),
    AuthorityData("kz-mvd", "KZ", "competent",
                  "Ministry of Internal Affairs of the Republic of Kazakhstan",
                  "Министерство внутренних дел Республики Казахстан",
                  "Қазақстан Республикасының Ішкі істер министрлігі",
                  ("kz-cz-2017", "kz-sk-2007"), "Astana, Tauelsizdik Ave 1"),
    AuthorityData("kz-knb", "KZ", "competent",
                  "National Security Committee of the Republic of Kazakhstan",
                  "Комитет национальной безопасности Республики Казахстан",
                  "Қазақстан Республикасының Ұлттық қауіпсіздік комитеті",
                  ("kz-cz-2017", "kz-sk-2007")),
    AuthorityData("kz-afm", "KZ", "competent",
                  "Agency for Financial Monitoring of the Republic of Kazakhstan",
                  "Агентство Республики Казахстан по финансовому мониторингу",
                  "Қазақстан Республикасының Қаржылық мониторинг агенттігі",
                  ("kz-cz-2017", "kz-sk-2007")),
    AuthorityData("kz-prosecutor-almaty", "KZ", "forwarding",
                  "Prosecutor's Office of Almaty City", "Прокуратура города Алматы",
                  "Алматы қаласының прокуратурасы"),
    AuthorityData("kz-prosecutor-astana", "KZ", "forwarding",
                  "Prosecutor's Office of Astana City", "Прокуратура города Астаны",
                  "Астана қаласының прокуратурасы"),
    # Czech Republic (CZ 13: competent authorities named through diplomatic channels)
    AuthorityData("cz-police-presidium", "CZ", "competent",
                  "Police Presidium of the Czech Republic", "Полицейский президиум Чешской Республики",
                  "Чех Республикасының Полиция президиумы", ("kz-cz-2017",), "Prague"),
    AuthorityData("cz-interior", "CZ", "competent",
                  "Ministry of the Interior of the Czech Republic",
                  "Министерство внутренних дел Чешской Республики",
                  "Чех Республикасының Ішкі істер министрлігі", ("kz-cz-2017",), "Prague"),
    # Slovak Republic (SK 8)
    AuthorityData("sk-police-presidium", "SK", "competent",
                  "Presidium of the Police Force of the Slovak Republic",
                  "Президиум Полицейского корпуса Словацкой Республики",
                  "Словак Республикасы Полиция корпусының Президиумы", ("kz-sk-2007",),
                  "Bratislava"),
    AuthorityData("sk-interior", "SK", "competent",
                  "Ministry of Interior of the Slovak Republic",
                  "Министерство внутренних дел Словацкой Республики",
                  "Словак Республикасының Ішкі істер министрлігі", ("kz-sk-2007",), "Bratislava"),
    # Serbia (RS 2: central authority is the Ministry of Justice)
    AuthorityData("rs-justice", "RS", "central", "Ministry of Justice of the Republic of Serbia",
                  "Министерство юстиции Республики Сербия",
                  "Сербия Республикасының Әділет министрлігі", ("kz-rs-2015",), "Belgrade"),
    # Brazil (BR 2: central authority is the Ministry of Justice)
    AuthorityData("br-justice", "BR", "central",
                  "Ministry of Justice and Public Security of the Federative Republic of Brazil",
                  "Министерство юстиции и общественной безопасности Федеративной Республики Бразилия",
                  "Бразилия Федеративтік Республикасының Әділет және қоғамдық қауіпсіздік министрлігі",
                  ("kz-br-2018",), "Brasília"),
)
