"""The deadline sweep run by real Celery worker processes, over Redis and over the embedded
filesystem transport: two workers sweeping at once notify every deadline exactly once, and a
worker killed in the middle of a sweep loses nothing and duplicates nothing."""

import pytest

from tests.integration._support import SHARED_DB
from tests.integration._support import assert_exactly_once
from tests.integration._support import open_due
from tests.integration._support import seed_due_deadlines
from tests.integration._support import seed_staff
from tests.integration._support import swept
from tests.integration._support import wait_until

pytestmark = SHARED_DB
BROKERS = pytest.mark.parametrize("broker", ["redis", "filesystem"], indirect=True)


@BROKERS
def test_two_workers_sweeping_at_once_notify_each_deadline_exactly_once(
        broker, worker_db, celery_procs):
    staff = seed_staff()
    ids = seed_due_deadlines("race", 1200)
    env = {**broker.env, **worker_db, "MLA_SWEEP_BATCH_SIZE": "40"}  # 30 batches to share
    celery_procs.start_workers("w1", "w2", env=env, concurrency=2)

    broker.send_sweeps(16)

    wait_until(lambda: open_due("race") == 0, timeout=60, what="every due deadline swept",
               diagnostics=lambda: f"{open_due('race')} still open")
    # Every task has finished (none is still inside a batch) before anything is counted.
    wait_until(lambda: sum(len(celery_procs.sweep_results(w)) for w in ("w1", "w2")) >= 16,
               timeout=60, what="all 16 sweep tasks to succeed")
    totals = assert_exactly_once("race", ids, staff)
    assert totals == {"swept": 1200, "open": 0, "events": 2400,
                      "notifications": 1200 * staff.per_deadline}
    # Each row was claimed by exactly one sweep (not merely deduplicated by the constraints).
    results = celery_procs.sweep_results("w1") + celery_procs.sweep_results("w2")
    assert sum(r["missed"] for r in results) == 1200, results
    assert sum(r["examined"] for r in results) == 1200, results
    # Both workers took part.
    assert celery_procs.sweeps_received("w1") and celery_procs.sweeps_received("w2")


@BROKERS
def test_worker_killed_mid_sweep_loses_and_duplicates_nothing(broker, worker_db, celery_procs):
    staff = seed_staff()
    total = 3000
    ids = seed_due_deadlines("kill", total)
    # Small batches: the sweep commits 25 rows at a time, so it is cut between two commits or
    # inside a batch's transaction.
    env = {**broker.env, **worker_db, "MLA_SWEEP_BATCH_SIZE": "25"}
    celery_procs.start_workers("doomed", env=env, concurrency=1)

    broker.send_sweeps(1)
    wait_until(lambda: swept("kill") >= 100, timeout=60, interval=0.01,
               what="the first sweep to commit a few batches")
    celery_procs.kill("doomed")

    left = open_due("kill")
    assert 0 < left < total, (f"{left} rows open after the kill: the sweep was not interrupted "
                              "mid-way (make it longer)")
    # What committed before the kill is complete; nothing was notified for the rest.
    partial = assert_exactly_once("kill", ids, staff, only_swept=True)
    assert partial["open"] == left and partial["swept"] == total - left

    celery_procs.start_workers("rescuer", env=env, concurrency=2)
    broker.send_sweeps(4)
    wait_until(lambda: open_due("kill") == 0, timeout=60, what="the rest swept",
               diagnostics=lambda: f"{open_due('kill')} still open")
    wait_until(lambda: len(celery_procs.sweep_results("rescuer")) >= 4, timeout=60,
               what="the rescuer's 4 sweeps to succeed")

    totals = assert_exactly_once("kill", ids, staff)
    assert totals["notifications"] == total * staff.per_deadline
    # The new worker handled exactly the rows left open, the killed batch included, once.
    assert sum(r["missed"] for r in celery_procs.sweep_results("rescuer")) == left
