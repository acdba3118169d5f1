"""Every logged step names its basis: the article of the request's instrument it is taken under,
or office procedure where that instrument has no provision on it (issue 9, item 3).

The catalogue declares the basis of every transition; the record and request services state
theirs; ``log_write`` refuses a row that names neither. The walk below runs every transition of
the catalogue under every rulebook, then every transition of the two directions through the
service under each of the four instruments; the articles chosen are tested one by one against the
texts (``docs/rule-table.md``, "Citations in the audit log")."""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from requests_app.models import BASIS_KEY
from requests_app.models import AssistanceRequest
from requests_app.models import ConsultationSubject
from requests_app.models import ExecutionOutcome
from requests_app.models import LogBasis
from requests_app.models import LogBasisKind
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import records
from requests_app.services import transitions as t
from requests_app.services.attachments import attachment_add
from requests_app.services.changes import UnstatedBasis
from requests_app.services.changes import log_write
from requests_app.services.changes import request_change
from requests_app.services.requests import person_add
from requests_app.services.requests import request_update
from requests_app.workflow.bases import consultation_rule
from requests_app.workflow.specs import CATALOGUE
from requests_app.workflow.specs import SPECS
from requests_app.workflow.specs import TransitionSpec
from tests.factories import COUNTERPARTS
from tests.factories import AssistanceRequestFactory
from tests.factories import answer_params
from tests.factories import clerk
from tests.factories import detained_person
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.requests_app import _support
from tests.requests_app._support import TODAY
from tests.requests_app._support import fresh
from treaties.rulebook.registry import all_rulebooks
from treaties.rulebook.registry import get_rulebook

CZ, SK, RS, BR = "kz-cz-2017", "kz-sk-2007", "kz-rs-2015", "kz-br-2018"
SLUGS = (CZ, SK, RS, BR)
OFFICE = "office procedure"

traveller = _support.traveller
desk = _support.desk


def _params(spec: TransitionSpec, rulebook) -> list[dict]:
    """The parameter sets that change what a transition is taken under: every ground the
    instrument lists and none; a full and a partial execution."""
    if spec.name == "refuse":
        return [{"ground": g.code} for g in rulebook.refusal_grounds] + [{"ground": ""}]
    if spec.name == "defer":
        return [{"ground": g.code} for g in rulebook.deferral_grounds] + [{"ground": ""}]
    if spec.name == "record_execution":
        return [{"outcome": value} for value in ExecutionOutcome.values]
    return [{}]


def _all_citations(rulebook) -> set[str]:
    cited = set()
    for rule in rulebook.rules():
        cited.add(str(rule.citation))
        for value in vars(rule).values():  # PersonalDataRule's own articles (register...)
            if value.__class__.__name__ == "Citation":
                cited.add(str(value))
    return cited


def _shown(basis: LogBasis) -> str:
    """The basis as a reference without the instrument ("Art 9.2") or "office procedure"."""
    if basis.kind == LogBasisKind.OFFICE_PROCEDURE:
        return OFFICE
    return basis.reference.reference


# --- the catalogue --------------------------------------------------------------------------------
def test_every_transition_declares_either_the_rule_it_is_taken_under_or_office_procedure():
    for spec in SPECS:
        assert (spec.cites is not None) != spec.office_procedure, spec.name


def test_a_transition_declaring_both_a_rule_and_office_procedure_is_refused():
    with pytest.raises(ValueError, match="submit_for_review"):
        replace(CATALOGUE["submit_for_review"], cites=lambda rulebook, params: None)


def test_a_transition_declaring_neither_a_rule_nor_office_procedure_is_refused():
    with pytest.raises(ValueError, match="transmit"):
        replace(CATALOGUE["transmit"], cites=None)


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.name)
def test_every_transition_under_every_rulebook_cites_that_instrument_or_office_procedure(spec):
    for slug, rulebook in all_rulebooks().items():
        for params in _params(spec, rulebook):
            basis = spec.basis(rulebook, params)
            assert basis.kind in (LogBasisKind.TREATY, LogBasisKind.OFFICE_PROCEDURE)
            if basis.kind == LogBasisKind.TREATY:
                assert basis.reference.instrument == slug, (spec.name, slug, params)
                assert basis.citation in _all_citations(rulebook), (spec.name, slug, params)
            else:
                assert basis.citation == ""
            assert basis.text, (spec.name, slug)


