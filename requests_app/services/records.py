"""Recording facts about a request: translations, originals, proofs of service, consultations,
decisions, handed-over items, detainee transfers, the personal-data register, onward-transfer
consents and asset measures. Each runs in ``request_change``: locked, logged with the article of the request's
instrument it is recorded under (office procedure where the instrument has none), deadlines
recomputed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from treaties.rulebook.schema import DutyEvent
from treaties.rules.guards import check_onward_transfer
from treaties.rules.guards import check_service_proof
from treaties.rules.guards import check_transfer_terms
from treaties.rules.violations import Violation

from .. import clock
from ..exceptions import InvalidInput
from ..exceptions import RuleViolation
from ..models import PROVISIONAL_STATES
from ..models import AssetMeasure
from ..models import AssetMeasureKind
from ..models import AssistanceRequest
from ..models import Channel
from ..models import Consultation
from ..models import ConsultationSubject
from ..models import DataFlow
from ..models import Decision
from ..models import DecisionKind
from ..models import DetaineeTransfer
from ..models import HandedOverItem
from ..models import ItemHolder
from ..models import ItemReturnStatus
from ..models import OnwardTransferConsent
from ..models import OriginalDocument
from ..models import PersonalDataTransfer
from ..models import RequestPerson
from ..models import RequestState
from ..models import ServiceProof
from ..models import Translation
from ..models.audit import citation_parse
from ..roles import CASEWORKERS
from ..roles import CLERKS
from ..workflow.bases import consultation_rule
from ..workflow.bases import proof_of_service_rule
from .changes import Change
from .changes import raise_if
from .changes import request_change
from .duties import duty_trigger_automatic
from .facts import request_facts


def _require(**values: object) -> None:
    missing = {k: str(_("This field is required.")) for k, v in values.items()
               if v is None or (isinstance(v, str) and not v.strip())}
    if missing:
        raise InvalidInput(missing)


def _request_id_of(model: type[Model], pk: int, field: str, **lookup: object) -> int:
    request_id: int | None = (model._default_manager.filter(pk=pk, **lookup)
                              .values_list("request_id", flat=True).first())
    if request_id is None:
        raise InvalidInput({field: str(_("Not found."))})
    return request_id


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


# --- translations, originals, service -------------------------------------------------------------
def translation_record(*, actor: User, request_id: int, language: str, document: str = "request",
                       translated_by: str = "", completed_on: date | None = None,
                       expected_version: int | None = None) -> Translation:
    _require(language=language)
    with request_change(actor=actor, request_id=request_id, action="translation_recorded",
                        roles=CASEWORKERS, expected_version=expected_version) as change:
        translation = Translation.objects.create(
            request=change.request, language=language.strip().lower(), document=document,
            translated_by=translated_by, completed_on=completed_on)
        change.cite(change.request.rulebook.language)
        change.details = {"language": translation.language, "document": document,
                          "completed_on": _iso(completed_on)}
    return translation


def original_record(*, actor: User, request_id: int, asked_for_on: date | None = None,
                    dispatched_on: date | None = None, dispatch_channel: str = "",
                    tracking_number: str = "", received_on: date | None = None,
                    expected_version: int | None = None) -> OriginalDocument:
    """Track the original of a request sent by technical means: dispatched by post with it
    (RS 3.4), or within 30 days of the requested side asking (BR 22.1)."""
    if dispatch_channel and dispatch_channel not in Channel.values:
        raise InvalidInput({"dispatch_channel": str(_("Unknown channel."))})
    if dispatched_on and not dispatch_channel:
        raise InvalidInput({"dispatch_channel": str(_("Say how the original was dispatched."))})
    with request_change(actor=actor, request_id=request_id, action="original_recorded",
                        roles=CLERKS, expected_version=expected_version) as change:
        original = OriginalDocument.objects.create(
            request=change.request, asked_for_on=asked_for_on, dispatched_on=dispatched_on,
            dispatch_channel=dispatch_channel, tracking_number=tracking_number,
            received_on=received_on)
        # RS 3.4, BR 22.1; an instrument without a rule on originals: office procedure.
        change.cite(change.request.rulebook.originals)
        change.details = {"original": original.pk, "asked_for_on": _iso(asked_for_on),
                          "dispatched_on": _iso(dispatched_on), "received_on": _iso(received_on)}
    return original


def original_update(*, actor: User, original_id: int, expected_version: int | None = None,
                    **changes: Any) -> OriginalDocument:
    allowed = {"asked_for_on", "dispatched_on", "dispatch_channel", "tracking_number",
               "received_on"}
    if set(changes) - allowed:
        raise InvalidInput({k: str(_("This field cannot be set here."))
                            for k in set(changes) - allowed})
    request_id = _request_id_of(OriginalDocument, original_id, "original")
    with request_change(actor=actor, request_id=request_id, action="original_updated",
                        roles=CLERKS, expected_version=expected_version) as change:
        original = OriginalDocument.objects.get(pk=original_id)
        for name, value in changes.items():
            setattr(original, name, value)
        original.save()
        change.cite(change.request.rulebook.originals)
        change.details = {"original": original.pk, **{k: _iso(v) for k, v in changes.items()}}
    return original


def service_proof_record(*, actor: User, request_id: int, person_id: int | None = None,
                         served_at: datetime | None = None, place: str = "", manner: str = "",
                         received_by: str = "", signed_and_sealed: bool = False,
                         not_served_reason: str = "",
                         expected_version: int | None = None) -> ServiceProof:
    """RS 8.2: proof of service with date, time, place, manner and recipient, signed and sealed;
    if not served, the reasons."""
    if served_at is None and not not_served_reason.strip():
        raise InvalidInput({"served_at": str(_("Give the time of service or the reason it was "
                                               "not served."))})
    with request_change(actor=actor, request_id=request_id, action="service_proof_recorded",
                        roles=CASEWORKERS, expected_version=expected_version) as change:
        if person_id and not RequestPerson.objects.filter(pk=person_id,
                                                          request=change.request).exists():
            raise InvalidInput({"person": str(_("Not found."))})
        raise_if(check_service_proof(
            change.request.rulebook, request_facts(change.request), served=served_at is not None,
            place=place, manner=manner, received_by=received_by,
            signed_and_sealed=signed_and_sealed, not_served_reason=not_served_reason))
        proof = ServiceProof.objects.create(
            request=change.request, person_id=person_id, served_at=served_at, place=place,
            manner=manner, received_by=received_by, signed_and_sealed=signed_and_sealed,
            not_served_reason=not_served_reason)
        # RS 8.2, BR 6.3; the police agreements say nothing of proofs of service.
        change.cite(proof_of_service_rule(change.request.rulebook))
        change.details = {"proof": proof.pk, "served_at": _iso(served_at)}
        if served_at is None:
            # RS 8.2: not served: the requesting side is told without delay, with the reasons.
            duty = duty_trigger_automatic(change, actor, DutyEvent.NON_SERVICE,
                                          not_served_reason)
            if duty is not None:
                change.cite(citation_parse(duty.citation))
    return proof


# --- consultations and decisions -----------------------------------------------------------------
def consultation_record(*, actor: User, request_id: int, subject: str, held_on: date,
                        counterpart: str, summary: str, outcome: str = "", channel: str = "",
                        expected_version: int | None = None) -> Consultation:
    """A consultation with the other side; RS 5.3 and BR 3.3 require one before refusing (BR also
    before deferring)."""
    if subject not in ConsultationSubject.values:
        raise InvalidInput({"subject": str(_("Unknown subject."))})
    _require(held_on=held_on, counterpart=counterpart, summary=summary)
    with request_change(actor=actor, request_id=request_id, action="consultation_recorded",
                        roles=CASEWORKERS, expected_version=expected_version) as change:
        from .. import clock

        if held_on > clock.today():
            raise InvalidInput({"held_on": str(_("A consultation cannot be recorded before it "
                                                 "is held."))})
        consultation = Consultation.objects.create(
            request=change.request, subject=subject, held_on=held_on, counterpart=counterpart,
            summary=summary, outcome=outcome, channel=channel, recorded_by=actor)
        change.cite(consultation_rule(change.request.rulebook, subject))
        change.details = {"consultation": consultation.pk, "subject": subject,
                          "held_on": _iso(held_on)}
    return consultation


def decision_record_partial_or_conditional_considered(
        *, actor: User, request_id: int, reasons: str, decided_on: date,
        expected_version: int | None = None) -> Decision:
    """RS 6.3: before deferring, the requested side decides whether partial or conditional
    execution is possible. This records that it was considered and why it is not possible."""
    _require(reasons=reasons, decided_on=decided_on)
    with request_change(actor=actor, request_id=request_id,
                        action="partial_or_conditional_considered", roles=CLERKS,
                        expected_version=expected_version) as change:
        rule = change.request.rulebook.deferral_after_partial_or_conditional_decision
        decision = Decision.objects.create(
            request=change.request, kind=DecisionKind.PARTIAL_OR_CONDITIONAL_CONSIDERED,
            reasons=reasons, decided_on=decided_on, decided_by=actor,
            citation=str(rule.citation) if rule else "")
        change.cite(rule)
        change.details = {"decision": decision.pk}
    return decision


# --- handed-over items ----------------------------------------------------------------------------
def item_record(*, actor: User, request_id: int, description: str, holder: str,
                handed_over_on: date, third_party_conditions: str = "",
                expected_version: int | None = None) -> HandedOverItem:
    """An item handed over in execution, to be returned unless return is waived (RS 15, BR 14)."""
    if holder not in ItemHolder.values:
        raise InvalidInput({"holder": str(_("Unknown holder."))})
    _require(description=description, handed_over_on=handed_over_on)
    with request_change(actor=actor, request_id=request_id, action="item_recorded",
                        roles=CASEWORKERS, expected_version=expected_version) as change:
        item = HandedOverItem.objects.create(
            request=change.request, description=description, holder=holder,
            handed_over_on=handed_over_on, third_party_conditions=third_party_conditions)
        change.cite(change.request.rulebook.return_of_items)
        change.details = {"item": item.pk, "holder": holder}
    return item


def _item_close(*, actor: User, item_id: int, action: str, status: str, on: date, reference: str,
                expected_version: int | None) -> HandedOverItem:
    request_id = _request_id_of(HandedOverItem, item_id, "item")
    with request_change(actor=actor, request_id=request_id, action=action, roles=CASEWORKERS,
                        expected_version=expected_version) as change:
        item = HandedOverItem.objects.get(pk=item_id)
        if item.return_status != ItemReturnStatus.HELD:
            raise InvalidInput({"item": str(_("This item is already returned or waived."))})
        if on < item.handed_over_on:
            raise InvalidInput({"date": str(_("This date is before the item was handed over."))})
        item.return_status = status
        if status == ItemReturnStatus.RETURNED:
            item.returned_on = on
        else:
            item.waived_on, item.waiver_reference = on, reference
        item.save()
        change.cite(change.request.rulebook.return_of_items)
        change.details = {"item": item.pk, "on": on.isoformat()}
    return item


def item_mark_returned(*, actor: User, item_id: int, returned_on: date,
                       expected_version: int | None = None) -> HandedOverItem:
    return _item_close(actor=actor, item_id=item_id, action="item_returned",
                       status=ItemReturnStatus.RETURNED, on=returned_on, reference="",
                       expected_version=expected_version)


def item_waive_return(*, actor: User, item_id: int, waived_on: date, waiver_reference: str,
                      expected_version: int | None = None) -> HandedOverItem:
    _require(waiver_reference=waiver_reference)
    return _item_close(actor=actor, item_id=item_id, action="item_return_waived",
                       status=ItemReturnStatus.WAIVED, on=waived_on, reference=waiver_reference,
                       expected_version=expected_version)


# --- detainee transfers ---------------------------------------------------------------------------
def transfer_record(*, actor: User, request_id: int, person_id: int, transferred_on: date,
                    return_due_on: date | None = None, release_date: date | None = None,
                    person_consented: bool = False,
                    expected_version: int | None = None) -> DetaineeTransfer:
    """RS 11.1: return within the term set, at most six months. BR 9: with the person's consent,
    returned no later than the release date."""
    with request_change(actor=actor, request_id=request_id, action="transfer_recorded",
                        roles=CLERKS, expected_version=expected_version) as change:
        request = change.request
        if not RequestPerson.objects.filter(pk=person_id, request=request).exists():
            raise InvalidInput({"person": str(_("Not found."))})
        if release_date and return_due_on is None:
            return_due_on = release_date
        if return_due_on is not None and return_due_on < transferred_on:
            raise InvalidInput({"return_due_on": str(_("The return term is before the transfer."))})
        raise_if(check_transfer_terms(request.rulebook, transferred_on=transferred_on,
                                      return_due_on=return_due_on, release_date=release_date,
                                      person_consented=person_consented))
        transfer = DetaineeTransfer.objects.create(
            request=request, person_id=person_id, transferred_on=transferred_on,
            return_due_on=return_due_on, release_date=release_date,
            person_consented=person_consented)
        change.cite(request.rulebook.detainee_transfer)
        change.details = {"transfer": transfer.pk, "return_due_on": _iso(return_due_on)}
    return transfer


@contextmanager
def _transfer_change(*, actor: User, transfer_id: int, action: str,
                     expected_version: int | None) -> Iterator[tuple[Change, DetaineeTransfer]]:
    """A change to one recorded transfer (RS 11, BR 9; clerks only): its request locked, the row
    read under the lock, then saved and the change cited once the body has set it."""
    request_id = _request_id_of(DetaineeTransfer, transfer_id, "transfer")
    with request_change(actor=actor, request_id=request_id, action=action, roles=CLERKS,
                        expected_version=expected_version) as change:
        transfer = DetaineeTransfer.objects.get(pk=transfer_id)
        yield change, transfer
        transfer.save()
        change.cite(change.request.rulebook.detainee_transfer)


def transfer_extend(*, actor: User, transfer_id: int, return_due_on: date,
                    expected_version: int | None = None) -> DetaineeTransfer:
    """RS 11.1: the return term may be extended once, at the requesting side's request."""
    with _transfer_change(actor=actor, transfer_id=transfer_id, action="transfer_extended",
                          expected_version=expected_version) as (change, transfer):
        rule = change.request.rulebook.detainee_transfer
        if rule is not None and rule.until_release_date:
            raise RuleViolation([Violation(
                rule.code, rule.citation,
                _("Under this instrument the person is returned by the release date; there is no "
                  "extension."), "return_due_on")])
        if transfer.return_due_on and return_due_on <= transfer.return_due_on:
            raise InvalidInput({"return_due_on": str(_("An extension must move the term later."))})
        raise_if(check_transfer_terms(
            change.request.rulebook, transferred_on=transfer.transferred_on,
            return_due_on=return_due_on, release_date=transfer.release_date,
            person_consented=transfer.person_consented,
            extension_count=transfer.extension_count + 1))
        change.details = {"transfer": transfer.pk, "from": _iso(transfer.return_due_on),
                          "to": _iso(return_due_on)}
        transfer.return_due_on = return_due_on
        transfer.extension_count += 1
    return transfer


