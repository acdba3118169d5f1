"""A fuzzer over every web form and filter (issue 12).

For each role that works with requests, starting from its pages (inbox, dashboard, work list,
drafting, registration, every request of the world of ``tests/web/_walk.py`` it may see), it
follows the links of the site (routes of ``requests_app.urls`` only), parses every ``<form>``
(``html.parser``) and submits it as a browser would — the CSRF token and the version as the form
gives them, CSRF enforced — once as given and then with mutated values: a NUL byte, 30,000
characters, text where a number or id is expected, the id of another office's row, 2026-02-30,
negative and overflowing numbers, right-to-left and emoji text, empty values, unknown choices,
every field sent twice. GET filter forms get the same mutations in their query.

Rules, on every answer: never a 5xx; a refused POST (4xx, or the form again with its errors)
changes nothing (the row count of every table but the access log, and every request's version);
no NUL is stored anywhere (PostgreSQL cannot store one: a NUL that reaches it is a 500; on
SQLite the text columns are searched). Each submission runs in a savepoint rolled back after it,
so every mutation meets the same world.

Deterministic (the mutations are chosen by a ``random.Random`` seeded with the role, the form and
the field) and bounded: ``MLA_FUZZ_FORM_BUDGET`` submissions per role (default below), pages per
route capped; about 50 s for the file with ``-n 2`` on PostgreSQL (150 per role)."""

from __future__ import annotations

import os
import random
import zlib
from collections import deque
from dataclasses import dataclass
from dataclasses import field
from html.parser import HTMLParser
from urllib.parse import urlencode
from urllib.parse import urlsplit

import pytest
import time_machine
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db import models
from django.db import transaction
from django.test import Client
from django.urls import Resolver404
from django.urls import resolve

from requests_app import urls as app_urls
from requests_app.models import AccessRecord
from requests_app.models import RequestNote
from tests._fuzz import on_postgresql
from tests.web._walk import CLERK
from tests.web._walk import DRAFT
from tests.web._walk import PDF
from tests.web._walk import POLICE_CLERK
from tests.web._walk import PROSECUTOR
from tests.web._walk import REQUEST_KEYS
from tests.web._walk import SUPERVISOR
from tests.web._walk import world_built_once
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db

# Larger on PostgreSQL (where NUL and over-long values fail); a smaller sample on SQLite, so that
# CI stays within its time. MLA_FUZZ_FORM_BUDGET overrides both (a longer run: 300 or more).
BUDGET = int(os.environ.get("MLA_FUZZ_FORM_BUDGET", 150 if on_postgresql() else 120))
FIELDS_PER_FORM = 3
FUZZ_ROLES = (PROSECUTOR, CLERK, POLICE_CLERK, SUPERVISOR)
MAX_PAGES = 45
# The record kinds (34) are shared between the roles.
SHARED_ROUTES = {"request_record"}
PER_ROUTE = 6
APP_ROUTES = {p.name for p in app_urls.urlpatterns}
# Pages that are not HTML or that change something on GET: not followed.
NOT_FOLLOWED = {"letter_pdf", "letter_docx", "duty_letter_pdf", "duty_letter_docx",
                "attachment_download", "deadlines_csv", "calendar_feed", "request_action"}

NUL = "\x00"
OVER_LONG = "x" * 30_000
RTL = "\u202eevil\u202c \U0001f600 \u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd"
TEXT = {"nul": f"a{NUL}b", "over-long": OVER_LONG, "rtl-emoji": RTL, "empty": ""}
NUMBER = {"nul": f"1{NUL}", "not-a-number": "abc", "negative": "-1",
          "overflow": "99999999999999999999", "empty": "", "foreign-id": None}
DATE = {"nul": f"2026{NUL}", "feb-30": "2026-02-30", "year-0": "0000-01-01", "negative": "-1",
        "empty": ""}
CHOICE = {"nul": NUL, "unknown-choice": "no-such-choice", "empty": "",
          "foreign-id": None}


# --- parsing ----------------------------------------------------------------------------------
@dataclass
class Field:
    name: str
    kind: str  # text, number, date, choice, checkbox, hidden, file
    value: str = ""
    options: list[str] = field(default_factory=list)


@dataclass
class Form:
    action: str
    method: str
    multipart: bool
    fields: list[Field] = field(default_factory=list)
    submit: tuple[str, str] | None = None

    def data(self) -> dict[str, list]:
        out: dict[str, list] = {}
        for f in self.fields:
            if f.kind == "file":
                out.setdefault(f.name, []).append(SimpleUploadedFile("fuzz.pdf", PDF))
            elif f.kind == "checkbox" and not f.value:
                continue
            else:
                out.setdefault(f.name, []).append(f.value)
        if self.submit:
            out.setdefault(self.submit[0], []).append(self.submit[1])
        return out


