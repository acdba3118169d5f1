"""Forms of the request page that record facts: translations, originals, proofs of service,
consultations, items, transfers, the personal-data register...

Forms only parse and present input. What is allowed is decided by the services and the
rulebook: a field a treaty rule makes necessary (a refusal ground, a deletion term, a written
consent) is left optional here so that the rule itself answers, with its citation.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mla.limits import TEXT_MAX_LENGTH

from .. import clock
from ..models import AssetMeasureKind
from ..models import AssistanceRequest
from ..models import Channel as ChannelChoices
from ..models import ConsentStatus
from ..models import ConsultationSubject
from ..models import DataFlow
from ..models import DetaineeTransfer
from ..models import HandedOverItem
from ..models import ItemHolder
from ..models import ItemReturnStatus
from ..models import MaterialKind
from ..models import MaterialUse
from ..models import MaterialUseKind
from ..models import OriginalDocument
from ..models import PersonalDataAction
from ..models import PersonalDataNotice
from ..models import PersonalDataNoticeKind
from ..models import PersonalDataTransfer
from ..models import PersonalDataUseReport
from ..models import RecipientKind
from ..models import RequestPerson
from ..models import UseCondition
from ..models import UseConditionKind
from ..models import UseConsent


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """A local date and time, read and shown in the current time zone (Asia/Almaty)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def _date(label, required=False, help_text="", initial=None):
    return forms.DateField(label=label, required=required, widget=DateInput(),
                           help_text=help_text, initial=initial)


def _datetime(label, required=False, help_text=""):
    return forms.DateTimeField(label=label, required=required, widget=DateTimeInput(),
                               help_text=help_text)


def _text(label, required=False, help_text="", rows=3):
    return forms.CharField(label=label, required=required, help_text=help_text,
                           max_length=TEXT_MAX_LENGTH,
                           widget=forms.Textarea(attrs={"rows": rows}))


def _line(label, required=False, help_text="", max_length=300, initial=None):
    return forms.CharField(label=label, required=required, help_text=help_text,
                           max_length=max_length, initial=initial)


class RequestBoundForm(forms.Form):
    """A form about one request. Carries the request's ``version`` as the page showed it, so that
    a change made meanwhile by someone else is detected (``ConcurrentModification``).

    ``error_fields`` maps the names a service's errors use to this form's fields
    (``views.errors.service_call`` reads it); names that match no field become errors of the whole
    form.
    """

    version = forms.IntegerField(widget=forms.HiddenInput)
    error_fields: dict[str, str] = {}

    def __init__(self, *args, request_obj: AssistanceRequest, **kwargs):
        self.request_obj = request_obj
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("version", request_obj.version)
        super().__init__(*args, **kwargs)

    @property
    def expected_version(self) -> int:
        return self.cleaned_data["version"]


# --- recording facts ------------------------------------------------------------------------------
class RecordForm(RequestBoundForm):
    """A fact recorded on a request. ``section`` is the part of the request page it belongs to;
    ``service_kwargs`` turns the cleaned data into the service's keyword arguments."""

    title = ""
    section = "facts"
    # A record about an existing row (an item, a transfer, a register entry...): the field that
    # selects it, named as the query parameter that preselects it.
    subject_field = ""
    # The date field that starts at today (the day the fact is usually recorded).
    today_field = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.today_field:
            self.initial.setdefault(self.today_field, clock.today())
        self.setup()
        subject = self.initial.get(self.subject_field) if self.subject_field else None
        if subject is not None and not hasattr(subject, "pk"):
            # Preselected by the link that led here (``?item=12``): only this request's rows.
            subject = self.fields[self.subject_field].queryset.filter(
                pk=_int_or_none(subject)).first()
            self.initial[self.subject_field] = subject
        if subject is not None:
            self.prefill(subject)

    def setup(self) -> None:
        """Add the fields that depend on the request (choices narrowed to its rows)."""

    def prefill(self, subject) -> None:
        """Show the current values of the row a record is about."""

    def service_kwargs(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "version"}
        for key in list(data):
            if isinstance(self.fields[key], forms.ModelChoiceField):
                value = data.pop(key)
                data[f"{key}_id"] = value.pk if value is not None else None
        return data


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _subject(label, queryset):
    return forms.ModelChoiceField(label=label, queryset=queryset)


