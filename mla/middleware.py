"""Request-level guards that hold for every page and endpoint."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.http import HttpResponse
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

NUL = "\x00"


def _nul_field(request: HttpRequest) -> str | None:
    """The first query or form parameter whose name or value holds a NUL character. The API's
    bodies are left to DRF (reading them here would take the stream from its parsers); its
    fields refuse NUL themselves."""
    sources = [request.GET] if request.path.startswith("/api/") else [request.GET, request.POST]
    for data in sources:
        for key, values in data.lists():
            if NUL in key or any(NUL in value for value in values):
                return key.replace(NUL, "\\0")
    return None


class RejectNulCharactersMiddleware:
    """A NUL character in a query or form parameter is refused with 400 naming the parameter.

    PostgreSQL cannot store or even compare a string holding NUL (SQLite can, so a suite run only
    on SQLite never sees it): ``/requests/?q=%00`` answered 500 there (issue 12, defect 2). No
    field of this application means anything with a NUL in it, so the guard sits in front of
    every view instead of in each filter and form. API paths answer with the API's error shape."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        field = _nul_field(request)
        if field is None:
            return self.get_response(request)
        message = _("A NUL character is not allowed here.")
        if request.path.startswith("/api/"):
            return JsonResponse({"type": "validation_error", "detail": message,
                                 "errors": {field: [message]}, "violations": []}, status=400)
        return render(request, "400.html", {"message": message, "field": field}, status=400)


# The API's own description may be cached; everything else under /api/ carries case data.
API_PREFIX = "/api/"
CACHEABLE_API_PATHS = ("/api/schema/", "/api/docs/")


class ApiNoStoreMiddleware:
    """Every API response that carries case data is ``Cache-Control: no-store`` (issue 12): no
    browser, proxy or client library keeps a copy of a criminal case's data. Downloads that
    already say ``private, no-store`` keep theirs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (request.path.startswith(API_PREFIX)
                and not request.path.startswith(CACHEABLE_API_PATHS)
                and "no-store" not in response.get("Cache-Control", "")):
            response["Cache-Control"] = "private, no-store"
        return response


# Pages rendered from templates we do not own, which carry inline styles: Django's admin and the
# API's Swagger UI page.
THIRD_PARTY_PAGE_PREFIXES = ("/admin/", "/api/docs/")


class ThirdPartyPageStyles:
    """On the admin and the API docs only, the Content-Security-Policy also allows inline styles
    (their templates have ``style`` attributes and a ``<style>`` block); scripts stay "self"
    everywhere. Uses django-csp's per-response update, which its middleware (outside this one)
    reads when it writes the header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(THIRD_PARTY_PAGE_PREFIXES):
            response._csp_update = {"style-src": ["'unsafe-inline'"]}  # type: ignore[attr-defined]
        return response
