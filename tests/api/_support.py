"""Helpers shared by the API tests of this folder (not a test module)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.models import AssistanceRequest

# The roles that see none of kz-gpo's requests: a prosecutor of another office, a user without a
# role.
OTHER_SIDE = ["other_office_api", "roleless_api"]


def version_of(request: AssistanceRequest) -> int:
    """The request's version as stored now (what a client must send back to write)."""
    return AssistanceRequest.objects.values_list("version", flat=True).get(pk=request.pk)


def listed_ids(response) -> list[int]:
    """The ids of a list page, which must answer 200."""
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def only_violation(response) -> dict:
    """The single rule violation of a 422 answer."""
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["type"] == "rule_violation"
    assert len(body["violations"]) == 1, body["violations"]
    return body["violations"][0]


def list_queries(client, url: str, count: int) -> int:
    """The queries one GET of a list costs; it must answer 200 with ``count`` rows."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    body = response.json()
    # Keyset lists (the requests) carry no total; the others count their rows.
    assert (len(body["results"]) if "count" not in body else body["count"]) == count
    return len(queries)


def assert_as_many_queries_for_20_rows_as_for_2(client, url_of_2: str, url_of_20: str) -> None:
    """A list of 2 rows and one of 20 cost the same number of queries (a first GET warms the
    per-process caches)."""
    client.get(url_of_2)
    assert list_queries(client, url_of_2, 2) == list_queries(client, url_of_20, 20)
