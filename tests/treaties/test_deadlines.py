"""``compute_deadlines`` and the calendar helpers: which terms run and when they fall due.

Dates "by day X" fall due at 23:59:59 of day X in Asia/Almaty; hour terms run from the moment."""

from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta

import pytest

from treaties.rulebook import all_rulebooks
from treaties.rulebook import get_rulebook
from treaties.rules.calendar import ALMATY
from treaties.rules.calendar import add_term
from treaties.rules.calendar import days_between
from treaties.rules.calendar import end_of_day
from treaties.rules.calendar import local_date
from treaties.rules.deadlines import Basis
from treaties.rules.deadlines import DeadlineKind
from treaties.rules.deadlines import OfficePolicy
from treaties.rules.deadlines import Side
from treaties.rules.deadlines import compute_deadlines
from treaties.rules.facts import INCOMING
from treaties.rules.facts import OUTGOING
from treaties.rules.facts import OriginalFacts
from treaties.rules.facts import PersonalDataFacts
from treaties.rules.facts import PersonFacts
from treaties.rules.facts import RequestFacts
from treaties.rules.facts import TransferFacts

CZ, SK, RS, BR = "kz-cz-2017", "kz-sk-2007", "kz-rs-2015", "kz-br-2018"
SLUGS = tuple(all_rulebooks())  # the generic tests run for every instrument
cz, sk, rs, br = (get_rulebook(slug) for slug in (CZ, SK, RS, BR))

APPEARANCE = date(2026, 6, 30)


def almaty(year, month, day, hour=0, minute=0, second=0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=ALMATY)


def last_moment(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=ALMATY)


def deadlines(book, policy=None, **facts):
    values = {"direction": OUTGOING, "assistance_types": ("service_of_documents",)}
    values.update(facts)
    return compute_deadlines(book, RequestFacts(**values), policy)


def only(specs, kind):
    matching = [spec for spec in specs if spec.kind == kind]
    assert len(matching) == 1, [spec.kind for spec in specs]
    return matching[0]


def kinds(specs):
    return [spec.kind for spec in specs]


def summoned(key="p1", on=APPEARANCE):
    return (PersonFacts(key, "to_serve", appearance_date=on),)


# === calendar ===================================================================================
@pytest.mark.parametrize(("start", "months", "expected"), (
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2028, 1, 31), 1, date(2028, 2, 29)),
    (date(2026, 3, 31), 1, date(2026, 4, 30)),
    (date(2026, 8, 31), 6, date(2027, 2, 28)),
    (date(2026, 1, 31), 6, date(2026, 7, 31)),
    (date(2026, 3, 15), 12, date(2027, 3, 15)),
    (date(2028, 2, 29), 12, date(2029, 2, 28)),
))
def test_add_term_in_months_keeps_the_day_or_falls_back_to_month_end(start, months, expected):
    assert add_term(start, months=months) == expected


@pytest.mark.parametrize(("start", "days", "expected"), (
    (date(2026, 1, 10), 30, date(2026, 2, 9)),
    (date(2026, 2, 28), 1, date(2026, 3, 1)),
    (date(2026, 3, 10), 180, date(2026, 9, 6)),
    (date(2026, 3, 10), 0, date(2026, 3, 10)),
))
def test_add_term_in_days_counts_calendar_days(start, days, expected):
    assert add_term(start, days=days) == expected


def test_add_term_prefers_days_when_both_are_given():
    assert add_term(date(2026, 1, 1), days=1, months=1) == date(2026, 1, 2)


def test_add_term_without_a_term_is_an_error():
    with pytest.raises(ValueError):
        add_term(date(2026, 1, 1))


def test_end_of_day_is_the_last_second_of_the_day_in_almaty():
    moment = end_of_day(date(2026, 5, 1))
    assert moment.tzinfo is not None
    assert moment.tzinfo.key == "Asia/Almaty"
    assert moment.utcoffset() is not None
    assert (moment.date(), moment.time()) == (date(2026, 5, 1), time(23, 59, 59))


