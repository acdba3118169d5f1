"""Creating requests and editing their contents."""

from __future__ import annotations

from datetime import date
from datetime import datetime
from typing import Any
from typing import TypeVar

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from mla.limits import TEXT_MAX_LENGTH
from statistics_app.rows import request_statistics_write
from treaties.models import Authority
from treaties.models import Instrument
from treaties.rulebook.catalogue import HOME_STATE
from treaties.rulebook.offences import MAX_PENALTY_YEARS
from treaties.rulebook.offences import OFFENCE_CATEGORIES
from treaties.rulebook.schema import Channel
from treaties.rulebook.schema import InstrumentKind
from treaties.rulebook.schema import Rule
from treaties.rules.calendar import local_date
from treaties.rules.facts import RequestFacts
from treaties.rules.guards import check_assistance_types
from treaties.rules.guards import check_instrument_open_for_new_requests
from treaties.rules.guards import check_registration
from treaties.rules.scope import OffenceFacts
from treaties.rules.violations import Violation
from treaties.selectors import instrument_choice_violations
from treaties.selectors import instruments_applicable

from .. import clock
from ..access import user_office_id
from ..content_fields import CONTENT_FIELDS
from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..exceptions import RuleViolation
from ..models import AssistanceRequest
from ..models import Direction
from ..models import LogBasis
from ..models import PersonRole
from ..models import RequestPerson
from ..models import RequestState
from ..roles import CASEWORKERS
from ..roles import CLERKS
from ..roles import Role
from ..roles import user_has_any_role
from ..roles import user_roles
from .changes import log_write
from .changes import raise_if
from .changes import request_change
from .deadlines import deadlines_sync
from .signatories import signatory_for_request

# Fields a user may edit through ``request_update``; state, milestones and links are not.
EDITABLE_FIELDS = frozenset(CONTENT_FIELDS) - {"requesting_authority", "persons"} | {
    "their_reference", "case_number", "officials_wish_to_attend", "assistance_types", "is_urgent",
    "urgency_reason", "channel", "is_confidential", "requested_execution_reason",
    "request_language", "translation_agreement", "final_confiscation_effective_on",
    "asset_sharing_requested_on", "signatory", "offence_category",
    "offence_laundering_predicate", "offence_max_penalty_years", "organised_group_involved",
}
# While a request is being drafted or checked, its contents may change; afterwards only facts
# that arise later (confiscation, asset sharing, references) may. By direction code.
CONTENT_EDIT_STATES: dict[str, set[RequestState]] = {
    Direction.OUTGOING: {RequestState.DRAFTING},
    Direction.INCOMING: {RequestState.RECEIVED, RequestState.COMPLETENESS_CHECK,
                         RequestState.ADDITIONAL_INFO_REQUESTED,
                         RequestState.ORAL_PENDING_CONFIRMATION},
}
ALWAYS_EDITABLE = frozenset({"their_reference", "final_confiscation_effective_on",
                             "asset_sharing_requested_on"})
# The facts the asset-sharing term runs from and is met by (BR 18.2).
ASSET_SHARING_FIELDS = frozenset({"final_confiscation_effective_on", "asset_sharing_requested_on"})


def _reference(request: AssistanceRequest) -> str:
    prefix = "OUT" if request.direction == Direction.OUTGOING else "IN"
    return f"{prefix}-{local_date(request.created_at):%Y}-{request.pk:06d}"


def _validate_parties(instrument: Instrument, requesting: Authority, requested: Authority,
                      direction: str) -> None:
    parties = set(instrument.parties.values_list("iso_code", flat=True))
    errors = {}
    home, away = ((requesting, requested) if direction == Direction.OUTGOING
                  else (requested, requesting))
    if home.state.iso_code != HOME_STATE:
        errors["requesting_authority" if direction == Direction.OUTGOING
               else "requested_authority"] = str(_("This must be a Kazakh authority."))
    # Reciprocity is Kazakhstan's own law: it binds Kazakhstan with any state.
    binds_any_state = instrument.rulebook.kind == InstrumentKind.NATIONAL_LAW
    if away.state.iso_code == HOME_STATE or (away.state.iso_code not in parties
                                             and not binds_any_state):
        errors["requested_authority" if direction == Direction.OUTGOING
               else "requesting_authority"] = str(
            _("This authority's state is not the other party to the instrument."))
    if errors:
        raise InvalidInput(errors)


