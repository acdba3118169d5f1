"""The officials who sign the office's letters: kept by supervisors in three languages, chosen for
a draft among the active officials of its requesting authority."""

import pytest

from requests_app.exceptions import ActionNotPermitted
from requests_app.exceptions import InvalidInput
from requests_app.models import Signatory
from requests_app.services.requests import request_register_incoming
from requests_app.services.requests import request_update
from requests_app.services.signatories import SIGNATORY_TEXT_FIELDS
from requests_app.services.signatories import signatory_save
from tests.factories import AssistanceRequestFactory
from tests.factories import SignatoryFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import instrument
from tests.factories import prosecutor
from tests.factories import supervisor

pytestmark = pytest.mark.django_db

TEXTS = {name: f"{name} text" for name in SIGNATORY_TEXT_FIELDS}


def test_a_supervisor_keeps_a_signatory_with_name_and_position_in_three_languages():
    saved = signatory_save(actor=supervisor(), authority=authority("kz-gpo"), texts=TEXTS,
                           order=2)
    saved.refresh_from_db()
    assert (saved.name_kk, saved.position_ru, saved.order) == ("name_kk text",
                                                               "position_ru text", 2)


def test_a_prosecutor_may_not_keep_the_signatories():
    with pytest.raises(ActionNotPermitted):
        signatory_save(actor=prosecutor(), authority=authority("kz-gpo"), texts=TEXTS)
    assert not Signatory.objects.exists()


def test_a_signatory_needs_name_and_position_in_every_language_within_bounds():
    texts = {**TEXTS, "name_kk": " ", "position_en": "x" * 201}
    with pytest.raises(InvalidInput) as raised:
        signatory_save(actor=supervisor(), authority=authority("kz-gpo"), texts=texts)
    assert set(raised.value.errors) == {"name_kk", "position_en"}


def test_a_draft_takes_a_signatory_of_its_requesting_authority():
    draft = AssistanceRequestFactory()
    signatory = SignatoryFactory()
    request_update(actor=draft.created_by, request_id=draft.pk, signatory=signatory.pk)
    draft.refresh_from_db()
    assert draft.signatory == signatory


def test_the_signatory_is_cleared_with_none():
    draft = AssistanceRequestFactory(signatory=SignatoryFactory())
    request_update(actor=draft.created_by, request_id=draft.pk, signatory=None)
    draft.refresh_from_db()
    assert draft.signatory is None


@pytest.mark.parametrize("kind", ["other_authority", "inactive", "missing"])
def test_a_signatory_who_may_not_sign_for_the_draft_is_refused(kind):
    draft = AssistanceRequestFactory()
    signatory_id = {
        "other_authority": lambda: SignatoryFactory(authority=authority("kz-mvd")).pk,
        "inactive": lambda: SignatoryFactory(is_active=False).pk,
        "missing": lambda: 10**9,
    }[kind]()
    with pytest.raises(InvalidInput) as raised:
        request_update(actor=draft.created_by, request_id=draft.pk, signatory=signatory_id)
    assert set(raised.value.errors) == {"signatory"}
    draft.refresh_from_db()
    assert draft.signatory is None


def test_an_incoming_request_is_not_registered_with_a_signatory_of_ours():
    with pytest.raises(InvalidInput) as raised:
        request_register_incoming(
            actor=clerk(), instrument_id=instrument("kz-rs-2015").pk,
            requesting_authority_id=authority("rs-justice").pk,
            requested_authority_id=authority("kz-gpo").pk, channel="post",
            assistance_types=["service_of_documents"], signatory=SignatoryFactory().pk)
    assert set(raised.value.errors) == {"signatory"}


def test_the_admin_saves_a_signatory_through_the_service(admin_client):
    from django.urls import reverse

    response = admin_client.post(reverse("admin:requests_app_signatory_add"), {
        "authority": authority("kz-gpo").pk, **TEXTS, "is_active": "on", "order": "3"})

    assert response.status_code == 302
    saved = Signatory.objects.get()
    assert (saved.name_en, saved.order, saved.is_active) == ("name_en text", 3, True)


def test_a_prosecutor_does_not_see_the_signatories_in_the_admin():
    from django.contrib import admin
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = prosecutor()
    model_admin = admin.site._registry[Signatory]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
