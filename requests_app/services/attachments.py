"""Attaching files to a request: the request itself, its translation, the signed and sealed scan
or anything else. Each attachment is added in ``request_change`` (access checked, row locked,
version advanced, logged), only while the request is not closed or withdrawn.

A file is accepted only if it is small enough (``MLA_ATTACHMENT_MAX_BYTES``, 10 MB by default)
and is one of the allowed types both by its extension and by its content: the first bytes must be
those of the format the extension claims, so a renamed executable is refused.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ..exceptions import InvalidInput
from ..models import AssistanceRequest
from ..models import Attachment
from ..models import AttachmentKind
from ..roles import Role
from .changes import request_change

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# How much of the file's start the content check reads; ZIP-based formats (DOCX, ODT) are also
# opened with zipfile to see that they hold a word-processing document.
SNIFF_BYTES = 16


# What a user may upload: every kind but the letters the engine generates and freezes itself.
UPLOADABLE_KINDS: tuple[str, ...] = tuple(
    kind for kind in AttachmentKind.values if kind != AttachmentKind.GENERATED_LETTER)


def attachment_max_bytes() -> int:
    return int(getattr(settings, "MLA_ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


ContentCheck = Callable[[bytes, UploadedFile], bool]


def _starts_with(*signatures: bytes) -> ContentCheck:
    def check(head: bytes, uploaded_file: UploadedFile) -> bool:
        return any(head.startswith(s) for s in signatures)
    return check


# ODF's ``mimetype`` member is a few dozen bytes: only this much of it is ever inflated. Reading
# the whole member let a 1 MB upload inflate to 1 GB of memory (issue 12, defect 3).
MIMETYPE_READ_BYTES = 100


def _zip_members(uploaded_file: UploadedFile) -> tuple[set[str], bytes]:
    """Names in the ZIP container and the first bytes of its ``mimetype`` member (ODF). Reads
    the central directory and at most ``MIMETYPE_READ_BYTES`` inflated bytes, whatever the
    archive claims or holds."""
    uploaded_file.seek(0)
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            names = set(archive.namelist())
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    mimetype = member.read(MIMETYPE_READ_BYTES)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return set(), b""
    finally:
        uploaded_file.seek(0)
    return names, mimetype


def _is_docx(head: bytes, uploaded_file: UploadedFile) -> bool:
    if not head.startswith(b"PK\x03\x04"):
        return False
    names, _mimetype = _zip_members(uploaded_file)
    return "[Content_Types].xml" in names and "word/document.xml" in names


def _is_odt(head: bytes, uploaded_file: UploadedFile) -> bool:
    if not head.startswith(b"PK\x03\x04"):
        return False
    _names, mimetype = _zip_members(uploaded_file)
    return mimetype.strip() == b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class AllowedType:
    label: str
    content_type: str
    matches: ContentCheck


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word .doc (Compound File Binary)
ALLOWED_TYPES: dict[str, AllowedType] = {
    ".pdf": AllowedType("PDF", "application/pdf", _starts_with(b"%PDF-")),
    ".docx": AllowedType(
        "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _is_docx),
    ".doc": AllowedType("DOC", "application/msword", _starts_with(OLE2)),
    ".odt": AllowedType("ODT", "application/vnd.oasis.opendocument.text", _is_odt),
    ".jpg": AllowedType("JPEG", "image/jpeg", _starts_with(b"\xff\xd8\xff")),
    ".jpeg": AllowedType("JPEG", "image/jpeg", _starts_with(b"\xff\xd8\xff")),
    ".png": AllowedType("PNG", "image/png", _starts_with(b"\x89PNG\r\n\x1a\n")),
    ".tif": AllowedType("TIFF", "image/tiff", _starts_with(b"II*\x00", b"MM\x00*")),
    ".tiff": AllowedType("TIFF", "image/tiff", _starts_with(b"II*\x00", b"MM\x00*")),
}
ALLOWED_LABELS = "PDF, DOCX, DOC, ODT, JPEG, PNG, TIFF"
ACCEPT_ATTRIBUTE = ",".join(ALLOWED_TYPES)  # for <input type=file accept=...>


def _chosen(uploaded_file: UploadedFile | None) -> UploadedFile:
    """The file the user chose; InvalidInput when there is none."""
    if uploaded_file is None:
        raise InvalidInput({"uploaded_file": str(_("Choose a file."))})
    return uploaded_file


def attachment_check_file(uploaded_file: UploadedFile | None) -> AllowedType:
    """Size, extension and content of an uploaded file; raises InvalidInput on ``uploaded_file``.

    Pure apart from reading the file (its position is restored)."""
    uploaded_file = _chosen(uploaded_file)
    limit = attachment_max_bytes()
    size = uploaded_file.size or 0
    if size == 0:
        raise InvalidInput({"uploaded_file": str(_("The file is empty."))})
    if size > limit:
        raise InvalidInput({"uploaded_file": str(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)})})
    suffix = PurePath(uploaded_file.name or "").suffix.lower()
    allowed = ALLOWED_TYPES.get(suffix)
    if allowed is None:
        raise InvalidInput({"uploaded_file": str(
            _("Files of this type cannot be attached. Allowed: %(types)s.")
            % {"types": ALLOWED_LABELS})})
    uploaded_file.seek(0)
    head = uploaded_file.read(SNIFF_BYTES)
    uploaded_file.seek(0)
    if not allowed.matches(head, uploaded_file):
        raise InvalidInput({"uploaded_file": str(
            _("The file's content is not a %(type)s document, whatever its name says.")
            % {"type": allowed.label})})
    return allowed


def _sha256(uploaded_file: UploadedFile) -> str:
    digest = hashlib.sha256()
    uploaded_file.seek(0)
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()


def attachment_add(*, actor: User, request_id: int, kind: str, uploaded_file: UploadedFile | None,
                   expected_version: int | None = None) -> Attachment:
    """Attach ``uploaded_file`` to the request. Prosecutors and clerks (supervisors step in) may
    attach while the request is open; closed and withdrawn requests refuse (``request_change``).

    Raises InvalidInput (``kind`` or ``uploaded_file``), RequestNotFound, ActionNotPermitted,
    ConcurrentModification."""
    if kind not in UPLOADABLE_KINDS:
        raise InvalidInput({"kind": str(_("Unknown kind of attachment."))})
    uploaded_file = _chosen(uploaded_file)
    allowed = attachment_check_file(uploaded_file)
    original_name = PurePath((uploaded_file.name or "file").replace("\\", "/")).name[:255]
    with files_removed_on_failure() as stored, request_change(
            actor=actor, request_id=request_id, action="attachment_added",
            roles=(Role.PROSECUTOR, Role.CLERK),
            expected_version=expected_version) as change:
        attachment = Attachment(
            request=change.request, kind=kind, original_name=original_name,
            content_type=allowed.content_type, size=uploaded_file.size or 0,
            sha256=_sha256(uploaded_file), uploaded_by=actor)
        attachment.file.save(original_name, uploaded_file, save=False)
        stored.append(attachment)
        attachment.save()
        change.details = {"attachment": attachment.pk, "kind": kind, "name": original_name,
                          "size": attachment.size, "sha256": attachment.sha256}
        # Keeping the file with the request is the office's own record-keeping.
        change.office_procedure()
    return attachment



@contextmanager
def files_removed_on_failure() -> Iterator[list[Attachment]]:
    """Wrap a ``request_change`` that stores files: the attachments appended to the yielded list
    have their files deleted if the block raises (the transaction rolled back, so the rows never
    existed). Files are written before the commit, so this is how none is left orphaned."""
    stored: list[Attachment] = []
    try:
        yield stored
    except BaseException:
        for orphan in stored:
            orphan.file.delete(save=False)
        raise


def attachment_freeze(*, request: AssistanceRequest, actor: User, kind: str, name: str,
                      content: bytes, content_type: str, stored: list[Attachment]
                      ) -> Attachment:
    """Store ``content`` (a letter the engine generated: PDF or DOCX) as an attachment of
    ``request``, hashed (SHA-256), so that what was submitted, approved or sent stays exactly as it
    was whatever later edits do. Call it inside the caller's ``request_change`` (which logs the
    step) wrapped in ``files_removed_on_failure``, passing its list as ``stored``."""
    attachment = Attachment(
        request=request, kind=kind, original_name=PurePath(name).name[:255],
        content_type=content_type, size=len(content),
        sha256=hashlib.sha256(content).hexdigest(), uploaded_by=actor)
    attachment.file.save(attachment.original_name, ContentFile(content), save=False)
    stored.append(attachment)
    attachment.save()
    return attachment


def attachment_store(*, request: AssistanceRequest, actor: User, kind: str,
                     uploaded_file: UploadedFile, stored: list[Attachment]) -> Attachment:
    """Store an uploaded file as an attachment of ``request`` inside the caller's
    ``request_change`` (which logs the step), wrapped in ``files_removed_on_failure`` (pass its
    list as ``stored``). The file is checked as ``attachment_add`` checks it (InvalidInput on
    ``uploaded_file``): a letter registered with its scans stores them this way."""
    allowed = attachment_check_file(uploaded_file)
    original_name = PurePath((uploaded_file.name or "file").replace("\\", "/")).name[:255]
    attachment = Attachment(
        request=request, kind=kind, original_name=original_name,
        content_type=allowed.content_type, size=uploaded_file.size or 0,
        sha256=_sha256(uploaded_file), uploaded_by=actor)
    attachment.file.save(original_name, uploaded_file, save=False)
    stored.append(attachment)
    attachment.save()
    return attachment