def transfer_set_release_date(*, actor: User, transfer_id: int, release_date: date,
                              expected_version: int | None = None) -> DetaineeTransfer:
    """BR 9.2: the person goes back no later than the release date in the sending state. When
    that date moves (a sentence shortened, say), the return term and its deadline move with it."""
    with _transfer_change(actor=actor, transfer_id=transfer_id,
                          action="transfer_release_date_changed",
                          expected_version=expected_version) as (change, transfer):
        rule = change.request.rulebook.detainee_transfer
        if rule is None or not rule.until_release_date:
            raise InvalidInput({"release_date": str(_(
                "This instrument ties the return to a term, not to the release date."))})
        if release_date < transfer.transferred_on:
            raise InvalidInput({"release_date": str(_("This date is before the transfer."))})
        old = transfer.release_date
        transfer.release_date = release_date
        if transfer.return_due_on is None or transfer.return_due_on > release_date or (
                old is not None and transfer.return_due_on == old):
            transfer.return_due_on = release_date
        change.details = {"transfer": transfer.pk, "from": _iso(old), "to": _iso(release_date)}
    return transfer


def transfer_mark_returned(*, actor: User, transfer_id: int, returned_on: date,
                           expected_version: int | None = None) -> DetaineeTransfer:
    with _transfer_change(actor=actor, transfer_id=transfer_id, action="transfer_returned",
                          expected_version=expected_version) as (change, transfer):
        if returned_on < transfer.transferred_on:
            raise InvalidInput({"returned_on": str(_("This date is before the transfer."))})
        transfer.returned_on = returned_on
        change.details = {"transfer": transfer.pk, "returned_on": _iso(returned_on)}
    return transfer


