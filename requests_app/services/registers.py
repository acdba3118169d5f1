"""Writing the registers: conditions of use and consents to another use (RS 7, BR 5, CZ 10.1,
SK 5.1), uses for another purpose, information exchanged without a request (RS 16, BR 25, CZ 9.3,
SK 7.1), onward transfers of material received (CZ 11.2, SK 5.3, 6.2), the receiver's duties on
personal data (CZ 10.3-10.4, SK 5.2, 5.4), costs (RS 17, BR 27, CZ 12, SK 11) and counterpart
notices (RS 2.3, BR 2.3, CZ 13, SK 8.2).

Material of a request is changed in ``request_change`` (locked, version bumped, logged in the
transition log, deadlines recomputed). Spontaneous information and counterpart notices belong to
no request: their changes run in one transaction with the row locked, the role checked, and an
entry in the append-only ``RegisterLog``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from decimal import Decimal
from typing import TypeVar

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from treaties.models import Instrument
from treaties.models import State
from treaties.rulebook.schema import Rulebook
from treaties.rules.registers import USE_KINDS
from treaties.rules.registers import ConsentFacts
from treaties.rules.registers import check_cost_item
from treaties.rules.registers import check_counterpart_notice
from treaties.rules.registers import check_onward_transfer_of_material
from treaties.rules.registers import check_other_use
from treaties.rules.registers import check_spontaneous_information
from treaties.rules.registers import onward_transfer_consent_citation
from treaties.rules.violations import Violation

from .. import clock
from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..exceptions import RuleViolation
from ..models import AssistanceRequest
from ..models import Channel
from ..models import ConsentStatus
from ..models import CostItem
from ..models import CounterpartNotice
from ..models import CounterpartNoticeKind
from ..models import DataFlow
from ..models import MaterialKind
from ..models import MaterialUse
from ..models import MaterialUseKind
from ..models import OnwardTransferConsent
from ..models import PersonalDataAction
from ..models import PersonalDataNotice
from ..models import PersonalDataNoticeKind
from ..models import PersonalDataTransfer
from ..models import PersonalDataUseReport
from ..models import RecipientKind
from ..models import RegisterLog
from ..models import SpontaneousInformation
from ..models import UseCondition
from ..models import UseConditionKind
from ..models import UseConsent
from ..models.audit import citation_parse
from ..roles import CASEWORKERS
from ..roles import CLERKS
from ..roles import user_has_any_role
from .changes import raise_if
from .changes import request_change

M = TypeVar("M", bound=Model)


def _required(**values: object) -> None:
    missing = {k: str(_("This field is required.")) for k, v in values.items()
               if v is None or (isinstance(v, str) and not v.strip())}
    if missing:
        raise InvalidInput(missing)


def _choice(name: str, value: str, choices: list[str]) -> None:
    if value not in choices:
        raise InvalidInput({name: str(_("Unknown value."))})


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _cite(citation: object) -> str:
    return str(citation) if citation else ""


# --- the frame of a change to material -----------------------------------------------------------
@dataclass
class MaterialChange:
    """What a change to a request's material or to spontaneous information is about, and what
    the body fills in for the log."""

    rulebook: Rulebook
    now: datetime
    request: AssistanceRequest | None = None
    spontaneous: SpontaneousInformation | None = None
    citation: str = ""
    details: dict[str, object] = field(default_factory=dict)

    @property
    def owner(self) -> dict[str, object]:
        """The keyword that ties a new row to its material."""
        return {"request": self.request} if self.request else {"spontaneous": self.spontaneous}


def register_log_write(*, actor: User, at: datetime, action: str, subject: str, subject_id: int,
                       citation: str = "", details: dict[str, object] | None = None) -> RegisterLog:
    return RegisterLog.objects.create(actor=actor if getattr(actor, "pk", None) else None, at=at,
                                      action=action, subject=subject, subject_id=subject_id,
                                      citation=citation, details=details or {})


@contextmanager
def _spontaneous_change(*, actor: User, spontaneous_id: int, action: str,
                        roles: tuple[str, ...] = CLERKS) -> Iterator[MaterialChange]:
    """A change to one spontaneous-information entry: clerks (supervisors step in), the row
    locked, the register log written once the body has run."""
    if not user_has_any_role(actor, roles):
        raise ActionNotPermitted()
    with transaction.atomic():
        entry = (SpontaneousInformation.objects.select_for_update(of=("self",))
                 .select_related("instrument").filter(pk=spontaneous_id).first())
        if entry is None:
            raise InvalidInput({"spontaneous": str(_("Not found."))})
        change = MaterialChange(rulebook=entry.instrument.rulebook, now=clock.now(),
                                spontaneous=entry)
        yield change
        register_log_write(actor=actor, at=change.now, action=action,
                           subject="spontaneous_information", subject_id=entry.pk,
                           citation=change.citation, details=change.details)


@contextmanager
def material_change(*, actor: User, action: str, request_id: int | None = None,
                    spontaneous_id: int | None = None, roles: tuple[str, ...] = CASEWORKERS,
                    expected_version: int | None = None) -> Iterator[MaterialChange]:
    """Run the body on a request's material (``request_change``: also after closure, since a
    use condition binds as long as the material is held) or on spontaneous information."""
    if (request_id is None) == (spontaneous_id is None):
        raise InvalidInput({"request": str(_("Name either a request or spontaneous "
                                             "information."))})
    if spontaneous_id is not None:
        with _spontaneous_change(actor=actor, spontaneous_id=spontaneous_id, action=action,
                                 roles=CLERKS) as change:
            yield change
        return
    assert request_id is not None
    with request_change(actor=actor, request_id=request_id, action=action, roles=roles,
                        expected_version=expected_version, allow_final_states=True) as outer:
        change = MaterialChange(rulebook=outer.request.rulebook, now=outer.now,
                                request=outer.request)
        yield change
        outer.cite(citation_parse(change.citation))
        outer.details = change.details


def _own_row(model: type[M], pk: int | None, change: MaterialChange, name: str) -> M | None:
    """A row of ``model`` that belongs to the same material, or InvalidInput."""
    if pk is None:
        return None
    row: M | None = model._default_manager.filter(pk=pk, **change.owner).first()
    if row is None:
        raise InvalidInput({name: str(_("Not found."))})
    return row


# --- use conditions, consents, uses --------------------------------------------------------------
def use_condition_record(*, actor: User, flow: str, kind: str, conditions: str, set_by: str,
                         set_on: date, request_id: int | None = None,
                         spontaneous_id: int | None = None,
                         expected_version: int | None = None) -> UseCondition:
    """Record a condition attached to material: by the supplier to what Kazakhstan received
    (binding on Kazakhstan: RS 7.2, 16.2; BR 5.2, 25.2; CZ 10.1; SK 5.1), or by Kazakhstan to what
    it supplied."""
    _choice("flow", flow, DataFlow.values)
    _choice("kind", kind, UseConditionKind.values)
    _required(conditions=conditions, set_by=set_by, set_on=set_on)
    with material_change(actor=actor, action="use_condition_recorded", request_id=request_id,
                         spontaneous_id=spontaneous_id,
                         expected_version=expected_version) as change:
        rule = change.rulebook.use_conditions
        spontaneous = change.rulebook.spontaneous_information_register
        if change.spontaneous is not None and spontaneous is not None:
            citation = _cite(spontaneous.conditions or spontaneous.citation)
        elif kind == UseConditionKind.CONFIDENTIALITY and rule and rule.confidentiality_inability:
            citation = _cite(rule.confidentiality_inability)
        else:
            citation = _cite(rule.citation if rule else None)
        condition = UseCondition.objects.create(
            **change.owner, flow=flow, kind=kind, conditions=conditions, set_by=set_by,
            set_on=set_on, citation=citation, recorded_by=actor)
        change.citation = citation
        change.details = {"condition": condition.pk, "kind": kind, "flow": flow}
    return condition


def use_consent_record(*, actor: User, scope: str, asked_on: date, flow: str = DataFlow.RECEIVED,
                       condition_id: int | None = None, status: str = ConsentStatus.ASKED,
                       answered_on: date | None = None, in_writing: bool = False,
                       reference: str = "", request_id: int | None = None,
                       spontaneous_id: int | None = None,
                       expected_version: int | None = None) -> UseConsent:
    """Record a consent to use material for another purpose: asked of the supplier (material
    received: RS 7.2, BR 5.2, CZ 10.1 in writing, SK 5.1) or asked of Kazakhstan (supplied), with
    its answer if already known."""
    _choice("flow", flow, DataFlow.values)
    _choice("status", status, ConsentStatus.values)
    _required(scope=scope, asked_on=asked_on)
    _check_answer(status, asked_on, answered_on)
    with material_change(actor=actor, action="use_consent_recorded", request_id=request_id,
                         spontaneous_id=spontaneous_id,
                         expected_version=expected_version) as change:
        _own_row(UseCondition, condition_id, change, "condition")
        rule = change.rulebook.use_conditions
        citation = _cite(rule.other_use_consent if rule else None)
        consent = UseConsent.objects.create(
            **change.owner, flow=flow, condition_id=condition_id, scope=scope, asked_on=asked_on,
            status=status, answered_on=answered_on, in_writing=in_writing, reference=reference,
            citation=citation, recorded_by=actor)
        change.citation = citation
        change.details = {"consent": consent.pk, "status": status,
                          "answered_on": _iso(answered_on)}
    return consent


def _check_answer(status: str, asked_on: date, answered_on: date | None) -> None:
    if status == ConsentStatus.ASKED:
        if answered_on is not None:
            raise InvalidInput({"answered_on": str(_("An answer date needs the answer."))})
        return
    if answered_on is None:
        raise InvalidInput({"answered_on": str(_("Give the date of the answer."))})
    if answered_on < asked_on:
        raise InvalidInput({"answered_on": str(_("The answer is dated before the question."))})


def use_consent_answer(*, actor: User, consent_id: int, status: str, answered_on: date,
                       in_writing: bool = False, reference: str = "",
                       expected_version: int | None = None) -> UseConsent:
    """Record the answer to a consent asked for: given or refused, on which day, in writing or
    not, its reference."""
    _choice("status", status, [ConsentStatus.GIVEN, ConsentStatus.REFUSED])
    owner = (UseConsent.objects.filter(pk=consent_id)
             .values_list("request_id", "spontaneous_id").first())
    if owner is None:
        raise InvalidInput({"consent": str(_("Not found."))})
    with material_change(actor=actor, action="use_consent_answered", request_id=owner[0],
                         spontaneous_id=owner[1], expected_version=expected_version) as change:
        consent = UseConsent.objects.select_for_update().get(pk=consent_id)
        if consent.status != ConsentStatus.ASKED:
            raise InvalidInput({"consent": str(_("This consent is already answered."))})
        _check_answer(status, consent.asked_on, answered_on)
        consent.status, consent.answered_on = status, answered_on
        consent.in_writing, consent.reference = in_writing, reference
        consent.save()
        change.citation = consent.citation
        change.details = {"consent": consent.pk, "status": status,
                          "answered_on": _iso(answered_on)}
    return consent


def material_use_record(*, actor: User, kind: str, description: str, used_on: date,
                        consent_id: int | None = None, supplier_notified_on: date | None = None,
                        request_id: int | None = None, spontaneous_id: int | None = None,
                        expected_version: int | None = None) -> MaterialUse:
    """Record a use of material received beyond the purpose it was given for. Refused, citing
    the article, unless a consent given before the use allows it (BR 5.2; RS 7.2 where the
    supplier asked for the limitation; CZ 10.1 in writing; SK 5.1). A disclosure Kazakh criminal
    procedure requires needs no consent but is notified to the requested side (BR 5.4); a use of
    what was disclosed in a public hearing is free (BR 5.3)."""
    _choice("kind", kind, list(USE_KINDS))
    _required(description=description, used_on=used_on)
    with material_change(actor=actor, action="material_use_recorded", request_id=request_id,
                         spontaneous_id=spontaneous_id,
                         expected_version=expected_version) as change:
        consent = _own_row(UseConsent, consent_id, change, "consent")
        limitation = UseCondition.objects.filter(
            **change.owner, flow=DataFlow.RECEIVED,
            kind=UseConditionKind.USE_LIMITATION).exists()
        facts = (ConsentFacts(consent.status, consent.answered_on, consent.in_writing)
                 if consent else None)
        raise_if(check_other_use(change.rulebook, kind=kind, used_on=used_on,
                                 limitation_recorded=limitation, consent=facts))
        if supplier_notified_on is not None and supplier_notified_on < used_on:
            raise InvalidInput({"supplier_notified_on": str(_("This date is before the use."))})
        rule = change.rulebook.use_conditions
        if rule is None:
            citation = ""
        elif kind == MaterialUseKind.REQUIRED_BY_LAW and rule.disclosure_notice:
            citation = _cite(rule.disclosure_notice)
        elif kind == MaterialUseKind.PUBLICLY_DISCLOSED and rule.publicly_disclosed_free:
            citation = _cite(rule.publicly_disclosed_free)
        else:
            citation = _cite(rule.other_use_consent)
        use = MaterialUse.objects.create(
            **change.owner, kind=kind, description=description, used_on=used_on,
            consent=consent, supplier_notified_on=supplier_notified_on, citation=citation,
            recorded_by=actor)
        change.citation = citation
        change.details = {"use": use.pk, "kind": kind, "consent": consent_id,
                          "used_on": _iso(used_on)}
    return use


def material_use_notify_supplier(*, actor: User, use_id: int, notified_on: date,
                                 expected_version: int | None = None) -> MaterialUse:
    """BR 5.4: record that the requested side was told of a disclosure the law required."""
    owner = (MaterialUse.objects.filter(pk=use_id)
             .values_list("request_id", "spontaneous_id").first())
    if owner is None:
        raise InvalidInput({"use": str(_("Not found."))})
    with material_change(actor=actor, action="material_use_notified", request_id=owner[0],
                         spontaneous_id=owner[1], expected_version=expected_version) as change:
        use = MaterialUse.objects.select_for_update().get(pk=use_id)
        if use.supplier_notified_on is not None:
            raise InvalidInput({"use": str(_("The notice is already recorded."))})
        if notified_on < use.used_on:
            raise InvalidInput({"notified_on": str(_("This date is before the use."))})
        use.supplier_notified_on = notified_on
        use.save(update_fields=["supplier_notified_on"])
        change.citation = use.citation
        change.details = {"use": use.pk, "notified_on": _iso(notified_on)}
    return use


# --- spontaneous information ---------------------------------------------------------------------
def spontaneous_information_record(*, actor: User, flow: str, exchanged_on: date,
                                   partner_state: str, instrument: str, channel: str,
                                   summary: str, kazakh_authority: str, foreign_authority: str,
                                   conditions: str = "", reference: str = "") -> SpontaneousInformation:
    """Register information sent or received without a request (RS 16.1, BR 25.1, CZ 9.3,
    SK 7.1): only under an instrument that provides it, between Kazakhstan and that state, in
    force on the day. Conditions attached by the sender (RS 16.2, BR 25.2, CZ 10.1, SK 5.1) go
    into the use-conditions register of the entry: on information received they bind
    Kazakhstan. Clerks (supervisors step in)."""
    if not user_has_any_role(actor, CLERKS):
        raise ActionNotPermitted()
    _choice("flow", flow, DataFlow.values)
    _choice("channel", channel, Channel.values)
    _required(exchanged_on=exchanged_on, summary=summary, kazakh_authority=kazakh_authority,
              foreign_authority=foreign_authority)
    if exchanged_on > clock.today():
        raise InvalidInput({"exchanged_on": str(_("This date is in the future."))})
    state = State.objects.filter(iso_code=(partner_state or "").upper()).first()
    if state is None:
        raise InvalidInput({"partner_state": str(_("Unknown state."))})
    with transaction.atomic():
        found = Instrument.objects.filter(slug=instrument).first()
        if found is None:
            raise InvalidInput({"instrument": str(_("Unknown instrument."))})
        rulebook = found.rulebook
        raise_if(check_spontaneous_information(
            rulebook, partner_code=state.iso_code,
            status=found.status_between(exchanged_on, *State.objects.filter(
                iso_code__in=("KZ", state.iso_code)).values_list("pk", flat=True))))
        rule = rulebook.spontaneous_information_register
        entry = SpontaneousInformation.objects.create(
            flow=flow, exchanged_on=exchanged_on, partner_state=state, instrument=found,
            channel=channel, summary=summary, conditions=conditions,
            kazakh_authority=kazakh_authority, foreign_authority=foreign_authority,
            reference=reference, citation=_cite(rule.citation if rule else None),
            recorded_by=actor)
        now = clock.now()
        register_log_write(actor=actor, at=now, action="spontaneous_information_recorded",
                           subject="spontaneous_information", subject_id=entry.pk,
                           citation=entry.citation,
                           details={"flow": flow, "partner_state": state.iso_code,
                                    "exchanged_on": _iso(exchanged_on)})
        if conditions.strip():
            cited = _cite(rule.conditions if rule and rule.conditions else entry.citation)
            condition = UseCondition.objects.create(
                spontaneous=entry, flow=flow, kind=UseConditionKind.USE_LIMITATION,
                conditions=conditions,
                set_by=foreign_authority if flow == DataFlow.RECEIVED else kazakh_authority,
                set_on=exchanged_on, citation=cited, recorded_by=actor)
            register_log_write(actor=actor, at=now, action="use_condition_recorded",
                               subject="spontaneous_information", subject_id=entry.pk,
                               citation=cited, details={"condition": condition.pk})
    return entry


# --- onward transfers ----------------------------------------------------------------------------
def onward_transfer_record_material(
        *, actor: User, material: str, recipient_kind: str, recipient: str,
        description: str = "", recipient_fights_organised_crime: bool = False,
        consent_reference: str = "", consent_given_on: date | None = None,
        onward_transferred_on: date | None = None, request_id: int | None = None,
        spontaneous_id: int | None = None, personal_data_id: int | None = None,
        expected_version: int | None = None) -> OnwardTransferConsent:
    """Record material received passed on: information, data, documents or technical equipment
    to a third state, an international organisation or another third party only with the
    supplier's written consent (CZ 11.2, SK 6.2); data on persons to a Kazakh body other than the
    one fighting organised crime only with written consent (SK 5.3). A personal-data register
    entry (``personal_data_id``) is the request's own."""
    _choice("material", material, MaterialKind.values)
    _choice("recipient_kind", recipient_kind, RecipientKind.values)
    _required(recipient=recipient)
    if personal_data_id is not None and material != MaterialKind.PERSONAL_DATA:
        raise InvalidInput({"material": str(_("A register entry is personal data."))})
    with material_change(actor=actor, action="onward_transfer_recorded", request_id=request_id,
                         spontaneous_id=spontaneous_id,
                         expected_version=expected_version) as change:
        if personal_data_id is not None:
            entry = _own_row(PersonalDataTransfer, personal_data_id, change, "personal_data")
            if entry is not None and entry.flow != DataFlow.RECEIVED:
                raise InvalidInput({"personal_data": str(_(
                    "Only data received from the other side are passed on under this rule."))})
        raise_if(check_onward_transfer_of_material(
            change.rulebook, material=material, recipient_kind=recipient_kind,
            fights_organised_crime=recipient_fights_organised_crime,
            consent_reference=consent_reference, consent_given_on=consent_given_on,
            transferred_on=onward_transferred_on))
        found = onward_transfer_consent_citation(
            change.rulebook, material=material, recipient_kind=recipient_kind,
            fights_organised_crime=recipient_fights_organised_crime)
        rule = change.rulebook.onward_transfer
        citation = _cite(found[1] if found else (rule.citation if rule else None))
        transfer = OnwardTransferConsent.objects.create(
            **change.owner, personal_data_id=personal_data_id, material=material,
            description=description, recipient_kind=recipient_kind, recipient=recipient,
            recipient_fights_organised_crime=recipient_fights_organised_crime,
            consent_reference=consent_reference, consent_given_on=consent_given_on,
            onward_transferred_on=onward_transferred_on, citation=citation)
        change.citation = citation
        change.details = {"onward_transfer": transfer.pk, "material": material,
                          "recipient_kind": recipient_kind, "recipient": recipient,
                          "consent_needed": found is not None}
    return transfer


