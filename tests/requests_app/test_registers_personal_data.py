"""The receiver's further duties on personal data: destruction of all data received when the
agreement ends (CZ 10.5, SK 5.6: due by the end of the day termination takes effect, treaty
basis), correction or destruction after a notice of inaccuracy (CZ 10.4, SK 5.4: office target)
and the report on use when asked (CZ 10.3, SK 5.2: office target)."""

from datetime import date
from datetime import timedelta

import pytest

from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RuleViolation
from requests_app.models import Deadline
from requests_app.models import DeadlineBasis
from requests_app.models import DeadlineStatus
from requests_app.models import PersonalDataTransfer
from requests_app.models import TransitionLog
from requests_app.services import records
from requests_app.services import registers
from requests_app.services.instruments import instrument_dates_update
from tests.factories import UserFactory
from tests.factories import incoming_request
from tests.factories import instrument
from tests.requests_app import _support
from tests.requests_app._support import NOW
from tests.requests_app._support import TODAY
from tests.requests_app._support import cited
from treaties.rules.calendar import end_of_day
from treaties.rules.lifecycle import InstrumentDates

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk

DESTRUCTION = "personal_data_termination_destruction"


@pytest.fixture
def administrator():
    return UserFactory(is_superuser=True, is_staff=True)


def _received(slug, actor, flow="received"):
    request = incoming_request(slug)
    entry = records.personal_data_record(
        actor=actor, request_id=request.pk, flow=flow, transferred_on=TODAY - timedelta(days=10),
        purpose="Identify the owner of vehicle 123ABC02", data_categories="Name, date of birth",
        bodies_involved="MVD KZ; Police Presidium",
        deletion_due_on=TODAY + timedelta(days=365))
    return request, entry


def _terminate(admin, slug, notice_on):
    current = instrument(slug).dates
    instrument_dates_update(actor=admin, instrument_id=instrument(slug).pk, now=NOW,
                            dates=InstrumentDates(**{**current.__dict__,
                                                     "termination_notice_received_on": notice_on}))


# --- destruction on termination (F7) -------------------------------------------------------------
@pytest.mark.parametrize(("slug", "reference"), [("kz-cz-2017", "Art 10.5"),
                                                 ("kz-sk-2007", "Art 5.6")])
def test_termination_notice_gives_received_data_a_destruction_deadline_on_the_effective_date(
        desk, administrator, slug, reference):
    request, entry = _received(slug, desk)

    _terminate(administrator, slug, TODAY)

    row = Deadline.objects.get(request=request, kind=DESTRUCTION)
    # Six months after the notice (CZ 18.2, SK 12.2): 2 March -> 2 September.
    assert row.due_at == end_of_day(date(2026, 9, 2))
    assert (row.citation, row.basis, row.subject_key) == (
        f"{slug} {reference}", DeadlineBasis.TREATY, f"data:{entry.pk}")


def test_data_supplied_by_kazakhstan_get_no_destruction_deadline(desk, administrator):
    request, _ = _received("kz-cz-2017", desk, flow="supplied")

    _terminate(administrator, "kz-cz-2017", TODAY)

    assert not Deadline.objects.filter(request=request, kind=DESTRUCTION).exists()


def test_data_deleted_before_the_notice_get_no_destruction_deadline(desk, administrator):
    request, entry = _received("kz-cz-2017", desk)
    records.personal_data_record_deletion(actor=desk, entry_id=entry.pk,
                                          deleted_on=TODAY - timedelta(days=1),
                                          reason="No longer needed")

    _terminate(administrator, "kz-cz-2017", TODAY)

    assert not Deadline.objects.filter(request=request, kind=DESTRUCTION).exists()


def test_destruction_on_the_effective_date_meets_the_deadline(desk, administrator, traveller):
    request, entry = _received("kz-sk-2007", desk)
    _terminate(administrator, "kz-sk-2007", TODAY)

    records.personal_data_record_deletion(actor=desk, entry_id=entry.pk,
                                          deleted_on=date(2026, 9, 2), reason="Agreement ended",
                                          supplier_informed_on=date(2026, 9, 2))

    assert Deadline.objects.get(request=request, kind=DESTRUCTION).status == DeadlineStatus.MET


def test_destruction_the_day_after_the_effective_date_misses_the_deadline(desk, administrator):
    request, entry = _received("kz-cz-2017", desk)
    _terminate(administrator, "kz-cz-2017", TODAY)

    records.personal_data_record_deletion(actor=desk, entry_id=entry.pk,
                                          deleted_on=date(2026, 9, 3), reason="Agreement ended")

    assert Deadline.objects.get(request=request, kind=DESTRUCTION).status == DeadlineStatus.MISSED


def test_destruction_deadline_reaches_closed_requests(desk, administrator):
    request, _ = _received("kz-cz-2017", desk)
    type(request).objects.filter(pk=request.pk).update(state="closed")

    _terminate(administrator, "kz-cz-2017", TODAY)

    row = Deadline.objects.get(request=request, kind=DESTRUCTION)
    assert row.status == DeadlineStatus.OPEN


def test_withdrawing_the_termination_notice_waives_the_destruction_deadline(desk, administrator):
    request, _ = _received("kz-cz-2017", desk)
    _terminate(administrator, "kz-cz-2017", TODAY)

    _terminate(administrator, "kz-cz-2017", None)

    assert Deadline.objects.get(request=request, kind=DESTRUCTION).status == DeadlineStatus.WAIVED


