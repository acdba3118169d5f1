"""Back up and restore the whole engine in one archive: every table and every stored file
(``manage.py backup`` / ``manage.py restore``, issue 12 "Nothing lost").

The archive is a ``.tar.gz`` holding

- ``data/<app>.<Model>.jsonl``: one table per member, one row per line, ordered by primary key,
  in a canonical JSON form (sorted keys, datetimes to the microsecond);
- ``media/<path>``: every file under MEDIA_ROOT (attachments, the frozen letter versions);
- ``manifest.json`` (the last member): the format, when and from which database it was made, the
  migrations applied, and for every table its row count and the SHA-256 of its member (which is
  the checksum of the table's content), the row count of its many-to-many tables, and for every
  file its size and SHA-256.

Restoring checks every member against the manifest before the database is touched (a damaged
or altered archive is refused), loads every table in one transaction, then serialises the
restored tables again and compares them with the manifest's checksums: a restore that would not
give back exactly what was backed up is rolled back. Only then are the files put in place.

Why a Django-level dump of our own rather than ``pg_dump`` or django-dbbackup: one archive
format for SQLite (the embedded default) and PostgreSQL, so a demo database moves to a server as
it is; per-table row counts and checksums come for free; restoring inserts only, so the
PostgreSQL trigger that refuses UPDATE and DELETE on the audit log (migration 0016) stays in
place, and the rows keep their primary keys and timestamps to the microsecond, so the log's hash
chain still verifies. django-dbbackup (5.4) backs up the database and the media with two commands
into two archives without a manifest of rows and files; its PostgreSQL connectors need
``pg_dump``/``psql`` of the server's major version next to the app and tie a backup to one
database engine; its database-agnostic connector runs ``dumpdata``, whose JSON cuts datetimes to
the millisecond, which breaks the audit log's hash chain. ``pg_dump`` is faster, at a scale this
office does not reach (figures in the README).

Content types and permissions are not kept: ``migrate`` creates them, possibly with other
primary keys, so every reference to them (the admin log, user and group permissions) is written
as their natural key and mapped to the target database's rows on restore. Sessions are not
kept either: a restore signs everyone out.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from datetime import time
from pathlib import Path
from pathlib import PurePosixPath
from typing import IO
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import DEFAULT_DB_ALIAS
from django.db import DatabaseError
from django.db import IntegrityError
from django.db import connections
from django.db import models
from django.db import transaction
from django.db.migrations.recorder import MigrationRecorder

from requests_app import clock

FORMAT = "mla-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data"
MEDIA = "media"
CHUNK = 2000

# Created by ``migrate`` in every database; referenced by natural key (see the module docstring).
RECREATED = frozenset({"contenttypes.ContentType", "auth.Permission"})
# Worthless after a restore: cleared, never kept.
CLEARED_ONLY = frozenset({"sessions.Session"})
# What a freshly installed engine already holds: the instruments (``load_treaties``) and the
# letter templates the migrations seed. A database holding only these counts as empty.
REFERENCE_APPS = frozenset({"treaties"})
REFERENCE_MODELS = frozenset({"requests_app.LetterTemplate"})


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why, for the operator."""


@dataclass(frozen=True)
class TableDigest:
    rows: int
    sha256: str


@dataclass(frozen=True)
class BackupSummary:
    """What an archive holds (made or restored)."""

    tables: int
    rows: int
    files: int
    file_bytes: int
    missing_files: tuple[str, ...] = ()


# --- what is kept, and its canonical form -------------------------------------------------------
def backup_models() -> list[type[models.Model]]:
    """Every table the archive keeps, in the order they are written and loaded."""
    return [model for model in apps.get_models()
            if model._meta.managed and not model._meta.proxy
            and model._meta.label not in RECREATED | CLEARED_ONLY]


def _m2m_fields(model: type[models.Model]) -> list[models.ManyToManyField[Any, Any]]:
    """The many-to-many fields whose rows the model's rows carry (not those with a through
    model of their own, which is a kept table itself)."""
    return [field for field in model._meta.local_many_to_many
            if _through(field)._meta.auto_created]


