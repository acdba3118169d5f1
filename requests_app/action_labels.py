"""What a step of a request is called: a command on its button, the act done (past tense) in the
log and the timeline, and, on an outgoing request, the other side's acts named as theirs ("Record
Brazil's refusal" on the button, "Brazil refused" in the timeline).

The transitions' words are declared on their specs (``workflow.specs``); the log's other entries
(facts recorded by the services) are named here. Shared by the request page and the log API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy

from .models import Direction
from .workflow.specs import CATALOGUE

if TYPE_CHECKING:
    from .models import AssistanceRequest

# What the log's non-transition entries mean (the services' action codes).
LOG_ACTION_LABELS = {
    "create": gettext_lazy("Draft created"),
    "register": gettext_lazy("Incoming request registered"),
    "update": gettext_lazy("Contents edited"),
    "person_add": gettext_lazy("Person added"),
    "person_update": gettext_lazy("Person corrected"),
    "person_remove": gettext_lazy("Person removed"),
    "attachment_added": gettext_lazy("Attachment added"),
    "counterpart_notice_recorded": gettext_lazy("Notice from the other side recorded"),
    "spontaneous_information_recorded": gettext_lazy("Spontaneous information recorded"),
    "note_added": gettext_lazy("Internal note added"),
    "appearance_date_changed": gettext_lazy("Appearance date changed"),
    "shorter_summons_term_agreed": gettext_lazy("Shorter summons term agreed"),
    "written_confirmation_recorded": gettext_lazy("Written confirmation recorded"),
    "translation_recorded": gettext_lazy("Translation recorded"),
    "original_recorded": gettext_lazy("Original recorded"),
    "deadline_waived": gettext_lazy("Missed deadline waived"),
    "owner_changed": gettext_lazy("Owner changed"),
    "original_updated": gettext_lazy("Original updated"),
    "service_proof_recorded": gettext_lazy("Proof of service recorded"),
    "consultation_recorded": gettext_lazy("Consultation recorded"),
    "partial_or_conditional_considered": gettext_lazy(
        "Partial or conditional execution considered"),
    "item_recorded": gettext_lazy("Handed-over item recorded"),
    "item_returned": gettext_lazy("Item returned"),
    "item_return_waived": gettext_lazy("Return of an item waived"),
    "transfer_recorded": gettext_lazy("Detainee transfer recorded"),
    "transfer_extended": gettext_lazy("Return term extended"),
    "transfer_release_date_changed": gettext_lazy("Release date changed"),
    "transfer_returned": gettext_lazy("Transferred person returned"),
    "personal_data_recorded": gettext_lazy("Personal data registered"),
    "personal_data_deleted": gettext_lazy("Personal data deleted"),
    "onward_transfer_recorded": gettext_lazy("Onward transfer recorded"),
    "duty_triggered": gettext_lazy("Event obliging a notice recorded"),
    "duty_notice_recorded": gettext_lazy("Notice recorded"),
    "asset_sharing_term_extended": gettext_lazy("Asset-sharing term extended by agreement"),
    "asset_measure_recorded": gettext_lazy("Asset measure recorded"),
    "use_condition_recorded": gettext_lazy("Use condition recorded"),
    "use_consent_recorded": gettext_lazy("Consent to another use recorded"),
    "use_consent_answered": gettext_lazy("Answer to a consent recorded"),
    "material_use_recorded": gettext_lazy("Use for another purpose recorded"),
    "material_use_notified": gettext_lazy("Disclosure notified to the requested side"),
    "cost_item_recorded": gettext_lazy("Cost recorded"),
    "personal_data_notice_recorded": gettext_lazy("Notice of inaccurate personal data recorded"),
    "personal_data_notice_resolved": gettext_lazy("Personal data corrected or destroyed"),
    "personal_data_use_report_asked": gettext_lazy("Report on use asked for"),
    "personal_data_use_report_answered": gettext_lazy("Report on use sent"),
    "letter_sent": gettext_lazy("Letter sent"),
    "letter_received": gettext_lazy("Letter received"),
}


def counterpart_side(request: AssistanceRequest) -> str:
    """The requested state's name (active language) on an outgoing request, whose steps after
    transmission record that state's acts; empty on an incoming request, whose acts are ours."""
    if request.direction != Direction.OUTGOING:
        return ""
    authority = request.requested_authority
    return authority.state.name if authority is not None else ""


def action_label(code: str, side: str = "") -> str:
    """What a log entry's action means: a transition's act in the past tense (the other side's,
    named, where ``side`` is given and the step records theirs), a recorded fact's, or the code."""
    spec = CATALOGUE.get(code)
    if spec is not None:
        return spec.past_label(side)
    if code in LOG_ACTION_LABELS:
        return str(LOG_ACTION_LABELS[code])
    return code.replace("_", " ")
