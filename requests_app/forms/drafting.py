"""Forms for drafting an outgoing request: choosing the state and instrument, editing contents,
adding persons, translations and attachments.

Forms only parse input. Which instrument applies is decided by the treaty selectors
(``treaties.selectors``: status between the two states, precedence) and whether the request is
complete by the instrument's rulebook and the pure rule functions; the services enforce them. The
choices shown come from the rulebook (assistance types, channels) so a user is offered only what
applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from treaties.models import State
from treaties.rulebook.catalogue import ASSISTANCE_TYPES
from treaties.rulebook.schema import CHANNEL_LABELS
from treaties.rulebook.schema import Channel
from treaties.rulebook.schema import Rulebook
from treaties.rules.scope import OffenceFacts
from treaties.selectors import ApplicableInstrument
from treaties.selectors import designated_authorities
from treaties.selectors import instrument_proposed
from treaties.selectors import instruments_applicable
from treaties.selectors import requested_states

from ..models import AssistanceRequest
from ..models import Attachment
from ..models import AttachmentKind
from ..models import RequestPerson
from ..models import Translation
from ..services.attachments import ACCEPT_ATTRIBUTE
from ..services.attachments import ALLOWED_LABELS
from ..services.attachments import UPLOADABLE_KINDS
from ..services.attachments import attachment_max_bytes
from ..services.signatories import signatories_active
from ..workflow.specs import OVERRIDE_REASON_MAX_LENGTH

# Languages a request is usually written in; the requested state's own languages are added.
WORKING_LANGUAGES = ("ru", "kk", "en")


def language_label(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_choices(extra: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Languages by name (in the user's language), the usual ones first."""
    codes = list(dict.fromkeys((*WORKING_LANGUAGES, *extra)))
    return [(code, capfirst(language_label(code))) for code in codes]


def written_channel_choices(rulebook: Rulebook) -> list[tuple[str, str]]:
    """Channels the instrument provides for a written request (an oral request is a separate
    action of the central authority, not a property of the draft)."""
    return [(c.value, str(CHANNEL_LABELS[c])) for c in Channel
            if c in rulebook.communication.channels and c != Channel.ORAL]


class AssistanceTypesField(forms.MultipleChoiceField):
    """Offers the instrument's assistance types but accepts any type of the shared catalogue, so
    that the rulebook (not the form) answers a type the instrument does not cover, with the article
    that excludes it (e.g. CZ Art 1.2)."""

    widget = forms.CheckboxSelectMultiple

    def valid_value(self, value):
        return value in ASSISTANCE_TYPES or super().valid_value(value)


@dataclass(frozen=True)
class AssistanceTypeOption:
    code: str
    label: str
    citation: str
    summary: str


def assistance_type_options(rulebook: Rulebook) -> list[AssistanceTypeOption]:
    return [AssistanceTypeOption(rule.code, ASSISTANCE_TYPES[rule.code].label.text(),
                                 str(rule.citation), rule.summary.text())
            for rule in rulebook.assistance_types]


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(min_value=1, **kwargs)


# --- creating a draft ------------------------------------------------------------------------
# What the resolver reads of the offence (``treaties.rules.scope.OffenceFacts``).
OFFENCE_FIELDS = ("offence_category", "offence_laundering_predicate", "offence_max_penalty_years",
                  "organised_group_involved")


def _label(model, name: str):
    return capfirst(model._meta.get_field(name).verbose_name)


