"""Every URL of the web app, as every role, against a world of four requests: nothing of a request
leaks to a user who may not see it.

The routes are read from ``requests_app.urls.urlpatterns``, so a new route without an access case
fails ``test_every_route_has_an_access_case``. Each route × role is one test; a test walks every
concrete URL of its route (every request of the world, every action of the graph, every record
kind, a missing object) and reports every problem it finds, each naming the URL and method. The
action × request and kind × request pairs are shared out (``_share``): each goes to one of the
roles that see that request, and also to one of the signed-in roles that may not see it (a
missing one: any), in turn — so every pair is tried by a role that must get an answer and by one
that must get 404, and a role that may not see a request still tries some pairs on it, GET and
POST. Anonymous tries every pair (it must always get the login page).

The rules checked on every response: no 5xx; anonymous users are sent to the login page; a
request the user may not see answers exactly as a missing one (404 — or 405 for a GET on a
POST-only URL, decided before the request is looked up), never 200 with its data and never a 403
that reveals it exists; no response to a user contains the reference or the person's name of a
request that user may not see; and a POST the user may not make changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern

from requests_app import urls as app_urls
from requests_app.models import Attachment
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import Notification
from requests_app.models import PersonRole
from requests_app.models import ResponsibleSide
from requests_app.record_kinds import RECORD_KIND_BY_SLUG
from requests_app.services.calendar import calendar_token_for
from tests.web._walk import ANONYMOUS
from tests.web._walk import CLERK
from tests.web._walk import CZ_EXEC
from tests.web._walk import DRAFT
from tests.web._walk import DRAFTERS
from tests.web._walk import HTMX
from tests.web._walk import PDF
from tests.web._walk import PROSECUTOR
from tests.web._walk import RECORD_KINDS
from tests.web._walk import REFERENCES
from tests.web._walk import REGISTRARS
from tests.web._walk import REQUEST_KEYS
from tests.web._walk import ROLES
from tests.web._walk import SIGNED_IN
from tests.web._walk import SK_ORAL
from tests.web._walk import SUPERVISING
from tests.web._walk import SUPERVISOR
from tests.web._walk import TRANSITION_NAMES
from tests.web._walk import VISIBLE
from tests.web._walk import Probe
from tests.web._walk import Walk
from tests.web._walk import always
from tests.web._walk import client_for
from tests.web._walk import each_request
from tests.web._walk import on_get
from tests.web._walk import unseen_requests_unchanged
from tests.web._walk import world_built_once
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db


pytestmark = pytest.mark.django_db



@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    with world_built_once(django_db_blocker, tmp_path_factory) as built:
        yield built



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
         for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/")),
        shows_reference=always)


def case_request_edit(walk: Walk) -> None:
    probes = []
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/edit/"):
        version = walk.world.version(key)
        probes += [Probe("GET", path, target=key),
                   Probe("POST", path, target=key, data={"version": version,
                                                         "purpose": "walked"}),
                   Probe("POST", path, target=key,
                         data={"_form": "translation", "translation-version": version,
                               "translation-language": "sr"})]
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes, shows_reference=always)


def case_request_edit_step(walk: Walk) -> None:
    probes = []
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/edit/offence/"):
        version = walk.world.version(key)
        probes += [Probe("GET", path, target=key),
                   Probe("POST", path, target=key, data={"_form": "contents", "version": version,
                                                         "legal_qualification": "walked"}),
                   Probe("GET", path.replace("/offence/", "/review/"), target=key),
                   Probe("POST", path.replace("/offence/", "/review/"), target=key,
                         data={"_form": "submit", "version": version})]
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes, shows_reference=always)


def case_request_checklist(walk: Walk) -> None:
    probes = []
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/checklist/"):
        probes += [Probe("GET", path, target=key), Probe("GET", path, target=key, headers=HTMX),
                   Probe("POST", path, target=key, data={"purpose": "unsaved"}, headers=HTMX)]
    walk.request_scoped(probes, shows_reference=lambda probe, response: not probe.headers)


def case_person_add(walk: Walk) -> None:
    probes = []
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/persons/add/"):
        version = walk.world.version(key)
        probes += [Probe("GET", path, target=key, post_only=True),
                   Probe("POST", path, target=key, post_only=True, data={}),
                   Probe("POST", path, target=key, post_only=True,
                         data={"person-version": version, "person-role": PersonRole.TO_HEAR,
                               "person-full_name": "Added by the walk"})]
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes)


def case_request_note_add(walk: Walk) -> None:
    probes = []
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/notes/"):
        probes += [Probe("GET", path, target=key),
                   Probe("POST", path, target=key, data={}),
                   Probe("POST", path, target=key, data={"text": "Noted by the walk"})]
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes)


def case_request_references(walk: Walk) -> None:
    probes = []
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/references/"):
        probes += [Probe("GET", path, target=key),
                   Probe("POST", path, target=key, data={}),
                   Probe("POST", path, target=key, data={"version": walk.world.version(key),
                                                         "their_reference": "WALK-1"})]
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes)


def case_attachment_upload(walk: Walk) -> None:
    probes = []
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/attachments/"):
        version = walk.world.version(key)
        probes += [Probe("GET", path, target=key),
                   Probe("POST", path, target=key, data={}),
                   Probe("POST", path, target=key, data={
                       "attachment-kind": "other", "attachment-version": version,
                       "attachment-uploaded_file": SimpleUploadedFile("walk.pdf", PDF)})]
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes, shows_reference=on_get)


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
            walk.request_scoped([probe], shows_reference=always)


def case_correspondence_send(walk: Walk) -> None:
    """Send a letter (POST only): a role that may not see the request gets 404 and nothing
    changes; one that sees it gets the form's errors for an empty post, and a preview for a
    complete one (nothing recorded either way)."""
    probes = []
    for key, path in each_request(walk.world,
                                  lambda pk: f"/requests/{pk}/correspondence/send/"):
        probes += [Probe("GET", path, target=key, post_only=True),
                   Probe("POST", path, target=key, data={}),
                   Probe("POST", path, target=key, data={
                       "version": walk.world.version(key), "kind": "other", "language": "en",
                       "preview": "1"})]
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes)


def case_correspondence_receive(walk: Walk) -> None:
    """Register a received letter (POST only, multipart): 404 for a role that may not see the
    request, with nothing stored; the form's errors for an empty post otherwise."""
    probes = []
    for key, path in each_request(walk.world,
                                  lambda pk: f"/requests/{pk}/correspondence/received/"):
        probes += [Probe("GET", path, target=key, post_only=True),
                   Probe("POST", path, target=key, data={}),
                   Probe("POST", path, target=key, data={
                       "version": walk.world.version(key), "kind": "other",
                       "files": SimpleUploadedFile("walk.pdf", PDF)})]
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes)


