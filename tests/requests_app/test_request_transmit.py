"""The outgoing path up to transmission: summons lead times, originals, contents, translations,
the requested execution date, and urgent oral requests with their written confirmation."""

from datetime import timedelta

import pytest

from requests_app.exceptions import ActionNotPermitted
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RuleViolation
from requests_app.exceptions import TransitionNotAvailable
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import PersonRole
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from requests_app.services.requests import person_add
from requests_app.services.requests import person_set_appearance_date
from requests_app.services.requests import request_record_shorter_summons_term
from tests.factories import AssistanceRequestFactory
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.requests_app import _support
from tests.requests_app._support import NOW
from tests.requests_app._support import TODAY
from tests.requests_app._support import cited
from tests.requests_app._support import fresh
from tests.requests_app._support import only_violation
from tests.requests_app._support import rules_of
from tests.requests_app._support import to_ready
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk
author = _support.author
boss = _support.boss


def _with_summons(request, actor, days_ahead):
    return person_add(actor=actor, request_id=request.pk, role=PersonRole.TO_SERVE,
                      full_name="Petar Petrović", appearance_date=TODAY + timedelta(days=days_ahead))


def _transmission_blocked(request, actor):
    """Transmit ``request`` as ``actor``, which a rule must block: the RuleViolation raised."""
    with pytest.raises(RuleViolation) as exc:
        t.request_transmit(request_id=request.pk, actor=actor)
    return exc


def _ready(author, boss, *, slug="kz-rs-2015", summons_in=None, **fields):
    request = AssistanceRequestFactory(instrument_slug=slug, created_by=author, **fields)
    if summons_in is not None:
        _with_summons(request, author, summons_in)
    to_ready(request, author, boss)
    return request


# --- summons lead time ----------------------------------------------------------------------------
def test_rs_summons_59_days_ahead_blocks_transmission_citing_rs_art_8_3(author, boss, desk):
    request = _ready(author, boss, summons_in=59)

    exc = _transmission_blocked(request, desk)

    violation = only_violation(exc)
    assert violation.rule == "summons_lead_time"
    assert violation.citation.instrument == "kz-rs-2015"
    assert violation.citation.reference == "Art 8.3"
    assert violation.field == "appearance_date"
    assert fresh(request).state == RequestState.READY


@pytest.mark.parametrize("days_ahead", [60, 61])
def test_rs_summons_60_or_more_days_ahead_may_be_transmitted(author, boss, desk, days_ahead):
    request = _ready(author, boss, summons_in=days_ahead)

    request = t.request_transmit(request_id=request.pk, actor=desk)

    assert request.state == RequestState.TRANSMITTED
    summons = Deadline.objects.get(request=request, kind="summons_transmission")
    assert summons.status == DeadlineStatus.MET
    assert summons.met_at == NOW


def test_rs_urgent_request_with_a_shorter_summons_term_agreed_may_go_30_days_ahead(
        author, boss, desk):
    request = _ready(author, boss, summons_in=30, is_urgent=True,
                     urgency_reason="Suspect leaves in a month")
    request_record_shorter_summons_term(actor=desk, request_id=request.pk, agreed_on=TODAY,
                                        term_days=30,
                                        agreement="Phone call with the Serbian MoJ, 1 March")

    request = t.request_transmit(request_id=request.pk, actor=desk)

    assert request.state == RequestState.TRANSMITTED
    summons = Deadline.objects.get(request=request, kind="summons_transmission")
    assert summons.status == DeadlineStatus.MET


def test_rs_agreed_shorter_summons_term_binds_as_agreed_29_days_ahead_is_blocked(
        author, boss, desk):
    # RS 8.3: the term agreed (30 days) binds; an appearance 29 days away is still too close.
    request = _ready(author, boss, summons_in=29, is_urgent=True,
                     urgency_reason="Suspect leaves in a month")
    request_record_shorter_summons_term(actor=desk, request_id=request.pk, agreed_on=TODAY,
                                        term_days=30, agreement="Phone call, 1 March")

    exc = _transmission_blocked(request, desk)

    assert cited(exc)[:2] == ("summons_lead_time", "Art 8.3")


