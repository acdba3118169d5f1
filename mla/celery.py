"""Celery application.

With no CELERY_BROKER_URL the broker is an embedded filesystem transport under var/broker, so a
fresh clone runs a real worker and beat with no server. CELERY_BROKER_URL=redis://... switches to
Redis. Deadlines are never parked as delayed broker messages: they are database rows swept by beat.
"""

import os
import warnings

from celery import Celery
from celery.platforms import SecurityWarning

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mla.settings")

if os.environ.get("MLA_DEMO") == "1":
    # ``make demo`` in a container often runs as root; the warning is right for a server, noise
    # for a demo on the embedded broker. Only the demo's Procfile sets MLA_DEMO.
    warnings.filterwarnings("ignore", category=SecurityWarning,
                            message="You're running the worker with superuser privileges")

app = Celery("mla")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
