"""Who looked (issue 12): one INSERT per look through ``services.access_log.record_access``;
the records are append-only in Django and, on PostgreSQL, in the database itself; a download
is named by what the file is; the demo data leaves looks for the supervisor to see."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.db import DatabaseError
from django.db import connection
from django.db import transaction

from requests_app.models import AccessChannel
from requests_app.models import AccessKind
from requests_app.models import AccessRecord
from requests_app.models import AppendOnlyError
from requests_app.models import AttachmentKind
from requests_app.models import LetterVersion
from requests_app.models import TransitionLog
from requests_app.services import transitions as t
from requests_app.services.access_log import attachment_access
from requests_app.services.access_log import may_see_access_log
from requests_app.services.access_log import record_access
from requests_app.services.attachments import attachment_add
from tests.factories import AssistanceRequestFactory
from tests.factories import UserFactory
from tests.factories import clerk
from tests.factories import prosecutor
from tests.factories import supervisor

pytestmark = pytest.mark.django_db

TABLE = "requests_app_accessrecord"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
postgres_only = pytest.mark.skipif("connection.vendor != 'postgresql'",
                                   reason="the trigger is PostgreSQL's")


def _look(request=None, **extra) -> AccessRecord:
    request = request or AssistanceRequestFactory()
    return record_access(user=request.created_by, request_id=request.pk,
                         what=AccessKind.REQUEST_VIEWED, channel=AccessChannel.WEB, **extra)


def test_a_look_is_one_insert(django_assert_num_queries):
    request = AssistanceRequestFactory()
    with django_assert_num_queries(1):
        record = _look(request)
    assert (record.request_id, record.user_id, record.what, record.channel) == (
        request.pk, request.created_by_id, AccessKind.REQUEST_VIEWED, AccessChannel.WEB)
    assert record.at.tzinfo is not None


def test_a_look_is_not_part_of_the_requests_log():
    request = AssistanceRequestFactory()
    logged = TransitionLog.objects.filter(request=request).count()
    _look(request)
    assert TransitionLog.objects.filter(request=request).count() == logged


def test_a_long_label_is_cut_to_the_column():
    assert len(_look(label="x" * 400).label) == 255


def test_django_refuses_to_change_or_remove_a_record():
    record = _look()
    record.label = "changed"
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    with pytest.raises(AppendOnlyError):
        AccessRecord.objects.filter(pk=record.pk).update(label="changed")
    with pytest.raises(AppendOnlyError):
        AccessRecord.objects.all().delete()
    assert AccessRecord.objects.get(pk=record.pk).label == ""


@postgres_only
@pytest.mark.parametrize("statement", [f"UPDATE {TABLE} SET label = 'x'",
                                       f"DELETE FROM {TABLE}"])
def test_postgresql_itself_refuses_to_change_or_remove_a_record(statement):
    _look()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), \
            connection.cursor() as cursor:
        cursor.execute(statement)
    assert AccessRecord.objects.filter(label="").count() == 1


def test_only_supervisors_see_who_looked():
    assert may_see_access_log(supervisor())
    assert not any(may_see_access_log(user) for user in (prosecutor(), clerk(), UserFactory()))


def test_a_download_is_named_by_what_the_file_is():
    request = AssistanceRequestFactory(request_language="en")
    t.request_submit_for_review(request_id=request.pk, actor=request.created_by, params={
        "override_incomplete": True, "override_reason": "The translation follows."})
    version = LetterVersion.objects.get(request=request)
    scan = attachment_add(actor=clerk(), request_id=request.pk, kind=AttachmentKind.SIGNED_SCAN,
                          uploaded_file=ContentFile(PDF, name="scan.pdf"))
    letter = attachment_add(actor=clerk(), request_id=request.pk,
                            kind=AttachmentKind.CORRESPONDENCE,
                            uploaded_file=ContentFile(PDF, name="letter.pdf"))

    assert attachment_access(version.pdf) == (AccessKind.LETTER_VERSION_DOWNLOADED, version.pk)
    assert attachment_access(version.docx) == (AccessKind.LETTER_VERSION_DOWNLOADED, version.pk)
    assert attachment_access(scan) == (AccessKind.ATTACHMENT_DOWNLOADED, scan.pk)
    assert attachment_access(letter) == (AccessKind.CORRESPONDENCE_DOWNLOADED, letter.pk)
