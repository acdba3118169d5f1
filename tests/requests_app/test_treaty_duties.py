"""The notices and duties the treaties oblige, recorded on requests: opened by the engine with
the refusal, deferral, execution or failed service that obliges them, or recorded by hand;
fulfilled by the notice sent or received; each a deadline row citing its article (M1, M3, M5,
M13, M15, M18, M20, M23 of the treaty audit)."""

from datetime import date
from datetime import timedelta

import pytest

from requests_app.exceptions import ActionNotPermitted
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RequestNotFound
from requests_app.exceptions import RuleViolation
from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import DutyTrigger
from requests_app.models import ExecutionOutcome
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.models import TreatyDuty
from requests_app.services import duties
from requests_app.services import records
from requests_app.services import transitions as t
from requests_app.services.deadlines import instrument_deadlines_sync
from requests_app.services.deadlines import instrument_duty_mark_done
from tests.factories import AssistanceRequestFactory
from tests.factories import UserFactory
from tests.factories import answer_params
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import instrument
from tests.factories import prosecutor
from tests.factories import summoned_person
from tests.requests_app import _support
from tests.requests_app._support import NOW
from tests.requests_app._support import TODAY
from tests.requests_app._support import cited
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk


@pytest.fixture
def police_desk():
    """A clerk of kz-mvd, which executes the police-cooperation requests."""
    return clerk("kz-mvd")


def _row(request, kind):
    return Deadline.objects.get(request=request, kind=kind)


def _duty(request, code):
    return TreatyDuty.objects.get(request=request, rule_code=code)


def _notice(duty, actor, at=None, channel="post", **kw):
    return duties.duty_record_notice(actor=actor, duty_id=duty.pk, fulfilled_at=at,
                                     channel=channel, **kw)


def _consult(request, actor, subject):
    records.consultation_record(actor=actor, request_id=request.pk, subject=subject,
                                held_on=TODAY, counterpart="Central authority",
                                summary="Discussed")


# --- M1: refusal, partial execution, deferral ---------------------------------------------------
def test_cz_refusal_opens_the_written_notice_due_in_24_hours_as_office_policy_citing_art_9_5(
        police_desk):
    request = incoming_request("kz-cz-2017")

    t.request_refuse(request_id=request.pk, actor=police_desk, ground="refusal_sovereignty_security_interests",
                     reasons="Would endanger national security")

    duty = _duty(request, "duty_notice_of_refusal")
    assert (duty.citation, duty.trigger, duty.owed_by, duty.trigger_note) == (
        "kz-cz-2017 Art 9.5", DutyTrigger.AUTOMATIC, "kazakhstan",
        "Would endanger national security")
    row = _row(request, "notice_of_refusal")
    assert (row.due_at, row.basis, row.citation, row.responsible_side, row.subject_key) == (
        NOW + timedelta(hours=24), "office_policy", "kz-cz-2017 Art 9.5", "kazakhstan",
        f"duty:{duty.pk}")


def test_the_refusal_log_entry_names_the_notice_it_obliges(police_desk):
    request = incoming_request("kz-cz-2017")
    t.request_refuse(request_id=request.pk, actor=police_desk,
                     ground="refusal_sovereignty_security_interests", reasons="Security")
    entry = TransitionLog.objects.filter(request=request, action="refuse").get()
    assert entry.details["duties"] == ["duty_notice_of_refusal (kz-cz-2017 Art 9.5)"]


@pytest.mark.parametrize(("hours", "status"), [(23, DeadlineStatus.MET),
                                               (25, DeadlineStatus.MISSED)])
def test_cz_refusal_notice_sent_at_hour_23_is_met_and_at_hour_25_missed(
        police_desk, traveller, hours, status):
    request = incoming_request("kz-cz-2017")
    t.request_refuse(request_id=request.pk, actor=police_desk,
                     ground="refusal_sovereignty_security_interests", reasons="Security")
    traveller.shift(timedelta(hours=hours))

    _notice(_duty(request, "duty_notice_of_refusal"), police_desk, our_reference="MVD-1/26")

    assert _row(request, "notice_of_refusal").status == status


