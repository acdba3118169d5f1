"""Every URL of the web app, as every role, against a world of four requests: nothing of a request
leaks to a user who may not see it.

The routes are read from ``requests_app.urls.urlpatterns``, so a new route without an access case
fails ``test_every_route_has_an_access_case``. Each route × role is one test; a test walks every
concrete URL of its route (every request of the world, every action of the graph, every record
kind, a missing object — roles that see a request share the action × request and kind × request
pairs between them, see ``_share``) and reports every problem it finds, each naming the URL and
method.

The rules checked on every response: no 5xx; anonymous users are sent to the login page; a
request the user may not see answers exactly as a missing one (404 — or 405 for a GET on a
POST-only URL, decided before the request is looked up), never 200 with its data and never a 403
that reveals it exists; no response to a user contains the reference or the person's name of a
request that user may not see; and a POST the user may not make changes nothing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.test import override_settings
from django.urls import URLPattern

from requests_app import urls as app_urls
from requests_app.models import AssistanceRequest
from requests_app.models import Attachment
from requests_app.models import Deadline
from requests_app.models import DeadlineBasis
from requests_app.models import DeadlineStatus
from requests_app.models import Notification
from requests_app.models import PersonRole
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from requests_app.models import ResponsibleSide
from requests_app.models import TransitionLog
from requests_app.record_kinds import RECORD_KIND_BY_SLUG
from requests_app.services.attachments import attachment_add
from requests_app.services.calendar import calendar_token_for
from requests_app.services.deadlines import deadlines_sync
from requests_app.services.requests import request_register_incoming
from requests_app.services.sweep import deadlines_sweep
from tests.factories import AssistanceRequestFactory
from tests.factories import UserFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import instrument
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
LOGIN = "/accounts/login/"

# --- the world --------------------------------------------------------------------------------
ANONYMOUS, ROLELESS, OTHER_OFFICE = "anonymous", "roleless", "other_office"
PROSECUTOR, CLERK, POLICE_CLERK = "prosecutor", "clerk", "police_clerk"
SUPERVISOR, ADMIN = "supervisor", "admin"
ROLES = (ANONYMOUS, ROLELESS, OTHER_OFFICE, PROSECUTOR, CLERK, POLICE_CLERK, SUPERVISOR, ADMIN)
SIGNED_IN = tuple(r for r in ROLES if r != ANONYMOUS)

DRAFT, SENT, CZ_EXEC, SK_ORAL = "rs_draft", "rs_transmitted", "cz_in_execution", "sk_oral"
REQUEST_KEYS = (DRAFT, SENT, CZ_EXEC, SK_ORAL)
# Who sees which request, written out rather than asked of ``requests_visible_to``: the outgoing
# RS requests are kz-gpo's; the CZ one was addressed to kz-gpo and is executed by kz-mvd; the SK
# oral one was addressed to kz-mvd and kz-gpo's clerks see it as the central authority designated
# for the instrument. The Astana prosecutor and the user without a role see none.
VISIBLE: dict[str, frozenset[str]] = {
    DRAFT: frozenset({PROSECUTOR, CLERK, SUPERVISOR, ADMIN}),
    SENT: frozenset({PROSECUTOR, CLERK, SUPERVISOR, ADMIN}),
    CZ_EXEC: frozenset({PROSECUTOR, CLERK, POLICE_CLERK, SUPERVISOR, ADMIN}),
    SK_ORAL: frozenset({CLERK, POLICE_CLERK, SUPERVISOR, ADMIN}),
}
REFERENCES = {DRAFT: "WALK-RS-DRAFT", SENT: "WALK-RS-SENT", CZ_EXEC: "WALK-CZ-EXEC",
              SK_ORAL: "WALK-SK-ORAL"}
PERSONS = {key: f"Walkperson {key.replace('_', ' ').title()}" for key in REQUEST_KEYS}
DRAFTERS = frozenset({PROSECUTOR, CLERK, POLICE_CLERK, OTHER_OFFICE, SUPERVISOR, ADMIN})
REGISTRARS = frozenset({CLERK, POLICE_CLERK, SUPERVISOR, ADMIN})
SUPERVISING = frozenset({SUPERVISOR, ADMIN})

_deadline_keys = itertools.count()


@dataclass
class World:
    users: dict[str, object]
    requests: dict[str, AssistanceRequest]
    persons: dict[str, RequestPerson]
    attachments: dict[str, Attachment]
    notification_of_clerk: Notification
    missing_pk: int

    def visible(self, role: str, key: str) -> bool:
        return role in VISIBLE[key]

    def secrets_hidden_from(self, role: str) -> list[str]:
        """What must never appear in a response to ``role``."""
        return [s for key in REQUEST_KEYS if not self.visible(role, key)
                for s in (REFERENCES[key], PERSONS[key])]


def _open_deadline(request: AssistanceRequest, due_in: timedelta) -> Deadline:
    due = NOW + due_in
    return Deadline.objects.create(
        request=request, instrument=request.instrument, kind="original_by_post",
        subject_key=f"walk{next(_deadline_keys)}", due_at=due, citation="walk",
        basis=DeadlineBasis.TREATY, status=DeadlineStatus.OPEN,
        responsible_side=ResponsibleSide.KAZAKHSTAN, responsible_role="Clerk", next_action_at=due)


def _build_world() -> World:
    users = {
        ROLELESS: UserFactory(),
        OTHER_OFFICE: prosecutor("kz-prosecutor-astana"),
        PROSECUTOR: prosecutor("kz-gpo"),
        CLERK: clerk("kz-gpo"),
        POLICE_CLERK: clerk("kz-mvd"),
        SUPERVISOR: supervisor(),
        ADMIN: UserFactory(is_superuser=True, is_staff=True),
    }
    draft = AssistanceRequestFactory(reference=REFERENCES[DRAFT], created_by=users[PROSECUTOR])
    sent = AssistanceRequestFactory(
        reference=REFERENCES[SENT], created_by=users[PROSECUTOR], channel="electronic",
        state=RequestState.TRANSMITTED, transmitted_at=NOW - timedelta(days=3),
        opened_on=(NOW - timedelta(days=3)).date())
    cz = incoming_request("kz-cz-2017", state=RequestState.IN_EXECUTION,
                          reference=REFERENCES[CZ_EXEC],
                          requested_authority=authority("kz-gpo"),
                          executing_authority=authority("kz-mvd"))
    sk = request_register_incoming(
        actor=users[POLICE_CLERK], instrument_id=instrument("kz-sk-2007").pk,
        requesting_authority_id=authority("sk-police-presidium").pk,
        requested_authority_id=authority("kz-mvd").pk, channel="oral", is_urgent=True,
        assistance_types=["search_for_persons"])
    AssistanceRequest.objects.filter(pk=sk.pk).update(reference=REFERENCES[SK_ORAL])
    requests = {DRAFT: draft, SENT: sent, CZ_EXEC: cz, SK_ORAL: sk}
    persons, attachments = {}, {}
    for key, obj in requests.items():
        persons[key] = RequestPerson.objects.create(
            request=obj, role=PersonRole.TO_SERVE, full_name=PERSONS[key],
            appearance_date=NOW.date() + timedelta(days=90))
        attachments[key] = attachment_add(
            actor=users[CLERK], request_id=obj.pk, kind="request",
            uploaded_file=SimpleUploadedFile(f"{REFERENCES[key]}.pdf", PDF))
    for obj in (sent, cz):
        deadlines_sync(request=obj, now=NOW)
    # The SK oral request misses its written confirmation: reminders, missed, escalated.
    deadlines_sweep(now=NOW + timedelta(hours=25))
    for obj in requests.values():
        _open_deadline(obj, timedelta(days=10))
    requests = {key: AssistanceRequest.objects.get(pk=obj.pk) for key, obj in requests.items()}
    notification = Notification.objects.filter(recipient=users[CLERK]).order_by("pk").first()
    assert notification is not None, "the sweep notified kz-gpo's clerk of the SK request"
    return World(users=users, requests=requests, persons=persons, attachments=attachments,
                 notification_of_clerk=notification,
                 missing_pk=AssistanceRequest.objects.order_by("-pk").first().pk + 10_000)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module inside a transaction rolled back at its end; each test runs in
    its own savepoint (pytest-django), so what a test writes is undone after it."""
    media = tmp_path_factory.mktemp("media")
    settings_override = override_settings(
        MEDIA_ROOT=str(media),
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), settings_override, time_machine.travel(NOW, tick=False):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _client(world: World, role: str) -> Client:
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    if role != ANONYMOUS:
        client.force_login(world.users[role])
    return client


