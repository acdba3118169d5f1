"""The API's strict input vocabulary: one name, one meaning, for every API module.

JSON carries types, so a JSON body is read by its types and nothing is coerced:

==========================  =====================================================================
``StrictCharField``         a JSON string (never a number or a list turned into text)
``StrictIntegerField``      a JSON integer (never ``"12"``, ``1.5`` or ``true``), within the
                            bounds the field is given
``IdField``                 an id or a version: a JSON integer from 1 to ``MAX_ID``
``StrictBooleanField``      a JSON boolean (never ``"true"``, ``1`` or ``"yes"``)
``StrictDateField``         an ISO date string from 1900-01-01 to 2999-12-31
``StrictDateTimeField``     an ISO date-time string whose date in Asia/Almaty lies in the same
                            range; without an offset it is Asia/Almaty time
``StrictChoiceField``       a JSON string from a closed set; ``enum_field`` makes one that the
                            schema publishes as a named component
``StrictSerializer``        an object whose undeclared keys answer 400, "Unknown field."
``VersionedInput``          a ``StrictSerializer`` with the required ``version`` (an ``IdField``)
``NeverPartial``            a PATCH body: every field optional, yet never "partial" (``version``
                            stays required)
==========================  =====================================================================

Form encoding (form-encoded and multipart bodies, and query strings, which share its syntax)
carries only text, so values that are not text there have their own, explicitly named fields:

==========================  =====================================================================
``FormIntegerField``        an integer written as text: an optional ``-`` and ASCII digits
``FormIdField``             an id written as text: ASCII digits, from 1 to ``MAX_ID``
``FormBooleanField``        ``true`` or ``false`` written as text; empty is null where allowed,
                            absent is the default (not "an unticked checkbox")
``form_input``              a serializer's form-encoded twin: each JSON-typed field above swapped
                            for its form field (text, dates and choices read the same either way)
==========================  =====================================================================

``validated_body`` reads a request body with a serializer, or with its form twin when the body is
form encoded; ``validated_query`` reads a query string. Path segments and query strings also have
``parse_id`` (the ``FormIdField`` rule, None instead of 400), ``visible_request`` (a path id to a
request the user may see, else 404, the same answer for a malformed, a missing and a hidden one)
and ``reject_unknown`` (unknown query parameters answer 400, "Unknown field.").

Bounds keep bad input a 400 rather than a server error: the primary keys are 64-bit
(``BigAutoField``), so ``MAX_ID`` (2**63 - 1) is the largest id a database column can hold, and
dates stay within ``MIN_DATE``..``MAX_DATE``, far enough from the limits of ``datetime`` that no
deadline arithmetic on them can overflow.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from datetime import date
from datetime import datetime
from typing import Any

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.request import Request
from rest_framework.settings import api_settings

from ..access import access_request_by_id
from ..exceptions import InvalidInput
from ..exceptions import RequestNotFound
from ..models import AssistanceRequest

# The largest value of a 64-bit primary key: a larger id is bad input (400) or a missing row
# (404), never a number the database driver refuses (500).
MAX_ID = 2**63 - 1
# Dates outside this range are typing mistakes; refusing them keeps the deadline arithmetic
# (months added, days subtracted, time zones) away from the limits of ``datetime.date``.
MIN_DATE, MAX_DATE = date(1900, 1, 1), date(2999, 12, 31)

_INTEGER_TEXT = re.compile(r"-?[0-9]+")  # ASCII digits only: str.isdigit() would take "²"
_ID_DIGITS = len(str(MAX_ID))


# --- form encoding: text only -------------------------------------------------------------------
class FormIntegerField(serializers.IntegerField):
    """An integer written as text, as form encoding carries it: an optional ``-`` and ASCII
    digits. Refuses ``"1.0"``, ``"+1"``, ``" 1"``, ``"1e3"`` and anything that is not text."""

    def to_internal_value(self, data: Any) -> int:
        if not isinstance(data, str) or not _INTEGER_TEXT.fullmatch(data):
            self.fail("invalid")
        return super().to_internal_value(data)


class FormIdField(FormIntegerField):
    """An id written as text (a form field or a query-string parameter): ASCII digits, from 1 to
    ``MAX_ID``."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