def _through(field: models.ManyToManyField[Any, Any]) -> type[models.Model]:
    through = field.remote_field.through
    assert through is not None
    return through


def _related(field: Any) -> type[models.Model]:
    related: type[models.Model] = field.related_model
    return related


class _Encoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but datetimes and times to the microsecond: cut to the millisecond (as
    ``dumpdata`` does) the audit log's hash chain would no longer verify."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def _line(row: dict[str, Any]) -> bytes:
    return (json.dumps(row, cls=_Encoder, sort_keys=True, ensure_ascii=False,
                       separators=(",", ":")) + "\n").encode()


NaturalKeys = dict[type[models.Model], dict[Any, list[str]]]


def _natural_keys() -> NaturalKeys:
    """Primary key -> natural key of the content types and permissions of this database."""
    types = {pk: [app_label, model] for pk, app_label, model
             in ContentType.objects.values_list("pk", "app_label", "model")}
    permissions = {pk: [codename, *types[type_id]] for pk, codename, type_id
                   in Permission.objects.values_list("pk", "codename", "content_type_id")}
    return {ContentType: types, Permission: permissions}


class _RowSerializer(PythonSerializer):
    """Django's Python serializer, streaming each row to ``sink``, with references to content
    types and permissions as natural keys and many-to-many lists sorted."""

    _current: Any

    def __init__(self, sink: Callable[[dict[str, Any]], None], natural: NaturalKeys) -> None:
        self.sink = sink
        self.natural = natural

    def end_object(self, obj: Any) -> None:
        self.sink(self.get_dump_object(obj))
        self._current = None

    def handle_fk_field(self, obj: Any, field: Any) -> None:
        keys = self.natural.get(field.related_model)
        if keys is None:
            super().handle_fk_field(obj, field)
            return
        value = getattr(obj, field.attname)
        self._current[field.name] = None if value is None else keys[value]

    def handle_m2m_field(self, obj: Any, field: Any) -> None:
        if not field.remote_field.through._meta.auto_created:
            return
        pks = [related.pk for related in getattr(obj, field.name).all()]  # prefetched
        keys = self.natural.get(field.related_model)
        self._current[field.name] = sorted(keys[pk] for pk in pks) if keys else sorted(pks)


def table_dump(model: type[models.Model], natural: NaturalKeys,
               write: Callable[[bytes], Any] | None = None) -> TableDigest:
    """Serialise every row of ``model`` (to ``write``, when given); its row count and the SHA-256
    of the serialised rows. A constant number of queries per 2000 rows."""
    digest = hashlib.sha256()
    rows = 0

    def sink(row: dict[str, Any]) -> None:
        nonlocal rows
        line = _line(row)
        digest.update(line)
        rows += 1
        if write is not None:
            write(line)

    prefetch = [models.Prefetch(field.name, queryset=_related(field)._base_manager
                                .only("pk").order_by())
                for field in _m2m_fields(model)]
    queryset = model._base_manager.order_by("pk").prefetch_related(*prefetch)
    _RowSerializer(sink, natural).serialize(queryset.iterator(chunk_size=CHUNK))
    return TableDigest(rows, digest.hexdigest())


def database_digest() -> dict[str, TableDigest]:
    """Row count and content checksum of every table the archive keeps, as a backup of this
    database now would record them."""
    natural = _natural_keys()
    return {model._meta.label: table_dump(model, natural) for model in backup_models()}


def _m2m_counts(model: type[models.Model]) -> dict[str, int]:
    return {_through(field)._meta.db_table: _through(field)._base_manager.count()
            for field in _m2m_fields(model)}