# --- probes -----------------------------------------------------------------------------------
@dataclass
class Probe:
    """One HTTP call of a route. ``target`` is the request key it is about, "missing" for an
    object that does not exist, or None for a page not about one request."""

    method: str
    path: str
    target: str | None = None
    data: dict | None = None
    headers: dict = field(default_factory=dict)
    post_only: bool = False

    @property
    def is_feed(self) -> bool:
        """The calendar feed: no session, its token authenticates."""
        return self.path.startswith("/calendar/") and self.path.endswith(".ics")

    def __str__(self) -> str:
        query = ""
        if self.method == "GET" and self.data:
            query = "?" + "&".join(f"{k}={v}" for k, v in self.data.items())
        extra = " (htmx)" if self.headers else ""
        return f"{self.method} {self.path}{query}{extra}"


HTMX = {"HTTP_HX_REQUEST": "true"}


def _send(client: Client, probe: Probe):
    data = probe.data or {}
    if probe.method == "GET":
        return client.get(probe.path, data, **probe.headers)
    return client.post(probe.path, data, **probe.headers)


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def _crash(response) -> str:
    info = getattr(response, "exc_info", None)
    return f" — {info[0].__name__}: {info[1]}" if info else ""


@dataclass
class Walk:
    world: World
    role: str
    client: Client
    problems: list[str] = field(default_factory=list)

    def problem(self, probe: Probe, message: str) -> None:
        self.problems.append(f"{probe}: {message}")

    def call(self, probe: Probe):
        """Send the probe and check what holds for every response; returns it and its body."""
        response = _send(self.client, probe)
        if response.status_code >= 500:
            self.problem(probe, f"status {response.status_code}{_crash(response)}")
            return response, ""
        body = _body(response)
        if self.role == ANONYMOUS and not probe.is_feed:
            if response.status_code != 302 or not response["Location"].startswith(LOGIN):
                self.problem(probe, f"anonymous got {response.status_code}, not the login page")
        for secret in self.world.secrets_hidden_from(self.role):
            if secret in body or secret in response.get("Content-Disposition", ""):
                self.problem(probe, f"{response.status_code} response shows {secret!r}")
        return response, body

    def request_scoped(self, probes: Iterable[Probe], *,
                       shows_reference: Callable[[Probe, object], bool] = lambda p, r: False):
        """Probes about one request: invisible answers like missing, visible does not 404."""
        for probe in probes:
            response, body = self.call(probe)
            status = response.status_code
            if self.role == ANONYMOUS or status >= 500:
                continue
            hidden_status = 405 if (probe.post_only and probe.method == "GET") else 404
            if probe.target == "missing" or not self.world.visible(self.role, probe.target):
                if status != hidden_status:
                    self.problem(probe, f"expected {hidden_status} (as for a missing object), "
                                        f"got {status}")
                continue
            if status == 404:
                self.problem(probe, "404 for a request this role may see")
            elif status == 200 and shows_reference(probe, response):
                reference = REFERENCES[probe.target]
                if reference not in body and reference not in response.get(
                        "Content-Disposition", ""):
                    self.problem(probe, f"the page does not show {reference}")

    def expect(self, probe: Probe, allowed: set[int] | int, *, location: str | None = None):
        """A page not about one request: the status the role must get."""
        response, body = self.call(probe)
        if (self.role == ANONYMOUS and not probe.is_feed) or response.status_code >= 500:
            return response, body
        allowed = {allowed} if isinstance(allowed, int) else allowed
        if response.status_code not in allowed:
            self.problem(probe, f"expected {sorted(allowed)}, got {response.status_code}")
        elif location is not None and not response["Location"].startswith(location):
            self.problem(probe, f"redirects to {response['Location']}, not {location}")
        return response, body


