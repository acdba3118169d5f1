"""The personal iCalendar feed of deadlines: a page showing the user's feed address, and the feed
itself, which a calendar client fetches without a session (the signed token in the URL
authenticates; see ``requests_app.services.calendar`` for how it is made and revoked)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from .. import clock
from ..services.calendar import calendar_deadlines
from ..services.calendar import calendar_feed_ics
from ..services.calendar import calendar_owner_for_token
from ..services.calendar import calendar_token_for


@login_required
def calendar_info(request):
    language = translation.get_language() or settings.LANGUAGE_CODE
    token = calendar_token_for(user=request.user, language=language)
    feed_url = request.build_absolute_uri(reverse("calendar_feed", args=[token]))
    webcal_url = "webcal://" + feed_url.split("://", 1)[1]
    return render(request, "requests_app/dashboard/calendar_info.html", {
        "feed_url": feed_url, "webcal_url": webcal_url,
        "event_count": calendar_deadlines(user=request.user).count(),
        "language_name": dict(settings.LANGUAGES).get(language[:2], language),
    })


@require_safe
def calendar_feed(request, token: str):
    """RFC 5545 text of the token owner's open deadlines. A forged, altered or revoked token
    answers 404, like a missing page, so it says nothing about which users exist."""
    owner = calendar_owner_for_token(token=token)
    if owner is None:
        raise Http404
    body = calendar_feed_ics(
        owner=owner, now=clock.now(),
        url_for=lambda d: request.build_absolute_uri(reverse("request_detail", args=[d.request_id]))
        if d.request_id else "")
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="mla-deadlines.ics"'
    # Personal data behind a bearer URL: not for shared caches or search engines.
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
