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


# --- the aggregates, refreshed by beat (``statistics_app.aggregates``) --------------------------
# Sums of the rows above that the page reads instead of the rows themselves at national scale:
# a month of requests is a few hundred aggregate rows, not tens of thousands of requests. They
# are rebuilt from the rows by one statement each (the same SQL on SQLite and PostgreSQL) every
# ``MLA_STATISTICS_REFRESH_SECONDS``; the page says when. The lists behind each figure are read
# from the rows themselves, live.


class PartnerDimensions(models.Model):
    """Who the requests were with, and under what: the dimensions every aggregate keeps."""

    direction = models.CharField(max_length=10)
    partner_state = models.ForeignKey(State, on_delete=models.DO_NOTHING, related_name="+",
                                      db_constraint=False, db_index=False)
    instrument = models.ForeignKey(Instrument, on_delete=models.DO_NOTHING, related_name="+",
                                   db_constraint=False, db_index=False)

    class Meta:
        abstract = True


class AggregateDimensions(PartnerDimensions):
    """The dimensions every request figure can be filtered and broken down by."""

    offence_category = models.CharField(max_length=40, blank=True)
    assistance_types_mask = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class MonthlyRequests(AggregateDimensions):
    """The requests sent or received in a month, by every dimension and what became of them."""

    month = models.DateField()
    outcome = models.CharField(max_length=20)
    refusal_ground = models.CharField(max_length=80, blank=True)
    deferred = models.BooleanField(default=False)
    asset_recovery = models.BooleanField(default=False)
    requests = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["month", "direction"], name="stats_month_idx")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.direction} {self.outcome}: {self.requests}"


class DaysKind(models.TextChoices):
    ANSWER = "answer", _("to the answer")
    EXECUTION = "execution", _("to execution")


class MonthlyDays(PartnerDimensions):
    """How many requests sent or received in a month took so many days to their answer or
    their execution (the histograms of the medians and 90th percentiles)."""

    month = models.DateField()
    kind = models.CharField(max_length=10, choices=DaysKind.choices)
    days = models.PositiveIntegerField()
    requests = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["month", "direction"], name="stats_days_month_idx")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.direction} {self.kind} {self.days}: {self.requests}"


class DailyPending(PartnerDimensions):
    """The requests still pending, by the day they were sent or received (their age)."""

    opened_on = models.DateField()
    requests = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["opened_on", "direction"], name="stats_pending_day_idx")]

    def __str__(self) -> str:
        return f"{self.opened_on} {self.direction}: {self.requests}"


class DutyMet(models.TextChoices):
    IN_TIME = "in_time", _("met in time")
    LATE = "late", _("met late")
    UNMET = "unmet", _("not met")


class DailyDuties(PartnerDimensions):
    """The requests' duties (deadline rows) falling due on a day, by kind, basis, direction and
    how they were met; an unmet one is past due or not yet due by its time, read when shown."""

    due_on = models.DateField()
    kind = models.CharField(max_length=60)
    basis = models.CharField(max_length=20)
    met = models.CharField(max_length=10, choices=DutyMet.choices)
    duties = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["due_on", "direction"], name="stats_duties_day_idx")]

    def __str__(self) -> str:
        return f"{self.due_on} {self.kind} {self.met}: {self.duties}"


class AggregatesRefresh(models.Model):
    """When the aggregates were last rebuilt (one row)."""

    refreshed_at = models.DateTimeField()
    seconds = models.FloatField(default=0)

    def __str__(self) -> str:
        return f"{self.refreshed_at:%Y-%m-%d %H:%M}"
