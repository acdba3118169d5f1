"""Loading the instruments, their parties and authorities. Idempotent: running it again updates
names and links, and never overwrites the dates the office recorded."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction

from .data import AUTHORITIES
from .models import Authority, Instrument, State
from .rulebook import all_rulebooks
from .rulebook.catalogue import STATES


def _configured_entry_into_force(slug: str) -> date | None:
    value = settings.MLA_ENTRY_INTO_FORCE_DEFAULTS.get(slug)
    return date.fromisoformat(value) if value else None


@transaction.atomic
def treaties_load() -> dict[str, int]:
    states = {}
    for info in STATES.values():
        states[info.iso_code], _ = State.objects.update_or_create(
            iso_code=info.iso_code,
            defaults={"name_en": info.name.en, "name_ru": info.name.ru, "name_kk": info.name.kk,
                      "official_languages": ",".join(info.official_languages)})
    instruments = {}
    for book in all_rulebooks().values():
        instrument, created = Instrument.objects.update_or_create(
            slug=book.slug,
            defaults={
                "kind": book.kind.value,
                "title_en": book.title.en, "title_ru": book.title.ru, "title_kk": book.title.kk,
                "short_title_en": book.short_title.en, "short_title_ru": book.short_title.ru,
                "short_title_kk": book.short_title.kk,
                "approval_act": book.approval_act, "signed_on": book.signed_on,
            })
        if created or instrument.entered_into_force_on is None:
            instrument.entered_into_force_on = (book.entry_into_force_date
                                                or _configured_entry_into_force(book.slug))
            instrument.save(update_fields=["entered_into_force_on"])
        instrument.parties.set([states[code] for code in book.parties])
        instruments[book.slug] = instrument
    for data in AUTHORITIES:
        authority, _ = Authority.objects.update_or_create(
            code=data.code,
            defaults={"state": states[data.state], "kind": data.kind, "name_en": data.name_en,
                      "name_ru": data.name_ru, "name_kk": data.name_kk})
        if not authority.address and data.address:
            authority.address = data.address
            authority.save(update_fields=["address"])
        for slug in data.instruments:
            instruments[slug].authorities.add(authority)
    return {"states": len(states), "instruments": len(instruments),
            "authorities": len(AUTHORITIES)}
