"""Personal iCalendar feeds of deadlines: the feed token, which deadlines a user's feed holds,
and the RFC 5545 text (hand-written: no dependency for forty lines of text format).

The token
---------
A calendar client fetches the feed without a session, so the URL itself authenticates. The token
is ``Signer(salt="mla.calendar").sign_object({"u": pk, "p": digest, "l": language})`` where
``digest`` is an HMAC (keyed by SECRET_KEY) of the user's current password hash:

- forging or editing a token breaks the signature → 404;
- changing the password (or an administrator setting a new one) revokes every feed URL of that
  user, without a model or migration; the password hash itself never appears in the URL, only a
  keyed digest of it;
- rotating SECRET_KEY revokes every feed URL of every user;
- a deactivated user's feed answers 404, and the contents follow the user's *current* roles and
  office (they are computed with ``requests_visible_to`` at every fetch), so losing a role or
  moving office shrinks the feed at once.

It is deterministic (no timestamp), so /calendar/ shows the same URL on every visit and the
subscription never needs updating. The language the user had when they copied the URL is inside
it: the feed has no session or cookie to take a language from.

Trade-off: revoking one feed without a password change needs a per-user salt, i.e. a model; and
Django re-hashes a password when its hasher's work factor is raised, which also changes the
digest (the user then copies the URL again from /calendar/).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core import signing
from django.db.models import QuerySet
from django.utils import translation
from django.utils.crypto import constant_time_compare
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from ..models import Deadline
from ..models import DeadlineStatus
from ..roles import ROLE_LABELS
from ..selectors.deadlines import deadlines_visible_to
from ..words import citation_text
from .notices import basis_text

TOKEN_SALT = "mla.calendar"
_DIGEST_SALT = "mla.calendar.password"
PRODID = "-//mla//Deadlines feed//EN"


# --- token ------------------------------------------------------------------------------------
def _password_digest(user: User) -> str:
    return salted_hmac(_DIGEST_SALT, user.password or "", algorithm="sha256").hexdigest()[:20]


def _language(code: str | None) -> str:
    shipped = {language for language, _name in settings.LANGUAGES}
    code = (code or "")[:2]
    return code if code in shipped else settings.LANGUAGE_CODE


def calendar_token_for(*, user: User, language: str | None = None) -> str:
    """The user's feed token (stable while their password and SECRET_KEY stay the same)."""
    return signing.Signer(salt=TOKEN_SALT).sign_object(
        {"u": user.pk, "p": _password_digest(user), "l": _language(language)})


@dataclass(frozen=True)
class FeedOwner:
    user: User
    language: str