def _offence_check(contents: dict[str, Any]) -> None:
    """The offence's facts the resolver reads: a known category (or none yet), a penalty in
    whole years up to ``MAX_PENALTY_YEARS`` (life imprisonment), an organised group yes, no or
    not stated."""
    errors: dict[str, str] = {}
    for name in ("offence_category", "offence_laundering_predicate"):
        if name in contents and contents[name] not in {"", *OFFENCE_CATEGORIES}:
            errors[name] = str(_("Choose one of the offence categories."))
    if "offence_max_penalty_years" in contents:
        years = contents["offence_max_penalty_years"]
        if years is not None and (isinstance(years, bool) or not isinstance(years, int)
                                  or not 0 <= years <= MAX_PENALTY_YEARS):
            errors["offence_max_penalty_years"] = str(_(
                "Give whole years from 0 to %(most)d (%(most)d for life imprisonment).")
                % {"most": MAX_PENALTY_YEARS})
    if contents.get("organised_group_involved") not in {None, True, False}:
        errors["organised_group_involved"] = str(_("Answer yes, no, or leave it unstated."))
    if errors:
        raise InvalidInput(errors)


def offence_facts(values: Any) -> OffenceFacts:
    """What the resolver reads of a request's offence, from a request or a dict of contents."""
    get = values.get if isinstance(values, dict) else (lambda name: getattr(values, name, None))
    return OffenceFacts(category=get("offence_category") or "",
                        laundering_predicate=get("offence_laundering_predicate") or "",
                        max_penalty_years=get("offence_max_penalty_years"),
                        organised_group=get("organised_group_involved"))


def _instrument_choice_check(instrument: Instrument, partner: Authority, on: date,
                             contents: dict[str, Any], reason: str) -> None:
    """The instrument is one the resolver lists for this state, offence and assistance, and a
    reason is given where it is not the one proposed (two queries)."""
    options = instruments_applicable(partner.state.iso_code, on, offence=offence_facts(contents),
                                     assistance_types=tuple(contents["assistance_types"]))
    raise_if(instrument_choice_violations(options, instrument, reason))


def _clean_contents(contents: dict[str, Any]) -> dict[str, Any]:
    unknown = set(contents) - EDITABLE_FIELDS
    if unknown:
        raise InvalidInput({name: str(_("This field cannot be set here.")) for name in unknown})
    if "channel" in contents and contents["channel"] not in {c.value for c in Channel}:
        raise InvalidInput({"channel": str(_("Unknown channel."))})
    _offence_check(contents)
    if "assistance_types" in contents:
        types = contents["assistance_types"]
        if not isinstance(types, (list, tuple)) or not all(isinstance(t, str) for t in types):
            raise InvalidInput({"assistance_types": str(_("Give a list of assistance type codes."))})
        contents["assistance_types"] = list(dict.fromkeys(types))
    return contents


_Row = TypeVar("_Row", Instrument, Authority)


def _get(model: type[_Row], pk: int | None, field: str) -> _Row:
    """The row ``pk`` names; InvalidInput on ``field`` when there is none."""
    try:
        if pk is not None:
            return model.objects.select_related(
                *(["state"] if model is Authority else [])).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        pass
    raise InvalidInput({field: str(_("Not found."))})