# What each transition is taken under, by instrument (checked against the texts).
EXPECTED = {
    "submit_for_review": (OFFICE, OFFICE, OFFICE, OFFICE),
    "return_for_revision": (OFFICE, OFFICE, OFFICE, OFFICE),
    "approve": (OFFICE, OFFICE, OFFICE, OFFICE),
    "transmit": ("Art 9.1", "Art 7.2", "Art 2", "Art 2"),
    "transmit_orally": ("Art 9.1", "Art 7.4", OFFICE, OFFICE),
    "confirm_in_writing": ("Art 9.1", "Art 7.4", OFFICE, OFFICE),
    "start_completeness_check": (OFFICE, OFFICE, OFFICE, OFFICE),
    "request_additional_info": ("Art 9.2", "Art 7.5", OFFICE, "Art 22.4"),
    "supply_additional_info": ("Art 9.2", "Art 7.5", OFFICE, "Art 22.4"),
    "forward": ("Art 9.2", OFFICE, OFFICE, "Art 24.1"),
    "start_execution": ("Art 9.2", "Art 7.5", "Art 6.1", "Art 24.1"),
    "open_consultation": (OFFICE, OFFICE, "Art 5.3", "Art 3.3"),
    "set_conditions": ("Art 9.4", OFFICE, "Art 6.3", "Art 3.3"),
    "resume_execution": (OFFICE, OFFICE, OFFICE, OFFICE),
    "transmit_results": ("Art 9.2", "Art 7.5", "Art 4.2", "Art 24.9"),
    "await_return_of_items": (OFFICE, OFFICE, "Art 15", "Art 14"),
    "close": (OFFICE, OFFICE, OFFICE, OFFICE),
    "withdraw": (OFFICE, OFFICE, OFFICE, OFFICE),
}


@pytest.mark.parametrize(("name", "slug"), [(name, slug) for name in EXPECTED for slug in SLUGS])
def test_each_transition_cites_the_article_it_is_taken_under_for_each_instrument(name, slug):
    basis = CATALOGUE[name].basis(get_rulebook(slug), {})
    assert _shown(basis) == EXPECTED[name][SLUGS.index(slug)]


def test_the_expectations_cover_every_transition_without_parameters_that_matter():
    assert set(EXPECTED) | {"refuse", "defer", "record_execution"} == set(CATALOGUE)


@pytest.mark.parametrize(("slug", "ground", "shown"), [
    (RS, "refusal_sovereignty_security_public_order", "Art 5.2(b)"),
    (RS, "", "Art 5.4"),
    (BR, "refusal_double_jeopardy", "Art 3.1(e)"),
    (BR, "", "Art 3.4"),
    (CZ, "refusal_contrary_to_law_or_obligations", "Art 9.4"),
    (CZ, "", "Art 9.5"),
    (SK, "refusal_sovereignty_security_interests", "Art 7.6"),
    (SK, "", "Art 7.7"),
])
def test_a_refusal_cites_its_ground_or_else_the_refusal_reasons_article(slug, ground, shown):
    assert _shown(CATALOGUE["refuse"].basis(get_rulebook(slug), {"ground": ground})) == shown


@pytest.mark.parametrize(("slug", "ground", "shown"), [
    (RS, "deferral_interferes_with_proceedings", "Art 6.2"),
    (RS, "", "Art 6.4"),
    (BR, "deferral_endangers_person", "Art 3.2"),
    (BR, "", "Art 3.4"),
])
def test_a_deferral_cites_its_ground_or_else_the_deferral_reasons_article(slug, ground, shown):
    assert _shown(CATALOGUE["defer"].basis(get_rulebook(slug), {"ground": ground})) == shown


