"""The demo data (``manage.py seed_demo``) is made through the services: every row of its log
names its basis. Before bases were kept, 8 of its 17 rows had no citation, 6 of them state
changes (submit, approve, completeness check, forwarding, start of execution)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from requests_app.models import BASIS_KEY
from requests_app.models import LogBasisKind
from requests_app.models import TransitionLog

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Seeded once for the module, in a transaction rolled back at its end; each test runs in a
    savepoint inside it (as in test_seed_demo_case_work)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_log(demo, db):
    rows = list(TransitionLog.objects.select_related("request__instrument").order_by("id"))
    assert rows, "the demo wrote no log"
    return rows


def test_every_row_the_demo_logs_has_a_citation_or_the_office_procedure_basis(demo_log):
    unstated = [(row.request.reference, row.action) for row in demo_log
                if not row.citation
                and row.details.get(BASIS_KEY) != LogBasisKind.OFFICE_PROCEDURE]
    assert unstated == []


def test_every_citation_the_demo_logs_is_an_article_of_the_requests_own_instrument(demo_log):
    for row in demo_log:
        assert row.basis.kind in (LogBasisKind.TREATY, LogBasisKind.OFFICE_PROCEDURE)
        if row.citation:
            assert row.basis.reference.instrument == row.request.instrument.slug, row.citation
            assert row.details[BASIS_KEY] == LogBasisKind.TREATY


def test_the_demos_state_changes_under_the_czech_agreement_cite_art_9_2(demo_log):
    # The hand-made Czech request (the demo's year of history holds others, executed and closed).
    czech = {row.action: row.citation for row in demo_log
             if row.request.instrument.slug == "kz-cz-2017"
             and row.request.their_reference == "KRPP-1234/2026"}
    assert czech == {"register": "kz-cz-2017 Art 9.1", "start_completeness_check": "",
                     "forward": "kz-cz-2017 Art 9.2", "start_execution": "kz-cz-2017 Art 9.2"}