class _PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, person):
        return f"{person.full_name} ({person.get_role_display()})"


class TranslationForm(RecordForm):
    title = _("Record a translation")
    section = "translations"
    language = _line(_("Language (ISO code)"), required=True, max_length=5,
                     help_text=_("For example sr, en, pt, ru, kk."))
    document = _line(_("Document"), initial="request")
    translated_by = _line(_("Translated by"), max_length=200)
    completed_on = _date(_("Completed on"),
                         help_text=_("Only a completed translation counts for the language rule."))

    def service_kwargs(self):
        data = super().service_kwargs()
        data["document"] = data.get("document") or "request"
        return data


class OriginalForm(RecordForm):
    title = _("Record the original")
    section = "originals"
    asked_for_on = _date(_("Requested side asked for the original on"))
    dispatched_on = _date(_("Original dispatched on"))
    dispatch_channel = forms.ChoiceField(
        label=_("Dispatched by"), required=False,
        choices=[("", "—")] + list(ChannelChoices.choices))
    tracking_number = _line(_("Tracking number"), max_length=100)
    received_on = _date(_("Original received on"))


class OriginalUpdateForm(OriginalForm):
    title = _("Update the original")
    subject_field = "original"
    FIELDS = ("asked_for_on", "dispatched_on", "dispatch_channel", "tracking_number",
              "received_on")
    error_fields = {"original": "original"}

    def setup(self):
        self.fields["original"] = _subject(
            _("Original"), OriginalDocument.objects.filter(request=self.request_obj))
        self.order_fields(["original"])

    def prefill(self, original):
        for name in self.FIELDS:
            self.initial.setdefault(name, getattr(original, name))

    def service_kwargs(self):
        """Only what changed, so an empty input never wipes a date already recorded."""
        original = self.cleaned_data["original"]
        changes = {name: self.cleaned_data[name] for name in self.FIELDS
                   if self.cleaned_data[name] != getattr(original, name)
                   and not (self.cleaned_data[name] in ("", None)
                            and getattr(original, name) in ("", None))}
        return {"original_id": original.pk, **changes}


class ServiceProofForm(RecordForm):
    title = _("Record a proof of service")
    section = "service"
    error_fields = {"person": "person"}
    served_at = _datetime(_("Served at"), help_text=_("Asia/Almaty time."))
    place = _line(_("Place"))
    manner = _line(_("Manner of service"))
    received_by = _line(_("Received by"))
    signed_and_sealed = forms.BooleanField(label=_("Signed and sealed by the official"),
                                           required=False)
    not_served_reason = _text(_("Reason it was not served"))

    def setup(self):
        self.fields["person"] = _PersonChoice(
            label=_("Person served"), required=False,
            queryset=RequestPerson.objects.filter(request=self.request_obj))
        self.order_fields(["person"])


class ConsultationForm(RecordForm):
    title = _("Record a consultation")
    section = "consultations"
    subject = forms.ChoiceField(label=_("Subject"), choices=ConsultationSubject.choices)
    held_on = _date(_("Held on"), required=True)
    counterpart = _line(_("With whom"), required=True)
    channel = forms.ChoiceField(label=_("Channel"), required=False,
                                choices=[("", "—")] + list(ChannelChoices.choices))
    summary = _text(_("Summary"), required=True)
    outcome = _text(_("Outcome"))

    today_field = "held_on"


class PartialConditionalConsideredForm(RecordForm):
    title = _("Record that partial or conditional execution was considered")
    section = "decisions"
    reasons = _text(_("Why neither partial nor conditional execution is possible"),
                    required=True)
    decided_on = _date(_("Decided on"), required=True)

    today_field = "decided_on"


class ItemForm(RecordForm):
    title = _("Record a handed-over item")
    section = "items"
    description = _text(_("Description"), required=True)
    holder = forms.ChoiceField(label=_("Held by"), choices=ItemHolder.choices)
    handed_over_on = _date(_("Handed over on"), required=True)
    third_party_conditions = _text(_("Third-party conditions"))

    today_field = "handed_over_on"


class _HeldItemForm(RecordForm):
    section = "items"
    subject_field = "item"
    error_fields = {"item": "item"}

    def setup(self):
        self.fields["item"] = _subject(_("Item"), HandedOverItem.objects.filter(
            request=self.request_obj, return_status=ItemReturnStatus.HELD))
        self.order_fields(["item"])


