"""Bodies an attacker sends (issue 12, defect 1): JSON nested about 950 levels deep raised
RecursionError, a 500, on every JSON endpoint. Now any body nested more than MAX_JSON_DEPTH levels
is a 400 naming the limit, and nothing is written."""

from __future__ import annotations

from datetime import timedelta

import pytest

from requests_app.api.parsers import MAX_JSON_DEPTH
from requests_app.api.parsers import json_depth
from requests_app.models import AssistanceRequest
from tests.factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db


def _nested(depth: int) -> str:
    return '{"a": ' * (depth - 1) + "[]" + "}" * (depth - 1)


@pytest.mark.parametrize("depth", [950, 5000, 100_000])
def test_a_body_nested_far_beyond_the_stack_is_400_not_500(prosecutor_api, depth):
    response = prosecutor_api.generic("POST", "/api/requests/", _nested(depth),
                                      content_type="application/json")
    assert response.status_code == 400
    assert str(MAX_JSON_DEPTH) in response.json()["detail"]
    assert not AssistanceRequest.objects.exists()


def test_a_body_one_level_past_the_limit_is_400(prosecutor_api):
    request = AssistanceRequestFactory()
    response = prosecutor_api.generic(
        "POST", f"/api/requests/{request.pk}/notes/", _nested(MAX_JSON_DEPTH + 1),
        content_type="application/json")
    assert response.status_code == 400


def test_a_body_at_the_limit_reaches_validation(prosecutor_api):
    request = AssistanceRequestFactory()
    response = prosecutor_api.generic(
        "POST", f"/api/requests/{request.pk}/notes/", _nested(MAX_JSON_DEPTH),
        content_type="application/json")
    assert response.status_code == 400
    assert "nested" not in response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/auth/token/", "/api/requests/incoming/",
                                  "/api/notifications/preferences/"])
def test_every_json_endpoint_refuses_the_deep_body(prosecutor_api, path):
    method = "PUT" if path.endswith("preferences/") else "POST"
    response = prosecutor_api.generic(method, path, _nested(2000),
                                      content_type="application/json")
    assert response.status_code == 400


def test_json_depth_counts_without_recursion():
    assert json_depth(1) == 0
    assert json_depth({"a": [1, {"b": []}]}) == 4
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert json_depth(deep) == 100_001


def test_a_nul_in_an_api_query_is_400_in_the_apis_shape(prosecutor_api):
    response = prosecutor_api.get("/api/requests/", {"q": "\x00"})
    assert response.status_code == 400
    body = response.json()
    assert (body["type"], list(body["errors"])) == ("validation_error", ["q"])


@pytest.mark.parametrize("path", ["/api/requests/", "/api/my-work/", "/api/notifications/"])
def test_api_responses_with_case_data_are_never_stored(prosecutor_api, path):
    assert prosecutor_api.get(path)["Cache-Control"] == "private, no-store"


def test_an_error_answer_is_not_stored_either(prosecutor_api):
    response = prosecutor_api.get("/api/requests/999999/")
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]


def test_the_api_schema_may_be_cached(prosecutor_api):
    assert "no-store" not in prosecutor_api.get("/api/schema/").get("Cache-Control", "")


# --- tokens that expire and die with a password change (issue 12, defect 6) ------------------
def _token_client(user):
    from rest_framework.test import APIClient

    client = APIClient()
    response = client.post("/api/auth/token/", {"username": user.username, "password": "pw"},
                           format="json")
    assert response.status_code == 200, response.content
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    return client


def test_a_token_works_until_its_lifetime_ends():
    import time_machine
    from django.conf import settings
    from django.utils import timezone

    from tests.factories import prosecutor

    client = _token_client(prosecutor())
    lifetime = timedelta(hours=settings.MLA_API_TOKEN_HOURS)
    with time_machine.travel(timezone.now() + lifetime - timedelta(minutes=1)):
        assert client.get("/api/my-work/").status_code == 200
    with time_machine.travel(timezone.now() + lifetime + timedelta(minutes=1)):
        assert client.get("/api/my-work/").status_code == 401


def test_signing_in_again_after_expiry_gives_a_new_token():
    import time_machine
    from django.conf import settings
    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    from tests.factories import prosecutor

    user = prosecutor()
    _token_client(user)
    old = Token.objects.get(user=user).key
    with time_machine.travel(timezone.now() + timedelta(hours=settings.MLA_API_TOKEN_HOURS + 1)):
        _token_client(user)
        assert Token.objects.get(user=user).key != old


def test_a_password_change_revokes_the_token_at_once():
    from tests.factories import prosecutor

    user = prosecutor()
    client = _token_client(user)
    user.set_password("a-new-long-password-2026")
    user.save()
    assert client.get("/api/my-work/").status_code == 401


def test_saving_a_user_without_changing_the_password_keeps_the_token():
    from tests.factories import prosecutor

    user = prosecutor()
    client = _token_client(user)
    user.first_name = "Aigerim"
    user.save()
    assert client.get("/api/my-work/").status_code == 200


# --- a NUL in the sign-in name (found by the fuzzing of issue 12) ------------------------------
@pytest.mark.parametrize("fmt", ["multipart", "json"])
def test_a_nul_in_the_sign_in_name_is_400_not_500(fmt):
    """The lockout check compared the name with django-axes' rows before the serializer saw it:
    PostgreSQL cannot compare a string holding NUL, so the token endpoint answered 500 there."""
    from rest_framework.test import APIClient

    response = APIClient().post("/api/auth/token/", {"username": "a\x00b", "password": "pw"},
                                format=fmt)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["username"]
