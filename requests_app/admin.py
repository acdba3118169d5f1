"""Admin for every model. Requests and their records are changed through the services, so the
admin shows them read-only; the transition log is read-only by design. Instruments and their
parties (shown by ``treaties.admin``) are registered here: their dates are saved through the
services of ``services.instruments``, which keep the instruments' duties in step."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from treaties import admin as treaties_admin
from treaties.models import Instrument
from treaties.models import InstrumentParty
from treaties.rules.lifecycle import PARTY_DATE_FIELDS
from treaties.rules.lifecycle import InstrumentDates
from treaties.rules.lifecycle import PartyDates

from . import clock
from . import models
from .documents.letters.correspondence_texts import PLACEHOLDERS
from .exceptions import InvalidInput
from .roles import Role
from .roles import user_has_any_role
from .services.correspondence import TEMPLATE_ROLES
from .services.correspondence import letter_template_check
from .services.correspondence import letter_template_save
from .services.instruments import INSTRUMENT_DATE_FIELDS
from .services.instruments import instrument_party_dates_update
from .services.instruments import instrument_record
from .services.signatories import SIGNATORY_ROLES
from .services.signatories import SIGNATORY_TEXT_FIELDS
from .services.signatories import signatory_save


class ReadOnlyAdmin(admin.ModelAdmin):
    """Changes go through the services (permission, log, deadlines); the admin only shows."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PersonInline(ReadOnlyInline):
    model = models.RequestPerson
    fields = ("role", "full_name", "appearance_date")


class DeadlineInline(ReadOnlyInline):
    model = models.Deadline
    fields = ("kind", "due_at", "citation", "basis", "status", "responsible_side")


class LogBasisColumn:
    """The log's basis column: the article the step was taken under, or "office procedure"
    (``TransitionLog.basis``), never blank."""

    @admin.display(description=_("basis"))
    def log_basis(self, entry: models.TransitionLog) -> str:
        return entry.basis.text


class LogInline(LogBasisColumn, ReadOnlyInline):
    model = models.TransitionLog
    fields = ("at", "actor", "action", "from_state", "to_state", "reason", "log_basis")
    readonly_fields = ("log_basis",)


@admin.register(models.AssistanceRequest)
class AssistanceRequestAdmin(ReadOnlyAdmin):
    list_display = ("reference", "direction", "instrument", "state", "is_urgent", "created_at")
    list_filter = ("direction", "state", "instrument", "is_urgent", "channel")
    search_fields = ("reference", "their_reference", "case_number", "offence_description")
    list_select_related = ("instrument",)
    inlines = [PersonInline, DeadlineInline, LogInline]


@admin.register(models.Deadline)
class DeadlineAdmin(ReadOnlyAdmin):
    list_display = ("request", "instrument", "kind", "due_at", "citation", "basis", "status",
                    "responsible_side", "next_action_at")
    list_filter = ("status", "kind", "basis", "responsible_side", "instrument")
    list_select_related = ("request", "instrument")


@admin.register(models.TransitionLog)
class TransitionLogAdmin(LogBasisColumn, ReadOnlyAdmin):
    list_display = ("at", "request", "actor", "action", "from_state", "to_state", "log_basis")
    list_filter = ("action",)
    search_fields = ("request__reference", "reason")
    list_select_related = ("request", "actor")


@admin.register(models.AccessRecord)
class AccessRecordAdmin(ReadOnlyAdmin):
    # Who looked: written by ``services.access_log.record_access``, never changed; read here.
    list_display = ("at", "request", "user", "what", "label", "channel")
    list_filter = ("what", "channel")
    search_fields = ("request__reference", "user__username", "label")
    list_select_related = ("request", "user")


@admin.register(models.NotificationEvent)
class NotificationEventAdmin(ReadOnlyAdmin):
    list_display = ("deadline", "threshold", "due_at", "created_at")
    list_filter = ("threshold",)
    list_select_related = ("deadline",)


