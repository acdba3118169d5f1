"""Plain snapshots of a request that the pure rule functions read.

The service layer builds a ``RequestFacts`` from the database (``requests_app.services.facts``);
tests build them directly. String values are the same codes the models store.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from typing import Any

OUTGOING = "outgoing"
INCOMING = "incoming"
# A person served with a summons to appear (``requests_app.models.PersonRole.TO_SERVE``) in a
# request for service of documents (the assistance type that carries summonses).
SUMMONED_ROLE = "to_serve"
SERVICE_OF_DOCUMENTS = "service_of_documents"


@dataclass(frozen=True)
class PersonFacts:
    key: str
    role: str
    appearance_date: date | None = None


@dataclass(frozen=True)
class OriginalFacts:
    key: str
    asked_for_on: date | None = None
    dispatched_on: date | None = None
    dispatch_channel: str = ""
    received_on: date | None = None


@dataclass(frozen=True)
class ConsultationFacts:
    subject: str
    held_on: date


@dataclass(frozen=True)
class DecisionFacts:
    kind: str
    ground: str
    decided_on: date


@dataclass(frozen=True)
class TransferFacts:
    key: str
    transferred_on: date
    return_due_on: date | None = None
    extension_count: int = 0
    release_date: date | None = None
    person_consented: bool = False
    returned_on: date | None = None


@dataclass(frozen=True)
class PersonalDataFacts:
    key: str
    flow: str  # "supplied" or "received"
    deletion_due_on: date | None = None
    deleted_on: date | None = None


@dataclass(frozen=True)
class DutyFacts:
    """A duty triggered on a request (``DutyRule`` ``code``) and, once done, when."""

    key: str
    code: str
    triggered_at: datetime
    fulfilled_at: datetime | None = None


# Letters of the correspondence register (``requests_app.models.Correspondence``).
LETTER_SENT = "sent"
LETTER_RECEIVED = "received"
STATUS_INQUIRY = "status_inquiry"


@dataclass(frozen=True)
class LetterFacts:
    """A letter sent or received on a request: the office's reminders run on these (a reply due
    to our letter, a status inquiry after a silence)."""

    key: str
    direction: str  # LETTER_SENT or LETTER_RECEIVED
    kind: str  # a ``CorrespondenceKind`` code
    dated_on: date
    reply_due_on: date | None = None
    in_reply_to: str | None = None  # key of the letter it answers

    @property
    def sent(self) -> bool:
        return self.direction == LETTER_SENT


@dataclass(frozen=True)
class RequestFacts:
    direction: str
    channel: str = "post"
    is_urgent: bool = False
    assistance_types: tuple[str, ...] = ()
    # Names of the content fields (``requests_app.content_fields``) that hold a value.
    filled_contents: frozenset[str] = frozenset()
    officials_wish_to_attend: bool = False
    request_language: str = "ru"
    translation_languages: frozenset[str] = frozenset()
    translation_agreement: bool = False
    requested_state_languages: tuple[str, ...] = ()
    # The languages the requested party declared it accepts under the instrument (UNTOC 18.14,
    # UNCAC 46.14, ETS 141 Art 25.3); None: no declaration recorded.
    requested_party_languages: tuple[str, ...] | None = None
    shorter_summons_term_agreed: bool = False
    # RS 8.3: the shorter term the sides agreed (calendar days); None: not stated.
    agreed_summons_term_days: int | None = None
    # CZ 9.1, SK 7.2: channels the authorities agreed besides those the text names.
    agreed_channels: frozenset[str] = frozenset()
    requested_execution_date: date | None = None
    requested_execution_reason_given: bool = False
    persons: tuple[PersonFacts, ...] = ()
    originals: tuple[OriginalFacts, ...] = ()
    consultations: tuple[ConsultationFacts, ...] = ()
    decisions: tuple[DecisionFacts, ...] = ()
    items_outstanding: int = 0
    transfers: tuple[TransferFacts, ...] = ()
    personal_data: tuple[PersonalDataFacts, ...] = ()
    oral_request_at: datetime | None = None
    written_confirmation_at: datetime | None = None
    transmitted_at: datetime | None = None
    received_at: datetime | None = None
    opened_on: date | None = None
    executed_at: datetime | None = None
    final_confiscation_effective_on: date | None = None
    asset_sharing_requested_on: date | None = None
    # BR 18.2: the date the sides agreed instead of the one-year term, in an exceptional case.
    asset_sharing_term_extended_to: date | None = None
    duties: tuple[DutyFacts, ...] = ()
    letters: tuple[LetterFacts, ...] = ()
    state: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def outgoing(self) -> bool:
        return self.direction == OUTGOING

    @property
    def summonses(self) -> tuple[PersonFacts, ...]:
        """Persons summoned to appear before the requesting side's authorities on its territory
        on a given date (RS 8.3, BR 6.2): persons to be served, with an appearance date, in a
        request for service of documents. A person heard in the requested state, or by
        videoconference, is not summoned to the requesting side."""
        if SERVICE_OF_DOCUMENTS not in self.assistance_types:
            return ()
        return tuple(p for p in self.persons
                     if p.role == SUMMONED_ROLE and p.appearance_date is not None)