def _migrations_applied(alias: str = DEFAULT_DB_ALIAS) -> list[str]:
    recorder = MigrationRecorder(connections[alias])
    if not recorder.has_table():
        return []
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def _files_referenced() -> set[str]:
    """The stored file names every file field of every kept table names."""
    names: set[str] = set()
    for model in backup_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names.update(name for name in model._base_manager.exclude(**{field.name: ""})
                             .values_list(field.attname, flat=True) if name)
    return names


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _media_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(relative POSIX path, path) of every regular file under ``root``, sorted; symbolic links
    are not followed."""
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path


# --- backup -----------------------------------------------------------------------------------
class _HashingReader:
    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(size)
        self.sha256.update(chunk)
        return chunk


@contextmanager
def _snapshot(alias: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """One consistent view of every table for the whole dump (PostgreSQL: a read-only
    repeatable-read transaction; SQLite: a transaction)."""
    connection = connections[alias]
    if connection.in_atomic_block:  # the caller's transaction (tests)
        yield
        return
    with transaction.atomic(using=alias):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def _tar_add_bytes(tar: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(content), int(clock.now().timestamp()), 0o644
    tar.addfile(info, io.BytesIO(content))


def backup_write(path: Path) -> BackupSummary:
    """Write the archive of this database and of MEDIA_ROOT to ``path`` (``.tar.gz``). It is
    written next to it first and renamed when complete: an interrupted backup leaves no archive
    that looks whole."""
    path = Path(path)
    if path.is_dir():
        raise BackupError(f"{path} is a folder; give the path of the archive to write "
                          "(for example backups/mla-2026-12-03.tar.gz).")
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    partial = path.with_name(path.name + ".partial")
    try:
        summary = _backup_into(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return summary


def _backup_into(target: Path) -> BackupSummary:
    tables: list[dict[str, Any]] = []
    with tarfile.open(target, "w:gz", compresslevel=6) as tar, \
            tempfile.TemporaryDirectory(prefix="mla-backup-") as scratch:
        with _snapshot():
            natural = _natural_keys()
            for model in backup_models():
                member = f"{DATA}/{model._meta.label}.jsonl"
                dump = Path(scratch, "table.jsonl")
                with dump.open("wb") as handle:
                    digest = table_dump(model, natural, handle.write)
                tar.add(dump, arcname=member, recursive=False)
                tables.append({"model": model._meta.label, "table": model._meta.db_table,
                               "member": member, "rows": digest.rows, "sha256": digest.sha256,
                               "m2m_rows": _m2m_counts(model)})
            migrations = _migrations_applied()
            referenced = _files_referenced()
            vendor = connections[DEFAULT_DB_ALIAS].vendor
        # Files after the rows: a file is stored before the row naming it is committed, so
        # every file the snapshot names is already there.
        files: list[dict[str, Any]] = []
        for relative, source in _media_files(_media_root()):
            with source.open("rb") as handle:
                info = tar.gettarinfo(fileobj=handle, arcname=f"{MEDIA}/{relative}")
                info.uid = info.gid = 0
                info.uname = info.gname = ""
                reader = _HashingReader(handle)
                tar.addfile(info, reader)
            files.append({"path": relative, "size": info.size,
                          "sha256": reader.sha256.hexdigest()})
        missing = sorted(referenced - {entry["path"] for entry in files})
        manifest = {"format": FORMAT, "version": FORMAT_VERSION,
                    "created_at": clock.now().isoformat(), "database": vendor,
                    "migrations": migrations, "tables": tables, "files": files,
                    "missing_files": missing}
        _tar_add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False)
                       .encode())
    return BackupSummary(tables=len(tables), rows=sum(t["rows"] for t in tables),
                         files=len(files), file_bytes=sum(f["size"] for f in files),
                         missing_files=tuple(missing))


# --- reading an archive -----------------------------------------------------------------------
def _member_path(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if (path.is_absolute() or ".." in path.parts or not path.parts
            or (path.parts[0] not in (DATA, MEDIA) and name != MANIFEST)
            or (path.parts[0] in (DATA, MEDIA) and len(path.parts) < 2)):
        raise BackupError(f"The archive holds an unexpected entry {name!r}: not a backup "
                          "made by manage.py backup.")
    return path


def _manifest_read(staging: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((staging / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError("The archive has no manifest.json: it is incomplete or not a backup "
                          "made by manage.py backup.") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise BackupError(f"The archive's manifest.json is damaged ({exc}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("The archive's manifest.json is not that of a backup made by "
                          "manage.py backup.")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(f"The archive is in format version {manifest.get('version')}; this "
                          f"version of the engine reads version {FORMAT_VERSION}.")
    try:
        for table in manifest["tables"]:
            if _member_path(str(table["member"])).parts[0] != DATA:
                raise ValueError(table["member"])
            int(table["rows"]), str(table["model"]), str(table["sha256"])
        for entry in manifest["files"]:
            _member_path(f"{MEDIA}/{entry['path']}")
            int(entry["size"]), str(entry["sha256"])
        list(manifest["migrations"])
    except (KeyError, TypeError, ValueError):
        raise BackupError("The archive's manifest.json is incomplete or altered.") from None
    return manifest


def archive_unpack(path: Path, staging: Path) -> dict[str, Any]:
    """Unpack the archive into ``staging`` and check every member against the manifest; the
    manifest. Raises BackupError, naming the member, when anything does not match."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No archive at {path}.")
    hashes: dict[str, tuple[int, str]] = {}
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                relative = _member_path(member.name)
                if not member.isfile():
                    raise BackupError(f"The archive entry {member.name!r} is not a regular "
                                      "file: not a backup made by manage.py backup.")
                if member.name in hashes:
                    raise BackupError(f"The archive holds {member.name!r} twice.")
                source = tar.extractfile(member)
                assert source is not None  # a regular file
                target = staging.joinpath(*relative.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                reader = _HashingReader(source)
                with target.open("wb") as handle:
                    shutil.copyfileobj(reader, handle)
                hashes[member.name] = (member.size, reader.sha256.hexdigest())
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise BackupError(f"The archive {path} is damaged or not a .tar.gz ({exc}).") from None
    except OSError as exc:  # writing the unpacked copy (disk full...)
        raise BackupError(f"The archive could not be unpacked into {staging} ({exc}). Nothing "
                          "was restored.") from None
    manifest = _manifest_read(staging)
    expected = {table["member"]: (None, table["sha256"]) for table in manifest["tables"]}
    expected.update({f"{MEDIA}/{entry['path']}": (entry["size"], entry["sha256"])
                     for entry in manifest["files"]})
    hashes.pop(MANIFEST)
    missing, unlisted = sorted(expected.keys() - hashes.keys()), sorted(hashes.keys() - expected.keys())
    if missing:
        raise BackupError(f"The archive is incomplete: {missing[0]} is missing.")
    if unlisted:
        raise BackupError(f"The archive holds {unlisted[0]}, which its manifest does not list: "
                          "it has been altered.")
    for name, (size, sha256) in sorted(expected.items()):
        if hashes[name][1] != sha256 or (size is not None and hashes[name][0] != size):
            raise BackupError(f"The archive is damaged or altered: the checksum of {name} does "
                              "not match its manifest. Nothing was restored.")
    return manifest


# --- restore ----------------------------------------------------------------------------------
def _schema_check(manifest: dict[str, Any]) -> None:
    here, there = set(_migrations_applied()), set(manifest["migrations"])
    if not here:
        raise BackupError("This database has no tables yet: run `manage.py migrate` first, "
                          "then restore.")
    if there - here:
        names = ", ".join(sorted(there - here)[:5])
        raise BackupError(f"The backup was made by a newer version of the engine: its database "
                          f"had migrations this one has not applied ({names}). Run "
                          "`manage.py migrate` if this version has them, or restore with the "
                          "version that made the backup.")
    if here - there:
        names = ", ".join(sorted(here - there)[:5])
        raise BackupError(f"The backup was made by an older version of the engine (before "
                          f"{names}). Restore it with the version that made it, then upgrade "
                          "(`manage.py migrate`).")


def database_in_use() -> list[str]:
    """The kept tables that hold rows beyond what a freshly installed engine has (see
    ``REFERENCE_APPS``); empty when the database may be restored into without ``--force``."""
    return [model._meta.label for model in backup_models()
            if model._meta.app_label not in REFERENCE_APPS
            and model._meta.label not in REFERENCE_MODELS
            and model._base_manager.exists()]


def _tables_cleared(alias: str) -> None:
    kept = backup_models()
    cleared: list[type[models.Model]] = [*kept, *(apps.get_model(label)
                                                  for label in CLEARED_ONLY)]
    cleared += [_through(field) for model in kept for field in _m2m_fields(model)]
    # Only the tables holding rows (truncating a table costs even when it is empty); what
    # references them goes with them (CASCADE), all of it among the tables cleared here.
    tables = [model._meta.db_table for model in cleared if model._base_manager.exists()]
    if not tables:
        return
    connection = connections[alias]
    postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgresql:  # TRUNCATE refuses tables with foreign-key checks still pending
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        # TRUNCATE on PostgreSQL: the audit log's trigger refuses DELETE, not TRUNCATE.
        for sql in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
            cursor.execute(sql)


class _NaturalToPk:
    """Natural key -> primary key of the content types and permissions of this database; a
    content type the backup names but this database lacks (a removed model) is created."""

    def __init__(self) -> None:
        self.types = {(a, m): pk for pk, a, m in
                      ContentType.objects.values_list("pk", "app_label", "model")}
        self.permissions = {(c, a, m): pk for pk, c, a, m in Permission.objects.values_list(
            "pk", "codename", "content_type__app_label", "content_type__model")}

    def type_pk(self, key: list[str]) -> int:
        found = self.types.get((key[0], key[1]))
        if found is None:
            found = self.types[(key[0], key[1])] = ContentType.objects.create(
                app_label=key[0], model=key[1]).pk
        return found

    def permission_pk(self, key: list[str]) -> int:
        found = self.permissions.get((key[0], key[1], key[2]))
        if found is None:
            raise BackupError(f"The backup names the permission {'.'.join(key)}, which this "
                              "installation does not have.")
        return found

    def mapper(self, model: type[models.Model]) -> Callable[[dict[str, Any]], dict[str, Any]]:
        """What turns a row's natural keys back into this database's primary keys."""
        to_pk = {ContentType: self.type_pk, Permission: self.permission_pk}
        single = {field.name: to_pk[_related(field)] for field in model._meta.concrete_fields
                  if field.is_relation and _related(field) in to_pk}
        many = {field.name: to_pk[_related(field)] for field in _m2m_fields(model)
                if _related(field) in to_pk}

        def mapped(row: dict[str, Any]) -> dict[str, Any]:
            fields = row["fields"]
            for name, convert in single.items():
                if fields.get(name) is not None:
                    fields[name] = convert(fields[name])
            for name, convert in many.items():
                fields[name] = [convert(key) for key in fields.get(name, [])]
            return row

        return mapped


def _rows(path: Path, mapped: Callable[[dict[str, Any]], dict[str, Any]]
          ) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield mapped(json.loads(line))


def _table_load(model: type[models.Model], path: Path, natural: _NaturalToPk,
                alias: str) -> None:
    """Insert every row of the member at ``path``, as it was stored (raw: no ``auto_now``, no
    model ``save()``, no signals), in batches; then its many-to-many rows."""
    connection = connections[alias]
    # A generated column (``AssistanceRequest.stage_order``) is the database's to compute.
    fields = [field for field in model._meta.local_concrete_fields
              if not getattr(field, "generated", False)]
    m2m = {field.name: field for field in _m2m_fields(model)}
    batch: list[models.Model] = []
    links: dict[str, list[models.Model]] = {name: [] for name in m2m}

    def flush() -> None:
        size = max(1, connection.ops.bulk_batch_size(fields, batch))
        for start in range(0, len(batch), size):
            model._base_manager._insert(  # type: ignore[attr-defined]
                batch[start:start + size], fields=fields, raw=True, using=alias)
        batch.clear()
        for name, rows in links.items():
            if rows:
                through = _through(m2m[name])
                through._base_manager.using(alias).bulk_create(rows, batch_size=CHUNK)
                rows.clear()

    for item in PythonDeserializer(_rows(path, natural.mapper(model)), using=alias):
        batch.append(item.object)
        for name, targets in (item.m2m_data or {}).items():
            field = m2m[name]
            through = _through(field)
            source_column = f"{field.m2m_field_name()}_id"
            target_column = f"{field.m2m_reverse_field_name()}_id"
            links[name].extend(through(**{source_column: item.object.pk, target_column: target})
                               for target in targets)
        if len(batch) >= CHUNK:
            flush()
    flush()


def _database_load(manifest: dict[str, Any], staging: Path, alias: str) -> None:
    connection = connections[alias]
    by_label = {model._meta.label: model for model in backup_models()}
    listed = {table["model"] for table in manifest["tables"]}
    if listed != by_label.keys():
        raise BackupError("The backup's tables do not match this version's: "
                          f"{', '.join(sorted(listed ^ by_label.keys()))}.")
    _tables_cleared(alias)
    if connection.vendor == "postgresql":  # rows load in any order, checked at the end
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    natural = _NaturalToPk()
    loaded: list[type[models.Model]] = []
    for table in manifest["tables"]:
        model = by_label[table["model"]]
        try:
            _table_load(model, staging.joinpath(*PurePosixPath(table["member"]).parts),
                        natural, alias)
        except (DatabaseError, DeserializationError, ValueError, LookupError) as exc:
            raise BackupError(f"The rows of {model._meta.label} could not be loaded ({exc}). "
                              "Nothing was restored.") from None
        loaded += [model, *(_through(field) for field in _m2m_fields(model))]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), loaded):
            cursor.execute(sql)
    try:
        connection.check_constraints(table_names=[model._meta.db_table for model in loaded])
    except IntegrityError as exc:
        raise BackupError(f"The backup's rows do not fit together ({exc}). Nothing was "
                          "restored.") from None


