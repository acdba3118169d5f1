"""Reads of the correspondence register: a request's letters, oldest first, with the documents
sent, their attachments and the letter each answers, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import Prefetch
from django.db.models import QuerySet

from ..access import access_request_by_id
from ..models import Attachment
from ..models import Correspondence
from ..models import LetterTemplate

if TYPE_CHECKING:
    from ..roles import UserOrAnonymous


def correspondence_listed() -> QuerySet[Correspondence]:
    """Letters with what a list shows of each: two queries for any number of letters (the rows
    with their documents, author and the letter answered; the attachments)."""
    return (Correspondence.objects
            .select_related("document", "document_docx", "recorded_by", "in_reply_to")
            .prefetch_related(Prefetch("attachments", queryset=Attachment.objects
                                       .select_related("uploaded_by").order_by("id")))
            .order_by("dated_on", "id"))


def request_correspondence(*, user: UserOrAnonymous, request_id: int
                           ) -> QuerySet[Correspondence]:
    """The letters of a request ``user`` may see (RequestNotFound otherwise)."""
    request = access_request_by_id(user=user, request_id=request_id)
    return correspondence_listed().filter(request=request)


def correspondence_visible(*, user: UserOrAnonymous, correspondence_id: int) -> Correspondence:
    """One letter, if ``user`` may see its request; RequestNotFound otherwise (the same answer
    for a missing letter and one of a request the user may not see)."""
    from ..exceptions import RequestNotFound

    request_id = (Correspondence.objects.filter(pk=correspondence_id)
                  .values_list("request_id", flat=True).first())
    if request_id is None:
        raise RequestNotFound(correspondence_id)
    access_request_by_id(user=user, request_id=request_id)
    return correspondence_listed().get(pk=correspondence_id)


def letter_templates() -> QuerySet[LetterTemplate]:
    return LetterTemplate.objects.select_related("updated_by").order_by("kind", "language")


def letter_templates_in_force(kinds: Iterable[str], languages: Iterable[str]) -> list[dict]:
    """Every template of ``kinds`` in ``languages`` as letters are generated from it: the
    office's, else the default text (``is_default``), one query."""
    from ..documents.letters.correspondence_texts import DEFAULT_TEXTS

    stored = {(t.kind, t.language): t for t in letter_templates()}
    rows = []
    for kind in kinds:
        for language in languages:
            template = stored.get((kind, language))
            if template is not None:
                rows.append({"kind": kind, "language": language, "subject": template.subject,
                             "body": template.body, "updated_at": template.updated_at,
                             "updated_by": template.updated_by, "is_default": False})
            else:
                subject, body = DEFAULT_TEXTS[(kind, language)]
                rows.append({"kind": kind, "language": language, "subject": subject,
                             "body": body, "updated_at": None, "updated_by": None,
                             "is_default": True})
    return rows


def letter_template_text(kind: str, language: str) -> tuple[str, str]:
    """The subject and body of the letter of ``kind`` in ``language``: the office's template,
    else the default text (one query)."""
    from ..documents.letters.correspondence_texts import DEFAULT_TEXTS

    row = (LetterTemplate.objects.filter(kind=kind, language=language)
           .values_list("subject", "body").first())
    if row is not None:
        return row
    return DEFAULT_TEXTS[(kind, language)]