class ItemReturnedForm(_HeldItemForm):
    title = _("Record the return of an item")
    error_fields = {"item": "item", "date": "returned_on"}
    returned_on = _date(_("Returned on"), required=True)

    today_field = "returned_on"


class ItemWaivedForm(_HeldItemForm):
    title = _("Record that the return of an item is waived")
    error_fields = {"item": "item", "date": "waived_on"}
    waived_on = _date(_("Return waived on"), required=True)
    waiver_reference = _line(_("Reference of the waiver"), required=True, max_length=200)

    today_field = "waived_on"


class TransferForm(RecordForm):
    title = _("Record a temporary transfer of a detained person")
    section = "transfers"
    error_fields = {"person": "person"}
    transferred_on = _date(_("Transferred on"), required=True)
    return_due_on = _date(_("Return due on"))
    release_date = _date(_("Release date in the sending state"))
    person_consented = forms.BooleanField(label=_("The person consented"), required=False)

    def setup(self):
        self.fields["person"] = _PersonChoice(
            label=_("Person"), queryset=RequestPerson.objects.filter(request=self.request_obj))
        self.order_fields(["person"])


class _TransferSubjectForm(RecordForm):
    section = "transfers"
    subject_field = "transfer"
    error_fields = {"transfer": "transfer"}
    only_pending = True

    def setup(self):
        qs = DetaineeTransfer.objects.filter(request=self.request_obj).select_related("person")
        if self.only_pending:
            qs = qs.filter(returned_on__isnull=True)
        self.fields["transfer"] = _subject(_("Transfer"), qs)
        self.fields["transfer"].label_from_instance = (
            lambda t: f"{t.person.full_name}, {t.transferred_on:%d.%m.%Y}")
        self.order_fields(["transfer"])


class TransferExtendForm(_TransferSubjectForm):
    title = _("Extend the return term")
    return_due_on = _date(_("New return term"), required=True)


class TransferReturnedForm(_TransferSubjectForm):
    title = _("Record the return of the transferred person")
    returned_on = _date(_("Returned on"), required=True)

    today_field = "returned_on"


class TransferReleaseDateForm(_TransferSubjectForm):
    title = _("Change the release date")
    release_date = _date(_("Release date in the sending state"), required=True)


class PersonalDataForm(RecordForm):
    title = _("Register a transfer or receipt of personal data")
    section = "personal-data"
    flow = forms.ChoiceField(label=_("Flow"), choices=DataFlow.choices)
    transferred_on = _date(_("Transferred on"), required=True)
    purpose = _text(_("Purpose"), required=True)
    data_categories = _text(_("List of data"), required=True)
    bodies_involved = _text(_("Bodies involved"), required=True)
    use_conditions = _text(_("Conditions of use"))
    deletion_due_on = _date(_("Delete by"),
                            help_text=_("The supplier states the deletion term."))
    sensitive = forms.BooleanField(label=_("Sensitive categories"), required=False)
    sensitive_justification = _text(_("Why sensitive data are necessary"))

    today_field = "transferred_on"


class _RegisterEntryForm(RecordForm):
    section = "personal-data"
    subject_field = "entry"
    error_fields = {"entry": "entry"}
    only_not_deleted = True

    def setup(self):
        qs = PersonalDataTransfer.objects.filter(request=self.request_obj)
        if self.only_not_deleted:
            qs = qs.filter(deleted_on__isnull=True)
        self.fields["entry"] = _subject(_("Register entry"), qs)
        self.fields["entry"].label_from_instance = (
            lambda e: f"{e.get_flow_display()}, {e.transferred_on:%d.%m.%Y}: "
                      f"{e.data_categories[:60]}")
        self.order_fields(["entry"])


class PersonalDataDeletionForm(_RegisterEntryForm):
    title = _("Record the deletion of personal data")
    deleted_on = _date(_("Deleted on"), required=True)
    reason = _text(_("Reason for deletion"), required=True)
    supplier_informed_on = _date(_("Supplier informed of the deletion on"))

    today_field = "deleted_on"


