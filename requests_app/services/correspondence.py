"""The correspondence register: letters sent to the other side (generated from the office's
templates, frozen, hashed) and letters received from it (registered with their attachments,
moving the request where they answer something), and the office's letter templates.

* ``correspondence_send``: generate the letter of one kind in kk, ru or en from its template
  (``LetterTemplate``, else the default text), freeze it as PDF and DOCX (``attachment_freeze``:
  the exact bytes sent, with their SHA-256), record it and log it under the article it is sent
  under (office procedure where the instrument has none), all in one ``request_change``. A
  notice a treaty duty obliges (refusal, deferral, partial execution, results) fulfils that duty.
  A reply date sets the "reply to our letter due" reminder (office policy, ``reply_due``
  deadline), met when the reply is registered.
* ``correspondence_register_received``: register a letter from the other side, with its files
  (the same checks as every attachment, kind "correspondence"). A reply to our request for
  additional information on an incoming request that awaits it then runs the
  ``supply_additional_info`` transition (guard, log, deadlines: ``services.transitions``); if the
  transition cannot run, the letter stays registered and the outcome says why. A reply to our
  letter meets its reminder (a status inquiry's included).
* ``correspondence_preview``: the letter as it would be sent, without recording anything.
* ``letter_template_save``: the office edits a template (supervisors and administrators); an
  unknown placeholder is refused with a clear error.

The request for additional information is two steps: the ``request_additional_info`` transition
pauses the request and records why (its reason); the letter that tells the other side what is
missing, with the reply date, is then sent with ``correspondence_send(kind="additional_info")``
(the request page offers it as soon as the request awaits additional information). The letter
may also be sent without pausing the request (asking for a detail while executing).

Notifications for "reply received" are not sent here: ``_reply_received`` is the integration
point, called after the commit for every letter registered as a reply.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from treaties.models import Authority
from treaties.rulebook.schema import DutyEvent
from treaties.rulebook.schema import Rule
from treaties.rules.calendar import start_of_day
from treaties.rules.correspondence import letter_rule

from .. import clock
from ..documents.letters.correspondence import LetterMeta
from ..documents.letters.correspondence import correspondence_letter_build
from ..documents.letters.correspondence import letter_values
from ..documents.letters.correspondence_texts import template_errors
from ..documents.letters.correspondence_texts import template_render
from ..documents.letters.docx import letter_docx_bytes
from ..documents.letters.layout import LETTER_LANGUAGES
from ..documents.letters.layout import Letter
from ..documents.letters.pdf import letter_pdf_bytes
from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..exceptions import RequestDomainError
from ..models import LETTER_BODY_MAX_LENGTH
from ..models import LETTER_REFERENCE_MAX_LENGTH
from ..models import MISSING_ITEMS_MAX_LENGTH
from ..models import AssistanceRequest
from ..models import Attachment
from ..models import AttachmentKind
from ..models import Channel
from ..models import Correspondence
from ..models import CorrespondenceKind
from ..models import Direction
from ..models import ExecutionOutcome
from ..models import LetterDirection
from ..models import LetterTemplate
from ..models import NotificationKind
from ..models import RequestState
from ..models import ResponsibleSide
from ..models import TreatyDuty
from ..models import deadlines_provisional_for
from ..models.correspondence import CORRESPONDENT_MAX_LENGTH
from ..models.correspondence import LETTER_SUBJECT_MAX_LENGTH
from ..roles import CASEWORKERS
from ..roles import Role
from ..roles import user_has_any_role
from ..selectors.correspondence import letter_template_text
from .attachments import attachment_check_file
from .attachments import attachment_freeze
from .attachments import attachment_store
from .attachments import files_removed_on_failure
from .changes import Change
from .changes import request_change
from .fact_rows import related_rows
from .notifications import notify_case_event
from .transitions import request_transition_run

K = CorrespondenceKind
# Who sends and registers letters: the request's clerks and prosecutors (supervisors and
# administrators step in); who edits the templates: supervisors and administrators.
LETTER_ROLES = CASEWORKERS
TEMPLATE_ROLES: tuple[Role, ...] = (Role.SUPERVISOR,)

# The letters the engine generates from templates (the request letter has its own layout).
# A subject line is checked like the text of a letter that is not the request letter.
SUBJECT_LINE = "subject"
GENERATED_KINDS: tuple[str, ...] = tuple(kind for kind in K.values if kind != K.REQUEST)
# The office edits the request letter's frame (subject, opening, closing) too.
TEMPLATE_KINDS: tuple[str, ...] = (K.REQUEST, *GENERATED_KINDS)
# What we write on each side of a request: as the requested side (incoming) we ask for
# information, acknowledge, notify decisions and send results; as the requesting side (outgoing)
# we ask how execution stands. Either side replies and writes other letters.
SENT_KINDS: dict[str, tuple[str, ...]] = {
    Direction.INCOMING: (K.ADDITIONAL_INFO, K.ACKNOWLEDGEMENT, K.REFUSAL_NOTICE,
                         K.PARTIAL_EXECUTION_NOTICE, K.DEFERRAL_NOTICE, K.CONDITIONS_NOTICE,
                         K.RESULTS_TRANSMITTAL, K.REPLY, K.OTHER),
    Direction.OUTGOING: (K.STATUS_INQUIRY, K.REPLY, K.OTHER),
}
# The treaty duty a notice letter fulfils (``TreatyDuty``, owed by Kazakhstan).
DUTY_OF_LETTER: dict[str, DutyEvent] = {
    K.REFUSAL_NOTICE: DutyEvent.REFUSAL,
    K.DEFERRAL_NOTICE: DutyEvent.DEFERRAL,
    K.PARTIAL_EXECUTION_NOTICE: DutyEvent.PARTIAL_EXECUTION,
    K.RESULTS_TRANSMITTAL: DutyEvent.EXECUTION_FINISHED,
}
LETTER_SENT = "letter_sent"
LETTER_RECEIVED = "letter_received"


# --- templates -----------------------------------------------------------------------------------


def letter_template_check(*, subject: str, body: str, kind: str = "") -> None:
    """InvalidInput naming ``subject`` or ``body`` when either is empty, too long or uses a
    placeholder the engine does not know (or uses one in a way it does not render); with
    ``kind``, the body of the request letter must name ``{contents}`` once, and no other text
    may name it."""
    errors: dict[str, str] = {}
    for name, text, limit, text_kind in (
            ("subject", subject, LETTER_SUBJECT_MAX_LENGTH, SUBJECT_LINE if kind else ""),
            ("body", body, LETTER_BODY_MAX_LENGTH, kind)):
        if not (text or "").strip():
            errors[name] = str(_("This field is required."))
        elif len(text) > limit:
            errors[name] = str(_("At most %(limit)d characters.") % {"limit": limit})
        elif "\x00" in text:
            errors[name] = str(_("NUL characters are not allowed."))
        else:
            problems = template_errors(text, text_kind)
            if problems:
                errors[name] = " ".join(problems)
    if errors:
        raise InvalidInput(errors)


def letter_template_save(*, actor: User, kind: str, language: str, subject: str,
                         body: str) -> LetterTemplate:
    """Create or change the office's template of ``kind`` in ``language``. Supervisors and
    administrators only (ActionNotPermitted); InvalidInput on an unknown kind or language and
    on the texts (``letter_template_check``)."""
    if not user_has_any_role(actor, TEMPLATE_ROLES):
        raise ActionNotPermitted()
    if kind not in TEMPLATE_KINDS:
        raise InvalidInput({"kind": str(_("No letter of this kind is generated."))})
    if language not in LETTER_LANGUAGES:
        raise InvalidInput({"language": str(_("Choose Kazakh, Russian or English."))})
    letter_template_check(subject=subject, body=body, kind=kind)
    template, _created = LetterTemplate.objects.update_or_create(
        kind=kind, language=language,
        defaults={"subject": subject.strip(), "body": body.strip(), "updated_at": clock.now(),
                  "updated_by": actor})
    return template


# --- input checks --------------------------------------------------------------------------------
def _text(name: str, value: str | None, limit: int) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise InvalidInput({name: str(_("At most %(limit)d characters.") % {"limit": limit})})
    if "\x00" in text:
        raise InvalidInput({name: str(_("NUL characters are not allowed."))})
    return text


def _past_day(name: str, value: date | None, today: date) -> date:
    day = value or today
    if day > today:
        raise InvalidInput({name: str(_("This date is in the future."))})
    return day


def _channel(value: str | None) -> str:
    channel = value or ""
    if channel and channel not in Channel.values:
        raise InvalidInput({"channel": str(_("Unknown channel."))})
    if channel == Channel.ORAL:
        raise InvalidInput({"channel": str(_("A letter is not oral: choose how it was sent."))})
    return channel


def _attachments_of(request: AssistanceRequest, ids: Iterable[int] | None) -> list[Attachment]:
    wanted = sorted(set(ids or ()))
    found = list(Attachment.objects.filter(request=request, pk__in=wanted).order_by("id"))
    if len(found) != len(wanted):
        raise InvalidInput({"attachment_ids": str(_(
            "Only attachments of this request can go with its letter."))})
    return found


def _letter_of(request: AssistanceRequest, letter_id: int | None, direction: str,
               field: str) -> Correspondence | None:
    if letter_id is None:
        return None
    letter = Correspondence.objects.filter(pk=letter_id, request=request,
                                           direction=direction).first()
    if letter is None:
        raise InvalidInput({field: str(_("No such letter on this request."))})
    return letter


def _with_the_other_side(request: AssistanceRequest) -> None:
    """Letters go both ways once the request is with the other side: not on our draft."""
    if deadlines_provisional_for(direction=request.direction, state=request.state):
        raise InvalidInput({"kind": str(_("The request has not been transmitted yet: there is "
                                          "no correspondence on a draft."))})


def _kind_precondition(request: AssistanceRequest, kind: str) -> None:
    """A notice tells a decision that must be recorded first: the letter's text reads it."""
    kinds = {d.kind for d in related_rows(request, "decisions")}
    lacking: dict[str, bool] = {
        K.REFUSAL_NOTICE: "refusal" not in kinds,
        K.DEFERRAL_NOTICE: "deferral" not in kinds,
        K.CONDITIONS_NOTICE: "conditions" not in kinds,
        K.PARTIAL_EXECUTION_NOTICE: request.execution_outcome != ExecutionOutcome.PARTIAL,
        K.RESULTS_TRANSMITTAL: request.executed_at is None,
        K.STATUS_INQUIRY: request.transmitted_at is None,
    }
    if lacking.get(kind, False):
        raise InvalidInput({"kind": str(_(
            "Record the decision or step this letter tells of first (refusal, deferral, "
            "conditions, execution; transmission for a status inquiry)."))})