def request_create_draft(*, actor: User, instrument_id: int, requested_authority_id: int,
                         requesting_authority_id: int | None = None,
                         assistance_types: list[str], instrument_choice_reason: str = "",
                         **contents: Any) -> AssistanceRequest:
    """Open an outgoing request in drafting. The instrument must be in force today between the
    two states, cover the offence and the assistance asked for (CZ 1.2: no legal assistance
    under the police agreement; UNTOC Art 3), and be the one the resolver proposes unless
    ``instrument_choice_reason`` says why another listed one is chosen (logged)."""
    if not user_has_any_role(actor, (Role.PROSECUTOR, Role.CLERK)):
        raise ActionNotPermitted()
    contents = _clean_contents({**contents, "assistance_types": assistance_types})
    instrument = _get(Instrument, instrument_id, "instrument")
    own_office = user_office_id(actor)
    requesting_authority_id = requesting_authority_id or own_office
    if (requesting_authority_id != own_office
            and not user_has_any_role(actor, (Role.SUPERVISOR, Role.ADMIN))):
        # Only supervisors draft on another office's behalf; others would lose sight of it.
        raise InvalidInput({"requesting_authority": str(_(
            "You can draft requests only in the name of your own office."))})
    requesting = _get(Authority, requesting_authority_id, "requesting_authority")
    requested = _get(Authority, requested_authority_id, "requested_authority")
    _validate_parties(instrument, requesting, requested, Direction.OUTGOING)
    if "signatory" in contents:
        contents["signatory"] = signatory_for_request(contents["signatory"],
                                                      authority_id=requesting.pk)
    now = clock.now()
    rulebook = instrument.rulebook
    status = instrument.status_between(local_date(now), requesting.state_id, requested.state_id,
                                       assistance_types=contents["assistance_types"])
    raise_if(check_instrument_open_for_new_requests(rulebook, status)
             + check_assistance_types(rulebook, tuple(contents["assistance_types"])))
    reason = _bounded_reason(instrument_choice_reason)
    _instrument_choice_check(instrument, requested, local_date(now), contents, reason)
    with transaction.atomic():
        request = AssistanceRequest.objects.create(
            direction=Direction.OUTGOING, instrument=instrument, requesting_authority=requesting,
            requested_authority=requested, created_by=actor, state=RequestState.DRAFTING,
            # The prosecutor who opens the draft owns it (``services.owners``).
            drafting_prosecutor=actor if Role.PROSECUTOR in user_roles(actor) else None,
            instrument_choice_reason=reason, **contents)
        request.reference = _reference(request)
        request.save(update_fields=["reference"])
        # A request is drawn up in writing under the instrument's form article (RS 3.1,
        # BR 22.1, CZ 9.1, SK 7.2).
        log_write(request=request, actor=actor, at=now, action="create", from_state="",
                  to_state=request.state, basis=LogBasis.under(rulebook.written_form),
                  reason=reason, details=_instrument_details(instrument, reason))
        request_statistics_write(request, ())
    return request


def _bounded_reason(reason: str) -> str:
    if not isinstance(reason, str):
        raise InvalidInput({"instrument_choice_reason": str(_("Give the reason as text."))})
    if len(reason) > TEXT_MAX_LENGTH:
        raise InvalidInput({"instrument_choice_reason": str(
            _("Keep the reason under %(limit)d characters.") % {"limit": TEXT_MAX_LENGTH})})
    return reason.strip()


def _instrument_details(instrument: Instrument, reason: str) -> dict[str, object]:
    """The instrument the request runs under, in its log row; with the reason where it is not
    the one proposed."""
    details: dict[str, object] = {"instrument": instrument.slug}
    if reason:
        details["instrument_chosen_instead_of_proposed"] = True
    return details