@admin.register(models.Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("recipient", "kind", "request", "event", "created_at", "read_at",
                    "emailed_at", "email_outcome")
    list_filter = ("kind", "read_at", "emailed_at", "email_outcome")
    list_select_related = ("recipient", "request", "event__deadline")


@admin.register(models.NotificationPreference)
class NotificationPreferenceAdmin(ReadOnlyAdmin):
    # Each user sets their own (``services.notifications.notification_preferences_set``).
    list_display = ("user", "kind", "email")
    list_filter = ("kind", "email")
    list_select_related = ("user",)


@admin.register(models.RequestNote)
class RequestNoteAdmin(ReadOnlyAdmin):
    # Written through ``services.notes.note_add`` only (logged there); read here.
    list_display = ("created_at", "request", "author", "__str__")
    search_fields = ("request__reference", "text")
    list_select_related = ("request", "author")


@admin.register(models.LetterVersion)
class LetterVersionAdmin(ReadOnlyAdmin):
    # Frozen by the transitions (``services.documents.letter_version_freeze``); read here.
    list_display = ("request", "number", "event", "language", "created_by", "created_at",
                    "pdf_sha256")
    list_filter = ("event", "language")
    search_fields = ("request__reference", "pdf_sha256", "docx_sha256")
    list_select_related = ("request", "created_by")


@admin.register(models.OfficeMembership)
class OfficeMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "authority")
    list_select_related = ("user", "authority")


for model in (models.RequestPerson, models.Translation, models.OriginalDocument,
              models.ServiceProof, models.Consultation, models.Decision, models.HandedOverItem,
              models.DetaineeTransfer, models.PersonalDataTransfer,
              models.OnwardTransferConsent, models.Attachment, models.TreatyDuty,
              models.AssetMeasure):
    admin.site.register(model, type(f"{model.__name__}Admin", (ReadOnlyAdmin,), {
        "list_display": ("__str__", "request") if hasattr(model, "request") else ("__str__",),
    }))


class OfficeDatesAdminMixin:
    """Only those the services let record dates may change them here."""

    def has_change_permission(self, request, obj=None):
        return (super().has_change_permission(request, obj)
                and user_has_any_role(request.user, (Role.ADMIN,)))


@admin.register(Instrument)
class InstrumentAdmin(OfficeDatesAdminMixin, treaties_admin.InstrumentAdmin):
    def save_model(self, request, obj, form, change):
        """The dates go through ``instrument_dates_update`` (duties re-synced in the same
        transaction); the designated authorities are saved with the form's relations."""
        values = {name: form.cleaned_data.get(name) for name in INSTRUMENT_DATE_FIELDS}
        values["suspended_assistance_types"] = tuple(values["suspended_assistance_types"] or ())
        instrument_record(
            actor=request.user, instrument_id=obj.pk, dates=InstrumentDates(**values),
            agreed_channels=tuple(form.cleaned_data.get("agreed_channels") or ()),
            agreed_channels_reference=form.cleaned_data.get("agreed_channels_reference") or "",
            now=clock.now())


@admin.register(InstrumentParty)
class InstrumentPartyAdmin(OfficeDatesAdminMixin, treaties_admin.InstrumentPartyAdmin):
    def save_model(self, request, obj, form, change):
        """The party's dates go through ``instrument_party_dates_update``."""
        dates = PartyDates(**{name: form.cleaned_data.get(name) for name in PARTY_DATE_FIELDS})
        instrument_party_dates_update(actor=request.user, party_id=obj.pk, dates=dates,
                                      now=clock.now())


# --- registers (written through services.registers; shown here) ---------------------------------
@admin.register(models.SpontaneousInformation)
class SpontaneousInformationAdmin(ReadOnlyAdmin):
    list_display = ("exchanged_on", "flow", "partner_state", "instrument", "summary", "citation")
    list_filter = ("flow", "partner_state", "instrument")
    search_fields = ("summary", "reference", "foreign_authority")


@admin.register(models.CounterpartNotice)
class CounterpartNoticeAdmin(ReadOnlyAdmin):
    list_display = ("notified_on", "instrument", "flow", "state", "kind", "authority",
                    "effective_from", "citation")
    list_filter = ("instrument", "flow", "kind")
    search_fields = ("authority", "contact_details", "reference")