def test_cz_refusal_notice_given_orally_is_refused_citing_art_9_5(police_desk):
    request = incoming_request("kz-cz-2017")
    t.request_refuse(request_id=request.pk, actor=police_desk,
                     ground="refusal_sovereignty_security_interests", reasons="Security")

    with pytest.raises(RuleViolation) as exc:
        _notice(_duty(request, "duty_notice_of_refusal"), police_desk, channel="oral")

    assert cited(exc) == ("duty_notice_of_refusal", "Art 9.5", "channel")
    assert _duty(request, "duty_notice_of_refusal").fulfilled_at is None


def test_a_notice_without_its_channel_is_refused_naming_the_field(police_desk):
    request = incoming_request("kz-cz-2017")
    t.request_refuse(request_id=request.pk, actor=police_desk,
                     ground="refusal_sovereignty_security_interests", reasons="Security")
    with pytest.raises(InvalidInput) as exc:
        _notice(_duty(request, "duty_notice_of_refusal"), police_desk, channel="")
    assert set(exc.value.errors) == {"channel"}


def test_cz_partial_execution_opens_the_written_notice_citing_art_9_5(police_desk):
    request = incoming_request("kz-cz-2017")

    t.request_record_execution(request_id=request.pk, actor=police_desk,
                               outcome=ExecutionOutcome.PARTIAL, reasons="One bank did not answer")

    duty = _duty(request, "duty_notice_of_partial_execution")
    assert (duty.citation, _row(request, "notice_of_partial_execution").basis) == (
        "kz-cz-2017 Art 9.5", "office_policy")


def test_sk_full_execution_opens_no_notice(police_desk):
    request = incoming_request("kz-sk-2007")
    t.request_record_execution(request_id=request.pk, actor=police_desk)
    assert not TreatyDuty.objects.filter(request=request).exists()


def test_rs_deferral_opens_the_notice_of_its_reasons_with_the_office_30_day_target_citing_art_6_4(
        desk):
    request = incoming_request("kz-rs-2015")
    records.decision_record_partial_or_conditional_considered(
        actor=desk, request_id=request.pk, reasons="Documents are needed whole", decided_on=TODAY)

    t.request_defer(request_id=request.pk, actor=desk,
                    ground="deferral_interferes_with_proceedings", reasons="Our own trial")

    row = _row(request, "notice_of_deferral")
    assert (row.citation, row.basis, row.due_at) == (
        "kz-rs-2015 Art 6.4", "office_policy", end_of_day(TODAY + timedelta(days=30)))


def test_br_refusal_opens_the_notice_of_its_reasons_citing_art_3_4(desk):
    request = incoming_request("kz-br-2018")
    _consult(request, desk, "refusal")
    t.request_refuse(request_id=request.pk, actor=desk, ground="refusal_political_offence",
                     reasons="Political offence")
    assert _row(request, "notice_of_refusal").citation == "kz-br-2018 Art 3.4"


def test_recording_the_other_sides_refusal_on_an_outgoing_request_opens_no_notice_for_us(desk):
    request = AssistanceRequestFactory(instrument_slug="kz-cz-2017",
                                       state=RequestState.TRANSMITTED)
    t.request_refuse(request_id=request.pk, actor=desk, ground="refusal_sovereignty_security_interests",
                     reasons="They cite security")
    assert not TreatyDuty.objects.filter(request=request).exists()


# --- M3: results, obstacles, non-service, progress ----------------------------------------------
def test_br_execution_opens_the_results_notice_citing_art_24_9_and_transmitting_results_meets_it(
        desk, traveller):
    request = incoming_request("kz-br-2018")
    t.request_record_execution(request_id=request.pk, actor=desk)
    assert _row(request, "notice_of_results").status == DeadlineStatus.OPEN
    traveller.shift(timedelta(hours=5))

    t.request_transition(request_id=request.pk, actor=desk, name="transmit_results",
                         params=answer_params(request))

    row = _row(request, "notice_of_results")
    assert (row.status, row.citation, row.met_at) == (
        DeadlineStatus.MET, "kz-br-2018 Art 24.9", NOW + timedelta(hours=5))


def test_br_obstacle_recorded_by_hand_opens_the_notice_due_without_delay_citing_art_24_8(desk):
    request = incoming_request("kz-br-2018")

    duty = duties.duty_record_event(actor=desk, request_id=request.pk,
                                    rule_code="duty_notice_of_obstacle",
                                    note="The witness has died")

    assert (duty.trigger, duty.owed_by) == (DutyTrigger.BY_HAND, "kazakhstan")
    row = _row(request, "notice_of_obstacle")
    assert (row.due_at, row.citation, row.basis) == (
        NOW + timedelta(hours=24), "kz-br-2018 Art 24.8", "office_policy")
    entry = TransitionLog.objects.filter(request=request, action="duty_triggered").get()
    assert entry.citation == "kz-br-2018 Art 24.8"


