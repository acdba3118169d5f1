"""Calendar arithmetic. Treaty "days" are calendar days (сутки / тәулік), never working days."""

from __future__ import annotations

from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

ALMATY = ZoneInfo("Asia/Almaty")


def add_term(start: date, *, days: int | None = None, months: int | None = None) -> date:
    """``start`` plus a term in calendar days or calendar months (31 Jan + 1 month = 28/29 Feb)."""
    if days is not None:
        return start + timedelta(days=days)
    if months is not None:
        return start + relativedelta(months=months)
    raise ValueError("A term needs days or months")


def local_date(moment: datetime) -> date:
    """The calendar date of an aware datetime in Asia/Almaty."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(ALMATY).date()


def end_of_day(day: date) -> datetime:
    """The last moment of a calendar day in Asia/Almaty (deadlines "by date X")."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=ALMATY)


def start_of_day(day: date) -> datetime:
    """Midnight at the start of a calendar day in Asia/Almaty (a change "taking effect on X")."""
    return datetime.combine(day, time(0, 0), tzinfo=ALMATY)


def days_between(earlier: date, later: date) -> int:
    return (later - earlier).days
