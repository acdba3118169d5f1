"""Requests and the facts recorded about them, one module per part of the domain:

* ``request``: ``AssistanceRequest`` and its state graph;
* ``records``: persons, translations, originals, proofs of service, consultations, decisions,
  handed-over items, detainee transfers, the personal-data register;
* ``deadlines``: ``Deadline`` rows with their read policies, notification events and inbox entries;
* ``duties``: notices and acts a treaty obliges once an event happens (``TreatyDuty``);
* ``audit``: the append-only ``TransitionLog`` and the basis each row names (``LogBasis``);
* ``access``: the append-only ``AccessRecord`` of every view and download (who looked);
* ``office``: office memberships, attachments and internal notes;
* ``correspondence``: letters sent and received on a request, and the office's letter templates;
* ``documents``: the request letter frozen at submission, approval and transmission;
* ``registers``: use conditions and consents, spontaneous information, personal-data notices
  and reports, costs, counterpart notices and the register log.

Nothing here is written directly by views or tasks: every change goes through
``requests_app.services``, which checks permission, runs the state transition, writes the
transition log and recomputes deadlines in one transaction. Every model is importable from
``requests_app.models``, as Django expects of an app's models.
"""

from .access import ACCESS_LABEL_MAX_LENGTH
from .access import AccessChannel
from .access import AccessKind
from .access import AccessRecord
from .audit import BASIS_KEY
from .audit import AppendOnlyError
from .audit import AppendOnlyQuerySet
from .audit import LogBasis
from .audit import LogBasisKind
from .audit import TransitionLog
from .audit import log_chain_hash
from .correspondence import LETTER_BODY_MAX_LENGTH
from .correspondence import LETTER_REFERENCE_MAX_LENGTH
from .correspondence import MISSING_ITEMS_MAX_LENGTH
from .correspondence import Correspondence
from .correspondence import CorrespondenceKind
from .correspondence import LetterDirection
from .correspondence import LetterTemplate
from .deadlines import CASE_EVENT_KINDS
from .deadlines import DEADLINE_NOTIFICATION_KINDS
from .deadlines import NOTIFICATION_TEXT_MAX_LENGTH
from .deadlines import PROVISIONAL_STATES
from .deadlines import Deadline
from .deadlines import DeadlineBasis
from .deadlines import DeadlineQuerySet
from .deadlines import DeadlineStatus
from .deadlines import EmailOutcome
from .deadlines import Notification
from .deadlines import NotificationEvent
from .deadlines import NotificationKind
from .deadlines import NotificationPreference
from .deadlines import ResponsibleSide
from .deadlines import SupersededReason
from .deadlines import deadline_needing_action_q
from .deadlines import deadline_overdue_q
from .deadlines import deadline_relevant_q
from .deadlines import deadlines_provisional_for
from .deadlines import notification_kind_of_threshold
from .documents import LetterEvent
from .documents import LetterVersion
from .duties import DUTY_EVENT_LABELS
from .duties import DutyTrigger
from .duties import TreatyDuty
from .office import ATTACHMENT_CATEGORY
from .office import NOTE_MAX_LENGTH
from .office import SIGNATORY_TEXT_MAX_LENGTH
from .office import Attachment
from .office import AttachmentCategory
from .office import AttachmentKind
from .office import OfficeMembership
from .office import RequestNote
from .office import Signatory
from .office import attachment_upload_to
from .records import AssetMeasure
from .records import AssetMeasureKind
from .records import Consultation
from .records import ConsultationSubject
from .records import DataFlow
from .records import Decision
from .records import DecisionKind
from .records import DetaineeTransfer
from .records import HandedOverItem
from .records import ItemHolder
from .records import ItemReturnStatus
from .records import OnwardTransferConsent
from .records import OriginalDocument
from .records import PersonalDataTransfer
from .records import PersonRole
from .records import RequestPerson
from .records import ServiceProof
from .records import Translation
from .registers import ConsentStatus
from .registers import CostBearer
from .registers import CostItem
from .registers import CounterpartNotice
from .registers import CounterpartNoticeKind
from .registers import MaterialKind
from .registers import MaterialUse
from .registers import MaterialUseKind
from .registers import PersonalDataAction
from .registers import PersonalDataNotice
from .registers import PersonalDataNoticeKind
from .registers import PersonalDataUseReport
from .registers import RecipientKind
from .registers import RegisterLog
from .registers import SpontaneousInformation
from .registers import UseCondition
from .registers import UseConditionKind
from .registers import UseConsent
from .request import ACTIVE_STATES
from .request import CLOSED_STAGE_ORDER
from .request import DISPATCH_REFERENCE_MAX_LENGTH
from .request import FINAL_STATES
from .request import INBOX_STAGE_STATES
from .request import NO_DUE
from .request import WITHDRAWABLE_STATES
from .request import AssistanceRequest
from .request import Channel
from .request import Direction
from .request import ExecutionOutcome
from .request import FSMCondition
from .request import RequestState
from .request import inbox_due_at_expression
from .request import inbox_due_at_for
from .request import is_incoming
from .request import is_outgoing
from .request import provides_conditions
from .request import provides_deferral
from .request import provides_oral_requests
from .request import provides_return_of_items
from .request import results_sent_unless_incoming