def test_br_progress_asked_by_us_is_tracked_as_the_brazilian_sides_duty_citing_art_24_7(desk):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018",
                                       state=RequestState.TRANSMITTED)
    duties.duty_record_event(actor=desk, request_id=request.pk,
                             rule_code="duty_progress_information", note="Asked by e-mail")
    row = _row(request, "progress_information")
    assert (row.responsible_side, row.citation) == ("other_side", "kz-br-2018 Art 24.7")


def test_rs_failed_service_on_an_incoming_request_opens_the_non_service_notice_citing_art_8_2(
        desk):
    request = incoming_request("kz-rs-2015")

    records.service_proof_record(actor=desk, request_id=request.pk,
                                 not_served_reason="No one at the address")

    duty = _duty(request, "duty_notice_of_non_service")
    assert (duty.trigger_note, duty.citation) == ("No one at the address", "kz-rs-2015 Art 8.2")
    assert _row(request, "notice_of_non_service").due_at == NOW + timedelta(hours=24)
    entry = TransitionLog.objects.filter(request=request, action="service_proof_recorded").get()
    assert entry.citation == "kz-rs-2015 Art 8.2"


def test_rs_successful_service_opens_no_notice(desk):
    request = incoming_request("kz-rs-2015")
    records.service_proof_record(actor=desk, request_id=request.pk, served_at=NOW,
                                 place="Almaty, Abay Ave 1", manner="in person",
                                 received_by="Petar Petrović", signed_and_sealed=True)
    assert not TreatyDuty.objects.filter(request=request).exists()


# --- M5: confidentiality --------------------------------------------------------------------
def test_rs_confidentiality_that_cannot_be_kept_is_told_without_delay_citing_art_7_1(desk):
    request = incoming_request("kz-rs-2015")
    duties.duty_record_event(actor=desk, request_id=request.pk,
                             rule_code="duty_notice_confidentiality_impossible")
    row = _row(request, "confidentiality_notice")
    assert (row.citation, row.due_at) == ("kz-rs-2015 Art 7.1", NOW + timedelta(hours=24))


def test_br_confidentiality_consultation_has_the_office_30_day_target_citing_art_5_1(desk):
    request = incoming_request("kz-br-2018")
    duties.duty_record_event(actor=desk, request_id=request.pk,
                             rule_code="duty_consultation_confidentiality_impossible")
    row = _row(request, "confidentiality_notice")
    assert (row.citation, row.basis) == ("kz-br-2018 Art 5.1", "office_policy")


# --- M15: safe conduct ------------------------------------------------------------------------
@pytest.mark.parametrize(("days", "status"), [(15, DeadlineStatus.MET),
                                              (16, DeadlineStatus.MISSED)])
def test_rs_safe_conduct_person_leaving_on_day_15_is_in_time_and_on_day_16_not_citing_art_9_2(
        desk, traveller, days, status):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015",
                                       state=RequestState.TRANSMITTED)
    summoned_person(request, TODAY)
    duty = duties.duty_record_event(actor=desk, request_id=request.pk,
                                    rule_code="duty_safe_conduct_ends",
                                    note="Witness told in writing")
    assert _row(request, "safe_conduct_ends").due_at == end_of_day(TODAY + timedelta(days=15))
    traveller.shift(timedelta(days=days))

    duties.duty_record_notice(actor=desk, duty_id=duty.pk, notice_text="Left by air")

    row = _row(request, "safe_conduct_ends")
    assert (row.status, row.citation, row.basis) == (status, "kz-rs-2015 Art 9.2(a)", "treaty")


def test_br_safe_conduct_is_15_days_from_the_notice_citing_art_10_2(desk):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018",
                                       state=RequestState.TRANSMITTED)
    duties.duty_record_event(actor=desk, request_id=request.pk,
                             rule_code="duty_safe_conduct_ends",
                             occurred_at=NOW - timedelta(days=2))
    row = _row(request, "safe_conduct_ends")
    assert (row.due_at, row.citation) == (end_of_day(TODAY + timedelta(days=13)),
                                          "kz-br-2018 Art 10.2(a)")