@dataclass(frozen=True)
class LetterDraft:
    """A letter as it will be sent: its facts, its text and its layout."""

    meta: LetterMeta
    subject: str
    body: str
    addressee: str
    letter: Letter


def _draft(request: AssistanceRequest, *, kind: str, language: str, sent_on: date | None,
           our_reference: str, their_reference: str, addressee: str, missing_items: str,
           reply_due_on: date | None, body_extra: str, today: date) -> LetterDraft:
    if kind not in GENERATED_KINDS:
        raise InvalidInput({"kind": str(_("Unknown kind of letter."))})
    if kind not in SENT_KINDS[request.direction]:
        raise InvalidInput({"kind": str(_("This is not a letter we send on a request of this "
                                          "direction."))})
    if language not in LETTER_LANGUAGES:
        raise InvalidInput({"language": str(_("Choose Kazakh, Russian or English."))})
    _with_the_other_side(request)
    _kind_precondition(request, kind)
    day = _past_day("sent_on", sent_on, today)
    our_reference = _text("our_reference", our_reference, LETTER_REFERENCE_MAX_LENGTH)
    their_reference = _text("their_reference", their_reference, LETTER_REFERENCE_MAX_LENGTH)
    addressee = _text("addressee", addressee, CORRESPONDENT_MAX_LENGTH)
    missing_items = _text("missing_items", missing_items, MISSING_ITEMS_MAX_LENGTH)
    body_extra = _text("body_extra", body_extra, LETTER_BODY_MAX_LENGTH)
    if kind == K.ADDITIONAL_INFO:
        errors = {}
        if not missing_items:
            errors["missing_items"] = str(_("Say what is missing."))
        if reply_due_on is None:
            errors["reply_due_on"] = str(_("Give the date a reply is expected by."))
        if errors:
            raise InvalidInput(errors)
    if kind == K.STATUS_INQUIRY and reply_due_on is None:
        reply_due_on = day + timedelta(days=settings.MLA_STATUS_INQUIRY_REPLY_DAYS)
    if reply_due_on is not None and reply_due_on <= day:
        raise InvalidInput({"reply_due_on": str(_("The reply date must be after the day the "
                                                  "letter is sent."))})
    rule: Rule | None = letter_rule(request.rulebook, kind)
    meta = LetterMeta(kind=kind, language=language, dated_on=day, our_reference=our_reference,
                      their_reference=their_reference, reply_due_on=reply_due_on,
                      missing_items=missing_items, rule=rule)
    subject_text, body_text = letter_template_text(kind, language)
    with translation.override(language):
        values = letter_values(request, meta)
    try:
        subject = template_render(subject_text, values)[:LETTER_SUBJECT_MAX_LENGTH]
        body = template_render(body_text, values)
    except ValueError as error:  # a template saved around the service (raw SQL, fixtures)
        raise InvalidInput({"kind": str(_("The office's template of this letter is invalid: "
                                          "%(error)s") % {"error": error})}) from None
    if body_extra:
        body = f"{body}\n\n{body_extra}"
    body = body[:LETTER_BODY_MAX_LENGTH]
    letter = correspondence_letter_build(request, meta, subject=subject, body=body,
                                         addressee=addressee)
    return LetterDraft(meta=meta, subject=subject, body=body, addressee=addressee,
                       letter=letter)


