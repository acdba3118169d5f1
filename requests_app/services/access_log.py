"""Who looked: the one way a view or a download of a request is recorded (issue 12).

Views and the API call ``record_access`` once the access check has passed and the page or file
is ready to go out: one INSERT, nothing read. What is recorded:

* the request page, a full GET only (the htmx fragments it swaps in and the answers to its forms
  are not new looks at the request);
* the request read through the API (``GET /api/requests/{id}/``);
* the request letter and the notice letters as they stand (PDF or DOCX, each language), the
  frozen letter versions, the attachments and the documents of the correspondence, downloaded
  on the web or through the API.

Denied attempts (403, 404) are not recorded: a request one may not see answers exactly like a
missing one, so there may be no request to record them against; failed sign-ins are django-axes'.

Only supervisors read the records (``may_see_access_log``): the request page's "Who looked"
section, its full list and ``GET /api/requests/{id}/access-log/``.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Q

from .. import clock
from ..models import ACCESS_LABEL_MAX_LENGTH
from ..models import AccessChannel
from ..models import AccessKind
from ..models import AccessRecord
from ..models import Attachment
from ..models import AttachmentKind
from ..models import LetterVersion
from ..roles import Role
from ..roles import user_roles

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from ..roles import UserOrAnonymous

# Who reads the records: supervisors (administrators run the system, they do not audit cases).
ACCESS_LOG_ROLES: frozenset[Role] = frozenset({Role.SUPERVISOR})


def may_see_access_log(user: UserOrAnonymous) -> bool:
    return bool(user_roles(user) & ACCESS_LOG_ROLES)


def record_access(*, user: User, request_id: int, what: AccessKind, channel: AccessChannel,
                  object_id: int | None = None, label: str = "",
                  at: datetime | None = None) -> AccessRecord:
    """Record that ``user`` (signed in, already access-checked) looked at ``what`` of the request
    now (``at``: only the demo data backdates its looks): one INSERT. ``object_id`` and
    ``label`` name the letter version, file or duty where there is one (the label is data, a
    file name: it is not translated)."""
    return AccessRecord.objects.create(
        request_id=request_id, user=user, at=at or clock.now(), what=what, channel=channel,
        object_id=object_id, label=(label or "")[:ACCESS_LABEL_MAX_LENGTH])


def attachment_access(attachment: Attachment) -> tuple[AccessKind, int]:
    """What downloading ``attachment`` is, and the id to record: a frozen letter version (its
    id), a document of the correspondence or another attachment (the attachment's id). Reads one
    row, for generated letters only."""
    if attachment.kind == AttachmentKind.GENERATED_LETTER:
        version_id = (LetterVersion.objects
                      .filter(Q(pdf_id=attachment.pk) | Q(docx_id=attachment.pk))
                      .values_list("pk", flat=True).first())
        if version_id is not None:
            return AccessKind.LETTER_VERSION_DOWNLOADED, version_id
        return AccessKind.CORRESPONDENCE_DOWNLOADED, attachment.pk
    if attachment.kind == AttachmentKind.CORRESPONDENCE:
        return AccessKind.CORRESPONDENCE_DOWNLOADED, attachment.pk
    return AccessKind.ATTACHMENT_DOWNLOADED, attachment.pk


def record_attachment_access(*, user: User, attachment: Attachment,
                             channel: AccessChannel) -> AccessRecord:
    """Record a download of ``attachment``, named by what it is (``attachment_access``)."""
    what, object_id = attachment_access(attachment)
    return record_access(user=user, request_id=attachment.request_id, what=what,
                         channel=channel, object_id=object_id, label=attachment.original_name)
