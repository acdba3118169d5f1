"""The documents of one request, read once: the frozen versions of its letter (and the one that
was transmitted) and its attachments grouped by category. The request page's documents panel and
the API's documents endpoint both read through ``request_documents``: two queries whatever the
number of versions and attachments.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import AssistanceRequest
from ..models import Attachment
from ..models import AttachmentCategory
from ..models import Direction
from ..models import LetterEvent
from ..models import LetterVersion
from ..services.documents import request_letter_language


@dataclass(frozen=True)
class AttachmentGroup:
    category: AttachmentCategory
    attachments: tuple[Attachment, ...]

    @property
    def label(self) -> str:
        return str(self.category.label)


@dataclass(frozen=True)
class RequestDocuments:
    """``has_letter``: the request is ours (outgoing), so it has a letter of ours; an incoming
    one comes as the other side's documents, which are among its attachments.
    ``versions``: the frozen versions, oldest first; ``transmitted``: the one that went to the
    other side (the last frozen on transmission), if any. ``groups``: every category in the
    page's order, each with its attachments oldest first; the files of the frozen versions are
    listed with their versions, not again here."""

    has_letter: bool
    letter_language: str
    versions: tuple[LetterVersion, ...]
    transmitted: LetterVersion | None
    groups: tuple[AttachmentGroup, ...]

    @property
    def attachment_count(self) -> int:
        return sum(len(group.attachments) for group in self.groups)


def request_documents(request: AssistanceRequest) -> RequestDocuments:
    """The documents of ``request`` (already access-checked by the caller): two queries."""
    versions = tuple(LetterVersion.objects.filter(request=request)
                     .select_related("created_by", "pdf", "docx").order_by("number"))
    transmitted = next((v for v in reversed(versions) if v.event == LetterEvent.TRANSMITTED),
                       None)
    frozen_files = {pk for v in versions for pk in (v.pdf_id, v.docx_id)}
    by_category: dict[str, list[Attachment]] = {c.value: [] for c in AttachmentCategory}
    for attachment in (Attachment.objects.filter(request=request).select_related("uploaded_by")
                       .order_by("uploaded_at", "id")):
        if attachment.pk not in frozen_files:
            by_category[attachment.category.value].append(attachment)
    return RequestDocuments(
        has_letter=request.direction == Direction.OUTGOING,
        letter_language=request_letter_language(request),
        versions=versions,
        transmitted=transmitted,
        groups=tuple(AttachmentGroup(AttachmentCategory(value), tuple(rows))
                     for value, rows in by_category.items()))