def calendar_owner_for_token(*, token: str) -> FeedOwner | None:
    """Who the token belongs to, or None when it is forged, altered or revoked (password
    changed, user deactivated or deleted). One query."""
    try:
        payload = signing.Signer(salt=TOKEN_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        return None
    user = (get_user_model().objects.filter(pk=payload["u"], is_active=True)
            .select_related("office_membership").first())
    if user is None or not constant_time_compare(str(payload.get("p", "")), _password_digest(user)):
        return None
    return FeedOwner(user=user, language=_language(payload.get("l")))


# --- what a user's feed holds --------------------------------------------------------------------
def calendar_deadlines(*, user: User) -> QuerySet[Deadline]:
    """The open deadlines ``user`` may see (``deadlines_visible_to``: of the requests the one
    access function lets them see, and the instruments' own duties for those who answer for
    them), soonest first."""
    return (deadlines_visible_to(user).filter(status=DeadlineStatus.OPEN)
            .select_related("request", "instrument", "responsible_user")
            .order_by("due_at", "id"))


# --- RFC 5545 text ----------------------------------------------------------------------------
def ics_escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline."""
    return (str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n"))


_UNITS = re.compile(r"\\.|.", re.DOTALL)


def ics_fold(line: str, limit: int = 75) -> str:
    """Fold a content line into lines of at most ``limit`` octets (RFC 5545 §3.1): each
    continuation begins with one space. A multi-byte UTF-8 character is never split, nor an
    escape such as ``\\,`` (unfolding would restore either, but not every client is careful)."""
    if len(line.encode("utf-8")) <= limit:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for unit in _UNITS.findall(line):
        octets = len(unit.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(unit)
        size += octets
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def ics_datetime(moment: datetime) -> str:
    """An aware datetime as a UTC DATE-TIME (``20260302T040000Z``)."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    start: datetime
    summary: str
    description: str
    last_modified: datetime | None = None
    url: str = ""
    categories: tuple[str, ...] = ()


def ics_calendar(*, events: Iterable[IcsEvent], name: str, now: datetime) -> str:
    """A VCALENDAR with one VEVENT per event, CRLF line endings, folded lines. Start times are
    UTC, so no VTIMEZONE is needed; an event without DTEND lasts no time (a due moment)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{ics_escape(name)}",
             # Ask subscribing clients to refresh hourly (RFC 7986 and its older X- form).
             "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H"]
    stamp = ics_datetime(now)
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp}",
                  f"DTSTART:{ics_datetime(event.start)}",
                  f"SUMMARY:{ics_escape(event.summary)}",
                  f"DESCRIPTION:{ics_escape(event.description)}"]
        if event.categories:
            lines.append("CATEGORIES:" + ",".join(ics_escape(c) for c in event.categories))
        if event.url:
            lines.append(f"URL:{event.url}")
        if event.last_modified is not None:
            lines.append(f"LAST-MODIFIED:{ics_datetime(event.last_modified)}")
        lines += ["STATUS:CONFIRMED", "TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines)


def deadline_uid(deadline: Deadline) -> str:
    """Stable per deadline row: a moved due time updates the same event."""
    return f"deadline-{deadline.pk}@mla"


def _who_must_act(deadline: Deadline) -> str:
    parts = [str(deadline.get_responsible_side_display())]
    if deadline.responsible_role:
        parts.append(str(ROLE_LABELS.get(deadline.responsible_role, deadline.responsible_role)))
    user = deadline.responsible_user
    if user is not None:
        parts.append(user.get_full_name() or user.get_username())
    return ", ".join(parts)


def deadline_event(deadline: Deadline, *, url_for: Callable[[Deadline], str] | None = None) -> IcsEvent:
    """The event of one deadline, in the active language."""
    request = deadline.request
    subject = request.reference if request is not None else deadline.instrument.slug
    lines = [
        _("Duty: %(duty)s") % {"duty": deadline.duty_label},
        (_("Request: %(ref)s") % {"ref": request.reference} if request is not None
         else _("Instrument: %(slug)s") % {"slug": deadline.instrument.slug}),
        _("Rule: %(citation)s, %(basis)s") % {"citation": citation_text(deadline.citation),
                                               "basis": basis_text(deadline.basis)},
        _("Who must act: %(who)s") % {"who": _who_must_act(deadline)},
    ]
    if deadline.provisional:
        lines.append(_("Provisional: computed on a draft; no reminder or escalation until the "
                       "request is transmitted (office policy)."))
    return IcsEvent(
        uid=deadline_uid(deadline), start=deadline.due_at,
        summary=f"{deadline.duty_label} — {subject}",
        description="\n".join(lines), last_modified=deadline.updated_at,
        url=url_for(deadline) if url_for else "",
        categories=(deadline.instrument.slug, str(deadline.get_basis_display())))


def calendar_feed_ics(*, owner: FeedOwner, now: datetime,
                      url_for: Callable[[Deadline], str] | None = None) -> str:
    """The whole feed of ``owner``, in the language their URL carries."""
    with translation.override(owner.language):
        user = owner.user
        name = _("mla deadlines — %(user)s") % {"user": user.get_full_name() or user.get_username()}
        events = [deadline_event(d, url_for=url_for) for d in calendar_deadlines(user=user)]
        return ics_calendar(events=events, name=name, now=now)
