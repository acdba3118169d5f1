"""Append-only tables in the database itself (issue 12): a PostgreSQL trigger, created by a
migration, refuses UPDATE and DELETE on every row, whoever holds the database credentials.
TRUNCATE is left to the owner (tests flush their database with it). SQLite has no such
protection; the models themselves refuse an update or a delete in Django."""

from django.db import migrations


def _create_sql(table: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{table} is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER {table}_append_only
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_append_only();
"""


def _drop_sql(table: str) -> str:
    return f"""
DROP TRIGGER IF EXISTS {table}_append_only ON {table};
DROP FUNCTION IF EXISTS {table}_append_only();
"""


def append_only_trigger(table: str) -> migrations.RunPython:
    """The migration operation that makes ``table`` append-only on PostgreSQL (and undoes it)."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(_create_sql(table), params=None)  # "%" is PL/pgSQL's

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(_drop_sql(table), params=None)

    return migrations.RunPython(create, drop)
