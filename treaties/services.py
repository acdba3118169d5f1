"""Loading the instruments, their parties and authorities from the rulebooks (``treaties.rulebook``:
the rulebooks' parties declare the states and authorities, ``treaties.rulebook.home`` declares
Kazakhstan's).

Idempotent: running it again updates names, kinds, declarations and links, and never overwrites
what the office recorded: the dates of an instrument and of its parties, and contacts."""

from __future__ import annotations

import enum
from dataclasses import fields
from datetime import date

from django.conf import settings
from django.db import transaction

from .models import Authority
from .models import Instrument
from .models import InstrumentParty
from .models import State
from .rulebook import all_rulebooks
from .rulebook.parties import Declaration
from .rulebook.parties import Party
from .rulebook.parties import StateInfo
from .rulebook.registry import DeclaredAuthority
from .rulebook.registry import all_authorities
from .rulebook.registry import all_states
from .rulebook.schema import Citation
from .rulebook.schema import Rulebook
from .rulebook.schema import Summary


def entry_into_force_default(book: Rulebook) -> date | None:
    """The date a fresh database starts from: the text's own date (CZ 18.1); where the text
    states none, ``settings.MLA_ENTRY_INTO_FORCE_DEFAULTS[slug]`` if set, else the office's date
    carried by the rulebook (office policy)."""
    if book.entry_into_force_date is not None:
        return book.entry_into_force_date
    configured = settings.MLA_ENTRY_INTO_FORCE_DEFAULTS.get(book.slug)
    return date.fromisoformat(configured) if configured else book.entry_into_force_office_date


# What a JSONField stores.
JSONValue = str | int | float | bool | None | list["JSONValue"] | dict[str, "JSONValue"]


def _json(value: object) -> JSONValue:
    if isinstance(value, Citation):
        return str(value)
    if isinstance(value, Summary):
        return {"en": value.en, "ru": value.ru, "kk": value.kk}
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (frozenset, set)):
        # Sets of codes (languages, channels): sorted, so the stored declaration is stable.
        return list[JSONValue](sorted(str(_json(item)) for item in value))
    if isinstance(value, tuple):
        return [_json(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"A declaration holds no {type(value).__name__}")


def _declaration_data(declaration: Declaration) -> dict[str, JSONValue]:
    data = {f.name: _json(getattr(declaration, f.name)) for f in fields(declaration)}
    data["office_policy"] = declaration.office_policy
    return data


def party_declarations_data(party: Party) -> dict[str, JSONValue]:
    """What ``InstrumentParty.declarations`` holds: each declaration with its citation, or marked
    as office policy where the office recorded it without an article to cite."""
    data: dict[str, JSONValue] = {}
    for name, made in party.declarations().items():
        data[name] = ([_declaration_data(d) for d in made] if isinstance(made, tuple)
                      else _declaration_data(made))
    if party.designation is not None:
        data["designation"] = str(party.designation)
    if party.signed_on is not None:
        data["signed_on"] = party.signed_on.isoformat()
    if party.entry_into_force_recorded_by_office:
        data["entry_into_force_recorded_by_office"] = True
    if party.source is not None:
        data["source"] = {"title": party.source.title, "url": party.source.url,
                          "accessed": party.source.accessed.isoformat()
                          if party.source.accessed else None}
    return data


def _state_upsert(info: StateInfo) -> State:
    state, _created = State.objects.update_or_create(
        iso_code=info.iso_code,
        defaults={"name_en": info.name.en, "name_ru": info.name.ru, "name_kk": info.name.kk,
                  "official_languages": ",".join(info.official_languages)})
    return state


def _authority_upsert(declared: DeclaredAuthority, state: State) -> Authority:
    info = declared.info
    authority, _created = Authority.objects.update_or_create(
        code=info.code,
        defaults={"state": state, "kind": info.kind.value, "name_en": info.name.en,
                  "name_ru": info.name.ru, "name_kk": info.name.kk})
    # The office may have corrected an address in the admin: only blank ones are filled.
    address = info.address
    spelled = ({"en": address.en, "ru": address.ru, "kk": address.kk}
               if isinstance(address, Summary) else {"en": address})
    filled = [f"address_{language}" for language, text in spelled.items()
              if text and not getattr(authority, f"address_{language}")]
    for name in filled:
        setattr(authority, name, spelled[name.removeprefix("address_")])
    if filled:
        authority.save(update_fields=filled)
    return authority


def _instrument_upsert(book: Rulebook) -> Instrument:
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
        instrument.entered_into_force_on = entry_into_force_default(book)
        instrument.save(update_fields=["entered_into_force_on"])
    return instrument


def _parties_sync(instrument: Instrument, book: Rulebook, states: dict[str, State],
                  authorities: dict[str, Authority]) -> None:
    """One ``InstrumentParty`` per party of the rulebook (and no other). Declarations follow
    the rulebook; a date the office recorded stays, the rulebook's only fills an empty one."""
    (instrument.party_links.exclude(state__iso_code__in=book.party_codes)
     .filter(recorded_by_office=False).delete())
    existing = {link.state_id: link for link in instrument.party_links.all()}
    for party in book.parties:
        state = states[party.code]
        link = existing.get(state.pk) or InstrumentParty(instrument=instrument, state=state)
        link.entered_into_force_on = link.entered_into_force_on or party.entered_into_force_on
        link.withdrawal_notice_received_on = (link.withdrawal_notice_received_on
                                              or party.withdrawal_notice_received_on)
        # What the office recorded in the admin stays; the rulebook fills what is empty.
        link.accepted_languages = link.accepted_languages or (
            ",".join(party.accepted_languages.languages) if party.accepted_languages else "")
        if link.central_authority_id is None and party.central_authority:
            link.central_authority = authorities[party.central_authority.authority]
        if link.oral_requests_accepted is None and party.oral_requests:
            link.oral_requests_accepted = party.oral_requests.accepted
        if party.source is not None and not link.source_title:
            link.source_title, link.source_url = party.source.title, party.source.url
        link.declarations = party_declarations_data(party)
        link.save()


@transaction.atomic
def treaties_load() -> dict[str, int]:
    """Create or update every state, authority and instrument the rulebooks declare, with the
    instruments' parties and designated authorities. Designations are only ever added: an
    authority the office linked in the admin stays linked."""
    states = {code: _state_upsert(info) for code, info in all_states().items()}
    authorities = {code: _authority_upsert(declared, states[declared.state])
                   for code, declared in all_authorities().items()}
    books = all_rulebooks()
    for book in books.values():
        instrument = _instrument_upsert(book)
        _parties_sync(instrument, book, states, authorities)
        instrument.authorities.add(*(authorities[code] for party in book.parties
                                     for code in party.designated_codes))
    return {"states": len(states), "instruments": len(books), "authorities": len(authorities)}