# --- personal data: notices of inaccuracy, reports on use ----------------------------------------
def _received_entry(change_request: AssistanceRequest, entry_id: int) -> PersonalDataTransfer:
    entry = (PersonalDataTransfer.objects.select_for_update()
             .filter(pk=entry_id, request=change_request).first())
    if entry is None:
        raise InvalidInput({"entry": str(_("Not found."))})
    if entry.flow != DataFlow.RECEIVED:
        raise InvalidInput({"entry": str(_("Only data received from the other side."))})
    return entry


def _entry_request_id(entry_id: int) -> int:
    request_id = (PersonalDataTransfer.objects.filter(pk=entry_id)
                  .values_list("request_id", flat=True).first())
    if request_id is None:
        raise InvalidInput({"entry": str(_("Not found."))})
    return request_id


def personal_data_notice_record(*, actor: User, entry_id: int, kind: str, received_on: date,
                                details: str, reference: str = "",
                                expected_version: int | None = None) -> PersonalDataNotice:
    """The supplier's notice that data it sent were inaccurate or should not have been sent
    (CZ 10.4, SK 5.4): Kazakhstan must correct or destroy them; the office target for doing so
    runs from the notice (office policy: the text says "immediately" or gives no figure)."""
    _choice("kind", kind, PersonalDataNoticeKind.values)
    _required(received_on=received_on, details=details)
    with request_change(actor=actor, request_id=_entry_request_id(entry_id),
                        action="personal_data_notice_recorded", roles=CASEWORKERS,
                        expected_version=expected_version, allow_final_states=True) as change:
        duties = change.request.rulebook.personal_data_duties
        if duties is None:
            raise InvalidInput({"entry": str(_("This instrument sets no such duty."))})
        entry = _received_entry(change.request, entry_id)
        if received_on < entry.transferred_on:
            raise InvalidInput({"received_on": str(_("This date is before the transfer."))})
        notice = PersonalDataNotice.objects.create(
            entry=entry, kind=kind, received_on=received_on, reference=reference,
            details=details, citation=_cite(duties.inaccuracy_notice), recorded_by=actor)
        change.cite(citation_parse(notice.citation))
        change.details = {"notice": notice.pk, "entry": entry.pk, "kind": kind}
    return notice