class FormParser(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page, self.forms, self.links = page, [], []
        self.form: Form | None = None
        self.select: Field | None = None
        self.textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "a" and a.get("href", "").startswith("/"):
            self.links.append(a["href"].split("#")[0])
        if tag == "option":
            self.option(a)
            return
        if tag == "form":
            self.form = Form(action=a.get("action") or a.get("hx-post") or self.page,
                             method=(a.get("method") or "get").lower(),
                             multipart="multipart" in a.get("enctype", ""))
            self.forms.append(self.form)
        if self.form is None or "name" not in a:
            return
        name = a["name"]
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                if self.form.submit is None:
                    self.form.submit = (name, a.get("value", ""))
                return
            if kind == "radio":
                existing = next((f for f in self.form.fields if f.name == name), None)
                if existing is None:
                    existing = Field(name, "choice")
                    self.form.fields.append(existing)
                existing.options.append(a.get("value", ""))
                if "checked" in a or not existing.value:
                    existing.value = a.get("value", "") if "checked" in a else existing.value
                return
            kind = {"number": "number", "date": "date", "datetime-local": "date",
                    "checkbox": "checkbox", "hidden": "hidden", "file": "file"}.get(kind, "text")
            value = a.get("value", "on" if kind == "checkbox" else "")
            if kind == "checkbox" and "checked" not in a:
                value = ""
            self.form.fields.append(Field(name, kind, value))
        elif tag == "button" and self.form.submit is None:
            self.form.submit = (name, a.get("value", ""))
        elif tag == "select":
            self.select = Field(name, "choice")
            self.form.fields.append(self.select)
        elif tag == "textarea":
            self.textarea = Field(name, "text")
            self.form.fields.append(self.textarea)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def option(self, a: dict[str, str]) -> None:
        if self.select is not None:
            value = a.get("value", "")
            self.select.options.append(value)
            if "selected" in a or len(self.select.options) == 1:
                self.select.value = value


def parse(page: str, html: str) -> tuple[list[Form], list[str]]:
    parser = FormParser(page)
    parser.feed(html)
    for form in parser.forms:
        for f in form.fields:
            if f.kind == "choice" and f.options and all(o.isdigit() for o in f.options if o):
                f.kind = "id-choice"
            elif f.kind in ("hidden", "text") and (f.name.endswith("version")
                                                    or f.value.isdigit()):
                f.kind = "number"
            elif f.kind == "text" and "date" in f.name:
                f.kind = "date"
    return parser.forms, parser.links


# --- the world and what must not change -------------------------------------------------------
@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    with world_built_once(django_db_blocker, tmp_path_factory) as built:
        yield built


def _stored_sql() -> str:
    """One query: the row count of every table of the app but the access log (reading a page
    is recorded), and the sum of the requests' versions."""
    parts = []
    for model in apps.get_app_config("requests_app").get_models():
        if model is not AccessRecord:
            parts.append(f"(SELECT COUNT(*) FROM {connection.ops.quote_name(model._meta.db_table)})")
    parts.append("(SELECT COALESCE(SUM(version), 0) FROM requests_app_assistancerequest)")
    return "SELECT " + ", ".join(parts)


def _stored(sql: str) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())


def _nul_columns() -> tuple[list[str], str]:
    """The app's text columns, and one query telling which hold NUL (SQLite: ``instr`` and
    ``char(0)``, as its LIKE stops at a NUL and ``__contains`` would match every row)."""
    labels, parts = [], []
    for model in apps.get_app_config("requests_app").get_models():
        table = connection.ops.quote_name(model._meta.db_table)
        for f in model._meta.concrete_fields:
            if isinstance(f, (models.CharField, models.TextField)):
                labels.append(f"{model._meta.label}.{f.name}")
                parts.append(f"EXISTS(SELECT 1 FROM {table} WHERE "
                             f"instr({connection.ops.quote_name(f.column)}, char(0)) > 0)")
    return labels, "SELECT " + ", ".join(parts)


def _nul_stored() -> list[str]:
    """Text columns holding NUL (SQLite only: PostgreSQL refuses to store one)."""
    labels, sql = _nul_columns()
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [label for label, found in zip(labels, cursor.fetchone(), strict=True) if found]


def _seed(*parts: str) -> random.Random:
    return random.Random(zlib.crc32("|".join(parts).encode()))


