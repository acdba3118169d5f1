"""Duties of an instrument itself: the Serbian six-monthly conviction report (RS 18) and the
instrument's suspension and termination taking effect (CZ 17, RS 22.4, CZ 18.2)."""

from datetime import date
from datetime import datetime
from datetime import timedelta

import pytest

from requests_app.exceptions import ActionNotPermitted
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import Notification
from requests_app.services.deadlines import instrument_deadlines_sync
from requests_app.services.deadlines import instrument_duty_mark_done
from requests_app.services.deadlines import instruments_deadlines_sync
from requests_app.services.sweep import deadlines_sweep
from tests.factories import clerk
from tests.factories import instrument
from tests.factories import prosecutor
from tests.factories import supervisor
from treaties.rules.calendar import ALMATY
from treaties.rules.calendar import end_of_day
from treaties.rules.calendar import start_of_day

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=ALMATY)


def _duties(slug):
    """Kazakhstan's own duties of an instrument (the receipt of the other side's RS 18 report is
    tracked in rows of its own, tested in test_treaty_duties)."""
    return (Deadline.objects.filter(instrument__slug=slug, request__isnull=True)
            .exclude(kind="conviction_report_receipt"))


def test_serbian_conviction_report_falls_due_every_six_months_from_entry_into_force():
    rs = instrument("kz-rs-2015")  # in force 2016-12-01 (office setting)
    instrument_deadlines_sync(instrument=rs, now=NOW)
    (row,) = _duties("kz-rs-2015")
    assert (row.kind, row.due_at, row.citation) == (
        "conviction_report", end_of_day(date(2026, 6, 1)), "kz-rs-2015 Art 18")


def test_conviction_report_sync_is_idempotent():
    instruments_deadlines_sync(now=NOW)
    instruments_deadlines_sync(now=NOW)
    assert _duties("kz-rs-2015").count() == 1


def test_the_next_period_gets_its_own_row_once_the_previous_one_is_due():
    rs = instrument("kz-rs-2015")
    instrument_deadlines_sync(instrument=rs, now=NOW)
    instrument_deadlines_sync(instrument=rs, now=datetime(2026, 6, 2, 9, 0, tzinfo=ALMATY))
    assert sorted(_duties("kz-rs-2015").values_list("subject_key", flat=True)) == [
        "2026-06-01", "2026-12-01"]


def test_other_instruments_have_no_periodic_duty():
    instruments_deadlines_sync(now=NOW)
    assert not _duties("kz-br-2018").exists() and not _duties("kz-cz-2017").exists()


def test_unreported_convictions_are_missed_and_escalated_to_supervisors():
    desk, boss = clerk("kz-gpo"), supervisor()
    instrument_deadlines_sync(instrument=instrument("kz-rs-2015"), now=NOW)
    deadlines_sweep(now=end_of_day(date(2026, 6, 1)) + timedelta(seconds=1))
    (row,) = _duties("kz-rs-2015")
    assert row.status == DeadlineStatus.MISSED
    assert set(Notification.objects.filter(event__deadline=row)
               .values_list("recipient_id", "event__threshold")) == {
        (desk.pk, "missed"), (boss.pk, "escalated")}


def _terminate_cz(notice: date):
    cz = instrument("kz-cz-2017")
    cz.termination_notice_received_on = notice
    cz.save()
    return cz


def test_termination_notice_announces_the_day_the_agreement_ceases():
    cz = _terminate_cz(date(2026, 3, 1))
    instrument_deadlines_sync(instrument=cz, now=NOW)
    row = _duties("kz-cz-2017").get(kind="instrument_termination")
    assert (row.due_at, row.citation) == (start_of_day(date(2026, 9, 1)), "kz-cz-2017 Art 18.2")


def test_termination_takes_effect_rather_than_being_missed():
    supervisor()
    cz = _terminate_cz(date(2026, 3, 1))
    instrument_deadlines_sync(instrument=cz, now=NOW)
    result = deadlines_sweep(now=start_of_day(date(2026, 9, 1)))
    row = _duties("kz-cz-2017").get(kind="instrument_termination")
    assert (row.status, result.took_effect, result.missed) == (DeadlineStatus.MET, 1, 0)
    assert Notification.objects.filter(event__deadline=row, event__threshold="took_effect").exists()


def test_withdrawn_termination_notice_waives_the_announcement():
    cz = _terminate_cz(date(2026, 3, 1))
    instrument_deadlines_sync(instrument=cz, now=NOW)
    cz.termination_notice_received_on = None
    cz.save()
    instrument_deadlines_sync(instrument=cz, now=NOW)
    row = _duties("kz-cz-2017").get(kind="instrument_termination")
    assert (row.status, row.next_action_at) == (DeadlineStatus.WAIVED, None)


def test_czech_suspension_is_announced_fifteen_days_after_the_notice():
    cz = instrument("kz-cz-2017")
    cz.suspension_notice_received_on = date(2026, 3, 1)
    cz.save()
    instrument_deadlines_sync(instrument=cz, now=NOW)
    row = _duties("kz-cz-2017").get(kind="instrument_suspension")
    assert (row.due_at, row.citation) == (start_of_day(date(2026, 3, 16)), "kz-cz-2017 Art 17")


def test_conviction_report_done_in_time_meets_the_duty():
    desk = clerk("kz-gpo")
    instrument_deadlines_sync(instrument=instrument("kz-rs-2015"), now=NOW)
    (row,) = _duties("kz-rs-2015")
    row = instrument_duty_mark_done(actor=desk, deadline_id=row.pk, done_at=NOW,
                                    note="Note No 12/2026")
    assert (row.status, row.next_action_at) == (DeadlineStatus.MET, None)


def test_conviction_report_done_after_it_was_missed_stays_missed_with_its_time():
    desk = clerk("kz-gpo")
    instrument_deadlines_sync(instrument=instrument("kz-rs-2015"), now=NOW)
    late = end_of_day(date(2026, 6, 1)) + timedelta(days=3)
    deadlines_sweep(now=late)
    (row,) = _duties("kz-rs-2015")
    row = instrument_duty_mark_done(actor=desk, deadline_id=row.pk, done_at=late)
    assert (row.status, row.met_at) == (DeadlineStatus.MISSED, late)


def test_only_clerks_record_a_duty_done():
    instrument_deadlines_sync(instrument=instrument("kz-rs-2015"), now=NOW)
    (row,) = _duties("kz-rs-2015")
    with pytest.raises(ActionNotPermitted):
        instrument_duty_mark_done(actor=prosecutor(), deadline_id=row.pk, done_at=NOW)


def test_saving_an_instrument_in_the_admin_announces_its_termination(admin_client):
    cz = instrument("kz-cz-2017")
    data = {f.name: getattr(cz, f.name) or "" for f in cz._meta.fields
            if f.name not in ("id", "slug", "kind")}
    data["termination_notice_received_on"] = "2026-03-01"
    data["parties"] = list(cz.parties.values_list("pk", flat=True))
    data["authorities"] = list(cz.authorities.values_list("pk", flat=True))
    response = admin_client.post(f"/admin/treaties/instrument/{cz.pk}/change/", data)
    assert response.status_code == 302, response.content[:2000]
    assert _duties("kz-cz-2017").filter(kind="instrument_termination").exists()