# --- preview -------------------------------------------------------------------------------------
def correspondence_preview(*, actor: User, request_id: int, kind: str, language: str,
                           sent_on: date | None = None, our_reference: str = "",
                           their_reference: str = "", addressee: str = "",
                           missing_items: str = "", reply_due_on: date | None = None,
                           body_extra: str = "") -> LetterDraft:
    """The letter ``correspondence_send`` would send with these inputs; nothing is recorded.
    Raises what ``correspondence_send`` raises about the inputs."""
    from ..access import access_request_by_id

    request = access_request_by_id(user=actor, request_id=request_id)
    if not user_has_any_role(actor, LETTER_ROLES):
        raise ActionNotPermitted()
    return _draft(request, kind=kind, language=language, sent_on=sent_on,
                  our_reference=our_reference, their_reference=their_reference,
                  addressee=addressee, missing_items=missing_items, reply_due_on=reply_due_on,
                  body_extra=body_extra, today=clock.today())


# --- sending -------------------------------------------------------------------------------------
PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _fulfil_duty(change: Change, actor: User, row: Correspondence) -> list[int]:
    """A notice letter fulfils the open duty of its event that Kazakhstan owes (CZ 9.5, SK 7.7,
    RS 5.4, 6.4, BR 3.4, 24.9): recorded as sent on the letter's day (not before the event)."""
    event = DUTY_OF_LETTER.get(row.kind)
    if event is None:
        return []
    done = []
    day = row.dated_on
    for duty in TreatyDuty.objects.filter(request=change.request, event=event.value,
                                          owed_by=ResponsibleSide.KAZAKHSTAN,
                                          fulfilled_at__isnull=True):
        at = change.now if day >= clock.today() else max(start_of_day(day), duty.triggered_at)
        duty.fulfilled_at, duty.fulfilled_by = min(at, change.now), actor
        duty.channel = row.channel
        duty.our_reference, duty.their_reference = row.our_reference, row.their_reference
        duty.notice_text = row.body
        duty.save()
        done.append(duty.pk)
    return done


