"""The frame every change runs in: versions, the append-only log, rollback, who sees which request,
who may run which transition; and, on PostgreSQL, two clerks acting on one request at once."""

import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections
from django.db import connection

from requests_app.access import access_request_by_id
from requests_app.access import requests_visible_to
from requests_app.exceptions import ActionNotPermitted
from requests_app.exceptions import ConcurrentModification
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RequestNotFound
from requests_app.exceptions import RuleViolation
from requests_app.exceptions import TransitionNotAvailable
from requests_app.models import AppendOnlyError
from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.models import Translation
from requests_app.services import changes
from requests_app.services import records
from requests_app.services import transitions as t
from requests_app.services.requests import request_update
from tests.factories import AssistanceRequestFactory
from tests.factories import UserFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import summoned_person
from tests.factories import supervisor
from tests.requests_app import _support
from tests.requests_app._support import TODAY
from tests.requests_app._support import fresh
from tests.requests_app._support import to_ready
from treaties.rules.violations import Violation
from treaties.services import treaties_load

# The PostgreSQL race tests below override this with django_db(transaction=True).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller


@pytest.fixture
def author():
    return prosecutor()


@pytest.fixture
def draft(author):
    return AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)


# --- versions ------------------------------------------------------------------------------------
def test_stale_expected_version_raises_and_writes_nothing(draft, author):
    t.request_submit_for_review(request_id=draft.pk, actor=author, expected_version=1)

    with pytest.raises(ConcurrentModification) as exc:
        t.request_approve(request_id=draft.pk, actor=supervisor(), expected_version=1)

    assert (exc.value.expected, exc.value.actual) == (1, 2)
    request = fresh(draft)
    assert (request.state, request.version) == (RequestState.UNDER_REVIEW, 2)
    assert [e.action for e in request.log.all()] == ["submit_for_review"]


def test_stale_expected_version_on_a_record_writes_no_row(draft, author):
    request_update(actor=author, request_id=draft.pk, purpose="Updated purpose")

    with pytest.raises(ConcurrentModification):
        records.translation_record(actor=author, request_id=draft.pk, language="sr",
                                   completed_on=TODAY, expected_version=1)

    assert not Translation.objects.exists()
    assert fresh(draft).version == 2


def test_each_change_bumps_the_version_by_one(draft, author):
    assert draft.version == 1

    first = request_update(actor=author, request_id=draft.pk, expected_version=1,
                           purpose="First edit")
    second = t.request_submit_for_review(request_id=draft.pk, actor=author, expected_version=2)

    assert (first.version, second.version) == (2, 3)
    assert fresh(draft).version == 3


def test_no_expected_version_skips_the_comparison(draft, author):
    request_update(actor=author, request_id=draft.pk, purpose="First edit")

    request = t.request_submit_for_review(request_id=draft.pk, actor=author)

    assert request.version == 3


# --- the append-only log ------------------------------------------------------------------------
@pytest.fixture
def logged(draft, author):
    t.request_submit_for_review(request_id=draft.pk, actor=author)
    return TransitionLog.objects.get(request=draft)


def test_log_row_cannot_be_saved_again(logged):
    logged.reason = "rewritten history"

    with pytest.raises(AppendOnlyError):
        logged.save()

    assert TransitionLog.objects.get(pk=logged.pk).reason == ""


def test_log_row_cannot_be_deleted(logged):
    with pytest.raises(AppendOnlyError):
        logged.delete()

    assert TransitionLog.objects.filter(pk=logged.pk).exists()


def test_log_queryset_cannot_be_updated(logged):
    with pytest.raises(AppendOnlyError):
        TransitionLog.objects.filter(pk=logged.pk).update(reason="rewritten")

    assert TransitionLog.objects.get(pk=logged.pk).reason == ""


def test_log_queryset_cannot_be_deleted(logged):
    with pytest.raises(AppendOnlyError):
        TransitionLog.objects.all().delete()

    assert TransitionLog.objects.count() == 1


def test_log_cannot_be_rewritten_through_the_requests_related_manager(logged, draft):
    with pytest.raises(AppendOnlyError):
        draft.log.update(reason="rewritten")
    with pytest.raises(AppendOnlyError):
        draft.log.all().delete()

    assert TransitionLog.objects.get(pk=logged.pk).reason == ""


def test_log_cannot_be_rewritten_through_bulk_update(logged):
    logged.reason = "rewritten"

    with pytest.raises(AppendOnlyError):
        TransitionLog.objects.bulk_update([logged], ["reason"])


def test_request_with_a_log_cannot_be_deleted(logged, draft):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        AssistanceRequest.objects.filter(pk=draft.pk).delete()


