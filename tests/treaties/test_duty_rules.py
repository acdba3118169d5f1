"""The notices and duties the treaties oblige once an event happens (``DutyRule``), read as data
and turned into deadline specifications by ``duty_deadlines``: who owes each on which request,
when it falls due (the text's days, or the office-policy target where the text says
"immediately" or sets no time) and at its boundaries."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from treaties.rulebook import get_rulebook
from treaties.rulebook.schema import DutyEvent
from treaties.rules.calendar import end_of_day
from treaties.rules.calendar import start_of_day
from treaties.rules.deadlines import DEADLINE_LABELS
from treaties.rules.deadlines import DEFAULT_REMINDER_LEADS
from treaties.rules.deadlines import DUTY_DEADLINE_KINDS
from treaties.rules.deadlines import OUTLIVE_THE_REQUEST
from treaties.rules.deadlines import Basis
from treaties.rules.deadlines import DeadlineKind
from treaties.rules.deadlines import OfficePolicy
from treaties.rules.deadlines import Side
from treaties.rules.deadlines import asset_sharing_deadlines
from treaties.rules.deadlines import compute_deadlines
from treaties.rules.deadlines import duty_deadlines
from treaties.rules.deadlines import instrument_deadlines
from treaties.rules.deadlines import original_deadlines
from treaties.rules.facts import DutyFacts
from treaties.rules.facts import OriginalFacts
from treaties.rules.facts import RequestFacts
from treaties.rules.lifecycle import InstrumentDates

ALMATY = ZoneInfo("Asia/Almaty")
EVENT_AT = datetime(2026, 3, 2, 10, 0, tzinfo=ALMATY)
POLICY = OfficePolicy()
SLUGS = ("kz-cz-2017", "kz-sk-2007", "kz-rs-2015", "kz-br-2018")

# Every duty the texts set, by instrument: (code, article reference, event).
DECLARED = {
    "kz-cz-2017": {("duty_notice_of_refusal", "Art 9.5", DutyEvent.REFUSAL),
                   ("duty_notice_of_partial_execution", "Art 9.5",
                    DutyEvent.PARTIAL_EXECUTION)},
    "kz-sk-2007": {("duty_notice_of_refusal", "Art 7.7", DutyEvent.REFUSAL),
                   ("duty_notice_of_partial_execution", "Art 7.7",
                    DutyEvent.PARTIAL_EXECUTION)},
    "kz-rs-2015": {("duty_notice_of_refusal", "Art 5.4", DutyEvent.REFUSAL),
                   ("duty_notice_of_deferral", "Art 6.4", DutyEvent.DEFERRAL),
                   ("duty_notice_of_non_service", "Art 8.2", DutyEvent.NON_SERVICE),
                   ("duty_notice_confidentiality_impossible", "Art 7.1",
                    DutyEvent.CONFIDENTIALITY_IMPOSSIBLE),
                   ("duty_safe_conduct_ends", "Art 9.2(a)",
                    DutyEvent.PRESENCE_NO_LONGER_NEEDED)},
    "kz-br-2018": {("duty_notice_of_refusal", "Art 3.4", DutyEvent.REFUSAL),
                   ("duty_notice_of_deferral", "Art 3.4", DutyEvent.DEFERRAL),
                   ("duty_consultation_confidentiality_impossible", "Art 5.1",
                    DutyEvent.CONFIDENTIALITY_IMPOSSIBLE),
                   ("duty_notice_of_disclosure", "Art 5.4", DutyEvent.DISCLOSURE_REQUIRED),
                   ("duty_advance_notice_of_date_and_place", "Art 7.2",
                    DutyEvent.ADVANCE_NOTICE_ASKED),
                   ("duty_notice_of_invitation_answer", "Art 8.3",
                    DutyEvent.INVITATION_ANSWERED),
                   ("duty_safe_conduct_ends", "Art 10.2(a)",
                    DutyEvent.PRESENCE_NO_LONGER_NEEDED),
                   ("duty_notice_of_action_taken", "Art 15.3", DutyEvent.INFORMATION_ACTED_ON),
                   ("duty_notice_of_asset_sharing_outcome", "Art 18.3(b)",
                    DutyEvent.ASSET_SHARING_DECIDED),
                   ("duty_progress_information", "Art 24.7", DutyEvent.PROGRESS_ASKED),
                   ("duty_notice_of_obstacle", "Art 24.8", DutyEvent.OBSTACLE),
                   ("duty_notice_of_results", "Art 24.9", DutyEvent.EXECUTION_FINISHED),
                   ("duty_consultation_on_extra_costs", "Art 27.4",
                    DutyEvent.EXTRA_COSTS_ANNOUNCED)},
}


def _facts(direction="incoming", code="duty_notice_of_refusal", fulfilled_at=None, **kw):
    return RequestFacts(direction=direction, duties=(
        DutyFacts("1", code, EVENT_AT, fulfilled_at),), **kw)


def _spec(slug, **kw):
    (spec,) = duty_deadlines(get_rulebook(slug), _facts(**kw), POLICY)
    return spec


# --- declared as data ------------------------------------------------------------------------
@pytest.mark.parametrize("slug", SLUGS)
def test_each_rulebook_declares_the_duties_its_text_sets_with_their_articles(slug):
    declared = {(d.code, d.citation.reference, d.event) for d in get_rulebook(slug).duties}
    assert declared == DECLARED[slug]


@pytest.mark.parametrize("slug", SLUGS)
def test_duties_are_yielded_by_rules_for_display_and_integrity_checks(slug):
    book = get_rulebook(slug)
    assert set(book.duties) <= set(book.rules())


@pytest.mark.parametrize("slug", SLUGS)
def test_no_rulebook_declares_two_duties_for_one_event(slug):
    events = [d.event for d in get_rulebook(slug).duties]
    assert len(events) == len(set(events))


def test_only_cz_9_5_wants_its_notices_in_writing():
    written = {(slug, d.code) for slug in SLUGS for d in get_rulebook(slug).duties if d.in_writing}
    assert written == {("kz-cz-2017", "duty_notice_of_refusal"),
                       ("kz-cz-2017", "duty_notice_of_partial_execution")}


def test_every_duty_event_has_a_deadline_kind_with_a_label_reminders_and_outlives_the_request():
    for event in DutyEvent:
        kind = DUTY_DEADLINE_KINDS[event]
        assert kind in DEADLINE_LABELS and DEFAULT_REMINDER_LEADS[kind]
        assert kind in OUTLIVE_THE_REQUEST


# --- who owes it ----------------------------------------------------------------------------
def test_the_requested_sides_notice_falls_on_kazakhstan_on_an_incoming_request():
    spec = _spec("kz-cz-2017", direction="incoming")
    assert (spec.responsible_side, spec.responsible_role) == (Side.KAZAKHSTAN, "Clerk")


def test_the_requested_sides_notice_is_tracked_as_the_other_sides_on_an_outgoing_request():
    spec = _spec("kz-cz-2017", direction="outgoing")
    assert (spec.responsible_side, spec.responsible_role) == (Side.OTHER_SIDE, "")


def test_br_disclosure_notice_falls_on_kazakhstan_as_requesting_side_citing_art_5_4():
    spec = _spec("kz-br-2018", direction="outgoing", code="duty_notice_of_disclosure")
    assert (spec.responsible_side, spec.citation.reference) == (Side.KAZAKHSTAN, "Art 5.4")


@pytest.mark.parametrize("direction", ["incoming", "outgoing"])
def test_br_extra_costs_consultation_is_ours_whichever_the_direction_citing_art_27_4(direction):
    spec = _spec("kz-br-2018", direction=direction, code="duty_consultation_on_extra_costs")
    assert (spec.responsible_side, spec.citation.reference) == (Side.KAZAKHSTAN, "Art 27.4")


# --- when it falls due ----------------------------------------------------------------------
def test_cz_refusal_notice_is_due_24_hours_after_the_refusal_as_office_policy_citing_art_9_5():
    spec = _spec("kz-cz-2017")
    assert (spec.kind, spec.due_at, spec.basis, str(spec.citation)) == (
        DeadlineKind.NOTICE_OF_REFUSAL, EVENT_AT + timedelta(hours=24), Basis.OFFICE_POLICY,
        "kz-cz-2017 Art 9.5")


@pytest.mark.parametrize(("hours", "in_time"), [(23, True), (24, True), (25, False)])
def test_cz_refusal_notice_sent_at_hour_23_or_24_is_in_time_and_at_hour_25_late(hours, in_time):
    spec = _spec("kz-cz-2017", fulfilled_at=EVENT_AT + timedelta(hours=hours))
    assert (spec.satisfied_at <= spec.due_at) is in_time


def test_the_notice_target_hours_follow_the_office_policy_setting():
    (spec,) = duty_deadlines(get_rulebook("kz-sk-2007"), _facts(),
                             OfficePolicy(notice_target_hours=12))
    assert spec.due_at == EVENT_AT + timedelta(hours=12)


def test_br_results_notice_is_due_without_delay_as_office_policy_citing_art_24_9():
    spec = _spec("kz-br-2018", code="duty_notice_of_results")
    assert (spec.kind, spec.basis, spec.citation.reference, spec.due_at) == (
        DeadlineKind.NOTICE_OF_RESULTS, Basis.OFFICE_POLICY, "Art 24.9",
        EVENT_AT + timedelta(hours=24))


def test_rs_refusal_reasons_have_no_term_in_the_text_so_the_office_gives_30_days_citing_art_5_4():
    spec = _spec("kz-rs-2015")
    assert (spec.due_at, spec.basis, spec.citation.reference) == (
        end_of_day(date(2026, 4, 1)), Basis.OFFICE_POLICY, "Art 5.4")


@pytest.mark.parametrize(("slug", "article"), [("kz-rs-2015", "Art 9.2(a)"),
                                                ("kz-br-2018", "Art 10.2(a)")])
def test_safe_conduct_ends_at_the_end_of_the_15th_day_after_the_notice(slug, article):
    spec = _spec(slug, direction="outgoing", code="duty_safe_conduct_ends")
    assert (spec.kind, spec.due_at, spec.basis, spec.citation.reference,
            spec.responsible_side) == (DeadlineKind.SAFE_CONDUCT_ENDS, end_of_day(date(2026, 3, 17)),
                                       Basis.TREATY, article, Side.KAZAKHSTAN)


@pytest.mark.parametrize(("left_on", "in_time"), [(date(2026, 3, 17), True),
                                                  (date(2026, 3, 18), False)])
def test_rs_safe_conduct_person_leaving_on_day_15_is_in_time_and_on_day_16_late(left_on, in_time):
    spec = _spec("kz-rs-2015", direction="outgoing", code="duty_safe_conduct_ends",
                 fulfilled_at=start_of_day(left_on) + timedelta(hours=9))
    assert (spec.satisfied_at <= spec.due_at) is in_time


def test_a_duty_whose_rule_the_rulebook_no_longer_declares_produces_no_row():
    assert duty_deadlines(get_rulebook("kz-cz-2017"), _facts(code="retired"), POLICY) == []


def test_duty_rows_are_part_of_the_computed_deadlines():
    kinds = {s.kind for s in compute_deadlines(get_rulebook("kz-cz-2017"), _facts())}
    assert DeadlineKind.NOTICE_OF_REFUSAL in kinds


# --- RS 3.4 original of an incoming request (M13) ---------------------------------------------
def _rs_incoming(*originals):
    return RequestFacts(direction="incoming", channel="electronic", received_at=EVENT_AT,
                        originals=originals)


def test_rs_incoming_electronic_request_tracks_the_serbian_original_citing_art_3_4():
    (spec,) = original_deadlines(get_rulebook("kz-rs-2015"), _rs_incoming())
    assert (spec.kind, spec.due_at, spec.responsible_side, spec.citation.reference) == (
        DeadlineKind.ORIGINAL_BY_POST, end_of_day(date(2026, 3, 2)), Side.OTHER_SIDE, "Art 3.4")


@pytest.mark.parametrize(("posted_on", "in_time"), [(date(2026, 3, 2), True),
                                                    (date(2026, 3, 3), False)])
def test_rs_incoming_original_posted_the_day_the_copy_came_is_in_time_the_next_day_late(
        posted_on, in_time):
    (spec,) = original_deadlines(get_rulebook("kz-rs-2015"), _rs_incoming(
        OriginalFacts("1", dispatched_on=posted_on, dispatch_channel="post")))
    assert (spec.satisfied_at <= spec.due_at) is in_time


def test_rs_incoming_original_received_without_a_postmark_closes_the_row_without_a_verdict():
    (spec,) = original_deadlines(get_rulebook("kz-rs-2015"), _rs_incoming(
        OriginalFacts("1", received_on=date(2026, 3, 9))))
    assert spec.waived_reason and spec.satisfied_at is None


def test_rs_incoming_request_by_post_needs_no_original_row():
    facts = RequestFacts(direction="incoming", channel="post", received_at=EVENT_AT)
    assert original_deadlines(get_rulebook("kz-rs-2015"), facts) == []


# --- BR 18.2 agreed exception (M23) -----------------------------------------------------------
def test_br_asset_sharing_term_is_one_year_without_an_agreement_citing_art_18_2():
    facts = RequestFacts(direction="outgoing", final_confiscation_effective_on=date(2026, 1, 10))
    (spec,) = asset_sharing_deadlines(get_rulebook("kz-br-2018"), facts)
    assert (spec.due_at, spec.citation.reference) == (end_of_day(date(2027, 1, 10)), "Art 18.2")


def test_br_asset_sharing_term_moves_to_the_date_agreed_in_an_exceptional_case_citing_art_18_2():
    facts = RequestFacts(direction="outgoing", final_confiscation_effective_on=date(2026, 1, 10),
                         asset_sharing_term_extended_to=date(2027, 6, 30))
    (spec,) = asset_sharing_deadlines(get_rulebook("kz-br-2018"), facts)
    assert (spec.due_at, spec.basis, spec.citation.reference) == (
        end_of_day(date(2027, 6, 30)), Basis.TREATY, "Art 18.2")


# --- RS 18 the other side's six-monthly report (M20) ------------------------------------------
def test_rs_18_tracks_the_arrival_of_the_other_sides_six_monthly_report():
    dates = InstrumentDates(entered_into_force_on=date(2016, 12, 1))
    specs = {s.kind: s for s in instrument_deadlines(get_rulebook("kz-rs-2015"), dates,
                                                     date(2026, 3, 2))}
    theirs = specs[DeadlineKind.CONVICTION_REPORT_RECEIPT]
    assert (theirs.due_at, theirs.responsible_side, theirs.citation.reference) == (
        end_of_day(date(2026, 6, 1)), Side.OTHER_SIDE, "Art 18")
    assert specs[DeadlineKind.CONVICTION_REPORT].responsible_side == Side.KAZAKHSTAN
