"""GET /api/requests/{id}/transitions/ and POST /api/requests/{id}/transitions/{name}/: what the
caller may do now and running it, through the same service as the web app."""

from __future__ import annotations

from datetime import timedelta

import pytest

from requests_app.models import AssistanceRequest
from requests_app.models import Decision
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import records
from requests_app.services import transitions as t
from tests.api._support import version_of
from tests.api.conftest import NOW
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import summoned_person
from tests.factories import supervisor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

TODAY = NOW.date()
RS_SECURITY = "refusal_sovereignty_security_public_order"


def _url(request, name: str | None = None) -> str:
    pk = request.pk if hasattr(request, "pk") else request
    return f"/api/requests/{pk}/transitions/" + (f"{name}/" if name else "")


def _state(request) -> str:
    return AssistanceRequest.objects.values_list("state", flat=True).get(pk=request.pk)


def _run(client, request, name, **body):
    body.setdefault("version", version_of(request))
    return client.post(_url(request, name), body, format="json")


def _ready(slug="kz-rs-2015", **fields):
    """An outgoing request of kz-gpo (RS, BR) or kz-mvd (CZ, SK), approved and ready to go."""
    office = "kz-mvd" if slug in ("kz-cz-2017", "kz-sk-2007") else "kz-gpo"
    author = prosecutor(office)
    request = AssistanceRequestFactory(instrument_slug=slug, created_by=author, **fields)
    t.request_submit_for_review(request_id=request.pk, actor=author)
    t.request_approve(request_id=request.pk, actor=supervisor())
    return request


def _options(response) -> dict:
    return {o["name"]: o for o in response.json()["transitions"]}


# --- GET: the options ------------------------------------------------------------------------------
def test_options_give_the_state_version_and_each_action_with_its_target(clerk_api):
    request = _ready()

    response = clerk_api.get(_url(request))

    assert response.status_code == 200
    body = response.json()
    assert (body["request"], body["reference"]) == (request.pk, request.reference)
    assert (body["state"], body["version"]) == ("ready", version_of(request))
    assert body["state_label"]
    options = _options(response)
    assert set(options) == {"transmit", "withdraw"}  # RS provides no oral requests
    transmit = options["transmit"]
    assert (transmit["target"], transmit["permitted"], transmit["allowed"]) == (
        "transmitted", True, True)
    assert transmit["label"] and transmit["target_label"]
    assert transmit["blocked_by"] == []
    # Besides the log's reason, what the clerk records of the letter sent (both optional).
    assert [p["name"] for p in transmit["parameters"]] == [
        "reason", "dispatched_on", "dispatch_reference"]
    withdraw = options["withdraw"]
    assert withdraw["reason_required"] is True
    assert withdraw["parameters"][0] == {
        "name": "reason", "type": "text", "required": True, "description": withdraw[
            "parameters"][0]["description"], "citation": "", "choices": []}


def test_a_blocked_action_names_the_rule_and_article_that_block_it(clerk_api):
    request = _ready()
    summoned_person(request, TODAY + timedelta(days=59))

    transmit = _options(clerk_api.get(_url(request)))["transmit"]

    assert (transmit["permitted"], transmit["allowed"]) == (True, False)
    [violation] = transmit["blocked_by"]
    assert violation["rule"] == "summons_lead_time"
    assert violation["citation"] == "kz-rs-2015 Art 8.3"
    assert (violation["instrument"], violation["article"]) == ("kz-rs-2015", "Art 8.3")
    assert violation["field"] == "appearance_date"
    assert violation["message"]


def test_actions_outside_the_callers_role_are_listed_as_not_permitted(prosecutor_api):
    request = _ready()

    transmit = _options(prosecutor_api.get(_url(request)))["transmit"]

    assert (transmit["permitted"], transmit["allowed"]) == (False, False)


def test_refusal_parameters_list_the_instruments_own_grounds_with_their_articles(clerk_api):
    request = incoming_request("kz-rs-2015")

    refuse = _options(clerk_api.get(_url(request)))["refuse"]

    params = {p["name"]: p for p in refuse["parameters"]}
    assert list(params) == ["reason", "ground", "reasons", "partial"]
    assert (params["ground"]["type"], params["ground"]["required"]) == ("string", False)
    assert params["ground"]["citation"] == "kz-rs-2015 Art 5.4"
    grounds = {c["value"]: c for c in params["ground"]["choices"]}
    assert grounds[RS_SECURITY]["citation"] == "kz-rs-2015 Art 5.2(b)"
    assert all(c["label"] and c["citation"].startswith("kz-rs-2015 Art ") for c in
               grounds.values())
    assert params["partial"]["type"] == "boolean"
    # Without a consultation the refusal is blocked by RS 5.3 already.
    assert [v["citation"] for v in refuse["blocked_by"]] == ["kz-rs-2015 Art 5.3"]