# --- M18: BR 7.2, 8.3, 15.3, 18.3(b), 27.4 ------------------------------------------------------
@pytest.mark.parametrize(("code", "kind", "article"), [
    ("duty_advance_notice_of_date_and_place", "advance_notice_of_date_and_place", "Art 7.2"),
    ("duty_notice_of_invitation_answer", "notice_of_invitation_answer", "Art 8.3"),
    ("duty_notice_of_action_taken", "notice_of_action_taken", "Art 15.3"),
    ("duty_notice_of_asset_sharing_outcome", "notice_of_asset_sharing_outcome", "Art 18.3(b)"),
    ("duty_consultation_on_extra_costs", "consultation_on_extra_costs", "Art 27.4"),
])
def test_br_duty_recorded_on_an_incoming_request_is_kazakhstans_with_its_article(
        desk, code, kind, article):
    request = incoming_request("kz-br-2018")
    duties.duty_record_event(actor=desk, request_id=request.pk, rule_code=code)
    row = _row(request, kind)
    assert (row.citation, row.responsible_side) == (f"kz-br-2018 {article}", "kazakhstan")


# --- recording by hand: what is refused -----------------------------------------------------------
def test_an_event_the_engine_records_itself_cannot_be_recorded_by_hand(desk):
    request = incoming_request("kz-br-2018")
    with pytest.raises(InvalidInput) as exc:
        duties.duty_record_event(actor=desk, request_id=request.pk,
                                 rule_code="duty_notice_of_refusal")
    assert set(exc.value.errors) == {"rule_code"}


def test_a_duty_of_another_instrument_cannot_be_recorded(desk):
    request = incoming_request("kz-cz-2017")
    with pytest.raises(InvalidInput) as exc:
        duties.duty_record_event(actor=clerk("kz-mvd"), request_id=request.pk,
                                 rule_code="duty_notice_of_obstacle")
    assert set(exc.value.errors) == {"rule_code"}


def test_an_event_in_the_future_is_refused(desk):
    request = incoming_request("kz-br-2018")
    with pytest.raises(InvalidInput) as exc:
        duties.duty_record_event(actor=desk, request_id=request.pk,
                                 rule_code="duty_notice_of_obstacle",
                                 occurred_at=NOW + timedelta(hours=1))
    assert set(exc.value.errors) == {"occurred_at"}


def test_a_notice_before_its_event_is_refused(desk):
    request = incoming_request("kz-br-2018")
    duty = duties.duty_record_event(actor=desk, request_id=request.pk,
                                    rule_code="duty_notice_of_obstacle")
    with pytest.raises(InvalidInput) as exc:
        _notice(duty, desk, at=NOW - timedelta(hours=1))
    assert set(exc.value.errors) == {"fulfilled_at"}


def test_a_notice_already_recorded_cannot_be_recorded_again(desk):
    request = incoming_request("kz-br-2018")
    duty = duties.duty_record_event(actor=desk, request_id=request.pk,
                                    rule_code="duty_notice_of_obstacle")
    _notice(duty, desk)
    with pytest.raises(InvalidInput):
        _notice(duty, desk)


def test_a_user_without_a_role_cannot_record_an_event_on_a_request_they_cannot_see():
    request = incoming_request("kz-br-2018")
    with pytest.raises(RequestNotFound):
        duties.duty_record_event(actor=UserFactory(office="kz-gpo"), request_id=request.pk,
                                 rule_code="duty_notice_of_obstacle")


def test_a_notice_owed_stays_owed_and_recordable_after_the_request_is_closed(police_desk):
    request = incoming_request("kz-cz-2017")
    t.request_refuse(request_id=request.pk, actor=police_desk,
                     ground="refusal_sovereignty_security_interests", reasons="Security")
    t.request_close(request_id=request.pk, actor=police_desk)
    assert _row(request, "notice_of_refusal").status == DeadlineStatus.OPEN

    _notice(_duty(request, "duty_notice_of_refusal"), police_desk)

    assert _row(request, "notice_of_refusal").status == DeadlineStatus.MET


def test_recording_the_notice_logs_the_duty_citation_and_bumps_the_version(desk):
    request = incoming_request("kz-br-2018")
    duty = duties.duty_record_event(actor=desk, request_id=request.pk,
                                    rule_code="duty_notice_of_obstacle")
    before = AssistanceRequest.objects.get(pk=request.pk).version
    _notice(duty, desk, channel="electronic", our_reference="GPO-77", their_reference="MJ-5")
    assert AssistanceRequest.objects.get(pk=request.pk).version == before + 1
    entry = TransitionLog.objects.filter(request=request, action="duty_notice_recorded").get()
    assert entry.citation == "kz-br-2018 Art 24.8"


