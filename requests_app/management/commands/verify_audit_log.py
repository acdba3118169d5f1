"""Verify the tamper-evident chain of the transition log.

Each request's rows are chained (``TransitionLog.prev_hash`` / ``row_hash``, see
``models.audit.log_chain_hash``): a row changed, removed or slipped in anywhere breaks the chain
from that row on. The command reads every row once, in the order it was written, without model
instances, and reports each request whose chain is broken and where. Exit status 1 when any is.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.core.management.base import CommandError

from requests_app.models import TransitionLog
from requests_app.models import log_chain_hash

FIELDS = ("id", "request_id", "actor_id", "at", "action", "from_state", "to_state", "reason",
          "citation", "details", "prev_hash", "row_hash")


def audit_log_breaks(request_id: int | None = None) -> list[tuple[int, int, str]]:
    """(request id, log row id, what is wrong) for the first broken row of each request."""
    rows = TransitionLog.objects.order_by("request_id", "id").values_list(*FIELDS)
    if request_id is not None:
        rows = rows.filter(request_id=request_id)
    breaks: list[tuple[int, int, str]] = []
    current, expected_prev, broken = None, "", False
    for (pk, req, actor, at, action, from_state, to_state, reason, citation, details,
         prev_hash, row_hash) in rows.iterator(chunk_size=5000):
        if req != current:
            current, expected_prev, broken = req, "", False
        if broken:
            continue
        if prev_hash != expected_prev:
            breaks.append((req, pk, "does not follow the row before it (removed or inserted)"))
            broken = True
            continue
        if row_hash != log_chain_hash(prev_hash, request_id=req, actor_id=actor, at=at,
                                      action=action, from_state=from_state, to_state=to_state,
                                      reason=reason, citation=citation, details=details):
            breaks.append((req, pk, "changed after it was written"))
            broken = True
            continue
        expected_prev = row_hash
    return breaks


class Command(BaseCommand):
    help = "Verify the hash chain of every request's transition log (exit 1 when broken)."

    def add_arguments(self, parser):
        parser.add_argument("--request", type=int, help="Only this request's log.")

    def handle(self, *args, **options):
        breaks = audit_log_breaks(options.get("request"))
        rows = TransitionLog.objects.count() if options.get("request") is None else (
            TransitionLog.objects.filter(request_id=options["request"]).count())
        for request_id, row_id, what in breaks:
            self.stderr.write(f"request {request_id}: log row {row_id} {what}")
        if breaks:
            raise CommandError(f"{len(breaks)} request log(s) broken among {rows} rows.")
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {rows} rows verified."))