@pytest.mark.parametrize(("slug", "full", "partial"), [
    (CZ, "Art 9.2", "Art 9.5"), (SK, "Art 7.5", "Art 7.7"), (RS, "Art 6.1", "Art 5.4"),
    (BR, "Art 24.1", "Art 3.4"),
])
def test_a_full_execution_cites_the_execution_article_and_a_partial_one_the_reasons_article(
        slug, full, partial):
    record = CATALOGUE["record_execution"]
    assert _shown(record.basis(get_rulebook(slug), {"outcome": "full"})) == full
    assert _shown(record.basis(get_rulebook(slug), {"outcome": "partial"})) == partial


# --- consultations by subject --------------------------------------------------------------------
CONSULTATIONS = {
    "refusal": (OFFICE, OFFICE, "Art 5.3", "Art 3.3"),
    "deferral": (OFFICE, OFFICE, "Art 6.3", "Art 3.3"),
    "conditions": (OFFICE, OFFICE, "Art 6.3", "Art 3.3"),
    "confidentiality": (OFFICE, OFFICE, "Art 7.1", "Art 5.1"),
    "costs": ("Art 12", "Art 11", "Art 17.2", "Art 27.4"),
    "other": (OFFICE, OFFICE, OFFICE, "Art 29.1"),
}


def test_the_consultation_table_covers_every_subject():
    assert set(CONSULTATIONS) == set(ConsultationSubject.values)


@pytest.mark.parametrize(("subject", "slug"),
                         [(subject, slug) for subject in CONSULTATIONS for slug in SLUGS])
def test_a_consultation_cites_the_article_its_subject_is_consulted_under(subject, slug):
    basis = LogBasis.under(consultation_rule(get_rulebook(slug), subject))
    assert _shown(basis) == CONSULTATIONS[subject][SLUGS.index(slug)]


# --- the row --------------------------------------------------------------------------------------
def test_a_treaty_basis_reads_in_the_active_language():
    basis = LogBasis.treaty("kz-rs-2015 Art 3.2(c)")
    with translation.override("en"):
        assert basis.text == "kz-rs-2015 Art 3.2(c)"
    with translation.override("ru"):
        assert basis.text == "kz-rs-2015 ст. 3.2(c)"
    with translation.override("kk"):
        assert basis.text == "kz-rs-2015 3.2(c)-бап"


def test_office_procedure_reads_as_such_and_cites_nothing():
    basis = LogBasis.office_procedure()
    with translation.override("en"):
        assert (basis.text, basis.citation, basis.as_details()) == (
            "office procedure", "", {BASIS_KEY: "office_procedure"})


def test_a_missing_rule_makes_the_step_office_procedure_under_that_instrument():
    assert LogBasis.under(None) == LogBasis.office_procedure()
    assert LogBasis.under(get_rulebook(RS).originals) == LogBasis.treaty("kz-rs-2015 Art 3.4")


def test_a_treaty_basis_without_an_article_is_refused():
    with pytest.raises(ValueError):
        LogBasis.treaty("")


@pytest.mark.django_db
def test_log_write_refuses_a_row_without_a_basis():
    request = incoming_request(CZ)
    with pytest.raises(UnstatedBasis, match="register"):
        log_write(request=request, actor=None, at=request.created_at, action="register",
                  from_state="", to_state=request.state, basis=None)
    assert not TransitionLog.objects.filter(request=request).exists()


@pytest.mark.django_db
def test_a_change_that_states_no_basis_is_rolled_back(traveller, desk):
    request = incoming_request(CZ, state=RequestState.COMPLETENESS_CHECK)

    with pytest.raises(UnstatedBasis):
        with request_change(actor=desk, request_id=request.pk, roles=None,
                            action="contents_checked") as change:
            change.request.their_reference = "changed"

    assert not TransitionLog.objects.filter(request=request).exists()
    assert (fresh(request).version, fresh(request).their_reference) == (
        request.version, request.their_reference)


