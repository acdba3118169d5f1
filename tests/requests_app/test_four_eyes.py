"""Four eyes (office policy, ``MLA_FOUR_EYES``): whoever submitted a draft does not approve it,
supervisors included; the approval's log entry names who submitted it."""

import pytest
import time_machine
from django.contrib.auth.models import Group

from requests_app.exceptions import RuleViolation
from requests_app.models import TransitionLog
from requests_app.roles import Role
from requests_app.services import transitions as t
from requests_app.services.transitions import request_transition_options
from tests.factories import AssistanceRequestFactory
from tests.factories import prosecutor
from tests.factories import supervisor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("four_eyes_on")]


@pytest.fixture
def four_eyes_on(settings):
    settings.MLA_FOUR_EYES = True
    with time_machine.travel("2026-03-02 10:00 +05:00", tick=False):
        yield


@pytest.fixture
def drafter_and_supervisor():
    """A supervisor who also drafts (a small office's head): holds both roles."""
    user = prosecutor()
    user.groups.add(Group.objects.get_or_create(name=str(Role.SUPERVISOR))[0])
    return user


@pytest.fixture
def submitted(drafter_and_supervisor):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015",
                                       created_by=drafter_and_supervisor)
    return t.request_submit_for_review(request_id=request.pk, actor=drafter_and_supervisor)


def _approval(request) -> TransitionLog:
    return TransitionLog.objects.get(request=request, action="approve")


def test_the_supervisor_who_submitted_a_draft_cannot_approve_it(submitted,
                                                                drafter_and_supervisor):
    with pytest.raises(RuleViolation) as exc_info:
        t.request_approve(request_id=submitted.pk, actor=drafter_and_supervisor)
    (violation,) = exc_info.value.violations
    assert (violation.rule, violation.basis, violation.citation) == (
        "office_four_eyes", "office_policy", None)


def test_a_refused_approval_leaves_the_draft_under_review(submitted, drafter_and_supervisor):
    with pytest.raises(RuleViolation):
        t.request_approve(request_id=submitted.pk, actor=drafter_and_supervisor)
    submitted.refresh_from_db()
    assert submitted.state == "under_review"


def test_another_supervisor_approves_and_the_log_names_the_submitter(submitted,
                                                                    drafter_and_supervisor):
    approver = supervisor()
    t.request_approve(request_id=submitted.pk, actor=approver)
    entry = _approval(submitted)
    assert entry.actor == approver
    assert entry.details["submit_for_review_by"] == drafter_and_supervisor.pk
    assert entry.details["four_eyes"] is True


def test_an_office_that_switches_four_eyes_off_lets_the_submitter_approve(
        submitted, drafter_and_supervisor, settings):
    settings.MLA_FOUR_EYES = False
    t.request_approve(request_id=submitted.pk, actor=drafter_and_supervisor)
    entry = _approval(submitted)
    assert entry.actor == drafter_and_supervisor
    assert entry.details["submit_for_review_by"] == drafter_and_supervisor.pk
    assert entry.details["four_eyes"] is False


def test_the_last_submission_counts_after_a_return_for_revision(submitted,
                                                                drafter_and_supervisor):
    """Returned and resubmitted by a colleague: the colleague's submission is the one a second
    pair of eyes must check, so the first drafter may now approve."""
    t.request_return_for_revision(request_id=submitted.pk, actor=supervisor(),
                                  reason="Add the questions")
    t.request_submit_for_review(request_id=submitted.pk, actor=prosecutor())
    t.request_approve(request_id=submitted.pk, actor=drafter_and_supervisor)
    assert _approval(submitted).actor == drafter_and_supervisor


def test_the_options_show_the_submitter_why_approval_is_not_theirs(submitted,
                                                                   drafter_and_supervisor):
    options = {o.name: o for o in request_transition_options(request=submitted,
                                                             user=drafter_and_supervisor)}
    assert not options["approve"].allowed
    assert [v.rule for v in options["approve"].violations] == ["office_four_eyes"]


def test_the_options_let_another_supervisor_approve(submitted):
    options = {o.name: o for o in request_transition_options(request=submitted,
                                                             user=supervisor())}
    assert options["approve"].allowed
