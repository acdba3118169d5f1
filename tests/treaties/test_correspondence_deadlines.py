"""The office's reminders about letters (office policy, never a treaty term): a reply due to a
letter we sent, and a status inquiry after the office's period of silence on an outgoing
request. Pure: facts in, specifications out."""

from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest

from treaties.rulebook import get_rulebook
from treaties.rules.calendar import ALMATY
from treaties.rules.calendar import end_of_day
from treaties.rules.calendar import start_of_day
from treaties.rules.correspondence import letter_rule
from treaties.rules.deadlines import Basis
from treaties.rules.deadlines import DeadlineKind
from treaties.rules.deadlines import OfficePolicy
from treaties.rules.deadlines import Side
from treaties.rules.deadlines import compute_deadlines
from treaties.rules.deadlines import reply_due_deadlines
from treaties.rules.deadlines import status_inquiry_deadlines
from treaties.rules.facts import INCOMING
from treaties.rules.facts import OUTGOING
from treaties.rules.facts import LetterFacts
from treaties.rules.facts import RequestFacts

cz, rs, br = (get_rulebook(slug) for slug in ("kz-cz-2017", "kz-rs-2015", "kz-br-2018"))
SENT_DAY = date(2026, 3, 2)
TRANSMITTED = datetime(2026, 1, 10, 11, 0, tzinfo=ALMATY)
POLICY = OfficePolicy(status_inquiry_after_days=60)


def _asked(reply_due_on=date(2026, 4, 1)) -> LetterFacts:
    return LetterFacts("1", "sent", "additional_info", SENT_DAY, reply_due_on)


def _outgoing(*letters, state="transmitted") -> RequestFacts:
    return RequestFacts(direction=OUTGOING, transmitted_at=TRANSMITTED, state=state,
                        letters=tuple(letters))


def _kinds(specs):
    return [spec.kind for spec in specs]


# --- reply to our letter -------------------------------------------------------------------------
def test_a_letter_with_a_reply_date_gives_a_reply_row_due_at_the_end_of_that_day():
    [spec] = reply_due_deadlines(cz, RequestFacts(direction=INCOMING, letters=(_asked(),)))
    assert spec.kind == DeadlineKind.REPLY_DUE
    assert spec.due_at == end_of_day(date(2026, 4, 1))
    assert spec.basis == Basis.OFFICE_POLICY
    assert spec.responsible_side == Side.OTHER_SIDE
    assert spec.subject_key == "letter:1"
    assert spec.satisfied_at is None


def test_the_reply_row_is_cited_to_the_article_the_letter_was_sent_under():
    [spec] = reply_due_deadlines(cz, RequestFacts(direction=INCOMING, letters=(_asked(),)))
    assert str(spec.citation) == "kz-cz-2017 Art 9.2"


def test_where_no_article_governs_the_letter_the_row_cites_the_communication_article():
    [spec] = reply_due_deadlines(rs, RequestFacts(direction=INCOMING, letters=(_asked(),)))
    assert spec.citation == rs.communication.citation
    assert spec.basis == Basis.OFFICE_POLICY


def test_a_letter_without_a_reply_date_gives_no_reply_row():
    facts = RequestFacts(direction=INCOMING, letters=(_asked(reply_due_on=None),))
    assert reply_due_deadlines(cz, facts) == []


def test_the_first_reply_received_meets_the_reply_row():
    replies = (LetterFacts("2", "received", "reply", date(2026, 3, 20), in_reply_to="1"),
               LetterFacts("3", "received", "reply", date(2026, 3, 10), in_reply_to="1"))
    [spec] = reply_due_deadlines(cz, RequestFacts(direction=INCOMING,
                                                  letters=(_asked(), *replies)))
    assert spec.satisfied_at == start_of_day(date(2026, 3, 10))


def test_a_letter_received_that_answers_another_letter_does_not_meet_the_row():
    other = LetterFacts("2", "received", "reply", date(2026, 3, 10), in_reply_to="99")
    [spec] = reply_due_deadlines(cz, RequestFacts(direction=INCOMING, letters=(_asked(), other)))
    assert spec.satisfied_at is None


# --- status inquiry after a silence --------------------------------------------------------------
def test_a_transmitted_request_calls_for_a_status_inquiry_at_the_end_of_day_n_of_silence():
    [spec] = status_inquiry_deadlines(br, _outgoing(), POLICY)
    assert spec.kind == DeadlineKind.STATUS_INQUIRY_DUE
    # Day 1 of the silence is the day after the transmission; day 60 is 11 March.
    assert spec.due_at == end_of_day(date(2026, 1, 10) + timedelta(days=60))
    assert spec.basis == Basis.OFFICE_POLICY
    assert spec.responsible_side == Side.KAZAKHSTAN
    assert spec.responsible_role == "Clerk"


