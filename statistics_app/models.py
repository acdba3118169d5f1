"""The statistics' own rows: each request reduced to what the figures count.

``RequestStatistics`` holds one row per request, written by the services in the transaction of
every change to the request (``statistics_app.rows``): its dimensions (direction, partner state,
instrument, offence category, assistance types) and what became of it (outcome, refusal ground,
deferral, the days it took). The figures (``statistics_app.figures``) are sums over these rows,
read in a few grouped queries, so that a page at national scale reads narrow rows, never the log.
Nothing here is typed in: ``manage.py statistics_rebuild`` recomputes every row from the requests,
their decisions and their log, and a test keeps the two ways in step.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from requests_app.models import AssistanceRequest
from requests_app.models import Direction
from treaties.models import Instrument
from treaties.models import State


class Outcome(models.TextChoices):
    """What became of a request, as the statistics count it (one per request)."""

    # A draft not yet sent (outgoing): counted nowhere.
    NOT_OPENED = "not_opened", _("not yet sent")
    PENDING = "pending", _("pending")
    EXECUTED_FULL = "executed_full", _("executed in full")
    EXECUTED_PARTIAL = "executed_partial", _("executed in part")
    REFUSED = "refused", _("refused")
    WITHDRAWN = "withdrawn", _("withdrawn")


class RequestStatistics(models.Model):
    """One request as the statistics count it. Written only by ``statistics_app.rows``."""

    request = models.OneToOneField(AssistanceRequest, on_delete=models.CASCADE, primary_key=True,
                                   related_name="statistics", verbose_name=_("request"))
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    partner_state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="+",
                                      db_index=False, verbose_name=_("partner state"))
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="+",
                                   db_index=False, verbose_name=_("instrument"))
    offence_category = models.CharField(_("offence category"), max_length=40, blank=True)
    # The request's assistance types, one bit each (``statistics_app.rows.ASSISTANCE_TYPE_BITS``).
    assistance_types_mask = models.BigIntegerField(_("assistance types"), default=0)
    # Sent (outgoing: transmitted) or received (incoming: registered); empty for a draft.
    opened_on = models.DateField(_("sent or received on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    # The ground of the refusal (a code of the instrument's own list), for refused requests.
    refusal_ground = models.CharField(_("refusal ground"), max_length=80, blank=True)
    # Ever deferred (a deferral decision recorded), whatever happened next.
    deferred = models.BooleanField(_("deferred"), default=False)
    # The first answer: execution recorded or refusal decided (calendar days from opened_on).
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    days_to_answer = models.PositiveIntegerField(_("days to the answer"), null=True, blank=True)
    # Execution recorded (incoming: by Kazakhstan; outgoing: results received).
    executed_on = models.DateField(_("executed on"), null=True, blank=True)
    days_to_execution = models.PositiveIntegerField(_("days to execution"), null=True, blank=True)
    # Asset recovery asked for (tracing, freezing, confiscation, return or sharing of assets).
    asset_recovery = models.BooleanField(_("asset recovery"), default=False)

    class Meta:
        verbose_name = _("request statistics row")
        verbose_name_plural = _("request statistics rows")
        indexes = [
            # Every figure reads a period of opened requests, per direction.
            models.Index(fields=["opened_on", "direction"], name="stats_opened_idx"),
            # The drill-down lists: a period's requests, newest first.
            models.Index(fields=["opened_on", "request"], name="stats_opened_request_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.request_id} {self.outcome}"
