"""State built through the services, shared by the service, API and web tests (not a test
module): what the factories cannot make in one row."""

from requests_app import clock
from requests_app.services import records
from requests_app.services import transitions as t
from tests.factories import incoming_request
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
    t.request_transition(request_id=request.pk, actor=actor, name="transmit_results")
    return request, item
