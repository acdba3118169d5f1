"""Recompute every request's statistics row from the requests and their decisions: after a bulk
load, a restore or a change to what the rows hold. The services keep the rows in step on every
change; this is the same function run over all requests, in batches."""

from django.core.management.base import BaseCommand

from statistics_app.rows import statistics_rebuild


class Command(BaseCommand):
    help = "Recompute every request's statistics row from the case records."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, *args, batch_size: int, **options):
        written = statistics_rebuild(batch_size=batch_size)
        self.stdout.write(self.style.SUCCESS(f"{written} statistics rows recomputed."))
