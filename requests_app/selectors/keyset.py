"""Keyset pagination: a list read page by page from where the previous page ended, not counted
down to with OFFSET, so that page 10,000 costs what page 1 costs.

A page is ordered by a key of columns that ends with the primary key (unique, so no row is
skipped or shown twice) and is read from an index on those columns: the next page is the rows
whose key comes after the last row's, one row comparison ``(a, b, id) > (x, y, z)`` that
PostgreSQL answers from the index. The cursor a client carries is the last row's key, encoded;
it says nothing the client may not see (the rows' own values) and is checked when it comes back.

The row comparison is Django's own (``fields.tuple_lookups``, which 5.2 added for composite
primary keys): native on PostgreSQL and SQLite. It is not yet a documented API; Django is pinned
(``requirements.lock``) and the tests run it on both databases.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from typing import Generic
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db.models import F
from django.db.models import Field
from django.db.models import Model
from django.db.models import QuerySet
from django.db.models.fields.tuple_lookups import Tuple
from django.db.models.fields.tuple_lookups import TupleGreaterThan
from django.db.models.fields.tuple_lookups import TupleLessThan
from django.utils.translation import gettext as _

from ..exceptions import InvalidInput

# A cursor is a handful of values; anything longer is not one of ours.
CURSOR_MAX_LENGTH = 300
CURSOR_PARAMETER = "cursor"

RowT = TypeVar("RowT", bound=Model)


@dataclass(frozen=True)
class KeysetPage(Generic[RowT]):
    """One page of a list, the cursor of the next one (None on the last page) and the key the
    page started after (None for the first page)."""

    rows: list[RowT]
    next_cursor: str | None
    after: tuple[Any, ...] | None = None


def _invalid_cursor() -> InvalidInput:
    return InvalidInput({CURSOR_PARAMETER: _(
        "This link to the next page is not valid (it was changed or is from another list): "
        "start again from the first page.")})


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, datetime) else value


def encode_cursor(values: Sequence[object]) -> str:
    raw = json.dumps([_plain(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(model: type[Model], order: Sequence[str], text: str) -> tuple[Any, ...]:
    """The key values ``text`` carries, each as its column's Python value. Raises InvalidInput
    (field ``cursor``) for anything that is not a cursor of this ordering."""
    if len(text) > CURSOR_MAX_LENGTH:
        raise _invalid_cursor()
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError):
        raise _invalid_cursor() from None
    if not isinstance(values, list) or len(values) != len(order):
        raise _invalid_cursor()
    decoded = []
    for name, value in zip(order, values, strict=True):
        field = model._meta.get_field(name.lstrip("-"))
        if not isinstance(field, Field):
            raise ValueError(f"A keyset ordering names columns, not relations: {name}")
        if value is None or isinstance(value, (list, dict, bool)):
            raise _invalid_cursor()
        try:
            python_value = field.to_python(value)
        except (ValidationError, TypeError, ValueError, OverflowError):
            raise _invalid_cursor() from None
        if isinstance(python_value, datetime) and python_value.tzinfo is None:
            raise _invalid_cursor()
        if isinstance(python_value, int) and not -(2**63) <= python_value < 2**63:
            raise _invalid_cursor()
        decoded.append(python_value)
    return tuple(decoded)


def keyset_page(qs: QuerySet[RowT], *, order: Sequence[str], cursor: str | None,
                size: int) -> KeysetPage[RowT]:
    """The ``size`` rows of ``qs`` that follow ``cursor`` in ``order`` (all ascending or all
    descending, ending with ``id``/``-id``), and the next page's cursor. Raises InvalidInput for
    a cursor that is not one of this ordering's. One query (plus the queryset's prefetches)."""
    descending = order[0].startswith("-")
    if any(name.startswith("-") != descending for name in order) or order[-1].lstrip("-") != "id":
        raise ValueError(f"A keyset ordering runs one way and ends with the id: {order}")
    names = [name.lstrip("-") for name in order]
    qs = qs.order_by(*order)
    after = None
    if cursor:
        after = decode_cursor(qs.model, order, cursor)
        comparison = TupleLessThan if descending else TupleGreaterThan
        qs = qs.filter(comparison(Tuple(*[F(name) for name in names]), after))
    rows = list(qs[:size + 1])
    if len(rows) <= size:
        return KeysetPage(rows=rows, next_cursor=None, after=after)
    rows = rows[:size]
    return KeysetPage(rows=rows, after=after,
                      next_cursor=encode_cursor([getattr(rows[-1], name) for name in names]))