def _each_request(world: World, path: Callable[[int], str], *, with_missing: bool = True):
    for key in REQUEST_KEYS:
        yield key, path(world.requests[key].pk)
    if with_missing:
        yield "missing", path(world.missing_pk)


TRANSITION_NAMES = sorted({t.name for t in AssistanceRequest._meta.get_field("state")
                           .get_all_transitions(AssistanceRequest)})
RECORD_KINDS = sorted(RECORD_KIND_BY_SLUG)


def _versions(world: World) -> dict[str, tuple]:
    """What a refused POST must leave as it was."""
    out = {}
    for key, obj in world.requests.items():
        fresh = AssistanceRequest.objects.get(pk=obj.pk)
        out[key] = (fresh.version, fresh.state, TransitionLog.objects.filter(request=obj).count(),
                    RequestPerson.objects.filter(request=obj).count(),
                    Attachment.objects.filter(request=obj).count())
    return out


def _unchanged_unless_visible(walk: Walk, before: dict[str, tuple]) -> None:
    after = _versions(walk.world)
    for key in REQUEST_KEYS:
        if not walk.world.visible(walk.role, key) and after[key] != before[key]:
            walk.problems.append(f"{REFERENCES[key]} changed by a role that may not see it: "
                                 f"{before[key]} → {after[key]}")