def _restored_check(manifest: dict[str, Any]) -> None:
    """The restored tables, serialised again, are exactly what the backup recorded."""
    restored = database_digest()
    for table in manifest["tables"]:
        found = restored[table["model"]]
        if (found.rows, found.sha256) != (table["rows"], table["sha256"]):
            raise BackupError(f"{table['model']} did not restore as backed up ({found.rows} rows "
                              f"instead of {table['rows']}, or different content). Nothing was "
                              "restored.")


def _media_replace(staged: Path, root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for entry in root.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    if staged.is_dir():
        for entry in staged.iterdir():
            shutil.move(entry, root / entry.name)


def backup_restore(path: Path, *, force: bool = False,
                   alias: str = DEFAULT_DB_ALIAS) -> BackupSummary:
    """Restore the archive at ``path``: the database's kept tables and MEDIA_ROOT become exactly
    the backup's. Refuses (BackupError, nothing changed) a damaged or altered archive, one made
    at another schema version, and, unless ``force``, a database or MEDIA_ROOT already in use."""
    root = _media_root()
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".mla-restore-", dir=root.parent))
    keep_staging = False
    try:
        manifest = archive_unpack(Path(path), staging)
        _schema_check(manifest)
        if not force:
            in_use = database_in_use()
            if in_use:
                raise BackupError(
                    "The database already holds data (" + ", ".join(in_use[:5])
                    + (", ..." if len(in_use) > 5 else "") + "). A restore deletes all of it and "
                    "puts the backup's data in its place: run again with --force to do that.")
            if any(True for _ in _media_files(root)):
                raise BackupError(f"MEDIA_ROOT ({root}) already holds files. A restore "
                                  "deletes them and puts the backup's files in their place: "
                                  "run again with --force to do that.")
        with transaction.atomic(using=alias):
            _database_load(manifest, staging, alias)
            _restored_check(manifest)
        try:
            _media_replace(staging / MEDIA, root)
        except OSError as exc:
            keep_staging = True  # the checked files the database now names are only there
            raise BackupError(
                f"The database was restored, but the files could not be put in MEDIA_ROOT "
                f"({exc}). Their checked copies are in {staging / MEDIA}: move them into "
                f"{root}, or run the restore again with --force.") from None
    finally:
        if not keep_staging:
            shutil.rmtree(staging, ignore_errors=True)
    return BackupSummary(tables=len(manifest["tables"]),
                         rows=sum(t["rows"] for t in manifest["tables"]),
                         files=len(manifest["files"]),
                         file_bytes=sum(f["size"] for f in manifest["files"]),
                         missing_files=tuple(manifest.get("missing_files", ())))
