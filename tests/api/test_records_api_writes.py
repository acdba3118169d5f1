"""Records API (tests/api/_records.py): what each write records, and the invalid input the
services refuse (400 naming the field)."""

from datetime import timedelta

import pytest

from requests_app.models import Decision
from requests_app.models import HandedOverItem
from requests_app.models import OriginalDocument
from requests_app.models import RequestPerson
from tests.api._records import RS_SECURITY
from tests.api._records import TODAY
from tests.api._records import list_url
from tests.api._records import refused
from tests.api._records import rs_request
from tests.api._records import rs_transfer
from tests.api._records import write
from tests.api._records import write_case
from tests.api._support import version_of
from tests.factories import summoned_person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


# --- what the writes record -----------------------------------------------------------------------
def test_person_added_is_listed_with_its_appearance_date(clerk_api):
    case = write_case("persons-create")

    created = write(clerk_api, case)

    assert created.status_code == 201
    listed = clerk_api.get(case.url).json()["results"]
    assert [(p["full_name"], p["role"], p["appearance_date"]) for p in listed] == [
        ("Jovan Jovanović", "to_hear", "2026-05-31")]


def test_appearance_date_may_be_cleared_with_null(prosecutor_api):
    case = write_case("appearance-date")

    response = write(prosecutor_api, case, appearance_date=None)

    assert response.status_code == 200
    assert response.json()["appearance_date"] is None
    assert RequestPerson.objects.get(request=case.request).appearance_date is None


def test_appearance_date_in_the_past_is_invalid_input(clerk_api):
    response = write(clerk_api, write_case("appearance-date"), appearance_date="2026-03-01")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"appearance_date"}


def test_item_returned_then_cannot_be_waived(clerk_api):
    case = write_case("item-returned")
    item = HandedOverItem.objects.get(request=case.request)

    assert write(clerk_api, case).json()["return_status"] == "returned"
    again = clerk_api.post(f"/api/items/{item.pk}/waive/",
                           {"version": version_of(case.request), "waived_on": "2026-03-02",
                            "waiver_reference": "x"}, format="json")

    assert again.status_code == 400
    assert set(again.json()["errors"]) == {"item"}


def test_item_return_before_the_hand_over_names_the_date_field(clerk_api):
    response = write(clerk_api, write_case("item-returned"), returned_on="2026-03-01")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"returned_on"}


def test_consultation_in_the_future_is_invalid_input(clerk_api):
    response = write(clerk_api, write_case("consultations-create"), held_on="2026-03-03")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"held_on"}


def test_refusal_is_listed_with_its_ground_code_citation_and_reasons(prosecutor_api):
    request = refused(rs_request())

    decision = prosecutor_api.get(list_url("decisions", request)).json()["results"][0]

    assert decision["kind"] == "refusal"
    assert decision["ground"] == RS_SECURITY
    assert decision["ground_citation"] == "kz-rs-2015 Art 5.2(b)"
    assert decision["ground_summary"]
    assert decision["reasons"] == "Would prejudice national security"


def test_partial_or_conditional_considered_is_recorded_citing_rs_art_6_3(clerk_api):
    case = write_case("decisions-create")

    response = write(clerk_api, case)

    assert response.status_code == 201
    body = response.json()
    assert (body["kind"], body["citation"], body["ground"], body["ground_citation"]) == (
        "partial_or_conditional_considered", "kz-rs-2015 Art 6.3", "", "")


@pytest.mark.parametrize("kind", ["refusal", "deferral", "conditions", ""])
def test_refusal_deferral_and_conditions_are_not_recorded_here(clerk_api, kind):
    case = write_case("decisions-create")

    response = write(clerk_api, case, kind=kind)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"kind"}
    assert not Decision.objects.filter(request=case.request).exists()


def test_translation_language_is_stored_lower_case_with_the_default_document(clerk_api):
    response = write(clerk_api, write_case("translations-create"))

    assert response.status_code == 201
    assert (response.json()["language"], response.json()["document"]) == ("sr", "request")


def test_original_update_changes_only_the_fields_sent(clerk_api):
    case = write_case("original-update")

    response = write(clerk_api, case, tracking_number="RR1KZ")

    assert response.status_code == 200
    original = OriginalDocument.objects.get(request=case.request)
    assert (original.asked_for_on, original.received_on, original.tracking_number) == (
        TODAY, TODAY, "RR1KZ")


def test_original_update_with_nothing_to_change_is_invalid_input(clerk_api):
    case = write_case("original-update")
    before = version_of(case.request)

    response = clerk_api.patch(case.url, {"version": before}, format="json")

    assert response.status_code == 400
    assert version_of(case.request) == before


def test_original_dispatched_without_saying_how_is_invalid_input(clerk_api):
    response = write(clerk_api, write_case("originals-create"), dispatch_channel=...)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"dispatch_channel"}


def test_service_proof_time_without_an_offset_is_almaty_time(clerk_api):
    case = write_case("service-proofs-create")

    response = write(clerk_api, case)

    assert response.status_code == 201
    assert response.json()["served_at"] == "2026-03-01T15:30:00+05:00"
    assert response.json()["person_name"] == "Petar Petrović"


def test_service_proof_needs_a_time_or_the_reason_it_was_not_served(clerk_api):
    response = write(clerk_api, write_case("service-proofs-create"), served_at=...)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"served_at"}


def test_service_proof_for_a_person_of_another_request_is_invalid_input(clerk_api):
    stranger = summoned_person(rs_request(), TODAY + timedelta(days=100))

    response = write(clerk_api, write_case("service-proofs-create"), person=stranger.pk)

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"person"}


def test_br_release_date_moves_the_return_term(clerk_api):
    case = write_case("transfer-release-date")

    body = write(clerk_api, case).json()

    assert (body["release_date"], body["return_due_on"]) == ("2026-07-30", "2026-07-30")


def test_rs_transfer_has_no_release_date_to_change(clerk_api):
    request = rs_request()
    transfer = rs_transfer(request)

    response = clerk_api.post(f"/api/transfers/{transfer.pk}/release-date/",
                              {"version": version_of(request), "release_date": "2026-07-01"},
                              format="json")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"release_date"}