def _name_in(authority: Authority, language: str) -> str:
    """An authority's name as the letter, written in ``language``, gives it."""
    with translation.override(language):
        return str(authority.name)


def correspondence_send(*, actor: User, request_id: int, kind: str, language: str,
                        channel: str = "", sent_on: date | None = None, our_reference: str = "",
                        their_reference: str = "", addressee: str = "", missing_items: str = "",
                        reply_due_on: date | None = None, body_extra: str = "",
                        in_reply_to_id: int | None = None,
                        attachment_ids: Sequence[int] | None = None,
                        expected_version: int | None = None) -> Correspondence:
    """Generate, freeze and record a letter we send on the request.

    ``sent_on`` defaults to today and cannot be in the future; ``reply_due_on`` must be after it
    (required for a request for additional information, with ``missing_items``; a status
    inquiry's defaults to ``MLA_STATUS_INQUIRY_REPLY_DAYS`` after it). ``attachment_ids`` name
    attachments of this request that go with the letter; ``in_reply_to_id`` a letter of theirs
    this one answers. Clerks and prosecutors (supervisors step in), on an open request.

    The PDF and the DOCX are stored as generated-letter attachments with their SHA-256, so the
    document recorded is the one sent whatever later edits do. Logged as ``letter_sent`` under
    the article the letter is sent under (office procedure where none). Raises InvalidInput,
    RequestNotFound, ActionNotPermitted, ConcurrentModification."""
    channel = _channel(channel)
    with files_removed_on_failure() as stored, request_change(
            actor=actor, request_id=request_id, action=LETTER_SENT, roles=LETTER_ROLES,
            expected_version=expected_version) as change:
        request = change.request
        draft = _draft(request, kind=kind, language=language, sent_on=sent_on,
                       our_reference=our_reference, their_reference=their_reference,
                       addressee=addressee, missing_items=missing_items,
                       reply_due_on=reply_due_on, body_extra=body_extra,
                       today=clock.today())
        answered = _letter_of(request, in_reply_to_id, LetterDirection.RECEIVED, "in_reply_to_id")
        attachments = _attachments_of(request, attachment_ids)
        meta = draft.meta
        number = request.correspondence.count() + 1
        name = f"{request.reference or request.pk}-{number:03d}-{kind}-{language}"
        pdf = attachment_freeze(request=request, actor=actor,
                                kind=AttachmentKind.GENERATED_LETTER, name=f"{name}.pdf",
                                content=letter_pdf_bytes(draft.letter), content_type=PDF_TYPE,
                                stored=stored)
        docx = attachment_freeze(request=request, actor=actor,
                                 kind=AttachmentKind.GENERATED_LETTER, name=f"{name}.docx",
                                 content=letter_docx_bytes(draft.letter), content_type=DOCX_TYPE,
                                 stored=stored)
        ours, theirs = (request.requesting_authority, request.requested_authority) if (
            request.direction == Direction.OUTGOING) else (request.requested_authority,
                                                           request.requesting_authority)
        row = Correspondence.objects.create(
            request=request, direction=LetterDirection.SENT, kind=kind, dated_on=meta.dated_on,
            channel=channel, our_reference=meta.our_reference or request.reference,
            their_reference=meta.their_reference or (answered.their_reference if answered
                                                     else request.their_reference),
            correspondent=(draft.addressee or _name_in(theirs, language))[
                :CORRESPONDENT_MAX_LENGTH],
            subject=draft.subject, body=draft.body, missing_items=meta.missing_items,
            in_reply_to=answered, reply_due_on=meta.reply_due_on, language=language,
            document=pdf, document_docx=docx, recorded_by=actor, recorded_at=change.now)
        row.attachments.set(attachments)
        change.cite(meta.rule)
        change.details = {
            "correspondence": row.pk, "kind": kind, "language": language,
            "sent_on": meta.dated_on.isoformat(), "from": _name_in(ours, language),
            "reply_due_on": meta.reply_due_on.isoformat() if meta.reply_due_on else None,
            "document": pdf.pk, "sha256": pdf.sha256, "docx_sha256": docx.sha256,
            "attachments": [a.pk for a in attachments],
            "duties_fulfilled": _fulfil_duty(change, actor, row)}
    return row