# --- one case per route -----------------------------------------------------------------------
def case_home(walk: Walk) -> None:
    target = "/dashboard/" if walk.role in SUPERVISING else "/requests/"
    walk.expect(Probe("GET", "/"), 302, location=target)


def case_notification_list(walk: Walk) -> None:
    _response, body = walk.expect(Probe("GET", "/notifications/"), 200)
    if walk.role == CLERK and REFERENCES[SK_ORAL] not in body:
        walk.problems.append("kz-gpo's clerk does not see the SK notification (positive control)")


def case_notification_read(walk: Walk) -> None:
    mine = walk.world.notification_of_clerk
    for pk in (mine.pk, 10_000_000):
        path = f"/notifications/{pk}/read/"
        walk.expect(Probe("GET", path), 405)
        walk.expect(Probe("POST", path), 302, location="/notifications/")
    mine.refresh_from_db()
    if walk.role != CLERK and mine.read_at is not None:
        walk.problems.append("another user's notification was marked read")


def case_notification_read_all(walk: Walk) -> None:
    others = Notification.objects.exclude(recipient=walk.world.users.get(walk.role))
    unread_before = others.filter(read_at__isnull=True).count()
    walk.expect(Probe("GET", "/notifications/read-all/"), 405)
    walk.expect(Probe("POST", "/notifications/read-all/"), 302, location="/notifications/")
    if others.filter(read_at__isnull=True).count() != unread_before:
        walk.problems.append("marking all read touched other users' notifications")


def case_request_create(walk: Walk) -> None:
    allowed = 200 if walk.role in DRAFTERS else 403
    walk.expect(Probe("GET", "/requests/new/", data={"state": "RS"}), allowed)
    # An empty form is invalid input: 400, as the API answers.
    walk.expect(Probe("POST", "/requests/new/", data={}), 400 if walk.role in DRAFTERS else 403)


def case_instrument_for_state(walk: Walk) -> None:
    allowed = 200 if walk.role in DRAFTERS else 403
    walk.expect(Probe("GET", "/requests/new/instrument/", data={"state": "CZ"}, headers=HTMX),
                allowed)
    walk.expect(Probe("GET", "/requests/new/instrument/", data={"state": "RS"}),
                302 if walk.role in DRAFTERS else 403)


def case_request_list(walk: Walk) -> None:
    probes = [Probe("GET", "/requests/", data={"stage": "all"}),
              Probe("GET", "/requests/", data={"stage": "all"},
                    headers={**HTMX, "HTTP_HX_TARGET": "inbox-results"}),
              Probe("GET", "/requests/")]
    # Searching for a request (all of its reference but the last letter, so that the search box,
    # which shows what was typed, does not show the reference itself).
    searches = {key: Probe("GET", "/requests/", data={"stage": "all", "q": REFERENCES[key][:-1]})
                for key in REQUEST_KEYS}
    seen = sum(walk.world.visible(walk.role, key) for key in REQUEST_KEYS)
    for probe in probes + list(searches.values()):
        _response, body = walk.expect(probe, 200)
        if walk.role == ANONYMOUS:
            continue
        # Nor do the counts betray requests the user may not see.
        counts = [int(n) for n in re.findall(r'<span class="muted">\((\d+)\)</span>', body)]
        if probe.data == {"stage": "all"} and (not counts or max(counts) != seen):
            walk.problem(probe, f"the tabs count {counts}; this role sees {seen} requests")
        expected = ([key for key, search in searches.items() if search is probe]
                    or (REQUEST_KEYS if probe.data == {"stage": "all"} else []))
        for key in expected:
            if walk.world.visible(walk.role, key) and REFERENCES[key] not in body:
                walk.problem(probe, f"the inbox does not list {REFERENCES[key]}")


