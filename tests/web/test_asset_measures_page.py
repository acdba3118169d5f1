"""Asset measures on the request page: recorded through their form, listed with the amount in
the page's language, refused field by field."""

import pytest

from requests_app.models import AssetMeasure
from requests_app.models import AssistanceRequest
from requests_app.models import RequestState
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _version(request) -> int:
    return AssistanceRequest.objects.get(pk=request.pk).version


def _post(client, request, **changes):
    data = {"version": _version(request), "kind": "confiscated", "amount": "1234567.50",
            "currency": "eur", "taken_on": "2026-03-02",
            "description": "Villa, Brazilian federal court decision 77/2026", **changes}
    return client.post(f"/requests/{request.pk}/records/asset-measure/", data, **EN)


def test_a_measure_posted_through_the_form_is_listed_on_the_request_page(clerk_client):
    request = incoming_request("kz-br-2018", state=RequestState.IN_EXECUTION)
    page = clerk_client.get(f"/requests/{request.pk}/", **EN).content.decode()
    assert f"/requests/{request.pk}/records/asset-measure/" in page

    response = _post(clerk_client, request)

    assert response.status_code == 302
    assert response["Location"] == f"/requests/{request.pk}/#asset-measures"
    measure = AssetMeasure.objects.get(request=request)
    page = clerk_client.get(f"/requests/{request.pk}/", **EN).content.decode()
    row = page[page.index(f'data-asset-measure="{measure.pk}"'):]
    row = row[:row.index("</tr>")]
    assert "confiscated" in row and "1,234,567.50 EUR" in row and "02.03.2026" in row
    assert "Villa, Brazilian federal court decision 77/2026" in row


def test_the_amount_is_written_as_russian_writes_numbers(clerk_client):
    request = incoming_request("kz-br-2018", state=RequestState.IN_EXECUTION)
    _post(clerk_client, request)

    page = clerk_client.get(f"/requests/{request.pk}/", HTTP_ACCEPT_LANGUAGE="ru")

    assert "1\xa0234\xa0567,50 EUR" in page.content.decode()


def test_a_zero_amount_is_shown_next_to_the_amount_field(clerk_client):
    request = incoming_request("kz-br-2018", state=RequestState.IN_EXECUTION)

    response = _post(clerk_client, request, amount="0")

    body = response.content.decode()
    assert response.status_code == 400
    field = body[body.index('<label for="id_amount"'):]
    assert "more than zero" in field[:field.index("<input")]
    assert not AssetMeasure.objects.exists()


def test_a_bad_currency_is_shown_next_to_the_currency_field(clerk_client):
    request = incoming_request("kz-br-2018", state=RequestState.IN_EXECUTION)

    response = _post(clerk_client, request, currency="E1R")

    body = response.content.decode()
    assert response.status_code == 400
    field = body[body.index('<label for="id_currency"'):]
    assert "ISO 4217" in field[:field.index("<input")]


def test_a_draft_page_offers_no_asset_measure_and_refuses_one_posted(prosecutor_client):
    draft = AssistanceRequestFactory(created_by=prosecutor_client.user)
    page = prosecutor_client.get(f"/requests/{draft.pk}/", **EN).content.decode()
    assert "records/asset-measure/" not in page and 'id="asset-measures"' not in page

    response = _post(prosecutor_client, draft)

    assert response.status_code == 400
    assert "not on a draft" in response.content.decode()
    assert not AssetMeasure.objects.exists()


@pytest.mark.parametrize(("field", "value"), [
    ("amount", "99999999999999999999"), ("amount", "abc"), ("amount", "Infinity"),
    ("amount", "1.005"), ("currency", "€€€"), ("taken_on", "2026-02-30"),
    ("description", "x" * 30_000), ("kind", "laundered")])
def test_hostile_input_is_a_field_error_never_a_server_error(clerk_client, field, value):
    request = incoming_request("kz-br-2018", state=RequestState.IN_EXECUTION)

    response = _post(clerk_client, request, **{field: value})

    assert response.status_code == 400
    body = response.content.decode()
    field_part = body[body.index(f'<label for="id_{field}"'):]
    assert 'class="errorlist' in field_part[:field_part.index(f'id="id_{field}"')]
    assert not AssetMeasure.objects.exists()