@pytest.mark.django_db
def test_a_row_logged_before_bases_were_kept_reads_not_recorded_never_blank():
    request = incoming_request(CZ)
    row = TransitionLog.objects.create(request=request, at=request.created_at, action="forward",
                                       from_state="completeness_check", to_state="forwarded")
    with translation.override("en"):
        assert (row.basis.kind, row.basis.text) == (LogBasisKind.NOT_RECORDED,
                                                    "basis not recorded")


# --- through the services: every transition of both directions, under each instrument -------------
def _every_row_has_a_basis(request: AssistanceRequest) -> list[tuple[str, str]]:
    rows = list(TransitionLog.objects.filter(request=request).order_by("id"))
    for row in rows:
        stored = row.details.get(BASIS_KEY)
        assert stored in ("treaty", "office_procedure"), (row.action, row.details)
        assert bool(row.citation) == (stored == "treaty"), (row.action, row.citation)
        if row.citation:
            assert row.citation.startswith(f"{request.instrument.slug} Art "), row.citation
    return [(row.action, _shown(row.basis)) for row in rows]


TRANSLATION_INTO = {CZ: "en", SK: "en", RS: "sr", BR: "pt"}


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_an_outgoing_request_logs_a_basis_for_every_step_from_draft_to_closure(traveller, slug):
    office = COUNTERPARTS[slug][1]
    author, boss, desk = prosecutor(office), supervisor(), clerk(office)
    request = AssistanceRequestFactory(instrument_slug=slug, created_by=author)
    records.translation_record(actor=author, request_id=request.pk,
                               language=TRANSLATION_INTO[slug], completed_on=TODAY)
    t.request_submit_for_review(request_id=request.pk, actor=author)
    t.request_return_for_revision(request_id=request.pk, actor=boss, reason="Add the questions")
    t.request_submit_for_review(request_id=request.pk, actor=author)
    t.request_approve(request_id=request.pk, actor=boss)
    t.request_transmit(request_id=request.pk, actor=desk)
    t.request_transition(request_id=request.pk, actor=desk, name="request_additional_info",
                         reason="They ask for the text of Article 190")
    t.request_transition(request_id=request.pk, actor=desk, name="supply_additional_info")
    t.request_transition(request_id=request.pk, actor=desk, name="open_consultation")
    t.request_transition(request_id=request.pk, actor=desk, name="resume_execution")
    t.request_record_execution(request_id=request.pk, actor=desk)
    t.request_close(request_id=request.pk, actor=desk)

    column = SLUGS.index(slug)
    assert _every_row_has_a_basis(request) == [
        ("translation_recorded", {CZ: "Art 9.6", SK: "Art 8.3", RS: "Art 4.1",
                                  BR: "Art 23.1"}[slug]),
        ("submit_for_review", OFFICE), ("return_for_revision", OFFICE),
        ("submit_for_review", OFFICE), ("approve", OFFICE),
        ("transmit", EXPECTED["transmit"][column]),
        ("request_additional_info", EXPECTED["request_additional_info"][column]),
        ("supply_additional_info", EXPECTED["supply_additional_info"][column]),
        ("open_consultation", EXPECTED["open_consultation"][column]),
        ("resume_execution", OFFICE),
        ("record_execution", EXPECTED["start_execution"][column]),
        ("close", OFFICE)]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_an_incoming_request_logs_a_basis_for_every_step_from_receipt_to_closure(traveller, slug):
    desk = clerk(COUNTERPARTS[slug][1])
    request = incoming_request(slug, state=RequestState.RECEIVED, executing_authority=None,
                               request_language="en" if slug in (CZ, SK) else "ru")
    t.request_transition(request_id=request.pk, actor=desk, name="start_completeness_check")
    t.request_transition(request_id=request.pk, actor=desk, name="request_additional_info",
                         reason="Send the decision to open the case")
    t.request_transition(request_id=request.pk, actor=desk, name="supply_additional_info")
    t.request_forward(request_id=request.pk, actor=desk,
                      executing_authority_id=request.requested_authority_id)
    t.request_transition(request_id=request.pk, actor=desk, name="start_execution")
    t.request_transition(request_id=request.pk, actor=desk, name="open_consultation")
    t.request_transition(request_id=request.pk, actor=desk, name="resume_execution")
    t.request_record_execution(request_id=request.pk, actor=desk, outcome="partial",
                               reasons="The second witness could not be found")
    t.request_transition(request_id=request.pk, actor=desk, name="transmit_results",
                         params=answer_params(request))
    t.request_close(request_id=request.pk, actor=desk)

    column = SLUGS.index(slug)
    assert _every_row_has_a_basis(request) == [
        (name, EXPECTED[name][column]) for name in (
            "start_completeness_check", "request_additional_info", "supply_additional_info",
            "forward", "start_execution", "open_consultation", "resume_execution")] + [
        ("record_execution", {CZ: "Art 9.5", SK: "Art 7.7", RS: "Art 5.4", BR: "Art 3.4"}[slug]),
        ("transmit_results", EXPECTED["transmit_results"][column]),
        ("close", OFFICE)]


