"""A year of past requests for the demo, so that the statistics page shows realistic figures.

``demo_history_create`` makes about 125 requests sent and received over the twelve months before
today, through the same services the office uses, each step run with the clock moved back to the
moment it happened (``requests_app.clock.now`` patched: every service reads the time there). The
history is drawn from ``random.Random(HISTORY_SEED)``, so every demo holds the same one.

What it holds, and why:
- more requests received than sent (about 55/45), fewer in January and in the summer holidays;
- each partner under its own instrument: Serbia and Brazil under the bilateral treaties, the Czech
  and Slovak police under the police agreements (received only: our police requests are drafted
  by the police, not by the General Prosecutor's Office the demo users work in), Germany under
  UNTOC and China under UNCAC;
- most requests executed (median about two and a half months, one in ten taking more than half a
  year), some in part, some refused on a ground of the instrument (after the consultation the
  instrument or the office requires), a few deferred and resumed, a few withdrawn, the recent ones
  pending;
- a few asking for provisional measures or confiscation, with amounts frozen, confiscated, shared
  and returned in KZT, EUR and USD;
- treaty duties met in time, late and not at all (notices of refusal, written confirmations of
  urgent oral requests), besides the office's execution target.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import timedelta
from decimal import Decimal
from typing import Any
from unittest import mock

from django.conf import settings
from django.contrib.auth.models import User

from statistics_app.rows import ASSET_RECOVERY_TYPES
from treaties.models import Authority
from treaties.models import Instrument
from treaties.rules.calendar import local_date
from treaties.rules.calendar import start_of_day

from . import clock
from .models import Deadline
from .models import ExecutionOutcome
from .services import records
from .services import transitions
from .services.duties import duty_record_notice
from .services.requests import request_create_draft
from .services.requests import request_register_incoming

HISTORY_SEED = 2026
# Requests sent or received in an average month; the season scales it. About 110 in the year:
# each request sent freezes its letter three times (submission, approval, transmission), a PDF
# and a DOCX each, which is most of the time ``seed_demo`` takes (~20 s on SQLite with them).
MONTHLY_REQUESTS = 9
# January (holidays), July and August (summer leave) are quiet; spring and autumn are busy.
SEASON = {1: 0.6, 2: 0.9, 3: 1.15, 4: 1.2, 5: 1.0, 6: 1.0, 7: 0.7, 8: 0.65, 9: 1.1, 10: 1.25,
          11: 1.2, 12: 1.05}
SENT_SHARE = 0.3

# Days from sending or receipt to execution: log-normal, median ~75 days, 90th percentile ~200.
# The median asked for is that of the requests answered within the year; the recent ones still
# pending pull it down, hence the longer medians drawn.
EXECUTION_MEDIAN_DAYS = {"outgoing": 95, "incoming": 75}
EXECUTION_SPREAD = 0.8


@dataclass(frozen=True)
class Partner:
    """A partner state's authority, the instrument requests with it run under, and what they ask
    for. ``ours`` is our side: the requesting office of our requests, the requested one of
    theirs."""

    key: str
    instrument: str
    theirs: str
    ours: str
    sent_weight: int
    received_weight: int
    # Combinations of assistance types the instrument provides (the service refuses others).
    assistance: tuple[tuple[str, ...], ...]
    # Combinations asking for assets to be frozen or confiscated.
    asset_assistance: tuple[tuple[str, ...], ...]
    offences: tuple[str, ...]
    # The language our requests are translated into (empty: none needed).
    translation: str = ""
    # The language their requests come in (the police agreements work in English, SK 8.3).
    their_language: str = "ru"
    # The grounds on which requests with that state are refused (codes of its instrument's list).
    refusal_grounds: tuple[str, ...] = ()
    # The language of our answer where the instrument sets one (RS 4.2: ours with an English
    # translation; BR 23.2: English).
    answer: dict[str, Any] = field(default_factory=dict)
    # The currency in which assets are frozen in that state.
    currency: str = "EUR"
    # Their urgent requests may be made orally (CZ 9.1, SK 7.4).
    oral_share: float = 0.0
    # UNTOC and UNCAC cover organised and serious crime: the facts that bring a case in scope.
    offence_facts: dict[str, Any] = field(default_factory=dict)


PARTNERS = (
    Partner("rs", "kz-rs-2015", "rs-justice", "kz-gpo", 10, 9,
            (("documents_and_evidence",), ("bank_information", "documents_and_evidence"),
             ("testimony",), ("search_and_seizure", "examination_of_objects"),
             ("service_of_documents",)),
            (("provisional_measures", "bank_information"), ("confiscation",)),
            ("fraud", "money_laundering", "drug_trafficking", "smuggling", "corruption"),
            translation="sr", currency="EUR",
            refusal_grounds=("refusal_not_a_crime", "refusal_conditions_not_met",
                             "refusal_sovereignty_security_public_order"),
            answer={"answer_language": "ru", "answer_translated_into_english": True,
                    "answer_signed_and_sealed": True}),
    Partner("br", "kz-br-2018", "br-justice", "kz-gpo", 7, 6,
            (("documents_and_evidence",), ("testimony",), ("expert_examination",),
             ("documents_and_evidence", "testimony"), ("official_documents",)),
            (("provisional_measures", "documents_and_evidence"),
             ("confiscation", "asset_sharing")),
            ("money_laundering", "drug_trafficking", "fraud", "tax"),
            translation="pt", currency="USD",
            refusal_grounds=("refusal_sovereignty_public_order", "refusal_double_jeopardy",
                             "refusal_discretion_coercive_measures"),
            answer={"answer_language": "en", "answer_signed_and_sealed": True}),
    Partner("cz", "kz-cz-2017", "cz-police-presidium", "kz-mvd", 0, 8,
            (("information_exchange",), ("search_for_persons",), ("search_for_objects",),
             ("operational_assistance",), ("information_exchange", "search_for_persons")),
            (), ("drug_trafficking", "robbery_theft", "fraud", "human_trafficking", "forgery"),
            # Their urgent requests are written: CZ 9.1 sets no hours for the confirmation of
            # an oral one (an office target), and the statistics' drill-down does not yet tell
            # a duty's office target from the treaty term of the same kind (SK 7.4).
            their_language="en",
            refusal_grounds=("refusal_contrary_to_law_or_obligations",
                             "refusal_sovereignty_security_interests")),
    Partner("sk", "kz-sk-2007", "sk-police-presidium", "kz-mvd", 0, 6,
            (("information_exchange",), ("search_for_persons",), ("search_for_objects",),
             ("operational_assistance",)),
            (), ("drug_trafficking", "robbery_theft", "fraud", "arms_trafficking"),
            their_language="en", oral_share=0.35,
            refusal_grounds=("refusal_contrary_to_law_or_obligations",
                             "refusal_sovereignty_security_interests")),
    Partner("de", "untoc-2000", "de-central-authority", "kz-gpo", 8, 5,
            (("bank_information",), ("documents_and_evidence",), ("official_documents",),
             ("bank_information", "documents_and_evidence")),
            (("provisional_measures", "bank_information"), ("confiscation",)),
            # Laundering with Germany falls under UNCAC, which the resolver proposes instead.
            ("fraud", "extortion", "smuggling", "drug_trafficking"),
            translation="de", currency="EUR",
            refusal_grounds=("refusal_nonconforming_request", "refusal_no_dual_criminality",
                             "refusal_essential_interests"),
            offence_facts={"organised_group_involved": True, "offence_max_penalty_years": 10}),
    Partner("cn", "uncac-2003", "cn-central-authority", "kz-gpo", 5, 6,
            (("documents_and_evidence",), ("bank_information",),
             ("documents_and_evidence", "official_documents"), ("official_documents",)),
            (("provisional_measures", "bank_information"), ("confiscation", "asset_return")),
            ("corruption", "money_laundering"), translation="zh", currency="USD",
            refusal_grounds=("refusal_request_not_conforming", "refusal_essential_interests",
                             "refusal_insufficient_evidence_or_de_minimis_value"),
            offence_facts={"offence_max_penalty_years": 15}),
)

OFFENCE_TEXTS = {
    "fraud": ("Large-scale fraud through a chain of shell companies", "Article 190(4)"),
    "money_laundering": ("Laundering of the proceeds of crime through import contracts",
                         "Article 218(3)"),
    "drug_trafficking": ("Trafficking of synthetic drugs by an organised group", "Article 297(3)"),
    "smuggling": ("Smuggling of excisable goods across the customs border", "Article 234(3)"),
    "corruption": ("Bribery of a public official in a procurement contract", "Article 366(4)"),
    "tax": ("Evasion of corporate income tax on a large scale", "Article 245(2)"),
    "extortion": ("Extortion by an organised group from entrepreneurs", "Article 194(4)"),
    "robbery_theft": ("Theft of vehicles for resale abroad", "Article 188(4)"),
    "human_trafficking": ("Trafficking of persons for labour exploitation", "Article 128(4)"),
    "forgery": ("Forgery of identity documents", "Article 385(3)"),
    "arms_trafficking": ("Illegal trade in firearms", "Article 287(3)"),
}

# Amounts frozen in one decision, by currency: (least, most), in whole units.
ASSET_AMOUNTS = {"KZT": (40_000_000, 900_000_000), "EUR": (80_000, 2_500_000),
                 "USD": (150_000, 4_000_000)}


# Requests recast so that every demo shows them (``History._feature``): partner, direction,
# assistance asked for, outcome.
FEATURED: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("br", "incoming", ("confiscation", "asset_sharing"), "executed_full"),
    ("cn", "outgoing", ("confiscation", "asset_return"), "executed_full"),
    ("rs", "incoming", ("documents_and_evidence",), "deferred"),
    ("rs", "incoming", ("confiscation",), "executed_full"),
    ("de", "outgoing", ("provisional_measures", "bank_information"), "executed_partial"),
    ("br", "outgoing", ("documents_and_evidence",), "deferred"),
    ("de", "incoming", ("bank_information",), "deferred"),
)


@dataclass
class Plan:
    """One request of the history: who, when, and what becomes of it."""

    partner: Partner
    direction: str
    opened_at: datetime
    assistance_types: tuple[str, ...]
    offence: str
    outcome: str  # executed_full, executed_partial, refused, withdrawn, deferred, stalled
    days: int  # to the execution, refusal or withdrawal
    number: int
    asset_recovery: bool = False
    oral: bool = False


class History:
    """Makes the planned requests through the services, each step at its moment."""

    def __init__(self, users: dict[str, User], contents: dict[str, Any]) -> None:
        self.rng = random.Random(HISTORY_SEED)
        self.users = users
        self.contents = contents
        self.now = clock.now()
        self.today = clock.today()
        self.authorities = {a.code: a for a in Authority.objects.all()}
        self.instruments = {i.slug: i for i in Instrument.objects.all()}
        self.counts: Counter[str] = Counter()
        # How each kind of duty was met, in turn: three in time, one late, one never
        # (deterministic, so that every demo shows all three).
        self.turns: Counter[str] = Counter()

    # --- the plan ---------------------------------------------------------------------------
    def plans(self) -> list[Plan]:
        """The year before today in twelve spans of a month, each with its season's share."""
        plans: list[Plan] = []
        for span in range(12, 0, -1):
            first_day = self.today - timedelta(days=span * 365 // 12)
            last_day = self.today - timedelta(days=(span - 1) * 365 // 12 + 1)
            middle = first_day + (last_day - first_day) / 2
            count = round(MONTHLY_REQUESTS * SEASON[middle.month] * self.rng.uniform(0.85, 1.15))
            for _ in range(count):
                day = first_day + timedelta(days=self.rng.randint(0, (last_day - first_day).days))
                plans.append(self._plan(day, len(plans) + 1))
        plans.sort(key=lambda p: p.opened_at)
        self._feature(plans)
        return plans

    def _feature(self, plans: list[Plan]) -> None:
        """Make sure the year shows what a few requests only would show by chance: assets
        shared and returned, deferrals both ways. Requests received or sent more than seven
        months ago are recast, one every few, so that they have had time to finish."""
        old = [plan for plan in plans if plan.opened_at < start_of_day(
            self.today - timedelta(days=210))]
        for plan, (key, direction, types, outcome) in zip(old[::3], FEATURED, strict=False):
            partner = next(p for p in PARTNERS if p.key == key)
            plan.partner, plan.direction, plan.assistance_types = partner, direction, types
            plan.outcome, plan.oral = outcome, False
            plan.offence = self.rng.choice(partner.offences)
            plan.asset_recovery = bool(ASSET_RECOVERY_TYPES & set(types))
            plan.days = self.rng.randint(50, 140)

    def _plan(self, day: date, number: int) -> Plan:
        rng = self.rng
        direction = "outgoing" if rng.random() < SENT_SHARE else "incoming"
        candidates = [p for p in PARTNERS
                      if (p.sent_weight if direction == "outgoing" else p.received_weight)]
        partner = rng.choices(candidates, weights=[
            p.sent_weight if direction == "outgoing" else p.received_weight
            for p in candidates])[0]
        asset_recovery = bool(partner.asset_assistance) and rng.random() < 0.1
        types = rng.choice(partner.asset_assistance if asset_recovery else partner.assistance)
        opened_at = start_of_day(day) + timedelta(hours=9, minutes=rng.randint(0, 8 * 60))
        roll = rng.random()
        rulebook = self.instruments[partner.instrument].rulebook
        if roll < 0.09:
            outcome, days = "refused", rng.randint(12, 110)
        elif roll < 0.14:
            outcome, days = "withdrawn", rng.randint(7, 90)
        elif roll < 0.20 and rulebook.deferral_grounds:
            outcome, days = "deferred", self._execution_days(direction) + rng.randint(30, 90)
        elif roll < 0.23:
            # Nobody answers: pending whatever its age.
            outcome, days = "stalled", 10_000
        elif roll < 0.34:
            outcome, days = "executed_partial", self._execution_days(direction)
        else:
            outcome, days = "executed_full", self._execution_days(direction)
        return Plan(partner=partner, direction=direction, opened_at=opened_at,
                    assistance_types=types, offence=rng.choice(partner.offences),
                    outcome=outcome, days=days, number=number, asset_recovery=asset_recovery,
                    oral=direction == "incoming" and rng.random() < partner.oral_share)

    def _execution_days(self, direction: str) -> int:
        median = EXECUTION_MEDIAN_DAYS[direction]
        days = self.rng.lognormvariate(math.log(median), EXECUTION_SPREAD)
        return max(3, min(330, round(days)))

    # --- running it -------------------------------------------------------------------------
    @contextmanager
    def at(self, moment: datetime) -> Iterator[None]:
        """Every service call inside runs as if it were ``moment`` (the services read the time
        through ``clock.now``; ``clock.today`` reads ``now`` too)."""
        with mock.patch("requests_app.clock.now", return_value=moment):
            yield

    def past(self, moment: datetime) -> bool:
        """Whether ``moment`` has happened (a step planned after now is not taken yet)."""
        return moment < self.now - timedelta(hours=1)

    def run(self) -> Counter[str]:
        for plan in self.plans():
            if plan.direction == "outgoing":
                self._sent(plan)
            else:
                self._received(plan)
        return self.counts

    def _turn(self, kind: str) -> str:
        """In time, in time, in time, late, never: the next way ``kind`` is met."""
        self.turns[kind] += 1
        return ("in_time", "in_time", "in_time", "late", "never")[self.turns[kind] % 5]

    def _step(self, moment: datetime, action: Callable[..., Any], **kwargs: Any) -> Any:
        with self.at(moment):
            return action(**kwargs)

    # --- our requests -----------------------------------------------------------------------
    def _sent(self, plan: Plan) -> None:
        partner, rng = plan.partner, self.rng
        author, boss, desk = (self.users["prosecutor"], self.users["supervisor"],
                              self.users["clerk"])
        transmitted_at = plan.opened_at
        drafted_at = transmitted_at - timedelta(days=rng.randint(3, 12), hours=2)
        description, article = OFFENCE_TEXTS[plan.offence]
        request = self._step(
            drafted_at, request_create_draft, actor=author,
            instrument_id=self.instruments[partner.instrument].pk,
            requested_authority_id=self.authorities[partner.theirs].pk,
            requesting_authority_id=self.authorities[partner.ours].pk,
            assistance_types=list(plan.assistance_types),
            **{**self.contents, **partner.offence_facts, "channel": "post",
               "offence_category": plan.offence,
               "case_number": f"{local_date(drafted_at):%y}{plan.number:04d}0131",
               "offence_description": f"{description} ({local_date(drafted_at).year})",
               "legal_qualification": f"{article} of the Criminal Code of the Republic of "
                                      f"Kazakhstan"})
        if partner.translation:
            self._step(drafted_at + timedelta(days=1), records.translation_record, actor=author,
                       request_id=request.pk, language=partner.translation,
                       translated_by="Sworn translator",
                       completed_on=local_date(drafted_at + timedelta(days=1)))
        self._step(drafted_at + timedelta(days=2), transitions.request_submit_for_review,
                   request_id=request.pk, actor=author)
        self._step(transmitted_at - timedelta(hours=3), transitions.request_approve,
                   request_id=request.pk, actor=boss)
        self._step(transmitted_at, transitions.request_transmit, request_id=request.pk,
                   actor=desk, dispatched_on=local_date(transmitted_at),
                   dispatch_reference=f"2-15-{local_date(transmitted_at):%y}/{plan.number}")
        self.counts["sent"] += 1
        self._answer(plan, request.pk, desk, author)

    # --- theirs ---------------------------------------------------------------------------
    def _received(self, plan: Plan) -> None:
        partner, rng = plan.partner, self.rng
        desk, prosecutor = self.users["clerk"], self.users["prosecutor"]
        received_at = plan.opened_at
        description, _article = OFFENCE_TEXTS[plan.offence]
        oral = {"channel": "oral", "is_urgent": True,
                "urgency_reason": "The suspect may leave Kazakhstan within days"} if plan.oral \
            else {"channel": "post"}
        request = self._step(
            received_at, request_register_incoming, actor=desk,
            instrument_id=self.instruments[partner.instrument].pk,
            requesting_authority_id=self.authorities[partner.theirs].pk,
            requested_authority_id=self.authorities[partner.ours].pk,
            received_at=received_at, assistance_types=list(plan.assistance_types),
            their_reference=f"{partner.key.upper()}-{local_date(received_at):%Y}-{plan.number:04d}",
            **{**self._their_contents(partner), **partner.offence_facts, **oral,
               "offence_category": plan.offence, "offence_description": description})
        self.counts["received"] += 1
        if plan.oral:
            resumed_at = self._confirm_oral(plan, request.pk, received_at)
            if resumed_at is None:
                return
            step_at = resumed_at
        else:
            step_at = received_at + timedelta(hours=2)
            self._step(step_at, transitions.request_transition, request_id=request.pk,
                       actor=desk, name="start_completeness_check")
        step_at += timedelta(days=rng.randint(1, 4))
        if not self.past(step_at):
            return
        self._step(step_at, transitions.request_forward, request_id=request.pk, actor=desk,
                   executing_authority_id=self.authorities[partner.ours].pk,
                   assigned_prosecutor_id=prosecutor.pk)
        step_at += timedelta(days=rng.randint(1, 5))
        if not self.past(step_at):
            return
        self._step(step_at, transitions.request_transition, request_id=request.pk, actor=desk,
                   name="start_execution")
        # The police execute what the police agreements bring, under a prosecutor's supervision
        # (who answers for the office's execution target) but out of the prosecutor's sight:
        # the clerk of the central authority records it.
        self._answer(plan, request.pk, desk, prosecutor if partner.ours == "kz-gpo" else desk)

    def _their_contents(self, partner: Partner) -> dict[str, Any]:
        """What their request says: the contents the instruments ask for (RS 3.2, BR 22.2...),
        in the language the instrument accepts."""
        state = self.authorities[partner.theirs].state
        return {**{key: value for key, value in self.contents.items() if key != "signatory"},
                "proceedings_authority": f"Public prosecutor's office, {state.name}",
                "purpose": "Obtain evidence for the criminal proceedings in the requesting state",
                "assistance_description": "Obtain the evidence described in the request",
                "applicable_law": "The criminal code of the requesting state, as quoted",
                "facts_summary": "The suspects used companies registered in Kazakhstan",
                "reasons_for_measures": "The evidence is held in Kazakhstan",
                "request_language": partner.their_language}

    def _confirm_oral(self, plan: Plan, request_id: int, oral_at: datetime) -> datetime | None:
        """The written confirmation of their urgent oral request: mostly within the day (SK 7.4:
        24 hours), sometimes days late, once in a while never. When the work goes on from, or
        None if it waits."""
        how = self._turn("oral_confirmation")
        if how == "never":
            # Executed on the oral request alone (CZ 9.1, SK 7.4 allow it), the confirmation
            # still owed.
            self.counts["oral_confirmation_never"] += 1
            return oral_at + timedelta(hours=2)
        confirmed_at = oral_at + (timedelta(hours=self.rng.randint(3, 20)) if how == "in_time"
                                  else timedelta(days=self.rng.randint(2, 6)))
        if not self.past(confirmed_at):
            return None
        self._step(confirmed_at, transitions.request_confirm_in_writing, request_id=request_id,
                   actor=self.users["clerk"], confirmed_at=confirmed_at, channel="post")
        self.counts[f"oral_confirmation_{how}"] += 1
        self._step(confirmed_at + timedelta(minutes=30), transitions.request_transition,
                   request_id=request_id, actor=self.users["clerk"],
                   name="start_completeness_check")
        return confirmed_at + timedelta(minutes=30)

    # --- what becomes of them -------------------------------------------------------------
    def _answer(self, plan: Plan, request_id: int, desk: User, prosecutor: User) -> None:
        opened_at, rng = plan.opened_at, self.rng
        answered_at = opened_at + timedelta(days=plan.days, hours=rng.randint(-3, 3))
        frozen = (self._freeze(plan, request_id, desk,
                               opened_at + timedelta(days=max(2, min(plan.days, 400) // 4)))
                  if plan.asset_recovery else None)
        if plan.outcome == "deferred":
            deferred_at = opened_at + timedelta(days=rng.randint(10, 30))
            if not self.past(deferred_at):
                self.counts["pending"] += 1
                return
            self._defer(plan, request_id, desk, deferred_at)
            resumed_at = deferred_at + timedelta(days=rng.randint(25, 60))
            if not self.past(resumed_at):
                self.counts["pending"] += 1
                return
            self._step(resumed_at, transitions.request_transition, request_id=request_id,
                       actor=desk, name="resume_execution")
            answered_at = max(answered_at, resumed_at + timedelta(days=5))
        if plan.outcome == "stalled" or not self.past(answered_at):
            self.counts["pending"] += 1
            return
        if plan.outcome == "withdrawn":
            self._step(answered_at, transitions.request_withdraw, request_id=request_id,
                       actor=prosecutor if plan.direction == "outgoing" else desk,
                       reason="The proceedings were closed: the evidence is no longer needed."
                       if plan.direction == "outgoing" else
                       "The requesting side withdrew the request (its letter on file).")
            self.counts["withdrawn"] += 1
            return
        if plan.outcome == "refused":
            self._refuse(plan, request_id, desk, answered_at)
            self._close(request_id, desk, answered_at + timedelta(days=rng.randint(5, 20)))
            return
        partial = plan.outcome == "executed_partial"
        self._step(answered_at, transitions.request_record_execution, request_id=request_id,
                   actor=prosecutor if plan.direction == "incoming" else desk,
                   outcome=ExecutionOutcome.PARTIAL if partial else ExecutionOutcome.FULL,
                   reasons="The bank records older than five years were destroyed under the law."
                   if partial else "")
        self.counts["executed_partial" if partial else "executed_full"] += 1
        if frozen is not None:
            self._confiscate(plan, request_id, desk, answered_at, frozen)
        closed_at = answered_at + timedelta(days=rng.randint(3, 15))
        if plan.direction == "incoming":
            if partial:
                self._notice(request_id, desk, "notice_of_partial_execution")
            results_at = answered_at + timedelta(days=rng.randint(1, 6))
            if not self.past(results_at):
                return
            self._step(results_at, transitions.request_transition, request_id=request_id,
                       actor=desk, name="transmit_results",
                       params=plan.partner.answer or {"answer_language": "ru"})
            closed_at = results_at + timedelta(days=rng.randint(1, 10))
        self._close(request_id, desk, closed_at)

    def _close(self, request_id: int, desk: User, closed_at: datetime) -> None:
        if self.past(closed_at):
            self._step(closed_at, transitions.request_close, request_id=request_id, actor=desk)
            self.counts["closed"] += 1

    def _refuse(self, plan: Plan, request_id: int, desk: User, refused_at: datetime) -> None:
        rulebook = self.instruments[plan.partner.instrument].rulebook
        # A ground that concerns the assistance asked (UNCAC 55.7 only for confiscation).
        grounds = [code for code in plan.partner.refusal_grounds
                   if (rule := rulebook.refusal_ground(code)) is None
                   or rule.applies_to(tuple(plan.assistance_types))]
        ground = self.rng.choice(grounds)
        # RS 5.3, UNTOC 18.26, UNCAC 46.26, and the office under the Brazilian treaty.
        self._consult_first(plan, request_id, desk, refused_at - timedelta(days=7), "refusal",
                            rulebook.refusal_consultation,
                            "The requesting side was told of the possible refusal and had "
                            "nothing to add.")
        self._step(refused_at, transitions.request_refuse, request_id=request_id, actor=desk,
                   ground=ground, reasons="The request does not meet the conditions of the "
                                          "instrument for the ground cited.")
        self.counts["refused"] += 1
        if plan.direction == "incoming":
            self._notice(request_id, desk, "notice_of_refusal")

    def _consult_first(self, plan: Plan, request_id: int, desk: User, held_at: datetime,
                       subject: str, rule: object, summary: str) -> None:
        """The requesting side consulted before Kazakhstan refuses or defers, where the
        instrument requires it (``rule``) or the office does
        (``MLA_OFFICE_CONSULTATION_BEFORE_REFUSAL``)."""
        if plan.direction != "incoming" or (
                rule is None
                and plan.partner.instrument not in settings.MLA_OFFICE_CONSULTATION_BEFORE_REFUSAL):
            return
        self._step(held_at, records.consultation_record, actor=desk, request_id=request_id,
                   subject=subject, held_on=local_date(held_at),
                   counterpart=str(self.authorities[plan.partner.theirs].name),
                   summary=summary, channel="electronic")

    def _defer(self, plan: Plan, request_id: int, desk: User, deferred_at: datetime) -> None:
        rulebook = self.instruments[plan.partner.instrument].rulebook
        # UNTOC 18.25, UNCAC 46.25, and the office under the Brazilian treaty.
        self._consult_first(plan, request_id, desk, deferred_at - timedelta(days=2), "deferral",
                            rulebook.deferral_consultation,
                            "Execution would interfere with a pending investigation; the "
                            "requesting side agreed to wait.")
        if plan.direction == "incoming" and rulebook.deferral_after_partial_or_conditional_decision:
            # RS 6.3: partial or conditional execution is considered first.
            self._step(deferred_at - timedelta(days=1),
                       records.decision_record_partial_or_conditional_considered, actor=desk,
                       request_id=request_id,
                       reasons="Neither part of the evidence can be given without harming the "
                               "investigation, nor on conditions.",
                       decided_on=local_date(deferred_at - timedelta(days=1)))
        self._step(deferred_at, transitions.request_defer, request_id=request_id, actor=desk,
                   ground=rulebook.deferral_grounds[0].code,
                   reasons="Execution now would interfere with a criminal investigation in "
                           "progress.",
                   deferred_until=local_date(deferred_at + timedelta(days=60)))
        self.counts["deferred"] += 1
        if plan.direction == "incoming":
            self._notice(request_id, desk, "notice_of_deferral")

    def _notice(self, request_id: int, desk: User, kind: str) -> None:
        """Our notice to the requesting side: mostly in time, sometimes late, sometimes never
        sent (the duty then shows as not met)."""
        duty = (Deadline.objects.filter(request_id=request_id, kind=kind,
                                        subject_key__startswith="duty:")
                .values_list("due_at", "subject_key").first())
        if duty is None:
            return
        due_at, subject_key = duty
        how = self._turn(kind)
        if how == "never":
            self.counts[f"{kind}_never"] += 1
            return
        sent_at = (due_at - timedelta(hours=2) if how == "in_time"
                   else due_at + timedelta(days=self.rng.randint(2, 15)))
        if not self.past(sent_at):
            return
        self._step(sent_at, duty_record_notice, actor=desk,
                   duty_id=int(subject_key.removeprefix("duty:")), fulfilled_at=sent_at,
                   channel="post", notice_text="Notice sent to the requesting side.")
        self.counts[f"{kind}_{how}"] += 1

    # --- asset recovery ---------------------------------------------------------------------
    def _currency(self, plan: Plan) -> str:
        # Assets frozen in Kazakhstan are in tenge, abroad in the partner's currency.
        return "KZT" if plan.direction == "incoming" else plan.partner.currency

    def _amount(self, currency: str) -> Decimal:
        least, most = ASSET_AMOUNTS[currency]
        return Decimal(round(self.rng.uniform(least, most), -3))

    def _freeze(self, plan: Plan, request_id: int, actor: User,
                taken_at: datetime) -> Decimal | None:
        """The amount frozen, or None if the freezing has not happened yet."""
        if not self.past(taken_at):
            return None
        currency = self._currency(plan)
        amount = self._amount(currency)
        self._measure(request_id, actor, taken_at, "frozen", amount, currency,
                      "Bank accounts and real estate arrested by court order")
        return amount

    def _confiscate(self, plan: Plan, request_id: int, actor: User, executed_at: datetime,
                    frozen: Decimal) -> None:
        """Most of what was frozen is confiscated by the final judgment; then shared with or
        returned to the other state where the request asked for it (BR 18, UNCAC 57)."""
        currency = self._currency(plan)
        confiscated = (frozen * Decimal("0.8")).quantize(Decimal("1000"))
        self._measure(request_id, actor, executed_at, "confiscated", confiscated, currency,
                      "Confiscation ordered by the final judgment")
        later = executed_at + timedelta(days=self.rng.randint(30, 90))
        types = set(plan.assistance_types)
        if "asset_sharing" in types and self.past(later):
            self._measure(request_id, actor, later, "shared",
                          (confiscated / 2).quantize(Decimal("1000")), currency,
                          "Half of the confiscated assets shared under the agreement")
        if "asset_return" in types and self.past(later):
            self._measure(request_id, actor, later, "returned", confiscated, currency,
                          "Confiscated proceeds of corruption returned to the requesting state")

    def _measure(self, request_id: int, actor: User, taken_at: datetime, kind: str,
                 amount: Decimal, currency: str, description: str) -> None:
        self._step(taken_at, records.asset_measure_record, actor=actor, request_id=request_id,
                   kind=kind, amount=amount, currency=currency, taken_on=local_date(taken_at),
                   description=description)
        self.counts[f"asset_{kind}"] += 1


def demo_history_create(*, users: dict[str, User], contents: dict[str, Any]) -> Counter[str]:
    """Create the year of past requests (see the module's docstring); returns what it made."""
    return History(users, contents).run()