class RequestCreateForm(forms.Form):
    requested_state = forms.ChoiceField(
        label=_("Requested state"),
        help_text=_("The state Kazakhstan asks for assistance. The instrument in force with it "
                    "is proposed below."))
    instrument = forms.ChoiceField(label=_label(AssistanceRequest, "instrument"),
                                   widget=forms.RadioSelect)
    requested_authority = forms.ChoiceField(
        label=_label(AssistanceRequest, "requested_authority"))
    assistance_types = AssistanceTypesField(label=_label(AssistanceRequest, "assistance_types"))
    channel = forms.ChoiceField(label=_label(AssistanceRequest, "channel"))
    request_language = forms.ChoiceField(label=_label(AssistanceRequest, "request_language"))

    def __init__(self, *args, today: date, state_code: str = "", preview=None, **kwargs):
        """``preview``: the values typed so far (the htmx panel's query), shown again and read
        by the resolver without being validated."""
        super().__init__(*args, **kwargs)
        for name in ("is_urgent", "urgency_reason", "purpose", *OFFENCE_FIELDS,
                     "instrument_choice_reason"):
            self.fields[name] = _model_formfield(name)
        self.fields["instrument"].required = False  # none applies: the resolver says why
        self.today = today
        self.fields["requested_state"].choices = [("", "—")] + [
            (s.iso_code, f"{s.name} ({s.iso_code})") for s in requested_states()]
        self.typed = self.data if self.is_bound else (preview or {})
        state_code = (self.data.get("requested_state") if self.is_bound else state_code) or ""
        valid_states = {code for code, _label in self.fields["requested_state"].choices if code}
        self.state_code = state_code if state_code in valid_states else ""
        if not self.is_bound:
            # The panel is drawn again as the offence or the instrument changes: what was typed
            # so far is shown again, not lost.
            for name, field in self.fields.items():
                if name == "requested_state" or not self.typed.get(name):
                    continue
                multiple = isinstance(field, forms.MultipleChoiceField) and hasattr(
                    self.typed, "getlist")
                self.initial[name] = (self.typed.getlist(name) if multiple
                                      else self.typed.get(name))
        # The assistance offered is the chosen instrument's own list, so the resolver is asked
        # about the offence only; a type posted outside the list gets the rulebook's answer
        # next to its field (CZ 1.2) from the service.
        self.options = instruments_applicable(self.state_code, today,
                                              offence=self.offence_typed())
        self.proposed = instrument_proposed(self.options)
        self.chosen = self._chosen_instrument()
        self._offer_what_the_instrument_provides(self.chosen)
        self.fields["request_language"].choices = language_choices(self._state_languages())
        self.initial.setdefault("request_language", "ru")
        if self.state_code:
            self.initial.setdefault("requested_state", self.state_code)

    def offence_typed(self) -> OffenceFacts:
        """The offence as typed so far (not validated: the service checks it)."""
        years = str(self.typed.get("offence_max_penalty_years") or "").strip()
        organised = {"true": True, "false": False}.get(
            str(self.typed.get("organised_group_involved") or "").lower())
        return OffenceFacts(
            category=str(self.typed.get("offence_category") or ""),
            laundering_predicate=str(self.typed.get("offence_laundering_predicate") or ""),
            max_penalty_years=int(years) if years.isdigit() and len(years) <= 2 else None,
            organised_group=organised)

    def _chosen_instrument(self) -> ApplicableInstrument | None:
        """The instrument the user picked among those that may be chosen (in force, the request
        within it; one that is not proposed needs a reason), or else the one proposed."""
        selectable = [o for o in self.options if o.selectable]
        # Every listed instrument is a valid value: one that does not apply (suspended, outside
        # the offence's scope) is answered by the service with its article, next to the state.
        self.fields["instrument"].choices = [(str(o.instrument.pk), o.instrument.short_title)
                                             for o in self.options]
        picked = next((o for o in selectable
                       if str(o.instrument.pk) == str(self.typed.get("instrument") or "")), None)
        if picked is not None:
            return picked
        if self.proposed is not None:
            self.initial["instrument"] = str(self.proposed.instrument.pk)
        return self.proposed

    @property
    def chosen_is_not_proposed(self) -> bool:
        return self.chosen is not None and self.chosen is not self.proposed

    def _offer_what_the_instrument_provides(self, chosen: ApplicableInstrument | None) -> None:
        rulebook = chosen.rulebook if chosen else None
        authorities = (list(designated_authorities(chosen.instrument, self.state_code))
                       if chosen else [])
        self.fields["requested_authority"].choices = [(str(a.pk), a.name) for a in authorities]
        if len(authorities) == 1:
            self.initial.setdefault("requested_authority", str(authorities[0].pk))
        self.type_options = assistance_type_options(rulebook) if rulebook else []
        self.fields["assistance_types"].choices = [(o.code, o.label) for o in self.type_options]
        self.fields["channel"].choices = written_channel_choices(rulebook) if rulebook else []

    def _state_languages(self) -> tuple[str, ...]:
        state = State.objects.filter(iso_code=self.state_code).first() if self.state_code else None
        return state.language_codes if state else ()

    @property
    def no_instrument_in_force(self) -> bool:
        return bool(self.state_code) and not any(o.selectable for o in self.options)

    def clean_requested_state(self):
        value = self.cleaned_data["requested_state"]
        if value and self.no_instrument_in_force:
            raise forms.ValidationError(self.no_instrument_message())
        return value

    def no_instrument_message(self) -> str:
        if not self.options:
            return str(_("Kazakhstan has no instrument with this state in the system."))
        parts = []
        for option in self.options:
            since = (f" {_('since')} {date_format(option.verdict.since, 'SHORT_DATE_FORMAT')}"
                     if option.verdict.since else "")
            citation = f" ({option.verdict.citation})" if option.verdict.citation else ""
            parts.append(f"{option.instrument.slug}: {option.verdict.label}{since}{citation}")
        return str(_("No instrument with this state is in force today, so no new request can be "
                     "made: %(details)s.")) % {"details": "; ".join(parts)}

    def clean_instrument(self):
        value = self.cleaned_data.get("instrument")
        if not value and self.state_code and not self.no_instrument_in_force:
            raise forms.ValidationError(_("Choose the instrument the request is made under."))
        return value

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            **{name: data[name] for name in OFFENCE_FIELDS},
            "instrument_choice_reason": data["instrument_choice_reason"],
            "instrument_id": int(data["instrument"]),
            "requested_authority_id": int(data["requested_authority"]),
            "assistance_types": list(data["assistance_types"]),
            "channel": data["channel"],
            "request_language": data["request_language"],
            "is_urgent": data["is_urgent"],
            "urgency_reason": data["urgency_reason"],
            "purpose": data["purpose"],
        }


