"""SQL compiled once: the ORM's statement for a hot path, kept and run again with new values.

Compiling a queryset (its filters, joins and columns) costs far more Python than the database
takes to run the statement: on the path of every change to a request (its row lock, its UPDATE,
its deadline rows) compilation was most of the time. Here the ORM still writes the statement,
once per database and shape, with ``Slot`` placeholders where a value changes between calls (the
request's id, the user's office, a column's new value); each call binds its own values and runs
the same SQL. What the ORM would do with a value (``get_db_prep_value``, ``get_db_prep_save``)
is done to it here at bind time, and rows come back as the ORM would build them.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import weakref
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from typing import Generic
from typing import TypeVar
from typing import cast

from django.db import connections
from django.db import models
from django.db.models import Expression
from django.db.models import QuerySet
from django.db.models import signals
from django.db.models.query import get_related_populators
from django.db.models.sql.subqueries import InsertQuery
from django.db.models.sql.subqueries import UpdateQuery
from django.db.transaction import TransactionManagementError

M = TypeVar("M", bound=models.Model)


class Slot(Expression):
    """A value given at each run of a statement compiled once. ``field`` prepares it as the ORM
    would: for a lookup (``filter(pk=Slot(...))``) or, with ``for_save``, for a column written."""

    def __init__(self, name: str, field: models.Field[Any, Any], *, for_save: bool = False):
        super().__init__(output_field=field)
        self.name = name
        self.for_save = for_save

    def resolve_expression(self, *args: Any, **kwargs: Any) -> Slot:
        return self

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        # The placeholder's parameter is the slot itself, replaced at bind time.
        return "%s", (self,)

    def prepare(self, value: Any, connection: Any) -> Any:
        # ``output_field`` is the field given (``Expression.field`` too).
        if self.for_save:
            return self.output_field.get_db_prep_save(value, connection)
        return self.output_field.get_db_prep_value(value, connection, prepared=False)


# PostgreSQL plans a statement each time it receives its text, and for the row lock's joins
# or the related rows' union the plan costs more than the run. Prepared once per connection
# (PREPARE), a statement is planned once and then run by name (EXECUTE). It is prepared when it
# runs a second time on a connection, so that a connection used once (a management command)
# pays no extra round trip. Kept per connection of the driver: whether each statement, by name,
# is prepared on it; a new connection starts again. A prepared statement outlives a rolled-back
# transaction, and the database plans it again after a schema change.
_PREPARED: weakref.WeakKeyDictionary[Any, dict[str, bool]] = weakref.WeakKeyDictionary()
# A prepared statement that only reads is named so: ``is_read`` knows it by its EXECUTE.
_READ_PREFIX, _WRITE_PREFIX = "mla_read_", "mla_write_"


def is_read(sql: str) -> bool:
    """Whether ``sql`` only reads: a SELECT, or the EXECUTE of a prepared one."""
    head = sql.lstrip("( \n").lower()
    return head.startswith("select") or head.startswith(f"execute {_READ_PREFIX}")


@dataclass(frozen=True)
class CompiledStatement:
    """One statement as the ORM compiled it for ``alias``, its parameters fixed or ``Slot``."""

    alias: str
    sql: str
    params: tuple[Any, ...]

    def bind(self, values: Mapping[str, Any]) -> list[Any]:
        """The parameters with each slot's value, prepared for the database. A value the field
        refuses raises what the ORM raises (ValueError, TypeError, ValidationError)."""
        connection = connections[self.alias]
        return [p.prepare(values[p.name], connection) if isinstance(p, Slot) else p
                for p in self.params]

    def execute(self, **values: Any) -> int:
        """Run it with ``values``; the number of rows it touched."""
        with connections[self.alias].cursor() as cursor:
            cursor.execute(*self._run(values))
            return int(cursor.rowcount)

    def fetch(self, **values: Any) -> list[tuple[Any, ...]]:
        """Run it with ``values``; its rows as the driver gives them."""
        with connections[self.alias].cursor() as cursor:
            cursor.execute(*self._run(values))
            return list(cursor.fetchall())

    def execute_many(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run it once for each mapping of ``rows`` (one call to the driver)."""
        if not rows:
            return
        runs = [self._run(values) for values in rows]
        with connections[self.alias].cursor() as cursor:
            cursor.executemany(runs[0][0], [params for _sql, params in runs])

    def _run(self, values: Mapping[str, Any]) -> tuple[str, list[Any]]:
        """What to send for ``values``: the statement's text and its parameters, or on
        PostgreSQL from its second run on this connection, the EXECUTE of it prepared there
        (prepared now if it is not yet), with the slots' values alone."""
        connection = connections[self.alias]
        if connection.vendor != "postgresql":
            return self.sql, self.bind(values)
        connection.ensure_connection()
        prepared = _PREPARED.setdefault(connection.connection, {})
        if self._name not in prepared:
            prepared[self._name] = False
            return self.sql, self.bind(values)
        if not prepared[self._name]:
            # Straight to the driver: the PREPARE is no statement of the caller's (query counts
            # and execute wrappers see the EXECUTE).
            with connection.wrap_database_errors, connection.connection.cursor() as cursor:
                cursor.execute(self._prepare_sql(cursor))
            prepared[self._name] = True
        return self._execute, [p.prepare(values[p.name], connection) for p in self._slots]

    @cached_property
    def _slots(self) -> tuple[Slot, ...]:
        """Each slot once, in the order they first appear: a name that appears several times
        (the request's id in each part of the related-rows union) is one parameter of the
        prepared statement, bound once per run."""
        first: dict[str, Slot] = {}
        for param in self.params:
            if isinstance(param, Slot):
                first.setdefault(param.name, param)
        return tuple(first.values())

    @cached_property
    def _name(self) -> str:
        # The text and the fixed parameters, which the PREPARE writes in.
        fixed = [p for p in self.params if not isinstance(p, Slot)]
        digest = hashlib.sha256(repr((self.sql, fixed)).encode()).hexdigest()
        return (_READ_PREFIX if is_read(self.sql) else _WRITE_PREFIX) + digest[:24]

    def _prepare_sql(self, cursor: Any) -> str:
        """The PREPARE: the fixed parameters written in as the driver writes them in each time
        it sends the text (psycopg2 binds on the client), each slot's name a numbered parameter
        ($1...)."""
        fixed, position = [], itertools.count()
        numbers = {slot.name: number for number, slot in enumerate(self._slots, start=1)}

        def placeholder(match: re.Match[str]) -> str:
            if match.group(1) == "%":
                return "%%"
            param = self.params[next(position)]
            if isinstance(param, Slot):
                return f"${numbers[param.name]}"
            fixed.append(param)
            return "%s"

        template = re.sub(r"%([s%])", placeholder, self.sql)
        body: bytes = cursor.mogrify(template, fixed)
        # Django's connections to PostgreSQL speak UTF-8.
        return f"PREPARE {self._name} AS {body.decode()}"

    @cached_property
    def _execute(self) -> str:
        arguments = ", ".join(["%s"] * len(self._slots))
        return f"EXECUTE {self._name}({arguments})" if arguments else f"EXECUTE {self._name}"