def test_the_status_inquiry_row_cites_the_duty_to_inform_on_progress_where_there_is_one():
    [spec] = status_inquiry_deadlines(br, _outgoing(), POLICY)
    assert str(spec.citation) == str(br.duty_for_event("progress_asked").citation)


def test_a_letter_from_the_other_side_starts_the_silence_again():
    news = LetterFacts("5", "received", "acknowledgement", date(2026, 2, 1))
    [spec] = status_inquiry_deadlines(br, _outgoing(news), POLICY)
    assert spec.due_at == end_of_day(date(2026, 2, 1) + timedelta(days=60))


def test_our_last_letter_starts_the_silence_again():
    ours = LetterFacts("5", "sent", "reply", date(2026, 2, 5))
    [spec] = status_inquiry_deadlines(br, _outgoing(ours), POLICY)
    assert spec.due_at == end_of_day(date(2026, 2, 5) + timedelta(days=60))


def test_sending_the_status_inquiry_meets_the_row():
    inquiry = LetterFacts("6", "sent", "status_inquiry", date(2026, 3, 11), date(2026, 4, 1))
    [spec] = status_inquiry_deadlines(br, _outgoing(inquiry), POLICY)
    assert spec.satisfied_at == start_of_day(date(2026, 3, 11))
    assert spec.due_at == end_of_day(date(2026, 3, 11))


def test_the_office_sets_the_period_of_silence():
    [spec] = status_inquiry_deadlines(br, _outgoing(), OfficePolicy(status_inquiry_after_days=30))
    assert spec.due_at == end_of_day(date(2026, 2, 9))


@pytest.mark.parametrize("state", ["drafting", "executed", "refused", "closed",
                                   "additional_info_requested"])
def test_no_status_inquiry_is_due_while_the_other_side_does_not_hold_the_request(state):
    assert status_inquiry_deadlines(br, _outgoing(state=state), POLICY) == []


def test_no_status_inquiry_is_due_on_a_request_we_received():
    facts = RequestFacts(direction=INCOMING, received_at=TRANSMITTED, state="in_execution")
    assert status_inquiry_deadlines(br, facts, POLICY) == []


def test_compute_deadlines_includes_both_reminders():
    kinds = _kinds(compute_deadlines(br, _outgoing(LetterFacts(
        "7", "sent", "status_inquiry", date(2026, 3, 11), date(2026, 4, 1))), POLICY))
    assert DeadlineKind.REPLY_DUE in kinds and DeadlineKind.STATUS_INQUIRY_DUE in kinds


# --- the article a letter is sent under ----------------------------------------------------------
@pytest.mark.parametrize(("slug", "kind", "article"), [
    ("kz-cz-2017", "additional_info", "Art 9.2"),
    ("kz-sk-2007", "additional_info", "Art 7.5"),
    ("kz-br-2018", "additional_info", "Art 22.4"),
    ("kz-cz-2017", "refusal_notice", "Art 9.5"),
])
def test_a_letter_is_sent_under_the_article_of_its_instrument(slug, kind, article):
    assert letter_rule(get_rulebook(slug), kind).citation.reference == article


@pytest.mark.parametrize("kind", ["acknowledgement", "reply", "other"])
def test_letters_no_article_governs_are_office_procedure(kind):
    assert letter_rule(cz, kind) is None


def test_rs_says_nothing_of_additional_information():
    assert letter_rule(rs, "additional_info") is None


def test_the_first_chase_of_a_missed_deadline_is_one_interval_after_its_due_time():
    from treaties.rules.deadlines import first_chase_at

    due = datetime(2026, 3, 16, 23, 59, tzinfo=ALMATY)
    assert first_chase_at(due, timedelta(days=7), due) == due + timedelta(days=7)
    assert first_chase_at(due, timedelta(days=7), due + timedelta(days=7)) == due + timedelta(
        days=14)


def test_a_chase_names_the_whole_intervals_passed_since_the_due_time():
    from treaties.rules.deadlines import plan_chase

    due = datetime(2026, 3, 16, 23, 59, tzinfo=ALMATY)
    plan = plan_chase(due, timedelta(days=7), due + timedelta(days=13, hours=23))
    assert (plan.reminder, plan.missed, plan.next_action_at) == (
        "overdue:168h", False, due + timedelta(days=14))
