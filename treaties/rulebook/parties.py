"""The vocabulary of a rulebook's parties: states, their authorities, and what each party
declared under the instrument.

A bilateral treaty names its two parties and, often, their central authorities in its text
(RS 2.2, BR 2.1); a police agreement has the competent authorities notified after entry into
force (CZ 13.1, SK 8.2). A multilateral convention leaves most of it to each party: its own
central authority (UNTOC 18.13), the languages it accepts and whether it takes oral requests in
urgent cases (UNTOC 18.14), its own date of entry into force (UNTOC 38.2), its reservations and
its denunciation (UNTOC 40). A ``Party`` holds all of that for one state, so any number of
parties fit, each with its own dates and declarations.

Foreign states and their authorities are declared in the rulebook of the instrument that
designates them; Kazakhstan and its authorities are declared once, in ``treaties.rulebook.home``,
and rulebooks refer to them by code. Nothing here touches the database: ``treaties_load`` turns
it into rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .schema import AuthorityKind
from .schema import Channel
from .schema import Citation
from .schema import Summary


@dataclass(frozen=True)
class StateInfo:
    iso_code: str  # ISO 3166-1 alpha-2
    name: Summary
    official_languages: tuple[str, ...]  # ISO 639-1


@dataclass(frozen=True, kw_only=True)
class AuthorityInfo:
    """An authority, declared with the state it belongs to (the party, or the home module).
    ``code`` is the stable identifier the loader and integrations use; contacts beyond the
    address are the office's to keep in the admin."""

    code: str
    kind: AuthorityKind
    name: Summary
    # In the three working languages (a letter writes the address in its own language); a
    # plain string where only one spelling is known (a foreign city).
    address: Summary | str = ""


@dataclass(frozen=True, kw_only=True)
class Source:
    """Where the engine's knowledge of a party comes from: the depositary's or a state's
    official record (a treaty database's table of parties, a ratification law), as ``title``
    and ``url``; ``accessed`` is the day the record was read."""

    title: str
    url: str = ""
    accessed: date | None = None


# --- what a party declared ------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True)
class Declaration:
    """Something one party declared, designated or notified under the instrument.

    ``citation`` is the article that provides for it or states it (UNTOC 18.13, RS 2.2). None
    marks what the office recorded with no article to cite: it is office policy and shown as
    such, never as a treaty term."""

    citation: Citation | None

    @property
    def office_policy(self) -> bool:
        return self.citation is None


@dataclass(frozen=True, kw_only=True)
class CentralAuthorityDeclaration(Declaration):
    """The party's central authority (RS 2.2, BR 2.1, UNTOC 18.13): a code among the party's
    designated authorities."""

    authority: str


@dataclass(frozen=True, kw_only=True)
class LanguagesDeclaration(Declaration):
    """Languages in which the party accepts requests (UNTOC 18.14). Absent: the instrument's
    language rule decides alone."""

    languages: tuple[str, ...]  # ISO 639-1


@dataclass(frozen=True, kw_only=True)
class ChannelsDeclaration(Declaration):
    """Channels by which the party accepts requests (UNTOC 18.13: through Interpol in urgent
    cases, where the party agrees)."""

    channels: frozenset[Channel]


@dataclass(frozen=True, kw_only=True)
class OralRequestsDeclaration(Declaration):
    """Whether the party accepts requests made orally in urgent cases, to be confirmed in
    writing forthwith (UNTOC 18.14)."""

    accepted: bool


@dataclass(frozen=True, kw_only=True)
class Reservation(Declaration):
    """A reservation or other declaration the party made on joining, in our own words."""

    code: str
    summary: Summary


@dataclass(frozen=True, kw_only=True)
class Party:
    """One state bound by the instrument, with what it declared under it.

    ``authorities`` are the party's own authorities declared with this rulebook and designated
    under the instrument; ``shared_authorities`` designates authorities declared elsewhere (the
    Kazakh ones in ``treaties.rulebook.home``), by code, in the order the engine proposes them.
    ``designation`` is the article under which the authorities are designated or notified.

    ``source`` is where its dates and declarations come from; None for the parties a bilateral
    treaty's own text names. A convention's party with no date recorded is bound since an
    unknown day: the engine says so and proposes nothing on it.

    Dates are the party's own: ``entered_into_force_on`` where the instrument enters into force
    separately for each party (UNTOC 38.2), ``withdrawal_notice_received_on`` where a party
    denounced it for itself (UNTOC 40). None: as the instrument (a bilateral treaty has one
    date for both parties). The office may record or correct them in the admin; loading never
    overwrites a date recorded there."""

    state: StateInfo
    authorities: tuple[AuthorityInfo, ...] = ()
    shared_authorities: tuple[str, ...] = ()
    designation: Citation | None = None
    signed_on: date | None = None
    entered_into_force_on: date | None = None
    # Office policy: the date is the office's own record, not found in a source the project
    # cites (Kazakhstan's own deposits); shown as such, and correctable in the admin.
    entry_into_force_recorded_by_office: bool = False
    withdrawal_notice_received_on: date | None = None
    central_authority: CentralAuthorityDeclaration | None = None
    accepted_languages: LanguagesDeclaration | None = None
    channels: ChannelsDeclaration | None = None
    oral_requests: OralRequestsDeclaration | None = None
    reservations: tuple[Reservation, ...] = ()
    source: Source | None = None

    @property
    def code(self) -> str:
        return self.state.iso_code

    @property
    def designated_codes(self) -> tuple[str, ...]:
        """Codes of every authority designated for this party: shared ones first (their order
        is the rulebook's choice), then the party's own in declaration order."""
        return tuple(dict.fromkeys((*self.shared_authorities,
                                    *(a.code for a in self.authorities))))

    def declarations(self) -> dict[str, Declaration | tuple[Declaration, ...]]:
        """The declarations the party made, by name, for storage and display."""
        made = {"central_authority": self.central_authority,
                "accepted_languages": self.accepted_languages, "channels": self.channels,
                "oral_requests": self.oral_requests}
        found: dict[str, Declaration | tuple[Declaration, ...]] = {
            name: value for name, value in made.items() if value is not None}
        if self.reservations:
            found["reservations"] = self.reservations
        return found
