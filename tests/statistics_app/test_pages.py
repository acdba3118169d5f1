"""The statistics page, its drill-down lists and the API: who may read them, what bad filters
get, and what they cost the database."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from requests_app import clock
from requests_app.models import AssistanceRequest
from statistics_app.rows import statistics_rebuild
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor

pytestmark = pytest.mark.django_db


def _requests(count: int) -> None:
    for i in range(count):
        incoming_request("kz-rs-2015" if i % 2 else "kz-br-2018",
                         offence_category="fraud" if i % 3 else "")
        AssistanceRequestFactory(instrument_slug="kz-cz-2017", state="transmitted",
                                 opened_on=clock.today() - timedelta(days=40 * i % 300))
    statistics_rebuild()


@pytest.fixture
def reader(client):
    client.force_login(supervisor())
    return client


@pytest.mark.parametrize("who", [prosecutor, clerk])
def test_only_supervisors_read_the_statistics(client, who):
    client.force_login(who())
    assert client.get(reverse("statistics")).status_code == 403
    assert client.get(reverse("statistics_requests")).status_code == 403
    assert client.get(reverse("api-statistics")).status_code == 403


def test_the_page_shows_each_table_with_links_to_the_requests_behind_its_figures(reader):
    _requests(3)
    page = reader.get(reverse("statistics")).content.decode()
    for key in ("overview", "by_state", "by_instrument", "by_offence", "by_assistance_type",
                "refusal_grounds", "durations", "ageing", "asset_recovery", "timeliness"):
        assert f'data-table="{key}"' in page
    assert f'href="{reverse("statistics_requests")}?' in page


def test_the_page_reads_a_fixed_number_of_queries_whatever_the_volume(reader):
    _requests(2)
    with CaptureQueriesContext(connection) as few:
        assert reader.get(reverse("statistics")).status_code == 200
    _requests(8)
    with CaptureQueriesContext(connection) as many:
        assert reader.get(reverse("statistics")).status_code == 200
    assert len(many) == len(few)


@pytest.mark.parametrize(("params", "field"), [
    ({"start": "2026-05-01", "end": "2026-04-01"}, "end"),
    ({"start": "1800-01-01"}, "start"),
    ({"start": "not a date"}, "start"),
    ({"partner_state": "XX"}, "partner_state"),
    ({"instrument": "no-such-treaty"}, "instrument"),
    ({"currency": "euro"}, "currency"),
])
def test_a_bad_filter_is_named_on_the_page_and_refused_by_the_api(reader, params, field):
    page = reader.get(reverse("statistics"), params)
    assert page.status_code == 200
    assert 'role="alert"' in page.content.decode()
    answer = reader.get(reverse("api-statistics"), params)
    assert answer.status_code == 400
    assert field in answer.json()["errors"] if "errors" in answer.json() else field in answer.json()


def test_the_drill_down_lists_the_requests_newest_first_and_pages_on(reader, monkeypatch):
    _requests(4)
    monkeypatch.setattr("statistics_app.views.DRILL_PAGE_SIZE", 3)
    first = reader.get(reverse("statistics_requests"), {"direction": "outgoing"})
    assert first.status_code == 200
    listed = first.context["rows"]
    assert len(listed) == 3
    assert [r["opened_on"] for r in listed] == sorted((r["opened_on"] for r in listed),
                                                      reverse=True)
    second = reader.get(first.context["more_url"])
    assert len(second.context["rows"]) == 1
    shown = {r["request_id"] for r in listed} | {r["request_id"] for r in second.context["rows"]}
    assert shown == set(AssistanceRequest.objects.filter(direction="outgoing")
                        .values_list("id", flat=True))


def test_a_cut_drill_down_cursor_is_refused_with_a_message(reader):
    answer = reader.get(reverse("statistics_requests"), {"after": "2026-13-40.x"},
                        HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 400
    assert "Show more" in answer.content.decode()


def test_the_api_gives_every_table_with_the_url_of_the_requests_behind_each_count(reader):
    _requests(2)
    body = reader.get(reverse("api-statistics")).json()
    overview = next(t for t in body["tables"] if t["key"] == "overview")
    received = next(r for r in overview["rows"] if r["key"] == "incoming")
    assert received["cells"][0]["value"] == 2
    listed = reader.get(received["cells"][0]["requests_url"]).json()
    assert len(listed["results"]) == 2 and listed["next"] is None


def test_the_api_drill_down_pages_with_a_next_link(reader, monkeypatch):
    _requests(3)
    monkeypatch.setattr("statistics_app.views.DRILL_PAGE_SIZE", 2)
    first = reader.get(reverse("api-statistics-requests"), {"direction": "incoming"}).json()
    second = reader.get(first["next"]).json()
    assert len(first["results"]) == 2 and len(second["results"]) == 1


def test_the_page_from_the_aggregates_reads_a_fixed_number_of_queries(reader):
    from statistics_app.aggregates import statistics_aggregates_refresh
    _requests(2)
    statistics_aggregates_refresh()
    with CaptureQueriesContext(connection) as few:
        assert reader.get(reverse("statistics")).status_code == 200
    _requests(8)
    statistics_aggregates_refresh()
    with CaptureQueriesContext(connection) as many:
        page = reader.get(reverse("statistics"))
    assert len(many) == len(few)
    assert "when they were last added up" in page.content.decode() or page.context[
        "report"].aggregated_at is not None


def test_a_step_that_moves_no_figure_does_not_rewrite_the_statistics_row():
    from requests_app.models import RequestState
    from requests_app.services import transitions
    from statistics_app.models import RequestStatistics
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    statistics_rebuild()
    desk = clerk()
    with CaptureQueriesContext(connection) as asked:
        transitions.request_transition(request_id=request.pk, actor=desk,
                                       name="request_additional_info", reason="The decision")
        transitions.request_transition(request_id=request.pk, actor=desk,
                                       name="supply_additional_info")
    assert not any("statistics_app_requeststatistics" in q["sql"] and "INSERT" in q["sql"]
                   for q in asked.captured_queries)
    with CaptureQueriesContext(connection) as executed:
        transitions.request_record_execution(request_id=request.pk, actor=desk)
    assert any("INSERT" in q["sql"] and "statistics_app_requeststatistics" in q["sql"]
               for q in executed.captured_queries)
    assert RequestStatistics.objects.get(pk=request.pk).outcome == "executed_full"


@pytest.mark.parametrize(("language", "value", "shown"), [
    ("en", 3217161000, "3,217,161,000"), ("ru", Decimal("1344800.00"), "1\xa0344\xa0800,00"),
    ("en", Decimal("66.7"), "66.7"), ("en", None, "")])
def test_a_figure_reads_with_grouped_digits_in_the_pages_language(language, value, shown):
    from django.utils import translation

    from statistics_app.templatetags.statistics_figures import figure
    with translation.override(language):
        assert figure(value) == shown
