"""Browser walks through the case work around the rules (issue 10): search, notes, a waived
deadline, owners and "My work", the documents a reviewer reads, the correspondence a clerk keeps.

Same set-up as ``test_role_paths``: the live server runs in this process, so ``time_machine``
moves its clock too; each walk starts on 2026-03-02 10:00 Asia/Almaty and lets the clock tick.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page
from playwright.sync_api import expect

from requests_app import clock
from requests_app.models import DeadlineStatus
from requests_app.models import PersonRole
from requests_app.models import RequestState
from requests_app.services.requests import person_add
from requests_app.services.sweep import deadlines_sweep
from requests_app.services.transitions import request_submit_for_review
from requests_app.services.transitions import request_transition
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor

from .test_role_paths import NOW
from .test_role_paths import at_now  # noqa: F401 - the fixture, used by name
from .test_role_paths import open_request
from .test_role_paths import oral_slovak_request

pytestmark = pytest.mark.django_db(transaction=True)

# A one-page PDF standing for the other side's scanned reply.
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


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


def test_clerk_asks_for_additional_information_by_letter_is_reminded_when_the_reply_is_late_and_registers_it(
        page: Page, live_server, sign_in, shoot, at_now):  # noqa: F811
    desk = clerk("kz-mvd")
    request = incoming_request("kz-cz-2017", state=RequestState.COMPLETENESS_CHECK,
                               executing_authority=None, their_reference="KRPP-77/2026",
                               clerk_owner=desk)

    # The pause is one action; the letter that says what is missing is the next.
    sign_in(desk.username)
    open_request(page, live_server, request.pk)
    action = page.locator("#actions details[data-action=request_additional_info]")
    action.locator("summary").click()
    action.get_by_label("Reason").fill("The vehicle's registration number is missing.")
    action.get_by_role("button").click()
    expect(page.locator("#summary [data-state]")).to_have_attribute(
        "data-state", "additional_info_requested")
    page.reload()
    letter = page.locator("#letter-send")
    expect(letter).to_have_attribute("open", "")
    letter.get_by_label("Language").select_option("en")
    letter.get_by_label("What is missing").fill("The registration number of the vehicle.")
    letter.get_by_label("Reply expected by").fill((NOW + timedelta(days=7)).date().isoformat())
    letter.get_by_role("button", name="Send the letter").click()
    sent = page.locator("#correspondence li[data-letter]")
    expect(sent).to_have_count(1)
    expect(sent).to_contain_text("Reply expected by")
    expect(sent.locator("[data-sha256]")).to_have_text(re.compile(r"^[0-9a-f]{64}$"))
    shoot("clerk-additional-information-letter")

    # A day after the reply date, beat's sweep marks the reply missed: the clerk is told and
    # sees it overdue in "My work".
    at_now.move_to(NOW + timedelta(days=8, hours=1))
    deadlines_sweep(now=clock.now())
    page.get_by_role("link", name="Notifications").click()
    expect(page.locator("main tbody tr[data-kind=missed]").filter(
        has_text=request.reference)).to_have_count(1)
    page.get_by_role("link", name="My work").click()
    row = page.locator(f"main tbody tr[data-request='{request.pk}']")
    expect(row).to_contain_text("overdue")
    shoot("clerk-my-work-overdue-reply")

    # The reply arrives: registered with its scan, it resumes the request.
    row.get_by_role("link", name=request.reference).click()
    receive = page.locator("#letter-receive")
    receive.locator("summary").click()
    receive.get_by_label("Kind of letter").select_option("reply")
    receive.get_by_label("In reply to").select_option(index=1)
    receive.locator("input[type=file]").set_input_files(
        files=[{"name": "reply.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    receive.get_by_role("button", name="Register the letter").click()
    expect(page.locator("#summary [data-state]")).not_to_have_attribute(
        "data-state", "additional_info_requested")
    expect(page.locator("#correspondence li[data-letter]")).to_have_count(2)
    expect(page.locator("#correspondence")).to_contain_text("reply received")
    shoot("clerk-reply-registered")


def test_supervisor_sees_the_person_against_an_overdue_duty_and_the_workload_per_person(
        page: Page, live_server, sign_in, shoot, at_now):  # noqa: F811
    officer, boss = clerk("kz-mvd"), supervisor()
    officer.first_name, officer.last_name = "Yerlan", "Zhakupov"
    officer.save()
    oral = oral_slovak_request(officer)
    at_now.move_to(NOW + timedelta(hours=25))
    deadlines_sweep(now=clock.now())

    sign_in(boss.username)
    page.get_by_role("link", name="Deadlines dashboard").click()
    overdue = page.locator("#list-overdue tbody tr").filter(has_text=oral.reference)
    expect(overdue.first).to_contain_text("Yerlan Zhakupov")
    person = page.locator(f"#workload tbody tr[data-person='{officer.pk}']")
    expect(person).to_contain_text("Yerlan Zhakupov")
    expect(person.locator("td").nth(2)).not_to_have_text("0")
    shoot("supervisor-workload")


@pytest.mark.parametrize("width", [390, 1280])
def test_prosecutor_is_told_the_draft_was_returned_with_the_reason_and_finds_it_in_my_work(
        page: Page, live_server, sign_in, shoot, at_now, width):  # noqa: F811
    drafter, boss = prosecutor("kz-gpo"), supervisor()
    draft = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=drafter,
                                     drafting_prosecutor=drafter)
    request_submit_for_review(request_id=draft.pk, actor=drafter)
    request_transition(request_id=draft.pk, actor=boss, name="return_for_revision",
                       reason="Add the witness's address (Art 3.2).")

    sign_in(drafter.username)
    # On a phone the navigation folds behind "Menu": the pages are opened by their address.
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/notifications/")
    told = page.locator("main tbody tr[data-kind=returned]")
    expect(told).to_contain_text("Add the witness's address")
    page.goto(f"{live_server.url}/my-work/")
    row = page.locator(f"main tbody tr[data-request='{draft.pk}']")
    expect(row).to_be_visible()
    row.get_by_role("link", name=draft.reference).click()
    expect(page.locator("main")).to_contain_text("Add the witness's address")
    shoot(f"prosecutor-returned-draft-{width}")