@pytest.mark.django_db
def test_br_execution_on_conditions_accepted_by_the_requesting_side_cites_art_3_3(traveller):
    request = incoming_request(BR)
    t.request_set_conditions(request_id=request.pk, actor=clerk(), accepted_on=TODAY,
                             conditions="Use only in case 2026-0001")
    assert _every_row_has_a_basis(request) == [("set_conditions", "Art 3.3")]


@pytest.mark.django_db
def test_rs_return_of_items_awaited_cites_art_15(traveller, desk):
    request = incoming_request(RS)
    records.item_record(actor=desk, request_id=request.pk, description="Laptop",
                        holder="other_side", handed_over_on=TODAY)
    t.request_record_execution(request_id=request.pk, actor=desk)
    t.request_transition(request_id=request.pk, actor=desk, name="await_return_of_items")
    assert _every_row_has_a_basis(request)[-1] == ("await_return_of_items", "Art 15")


@pytest.mark.django_db
def test_a_withdrawal_is_office_procedure(traveller):
    author = prosecutor()
    request = AssistanceRequestFactory(instrument_slug=RS, created_by=author)
    t.request_withdraw(request_id=request.pk, actor=author, reason="The case was closed")
    assert _every_row_has_a_basis(request) == [("withdraw", OFFICE)]


# --- through the services: the records ------------------------------------------------------------
def _last(request: AssistanceRequest) -> tuple[str, str]:
    return _every_row_has_a_basis(request)[-1]


def _consult(request, actor, subject):
    records.consultation_record(actor=actor, request_id=request.pk, subject=subject,
                                held_on=TODAY, counterpart="Central authority, Ms Petrović",
                                summary="Discussed")


@pytest.mark.django_db
@pytest.mark.parametrize(("slug", "subject", "shown"), [
    (RS, "refusal", "Art 5.3"), (RS, "deferral", "Art 6.3"), (BR, "refusal", "Art 3.3"),
    (BR, "other", "Art 29.1"), (RS, "costs", "Art 17.2"), (CZ, "refusal", OFFICE),
])
def test_a_recorded_consultation_cites_the_article_of_its_subject(traveller, desk, slug, subject,
                                                                   shown):
    request = incoming_request(slug)
    _consult(request, desk, subject)
    assert _last(request) == ("consultation_recorded", shown)


@pytest.mark.django_db
@pytest.mark.parametrize(("slug", "shown"), [(RS, "Art 8.2"), (BR, "Art 6.3"), (CZ, OFFICE),
                                             (SK, OFFICE)])
def test_a_proof_of_service_cites_rs_8_2_or_br_6_3_and_is_office_procedure_elsewhere(
        traveller, desk, slug, shown):
    request = incoming_request(slug)
    records.service_proof_record(actor=desk, request_id=request.pk,
                                 served_at=_support.NOW - timedelta(hours=1), place="Astana",
                                 manner="in person", received_by="Addressee",
                                 signed_and_sealed=True)
    assert _last(request) == ("service_proof_recorded", shown)


