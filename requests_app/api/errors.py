"""One error shape for the whole API.

    {"type": "...", "detail": "human message", "errors": {field: [messages]},
     "violations": [{"rule", "citation", "instrument", "article", "message", "field"}]}

Domain errors map to HTTP: RequestNotFound 404, ActionNotPermitted 403, ConcurrentModification 409
(with the current version), TransitionNotAvailable 409, RuleViolation 422, InvalidInput 400. Any
other exception is left to DRF (and, if unhandled, logged as a server error).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from ..exceptions import ActionNotPermitted
from ..exceptions import ConcurrentModification
from ..exceptions import InvalidInput
from ..exceptions import RequestDomainError
from ..exceptions import RequestNotFound
from ..exceptions import RuleViolation
from ..exceptions import TransitionNotAvailable


def _body(kind: str, detail, **extra) -> dict:
    return {"type": kind, "detail": str(detail), "errors": {}, "violations": [], **extra}


def _listify(errors) -> dict[str, list[str]]:
    if isinstance(errors, dict):
        return {str(k): [str(m) for m in (v if isinstance(v, (list, tuple)) else [v])]
                for k, v in errors.items()}
    return {"non_field_errors": [str(m) for m in (errors if isinstance(errors, list) else [errors])]}


def _domain_body(exc: RequestDomainError) -> dict:
    if isinstance(exc, RequestNotFound):
        return _body("not_found", _("Not found."))
    if isinstance(exc, ActionNotPermitted):
        return _body("forbidden", exc.message)
    if isinstance(exc, ConcurrentModification):
        return _body("conflict", exc.message, current_version=exc.actual)
    if isinstance(exc, TransitionNotAvailable):
        return _body("transition_not_available", exc.message, transition=exc.name,
                     state=exc.state)
    if isinstance(exc, RuleViolation):
        return _body("rule_violation", exc.message,
                     violations=[v.as_dict() for v in exc.violations])
    if isinstance(exc, InvalidInput):
        return _body("validation_error", exc.message, errors=_listify(exc.errors))
    return _body("error", exc.message or str(exc))


def api_exception_handler(exc, context):
    if isinstance(exc, RequestDomainError):
        return Response(_domain_body(exc), status=exc.http_status)
    if isinstance(exc, ValidationError):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return Response(_body("validation_error", _("Invalid input."), errors=_listify(errors)),
                        status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    kinds = {400: "validation_error", 401: "not_authenticated", 403: "forbidden",
             404: "not_found", 405: "method_not_allowed", 406: "not_acceptable",
             415: "unsupported_media_type", 429: "throttled"}
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        body = _body("validation_error", _("Invalid input."), errors=_listify(data))
    else:
        detail = data.get("detail", "") if isinstance(data, dict) else data
        body = _body(kinds.get(response.status_code, "error"), detail)
    response.data = body
    return response
