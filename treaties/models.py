"""States, authorities and instruments. The rules themselves live in the instrument's rulebook
(``treaties.rulebook``); the database holds what the office maintains: dates, contacts, parties
and what each party declared (``InstrumentParty``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Mapping
from datetime import date

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mla.limits import BoundedTextField
from treaties.rulebook import get_rulebook
from treaties.rulebook.schema import AuthorityKind as RulebookAuthorityKind
from treaties.rulebook.schema import Channel
from treaties.rulebook.schema import InstrumentKind
from treaties.rulebook.schema import Rulebook
from treaties.rules.lifecycle import InstrumentDates
from treaties.rules.lifecycle import PartyDates
from treaties.rules.lifecycle import StatusVerdict
from treaties.rules.lifecycle import instrument_status_on
from treaties.rules.lifecycle import parties_status_on


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
    FORWARDING = RulebookAuthorityKind.FORWARDING.value, _("forwarding authority")


class Authority(MultilingualNameMixin, models.Model):
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="authorities",
                              verbose_name=_("state"))
    kind = models.CharField(_("kind"), max_length=20, choices=AuthorityKind.choices)
    code = models.SlugField(_("code"), max_length=60, unique=True,
                            help_text=_("Stable identifier used by data loading and integrations."))
    name_en = models.CharField(_("name (English)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    # The address as each letter writes it: a Russian letter gives our address in Cyrillic.
    address_en = BoundedTextField(_("address (English)"), blank=True)
    address_ru = BoundedTextField(_("address (Russian)"), blank=True)
    address_kk = BoundedTextField(_("address (Kazakh)"), blank=True)
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

    @property
    def address(self) -> str:
        """The address in the active language, falling back to English."""
        return self.address_in((get_language() or "en")[:2])

    def address_in(self, language: str) -> str:
        return getattr(self, f"address_{language}", "") or self.address_en


class Instrument(models.Model):
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=[
        (InstrumentKind.MLA_TREATY.value, _("mutual legal assistance treaty")),
        (InstrumentKind.POLICE_COOPERATION.value, _("police cooperation agreement")),
        (InstrumentKind.CONVENTION.value, _("multilateral convention")),
        (InstrumentKind.LEGAL_ASSISTANCE_CONVENTION.value,
         _("multilateral legal assistance convention")),
        (InstrumentKind.NATIONAL_LAW.value, _("national law (reciprocity)")),
    ])
    title_en = BoundedTextField(_("title (English)"))
    title_ru = BoundedTextField(_("title (Russian)"))
    title_kk = BoundedTextField(_("title (Kazakh)"))
    short_title_en = models.CharField(_("short title (English)"), max_length=200)
    short_title_ru = models.CharField(_("short title (Russian)"), max_length=200)
    short_title_kk = models.CharField(_("short title (Kazakh)"), max_length=200)
    parties = models.ManyToManyField(State, through="InstrumentParty", related_name="instruments",
                                     verbose_name=_("parties"))
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
    # CZ 17: suspension "fully or partially". Empty: the whole agreement is suspended.
    suspended_assistance_types = models.JSONField(
        _("suspended forms of cooperation"), default=list, blank=True,
        help_text=_("Codes of the forms of cooperation the suspension notice names; leave empty "
                    "when the whole instrument is suspended (CZ Art 17: fully or partially)."))
    # CZ 9.1, SK 7.2: "any other means agreed by the competent authorities".
    agreed_channels = models.JSONField(
        _("other channels agreed with the other side"), default=list, blank=True,
        help_text=_("Channels the competent authorities have agreed besides those the text names "
                    "(CZ Art 9.1, SK Art 7.2); only where the instrument allows agreed means."))
    agreed_channels_reference = models.CharField(
        _("reference of the agreement on channels"), max_length=300, blank=True)

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
            suspended_assistance_types=tuple(self.suspended_assistance_types or ()),
        )

    def status_on(self, on: date) -> StatusVerdict:
        """The instrument's status as a whole (entry into force, suspension, termination)."""
        return instrument_status_on(self.rulebook, self.dates, on)

    def status_between(self, on: date, *state_ids: int,
                       assistance_types: Iterable[str] | None = None) -> StatusVerdict:
        """The status for a request between these states (Kazakhstan and the partner): in force
        only where the instrument is and each state is a party bound that day (its own entry into
        force, no withdrawal in effect: UNTOC 38.2, 40). One query. For a bilateral treaty, the
        same answer as ``status_on``."""
        return parties_status_on(self.rulebook, self.dates, self.party_dates(state_ids), on,
                                 None if assistance_types is None else tuple(assistance_types))

    def party_dates(self, state_ids: Iterable[int]) -> list[PartyDates | None]:
        """Each state's own dates under the instrument, None for a state that is not a party.
        One query, none for states whose dates were read with other rows
        (``party_dates_remember``)."""
        wanted = set(state_ids)
        known: dict[int, PartyDates | None] | None = getattr(self, "_party_dates_known", None)
        if known is None or not wanted <= known.keys():
            known = {link.state_id: link.dates
                     for link in self.party_links.filter(state_id__in=wanted)}
        return [known.get(state_id) for state_id in sorted(wanted)]

    def party_dates_remember(self, dates: Mapping[int, PartyDates | None]) -> None:
        """The dates of these states (None: not a party), read along with other rows by a
        caller that holds this instance for one change (the transition path reads them in its
        related-rows query, ``requests_app.services.fact_rows``): ``party_dates`` answers from
        them. Kept on this instance only, which is read afresh with each request."""
        self._party_dates_known = dict(dates)

    def party_languages(self, state_id: int) -> tuple[str, ...] | None:
        """The languages ``state_id`` declared it accepts under this instrument (UNTOC 18.14);
        None: not a party, or no declaration recorded. No query where the related-rows union
        read them (``party_languages_remember``), else one."""
        known: dict[int, tuple[str, ...] | None] | None = getattr(self, "_party_languages_known",
                                                                  None)
        if known is None or state_id not in known:
            link = self.party_links.filter(state_id=state_id).only("accepted_languages").first()
            return (link.language_codes or None) if link else None
        return known[state_id]

    def party_languages_remember(self, languages: Mapping[int, tuple[str, ...] | None]) -> None:
        """Kept like ``party_dates_remember``: read with the request's other rows."""
        self._party_languages_known = dict(languages)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        rulebook = self.rulebook
        if self.suspension_notice_received_on and rulebook.suspension is None:
            raise ValidationError({"suspension_notice_received_on": _(
                "This instrument has no suspension clause; only CZ Art 17 provides one.")})
        unknown = sorted(set(self.suspended_assistance_types or ()) - rulebook.assistance_type_codes)
        if unknown:
            raise ValidationError({"suspended_assistance_types": _(
                "Not a form of cooperation under this instrument: %(codes)s.") % {
                    "codes": ", ".join(unknown)}})
        if self.suspended_assistance_types and not self.suspension_notice_received_on:
            raise ValidationError({"suspended_assistance_types": _(
                "Record the suspension notice that names these forms of cooperation.")})
        channels = set(self.agreed_channels or ())
        if channels and rulebook.communication.agreed_means is None:
            raise ValidationError({"agreed_channels": _(
                "This instrument names its channels and provides no other agreed means (only "
                "CZ Art 9.1 and SK Art 7.2 do).")})
        if channels - {str(c) for c in Channel} or str(Channel.ORAL) in channels:
            raise ValidationError({"agreed_channels": _("Choose written channels only.")})


