"""The unread notifications, newest first, come from an index of their own on PostgreSQL
(``notification_unread_newest_idx``): a page of them does not skip a user's years of read
ones."""

import pytest
from django.db import connection

from requests_app.selectors.notifications import NOTIFICATIONS_ORDER
from requests_app.selectors.notifications import notifications_of
from tests._fuzz import on_postgresql
from tests._roles import NOW
from tests.factories import clerk
from tests.factories import notifications_for

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(not on_postgresql(), reason="PostgreSQL's plans")]


def test_a_page_of_unread_notifications_is_read_from_their_partial_index():
    user = clerk()
    notifications_for(user, 12, NOW)
    page = notifications_of(user=user, unread=True).order_by(*NOTIFICATIONS_ORDER)[:51]

    with connection.cursor() as cursor:
        # A dozen rows: left to itself the planner rightly reads the table, or any index of the
        # recipient and then sorts. Here it must find the order in an index.
        cursor.execute("ANALYZE requests_app_notification")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        plan = page.explain()

    assert "notification_unread_newest_idx" in plan
