"""The admin: every registered model's changelist and change page render for a superuser, and the
transition log cannot be added to, changed or deleted through it."""

from datetime import date
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from rest_framework.authtoken.models import Token

from requests_app.models import AccessChannel
from requests_app.models import AccessKind
from requests_app.models import AssistanceRequest
from requests_app.models import ConsultationSubject
from requests_app.models import TransitionLog
from requests_app.services import records
from requests_app.services import registers
from requests_app.services import transitions as t
from requests_app.services.access_log import record_access
from requests_app.services.attachments import attachment_add
from requests_app.services.correspondence import correspondence_send
from requests_app.services.correspondence import letter_template_save
from requests_app.services.notes import note_add
from requests_app.services.notifications import notification_preferences_set
from requests_app.services.requests import person_add
from requests_app.services.signatories import SIGNATORY_TEXT_FIELDS
from requests_app.services.signatories import signatory_save
from requests_app.services.sweep import deadlines_sweep
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.requests_app import _support
from tests.requests_app._support import NOW
from tests.requests_app._support import TODAY

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("traveller"),
    # whitenoise warns when collectstatic has not been run; irrelevant to these pages.
]

traveller = _support.traveller


@pytest.fixture(scope="module")
def one_of_each_built(django_db_setup, django_db_blocker, tmp_path_factory):
    """``_one_of_each`` made once for the module's tests (each admin page test used to make it
    again, ~1 s apiece): inside a transaction that is rolled back when the module's tests are
    done; each test runs in a savepoint of it (pytest-django's per-test transaction, nested),
    so what a test writes is undone after it as before. Time is frozen at NOW, as the tests'
    ``traveller`` freezes it, and passwords use the tests' fast hasher."""
    with (django_db_blocker.unblock(), time_machine.travel(NOW, tick=False),
          override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("admin-media")),
                            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
          transaction.atomic()):
        yield _one_of_each().pk
        transaction.set_rollback(True)


@pytest.fixture
def one_of_each(one_of_each_built, db):
    """The outgoing request of the rows made once for the module (``one_of_each_built``)."""
    return AssistanceRequest.objects.get(pk=one_of_each_built)


