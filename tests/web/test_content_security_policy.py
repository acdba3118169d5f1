"""A strict Content-Security-Policy on every page (issue 12): scripts, styles, fonts and images
from the app itself only; no inline script anywhere, inline styles only on the third-party pages
whose templates we do not own. The access walk (test_access_walk.py) checks every page of ours
for inline scripts, style attributes and inline handlers."""

import pytest

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, str]:
    return {part.split()[0]: part.strip() for part in
            response["Content-Security-Policy"].split(";") if part.strip()}


def test_our_pages_allow_only_the_apps_own_scripts_and_styles(prosecutor_client):
    policy = _policy(prosecutor_client.get("/requests/"))
    assert policy["script-src"] == "script-src 'self'"
    assert policy["style-src"] == "style-src 'self'"
    assert policy["default-src"] == "default-src 'self'"
    assert policy["object-src"] == "object-src 'none'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"


def test_the_sign_in_page_carries_the_policy_before_anyone_signs_in(client):
    policy = _policy(client.get("/accounts/login/"))
    assert policy["script-src"] == "script-src 'self'"


def test_the_admin_gets_inline_styles_but_no_inline_script(admin_client):
    policy = _policy(admin_client.get("/admin/"))
    assert policy["style-src"] == "style-src 'self' 'unsafe-inline'"
    assert policy["script-src"] == "script-src 'self'"


def test_the_api_docs_load_their_script_from_a_file(client):
    response = client.get("/api/docs/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<script>" not in body and _policy(response)["script-src"] == "script-src 'self'"


def test_api_answers_carry_the_policy_too(prosecutor_client):
    response = prosecutor_client.get("/api/requests/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
