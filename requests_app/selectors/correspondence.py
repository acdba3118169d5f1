"""Reads of the correspondence register: a request's letters, oldest first, with the documents
sent, their attachments and the letter each answers, in a fixed number of queries."""

from __future__ import annotations

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
