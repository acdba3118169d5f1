"""Shared helpers for the request-service tests in this folder (not a test module)."""

from datetime import date
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from requests_app.models import AssistanceRequest
from requests_app.services import transitions as t
from tests.factories import clerk
from tests.factories import prosecutor
from tests.factories import supervisor

ALMATY = ZoneInfo("Asia/Almaty")
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=ALMATY)  # == "2026-03-02 10:00 +05:00"
TODAY = date(2026, 3, 2)


@pytest.fixture
def traveller():
    """Time frozen at NOW; ``traveller.shift(timedelta)`` moves it."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def desk():
    """A clerk of kz-gpo."""
    return clerk()


@pytest.fixture
def author():
    """A prosecutor of kz-gpo who drafts the request."""
    return prosecutor()


@pytest.fixture
def boss():
    """A supervisor who reviews it."""
    return supervisor()


def fresh(request) -> AssistanceRequest:
    """The request as stored now."""
    return AssistanceRequest.objects.get(pk=request.pk)


def only_violation(exc_info):
    """The single violation a RuleViolation carries (fails listing them all if there are more)."""
    violations = exc_info.value.violations
    assert len(violations) == 1, [v.as_dict() for v in violations]
    return violations[0]


def cited(exc_info) -> tuple[str, ...]:
    """(rule code, article reference, field) of the single violation a RuleViolation carries."""
    violation = only_violation(exc_info)
    return violation.rule, violation.citation.reference, violation.field


def rules_of(exc_info) -> set[tuple[str, str]]:
    """(rule code, article reference) of every violation a RuleViolation carries."""
    return {(v.rule, v.citation.reference if v.citation else "") for v in exc_info.value.violations}


# Drafts left incomplete on purpose (to meet the transmit guard) go to review on the office's
# override (office policy: a complete draft needs none).
OVERRIDE = {"override_incomplete": True,
            "override_reason": "Left incomplete to meet the transmit guard."}


def to_ready(request, author, boss):
    """Drafting -> under review -> ready, through the services."""
    t.request_submit_for_review(request_id=request.pk, actor=author, params=OVERRIDE)
    return t.request_approve(request_id=request.pk, actor=boss)