def request_register_incoming(*, actor: User, instrument_id: int, requesting_authority_id: int,
                              requested_authority_id: int, channel: str,
                              assistance_types: list[str], received_at: datetime | None = None,
                              oral_request_at: datetime | None = None, is_urgent: bool = False,
                              instrument_choice_reason: str = "",
                              **contents: Any) -> AssistanceRequest:
    """Register a request Kazakhstan received. An oral one (only urgent, only where the
    instrument provides it: CZ 9.1, SK 7.4) waits for its written confirmation. The instrument
    is one the resolver lists for the requesting state; where it is not the one proposed (the
    request invokes another), ``instrument_choice_reason`` says so (logged)."""
    if not user_has_any_role(actor, (Role.CLERK,)):
        raise ActionNotPermitted()
    contents = _clean_contents({**contents, "assistance_types": assistance_types,
                                "channel": channel, "is_urgent": is_urgent})
    if "signatory" in contents:
        # The other side signs its own request: our signatories sign our letters.
        raise InvalidInput({"signatory": str(_("This field cannot be set here."))})
    instrument = _get(Instrument, instrument_id, "instrument")
    requesting = _get(Authority, requesting_authority_id, "requesting_authority")
    requested = _get(Authority, requested_authority_id, "requested_authority")
    _validate_parties(instrument, requesting, requested, Direction.INCOMING)
    now = clock.now()
    received_at = received_at or now
    if received_at > now:
        raise InvalidInput({"received_at": str(_("The receipt time cannot be in the future."))})
    oral = channel == Channel.ORAL
    if oral and oral_request_at is not None and oral_request_at > received_at:
        # The confirmation term runs from the oral request (SK 7.4), which precedes its record.
        raise InvalidInput({"oral_request_at": str(_(
            "The oral request cannot be later than its registration."))})
    facts = RequestFacts(direction=Direction.INCOMING, channel=channel, is_urgent=is_urgent,
                         assistance_types=tuple(contents["assistance_types"]),
                         agreed_channels=frozenset(instrument.agreed_channels or ()))
    raise_if(check_registration(instrument.rulebook, facts,
                                instrument.status_between(
                                    local_date(received_at), requesting.state_id,
                                    requested.state_id,
                                    assistance_types=contents["assistance_types"])))
    reason = _bounded_reason(instrument_choice_reason)
    _instrument_choice_check(instrument, requesting, local_date(received_at), contents, reason)
    with transaction.atomic():
        request = AssistanceRequest.objects.create(
            instrument_choice_reason=reason,
            direction=Direction.INCOMING, instrument=instrument, requesting_authority=requesting,
            requested_authority=requested, created_by=actor,
            state=RequestState.ORAL_PENDING_CONFIRMATION if oral else RequestState.RECEIVED,
            received_at=received_at, opened_on=local_date(received_at),
            oral_request_at=(oral_request_at or received_at) if oral else None,
            # The clerk who registers it owns it for the central authority (``services.owners``).
            clerk_owner=actor if Role.CLERK in user_roles(actor) else None, **contents)
        request.reference = _reference(request)
        # Received through the instrument's channel (RS 2, BR 2, CZ 9.1, SK 7.2); an oral one
        # passed ``check_registration``, so the instrument provides oral requests (CZ 9.1, SK 7.4).
        rulebook = instrument.rulebook
        log_write(request=request, actor=actor, at=now, action="register", from_state="",
                  to_state=request.state,
                  basis=LogBasis.under(rulebook.oral_requests if oral and rulebook.oral_requests
                                       else rulebook.communication),
                  reason=reason, details=_instrument_details(instrument, reason))
        deadlines_sync(request=request, now=now, write_sort_time=False)
        request.save(update_fields=["reference", "inbox_due_at"])
        request_statistics_write(request, ())
    return request


def request_update(*, actor: User, request_id: int, expected_version: int | None = None,
                   **changes: Any) -> AssistanceRequest:
    """Edit a request's contents. Contents change only while drafting (outgoing) or while being
    registered and checked (incoming); later facts (references, confiscation dates) any time."""
    changes = _clean_contents(dict(changes))
    with request_change(actor=actor, request_id=request_id, action="update",
                        roles=CASEWORKERS, expected_version=expected_version,
                        allow_final_states=set(changes) <= ALWAYS_EDITABLE) as change:
        request = change.request
        if set(changes) - ALWAYS_EDITABLE and request.state not in CONTENT_EDIT_STATES[request.direction]:
            raise InvalidInput({name: str(_("The request's contents can no longer be changed in "
                                            "its current state."))
                                for name in set(changes) - ALWAYS_EDITABLE})
        if "assistance_types" in changes:
            raise_if(check_assistance_types(request.rulebook, tuple(changes["assistance_types"])))
        if "signatory" in changes:
            # Who signs the letter: an official of the requesting authority, or nobody yet.
            changes["signatory"] = signatory_for_request(
                changes["signatory"], authority_id=request.requesting_authority_id)
        for name, value in changes.items():
            setattr(request, name, value)
        change.details = {"fields": sorted(changes)}
        change.cite(_edit_basis(request, set(changes)))
    return request


