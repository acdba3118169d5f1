"""What holds the closure of an incoming request back: handed-over items not yet returned or
waived (RS 15, BR 14), and temporarily transferred detainees (RS 11.1: six months, one
extension; BR 9.1-9.2: consent, back by the release date), with their return deadlines."""

from datetime import date
from datetime import timedelta

import pytest

from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RuleViolation
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from tests.factories import answer_params
from tests.factories import detained_person
from tests.factories import incoming_request
from tests.requests_app import _support
from tests.requests_app._support import TODAY
from tests.requests_app._support import cited
from tests.requests_app._support import fresh
from tests.requests_app._support import only_violation
from tests.scenarios import results_sent_with_item
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk


# --- return of items ----------------------------------------------------------------------------
@pytest.mark.parametrize(("slug", "reference"), [("kz-rs-2015", "Art 15"),
                                                 ("kz-br-2018", "Art 14")])
def test_closure_is_blocked_while_a_handed_over_item_is_held(desk, slug, reference):
    request, _ = results_sent_with_item(slug, desk)

    with pytest.raises(RuleViolation) as exc:
        t.request_close(request_id=request.pk, actor=desk)

    assert cited(exc) == ("return_of_items", reference, "items")
    assert fresh(request).state == RequestState.RESULTS_TRANSMITTED


@pytest.mark.parametrize("slug", ["kz-rs-2015", "kz-br-2018"])
def test_closure_is_allowed_once_the_item_is_returned(desk, slug):
    request, item = results_sent_with_item(slug, desk)
    records.item_mark_returned(actor=desk, item_id=item.pk, returned_on=TODAY)

    assert t.request_close(request_id=request.pk, actor=desk).state == RequestState.CLOSED


def test_closure_is_allowed_once_the_return_is_waived(desk):
    request, item = results_sent_with_item("kz-rs-2015", desk)
    records.item_waive_return(actor=desk, item_id=item.pk, waived_on=TODAY,
                              waiver_reference="Serbian MoJ letter 12/2026")

    assert t.request_close(request_id=request.pk, actor=desk).state == RequestState.CLOSED


def test_awaiting_return_of_items_needs_an_item_held(desk):
    request = incoming_request("kz-rs-2015", state=RequestState.EXECUTED)

    with pytest.raises(RuleViolation) as exc:
        t.request_transition(request_id=request.pk, actor=desk, name="await_return_of_items")

    assert only_violation(exc).citation.reference == "Art 15"


def test_item_cannot_be_returned_before_it_was_handed_over(desk):
    _, item = results_sent_with_item("kz-rs-2015", desk)

    with pytest.raises(InvalidInput):
        records.item_mark_returned(actor=desk, item_id=item.pk,
                                   returned_on=TODAY - timedelta(days=1))


# --- detainee transfers ------------------------------------------------------------------------
def _rs_transfer(actor, return_due_on, transferred_on=TODAY):
    request = incoming_request("kz-rs-2015")
    person = detained_person(request)
    transfer = records.transfer_record(actor=actor, request_id=request.pk, person_id=person.pk,
                                       transferred_on=transferred_on,
                                       return_due_on=return_due_on)
    return request, transfer


def _br_transfer(actor, release_date):
    """A detainee of a BR request transferred today with consent, to be back by ``release_date``."""
    request = incoming_request("kz-br-2018")
    person = detained_person(request)
    transfer = records.transfer_record(actor=actor, request_id=request.pk, person_id=person.pk,
                                       transferred_on=TODAY, release_date=release_date,
                                       person_consented=True)
    return request, transfer


def test_rs_transfer_for_more_than_six_months_is_blocked_citing_art_11_1(desk):
    request = incoming_request("kz-rs-2015")
    person = detained_person(request)

    with pytest.raises(RuleViolation) as exc:
        records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                transferred_on=TODAY, return_due_on=date(2026, 9, 3))

    assert cited(exc) == ("detainee_transfer", "Art 11.1", "return_due_on")
    assert not request.transfers.exists()


def test_rs_transfer_for_exactly_six_months_is_recorded(desk):
    _, transfer = _rs_transfer(desk, date(2026, 9, 2))

    assert transfer.return_due_on == date(2026, 9, 2)


def test_rs_transfer_without_a_return_term_is_blocked(desk):
    request = incoming_request("kz-rs-2015")
    person = detained_person(request)

    with pytest.raises(RuleViolation) as exc:
        records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                transferred_on=TODAY)

    assert only_violation(exc).field == "return_due_on"


def test_rs_transfer_may_be_extended_once(desk):
    _, transfer = _rs_transfer(desk, date(2026, 6, 1))

    transfer = records.transfer_extend(actor=desk, transfer_id=transfer.pk,
                                       return_due_on=date(2026, 8, 1))

    assert (transfer.return_due_on, transfer.extension_count) == (date(2026, 8, 1), 1)


def test_rs_transfer_may_not_be_extended_twice(desk):
    _, transfer = _rs_transfer(desk, date(2026, 6, 1))
    records.transfer_extend(actor=desk, transfer_id=transfer.pk, return_due_on=date(2026, 7, 1))

    with pytest.raises(RuleViolation) as exc:
        records.transfer_extend(actor=desk, transfer_id=transfer.pk,
                                return_due_on=date(2026, 8, 1))

    assert cited(exc) == ("detainee_transfer", "Art 11.1", "extension_count")
    transfer.refresh_from_db()
    assert (transfer.return_due_on, transfer.extension_count) == (date(2026, 7, 1), 1)


