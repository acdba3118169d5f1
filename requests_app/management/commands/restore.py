"""``manage.py restore <archive.tar.gz> [--force]``: the database and every stored file back
from an archive of ``manage.py backup`` (``services.backup``), then the audit log's hash chain
verified."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand
from django.core.management.base import CommandError

from requests_app.management.commands.verify_audit_log import audit_log_breaks
from requests_app.services.backup import BackupError
from requests_app.services.backup import backup_restore


class Command(BaseCommand):
    help = ("Restore the database and the stored files from an archive of `manage.py backup`. "
            "Every checksum is verified first; a damaged or altered archive is refused and "
            "nothing is changed. Refuses a database or MEDIA_ROOT that already holds data "
            "unless --force is given.")

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the archive made by `manage.py backup`.")
        parser.add_argument(
            "--force", action="store_true",
            help="Replace the data already in the database and MEDIA_ROOT with the backup's "
                 "(everything there now is deleted).")

    def handle(self, *args, **options):
        path = Path(options["archive"])
        started = time.monotonic()
        try:
            summary = backup_restore(path, force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(
            f"Restored {summary.rows} rows in {summary.tables} tables and {summary.files} files "
            f"({summary.file_bytes} bytes) from {path} in {time.monotonic() - started:.1f} s; "
            "every checksum matches."))
        for name in summary.missing_files:
            self.stderr.write(self.style.WARNING(
                f"Was already missing from storage when the backup was made: {name}"))
        breaks = audit_log_breaks()
        for request_id, row_id, what in breaks:
            self.stderr.write(f"request {request_id}: log row {row_id} {what}")
        if breaks:
            raise CommandError(f"Restored, but {len(breaks)} request log(s) do not verify: the "
                               "backup holds them so (see `manage.py verify_audit_log`).")
        self.stdout.write(self.style.SUCCESS("Audit log intact: its hash chain verifies."))