def _edit_basis(request: AssistanceRequest, changed: set[str]) -> Rule | None:
    """What an edit is made under: the dates that start the asset-sharing term, where the
    instrument sets one (BR 18.2), are recorded under it; any other edit of the contents is the
    office's own drafting or registration work (office procedure)."""
    rule = request.rulebook.asset_sharing
    return rule if rule is not None and changed and changed <= ASSET_SHARING_FIELDS else None


def _check_appearance_date(appearance_date: date | None) -> None:
    if appearance_date is not None and appearance_date < clock.today():
        raise InvalidInput({"appearance_date": str(_("The appearance date is in the past."))})


def person_add(*, actor: User, request_id: int, role: str, full_name: str,
               appearance_date: date | None = None, expected_version: int | None = None,
               **particulars: Any) -> RequestPerson:
    if role not in PersonRole.values:
        raise InvalidInput({"role": str(_("Unknown role."))})
    if not full_name.strip():
        raise InvalidInput({"full_name": str(_("This field is required."))})
    _check_appearance_date(appearance_date)
    with request_change(actor=actor, request_id=request_id, action="person_add",
                        roles=CASEWORKERS,
                        expected_version=expected_version) as change:
        person = RequestPerson.objects.create(request=change.request, role=role,
                                              full_name=full_name,
                                              appearance_date=appearance_date, **particulars)
        change.details = {"person": person.pk, "role": role,
                          "appearance_date": appearance_date.isoformat() if appearance_date else None}
        # Part of drawing up or registering the request's contents.
        change.office_procedure()
    return person


PERSON_FIELDS = frozenset({"role", "full_name", "birth_date", "nationality", "address",
                           "particulars", "appearance_date"})


def _person_of(person_id: int) -> RequestPerson:
    person = RequestPerson.objects.filter(pk=person_id).only("request_id").first()
    if person is None:
        raise InvalidInput({"person": str(_("Not found."))})
    return person


def person_update(*, actor: User, person_id: int, expected_version: int | None = None,
                  **changes: Any) -> RequestPerson:
    """Correct what the request says of a person: only the fields given change. A new
    appearance date moves the summons deadline with it (deadlines are recomputed)."""
    unknown = sorted(set(changes) - PERSON_FIELDS)
    if unknown:
        raise InvalidInput({name: str(_("Unknown field.")) for name in unknown})
    if "role" in changes and changes["role"] not in PersonRole.values:
        raise InvalidInput({"role": str(_("Unknown role."))})
    if "full_name" in changes and not str(changes["full_name"] or "").strip():
        raise InvalidInput({"full_name": str(_("This field is required."))})
    person = _person_of(person_id)
    with request_change(actor=actor, request_id=person.request_id, action="person_update",
                        roles=CASEWORKERS, expected_version=expected_version) as change:
        person = RequestPerson.objects.get(pk=person_id)
        changed = {name: value for name, value in changes.items()
                   if getattr(person, name) != value}
        if "appearance_date" in changed:
            _check_appearance_date(changed["appearance_date"])
        for name, value in changed.items():
            setattr(person, name, value)
        if changed:
            person.save(update_fields=sorted(changed))
        change.details = {"person": person.pk, "fields": sorted(changed)}
        summons_rule = change.request.rulebook.summons_lead_time
        if "appearance_date" in changed and summons_rule is not None:
            # The summons term moves with the date (RS 8.3, BR 6.2).
            change.cite(summons_rule)
        else:
            # Part of drawing up or registering the request's contents.
            change.office_procedure()
    return person


def person_remove(*, actor: User, person_id: int,
                  expected_version: int | None = None) -> None:
    """Take a person off the request (added by mistake, or no longer concerned); refused while a
    record of the execution (a transfer, a proof of service) names them."""
    person = _person_of(person_id)
    with request_change(actor=actor, request_id=person.request_id, action="person_remove",
                        roles=CASEWORKERS, expected_version=expected_version) as change:
        person = RequestPerson.objects.get(pk=person_id)
        if person.transfers.exists() or person.service_proofs.exists():
            raise InvalidInput({"person": str(_(
                "A record of the execution names this person; they cannot be removed."))})
        change.details = {"person": person.pk, "full_name": person.full_name,
                          "role": person.role}
        person.delete()
        change.office_procedure()