def case_request_register(walk: Walk) -> None:
    allowed = 200 if walk.role in REGISTRARS else 403
    walk.expect(Probe("GET", "/requests/register/"), allowed)
    walk.expect(Probe("GET", "/requests/register/", data={"instrument": "kz-cz-2017"},
                      headers={**HTMX, "HTTP_HX_TARGET": "assistance-types"}), allowed)
    walk.expect(Probe("POST", "/requests/register/", data={}),
                400 if walk.role in REGISTRARS else 403)


def case_request_detail(walk: Walk) -> None:
    walk.request_scoped(
        (Probe("GET", path, target=key)
         for key, path in _each_request(walk.world, lambda pk: f"/requests/{pk}/")),
        shows_reference=lambda probe, response: True)


def case_request_edit(walk: Walk) -> None:
    before = _versions(walk.world)
    probes = []
    for key, path in _each_request(walk.world, lambda pk: f"/requests/{pk}/edit/"):
        version = walk.world.requests[key].version if key != "missing" else 1
        probes += [Probe("GET", path, target=key),
                   Probe("POST", path, target=key, data={"version": version,
                                                         "purpose": "walked"}),
                   Probe("POST", path, target=key,
                         data={"_form": "translation", "translation-version": version,
                               "translation-language": "sr"})]
    walk.request_scoped(probes, shows_reference=lambda probe, response: True)
    _unchanged_unless_visible(walk, before)


def case_request_checklist(walk: Walk) -> None:
    probes = []
    for key, path in _each_request(walk.world, lambda pk: f"/requests/{pk}/checklist/"):
        probes += [Probe("GET", path, target=key), Probe("GET", path, target=key, headers=HTMX),
                   Probe("POST", path, target=key, data={"purpose": "unsaved"}, headers=HTMX)]
    walk.request_scoped(probes, shows_reference=lambda probe, response: not probe.headers)


def case_person_add(walk: Walk) -> None:
    before = _versions(walk.world)
    probes = []
    for key, path in _each_request(walk.world, lambda pk: f"/requests/{pk}/persons/add/"):
        version = walk.world.requests[key].version if key != "missing" else 1
        probes += [Probe("GET", path, target=key, post_only=True),
                   Probe("POST", path, target=key, post_only=True, data={}),
                   Probe("POST", path, target=key, post_only=True,
                         data={"person-version": version, "person-role": PersonRole.TO_HEAR,
                               "person-full_name": "Added by the walk"})]
    walk.request_scoped(probes)
    _unchanged_unless_visible(walk, before)


def case_attachment_upload(walk: Walk) -> None:
    before = _versions(walk.world)
    probes = []
    for key, path in _each_request(walk.world, lambda pk: f"/requests/{pk}/attachments/"):
        version = walk.world.requests[key].version if key != "missing" else 1
        probes += [Probe("GET", path, target=key),
                   Probe("POST", path, target=key, data={}),
                   Probe("POST", path, target=key, data={
                       "attachment-kind": "other", "attachment-version": version,
                       "attachment-uploaded_file": SimpleUploadedFile("walk.pdf", PDF)})]
    walk.request_scoped(probes, shows_reference=lambda probe, response: probe.method == "GET")
    _unchanged_unless_visible(walk, before)


def case_attachment_download(walk: Walk) -> None:
    probes = []
    for key in REQUEST_KEYS:
        path = f"/attachments/{walk.world.attachments[key].pk}/"
        probes += [Probe("GET", path, target=key), Probe("POST", path, target=key)]
    missing = Attachment.objects.order_by("-pk").first().pk + 10_000
    probes.append(Probe("GET", f"/attachments/{missing}/", target="missing"))
    for probe in probes:
        if probe.method == "POST":
            # GET-only: refused before the attachment is looked up, the same for everyone.
            walk.expect(probe, 405)
        else:
            walk.request_scoped([probe], shows_reference=lambda probe, response: True)


# Failures found by the walk and pinned by a strict xfail test of their own below: the walk
# leaves out only these (route, request) pairs, and only for roles that see the request, so that
# it keeps guarding everything else. Remove the entry when its test starts passing.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


