"""Everything a change reads about a request's related rows, in one query.

The rules read a request's facts (``services.facts``) from a dozen related tables (persons,
translations, decisions, letters...); read one table at a time, that is a dozen queries, twice
in a transition (for its guard, then for the deadlines). Here every table's rows of the request
come back in one ``UNION ALL``, each row as a JSON object of its columns, and are kept on the
request, where ``related_rows`` gives them to ``request_facts``, ``register_facts`` and the
letter without a query. ``fact_rows_load`` can bring along the request's deadline rows and the hash
at the head of its log, which the end of every change needs (``services.changes``). It also
reads the two sides' own dates under the request's instrument (a party's entry into force and
withdrawal, UNTOC 38.2, 40), which every guard reads through ``instrument_status_on``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC
from functools import cache
from typing import Any

from django.db import router
from django.db.models import DateTimeField
from django.db.models import F
from django.db.models import Model
from django.db.models import OuterRef
from django.db.models import Q
from django.db.models import QuerySet
from django.db.models import Subquery
from django.db.models import Value
from django.db.models.functions import JSONObject
from django.utils.dateparse import parse_date

from statistics_app.models import RequestStatistics
from treaties.models import InstrumentParty
from treaties.rules.lifecycle import PARTY_DATE_FIELDS
from treaties.rules.lifecycle import PartyDates

from ..compiled_sql import CompiledStatement
from ..compiled_sql import Slot
from ..models import AssistanceRequest
from ..models import Deadline
from ..models import TransitionLog

# The related rows the rules read (``request_facts``, ``register_facts``), by related name.
FACT_RELATIONS = ("persons", "translations", "originals", "consultations", "decisions", "items",
                  "transfers", "personal_data_transfers", "duties", "correspondence",
                  "cost_items", "material_uses")
_DEADLINES = "deadlines"
_LOG_HEAD = "log_head"
# The request's statistics row as the change found it (``statistics_app.rows``): rewritten only
# where the change moved it.
_STATISTICS = "statistics_row"
_PARTIES = "party_dates"
# Where ``fact_rows_load`` keeps the rows on the request (``related_rows`` reads them).
_LOADED = "_fact_rows_loaded"


@dataclass(frozen=True)
class FactRows:
    """What ``fact_rows_load`` read besides the facts it put on the request."""

    deadlines: list[Deadline]
    log_head_hash: str
    statistics: RequestStatistics | None = None


def _relation_model(name: str) -> type[Model]:
    model: type[Model] = AssistanceRequest._meta.get_field(name).related_model  # type: ignore[assignment]
    return model


def _as_json(model: type[Model]) -> JSONObject:
    return JSONObject(**{field.attname: F(field.attname) for field in model._meta.concrete_fields})


def _part(name: str, qs: QuerySet[Any], row: JSONObject | None = None) -> QuerySet[Any]:
    part: QuerySet[Any] = (qs.annotate(relation=Value(name), row=row or _as_json(qs.model))
                           .values_list("relation", "row").order_by())
    return part


def _parties_part(alias: str) -> QuerySet[Any]:
    """The party rows of the request's two sides under its instrument (their own dates only):
    the instrument and the two states are slots, the values the request holds in memory."""
    party = InstrumentParty._meta
    return _part(_PARTIES, InstrumentParty._base_manager.using(alias).filter(
        Q(state_id=Slot("first_state_id", party.get_field("state")))
        | Q(state_id=Slot("second_state_id", party.get_field("state"))),
        instrument_id=Slot("instrument_id", party.get_field("instrument"))),
        JSONObject(state_id=F("state_id"), accepted_languages=F("accepted_languages"),
                   **{name: F(name) for name in PARTY_DATE_FIELDS}))


def _instance(model: type[Model], data: dict[str, Any]) -> Model:
    """The model instance a JSON row describes, as if read by the ORM."""
    fields = model._meta.concrete_fields
    values = []
    for field in fields:
        value = data.get(field.attname)
        if value is not None:
            value = field.to_python(value)
            if isinstance(field, DateTimeField) and value.tzinfo is None:
                # SQLite keeps date-times as naive UTC text.
                value = value.replace(tzinfo=UTC)
        values.append(value)
    return model.from_db(router.db_for_read(model), [f.attname for f in fields], values)


def _ordered(model: type[Model], rows: list[Model]) -> list[Model]:
    """``rows`` in the model's default ordering (``Meta.ordering``: plain fields)."""
    for name in reversed(list(model._meta.ordering or ())):
        field = model._meta.get_field(str(name).lstrip("-"))
        attname: str = field.attname  # type: ignore[union-attr]

        def key(row: Model, attname: str = attname) -> tuple[bool, Any]:
            value = getattr(row, attname)
            return (value is None, value)

        rows.sort(key=key, reverse=str(name).startswith("-"))
    return rows


# Compiling the union is most of its cost in Python: it is compiled once per database and shape,
# for a stand-in request id that each call replaces with its own.
_STAND_IN_ID = -7_000_000_001


