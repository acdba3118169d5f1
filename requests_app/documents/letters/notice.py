"""The notice letter of a duty Kazakhstan owes (CZ 9.5 "immediately in writing", SK 7.7, RS 5.4,
6.4, 7.1, 8.2, BR 3.4, 7.2, 8.3, 15.3, 18.3(b), 24.7-24.9...): from the Kazakh authority of the
request to its counterpart, naming the article that obliges it, the event and what is said.
Rendered by the same PDF and DOCX renderers as the request letter."""

from __future__ import annotations

from django.utils import timezone
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from treaties.rulebook.schema import DutyRule
from treaties.rules.calendar import ALMATY
from treaties.rules.deadlines import DEADLINE_LABELS
from treaties.rules.deadlines import DUTY_DEADLINE_KINDS

from ... import clock
from ...models import Direction
from ...models import TreatyDuty
from .layout import Letter
from .layout import LetterBlock
from .layout import letter_language
from .sections import authority_lines


def notice_letter_build(duty: TreatyDuty, rule: DutyRule, *, language: str | None) -> Letter:
    """Lay out the notice of ``duty`` (its rule ``rule``) in ``language`` (kk, ru or en)."""
    language = letter_language(language)
    request = duty.request
    rulebook = request.rulebook
    ours, theirs = ((request.requesting_authority, request.requested_authority)
                    if request.direction == Direction.OUTGOING
                    else (request.requested_authority, request.requesting_authority))
    with translation.override(language):
        subject = str(DEADLINE_LABELS[DUTY_DEADLINE_KINDS[rule.event]])
        article = rule.citation.localized_reference
        title = rulebook.title.text(language)
        when = date_format(timezone.localtime(duty.triggered_at, ALMATY), "DATE_FORMAT")
        references = [f"{_('Our reference')}: {request.reference}"]
        if request.their_reference:
            references.append(f"{_('Their reference')}: {request.their_reference}")
        references.append(f"{_('Date')}: {date_format(clock.today(), 'DATE_FORMAT')}")
        blocks = [LetterBlock(_("Provision"), (rule.summary.text(language),), note=f"({article})"),
                  LetterBlock(_("Event"), (f"{duty.get_event_display()}: {when}",))]
        said = (duty.notice_text or duty.trigger_note).strip()
        if said:
            blocks.append(LetterBlock(_("Reasons and details"), tuple(said.splitlines())))
        return Letter(
            language=language,
            reference=request.reference,
            title=f"{request.reference} — {subject}",
            markings=(request._meta.get_field("is_confidential").verbose_name.upper(),)
            if request.is_confidential else (),
            sender=authority_lines(ours),
            recipient=authority_lines(theirs),
            references=tuple(references),
            subject=subject,
            instrument_title=title,
            opening=_("Under %(article)s of the instrument named above, %(ours)s informs "
                      "%(theirs)s as follows in connection with request %(reference)s.")
            % {"article": article, "ours": ours.name, "theirs": theirs.name,
               "reference": request.their_reference or request.reference},
            assistance=(),
            blocks=tuple(blocks),
            closing=_("We remain at your disposal for any further information."),
            signature=(ours.name, "{}: ____________________".format(_("Signature")),
                       date_format(clock.today(), "DATE_FORMAT"), _("Place of seal")),
            footer=request.reference,
            author=ours.name,
            keywords=(request.reference, rulebook.slug, str(rule.citation)),
        )
