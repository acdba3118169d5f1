"""The audit's corrections through the services: RS 10.3 Interpol at registration (F1), the other
side's refusal of our request recorded and flagged (F5), the RS 6.5 date on a forwarded incoming
request (F6), CZ 17 partial suspension (F12), agreed channels (CZ 9.1, SK 7.2), RS 4.2 answer
language, RS 8.2 proof of service."""

from datetime import timedelta

import pytest

from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RuleViolation
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from requests_app.services.instruments import instrument_agreed_channels_update
from requests_app.services.requests import request_register_incoming
from tests.factories import COUNTERPARTS
from tests.factories import AssistanceRequestFactory
from tests.factories import UserFactory
from tests.factories import authority
from tests.factories import incoming_request
from tests.factories import instrument
from tests.requests_app import _support
from tests.requests_app._support import TODAY
from tests.requests_app._support import cited
from tests.requests_app._support import fresh
from tests.scenarios import set_instrument

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk


def _register(actor, slug, **overrides):
    foreign, home = COUNTERPARTS[slug]
    values = {"instrument_id": instrument(slug).pk,
              "requesting_authority_id": authority(foreign).pk,
              "requested_authority_id": authority(home).pk, "channel": "post",
              "assistance_types": ["locating_persons"]}
    return request_register_incoming(actor=actor, **{**values, **overrides})


# --- F1: RS 10.3 ---------------------------------------------------------------------------------
def test_rs_urgent_request_to_locate_a_person_registered_as_received_through_interpol(desk):
    request = _register(desk, "kz-rs-2015", channel="interpol", is_urgent=True)
    assert (request.state, request.channel) == (RequestState.RECEIVED, "interpol")


def test_rs_request_through_interpol_that_is_not_urgent_is_refused_citing_10_3(desk):
    with pytest.raises(RuleViolation) as exc:
        _register(desk, "kz-rs-2015", channel="interpol")
    assert cited(exc)[:2] == ("urgent_locating_via_interpol", "Art 10.3")


# --- F5: the other side's refusal of our request --------------------------------------------------
def test_serbian_refusal_of_our_request_on_a_ground_off_the_list_is_recorded(desk):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015",
                                       state=RequestState.TRANSMITTED)
    request = t.request_refuse(request_id=request.pk, actor=desk, ground="not_listed",
                               reasons="")
    assert request.state == RequestState.REFUSED
    decision = request.decisions.get()
    assert (decision.kind, decision.ground) == ("refusal", "not_listed")


# --- F6: RS 6.5 ----------------------------------------------------------------------------------
def test_incoming_rs_request_with_an_unreasoned_date_is_forwarded_and_the_date_does_not_bind(
        desk):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               requested_execution_date=TODAY + timedelta(days=20),
                               requested_execution_reason="")
    request = t.request_forward(request_id=request.pk, actor=desk,
                                executing_authority_id=request.requested_authority_id)
    assert request.state == RequestState.FORWARDED
    row = Deadline.objects.get(request=request, kind="requested_execution_date")
    assert row.status == DeadlineStatus.WAIVED


# --- F12: CZ 17 partial suspension -----------------------------------------------------------------
def test_cz_partial_suspension_blocks_only_requests_for_the_forms_it_names(desk):
    set_instrument("kz-cz-2017", suspension_notice_received_on=TODAY - timedelta(days=15),
                   suspended_assistance_types=["controlled_delivery"])
    covered = incoming_request("kz-cz-2017", assistance_types=["controlled_delivery"])
    other = incoming_request("kz-cz-2017", assistance_types=["information_exchange"])

    with pytest.raises(RuleViolation) as exc:
        t.request_record_execution(request_id=covered.pk, actor=desk)
    assert cited(exc)[:2] == ("instrument_suspended", "Art 17")
    assert t.request_record_execution(request_id=other.pk, actor=desk).state == "executed"


# --- CZ 9.1, SK 7.2: agreed channels ---------------------------------------------------------------
def _admin():
    return UserFactory(role="Admin")


def test_sk_channel_agreed_with_the_slovak_side_may_then_be_used(desk):
    sk = instrument("kz-sk-2007")
    instrument_agreed_channels_update(actor=_admin(), instrument_id=sk.pk,
                                      channels=("electronic",), reference="Protocol of 2024-05-01")
    request = _register(desk, "kz-sk-2007", channel="electronic",
                        assistance_types=["information_exchange"])
    assert request.channel == "electronic"


def test_rs_refuses_an_agreed_channel_it_names_its_channels(desk):
    with pytest.raises(InvalidInput) as exc:
        instrument_agreed_channels_update(actor=_admin(), instrument_id=instrument("kz-rs-2015").pk,
                                          channels=("fax",), reference="Letter")
    assert "agreed_channels" in exc.value.errors


def test_an_agreed_channel_needs_the_reference_of_the_agreement(desk):
    with pytest.raises(InvalidInput) as exc:
        instrument_agreed_channels_update(actor=_admin(), instrument_id=instrument("kz-sk-2007").pk,
                                          channels=("electronic",), reference=" ")
    assert "agreed_channels_reference" in exc.value.errors


# --- RS 4.2: our answer --------------------------------------------------------------------------
def test_rs_results_without_the_english_translation_are_held_citing_4_2(desk):
    request = incoming_request("kz-rs-2015")
    t.request_record_execution(request_id=request.pk, actor=desk)
    with pytest.raises(RuleViolation) as exc:
        t.request_transition(request_id=request.pk, actor=desk, name="transmit_results",
                             params={"answer_language": "ru", "answer_signed_and_sealed": True})
    assert cited(exc) == ("answer_language", "Art 4.2", "answer_translated_into_english")
    assert fresh(request).state == RequestState.EXECUTED


# --- RS 8.2: our proof of service ----------------------------------------------------------------
def test_rs_proof_of_service_without_the_seal_is_refused_citing_8_2(desk):
    request = incoming_request("kz-rs-2015")
    with pytest.raises(RuleViolation) as exc:
        records.service_proof_record(actor=desk, request_id=request.pk, served_at=_support.NOW,
                                     place="Almaty", manner="in person", received_by="P. P.")
    assert cited(exc) == ("proof_of_service", "Art 8.2", "signed_and_sealed")