def personal_data_notice_resolve(*, actor: User, notice_id: int, action: str, acted_on: date,
                                 action_details: str,
                                 supplier_informed_on: date | None = None,
                                 expected_version: int | None = None) -> PersonalDataNotice:
    """Record the correction or destruction a notice of inaccuracy called for (CZ 10.4, SK 5.4).
    Data that should not have been sent are destroyed, not corrected; a destruction is also the
    entry's deletion in the register (CZ 10.6, SK 5.7), the supplier told under SK 5.6."""
    _choice("action", action, PersonalDataAction.values)
    _required(acted_on=acted_on, action_details=action_details)
    entry_id = (PersonalDataNotice.objects.filter(pk=notice_id)
                .values_list("entry_id", flat=True).first())
    if entry_id is None:
        raise InvalidInput({"notice": str(_("Not found."))})
    with request_change(actor=actor, request_id=_entry_request_id(entry_id),
                        action="personal_data_notice_resolved", roles=CASEWORKERS,
                        expected_version=expected_version, allow_final_states=True) as change:
        notice = PersonalDataNotice.objects.select_for_update().get(pk=notice_id)
        if notice.action:
            raise InvalidInput({"notice": str(_("This notice is already acted on."))})
        if acted_on < notice.received_on:
            raise InvalidInput({"acted_on": str(_("This date is before the notice."))})
        rulebook = change.request.rulebook
        duties = rulebook.personal_data_duties
        if (notice.kind == PersonalDataNoticeKind.NOT_TO_BE_SENT
                and action == PersonalDataAction.CORRECTED and duties is not None):
            raise RuleViolation([Violation(
                duties.code, duties.inaccuracy_notice,
                _("Data that should not have been sent are destroyed, not corrected."),
                "action")])
        entry = _received_entry(change.request, entry_id)
        if action == PersonalDataAction.DESTROYED and entry.deleted_on is None:
            rule = rulebook.personal_data
            if (rule is not None and rule.supplier_informed_of_deletion is not None
                    and supplier_informed_on is None):
                raise RuleViolation([Violation(
                    rule.code, rule.supplier_informed_of_deletion,
                    _("Record when the supplier was told of the deletion and its grounds."),
                    "supplier_informed_on")])
            entry.deleted_on, entry.supplier_informed_on = acted_on, supplier_informed_on
            entry.deletion_reason = str(_("Destroyed after the supplier's notice: %(what)s")
                                        % {"what": action_details})
            entry.save()
        notice.action, notice.acted_on, notice.action_details = action, acted_on, action_details
        notice.save()
        change.cite(citation_parse(notice.citation))
        change.details = {"notice": notice.pk, "action": action, "acted_on": _iso(acted_on)}
    return notice