# --- rollback ------------------------------------------------------------------------------------
def test_rule_violation_rolls_back_the_whole_change(author):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)
    summoned_person(request, TODAY + timedelta(days=59))
    to_ready(request, author, supervisor())
    before = fresh(request)
    log_count = TransitionLog.objects.filter(request=request).count()

    with pytest.raises(RuleViolation):
        t.request_transmit(request_id=request.pk, actor=clerk())

    after = fresh(request)
    assert (after.state, after.version) == (RequestState.READY, before.version)
    assert after.transmitted_at is None and after.opened_on is None
    assert TransitionLog.objects.filter(request=request).count() == log_count
    assert not Deadline.objects.filter(request=request, status="met").exists()


def test_violation_raised_after_rows_were_written_rolls_them_back(draft, author, monkeypatch):
    def refuse_log(**kwargs):
        # The last write of a change: the deadlines, the version and the request are written.
        raise RuleViolation([Violation("test_rule", None, "injected after the writes")])

    monkeypatch.setattr(changes, "log_write", refuse_log)

    with pytest.raises(RuleViolation):
        records.translation_record(actor=author, request_id=draft.pk, language="sr",
                                   completed_on=TODAY)

    # The translation row, the deadlines, the version bump and the request save all went back.
    assert not Translation.objects.exists()
    assert not TransitionLog.objects.filter(request=draft).exists()
    assert fresh(draft).version == 1


# --- who sees what ------------------------------------------------------------------------------
def test_prosecutor_of_another_office_gets_not_found_rather_than_not_permitted(draft):
    outsider = prosecutor(office="kz-prosecutor-astana")

    with pytest.raises(RequestNotFound):
        t.request_submit_for_review(request_id=draft.pk, actor=outsider)
    with pytest.raises(RequestNotFound):
        records.translation_record(actor=outsider, request_id=draft.pk, language="sr")

    assert fresh(draft).state == RequestState.DRAFTING


def test_missing_and_invisible_requests_look_the_same(draft):
    outsider = prosecutor(office="kz-prosecutor-astana")

    with pytest.raises(RequestNotFound):
        access_request_by_id(user=outsider, request_id=draft.pk)
    with pytest.raises(RequestNotFound):
        access_request_by_id(user=outsider, request_id=draft.pk + 1000)
    with pytest.raises(RequestNotFound):
        access_request_by_id(user=outsider, request_id="not-a-number")


def test_clerk_sees_requests_under_instruments_the_office_is_designated_for():
    # Neither side of the CZ request is the GPO, but the GPO is designated for kz-cz-2017.
    cz = incoming_request("kz-cz-2017")
    rs = AssistanceRequestFactory(instrument_slug="kz-rs-2015")

    visible = set(requests_visible_to(clerk(office="kz-gpo")).values_list("pk", flat=True))

    assert visible == {cz.pk, rs.pk}


def test_clerk_of_an_office_without_designations_sees_only_the_requests_it_executes():
    incoming_request("kz-cz-2017")
    incoming_request("kz-rs-2015")
    almaty_case = incoming_request("kz-rs-2015",
                                   executing_authority=authority("kz-prosecutor-almaty"))

    visible = set(requests_visible_to(clerk(office="kz-prosecutor-almaty"))
                  .values_list("pk", flat=True))

    assert visible == {almaty_case.pk}


def test_prosecutor_sees_requests_of_the_office_but_not_designated_instruments():
    cz = incoming_request("kz-cz-2017")
    rs = AssistanceRequestFactory(instrument_slug="kz-rs-2015")

    visible = set(requests_visible_to(prosecutor(office="kz-gpo")).values_list("pk", flat=True))

    assert visible == {rs.pk}
    assert cz.pk not in visible


def test_user_without_a_role_sees_nothing(draft):
    nobody = UserFactory(office="kz-gpo")

    assert not requests_visible_to(nobody).exists()
    with pytest.raises(RequestNotFound):
        access_request_by_id(user=nobody, request_id=draft.pk)


def test_user_with_a_role_but_no_office_sees_nothing(draft):
    from requests_app.roles import Role

    assert not requests_visible_to(UserFactory(role=Role.PROSECUTOR)).exists()


def test_supervisor_sees_every_request(draft):
    cz = incoming_request("kz-cz-2017")

    assert set(requests_visible_to(supervisor()).values_list("pk", flat=True)) == {draft.pk, cz.pk}


# --- who may do what -----------------------------------------------------------------------------
def test_prosecutor_cannot_approve(draft, author):
    t.request_submit_for_review(request_id=draft.pk, actor=author)

    with pytest.raises(ActionNotPermitted):
        t.request_approve(request_id=draft.pk, actor=author)

    assert fresh(draft).state == RequestState.UNDER_REVIEW


def test_supervisor_can_approve(draft, author):
    t.request_submit_for_review(request_id=draft.pk, actor=author)

    assert t.request_approve(request_id=draft.pk, actor=supervisor()).state == RequestState.READY