# --- personal data --------------------------------------------------------------------------------
def personal_data_record(*, actor: User, request_id: int, flow: str, transferred_on: date,
                         purpose: str, data_categories: str, bodies_involved: str,
                         deletion_due_on: date | None = None, sensitive: bool = False,
                         sensitive_justification: str = "", use_conditions: str = "",
                         expected_version: int | None = None) -> PersonalDataTransfer:
    """Register a transfer or receipt of personal data (CZ 10.6, SK 5.7). When Kazakhstan supplies
    data it states the deletion term (CZ 10.5, SK 5.6); sensitive categories only when
    necessary (CZ 10.2)."""
    if flow not in DataFlow.values:
        raise InvalidInput({"flow": str(_("Unknown flow."))})
    _require(transferred_on=transferred_on, purpose=purpose, data_categories=data_categories,
             bodies_involved=bodies_involved)
    with request_change(actor=actor, request_id=request_id, action="personal_data_recorded",
                        roles=CASEWORKERS, expected_version=expected_version) as change:
        rule = change.request.rulebook.personal_data
        if rule is not None:
            violations = []
            if flow == DataFlow.SUPPLIED and deletion_due_on is None:
                violations.append(Violation(rule.code, rule.deletion_term, _(
                    "State the term by which the receiver must delete the data."),
                    "deletion_due_on"))
            if rule.sensitive_data and sensitive and not sensitive_justification.strip():
                violations.append(Violation(rule.code, rule.sensitive_data, _(
                    "Sensitive data may be passed only when necessary: say why."),
                    "sensitive_justification"))
            raise_if(violations)
        if deletion_due_on is not None and deletion_due_on < transferred_on:
            raise InvalidInput({"deletion_due_on": str(_("The deletion term is before the "
                                                         "transfer."))})
        entry = PersonalDataTransfer.objects.create(
            request=change.request, flow=flow, transferred_on=transferred_on, purpose=purpose,
            data_categories=data_categories, bodies_involved=bodies_involved,
            deletion_due_on=deletion_due_on, sensitive=sensitive,
            sensitive_justification=sensitive_justification, use_conditions=use_conditions)
        change.cite(rule.register if rule else None)
        change.details = {"entry": entry.pk, "flow": flow, "deletion_due_on": _iso(deletion_due_on)}
    return entry