def personal_data_use_report_record(*, actor: User, entry_id: int, asked_on: date,
                                    reference: str = "",
                                    expected_version: int | None = None) -> PersonalDataUseReport:
    """The supplier asks how the data were used and with what result (CZ 10.3, SK 5.2); the
    answer is due by the office target (office policy: the text gives no figure)."""
    _required(asked_on=asked_on)
    with request_change(actor=actor, request_id=_entry_request_id(entry_id),
                        action="personal_data_use_report_asked", roles=CASEWORKERS,
                        expected_version=expected_version, allow_final_states=True) as change:
        duties = change.request.rulebook.personal_data_duties
        if duties is None:
            raise InvalidInput({"entry": str(_("This instrument sets no such duty."))})
        entry = _received_entry(change.request, entry_id)
        if asked_on < entry.transferred_on:
            raise InvalidInput({"asked_on": str(_("This date is before the transfer."))})
        report = PersonalDataUseReport.objects.create(
            entry=entry, asked_on=asked_on, reference=reference,
            citation=_cite(duties.report_on_use), recorded_by=actor)
        change.cite(citation_parse(report.citation))
        change.details = {"report": report.pk, "entry": entry.pk, "asked_on": _iso(asked_on)}
    return report


def personal_data_use_report_answer(*, actor: User, report_id: int, answered_on: date,
                                    answer: str,
                                    expected_version: int | None = None) -> PersonalDataUseReport:
    """Record the report sent: the use made of the data and the results achieved."""
    _required(answered_on=answered_on, answer=answer)
    entry_id = (PersonalDataUseReport.objects.filter(pk=report_id)
                .values_list("entry_id", flat=True).first())
    if entry_id is None:
        raise InvalidInput({"report": str(_("Not found."))})
    with request_change(actor=actor, request_id=_entry_request_id(entry_id),
                        action="personal_data_use_report_answered", roles=CASEWORKERS,
                        expected_version=expected_version, allow_final_states=True) as change:
        report = PersonalDataUseReport.objects.select_for_update().get(pk=report_id)
        if report.answered_on is not None:
            raise InvalidInput({"report": str(_("This report is already answered."))})
        if answered_on < report.asked_on:
            raise InvalidInput({"answered_on": str(_("This date is before the question."))})
        report.answered_on, report.answer = answered_on, answer
        report.save()
        change.cite(citation_parse(report.citation))
        change.details = {"report": report.pk, "answered_on": _iso(answered_on)}
    return report


