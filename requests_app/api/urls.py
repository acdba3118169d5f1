"""API routes: one module per area, each with its own ``urlpatterns``."""

from django.urls import include
from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from drf_spectacular.views import SpectacularSwaggerSplitView

from statistics_app import api as statistics_api

from . import access_log
from . import attachments
from . import correspondence
from . import deadlines
from . import documents
from . import incoming
from . import instruments
from . import log
from . import notes
from . import notifications
from . import people
from . import readiness
from . import records
from . import registers
from . import requests
from . import signatories
from . import transitions
from .auth import TokenObtainView

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its script as a file: the Content-Security-Policy allows no inline one.
    # The split view serves its script as a file: the Content-Security-Policy allows no inline one.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("auth/token/", TokenObtainView.as_view(), name="api-token"),
    path("", include(instruments.urlpatterns)),
    path("", include(statistics_api.urlpatterns)),
    path("", include(incoming.urlpatterns)),
    path("", include(people.urlpatterns)),
    path("", include(signatories.urlpatterns)),
    path("", include(requests.urlpatterns)),
    path("", include(attachments.urlpatterns)),
    path("", include(correspondence.urlpatterns)),
    path("", include(documents.urlpatterns)),
    path("", include(transitions.urlpatterns)),
    path("", include(readiness.urlpatterns)),
    path("", include(log.urlpatterns)),
    path("", include(access_log.urlpatterns)),
    path("", include(notes.urlpatterns)),
    path("", include(records.urlpatterns)),
    path("", include(registers.urlpatterns)),
    path("", include(deadlines.urlpatterns)),
    path("", include(notifications.urlpatterns)),
]
