"""The project's URLs plus ``/bench/bare/``, a view that returns a tiny response: the floor of
``scripts/bench_scale.py``'s throughput figures (the same server, workers and middleware, no
query and no template). Mounted only by ``scripts/bench_scale_settings.py``."""

from django.http import HttpRequest
from django.http import HttpResponse
from django.urls import include
from django.urls import path

BARE_PATH = "/bench/bare/"


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path(BARE_PATH.strip("/") + "/", bare, name="bench_bare"),
    path("", include("mla.urls")),
]
