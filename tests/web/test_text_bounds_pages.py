"""A 4.5 MB free text through a web form is refused on its field, the typed page comes back, and
nothing is stored (issue 12, defect 4)."""

import pytest

from mla.limits import TEXT_MAX_LENGTH
from requests_app.models import AssistanceRequest
from tests.factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db

FOUR_AND_A_HALF_MB = "x" * 4_500_000


def test_a_four_and_a_half_megabyte_summary_of_facts_is_refused_on_its_field(
        prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    response = prosecutor_client.post(f"/requests/{draft.pk}/edit/offence/", {
        "_form": "contents", "version": draft.version, "facts_summary": FOUR_AND_A_HALF_MB,
        "offence_description": draft.offence_description,
        "legal_qualification": draft.legal_qualification,
        "applicable_law": draft.applicable_law}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400  # the step again, with the error on the field
    body = response.content.decode()
    error = body[body.index('id="id_facts_summary_error"'):][:400]
    assert f"{TEXT_MAX_LENGTH:,}" in error or str(TEXT_MAX_LENGTH) in error
    assert AssistanceRequest.objects.get(pk=draft.pk).version == 1


def test_the_summary_box_tells_the_browser_its_bound(prosecutor_client, frozen_now):
    draft = AssistanceRequestFactory()
    body = prosecutor_client.get(f"/requests/{draft.pk}/edit/offence/").content.decode()
    box = body[body.index('name="facts_summary"') - 300:][:600]
    assert f'maxlength="{TEXT_MAX_LENGTH}"' in box


def test_a_four_and_a_half_megabyte_password_on_the_sign_in_page_is_refused(client):
    response = client.post("/accounts/login/", {"username": "nobody",
                                                "password": FOUR_AND_A_HALF_MB})
    assert response.status_code == 200 and b'maxlength="4096"' in response.content
