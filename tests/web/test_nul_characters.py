"""A NUL character in any query or form parameter (issue 12, defect 2): PostgreSQL cannot store
or compare such a string, so the inbox filters answered 500 there (SQLite accepted them, so a
suite run only on SQLite never saw it). Every page and endpoint now answers 400 naming the
parameter, on both databases."""

from __future__ import annotations

import pytest

from tests.factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db

INBOX_FILTERS = ["q", "instrument", "state", "stage", "direction", "page", "sort"]


@pytest.mark.parametrize("name", INBOX_FILTERS)
def test_a_nul_in_an_inbox_filter_is_400_naming_it(clerk_client, name):
    response = clerk_client.get("/requests/", {name: "x\x00y"})
    assert response.status_code == 400
    assert response.context["field"] == name


@pytest.mark.parametrize("path", ["/dashboard/", "/my-work/", "/notifications/",
                                  "/spontaneous-information/", "/requests/register/",
                                  "/requests/new/instrument/"])
def test_a_nul_in_any_page_filter_is_400(supervisor_client, path):
    assert supervisor_client.get(path, {"state": "\x00"}).status_code == 400


def test_a_nul_in_a_form_field_is_400_and_nothing_is_written(prosecutor_client):
    request = AssistanceRequestFactory()
    response = prosecutor_client.post(f"/requests/{request.pk}/notes/", {"text": "a\x00b"})
    assert response.status_code == 400
    assert not request.notes.exists()


def test_a_page_without_nul_is_unaffected(clerk_client):
    assert clerk_client.get("/requests/", {"q": "Petrović"}).status_code == 200