class OnwardTransferForm(_RegisterEntryForm):
    title = _("Record an onward transfer with the supplier's consent")
    only_not_deleted = False
    recipient = _line(_("Third state, organisation or party"), required=True)
    consent_reference = _line(_("Reference of the written consent"), max_length=200)
    consent_given_on = _date(_("Consent given on"))
    onward_transferred_on = _date(_("Transferred onward on"))

    def service_kwargs(self):
        data = super().service_kwargs()
        data["consent_reference"] = data.get("consent_reference") or ""
        return data


class ShorterSummonsTermForm(RecordForm):
    title = _("Record an agreed shorter summons term")
    section = "persons"
    agreed_on = _date(_("Agreed on"), required=True)
    term_days = forms.IntegerField(label=_("Agreed term (calendar days before the appearance)"),
                                   min_value=1, max_value=365)
    agreement = _text(_("The agreement (who agreed, how)"), required=True)

    today_field = "agreed_on"


class WrittenConfirmationForm(RecordForm):
    title = _("Record the written confirmation of the oral request")
    section = "milestones"
    confirmed_at = _datetime(_("Written confirmation received at"),
                             help_text=_("Asia/Almaty time; leave empty for now."))


class PersonAppearanceDateForm(RecordForm):
    title = _("Change a person's appearance date")
    section = "persons"
    subject_field = "person"
    error_fields = {"person": "person"}
    appearance_date = _date(_("Appearance date"),
                            help_text=_("Leave empty if the person is no longer summoned."))

    def setup(self):
        self.fields["person"] = _PersonChoice(
            label=_("Person"), queryset=RequestPerson.objects.filter(request=self.request_obj))
        self.order_fields(["person"])

    def prefill(self, person):
        self.initial.setdefault("appearance_date", person.appearance_date)


# --- notices and duties (CZ 9.5, SK 7.7, RS 5.4-9.2, BR 3.4-27.4) ---------------------------------
def duty_choice_label(request_obj: AssistanceRequest, rule) -> str:
    from ..services.duties import owed_by

    side = (_("Kazakhstan owes it") if owed_by(request_obj, rule).value == "kazakhstan"
            else _("the other side owes it"))
    return f"{rule.citation.reference} — {rule.summary.text()} ({side})"


class DutyEventForm(RecordForm):
    title = _("Record an event that obliges a notice")
    section = "duties"
    error_fields = {"rule_code": "rule_code", "occurred_at": "occurred_at"}
    occurred_at = _datetime(_("The event occurred at"),
                            help_text=_("Asia/Almaty time; leave empty for now."))
    note = _text(_("What happened"))

    def setup(self):
        from ..services.duties import recordable_duties

        self.fields["rule_code"] = forms.ChoiceField(
            label=_("Event and the duty it obliges"),
            choices=[(rule.code, duty_choice_label(self.request_obj, rule))
                     for rule in recordable_duties(self.request_obj)])
        self.order_fields(["rule_code"])


class DutyNoticeForm(RecordForm):
    title = _("Record the notice sent or received")
    section = "duties"
    subject_field = "duty"
    error_fields = {"duty": "duty", "fulfilled_at": "fulfilled_at", "channel": "channel"}
    fulfilled_at = _datetime(_("Sent or received at"),
                             help_text=_("Asia/Almaty time; leave empty for now. For safe "
                                         "conduct: when the person left."))
    channel = forms.ChoiceField(label=_("Channel"), required=False,
                                choices=[("", "—")] + list(ChannelChoices.choices))
    our_reference = _line(_("Our reference"), max_length=100)
    their_reference = _line(_("Their reference"), max_length=100)
    notice_text = _text(_("What was said"))

    def setup(self):
        from ..models import TreatyDuty

        self.fields["duty"] = _subject(_("Duty"), TreatyDuty.objects.filter(
            request=self.request_obj, fulfilled_at__isnull=True))
        self.fields["duty"].label_from_instance = (
            lambda d: f"{d.citation} — {d.get_event_display()}, "
                      f"{timezone.localtime(d.triggered_at):%d.%m.%Y %H:%M}")
        self.order_fields(["duty"])


class AssetSharingExtensionForm(RecordForm):
    title = _("Record an agreed exception to the one-year asset-sharing term")
    section = "milestones"
    extended_to = _date(_("Asset sharing may be requested until"), required=True)
    agreed_on = _date(_("Agreed on"), required=True)
    agreement = _text(_("Agreed with (who, how, reference)"), required=True)

    today_field = "agreed_on"


