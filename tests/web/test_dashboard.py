"""The supervisors' deadline dashboard and its CSV export."""

import csv
import io
import itertools
import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.documents.charts import Series
from requests_app.documents.charts import grouped_bar_chart_svg
from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import DeadlineBasis
from requests_app.models import DeadlineStatus
from requests_app.models import Direction
from requests_app.models import RequestState
from requests_app.models import ResponsibleSide
from requests_app.selectors.requests import STAGE_OF_STATE
from requests_app.selectors.requests import STAGES
from requests_app.services.sweep import deadlines_sweep
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.factories import instrument
from tests.scenarios import urgent_oral_request
from tests.web.conftest import NOW
from treaties.rulebook import all_rulebooks

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
_keys = itertools.count()


def make_deadline(request=None, *, due_in: timedelta, slug: str = "kz-rs-2015",
                  kind: str = "original_by_post", status: str = DeadlineStatus.OPEN,
                  citation: str = "kz-rs-2015 Art 3.4", side: str = ResponsibleSide.KAZAKHSTAN,
                  role: str = "Clerk", basis: str = DeadlineBasis.TREATY, met_at=None) -> Deadline:
    """A deadline row where the rule machinery is irrelevant to the test."""
    due = NOW + due_in
    return Deadline.objects.create(
        request=request, instrument=request.instrument if request else instrument(slug),
        kind=kind, subject_key=f"k{next(_keys)}", due_at=due, citation=citation, basis=basis,
        status=status, responsible_side=side, responsible_role=role, met_at=met_at,
        next_action_at=due if status == DeadlineStatus.OPEN else None)


def section(body: str, key: str) -> str:
    """The HTML of one list (overdue, h24, d7, d30) of the dashboard."""
    start = body.index(f'id="list-{key}"')
    return body[start:body.index("</section>", start)]


def get_body(client, url="/dashboard/", **params) -> str:
    response = client.get(url, params, **EN)
    assert response.status_code == 200
    return response.content.decode()


# --- access -----------------------------------------------------------------------------------
@pytest.mark.parametrize("client_name", ["prosecutor_client", "clerk_client",
                                         "police_clerk_client", "roleless_client"])
def test_dashboard_is_forbidden_to_everyone_but_supervisors(request, client_name, frozen_now):
    response = request.getfixturevalue(client_name).get("/dashboard/")
    assert response.status_code == 403


def test_csv_export_is_forbidden_to_non_supervisors(prosecutor_client, frozen_now):
    assert prosecutor_client.get("/dashboard/deadlines.csv").status_code == 403


