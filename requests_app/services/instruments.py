"""Recording what the office learns about an instrument: the date it entered into force where the
text states none (SK 12.1, RS 22.2, BR 30.1), notices of termination or suspension (CZ 17,
RS 22.4...), and a party's own dates under a multilateral convention (UNTOC 38.2, 40).

Each change is saved together with the instrument's duty rows (``instrument_deadlines_sync``) in
one transaction: a new notice announces itself, a withdrawn one is waived. The admin saves
through these services; nothing else writes the dates.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from treaties.models import Instrument
from treaties.models import InstrumentParty
from treaties.rules.lifecycle import InstrumentDates
from treaties.rules.lifecycle import PartyDates

from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..roles import Role
from ..roles import user_has_any_role
from .deadlines import instrument_deadlines_sync
from .deadlines import personal_data_holders_sync

INSTRUMENT_DATE_FIELDS = tuple(InstrumentDates.__dataclass_fields__)


def _require_administrator(actor: User) -> None:
    # Supervisors may step in on any action (roles.user_has_any_role).
    if not user_has_any_role(actor, (Role.ADMIN,)):
        raise ActionNotPermitted()


def _dates_recorded(obj: Instrument | InstrumentParty, dates: InstrumentDates | PartyDates, *,
                    instrument: Instrument, now: datetime) -> None:
    """Set, check and save ``obj``'s dates, then bring the instrument's duty rows in step."""
    values = asdict(dates)
    for name, value in values.items():
        setattr(obj, name, value)
    try:
        obj.clean()
    except ValidationError as error:
        raise InvalidInput({field: " ".join(str(m) for m in messages)
                            for field, messages in error.message_dict.items()}) from None
    obj.save(update_fields=list(values))
    instrument_deadlines_sync(instrument=instrument, now=now)
    # CZ 10.5, SK 5.6: personal data received are destroyed when the agreement ends.
    personal_data_holders_sync(instrument=instrument, now=now)


def instrument_dates_update(*, actor: User, instrument_id: int,
                            dates: InstrumentDates, now: datetime) -> Instrument:
    """Record the instrument's dates and bring its duty rows in step, in one transaction.

    Locks the instrument row. Raises ``ActionNotPermitted`` unless ``actor`` is an administrator
    (or supervisor), ``InvalidInput`` for an unknown instrument or a suspension notice where the
    instrument has no suspension clause (only CZ Art 17 has one)."""
    _require_administrator(actor)
    with transaction.atomic():
        instrument = Instrument.objects.select_for_update().filter(pk=instrument_id).first()
        if instrument is None:
            raise InvalidInput({"instrument": str(_("Not found."))})
        _dates_recorded(instrument, dates, instrument=instrument, now=now)
    return instrument


def instrument_party_dates_update(*, actor: User, party_id: int,
                                  dates: PartyDates, now: datetime) -> InstrumentParty:
    """Record one party's own dates (its entry into force, UNTOC 38.2; its withdrawal notice,
    UNTOC 40) and bring the instrument's duty rows in step, in one transaction.

    Locks the party row. Raises ``ActionNotPermitted`` unless ``actor`` is an administrator (or
    supervisor), ``InvalidInput`` for an unknown party row."""
    _require_administrator(actor)
    with transaction.atomic():
        party = (InstrumentParty.objects.select_for_update(of=("self",))
                 .select_related("instrument").filter(pk=party_id).first())
        if party is None:
            raise InvalidInput({"party": str(_("Not found."))})
        _dates_recorded(party, dates, instrument=party.instrument, now=now)
    return party


def instrument_agreed_channels_update(*, actor: User, instrument_id: int,
                                      channels: tuple[str, ...], reference: str) -> Instrument:
    """Record the channels the competent authorities agreed besides those the text names
    (CZ 9.1 "electronic or other means", SK 7.2 "any other means agreed"), with the reference of
    that agreement. Refused (``InvalidInput``) where the instrument allows no agreed means, for an
    oral or unknown channel, or without a reference."""
    _require_administrator(actor)
    channels = tuple(sorted(set(channels)))
    if channels and not reference.strip():
        raise InvalidInput({"agreed_channels_reference": str(_(
            "Give the reference of the agreement on these channels."))})
    with transaction.atomic():
        instrument = Instrument.objects.select_for_update().filter(pk=instrument_id).first()
        if instrument is None:
            raise InvalidInput({"instrument": str(_("Not found."))})
        instrument.agreed_channels = list(channels)
        instrument.agreed_channels_reference = reference.strip() if channels else ""
        try:
            instrument.clean()
        except ValidationError as error:
            raise InvalidInput({field: " ".join(str(m) for m in messages)
                                for field, messages in error.message_dict.items()}) from None
        instrument.save(update_fields=["agreed_channels", "agreed_channels_reference"])
    return instrument


def instrument_record(*, actor: User, instrument_id: int, dates: InstrumentDates,
                      agreed_channels: tuple[str, ...], agreed_channels_reference: str,
                      now: datetime) -> Instrument:
    """What the office records about an instrument, all at once and in one transaction: its
    dates and notices (entry into force, termination, suspension fully or partially: CZ 17, and
    its lifting) and the channels agreed with the other side (CZ 9.1, SK 7.2). The admin and the
    API both save through it."""
    with transaction.atomic():
        instrument_dates_update(actor=actor, instrument_id=instrument_id, dates=dates, now=now)
        return instrument_agreed_channels_update(
            actor=actor, instrument_id=instrument_id, channels=agreed_channels,
            reference=agreed_channels_reference)
