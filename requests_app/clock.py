"""The one place the services read the time (frozen in tests with time-machine)."""

from datetime import date
from datetime import datetime

from django.utils import timezone

from treaties.rules.calendar import local_date


def now() -> datetime:
    return timezone.now()


def today() -> date:
    """Today's calendar date in Asia/Almaty."""
    return local_date(now())