# Failures found by the walk and pinned by a strict xfail test of their own below: the walk
# leaves out only these (route, request) pairs, and only for roles that see the request, so that
# it keeps guarding everything else. Remove the entry when its test starts passing.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


def _letter(walk: Walk, suffix: str) -> None:
    probes = []
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/letter.{suffix}"):
        if (f"letter_{suffix}", key) in KNOWN_FAILURES and walk.world.visible(walk.role, key):
            continue
        probes.append(Probe("GET", path, target=key, data={"lang": "en"}))
    walk.request_scoped(probes, shows_reference=always)
    walk.expect(Probe("POST", f"/requests/{walk.world.requests[DRAFT].pk}/letter.{suffix}"), 405)


def case_letter_pdf(walk: Walk) -> None:
    _letter(walk, "pdf")


def case_letter_docx(walk: Walk) -> None:
    _letter(walk, "docx")


def _notice_letter(walk: Walk, suffix: str) -> None:
    """The notice letter of a duty Kazakhstan owes (CZ 9.5, SK 7.7): visible like its request;
    a duty named under another request, or under a missing one, answers 404."""
    probes = []
    for key, duty in walk.world.duties.items():
        pk = walk.world.requests[key].pk
        probes.append(Probe("GET", f"/requests/{pk}/duties/{duty.pk}/notice.{suffix}",
                            target=key, data={"lang": "en"}))
        probes.append(Probe("GET", f"/requests/{walk.world.missing_pk}/duties/{duty.pk}/"
                                   f"notice.{suffix}", target="missing"))
    walk.request_scoped(probes, shows_reference=always)
    cz, sk = walk.world.duties[CZ_EXEC], walk.world.duties[SK_ORAL]
    crossed = f"/requests/{walk.world.requests[CZ_EXEC].pk}/duties/{sk.pk}/notice.{suffix}"
    if walk.role != ANONYMOUS:
        walk.expect(Probe("GET", crossed), 404)
    walk.expect(Probe("POST", f"/requests/{walk.world.requests[CZ_EXEC].pk}/duties/{cz.pk}/"
                              f"notice.{suffix}"), 405)


