"""The documents panel of the request page (``requests/_documents.html``): the request letter as
it stands (an HTML preview laid out from the same ``Letter`` as the PDF and DOCX, with the
downloads in each language), its frozen versions with the one transmitted marked, and every
attachment by category, with the upload form for caseworkers while the request is open.

Shown to everyone who may see the request, at every stage: the reviewer reads the letter before
approving, the clerk before transmitting. The reads are ``selectors.documents.request_documents``
(two queries) and ``letters.letter_build`` (a fixed number, fewer on the request page, which has
prefetched the persons and the facts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from ..documents import letters
from ..forms.drafting import AttachmentForm
from ..models import FINAL_STATES
from ..models import AssistanceRequest
from ..roles import Role
from ..roles import user_has_any_role
from ..selectors.documents import RequestDocuments
from ..selectors.documents import request_documents

# Who may attach a file (``services.attachments.attachment_add``; supervisors step in).
UPLOADERS = (Role.PROSECUTOR, Role.CLERK)


@dataclass(frozen=True)
class DocumentsPanel:
    files: RequestDocuments
    # The current letter, in the request's letter language (outgoing requests only).
    letter: letters.Letter | None
    languages: tuple[str, ...]
    # The upload form, for prosecutors and clerks while the request is open; None otherwise.
    upload_form: AttachmentForm | None
    # Where the upload returns to: this panel.
    upload_next: str


def documents_context(obj: AssistanceRequest, user: Any) -> DocumentsPanel:
    """Everything the documents panel shows for ``obj`` (already access-checked) to ``user``."""
    files = request_documents(obj)
    letter = (letters.letter_build(obj, language=files.letter_language) if files.has_letter
              else None)
    open_ = obj.state not in FINAL_STATES
    upload_form = (AttachmentForm(initial={"version": obj.version})
                   if open_ and user_has_any_role(user, UPLOADERS) else None)
    return DocumentsPanel(files=files, letter=letter, languages=letters.LETTER_LANGUAGES,
                          upload_form=upload_form,
                          upload_next=reverse("request_detail", args=[obj.pk]) + "#documents")