def _letter(walk: Walk, suffix: str) -> None:
    probes = []
    for key, path in _each_request(walk.world, lambda pk: f"/requests/{pk}/letter.{suffix}"):
        if (f"letter_{suffix}", key) in KNOWN_FAILURES and walk.world.visible(walk.role, key):
            continue
        probes.append(Probe("GET", path, target=key, data={"lang": "en"}))
    walk.request_scoped(probes, shows_reference=lambda probe, response: True)
    walk.expect(Probe("POST", f"/requests/{walk.world.requests[DRAFT].pk}/letter.{suffix}"), 405)


def case_letter_pdf(walk: Walk) -> None:
    _letter(walk, "pdf")


def case_letter_docx(walk: Walk) -> None:
    _letter(walk, "docx")


def _share(walk: Walk, names: list[str]) -> set[tuple[str, str]]:
    """The (name, request) pairs this role tries, of the roles that see requests: every pair of
    an action (or record kind) and a request (each in another state) goes to one of the roles
    that see that request, in turn, so that across the roles every pair is tried once."""
    mine = set()
    for index, name in enumerate(names):
        for position, key in enumerate(REQUEST_KEYS):
            seers = [role for role in ROLES if role in VISIBLE[key]]
            if seers[(index + position) % len(seers)] == walk.role:
                mine.add((name, key))
    return mine


def case_request_action(walk: Walk) -> None:
    """Every action of the graph. A role that may not see a request posts each action's inputs
    to it and gets 404, as for a missing request, and nothing changes. A role that sees it posts
    an empty form (no version: nothing can change) to its share of the (action, request) pairs
    and gets an answer — refused, not available or errors — never 404 or 5xx; then a complete
    withdrawal, answered with the full page."""
    before = _versions(walk.world)
    share = _share(walk, TRANSITION_NAMES)
    probes = []
    for key, path in _each_request(walk.world, lambda pk: f"/requests/{pk}/actions/"):
        sees = key != "missing" and walk.world.visible(walk.role, key)
        version = walk.world.requests[key].version if key != "missing" else 1
        # GET only redirects to the page once the request is found and the name checked.
        probes.append(Probe("GET", f"{path}{TRANSITION_NAMES[0]}/", target=key))
        for name in TRANSITION_NAMES:
            if not sees:
                probes.append(Probe("POST", f"{path}{name}/", target=key, headers=HTMX, data={
                    "version": version, "reason": "walk", "reasons": "walk",
                    "conditions": "walk"}))
            elif (name, key) in share:
                probes.append(Probe("POST", f"{path}{name}/", target=key, data={},
                                    headers=HTMX))
    for key in REQUEST_KEYS:
        obj = walk.world.requests[key]
        probes.append(Probe("POST", f"/requests/{obj.pk}/actions/withdraw/", target=key,
                            data={"version": obj.version, "reason": "walk"}))
    walk.request_scoped(probes)
    for key in REQUEST_KEYS:
        # An action the graph does not have: 404 for everyone, visible request or not.
        walk.expect(Probe("POST", f"/requests/{walk.world.requests[key].pk}/actions/no-such/",
                          target=key), 404)
    _unchanged_unless_visible(walk, before)


def case_request_record(walk: Walk) -> None:
    """Every record kind. A role that may not see a request gets 404 for each form and each
    post, as for a missing request, and nothing changes. A role that sees it opens the forms of
    its share of the (kind, request) pairs — where the form takes a person, with a person of
    another request preselected, which must not show — and posts one empty form per request
    (errors, nothing changes)."""
    before = _versions(walk.world)
    share = _share(walk, RECORD_KINDS)
    probes = []
    for key, path in _each_request(walk.world, lambda pk: f"/requests/{pk}/records/"):
        sees = key != "missing" and walk.world.visible(walk.role, key)
        version = walk.world.requests[key].version if key != "missing" else 1
        for kind in RECORD_KINDS:
            if sees and (kind, key) not in share:
                continue
            query = {}
            if RECORD_KIND_BY_SLUG[kind].form.subject_field == "person":
                other = DRAFT if key != DRAFT else SK_ORAL
                query = {"person": walk.world.persons[other].pk}
            probes.append(Probe("GET", f"{path}{kind}/", target=key, data=query))
            if not sees:
                probes.append(Probe("POST", f"{path}{kind}/", target=key,
                                    data={"version": version, "language": "sr",
                                          "summary": "walk", "description": "walk"}))
        if sees:
            probes.append(Probe("POST", f"{path}{RECORD_KINDS[0]}/", target=key, data={}))
    walk.request_scoped(probes, shows_reference=lambda probe, response: probe.method == "GET")
    for key in REQUEST_KEYS:
        walk.expect(Probe("GET", f"/requests/{walk.world.requests[key].pk}/records/no-such/",
                          target=key), 404)
    _unchanged_unless_visible(walk, before)