def test_forward_parameters_require_the_executing_authority(clerk_api):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)

    forward = _options(clerk_api.get(_url(request)))["forward"]

    params = {p["name"]: p for p in forward["parameters"]}
    assert (params["executing_authority_id"]["type"],
            params["executing_authority_id"]["required"]) == ("integer", True)
    assert params["assigned_prosecutor_id"]["required"] is False


def test_written_confirmation_offers_the_instruments_written_channels(police_clerk_api):
    request = _ready("kz-sk-2007", is_urgent=True, urgency_reason="Flight tonight")
    t.request_transmit_orally(request_id=request.pk, actor=supervisor())

    confirm = _options(police_clerk_api.get(_url(request)))["confirm_in_writing"]

    assert confirm["target"] == "transmitted"
    params = {p["name"]: p for p in confirm["parameters"]}
    assert {c["value"] for c in params["channel"]["choices"]} == {"post", "fax"}
    assert params["channel"]["citation"] == "kz-sk-2007 Art 7.2"
    assert params["confirmed_at"]["type"] == "datetime"


def test_targets_that_depend_on_the_request_are_resolved(clerk_api):
    request = incoming_request("kz-rs-2015", state=RequestState.CONSULTATION)

    resume = _options(clerk_api.get(_url(request)))["resume_execution"]

    assert resume["target"] == "in_execution"  # forwarded already: back to execution


def test_final_states_offer_no_action(clerk_api):
    request = AssistanceRequestFactory(state=RequestState.CLOSED)

    response = clerk_api.get(_url(request))

    assert response.status_code == 200
    assert response.json()["transitions"] == []


@pytest.mark.parametrize("client_name", ["prosecutor_api", "clerk_api", "supervisor_api"])
def test_every_role_of_the_office_sees_the_options(request, client_name):
    client = request.getfixturevalue(client_name)
    obj = _ready()

    assert client.get(_url(obj)).status_code == 200


@pytest.mark.parametrize("client_name", ["other_office_api", "roleless_api"])
def test_options_of_a_request_one_may_not_see_answer_404_without_data(request, client_name):
    client = request.getfixturevalue(client_name)
    obj = _ready()

    response = client.get(_url(obj))

    assert response.status_code == 404
    assert response.json()["type"] == "not_found"
    assert "transitions" not in response.json()


@pytest.mark.parametrize("raw_id", ["999999", "0", "-1", "abc", "99999999999999999999999"])
def test_options_of_a_missing_or_malformed_id_answer_404(clerk_api, raw_id):
    response = clerk_api.get(f"/api/requests/{raw_id}/transitions/")

    assert response.status_code == 404
    assert response.json()["type"] == "not_found"


def test_options_need_a_signed_in_caller(anonymous_api):
    request = _ready()

    response = anonymous_api.get(_url(request))

    assert response.status_code == 401
    assert response.json()["type"] == "not_authenticated"


# --- POST: running an action ----------------------------------------------------------------------
def test_running_an_action_answers_the_new_state_version_and_log_entry(clerk_api):
    request = _ready()
    version = version_of(request)

    response = _run(clerk_api, request, "transmit", version=version)

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["request"], body["state"], body["version"]) == (
        request.pk, "transmitted", version + 1)
    assert body["state_label"]
    entry = body["log_entry"]
    assert (entry["action"], entry["from_state"], entry["to_state"]) == (
        "transmit", "ready", "transmitted")
    assert entry["citation"] == "kz-rs-2015 Art 2"
    assert entry["at"].startswith("2026-03-02T10:00:00")
    log = TransitionLog.objects.get(pk=entry["id"])
    assert (log.request_id, log.actor_id) == (request.pk, clerk_api.user.pk)
    assert _state(request) == RequestState.TRANSMITTED


