"""The API's input vocabulary (``requests_app.api.fields``) at its boundaries: one meaning per
field name on every endpoint. A JSON integer is never its text, a flag is a JSON boolean, ids end
at the largest 64-bit key, dates lie between 1900 and 2999 (in Asia/Almaty for a date-time, which
is Asia/Almaty time without an offset), unknown keys are named; a form-encoded body writes ids
and flags as text, and only as ``digits`` and ``true``/``false``."""

from __future__ import annotations

from datetime import datetime

import pytest

from requests_app.api.fields import MAX_ID
from requests_app.api.fields import parse_id
from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import HandedOverItem
from requests_app.models import ResponsibleSide
from tests.api._support import version_of
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import detained_person
from tests.factories import incoming_request
from treaties.rules.calendar import ALMATY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _item(client, request: AssistanceRequest, **changes):
    body = {"version": version_of(request), "description": "Phone", "holder": "kazakhstan",
            "handed_over_on": "2026-03-02", **changes}
    return client.post(f"/api/requests/{request.pk}/items/", body, format="json", **EN)


def _transfer(client, request: AssistanceRequest, form: bool = False, **changes):
    body = {"version": version_of(request), "person": detained_person(request).pk,
            "transferred_on": "2026-03-02", "return_due_on": "2026-04-02", **changes}
    if form:  # form encoding carries text only
        return client.post(f"/api/requests/{request.pk}/transfers/",
                           {name: str(value) for name, value in body.items()})
    return client.post(f"/api/requests/{request.pk}/transfers/", body, format="json")


def _draft(**changes) -> dict:
    return {"instrument": "kz-rs-2015", "requested_authority": authority("rs-justice").pk,
            "assistance_types": ["testimony"], "purpose": "Hear the witness", **changes}


def _errors(response) -> set[str]:
    assert response.status_code == 400, response.content
    return set(response.json()["errors"])


# --- integers: a JSON integer, never its text -----------------------------------------------------
def test_a_record_endpoint_refuses_the_text_of_an_integer(clerk_api):
    request = incoming_request()

    response = _item(clerk_api, request, version=str(version_of(request)))

    assert _errors(response) == {"version"}
    assert not HandedOverItem.objects.filter(request=request).exists()


def test_a_request_endpoint_refuses_the_text_of_an_id(prosecutor_api):
    body = _draft(requested_authority=str(authority("rs-justice").pk))

    response = prosecutor_api.post("/api/requests/", body, format="json")

    assert _errors(response) == {"requested_authority"}
    assert not AssistanceRequest.objects.exists()


def test_a_request_edit_refuses_the_text_of_its_version(prosecutor_api):
    draft = AssistanceRequestFactory()

    response = prosecutor_api.patch(f"/api/requests/{draft.pk}/", {"version": "1", "purpose": "x"},
                                    format="json")

    assert _errors(response) == {"version"}


# --- flags: a JSON boolean, never its text --------------------------------------------------------
def test_a_record_flag_is_a_json_boolean(clerk_api):
    response = _transfer(clerk_api, incoming_request(), person_consented=True)

    assert response.status_code == 201, response.content
    assert response.json()["person_consented"] is True


def test_a_record_flag_refuses_the_text_true(clerk_api):
    assert _errors(_transfer(clerk_api, incoming_request(), person_consented="true")) == {
        "person_consented"}


def test_a_request_flag_refuses_the_text_true(prosecutor_api):
    draft = AssistanceRequestFactory()

    response = prosecutor_api.patch(f"/api/requests/{draft.pk}/",
                                    {"version": 1, "is_urgent": "true"}, format="json")

    assert _errors(response) == {"is_urgent"}


def test_a_form_encoded_body_writes_ids_and_flags_as_text(clerk_api):
    response = _transfer(clerk_api, incoming_request(), form=True, person_consented="true")

    assert response.status_code == 201, response.content
    assert response.json()["person_consented"] is True


@pytest.mark.parametrize(("name", "value"), [("person_consented", "True"),
                                             ("person_consented", "1"),
                                             ("person", "+1"),
                                             ("version", "1.0")])
def test_a_form_encoded_body_takes_only_digits_and_true_or_false(clerk_api, name, value):
    assert _errors(_transfer(clerk_api, incoming_request(), form=True, **{name: value})) == {name}


# --- ids: up to the largest 64-bit key ------------------------------------------------------------
@pytest.mark.parametrize("raw_id", [MAX_ID, MAX_ID + 1])
@pytest.mark.parametrize("path", ["/api/requests/{id}/items/", "/api/requests/{id}/",
                                  "/api/requests/{id}/transitions/"])
