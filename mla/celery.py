"""Celery application.

With no CELERY_BROKER_URL the broker is an embedded filesystem transport under var/broker, so a
fresh clone runs a real worker and beat with no server. CELERY_BROKER_URL=redis://... switches to
Redis. Deadlines are never parked as delayed broker messages: they are database rows swept by beat.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mla.settings")

app = Celery("mla")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
