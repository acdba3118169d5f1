"""Records API (tests/api/_records.py): strict input. Wrong types, unknown values, out-of-range
dates and ids, fields the API does not write, bodies that are not JSON objects: 400 naming the
field, nothing recorded."""

import pytest

from requests_app.models import HandedOverItem
from tests.api._records import listed
from tests.api._records import write
from tests.api._records import write_case
from tests.api._support import version_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


# --- strict input ---------------------------------------------------------------------------------
BAD_INPUT = [
    ("version", ...),
    ("version", "abc"),
    ("version", True),
    ("version", 1.5),
    ("version", "1.0"),
    ("version", None),
    ("version", 0),
    ("version", 2**63),  # MAX_ID + 1: ids and versions are 64-bit
    ("version", [1]),
    ("handed_over_on", "02.03.2026"),
    ("handed_over_on", "2026-02-30"),
    ("handed_over_on", 20260302),
    ("handed_over_on", "2026-03-02T10:00"),
    ("handed_over_on", "9999-12-31"),
    ("handed_over_on", "0001-01-01"),
    ("handed_over_on", None),
    ("holder", "nobody"),
    ("holder", 1),
    ("holder", ["kazakhstan"]),
    ("description", 12),
    ("description", ""),
    ("description", {"text": "x"}),
    ("description", "nul\x00byte"),
    ("colour", "blue"),
    ("status", "returned"),
]


@pytest.mark.parametrize(("name", "value"), BAD_INPUT, ids=repr)
def test_bad_input_is_a_400_naming_the_field(clerk_api, name, value):
    case = write_case("items-create")

    response = write(clerk_api, case, **{name: value})

    assert response.status_code == 400, response.content
    body = response.json()
    assert body["type"] == "validation_error"
    assert name in body["errors"]
    assert not HandedOverItem.objects.filter(request=case.request).exists()


@pytest.mark.parametrize("payload", [[], "text", 3, None])
def test_a_body_that_is_not_an_object_is_a_400(clerk_api, payload):
    case = write_case("items-create")

    response = clerk_api.post(case.url, payload, format="json")

    assert response.status_code == 400


def test_malformed_json_is_a_400(clerk_api):
    case = write_case("items-create")

    response = clerk_api.post(case.url, "{not json", content_type="application/json")

    assert response.status_code == 400


@pytest.mark.parametrize(("endpoint", "name", "value"), [
    ("persons", "full_name", "x" * 301),
    ("persons", "role", "witness"),
    ("persons", "birth_date", "1899-12-31"),
    ("transfers", "person", 2**63),
    ("transfers", "person", "7a"),
    ("transfers", "person_consented", "yes"),
    ("transfers", "person_consented", 1),
    ("service-proofs", "served_at", "yesterday"),
    ("service-proofs", "served_at", "9999-12-31T23:59:59-12:00"),
    ("service-proofs", "signed_and_sealed", "maybe"),
    ("translations", "language", "serbian"),
    ("translations", "language", "s1"),
    ("consultations", "subject", "weather"),
    ("consultations", "channel", "pigeon"),
    ("originals", "dispatch_channel", "telepathy"),
    ("originals", "tracking_number", "x" * 101),
    ("decisions", "decided_on", "soon"),
])
def test_strict_types_enums_and_limits_on_every_input(clerk_api, endpoint, name, value):
    response = write(clerk_api, write_case(f"{endpoint}-create"), **{name: value})

    assert response.status_code == 400, response.content
    assert name in response.json()["errors"]


def test_form_encoded_posts_are_read_with_the_same_rules(clerk_api):
    case = write_case("items-create")

    response = clerk_api.post(case.url, {"version": str(version_of(case.request)),
                                         "description": "Phone", "holder": "kazakhstan",
                                         "handed_over_on": "2026-03-02"})

    assert response.status_code == 201


@pytest.mark.parametrize("page", ["abc", "999", "-1"])
def test_an_invalid_page_is_not_found_not_an_error(clerk_api, page):
    case = listed("items")

    response = clerk_api.get(case.url, {"page": page})

    assert response.status_code == 404
