"""The personal iCalendar feed of deadlines (RFC 5545) and the page that gives its address."""

import itertools
from datetime import UTC
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from requests_app.models import Deadline
from requests_app.models import DeadlineBasis
from requests_app.models import DeadlineStatus
from requests_app.models import ResponsibleSide
from requests_app.services.calendar import calendar_token_for
from requests_app.services.calendar import ics_escape
from requests_app.services.calendar import ics_fold
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import instrument
from tests.factories import prosecutor
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db

_keys = itertools.count()


def make_deadline(request=None, *, due_in: timedelta = timedelta(days=2), slug="kz-rs-2015",
                  kind="original_by_post", status=DeadlineStatus.OPEN,
                  citation="kz-rs-2015 Art 3.4", basis=DeadlineBasis.TREATY) -> Deadline:
    due = NOW + due_in
    return Deadline.objects.create(
        request=request, instrument=request.instrument if request else instrument(slug),
        kind=kind, subject_key=f"k{next(_keys)}", due_at=due, citation=citation, basis=basis,
        status=status, responsible_side=ResponsibleSide.KAZAKHSTAN, responsible_role="Clerk",
        next_action_at=due if status == DeadlineStatus.OPEN else None)


def feed_url(user, language="en") -> str:
    return f"/calendar/{calendar_token_for(user=user, language=language)}.ics"


