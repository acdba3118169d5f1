"""Domain errors, and the HTTP status each one means (``http_status``).

The API (``api/errors.py``) and the web pages (``views/errors.py``) both answer with that
status, so an error means the same on either side: 404 not found or not visible, 403 role, 409
changed meanwhile or not available now, 422 a treaty rule blocks it, 400 invalid input."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from treaties.rules.violations import Violation

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class RequestDomainError(Exception):
    http_status = 400
    # For people, in the active language once rendered with ``str()``.
    message: StrOrPromise = ""


class RequestNotFound(RequestDomainError):
    """The request does not exist or the user may not see it: the same answer for both, so nobody
    learns that a confidential request exists."""

    http_status = 404


class ActionNotPermitted(RequestDomainError):
    http_status = 403

    def __init__(self, message: StrOrPromise | None = None) -> None:
        self.message = message or _("Your role does not allow this action.")
        super().__init__(self.message)


class TransitionNotAvailable(RequestDomainError):
    """The transition is not part of this request's graph from its current state."""

    http_status = 409

    def __init__(self, name: str, state: str) -> None:
        self.name, self.state = name, state
        self.message = _("This action is not available in the request's current state.")
        super().__init__(f"{name} is not available from {state}")


class ConcurrentModification(RequestDomainError):
    http_status = 409

    def __init__(self, expected: int | None, actual: int) -> None:
        self.expected, self.actual = expected, actual
        self.message = _("Someone else changed this request meanwhile; reload it and try again.")
        super().__init__(f"expected version {expected}, found {actual}")


class RuleViolation(RequestDomainError):
    """A treaty rule blocks the action. Carries every violated rule with its citation."""

    http_status = 422

    def __init__(self, violations: list[Violation]) -> None:
        if not violations:
            raise ValueError("A rule violation names at least one violated rule.")
        self.violations = violations
        self.message = violations[0].message
        super().__init__("; ".join(f"{v.citation}: {v.message}" for v in violations))

    def as_dict(self) -> dict[str, list[dict[str, str]]]:
        return {"violations": [v.as_dict() for v in self.violations]}


class InvalidInput(RequestDomainError):
    """Input that is wrong regardless of any treaty (missing field, unknown code)."""

    http_status = 400

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        self.message = _("Invalid input.")
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