class AssetMeasureForm(RecordForm):
    title = _("Record an asset measure")
    section = "asset-measures"
    kind = forms.ChoiceField(label=_("Measure"), choices=AssetMeasureKind.choices)
    amount = forms.DecimalField(label=_("Amount"), max_digits=18, decimal_places=2,
                                help_text=_("In the currency of the decision; nothing is "
                                            "converted."))
    currency = _line(_("Currency (ISO code)"), required=True, max_length=3,
                     help_text=_("For example KZT, USD, EUR."))
    taken_on = _date(_("Decided on"), required=True)
    description = _text(_("Assets and decision (court, number)"))

    today_field = "taken_on"


# --- registers: use conditions, consents, uses, onward transfers, costs, personal-data duties ----
class UseConditionForm(RecordForm):
    title = _("Record a condition attached to material")
    section = "use-conditions"
    flow = forms.ChoiceField(label=_("Material"), choices=DataFlow.choices,
                             initial=DataFlow.RECEIVED)
    kind = forms.ChoiceField(label=_("Kind"), choices=UseConditionKind.choices)
    conditions = _text(_("Conditions"), required=True)
    set_by = _line(_("Set by"), required=True)
    set_on = _date(_("Set on"), required=True)

    today_field = "set_on"


class UseConsentForm(RecordForm):
    title = _("Record a consent to use material for another purpose")
    section = "use-conditions"
    error_fields = {"condition": "condition"}
    flow = forms.ChoiceField(label=_("Material"), choices=DataFlow.choices,
                             initial=DataFlow.RECEIVED)
    scope = _text(_("Use asked for (scope)"), required=True)
    asked_on = _date(_("Asked on"), required=True)
    status = forms.ChoiceField(label=_("Status"), choices=ConsentStatus.choices)
    answered_on = _date(_("Answered on"))
    in_writing = forms.BooleanField(label=_("Given in writing"), required=False)
    reference = _line(_("Reference of the answer"), max_length=200)

    today_field = "asked_on"

    def setup(self):
        self.fields["condition"] = forms.ModelChoiceField(
            label=_("Condition"), required=False,
            queryset=UseCondition.objects.filter(request=self.request_obj))
        self.order_fields(["condition"])


class UseConsentAnswerForm(RecordForm):
    title = _("Record the answer to a consent asked for")
    section = "use-conditions"
    subject_field = "consent"
    error_fields = {"consent": "consent"}
    status = forms.ChoiceField(label=_("Answer"), choices=[
        (ConsentStatus.GIVEN, ConsentStatus.GIVEN.label),
        (ConsentStatus.REFUSED, ConsentStatus.REFUSED.label)])
    answered_on = _date(_("Answered on"), required=True)
    in_writing = forms.BooleanField(label=_("Given in writing"), required=False)
    reference = _line(_("Reference of the answer"), max_length=200)

    today_field = "answered_on"

    def setup(self):
        self.fields["consent"] = _subject(_("Consent"), UseConsent.objects.filter(
            request=self.request_obj, status=ConsentStatus.ASKED))
        self.order_fields(["consent"])


class MaterialUseForm(RecordForm):
    title = _("Record a use of material for another purpose")
    section = "use-conditions"
    error_fields = {"consent": "consent"}
    kind = forms.ChoiceField(label=_("Kind"), choices=MaterialUseKind.choices)
    description = _text(_("Proceedings or purpose"), required=True)
    used_on = _date(_("Used on"), required=True)
    supplier_notified_on = _date(_("Supplier notified on"),
                                 help_text=_("For a disclosure the law required (BR 5.4)."))

    today_field = "used_on"

    def setup(self):
        self.fields["consent"] = forms.ModelChoiceField(
            label=_("Consent"), required=False,
            queryset=UseConsent.objects.filter(request=self.request_obj))
        self.order_fields(["kind", "description", "used_on", "consent"])


class MaterialUseNotifiedForm(RecordForm):
    title = _("Record that the requested side was told of the disclosure")
    section = "use-conditions"
    subject_field = "use"
    error_fields = {"use": "use"}
    notified_on = _date(_("Notified on"), required=True)

    today_field = "notified_on"

    def setup(self):
        self.fields["use"] = _subject(_("Use"), MaterialUse.objects.filter(
            request=self.request_obj, kind=MaterialUseKind.REQUIRED_BY_LAW,
            supplier_notified_on__isnull=True))
        self.order_fields(["use"])


