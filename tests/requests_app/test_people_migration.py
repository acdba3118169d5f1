"""Migration 0010 names the owners of the requests already there (the drafting prosecutor of an
outgoing request is its creator when a prosecutor; the clerk of an incoming one its registering
clerk) and gives every deadline notification its kind and request."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# The treaties app stays where it is (its later migrations, e.g. addresses per language, do not
# depend on these): named so that the models of the state match the tables.
TREATIES = ("treaties", "0004_authority_address_per_language")
BEFORE = [("requests_app", "0012_letter_versions_dispatch"), TREATIES]
AFTER = [("requests_app", "0013_people_owners_notifications"), TREATIES]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def _user(apps, name: str, role: str):
    user = apps.get_model("auth", "User").objects.create(username=name)
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=role)
    user.groups.add(group)
    return user


def _request(apps, direction: str, creator, reference: str):
    authority = apps.get_model("treaties", "Authority")
    instrument = apps.get_model("treaties", "Instrument").objects.get(slug="kz-rs-2015")
    kazakh = authority.objects.get(code="kz-gpo")
    other = authority.objects.filter(state__iso_code="RS").first()
    requesting, requested = (kazakh, other) if direction == "outgoing" else (other, kazakh)
    return apps.get_model("requests_app", "AssistanceRequest").objects.create(
        reference=reference, direction=direction, instrument=instrument,
        requesting_authority=requesting, requested_authority=requested, created_by=creator)


@pytest.mark.django_db(transaction=True)
def test_owners_and_notification_kinds_are_filled_in():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        author, desk = _user(old, "author", "Prosecutor"), _user(old, "desk", "Clerk")
        outgoing = _request(old, "outgoing", author, "MIG-OUT")
        by_clerk = _request(old, "outgoing", desk, "MIG-OUT-CLERK")
        incoming = _request(old, "incoming", desk, "MIG-IN")
        deadline = old.get_model("requests_app", "Deadline").objects.create(
            request=incoming, instrument=incoming.instrument, kind="execution_target",
            due_at=timezone.now() - timedelta(days=1), citation="kz-rs-2015 Art 6.5",
            responsible_side="kazakhstan", responsible_role="Prosecutor")
        event_model = old.get_model("requests_app", "NotificationEvent")
        for threshold in ("reminder:24h", "missed"):
            event = event_model.objects.create(deadline=deadline, threshold=threshold,
                                               due_at=deadline.due_at)
            old.get_model("requests_app", "Notification").objects.create(event=event,
                                                                         recipient=desk)

        new = _migrate(AFTER)
        requests = new.get_model("requests_app", "AssistanceRequest").objects
        assert requests.get(pk=outgoing.pk).drafting_prosecutor_id == author.pk
        assert requests.get(pk=by_clerk.pk).drafting_prosecutor_id is None
        assert requests.get(pk=incoming.pk).clerk_owner_id == desk.pk
        notifications = new.get_model("requests_app", "Notification").objects
        assert set(notifications.values_list("event__threshold", "kind", "request_id")) == {
            ("reminder:24h", "reminder", incoming.pk), ("missed", "missed", incoming.pk)}
    finally:
        _migrate(latest)
