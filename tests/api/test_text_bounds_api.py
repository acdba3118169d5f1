"""A 4.5 MB free text through the API is a 400 naming the field, and nothing is stored (issue 12,
defect 4)."""

import pytest

from requests_app.models import AssistanceRequest
from tests.factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db

FOUR_AND_A_HALF_MB = "x" * 4_500_000


def test_a_four_and_a_half_megabyte_summary_of_facts_is_a_400_on_its_field(prosecutor_api,
                                                                           frozen_now):
    draft = AssistanceRequestFactory()
    response = prosecutor_api.patch(f"/api/requests/{draft.pk}/",
                                    {"version": 1, "facts_summary": FOUR_AND_A_HALF_MB},
                                    format="json")
    assert response.status_code == 400 and set(response.json()["errors"]) == {"facts_summary"}
    assert AssistanceRequest.objects.get(pk=draft.pk).version == 1


def test_a_four_and_a_half_megabyte_password_is_a_400_not_a_hash(client):
    response = client.post("/api/auth/token/", {"username": "nobody",
                                                "password": FOUR_AND_A_HALF_MB})
    assert response.status_code == 400