def test_rs_agreed_summons_term_must_be_shorter_than_60_days(author, boss, desk):
    request = _ready(author, boss, summons_in=30, is_urgent=True, urgency_reason="Flight risk")

    with pytest.raises(InvalidInput) as exc:
        request_record_shorter_summons_term(actor=desk, request_id=request.pk, agreed_on=TODAY,
                                            term_days=60, agreement="Phone call")

    assert "term_days" in exc.value.errors


def test_rs_urgent_request_without_an_agreed_shorter_term_is_still_held_to_60_days(
        author, boss, desk):
    request = _ready(author, boss, summons_in=30, is_urgent=True)

    exc = _transmission_blocked(request, desk)

    assert only_violation(exc).citation.reference == "Art 8.3"


def test_shorter_summons_term_cannot_be_agreed_for_a_request_that_is_not_urgent(author, desk):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)

    with pytest.raises(RuleViolation) as exc:
        request_record_shorter_summons_term(actor=desk, request_id=request.pk, agreed_on=TODAY,
                                            term_days=30, agreement="Phone call")

    assert cited(exc)[:2] == ("summons_lead_time", "Art 8.3")
    assert fresh(request).shorter_summons_term_agreed_on is None


def test_br_offers_no_shorter_summons_term_by_agreement():
    author = prosecutor()
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018", created_by=author,
                                       is_urgent=True)

    with pytest.raises(RuleViolation) as exc:
        request_record_shorter_summons_term(actor=author, request_id=request.pk, agreed_on=TODAY,
                                            term_days=30, agreement="Phone call")

    assert only_violation(exc).citation.reference == "Art 6.2"


def test_br_summons_89_days_ahead_blocks_transmission_citing_br_art_6_2(author, boss, desk):
    request = _ready(author, boss, slug="kz-br-2018", summons_in=89, request_language="pt")

    exc = _transmission_blocked(request, desk)

    violation = only_violation(exc)
    assert violation.rule == "summons_lead_time"
    assert violation.citation.instrument == "kz-br-2018"
    assert violation.citation.reference == "Art 6.2"


@pytest.mark.parametrize("days_ahead", [90, 91])
def test_br_summons_90_or_more_days_ahead_may_be_transmitted(author, boss, desk, days_ahead):
    request = _ready(author, boss, slug="kz-br-2018", summons_in=days_ahead,
                     request_language="pt")

    assert t.request_transmit(request_id=request.pk, actor=desk).state == RequestState.TRANSMITTED


def test_summons_deadline_falls_at_the_end_of_the_last_day_to_transmit(author):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)

    person = _with_summons(request, author, 75)

    deadline = Deadline.objects.get(request=request, kind="summons_transmission")
    assert deadline.subject_key == f"person:{person.pk}"
    assert deadline.due_at == end_of_day(TODAY + timedelta(days=15))
    assert deadline.citation == "kz-rs-2015 Art 8.3"
    assert deadline.status == DeadlineStatus.OPEN


def test_moving_the_appearance_date_moves_the_summons_deadline_in_the_same_call(author):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)
    person = _with_summons(request, author, 75)

    person_set_appearance_date(actor=author, person_id=person.pk,
                               appearance_date=TODAY + timedelta(days=100))

    deadline = Deadline.objects.get(request=request, kind="summons_transmission")
    assert deadline.due_at == end_of_day(TODAY + timedelta(days=40))
    log = fresh(request).log.last()
    assert (log.action, log.citation) == ("appearance_date_changed", "kz-rs-2015 Art 8.3")
    assert log.details["to"] == (TODAY + timedelta(days=100)).isoformat()


