"""GET /api/signatories/ and the draft's signatory through PATCH /api/requests/{id}/."""

import pytest

from tests.factories import AssistanceRequestFactory
from tests.factories import SignatoryFactory
from tests.factories import authority

pytestmark = pytest.mark.django_db


def test_the_active_signatories_of_an_authority_are_listed_in_the_offices_order(prosecutor_api):
    gpo = authority("kz-gpo")
    second = SignatoryFactory(order=2, name_en="B")
    first = SignatoryFactory(order=1, name_en="A")
    SignatoryFactory(is_active=False)
    SignatoryFactory(authority=authority("kz-mvd"))

    response = prosecutor_api.get(f"/api/signatories/?authority={gpo.pk}",
                                  HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [first.pk, second.pk]
    assert rows[0]["authority"] == gpo.pk
    assert rows[0]["position"] == first.position_en
    assert rows[0]["position_ru"] == first.position_ru


def test_an_unknown_query_parameter_is_a_400(prosecutor_api):
    assert prosecutor_api.get("/api/signatories/?office=1").status_code == 400


def test_anonymous_users_get_401(anonymous_api):
    assert anonymous_api.get("/api/signatories/").status_code == 401


def test_a_draft_names_its_signatory_through_the_api(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    signatory = SignatoryFactory()

    response = prosecutor_api.patch(f"/api/requests/{draft.pk}/",
                                    {"version": 1, "signatory": signatory.pk}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["contents"]["signatory"] == signatory.pk


def test_another_authoritys_signatory_is_a_400_on_the_field(prosecutor_api, frozen_now):
    draft = AssistanceRequestFactory()
    other = SignatoryFactory(authority=authority("kz-mvd"))

    response = prosecutor_api.patch(f"/api/requests/{draft.pk}/",
                                    {"version": 1, "signatory": other.pk}, format="json")

    assert response.status_code == 400
    assert "signatory" in response.json()["errors"]