def person_set_appearance_date(*, actor: User, person_id: int, appearance_date: date | None,
                               expected_version: int | None = None) -> RequestPerson:
    """Move a summoned person's appearance date; the summons deadline moves with it."""
    person = RequestPerson.objects.filter(pk=person_id).only("request_id").first()
    if person is None:
        raise InvalidInput({"person": str(_("Not found."))})
    _check_appearance_date(appearance_date)
    with request_change(actor=actor, request_id=person.request_id,
                        action="appearance_date_changed", roles=CASEWORKERS,
                        expected_version=expected_version) as change:
        person = RequestPerson.objects.get(pk=person_id)
        old = person.appearance_date
        person.appearance_date = appearance_date
        person.save(update_fields=["appearance_date"])
        change.details = {"person": person.pk, "from": old.isoformat() if old else None,
                          "to": appearance_date.isoformat() if appearance_date else None}
        # The summons term moves with the date (RS 8.3, BR 6.2; none in CZ, SK).
        change.cite(change.request.rulebook.summons_lead_time)
    return person


def request_record_shorter_summons_term(*, actor: User, request_id: int, agreed_on: date,
                                        agreement: str, term_days: int,
                                        expected_version: int | None = None) -> AssistanceRequest:
    """RS 8.3: in urgent cases the sides may agree a summons term shorter than 60 days. The term
    agreed then binds instead (the lead-time check and deadline use it)."""
    with request_change(actor=actor, request_id=request_id, action="shorter_summons_term_agreed",
                        roles=CASEWORKERS,
                        expected_version=expected_version) as change:
        request = change.request
        rule = request.rulebook.summons_lead_time
        if rule is None or not rule.shorter_term_by_agreement_when_urgent:
            citation = rule.citation if rule else None
            raise RuleViolation([Violation(
                "summons_lead_time", citation,
                _("This instrument does not allow a shorter summons term by agreement."))])
        if not request.is_urgent:
            raise RuleViolation([Violation(
                rule.code, rule.citation, _("A shorter summons term may be agreed only in urgent "
                                            "cases."))])
        if not agreement.strip():
            raise InvalidInput({"agreement": str(_("Describe the agreement."))})
        if not 1 <= term_days < rule.days:
            raise InvalidInput({"term_days": str(_(
                "The agreed term is a number of days from 1 to %(max)s (shorter than the "
                "%(days)s days of %(article)s).") % {"max": rule.days - 1, "days": rule.days,
                                                    "article": rule.citation.reference})})
        request.shorter_summons_term_agreed_on = agreed_on
        request.shorter_summons_term_agreement = agreement
        request.shorter_summons_term_days = term_days
        change.details = {"term_days": term_days}
        change.cite(rule)
    return request


def request_record_written_confirmation(*, actor: User, request_id: int,
                                        confirmed_at: datetime | None = None,
                                        expected_version: int | None = None) -> AssistanceRequest:
    """Record the written confirmation of an urgent oral request that is already being worked on
    (forwarded before the confirmation came: CZ 9.1, SK 7.4). While the request still waits in
    ``oral_pending_confirmation``, the ``confirm_in_writing`` transition does this instead."""
    with request_change(actor=actor, request_id=request_id, action="written_confirmation_recorded",
                        roles=CLERKS, expected_version=expected_version) as change:
        request = change.request
        rule = request.rulebook.oral_requests
        if request.oral_request_at is None or rule is None:
            raise InvalidInput({"confirmed_at": str(_("This request was not made orally."))})
        if request.state == RequestState.ORAL_PENDING_CONFIRMATION:
            raise InvalidInput({"confirmed_at": str(_(
                "Use the “Record written confirmation” action while the request waits for it."))})
        if request.written_confirmation_at is not None:
            raise InvalidInput({"confirmed_at": str(_("The written confirmation is already "
                                                      "recorded."))})
        confirmed_at = confirmed_at or change.now
        if confirmed_at > change.now or confirmed_at < request.oral_request_at:
            raise InvalidInput({"confirmed_at": str(_(
                "The confirmation time must lie between the oral request and now."))})
        request.written_confirmation_at = confirmed_at
        change.cite(rule)
        change.details = {"confirmed_at": confirmed_at.isoformat()}
    return request
