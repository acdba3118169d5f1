"""The spontaneous-information register (RS 16, BR 25, CZ 9.3, SK 7.1), onward transfers of
material received (CZ 11.2, SK 5.3, 6.2), costs (RS 17, BR 27) and counterpart notices (RS 2.3,
BR 2.3, CZ 13, SK 8.2)."""

from datetime import date
from datetime import timedelta
from decimal import Decimal

import pytest

from requests_app.exceptions import ActionNotPermitted
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RuleViolation
from requests_app.models import Deadline
from requests_app.models import DeadlineBasis
from requests_app.models import OnwardTransferConsent
from requests_app.models import RegisterLog
from requests_app.models import SpontaneousInformation
from requests_app.models import UseCondition
from requests_app.services import records
from requests_app.services import registers
from tests.factories import AssistanceRequestFactory
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.requests_app import _support
from tests.requests_app._support import TODAY
from tests.requests_app._support import cited
from treaties.rules.calendar import end_of_day

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk


def _spontaneous(actor, slug="kz-br-2018", state="BR", flow="received", on=TODAY, **kwargs):
    kwargs.setdefault("conditions", "Not to be used as evidence without consent")
    return registers.spontaneous_information_record(
        actor=actor, flow=flow, exchanged_on=on, partner_state=state, instrument=slug,
        channel="electronic", summary="Accounts of a company suspected of laundering",
        kazakh_authority="General Prosecutor's Office", foreign_authority="Ministry of Justice",
        reference="MJ-BR 7/2026", **kwargs)


# --- spontaneous information ---------------------------------------------------------------------
def test_spontaneous_information_received_is_registered_citing_br_art_25_1_and_logged(desk):
    entry = _spontaneous(desk)

    assert entry.citation == "kz-br-2018 Art 25.1"
    log = RegisterLog.objects.filter(subject="spontaneous_information", subject_id=entry.pk)
    assert [e.action for e in log] == ["spontaneous_information_recorded",
                                       "use_condition_recorded"]


def test_the_conditions_of_spontaneous_information_bind_as_a_use_condition_citing_25_2(desk):
    entry = _spontaneous(desk)

    condition = UseCondition.objects.get(spontaneous=entry)
    assert (condition.flow, condition.kind, condition.citation) == (
        "received", "use_limitation", "kz-br-2018 Art 25.2")
    assert condition.set_by == "Ministry of Justice"


def test_rs_spontaneous_information_conditions_cite_art_16_2(desk):
    entry = _spontaneous(desk, slug="kz-rs-2015", state="RS")

    assert UseCondition.objects.get(spontaneous=entry).citation == "kz-rs-2015 Art 16.2"


def test_spontaneous_information_without_conditions_opens_no_use_condition(desk):
    entry = _spontaneous(desk, conditions="")

    assert not UseCondition.objects.filter(spontaneous=entry).exists()


def test_spontaneous_information_with_a_state_outside_the_instrument_is_refused(desk):
    with pytest.raises(RuleViolation) as exc:
        _spontaneous(desk, slug="kz-br-2018", state="RS")

    assert cited(exc) == ("register_spontaneous_information", "Art 25.1", "partner_state")
    assert not SpontaneousInformation.objects.exists()


def test_spontaneous_information_before_entry_into_force_is_refused(desk):
    # BR entered into force on 1 June 2020 (office date).
    with pytest.raises(RuleViolation) as exc:
        _spontaneous(desk, on=date(2020, 5, 31))

    assert exc.value.violations[0].field == "exchanged_on"


def test_spontaneous_information_on_the_day_of_entry_into_force_is_registered(desk):
    assert _spontaneous(desk, on=date(2020, 6, 1)).pk


def test_a_prosecutor_may_not_register_spontaneous_information():
    with pytest.raises(ActionNotPermitted):
        _spontaneous(prosecutor())


def test_use_of_spontaneous_information_without_consent_is_refused_citing_br_5_2(desk):
    entry = _spontaneous(desk)

    with pytest.raises(RuleViolation) as exc:
        registers.material_use_record(actor=desk, spontaneous_id=entry.pk,
                                      kind="other_proceedings", description="Case 9",
                                      used_on=TODAY)

    assert cited(exc) == ("register_use_conditions", "Art 5.2", "consent")


# --- onward transfer of material -----------------------------------------------------------------
def _onward(actor, request=None, spontaneous=None, **kwargs):
    kwargs.setdefault("material", "documents")
    kwargs.setdefault("recipient_kind", "third_state")
    kwargs.setdefault("recipient", "Republic of Austria")
    return registers.onward_transfer_record_material(
        actor=actor, request_id=request.pk if request else None,
        spontaneous_id=spontaneous.pk if spontaneous else None, **kwargs)