def test_clerk_cannot_submit_for_review(draft):
    with pytest.raises(ActionNotPermitted):
        t.request_submit_for_review(request_id=draft.pk, actor=clerk())


@pytest.mark.parametrize("reason", ["", "   "])
def test_return_for_revision_needs_a_reason(draft, author, reason):
    t.request_submit_for_review(request_id=draft.pk, actor=author)

    with pytest.raises(InvalidInput) as exc:
        t.request_return_for_revision(request_id=draft.pk, actor=supervisor(), reason=reason)

    assert set(exc.value.errors) == {"reason"}
    assert fresh(draft).state == RequestState.UNDER_REVIEW


def test_return_for_revision_logs_its_reason(draft, author):
    t.request_submit_for_review(request_id=draft.pk, actor=author)

    request = t.request_return_for_revision(request_id=draft.pk, actor=supervisor(),
                                            reason="Add the limitation period")

    assert request.state == RequestState.DRAFTING
    assert request.log.last().reason == "Add the limitation period"


@pytest.mark.parametrize("reason", ["", "   "])
def test_withdraw_needs_a_reason(draft, author, reason):
    with pytest.raises(InvalidInput) as exc:
        t.request_withdraw(request_id=draft.pk, actor=author, reason=reason)

    assert set(exc.value.errors) == {"reason"}
    assert fresh(draft).state == RequestState.DRAFTING


def test_withdrawn_request_waives_its_open_deadlines(author):
    from requests_app.services.requests import person_add

    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)
    person_add(actor=author, request_id=request.pk, role="to_serve", full_name="P. P.",
               appearance_date=TODAY + timedelta(days=90))

    request = t.request_withdraw(request_id=request.pk, actor=author, reason="Case dropped")

    assert request.state == RequestState.WITHDRAWN
    deadline = Deadline.objects.get(request=request)
    assert (deadline.status, deadline.closed_reason) == ("waived", "request withdrawn")


def test_withdrawn_request_offers_no_further_transition(draft, author):
    t.request_withdraw(request_id=draft.pk, actor=author, reason="Case dropped")

    with pytest.raises(TransitionNotAvailable):
        t.request_submit_for_review(request_id=draft.pk, actor=author)


# --- two clerks at once (PostgreSQL only: SQLite has no row locks) ----------------------------
def _race(actions):
    """Run each action in its own thread, released together by a barrier; return what each
    returned or raised."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(i, action):
        try:
            barrier.wait(timeout=10)
            results[i] = action()
        except Exception as exc:  # noqa: BLE001 - the outcome is what the test inspects
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    return results


@pytest.fixture(scope="module")
def _reload_treaties_after_flush(django_db_blocker):
    """A transactional test empties every table when it ends; put the instruments back for the
    tests that run after this module."""
    yield
    with django_db_blocker.unblock():
        treaties_load()


@pytest.fixture
def treaties(_reload_treaties_after_flush, transactional_db):
    """The instruments, loaded again if an earlier transactional test flushed them."""
    treaties_load()


postgres_only = pytest.mark.skipif(connection.vendor != "postgresql",
                                   reason="needs row locks (PostgreSQL)")


@postgres_only
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("with_version", [True, False])
def test_two_clerks_transmitting_at_once_exactly_one_wins(treaties, with_version):
    author, boss = prosecutor(), supervisor()
    desks = [clerk(), clerk()]
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)
    version = to_ready(request, author, boss).version

    def transmit(desk):
        return lambda: t.request_transmit(request_id=request.pk, actor=desk,
                                          expected_version=version if with_version else None)

    results = _race([transmit(d) for d in desks])
    close_old_connections()

    winners = [r for r in results if isinstance(r, AssistanceRequest)]
    losers = [r for r in results if not isinstance(r, AssistanceRequest)]
    assert len(winners) == 1, results
    assert len(losers) == 1 and isinstance(
        losers[0], (ConcurrentModification, TransitionNotAvailable)), results
    final = fresh(request)
    assert (final.state, final.version) == (RequestState.TRANSMITTED, version + 1)
    assert TransitionLog.objects.filter(request=request, action="transmit").count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_supervisors_approving_at_once_exactly_one_wins(treaties):
    author = prosecutor()
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)
    t.request_submit_for_review(request_id=request.pk, actor=author)
    bosses = [supervisor(), supervisor()]

    results = _race([lambda b=b: t.request_approve(request_id=request.pk, actor=b,
                                                   expected_version=2) for b in bosses])
    close_old_connections()

    assert sum(isinstance(r, AssistanceRequest) for r in results) == 1, results
    assert sum(isinstance(r, (ConcurrentModification, TransitionNotAvailable))
               for r in results) == 1, results
    assert TransitionLog.objects.filter(request=request, action="approve").count() == 1
    assert fresh(request).version == 3
