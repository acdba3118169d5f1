"""The API's "My work" in keyset pages: ``next`` walks it in order, skipping and repeating
nothing; there is no page number, and a changed cursor is a 400."""

import pytest

from requests_app.selectors import people as people_selectors
from tests.factories import drafts_owned_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_of_two(monkeypatch):
    monkeypatch.setattr(people_selectors, "MY_WORK_PAGE_SIZE", 2)


def test_the_api_follows_next_through_my_work(prosecutor_api, frozen_now, page_of_two):
    expected = drafts_owned_by(prosecutor_api.user, 5, frozen_now)
    seen, url = [], "/api/my-work/"
    while url:
        data = prosecutor_api.get(url).json()
        seen += [item["id"] for item in data["results"]]
        url = data["next"]
    assert seen == expected


@pytest.mark.parametrize("query", ["page=2", "cursor=bm90LWEtY3Vyc29y"])
def test_the_api_refuses_a_page_number_or_a_changed_cursor(prosecutor_api, query):
    response = prosecutor_api.get(f"/api/my-work/?{query}")
    assert response.status_code == 400