def test_cz_documents_to_a_third_state_without_written_consent_are_refused_citing_11_2(desk):
    request = incoming_request("kz-cz-2017")

    with pytest.raises(RuleViolation) as exc:
        _onward(desk, request)

    assert {(v.citation.reference, v.field) for v in exc.value.violations} == {
        ("Art 11.2", "consent_reference"), ("Art 11.2", "consent_given_on")}


def test_cz_documents_to_a_third_state_with_written_consent_are_recorded(desk):
    request = incoming_request("kz-cz-2017")

    transfer = _onward(desk, request, consent_reference="PP 1/2026", consent_given_on=TODAY,
                       onward_transferred_on=TODAY)

    assert (transfer.request, transfer.personal_data, transfer.citation) == (
        request, None, "kz-cz-2017 Art 11.2")


def test_sk_technical_equipment_to_a_third_party_needs_written_consent_citing_6_2(desk):
    request = incoming_request("kz-sk-2007")

    with pytest.raises(RuleViolation) as exc:
        _onward(desk, request, material="equipment", recipient_kind="other_third_party",
                recipient="Private laboratory", consent_given_on=TODAY)

    assert cited(exc) == ("register_onward_transfer", "Art 6.2", "consent_reference")


def test_cz_technical_equipment_is_outside_art_11_2_and_needs_no_consent(desk):
    request = incoming_request("kz-cz-2017")

    assert _onward(desk, request, material="equipment").consent_reference == ""


def test_sk_data_on_persons_to_another_kazakh_body_need_written_consent_citing_5_3(desk):
    request = incoming_request("kz-sk-2007")

    with pytest.raises(RuleViolation) as exc:
        _onward(desk, request, material="personal_data", recipient_kind="domestic_body",
                recipient="Tax Committee", consent_given_on=TODAY)

    assert cited(exc) == ("register_onward_transfer", "Art 5.3", "consent_reference")


def test_sk_data_on_persons_to_the_body_fighting_organised_crime_need_no_consent(desk):
    request = incoming_request("kz-sk-2007")

    transfer = _onward(desk, request, material="personal_data", recipient_kind="domestic_body",
                       recipient="Anti-organised-crime department",
                       recipient_fights_organised_crime=True)

    assert transfer.consent_given_on is None


def test_onward_transfer_before_the_consent_is_refused(desk):
    request = incoming_request("kz-cz-2017")

    with pytest.raises(RuleViolation) as exc:
        _onward(desk, request, consent_reference="PP 1", consent_given_on=TODAY,
                onward_transferred_on=TODAY - timedelta(days=1))

    assert cited(exc) == ("register_onward_transfer", "Art 11.2", "onward_transferred_on")


def test_onward_transfer_of_a_register_entry_through_the_general_service(desk):
    request = incoming_request("kz-sk-2007")
    entry = records.personal_data_record(
        actor=desk, request_id=request.pk, flow="received", transferred_on=TODAY,
        purpose="Identify", data_categories="Name", bodies_involved="MVD",
        deletion_due_on=TODAY + timedelta(days=30))

    transfer = _onward(desk, request, material="personal_data", personal_data_id=entry.pk,
                       recipient="Europol", recipient_kind="international_organisation",
                       consent_reference="PP 2", consent_given_on=TODAY)

    assert list(entry.consents.all()) == [transfer]


def test_the_entry_based_onward_transfer_still_records_its_request(desk):
    request = incoming_request("kz-cz-2017")
    entry = records.personal_data_record(
        actor=desk, request_id=request.pk, flow="received", transferred_on=TODAY,
        purpose="Identify", data_categories="Name", bodies_involved="MVD",
        deletion_due_on=TODAY + timedelta(days=30))

    consent = records.onward_transfer_record(actor=desk, entry_id=entry.pk, recipient="Europol",
                                             consent_reference="PP 3", consent_given_on=TODAY)

    assert (consent.request, consent.material, consent.citation) == (
        request, "personal_data", "kz-cz-2017 Art 11.2")


def test_onward_transfer_of_spontaneous_information_needs_the_consent_too(desk):
    entry = _spontaneous(desk, slug="kz-cz-2017", state="CZ")

    with pytest.raises(RuleViolation):
        _onward(desk, spontaneous=entry, material="information")
    assert not OnwardTransferConsent.objects.exists()


# --- costs ---------------------------------------------------------------------------------------
def _cost(request, actor, head, **kwargs):
    return registers.cost_item_record(actor=actor, request_id=request.pk, head=head,
                                      description="Expert examination of the documents",
                                      amount=Decimal("1200.00"), currency="eur", **kwargs)


