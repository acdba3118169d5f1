"""State built through the services, shared by the service, API and web tests (not a test
module): what the factories cannot make in one row."""

from requests_app import clock
from requests_app.services import records
from requests_app.services import transitions as t
from requests_app.services.requests import request_register_incoming
from tests.factories import COUNTERPARTS
from tests.factories import answer_params
from tests.factories import authority
from tests.factories import incoming_request
from tests.factories import instrument
from treaties.models import Instrument


def set_instrument(slug: str, **dates) -> Instrument:
    """Record dates on the instrument (entry into force, notices of suspension or termination)."""
    inst = Instrument.objects.get(slug=slug)
    for name, value in dates.items():
        setattr(inst, name, value)
    inst.save()
    return inst


def results_sent_with_item(slug: str, actor):
    """An incoming ``slug`` request executed and its results transmitted, while an item the other
    side handed over today (a laptop) is still held: (request, item)."""
    request = incoming_request(slug)
    item = records.item_record(actor=actor, request_id=request.pk, description="Laptop HP 123",
                               holder="other_side", handed_over_on=clock.today())
    t.request_record_execution(request_id=request.pk, actor=actor)
    t.request_transition(request_id=request.pk, actor=actor, name="transmit_results",
                         params=answer_params(request))
    return request, item


# What an urgent oral request asks for, under the two police agreements that provide them.
ORAL_ASSISTANCE = {"kz-sk-2007": ["search_for_persons"], "kz-cz-2017": ["information_exchange"]}


def urgent_oral_request(actor, slug: str = "kz-sk-2007", **fields):
    """An urgent oral request from the other side's police, registered now by ``actor`` with
    kz-mvd, waiting for its written confirmation (SK 7.4: within 24 hours; CZ 9.1: the office's
    target)."""
    foreign, home = COUNTERPARTS[slug]
    return request_register_incoming(
        actor=actor, instrument_id=instrument(slug).pk,
        requesting_authority_id=authority(foreign).pk, requested_authority_id=authority(home).pk,
        channel="oral", is_urgent=True, assistance_types=ORAL_ASSISTANCE[slug], **fields)