def case_dashboard(walk: Walk) -> None:
    allowed = 200 if walk.role in SUPERVISING else 403
    walk.expect(Probe("GET", "/dashboard/"), allowed)
    walk.expect(Probe("GET", "/dashboard/", data={"direction": "incoming"}, headers=HTMX),
                allowed)


def case_deadlines_csv(walk: Walk) -> None:
    allowed = 200 if walk.role in SUPERVISING else 403
    _response, body = walk.expect(Probe("GET", "/dashboard/deadlines.csv"), allowed)
    if walk.role in SUPERVISING:
        for reference in REFERENCES.values():
            if reference not in body:
                walk.problems.append(f"the CSV export lacks {reference} (positive control)")


def case_calendar_info(walk: Walk) -> None:
    _response, body = walk.expect(Probe("GET", "/calendar/"), 200)
    sees_none = not any(walk.world.visible(walk.role, key) for key in REQUEST_KEYS)
    if sees_none and walk.role != ANONYMOUS and "holds 0 open deadlines" not in body:
        walk.problems.append("the page counts deadlines of requests this role may not see")


def case_calendar_feed(walk: Walk) -> None:
    """The feed authenticates by its token, not the session: each role fetches its own; a forged
    or altered token answers 404 whoever asks."""
    forged = "eyJ1IjoxfQ:forged"
    walk.expect(Probe("GET", f"/calendar/{forged}.ics"), 404)
    other_token = calendar_token_for(user=walk.world.users[SUPERVISOR])
    walk.expect(Probe("GET", f"/calendar/{other_token[:-2]}xx.ics"), 404)
    if walk.role == ANONYMOUS:
        return
    token = calendar_token_for(user=walk.world.users[walk.role], language="en")
    _response, body = walk.expect(Probe("GET", f"/calendar/{token}.ics"), 200)
    if not any(walk.world.visible(walk.role, key) for key in REQUEST_KEYS) and (
            "BEGIN:VEVENT" in body):
        walk.problems.append("the feed of a role that sees no request has events")
    for key in REQUEST_KEYS:
        if walk.world.visible(walk.role, key) and REFERENCES[key] not in body:
            walk.problems.append(f"the feed lacks the deadline of {REFERENCES[key]}, which this "
                                 f"role sees (positive control)")


CASES: dict[str, Callable[[Walk], None]] = {
    name.removeprefix("case_"): function
    for name, function in globals().items() if name.startswith("case_")
}
ROUTE_NAMES = sorted(p.name for p in app_urls.urlpatterns if isinstance(p, URLPattern))


def test_every_route_has_an_access_case():
    assert len(ROUTE_NAMES) == len(app_urls.urlpatterns), "every route is named"
    assert set(ROUTE_NAMES) == set(CASES), (
        f"routes without a case: {sorted(set(ROUTE_NAMES) - set(CASES))}; "
        f"cases without a route: {sorted(set(CASES) - set(ROUTE_NAMES))}")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ROUTE_NAMES)
def test_route_leaks_nothing_and_never_fails(route, role, world, frozen_now):
    if route not in CASES:
        pytest.fail(f"route {route!r} has no access case")
    walk = Walk(world=world, role=role, client=_client(world, role))
    CASES[route](walk)
    assert not walk.problems, f"{route} as {role}:\n  " + "\n  ".join(walk.problems)


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_docx_letter_of_a_slovak_request_downloads(language, world, frozen_now):
    client = _client(world, CLERK)
    response = client.get(f"/requests/{world.requests[SK_ORAL].pk}/letter.docx",
                          {"lang": language})
    assert response.status_code == 200
    assert REFERENCES[SK_ORAL] in response["Content-Disposition"]


def test_marking_a_notification_read_never_redirects_off_site(world, frozen_now):
    notification = world.notification_of_clerk
    response = _client(world, CLERK).post(f"/notifications/{notification.pk}/read/",
                                          {"next": "https://evil.example/login"})
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")