# --- the fuzzer -------------------------------------------------------------------------------
@dataclass
class Fuzz:
    world: object
    role: str
    client: Client
    sql: str
    problems: list[str] = field(default_factory=list)
    submissions: int = 0
    pages: int = 0
    forms: int = 0
    routes: set[str] = field(default_factory=set)

    def foreign_id(self) -> str:
        """The id of a person of a request this role may not see, or one no row has."""
        for key in REQUEST_KEYS:
            if not self.world.visible(self.role, key):
                return str(self.world.persons[key].pk)
        return str(10_000_000)

    def mutations(self, form: Form) -> list[tuple[str, dict]]:
        """(label, data) pairs: the form as given; NUL and 30,000 characters on a text field
        each; a mutation chosen by a seeded draw on up to ``FIELDS_PER_FORM`` other fields
        (drawn too, so that the roles' shares of a form differ); every field twice; every field
        empty."""
        base = form.data()
        rng = _seed(self.role, form.action, *(f.name for f in form.fields))
        fields = [f for f in form.fields if f.name != "csrfmiddlewaretoken" and f.kind != "file"]
        text_fields = [f for f in fields if f.kind == "text"]
        chosen: list[tuple[Field, str | None]] = []
        if text_fields:
            chosen += [(rng.choice(text_fields), "nul"), (rng.choice(text_fields), "over-long")]
        chosen += [(f, None) for f in rng.sample(fields, min(FIELDS_PER_FORM, len(fields)))]
        out = [("as given", base)]
        for f, label in chosen:
            if f.kind == "checkbox":
                out.append((f"{f.name}=maybe", {**base, f.name: ["maybe"]}))
                continue
            table = {"text": TEXT, "number": NUMBER, "hidden": TEXT, "date": DATE,
                     "choice": CHOICE, "id-choice": {**NUMBER, **CHOICE}}[f.kind]
            label = label or rng.choice(sorted(table))
            value = table[label] if table[label] is not None else self.foreign_id()
            out.append((f"{f.name}={label}", {**base, f.name: [value]}))
        out.append(("every field twice", {
            k: v if k == "csrfmiddlewaretoken" or isinstance(v[0], SimpleUploadedFile)
            else v + ["other"] for k, v in base.items()}))
        out.append(("every field empty", {k: [""] if k != "csrfmiddlewaretoken" else v
                                          for k, v in base.items()}))
        return out

    def submit(self, page: str, form: Form, label: str, data: dict) -> None:
        if self.submissions >= BUDGET:
            return
        self.submissions += 1
        where = f"{form.method.upper()} {urlsplit(form.action).path} [{label}] (from {page})"
        flat = {k: (v if len(v) > 1 else v[0]) for k, v in data.items()}
        csrf = self.client.cookies.get("csrftoken")
        headers = {"HTTP_X_CSRFTOKEN": csrf.value} if csrf else {}
        with transaction.atomic():
            before = _stored(self.sql)
            if form.method == "get":
                query = urlencode([(k, x) for k, v in data.items() for x in v])
                response = self.client.get(f"{urlsplit(form.action).path}?{query}", **headers)
            else:
                response = self.client.post(form.action, flat, **headers)
            status = response.status_code
            if status >= 500:
                info = getattr(response, "exc_info", None)
                crash = f" — {info[0].__name__}: {info[1]}" if info else ""
                self.problems.append(f"{where}: {status}{crash}")
            else:
                after = _stored(self.sql)
                body = b"" if getattr(response, "streaming", False) else response.content
                refused = (status >= 400 or b'class="errorlist"' in body
                           or form.method == "get")
                if refused and after != before:
                    self.problems.append(f"{where}: answered {status}, yet stored something")
                if "over-long" in label and status < 400 and after != before and (
                        b'class="errorlist"' not in body):
                    self.problems.append(f"{where}: 30,000 characters accepted ({status})")
                if "nul" in label:
                    if status != 400:
                        self.problems.append(f"{where}: a NUL answered {status}, not 400")
                    if connection.vendor == "sqlite" and (columns := _nul_stored()):
                        self.problems.append(f"{where}: NUL stored in {columns}")
            transaction.set_rollback(True)

    def run(self, seeds: list[str]) -> None:
        queue, seen, per_route, forms_seen = deque(seeds), set(), {}, set()
        shared_turn = FUZZ_ROLES.index(self.role)
        while queue and self.pages < MAX_PAGES and self.submissions < BUDGET:
            url = queue.popleft()
            path = urlsplit(url).path
            try:
                match = resolve(path)
            except Resolver404:
                continue
            if match.url_name not in APP_ROUTES or match.url_name in NOT_FOLLOWED or url in seen:
                continue
            seen.add(url)
            others = tuple(sorted((k, v) for k, v in match.kwargs.items() if k != "pk"))
            if match.url_name in SHARED_ROUTES and zlib.crc32(repr(others).encode()) % len(
                    FUZZ_ROLES) != shared_turn:
                continue
            count = per_route.get((match.url_name, others), 0)
            if count >= PER_ROUTE:
                continue
            per_route[(match.url_name, others)] = count + 1
            response = self.client.get(url)
            self.pages += 1
            if response.status_code >= 500:
                self.problems.append(f"GET {url}: {response.status_code}")
                continue
            if response.status_code in (301, 302) and response["Location"].startswith("/"):
                queue.appendleft(response["Location"])
                continue
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            forms, links = parse(path, response.content.decode("utf-8", "replace"))
            queue.extend(link for link in links if link not in seen)
            for form in forms:
                action = urlsplit(form.action).path
                try:
                    target = resolve(action)
                except Resolver404:
                    continue
                if target.url_name not in APP_ROUTES:
                    continue  # sign-out, language switch
                key = (target.url_name, tuple(sorted(target.kwargs.items())), form.method,
                       tuple(f.name for f in form.fields))
                if key in forms_seen:
                    continue
                forms_seen.add(key)
                self.forms += 1
                self.routes.add(target.url_name)
                for label, data in self.mutations(form):
                    self.submit(path, form, label, data)