# --- editing the contents --------------------------------------------------------------------
# The editable contents, grouped as a prosecutor reads a request.
CONTENT_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (_("Assistance sought"), ("assistance_types", "purpose", "assistance_description",
                              "reasons_for_measures")),
    (_("The case"), ("case_number", "proceedings_authority", "signatory",
                     "offence_description", "legal_qualification", "applicable_law",
                     "facts_summary")),
    (_("Execution"), ("objects_to_locate", "search_details", "questions",
                      "procedure_requirements", "summoned_person_allowances",
                      "officials_wish_to_attend", "attending_officials",
                      "requested_execution_date", "requested_execution_reason")),
    (_("Form, language and transmission"), (
        "channel", "is_urgent", "urgency_reason", "is_confidential",
        "confidentiality_requirements", "request_language", "translation_agreement",
        "enclosed_documents", "other_information", "signed_and_sealed")),
)
CONTENT_FORM_FIELDS = tuple(name for _group, names in CONTENT_GROUPS for name in names)


@dataclass(frozen=True)
class DraftStep:
    """One step of drafting: its URL slug, its title, the content fields its form edits (in
    reading order, grouped) and the checklist fields it answers for (``covers``: the content
    rules' fields, "persons", "translation")."""

    slug: str
    title: object
    groups: tuple[tuple[object, tuple[str, ...]], ...] = ()
    covers: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for _title, names in self.groups for name in names)


# Drafting in steps, in the order a prosecutor writes a request. Every content field belongs to
# exactly one step (checked in the tests).
DRAFT_STEPS: tuple[DraftStep, ...] = (
    DraftStep("parties", _("Parties and instrument"), (
        (_("The case"), ("case_number", "proceedings_authority", "signatory")),
        (_("Form, language and transmission"), (
            "channel", "request_language", "translation_agreement", "is_urgent",
            "urgency_reason", "is_confidential", "confidentiality_requirements")),
    ), covers=("requesting_authority",)),
    DraftStep("offence", _("Offence and facts"), (
        (_("The offence"), ("offence_description", "legal_qualification", "applicable_law",
                            "facts_summary")),
    )),
    DraftStep("assistance", _("Assistance"), (
        (_("Types and purpose"), ("assistance_types", "purpose", "assistance_description",
                                  "reasons_for_measures")),
        (_("Execution"), ("objects_to_locate", "search_details", "questions",
                          "procedure_requirements", "summoned_person_allowances",
                          "officials_wish_to_attend", "attending_officials",
                          "requested_execution_date", "requested_execution_reason")),
    )),
    DraftStep("persons", _("Persons"), covers=("persons",)),
    DraftStep("documents", _("Documents and translations"), (
        (_("Documents"), ("enclosed_documents", "other_information", "signed_and_sealed")),
    ), covers=("translation",)),
    DraftStep("review", _("Review and submit")),
)
DRAFT_STEP_BY_SLUG = {step.slug: step for step in DRAFT_STEPS}


def _model_formfield(name: str, model=AssistanceRequest, rows: int = 3) -> forms.Field:
    """The model field's form field, with compact text areas and a date picker."""
    field = model._meta.get_field(name).formfield()
    if isinstance(field.widget, forms.Textarea):
        field.widget.attrs.update({"rows": rows, "cols": 60})
    if isinstance(field, forms.DateField):
        field.widget = _date_input()
    return field


