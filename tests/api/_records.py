"""Scenarios of the records API tests (not a test module): an incoming request visible to kz-gpo
with the rows an endpoint needs, every list and write endpoint of ``requests_app/api/records/``
with a valid body, who may call it, and how a write is sent.

Persons, handed-over items, consultations, decisions, translations, originals, proofs of
service, detainee transfers and asset measures are nested under a request; rows that change
later (an item returned, a transfer extended...) have endpoints of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import timedelta
from decimal import Decimal

from requests_app.models import AssistanceRequest
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from tests.api._support import version_of
from tests.factories import clerk
from tests.factories import detained_person
from tests.factories import incoming_request
from tests.factories import summoned_person

TODAY = date(2026, 3, 2)
RS_SECURITY = "refusal_sovereignty_security_public_order"
ROLES = ("clerk_api", "prosecutor_api", "supervisor_api", "other_office_api", "roleless_api",
         "anonymous_api")


def iso(day: date) -> str:
    return day.isoformat()


def rs_request(state=RequestState.IN_EXECUTION) -> AssistanceRequest:
    return incoming_request("kz-rs-2015", state=state)


# --- rows ------------------------------------------------------------------------------------------
def person(request, actor=None):
    return summoned_person(request, TODAY + timedelta(days=100))


def detainee(request, actor=None):
    return detained_person(request)


def item(request, actor=None):
    return records.item_record(actor=actor or clerk(), request_id=request.pk,
                               description="Bank statements, 12 pages", holder="kazakhstan",
                               handed_over_on=TODAY)


def consultation(request, actor=None, subject="refusal"):
    return records.consultation_record(actor=actor or clerk(), request_id=request.pk,
                                       subject=subject, held_on=TODAY,
                                       counterpart="Serbian MoJ, Ms Petrović",
                                       summary="Discussed the grounds")


def considered(request, actor=None):
    return records.decision_record_partial_or_conditional_considered(
        actor=actor or clerk(), request_id=request.pk, reasons="Needed whole", decided_on=TODAY)


def translation(request, actor=None):
    return records.translation_record(actor=actor or clerk(), request_id=request.pk,
                                      language="sr", completed_on=TODAY)


def original(request, actor=None):
    return records.original_record(actor=actor or clerk(), request_id=request.pk,
                                   asked_for_on=TODAY)


def unserved_proof(request, actor=None):
    return records.service_proof_record(actor=actor or clerk(), request_id=request.pk,
                                        person_id=person(request).pk,
                                        not_served_reason="Unknown at the address")


def rs_transfer(request, actor=None, return_due_on=TODAY + timedelta(days=90)):
    """A detainee of an RS request transferred today, due back in 90 days."""
    return records.transfer_record(actor=actor or clerk(), request_id=request.pk,
                                   person_id=detainee(request).pk, transferred_on=TODAY,
                                   return_due_on=return_due_on)


def br_transfer(request, actor=None):
    """A detainee of a BR request transferred today with consent, released in 200 days."""
    return records.transfer_record(
        actor=actor or clerk(), request_id=request.pk, person_id=detainee(request).pk,
        transferred_on=TODAY, release_date=TODAY + timedelta(days=200), person_consented=True)


def asset_measure(request, actor=None):
    return records.asset_measure_record(actor=actor or clerk(), request_id=request.pk,
                                        kind="frozen", amount=Decimal("125000.50"),
                                        currency="EUR", taken_on=TODAY,
                                        description="Bank account, court order 2-15/26")


def refused(request) -> AssistanceRequest:
    consultation(request)
    return t.request_refuse(request_id=request.pk, actor=clerk(), ground=RS_SECURITY,
                            reasons="Would prejudice national security")


# --- lists -----------------------------------------------------------------------------------------
# Each list of a request, and how one of its rows is made.
ROW_OF_LIST: dict[str, Callable[..., object]] = {
    "persons": person,
    "items": item,
    "consultations": consultation,
    "decisions": considered,
    "translations": translation,
    "originals": original,
    "service-proofs": unserved_proof,
    "transfers": rs_transfer,
    "asset-measures": asset_measure,
}
LISTS = tuple(ROW_OF_LIST)


def fill(name: str, request: AssistanceRequest, count: int) -> None:
    """``count`` rows of the list ``name`` on ``request``, recorded by one clerk."""
    desk = clerk()
    for _ in range(count):
        ROW_OF_LIST[name](request, desk)


def list_url(name: str, request: AssistanceRequest) -> str:
    return f"/api/requests/{request.pk}/{name}/"


# --- writes ----------------------------------------------------------------------------------------
@dataclass
class Case:
    """One call of an endpoint: where, about which request, with which valid body."""

    url: str
    request: AssistanceRequest
    body: dict = field(default_factory=dict)
    method: str = "post"


def listed(name: str) -> Case:
    """The list ``name`` of a new RS request holding one row."""
    request = rs_request()
    fill(name, request, 1)
    return Case(list_url(name, request), request)


ROW = object()  # in a Write's body: the id of the row its ``row`` made


@dataclass(frozen=True)
class Write:
    """A write endpoint and a valid body for it. ``path`` is formatted with the request's id
    and the id of the row ``row`` makes on it (the row the endpoint changes, or the person its
    body names, as ``ROW``)."""

    name: str
    path: str
    body: dict
    row: Callable[..., object] | None = None
    ok: int = 200
    clerks_only: bool = False
    method: str = "post"
    instrument: str = "kz-rs-2015"

    def __str__(self) -> str:
        return self.name

    def case(self) -> Case:
        request = incoming_request(self.instrument)
        row_id = self.row(request).pk if self.row else None
        body = {key: row_id if value is ROW else value for key, value in self.body.items()}
        return Case(self.path.format(request=request.pk, row=row_id), request, body, self.method)


IN_90_DAYS = iso(TODAY + timedelta(days=90))
WRITES = (
    Write("persons-create", "/api/requests/{request}/persons/",
          {"role": "to_hear", "full_name": "Jovan Jovanović", "nationality": "Serbian",
           "appearance_date": IN_90_DAYS}, ok=201),
    Write("appearance-date", "/api/requests/{request}/persons/{row}/appearance-date/",
          {"appearance_date": iso(TODAY + timedelta(days=120))}, row=person),
    Write("items-create", "/api/requests/{request}/items/",
          {"description": "Laptop, serial 123", "holder": "other_side",
           "handed_over_on": iso(TODAY)}, ok=201),
    Write("item-returned", "/api/items/{row}/returned/", {"returned_on": iso(TODAY)}, row=item),
    Write("item-waive", "/api/items/{row}/waive/",
          {"waived_on": iso(TODAY), "waiver_reference": "RS MoJ letter 12/2026"}, row=item),
    Write("consultations-create", "/api/requests/{request}/consultations/",
          {"subject": "conditions", "held_on": iso(TODAY), "counterpart": "RS MoJ",
           "summary": "Partial execution discussed", "channel": "electronic"}, ok=201),
    Write("decisions-create", "/api/requests/{request}/decisions/",
          {"kind": "partial_or_conditional_considered", "decided_on": iso(TODAY),
           "reasons": "The witness cannot be heard in part"}, ok=201, clerks_only=True),
    Write("translations-create", "/api/requests/{request}/translations/",
          {"language": "SR", "translated_by": "Court interpreter", "completed_on": iso(TODAY)},
          ok=201),
    Write("originals-create", "/api/requests/{request}/originals/",
          {"dispatched_on": iso(TODAY), "dispatch_channel": "post",
           "tracking_number": "RR123456789KZ"}, ok=201, clerks_only=True),
    Write("original-update", "/api/originals/{row}/", {"received_on": iso(TODAY)}, row=original,
          clerks_only=True, method="patch"),
    Write("service-proofs-create", "/api/requests/{request}/service-proofs/",
          {"person": ROW, "served_at": "2026-03-01T15:30", "place": "Almaty",
           "manner": "in person", "received_by": "the person", "signed_and_sealed": True},
          row=person, ok=201),
    Write("transfers-create", "/api/requests/{request}/transfers/",
          {"person": ROW, "transferred_on": iso(TODAY),
           "return_due_on": iso(TODAY + timedelta(days=60))},
          row=detainee, ok=201, clerks_only=True),
    Write("transfer-extend", "/api/transfers/{row}/extend/",
          {"return_due_on": iso(TODAY + timedelta(days=150))}, row=rs_transfer, clerks_only=True),
    Write("transfer-returned", "/api/transfers/{row}/returned/", {"returned_on": iso(TODAY)},
          row=rs_transfer, clerks_only=True),
    Write("transfer-release-date", "/api/transfers/{row}/release-date/",
          {"release_date": iso(TODAY + timedelta(days=150))}, row=br_transfer,
          clerks_only=True, instrument="kz-br-2018"),
    Write("asset-measures-create", "/api/requests/{request}/asset-measures/",
          {"kind": "confiscated", "amount": "1234567.50", "currency": "usd",
           "taken_on": iso(TODAY), "description": "Villa, federal court decision 77/2026"},
          ok=201),
)
WRITE = {endpoint.name: endpoint for endpoint in WRITES}


def write_case(name: str) -> Case:
    """A new request with what the write ``name`` needs, and a valid body for it."""
    return WRITE[name].case()


def expected_status(role: str, ok: int = 200, clerks_only: bool = False) -> int:
    """What ``role`` gets from an endpoint on a kz-gpo request answering ``ok`` on success."""
    if role == "anonymous_api":
        return 401
    if role in {"other_office_api", "roleless_api"}:
        return 404
    if role == "prosecutor_api" and clerks_only:
        return 403
    return ok


def write(client, case: Case, **changes):
    """Send the case's body with the request's current version, ``changes`` applied (a value of
    ``...`` leaves that field out)."""
    body = {"version": version_of(case.request), **case.body, **changes}
    body = {key: value for key, value in body.items() if value is not ...}
    return getattr(client, case.method)(case.url, body, format="json")

