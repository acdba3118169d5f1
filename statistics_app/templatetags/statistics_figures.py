"""How a figure reads on the page: grouped digits in the active language (1 234 567 in Russian
and Kazakh, 1,234,567 in English), with the decimals it has (amounts two, shares one)."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value: int | Decimal | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return number_format(value, places, force_grouping=True)
    return number_format(value, force_grouping=True)