class RequestContentForm(forms.Form):
    """The contents of a draft, for ``request_update``. ``changes()`` gives only what changed."""

    version = VersionField()

    def __init__(self, *args, request: AssistanceRequest, step: DraftStep | None = None,
                 **kwargs):
        self.step = step
        self.field_names = step.fields if step is not None else CONTENT_FORM_FIELDS
        initial = {name: (request.signatory_id or "") if name == "signatory"
                   else getattr(request, name) for name in self.field_names}
        initial["version"] = request.version
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        rulebook = request.rulebook
        state_languages = request.requested_authority.state.language_codes
        language = (get_language() or "ru")[:2]
        self.type_options = assistance_type_options(rulebook)
        for name in self.field_names:
            if name == "assistance_types":
                field = AssistanceTypesField(label=_label(AssistanceRequest, name),
                                             required=False)
                field.choices = [(o.code, o.label) for o in self.type_options]
            elif name == "channel":
                field = forms.ChoiceField(label=_label(AssistanceRequest, name),
                                          choices=written_channel_choices(rulebook))
            elif name == "request_language":
                field = forms.ChoiceField(label=_label(AssistanceRequest, name),
                                          choices=language_choices(state_languages))
            elif name == "signatory":
                # Who signs the letter: an active official of the requesting authority.
                field = forms.ChoiceField(
                    label=_label(AssistanceRequest, name), required=False,
                    choices=[("", _("— to be filled in by hand —"))] + [
                        (str(s.pk), f"{s.position_in(language)} — {s.name_in(language)}")
                        for s in signatories_active(
                            authority_id=request.requesting_authority_id)])
            else:
                field = _model_formfield(name)
            self.fields[name] = field
        self.request_obj = request

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data
                if name in self.field_names}

    def groups(self):
        """(title, bound fields) in reading order, for the template."""
        groups = self.step.groups if self.step is not None else CONTENT_GROUPS
        return [(title, [self[name] for name in names]) for title, names in groups]


def _person_field(name: str) -> forms.Field:
    return _model_formfield(name, model=RequestPerson, rows=2)


PERSON_FORM_FIELDS = ("role", "full_name", "birth_date", "nationality", "address", "particulars",
                      "appearance_date")


class PersonForm(forms.Form):
    """A person for ``person_add`` (prefix "person") or ``person_update`` (prefix
    "person-<id>"); labels and limits come from ``RequestPerson``."""

    version = VersionField()

    prefix = "person"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in PERSON_FORM_FIELDS:
            self.fields[name] = _person_field(name)
        self.fields["appearance_date"].help_text = _(
            "For a person summoned to appear: the summons lead time of the instrument is counted "
            "back from this date.")
        self.order_fields(["role", "full_name"])

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version")
        return data


class SubmitForReviewForm(forms.Form):
    """Submitting the draft for review; while the checklist is not complete only with the
    override and its reason (office policy: the treaty does not require it)."""

    version = VersionField()
    override_incomplete = forms.BooleanField(
        label=_("Submit although the checklist is not complete"), required=False,
        help_text=_("Office policy, not a treaty rule: the reviewer sees your reason."))
    override_reason = forms.CharField(
        label=_("Why it goes to review incomplete"), required=False,
        max_length=OVERRIDE_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": OVERRIDE_REASON_MAX_LENGTH}))

    def params(self) -> dict:
        if not self.cleaned_data["override_incomplete"]:
            return {}
        return {"override_incomplete": True,
                "override_reason": self.cleaned_data["override_reason"]}


class TranslationForm(forms.Form):
    """A translation for ``records.translation_record``."""

    version = VersionField()

    prefix = "translation"

    def __init__(self, *args, request: AssistanceRequest, **kwargs):
        super().__init__(*args, **kwargs)
        languages = request.requested_authority.state.language_codes
        self.fields["language"] = forms.ChoiceField(label=_label(Translation, "language"),
                                                    choices=language_choices(languages))
        for name in ("document", "translated_by", "completed_on"):
            field = Translation._meta.get_field(name).formfield()
            if isinstance(field, forms.DateField):
                field.widget = _date_input()
            self.fields[name] = field
        self.fields["completed_on"].help_text = _(
            "Leave empty while the translation is still being made; only a completed translation "
            "satisfies the language rule.")
        if languages:
            self.initial.setdefault("language", languages[0])
        self.order_fields(["language", "document", "translated_by", "completed_on"])

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version")
        return data


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_label(Attachment, "kind"),
                             choices=[(kind, AttachmentKind(kind).label)
                                      for kind in UPLOADABLE_KINDS])
    uploaded_file = forms.FileField(label=_label(Attachment, "file"), allow_empty_file=False,
                                    widget=forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
    version = VersionField(required=False)

    prefix = "attachment"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.template.defaultfilters import filesizeformat

        self.fields["uploaded_file"].help_text = _(
            "%(types)s, at most %(limit)s.") % {"types": ALLOWED_LABELS,
                                                 "limit": filesizeformat(attachment_max_bytes())}
