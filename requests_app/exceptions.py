"""Domain errors. Views and the API translate them: 404, 403, 409 and 422 respectively."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from treaties.rules.violations import Violation


class RequestDomainError(Exception):
    pass


class RequestNotFound(RequestDomainError):
    """The request does not exist or the user may not see it: the same answer for both, so nobody
    learns that a confidential request exists."""


class ActionNotPermitted(RequestDomainError):
    def __init__(self, message=None):
        super().__init__(message or _("Your role does not allow this action."))
        self.message = message or _("Your role does not allow this action.")


class TransitionNotAvailable(RequestDomainError):
    """The transition is not part of this request's graph from its current state."""

    def __init__(self, name: str, state: str):
        self.name, self.state = name, state
        self.message = _("This action is not available in the request's current state.")
        super().__init__(f"{name} is not available from {state}")


class ConcurrentModification(RequestDomainError):
    def __init__(self, expected: int | None, actual: int):
        self.expected, self.actual = expected, actual
        self.message = _("Someone else changed this request meanwhile; reload it and try again.")
        super().__init__(f"expected version {expected}, found {actual}")


class RuleViolation(RequestDomainError):
    """A treaty rule blocks the action. Carries every violated rule with its citation."""

    def __init__(self, violations: list[Violation]):
        assert violations
        self.violations = violations
        super().__init__("; ".join(f"{v.citation}: {v.message}" for v in violations))

    def as_dict(self) -> dict:
        return {"violations": [v.as_dict() for v in self.violations]}


class InvalidInput(RequestDomainError):
    """Input that is wrong regardless of any treaty (missing field, unknown code)."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
