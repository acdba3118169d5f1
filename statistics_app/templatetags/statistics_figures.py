"""The statistics' template filters."""

from __future__ import annotations

from decimal import Decimal

from django import template

from ..figures import figure_text

register = template.Library()


@register.filter
def figure(value: int | Decimal | None) -> str:
    return figure_text(value)