__all__ = [
    "CLOSED_STAGE_ORDER",
    "AssetMeasure",
    "AssetMeasureKind",
    "INBOX_STAGE_STATES",
    "NO_DUE",
    "inbox_due_at_expression",
    "inbox_due_at_for",
    "ACCESS_LABEL_MAX_LENGTH",
    "AccessChannel",
    "AccessKind",
    "AccessRecord",
    "LETTER_BODY_MAX_LENGTH",
    "LETTER_REFERENCE_MAX_LENGTH",
    "MISSING_ITEMS_MAX_LENGTH",
    "Correspondence",
    "CorrespondenceKind",
    "LetterDirection",
    "LetterTemplate",
    "ATTACHMENT_CATEGORY",
    "NOTE_MAX_LENGTH",
    "RequestNote",
    "SIGNATORY_TEXT_MAX_LENGTH",
    "Signatory",
    "ConsentStatus",
    "CostBearer",
    "CostItem",
    "CounterpartNotice",
    "CounterpartNoticeKind",
    "MaterialKind",
    "MaterialUse",
    "MaterialUseKind",
    "PersonalDataAction",
    "PersonalDataNotice",
    "PersonalDataNoticeKind",
    "PersonalDataUseReport",
    "RecipientKind",
    "RegisterLog",
    "SpontaneousInformation",
    "UseCondition",
    "UseConditionKind",
    "UseConsent",
    "ACTIVE_STATES",
    "DISPATCH_REFERENCE_MAX_LENGTH",
    "LetterEvent",
    "LetterVersion",
    "AppendOnlyError",
    "AppendOnlyQuerySet",
    "AssistanceRequest",
    "BASIS_KEY",
    "Attachment",
    "AttachmentCategory",
    "AttachmentKind",
    "Channel",
    "Consultation",
    "ConsultationSubject",
    "DataFlow",
    "Deadline",
    "DeadlineBasis",
    "DeadlineQuerySet",
    "DeadlineStatus",
    "Decision",
    "DecisionKind",
    "DUTY_EVENT_LABELS",
    "DetaineeTransfer",
    "DutyTrigger",
    "Direction",
    "ExecutionOutcome",
    "FINAL_STATES",
    "FSMCondition",
    "HandedOverItem",
    "ItemHolder",
    "ItemReturnStatus",
    "LogBasis",
    "LogBasisKind",
    "CASE_EVENT_KINDS",
    "DEADLINE_NOTIFICATION_KINDS",
    "EmailOutcome",
    "NOTIFICATION_TEXT_MAX_LENGTH",
    "Notification",
    "NotificationEvent",
    "NotificationKind",
    "NotificationPreference",
    "notification_kind_of_threshold",
    "OfficeMembership",
    "OnwardTransferConsent",
    "OriginalDocument",
    "PersonRole",
    "PersonalDataTransfer",
    "RequestPerson",
    "RequestState",
    "ResponsibleSide",
    "ServiceProof",
    "TransitionLog",
    "log_chain_hash",
    "TreatyDuty",
    "Translation",
    "WITHDRAWABLE_STATES",
    "attachment_upload_to",
    "deadline_needing_action_q",
    "deadline_overdue_q",
    "deadline_relevant_q",
    "deadlines_provisional_for",
    "SupersededReason",
    "PROVISIONAL_STATES",
    "is_incoming",
    "is_outgoing",
    "provides_conditions",
    "provides_deferral",
    "provides_oral_requests",
    "provides_return_of_items",
    "results_sent_unless_incoming",
]
