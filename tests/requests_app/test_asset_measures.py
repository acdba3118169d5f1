"""Asset measures (``services.records.asset_measure_record``): an amount frozen or seized,
confiscated, shared or returned, recorded by a prosecutor or a clerk on a request that has left
drafting, logged as office procedure."""

from datetime import timedelta
from decimal import Decimal

import pytest

from requests_app.exceptions import ConcurrentModification
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RequestNotFound
from requests_app.models import BASIS_KEY
from requests_app.models import AssetMeasure
from requests_app.models import LogBasisKind
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.record_kinds import record_links
from requests_app.services.records import asset_measure_record
from tests.factories import AssistanceRequestFactory
from tests.factories import UserFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.requests_app import _support
from tests.requests_app._support import TODAY
from tests.requests_app._support import fresh

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk


def _record(request, actor, **changes):
    values = {"kind": "frozen", "amount": Decimal("125000.50"), "currency": "usd",
              "taken_on": TODAY, "description": "Bank account, Almaty City Court order 2-15/26"}
    values.update(changes)
    return asset_measure_record(actor=actor, request_id=request.pk, **values)


def _refused_field(request, actor, **changes) -> set[str]:
    with pytest.raises(InvalidInput) as exc:
        _record(request, actor, **changes)
    assert not AssetMeasure.objects.filter(request=request).exists()
    return set(exc.value.errors)


def test_a_measure_is_recorded_upper_cased_with_a_log_row_of_office_procedure(desk):
    request = incoming_request("kz-br-2018", state=RequestState.IN_EXECUTION)
    version = request.version

    measure = _record(request, desk)

    assert (measure.kind, measure.amount, measure.currency, measure.taken_on,
            measure.recorded_by) == ("frozen", Decimal("125000.50"), "USD", TODAY, desk)
    entry = TransitionLog.objects.filter(request=request).latest("id")
    assert (entry.action, entry.actor, entry.citation) == ("asset_measure_recorded", desk, "")
    assert entry.details[BASIS_KEY] == LogBasisKind.OFFICE_PROCEDURE
    assert entry.details["asset_measure"] == measure.pk
    assert fresh(request).version == version + 1


def test_a_prosecutor_records_a_measure_on_an_outgoing_request_once_transmitted():
    request = AssistanceRequestFactory(state=RequestState.TRANSMITTED)

    measure = _record(request, prosecutor(), kind="confiscated", currency="KZT")

    assert (measure.kind, measure.currency) == ("confiscated", "KZT")


@pytest.mark.parametrize("amount", [Decimal("0"), Decimal("-5.00")], ids=["zero", "negative"])
def test_an_amount_of_zero_or_less_is_refused(desk, amount):
    request = incoming_request()

    assert _refused_field(request, desk, amount=amount) == {"amount"}


@pytest.mark.parametrize("amount", [Decimal("1.005"), Decimal("1E16"), Decimal("NaN")],
                         ids=["three-decimals", "too-large", "not-a-number"])
def test_an_amount_the_column_cannot_hold_is_refused(desk, amount):
    request = incoming_request()

    assert _refused_field(request, desk, amount=amount) == {"amount"}


@pytest.mark.parametrize("currency", ["US", "EURO", "U$D", "", "ЕВР"])
def test_a_currency_that_is_not_three_latin_letters_is_refused(desk, currency):
    request = incoming_request()

    assert _refused_field(request, desk, currency=currency) == {"currency"}


def test_a_measure_decided_tomorrow_is_refused(desk):
    request = incoming_request()

    assert _refused_field(request, desk, taken_on=TODAY + timedelta(days=1)) == {"taken_on"}


def test_an_unknown_kind_is_refused(desk):
    request = incoming_request()

    assert _refused_field(request, desk, kind="laundered") == {"kind"}


@pytest.mark.parametrize("state", [RequestState.DRAFTING, RequestState.UNDER_REVIEW,
                                   RequestState.READY])
def test_a_draft_takes_no_measure(state):
    request = AssistanceRequestFactory(state=state)

    assert _refused_field(request, request.created_by) == {"state"}
    assert not TransitionLog.objects.filter(request=request).exists()


def test_a_user_without_a_role_is_refused_as_if_the_request_did_not_exist():
    # Prosecutors and clerks record (supervisors may step in); a user of the office holding
    # neither sees no request at all, so the refusal is the same as for a missing one.
    request = incoming_request()
    roleless = UserFactory(office="kz-gpo")

    with pytest.raises(RequestNotFound):
        _record(request, roleless)
    assert not AssetMeasure.objects.exists()


def test_a_measure_recorded_on_a_page_read_before_another_change_is_refused(desk):
    request = incoming_request()
    seen = request.version
    _record(request, desk, expected_version=seen)

    with pytest.raises(ConcurrentModification):
        _record(request, clerk(), kind="returned", expected_version=seen)

    assert list(AssetMeasure.objects.values_list("kind", flat=True)) == ["frozen"]


def test_the_page_offers_the_record_once_the_request_has_left_drafting(desk):
    draft = AssistanceRequestFactory(state=RequestState.READY)
    sent = AssistanceRequestFactory(state=RequestState.TRANSMITTED)

    assert record_links(draft, draft.created_by)["asset_measure"] is False
    assert record_links(sent, sent.created_by)["asset_measure"] is True
    assert record_links(incoming_request(), UserFactory(office="kz-gpo"))["asset_measure"] is False


def test_a_confiscation_decided_after_the_request_was_closed_is_recorded():
    from requests_app.models import AssetMeasure
    from requests_app.services.records import asset_measure_record
    from tests.factories import clerk
    from tests.factories import incoming_request
    closed = incoming_request("kz-rs-2015", state="closed")
    measure = asset_measure_record(actor=clerk(), request_id=closed.pk, kind="confiscated",
                                   amount=Decimal("125000.00"), currency="EUR",
                                   taken_on=closed.opened_on)
    assert AssetMeasure.objects.get(pk=measure.pk).request_id == closed.pk
