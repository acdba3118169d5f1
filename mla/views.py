"""Error pages: the API answers its errors in JSON, in the same shape as the exception handler
(``requests_app.api.errors``), even for URLs that never reach a view (an id that is not a number,
an unknown path under /api/)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _api_error(kind: str, detail: str, status: int) -> JsonResponse:
    return JsonResponse({"type": kind, "detail": detail, "errors": {}, "violations": []},
                        status=status)


def not_found(request, exception=None):
    if _is_api(request):
        return _api_error("not_found", _("Not found."), 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return _api_error("server_error", _("Server error."), 500)
    return defaults.server_error(request)
