"""Celery tasks: thin wrappers that read the clock and call the services. Idempotent, late-acked,
retried with backoff when the database is briefly away, and time-limited."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError
from django.db import OperationalError

from . import clock
from .services.deadlines import instruments_deadlines_sync
from .services.sweep import deadlines_sweep
from .services.sweep import notifications_email_pending

RETRY = {
    "acks_late": True,
    "autoretry_for": (OperationalError, InterfaceError, ConnectionError),
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 5,
    "soft_time_limit": 240,
    "time_limit": 280,
}


@shared_task(**RETRY)
def sweep_deadlines() -> dict:
    return vars(deadlines_sweep(now=clock.now()))


@shared_task(**RETRY)
def send_notification_emails() -> int:
    return notifications_email_pending(now=clock.now())


@shared_task(**RETRY)
def sync_instrument_duties() -> int:
    return instruments_deadlines_sync(now=clock.now())
