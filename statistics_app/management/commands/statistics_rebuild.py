"""Recompute every request's statistics row from the requests and their decisions: after a bulk
load, a restore or a change to what the rows hold. The services keep the rows in step on every
change; this is the same function run over all requests, in batches. The aggregates the page
reads are rebuilt after it (as beat does every MLA_STATISTICS_REFRESH_SECONDS)."""

from django.core.management.base import BaseCommand

from statistics_app.aggregates import statistics_aggregates_refresh
from statistics_app.rows import statistics_rebuild


class Command(BaseCommand):
    help = "Recompute every request's statistics row from the case records."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, *args, batch_size: int, **options):
        written = statistics_rebuild(batch_size=batch_size)
        stamp = statistics_aggregates_refresh()
        self.stdout.write(self.style.SUCCESS(
            f"{written} statistics rows recomputed; aggregates rebuilt in {stamp.seconds:.1f}s."))
