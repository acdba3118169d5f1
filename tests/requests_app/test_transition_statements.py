"""What a transition costs the database: the row lock and the request's related rows (with its
deadline rows and the head of its log) in one query each (``services.fact_rows``), read once
when the body writes nothing; the row written once with its version check, the log entry
without reading the log first, the statistics' row read with the related rows and written only
where the step moved it (``statistics_app.rows``). A plain transition runs at most eight
statements, whatever the request holds; one that writes a decision, freezes the letter or tells people runs a few more,
and as many for a request with one person as for one with six."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from requests_app.exceptions import RuleViolation
from requests_app.models import RequestState
from requests_app.services import fact_rows
from requests_app.services import transitions as t
from tests._roles import NOW
from tests.factories import AssistanceRequestFactory
from tests.factories import answer_params
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import summoned_person
from tests.factories import supervisor
from tests.requests_app._support import TODAY
from treaties.models import InstrumentParty

pytestmark = pytest.mark.django_db

PLAIN = 8
# Transitions that do more than change the state: the letter frozen (two files and a version),
# the decision row, the people told of the step (``services.notifications``).
# Measured: 15 each (the letter: its template, its number, two files, the version; a refusal:
# the decision, the duty to tell the other side and its notice letter), and one more where the
# step moves the statistics' row (transmitted: sent; refused).
HEAVIER = {"submit_for_review": 15, "approve": 15, "transmit": 16, "refuse": 16}
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def _statements(run) -> int:
    with CaptureQueriesContext(connection) as captured:
        run()
    return sum(not q["sql"].lstrip().upper().startswith(TRANSACTION_CONTROL)
               for q in captured.captured_queries)


def _costs(steps) -> dict[str, int]:
    costs = {}
    for name, run in steps:
        costs[name] = _statements(run)
    return costs


def _over_budget(costs: dict[str, int]) -> dict[str, int]:
    return {name: n for name, n in costs.items() if n > HEAVIER.get(name, PLAIN)}


def _outgoing_steps(request, author, boss, other_boss, desk):
    pk = request.pk
    return [
        ("submit_for_review", lambda: t.request_submit_for_review(request_id=pk, actor=author)),
        ("return_for_revision", lambda: t.request_return_for_revision(
            request_id=pk, actor=boss, reason="Add the questions")),
        ("submit_for_review", lambda: t.request_submit_for_review(request_id=pk, actor=author)),
        ("approve", lambda: t.request_approve(request_id=pk, actor=other_boss)),
        ("transmit", lambda: t.request_transmit(request_id=pk, actor=desk)),
        ("request_additional_info", lambda: t.request_transition(
            request_id=pk, actor=desk, name="request_additional_info", reason="Article 190")),
        ("supply_additional_info", lambda: t.request_transition(
            request_id=pk, actor=desk, name="supply_additional_info")),
        ("record_execution", lambda: t.request_record_execution(request_id=pk, actor=desk)),
        ("close", lambda: t.request_close(request_id=pk, actor=desk)),
    ]


def _outgoing(persons: int) -> dict[str, int]:
    author, boss, other_boss, desk = prosecutor(), supervisor(), supervisor(), clerk()
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author,
                                       drafting_prosecutor=author, request_language="ru")
    for _ in range(persons):
        summoned_person(request, TODAY + timedelta(days=90))
    from requests_app.services import records
    records.translation_record(actor=author, request_id=request.pk, language="sr",
                               completed_on=TODAY)
    return _costs(_outgoing_steps(request, author, boss, other_boss, desk))


def _incoming() -> dict[str, int]:
    desk = clerk()
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED,
                               executing_authority=None, request_language="ru")
    pk = request.pk
    return _costs([
        ("start_completeness_check", lambda: t.request_transition(
            request_id=pk, actor=desk, name="start_completeness_check")),
        ("request_additional_info", lambda: t.request_transition(
            request_id=pk, actor=desk, name="request_additional_info", reason="The decision")),
        ("supply_additional_info", lambda: t.request_transition(
            request_id=pk, actor=desk, name="supply_additional_info")),
        ("forward", lambda: t.request_forward(
            request_id=pk, actor=desk, executing_authority_id=request.requested_authority_id)),
        ("start_execution", lambda: t.request_transition(
            request_id=pk, actor=desk, name="start_execution")),
        ("open_consultation", lambda: t.request_transition(
            request_id=pk, actor=desk, name="open_consultation")),
        ("resume_execution", lambda: t.request_transition(
            request_id=pk, actor=desk, name="resume_execution")),
        ("record_execution", lambda: t.request_record_execution(
            request_id=pk, actor=desk, outcome="partial", reasons="One witness not found")),
        ("transmit_results", lambda: t.request_transition(
            request_id=pk, actor=desk, name="transmit_results", params=answer_params(request))),
        ("close", lambda: t.request_close(request_id=pk, actor=desk)),
    ])


def test_every_step_of_an_outgoing_request_keeps_to_its_statement_budget():
    assert _over_budget(_outgoing(persons=1)) == {}


def test_every_step_of_an_incoming_request_keeps_to_its_statement_budget():
    assert _over_budget(_incoming()) == {}


def test_a_refusal_and_a_withdrawal_keep_to_their_budgets():
    desk = clerk()
    # The police agreement: a refusal on a listed ground, no consultation required first.
    refused = incoming_request("kz-cz-2017", state=RequestState.IN_EXECUTION)
    withdrawn = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=desk)
    costs = _costs([
        ("refuse", lambda: t.request_refuse(request_id=refused.pk, actor=clerk("kz-mvd"),
                                            ground=refused.rulebook.refusal_grounds[0].code,
                                            reasons="Sovereignty")),
        ("withdraw", lambda: t.request_withdraw(request_id=withdrawn.pk, actor=desk,
                                                reason="Sent in error")),
    ])
    assert _over_budget(costs) == {}


def test_a_request_with_six_persons_costs_what_one_with_one_costs():
    assert _outgoing(persons=6) == _outgoing(persons=1)


def _related_row_reads(run, monkeypatch) -> int:
    reads = []
    read = fact_rows._union_rows
    monkeypatch.setattr(fact_rows, "_union_rows", lambda *a: reads.append(a) or read(*a))
    run()
    return len(reads)


def test_a_body_that_writes_nothing_reads_the_related_rows_once(monkeypatch):
    desk = clerk()
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)

    reads = _related_row_reads(lambda: t.request_transition(
        request_id=request.pk, actor=desk, name="start_completeness_check"), monkeypatch)

    assert reads == 1


def test_a_body_that_writes_reads_the_related_rows_again_for_the_deadlines(monkeypatch):
    # The refusal writes its decision row, which the deadlines then read.
    refused = incoming_request("kz-cz-2017", state=RequestState.IN_EXECUTION)

    reads = _related_row_reads(lambda: t.request_refuse(
        request_id=refused.pk, actor=clerk("kz-mvd"),
        ground=refused.rulebook.refusal_grounds[0].code, reasons="Sovereignty"), monkeypatch)

    assert reads == 2


def _party_rows_read_alone(run) -> int:
    """Statements that read the instruments' party rows by themselves (outside the union)."""
    with CaptureQueriesContext(connection) as captured:
        run()
    return sum(q["sql"].lstrip().startswith('SELECT "treaties_instrument_parties"')
               for q in captured.captured_queries)


def test_the_guard_reads_the_sides_dates_with_the_related_rows():
    desk = clerk()
    request = incoming_request("kz-rs-2015", state=RequestState.FORWARDED, opened_on=TODAY)

    assert _party_rows_read_alone(lambda: t.request_transition(
        request_id=request.pk, actor=desk, name="start_execution")) == 0


def test_a_sides_own_withdrawal_read_with_the_related_rows_blocks_the_guarded_step():
    # RS 22.4: the Serbian side's notice took effect 180 days later, i.e. today; a request
    # opened today may not go on (RS 22.5 keeps only those opened before).
    request = incoming_request("kz-rs-2015", state=RequestState.FORWARDED, opened_on=TODAY)
    InstrumentParty.objects.filter(instrument__slug="kz-rs-2015", state__iso_code="RS").update(
        withdrawal_notice_received_on=TODAY - timedelta(days=181))

    with pytest.raises(RuleViolation) as exc:
        t.request_transition(request_id=request.pk, actor=clerk(), name="start_execution")

    assert [(v.rule, v.citation.reference) for v in exc.value.violations] == [
        ("instrument_terminated", "Art 22.4")]
