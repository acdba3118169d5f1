"""The record-kind registry: every fact a user records on a request page, declared once.

A ``RecordKind`` says which record applies to a request (from its instrument's rulebook, its
direction and state), who may write it, the service that writes it, the form that reads it, the
provisions it is about (shown with their citations above the form) and which blocked rules it can
put right (the remedy linked next to a violation of that field). The request page, the record
view and the remedies are all derived from it; nothing else decides these.

The services enforce roles and rules themselves; ``roles`` here is the same constant the service
uses, read to show only the links a user may follow.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from treaties.rulebook.schema import TECHNICAL_CHANNELS
from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import Rule
from treaties.rulebook.schema import Rulebook
from treaties.rules.violations import Violation

from .forms import records as forms
from .models import FINAL_STATES
from .models import AssistanceRequest
from .models import Direction
from .models import RequestState
from .roles import CASEWORKERS
from .roles import CLERKS
from .roles import Role
from .roles import user_has_any_role
from .services import duties as duty_services
from .services import records as record_services
from .services import registers as register_services
from .services import requests as request_services

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from .roles import UserOrAnonymous

Applies = Callable[[AssistanceRequest, Rulebook], bool]


def _always(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    return True


def _no_rules(rulebook: Rulebook) -> tuple[Rule | None, ...]:
    return ()


@dataclass(frozen=True)
class RecordKind:
    """One kind of record on a request.

    ``slug``: its URL segment (``/requests/<pk>/records/<slug>/``). ``takes_request``: the
    service takes the request's id; otherwise the form names the row it is about (an item, a
    transfer...). ``after_closure``: a duty that outlives the request (CZ 10.5, SK 5.6, CZ 11.2,
    SK 6.2), recordable on closed and withdrawn requests. ``remedy_for``: the ``Violation.field``
    values this record puts right.
    """

    slug: str
    form: type[forms.RecordForm]
    service: Callable[..., Model]  # called with actor, expected_version and the form's values
    roles: tuple[Role, ...]
    takes_request: bool = True
    after_closure: bool = False
    applies: Applies = _always
    rules: Callable[[Rulebook], Iterable[Rule | None]] = _no_rules
    remedy_for: frozenset[str] = field(default_factory=frozenset)
    remedy_label: StrOrPromise | None = None

    @property
    def title(self) -> str:
        return str(self.form.title)

    def available(self, request: AssistanceRequest, user: UserOrAnonymous) -> bool:
        """Whether the page offers this record to ``user`` on ``request`` now."""
        if request.state in FINAL_STATES and not self.after_closure:
            return False
        return user_has_any_role(user, self.roles) and self.applies(request, request.rulebook)

    def provisions(self, rulebook: Rulebook) -> list[tuple[Citation, str]]:
        """The provisions the record is about, each with its citation."""
        return [(rule.citation, rule.summary.text()) for rule in self.rules(rulebook) if rule]


# --- when a record applies -------------------------------------------------------------------
def _originals_tracked(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    """Originals matter where the instrument says so (RS 3.4, BR 22.1) or the request went by
    fax or electronically."""
    return (rulebook.originals is not None
            or request.channel in {str(c) for c in TECHNICAL_CHANNELS})


def _deferral_needs_decision(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    """RS 6.3: the requested side decides on partial or conditional execution before deferring."""
    return (rulebook.deferral_after_partial_or_conditional_decision is not None
            and request.direction == Direction.INCOMING)


def _transfers(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    return rulebook.detainee_transfer is not None


def _transfer_term_extendable(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    """RS 11.1: a term of at most six months, extendable."""
    rule = rulebook.detainee_transfer
    return rule is not None and rule.max_months is not None


def _transfer_until_release(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    """BR 9.2: returned no later than the release date."""
    rule = rulebook.detainee_transfer
    return rule is not None and rule.until_release_date


def _personal_data(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    return rulebook.personal_data is not None


def _shorter_summons_term_open(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    """RS 8.3: in urgent cases the sides may agree a shorter summons term, once."""
    rule = rulebook.summons_lead_time
    return (rule is not None and rule.shorter_term_by_agreement_when_urgent
            and request.is_urgent and request.shorter_summons_term_agreed_on is None)


def _written_confirmation_outstanding(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    """An oral request already forwarded before its written confirmation (CZ 9.1, SK 7.4): the
    confirmation is then recorded as a fact, not by the transition."""
    return (request.oral_request_at is not None and request.written_confirmation_at is None
            and request.state != RequestState.ORAL_PENDING_CONFIRMATION)


def _duty_events_recordable(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    return bool(duty_services.recordable_duties(request))


def _has_duties(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    return bool(rulebook.duties)


def _asset_sharing_term_runs(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    """BR 18.2: the one-year term runs once the final confiscation decision took effect."""
    return (rulebook.asset_sharing is not None
            and request.final_confiscation_effective_on is not None)


def _asset_measures_recordable(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    """Amounts frozen, confiscated, shared or returned are recorded on any request that was
    sent or received, whatever its instrument: every one may carry a freezing or a confiscation,
    and the figures are the office's (FATF Recommendations 4, 38), not a treaty's. Nothing is
    frozen on a draft; a confiscation, a sharing or a return often comes years after the
    request was closed, so closed requests take them too."""
    return record_services.asset_measures_recordable(request)


def _duty_rules(rulebook: Rulebook) -> tuple[Rule | None, ...]:
    return rulebook.duties


def _use_conditions(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    return rulebook.use_conditions is not None


def _onward_transfers(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    return rulebook.onward_transfer is not None


def _costs(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    return rulebook.costs is not None


def _personal_data_duties(request: AssistanceRequest, rulebook: Rulebook) -> bool:
    return rulebook.personal_data_duties is not None


def _use_rules(rulebook: Rulebook) -> tuple[Rule | None, ...]:
    return (rulebook.use_conditions,)


def _onward_rules(rulebook: Rulebook) -> tuple[Rule | None, ...]:
    return (rulebook.onward_transfer,)


def _cost_rules(rulebook: Rulebook) -> tuple[Rule | None, ...]:
    return (rulebook.costs,)


def _personal_data_duty_rules(rulebook: Rulebook) -> tuple[Rule | None, ...]:
    return (rulebook.personal_data_duties,)


def _personal_data_rule(rulebook: Rulebook) -> tuple[Rule | None, ...]:
    return (rulebook.personal_data,)


def _transfer_rule(rulebook: Rulebook) -> tuple[Rule | None, ...]:
    return (rulebook.detainee_transfer,)


def _items_rule(rulebook: Rulebook) -> tuple[Rule | None, ...]:
    return (rulebook.return_of_items,)


def _originals_rule(rulebook: Rulebook) -> tuple[Rule | None, ...]:
    return (rulebook.originals,)


def _summons_rule(rulebook: Rulebook) -> tuple[Rule | None, ...]:
    return (rulebook.summons_lead_time,)


RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind("translation", forms.TranslationForm, record_services.translation_record,
               CASEWORKERS, rules=lambda r: (r.language,), remedy_for=frozenset({"translations"})),
    RecordKind("original", forms.OriginalForm, record_services.original_record, CLERKS,
               applies=_originals_tracked, rules=_originals_rule,
               remedy_for=frozenset({"originals"})),
    RecordKind("original-update", forms.OriginalUpdateForm, record_services.original_update,
               CLERKS, takes_request=False, rules=_originals_rule),
    RecordKind("service-proof", forms.ServiceProofForm, record_services.service_proof_record,
               CASEWORKERS),
    RecordKind("consultation", forms.ConsultationForm, record_services.consultation_record,
               CASEWORKERS, rules=lambda r: (r.refusal_consultation, r.deferral_consultation),
               remedy_for=frozenset({"consultations"})),
    RecordKind("partial-conditional-considered", forms.PartialConditionalConsideredForm,
               record_services.decision_record_partial_or_conditional_considered, CLERKS,
               applies=_deferral_needs_decision,
               rules=lambda r: (r.deferral_after_partial_or_conditional_decision,),
               remedy_for=frozenset({"decisions"})),
    RecordKind("item", forms.ItemForm, record_services.item_record, CASEWORKERS,
               rules=_items_rule),
    RecordKind("item-returned", forms.ItemReturnedForm, record_services.item_mark_returned,
               CASEWORKERS, takes_request=False, rules=_items_rule,
               remedy_for=frozenset({"items"})),
    RecordKind("item-waived", forms.ItemWaivedForm, record_services.item_waive_return,
               CASEWORKERS, takes_request=False, rules=_items_rule),
    RecordKind("transfer", forms.TransferForm, record_services.transfer_record, CLERKS,
               applies=_transfers, rules=_transfer_rule),
    RecordKind("transfer-extend", forms.TransferExtendForm, record_services.transfer_extend,
               CLERKS, takes_request=False, applies=_transfer_term_extendable,
               rules=_transfer_rule),
    RecordKind("transfer-returned", forms.TransferReturnedForm,
               record_services.transfer_mark_returned, CLERKS, takes_request=False,
               rules=_transfer_rule, remedy_for=frozenset({"transfers"}),
               remedy_label=_("Record the return of the person")),
    RecordKind("transfer-release-date", forms.TransferReleaseDateForm,
               record_services.transfer_set_release_date, CLERKS, takes_request=False,
               applies=_transfer_until_release, rules=_transfer_rule),
    RecordKind("personal-data", forms.PersonalDataForm, record_services.personal_data_record,
               CASEWORKERS, applies=_personal_data, rules=_personal_data_rule),
    RecordKind("personal-data-deletion", forms.PersonalDataDeletionForm,
               record_services.personal_data_record_deletion, CASEWORKERS, takes_request=False,
               after_closure=True, rules=_personal_data_rule),
    RecordKind("onward-transfer", forms.OnwardTransferForm,
               record_services.onward_transfer_record, CASEWORKERS, takes_request=False,
               after_closure=True, applies=_personal_data, rules=_personal_data_rule),
    # Registers: use conditions and consents (RS 7, BR 5, CZ 10.1, SK 5.1), onward transfers
    # of material (CZ 11.2, SK 5.3, 6.2), costs (RS 17, BR 27), personal-data duties (CZ 10.3-
    # 10.4, SK 5.2, 5.4). Conditions and duties outlive the request.
    RecordKind("use-condition", forms.UseConditionForm, register_services.use_condition_record,
               CASEWORKERS, after_closure=True, applies=_use_conditions, rules=_use_rules),
    RecordKind("use-consent", forms.UseConsentForm, register_services.use_consent_record,
               CASEWORKERS, after_closure=True, applies=_use_conditions, rules=_use_rules),
    RecordKind("use-consent-answer", forms.UseConsentAnswerForm,
               register_services.use_consent_answer, CASEWORKERS, takes_request=False,
               after_closure=True, applies=_use_conditions, rules=_use_rules),
    RecordKind("material-use", forms.MaterialUseForm, register_services.material_use_record,
               CASEWORKERS, after_closure=True, applies=_use_conditions, rules=_use_rules,
               remedy_for=frozenset({"consent"})),
    RecordKind("material-use-notified", forms.MaterialUseNotifiedForm,
               register_services.material_use_notify_supplier, CASEWORKERS,
               takes_request=False, after_closure=True, applies=_use_conditions,
               rules=_use_rules),
    RecordKind("onward-material", forms.OnwardMaterialForm,
               register_services.onward_transfer_record_material, CASEWORKERS,
               after_closure=True, applies=_onward_transfers, rules=_onward_rules),
    RecordKind("cost", forms.CostItemForm, register_services.cost_item_record, CASEWORKERS,
               applies=_costs, rules=_cost_rules),
    RecordKind("data-notice", forms.DataNoticeForm,
               register_services.personal_data_notice_record, CASEWORKERS, takes_request=False,
               after_closure=True, applies=_personal_data_duties, rules=_personal_data_duty_rules),
    RecordKind("data-notice-resolve", forms.DataNoticeResolveForm,
               register_services.personal_data_notice_resolve, CASEWORKERS, takes_request=False,
               after_closure=True, applies=_personal_data_duties, rules=_personal_data_duty_rules),
    RecordKind("use-report", forms.UseReportForm,
               register_services.personal_data_use_report_record, CASEWORKERS,
               takes_request=False, after_closure=True, applies=_personal_data_duties,
               rules=_personal_data_duty_rules),
    RecordKind("use-report-answer", forms.UseReportAnswerForm,
               register_services.personal_data_use_report_answer, CASEWORKERS,
               takes_request=False, after_closure=True, applies=_personal_data_duties,
               rules=_personal_data_duty_rules),
    RecordKind("shorter-summons-term", forms.ShorterSummonsTermForm,
               request_services.request_record_shorter_summons_term, CASEWORKERS,
               applies=_shorter_summons_term_open, rules=_summons_rule,
               remedy_for=frozenset({"appearance_date"})),
    RecordKind("written-confirmation", forms.WrittenConfirmationForm,
               request_services.request_record_written_confirmation, CLERKS,
               applies=_written_confirmation_outstanding, rules=lambda r: (r.oral_requests,)),
    RecordKind("person-appearance-date", forms.PersonAppearanceDateForm,
               request_services.person_set_appearance_date, CASEWORKERS, takes_request=False,
               rules=_summons_rule, remedy_for=frozenset({"appearance_date"}),
               remedy_label=_("Change the appearance date")),
)

RECORD_KINDS += (
    RecordKind("duty-event", forms.DutyEventForm, duty_services.duty_record_event, CASEWORKERS,
               applies=_duty_events_recordable, rules=_duty_rules),
    RecordKind("duty-notice", forms.DutyNoticeForm, duty_services.duty_record_notice,
               CASEWORKERS, takes_request=False, after_closure=True, applies=_has_duties,
               rules=_duty_rules),
    RecordKind("asset-sharing-extension", forms.AssetSharingExtensionForm,
               duty_services.asset_sharing_term_extend, CASEWORKERS,
               applies=_asset_sharing_term_runs, rules=lambda r: (r.asset_sharing,)),
    RecordKind("asset-measure", forms.AssetMeasureForm, record_services.asset_measure_record,
               CASEWORKERS, after_closure=True, applies=_asset_measures_recordable,
               rules=lambda r: (r.asset_sharing,)),
)

RECORD_KIND_BY_SLUG: dict[str, RecordKind] = {kind.slug: kind for kind in RECORD_KINDS}


def record_links(request: AssistanceRequest, user: UserOrAnonymous) -> dict[str, bool]:
    """Which records the request page offers ``user``, by slug with ``_`` (for templates)."""
    return {kind.slug.replace("-", "_"): kind.available(request, user) for kind in RECORD_KINDS}


def record_remedies(request: AssistanceRequest, user: UserOrAnonymous,
                    violations: Iterable[Violation]) -> list[RecordKind]:
    """The records that can put the blocking rules right, in registry order."""
    fields_ = {violation.field for violation in violations}
    return [kind for kind in RECORD_KINDS
            if kind.remedy_for & fields_ and kind.available(request, user)]
