"""Everything the letter of one request says, read once: the selector the section builders share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from treaties.models import Authority
from treaties.rulebook.schema import Rulebook
from treaties.rules.facts import RequestFacts

from ... import clock
from ...models import AssistanceRequest
from ...models import RequestPerson
from ...models import Signatory
from ...selectors.correspondence import letter_template_text
from ...services.fact_rows import related_rows
from ...services.facts import request_facts
from .correspondence_texts import REQUEST_KIND
from .layout import letter_language


@dataclass(frozen=True)
class LetterData:
    """What ``letter_build`` needs, so that no section builder runs a query.

    ``request`` supplies only its own fields (references, contents, flags); every related object
    is read into the fields below. Names of authorities and states are translated fields: read
    them under the letter's language (``translation.override``)."""

    language: str  # kk, ru or en
    today: date  # the letter's date
    request: AssistanceRequest
    rulebook: Rulebook
    instrument_slug: str
    instrument_title: str  # in ``language``
    requesting: Authority  # with its state
    requested: Authority  # with its state
    # Who signs: the official chosen in drafting; None leaves name and position blank (never
    # the drafting user's login).
    signatory: Signatory | None
    persons: tuple[RequestPerson, ...]  # each person once (``persons_once``)
    # What the content conditions read ("where needed": a summons, officials attending).
    facts: RequestFacts
    # The office's template of the request letter in ``language``: subject, and the body whose
    # text before ``{contents}`` opens the letter and after it closes it.
    frame: tuple[str, str]


def letter_data(request: AssistanceRequest, *, language: str | None) -> LetterData:
    """Read what the letter of ``request`` says, in ``language`` (kk, ru or en; anything else
    falls back to the active language, see ``letter_language``).

    A fixed number of queries whatever the number of persons: the instrument, the persons, the
    facts (``request_facts``), the requesting authority and its state, the signatory, the office's
    template of the letter; fewer when the caller prefetched the persons and translations."""
    language = letter_language(language)
    rulebook = request.rulebook
    persons = persons_once(related_rows(request, "persons"))
    facts = request_facts(request)  # also reads the requested authority and its state
    requesting = request.requesting_authority
    requesting.state  # noqa: B018 - read now, not when a section builder names the state
    return LetterData(
        language=language,
        today=clock.today(),
        request=request,
        rulebook=rulebook,
        instrument_slug=request.instrument.slug,
        instrument_title=rulebook.title.text(language),
        requesting=requesting,
        requested=request.requested_authority,
        signatory=request.signatory,
        persons=persons,
        facts=facts,
        frame=letter_template_text(REQUEST_KIND, language),
    )


def _person_key(person: RequestPerson) -> tuple[str, str, date | None]:
    return (person.role, " ".join(person.full_name.split()).casefold(), person.birth_date)


def persons_once(persons: Iterable[RequestPerson]) -> tuple[RequestPerson, ...]:
    """The persons in their order, each once: a person entered twice (same role, same name
    whatever the spacing and case, same date of birth) is printed once, with the particulars of
    the first entry."""
    seen: set[tuple[str, str, date | None]] = set()
    kept = []
    for person in persons:
        key = _person_key(person)
        if key not in seen:
            seen.add(key)
            kept.append(person)
    return tuple(kept)
