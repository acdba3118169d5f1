"""The personal-data register of the police agreements (CZ 10-11, SK 5-6): deletion terms, the
deletion deadline, and onward transfer only with the supplier's written consent."""

from datetime import timedelta

import pytest

from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RuleViolation
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import OnwardTransferConsent
from requests_app.models import PersonalDataTransfer
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import records
from requests_app.services import transitions as t
from tests.factories import answer_params
from tests.factories import incoming_request
from tests.requests_app import _support
from tests.requests_app._support import TODAY
from tests.requests_app._support import only_violation
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk

# slug -> (deletion term, register, onward-transfer consent) as the rulebooks cite them
CITES = {
    "kz-cz-2017": ("Art 10.5", "Art 10.6", "Art 11.2"),
    "kz-sk-2007": ("Art 5.6", "Art 5.7", "Art 6.2"),
}
POLICE = pytest.mark.parametrize("slug", sorted(CITES))
DUE = TODAY + timedelta(days=30)


def _record(request, actor, flow, **kwargs):
    return records.personal_data_record(
        actor=actor, request_id=request.pk, flow=flow, transferred_on=TODAY,
        purpose="Identify the owner of vehicle 123ABC02", data_categories="Name, date of birth",
        bodies_involved="MVD KZ; Police Presidium", **kwargs)


def _received(slug, actor, deletion_due_on=DUE):
    request = incoming_request(slug)
    return request, _record(request, actor, "received", deletion_due_on=deletion_due_on)


# --- recording transfers -------------------------------------------------------------------------
@POLICE
def test_data_supplied_without_a_deletion_term_is_blocked(desk, slug):
    request = incoming_request(slug)

    with pytest.raises(RuleViolation) as exc:
        _record(request, desk, "supplied")

    violation = only_violation(exc)
    assert violation.rule == "personal_data"
    assert violation.citation.instrument == slug
    assert violation.citation.reference == CITES[slug][0]
    assert violation.field == "deletion_due_on"
    assert not PersonalDataTransfer.objects.exists()


@POLICE
def test_data_supplied_with_a_deletion_term_is_registered_without_a_deadline_for_us(desk, slug):
    request = incoming_request(slug)

    entry = _record(request, desk, "supplied", deletion_due_on=DUE)

    assert entry.deletion_due_on == DUE
    assert not Deadline.objects.filter(request=request, kind="personal_data_deletion").exists()
    log = TransitionLog.objects.filter(request=request).last()
    assert (log.action, log.citation) == ("personal_data_recorded",
                                          f"{slug} {CITES[slug][1]}")


@POLICE
def test_data_received_with_a_deletion_term_opens_a_deletion_deadline(desk, slug):
    request, entry = _received(slug, desk)

    deadline = Deadline.objects.get(request=request, kind="personal_data_deletion")
    assert deadline.subject_key == f"data:{entry.pk}"
    assert deadline.due_at == end_of_day(DUE)
    assert deadline.citation == f"{slug} {CITES[slug][0]}"
    assert (deadline.responsible_side, deadline.responsible_role) == ("kazakhstan", "Clerk")
    assert deadline.status == DeadlineStatus.OPEN


def test_data_received_without_a_deletion_term_opens_no_deadline(desk):
    request, _ = _received("kz-cz-2017", desk, deletion_due_on=None)

    assert not Deadline.objects.filter(request=request, kind="personal_data_deletion").exists()


def test_deletion_term_before_the_transfer_is_invalid_input(desk):
    request = incoming_request("kz-cz-2017")

    with pytest.raises(InvalidInput) as exc:
        _record(request, desk, "received", deletion_due_on=TODAY - timedelta(days=1))

    assert set(exc.value.errors) == {"deletion_due_on"}


def test_sensitive_data_need_a_justification(desk):
    request = incoming_request("kz-cz-2017")

    with pytest.raises(RuleViolation) as exc:
        _record(request, desk, "supplied", deletion_due_on=DUE, sensitive=True)

    violation = only_violation(exc)
    assert (violation.rule, violation.field) == ("personal_data", "sensitive_justification")
    assert violation.citation.reference == "Art 10.2"


