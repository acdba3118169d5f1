"""Celery task: rebuild the statistics' aggregates (beat, every MLA_STATISTICS_REFRESH_SECONDS).
Idempotent: each run replaces the previous aggregates in one transaction."""

from __future__ import annotations

from celery import shared_task

from requests_app.tasks import RETRY

from .aggregates import statistics_aggregates_refresh


@shared_task(**RETRY)
def refresh_statistics() -> float:
    return statistics_aggregates_refresh().seconds
