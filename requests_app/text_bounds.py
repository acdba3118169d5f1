"""The last line against unbounded text: no row of ours is saved with a text longer than its
field's bound (``mla.limits``), whichever path the value came by.

Forms and serializers refuse an over-long value first, next to the field; this check is for the
paths that have no form (a service given a value by code, a field added later and forgotten in
its form). On PostgreSQL a ``varchar`` would refuse it anyway, as a 500; SQLite and ``text``
columns would store it. Here it is ``InvalidInput``, which the API answers with 400 and the web
forms show on the field.
"""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.db import models
from django.db.models.signals import pre_save
from django.utils.translation import gettext as _

from .exceptions import InvalidInput

BOUNDED_APPS = ("requests_app", "treaties")


@cache
def _bounded_fields(model: type[models.Model]) -> tuple[tuple[str, str, int], ...]:
    """(name, attribute, bound) of each bounded text field of ``model``."""
    return tuple((field.name, field.attname, field.max_length)
                 for field in model._meta.concrete_fields
                 if isinstance(field, (models.CharField, models.TextField)) and field.max_length)


def refuse_overlong_text(sender: type[models.Model], instance: models.Model,
                         raw: bool = False, **kwargs: object) -> None:
    """``pre_save``: InvalidInput naming every text field longer than its bound."""
    if raw:  # fixtures and restores load rows as they were
        return
    errors = {}
    for name, attname, limit in _bounded_fields(sender):
        value = getattr(instance, attname)
        if isinstance(value, str) and len(value) > limit:
            errors[name] = _("At most %(limit)d characters (this has %(length)d).") % {
                "limit": limit, "length": len(value)}
    if errors:
        raise InvalidInput(errors)


def connect() -> None:
    for label in BOUNDED_APPS:
        for model in apps.get_app_config(label).get_models():
            pre_save.connect(refuse_overlong_text, sender=model,
                             dispatch_uid=f"refuse_overlong_text:{model._meta.label}")
