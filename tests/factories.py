"""Factories that keep cross-object invariants true: the requesting and requested authorities
belong to the two parties of the instrument, Kazakhstan on the right side for the direction, and
the mandatory contents of the instrument are filled so a draft can be transmitted. What depends on
the instrument is derived from its rulebook, so an instrument added (or registered by a test)
needs nothing here."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Mapping
from datetime import date
from datetime import datetime
from typing import TypeVar

import factory
from django.contrib.auth.models import Group
from django.contrib.auth.models import User

from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import Direction
from requests_app.models import Notification
from requests_app.models import NotificationEvent
from requests_app.models import NotificationKind
from requests_app.models import OfficeMembership
from requests_app.models import PersonRole
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from requests_app.models import ResponsibleSide
from requests_app.models import Signatory
from requests_app.roles import Role
from treaties.models import Authority
from treaties.models import Instrument
from treaties.rulebook import all_rulebooks
from treaties.rulebook import get_rulebook
from treaties.rulebook.catalogue import HOME_STATE
from treaties.rulebook.schema import InstrumentKind
from treaties.rulebook.schema import Rulebook

T = TypeVar("T")


class _ByInstrument(Mapping[str, T]):
    """A table keyed by instrument slug whose values are derived from the rulebook, so that every
    instrument the registry knows (one a test registers included) has an entry."""

    def __init__(self, derive: Callable[[Rulebook], T]):
        self._derive = derive

    def __getitem__(self, slug: str) -> T:
        if slug not in all_rulebooks():
            raise KeyError(slug)
        return self._derive(get_rulebook(slug))

    def __iter__(self) -> Iterator[str]:
        return iter(all_rulebooks())

    def __len__(self) -> int:
        return len(all_rulebooks())


def _counterparts(book: Rulebook) -> tuple[str, str]:
    """The other side's first designated authority and the first Kazakh one."""
    kazakhstan = book.party(HOME_STATE)
    if book.kind == InstrumentKind.NATIONAL_LAW:
        # Reciprocity binds Kazakhstan with any state: the Serbian central authority stands in.
        return "rs-justice", kazakhstan.designated_codes[0]
    other = next(party for party in book.parties if party.code != HOME_STATE)
    return other.designated_codes[0], kazakhstan.designated_codes[0]


# The other side's authority and the Kazakh authority used for each instrument.
COUNTERPARTS: Mapping[str, tuple[str, str]] = _ByInstrument(_counterparts)
# The assistance asked for by default: the instrument's first assistance type.
DEFAULT_TYPES: Mapping[str, list[str]] = _ByInstrument(
    lambda book: [book.assistance_types[0].code])
FULL_CONTENTS = {
    "proceedings_authority": "Investigation Department, Prosecutor's Office of Almaty, Abay Ave 1",
    "purpose": "To obtain the witness statement for criminal case No 2026-0001",
    "assistance_description": "Hear the witness on the questions attached",
    "offence_description": "Fraud on a large scale committed in 2025",
    "legal_qualification": "Article 190(4) of the Criminal Code of Kazakhstan",
    "applicable_law": "Article 190 CC; limitation period 10 years (Article 71 CC)",
    "facts_summary": "The suspect obtained 50 million tenge by deception",
    "reasons_for_measures": "The witness saw the money transfer",
    "summoned_person_allowances": "Travel and subsistence paid by the requesting side",
    "enclosed_documents": "Decision to open the case; list of questions",
    "signed_and_sealed": True,
    "request_language": "en",
}


def authority(code: str) -> Authority:
    return Authority.objects.select_related("state").get(code=code)


def instrument(slug: str) -> Instrument:
    return Instrument.objects.get(slug=slug)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            group, _ = Group.objects.get_or_create(name=str(extracted))
            self.groups.add(group)

    @factory.post_generation
    def office(self, create, extracted, **kwargs):
        if extracted:
            OfficeMembership.objects.create(user=self, authority=authority(extracted))


def clerk(office: str = "kz-gpo") -> User:
    return UserFactory(role=Role.CLERK, office=office)


def prosecutor(office: str = "kz-gpo") -> User:
    return UserFactory(role=Role.PROSECUTOR, office=office)


def supervisor() -> User:
    return UserFactory(role=Role.SUPERVISOR, office="kz-gpo")


class AssistanceRequestFactory(factory.django.DjangoModelFactory):
    """An outgoing draft under ``instrument_slug`` with every mandatory content filled."""

    class Meta:
        model = AssistanceRequest
        exclude = ("instrument_slug",)

    instrument_slug = "kz-rs-2015"
    direction = Direction.OUTGOING
    instrument = factory.LazyAttribute(lambda o: instrument(o.instrument_slug))
    requesting_authority = factory.LazyAttribute(
        lambda o: authority(COUNTERPARTS[o.instrument_slug][1 if o.direction == Direction.OUTGOING else 0]))
    requested_authority = factory.LazyAttribute(
        lambda o: authority(COUNTERPARTS[o.instrument_slug][0 if o.direction == Direction.OUTGOING else 1]))
    created_by = factory.SubFactory(UserFactory, role=Role.PROSECUTOR, office="kz-gpo")
    assistance_types = factory.LazyAttribute(lambda o: DEFAULT_TYPES[o.instrument_slug])
    reference = factory.Sequence(lambda n: f"TEST-{n:06d}")
    channel = "post"
    state = RequestState.DRAFTING
    proceedings_authority = FULL_CONTENTS["proceedings_authority"]
    purpose = FULL_CONTENTS["purpose"]
    assistance_description = FULL_CONTENTS["assistance_description"]
    offence_description = FULL_CONTENTS["offence_description"]
    legal_qualification = FULL_CONTENTS["legal_qualification"]
    applicable_law = FULL_CONTENTS["applicable_law"]
    facts_summary = FULL_CONTENTS["facts_summary"]
    reasons_for_measures = FULL_CONTENTS["reasons_for_measures"]
    summoned_person_allowances = FULL_CONTENTS["summoned_person_allowances"]
    enclosed_documents = FULL_CONTENTS["enclosed_documents"]
    signed_and_sealed = True
    request_language = "en"