# --- receiving -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReceivedOutcome:
    """A letter registered, and what it did to the request: the transition it ran (``moved``)
    or why the request did not move although the letter answers our request for additional
    information (``not_moved``)."""

    correspondence: Correspondence
    moved: str = ""
    not_moved: str = ""


def _answers_additional_info(request: AssistanceRequest, answered: Correspondence | None) -> bool:
    return (answered is not None and answered.kind == K.ADDITIONAL_INFO
            and request.direction == Direction.INCOMING)


def correspondence_register_received(
        *, actor: User, request_id: int, kind: str, received_on: date | None = None,
        channel: str = "", their_reference: str = "", our_reference: str = "", sender: str = "",
        subject: str = "", summary: str = "", in_reply_to_id: int | None = None,
        uploaded_files: Sequence[UploadedFile] = (), attachment_ids: Sequence[int] | None = None,
        expected_version: int | None = None) -> ReceivedOutcome:
    """Register a letter received from the other side, with its files (each checked like every
    attachment and stored as "correspondence") and attachments of this request already held.

    ``received_on`` defaults to today and cannot be in the future. ``in_reply_to_id``: the letter
    of ours it answers; the reply meets that letter's reminder. A reply to our request for
    additional information on an incoming request that awaits it runs ``supply_additional_info``
    (its guard, log entry and deadlines) after the letter is registered; if that transition
    cannot run (not available in the request's state, a rule blocks it, the role may not run
    it), the letter stays registered and ``not_moved`` says why. Clerks and prosecutors
    (supervisors step in), on an open request.

    Raises InvalidInput (``uploaded_files`` for a refused file), RequestNotFound,
    ActionNotPermitted, ConcurrentModification."""
    channel = _channel(channel)
    if kind not in K.values:
        raise InvalidInput({"kind": str(_("Unknown kind of letter."))})
    files = list(uploaded_files or ())
    for uploaded in files:
        try:
            attachment_check_file(uploaded)
        except InvalidInput as error:
            message = next(iter(error.errors.values()))
            raise InvalidInput({"uploaded_files": f"{uploaded.name}: {message}"}) from None
    with transaction.atomic(), files_removed_on_failure() as stored:
        with request_change(actor=actor, request_id=request_id, action=LETTER_RECEIVED,
                            roles=LETTER_ROLES, expected_version=expected_version) as change:
            request = change.request
            _with_the_other_side(request)
            day = _past_day("received_on", received_on, clock.today())
            answered = _letter_of(request, in_reply_to_id, LetterDirection.SENT,
                                  "in_reply_to_id")
            if answered is not None and day < answered.dated_on:
                raise InvalidInput({"received_on": str(_(
                    "A reply cannot arrive before the letter it answers was sent."))})
            attachments = _attachments_of(request, attachment_ids)
            attachments += [attachment_store(request=request, actor=actor,
                                             kind=AttachmentKind.CORRESPONDENCE,
                                             uploaded_file=uploaded, stored=stored)
                            for uploaded in files]
            row = Correspondence.objects.create(
                request=request, direction=LetterDirection.RECEIVED, kind=kind, dated_on=day,
                channel=channel,
                our_reference=_text("our_reference", our_reference,
                                    LETTER_REFERENCE_MAX_LENGTH) or (
                    answered.our_reference if answered else request.reference),
                their_reference=_text("their_reference", their_reference,
                                      LETTER_REFERENCE_MAX_LENGTH),
                correspondent=_text("sender", sender, CORRESPONDENT_MAX_LENGTH),
                subject=_text("subject", subject, LETTER_SUBJECT_MAX_LENGTH),
                body=_text("summary", summary, LETTER_BODY_MAX_LENGTH), in_reply_to=answered,
                recorded_by=actor, recorded_at=change.now)
            row.attachments.set(attachments)
            change.cite(letter_rule(request.rulebook, answered.kind if answered else kind))
            change.details = {"correspondence": row.pk, "kind": kind,
                              "received_on": day.isoformat(),
                              "in_reply_to": answered.pk if answered else None,
                              "attachments": [a.pk for a in attachments]}
        outcome = ReceivedOutcome(correspondence=row)
        if _answers_additional_info(request, answered):
            outcome = _supply_additional_info(actor, request, row)
        if answered is not None or kind == K.REPLY:
            _reply_received(actor, request, row)
    return outcome


