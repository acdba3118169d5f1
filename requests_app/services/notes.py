"""Internal notes on a request: the office's working remarks ("called the Czech desk, reply
promised by Friday"), visible to everyone who may see the request and never to the other side
(no letter, export or notice reads them).

Writing a note does not change the request: its version stays (no one's open form goes stale)
and its deadlines are not recomputed. The note and its log entry ("note added", office
procedure: no treaty governs the office's own remarks) are written in one transaction, on the
locked request row, by anyone who may see the request.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from .. import clock
from ..access import access_request_by_id
from ..exceptions import InvalidInput
from ..models import NOTE_MAX_LENGTH
from ..models import LogBasis
from ..models import RequestNote
from .changes import log_write

NOTE_ADDED = "note_added"


def note_add(*, actor: User, request_id: int, text: str) -> RequestNote:
    """Add an internal note to a request ``actor`` may see, with ``actor`` as its author and
    the time now. Raises RequestNotFound (not visible or missing) and InvalidInput on ``text``
    (empty, longer than ``NOTE_MAX_LENGTH``, or holding a NUL character)."""
    text = (text or "").strip()
    if not text:
        raise InvalidInput({"text": _("Write the note.")})
    if "\x00" in text:
        raise InvalidInput({"text": _("The note must not contain NUL characters.")})
    if len(text) > NOTE_MAX_LENGTH:
        raise InvalidInput({"text": _("A note may be at most %(limit)d characters long.")
                                    % {"limit": NOTE_MAX_LENGTH}})
    with transaction.atomic():
        request = access_request_by_id(user=actor, request_id=request_id, for_update=True)
        now = clock.now()
        note = RequestNote.objects.create(request=request, author=actor, text=text,
                                          created_at=now)
        log_write(request=request, actor=actor, at=now, action=NOTE_ADDED,
                  from_state=request.state, to_state=request.state,
                  basis=LogBasis.office_procedure(), details={"note": note.pk})
    return note