def _one_of_each() -> AssistanceRequest:
    """At least one row of every model the admin shows, made through the services."""
    author, desk, boss = prosecutor(), clerk(), supervisor()
    signatory_save(actor=boss, authority=authority("kz-gpo"),
                   texts={name: "Signs" for name in SIGNATORY_TEXT_FIELDS})
    # Seeded by a migration, but a transactional test run earlier on this worker flushes it.
    letter_template_save(actor=boss, kind="acknowledgement", language="en", subject="Receipt",
                         body="Received {their_reference}.")
    outgoing = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author,
                                        channel="electronic")
    person = person_add(actor=author, request_id=outgoing.pk, role="to_serve",
                        full_name="Petar Petrović", appearance_date=TODAY + timedelta(days=90))
    records.translation_record(actor=author, request_id=outgoing.pk, language="sr",
                               completed_on=TODAY)
    records.original_record(actor=desk, request_id=outgoing.pk, dispatched_on=TODAY,
                            dispatch_channel="post")
    records.service_proof_record(actor=desk, request_id=outgoing.pk, person_id=person.pk,
                                 not_served_reason="Moved abroad")

    incoming = incoming_request("kz-rs-2015")
    detainee = person_add(actor=desk, request_id=incoming.pk, role="to_transfer",
                          full_name="Ivan Detained")
    records.consultation_record(actor=desk, request_id=incoming.pk,
                                subject=ConsultationSubject.REFUSAL, held_on=TODAY,
                                counterpart="Serbian MoJ", summary="Grounds discussed")
    records.decision_record_partial_or_conditional_considered(
        actor=desk, request_id=incoming.pk, reasons="Not possible", decided_on=TODAY)
    records.item_record(actor=desk, request_id=incoming.pk, description="Ledger",
                        holder="kazakhstan", handed_over_on=TODAY)
    records.transfer_record(actor=desk, request_id=incoming.pk, person_id=detainee.pk,
                            transferred_on=TODAY, return_due_on=date(2026, 6, 1))
    # Incoming RS: a failed service opens the RS 8.2 notice (a treaty duty row).
    records.service_proof_record(actor=desk, request_id=incoming.pk,
                                 not_served_reason="Address unknown")

    police = incoming_request("kz-cz-2017")
    entry = records.personal_data_record(
        actor=desk, request_id=police.pk, flow="received", transferred_on=TODAY, purpose="ID",
        data_categories="Name", bodies_involved="MVD", deletion_due_on=TODAY + timedelta(days=30))
    records.onward_transfer_record(actor=desk, entry_id=entry.pk, recipient="Europol",
                                   consent_reference="PP 1/2026", consent_given_on=TODAY)
    t.request_record_execution(request_id=police.pk, actor=desk)
    # Registers (services.registers): one row of each.
    condition = registers.use_condition_record(
        actor=desk, request_id=police.pk, flow="received", kind="use_limitation",
        conditions="Only for case 1", set_by="Police Presidium", set_on=TODAY)
    consent = registers.use_consent_record(
        actor=desk, request_id=police.pk, condition_id=condition.pk, scope="Case 2",
        asked_on=TODAY, status="given", answered_on=TODAY, in_writing=True)
    registers.material_use_record(actor=desk, request_id=police.pk, kind="other_purpose",
                                  description="Case 2", used_on=TODAY, consent_id=consent.pk)
    registers.personal_data_notice_record(actor=desk, entry_id=entry.pk, kind="inaccurate",
                                          received_on=TODAY, details="Wrong name")
    registers.personal_data_use_report_record(actor=desk, entry_id=entry.pk, asked_on=TODAY)
    registers.cost_item_record(actor=desk, request_id=incoming.pk, head="cost_experts",
                               description="Expert", amount=Decimal("10"), currency="EUR")
    records.asset_measure_record(actor=desk, request_id=incoming.pk, kind="frozen",
                                 amount=Decimal("2500.00"), currency="KZT", taken_on=TODAY)
    registers.spontaneous_information_record(
        actor=desk, flow="received", exchanged_on=TODAY, partner_state="RS",
        instrument="kz-rs-2015", channel="post", summary="Manifest", conditions="Only for x",
        kazakh_authority="GPO", foreign_authority="MoJ")
    registers.counterpart_notice_record(
        actor=desk, instrument="kz-cz-2017", flow="received", state="CZ",
        kind="contacts_changed", notified_on=TODAY, channel="electronic", authority="Police")
    note_add(actor=desk, request_id=incoming.pk, text="Called the Serbian desk")
    record_access(user=desk, request_id=incoming.pk, what=AccessKind.REQUEST_VIEWED,
                  channel=AccessChannel.WEB)
    correspondence_send(actor=desk, request_id=incoming.pk, kind="acknowledgement",
                        language="ru", channel="post")
    notification_preferences_set(actor=desk, email={"approved": False})
    Group.objects.get_or_create(name="Clerk")
    Token.objects.create(user=author)
    attachment_add(actor=author, request_id=outgoing.pk, kind="request",
                   uploaded_file=SimpleUploadedFile("r.pdf", b"%PDF-1.4 test"))
    # Submitting a draft freezes its letter (a LetterVersion and its two files).
    t.request_submit_for_review(request_id=AssistanceRequestFactory(created_by=author).pk,
                                actor=author)
    # A sweep past every due time leaves notification events and inbox rows.
    deadlines_sweep(now=NOW + timedelta(days=400))
    return outgoing


def _registered():
    # django-axes' own admin (failed sign-ins, lockouts) is the library's, tested by it.
    return sorted(((model, model_admin) for model, model_admin in admin.site._registry.items()
                   if model._meta.app_label != "axes"), key=lambda item: item[0]._meta.label)


def _ids(registered):
    return [model._meta.label for model, _ in registered]


REGISTERED = _registered()


def test_every_requests_app_model_is_registered():
    from django.apps import apps

    shown = {model for model, _ in REGISTERED}
    assert set(apps.get_app_config("requests_app").get_models()) <= shown


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=_ids(REGISTERED))
def test_changelist_answers_200(admin_client, one_of_each, model, model_admin):
    opts = model._meta

    response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))

    assert response.status_code == 200


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=_ids(REGISTERED))
def test_change_page_answers_200(admin_client, one_of_each, model, model_admin):
    opts = model._meta
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"no {opts.label} made by the fixture"

    response = admin_client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))

    assert response.status_code == 200


def test_request_changelist_search_and_filters_answer_200(admin_client, one_of_each):
    url = reverse("admin:requests_app_assistancerequest_changelist")

    assert admin_client.get(url, {"q": one_of_each.reference}).status_code == 200
    assert admin_client.get(url, {"state__exact": "drafting",
                                  "direction__exact": "outgoing"}).status_code == 200


