"""Admin of states, authorities and instruments.

States and authorities are the office's to maintain here (contacts). Instruments and their
parties are shown by the classes below but registered by ``requests_app.admin``: their dates
drive deadlines, so saving them goes through a ``requests_app`` service that keeps the
instrument's duties in step. Dependencies point one way (``requests_app`` uses ``treaties``);
nothing here imports ``requests_app``.
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Authority
from .models import State
from .rules.calendar import local_date
from .rules.lifecycle import StatusVerdict


@admin.register(State)
class StateAdmin(admin.ModelAdmin):
    list_display = ("iso_code", "name_en", "name_ru", "name_kk", "official_languages")
    search_fields = ("iso_code", "name_en", "name_ru", "name_kk")


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "state", "kind", "is_active")
    list_filter = ("kind", "state", "is_active")
    search_fields = ("code", "name_en", "name_ru", "name_kk", "contact_person")
    list_select_related = ("state",)


def _verdict_text(verdict: StatusVerdict) -> str:
    return f"{verdict.label} ({verdict.citation})" if verdict.citation else verdict.label


class InstrumentAdmin(admin.ModelAdmin):
    """Titles, kind and signature come from the rulebook (loading overwrites them), so only the
    dates the office records and the designated authorities are editable."""

    list_display = ("slug", "short_title_en", "kind", "entered_into_force_on", "status_today")
    filter_horizontal = ("authorities",)
    readonly_fields = ("slug", "kind", "title_en", "title_ru", "title_kk", "short_title_en",
                       "short_title_ru", "short_title_kk", "approval_act", "signed_on")

    def has_add_permission(self, request, obj=None):
        return False  # instruments come from the rulebooks (manage.py load_treaties)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("status today"))
    def status_today(self, obj):
        return _verdict_text(obj.status_on(local_date(timezone.now())))


class InstrumentPartyAdmin(admin.ModelAdmin):
    """Parties with their dates, declarations and sources: loaded from the rulebooks, which fill
    only what is empty; the office records what it learns (a date, a declared language, its
    central authority, the source) and adds a state that joined later."""

    list_display = ("instrument", "state", "entered_into_force_on",
                    "withdrawal_notice_received_on", "accepted_languages", "central_authority",
                    "source_title")
    list_filter = ("instrument", "state")
    list_select_related = ("instrument", "state", "central_authority")
    fields = ("instrument", "state", "entered_into_force_on", "withdrawal_notice_received_on",
              "accepted_languages", "central_authority", "oral_requests_accepted",
              "source_title", "source_url", "declarations")
    readonly_fields = ("declarations",)

    def get_readonly_fields(self, request, obj=None):
        # The pair (instrument, state) is the row's identity once it exists.
        return (*self.readonly_fields, "instrument", "state") if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by_office = True
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        return False