def compiled_update(queryset: QuerySet[Any], fields: Sequence[str]) -> CompiledStatement:
    """``queryset.update(...)`` of ``fields`` compiled once: each field's new value is the slot
    of its attribute name (``request_id``, ``due_at``), prepared as ``save`` prepares it."""
    model = queryset.model
    query = cast(UpdateQuery, queryset.query.chain(UpdateQuery))
    values: list[Any] = []
    for name in fields:
        field = cast("models.Field[Any, Any]", model._meta.get_field(name))
        values.append((field, None, Slot(field.attname, field, for_save=True)))
    query.add_update_fields(values)
    # What ``QuerySet.update`` does: an UPDATE selects nothing.
    query.annotations = {}
    sql, params = query.get_compiler(queryset.db).as_sql()
    return CompiledStatement(alias=queryset.db, sql=sql, params=tuple(params))


@dataclass(frozen=True)
class CompiledInsert(CompiledStatement):
    """The INSERT of one new row of ``model``, compiled once; the key the database gives it
    comes back (``RETURNING`` where the database has it, else the driver's last id)."""

    model: type[models.Model]
    fields: tuple[models.Field[Any, Any], ...]
    returns_key: bool

    @classmethod
    def of(cls, model: type[models.Model], alias: str) -> CompiledInsert:
        # What ``save`` inserts for a new row: every column but an automatic key and the
        # generated ones.
        fields = tuple(field for field in model._meta.local_concrete_fields
                       if not field.generated and field is not model._meta.auto_field)
        query = InsertQuery(model)
        # ``raw``: each column's slot as it stands (``pre_save``, ``auto_now`` included, runs
        # at each insert, not once here).
        query.insert_values(fields, [model(**{
            field.attname: Slot(field.attname, field, for_save=True) for field in fields})],
            raw=True)
        compiler = query.get_compiler(alias)
        compiler.returning_fields = [model._meta.pk]
        [(sql, params)] = compiler.as_sql()
        return cls(alias=alias, sql=sql, params=tuple(params), model=model, fields=fields,
                   returns_key=connections[alias].features.can_return_columns_from_insert)

    def insert(self, obj: models.Model) -> None:
        """``obj.save()`` of a new row: its signals, ``pre_save`` of each field (``auto_now``),
        the row, and its key on ``obj``."""
        model, connection = type(obj), connections[self.alias]
        # What ``save`` checks first (a related object assigned unsaved); Django's own method,
        # which django-stubs do not describe.
        obj._prepare_related_fields_for_save(operation_name="save")  # type: ignore[attr-defined]
        signals.pre_save.send(sender=model, instance=obj, raw=False, using=self.alias,
                              update_fields=None)
        values = {field.attname: field.pre_save(obj, True) for field in self.fields}
        with connection.cursor() as cursor:
            cursor.execute(*self._run(values))
            if self.returns_key:
                key = cursor.fetchone()[0]
            else:
                key = connection.ops.last_insert_id(cursor, model._meta.db_table,
                                                    str(model._meta.pk.column))
        obj.pk = key
        obj._state.db, obj._state.adding = self.alias, False
        signals.post_save.send(sender=model, instance=obj, created=True, update_fields=None,
                               raw=False, using=self.alias)