def summoned_person(request: AssistanceRequest, appearance: date) -> RequestPerson:
    return RequestPerson.objects.create(request=request, role=PersonRole.TO_SERVE,
                                        full_name="Petar Petrović", appearance_date=appearance)


def incoming_request(instrument_slug: str = "kz-rs-2015",
                     state: str = RequestState.IN_EXECUTION, **kwargs) -> AssistanceRequest:
    """An incoming request under ``instrument_slug``, already registered (received and opened now)
    and executed by the Kazakh authority it was addressed to, in ``state``."""
    from requests_app import clock

    kwargs.setdefault("received_at", clock.now())
    kwargs.setdefault("opened_on", clock.today())
    kazakh = authority(COUNTERPARTS[instrument_slug][1])
    kwargs.setdefault("executing_authority", kazakh)
    return AssistanceRequestFactory(instrument_slug=instrument_slug, direction=Direction.INCOMING,
                                    state=state, **kwargs)


def detained_person(request: AssistanceRequest) -> RequestPerson:
    return RequestPerson.objects.create(request=request, role=PersonRole.TO_TRANSFER,
                                        full_name="Ivan Detained")


def answer_params(request: AssistanceRequest) -> dict[str, object]:
    """The ``transmit_results`` parameters that send our answer in the language the request's
    instrument sets (RS 4.2: Russian with an English translation; BR 23.2: English)."""
    rulebook = request.rulebook
    params: dict[str, object] = {}
    rule = rulebook.answer_language
    if rule is not None:
        params["answer_language"] = "en" if "en" in rule.languages else "ru"
        params["answer_translated_into_english"] = rule.translation_into == "en"
    if rulebook.answer_signed_and_sealed is not None:  # RS 19
        params["answer_signed_and_sealed"] = True
    return params


class SignatoryFactory(factory.django.DjangoModelFactory):
    """An official of the General Prosecutor's Office who signs letters, in kk, ru and en."""

    class Meta:
        model = Signatory

    authority = factory.LazyFunction(lambda: authority("kz-gpo"))
    name_kk = "А. Б. Серікбаев"
    name_ru = "А. Б. Серикбаев"
    name_en = "A. B. Serikbayev"
    position_kk = "Қазақстан Республикасы Бас Прокурорының орынбасары"
    position_ru = "Заместитель Генерального Прокурора Республики Казахстан"
    position_en = "Deputy Prosecutor General of the Republic of Kazakhstan"


def drafts_owned_by(user: User, count: int, frozen_now) -> list[int]:
    """``count`` drafts ``user`` drafts, created a second apart (``frozen_now``: the
    time-machine traveller) with nothing due: their ids as "My work" lists them, newest first."""
    from datetime import timedelta

    made = []
    for _ in range(count):
        made.append(AssistanceRequestFactory(drafting_prosecutor=user).pk)
        frozen_now.shift(timedelta(seconds=1))
    return made[::-1]


def notifications_for(user: User, count: int, now: datetime) -> list[int]:
    """``count`` notifications of ``user`` as an inbox holds them: deadline events (of a
    request's deadline and of an instrument's own duty) and case events (with their request,
    who caused them and their words), read and unread, two to a moment (as the sweep notifies
    many at once), a minute apart before ``now``. Their ids as the inbox lists them, newest
    first (the id orders one moment's)."""
    from datetime import timedelta

    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    actor = prosecutor()
    key = f"inbox-{request.pk}"  # the instrument's duty is one per key
    deadlines = [Deadline.objects.create(
        request=about, instrument=request.instrument, kind=kind, subject_key=key,
        due_at=now, citation="kz-rs-2015 Art 8.3", responsible_side=ResponsibleSide.KAZAKHSTAN,
        responsible_role="Clerk") for about, kind in ((request, "summons_transmission"),
                                                      (None, "conviction_report"))]
    made = []
    for i in range(count):
        at = now - timedelta(minutes=i // 2)
        if i % 3 == 2:
            notification = Notification.objects.create(
                recipient=user, kind=NotificationKind.RETURNED, request=request, actor=actor,
                text=f"Reason {i}")
        else:
            event = NotificationEvent.objects.create(
                deadline=deadlines[i % 3], threshold="missed", due_at=now + timedelta(hours=i))
            notification = Notification.objects.create(
                event=event, recipient=user, kind=NotificationKind.MISSED,
                request=deadlines[i % 3].request)
        Notification.objects.filter(pk=notification.pk).update(
            created_at=at, read_at=at if i % 2 else None)
        made.append((at, notification.pk))
    return [pk for _at, pk in sorted(made, reverse=True)]
