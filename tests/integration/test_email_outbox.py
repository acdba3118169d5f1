"""E-mail exactly once (issue 12): the e-mailer claimed a batch of 200, handed all of it to the
SMTP server and marked it sent in one commit, so a worker killed in between sent the whole
batch again. Now each e-mail is marked as handed over and as sent in statements of its own: a
sender killed after the server accepted the third of five e-mails leaves exactly that one in
doubt; the next run sends it again, logged as a possible duplicate, and the two it never handed
over normally — six messages for five notifications, not ten."""

from __future__ import annotations

import os
import subprocess
from datetime import timedelta

from django.utils import timezone

from requests_app.models import EmailOutcome
from requests_app.models import Notification
from requests_app.models import NotificationKind
from requests_app.services.notifications import notify_case_event
from requests_app.services.sweep import EMAIL_CLAIM_LEASE
from requests_app.services.sweep import notifications_email_pending
from tests.factories import AssistanceRequestFactory
from tests.factories import prosecutor
from tests.integration._support import SHARED_DB

from .conftest import PYTHON
from .conftest import ROOT
from .conftest import subprocess_env

pytestmark = SHARED_DB

SEND = ("import django; django.setup(); from django.utils import timezone; "
        "from requests_app.services.sweep import notifications_email_pending; "
        "notifications_email_pending(now=timezone.now())")


def _five_notifications() -> list[int]:
    ids = []
    for _ in range(5):
        author = prosecutor()
        author.email = f"{author.username}@mla.example"
        author.save()
        request = AssistanceRequestFactory(drafting_prosecutor=author)
        (notification,) = notify_case_event(kind=NotificationKind.RETURNED, request=request,
                                            actor=None, recipients=[author.pk], text="Fix it")
        ids.append(notification.pk)
    return ids


def test_a_sender_killed_after_the_server_accepted_an_e_mail_leaves_only_that_one_in_doubt(
        worker_db, tmp_path, caplog, settings):
    ids = _five_notifications()
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    env = subprocess_env(**worker_db, MLA_TEST_OUTBOX=str(outbox), MLA_TEST_DIE_AFTER="3",
                         EMAIL_BACKEND="tests.integration._crash_mail.AcceptThenDieBackend")
    done = subprocess.run([PYTHON, "-c", SEND], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 137, done.stderr
    assert len(list(outbox.iterdir())) == 3

    rows = {n.pk: n for n in Notification.objects.filter(pk__in=ids)}
    sent = [pk for pk, n in rows.items() if n.email_outcome == EmailOutcome.SENT]
    in_doubt = [pk for pk, n in rows.items() if n.email_sending_at and not n.emailed_at]
    untouched = [pk for pk, n in rows.items() if n.email_claimed_at and not n.email_sending_at]
    assert (len(sent), len(in_doubt), len(untouched)) == (2, 1, 2)

    # Before the lease ends, nobody takes the claimed rows (their sender may be alive).
    settings.EMAIL_BACKEND = "tests.integration._crash_mail.AcceptThenDieBackend"
    os.environ["MLA_TEST_OUTBOX"] = str(outbox)
    os.environ.pop("MLA_TEST_DIE_AFTER", None)
    try:
        assert notifications_email_pending(now=timezone.now()) == 0
        later = timezone.now() + EMAIL_CLAIM_LEASE + timedelta(seconds=1)
        with caplog.at_level("WARNING", logger="requests_app.services.sweep"):
            assert notifications_email_pending(now=later) == 3
    finally:
        os.environ.pop("MLA_TEST_OUTBOX", None)

    assert len(list(outbox.iterdir())) == 6  # five notifications, one possible duplicate
    outcomes = dict(Notification.objects.filter(pk__in=ids).values_list("pk", "email_outcome"))
    assert outcomes[in_doubt[0]] == EmailOutcome.SENT_AGAIN
    assert sorted(outcomes.values()).count(EmailOutcome.SENT) == 4
    assert [r for r in caplog.records if "possible duplicate" in r.getMessage()]
