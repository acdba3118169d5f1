"""What a request's offence is, for choosing the instrument and for statistics: its category.

The categories are the FATF's "designated categories of offences" (FATF Recommendations,
General Glossary), the list FATF assessors and UNCAC reviewers count international cooperation
by, plus three the conventions name and the glossary does not: money laundering itself (UNTOC
Art 6, UNCAC Art 23, Vienna 1988 Art 3.1(b)), obstruction of justice (UNTOC Art 23, UNCAC Art 25)
and "other". A rulebook's ``OffenceScopeRule`` says which of them its instrument covers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import lazy

from .schema import Summary

# Where the designated categories come from; shown beside the choice.
FATF_SOURCE = Summary(
    en="FATF Recommendations, General Glossary: designated categories of offences",
    ru="Рекомендации ФАТФ, общий глоссарий: установленные категории преступлений",
    kk="ФАТФ ұсынымдары, жалпы глоссарий: қылмыстардың белгіленген санаттары")


@dataclass(frozen=True)
class OffenceCategory:
    code: str
    label: Summary
    # On the FATF's list of designated categories (False: a category the conventions name).
    fatf: bool = True


def _c(code: str, en: str, ru: str, kk: str, fatf: bool = True) -> OffenceCategory:
    return OffenceCategory(code, Summary(en=en, ru=ru, kk=kk), fatf)


PARTICIPATION_IN_ORGANISED_GROUP = "organised_crime_participation"
TERRORISM = "terrorism"
HUMAN_TRAFFICKING = "human_trafficking"
SEXUAL_EXPLOITATION = "sexual_exploitation"
DRUG_TRAFFICKING = "drug_trafficking"
ARMS_TRAFFICKING = "arms_trafficking"
STOLEN_GOODS = "stolen_goods_trafficking"
CORRUPTION = "corruption"
FRAUD = "fraud"
COUNTERFEITING_CURRENCY = "counterfeiting_currency"
COUNTERFEITING_PRODUCTS = "counterfeiting_products"
ENVIRONMENTAL = "environmental"
MURDER = "murder_grievous_injury"
KIDNAPPING = "kidnapping"
ROBBERY_THEFT = "robbery_theft"
SMUGGLING = "smuggling"
TAX = "tax"
EXTORTION = "extortion"
FORGERY = "forgery"
PIRACY = "piracy"
MARKET_ABUSE = "market_abuse"
MONEY_LAUNDERING = "money_laundering"
OBSTRUCTION_OF_JUSTICE = "obstruction_of_justice"
OTHER = "other"

OFFENCE_CATEGORIES: dict[str, OffenceCategory] = {c.code: c for c in (
    _c(PARTICIPATION_IN_ORGANISED_GROUP,
       "Participation in an organised criminal group and racketeering",
       "Участие в организованной преступной группе и рэкет",
       "Ұйымдасқан қылмыстық топқа қатысу және рэкет"),
    _c(TERRORISM, "Terrorism, including terrorist financing",
       "Терроризм, включая финансирование терроризма",
       "Терроризм, оның ішінде терроризмді қаржыландыру"),
    _c(HUMAN_TRAFFICKING, "Trafficking in human beings and migrant smuggling",
       "Торговля людьми и незаконный ввоз мигрантов",
       "Адам саудасы және мигранттарды заңсыз алып өту"),
    _c(SEXUAL_EXPLOITATION, "Sexual exploitation, including of children",
       "Сексуальная эксплуатация, в том числе детей",
       "Жыныстық қанау, оның ішінде балаларды"),
    _c(DRUG_TRAFFICKING, "Illicit trafficking in narcotic drugs and psychotropic substances",
       "Незаконный оборот наркотических средств и психотропных веществ",
       "Есірткі құралдары мен психотроптық заттардың заңсыз айналымы"),
    _c(ARMS_TRAFFICKING, "Illicit arms trafficking", "Незаконный оборот оружия",
       "Қарудың заңсыз айналымы"),
    _c(STOLEN_GOODS, "Illicit trafficking in stolen and other goods",
       "Незаконный оборот похищенного и иного имущества",
       "Ұрланған және өзге де мүліктің заңсыз айналымы"),
    _c(CORRUPTION, "Corruption and bribery", "Коррупция и взяточничество",
       "Сыбайлас жемқорлық және парақорлық"),
    _c(FRAUD, "Fraud", "Мошенничество", "Алаяқтық"),
    _c(COUNTERFEITING_CURRENCY, "Counterfeiting currency", "Фальшивомонетничество",
       "Ақша белгілерін қолдан жасау"),
    _c(COUNTERFEITING_PRODUCTS, "Counterfeiting and piracy of products",
       "Контрафакция и пиратство в отношении товаров",
       "Тауарларды қолдан жасау және контрафакция"),
    _c(ENVIRONMENTAL, "Environmental crime", "Экологические преступления",
       "Экологиялық қылмыстар"),
    _c(MURDER, "Murder, grievous bodily injury", "Убийство, тяжкие телесные повреждения",
       "Кісі өлтіру, денсаулыққа ауыр зиян келтіру"),
    _c(KIDNAPPING, "Kidnapping, illegal restraint and hostage-taking",
       "Похищение людей, незаконное лишение свободы и захват заложников",
       "Адам ұрлау, бас бостандығынан заңсыз айыру және кепілге алу"),
    _c(ROBBERY_THEFT, "Robbery or theft", "Разбой или кража", "Қарақшылық немесе ұрлық"),
    _c(SMUGGLING, "Smuggling, including of customs and excise duties and taxes",
       "Контрабанда, в том числе связанная с таможенными, акцизными сборами и налогами",
       "Контрабанда, оның ішінде кедендік, акциздік алымдар мен салықтарға қатысты"),
    _c(TAX, "Tax crimes (direct and indirect taxes)",
       "Налоговые преступления (прямые и косвенные налоги)",
       "Салық қылмыстары (тікелей және жанама салықтар)"),
    _c(EXTORTION, "Extortion", "Вымогательство", "Қорқытып алушылық"),
    _c(FORGERY, "Forgery", "Подделка документов", "Құжаттарды қолдан жасау"),
    _c(PIRACY, "Piracy", "Пиратство", "Теңіз қарақшылығы"),
    _c(MARKET_ABUSE, "Insider trading and market manipulation",
       "Инсайдерская торговля и манипулирование рынком",
       "Инсайдерлік сауда және нарықты айла-шарғымен басқару"),
    _c(MONEY_LAUNDERING, "Money laundering", "Отмывание денег",
       "Ақшаны жылыстату", fatf=False),
    _c(OBSTRUCTION_OF_JUSTICE, "Obstruction of justice", "Воспрепятствование правосудию",
       "Сот төрелігіне кедергі келтіру", fatf=False),
    _c(OTHER, "Other offence", "Иное преступление", "Өзге қылмыс", fatf=False),
)}


# A penalty of life imprisonment is entered as this many years (more than any fixed term).
MAX_PENALTY_YEARS = 99


def offence_category_choices() -> list[tuple[str, str]]:
    """The categories as (code, label) choices, labelled in the active language when shown (the
    labels are evaluated lazily); a callable, so a migration refers to it instead of copying
    the list."""
    return [(code, _label(category)) for code, category in OFFENCE_CATEGORIES.items()]


def _text(category: OffenceCategory) -> str:
    return category.label.text()


_label = lazy(_text, str)
