"""The demo's hand-made requests (``manage.py seed_demo --without-history``; the year of history
and the basis of every row the whole demo logs are in tests/statistics_app/test_demo_statistics.py)
show the case work of issue 10 and requests under the conventions (issue 14): letters both ways, a reply the other
side owes that is late, an assignment, a draft returned with its reason, and nothing overdue
without a person against it or computed on a draft (no false alarm); and it leaves looks for the
supervisor to see."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from requests_app import clock
from requests_app.models import AccessRecord
from requests_app.models import AssistanceRequest
from requests_app.models import Correspondence
from requests_app.models import Deadline
from requests_app.models import LetterDirection
from requests_app.models import LetterVersion
from requests_app.models import Notification
from requests_app.models import NotificationKind
from requests_app.models import TransitionLog
from requests_app.models import deadline_overdue_q

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """Seeded once for the module (about 4 s), in a transaction rolled back at its end; each
    test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        # The hand-made requests only: the year of history is read by
        # tests/statistics_app/test_demo_statistics.py (which also checks its log).
        call_command("seed_demo", "--without-history", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def test_the_demo_holds_a_request_with_letters_both_ways():
    both = [r for r in AssistanceRequest.objects.all()
            if {LetterDirection.SENT, LetterDirection.RECEIVED}
            <= set(r.correspondence.values_list("direction", flat=True))]
    assert len(both) >= 2


def test_the_demo_holds_a_late_reply_that_is_overdue_against_the_clerk_who_sent_the_letter():
    late = Deadline.objects.get(kind="reply_due", status="missed")
    assert late.responsible_user.username == "clerk"
    assert Notification.objects.filter(kind=NotificationKind.ESCALATED,
                                       recipient__username="supervisor").exists()


def test_every_overdue_duty_of_the_demo_names_a_person_and_none_was_computed_on_a_draft():
    overdue = Deadline.objects.filter(deadline_overdue_q(clock.now()))
    assert overdue.exists()
    assert not overdue.filter(provisional=True).exists()
    assert not overdue.filter(responsible_user__isnull=True).exists()


def test_the_demo_holds_an_assignment_and_an_owner_change_with_its_reason():
    assert Notification.objects.filter(kind=NotificationKind.ASSIGNED,
                                       recipient__username="prosecutor.almaty").exists()
    change = TransitionLog.objects.get(action="owner_changed")
    assert change.reason.startswith("Aliya keeps the Serbian desk")


def test_the_demo_holds_a_draft_returned_with_the_reason_told_to_its_author():
    told = Notification.objects.get(kind=NotificationKind.RETURNED)
    assert told.recipient.username == "prosecutor.marat"
    assert "account numbers" in told.text


def test_the_transmitted_demo_request_shows_the_version_sent_and_its_dispatch_number():
    # The hand-made Serbian request (the demo's year of history transmits others).
    sent = LetterVersion.objects.get(event="transmitted",
                                     request__case_number="2026-0001")
    assert sent.request.dispatch_reference == "2-15-26/101"
    assert Correspondence.objects.filter(request=sent.request, kind="request",
                                         document=sent.pdf).exists()


def test_the_demo_has_requests_under_the_conventions():
    # The hand-made ones (the demo's year of history holds more under both conventions).
    germany = AssistanceRequest.objects.get(instrument__slug="untoc-2000",
                                           case_number="2026-0007")
    assert germany.requested_authority.state.iso_code == "DE"
    assert germany.offence_category == "fraud" and germany.instrument_choice_reason == ""
    china = AssistanceRequest.objects.get(instrument__slug="uncac-2003",
                                         their_reference="MOJ-ICC-2026-118")
    assert china.requesting_authority.state.iso_code == "CN"


def test_the_demo_leaves_looks_for_the_supervisor_to_see():
    looks = set(AccessRecord.objects.values_list("user__username", "what", "channel"))
    assert {("prosecutor", "request_viewed", "web"), ("clerk", "request_viewed", "web"),
            ("clerk", "letter_version_downloaded", "web"), ("clerk", "request_read_api", "api"),
            ("prosecutor.almaty", "request_viewed", "web"),
            ("prosecutor.almaty", "correspondence_downloaded", "web")} <= looks