def test_an_mla_treaty_termination_opens_no_personal_data_destruction(desk, administrator):
    request = incoming_request("kz-rs-2015")

    _terminate(administrator, "kz-rs-2015", TODAY)

    assert not Deadline.objects.filter(request=request, kind=DESTRUCTION).exists()


# --- notice of inaccuracy (M8) -------------------------------------------------------------------
def _notice(request, entry, actor, kind="inaccurate"):
    return registers.personal_data_notice_record(
        actor=actor, entry_id=entry.pk, kind=kind, received_on=TODAY,
        details="The date of birth was 12.04.1980, not 12.04.1981", reference="PP 9/2026")


@pytest.mark.parametrize(("slug", "reference"), [("kz-cz-2017", "Art 10.4"),
                                                 ("kz-sk-2007", "Art 5.4")])
def test_a_notice_of_inaccurate_data_opens_an_office_policy_correction_target(desk, slug,
                                                                              reference):
    request, entry = _received(slug, desk)

    notice = _notice(request, entry, desk)

    row = Deadline.objects.get(request=request, kind="personal_data_correction")
    assert (row.citation, row.basis) == (f"{slug} {reference}", DeadlineBasis.OFFICE_POLICY)
    assert row.due_at == end_of_day(TODAY + timedelta(days=5))
    assert notice.citation == f"{slug} {reference}"


def test_correcting_the_data_meets_the_correction_target_and_is_logged(desk):
    request, entry = _received("kz-cz-2017", desk)
    notice = _notice(request, entry, desk)

    registers.personal_data_notice_resolve(actor=desk, notice_id=notice.pk, action="corrected",
                                           acted_on=TODAY, action_details="Date of birth fixed")

    assert Deadline.objects.get(request=request,
                                kind="personal_data_correction").status == "met"
    assert TransitionLog.objects.filter(request=request).last().action == (
        "personal_data_notice_resolved")


def test_data_that_should_not_have_been_sent_cannot_be_merely_corrected(desk):
    request, entry = _received("kz-cz-2017", desk)
    notice = _notice(request, entry, desk, kind="not_to_be_sent")

    with pytest.raises(RuleViolation) as exc:
        registers.personal_data_notice_resolve(actor=desk, notice_id=notice.pk,
                                               action="corrected", acted_on=TODAY,
                                               action_details="x")

    assert cited(exc) == ("register_personal_data_duties", "Art 10.4", "action")


def test_destroying_after_a_notice_records_the_deletion_in_the_register(desk):
    request, entry = _received("kz-cz-2017", desk)
    notice = _notice(request, entry, desk, kind="not_to_be_sent")

    registers.personal_data_notice_resolve(actor=desk, notice_id=notice.pk, action="destroyed",
                                           acted_on=TODAY, action_details="Files shredded")

    entry = PersonalDataTransfer.objects.get(pk=entry.pk)
    assert entry.deleted_on == TODAY
    assert "Files shredded" in entry.deletion_reason


def test_sk_destroying_after_a_notice_without_telling_the_supplier_is_refused_citing_5_6(desk):
    request, entry = _received("kz-sk-2007", desk)
    notice = _notice(request, entry, desk, kind="not_to_be_sent")

    with pytest.raises(RuleViolation) as exc:
        registers.personal_data_notice_resolve(actor=desk, notice_id=notice.pk,
                                               action="destroyed", acted_on=TODAY,
                                               action_details="Files shredded")

    assert cited(exc) == ("personal_data", "Art 5.6", "supplier_informed_on")


def test_a_notice_about_data_kazakhstan_supplied_is_invalid(desk):
    request, entry = _received("kz-cz-2017", desk, flow="supplied")

    with pytest.raises(InvalidInput):
        _notice(request, entry, desk)


# --- report on use (M9) --------------------------------------------------------------------------
@pytest.mark.parametrize(("slug", "reference"), [("kz-cz-2017", "Art 10.3"),
                                                 ("kz-sk-2007", "Art 5.2")])
def test_a_report_on_use_asked_for_opens_an_office_policy_answer_target(desk, slug, reference):
    request, entry = _received(slug, desk)

    registers.personal_data_use_report_record(actor=desk, entry_id=entry.pk, asked_on=TODAY,
                                              reference="PP 10/2026")

    row = Deadline.objects.get(request=request, kind="personal_data_use_report")
    assert (row.citation, row.basis) == (f"{slug} {reference}", DeadlineBasis.OFFICE_POLICY)
    assert row.due_at == end_of_day(TODAY + timedelta(days=30))


def test_answering_the_report_on_day_30_meets_the_target(desk, traveller):
    request, entry = _received("kz-cz-2017", desk)
    report = registers.personal_data_use_report_record(actor=desk, entry_id=entry.pk,
                                                       asked_on=TODAY)

    registers.personal_data_use_report_answer(
        actor=desk, report_id=report.pk, answered_on=TODAY + timedelta(days=30),
        answer="Used to identify the suspect; charged on 1 April")

    assert Deadline.objects.get(request=request,
                                kind="personal_data_use_report").status == "met"


def test_answering_the_report_on_day_31_misses_the_target(desk):
    request, entry = _received("kz-cz-2017", desk)
    report = registers.personal_data_use_report_record(actor=desk, entry_id=entry.pk,
                                                       asked_on=TODAY)

    registers.personal_data_use_report_answer(
        actor=desk, report_id=report.pk, answered_on=TODAY + timedelta(days=31), answer="Used")

    assert Deadline.objects.get(request=request,
                                kind="personal_data_use_report").status == "missed"
