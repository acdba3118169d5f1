from django.core.management.base import BaseCommand

from treaties.services import treaties_load


class Command(BaseCommand):
    help = "Load (or refresh) every instrument with a rulebook, its parties and authorities. Idempotent."

    def handle(self, *args, **options):
        counts = treaties_load()
        self.stdout.write(self.style.SUCCESS(
            "Loaded {states} states, {instruments} instruments, {authorities} authorities."
            .format(**counts)))
