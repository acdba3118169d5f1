"""Notices and acts the treaties oblige once an event happens (``DutyRule`` in a rulebook): a
refusal told in writing (CZ 9.5), results told without delay (BR 24.9), a failed service
(RS 8.2), the 15 days of safe conduct (RS 9.2, BR 10.2)... One row per duty triggered on a
request: what triggered it and when, and its fulfilment (the notice sent or received)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mla.limits import BoundedTextField
from treaties.rulebook.schema import DutyEvent
from treaties.rulebook.schema import DutyRule

from .deadlines import ResponsibleSide
from .request import AssistanceRequest
from .request import Channel

DUTY_EVENT_LABELS = {
    DutyEvent.REFUSAL: _("refusal decided"),
    DutyEvent.DEFERRAL: _("deferral decided"),
    DutyEvent.PARTIAL_EXECUTION: _("executed in part only"),
    DutyEvent.EXECUTION_FINISHED: _("execution finished"),
    DutyEvent.OBSTACLE: _("obstacle to execution"),
    DutyEvent.NON_SERVICE: _("document not served"),
    DutyEvent.PROGRESS_ASKED: _("progress of execution asked"),
    DutyEvent.CONFIDENTIALITY_IMPOSSIBLE: _("confidentiality cannot be kept"),
    DutyEvent.DISCLOSURE_REQUIRED: _("disclosure required by law"),
    DutyEvent.PRESENCE_NO_LONGER_NEEDED: _("person told their presence is no longer needed"),
    DutyEvent.ADVANCE_NOTICE_ASKED: _("advance notice of date and place asked"),
    DutyEvent.INVITATION_ANSWERED: _("person answered the invitation to appear"),
    DutyEvent.INFORMATION_ACTED_ON: _("action taken on information about proceeds"),
    DutyEvent.ASSET_SHARING_DECIDED: _("asset-sharing request considered"),
    DutyEvent.EXTRA_COSTS_ANNOUNCED: _("extraordinary costs announced"),
}


class DutyTrigger(models.TextChoices):
    AUTOMATIC = "automatic", _("recorded by the engine with the event")
    BY_HAND = "by_hand", _("recorded by hand")


class TreatyDuty(models.Model):
    """One duty triggered on a request. ``rule_code`` names the ``DutyRule`` of the request's
    rulebook; its citation is copied so that the record stays readable if the rulebook moves."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE,
                                related_name="duties")
    rule_code = models.CharField(_("duty"), max_length=80)
    event = models.CharField(_("event"), max_length=40,
                             choices=[(e.value, DUTY_EVENT_LABELS[e]) for e in DutyEvent])
    citation = models.CharField(_("citation"), max_length=80)
    owed_by = models.CharField(_("owed by"), max_length=20, choices=ResponsibleSide.choices)
    triggered_at = models.DateTimeField(_("event occurred at"))
    trigger = models.CharField(_("recorded"), max_length=10, choices=DutyTrigger.choices)
    trigger_note = BoundedTextField(_("what happened"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    # Fulfilment: the notice sent (our duty) or received (theirs), or, for safe conduct, the day
    # the person left.
    fulfilled_at = models.DateTimeField(_("notice sent or received at"), null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, blank=True)
    our_reference = models.CharField(_("our reference"), max_length=100, blank=True)
    their_reference = models.CharField(_("their reference"), max_length=100, blank=True)
    notice_text = BoundedTextField(_("what was said"), blank=True)
    fulfilled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["triggered_at", "id"]
        verbose_name = _("treaty duty")
        verbose_name_plural = _("treaty duties")
        indexes = [models.Index(fields=["request", "rule_code"], name="treaty_duty_rule_idx")]

    def __str__(self) -> str:
        return f"{self.request} {self.rule_code} {self.citation}"

    @property
    def is_open(self) -> bool:
        return self.fulfilled_at is None

    def rule(self) -> DutyRule | None:
        return self.request.rulebook.duty(self.rule_code)