@pytest.mark.django_db
@pytest.mark.parametrize(("slug", "shown"), [(RS, "Art 3.4"), (BR, "Art 22.1"), (CZ, OFFICE)])
def test_an_original_cites_rs_3_4_or_br_22_1_and_is_office_procedure_elsewhere(traveller, desk,
                                                                              slug, shown):
    request = AssistanceRequestFactory(instrument_slug=slug, channel="electronic")
    original = records.original_record(actor=desk, request_id=request.pk, asked_for_on=TODAY)
    records.original_update(actor=desk, original_id=original.pk, dispatched_on=TODAY,
                            dispatch_channel="post")
    assert _every_row_has_a_basis(request) == [("original_recorded", shown),
                                               ("original_updated", shown)]


@pytest.mark.django_db
@pytest.mark.parametrize(("slug", "shown"), [(RS, "Art 15"), (BR, "Art 14")])
def test_the_return_of_a_handed_over_item_cites_rs_15_or_br_14(traveller, desk, slug, shown):
    request = incoming_request(slug)
    item = records.item_record(actor=desk, request_id=request.pk, description="Laptop",
                               holder="other_side", handed_over_on=TODAY)
    records.item_mark_returned(actor=desk, item_id=item.pk, returned_on=TODAY)
    assert _every_row_has_a_basis(request) == [("item_recorded", shown), ("item_returned", shown)]


@pytest.mark.django_db
def test_a_rs_detainee_transfer_and_its_extension_cite_art_11_1(traveller, desk):
    request = incoming_request(RS)
    transfer = records.transfer_record(actor=desk, request_id=request.pk,
                                       person_id=detained_person(request).pk,
                                       transferred_on=TODAY,
                                       return_due_on=TODAY + timedelta(days=60))
    records.transfer_extend(actor=desk, transfer_id=transfer.pk,
                            return_due_on=TODAY + timedelta(days=90))
    assert _every_row_has_a_basis(request) == [("transfer_recorded", "Art 11.1"),
                                               ("transfer_extended", "Art 11.1")]


@pytest.mark.django_db
def test_a_br_detainee_transfer_and_its_return_cite_art_9_2_b(traveller, desk):
    request = incoming_request(BR)
    transfer = records.transfer_record(actor=desk, request_id=request.pk,
                                       person_id=detained_person(request).pk,
                                       transferred_on=TODAY, person_consented=True,
                                       release_date=TODAY + timedelta(days=200))
    records.transfer_mark_returned(actor=desk, transfer_id=transfer.pk, returned_on=TODAY)
    assert _every_row_has_a_basis(request) == [("transfer_recorded", "Art 9.2(b)"),
                                               ("transfer_returned", "Art 9.2(b)")]


@pytest.mark.django_db
def test_editing_the_draft_and_adding_a_person_are_office_procedure(traveller):
    author = prosecutor()
    request = AssistanceRequestFactory(instrument_slug=RS, created_by=author)
    request_update(actor=author, request_id=request.pk, purpose="Hear the second witness")
    person_add(actor=author, request_id=request.pk, role="to_hear", full_name="Jovan Jović")
    assert _every_row_has_a_basis(request) == [("update", OFFICE), ("person_add", OFFICE)]


@pytest.mark.django_db
def test_recording_the_final_confiscation_date_under_br_cites_the_asset_sharing_term_art_18_2(
        traveller):
    author = prosecutor()
    request = AssistanceRequestFactory(instrument_slug=BR, created_by=author,
                                       state=RequestState.TRANSMITTED)
    request_update(actor=author, request_id=request.pk, final_confiscation_effective_on=TODAY)
    request_update(actor=author, request_id=request.pk, their_reference="DRCI 1234/2026")
    assert _every_row_has_a_basis(request) == [("update", "Art 18.2"), ("update", OFFICE)]


@pytest.mark.django_db
def test_attaching_a_file_is_office_procedure(traveller, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    author = prosecutor()
    request = AssistanceRequestFactory(instrument_slug=RS, created_by=author)
    attachment_add(actor=author, request_id=request.pk, kind="other",
                   uploaded_file=SimpleUploadedFile("note.pdf", b"%PDF-1.4\n%%EOF\n"))
    assert _every_row_has_a_basis(request) == [("attachment_added", OFFICE)]