class OnwardMaterialForm(RecordForm):
    title = _("Record material passed on to a third party or another body")
    section = "onward-transfers"
    material = forms.ChoiceField(label=_("Material"), choices=MaterialKind.choices)
    description = _text(_("What was passed on"))
    recipient_kind = forms.ChoiceField(label=_("Kind of recipient"),
                                       choices=RecipientKind.choices)
    recipient = _line(_("Recipient"), required=True)
    recipient_fights_organised_crime = forms.BooleanField(
        label=_("The recipient is the body fighting organised crime"), required=False)
    consent_reference = _line(_("Reference of the written consent"), max_length=200)
    consent_given_on = _date(_("Consent given on"))
    onward_transferred_on = _date(_("Transferred onward on"))

    def service_kwargs(self):
        data = super().service_kwargs()
        for name in ("description", "consent_reference"):
            data[name] = data.get(name) or ""
        return data


class CostItemForm(RecordForm):
    title = _("Record a cost")
    section = "costs"
    description = _text(_("What the cost is for"), required=True)
    amount = forms.DecimalField(label=_("Amount"), required=False, max_digits=14,
                                decimal_places=2, min_value=0)
    currency = _line(_("Currency (ISO code)"), max_length=3)
    extraordinary = forms.BooleanField(label=_("Extraordinary or unforeseen"), required=False)
    announced_on = _date(_("Announced by the requested side on"))

    def setup(self):
        costs = self.request_obj.rulebook.costs
        heads = [(h.code, f"{h.citation.reference}: {h.summary.text()}")
                 for h in (costs.heads if costs else ())]
        self.fields["head"] = forms.ChoiceField(label=_("Head of cost"), choices=heads)
        self.order_fields(["head"])

    def service_kwargs(self):
        data = super().service_kwargs()
        data["currency"] = data.get("currency") or ""
        return data


class _ReceivedEntryForm(_RegisterEntryForm):
    def setup(self):
        super().setup()
        self.fields["entry"].queryset = self.fields["entry"].queryset.filter(
            flow=DataFlow.RECEIVED)


class DataNoticeForm(_ReceivedEntryForm):
    title = _("Record a notice that data received were inaccurate")
    only_not_deleted = False
    kind = forms.ChoiceField(label=_("Notice"), choices=PersonalDataNoticeKind.choices)
    received_on = _date(_("Notice received on"), required=True)
    details = _text(_("What the notice says"), required=True)
    reference = _line(_("Reference"), max_length=200)

    today_field = "received_on"


class DataNoticeResolveForm(RecordForm):
    title = _("Record the correction or destruction of data after a notice")
    section = "personal-data"
    subject_field = "notice"
    error_fields = {"notice": "notice"}
    action = forms.ChoiceField(label=_("Action taken"), choices=PersonalDataAction.choices)
    acted_on = _date(_("Corrected or destroyed on"), required=True)
    action_details = _text(_("What was corrected or destroyed"), required=True)
    supplier_informed_on = _date(_("Supplier informed of the destruction on"))

    today_field = "acted_on"

    def setup(self):
        self.fields["notice"] = _subject(_("Notice"), PersonalDataNotice.objects.filter(
            entry__request=self.request_obj, action=""))
        self.order_fields(["notice"])


class UseReportForm(_ReceivedEntryForm):
    title = _("Record that the supplier asked for a report on use")
    only_not_deleted = False
    asked_on = _date(_("Asked on"), required=True)
    reference = _line(_("Reference of the request"), max_length=200)

    today_field = "asked_on"


class UseReportAnswerForm(RecordForm):
    title = _("Record the report on use sent")
    section = "personal-data"
    subject_field = "report"
    error_fields = {"report": "report"}
    answered_on = _date(_("Answered on"), required=True)
    answer = _text(_("Use made and results achieved"), required=True)

    today_field = "answered_on"

    def setup(self):
        self.fields["report"] = _subject(_("Report asked for"), PersonalDataUseReport.objects
                                         .filter(entry__request=self.request_obj,
                                                 answered_on__isnull=True))
        self.order_fields(["report"])