def test_a_stale_version_answers_409_with_the_current_version(clerk_api):
    request = _ready()
    current = version_of(request)

    response = _run(clerk_api, request, "transmit", version=current - 1)

    assert response.status_code == 409
    body = response.json()
    assert (body["type"], body["current_version"]) == ("conflict", current)
    assert _state(request) == RequestState.READY


@pytest.mark.parametrize(("client_name", "fields", "name", "status", "error"), [
    pytest.param("clerk_api", {}, "close", 409, "transition_not_available",
                 id="an_action_of_the_graph_not_available_now_409"),
    pytest.param("clerk_api", {"is_urgent": True}, "transmit_orally", 409,
                 "transition_not_available", id="oral_transmission_under_an_mla_treaty_409"),
    pytest.param("clerk_api", {}, "teleport", 404, "not_found", id="a_name_outside_the_graph_404"),
    pytest.param("prosecutor_api", {}, "transmit", 403, "forbidden",
                 id="an_action_outside_the_callers_role_403"),
])
def test_an_action_that_cannot_run_answers_why_and_changes_nothing(request, client_name, fields,
                                                                   name, status, error):
    ready = _ready("kz-rs-2015", **fields)

    response = _run(request.getfixturevalue(client_name), ready, name)

    assert response.status_code == status
    assert response.json()["type"] == error
    assert _state(ready) == RequestState.READY


def test_a_supervisor_may_step_in_on_a_clerks_action(supervisor_api):
    request = _ready()

    assert _run(supervisor_api, request, "transmit").status_code == 200


@pytest.mark.parametrize("client_name", ["other_office_api", "roleless_api"])
def test_running_an_action_on_a_request_one_may_not_see_answers_404(request, client_name):
    client = request.getfixturevalue(client_name)
    obj = _ready()

    response = _run(client, obj, "withdraw", reason="Not needed")

    assert response.status_code == 404
    assert set(response.json()) >= {"type", "detail"}
    assert response.json()["type"] == "not_found"
    assert _state(obj) == RequestState.READY


def test_running_an_action_needs_a_signed_in_caller(anonymous_api):
    request = _ready()

    response = _run(anonymous_api, request, "transmit")

    assert response.status_code == 401
    assert _state(request) == RequestState.READY


def test_a_missing_reason_where_required_answers_400_naming_the_field(clerk_api):
    request = _ready()

    response = _run(clerk_api, request, "withdraw")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"reason"}
    assert _state(request) == RequestState.READY


def test_withdrawing_with_a_reason_logs_it(clerk_api):
    request = _ready()

    response = _run(clerk_api, request, "withdraw", reason="The case was closed at home")

    assert response.status_code == 200
    assert response.json()["log_entry"]["reason"] == "The case was closed at home"
    assert response.json()["state"] == "withdrawn"


# --- POST: strict input ---------------------------------------------------------------------------
@pytest.mark.parametrize(("body", "field"), [
    ({}, "version"),
    ({"version": "2"}, "version"),
    ({"version": True}, "version"),
    ({"version": 2.5}, "version"),
    ({"version": None}, "version"),
    ({"version": 0}, "version"),
    ({"version": 2, "reason": 7}, "reason"),
    ({"version": 2, "ground": RS_SECURITY}, "ground"),  # transmit takes no ground
    ({"version": 2, "state": "closed"}, "state"),
])
def test_invalid_or_unknown_input_answers_400_naming_the_field(clerk_api, body, field):
    request = _ready()

    response = clerk_api.post(_url(request, "transmit"), body, format="json")

    assert response.status_code == 400
    assert response.json()["type"] == "validation_error"
    assert field in response.json()["errors"]
    assert _state(request) == RequestState.READY


@pytest.mark.parametrize(("params", "field"), [
    ({"partial": "yes"}, "partial"),
    ({"partial": 1}, "partial"),
    ({"ground": 5}, "ground"),
    ({"reasons": ["a"]}, "reasons"),
    ({"deferred_until": "2026-03-10"}, "deferred_until"),  # a parameter of defer, not refuse
])
def test_refusal_parameters_are_typed_strictly(clerk_api, params, field):
    request = incoming_request("kz-rs-2015")

    response = _run(clerk_api, request, "refuse",
                    **{"ground": RS_SECURITY, "reasons": "Security", **params})

    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize("value", ["10.03.2026", "2026-02-30", "tomorrow", 20260310,
                                   "0001-01-01", "9999-12-31"])
