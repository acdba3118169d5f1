"""Use conditions, consents and uses for another purpose (RS 7.1-7.2, BR 5.1-5.4, CZ 10.1,
SK 5.1): material received is used beyond its purpose only with a consent recorded before the
use; the service refuses otherwise, citing the article."""

from datetime import timedelta

import pytest

from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RuleViolation
from requests_app.models import Deadline
from requests_app.models import DeadlineBasis
from requests_app.models import MaterialUse
from requests_app.models import TransitionLog
from requests_app.models import UseConsent
from requests_app.services import registers
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.requests_app import _support
from tests.requests_app._support import TODAY
from tests.requests_app._support import cited
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk

YESTERDAY = TODAY - timedelta(days=1)


def _outgoing(slug):
    return AssistanceRequestFactory(instrument_slug=slug, state="transmitted")


def _use(request, actor, kind="other_proceedings", consent=None, used_on=TODAY):
    return registers.material_use_record(
        actor=actor, request_id=request.pk, kind=kind,
        description="Criminal case 2026-0042 (tax evasion)", used_on=used_on,
        consent_id=consent.pk if consent else None)


def _consent(request, actor, status="given", answered_on=YESTERDAY, in_writing=True):
    return registers.use_consent_record(
        actor=actor, request_id=request.pk, scope="Use the bank records in case 2026-0042",
        asked_on=YESTERDAY - timedelta(days=5), status=status, answered_on=answered_on,
        in_writing=in_writing, reference="MJ-BR 12/2026")


def _limitation(request, actor):
    return registers.use_condition_record(
        actor=actor, request_id=request.pk, flow="received", kind="use_limitation",
        conditions="Only for case 2026-0001", set_by="Ministry of Justice of Serbia",
        set_on=YESTERDAY)


# --- conditions ----------------------------------------------------------------------------------
def test_a_use_limitation_received_is_registered_with_its_citation_and_logged(desk):
    request = _outgoing("kz-rs-2015")

    condition = _limitation(request, desk)

    assert condition.citation == "kz-rs-2015 Art 7.2"
    log = TransitionLog.objects.filter(request=request).last()
    assert (log.action, log.citation) == ("use_condition_recorded", "kz-rs-2015 Art 7.2")


def test_a_confidentiality_condition_cites_the_inability_paragraph_rs_7_1(desk):
    request = _outgoing("kz-rs-2015")

    condition = registers.use_condition_record(
        actor=desk, request_id=request.pk, flow="supplied", kind="confidentiality",
        conditions="Keep the request confidential", set_by="GPO", set_on=TODAY)

    assert condition.citation == "kz-rs-2015 Art 7.1"


def test_a_condition_on_neither_a_request_nor_spontaneous_information_is_invalid(desk):
    with pytest.raises(InvalidInput):
        registers.use_condition_record(actor=desk, flow="received", kind="other",
                                       conditions="x", set_by="y", set_on=TODAY)


# --- uses: BR 5.2 always needs consent -----------------------------------------------------------
def test_br_use_for_other_proceedings_without_a_consent_is_refused_citing_art_5_2(desk):
    request = _outgoing("kz-br-2018")

    with pytest.raises(RuleViolation) as exc:
        _use(request, desk)

    assert cited(exc) == ("register_use_conditions", "Art 5.2", "consent")
    assert not MaterialUse.objects.exists()


def test_br_use_for_other_proceedings_with_a_consent_given_the_day_before_is_recorded(desk):
    request = _outgoing("kz-br-2018")
    consent = _consent(request, desk)

    use = _use(request, desk, consent=consent)

    assert use.consent == consent
    assert use.citation == "kz-br-2018 Art 5.2"


def test_br_use_on_the_day_the_consent_is_given_is_recorded(desk):
    request = _outgoing("kz-br-2018")
    consent = _consent(request, desk, answered_on=TODAY)

    assert _use(request, desk, consent=consent).used_on == TODAY


def test_br_use_the_day_before_the_consent_was_given_is_refused(desk):
    request = _outgoing("kz-br-2018")
    consent = _consent(request, desk, answered_on=TODAY)

    with pytest.raises(RuleViolation) as exc:
        _use(request, desk, consent=consent, used_on=YESTERDAY)

    assert cited(exc) == ("register_use_conditions", "Art 5.2", "used_on")


def test_br_use_under_a_consent_still_awaited_is_refused(desk):
    request = _outgoing("kz-br-2018")
    consent = _consent(request, desk, status="asked", answered_on=None)

    with pytest.raises(RuleViolation) as exc:
        _use(request, desk, consent=consent)

    assert cited(exc) == ("register_use_conditions", "Art 5.2", "consent")