class FormBooleanField(serializers.BooleanField):
    """``true`` or ``false`` written as text; empty means null where null is allowed, and an
    absent field its default, as in JSON. Refuses ``1``, ``yes``, ``on``, ``True`` and anything
    that is not text."""

    # DRF reads a flag missing from a form as an unticked checkbox (false); here it is simply
    # absent, so that a form body means what the same JSON body means.
    default_empty_html = empty

    def to_internal_value(self, data: Any) -> bool | None:
        if data == "" and self.allow_null:
            return None
        if data not in ("true", "false"):
            self.fail("invalid", input=data)
        return data == "true"


# --- JSON: typed ---------------------------------------------------------------------------------
class StrictCharField(serializers.CharField):
    """A JSON string: DRF's CharField would also take numbers or lists and turn them into text."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    """A JSON integer, within the bounds the field is given; never a boolean, a float or a string
    (not even ``"12"``)."""

    form_class: type[serializers.Field] = FormIntegerField

    def to_internal_value(self, data: Any) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class IdField(StrictIntegerField):
    """An id or a version in a JSON body: a JSON integer from 1 to ``MAX_ID``."""

    form_class = FormIdField

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


class StrictBooleanField(serializers.BooleanField):
    """A JSON boolean; never ``"true"``, ``1`` or ``"yes"``."""

    form_class: type[serializers.Field] = FormBooleanField

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class StrictDateField(serializers.DateField):
    """An ISO date string (``2026-03-02``) from 1900-01-01 to 2999-12-31; never a number or a
    date-time."""

    default_error_messages = {
        "out_of_range": _("Give a date between 1900-01-01 and 2999-12-31."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", [api_settings.DATE_INPUT_FORMATS[0]])
        super().__init__(**kwargs)

    def to_internal_value(self, value: Any) -> date:
        if not isinstance(value, str):
            self.fail("invalid", format="YYYY-MM-DD")
        parsed = super().to_internal_value(value)
        if not MIN_DATE <= parsed <= MAX_DATE:
            self.fail("out_of_range")
        return parsed


class StrictDateTimeField(serializers.DateTimeField):
    """An ISO date-time string; without an offset it is Asia/Almaty time (the current time zone).
    Its date in Asia/Almaty must lie between 1900-01-01 and 2999-12-31: anything else, including
    a time that cannot even be converted to Asia/Almaty, answers 400."""

    default_error_messages = {
        "out_of_range": _("Give a time between 1900 and 2999."),
    }

    def to_internal_value(self, value: Any) -> datetime:
        if not isinstance(value, str):
            self.fail("invalid", format="YYYY-MM-DDThh:mm[:ss][+HH:MM]")
        try:
            parsed = super().to_internal_value(value)
            local = timezone.localtime(parsed) if timezone.is_aware(parsed) else parsed
        except OverflowError:  # e.g. 9999-12-31T23:59-12:00 is past year 9999 in Almaty
            self.fail("out_of_range")
        if not MIN_DATE <= local.date() <= MAX_DATE:
            self.fail("out_of_range")
        return parsed


class StrictChoiceField(serializers.ChoiceField):
    """A JSON string from the closed set of choices; never a number, even one whose text is a
    choice."""

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str):
            self.fail("invalid_choice", input=data)
        return super().to_internal_value(data)


def enum_field(component: str, choices: Sequence[tuple[Any, Any]], *, blank: bool = False,
               description: str = "") -> type[StrictChoiceField]:
    """A ``StrictChoiceField`` class over ``choices`` that the schema publishes as its own
    component named ``component``, so that the name is ours and never collides with another
    module's field of the same name. ``blank`` also accepts the empty string ("not stated")."""
    values = [str(value) for value, _label in choices]
    lines = [f"* `{value}` - {label}" for value, label in choices]
    schema = {"type": "string", "enum": ([""] if blank else []) + values,
              "description": "\n".join(
                  ([description, ""] if description else [])
                  + (["* empty string - not stated"] if blank else []) + lines)}

    @extend_schema_field(schema, component_name=component)
    class EnumField(StrictChoiceField):
        def __init__(self, **kwargs: Any) -> None:
            kwargs.setdefault("allow_blank", blank)
            super().__init__(choices=choices, **kwargs)

    EnumField.__name__ = EnumField.__qualname__ = f"{component}Field"
    return EnumField


