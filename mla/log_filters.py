"""Logging filters for the dev server and the workers.

A 403 is an answer, not a fault: Django's ``django.request`` logger logs "Forbidden (Permission
denied)" with the exception's traceback (``log_response(..., exception=exc)``); a prosecutor
opening the dashboard printed a full traceback. The filter keeps the one-line warning and drops
the traceback for 403s; every other record is left as it is.
"""

from __future__ import annotations

import logging


class PermissionDeniedWithoutTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