def _supply_additional_info(actor: User, request: AssistanceRequest,
                            row: Correspondence) -> ReceivedOutcome:
    """The reply to our request for additional information: the request resumes
    (``supply_additional_info``) where it awaits it; otherwise, or where the transition is
    refused, say why. The transition's failure rolls back only its own savepoint."""
    if request.state != RequestState.ADDITIONAL_INFO_REQUESTED:
        return ReceivedOutcome(correspondence=row, not_moved=str(_(
            "The request does not await additional information, so it stays where it is.")))
    try:
        request_transition_run(request_id=request.pk, actor=actor,
                               name="supply_additional_info")
    except RequestDomainError as error:
        reason = "; ".join(str(v.message) for v in getattr(error, "violations", ())) or str(
            error.message)
        return ReceivedOutcome(correspondence=row, not_moved=str(_(
            "The letter is registered, but the request could not resume: %(reason)s")
            % {"reason": reason}))
    return ReceivedOutcome(correspondence=row, moved="supply_additional_info")


def _reply_received(actor: User, request: AssistanceRequest,
                    correspondence: Correspondence) -> None:
    """Tell the request's owners that the other side answered (a letter registered as a reply,
    or in reply to one of ours), in the same transaction as the letter: "reply received", with
    the letter's subject or reference as its text."""
    notify_case_event(
        kind=NotificationKind.REPLY_RECEIVED, request=request, actor=actor,
        text=correspondence.subject or correspondence.their_reference
        or str(correspondence.get_kind_display()))