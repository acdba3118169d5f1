"""``manage.py backup <archive.tar.gz>``: the database and every stored file in one archive
(``services.backup``; restore it with ``manage.py restore``)."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.core.management.base import CommandError

from requests_app.services.backup import BackupError
from requests_app.services.backup import backup_write


class Command(BaseCommand):
    help = ("Back up the database and the stored files (MEDIA_ROOT) together into one .tar.gz "
            "archive with a manifest of row counts and SHA-256 checksums.")

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the archive to write, e.g. "
                                            "backups/mla-2026-12-03.tar.gz (replaced if it exists).")

    def handle(self, *args, **options):
        path = Path(options["archive"])
        started = time.monotonic()
        try:
            summary = backup_write(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        for name in summary.missing_files:
            self.stderr.write(self.style.WARNING(
                f"Missing from storage (named by the database, not in the archive): {name}"))
        self.stdout.write(self.style.SUCCESS(
            f"Backed up {summary.rows} rows in {summary.tables} tables and {summary.files} files "
            f"({summary.file_bytes} bytes) to {path} ({path.stat().st_size} bytes) in "
            f"{time.monotonic() - started:.1f} s."))
