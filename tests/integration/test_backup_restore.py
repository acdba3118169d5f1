"""Nothing lost (issue 12): ``manage.py backup`` puts the database and every stored file in one
archive, ``manage.py restore`` gives back exactly that into an empty database — every request,
record, log row and file, the audit log's hash chain still verifying — and refuses a damaged or
altered archive, or a database already in use without ``--force``."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.admin.models import ADDITION
from django.contrib.admin.models import LogEntry
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import connection

from requests_app.management.commands.verify_audit_log import audit_log_breaks
from requests_app.models import AssistanceRequest
from requests_app.models import Attachment
from requests_app.models import LetterVersion
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import transitions as t
from requests_app.services.attachments import attachment_add
from requests_app.services.backup import database_digest
from requests_app.services.notes import note_add
from requests_app.services.records import translation_record
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.requests_app._support import to_ready

pytestmark = pytest.mark.django_db

NOT_KEPT = {"contenttypes.ContentType", "auth.Permission", "sessions.Session"}


@pytest.fixture(autouse=True)
def content_types_forgotten():
    """The content types a test creates again are rolled back with it: forget their cache."""
    yield
    ContentType.objects.clear_cache()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def _populate() -> None:
    """Requests in several states with records, notes, uploads, frozen letter versions (PDF and
    DOCX files) and their log rows; a user and a group with permissions; an admin log entry."""
    author, boss, desk = prosecutor(), supervisor(), clerk()
    drafting = AssistanceRequestFactory(created_by=author)
    attachment_add(actor=author, request_id=drafting.pk, kind="request",
                   uploaded_file=SimpleUploadedFile("request.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40))
    attachment_add(actor=author, request_id=drafting.pk, kind="other",
                   uploaded_file=SimpleUploadedFile("note.pdf", b"%PDF-1.4\nsecond\n%%EOF\n"))
    translation_record(actor=author, request_id=drafting.pk, language="ru")
    note_add(actor=author, request_id=drafting.pk, text="Call the Serbian desk — Қазақстан.")
    under_review = AssistanceRequestFactory(created_by=author)
    t.request_submit_for_review(request_id=under_review.pk, actor=author)
    sent = AssistanceRequestFactory(created_by=author)
    to_ready(sent, author, boss)
    t.request_transmit(request_id=sent.pk, actor=desk, dispatch_reference="2-15-26/1234")
    incoming_request(state=RequestState.IN_EXECUTION, created_by=author)
    boss.user_permissions.add(Permission.objects.get(codename="view_assistancerequest"))
    Group.objects.get_or_create(name="auditors")[0].permissions.add(
        *Permission.objects.filter(codename__in=["view_transitionlog", "view_attachment"]))
    LogEntry.objects.create(user=boss, content_type=ContentType.objects.get_for_model(
        AssistanceRequest), object_id=str(sent.pk), object_repr=str(sent), action_flag=ADDITION)
    assert {r.state for r in AssistanceRequest.objects.all()} >= {
        RequestState.DRAFTING, RequestState.UNDER_REVIEW, RequestState.TRANSMITTED}
    assert LetterVersion.objects.count() >= 3 and TransitionLog.objects.count() >= 6


def _contents() -> dict[str, list[tuple]]:
    """Every kept table's rows, read with the ORM (not the backup's serialiser); references to
    content types and permissions by natural key, since their primary keys may differ."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or model._meta.label in NOT_KEPT:
            continue
        columns = []
        for field in model._meta.concrete_fields:
            if model._meta.auto_created and field.primary_key:
                continue  # a many-to-many row's own id is not kept
            if field.is_relation and field.related_model is ContentType:
                columns += [f"{field.name}__app_label", f"{field.name}__model"]
            elif field.is_relation and field.related_model is Permission:
                columns += [f"{field.name}__codename", f"{field.name}__content_type__model"]
            else:
                columns.append(field.attname)
        tables[model._meta.label] = sorted(model._base_manager.values_list(*columns), key=repr)
    return tables


def _files(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in root.rglob("*") if path.is_file()}


