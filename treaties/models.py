"""States, authorities and instruments. The rules themselves live in the instrument's rulebook
(``treaties.rulebook``); the database holds what the office maintains: dates, contacts, parties."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from treaties.rulebook import get_rulebook
from treaties.rulebook.schema import AuthorityKind as RulebookAuthorityKind
from treaties.rulebook.schema import InstrumentKind, Rulebook
from treaties.rules.lifecycle import InstrumentDates, StatusVerdict, instrument_status_on


class MultilingualNameMixin:
    """Picks ``name_<lang>`` for the active language, falling back to English."""

    name_en: str
    name_ru: str
    name_kk: str

    @property
    def name(self) -> str:
        language = (get_language() or "en")[:2]
        return getattr(self, f"name_{language}", "") or self.name_en

    def __str__(self) -> str:
        return self.name


class State(MultilingualNameMixin, models.Model):
    iso_code = models.CharField(_("ISO code"), max_length=2, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=200)
    # ISO 639-1 codes, comma-separated; the language rules of a rulebook refer to them
    # ("translation into the requested state's language").
    official_languages = models.CharField(_("official languages"), max_length=50, blank=True)

    class Meta:
        ordering = ["iso_code"]
        verbose_name = _("state")
        verbose_name_plural = _("states")

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(code.strip() for code in self.official_languages.split(",") if code.strip())


class AuthorityKind(models.TextChoices):
    CENTRAL = RulebookAuthorityKind.CENTRAL.value, _("central authority")
    COMPETENT = RulebookAuthorityKind.COMPETENT.value, _("competent authority")
    FORWARDING = "forwarding", _("forwarding authority")


class Authority(MultilingualNameMixin, models.Model):
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="authorities",
                              verbose_name=_("state"))
    kind = models.CharField(_("kind"), max_length=20, choices=AuthorityKind.choices)
    code = models.SlugField(_("code"), max_length=60, unique=True,
                            help_text=_("Stable identifier used by data loading and integrations."))
    name_en = models.CharField(_("name (English)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # CZ 13.2 asks for a contact person speaking the other side's language or English.
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_languages = models.CharField(_("contact languages"), max_length=50, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["state__iso_code", "name_en"]
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")


class Instrument(models.Model):
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=[
        (InstrumentKind.MLA_TREATY.value, _("mutual legal assistance treaty")),
        (InstrumentKind.POLICE_COOPERATION.value, _("police cooperation agreement")),
    ])
    title_en = models.TextField(_("title (English)"))
    title_ru = models.TextField(_("title (Russian)"))
    title_kk = models.TextField(_("title (Kazakh)"))
    short_title_en = models.CharField(_("short title (English)"), max_length=200)
    short_title_ru = models.CharField(_("short title (Russian)"), max_length=200)
    short_title_kk = models.CharField(_("short title (Kazakh)"), max_length=200)
    parties = models.ManyToManyField(State, related_name="instruments", verbose_name=_("parties"))
    authorities = models.ManyToManyField(Authority, related_name="instruments", blank=True,
                                         verbose_name=_("designated authorities"))
    approval_act = models.CharField(_("Kazakh approval act"), max_length=300, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    # Recorded by the office where the text does not state it (SK 12.1, RS 22.2, BR 30.1).
    entered_into_force_on = models.DateField(_("entered into force on"), null=True, blank=True)
    termination_notice_received_on = models.DateField(
        _("termination notice received on"), null=True, blank=True)
    suspension_notice_received_on = models.DateField(
        _("suspension notice received on"), null=True, blank=True,
        help_text=_("Only where the instrument provides suspension (CZ Art 17)."))
    suspension_lift_notice_received_on = models.DateField(
        _("notice lifting the suspension received on"), null=True, blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")

    def __str__(self) -> str:
        return f"{self.slug} — {self.short_title}"

    def _localised(self, stem: str) -> str:
        language = (get_language() or "en")[:2]
        return getattr(self, f"{stem}_{language}", "") or getattr(self, f"{stem}_en")

    @property
    def title(self) -> str:
        return self._localised("title")

    @property
    def short_title(self) -> str:
        return self._localised("short_title")

    @property
    def rulebook(self) -> Rulebook:
        return get_rulebook(self.slug)

    @property
    def dates(self) -> InstrumentDates:
        return InstrumentDates(
            entered_into_force_on=self.entered_into_force_on,
            termination_notice_received_on=self.termination_notice_received_on,
            suspension_notice_received_on=self.suspension_notice_received_on,
            suspension_lift_notice_received_on=self.suspension_lift_notice_received_on,
        )

    def status_on(self, on: date) -> StatusVerdict:
        return instrument_status_on(self.rulebook, self.dates, on)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.suspension_notice_received_on and self.rulebook.suspension is None:
            raise ValidationError({"suspension_notice_received_on": _(
                "This instrument has no suspension clause; only CZ Art 17 provides one.")})