def test_end_of_day_is_earlier_than_the_end_of_the_same_day_in_utc():
    assert end_of_day(date(2026, 5, 1)) < datetime(2026, 5, 1, 23, 59, 59, tzinfo=UTC)


def test_local_date_of_a_late_utc_evening_is_the_next_day_in_almaty():
    assert local_date(datetime(2026, 3, 2, 20, 0, tzinfo=UTC)) == date(2026, 3, 3)


def test_local_date_refuses_a_naive_datetime():
    with pytest.raises(ValueError):
        local_date(datetime(2026, 3, 2, 10, 0))  # noqa: DTZ001


def test_days_between_counts_calendar_days():
    assert days_between(date(2026, 5, 1), date(2026, 6, 30)) == 60


# === summons transmission (RS 8.3, BR 6.2) ======================================================
def test_rs_summons_must_be_transmitted_by_end_of_day_60_days_before_appearance():
    spec = only(deadlines(rs, persons=summoned()), DeadlineKind.SUMMONS_TRANSMISSION)
    assert spec.due_at == last_moment(date(2026, 5, 1))
    assert spec.citation.reference == "Art 8.3"
    assert spec.basis == Basis.TREATY
    assert (spec.responsible_side, spec.responsible_role) == (Side.KAZAKHSTAN, "Clerk")
    assert spec.subject_key == "person:p1"
    assert spec.waived_reason == ""


def test_br_summons_must_be_transmitted_by_end_of_day_90_days_before_appearance():
    spec = only(deadlines(br, persons=summoned()), DeadlineKind.SUMMONS_TRANSMISSION)
    assert spec.due_at == last_moment(date(2026, 4, 1))
    assert spec.citation.reference == "Art 6.2"


def test_summons_deadline_is_satisfied_when_the_request_is_transmitted():
    transmitted = almaty(2026, 4, 20, 11)
    spec = only(deadlines(rs, persons=summoned(), transmitted_at=transmitted),
                DeadlineKind.SUMMONS_TRANSMISSION)
    assert spec.satisfied_at == transmitted


def test_summons_deadline_is_open_until_the_request_is_transmitted():
    spec = only(deadlines(rs, persons=summoned()), DeadlineKind.SUMMONS_TRANSMISSION)
    assert spec.satisfied_at is None


def test_rs_summons_deadline_waived_when_urgent_and_shorter_term_agreed():
    spec = only(deadlines(rs, persons=summoned(), is_urgent=True, shorter_summons_term_agreed=True),
                DeadlineKind.SUMMONS_TRANSMISSION)
    assert spec.waived_reason


@pytest.mark.parametrize("overrides", ({"is_urgent": True}, {"shorter_summons_term_agreed": True}))
def test_rs_summons_deadline_not_waived_without_both_urgency_and_agreement(overrides):
    spec = only(deadlines(rs, persons=summoned(), **overrides), DeadlineKind.SUMMONS_TRANSMISSION)
    assert spec.waived_reason == ""


def test_br_summons_deadline_never_waived():
    spec = only(deadlines(br, persons=summoned(), is_urgent=True, shorter_summons_term_agreed=True),
                DeadlineKind.SUMMONS_TRANSMISSION)
    assert spec.waived_reason == ""


def test_one_summons_deadline_per_summoned_person():
    persons = summoned("a") + summoned("b", date(2026, 7, 30)) + (PersonFacts("c", "expert"),)
    specs = [s for s in deadlines(rs, persons=persons) if s.kind == DeadlineKind.SUMMONS_TRANSMISSION]
    assert [(s.subject_key, s.due_at) for s in specs] == [
        ("person:a", last_moment(date(2026, 5, 1))), ("person:b", last_moment(date(2026, 5, 31)))]


@pytest.mark.parametrize("slug", (RS, BR))
def test_incoming_request_has_no_summons_deadline(slug):
    assert deadlines(get_rulebook(slug), direction=INCOMING, persons=summoned()) == []


@pytest.mark.parametrize("slug", (CZ, SK))
def test_police_agreements_have_no_summons_deadline(slug):
    assert deadlines(get_rulebook(slug), persons=summoned()) == []


