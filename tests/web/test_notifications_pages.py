from datetime import timedelta

import pytest

from requests_app.models import Notification
from requests_app.services.sweep import deadlines_sweep
from tests.scenarios import urgent_oral_request
from tests.web.conftest import NOW

pytestmark = pytest.mark.django_db


def _missed_oral_request(actor):
    request = urgent_oral_request(actor)
    deadlines_sweep(now=NOW + timedelta(hours=25))
    return request


def test_inbox_lists_the_users_notification_with_its_citation(police_clerk_client, frozen_now):
    request = _missed_oral_request(police_clerk_client.user)
    response = police_clerk_client.get("/notifications/")
    assert response.status_code == 200
    body = response.content.decode()
    assert request.reference in body and "kz-sk-2007 Art 7.4" in body


def test_unread_count_shows_in_the_navigation(police_clerk_client, frozen_now):
    _missed_oral_request(police_clerk_client.user)
    response = police_clerk_client.get("/notifications/")
    assert '<span class="badge"' in response.content.decode()


def test_marking_read_clears_the_notification(police_clerk_client, frozen_now):
    _missed_oral_request(police_clerk_client.user)
    (notification,) = Notification.objects.filter(recipient=police_clerk_client.user)
    response = police_clerk_client.post(f"/notifications/{notification.pk}/read/")
    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_another_users_notification_cannot_be_marked_read(police_clerk_client, clerk_client,
                                                          frozen_now):
    _missed_oral_request(police_clerk_client.user)
    (notification,) = Notification.objects.filter(recipient=police_clerk_client.user)
    clerk_client.post(f"/notifications/{notification.pk}/read/")
    notification.refresh_from_db()
    assert notification.read_at is None


def test_inbox_needs_sign_in(client):
    response = client.get("/notifications/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