def test_dates_must_be_iso_dates_in_range(clerk_api, value):
    request = incoming_request("kz-br-2018")

    response = _run(clerk_api, request, "set_conditions", conditions="Only for case 1",
                    accepted_on=value)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"accepted_on"}


@pytest.mark.parametrize("value", ["yesterday", "2026-03-02 25:00", 1772400000,
                                   "0001-01-01T00:00:00+14:00"])
def test_date_times_must_be_iso_date_times_in_range(police_clerk_api, value):
    request = _ready("kz-sk-2007", is_urgent=True)

    response = _run(police_clerk_api, request, "transmit_orally", oral_request_at=value)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"oral_request_at"}


@pytest.mark.parametrize("value", ["5", None, 0, -3, True])
def test_forward_needs_an_integer_executing_authority_id(clerk_api, value):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)

    response = _run(clerk_api, request, "forward", executing_authority_id=value)

    assert response.status_code == 400
    assert "executing_authority_id" in response.json()["errors"]


def test_forward_without_the_executing_authority_answers_400(clerk_api):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)

    response = _run(clerk_api, request, "forward")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"executing_authority_id"}


def test_forward_to_a_foreign_or_unknown_authority_answers_400(clerk_api):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)

    foreign = _run(clerk_api, request, "forward",
                   executing_authority_id=authority("rs-justice").pk)
    unknown = _run(clerk_api, request, "forward", executing_authority_id=2**62)

    assert (foreign.status_code, unknown.status_code) == (400, 400)
    assert _state(request) == RequestState.COMPLETENESS_CHECK


def test_an_unknown_channel_answers_400(police_clerk_api):
    request = _ready("kz-sk-2007", is_urgent=True)
    t.request_transmit_orally(request_id=request.pk, actor=supervisor())

    response = _run(police_clerk_api, request, "confirm_in_writing", channel="pigeon")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"channel"}


def test_an_unknown_execution_outcome_answers_400(clerk_api):
    request = incoming_request("kz-cz-2017")

    response = _run(clerk_api, request, "record_execution", outcome="most")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"outcome"}


@pytest.mark.parametrize("body", [[1, 2], "version=3", 3])
def test_a_body_that_is_not_a_json_object_answers_400(clerk_api, body):
    request = _ready()

    response = clerk_api.post(_url(request, "transmit"), body, format="json")

    assert response.status_code == 400


def test_a_body_that_is_not_json_answers_415(clerk_api):
    request = _ready()

    response = clerk_api.post(_url(request, "transmit"), {"version": version_of(request)})

    assert response.status_code == 415
    assert _state(request) == RequestState.READY


def test_malformed_json_answers_400(clerk_api):
    request = _ready()

    response = clerk_api.post(_url(request, "transmit"), data="{version: ",
                              content_type="application/json")

    assert response.status_code == 400


# --- POST: parameters reach the service -----------------------------------------------------------
def test_refusal_records_the_decision_with_the_grounds_article(clerk_api):
    request = incoming_request("kz-rs-2015")
    records.consultation_record(actor=clerk_api.user, request_id=request.pk, subject="refusal",
                                held_on=TODAY, counterpart="Serbian MoJ", summary="Grounds")

    response = _run(clerk_api, request, "refuse", ground=RS_SECURITY,
                    reasons="Would prejudice national security", partial=True)

    assert response.status_code == 200, response.json()
    assert response.json()["state"] == "refused"
    assert response.json()["log_entry"]["citation"] == "kz-rs-2015 Art 5.2(b)"
    assert response.json()["log_entry"]["reason"] == "Would prejudice national security"
    decision = Decision.objects.get(request=request)
    assert (decision.ground, decision.partial, decision.citation) == (
        RS_SECURITY, True, "kz-rs-2015 Art 5.2(b)")


def test_deferral_records_the_date_it_runs_until(clerk_api):
    request = incoming_request("kz-rs-2015")
    records.decision_record_partial_or_conditional_considered(
        actor=clerk_api.user, request_id=request.pk, reasons="Needed whole", decided_on=TODAY)

    response = _run(clerk_api, request, "defer", ground="deferral_interferes_with_proceedings",
                    reasons="Our investigation needs the documents", deferred_until="2026-06-01")

    assert response.status_code == 200, response.json()
    assert Decision.objects.get(request=request, kind="deferral").deferred_until.isoformat() == (
        "2026-06-01")