# === oral confirmation (SK 7.4, CZ 9.1) =========================================================
ORAL_AT = almaty(2026, 3, 2, 10)


def test_sk_oral_request_confirmed_in_writing_exactly_24_hours_later():
    spec = only(deadlines(sk, oral_request_at=ORAL_AT), DeadlineKind.ORAL_CONFIRMATION)
    assert spec.due_at == almaty(2026, 3, 3, 10)
    assert spec.basis == Basis.TREATY
    assert spec.citation.reference == "Art 7.4"
    assert spec.citation.instrument == SK


def test_sk_oral_confirmation_not_yet_due_23_hours_after_the_oral_request():
    spec = only(deadlines(sk, oral_request_at=ORAL_AT), DeadlineKind.ORAL_CONFIRMATION)
    assert ORAL_AT + timedelta(hours=23) < spec.due_at


def test_sk_oral_confirmation_past_due_25_hours_after_the_oral_request():
    spec = only(deadlines(sk, oral_request_at=ORAL_AT), DeadlineKind.ORAL_CONFIRMATION)
    assert ORAL_AT + timedelta(hours=25) > spec.due_at


def test_sk_oral_confirmation_hours_ignore_office_policy():
    spec = only(deadlines(sk, OfficePolicy(oral_confirmation_hours=2), oral_request_at=ORAL_AT),
                DeadlineKind.ORAL_CONFIRMATION)
    assert spec.due_at == ORAL_AT + timedelta(hours=24)


def test_cz_oral_confirmation_follows_office_policy_citing_9_1():
    spec = only(deadlines(cz, OfficePolicy(oral_confirmation_hours=12), oral_request_at=ORAL_AT),
                DeadlineKind.ORAL_CONFIRMATION)
    assert spec.due_at == ORAL_AT + timedelta(hours=12)
    assert spec.basis == Basis.OFFICE_POLICY
    assert spec.citation.reference == "Art 9.1"
    assert spec.citation.instrument == CZ


def test_cz_oral_confirmation_default_office_policy_is_48_hours():
    spec = only(deadlines(cz, oral_request_at=ORAL_AT), DeadlineKind.ORAL_CONFIRMATION)
    assert spec.due_at == ORAL_AT + timedelta(hours=48)


def test_outgoing_oral_request_is_confirmed_by_kazakhstan():
    spec = only(deadlines(sk, oral_request_at=ORAL_AT), DeadlineKind.ORAL_CONFIRMATION)
    assert (spec.responsible_side, spec.responsible_role) == (Side.KAZAKHSTAN, "Clerk")


def test_incoming_oral_request_is_confirmed_by_the_other_side():
    spec = only(deadlines(sk, direction=INCOMING, oral_request_at=ORAL_AT),
                DeadlineKind.ORAL_CONFIRMATION)
    assert (spec.responsible_side, spec.responsible_role) == (Side.OTHER_SIDE, "")


def test_oral_confirmation_satisfied_by_the_written_confirmation():
    confirmed = almaty(2026, 3, 2, 18)
    spec = only(deadlines(sk, oral_request_at=ORAL_AT, written_confirmation_at=confirmed),
                DeadlineKind.ORAL_CONFIRMATION)
    assert spec.satisfied_at == confirmed


@pytest.mark.parametrize("slug", SLUGS)
def test_no_oral_confirmation_deadline_without_an_oral_request(slug):
    assert deadlines(get_rulebook(slug)) == []


@pytest.mark.parametrize("slug", (RS, BR))
def test_mla_treaties_have_no_oral_confirmation_deadline(slug):
    assert deadlines(get_rulebook(slug), oral_request_at=ORAL_AT) == []