class InstrumentParty(models.Model):
    """A state bound by an instrument, with its own dates and declarations (UNTOC 18.13 central
    authority, 18.14 languages and urgent oral requests, 38.2 entry into force, 40 denunciation).

    Loaded from the rulebook's ``Party`` (``treaties_load``); the office may record the dates in
    the admin and loading never overwrites them. For a bilateral treaty the dates stay empty:
    the instrument's own dates apply to both parties."""

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE,
                                   related_name="party_links", verbose_name=_("instrument"))
    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="instrument_links",
                              verbose_name=_("state"))
    entered_into_force_on = models.DateField(
        _("entered into force for this party on"), null=True, blank=True,
        help_text=_("Where the instrument enters into force separately for each party (UNTOC "
                    "Art 38.2). Empty: the instrument's own date applies."))
    withdrawal_notice_received_on = models.DateField(
        _("denunciation or withdrawal notice received on"), null=True, blank=True,
        help_text=_("Where a party may leave while the instrument stays in force between the "
                    "others (UNTOC Art 40)."))
    # ISO 639-1 codes, comma-separated; empty: the instrument's language rule decides alone.
    accepted_languages = models.CharField(_("accepted languages"), max_length=50, blank=True)
    central_authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("central authority"))
    # None: the party declared nothing; the instrument's oral-request rule decides alone.
    oral_requests_accepted = models.BooleanField(_("oral requests accepted in urgent cases"),
                                                 null=True, blank=True)
    # Every declaration with its citation (or its office-policy mark), as the rulebook states it.
    declarations = models.JSONField(_("declarations"), default=dict, blank=True)
    # Where the dates and declarations come from (the depositary's table of parties, a
    # ratification law); loading fills them where empty, the office may correct them.
    source_title = models.CharField(_("source"), max_length=300, blank=True)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    # A party the office recorded in the admin (a state that joined after the rulebook was
    # written): loading keeps it although the rulebook does not list it.
    recorded_by_office = models.BooleanField(_("recorded by the office"), default=False,
                                             editable=False)

    class Meta:
        # The table Django created for the plain many-to-many field this model replaced
        # (migration 0002 kept it and its rows).
        db_table = "treaties_instrument_parties"
        unique_together = [("instrument", "state")]
        verbose_name = _("party to an instrument")
        verbose_name_plural = _("parties to instruments")

    def __str__(self) -> str:
        return f"{self.instrument.slug}: {self.state.iso_code}"

    @property
    def dates(self) -> PartyDates:
        return PartyDates(entered_into_force_on=self.entered_into_force_on,
                          withdrawal_notice_received_on=self.withdrawal_notice_received_on)

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(code.strip() for code in self.accepted_languages.split(",") if code.strip())

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        wrong = [code for code in self.language_codes if not re.fullmatch(r"[a-z]{2,3}", code)]
        if wrong:
            raise ValidationError({"accepted_languages": _(
                "Give ISO 639-1 language codes separated by commas (e.g. “en, fr”); not "
                "codes: %(codes)s.") % {"codes": ", ".join(wrong)}})