def personal_data_record_deletion(*, actor: User, entry_id: int, deleted_on: date, reason: str,
                                  supplier_informed_on: date | None = None,
                                  expected_version: int | None = None) -> PersonalDataTransfer:
    """Record the deletion in the register with its reason (CZ 10.6, SK 5.7); under SK 5.6 the
    supplier is told of the deletion and its grounds."""
    _require(deleted_on=deleted_on, reason=reason)
    request_id = _request_id_of(PersonalDataTransfer, entry_id, "entry")
    # The duty to delete outlives the request (CZ 10.5, SK 5.6): allowed after closure too.
    with request_change(actor=actor, request_id=request_id, action="personal_data_deleted",
                        roles=CASEWORKERS, expected_version=expected_version,
                        allow_final_states=True) as change:
        entry = PersonalDataTransfer.objects.get(pk=entry_id)
        if entry.deleted_on:
            raise InvalidInput({"entry": str(_("The deletion is already recorded."))})
        if deleted_on < entry.transferred_on:
            raise InvalidInput({"deleted_on": str(_("This date is before the transfer."))})
        rule = change.request.rulebook.personal_data
        if (rule is not None and rule.supplier_informed_of_deletion is not None
                and entry.flow == DataFlow.RECEIVED and supplier_informed_on is None):
            raise RuleViolation([Violation(
                rule.code, rule.supplier_informed_of_deletion,
                _("Record when the supplier was told of the deletion and its grounds."),
                "supplier_informed_on")])
        entry.deleted_on, entry.deletion_reason = deleted_on, reason
        entry.supplier_informed_on = supplier_informed_on
        entry.save()
        change.cite(rule.register if rule else None)
        change.details = {"entry": entry.pk, "deleted_on": _iso(deleted_on)}
    return entry


