"""List pages kept while the database has not changed.

The inbox and the API's request list are read far more often than requests change: at national
scale, supervisors, clerks and prosecutors reload them all day, while a few steps an hour are
taken. Rendering one costs 9–12 queries and 50 rows of template or serialiser (25–35 ms at a
million requests); an unchanged page is served again for the price of its session, its user and
one more query.

When a page may be served again:
- only to the same sign-in (the session, the CSRF cookie and the API token are in the key), in
  the same language, for the same address (filters, cursor, host) and the same htmx target;
- only while the database has written nothing: the key holds PostgreSQL's WAL insert position
  (``pg_current_wal_insert_lsn``), which moves with every change to any table of the cluster
  (a transition, a sweep, the admin, raw SQL, a token revoked or a session ended alike), read
  before the page's own queries so that a page is never filed under a position later than what
  it shows;
- only within the minute it was rendered in (Asia/Almaty), which bounds how long a page can
  miss a change that becomes visible a moment after its WAL record, and keeps "overdue" and
  time-of-day wording to the minute;
- only a 200 that sets no cookie (nor leaves the CSRF cookie to be set) and leaves the session
  as it was, for a GET with no message waiting to be shown.

Elsewhere (SQLite, the embedded default, which has no such position; a standby; or
``MLA_PAGE_CACHE`` off) every page is rendered afresh. Pages are kept in this process's memory
(the ``pages`` cache): the rows of a request never leave the server for a shared cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest
from django.http import HttpResponse
from django.utils.translation import get_language
from rest_framework.request import Request
from rest_framework.response import Response

from treaties.rules.calendar import ALMATY

from . import clock

CACHE_ALIAS = "pages"
# The headers that change what a list answers besides its address: htmx's partial pages, the
# API's format and its token.
_VARYING_HEADERS = ("HTTP_HX_REQUEST", "HTTP_HX_TARGET", "HTTP_ACCEPT", "HTTP_AUTHORIZATION")
# A standby has no insert position of its own: nothing is kept there.
_POSITION_SQL = ("SELECT CASE WHEN pg_is_in_recovery() THEN NULL "
                 "ELSE pg_current_wal_insert_lsn()::text END")


@dataclass(frozen=True)
class _Kept:
    """A rendered page as its view returned it (middleware adds its headers afresh)."""

    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes


def database_position() -> str | None:
    """Where PostgreSQL's log of changes stands (it moves with every write), or None where no
    such position is available (SQLite, a standby). One query."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(_POSITION_SQL)
        row = cursor.fetchone()
    return row[0] if row else None


def _key(request: HttpRequest, position: str) -> str:
    session = getattr(request, "session", None)
    parts = [
        position,
        clock.now().astimezone(ALMATY).strftime("%Y-%m-%dT%H:%M"),
        str(getattr(request.user, "pk", "")),
        session.session_key or "" if session is not None else "",
        request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
        get_language() or "",
        request.get_host(),
        request.get_full_path(),
        *(request.META.get(header, "") for header in _VARYING_HEADERS),
    ]
    return "page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    """A 200 that changes nothing of the sign-in: no cookie set by the view, the session
    unchanged, and a CSRF cookie already held (on a browser's first page the form token is for
    a cookie that only this response carries)."""
    return (response.status_code == 200 and not response.cookies
            and not getattr(response, "streaming", False)
            and bool(request.COOKIES.get(settings.CSRF_COOKIE_NAME))
            and not getattr(getattr(request, "session", None), "modified", False))


def _replayed(kept: _Kept) -> HttpResponse:
    response = HttpResponse(kept.content, status=kept.status)
    for name, value in kept.headers:
        response[name] = value
    return response


def _lookup_key(request: HttpRequest) -> str | None:
    """The key the page is kept under, or None where it is not to be kept (see the module)."""
    if (not settings.MLA_PAGE_CACHE or request.method != "GET"
            or len(get_messages(request)) != 0):
        return None
    position = database_position()
    return None if position is None else _key(request, position)


def kept_while_unchanged(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve the page again while nothing changed (see the module). For list views that only
    read, under the decorator that signs the user in (``login_required``), so that an ended
    sign-in is turned away before anything kept is looked up."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = _lookup_key(request)
        if key is None:
            return view(request, *args, **kwargs)
        store = caches[CACHE_ALIAS]
        kept = store.get(key)
        if kept is not None:
            return _replayed(kept)
        response = view(request, *args, **kwargs)
        if _keepable(request, response):
            store.set(key, _Kept(response.status_code, tuple(response.items()),
                                 bytes(response.content)))
        return response

    return wrapped


def api_page_kept_while_unchanged(handler: Callable[..., Response]
                                  ) -> Callable[..., HttpResponse]:
    """The same for an API view's GET handler, in JSON (the browsable API's pages carry forms
    and are always rendered afresh). DRF has authenticated the caller (token or session) and
    chosen the format before the handler runs."""

    @wraps(handler)
    def wrapped(view: Any, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        renderer = getattr(request, "accepted_renderer", None)
        key = _lookup_key(request) if getattr(renderer, "format", "") == "json" else None
        if key is None:
            return handler(view, request, *args, **kwargs)
        store = caches[CACHE_ALIAS]
        kept = store.get(key)
        if kept is not None:
            return _replayed(kept)
        response = handler(view, request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies:
            # Rendered here rather than after the view (``finalize_response``), to keep the bytes.
            response.accepted_renderer = renderer
            response.accepted_media_type = request.accepted_media_type
            response.renderer_context = view.get_renderer_context()
            response.render()
            store.set(key, _Kept(response.status_code, tuple(response.items()),
                                 bytes(response.content)))
        return response

    return wrapped
