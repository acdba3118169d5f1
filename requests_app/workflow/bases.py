"""The provisions logged steps are taken under, where no single rulebook field names them.

Every row of a request's log names its basis (``models.LogBasis``): the article of the request's
instrument the step is taken under, or office procedure where that instrument has no provision on
the step. Most steps are named by a rulebook field (``communication``, ``oral_requests``,
``refusal_reasons``, ``return_of_items``...). The steps below are governed by provisions that each
instrument keeps among its other rules, under a code of its own wording; they are looked up here
by code, in order of preference. An instrument with none of the codes is silent on the step, and
the step is office procedure under it (as forwarding is under RS and SK, whose texts say nothing of
passing a request on to the executing authority).

Checked against the texts in ``/work/shared/treaties`` (see ``docs/rule-table.md``, "Citations in
the audit log").
"""

from __future__ import annotations

from treaties.rulebook.schema import Rule
from treaties.rulebook.schema import Rulebook

# Executing the request: BR 24.1 (executes promptly; the competent authorities do all they can),
# RS 6.1 (executed under the requested state's law), SK 7.5 (without delay), CZ 9.2 (respond
# urgently).
EXECUTION = ("prompt_execution", "execution_under_requested_law", "urgent_execution",
             "urgent_response")
# Passing an incoming request on to the authority that executes it: CZ 9.2 (to the competent
# authority), BR 24.1 (the central authority passes it to the competent authorities).
FORWARDING = ("forwarding_to_competent_authority", "prompt_execution")
# Sending the results back: BR 24.9 (results reported without delay), RS 4.2 (answers with their
# attachments, in the requested state's language with an English translation), CZ 9.2 (respond
# urgently), SK 7.5 (carry out the request without delay).
RESULTS = ("results_notified", "answer_language", "urgent_response", "urgent_execution")
# Proof of service: RS 8.2 (signed and sealed confirmation, or the reasons for non-service),
# BR 6.3 (confirmation in the form asked for).
PROOF_OF_SERVICE = ("proof_of_service",)
# A consultation by subject (``ConsultationSubject`` values): about confidentiality RS 7.1, BR 5.1;
# about extraordinary costs RS 17.2, BR 27.4, and the case-by-case cost arrangement CZ 12, SK 11;
# any other question of a case BR 29.1.
CONFIDENTIALITY = ("confidentiality",)
COSTS = ("extraordinary_costs", "costs")
CASE_CONSULTATION = ("consultations",)


def rule_named(rulebook: Rulebook, codes: tuple[str, ...]) -> Rule | None:
    """The instrument's rule with the first of ``codes`` it has; None when it has none."""
    by_code = {rule.code: rule for rule in rulebook.rules()}
    return next((by_code[code] for code in codes if code in by_code), None)


def execution_rule(rulebook: Rulebook) -> Rule | None:
    return rule_named(rulebook, EXECUTION)


def forwarding_rule(rulebook: Rulebook) -> Rule | None:
    return rule_named(rulebook, FORWARDING)


def results_rule(rulebook: Rulebook) -> Rule | None:
    return rule_named(rulebook, RESULTS)


def proof_of_service_rule(rulebook: Rulebook) -> Rule | None:
    return rule_named(rulebook, PROOF_OF_SERVICE)


def decision_consultation_rule(rulebook: Rulebook) -> Rule | None:
    """Consulting the other side on how the request will be executed, before a refusal,
    deferral or conditions: RS 5.3 (before any refusal), BR 3.3 (on conditions, before refusing
    or deferring); RS 6.3 where only deferral calls for it."""
    return (rulebook.refusal_consultation or rulebook.deferral_consultation
            or rulebook.conditions_consultation
            or rulebook.deferral_after_partial_or_conditional_decision)


def consultation_rule(rulebook: Rulebook, subject: str) -> Rule | None:
    """The article a consultation on ``subject`` is held under.

    Refusal: RS 5.3, BR 3.3. Deferral and conditions: BR 3.3, RS 6.3 ("after possible
    consultations"). CZ 9.4 lets the requested side set conditions without consulting, and
    neither police agreement provides a consultation before refusing: office procedure there.
    """
    if subject == "refusal":
        # BR 3.3: the consultation held before a possible refusal serves the consideration of
        # assisting on conditions.
        return rulebook.refusal_consultation or rulebook.conditions_consultation
    if subject in ("deferral", "conditions"):
        return (rulebook.deferral_consultation or rulebook.conditions_consultation
                or rulebook.deferral_after_partial_or_conditional_decision)
    if subject == "confidentiality":
        return rule_named(rulebook, CONFIDENTIALITY)
    if subject == "costs":
        return rule_named(rulebook, COSTS)
    return rule_named(rulebook, CASE_CONSULTATION)