def test_removing_the_appearance_date_waives_the_summons_deadline(author):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)
    person = _with_summons(request, author, 75)

    person_set_appearance_date(actor=author, person_id=person.pk, appearance_date=None)

    deadline = Deadline.objects.get(request=request, kind="summons_transmission")
    assert deadline.status == DeadlineStatus.WAIVED
    assert deadline.closed_reason == "no longer applies"


def test_moving_the_appearance_date_later_unblocks_transmission(author, boss, desk):
    request = _ready(author, boss, summons_in=59)
    person = request.persons.get()

    person_set_appearance_date(actor=desk, person_id=person.pk,
                               appearance_date=TODAY + timedelta(days=60))

    assert t.request_transmit(request_id=request.pk, actor=desk).state == RequestState.TRANSMITTED


# --- originals (RS 3.4) -------------------------------------------------------------------------
def test_rs_electronic_transmission_without_an_original_by_post_is_blocked_citing_art_3_4(
        author, boss, desk):
    request = _ready(author, boss, channel="electronic")

    exc = _transmission_blocked(request, desk)

    assert cited(exc)[:2] == ("originals", "Art 3.4")


def test_rs_electronic_transmission_with_the_original_posted_today_passes_and_meets_the_term(
        author, boss, desk):
    request = _ready(author, boss, channel="electronic")
    records.original_record(actor=desk, request_id=request.pk, dispatched_on=TODAY,
                            dispatch_channel="post", tracking_number="RR1KZ")

    request = t.request_transmit(request_id=request.pk, actor=desk)

    assert request.state == RequestState.TRANSMITTED
    deadline = Deadline.objects.get(request=request, kind="original_by_post")
    assert deadline.status == DeadlineStatus.MET
    assert deadline.due_at == end_of_day(TODAY)
    assert deadline.citation == "kz-rs-2015 Art 3.4"


def test_rs_original_sent_by_courier_does_not_satisfy_art_3_4(author, boss, desk):
    request = _ready(author, boss, channel="fax")
    records.original_record(actor=desk, request_id=request.pk, dispatched_on=TODAY,
                            dispatch_channel="courier")

    exc = _transmission_blocked(request, desk)

    assert only_violation(exc).citation.reference == "Art 3.4"


def test_rs_original_dispatched_tomorrow_does_not_satisfy_art_3_4(author, boss, desk):
    request = _ready(author, boss, channel="electronic")
    records.original_record(actor=desk, request_id=request.pk,
                            dispatched_on=TODAY + timedelta(days=1), dispatch_channel="post")

    exc = _transmission_blocked(request, desk)

    assert only_violation(exc).citation.reference == "Art 3.4"


def test_rs_post_transmission_needs_no_original_record(author, boss, desk):
    request = _ready(author, boss, channel="post")

    request = t.request_transmit(request_id=request.pk, actor=desk)

    assert request.state == RequestState.TRANSMITTED
    assert not Deadline.objects.filter(request=request, kind="original_by_post").exists()


def test_original_dispatched_without_a_channel_is_invalid_input(author, desk):
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)

    with pytest.raises(InvalidInput) as exc:
        records.original_record(actor=desk, request_id=request.pk, dispatched_on=TODAY)

    assert set(exc.value.errors) == {"dispatch_channel"}


def test_channel_not_provided_by_the_instrument_blocks_transmission(author, boss, desk):
    # BR 22.1 names electronic transmission, not fax (Art 2 names the authorities, no channel).
    request = _ready(author, boss, slug="kz-br-2018", channel="fax", request_language="pt")

    exc = _transmission_blocked(request, desk)

    assert cited(exc)[:2] == ("communication", "Art 22.1")


# --- contents, translation, requested date ----------------------------------------------------
def test_blank_legal_qualification_blocks_rs_transmission_citing_art_3_2_c(author, boss, desk):
    request = _ready(author, boss, legal_qualification="   ")

    exc = _transmission_blocked(request, desk)

    violation = only_violation(exc)
    assert violation.rule == "content_legal_qualification"
    assert violation.citation.reference == "Art 3.2(c)"
    assert violation.field == "legal_qualification"