def onward_transfer_record(*, actor: User, entry_id: int, recipient: str, consent_reference: str,
                           consent_given_on: date | None,
                           onward_transferred_on: date | None = None,
                           expected_version: int | None = None) -> OnwardTransferConsent:
    """Data received from the other side go to a third state, organisation or party only with
    the supplier's written consent (CZ 11.2, SK 6.2)."""
    _require(recipient=recipient)
    request_id = _request_id_of(PersonalDataTransfer, entry_id, "entry")
    with request_change(actor=actor, request_id=request_id, action="onward_transfer_recorded",
                        roles=CASEWORKERS, expected_version=expected_version,
                        allow_final_states=True) as change:
        rule = change.request.rulebook.personal_data
        raise_if(check_onward_transfer(change.request.rulebook,
                                       consent_reference=consent_reference,
                                       consent_given_on=consent_given_on))
        if consent_given_on is None:
            # No rule asked for it (an instrument without a personal-data rule), but the
            # register records the consent's date.
            raise InvalidInput({"consent_given_on": str(_("This field is required."))})
        if onward_transferred_on and consent_given_on and onward_transferred_on < consent_given_on:
            raise RuleViolation([Violation(
                rule.code if rule else "onward_transfer",
                rule.onward_transfer_consent if rule else None,
                _("The data cannot go onward before the consent was given."),
                "onward_transferred_on")])
        consent = OnwardTransferConsent.objects.create(
            personal_data_id=entry_id, request=change.request, recipient=recipient,
            consent_reference=consent_reference, consent_given_on=consent_given_on,
            onward_transferred_on=onward_transferred_on,
            citation=str(rule.onward_transfer_consent) if rule else "")
        change.cite(rule.onward_transfer_consent if rule else None)
        change.details = {"consent": consent.pk, "recipient": recipient}
    return consent