def _seeds(world, role: str) -> list[str]:
    """The role's requests first (their pages hold most forms: drafting, records, actions),
    each role starting at another; then the pages outside any request."""
    requests = []
    for key in REQUEST_KEYS:
        if world.visible(role, key):
            pk = world.requests[key].pk
            requests.append([f"/requests/{pk}/edit/", f"/requests/{pk}/"])
    turn = FUZZ_ROLES.index(role) % max(len(requests), 1)
    seeds = [url for pair in requests[turn:] + requests[:turn] for url in pair]
    return seeds + ["/requests/?stage=all", "/requests/new/?state=RS", "/requests/register/",
                    "/my-work/", "/notifications/", "/dashboard/", "/notifications/settings/",
                    "/spontaneous-information/", "/instruments/kz-cz-2017/counterpart-notices/",
                    "/calendar/"]


@pytest.mark.parametrize("role", FUZZ_ROLES)
def test_no_form_or_filter_fails_or_stores_what_it_refuses(role, world):
    client = Client(raise_request_exception=False, enforce_csrf_checks=True,
                    HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(world.users[role])
    fuzz = Fuzz(world=world, role=role, client=client, sql=_stored_sql())
    with time_machine.travel(NOW, tick=False):
        fuzz.run(_seeds(world, role))
    if path := os.environ.get("MLA_FUZZ_REPORT"):
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"{role}\tpages {fuzz.pages}\tforms {fuzz.forms}\t"
                      f"submissions {fuzz.submissions}\t{' '.join(sorted(fuzz.routes))}\n")
    assert fuzz.submissions > 50, "the fuzzer found forms to submit (positive control)"
    assert not fuzz.problems, (f"{len(fuzz.problems)} problems in {fuzz.submissions} "
                               f"submissions:\n  " + "\n  ".join(fuzz.problems))


def test_the_parser_reads_a_form_as_a_browser_sends_it():
    html = ('<form method="post" action="/requests/1/notes/"><input type="hidden" '
            'name="csrfmiddlewaretoken" value="t"><input name="version" type="hidden" value="3">'
            '<textarea name="text">hi</textarea><select name="kind"><option value="a">A</option>'
            '<option value="b" selected>B</option></select><input type="checkbox" name="c">'
            '<button type="submit" name="_form" value="note">Go</button></form>')
    (form,), _links = parse("/requests/1/", html)
    assert form.data() == {"csrfmiddlewaretoken": ["t"], "version": ["3"], "text": ["hi"],
                           "kind": ["b"], "_form": ["note"]}
    assert [f.kind for f in form.fields] == ["hidden", "number", "text", "choice", "checkbox"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL cannot store a NUL")
def test_the_nul_scan_finds_a_stored_nul_and_nothing_else(world):
    assert _nul_stored() == []
    RequestNote.objects.create(request=world.requests[DRAFT], author=world.users[CLERK],
                               text="a\x00b", created_at=NOW)
    assert _nul_stored() == ["requests_app.RequestNote.text"]