def test_log_changelist_search_answers_200(admin_client, one_of_each):
    url = reverse("admin:requests_app_transitionlog_changelist")

    response = admin_client.get(url, {"q": one_of_each.reference})

    assert response.status_code == 200
    assert response.context["cl"].result_count == TransitionLog.objects.filter(
        request=one_of_each).count()


def test_transition_log_admin_grants_no_add_change_or_delete(rf, admin_user):
    model_admin = admin.site._registry[TransitionLog]
    request = rf.get("/")
    request.user = admin_user

    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert model_admin.has_view_permission(request)


def test_transition_log_add_page_is_forbidden(admin_client, one_of_each):
    response = admin_client.get(reverse("admin:requests_app_transitionlog_add"))

    assert response.status_code == 403


def test_transition_log_cannot_be_changed_through_the_admin(admin_client, one_of_each):
    row = TransitionLog.objects.filter(request=one_of_each).first()

    response = admin_client.post(
        reverse("admin:requests_app_transitionlog_change", args=[row.pk]),
        {"action": "forged", "reason": "rewritten", "at_0": "2026-01-01", "at_1": "00:00"})

    assert response.status_code == 403
    assert TransitionLog.objects.get(pk=row.pk).action == row.action


def test_transition_log_cannot_be_deleted_through_the_admin(admin_client, one_of_each):
    row = TransitionLog.objects.filter(request=one_of_each).first()
    url = reverse("admin:requests_app_transitionlog_delete", args=[row.pk])

    assert admin_client.get(url).status_code == 403
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert TransitionLog.objects.filter(pk=row.pk).exists()


def test_transition_log_bulk_delete_action_is_not_offered(admin_client, one_of_each):
    response = admin_client.get(reverse("admin:requests_app_transitionlog_changelist"))

    action_form = response.context["action_form"]
    assert action_form is None or "delete_selected" not in dict(
        action_form.fields["action"].choices)


def test_request_admin_is_read_only(admin_client, one_of_each):
    url = reverse("admin:requests_app_assistancerequest_change", args=[one_of_each.pk])

    response = admin_client.post(url, {"purpose": "Changed behind the services' back"})

    assert response.status_code == 403
    assert AssistanceRequest.objects.get(pk=one_of_each.pk).purpose != (
        "Changed behind the services' back")



def test_log_changelist_shows_each_rows_basis_never_a_blank(admin_client, one_of_each, settings):
    settings.LANGUAGE_CODE = "en"
    url = reverse("admin:requests_app_transitionlog_changelist")

    response = admin_client.get(url, {"q": one_of_each.reference}, HTTP_ACCEPT_LANGUAGE="en")

    body = response.content.decode()
    assert "kz-rs-2015 Art 4.1" in body  # the translation, RS 4.1
    assert "office procedure" in body  # the person added, the file attached
    assert body.count('class="field-log_basis">') == response.context["cl"].result_count
    assert 'class="field-log_basis"></td>' not in body


# --- letter templates: edited in the admin, saved through the service ----------------------------
def _template_post(admin_client, body):
    from requests_app.models import LetterTemplate

    # Seeded by a migration, but a transactional test may have flushed it: made here if absent.
    template, _ = LetterTemplate.objects.get_or_create(
        kind="acknowledgement", language="en", defaults={"subject": "Receipt", "body": "Received."})
    url = reverse("admin:requests_app_lettertemplate_change", args=[template.pk])
    return template, admin_client.post(url, {"kind": "acknowledgement", "language": "en",
                                             "subject": "Receipt", "body": body})


def test_a_template_with_an_unknown_placeholder_is_refused_in_the_admin(admin_client):
    template, response = _template_post(admin_client, "Received {their_refrence}.")
    assert response.status_code == 200
    assert "their_refrence" in str(response.context["adminform"].form.errors["body"])
    template.refresh_from_db()
    assert "{their_refrence}" not in template.body


def test_a_valid_template_is_saved_through_the_service_in_the_admin(admin_client, admin_user):
    template, response = _template_post(admin_client, "We received {their_reference}.")
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.body == "We received {their_reference}."
    assert template.updated_by == admin_user


def test_a_clerk_may_not_edit_letter_templates_in_the_admin(rf):
    from requests_app.models import LetterTemplate

    request = rf.get("/")
    request.user = clerk()
    model_admin = admin.site._registry[LetterTemplate]
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
