"""Kazakhstan, the home state, and its authorities: declared once here and designated by code in
each rulebook's Kazakh party (``Party(state=KAZAKHSTAN, shared_authorities=("kz-gpo",))``).

Which Kazakh authority serves under which instrument is the rulebook's to say; this module only
says who they are, with the address in each working language (a letter writes our address in its
own language). Contacts beyond the address are the office's to keep in the admin.
"""

from __future__ import annotations

from .parties import AuthorityInfo
from .parties import StateInfo
from .schema import AuthorityKind
from .schema import Summary

HOME_STATE = "KZ"

KAZAKHSTAN = StateInfo(HOME_STATE, Summary(en="Kazakhstan", ru="Казахстан", kk="Қазақстан"),
                       ("kk", "ru"))

# Codes the rulebooks refer to.
GENERAL_PROSECUTOR = "kz-gpo"
INTERIOR = "kz-mvd"
NATIONAL_SECURITY = "kz-knb"
FINANCIAL_MONITORING = "kz-afm"

HOME_AUTHORITIES: tuple[AuthorityInfo, ...] = (
    AuthorityInfo(
        code=GENERAL_PROSECUTOR, kind=AuthorityKind.CENTRAL,
        address=Summary(en="14 Mangilik El Avenue, Astana",
                        ru="г. Астана, проспект Мангилик Ел, 14",
                        kk="Астана қ., Мәңгілік Ел даңғылы, 14"),
        name=Summary(en="General Prosecutor's Office of the Republic of Kazakhstan",
                     ru="Генеральная прокуратура Республики Казахстан",
                     kk="Қазақстан Республикасының Бас прокуратурасы")),
    AuthorityInfo(
        code=INTERIOR, kind=AuthorityKind.COMPETENT,
        address=Summary(en="1 Tauelsizdik Avenue, Astana",
                        ru="г. Астана, проспект Тауелсиздик, 1",
                        kk="Астана қ., Тәуелсіздік даңғылы, 1"),
        name=Summary(en="Ministry of Internal Affairs of the Republic of Kazakhstan",
                     ru="Министерство внутренних дел Республики Казахстан",
                     kk="Қазақстан Республикасының Ішкі істер министрлігі")),
    AuthorityInfo(
        code=NATIONAL_SECURITY, kind=AuthorityKind.COMPETENT,
        name=Summary(en="National Security Committee of the Republic of Kazakhstan",
                     ru="Комитет национальной безопасности Республики Казахстан",
                     kk="Қазақстан Республикасының Ұлттық қауіпсіздік комитеті")),
    AuthorityInfo(
        code=FINANCIAL_MONITORING, kind=AuthorityKind.COMPETENT,
        name=Summary(en="Agency for Financial Monitoring of the Republic of Kazakhstan",
                     ru="Агентство Республики Казахстан по финансовому мониторингу",
                     kk="Қазақстан Республикасының Қаржылық мониторинг агенттігі")),
    # Regional prosecutor's offices send and execute requests through the General Prosecutor's
    # Office; no instrument designates them.
    AuthorityInfo(
        code="kz-prosecutor-almaty", kind=AuthorityKind.FORWARDING,
        name=Summary(en="Prosecutor's Office of Almaty City", ru="Прокуратура города Алматы",
                     kk="Алматы қаласының прокуратурасы")),
    AuthorityInfo(
        code="kz-prosecutor-astana", kind=AuthorityKind.FORWARDING,
        name=Summary(en="Prosecutor's Office of Astana City", ru="Прокуратура города Астаны",
                     kk="Астана қаласының прокуратурасы")),
)