def _wipe(media: Path) -> None:
    """An empty database, as ``migrate`` leaves it but for the content types and permissions
    created again with other primary keys; an empty MEDIA_ROOT."""
    tables = [model._meta.db_table for model in apps.get_models(include_auto_created=True)
              if not model._meta.proxy and model._base_manager.exists()]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for sql in connection.ops.sql_flush(no_style(), tables, allow_cascade=True):
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    ContentType.objects.create(app_label="shifted", model="first")
    for config in reversed(list(apps.get_app_configs())):
        create_contenttypes(config, verbosity=0)
        create_permissions(config, verbosity=0)
    ContentType.objects.clear_cache()
    for path in sorted(media.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()


def _backup(path: Path) -> str:
    out = io.StringIO()
    call_command("backup", str(path), stdout=out)
    return out.getvalue()


def _restore(path: Path, *args: str) -> str:
    out = io.StringIO()
    call_command("restore", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def populated(media):
    _populate()
    return media


@pytest.fixture
def one_upload(media):
    """A request with one uploaded file and its log row (quicker than ``populated``)."""
    author = prosecutor()
    request = AssistanceRequestFactory(created_by=author)
    attachment_add(actor=author, request_id=request.pk, kind="request",
                   uploaded_file=SimpleUploadedFile("request.pdf", b"%PDF-1.4\n%%EOF\n"))
    return media


def test_restore_into_an_empty_database_gives_back_every_row_and_file(populated, tmp_path):
    contents, digest, files = _contents(), database_digest(), _files(populated)
    archive = tmp_path / "mla.tar.gz"
    _backup(archive)
    type_pk = ContentType.objects.get_for_model(AssistanceRequest).pk
    _wipe(populated)
    assert not AssistanceRequest.objects.exists() and not _files(populated)
    assert ContentType.objects.get_for_model(AssistanceRequest).pk != type_pk

    output = _restore(archive)

    assert "every checksum matches" in output
    assert _contents() == contents
    assert database_digest() == digest
    assert _files(populated) == files and len(files) >= 8
    for attachment in Attachment.objects.all():
        assert hashlib.sha256(attachment.file.open("rb").read()).hexdigest() == attachment.sha256


def test_the_restored_audit_log_verifies_and_stays_append_only(populated, tmp_path):
    archive = tmp_path / "mla.tar.gz"
    _backup(archive)
    rows = TransitionLog.objects.count()
    _wipe(populated)

    output = _restore(archive)

    assert "Audit log intact" in output
    assert audit_log_breaks() == []
    call_command("verify_audit_log", stdout=io.StringIO())
    assert TransitionLog.objects.count() == rows
    # New rows follow the restored ones (sequences reset) and chain on.
    note_add(actor=AssistanceRequest.objects.first().created_by,
             request_id=AssistanceRequest.objects.first().pk, text="after the restore")
    assert TransitionLog.objects.count() == rows + 1 and audit_log_breaks() == []
    if connection.vendor == "postgresql":
        with pytest.raises(Exception, match="append-only"), connection.cursor() as cursor:
            cursor.execute("UPDATE requests_app_transitionlog SET reason = 'changed'")


def test_restore_refuses_a_database_in_use_unless_forced(one_upload, tmp_path):
    archive = tmp_path / "mla.tar.gz"
    _backup(archive)
    note_add(actor=AssistanceRequest.objects.first().created_by,
             request_id=AssistanceRequest.objects.first().pk, text="written after the backup")
    rows = TransitionLog.objects.count()

    with pytest.raises(CommandError, match="already holds data.*--force"):
        _restore(archive)
    assert TransitionLog.objects.count() == rows

    _restore(archive, "--force")
    assert TransitionLog.objects.count() == rows - 1


def test_restore_refuses_files_already_in_media_root_unless_forced(media, tmp_path):
    archive = tmp_path / "mla.tar.gz"
    _backup(archive)
    media.mkdir(parents=True, exist_ok=True)
    (media / "stray.pdf").write_bytes(b"%PDF-1.4 left here")

    with pytest.raises(CommandError, match="MEDIA_ROOT .* already holds files.*--force"):
        _restore(archive)
    assert (media / "stray.pdf").exists()

    _restore(archive, "--force")
    assert not (media / "stray.pdf").exists()


def _rewritten(archive: Path, target: Path, member: str, change) -> Path:
    """A copy of ``archive`` with ``member``'s bytes passed through ``change``."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for info in source:
            content = source.extractfile(info).read()
            if info.name == member:
                content = change(content)
                info.size = len(content)
            copy.addfile(info, io.BytesIO(content))
    return target


def test_a_tampered_archive_is_refused_and_nothing_is_changed(one_upload, tmp_path):
    archive = tmp_path / "mla.tar.gz"
    _backup(archive)
    tampered = _rewritten(archive, tmp_path / "tampered.tar.gz",
                          "data/requests_app.TransitionLog.jsonl",
                          lambda data: data.replace(b"attachment_added", b"attachment_addeb", 1))
    digest, files = database_digest(), _files(one_upload)

    with pytest.raises(CommandError, match="checksum of data/requests_app.TransitionLog.jsonl "
                                           "does not match"):
        _restore(tampered, "--force")

    assert database_digest() == digest and _files(one_upload) == files


def test_a_changed_stored_file_in_the_archive_is_refused(one_upload, tmp_path):
    archive = tmp_path / "mla.tar.gz"
    _backup(archive)
    with tarfile.open(archive, "r:gz") as tar:
        pdf = next(name for name in tar.getnames() if name.endswith(".pdf"))
    tampered = _rewritten(archive, tmp_path / "tampered.tar.gz", pdf, lambda data: data + b"x")

    with pytest.raises(CommandError, match=f"checksum of {pdf} does not match"):
        _restore(tampered, "--force")


def test_a_log_row_forged_with_its_manifest_is_restored_but_reported(one_upload, tmp_path):
    """Whoever rewrites the manifest too defeats the checksums, not the log's hash chain."""
    archive = tmp_path / "mla.tar.gz"
    _backup(archive)
    member = "data/requests_app.TransitionLog.jsonl"
    forged_rows = []

    def forge(data: bytes) -> bytes:
        forged_rows.append(data.replace(b'"reason":"', b'"reason":"forged ', 1))
        return forged_rows[0]

    forged = _rewritten(archive, tmp_path / "step.tar.gz", member, forge)

    def manifest_too(data: bytes) -> bytes:
        manifest = json.loads(data)
        for table in manifest["tables"]:
            if table["member"] == member:
                table["sha256"] = hashlib.sha256(forged_rows[0]).hexdigest()
        return json.dumps(manifest).encode()

    forged = _rewritten(forged, tmp_path / "forged.tar.gz", "manifest.json", manifest_too)

    with pytest.raises(CommandError, match="1 request log.* do not verify"):
        _restore(forged, "--force")
    assert TransitionLog.objects.filter(reason__startswith="forged").count() == 1


def test_a_truncated_archive_is_refused(media, tmp_path):
    archive = tmp_path / "mla.tar.gz"
    AssistanceRequestFactory()
    _backup(archive)
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])

    with pytest.raises(CommandError, match="damaged"):
        _restore(archive, "--force")


def test_an_archive_of_another_schema_version_is_refused(media, tmp_path):
    archive = tmp_path / "mla.tar.gz"
    _backup(archive)

    def newer(data: bytes) -> bytes:
        manifest = json.loads(data)
        manifest["migrations"].append("requests_app.9999_future")
        return json.dumps(manifest).encode()

    changed = _rewritten(archive, tmp_path / "newer.tar.gz", "manifest.json", newer)
    with pytest.raises(CommandError, match="newer version.*9999_future"):
        _restore(changed, "--force")


def test_the_archive_lists_every_table_and_file_with_its_checksum(populated, tmp_path):
    archive = tmp_path / "mla.tar.gz"
    _backup(archive)

    with tarfile.open(archive, "r:gz") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    tables = {table["model"]: table for table in manifest["tables"]}
    assert tables["requests_app.TransitionLog"]["rows"] == TransitionLog.objects.count()
    assert tables["auth.User"]["m2m_rows"]["auth_user_groups"] >= 3
    assert NOT_KEPT.isdisjoint(tables)
    assert {entry["path"]: entry["sha256"] for entry in manifest["files"]} == _files(populated)
    assert gzip.open(archive).read(2)  # a plain .tar.gz