def test_rs_expert_costs_are_borne_by_the_requesting_side_citing_17_1_d(desk):
    request = incoming_request("kz-rs-2015")

    item = _cost(request, desk, "cost_experts")

    assert (item.borne_by, item.citation, item.currency) == (
        "requesting_side", "kz-rs-2015 Art 17.1(d)", "EUR")


def test_br_translation_and_copying_are_borne_by_the_requesting_side_27_2_last_sentence(desk):
    request = incoming_request("kz-br-2018")

    item = _cost(request, desk, "cost_translation_copying")

    assert (item.borne_by, item.citation) == ("requesting_side", "kz-br-2018 Art 27.2")


def test_a_head_the_instrument_does_not_name_is_refused(desk):
    request = incoming_request("kz-br-2018")

    with pytest.raises(RuleViolation) as exc:
        _cost(request, desk, "cost_experts")

    assert cited(exc) == ("register_costs", "Art 27.2", "head")


def test_br_extraordinary_costs_announced_open_an_office_consultation_target_citing_27_4(desk):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018", state="transmitted")

    _cost(request, desk, "cost_execution", extraordinary=True, announced_on=TODAY)

    row = Deadline.objects.get(request=request, kind="cost_consultation")
    assert (row.citation, row.basis) == ("kz-br-2018 Art 27.4", DeadlineBasis.OFFICE_POLICY)
    assert row.due_at == end_of_day(TODAY + timedelta(days=10))


def test_br_consultation_on_costs_meets_the_consultation_target(desk):
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018", state="transmitted")
    _cost(request, desk, "cost_execution", extraordinary=True, announced_on=TODAY)

    records.consultation_record(actor=desk, request_id=request.pk, subject="costs",
                                held_on=TODAY, counterpart="Ministry of Justice (DRCI)",
                                summary="Costs of the expert shared half and half")

    assert Deadline.objects.get(request=request, kind="cost_consultation").status == "met"


def test_rs_extraordinary_costs_open_no_consultation_deadline_since_17_2_is_optional(desk):
    request = incoming_request("kz-rs-2015")

    _cost(request, desk, "cost_execution", extraordinary=True, announced_on=TODAY)

    assert not Deadline.objects.filter(request=request, kind="cost_consultation").exists()


def test_extraordinary_costs_without_the_announcement_date_are_refused(desk):
    request = incoming_request("kz-br-2018")

    with pytest.raises(RuleViolation) as exc:
        _cost(request, desk, "cost_execution", extraordinary=True)

    assert cited(exc) == ("register_costs", "Art 27.4", "announced_on")


def test_an_amount_without_a_currency_is_invalid(desk):
    request = incoming_request("kz-br-2018")

    with pytest.raises(InvalidInput) as exc:
        registers.cost_item_record(actor=desk, request_id=request.pk, head="cost_execution",
                                   description="x", amount=Decimal("1"))

    assert "currency" in exc.value.errors


# --- counterpart notices -------------------------------------------------------------------------
def _notice(actor, **kwargs):
    kwargs.setdefault("instrument", "kz-cz-2017")
    kwargs.setdefault("flow", "received")
    kwargs.setdefault("state", "CZ")
    kwargs.setdefault("kind", "contacts_changed")
    kwargs.setdefault("channel", "electronic")
    return registers.counterpart_notice_record(
        actor=actor, notified_on=TODAY, authority="Police Presidium, International Cooperation",
        contact_details="+420 974 834 210", **kwargs)


def test_cz_contact_change_received_is_registered_citing_13_3(desk):
    notice = _notice(desk)

    assert notice.citation == "kz-cz-2017 Art 13.3"
    assert RegisterLog.objects.get(subject="counterpart_notice").subject_id == notice.pk


def test_rs_central_authority_change_sent_other_than_diplomatically_is_refused_citing_2_3(desk):
    with pytest.raises(RuleViolation) as exc:
        _notice(desk, instrument="kz-rs-2015", state="KZ", flow="supplied",
                kind="functions_transferred")

    assert cited(exc) == ("register_authority_notices", "Art 2.3", "channel")


def test_a_central_authority_change_received_by_e_mail_is_still_recorded(desk):
    notice = _notice(desk, instrument="kz-br-2018", state="BR", kind="authority_designated")

    assert notice.citation == "kz-br-2018 Art 2.3"


def test_a_notice_about_a_state_outside_the_instrument_is_refused(desk):
    with pytest.raises(RuleViolation) as exc:
        _notice(desk, state="RS")

    assert exc.value.violations[0].field == "state"
