"""What tests/conftest.py sets up for the test connections."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="synchronous_commit is a PostgreSQL setting; SQLite has none")
def test_postgresql_test_connections_commit_without_waiting_for_the_disk():
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "off"
