"""Freezing the request letter at the steps that hand it on (submission for review, approval,
transmission): the PDF and the DOCX, in the request's letter language, stored as hashed
attachments and tied to the step by a ``LetterVersion``.

``letter_version_freeze`` runs inside the transition's ``request_change`` (the row is locked, the
step is logged with it), wrapped in ``files_removed_on_failure``: if anything later in the
transition fails, the transaction rolls back and the files written are deleted, so no frozen file
is left without its row and no row without its file. The transition catalogue declares which
steps freeze the letter (``TransitionSpec.freezes_letter``).
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Max
from django.utils import timezone
from django.utils import translation

from ..documents import letters
from ..models import AssistanceRequest
from ..models import Attachment
from ..models import AttachmentKind
from ..models import Correspondence
from ..models import CorrespondenceKind
from ..models import Direction
from ..models import LetterDirection
from ..models import LetterEvent
from ..models import LetterVersion
from .attachments import attachment_freeze
from .changes import Change

PDF_CONTENT_TYPE = "application/pdf"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def request_letter_language(request: AssistanceRequest) -> str:
    """The language the request's letter is frozen in (``letters.letter_default_language``):
    the request's own language where the office writes letters in it and the instrument accepts
    it; English where the instrument makes English the working language (CZ 9.6, SK, RS 4.1,
    BR 23.2); else the request's language, or Russian."""
    return letters.letter_default_language(
        request.rulebook, request_language=request.request_language,
        requested_state_languages=request.requested_authority.state.language_codes)


def letter_version_freeze(*, change: Change, actor: User, event: LetterEvent,
                          stored: list[Attachment]) -> LetterVersion | None:
    """Inside ``change`` (a transition of an outgoing request): render the letter as it stands,
    store its PDF and DOCX as ``GENERATED_LETTER`` attachments with their SHA-256, and record
    the next ``LetterVersion`` of the request for ``event``. The change's log entry names the
    version and the hash of its PDF.

    Incoming requests have no letter of ours (they come as the other side's documents): None.
    ``stored`` is the list of ``files_removed_on_failure`` around the change."""
    request = change.request
    if request.direction != Direction.OUTGOING:
        return None
    language = request_letter_language(request)
    letter = letters.letter_build(request, language=language)
    # The row is locked by the change: no other writer can take the same number.
    last = (LetterVersion.objects.filter(request=request).aggregate(last=Max("number"))["last"]
            or 0)
    number = last + 1
    stem = f"{letter.reference}-letter-v{number}-{language}"
    pdf = attachment_freeze(request=request, actor=actor, kind=AttachmentKind.GENERATED_LETTER,
                            name=f"{stem}.pdf", content=letters.letter_pdf_bytes(letter),
                            content_type=PDF_CONTENT_TYPE, stored=stored)
    docx = attachment_freeze(request=request, actor=actor,
                             kind=AttachmentKind.GENERATED_LETTER, name=f"{stem}.docx",
                             content=letters.letter_docx_bytes(letter),
                             content_type=DOCX_CONTENT_TYPE, stored=stored)
    version = LetterVersion.objects.create(
        request=request, number=number, event=event, language=language,
        request_version=request.version, pdf=pdf, pdf_sha256=pdf.sha256, docx=docx,
        docx_sha256=docx.sha256, created_by=actor, created_at=change.now)
    change.details["letter_version"] = {"number": number, "event": str(event),
                                        "language": language, "pdf_sha256": pdf.sha256,
                                        "docx_sha256": docx.sha256}
    if event == LetterEvent.TRANSMITTED:
        _record_in_correspondence(change, actor, version, letter.subject)
    return version


def _record_in_correspondence(change: Change, actor: User, version: LetterVersion,
                              subject: str) -> None:
    """The transmitted letter is also the first letter of the correspondence register: the
    request itself, sent on the dispatch day (today if none is given) under our outgoing number,
    with the frozen version as the document sent."""
    request = change.request
    with translation.override(version.language):
        addressee = str(request.requested_authority.name)
    row = Correspondence.objects.create(
        request=request, direction=LetterDirection.SENT, kind=CorrespondenceKind.REQUEST,
        dated_on=request.dispatched_on or timezone.localdate(change.now), channel=request.channel,
        our_reference=(request.dispatch_reference or request.reference)[:100],
        their_reference=request.their_reference[:100], correspondent=addressee[:300],
        subject=subject[:300], language=version.language, document=version.pdf,
        document_docx=version.docx, recorded_by=actor, recorded_at=change.now)
    change.details["correspondence"] = row.pk
