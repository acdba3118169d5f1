"""One mapping from the services' domain errors to web answers, with the API's status codes.

Every page that calls a service wraps the call in ``service_call``::

    with service_call(form) as call:
        some_service(actor=request.user, ...)
    if call.failed:
        return render(request, template, context, status=call.status)

A request the user may not see answers 404 (``Http404``), as everywhere. Any other domain error
is caught and kept: its status is the exception's own ``http_status`` (403 role, 409 changed
meanwhile or not available now, 422 a treaty rule, 400 invalid input), the messages the page
shows, the rule violations with their citations, and the form's fields carry the errors that
name them.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from functools import wraps
from types import TracebackType
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.http import HttpRequest
from django.http import HttpResponse
from django.utils.translation import gettext as _

from treaties.rules.violations import Violation

from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..exceptions import RequestDomainError
from ..exceptions import RequestNotFound
from ..exceptions import RuleViolation
from ..words import citation_text


def form_add_service_errors(form: forms.Form, error: RequestDomainError,
                            aliases: Mapping[str, str] | None = None) -> None:
    """Put what a service said next to the fields it names. ``aliases`` maps the service's
    names to the form's (``executing_authority`` → ``executing_authority_id``); an invalid input
    that names no field becomes an error of the whole form. A rule violation that names a field
    is shown there too, with its citation (the page also lists every violation)."""
    aliases = aliases or {}

    def target(name: str) -> str | None:
        name = aliases.get(name, name)
        return name if name in form.fields and name != "version" else None

    if isinstance(error, InvalidInput):
        for name, message in error.errors.items():
            form.add_error(target(name), message)
    elif isinstance(error, RuleViolation):
        for violation in error.violations:
            name = target(violation.field)
            if name is not None:
                citation = f" ({citation_text(violation.citation)})" if violation.citation else ""
                form.add_error(name, f"{violation.message}{citation}")


@dataclass
class ServiceCall:
    """The outcome of one service call on a page (see the module docstring)."""

    form: forms.Form | None = None
    aliases: Mapping[str, str] = field(default_factory=dict)
    status: int = 200
    messages: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    error: RequestDomainError | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    def __enter__(self) -> ServiceCall:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> bool:
        if isinstance(exc, RequestNotFound):
            raise Http404(_("No such request.")) from None
        if not isinstance(exc, RequestDomainError):
            return False
        self.error, self.status = exc, exc.http_status
        if isinstance(exc, RuleViolation):
            self.violations = list(exc.violations)
        elif isinstance(exc, InvalidInput) and self.form is None:
            self.messages = [str(message) for message in exc.errors.values()]
        elif not isinstance(exc, InvalidInput):
            self.messages = [str(exc.message)]
        if self.form is not None:
            form_add_service_errors(self.form, exc, self.aliases)
        return True


def service_call(form: forms.Form | None = None,
                 aliases: Mapping[str, str] | None = None) -> ServiceCall:
    """``aliases`` default to the form's own ``error_fields``, where it declares them."""
    if aliases is None:
        aliases = getattr(form, "error_fields", None) or {}
    return ServiceCall(form=form, aliases=dict(aliases))


def domain_errors_as_pages(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A view's last line of defence: RequestNotFound → 404 and ActionNotPermitted → 403 pages
    for whatever a view reads or checks outside ``service_call``."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except RequestNotFound:
            raise Http404(_("No such request.")) from None
        except ActionNotPermitted as exc:
            raise PermissionDenied(str(exc.message)) from None

    return wrapper


# The status of a page showing a form that did not validate: the same as a service's
# InvalidInput (the API answers 400 to a body its serializer refuses).
INVALID_FORM_STATUS = InvalidInput.http_status
