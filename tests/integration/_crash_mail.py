"""An e-mail backend for the outbox test (not a test module): writes each message it accepts to
a folder, like an SMTP server that has accepted it, and after the N-th kills its own process at
once (``os._exit``: no cleanup, no commit), as a SIGKILL between hand-over and marking would."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class AcceptThenDieBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        outbox = Path(os.environ["MLA_TEST_OUTBOX"])
        die_after = int(os.environ.get("MLA_TEST_DIE_AFTER") or 0)
        for message in email_messages:
            count = len(list(outbox.iterdir())) + 1
            (outbox / f"{count:04d}.eml").write_bytes(message.message().as_bytes())
            if die_after and count == die_after:
                os._exit(137)
        return len(email_messages)