@dataclass(frozen=True)
class CompiledSelect(CompiledStatement, Generic[M]):
    """A queryset of model instances (``select_related`` included) compiled once; ``instances``
    builds them from its rows as the ORM's own iterator (``ModelIterable``) does."""

    model: type[M]
    for_update: bool
    # The model's own columns in the row, and their attribute names.
    columns: slice
    attnames: tuple[str, ...]
    # What puts each ``select_related`` model on the instance.
    populators: tuple[Any, ...]
    # The database's converters of each column that has any, by position in the row. The
    # backends' converters take the connection they run on as an argument.
    converters: tuple[tuple[int, tuple[Any, ...], Any], ...]

    @classmethod
    def of(cls, queryset: QuerySet[M]) -> CompiledSelect[M]:
        compiler = queryset.query.get_compiler(queryset.db)
        # Compiling fills the compiler's select list and the map of the related models.
        sql, params = compiler.as_sql()
        select, klass_info = compiler.select, compiler.klass_info
        select_fields = klass_info["select_fields"]
        columns = slice(select_fields[0], select_fields[-1] + 1)
        converters = compiler.get_converters([s[0] for s in select[:compiler.col_count]])
        return cls(
            alias=queryset.db, sql=sql, params=tuple(params), model=queryset.model,
            for_update=bool(queryset.query.select_for_update), columns=columns,
            attnames=tuple(column[0].target.attname for column in select[columns]),
            # (django-stubs describe a later Django, whose signature adds a fetch mode.)
            populators=tuple(get_related_populators(  # type: ignore[call-arg]
                klass_info, select, queryset.db)),
            converters=tuple((pos, tuple(convs), expression)
                             for pos, (convs, expression) in converters.items()))

    def instances(self, **values: Any) -> list[M]:
        connection = connections[self.alias]
        if (self.for_update and connection.features.has_select_for_update
                and connection.get_autocommit()):
            # What the ORM checks when it compiles such a query: the lock would end at once.
            raise TransactionManagementError(
                "select_for_update cannot be used outside of a transaction.")
        return [self._instance(self._converted(row, connection)) for row in self.fetch(**values)]

    def _converted(self, row: Sequence[Any], connection: Any) -> list[Any]:
        values = list(row)
        for pos, convs, expression in self.converters:
            value = values[pos]
            for converter in convs:
                value = converter(value, expression, connection)
            values[pos] = value
        return values

    def _instance(self, row: list[Any]) -> M:
        obj = self.model.from_db(self.alias, list(self.attnames), row[self.columns])
        for populator in self.populators:
            populator.populate(row, obj)
        return obj