def case_duty_letter_pdf(walk: Walk) -> None:
    _notice_letter(walk, "pdf")


def case_duty_letter_docx(walk: Walk) -> None:
    _notice_letter(walk, "docx")


def case_deadline_waive(walk: Walk) -> None:
    """A missed deadline on every request: a role that may not see the request posts a complete
    waiver and gets 404, as for a missing request, and nothing changes; one that sees it posts
    without a reason (refused or invalid, nothing changes). A deadline named under another
    request answers 404; GET is not allowed."""
    missed = {key: Deadline.objects.create(
        request=obj, instrument=obj.instrument, kind="original_by_post", subject_key="walk",
        due_at=NOW, citation="walk", status=DeadlineStatus.MISSED,
        responsible_side=ResponsibleSide.KAZAKHSTAN) for key, obj in walk.world.requests.items()}
    probes = []
    for key, row in missed.items():
        obj = walk.world.requests[key]
        path = f"/requests/{obj.pk}/deadlines/{row.pk}/waive/"
        probes.append(Probe("GET", path, target=key, post_only=True))
        sees = walk.world.visible(walk.role, key)
        probes.append(Probe("POST", path, target=key, data={
            "version": walk.world.version(key), "reason": "" if sees else "walk"}))
        probes.append(Probe("POST", f"/requests/{walk.world.missing_pk}/deadlines/{row.pk}/"
                                    "waive/", target="missing", data={"reason": "walk"}))
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes)
    if walk.role != ANONYMOUS:
        crossed = (f"/requests/{walk.world.requests[CZ_EXEC].pk}/deadlines/"
                   f"{missed[SK_ORAL].pk}/waive/")
        walk.expect(Probe("POST", crossed, data={"reason": "walk"}),
                    404)
    if Deadline.objects.filter(subject_key="walk").exclude(
            status=DeadlineStatus.MISSED).exists():
        walk.problems.append("a waiver without a reason, or by a role that may not see the "
                             "request, changed a deadline")


def _share(role: str, names: list[str], *, seeing: bool = True) -> set[tuple[str, str]]:
    """The (name, request) pairs ``role`` tries: every pair of an action (or record kind) and a
    request (each in another state) goes to one of the roles that see that request, in turn, so
    that across the roles every pair is tried once. With ``seeing=False``, the same among the
    signed-in roles that may not see the request ("missing" included: no one sees it), each of
    which must get 404: as there are more names than such roles, each still tries some of the
    names on every request it may not see."""
    mine = set()
    keys = REQUEST_KEYS if seeing else (*REQUEST_KEYS, "missing")
    for index, name in enumerate(names):
        for position, key in enumerate(keys):
            takers = [other for other in SIGNED_IN if (other in VISIBLE.get(key, ())) == seeing]
            if takers[(index + position) % len(takers)] == role:
                mine.add((name, key))
    return mine