def test_extension_must_move_the_return_term_later(desk):
    _, transfer = _rs_transfer(desk, date(2026, 6, 1))

    with pytest.raises(InvalidInput):
        records.transfer_extend(actor=desk, transfer_id=transfer.pk,
                                return_due_on=date(2026, 6, 1))


def test_detainee_return_deadline_follows_the_extension(desk):
    request, transfer = _rs_transfer(desk, date(2026, 6, 1))
    deadline = Deadline.objects.get(request=request, kind="detainee_return")
    assert deadline.due_at == end_of_day(date(2026, 6, 1))
    assert deadline.citation == "kz-rs-2015 Art 11.1"
    assert deadline.responsible_side == "other_side"  # Serbia holds the person and returns them

    records.transfer_extend(actor=desk, transfer_id=transfer.pk, return_due_on=date(2026, 8, 1))

    deadline.refresh_from_db()
    assert deadline.due_at == end_of_day(date(2026, 8, 1))
    assert deadline.status == DeadlineStatus.OPEN


def test_returning_the_person_meets_the_detainee_return_deadline(desk):
    request, transfer = _rs_transfer(desk, date(2026, 6, 1))

    records.transfer_mark_returned(actor=desk, transfer_id=transfer.pk,
                                   returned_on=date(2026, 6, 1))

    deadline = Deadline.objects.get(request=request, kind="detainee_return")
    assert deadline.status == DeadlineStatus.MET


def test_closure_is_blocked_while_a_transferred_person_is_not_returned(desk):
    request, _ = _rs_transfer(desk, date(2026, 6, 1))
    t.request_record_execution(request_id=request.pk, actor=desk)
    t.request_transition(request_id=request.pk, actor=desk, name="transmit_results",
                         params=answer_params(request))

    with pytest.raises(RuleViolation) as exc:
        t.request_close(request_id=request.pk, actor=desk)

    assert cited(exc) == ("detainee_transfer", "Art 11.1", "transfers")


def test_closure_is_allowed_once_the_transferred_person_is_returned(desk):
    request, transfer = _rs_transfer(desk, date(2026, 6, 1))
    t.request_record_execution(request_id=request.pk, actor=desk)
    t.request_transition(request_id=request.pk, actor=desk, name="transmit_results",
                         params=answer_params(request))
    records.transfer_mark_returned(actor=desk, transfer_id=transfer.pk, returned_on=TODAY)

    assert t.request_close(request_id=request.pk, actor=desk).state == RequestState.CLOSED


def test_br_transfer_without_the_persons_consent_is_blocked(desk):
    request = incoming_request("kz-br-2018")
    person = detained_person(request)

    with pytest.raises(RuleViolation) as exc:
        records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                transferred_on=TODAY, release_date=date(2026, 12, 1),
                                person_consented=False)

    assert cited(exc) == ("detainee_transfer", "Art 9.1", "person_consented")
    assert not request.transfers.exists()


def test_br_transfer_without_a_release_date_is_blocked(desk):
    request = incoming_request("kz-br-2018")
    person = detained_person(request)

    with pytest.raises(RuleViolation) as exc:
        records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                transferred_on=TODAY, person_consented=True)

    assert only_violation(exc).field == "release_date"


def test_br_transfer_with_consent_is_due_back_by_the_release_date(desk):
    request, _ = _br_transfer(desk, date(2026, 12, 1))

    deadline = Deadline.objects.get(request=request, kind="detainee_return")
    assert deadline.due_at == end_of_day(date(2026, 12, 1))
    assert deadline.citation == "kz-br-2018 Art 9.2(b)"


def test_br_transfer_cannot_be_extended(desk):
    _, transfer = _br_transfer(desk, date(2026, 12, 1))

    with pytest.raises(RuleViolation) as exc:
        records.transfer_extend(actor=desk, transfer_id=transfer.pk,
                                return_due_on=date(2027, 1, 1))

    assert only_violation(exc).citation.reference == "Art 9.2(b)"


# --- bugs ----------------------------------------------------------------------------------------
def test_rs_return_term_before_the_transfer_is_rejected(desk):
    request = incoming_request("kz-rs-2015")
    person = detained_person(request)

    with pytest.raises((InvalidInput, RuleViolation)):
        records.transfer_record(actor=desk, request_id=request.pk, person_id=person.pk,
                                transferred_on=TODAY, return_due_on=TODAY - timedelta(days=10))


@pytest.mark.parametrize("release_date", [pytest.param(date(2026, 9, 1), id="earlier"),
                                          pytest.param(date(2027, 2, 1), id="later")])
def test_br_new_release_date_moves_the_return_deadline_that_followed_it_in_the_same_call(
        desk, release_date):
    request, transfer = _br_transfer(desk, date(2026, 12, 1))

    records.transfer_set_release_date(actor=desk, transfer_id=transfer.pk,
                                      release_date=release_date)

    deadline = Deadline.objects.get(request=request, kind="detainee_return")
    assert deadline.due_at == end_of_day(release_date)


def test_rs_transfer_has_no_release_date_to_move(desk):
    _, transfer = _rs_transfer(desk, date(2026, 6, 1))

    with pytest.raises(InvalidInput):
        records.transfer_set_release_date(actor=desk, transfer_id=transfer.pk,
                                          release_date=date(2026, 5, 1))