def test_dashboard_needs_sign_in(client):
    response = client.get("/dashboard/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_administrator_sees_the_dashboard(admin_client, frozen_now):
    assert admin_client.get("/dashboard/").status_code == 200


# --- buckets at their boundaries ------------------------------------------------------------------
@pytest.mark.parametrize(("due_in", "listed_in", "not_in"), [
    pytest.param(timedelta(hours=23), "h24", "d7", id="due_in_23_hours_in_the_24_hour_list"),
    pytest.param(timedelta(hours=24), "h24", "d7",
                 id="due_in_exactly_24_hours_still_in_the_24_hour_list"),
    pytest.param(timedelta(hours=25), "d7", "h24", id="due_in_25_hours_in_the_7_day_list"),
    pytest.param(-timedelta(minutes=1), "overdue", "h24", id="one_minute_past_due_overdue"),
    pytest.param(timedelta(days=8), "d30", "d7", id="due_in_8_days_in_the_30_day_list"),
])
def test_deadline_is_listed_by_the_time_left_until_it_is_due(supervisor_client, frozen_now,
                                                            due_in, listed_in, not_in):
    request = AssistanceRequestFactory()
    make_deadline(request, due_in=due_in)

    body = get_body(supervisor_client)

    assert request.reference in section(body, listed_in)
    assert request.reference not in section(body, not_in)


def test_deadline_due_in_31_days_is_in_no_list_but_counted_as_later(supervisor_client, frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request, due_in=timedelta(days=31))
    response = supervisor_client.get("/dashboard/", **EN)
    body = response.content.decode()
    assert all(request.reference not in section(body, k) for k in ("overdue", "h24", "d7", "d30"))
    assert response.context["deadline_totals"]["later"] == 1


def test_deadline_the_sweep_marked_missed_is_overdue(supervisor_client, frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request, due_in=-timedelta(days=3), status=DeadlineStatus.MISSED)
    assert request.reference in section(get_body(supervisor_client), "overdue")


def test_missed_deadline_done_late_is_no_longer_overdue(supervisor_client, frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request, due_in=-timedelta(days=3), status=DeadlineStatus.MISSED,
                  met_at=NOW - timedelta(days=1))
    assert request.reference not in section(get_body(supervisor_client), "overdue")


def test_missed_deadline_of_a_closed_request_is_no_longer_overdue(supervisor_client, frozen_now):
    request = incoming_request("kz-rs-2015", RequestState.CLOSED)
    make_deadline(request, due_in=-timedelta(days=3), status=DeadlineStatus.MISSED)
    assert request.reference not in section(get_body(supervisor_client), "overdue")


def test_met_deadline_is_in_no_list(supervisor_client, frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request, due_in=timedelta(hours=5), status=DeadlineStatus.MET, met_at=NOW)
    body = get_body(supervisor_client)
    assert all(request.reference not in section(body, k) for k in ("overdue", "h24", "d7", "d30"))


def test_oral_request_deadline_moves_from_24_hours_to_overdue_once_the_sweep_misses_it(
        police_clerk_client, supervisor_client, frozen_now):
    request = urgent_oral_request(police_clerk_client.user)
    assert request.reference in section(get_body(supervisor_client), "h24")
    deadlines_sweep(now=NOW + timedelta(hours=25))
    frozen_now.move_to(NOW + timedelta(hours=25))
    body = get_body(supervisor_client)
    assert request.reference in section(body, "overdue") and "kz-sk-2007 Art 7.4" in body


def test_list_row_shows_duty_citation_basis_and_who_must_act(supervisor_client, frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request, due_in=timedelta(hours=3), citation="kz-cz-2017 Art 9.1",
                  basis=DeadlineBasis.OFFICE_POLICY, kind="oral_confirmation")
    row = section(get_body(supervisor_client), "h24")
    assert f'href="/requests/{request.pk}/"' in row
    assert "Written confirmation of the oral request" in row
    assert "kz-cz-2017 Art 9.1" in row and "office policy target" in row
    assert "Kazakhstan" in row and "Central-authority clerk" in row


def test_due_time_is_shown_in_almaty(supervisor_client, frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request, due_in=timedelta(hours=3))  # 13:00 in Almaty
    assert "13:00" in section(get_body(supervisor_client), "h24")


def test_instrument_duty_is_listed_with_the_instrument_slug(supervisor_client, frozen_now):
    make_deadline(None, slug="kz-rs-2015", kind="conviction_report", due_in=timedelta(days=5),
                  citation="kz-rs-2015 Art 18")
    row = section(get_body(supervisor_client), "d7")
    assert "kz-rs-2015 Art 18" in row and "instrument duty" in row
    assert "Six-monthly report of convictions" in row


# --- counts -----------------------------------------------------------------------------------
def _three_requests():
    rs = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    br = incoming_request("kz-br-2018", RequestState.IN_EXECUTION)
    closed = incoming_request("kz-rs-2015", RequestState.CLOSED)
    return rs, br, closed


def test_requests_are_counted_by_instrument(supervisor_client, frozen_now):
    _three_requests()
    rows = {r.instrument.slug: r for r in
            supervisor_client.get("/dashboard/").context["instrument_rows"]}
    assert (rows["kz-rs-2015"].open_requests, rows["kz-rs-2015"].closed_requests) == (1, 1)
    assert (rows["kz-br-2018"].open_requests, rows["kz-cz-2017"].open_requests) == (1, 0)


def test_requests_are_counted_by_state_with_its_label(supervisor_client, frozen_now):
    _three_requests()
    body = get_body(supervisor_client)
    row = re.search(r'data-state="in_execution"><th scope="row">(.*?)</th><td>(\d+)</td>', body)
    assert row.groups() == ("in execution", "1")


def test_requests_are_counted_by_stage(supervisor_client, frozen_now):
    _three_requests()
    stages = {s["key"]: s["count"] for s in supervisor_client.get("/dashboard/").context["stages"]}
    assert stages["drafting"] == 1 and stages["execution"] == 1 and stages["closed"] == 1


def test_every_state_belongs_to_exactly_one_stage():
    assert sorted(STAGE_OF_STATE) == sorted(RequestState.values)
    assert sum(len(stage.states) for stage in STAGES) == len(RequestState.values)


def test_requests_are_counted_by_direction(supervisor_client, frozen_now):
    _three_requests()
    directions = {d["direction"]: d for d in
                  supervisor_client.get("/dashboard/").context["directions"]}
    assert (directions["outgoing"]["open"], directions["outgoing"]["total"]) == (1, 1)
    assert (directions["incoming"]["open"], directions["incoming"]["total"]) == (1, 2)


def test_overdue_deadlines_are_counted_per_instrument(supervisor_client, frozen_now):
    rs, br, _closed = _three_requests()
    make_deadline(rs, due_in=-timedelta(hours=1))
    make_deadline(rs, due_in=timedelta(days=2))
    rows = {r.instrument.slug: r for r in
            supervisor_client.get("/dashboard/").context["instrument_rows"]}
    assert (rows["kz-rs-2015"].overdue, rows["kz-rs-2015"].due_soon) == (1, 1)
    assert rows["kz-br-2018"].overdue == 0


# --- ageing chart -------------------------------------------------------------------------------
def _created_days_ago(request, days):
    AssistanceRequest.objects.filter(pk=request.pk).update(created_at=NOW - timedelta(days=days))


def test_open_requests_fall_into_age_buckets_by_days_since_created(supervisor_client, frozen_now):
    for days in (0, 30, 31, 200, 400):
        _created_days_ago(AssistanceRequestFactory(), days)
    _created_days_ago(incoming_request("kz-rs-2015", RequestState.CLOSED), 100)  # not open
    rows = {r.instrument.slug: r for r in
            supervisor_client.get("/dashboard/").context["instrument_rows"]}
    assert rows["kz-rs-2015"].ages == [2, 1, 0, 1, 1]


def test_ageing_chart_is_well_formed_svg_with_the_bucket_labels(supervisor_client, frozen_now):
    _created_days_ago(AssistanceRequestFactory(), 45)
    body = get_body(supervisor_client)
    svg = body[body.index("<svg"):body.index("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg" and root.get("role") == "img"
    assert root.find(f"{ns}title").text and root.find(f"{ns}desc").text
    texts = {t.text for t in root.iter(f"{ns}text")}
    assert {"0–30 days", "31–90 days", "91–180 days", "181–365 days", "over 365 days"} <= texts
    assert "kz-rs-2015" in texts


def test_ageing_figures_are_also_given_as_a_table(supervisor_client, frozen_now):
    _created_days_ago(AssistanceRequestFactory(), 45)
    table = get_body(supervisor_client).split('id="ageing-table"')[1].split("</table>")[0]
    assert "<th scope=\"row\">kz-rs-2015</th><td>0</td><td>1</td>" in table


def test_chart_escapes_its_labels_and_stays_well_formed():
    svg = grouped_bar_chart_svg(title="A < B & C", description='"quoted"', categories=["x<y"],
                                series=[Series("s&t", [3])])
    root = ET.fromstring(svg)
    assert root.find("{http://www.w3.org/2000/svg}title").text == "A < B & C"


def test_chart_with_no_data_is_still_well_formed():
    ET.fromstring(grouped_bar_chart_svg(title="t", description="d", categories=["a", "b"],
                                        series=[Series("s", [0, 0])]))


def test_chart_rejects_a_series_of_the_wrong_length():
    with pytest.raises(ValueError):
        grouped_bar_chart_svg(title="t", description="d", categories=["a"],
                              series=[Series("s", [1, 2])])


# --- filters ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("query", "make_kept", "kept_deadline"), [
    pytest.param({"instrument": "kz-br-2018"},
                 lambda: AssistanceRequestFactory(instrument_slug="kz-br-2018"),
                 {"citation": "kz-br-2018 Art 22.1"}, id="instrument"),
    pytest.param({"direction": Direction.INCOMING}, lambda: incoming_request("kz-rs-2015"), {},
                 id="direction"),
    pytest.param({"side": ResponsibleSide.OTHER_SIDE}, AssistanceRequestFactory,
                 {"side": ResponsibleSide.OTHER_SIDE, "role": ""}, id="responsible_side"),
    pytest.param({"basis": DeadlineBasis.OFFICE_POLICY}, AssistanceRequestFactory,
                 {"basis": DeadlineBasis.OFFICE_POLICY}, id="basis"),
])
def test_filter_narrows_the_lists(supervisor_client, frozen_now, query, make_kept, kept_deadline):
    """The filter keeps the request it names and drops an outgoing RS request with a treaty
    deadline on Kazakhstan's side; both deadlines are due in two hours."""
    dropped, kept = AssistanceRequestFactory(), make_kept()
    make_deadline(dropped, due_in=timedelta(hours=2))
    make_deadline(kept, due_in=timedelta(hours=2), **kept_deadline)

    row = section(get_body(supervisor_client, **query), "h24")

    assert kept.reference in row and dropped.reference not in row


def test_instrument_filter_narrows_the_counts_and_the_chart(supervisor_client, frozen_now):
    AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    AssistanceRequestFactory(instrument_slug="kz-br-2018")
    context = supervisor_client.get("/dashboard/", {"instrument": "kz-br-2018"}).context
    assert [r.instrument.slug for r in context["instrument_rows"]] == ["kz-br-2018"]
    assert context["requests_total"] == 1
    assert "kz-rs-2015" not in context["ageing_chart"]


def test_responsible_side_filter_narrows_the_request_counts(supervisor_client, frozen_now):
    ours, theirs = AssistanceRequestFactory(), AssistanceRequestFactory()
    make_deadline(ours, due_in=timedelta(hours=2))
    make_deadline(theirs, due_in=timedelta(hours=2), side=ResponsibleSide.OTHER_SIDE, role="")
    context = supervisor_client.get("/dashboard/", {"side": ResponsibleSide.OTHER_SIDE}).context
    assert context["requests_total"] == 1


def test_status_filter_missed_keeps_only_missed_deadlines_in_the_overdue_list(supervisor_client,
                                                                               frozen_now):
    late_open, missed = AssistanceRequestFactory(), AssistanceRequestFactory()
    make_deadline(late_open, due_in=-timedelta(minutes=5))
    make_deadline(missed, due_in=-timedelta(days=2), status=DeadlineStatus.MISSED)
    row = section(get_body(supervisor_client, status=DeadlineStatus.MISSED), "overdue")
    assert missed.reference in row and late_open.reference not in row


def test_date_range_narrows_the_lists_by_due_date(supervisor_client, frozen_now):
    soon, later = AssistanceRequestFactory(), AssistanceRequestFactory()
    make_deadline(soon, due_in=timedelta(days=2))     # 4 March
    make_deadline(later, due_in=timedelta(days=10))   # 12 March
    body = get_body(supervisor_client, date_from="2026-03-10", date_to="2026-03-12")
    assert later.reference in section(body, "d30") and soon.reference not in section(body, "d7")


def test_end_date_before_start_date_is_an_error_next_to_the_field(supervisor_client, frozen_now):
    body = get_body(supervisor_client, date_from="2026-03-10", date_to="2026-03-01")
    assert 'id="id_date_to_error" role="alert"' in body


def test_invalid_filter_value_shows_an_error_and_still_answers(supervisor_client, frozen_now):
    body = get_body(supervisor_client, instrument="no-such-treaty")
    assert 'id="id_instrument_error" role="alert"' in body


def test_htmx_filter_request_gets_only_the_results(supervisor_client, frozen_now):
    response = supervisor_client.get("/dashboard/", {"basis": "treaty"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="dashboard-results">') and "<html" not in body


def test_htmx_update_with_a_wrong_date_range_summarises_the_error(supervisor_client, frozen_now):
    response = supervisor_client.get("/dashboard/", {"date_from": "2026-03-10",
                                                     "date_to": "2026-03-01"},
                                      HTTP_HX_REQUEST="true", **EN)
    body = response.content.decode()
    assert 'role="alert"' in body and "The end date is before the start date." in body


# --- CSV --------------------------------------------------------------------------------------
def _csv(client, **params):
    response = client.get("/dashboard/deadlines.csv", params, **EN)
    assert response.status_code == 200
    raw = b"".join(response.streaming_content)
    return response, raw


def test_csv_starts_with_the_utf8_bom(supervisor_client, frozen_now):
    _response, raw = _csv(supervisor_client)
    assert raw.startswith(b"\xef\xbb\xbf")


def test_csv_has_a_header_and_one_row_per_deadline_with_its_citation(supervisor_client,
                                                                     frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request, due_in=timedelta(hours=3), citation="kz-rs-2015 Art 3.4")
    make_deadline(None, kind="conviction_report", due_in=timedelta(days=40),
                  citation="kz-rs-2015 Art 18")
    response, raw = _csv(supervisor_client)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:5] == ["Reference / instrument", "Instrument", "Kind", "Duty",
                           "Due (Asia/Almaty)"]
    assert len(rows) == 3
    assert rows[1][0] == request.reference and rows[1][5] == "kz-rs-2015 Art 3.4"
    assert rows[1][4] == "2026-03-02T13:00:00+05:00"
    assert rows[1][11] == "drafting"
    assert rows[2][0] == "kz-rs-2015" and rows[2][5] == "kz-rs-2015 Art 18"


def test_csv_keeps_cyrillic_text(supervisor_client, frozen_now):
    make_deadline(AssistanceRequestFactory(), due_in=timedelta(hours=3))
    response = supervisor_client.get("/dashboard/deadlines.csv", HTTP_ACCEPT_LANGUAGE="ru")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert re.search("[А-Яа-я]", text)


def test_csv_follows_the_dashboard_filters(supervisor_client, frozen_now):
    rs = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    br = AssistanceRequestFactory(instrument_slug="kz-br-2018")
    make_deadline(rs, due_in=timedelta(hours=2))
    make_deadline(br, due_in=timedelta(hours=2), citation="kz-br-2018 Art 22.1")
    _response, raw = _csv(supervisor_client, instrument="kz-br-2018")
    text = raw.decode("utf-8-sig")
    assert br.reference in text and rs.reference not in text


def test_csv_leaves_met_deadlines_out_unless_asked(supervisor_client, frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request, due_in=-timedelta(days=1), status=DeadlineStatus.MET, met_at=NOW)
    assert request.reference not in _csv(supervisor_client)[1].decode("utf-8-sig")
    assert request.reference in _csv(supervisor_client, status="all")[1].decode("utf-8-sig")


def test_csv_neutralises_cells_a_spreadsheet_would_run_as_formulas(supervisor_client, frozen_now):
    request = AssistanceRequestFactory(reference="=HYPERLINK(1)")
    make_deadline(request, due_in=timedelta(hours=2))
    assert "'=HYPERLINK(1)" in _csv(supervisor_client)[1].decode("utf-8-sig")


def test_csv_with_an_invalid_filter_sends_back_to_the_dashboard(supervisor_client, frozen_now):
    response = supervisor_client.get("/dashboard/deadlines.csv", {"date_from": "not-a-date"})
    assert response.status_code == 302 and response["Location"].startswith("/dashboard/?")


# --- constant queries -------------------------------------------------------------------------
def _seed(count: int) -> None:
    """``count`` requests, each with one deadline, spread over every list and instrument."""
    slugs = list(all_rulebooks())
    offsets = [-timedelta(hours=2), timedelta(hours=5), timedelta(days=3), timedelta(days=20)]
    for i in range(count):
        request = AssistanceRequestFactory(instrument_slug=slugs[i % len(slugs)])
        make_deadline(request, due_in=offsets[i % 4],
                      status=DeadlineStatus.MISSED if i % 5 == 0 else DeadlineStatus.OPEN)
    make_deadline(None, kind="conviction_report", due_in=timedelta(days=4))


def _queries(client, url: str, streaming: bool = False) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if streaming:
            b"".join(response.streaming_content)
        assert response.status_code == 200
    return len(captured)


def test_dashboard_runs_the_same_number_of_queries_for_3_or_30_deadlines(supervisor_client,
                                                                         frozen_now):
    _seed(3)
    supervisor_client.get("/dashboard/")  # sign in outside the measurement
    few = _queries(supervisor_client, "/dashboard/")
    _seed(27)
    assert _queries(supervisor_client, "/dashboard/") == few


def test_csv_runs_the_same_number_of_queries_for_3_or_30_deadlines(supervisor_client, frozen_now):
    _seed(3)
    supervisor_client.get("/dashboard/")
    few = _queries(supervisor_client, "/dashboard/deadlines.csv", streaming=True)
    _seed(27)
    assert _queries(supervisor_client, "/dashboard/deadlines.csv", streaming=True) == few