def test_an_id_in_a_path_up_to_max_id_is_looked_up_and_past_it_not_found(supervisor_api, path,
                                                                          raw_id):
    response = supervisor_api.get(path.format(id=raw_id))

    assert response.status_code == 404
    assert response.json()["type"] == "not_found"


@pytest.mark.parametrize("raw_id", [MAX_ID, MAX_ID + 1])
def test_a_row_id_in_a_path_up_to_max_id_is_looked_up_and_past_it_not_found(clerk_api, raw_id):
    response = clerk_api.post(f"/api/items/{raw_id}/returned/",
                              {"version": 1, "returned_on": "2026-03-02"}, format="json")

    assert response.status_code == 404


def test_max_id_is_a_version_merely_stale(clerk_api):
    request = incoming_request()

    response = _item(clerk_api, request, version=MAX_ID)

    assert response.status_code == 409
    assert response.json()["current_version"] == version_of(request)


def test_max_id_plus_one_is_no_version(clerk_api):
    assert _errors(_item(clerk_api, incoming_request(), version=MAX_ID + 1)) == {"version"}


@pytest.mark.parametrize(("raw_id", "status"), [(MAX_ID, 200), (MAX_ID + 1, 400)])
def test_an_id_in_a_query_string_ends_at_max_id(clerk_api, raw_id, status):
    assert clerk_api.get("/api/deadlines/", {"request": raw_id}).status_code == status


@pytest.mark.parametrize(("raw", "parsed"), [
    ("1", 1), (str(MAX_ID), MAX_ID), (MAX_ID, MAX_ID), (str(MAX_ID + 1), None), ("0", None),
    ("+1", None), (" 1", None), ("1_000", None), ("²", None), ("١", None), ("9" * 5000, None)])
def test_a_path_id_is_ascii_digits_from_1_to_max_id(raw, parsed):
    assert parse_id(raw) == parsed


# --- dates and times: between 1900 and 2999 -------------------------------------------------------
@pytest.mark.parametrize(("day", "status"), [("1899-12-31", 400), ("1900-01-01", 201),
                                             ("2999-12-31", 201), ("3000-01-01", 400)])
def test_a_date_lies_between_1900_and_2999(clerk_api, day, status):
    request = incoming_request()
    body = {"version": version_of(request), "role": "to_hear", "full_name": "Jovan Jovanović",
            "birth_date": day}

    response = clerk_api.post(f"/api/requests/{request.pk}/persons/", body, format="json")

    assert response.status_code == status, response.content


@pytest.mark.parametrize(("moment", "status"), [
    ("1899-12-31T23:59:59", 400), ("1900-01-01T00:00:00", 200),
    ("2999-12-31T23:59:59", 200), ("3000-01-01T00:00:00", 400),
    # The date in Asia/Almaty decides: this is already 3000-01-01 there.
    ("2999-12-31T20:00:00-12:00", 400),
    # Not even representable in Asia/Almaty: still a 400, never an overflow.
    ("9999-12-31T23:59:59-12:00", 400), ("0001-01-01T00:00:00+14:00", 400)])
def test_a_date_time_lies_between_1900_and_2999_in_almaty(supervisor_api, moment, status):
    assert supervisor_api.get("/api/deadlines/", {"due_after": moment}).status_code == status


def test_a_date_time_without_an_offset_is_almaty_time(supervisor_api):
    request = AssistanceRequestFactory()
    noon = Deadline.objects.create(
        request=request, instrument=request.instrument, kind="requested_execution_date",
        due_at=datetime(2026, 3, 2, 12, 0, tzinfo=ALMATY), citation="kz-rs-2015 Art 6.5",
        responsible_side=ResponsibleSide.KAZAKHSTAN)

    response = supervisor_api.get("/api/deadlines/", {"due_after": "2026-03-02T12:00:00",
                                                      "due_before": "2026-03-02T12:00:01"})

    assert [row["id"] for row in response.json()["results"]] == [noon.pk]


# --- unknown keys ---------------------------------------------------------------------------------
def test_an_unknown_key_is_named_beside_the_other_errors(clerk_api):
    response = _item(clerk_api, incoming_request(), colour="blue", handed_over_on="soon")

    assert _errors(response) == {"colour", "handed_over_on"}
    assert response.json()["errors"]["colour"] == ["Unknown field."]


def test_an_unknown_key_of_a_request_body_is_named(prosecutor_api):
    response = prosecutor_api.post("/api/requests/", _draft(state="closed"), format="json", **EN)

    assert _errors(response) == {"state"}
    assert response.json()["errors"]["state"] == ["Unknown field."]