# --- costs ---------------------------------------------------------------------------------------
def cost_item_record(*, actor: User, request_id: int, head: str, description: str,
                     amount: Decimal | None = None, currency: str = "",
                     extraordinary: bool = False, announced_on: date | None = None,
                     expected_version: int | None = None) -> CostItem:
    """A cost of the request under one of the instrument's heads, borne by the side that head
    names (RS 17.1, BR 27.2 including its last sentence, CZ 12, SK 11). An extraordinary cost
    announced by the requested side calls for a consultation on the conditions and the sharing
    (BR 27.4: mandatory, with an office target; RS 17.2: optional)."""
    _required(head=head, description=description)
    if amount is not None and amount < 0:
        raise InvalidInput({"amount": str(_("The amount cannot be negative."))})
    if amount is not None and not currency.strip():
        raise InvalidInput({"currency": str(_("Give the currency of the amount."))})
    with request_change(actor=actor, request_id=request_id, action="cost_item_recorded",
                        roles=CASEWORKERS, expected_version=expected_version) as change:
        rulebook = change.request.rulebook
        if rulebook.costs is None:
            raise InvalidInput({"head": str(_("This instrument says nothing about costs."))})
        raise_if(check_cost_item(rulebook, head=head, extraordinary=extraordinary,
                                 announced_on=announced_on))
        rule = rulebook.costs.head(head)
        assert rule is not None
        citation = _cite(rulebook.costs.extraordinary if extraordinary else rule.citation)
        item = CostItem.objects.create(
            request=change.request, head=head, description=description, amount=amount,
            currency=currency.strip().upper(), borne_by=rule.borne_by.value, citation=citation,
            extraordinary=extraordinary, announced_on=announced_on if extraordinary else None,
            recorded_by=actor)
        change.cite(citation_parse(citation))
        change.details = {"cost": item.pk, "head": head, "borne_by": item.borne_by,
                          "extraordinary": extraordinary}
    return item


