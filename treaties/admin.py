from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Authority, Instrument, State


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


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ("slug", "short_title_en", "kind", "entered_into_force_on", "status_today")
    filter_horizontal = ("authorities",)
    readonly_fields = ("slug", "kind")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A new suspension or termination notice announces itself; duties follow the dates.
        from requests_app.clock import now
        from requests_app.services.deadlines import instrument_deadlines_sync

        instrument_deadlines_sync(instrument=obj, now=now())

    @admin.display(description=_("status today"))
    def status_today(self, obj):
        from requests_app.clock import today

        verdict = obj.status_on(today())
        return f"{verdict.label} ({verdict.citation})" if verdict.citation else verdict.label