# --- objects -------------------------------------------------------------------------------------
class StrictSerializer(serializers.Serializer):
    """Rejects fields it does not declare (400 naming each unknown field, "Unknown field.", beside
    any other field errors) instead of ignoring them: a misspelt field, or one the API never
    writes (``state``), is an error, not a no-op."""

    # Keys a view accepts beside the declared fields (``page`` in a list's query string).
    extra_allowed: tuple[str, ...] = ()

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return super().to_internal_value(data)  # DRF answers "expected a dictionary"
        errors = {name: [str(_("Unknown field."))]
                  for name in sorted(set(data) - set(self.fields) - set(self.extra_allowed))}
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if not errors:
                raise
            detail = exc.detail if isinstance(exc.detail, dict) else {
                "non_field_errors": exc.detail}
            raise serializers.ValidationError({**detail, **errors}) from None
        if errors:
            raise serializers.ValidationError(errors)
        return value


class VersionedInput(StrictSerializer):
    """Unknown fields are rejected (400). `version` is the request version the client saw."""

    version = IdField(help_text="The request version the client saw; if the request changed "
                                "since, the answer is 409 with the current one.")


class NeverPartial:
    """Mixin for a PATCH body whose fields are all optional (what is left out does not change)
    but whose ``version`` is required. The schema generator marks a PATCH body partial, which
    would drop ``version`` from the required fields; such a body is never partial."""

    partial = property(lambda self: False, lambda self, value: None)


@functools.cache
def form_input(serializer_class: type[serializers.Serializer]) -> type[serializers.Serializer]:
    """``serializer_class`` for a form-encoded body: every declared field that has a form twin
    (``form_class``: ``IdField`` → ``FormIdField``, ``StrictBooleanField`` → ``FormBooleanField``)
    is swapped for it, with the same options; the rest reads text the same way in both."""
    swapped = {name: field.form_class(*field._args, **field._kwargs)
               for name, field in serializer_class._declared_fields.items()
               if getattr(field, "form_class", None) is not None}
    if not swapped:
        return serializer_class
    return type(serializer_class.__name__, (serializer_class,),
                {"__module__": serializer_class.__module__,
                 "__qualname__": f"{serializer_class.__qualname__}.Form", **swapped})


def validated_body(serializer_class: type[serializers.Serializer], data: Any) -> dict:
    """The request body read by ``serializer_class`` (by its form twin when the body is form
    encoded: a ``QueryDict``); 400 on bad input."""
    if isinstance(data, QueryDict):
        serializer_class = form_input(serializer_class)
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def validated_query(serializer_class: type[serializers.Serializer], request: Request) -> dict:
    """The query string parsed by ``serializer_class`` (one value per key); 400 on bad input."""
    data = {key: request.query_params.get(key) for key in request.query_params}
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


# --- path segments and query strings --------------------------------------------------------------
def parse_id(value: object) -> int | None:
    """A path or query id: ASCII digits from 1 to ``MAX_ID`` (the ``FormIdField`` rule), else
    None. Takes what a URL converter gives, text or an int."""
    text = str(value)
    # The length check keeps a thousand-digit segment away from int() (and its digit limit).
    if not (text.isascii() and text.isdigit() and len(text) <= _ID_DIGITS):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def visible_request(user: Any, raw_id: object) -> AssistanceRequest:
    """The request a path id names, if ``user`` may see it; RequestNotFound (404) otherwise, the
    same answer for a malformed id, a missing request and one the user may not see."""
    request_id = parse_id(raw_id)
    if request_id is None:
        raise RequestNotFound(raw_id)
    return access_request_by_id(user=user, request_id=request_id)


def reject_unknown(data: Iterable[str], allowed: Iterable[str]) -> None:
    """Unknown query parameters are a client error (400, "Unknown field." for each), not
    something to ignore silently."""
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise InvalidInput({name: str(_("Unknown field.")) for name in unknown})