# === originals (RS 3.4, BR 22.1) ================================================================
def test_br_original_due_30_days_after_the_requested_side_asked_for_it():
    spec = only(deadlines(br, originals=(OriginalFacts("o1", asked_for_on=date(2026, 1, 10)),)),
                DeadlineKind.ORIGINAL_ON_REQUEST)
    assert spec.due_at == last_moment(date(2026, 2, 9))
    assert spec.citation.reference == "Art 22.1"
    assert spec.subject_key == "original:o1"
    assert (spec.responsible_side, spec.responsible_role) == (Side.KAZAKHSTAN, "Clerk")
    assert spec.satisfied_at is None


def test_br_original_deadline_met_when_dispatched_on_the_last_day():
    original = OriginalFacts("o1", asked_for_on=date(2026, 1, 10), dispatched_on=date(2026, 2, 9))
    spec = only(deadlines(br, originals=(original,)), DeadlineKind.ORIGINAL_ON_REQUEST)
    assert spec.satisfied_at == almaty(2026, 2, 9)
    assert spec.satisfied_at <= spec.due_at


def test_br_original_we_asked_for_is_provided_by_the_other_side():
    original = OriginalFacts("o1", asked_for_on=date(2026, 1, 10), received_on=date(2026, 1, 20))
    spec = only(deadlines(br, direction=INCOMING, originals=(original,)),
                DeadlineKind.ORIGINAL_ON_REQUEST)
    assert spec.responsible_side == Side.OTHER_SIDE
    assert spec.satisfied_at == almaty(2026, 1, 20)


def test_br_original_not_asked_for_has_no_deadline():
    assert deadlines(br, originals=(OriginalFacts("o1"),)) == []


def rs_electronic(**overrides):
    values = {"channel": "electronic", "transmitted_at": almaty(2026, 3, 2, 11)}
    values.update(overrides)
    return deadlines(rs, **values)


def test_rs_original_by_post_due_end_of_the_transmission_day():
    spec = only(rs_electronic(), DeadlineKind.ORIGINAL_BY_POST)
    assert spec.due_at == last_moment(date(2026, 3, 2))
    assert spec.citation.reference == "Art 3.4"
    assert spec.satisfied_at is None


def test_rs_original_by_post_due_date_is_the_transmission_day_in_almaty():
    spec = only(rs_electronic(transmitted_at=datetime(2026, 3, 2, 20, 0, tzinfo=UTC)),
                DeadlineKind.ORIGINAL_BY_POST)
    assert spec.due_at == last_moment(date(2026, 3, 3))


def test_rs_original_posted_on_the_transmission_day_meets_the_deadline():
    original = OriginalFacts("o1", dispatched_on=date(2026, 3, 2), dispatch_channel="post")
    spec = only(rs_electronic(originals=(original,)), DeadlineKind.ORIGINAL_BY_POST)
    assert spec.satisfied_at == almaty(2026, 3, 2)


def test_rs_original_sent_by_courier_does_not_meet_the_post_deadline():
    original = OriginalFacts("o1", dispatched_on=date(2026, 3, 2), dispatch_channel="courier")
    spec = only(rs_electronic(originals=(original,)), DeadlineKind.ORIGINAL_BY_POST)
    assert spec.satisfied_at is None


@pytest.mark.parametrize("channel", ("post", "courier"))
def test_rs_request_sent_as_original_has_no_original_deadline(channel):
    assert rs_electronic(channel=channel) == []


def test_rs_original_deadline_starts_only_at_transmission():
    assert rs_electronic(transmitted_at=None) == []


def test_rs_incoming_request_has_no_original_deadline():
    assert rs_electronic(direction=INCOMING) == []


# === return of transferred detainees (RS 11.1, BR 9.2) ==========================================
TRANSFER = TransferFacts("t1", transferred_on=date(2026, 1, 10), return_due_on=date(2026, 7, 10),
                         release_date=date(2026, 5, 1))


def test_rs_detainee_return_due_on_the_return_term():
    spec = only(deadlines(rs, transfers=(TRANSFER,)), DeadlineKind.DETAINEE_RETURN)
    assert spec.due_at == last_moment(date(2026, 7, 10))
    assert spec.citation.reference == "Art 11.1"
    assert spec.subject_key == "transfer:t1"


