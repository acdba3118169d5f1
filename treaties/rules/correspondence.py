"""Which article a letter of the correspondence register is sent under. Pure: a rulebook and a
kind of letter in, a rule (or None: no provision, the letter is office procedure) out.

Used for the citation a generated letter names, the basis its log entry records and the article
its reply reminder (office policy) is cited to.
"""

from __future__ import annotations

from collections.abc import Callable

from treaties.rulebook.schema import DutyEvent
from treaties.rulebook.schema import Rule
from treaties.rulebook.schema import Rulebook


def _duty_or(event: DutyEvent, fallback: Callable[[Rulebook], Rule | None]
             ) -> Callable[[Rulebook], Rule | None]:
    def pick(rulebook: Rulebook) -> Rule | None:
        return rulebook.duty_for_event(event) or fallback(rulebook)
    return pick


# By ``CorrespondenceKind`` code. Additional information: CZ 9.2, SK 7.5, BR 22.4 (RS is silent:
# office procedure). Notices of refusal, deferral and partial execution: the duty to notify
# (CZ 9.5, SK 7.7, RS 5.4, 6.4, BR 3.4), else the article on reasons. Conditions: CZ 9.4,
# RS 6.3, BR 3.3. Results: the duty to report them (BR 24.9), else the answer's language (RS 4.2)
# or prompt execution (CZ 9.2, SK 7.5). A status inquiry asks for the information on progress
# the requested side owes when asked (BR 24.8); elsewhere it is office procedure.
_LETTER_RULES: dict[str, Callable[[Rulebook], Rule | None]] = {
    "request": lambda r: r.communication,
    "additional_info": lambda r: r.additional_information,
    "refusal_notice": _duty_or(DutyEvent.REFUSAL, lambda r: r.refusal_reasons),
    "partial_execution_notice": _duty_or(DutyEvent.PARTIAL_EXECUTION,
                                         lambda r: r.refusal_reasons),
    "deferral_notice": _duty_or(DutyEvent.DEFERRAL, lambda r: r.deferral_reasons),
    "conditions_notice": lambda r: r.conditions,
    "results_transmittal": _duty_or(DutyEvent.EXECUTION_FINISHED,
                                    lambda r: r.answer_language or r.prompt_execution),
    "status_inquiry": lambda r: r.duty_for_event(DutyEvent.PROGRESS_ASKED),
}


def letter_rule(rulebook: Rulebook, kind: str) -> Rule | None:
    """The article a letter of ``kind`` is sent under; None where the instrument has no
    provision on it (acknowledgements, replies, other letters; RS additional information)."""
    pick = _LETTER_RULES.get(kind)
    return pick(rulebook) if pick else None


def status_inquiry_rule(rulebook: Rulebook) -> Rule:
    """What a status inquiry serves: the information on progress owed when asked (BR 24.8),
    else the requested side's duty to execute promptly (CZ 9.2, SK 7.5, RS 6.5), else the
    article on communication between the central authorities."""
    return (rulebook.duty_for_event(DutyEvent.PROGRESS_ASKED) or rulebook.prompt_execution
            or rulebook.requested_execution_date_reasoned or rulebook.communication)
