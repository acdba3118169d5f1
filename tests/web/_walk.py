"""The world and the probes of the access walk (tests/web/test_access_walk.py; not a test
module): every role, four requests each in another state and who may see them, one HTTP
call (``Probe``) and the rules every response must keep (``Walk``)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.test import override_settings

from requests_app.models import AssistanceRequest
from requests_app.models import Attachment
from requests_app.models import Deadline
from requests_app.models import DeadlineBasis
from requests_app.models import DeadlineStatus
from requests_app.models import Notification
from requests_app.models import PersonRole
from requests_app.models import RequestNote
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from requests_app.models import ResponsibleSide
from requests_app.models import TransitionLog
from requests_app.models import TreatyDuty
from requests_app.record_kinds import RECORD_KIND_BY_SLUG
from requests_app.services.attachments import attachment_add
from requests_app.services.deadlines import deadlines_sync
from requests_app.services.owners import request_owner_change
from requests_app.services.sweep import deadlines_sweep
from tests.factories import AssistanceRequestFactory
from tests.factories import UserFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.scenarios import urgent_oral_request
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
    """The users, one per role, and the four requests with what hangs on each: a person, an
    attachment; the notification the sweep sent kz-gpo's clerk; an id no request has."""

    users: dict[str, object]
    requests: dict[str, AssistanceRequest]
    persons: dict[str, RequestPerson]
    attachments: dict[str, Attachment]
    notification_of_clerk: Notification
    # A notice Kazakhstan owes on each incoming request (CZ 9.5, SK 7.7): its letter is a route.
    duties: dict[str, TreatyDuty] = field(default_factory=dict)

    @property
    def missing_pk(self) -> int:
        """An id no request has (the world's are the only requests in the database)."""
        return max(request.pk for request in self.requests.values()) + 10_000

    def visible(self, role: str, key: str) -> bool:
        """Whether ``role`` may see the request ``key`` ("missing" is seen by nobody)."""
        return role in VISIBLE.get(key, ())

    def version(self, key: str) -> int:
        """The version a form of the request ``key`` sends back (1 for "missing")."""
        return self.requests[key].version if key in self.requests else 1

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


def build_world() -> World:
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
    sk = urgent_oral_request(users[POLICE_CLERK])
    AssistanceRequest.objects.filter(pk=sk.pk).update(reference=REFERENCES[SK_ORAL])
    # Its registering clerk owns it; kz-gpo's clerk (the central authority) takes it over, so
    # that the sweep below tells kz-gpo's clerk (the owner first, the role only as fallback).
    request_owner_change(actor=users[SUPERVISOR], request_id=sk.pk, stage="clerk",
                         user_id=users[CLERK].pk, reason="The central authority takes it")
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
    duties = {key: TreatyDuty.objects.create(
        request=requests[key], rule_code="duty_notice_of_refusal", event="refusal",
        citation=str(requests[key].rulebook.duty("duty_notice_of_refusal").citation),
        owed_by=ResponsibleSide.KAZAKHSTAN, triggered_at=NOW, trigger="automatic",
        trigger_note=f"Refused: {REFERENCES[key]}", recorded_by=users[CLERK])
        for key in (CZ_EXEC, SK_ORAL)}
    requests = {key: AssistanceRequest.objects.get(pk=obj.pk) for key, obj in requests.items()}
    notification = Notification.objects.filter(recipient=users[CLERK]).order_by("pk").first()
    assert notification is not None, "the sweep notified kz-gpo's clerk of the SK request"
    return World(users=users, requests=requests, persons=persons, attachments=attachments,
                 notification_of_clerk=notification, duties=duties)




@contextmanager
def world_built_once(django_db_blocker, tmp_path_factory):
    """``build_world()`` for a module's tests: built once inside a transaction rolled back at the
    end; each test runs in its own savepoint (pytest-django), so what a test writes is undone
    after it. Time frozen at NOW, files in a temporary MEDIA_ROOT, the fast password hasher."""
    media = tmp_path_factory.mktemp("media")
    settings_override = override_settings(
        MEDIA_ROOT=str(media),
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), settings_override, time_machine.travel(NOW, tick=False):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def client_for(world: World, role: str) -> Client:
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


# What the Content-Security-Policy would block in a page of ours: an inline script (a JSON data
# block is not run, so it may stay), a style attribute or an inline event handler (htmx's hx-on
# included, which it would have to evaluate).
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
_INLINE_STYLE = re.compile(r"""<[^>]*\sstyle\s*=\s*["']""", re.I)
_INLINE_HANDLER = re.compile(r"""<[^>]*\s(?:on[a-z]+|hx-on[:\w-]*)\s*=\s*["']""", re.I)


def csp_problems(response, body: str) -> list[str]:
    """The page's policy is strict and nothing in the page needs more."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return []
    policy = response.get("Content-Security-Policy", "")
    problems = [] if ("script-src 'self'" in policy and "style-src 'self'" in policy
                      and "unsafe" not in policy) else [f"policy {policy!r}"]
    for name, pattern in (("inline script", _INLINE_SCRIPT), ("style attribute", _INLINE_STYLE),
                          ("inline handler", _INLINE_HANDLER)):
        match = pattern.search(body)
        if match:
            problems.append(f"{name}: {match.group(0)[:120]}")
    return problems


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
        for problem in csp_problems(response, body):
            self.problem(probe, problem)
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


def each_request(world: World, path: Callable[[int], str], *, with_missing: bool = True):
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
                    Attachment.objects.filter(request=obj).count(),
                    RequestNote.objects.filter(request=obj).count())
    return out


@contextmanager
def unseen_requests_unchanged(walk: Walk):
    """What the block posts leaves every request the role may not see as it was."""
    before = _versions(walk.world)
    yield
    after = _versions(walk.world)
    for key in REQUEST_KEYS:
        if not walk.world.visible(walk.role, key) and after[key] != before[key]:
            walk.problems.append(f"{REFERENCES[key]} changed by a role that may not see it: "
                                 f"{before[key]} → {after[key]}")


def always(probe: Probe, response) -> bool:
    return True


def on_get(probe: Probe, response) -> bool:
    return probe.method == "GET"