def test_sk_sensitive_data_need_no_justification_where_the_agreement_says_nothing(desk):
    request = incoming_request("kz-sk-2007")

    entry = _record(request, desk, "supplied", deletion_due_on=DUE, sensitive=True)

    assert entry.sensitive is True


def test_unknown_flow_is_invalid_input(desk):
    request = incoming_request("kz-cz-2017")

    with pytest.raises(InvalidInput) as exc:
        _record(request, desk, "borrowed")

    assert set(exc.value.errors) == {"flow"}


def test_rs_has_no_personal_data_rules_and_registers_supplied_data_without_a_term(desk):
    request = incoming_request("kz-rs-2015")

    entry = _record(request, desk, "supplied")

    assert entry.deletion_due_on is None


# --- deletion ------------------------------------------------------------------------------------
def test_cz_deletion_on_the_due_day_meets_the_deadline(desk, traveller):
    request, entry = _received("kz-cz-2017", desk)
    traveller.move_to(end_of_day(DUE) - timedelta(hours=2))

    records.personal_data_record_deletion(actor=desk, entry_id=entry.pk, deleted_on=DUE,
                                          reason="Term set by the Czech police expired")

    deadline = Deadline.objects.get(request=request, kind="personal_data_deletion")
    assert deadline.status == DeadlineStatus.MET
    entry.refresh_from_db()
    assert (entry.deleted_on, entry.deletion_reason) == (
        DUE, "Term set by the Czech police expired")


def test_cz_deletion_the_day_after_the_due_day_misses_the_deadline(desk, traveller):
    request, entry = _received("kz-cz-2017", desk)
    traveller.move_to(end_of_day(DUE) + timedelta(hours=10))

    records.personal_data_record_deletion(actor=desk, entry_id=entry.pk,
                                          deleted_on=DUE + timedelta(days=1), reason="Late")

    deadline = Deadline.objects.get(request=request, kind="personal_data_deletion")
    assert deadline.status == DeadlineStatus.MISSED


def test_cz_deletion_needs_no_notice_to_the_supplier(desk):
    _, entry = _received("kz-cz-2017", desk)

    entry = records.personal_data_record_deletion(actor=desk, entry_id=entry.pk,
                                                  deleted_on=TODAY, reason="No longer needed")

    assert entry.supplier_informed_on is None


def test_sk_deletion_without_informing_the_supplier_is_blocked_citing_art_5_6(desk):
    request, entry = _received("kz-sk-2007", desk)

    with pytest.raises(RuleViolation) as exc:
        records.personal_data_record_deletion(actor=desk, entry_id=entry.pk, deleted_on=TODAY,
                                              reason="No longer needed")

    violation = only_violation(exc)
    assert (violation.rule, violation.field) == ("personal_data", "supplier_informed_on")
    assert violation.citation.instrument == "kz-sk-2007"
    assert violation.citation.reference == "Art 5.6"
    entry.refresh_from_db()
    assert entry.deleted_on is None
    assert Deadline.objects.get(request=request, kind="personal_data_deletion").status == DeadlineStatus.OPEN


def test_sk_deletion_with_the_supplier_informed_meets_the_deadline(desk):
    request, entry = _received("kz-sk-2007", desk)

    records.personal_data_record_deletion(actor=desk, entry_id=entry.pk, deleted_on=TODAY,
                                          reason="No longer needed", supplier_informed_on=TODAY)

    assert Deadline.objects.get(request=request, kind="personal_data_deletion").status == DeadlineStatus.MET
    log = TransitionLog.objects.filter(request=request).last()
    assert (log.action, log.citation) == ("personal_data_deleted", "kz-sk-2007 Art 5.7")


def test_deletion_cannot_be_recorded_twice(desk):
    _, entry = _received("kz-cz-2017", desk)
    records.personal_data_record_deletion(actor=desk, entry_id=entry.pk, deleted_on=TODAY,
                                          reason="Done")

    with pytest.raises(InvalidInput):
        records.personal_data_record_deletion(actor=desk, entry_id=entry.pk, deleted_on=TODAY,
                                              reason="Again")


