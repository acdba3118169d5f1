"""A supervisor reads the statistics in Chromium, at desktop and phone widths: the charts and
tables, a figure followed to the requests behind it, and the workbook for reviewers."""

from __future__ import annotations

import io

import openpyxl
import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from statistics_app.rows import statistics_rebuild
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.factories import supervisor

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_supervisor_follows_a_figure_to_its_requests_and_downloads_the_workbook(
        page: Page, live_server, sign_in, width):
    received = [incoming_request("kz-rs-2015", offence_category="fraud") for _ in range(3)]
    AssistanceRequestFactory(instrument_slug="kz-cz-2017", state="transmitted",
                             opened_on=received[0].opened_on)
    statistics_rebuild()
    sign_in(supervisor().username)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/statistics/")
    expect(page.get_by_role("heading", name="Statistics", exact=True)).to_be_visible()
    expect(page.locator("svg#months-chart")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    page.locator('[data-table="overview"] tr[data-row="incoming"] td a').first.click()
    expect(page.get_by_role("heading", name="Requests behind a figure")).to_be_visible()
    rows = page.locator("#statistics-requests tbody tr")
    expect(rows).to_have_count(3)
    for request in received:
        expect(page.locator("#statistics-requests")).to_contain_text(request.reference)

    page.get_by_role("link", name="Back to the statistics").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download for reviewers (XLSX)").click()
    workbook = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    assert len(workbook.sheetnames) > 5