def test_forwarding_sets_the_executing_authority_and_prosecutor(clerk_api):
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None)
    executor = prosecutor("kz-prosecutor-almaty")

    response = _run(clerk_api, request, "forward",
                    executing_authority_id=authority("kz-prosecutor-almaty").pk,
                    assigned_prosecutor_id=executor.pk)

    assert response.status_code == 200, response.json()
    request.refresh_from_db()
    assert request.executing_authority.code == "kz-prosecutor-almaty"
    assert request.assigned_prosecutor == executor


def test_written_confirmation_takes_an_iso_time_read_in_almaty(police_clerk_api, frozen_now):
    request = _ready("kz-sk-2007", is_urgent=True)
    t.request_transmit_orally(request_id=request.pk, actor=supervisor())
    frozen_now.shift(timedelta(hours=5))

    response = _run(police_clerk_api, request, "confirm_in_writing",
                    confirmed_at="2026-03-02T12:30", channel="fax")

    assert response.status_code == 200, response.json()
    request.refresh_from_db()
    assert request.written_confirmation_at == NOW + timedelta(hours=2, minutes=30)
    assert request.channel == "fax"


def test_written_confirmation_in_the_future_answers_400(police_clerk_api):
    request = _ready("kz-sk-2007", is_urgent=True)
    t.request_transmit_orally(request_id=request.pk, actor=supervisor())

    response = _run(police_clerk_api, request, "confirm_in_writing",
                    confirmed_at="2026-03-05T10:00:00+05:00")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"confirmed_at"}


def test_a_full_outgoing_lifecycle_runs_through_the_api(prosecutor_api, supervisor_api,
                                                        clerk_api):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015",
                                       created_by=prosecutor_api.user)

    steps = [(prosecutor_api, "submit_for_review", {}),
             (supervisor_api, "approve", {}),
             (clerk_api, "transmit", {}),
             (prosecutor_api, "record_execution", {"outcome": "full"}),
             (clerk_api, "close", {})]
    states = []
    for client, name, params in steps:
        options = _options(client.get(_url(request)))
        assert options[name]["allowed"], options[name]
        response = _run(client, request, name, **params)
        assert response.status_code == 200, (name, response.json())
        states.append(response.json()["state"])

    assert states == ["under_review", "ready", "transmitted", "executed", "closed"]
    assert list(TransitionLog.objects.filter(request=request).values_list("action", flat=True)) == [
        "submit_for_review", "approve", "transmit", "record_execution", "close"]


def test_the_role_is_checked_before_the_body(prosecutor_api):
    request = _ready()

    response = prosecutor_api.post(_url(request, "transmit"), {"version": "x", "junk": 1},
                                   format="json")

    assert response.status_code == 403


def test_availability_is_checked_before_the_body(clerk_api):
    request = _ready()

    response = clerk_api.post(_url(request, "close"), {"junk": 1}, format="json")

    assert response.status_code == 409
    assert response.json()["type"] == "transition_not_available"


# --- submit for review: complete, or overridden with a reason (office policy) ---------------------
def _incomplete_draft_of(client):
    return AssistanceRequestFactory(created_by=client.user, purpose="")


def test_submitting_an_incomplete_draft_answers_422_with_the_missing_field(prosecutor_api):
    request = _incomplete_draft_of(prosecutor_api)
    response = _run(prosecutor_api, request, "submit_for_review")
    assert response.status_code == 422
    assert "purpose" in str(response.json()) and "office_policy" in str(response.json())
    assert _state(request) == RequestState.DRAFTING


def test_the_override_without_a_reason_answers_400_on_the_reason(prosecutor_api):
    request = _incomplete_draft_of(prosecutor_api)
    response = _run(prosecutor_api, request, "submit_for_review",
                    override_incomplete=True, override_reason="")
    assert response.status_code == 400
    assert "override_reason" in str(response.json())


def test_the_override_with_a_reason_submits_and_logs_it(prosecutor_api):
    request = _incomplete_draft_of(prosecutor_api)
    response = _run(prosecutor_api, request, "submit_for_review",
                    override_incomplete=True, override_reason="Purpose follows.")
    assert response.status_code == 200, response.json()
    assert response.json()["log_entry"]["reason"] == "Purpose follows."
    assert _state(request) == RequestState.UNDER_REVIEW
