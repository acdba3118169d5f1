"""The office's letter templates: default texts in the three languages, checked placeholders,
rendering that cannot run code, edits by supervisors only that the next letter uses."""

import pytest

from requests_app.documents.letters.correspondence_texts import DEFAULT_TEXTS
from requests_app.documents.letters.correspondence_texts import PLACEHOLDERS
from requests_app.documents.letters.correspondence_texts import template_errors
from requests_app.documents.letters.correspondence_texts import template_render
from requests_app.exceptions import ActionNotPermitted
from requests_app.exceptions import InvalidInput
from requests_app.models import LetterTemplate
from requests_app.models import RequestState
from requests_app.services.correspondence import GENERATED_KINDS
from requests_app.services.correspondence import correspondence_send
from requests_app.services.correspondence import letter_template_save
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import supervisor
from tests.requests_app import _support

traveller = _support.traveller


@pytest.mark.parametrize("kind", GENERATED_KINDS)
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_every_generated_letter_has_a_valid_default_text(kind, language):
    subject, body = DEFAULT_TEXTS[(kind, language)]
    assert template_errors(subject) == [] and template_errors(body) == []


@pytest.mark.parametrize("text", ["{their_refrence}", "{reference.__class__}", "{0}", "{}",
                                  "{reference[0]}", "{reference!r}", "{reference:>99}"])
def test_a_placeholder_the_engine_does_not_know_or_cannot_render_is_an_error(text):
    assert template_errors(f"Dear colleagues, {text}.")


@pytest.mark.parametrize("text", ["an open { brace", "a closing } brace"])
def test_an_unbalanced_brace_is_an_error(text):
    assert template_errors(text)


def test_doubled_braces_are_literal_braces():
    assert template_render("{{ {reference} }}", {"reference": "KZ-1"}) == "{ KZ-1 }"


def test_a_value_is_inserted_as_it_is_never_read_as_a_template():
    values = dict.fromkeys(PLACEHOLDERS, "")
    values["reasons"] = "{reference.__init__.__globals__}"
    assert template_render("R: {reasons}", values) == "R: {reference.__init__.__globals__}"


def test_rendering_an_invalid_template_refuses():
    with pytest.raises(ValueError):
        template_render("{__import__}", {})


@pytest.mark.django_db
def test_the_migrations_seed_every_kind_in_every_language():
    """Run on an empty table: a transactional test elsewhere in the run may have flushed what
    the migrations wrote when the test database was made."""
    from importlib import import_module

    from django.apps import apps

    LetterTemplate.objects.all().delete()
    import_module("requests_app.migrations.0011_correspondence").letter_templates_seed(apps, None)
    import_module("requests_app.migrations.0015_request_letter_template") \
        .request_letter_templates_seed(apps, None)
    seeded = set(LetterTemplate.objects.values_list("kind", "language"))
    assert seeded == set(DEFAULT_TEXTS)


@pytest.mark.django_db
def test_an_unknown_placeholder_is_refused_with_a_clear_error():
    with pytest.raises(InvalidInput) as error:
        letter_template_save(actor=supervisor(), kind="acknowledgement", language="en",
                             subject="Receipt", body="Received {their_refrence}.")
    assert set(error.value.errors) == {"body"}
    assert "their_refrence" in error.value.errors["body"]


@pytest.mark.django_db
def test_a_clerk_may_not_edit_a_template():
    with pytest.raises(ActionNotPermitted):
        letter_template_save(actor=clerk(), kind="acknowledgement", language="en",
                             subject="Receipt", body="Received.")


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_request_letters_default_frame_names_its_contents_once(language):
    subject, body = DEFAULT_TEXTS[("request", language)]
    assert template_errors(subject, "subject") == [] and template_errors(body, "request") == []


@pytest.mark.django_db
def test_a_request_letter_template_without_its_contents_is_refused():
    with pytest.raises(InvalidInput) as error:
        letter_template_save(actor=supervisor(), kind="request", language="en",
                             subject="Request", body="Dear colleagues, please help.")
    assert set(error.value.errors) == {"body"}


@pytest.mark.django_db
def test_another_letter_cannot_name_the_request_letters_contents():
    with pytest.raises(InvalidInput) as error:
        letter_template_save(actor=supervisor(), kind="acknowledgement", language="en",
                             subject="Receipt", body="We received: {contents}")
    assert set(error.value.errors) == {"body"}


@pytest.mark.django_db
def test_the_subject_line_cannot_name_the_contents():
    with pytest.raises(InvalidInput) as error:
        letter_template_save(actor=supervisor(), kind="request", language="en",
                             subject="Request {contents}", body="Dear colleagues:\n\n{contents}")
    assert set(error.value.errors) == {"subject"}


@pytest.mark.django_db
def test_the_request_letter_is_framed_by_the_offices_edited_template():
    from requests_app.documents.letters import letter_build
    from tests.factories import AssistanceRequestFactory

    letter_template_save(
        actor=supervisor(), kind="request", language="en",
        subject="Request for legal assistance in case {case_number}",
        body="{requesting_authority} asks for help:\n\n{contents}\n\nRespectfully.")
    request = AssistanceRequestFactory(case_number="2026-0042")
    letter = letter_build(request, language="en")
    # The office's subject names the case already: the subject line does not repeat it, and
    # adds the assistance sought.
    assert letter.subject.startswith("Request for legal assistance in case 2026-0042 — ")
    assert letter.subject.count("2026-0042") == 1
    assert letter.opening.endswith("asks for help:")
    assert letter.closing == "Respectfully."


@pytest.mark.django_db
def test_a_request_template_stored_broken_falls_back_to_the_default_frame():
    from requests_app.documents.letters import letter_build
    from tests.factories import AssistanceRequestFactory

    LetterTemplate.objects.update_or_create(
        kind="request", language="en", defaults={"subject": "S", "body": "{nonsense}"})
    letter = letter_build(AssistanceRequestFactory(), language="en")
    assert letter.subject.startswith(DEFAULT_TEXTS[("request", "en")][0] + " ")


@pytest.mark.django_db
@pytest.mark.usefixtures("traveller")
def test_the_next_letter_uses_the_edited_template():
    letter_template_save(actor=supervisor(), kind="acknowledgement", language="en",
                         subject="Receipt of {their_reference}",
                         body="Registered as {reference} in case {case_number}.")
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK,
                               their_reference="RS-9", case_number="2026-0042")
    letter = correspondence_send(actor=clerk(), request_id=request.pk, kind="acknowledgement",
                                 language="en")
    assert letter.subject == "Receipt of RS-9"
    assert letter.body == f"Registered as {request.reference} in case 2026-0042."


@pytest.mark.django_db
@pytest.mark.usefixtures("traveller")
def test_a_kind_without_a_template_reads_the_default_text():
    LetterTemplate.objects.filter(kind="acknowledgement", language="ru").delete()
    request = incoming_request("kz-rs-2015", state=RequestState.COMPLETENESS_CHECK)
    letter = correspondence_send(actor=clerk(), request_id=request.pk, kind="acknowledgement",
                                 language="ru")
    assert letter.subject == DEFAULT_TEXTS[("acknowledgement", "ru")][0]