def case_request_action(walk: Walk) -> None:
    """Every action of the graph. A role that may not see a request (or a missing one) posts
    each action's inputs of its share of the (action, request) pairs of the roles that may not
    see it — some on every such request — and gets 404, as for a missing request, and nothing
    changes; across those roles every action is posted to every request they may not see.
    Anonymous posts every action everywhere (the login page). A role that sees it posts an empty
    form (no version: nothing can change) to its share of the (action, request) pairs and gets
    an answer — refused, not available or errors — never 404 or 5xx; then a complete
    withdrawal, answered with the full page."""
    share = _share(walk.role, TRANSITION_NAMES)
    unseen_share = _share(walk.role, TRANSITION_NAMES, seeing=False)
    probes = []
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/actions/"):
        sees = walk.world.visible(walk.role, key)
        version = walk.world.version(key)
        # GET only redirects to the page once the request is found and the name checked.
        probes.append(Probe("GET", f"{path}{TRANSITION_NAMES[0]}/", target=key))
        for name in TRANSITION_NAMES:
            if not sees and (walk.role == ANONYMOUS or (name, key) in unseen_share):
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
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes)
        for key in REQUEST_KEYS:
            # An action the graph does not have: 404 for everyone, visible request or not.
            walk.expect(Probe("POST", f"/requests/{walk.world.requests[key].pk}/actions/no-such/",
                              target=key), 404)


def case_request_record(walk: Walk) -> None:
    """Every record kind. A role that may not see a request (or a missing one) opens the form and
    posts a complete one for its share of the (kind, request) pairs of the roles that may not see
    it — some on every such request — and gets 404 for each, as for a missing request, and
    nothing changes; across those roles every kind is tried on every request they may not see.
    Anonymous tries every kind everywhere (the login page). A role that sees it opens the forms
    of its share of the (kind, request) pairs — where the form takes a person, with a person of
    another request preselected, which must not show — and posts one empty form per request
    (errors, nothing changes)."""
    share = _share(walk.role, RECORD_KINDS)
    unseen_share = _share(walk.role, RECORD_KINDS, seeing=False)
    probes = []
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/records/"):
        sees = walk.world.visible(walk.role, key)
        version = walk.world.version(key)
        for kind in RECORD_KINDS:
            if sees and (kind, key) not in share:
                continue
            if not sees and walk.role != ANONYMOUS and (kind, key) not in unseen_share:
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
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes, shows_reference=on_get)
        for key in REQUEST_KEYS:
            walk.expect(Probe("GET", f"/requests/{walk.world.requests[key].pk}/records/no-such/",
                              target=key), 404)


def case_dashboard(walk: Walk) -> None:
    allowed = 200 if walk.role in SUPERVISING else 403
    walk.expect(Probe("GET", "/dashboard/"), allowed)
    walk.expect(Probe("GET", "/dashboard/", data={"direction": "incoming"}, headers=HTMX),
                allowed)


def case_dashboard_more(walk: Walk) -> None:
    supervising = walk.role in SUPERVISING
    for key in ("overdue", "h24", "d7", "d30"):
        walk.expect(Probe("GET", f"/dashboard/more/{key}/", headers=HTMX),
                    200 if supervising else 403)
    walk.expect(Probe("GET", "/dashboard/more/overdue/", data={"after": "1_x"}),
                400 if supervising else 403)


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


def case_spontaneous_information_list(walk: Walk) -> None:
    """The register outside any request: clerks and supervisors only (RS 16, BR 25...)."""
    allowed = 200 if walk.role in REGISTRARS else 403
    walk.expect(Probe("GET", "/spontaneous-information/"), allowed)
    walk.expect(Probe("GET", "/spontaneous-information/", data={"state": "RS"}), allowed)
    walk.expect(Probe("POST", "/spontaneous-information/", data={"summary": ""}),
                400 if walk.role in REGISTRARS else 403)


def case_counterpart_notices(walk: Walk) -> None:
    """Every signed-in user reads an instrument's counterpart notices; clerks record them."""
    walk.expect(Probe("GET", "/instruments/kz-cz-2017/counterpart-notices/"), 200)
    walk.expect(Probe("GET", "/instruments/no-such-instrument/counterpart-notices/"), 404)
    walk.expect(Probe("POST", "/instruments/kz-cz-2017/counterpart-notices/",
                      data={"authority": ""}), 400 if walk.role in REGISTRARS else 403)