# --- asset measures -------------------------------------------------------------------------------
# The largest amount the column holds: 18 digits, 2 of them decimals.
ASSET_AMOUNT_LIMIT = Decimal(10) ** 16


def asset_measure_amount_errors(amount: object) -> str | None:
    """Why ``amount`` is not an amount of an asset measure (more than zero, at most two
    decimals, fewer than 17 digits before the point), or None."""
    if not isinstance(amount, (Decimal, int)) or isinstance(amount, bool):
        return str(_("Give the amount as a number."))
    value = Decimal(amount)
    if not value.is_finite():
        return str(_("Give the amount as a number."))
    if value <= 0:
        return str(_("The amount must be more than zero."))
    if value >= ASSET_AMOUNT_LIMIT:
        return str(_("The amount is too large."))
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        return str(_("The amount has at most two decimals."))
    return None


def asset_measures_recordable(request: AssistanceRequest) -> bool:
    """A request that was sent or received (not a draft, nor a draft withdrawn unsent)."""
    return request.state not in PROVISIONAL_STATES and not (
        request.state == RequestState.WITHDRAWN and request.opened_on is None)


def asset_measure_record(*, actor: User, request_id: int, kind: str, amount: Decimal,
                         currency: str, taken_on: date, description: str = "",
                         expected_version: int | None = None) -> AssetMeasure:
    """An amount frozen or seized, confiscated, shared or returned in executing a request, in the
    currency of the decision (ISO 4217, upper-cased here), on the day it was decided (not in the
    future). Prosecutors and clerks record it once the request has left drafting (sent or
    received): nothing is frozen on a draft. Logged as office procedure: the instruments provide
    for the measures (BR 18, UNCAC 51-57, ETS 141 Art 11-13) but not for recording their
    amounts, which the office keeps for peer reviews (FATF Recommendations 4, 38)."""
    errors: dict[str, str] = {}
    if kind not in AssetMeasureKind.values:
        errors["kind"] = str(_("Unknown measure."))
    amount_error = (str(_("This field is required.")) if amount is None
                    else asset_measure_amount_errors(amount))
    if amount_error:
        errors["amount"] = amount_error
    code = (currency or "").strip().upper()
    if not (len(code) == 3 and code.isascii() and code.isalpha()):
        errors["currency"] = str(_("Give the three-letter ISO 4217 code of the currency, such "
                                   "as KZT, USD or EUR."))
    if taken_on is None:
        errors["taken_on"] = str(_("This field is required."))
    if errors:
        raise InvalidInput(errors)
    if taken_on > clock.today():
        raise InvalidInput({"taken_on": str(_("A measure cannot be recorded before it is "
                                              "decided."))})
    # A confiscation, a sharing or a return often comes after the request was closed.
    with request_change(actor=actor, request_id=request_id, action="asset_measure_recorded",
                        roles=CASEWORKERS, expected_version=expected_version,
                        allow_final_states=True) as change:
        if not asset_measures_recordable(change.request):
            raise InvalidInput({"state": str(_("Asset measures are recorded once the request "
                                               "is sent or received, not on a draft."))})
        measure = AssetMeasure.objects.create(
            request=change.request, kind=kind, amount=Decimal(amount), currency=code,
            taken_on=taken_on, description=description or "", recorded_by=actor)
        change.office_procedure()
        change.details = {"asset_measure": measure.pk, "kind": kind,
                          "amount": str(measure.amount), "currency": code,
                          "taken_on": _iso(taken_on)}
    return measure
