"""Browser walks through the case work around the rules (issue 10): search, notes, a waived
deadline, owners and "My work", the documents a reviewer reads, the correspondence a clerk keeps.

Same set-up as ``test_role_paths``: the live server runs in this process, so ``time_machine``
moves its clock too; each walk starts on 2026-03-02 10:00 Asia/Almaty and lets the clock tick.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from requests_app import clock
from requests_app.models import DeadlineStatus
from requests_app.models import PersonRole
from requests_app.services.requests import person_add
from requests_app.services.sweep import deadlines_sweep
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import prosecutor
from tests.factories import supervisor

from .test_role_paths import NOW
from .test_role_paths import at_now  # noqa: F401 - the fixture, used by name
from .test_role_paths import open_request
from .test_role_paths import oral_slovak_request

pytestmark = pytest.mark.django_db(transaction=True)


def test_clerk_finds_a_request_by_the_name_of_a_person_in_it(
        page: Page, live_server, sign_in, shoot, at_now):  # noqa: F811
    drafter, desk = prosecutor("kz-gpo"), clerk("kz-gpo")
    wanted = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=drafter)
    person_add(actor=drafter, request_id=wanted.pk, role=PersonRole.TO_HEAR,
               full_name="Milica Stanković", appearance_date=(NOW + timedelta(days=90)).date())
    other = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=drafter)

    sign_in(desk.username)
    page.get_by_role("link", name="Requests", exact=True).click()
    page.get_by_role("searchbox").fill("Stanković")
    page.get_by_role("searchbox").press("Enter")
    results = page.locator("main")
    expect(results).to_contain_text(wanted.reference)
    expect(results).not_to_contain_text(other.reference)
    shoot("search-by-person")


def test_supervisor_waives_a_missed_deadline_with_a_reason_and_it_leaves_the_overdue_list(
        page: Page, live_server, sign_in, shoot, at_now):  # noqa: F811
    officer, boss = clerk("kz-mvd"), supervisor()
    oral = oral_slovak_request(officer)
    at_now.move_to(NOW + timedelta(hours=25))
    deadlines_sweep(now=clock.now())
    missed = oral.deadlines.get(status=DeadlineStatus.MISSED)

    sign_in(boss.username)
    open_request(page, live_server, oral.pk)
    waiver = page.locator(f"details[data-waive='{missed.pk}']")
    waiver.locator("summary").click()
    waiver.get_by_role("textbox").fill("Confirmation arrived by fax; the original is on file.")
    waiver.get_by_role("button", name="Waive").click()
    expect(page.locator("main")).to_contain_text("Confirmation arrived by fax")
    missed.refresh_from_db()
    assert missed.status == DeadlineStatus.WAIVED

    page.get_by_role("link", name="Deadlines dashboard").click()
    expect(page.locator("#list-overdue tbody tr").filter(has_text=oral.reference)).to_have_count(0)
    shoot("dashboard-after-waiver")
