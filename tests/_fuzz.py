"""Shared by the fuzzers (not a test module)."""

from django.conf import settings


def on_postgresql() -> bool:
    """Whether the suite runs on PostgreSQL (``DATABASE_URL``) rather than the embedded SQLite."""
    return "postgresql" in settings.DATABASES["default"]["ENGINE"]