def test_every_missing_content_is_reported_at_once(author, boss, desk):
    request = _ready(author, boss, legal_qualification="", applicable_law="",
                     signed_and_sealed=False)

    exc = _transmission_blocked(request, desk)

    assert rules_of(exc) == {("content_legal_qualification", "Art 3.2(c)"),
                             ("content_applicable_law", "Art 3.2(d)"),
                             ("content_signed_and_sealed", "Art 3.1")}


def test_summoned_person_allowances_become_mandatory_with_a_summons(author, boss, desk):
    request = _ready(author, boss, summons_in=70, summoned_person_allowances="")

    exc = _transmission_blocked(request, desk)

    assert cited(exc)[:2] == ("content_summoned_person_allowances", "Art 3.2(f)")


def test_russian_rs_request_without_a_translation_is_blocked_citing_art_4_1(author, boss, desk):
    request = _ready(author, boss, request_language="ru")

    exc = _transmission_blocked(request, desk)

    assert cited(exc)[:2] == ("language", "Art 4.1")


def test_russian_rs_request_with_a_completed_serbian_translation_passes(author, boss, desk):
    request = _ready(author, boss, request_language="ru")
    records.translation_record(actor=author, request_id=request.pk, language="sr",
                               completed_on=TODAY)

    assert t.request_transmit(request_id=request.pk, actor=desk).state == RequestState.TRANSMITTED


def test_translation_not_yet_completed_does_not_count(author, boss, desk):
    request = _ready(author, boss, request_language="ru")
    records.translation_record(actor=author, request_id=request.pk, language="sr")

    exc = _transmission_blocked(request, desk)

    assert only_violation(exc).citation.reference == "Art 4.1"


def test_rs_translation_requirement_cannot_be_waived_by_agreement(author, boss, desk):
    request = _ready(author, boss, request_language="ru",
                     translation_agreement="Serbian MoJ accepts Russian")

    exc = _transmission_blocked(request, desk)

    assert only_violation(exc).citation.reference == "Art 4.1"


def test_br_translation_requirement_can_be_waived_by_agreement(author, boss, desk):
    request = _ready(author, boss, slug="kz-br-2018", request_language="ru",
                     translation_agreement="Brazilian MoJ accepts Russian (letter of 1 March)")

    assert t.request_transmit(request_id=request.pk, actor=desk).state == RequestState.TRANSMITTED


def test_rs_requested_execution_date_without_a_reason_is_blocked_citing_art_6_5(
        author, boss, desk):
    request = _ready(author, boss, requested_execution_date=TODAY + timedelta(days=30))

    exc = _transmission_blocked(request, desk)

    assert cited(exc)[:2] == ("requested_execution_date_reasoned", "Art 6.5")


def test_rs_requested_execution_date_with_its_reason_passes(author, boss, desk):
    request = _ready(author, boss, requested_execution_date=TODAY + timedelta(days=30),
                     requested_execution_reason="Trial starts on 5 April")

    assert t.request_transmit(request_id=request.pk, actor=desk).state == RequestState.TRANSMITTED


def test_transmission_records_when_the_request_was_opened(author, boss, desk):
    request = _ready(author, boss)

    request = t.request_transmit(request_id=request.pk, actor=desk)

    assert request.transmitted_at == NOW
    assert request.opened_on == TODAY
    log = request.log.last()
    assert (log.action, log.from_state, log.to_state, log.citation) == (
        "transmit", RequestState.READY, RequestState.TRANSMITTED, "kz-rs-2015 Art 2")


# --- urgent oral requests -------------------------------------------------------------------------
@pytest.fixture
def sk_ready():
    author = prosecutor(office="kz-mvd")
    return _ready(author, supervisor(), slug="kz-sk-2007", is_urgent=True,
                  urgency_reason="Suspect leaves tomorrow")