def fetch(user, language="en") -> str:
    """The feed as a calendar client gets it: no session, no cookie."""
    response = Client().get(feed_url(user, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content.decode("utf-8")


def events(text: str) -> list[dict[str, str]]:
    """Unfold the content lines and collect each VEVENT's properties."""
    unfolded = text.replace("\r\n ", "")
    found, current = [], None
    for line in unfolded.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif current is not None and ":" in line:
            name, value = line.split(":", 1)
            current[name] = value
    return found


# --- the page with the address ------------------------------------------------------------------
def test_calendar_page_shows_the_users_personal_feed_address(prosecutor_client, frozen_now):
    response = prosecutor_client.get("/calendar/", HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert response.status_code == 200
    assert f"http://testserver{feed_url(prosecutor_client.user)}" in body
    assert "webcal://testserver/calendar/" in body


def test_calendar_page_needs_sign_in(client):
    response = client.get("/calendar/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_feed_address_is_the_same_on_every_visit(prosecutor_client, frozen_now):
    assert feed_url(prosecutor_client.user) == feed_url(prosecutor_client.user)


# --- format -----------------------------------------------------------------------------------
def test_feed_is_a_vcalendar_with_crlf_line_endings(prosecutor_client, frozen_now):
    make_deadline(AssistanceRequestFactory())
    text = fetch(prosecutor_client.user)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_feed_lines_are_folded_at_75_octets(prosecutor_client, frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request, kind="summons_transmission")  # a long duty label
    text = fetch(prosecutor_client.user, language="ru")  # Cyrillic: two octets a letter
    lines = text.split("\r\n")[:-1]
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)


def test_feed_has_one_event_per_visible_open_deadline(prosecutor_client, frozen_now):
    request = AssistanceRequestFactory()
    open_ones = [make_deadline(request), make_deadline(request, due_in=-timedelta(hours=1))]
    make_deadline(request, status=DeadlineStatus.MET)
    make_deadline(request, status=DeadlineStatus.MISSED, due_in=-timedelta(days=1))
    uids = [event["UID"] for event in events(fetch(prosecutor_client.user))]
    assert sorted(uids) == sorted(f"deadline-{d.pk}@mla" for d in open_ones)


def test_event_starts_at_the_due_time_in_utc(prosecutor_client, frozen_now):
    deadline = make_deadline(AssistanceRequestFactory(), due_in=timedelta(hours=3))
    (event,) = events(fetch(prosecutor_client.user))
    expected = deadline.due_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert event["DTSTART"] == expected == "20260302T080000Z"
    assert "DTSTAMP" in event


def test_event_summary_names_the_duty_and_the_reference(prosecutor_client, frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request)
    (event,) = events(fetch(prosecutor_client.user))
    assert event["SUMMARY"] == (
        f"Original dispatched by post with the electronic request — {request.reference}")


def test_event_description_gives_the_citation_and_the_basis(prosecutor_client, frozen_now):
    make_deadline(AssistanceRequestFactory(), citation="kz-cz-2017 Art 9.1",
                  basis=DeadlineBasis.OFFICE_POLICY)
    (event,) = events(fetch(prosecutor_client.user))
    assert "Kazakhstan–Czech Republic Art 9.1" in event["DESCRIPTION"]
    assert "office policy target" in event["DESCRIPTION"]


def test_event_links_to_the_request_page(prosecutor_client, frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request)
    (event,) = events(fetch(prosecutor_client.user))
    assert event["URL"] == f"http://testserver/requests/{request.pk}/"


def test_event_uid_stays_the_same_when_the_due_time_moves(prosecutor_client, frozen_now):
    deadline = make_deadline(AssistanceRequestFactory())
    (before,) = events(fetch(prosecutor_client.user))
    Deadline.objects.filter(pk=deadline.pk).update(due_at=NOW + timedelta(days=9))
    (after,) = events(fetch(prosecutor_client.user))
    assert before["UID"] == after["UID"] and before["DTSTART"] != after["DTSTART"]


def test_feed_speaks_the_language_of_its_address(prosecutor_client, frozen_now):
    make_deadline(AssistanceRequestFactory())
    assert "Duty:" in fetch(prosecutor_client.user, language="en")
    assert "Обязанность:" in fetch(prosecutor_client.user, language="ru")


def test_text_escaping_covers_backslash_semicolon_comma_and_newline():
    assert ics_escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_folding_never_splits_a_multibyte_character():
    line = "SUMMARY:" + "Қазақстан Республикасы " * 10
    folded = ics_fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert folded.replace("\r\n ", "") == line


def test_folding_never_splits_an_escape_sequence():
    for shift in range(4):
        line = "DESCRIPTION:" + "x" * (60 + shift) + ics_escape("a,b;c\\d,e,f,g")
        parts = ics_fold(line).split("\r\n")
        assert not any(p.endswith("\\") and not p.endswith("\\\\") for p in parts[:-1])


def test_short_line_is_not_folded():
    assert ics_fold("UID:deadline-1@mla") == "UID:deadline-1@mla"


# --- who sees what -------------------------------------------------------------------------------
def test_feed_of_another_office_holds_none_of_kz_gpos_requests(frozen_now):
    gpo_requests = [AssistanceRequestFactory(), incoming_request("kz-rs-2015"),
                    incoming_request("kz-br-2018")]
    for request in gpo_requests:
        make_deadline(request)
    make_deadline(None, kind="conviction_report", citation="kz-rs-2015 Art 18")
    text = fetch(prosecutor("kz-prosecutor-astana"))
    assert events(text) == []
    assert not any(request.reference in text for request in gpo_requests)


def test_feed_holds_the_requests_of_the_users_own_office(frozen_now):
    request = AssistanceRequestFactory()
    make_deadline(request)
    assert request.reference in fetch(prosecutor("kz-gpo"))


def test_supervisor_feed_holds_the_instruments_duties(supervisor_client, frozen_now):
    make_deadline(None, kind="conviction_report", citation="kz-rs-2015 Art 18")
    (event,) = events(fetch(supervisor_client.user))
    assert event["SUMMARY"].endswith("— kz-rs-2015")


def test_clerk_of_a_designated_office_gets_the_instruments_duties(frozen_now):
    make_deadline(None, kind="conviction_report", citation="kz-rs-2015 Art 18")
    assert len(events(fetch(clerk("kz-gpo")))) == 1


def test_clerk_of_an_office_not_designated_for_the_instrument_does_not(frozen_now):
    make_deadline(None, kind="conviction_report", citation="kz-rs-2015 Art 18")
    assert events(fetch(clerk("kz-mvd"))) == []


def test_prosecutor_feed_leaves_out_instrument_duties(prosecutor_client, frozen_now):
    make_deadline(None, kind="conviction_report", citation="kz-rs-2015 Art 18")
    assert events(fetch(prosecutor_client.user)) == []


# --- the token --------------------------------------------------------------------------------
def test_feed_needs_no_session(prosecutor_client, frozen_now):
    response = Client().get(feed_url(prosecutor_client.user))
    assert response.status_code == 200


def test_forged_token_gives_404(client):
    assert client.get("/calendar/eyJ1IjoxfQ:forged-signature.ics").status_code == 404


def test_signature_of_one_users_token_does_not_open_another_users_feed(frozen_now):
    alice, bob = prosecutor("kz-gpo"), prosecutor("kz-gpo")
    alice_payload = calendar_token_for(user=alice).rsplit(":", 1)[0]
    bob_signature = calendar_token_for(user=bob).rsplit(":", 1)[1]
    assert Client().get(f"/calendar/{alice_payload}:{bob_signature}.ics").status_code == 404


def test_changing_the_password_revokes_the_feed(prosecutor_client, frozen_now):
    user = prosecutor_client.user
    url = feed_url(user)
    user.set_password("a-new-password-2026")
    user.save()
    assert Client().get(url).status_code == 404


def test_deactivated_user_feed_gives_404(prosecutor_client, frozen_now):
    user = prosecutor_client.user
    url = feed_url(user)
    user.is_active = False
    user.save()
    assert Client().get(url).status_code == 404


def test_feed_runs_the_same_number_of_queries_for_3_or_30_deadlines(supervisor_client,
                                                                    frozen_now):
    def seed(n):
        for _ in range(n):
            make_deadline(AssistanceRequestFactory())

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert Client().get(feed_url(supervisor_client.user)).status_code == 200
        return len(captured)

    seed(3)
    few = count()
    seed(27)
    assert count() == few