def case_my_work(walk: Walk) -> None:
    """Everyone signed in has a work list; it holds only requests the role may see (``call``
    checks every response for the others' references)."""
    _response, body = walk.expect(Probe("GET", "/my-work/"), 200)
    if walk.role == PROSECUTOR and REFERENCES[DRAFT] not in body:
        walk.problems.append("kz-gpo's prosecutor does not see the unassigned draft of the "
                             "office (positive control)")


def case_notification_settings(walk: Walk) -> None:
    walk.expect(Probe("GET", "/notifications/settings/"), 200)
    walk.expect(Probe("POST", "/notifications/settings/", data={"approved": "on"}), 302,
                location="/notifications/settings/")


def case_request_access_log(walk: Walk) -> None:
    """Who looked: supervisors only. Anyone else gets 403 for every request, a missing one too
    (decided before the request is looked up, so it reveals nothing); a supervisor gets the
    list, 404 for a missing request. GET only (405, before anything is looked up)."""
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/access-log/"):
        if walk.role == SUPERVISOR:
            _response, body = walk.expect(Probe("GET", path, target=key),
                                          404 if key == "missing" else 200)
            if key != "missing" and REFERENCES[key] not in body:
                walk.problems.append(f"the access log of {REFERENCES[key]} does not name it")
        else:
            walk.expect(Probe("GET", path, target=key), 403)
        walk.expect(Probe("POST", path, target=key), 405)


def case_request_owner_change(walk: Walk) -> None:
    probes = []
    for key, path in each_request(walk.world, lambda pk: f"/requests/{pk}/owners/"):
        probes += [Probe("GET", path, target=key, post_only=True),
                   Probe("POST", path, target=key, post_only=True, data={}),
                   Probe("POST", path, target=key, post_only=True,
                         data={"version": walk.world.version(key), "stage": "clerk",
                               "user": walk.world.users[CLERK].pk, "reason": "Walked"})]
    with unseen_requests_unchanged(walk):
        walk.request_scoped(probes)


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
    walk = Walk(world=world, role=role, client=client_for(world, role))
    CASES[route](walk)
    assert not walk.problems, f"{route} as {role}:\n  " + "\n  ".join(walk.problems)


@pytest.mark.parametrize("names", [TRANSITION_NAMES, RECORD_KINDS], ids=["actions", "kinds"])
@pytest.mark.parametrize("seeing", [True, False], ids=["seen", "unseen"])
def test_every_pair_is_shared_out_once(names, seeing):
    """Each (name, request) pair goes to exactly one of the signed-in roles that see the request
    (``seeing``) or may not see it, and every such role gets some pairs of every such request."""
    shares = {role: _share(role, names, seeing=seeing) for role in SIGNED_IN}
    for key in REQUEST_KEYS if seeing else (*REQUEST_KEYS, "missing"):
        takers = [role for role in SIGNED_IN if (role in VISIBLE.get(key, ())) == seeing]
        for name in names:
            owners = [role for role in SIGNED_IN if (name, key) in shares[role]]
            assert len(owners) == 1 and owners[0] in takers, (name, key, owners)
        for role in takers:
            assert any((name, key) in shares[role] for name in names), (role, key)


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_docx_letter_of_a_slovak_request_downloads(language, world, frozen_now):
    client = client_for(world, CLERK)
    response = client.get(f"/requests/{world.requests[SK_ORAL].pk}/letter.docx",
                          {"lang": language})
    assert response.status_code == 200
    assert REFERENCES[SK_ORAL] in response["Content-Disposition"]


def test_marking_a_notification_read_never_redirects_off_site(world, frozen_now):
    notification = world.notification_of_clerk
    response = client_for(world, CLERK).post(f"/notifications/{notification.pk}/read/",
                                             {"next": "https://evil.example/login"})
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")