# --- counterpart notices -------------------------------------------------------------------------
def counterpart_notice_record(*, actor: User, instrument: str, flow: str, state: str, kind: str,
                              notified_on: date, channel: str, authority: str,
                              contact_details: str = "", effective_from: date | None = None,
                              reference: str = "") -> CounterpartNotice:
    """A notice about a party's designated authorities or contacts (RS 2.3, BR 2.3, CZ 13.1-13.3,
    SK 8.2), received from the other side or sent by Kazakhstan; Kazakhstan's notices of its
    authorities go through diplomatic channels. Clerks (supervisors step in)."""
    if not user_has_any_role(actor, CLERKS):
        raise ActionNotPermitted()
    _choice("flow", flow, DataFlow.values)
    _choice("kind", kind, CounterpartNoticeKind.values)
    _choice("channel", channel, Channel.values)
    _required(notified_on=notified_on, authority=authority)
    if notified_on > clock.today():
        raise InvalidInput({"notified_on": str(_("This date is in the future."))})
    party = State.objects.filter(iso_code=(state or "").upper()).first()
    if party is None:
        raise InvalidInput({"state": str(_("Unknown state."))})
    with transaction.atomic():
        found = Instrument.objects.filter(slug=instrument).first()
        if found is None:
            raise InvalidInput({"instrument": str(_("Unknown instrument."))})
        rule = found.rulebook.authority_notices
        if rule is None:
            raise InvalidInput({"instrument": str(_("This instrument provides no such notice."))})
        raise_if(check_counterpart_notice(found.rulebook, flow=flow, kind=kind,
                                          state_code=party.iso_code, channel=channel))
        citation = _cite(rule.contacts if kind == CounterpartNoticeKind.CONTACTS_CHANGED
                         and rule.contacts else rule.citation)
        notice = CounterpartNotice.objects.create(
            instrument=found, flow=flow, state=party, kind=kind, notified_on=notified_on,
            channel=channel, authority=authority, contact_details=contact_details,
            effective_from=effective_from, reference=reference, citation=citation,
            recorded_by=actor)
        register_log_write(actor=actor, at=clock.now(), action="counterpart_notice_recorded",
                           subject="counterpart_notice", subject_id=notice.pk, citation=citation,
                           details={"instrument": found.slug, "kind": kind, "flow": flow})
    return notice
