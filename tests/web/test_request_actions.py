"""Running actions and recording facts from the request page: rules answer with their
citations, stale pages are told to reload, roles and visibility are enforced."""

from datetime import timedelta

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import Consultation
from requests_app.models import Decision
from requests_app.models import HandedOverItem
from requests_app.models import ItemReturnStatus
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import transitions as t
from requests_app.services.records import item_record
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import incoming_request
from tests.factories import prosecutor as make_prosecutor
from tests.factories import summoned_person
from tests.factories import supervisor
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "workflow"}


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _fresh(request) -> AssistanceRequest:
    return AssistanceRequest.objects.get(pk=request.pk)


def _act(client, request, name, **data):
    data.setdefault("version", _fresh(request).version)
    return client.post(f"/requests/{request.pk}/actions/{name}/", data)


def _ready_rs_request_with_summons(days_ahead: int):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    summoned_person(request, NOW.date() + timedelta(days=days_ahead))
    t.request_submit_for_review(request_id=request.pk, actor=request.created_by)
    return t.request_approve(request_id=request.pk, actor=supervisor())


# --- rules ----------------------------------------------------------------------------------------
def test_transmitting_a_summons_59_days_ahead_lists_rs_art_8_3_and_changes_nothing(
        clerk_client, frozen_now):
    request = _ready_rs_request_with_summons(59)
    response = _act(clerk_client, request, "transmit")
    assert response.status_code == 422
    body = response.content.decode()
    alert = body[body.index('id="violations"'):]
    assert "kz-rs-2015 Art 8.3" in alert[:alert.index("</div>")]
    assert _fresh(request).state == RequestState.READY


def test_transmitting_a_summons_60_days_ahead_transmits(clerk_client, frozen_now):
    request = _ready_rs_request_with_summons(60)
    response = _act(clerk_client, request, "transmit")
    assert response.status_code == 302
    assert response["Location"] == f"/requests/{request.pk}/"
    assert _fresh(request).state == RequestState.TRANSMITTED