def test_br_detainee_return_due_on_the_release_date_when_earlier():
    spec = only(deadlines(br, transfers=(TRANSFER,)), DeadlineKind.DETAINEE_RETURN)
    assert spec.due_at == last_moment(date(2026, 5, 1))
    assert spec.citation.reference == "Art 9.2(b)"


def test_br_detainee_return_due_on_the_return_term_when_earlier():
    transfer = TransferFacts("t1", transferred_on=date(2026, 1, 10),
                             return_due_on=date(2026, 3, 1), release_date=date(2026, 5, 1))
    spec = only(deadlines(br, transfers=(transfer,)), DeadlineKind.DETAINEE_RETURN)
    assert spec.due_at == last_moment(date(2026, 3, 1))


def test_br_detainee_return_due_on_the_release_date_without_return_term():
    transfer = TransferFacts("t1", transferred_on=date(2026, 1, 10), release_date=date(2026, 5, 1))
    spec = only(deadlines(br, transfers=(transfer,)), DeadlineKind.DETAINEE_RETURN)
    assert spec.due_at == last_moment(date(2026, 5, 1))


def test_rs_transfer_without_return_term_has_no_deadline():
    transfer = TransferFacts("t1", transferred_on=date(2026, 1, 10), release_date=date(2026, 5, 1))
    assert deadlines(rs, transfers=(transfer,)) == []


def test_detainee_return_satisfied_when_the_person_is_returned():
    transfer = TransferFacts("t1", transferred_on=date(2026, 1, 10),
                             return_due_on=date(2026, 7, 10), returned_on=date(2026, 7, 10))
    spec = only(deadlines(rs, transfers=(transfer,)), DeadlineKind.DETAINEE_RETURN)
    assert spec.satisfied_at == almaty(2026, 7, 10)


@pytest.mark.parametrize(("direction", "side"), ((OUTGOING, Side.KAZAKHSTAN),
                                                  (INCOMING, Side.OTHER_SIDE)))
def test_detainee_is_returned_by_the_requesting_side(direction, side):
    spec = only(deadlines(rs, direction=direction, transfers=(TRANSFER,)),
                DeadlineKind.DETAINEE_RETURN)
    assert spec.responsible_side == side


# === asset sharing (BR 18.2) ====================================================================
def test_br_asset_sharing_request_due_one_year_after_final_confiscation():
    spec = only(deadlines(br, final_confiscation_effective_on=date(2026, 3, 15)),
                DeadlineKind.ASSET_SHARING_REQUEST)
    assert spec.due_at == last_moment(date(2027, 3, 15))
    assert spec.citation.reference == "Art 18.2"
    assert (spec.responsible_side, spec.responsible_role) == (Side.KAZAKHSTAN, "Prosecutor")
    assert spec.satisfied_at is None


def test_br_asset_sharing_deadline_satisfied_when_sharing_requested():
    spec = only(deadlines(br, final_confiscation_effective_on=date(2026, 3, 15),
                          asset_sharing_requested_on=date(2027, 3, 15)),
                DeadlineKind.ASSET_SHARING_REQUEST)
    assert spec.satisfied_at == almaty(2027, 3, 15)


def test_br_no_asset_sharing_deadline_before_final_confiscation():
    assert deadlines(br) == []


def test_rs_has_no_asset_sharing_deadline():
    assert deadlines(rs, final_confiscation_effective_on=date(2026, 3, 15)) == []


# === personal data (CZ 10.5, SK 5.6) ============================================================
@pytest.mark.parametrize(("slug", "reference"), ((CZ, "Art 10.5"), (SK, "Art 5.6")))
def test_received_personal_data_deleted_by_the_term_the_supplier_set(slug, reference):
    entry = PersonalDataFacts("d1", "received", deletion_due_on=date(2026, 12, 31))
    spec = only(deadlines(get_rulebook(slug), personal_data=(entry,)),
                DeadlineKind.PERSONAL_DATA_DELETION)
    assert spec.due_at == last_moment(date(2026, 12, 31))
    assert spec.citation == get_rulebook(slug).personal_data.deletion_term
    assert spec.citation.reference == reference
    assert spec.subject_key == "data:d1"
    assert spec.responsible_side == Side.KAZAKHSTAN