# --- M13: RS 3.4 original of an incoming request ------------------------------------------------
def test_rs_incoming_electronic_request_tracks_the_serbian_original_citing_art_3_4(desk):
    request = incoming_request("kz-rs-2015", channel="electronic")
    records.original_record(actor=desk, request_id=request.pk, dispatched_on=TODAY,
                            dispatch_channel="post")
    row = _row(request, "original_by_post")
    assert (row.responsible_side, row.citation, row.status) == (
        "other_side", "kz-rs-2015 Art 3.4", DeadlineStatus.MET)


# --- M23: BR 18.2 agreed exception ------------------------------------------------------------
def _confiscated(**kw):
    return AssistanceRequestFactory(instrument_slug="kz-br-2018", state=RequestState.TRANSMITTED,
                                    final_confiscation_effective_on=date(2026, 1, 10), **kw)


def test_br_agreed_exception_moves_the_asset_sharing_deadline_citing_art_18_2(desk):
    request = _confiscated()

    duties.asset_sharing_term_extend(actor=desk, request_id=request.pk,
                                     extended_to=date(2027, 6, 30), agreed_on=TODAY,
                                     agreement="Brazilian MoJ, note 12/2026")

    row = _row(request, "asset_sharing_request")
    assert (row.due_at, row.citation) == (end_of_day(date(2027, 6, 30)), "kz-br-2018 Art 18.2")
    fresh = AssistanceRequest.objects.get(pk=request.pk)
    assert fresh.asset_sharing_extension_agreement == "Brazilian MoJ, note 12/2026"
    entry = TransitionLog.objects.filter(request=request,
                                         action="asset_sharing_term_extended").get()
    assert entry.citation == "kz-br-2018 Art 18.2"


def test_br_agreed_exception_needs_who_agreed(desk):
    with pytest.raises(InvalidInput) as exc:
        duties.asset_sharing_term_extend(actor=desk, request_id=_confiscated().pk,
                                         extended_to=date(2027, 6, 30), agreed_on=TODAY,
                                         agreement=" ")
    assert set(exc.value.errors) == {"agreement"}


def test_br_agreed_date_before_the_confiscation_is_refused(desk):
    with pytest.raises(InvalidInput) as exc:
        duties.asset_sharing_term_extend(actor=desk, request_id=_confiscated().pk,
                                         extended_to=date(2026, 1, 1), agreed_on=TODAY,
                                         agreement="MoJ")
    assert set(exc.value.errors) == {"extended_to"}


def test_an_asset_sharing_exception_needs_an_instrument_with_the_term(desk):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015",
                                       state=RequestState.TRANSMITTED,
                                       final_confiscation_effective_on=date(2026, 1, 10))
    with pytest.raises(InvalidInput):
        duties.asset_sharing_term_extend(actor=desk, request_id=request.pk,
                                         extended_to=date(2027, 6, 30), agreed_on=TODAY,
                                         agreement="MoJ")


# --- M20: RS 18 the other side's report -----------------------------------------------------------
def test_rs_receipt_of_the_serbian_six_monthly_report_is_tracked_and_marked_done_citing_art_18():
    rs = instrument("kz-rs-2015")
    instrument_deadlines_sync(instrument=rs, now=NOW)
    row = Deadline.objects.get(instrument=rs, request__isnull=True,
                               kind="conviction_report_receipt")
    assert (row.responsible_side, row.citation) == ("other_side", "kz-rs-2015 Art 18")

    row = instrument_duty_mark_done(actor=clerk(), deadline_id=row.pk, done_at=NOW,
                                    note="Serbian report received")

    assert row.status == DeadlineStatus.MET


def test_prosecutors_cannot_mark_the_receipt_done():
    rs = instrument("kz-rs-2015")
    instrument_deadlines_sync(instrument=rs, now=NOW)
    row = Deadline.objects.get(instrument=rs, kind="conviction_report_receipt")
    with pytest.raises(ActionNotPermitted):
        instrument_duty_mark_done(actor=prosecutor(), deadline_id=row.pk, done_at=NOW)