def test_refusing_without_a_consultation_lists_rs_art_5_3(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    response = _act(clerk_client, request, "refuse", ground="refusal_not_a_crime",
                    reasons="Not an offence in Kazakhstan")
    body = response.content.decode()
    assert response.status_code == 422
    assert "kz-rs-2015 Art 5.3" in body[body.index('id="violations"'):]
    assert _fresh(request).state == RequestState.IN_EXECUTION


def test_refusal_succeeds_with_its_ground_after_a_consultation_recorded_through_the_form(
        clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    form = clerk_client.get(f"/requests/{request.pk}/records/consultation/")
    assert form.status_code == 200 and 'name="summary"' in form.content.decode()
    recorded = clerk_client.post(f"/requests/{request.pk}/records/consultation/", {
        "version": _fresh(request).version, "subject": "refusal", "held_on": "2026-03-02",
        "counterpart": "Ministry of Justice of Serbia", "summary": "Told them we may refuse"})
    assert recorded.status_code == 302
    assert recorded["Location"] == f"/requests/{request.pk}/#consultations"
    assert Consultation.objects.filter(request=request).count() == 1

    response = _act(clerk_client, request, "refuse", ground="refusal_not_a_crime",
                    reasons="Not an offence in Kazakhstan")
    assert response.status_code == 302
    assert _fresh(request).state == RequestState.REFUSED
    decision = Decision.objects.get(request=request)
    assert (decision.ground, decision.citation) == ("refusal_not_a_crime", "kz-rs-2015 Art 5.1")
    page = clerk_client.get(f"/requests/{request.pk}/").content.decode()
    assert "kz-rs-2015 Art 5.1" in page[page.index('id="timeline"'):]


def test_refusal_without_a_ground_lists_the_rule_on_grounds(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    Consultation.objects.create(request=request, subject="refusal", held_on=NOW.date(),
                                counterpart="RS", summary="Call", recorded_by=clerk_client.user)
    response = _act(clerk_client, request, "refuse", ground="", reasons="Because")
    body = response.content.decode()
    assert "A refusal must name a ground" in body
    assert 'name="ground"' in body  # the form is shown again, open, with what was typed
    assert "Because" in body


# --- inputs ---------------------------------------------------------------------------------------
def test_forwarding_sets_the_executing_authority_and_prosecutor(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)
    almaty = authority("kz-prosecutor-almaty")
    prosecutor = make_prosecutor("kz-prosecutor-almaty")
    response = _act(clerk_client, request, "forward", executing_authority_id=almaty.pk,
                    assigned_prosecutor_id=prosecutor.pk)
    assert response.status_code == 302
    request = _fresh(request)
    assert request.state == RequestState.FORWARDED
    assert (request.executing_authority_id, request.assigned_prosecutor_id) == (
        almaty.pk, prosecutor.pk)


def test_forwarding_without_an_executing_authority_shows_the_error_next_to_the_field(
        clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)
    response = _act(clerk_client, request, "forward", executing_authority_id="")
    body = response.content.decode()
    assert response.status_code == 400
    field = body[body.index('<label for="id_forward_executing_authority_id"'):]
    assert 'class="errorlist"' in field[:field.index("</select>")]
    assert _fresh(request).state == RequestState.COMPLETENESS_CHECK


def test_a_reason_is_required_where_the_action_needs_one(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK)
    response = _act(clerk_client, request, "request_additional_info", reason="")
    body = response.content.decode()
    field = body[body.index('<label for="id_request_additional_info_reason"'):]
    assert 'class="errorlist"' in field[:field.index("</textarea>")]
    assert _fresh(request).state == RequestState.COMPLETENESS_CHECK


def test_recording_execution_partially_with_reasons(prosecutor_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    response = _act(prosecutor_client, request, "record_execution", outcome="partial",
                    reasons="One witness could not be found")
    assert response.status_code == 302
    request = _fresh(request)
    assert (request.state, request.execution_outcome) == (RequestState.EXECUTED, "partial")


# --- concurrency, roles, visibility ---------------------------------------------------------------
def test_a_stale_version_shows_the_reload_message_and_changes_nothing(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    stale = request.version
    t.request_transition(request_id=request.pk, actor=clerk_client.user,
                         name="start_completeness_check")
    logged = TransitionLog.objects.filter(request=request).count()
    response = _act(clerk_client, request, "request_additional_info", version=stale,
                    reason="Need more")
    body = response.content.decode()
    assert "changed this request meanwhile; reload it" in body
    assert _fresh(request).state == RequestState.COMPLETENESS_CHECK
    assert TransitionLog.objects.filter(request=request).count() == logged


def test_a_prosecutor_posting_a_clerk_only_action_gets_403(prosecutor_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)
    response = _act(prosecutor_client, request, "forward",
                    executing_authority_id=authority("kz-prosecutor-almaty").pk)
    assert response.status_code == 403
    assert _fresh(request).state == RequestState.COMPLETENESS_CHECK


def test_an_action_not_available_in_this_state_changes_nothing(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    response = _act(clerk_client, request, "transmit_results")
    assert "This action is not available in the request" in response.content.decode()
    assert _fresh(request).state == RequestState.RECEIVED


def test_an_unknown_action_is_404(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    assert _act(clerk_client, request, "teleport").status_code == 404


def test_another_office_gets_404_on_every_action(other_office_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    names = {tr.name for tr in AssistanceRequest._meta.get_field("state").get_all_transitions(
        AssistanceRequest)}
    for name in sorted(names):
        assert _act(other_office_client, request, name).status_code == 404, name
        assert other_office_client.get(
            f"/requests/{request.pk}/actions/{name}/").status_code == 404, name
    assert _fresh(request).state == RequestState.IN_EXECUTION


def test_another_office_gets_404_on_every_record_url(other_office_client, frozen_now):
    from requests_app.record_kinds import RECORD_KIND_BY_SLUG

    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    for kind in RECORD_KIND_BY_SLUG:
        url = f"/requests/{request.pk}/records/{kind}/"
        assert other_office_client.get(url).status_code == 404, kind
        assert other_office_client.post(url, {"version": 1}).status_code == 404, kind


def test_an_unknown_record_kind_is_404(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    assert clerk_client.get(f"/requests/{request.pk}/records/parking-ticket/").status_code == 404


def test_opening_an_action_url_leads_back_to_the_page(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    response = clerk_client.get(f"/requests/{request.pk}/actions/start_completeness_check/")
    assert response.status_code == 302
    assert response["Location"] == f"/requests/{request.pk}/#actions"


# --- htmx -----------------------------------------------------------------------------------------
def test_an_htmx_action_answers_with_the_workflow_panel_only(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    response = clerk_client.post(
        f"/requests/{request.pk}/actions/start_completeness_check/",
        {"version": request.version}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and body.lstrip().startswith('<div id="workflow"')
    assert 'data-state="completeness_check"' in body
    assert 'data-log-action="start_completeness_check"' in body
    assert 'id="facts" hx-swap-oob="true"' in body


def test_an_htmx_action_blocked_by_a_rule_answers_422_with_the_citation(clerk_client,
                                                                       frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    response = clerk_client.post(
        f"/requests/{request.pk}/actions/refuse/",
        {"version": request.version, "ground": "refusal_not_a_crime", "reasons": "No"}, **HTMX)
    assert response.status_code == 422
    body = response.content.decode()
    assert "<html" not in body and "kz-rs-2015 Art 5.3" in body


# --- record forms ---------------------------------------------------------------------------------
def test_a_record_form_shows_service_errors_next_to_the_field(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    response = clerk_client.post(f"/requests/{request.pk}/records/consultation/", {
        "version": request.version, "subject": "refusal", "held_on": "2026-03-05",
        "counterpart": "RS", "summary": "Not yet held"})
    body = response.content.decode()
    assert response.status_code == 400
    field = body[body.index('<label for="id_held_on"'):]
    assert "cannot be recorded before it is held" in field[:field.index("<input")]
    assert not Consultation.objects.filter(request=request).exists()


def test_a_record_form_with_a_stale_version_asks_to_reload(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    response = clerk_client.post(f"/requests/{request.pk}/records/consultation/", {
        "version": request.version + 1, "subject": "refusal", "held_on": "2026-03-02",
        "counterpart": "RS", "summary": "Call"})
    assert "reload it and try again" in response.content.decode()
    assert not Consultation.objects.filter(request=request).exists()


def test_an_item_is_marked_returned_from_the_link_on_the_page(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    item = item_record(actor=clerk_client.user, request_id=request.pk, description="Ledger",
                       holder="kazakhstan", handed_over_on=NOW.date())
    page = clerk_client.get(f"/requests/{request.pk}/").content.decode()
    link = f"/requests/{request.pk}/records/item-returned/?item={item.pk}"
    assert link in page
    form = clerk_client.get(link).content.decode()
    assert f'<option value="{item.pk}" selected>' in form
    response = clerk_client.post(f"/requests/{request.pk}/records/item-returned/", {
        "version": _fresh(request).version, "item": item.pk, "returned_on": "2026-03-02"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.return_status == ItemReturnStatus.RETURNED


def test_an_item_of_another_request_cannot_be_chosen(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    other = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    item = item_record(actor=clerk_client.user, request_id=other.pk, description="Ledger",
                       holder="kazakhstan", handed_over_on=NOW.date())
    clerk_client.post(f"/requests/{request.pk}/records/item-returned/", {
        "version": request.version, "item": item.pk, "returned_on": "2026-03-02"})
    assert HandedOverItem.objects.get(pk=item.pk).return_status == ItemReturnStatus.HELD


def test_a_rule_blocking_a_record_is_listed_with_its_citation(police_clerk_client, frozen_now):
    request = incoming_request("kz-sk-2007", state=RequestState.IN_EXECUTION)
    response = police_clerk_client.post(f"/requests/{request.pk}/records/personal-data/", {
        "version": request.version, "flow": "supplied", "transferred_on": "2026-03-02",
        "purpose": "Identify the suspect", "data_categories": "Name, address",
        "bodies_involved": "MVD"})
    body = response.content.decode()
    assert response.status_code == 422
    assert "kz-sk-2007 Art 5.6" in body[body.index('id="violations"'):]


def test_an_htmx_action_with_invalid_input_answers_400_as_the_api_does(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)
    response = clerk_client.post(f"/requests/{request.pk}/actions/forward/",
                                 {"version": request.version, "executing_authority_id": ""},
                                 **HTMX)
    assert response.status_code == 400
    body = response.content.decode()
    assert "<html" not in body and 'id="id_forward_executing_authority_id"' in body
    assert _fresh(request).state == RequestState.COMPLETENESS_CHECK


def test_an_action_on_a_request_changed_meanwhile_answers_409(clerk_client, frozen_now):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    response = clerk_client.post(f"/requests/{request.pk}/actions/start_completeness_check/",
                                 {"version": request.version - 1 or 99}, **HTMX)
    assert response.status_code == 409
    assert _fresh(request).state == RequestState.RECEIVED
