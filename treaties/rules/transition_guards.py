"""The guard of each transition of the request graph: may it run now, under this instrument, with
these facts and these parameters?

The transition catalogue (``requests_app.workflow``) names one of these per transition and the
transition service runs it under the row lock. Each is a pure function of the rulebook, the
request's facts and the context, composed from the checks in ``treaties.rules.guards``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.utils.translation import gettext_lazy as _

from treaties.rulebook.schema import Rulebook

from .facts import RequestFacts
from .guards import GuardContext
from .guards import check_answer_language
from .guards import check_answer_signed_and_sealed
from .guards import check_assistance_types
from .guards import check_closure
from .guards import check_conditions
from .guards import check_conditions_occasion
from .guards import check_contents
from .guards import check_deferral
from .guards import check_instrument_allows_continuation
from .guards import check_instrument_open_for_new_requests
from .guards import check_items_outstanding
from .guards import check_oral_request
from .guards import check_partial_execution
from .guards import check_refusal
from .guards import check_requested_execution_date
from .guards import check_summons_lead_time
from .guards import check_translation
from .readiness import request_readiness
from .violations import OFFICE_POLICY
from .violations import Violation

Guard = Callable[[Rulebook, RequestFacts, GuardContext], list[Violation]]


def _param(ctx: GuardContext, name: str) -> str:
    value = ctx.params.get(name)
    return value if isinstance(value, str) else ""


def _complete(rulebook: Rulebook, facts: RequestFacts) -> list[Violation]:
    return (check_contents(rulebook, facts) + check_translation(rulebook, facts)
            + check_requested_execution_date(rulebook, facts))


def guard_continuing(rulebook: Rulebook, facts: RequestFacts, ctx: GuardContext) -> list[Violation]:
    """Work goes on only while the instrument allows it (CZ 17 suspension, RS 22.5, BR 30.4)."""
    return check_instrument_allows_continuation(rulebook, ctx.status, facts.opened_on)


def guard_submit_for_review(rulebook: Rulebook, facts: RequestFacts,
                            ctx: GuardContext) -> list[Violation]:
    """Office policy, not a treaty rule: a draft goes to review complete, i.e. with no content item
    and no translation missing that ``request_readiness`` lists against its transmission (the
    checklist's "missing"; the summons lead time and the like are the reviewer's and the
    transmit guard's), unless the drafter overrides the
    check with a reason (which the reviewer then reads). Blocked, it answers with every item
    missing (their articles) and the office's own rule, which cites no article."""
    readiness = request_readiness(rulebook, facts, ctx.status, ctx.today)
    missing = [*readiness.contents_missing, *readiness.translation]
    if not missing:
        return []
    if ctx.params.get("override_incomplete") is True and _param(ctx, "override_reason").strip():
        return []
    return [*missing, Violation("office_submit_complete", None, _(
        "The office sends a draft to review only when the checklist is complete; otherwise "
        "submit it anyway with the reason why. The treaty does not require it."),
        "override_incomplete", OFFICE_POLICY)]


def guard_transmit(rulebook: Rulebook, facts: RequestFacts, ctx: GuardContext) -> list[Violation]:
    """Transmission: everything ``request_readiness`` lists for an outgoing request."""
    return list(request_readiness(rulebook, facts, ctx.status, ctx.today).violations)


def guard_transmit_orally(rulebook: Rulebook, facts: RequestFacts,
                          ctx: GuardContext) -> list[Violation]:
    return (check_instrument_open_for_new_requests(rulebook, ctx.status)
            + check_assistance_types(rulebook, facts.assistance_types)
            + check_oral_request(rulebook, facts.is_urgent))


def guard_confirm_in_writing(rulebook: Rulebook, facts: RequestFacts,
                             ctx: GuardContext) -> list[Violation]:
    """Our written confirmation is the written request: complete and within the summons lead
    time. Theirs lets work go on while the instrument allows it."""
    if facts.outgoing:
        return _complete(rulebook, facts) + check_summons_lead_time(rulebook, facts, ctx.today)
    return guard_continuing(rulebook, facts, ctx)


def guard_forward(rulebook: Rulebook, facts: RequestFacts, ctx: GuardContext) -> list[Violation]:
    if facts.state == "oral_pending_confirmation":
        # An urgent oral request is executed before the written request with its contents
        # arrives (CZ 9.1, SK 7.4); the completeness check applies to the written request.
        return guard_continuing(rulebook, facts, ctx)
    return guard_continuing(rulebook, facts, ctx) + _complete(rulebook, facts)


def guard_refuse(rulebook: Rulebook, facts: RequestFacts, ctx: GuardContext) -> list[Violation]:
    return check_refusal(rulebook, facts, ground=_param(ctx, "ground"),
                         reasons=_param(ctx, "reasons"), today=ctx.today, office=ctx.office)


def guard_defer(rulebook: Rulebook, facts: RequestFacts, ctx: GuardContext) -> list[Violation]:
    return check_deferral(rulebook, facts, ground=_param(ctx, "ground"),
                          reasons=_param(ctx, "reasons"), today=ctx.today, office=ctx.office)


def guard_set_conditions(rulebook: Rulebook, facts: RequestFacts,
                         ctx: GuardContext) -> list[Violation]:
    accepted_on = ctx.params.get("accepted_on")
    return (guard_continuing(rulebook, facts, ctx)
            + check_conditions_occasion(rulebook, facts, ctx.today)
            + check_conditions(rulebook, conditions=_param(ctx, "conditions"),
                               accepted_on=accepted_on if isinstance(accepted_on, date) else None))


def guard_record_execution(rulebook: Rulebook, facts: RequestFacts,
                           ctx: GuardContext) -> list[Violation]:
    return guard_continuing(rulebook, facts, ctx) + check_partial_execution(
        rulebook, facts, outcome=_param(ctx, "outcome"), reasons=_param(ctx, "reasons"),
        office=ctx.office)


def guard_transmit_results(rulebook: Rulebook, facts: RequestFacts,
                           ctx: GuardContext) -> list[Violation]:
    """Our answer as the requested side goes in the language the treaty sets (RS 4.2: ours with
    an English translation; BR 23.2: English), while the instrument allows the work to go on."""
    translated = frozenset({"en"}) if ctx.params.get("answer_translated_into_english") else frozenset()
    return (guard_continuing(rulebook, facts, ctx)
            + check_answer_language(rulebook, facts, language=_param(ctx, "answer_language"),
                                    translated_into=translated)
            + check_answer_signed_and_sealed(
                rulebook, facts, signed_and_sealed=bool(ctx.params.get("answer_signed_and_sealed"))))


def guard_await_return_of_items(rulebook: Rulebook, facts: RequestFacts,
                                ctx: GuardContext) -> list[Violation]:
    return check_items_outstanding(rulebook, facts)


def guard_close(rulebook: Rulebook, facts: RequestFacts, ctx: GuardContext) -> list[Violation]:
    return check_closure(rulebook, facts)
