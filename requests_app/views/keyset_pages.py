"""Lists read in keyset pages on the web (My work, notifications): the page after the address's
cursor, a cursor not of the list said on the page (400, no rows), and "Show more" answered with
the next rows alone (``templates/includes/show_more_row.html``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from typing import TypeVar

from django.http import HttpRequest
from django.http import HttpResponse
from django.shortcuts import render

from ..exceptions import InvalidInput
from ..selectors.keyset import CURSOR_PARAMETER
from ..selectors.keyset import KeysetPage

T = TypeVar("T")


def keyset_page_read(request: HttpRequest, read: Callable[[str | None], KeysetPage[T]]
                     ) -> tuple[KeysetPage[T], dict[str, Any], int]:
    """The page ``read(cursor)`` gives for the address's cursor, the template context every
    such list shares and the status: 400 with the cursor's error and no rows for a cursor not
    of this list."""
    cursor = request.GET.get(CURSOR_PARAMETER) or None
    cursor_error, status = "", 200
    page = KeysetPage[T](rows=[], next_cursor=None)
    try:
        page = read(cursor)
    except InvalidInput as error:
        cursor_error, status = error.errors[CURSOR_PARAMETER], InvalidInput.http_status
    return page, {"page": page, "cursor_error": cursor_error,
                  "continued": bool(cursor) and not cursor_error,
                  "cursor_parameter": CURSOR_PARAMETER}, status


def keyset_page_render(request: HttpRequest, context: dict[str, Any], status: int, *,
                       more_target: str, rows_template: str, page_template: str) -> HttpResponse:
    """The whole page, or for "Show more" (htmx aimed at ``more_target``) the next rows
    appended to the table with the next "Show more"."""
    htmx = getattr(request, "htmx", None)
    if htmx and htmx.target == more_target:
        return render(request, rows_template, context, status=status)
    return render(request, page_template, context, status=status)