@admin.register(models.RegisterLog)
class RegisterLogAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "action", "subject", "subject_id", "citation")
    list_filter = ("action", "subject")


for _model in (models.UseCondition, models.UseConsent, models.MaterialUse, models.CostItem,
               models.PersonalDataNotice, models.PersonalDataUseReport):
    admin.site.register(_model, ReadOnlyAdmin)


# --- the correspondence register and the office's letter templates -----------------------------
@admin.register(models.Correspondence)
class CorrespondenceAdmin(ReadOnlyAdmin):
    # Written through ``services.correspondence`` only (frozen documents, logged); read here.
    list_display = ("dated_on", "request", "direction", "kind", "our_reference",
                    "their_reference", "reply_due_on")
    list_filter = ("direction", "kind")
    search_fields = ("request__reference", "our_reference", "their_reference", "subject")
    list_select_related = ("request",)


class LetterTemplateForm(forms.ModelForm):
    """The texts are checked as the service checks them: an unknown placeholder is an error on
    the field that uses it."""

    class Meta:
        model = models.LetterTemplate
        fields = ("kind", "language", "subject", "body")
        help_texts = {"body": _("Placeholders: %(names)s. A blank line starts a paragraph; "
                                "write {{ and }} for a brace.") % {
            "names": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)}}

    def clean(self):
        cleaned = super().clean()
        try:
            letter_template_check(subject=cleaned.get("subject") or "",
                                  body=cleaned.get("body") or "",
                                  kind=cleaned.get("kind") or "")
        except InvalidInput as error:
            for name, message in error.errors.items():
                if name in self.fields and name not in self.errors:
                    self.add_error(name, message)
        return cleaned


@admin.register(models.LetterTemplate)
class LetterTemplateAdmin(admin.ModelAdmin):
    """The office edits the texts of its generated letters; supervisors and administrators only,
    saved through ``letter_template_save``."""

    form = LetterTemplateForm
    list_display = ("kind", "language", "subject", "updated_at", "updated_by")
    list_filter = ("kind", "language")
    list_select_related = ("updated_by",)

    def _may_edit(self, request) -> bool:
        return user_has_any_role(request.user, TEMPLATE_ROLES)

    def has_add_permission(self, request):
        return self._may_edit(request)

    def has_change_permission(self, request, obj=None):
        return self._may_edit(request)

    def has_view_permission(self, request, obj=None):
        return self._may_edit(request) or super().has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # A letter must always have a text; the default is restored by editing it back.
        return False

    def save_model(self, request, obj, form, change):
        saved = letter_template_save(actor=request.user, kind=form.cleaned_data["kind"],
                                     language=form.cleaned_data["language"],
                                     subject=form.cleaned_data["subject"],
                                     body=form.cleaned_data["body"])
        obj.pk = saved.pk


@admin.register(models.Signatory)
class SignatoryAdmin(admin.ModelAdmin):
    """The officials who sign the office's letters, with name and position in kk, ru and en;
    supervisors and administrators keep them, saved through ``signatory_save``. A signatory who
    signed a letter is made inactive rather than deleted (the request keeps naming them)."""

    fields = ("authority", *SIGNATORY_TEXT_FIELDS, "is_active", "order")
    list_display = ("name_en", "position_en", "authority", "is_active", "order")
    list_filter = ("is_active", "authority")
    search_fields = ("name_kk", "name_ru", "name_en", "position_en")
    list_select_related = ("authority",)

    def _may_edit(self, request) -> bool:
        return user_has_any_role(request.user, SIGNATORY_ROLES)

    def has_add_permission(self, request):
        return self._may_edit(request)

    def has_change_permission(self, request, obj=None):
        return self._may_edit(request)

    def has_view_permission(self, request, obj=None):
        return self._may_edit(request) or super().has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        saved = signatory_save(actor=request.user, authority=data["authority"],
                               texts={name: data[name] for name in SIGNATORY_TEXT_FIELDS},
                               is_active=data["is_active"], order=data["order"],
                               signatory=obj if change else None)
        obj.pk = saved.pk