def test_br_use_under_a_refused_consent_is_refused(desk):
    request = _outgoing("kz-br-2018")
    consent = _consent(request, desk, status="refused")

    with pytest.raises(RuleViolation):
        _use(request, desk, consent=consent)


def test_answering_an_awaited_consent_allows_the_use(desk):
    request = _outgoing("kz-br-2018")
    consent = _consent(request, desk, status="asked", answered_on=None)

    registers.use_consent_answer(actor=desk, consent_id=consent.pk, status="given",
                                 answered_on=TODAY, in_writing=True, reference="MJ 1")

    assert _use(request, desk, consent=UseConsent.objects.get(pk=consent.pk)).pk


def test_a_consent_of_another_request_is_not_found(desk):
    request, other = _outgoing("kz-br-2018"), _outgoing("kz-br-2018")
    consent = _consent(other, desk)

    with pytest.raises(InvalidInput) as exc:
        _use(request, desk, consent=consent)

    assert "consent" in exc.value.errors


def test_br_disclosure_required_by_law_needs_no_consent_and_opens_an_office_notice_target(desk):
    request = _outgoing("kz-br-2018")

    use = _use(request, desk, kind="required_by_law")

    assert use.citation == "kz-br-2018 Art 5.4"
    row = Deadline.objects.get(request=request, kind="disclosure_notice")
    assert (row.citation, row.basis) == ("kz-br-2018 Art 5.4", DeadlineBasis.OFFICE_POLICY)
    assert row.due_at == end_of_day(TODAY + timedelta(days=5))


def test_br_notifying_the_disclosure_meets_the_notice_target(desk):
    request = _outgoing("kz-br-2018")
    use = _use(request, desk, kind="required_by_law")

    registers.material_use_notify_supplier(actor=desk, use_id=use.pk, notified_on=TODAY)

    assert Deadline.objects.get(request=request, kind="disclosure_notice").status == "met"


def test_br_use_of_material_disclosed_in_a_public_hearing_is_free_under_art_5_3(desk):
    request = _outgoing("kz-br-2018")

    assert _use(request, desk, kind="publicly_disclosed").citation == "kz-br-2018 Art 5.3"


# --- RS 7.2: only where the supplier asked for the limitation --------------------------------------
def test_rs_use_for_other_proceedings_without_a_limitation_needs_no_consent(desk):
    request = _outgoing("kz-rs-2015")

    assert _use(request, desk).consent is None


def test_rs_use_for_other_proceedings_under_a_limitation_without_consent_is_refused_art_7_2(desk):
    request = _outgoing("kz-rs-2015")
    _limitation(request, desk)

    with pytest.raises(RuleViolation) as exc:
        _use(request, desk)

    assert cited(exc) == ("register_use_conditions", "Art 7.2", "consent")


def test_rs_disclosure_required_by_law_is_a_use_like_any_other_under_a_limitation(desk):
    request = _outgoing("kz-rs-2015")
    _limitation(request, desk)

    with pytest.raises(RuleViolation):
        _use(request, desk, kind="required_by_law")


# --- CZ 10.1: written consent; SK 5.1 -------------------------------------------------------------
def test_cz_use_for_another_purpose_with_an_oral_consent_is_refused_citing_art_10_1(desk):
    request = incoming_request("kz-cz-2017")
    consent = _consent(request, desk, in_writing=False)

    with pytest.raises(RuleViolation) as exc:
        _use(request, desk, kind="other_purpose", consent=consent)

    assert cited(exc) == ("register_use_conditions", "Art 10.1", "consent")


def test_cz_use_for_another_purpose_with_a_written_consent_is_recorded(desk):
    request = incoming_request("kz-cz-2017")
    consent = _consent(request, desk, in_writing=True)

    assert _use(request, desk, kind="other_purpose", consent=consent).citation == (
        "kz-cz-2017 Art 10.1")


def test_sk_use_for_another_purpose_without_consent_is_refused_citing_art_5_1(desk):
    request = incoming_request("kz-sk-2007")

    with pytest.raises(RuleViolation) as exc:
        _use(request, desk, kind="other_purpose")

    assert cited(exc) == ("register_use_conditions", "Art 5.1", "consent")


def test_a_use_recorded_after_closure_is_allowed_since_the_condition_outlives_the_request(desk):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018", state="closed")
    consent = _consent(request, desk)

    assert _use(request, desk, consent=consent).pk