def test_sk_urgent_oral_request_opens_a_24_hour_confirmation_deadline(sk_ready, desk):
    request = t.request_transmit_orally(request_id=sk_ready.pk, actor=desk)

    assert request.state == RequestState.ORAL_PENDING_CONFIRMATION
    assert request.channel == "oral"
    assert request.oral_request_at == NOW
    deadline = Deadline.objects.get(request=request, kind="oral_confirmation")
    assert deadline.due_at == NOW + timedelta(hours=24)
    assert deadline.citation == "kz-sk-2007 Art 7.4"
    assert deadline.basis == "treaty"
    assert (deadline.responsible_side, deadline.responsible_role) == ("kazakhstan", "Clerk")
    assert deadline.status == DeadlineStatus.OPEN


def test_sk_written_confirmation_at_hour_23_meets_the_deadline(sk_ready, desk, traveller):
    t.request_transmit_orally(request_id=sk_ready.pk, actor=desk)
    traveller.shift(timedelta(hours=23))

    request = t.request_confirm_in_writing(request_id=sk_ready.pk, actor=desk, channel="fax")

    assert request.state == RequestState.TRANSMITTED
    assert request.transmitted_at == NOW + timedelta(hours=23)
    deadline = Deadline.objects.get(request=request, kind="oral_confirmation")
    assert deadline.status == DeadlineStatus.MET
    assert deadline.met_at == NOW + timedelta(hours=23)


def test_sk_written_confirmation_at_hour_25_marks_the_deadline_missed(sk_ready, desk, traveller):
    t.request_transmit_orally(request_id=sk_ready.pk, actor=desk)
    traveller.shift(timedelta(hours=25))

    request = t.request_confirm_in_writing(request_id=sk_ready.pk, actor=desk, channel="fax")

    assert request.state == RequestState.TRANSMITTED
    deadline = Deadline.objects.get(request=request, kind="oral_confirmation")
    assert deadline.status == DeadlineStatus.MISSED
    assert deadline.met_at == NOW + timedelta(hours=25)


def test_sk_oral_request_that_is_not_urgent_is_blocked_citing_art_7_4(desk):
    author = prosecutor(office="kz-mvd")
    request = _ready(author, supervisor(), slug="kz-sk-2007", is_urgent=False)

    with pytest.raises(RuleViolation) as exc:
        t.request_transmit_orally(request_id=request.pk, actor=desk)

    assert cited(exc)[:2] == ("oral_requests", "Art 7.4")
    assert fresh(request).state == RequestState.READY


def test_rs_has_no_oral_requests_in_its_graph(author, boss, desk):
    request = _ready(author, boss, is_urgent=True)

    with pytest.raises(TransitionNotAvailable):
        t.request_transmit_orally(request_id=request.pk, actor=desk)

    assert fresh(request).state == RequestState.READY


def test_prosecutor_may_not_transmit(author, boss):
    request = _ready(author, boss)

    with pytest.raises(ActionNotPermitted):
        t.request_transmit(request_id=request.pk, actor=author)


# --- bugs ----------------------------------------------------------------------------------------
def test_written_confirmation_on_an_unknown_channel_is_rejected(sk_ready, desk):
    t.request_transmit_orally(request_id=sk_ready.pk, actor=desk)

    with pytest.raises((InvalidInput, RuleViolation)):
        t.request_confirm_in_writing(request_id=sk_ready.pk, actor=desk, channel="pigeon")


def test_written_confirmation_dated_in_the_future_is_rejected(sk_ready, desk):
    t.request_transmit_orally(request_id=sk_ready.pk, actor=desk)

    with pytest.raises(InvalidInput):
        t.request_confirm_in_writing(request_id=sk_ready.pk, actor=desk, channel="fax",
                                     confirmed_at=NOW + timedelta(days=3))
