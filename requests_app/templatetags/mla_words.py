"""Template filters for words in the user's language (``requests_app.words``).

    {% load mla_words %}
    {{ rule.citation|cite }}            Қазақстан–Сербия 5.3-бап
    {{ deadline.citation|cite:"short" }} 5.3-бап (the page is about one instrument)
    {{ code|language_name }}             Portuguese, not pt
    {{ d.due_at|relative_time:now }}     3 days ago / 20 сағат 49 минут қалды
    {{ verdict.since|since_date }}       since 01.06.2020 / 01.06.2020 бастап
    {{ slug|instrument_name }}           Қазақстан–Сербия
"""

from __future__ import annotations

from datetime import date
from datetime import datetime
from typing import Any

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from treaties.languages import language_name as _language_name
from treaties.languages import language_names as _language_names

from .. import words

register = template.Library()


@register.filter
def cite(value: Any, form: str = "") -> str:
    return words.citation_text(value, instrument=form != "short")


@register.filter
def language_name(code: str) -> str:
    return _language_name(code)


@register.filter
def language_names(codes: Any) -> str:
    if isinstance(codes, str):
        codes = [code for code in codes.split(",") if code.strip()]
    return _language_names(code.strip() for code in codes or ())


@register.filter
def relative_time(value: datetime | None, now: datetime) -> str:
    return words.relative_time(value, now)


@register.filter
def instrument_name(slug: str) -> str:
    """The instrument's short name in the active language ("Қазақстан–Сербия") for its slug."""
    return words.instrument_name(slug)


@register.filter
def since_date(value: date | None) -> str:
    """"since 01.06.2020" as the language writes it ("01.06.2020 бастап", "с 01.06.2020"): one
    phrase with the date in it, not a word and a colon before the date."""
    if value is None:
        return ""
    return _("since %(since)s") % {"since": date_format(value, "d.m.Y")}