def test_deleted_personal_data_satisfies_its_deadline():
    entry = PersonalDataFacts("d1", "received", deletion_due_on=date(2026, 12, 31),
                              deleted_on=date(2026, 6, 1))
    spec = only(deadlines(cz, personal_data=(entry,)), DeadlineKind.PERSONAL_DATA_DELETION)
    assert spec.satisfied_at == almaty(2026, 6, 1)


def test_supplied_personal_data_has_no_deletion_deadline():
    entry = PersonalDataFacts("d1", "supplied", deletion_due_on=date(2026, 12, 31))
    assert deadlines(cz, personal_data=(entry,)) == []


def test_received_personal_data_without_deletion_term_has_no_deadline():
    assert deadlines(cz, personal_data=(PersonalDataFacts("d1", "received"),)) == []


def test_mla_treaty_has_no_personal_data_deadline():
    entry = PersonalDataFacts("d1", "received", deletion_due_on=date(2026, 12, 31))
    assert deadlines(rs, personal_data=(entry,)) == []


# === requested execution date (RS 6.5) ==========================================================
def test_rs_incoming_request_executed_by_the_date_the_requesting_side_set():
    spec = only(deadlines(rs, direction=INCOMING, requested_execution_date=date(2026, 5, 1)),
                DeadlineKind.REQUESTED_EXECUTION_DATE)
    assert spec.due_at == last_moment(date(2026, 5, 1))
    assert spec.basis == Basis.REQUESTING_SIDE
    assert spec.citation.reference == "Art 6.5"
    assert (spec.responsible_side, spec.responsible_role) == (Side.KAZAKHSTAN, "Prosecutor")


def test_rs_requested_execution_deadline_satisfied_when_executed():
    executed = almaty(2026, 4, 20, 15)
    spec = only(deadlines(rs, direction=INCOMING, requested_execution_date=date(2026, 5, 1),
                          executed_at=executed), DeadlineKind.REQUESTED_EXECUTION_DATE)
    assert spec.satisfied_at == executed


def test_rs_outgoing_requested_execution_date_is_not_our_deadline():
    assert deadlines(rs, requested_execution_date=date(2026, 5, 1)) == []


def test_br_requested_execution_date_creates_no_deadline():
    assert deadlines(br, direction=INCOMING, requested_execution_date=date(2026, 5, 1)) == []


# === all together ===============================================================================
def test_compute_deadlines_collects_every_running_term():
    specs = deadlines(
        br, persons=summoned(), originals=(OriginalFacts("o1", asked_for_on=date(2026, 1, 10)),),
        transfers=(TRANSFER,), final_confiscation_effective_on=date(2026, 3, 15))
    assert kinds(specs) == [DeadlineKind.SUMMONS_TRANSMISSION, DeadlineKind.ORIGINAL_ON_REQUEST,
                            DeadlineKind.DETAINEE_RETURN, DeadlineKind.ASSET_SHARING_REQUEST]


@pytest.mark.parametrize("slug", [s for s in SLUGS if get_rulebook(s).rules_encoded])
def test_every_deadline_cites_its_own_instrument(slug):
    book = get_rulebook(slug)
    specs = deadlines(
        book, persons=summoned(), oral_request_at=ORAL_AT, channel="electronic",
        transmitted_at=ORAL_AT, transfers=(TRANSFER,),
        originals=(OriginalFacts("o1", asked_for_on=date(2026, 1, 10)),),
        final_confiscation_effective_on=date(2026, 3, 15),
        personal_data=(PersonalDataFacts("d1", "received", deletion_due_on=date(2026, 12, 31)),))
    # The bilateral instruments each set a term these facts start; a convention may set none
    # (ETS 141: no oral requests, summonses, originals or transfers).
    assert specs or slug not in (CZ, SK, RS, BR)
    assert {spec.citation.instrument for spec in specs} <= {slug}
    assert all(spec.due_at.tzinfo is not None for spec in specs)