def test_deletion_without_a_reason_is_invalid_input(desk):
    _, entry = _received("kz-cz-2017", desk)

    with pytest.raises(InvalidInput) as exc:
        records.personal_data_record_deletion(actor=desk, entry_id=entry.pk, deleted_on=TODAY,
                                              reason=" ")

    assert set(exc.value.errors) == {"reason"}


# --- onward transfer ----------------------------------------------------------------------------
@POLICE
def test_onward_transfer_without_a_consent_reference_is_blocked(desk, slug):
    _, entry = _received(slug, desk)

    with pytest.raises(RuleViolation) as exc:
        records.onward_transfer_record(actor=desk, entry_id=entry.pk, recipient="Europol",
                                       consent_reference="", consent_given_on=TODAY)

    violation = only_violation(exc)
    assert violation.rule == "personal_data"
    assert violation.citation.instrument == slug
    assert violation.citation.reference == CITES[slug][2]
    assert not OnwardTransferConsent.objects.exists()


def test_onward_transfer_without_a_consent_date_is_blocked(desk):
    _, entry = _received("kz-cz-2017", desk)

    with pytest.raises(RuleViolation) as exc:
        records.onward_transfer_record(actor=desk, entry_id=entry.pk, recipient="Europol",
                                       consent_reference="CZ-PP 77/2026", consent_given_on=None)

    assert only_violation(exc).citation.reference == "Art 11.2"


@POLICE
def test_onward_transfer_with_written_consent_is_recorded_and_logged(desk, slug):
    request, entry = _received(slug, desk)

    consent = records.onward_transfer_record(
        actor=desk, entry_id=entry.pk, recipient="Europol", consent_reference="PP 77/2026",
        consent_given_on=TODAY, onward_transferred_on=TODAY)

    assert consent.personal_data == entry
    assert (consent.recipient, consent.consent_reference) == ("Europol", "PP 77/2026")
    log = TransitionLog.objects.filter(request=request).last()
    assert log.action == "onward_transfer_recorded"
    assert log.citation == f"{slug} {CITES[slug][2]}"
    assert log.details == {"consent": consent.pk, "recipient": "Europol", "basis": "treaty"}


def test_onward_transfer_before_the_consent_was_given_is_blocked(desk):
    _, entry = _received("kz-cz-2017", desk)

    with pytest.raises(RuleViolation) as exc:
        records.onward_transfer_record(
            actor=desk, entry_id=entry.pk, recipient="Europol", consent_reference="PP 77/2026",
            consent_given_on=TODAY, onward_transferred_on=TODAY - timedelta(days=1))

    violation = only_violation(exc)
    assert (violation.citation.reference, violation.field) == ("Art 11.2", "onward_transferred_on")


def test_onward_transfer_without_a_consent_date_needs_one_where_no_rule_asks(desk):
    """An instrument without a personal-data rule (RS) does not ask for the consent, but the
    register still records its date: a missing one is invalid input, not a database error."""
    _, entry = _received("kz-rs-2015", desk)

    with pytest.raises(InvalidInput) as exc:
        records.onward_transfer_record(actor=desk, entry_id=entry.pk, recipient="Europol",
                                       consent_reference="PP 77/2026", consent_given_on=None)

    assert set(exc.value.errors) == {"consent_given_on"}
    assert not OnwardTransferConsent.objects.exists()


def test_onward_transfer_of_an_unknown_entry_is_invalid_input(desk):
    with pytest.raises(InvalidInput) as exc:
        records.onward_transfer_record(actor=desk, entry_id=999_999, recipient="Europol",
                                       consent_reference="PP 77/2026", consent_given_on=TODAY)

    assert set(exc.value.errors) == {"entry"}


# --- bugs ----------------------------------------------------------------------------------------
def test_closing_the_request_keeps_the_personal_data_deletion_deadline_open(desk):
    request, entry = _received("kz-cz-2017", desk)
    t.request_record_execution(request_id=request.pk, actor=desk)
    t.request_transition(request_id=request.pk, actor=desk, name="transmit_results",
                         params=answer_params(request))

    assert t.request_close(request_id=request.pk, actor=desk).state == RequestState.CLOSED

    deadline = Deadline.objects.get(request=request, kind="personal_data_deletion")
    assert deadline.status == DeadlineStatus.OPEN