@cache
def _union(alias: str, with_deadlines: bool) -> CompiledStatement:
    parts = [_part(name, _relation_model(name)._base_manager.using(alias).filter(
        **{AssistanceRequest._meta.get_field(name).field.name: _STAND_IN_ID}))  # type: ignore[union-attr]
        for name in FACT_RELATIONS]
    if with_deadlines:
        parts.append(_part(_DEADLINES, Deadline._base_manager.using(alias)
                           .filter(request_id=_STAND_IN_ID)))
        head = TransitionLog.objects.filter(request_id=OuterRef("request_id")).order_by("-id")
        parts.append(_part(_LOG_HEAD, TransitionLog.objects.using(alias).filter(
            request_id=_STAND_IN_ID, pk=Subquery(head.values("pk")[:1]))))
        parts.append(_part(_STATISTICS, RequestStatistics._base_manager.using(alias)
                           .filter(request_id=_STAND_IN_ID)))
    parts.append(_parties_part(alias))
    sql, params = parts[0].union(*parts[1:], all=True).query.sql_with_params()
    request_id = Slot("request_id", AssistanceRequest._meta.pk)
    return CompiledStatement(alias=alias, sql=sql, params=tuple(
        request_id if p == _STAND_IN_ID else p for p in params))


# A side the request holds no loaded row for: no party row has it.
_NO_STATE = 0


def _sides(request: AssistanceRequest) -> tuple[int, int]:
    """The states of the request's two sides, where its authorities are loaded (the row lock
    loads them; reading them here would cost a query each)."""

    def state_of(name: str) -> int:
        loaded = getattr(AssistanceRequest, name).is_cached(request)
        return int(getattr(request, name).state_id) if loaded else _NO_STATE

    return state_of("requesting_authority"), state_of("requested_authority")


def _union_rows(request: AssistanceRequest, with_deadlines: bool,
                sides: tuple[int, int]) -> list[tuple[str, Any]]:
    alias = router.db_for_read(AssistanceRequest)
    first, second = sides
    return [(relation, json.loads(data) if isinstance(data, str) else data)
            for relation, data in _union(alias, with_deadlines).fetch(
                request_id=request.pk, instrument_id=request.instrument_id,
                first_state_id=first, second_state_id=second)]


def _party_dates_remember(request: AssistanceRequest, rows: list[dict[str, Any]],
                          sides: tuple[int, int]) -> None:
    """Hand the sides' dates to the request's instrument (``Instrument.party_dates``), so that
    the guard's status check reads no more rows; None for a side that is not a party."""
    if not AssistanceRequest.instrument.is_cached(request):
        return
    read = {int(row["state_id"]): PartyDates(**{
        name: parse_date(row[name]) if row[name] else None for name in PARTY_DATE_FIELDS})
        for row in rows}
    request.instrument.party_dates_remember(
        {state_id: read.get(state_id) for state_id in sides if state_id != _NO_STATE})
    declared = {int(row["state_id"]): tuple(
        code.strip() for code in (row["accepted_languages"] or "").split(",") if code.strip())
        for row in rows}
    request.instrument.party_languages_remember(
        {state_id: declared.get(state_id) or None for state_id in sides if state_id != _NO_STATE})


def fact_rows_load(request: AssistanceRequest, *, with_deadlines: bool = False) -> FactRows:
    """Read the related rows of ``FACT_RELATIONS`` in one query and keep them on the request
    for ``related_rows``; with ``with_deadlines``, also the request's deadline rows and the hash
    at the head of its log."""
    rows: dict[str, list[Model]] = defaultdict(list)
    parties: list[dict[str, Any]] = []
    log_head_hash = ""
    statistics: RequestStatistics | None = None
    sides = _sides(request)
    for relation, data in _union_rows(request, with_deadlines, sides):
        if relation == _LOG_HEAD:
            log_head_hash = data["row_hash"]
            continue
        if relation == _PARTIES:
            parties.append(data)
            continue
        if relation == _STATISTICS:
            statistics = _instance(RequestStatistics, data)  # type: ignore[assignment]
            continue
        model = Deadline if relation == _DEADLINES else _relation_model(relation)
        rows[relation].append(_instance(model, data))
    fact_rows_forget(request)
    # Kept on the request for ``related_rows`` (the rules' readers), as plain lists: building a
    # related manager's queryset for each of the twelve relations cost more than the query.
    request.__dict__[_LOADED] = {name: _ordered(_relation_model(name), rows[name])
                                 for name in FACT_RELATIONS}
    _party_dates_remember(request, parties, sides)
    deadlines = [row for row in rows[_DEADLINES] if isinstance(row, Deadline)]
    for row in deadlines:
        row.request = request
    return FactRows(deadlines=deadlines, log_head_hash=log_head_hash, statistics=statistics)


def related_rows(request: AssistanceRequest, name: str) -> list[Any]:
    """The request's rows of the relation ``name`` (one of ``FACT_RELATIONS``), in the model's
    order: those ``fact_rows_load`` read if it did (and nothing has dropped them since), else
    the related manager's (prefetched by the caller, or one query)."""
    loaded: dict[str, list[Any]] | None = request.__dict__.get(_LOADED)
    if loaded is not None:
        return loaded[name]
    return list(getattr(request, name).all())


def fact_rows_forget(request: AssistanceRequest) -> None:
    """Drop the rows ``fact_rows_load`` read (and any the caller prefetched): the next read
    queries again (a change that writes related rows reads them fresh)."""
    request.__dict__.pop(_LOADED, None)
    cache = getattr(request, "_prefetched_objects_cache", None)
    if cache:
        for name in FACT_RELATIONS:
            cache.pop(AssistanceRequest._meta.get_field(name).cache_name, None)  # type: ignore[union-attr]
