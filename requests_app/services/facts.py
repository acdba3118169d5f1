"""Builds the plain ``RequestFacts`` snapshot the pure rule functions read."""

from __future__ import annotations

from treaties.rulebook.schema import PARTY_DECLARED_LANGUAGES
from treaties.rules.facts import ConsultationFacts
from treaties.rules.facts import DecisionFacts
from treaties.rules.facts import DutyFacts
from treaties.rules.facts import LetterFacts
from treaties.rules.facts import OriginalFacts
from treaties.rules.facts import PersonalDataFacts
from treaties.rules.facts import PersonFacts
from treaties.rules.facts import RequestFacts
from treaties.rules.facts import TransferFacts
from treaties.rules.registers import DataNoticeFacts
from treaties.rules.registers import DisclosureFacts
from treaties.rules.registers import ExtraordinaryCostFacts
from treaties.rules.registers import ReceivedDataFacts
from treaties.rules.registers import RegisterFacts
from treaties.rules.registers import UseReportFacts

from ..content_fields import CONTENT_FIELDS
from ..models import AssistanceRequest
from ..models import ConsultationSubject
from ..models import DataFlow
from ..models import ItemReturnStatus
from ..models import MaterialUseKind
from ..models import PersonalDataNotice
from ..models import PersonalDataUseReport
from ..models import RequestPerson
from .fact_rows import related_rows


def _filled(request: AssistanceRequest, name: str, persons: list[RequestPerson]) -> bool:
    if name == "persons":
        return bool(persons)
    if name == "requesting_authority":
        return request.requesting_authority_id is not None
    if name == "requested_execution_date":
        return request.requested_execution_date is not None
    value = getattr(request, name)
    return bool(value.strip()) if isinstance(value, str) else bool(value)


def request_facts(request: AssistanceRequest) -> RequestFacts:
    """Read everything the rules need about ``request``: a fixed number of queries, whatever the
    number of persons, items or decisions."""
    persons = list(related_rows(request, "persons"))
    requested_state = request.requested_authority.state
    # Only an instrument that defers to the party's declaration reads it (UNTOC 18.14).
    party_languages = (
        request.instrument.party_languages(requested_state.pk)
        if PARTY_DECLARED_LANGUAGES in request.rulebook.language.accepted_languages else None)
    return RequestFacts(
        direction=request.direction,
        channel=request.channel,
        is_urgent=request.is_urgent,
        assistance_types=tuple(request.assistance_types or ()),
        filled_contents=frozenset(n for n in CONTENT_FIELDS if _filled(request, n, persons)),
        officials_wish_to_attend=request.officials_wish_to_attend,
        request_language=request.request_language,
        translation_languages=frozenset(
            t.language for t in related_rows(request, "translations") if t.completed_on is not None),
        translation_agreement=bool(request.translation_agreement.strip()),
        requested_state_languages=requested_state.language_codes,
        requested_party_languages=party_languages,
        shorter_summons_term_agreed=bool(request.shorter_summons_term_agreed_on
                                         and request.shorter_summons_term_agreement.strip()),
        agreed_summons_term_days=request.shorter_summons_term_days,
        agreed_channels=frozenset(request.instrument.agreed_channels or ()),
        requested_execution_date=request.requested_execution_date,
        requested_execution_reason_given=bool(request.requested_execution_reason.strip()),
        persons=tuple(PersonFacts(str(p.pk), p.role, p.appearance_date) for p in persons),
        originals=tuple(
            OriginalFacts(str(o.pk), o.asked_for_on, o.dispatched_on, o.dispatch_channel,
                          o.received_on) for o in related_rows(request, "originals")),
        consultations=tuple(ConsultationFacts(c.subject, c.held_on)
                            for c in related_rows(request, "consultations")),
        decisions=tuple(DecisionFacts(d.kind, d.ground, d.decided_on)
                        for d in related_rows(request, "decisions")),
        items_outstanding=sum(1 for i in related_rows(request, "items")
                              if i.return_status == ItemReturnStatus.HELD),
        transfers=tuple(
            TransferFacts(str(t.pk), t.transferred_on, t.return_due_on, t.extension_count,
                          t.release_date, t.person_consented, t.returned_on)
            for t in related_rows(request, "transfers")),
        personal_data=tuple(
            PersonalDataFacts(str(d.pk), d.flow, d.deletion_due_on, d.deleted_on)
            for d in related_rows(request, "personal_data_transfers")),
        oral_request_at=request.oral_request_at,
        written_confirmation_at=request.written_confirmation_at,
        transmitted_at=request.transmitted_at,
        received_at=request.received_at,
        opened_on=request.opened_on,
        executed_at=request.executed_at,
        final_confiscation_effective_on=request.final_confiscation_effective_on,
        asset_sharing_requested_on=request.asset_sharing_requested_on,
        asset_sharing_term_extended_to=request.asset_sharing_term_extended_to,
        duties=tuple(DutyFacts(str(d.pk), d.rule_code, d.triggered_at, d.fulfilled_at)
                     for d in related_rows(request, "duties")),
        letters=tuple(
            LetterFacts(str(c.pk), c.direction, c.kind, c.dated_on, c.reply_due_on,
                        str(c.in_reply_to_id) if c.in_reply_to_id else None)
            for c in related_rows(request, "correspondence")),
        state=request.state,
    )


def register_facts(request: AssistanceRequest) -> RegisterFacts:
    """What the register terms need about ``request`` (``treaties.rules.registers``): its
    received personal data, the notices of inaccuracy and the reports on use asked for, the
    extraordinary costs announced with the consultations on costs, and the disclosures the law
    required. A fixed number of queries."""
    received = [e for e in related_rows(request, "personal_data_transfers") if e.flow == DataFlow.RECEIVED]
    entry_ids = [e.pk for e in received]
    cost_meetings = sorted(c.held_on for c in related_rows(request, "consultations")
                           if c.subject == ConsultationSubject.COSTS)
    # Most requests hold no personal data received: then there is no notice or report to read
    # (and no query to compile for an empty IN, which returns nothing anyway).
    notices = (PersonalDataNotice.objects.filter(entry_id__in=entry_ids).order_by("id")
               if entry_ids else [])
    reports = (PersonalDataUseReport.objects.filter(entry_id__in=entry_ids).order_by("id")
               if entry_ids else [])
    return RegisterFacts(
        received_personal_data=tuple(ReceivedDataFacts(str(e.pk), e.deleted_on) for e in received),
        data_notices=tuple(DataNoticeFacts(str(n.pk), n.received_on, n.acted_on)
                           for n in notices),
        use_reports=tuple(UseReportFacts(str(r.pk), r.asked_on, r.answered_on)
                          for r in reports),
        extraordinary_costs=tuple(
            ExtraordinaryCostFacts(str(c.pk), c.announced_on, next(
                (held for held in cost_meetings if held >= c.announced_on), None))
            for c in related_rows(request, "cost_items") if c.extraordinary and c.announced_on),
        disclosures=tuple(
            DisclosureFacts(str(u.pk), u.used_on, u.supplier_notified_on)
            for u in related_rows(request, "material_uses") if u.kind == MaterialUseKind.REQUIRED_BY_LAW),
    )
