"""The transition catalogue: one spec per transition of the graph, and every interface derived
from it (service, API body, web form, options)."""

import pytest

from requests_app.exceptions import InvalidInput
from requests_app.forms.transitions import TransitionForm
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import transitions as t
from requests_app.workflow.graph import graph_transition_names
from requests_app.workflow.params import ParamKind
from requests_app.workflow.specs import CATALOGUE
from requests_app.workflow.specs import SPECS
from tests.factories import incoming_request
from tests.requests_app import _support

traveller = _support.traveller


def test_every_transition_of_the_graph_has_exactly_one_spec():
    assert sorted(spec.name for spec in SPECS) == sorted(set(spec.name for spec in SPECS))
    assert set(CATALOGUE) == graph_transition_names()


def test_a_parameter_name_means_one_kind_of_value_in_every_action():
    kinds = {}
    for spec in SPECS:
        for param in spec.params:
            assert kinds.setdefault(param.name, param.kind) == param.kind, param.name


def test_every_spec_names_roles_and_a_label():
    for spec in SPECS:
        assert spec.roles and str(spec.label), spec.name


def test_binding_refuses_a_parameter_the_action_does_not_take():
    with pytest.raises(InvalidInput) as error:
        CATALOGUE["approve"].bind({"ground": "x"})
    assert set(error.value.errors) == {"ground"}


def test_binding_requires_the_required_parameters():
    with pytest.raises(InvalidInput) as error:
        CATALOGUE["forward"].bind({"executing_authority_id": None})
    assert set(error.value.errors) == {"executing_authority_id"}


def test_binding_fills_the_defaults_of_absent_and_empty_parameters():
    assert CATALOGUE["record_execution"].bind({"outcome": None}) == {
        "outcome": "full", "reasons": ""}


def test_reasons_given_to_the_other_side_are_the_log_reason_unless_one_is_given():
    refuse = CATALOGUE["refuse"]
    assert refuse.log_reason("", {"reasons": "No dual criminality"}) == "No dual criminality"
    assert refuse.log_reason("Our note", {"reasons": "No dual criminality"}) == "Our note"
    assert CATALOGUE["withdraw"].log_reason("", {"reasons": "x"}) == ""


@pytest.mark.django_db
def test_the_web_form_has_one_field_per_parameter_and_a_reason_where_required(traveller):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    refuse = TransitionForm(request_obj=request, spec=CATALOGUE["refuse"])
    assert set(refuse.fields) == {"version", "ground", "reasons", "partial"}
    withdraw = TransitionForm(request_obj=request, spec=CATALOGUE["withdraw"])
    assert set(withdraw.fields) == {"version", "reason"}


@pytest.mark.django_db
def test_the_refusal_grounds_offered_are_the_instruments_own_with_their_articles(traveller):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    form = TransitionForm(request_obj=request, spec=CATALOGUE["refuse"])
    offered = dict(form.fields["ground"].choices)
    grounds = request.rulebook.refusal_grounds
    assert set(offered) == {""} | {g.code for g in grounds}
    assert offered[grounds[0].code].startswith(grounds[0].citation.localized_reference)


def test_parameter_kinds_publish_the_api_types():
    assert {kind.api_type for kind in ParamKind} == {
        "string", "text", "date", "datetime", "boolean", "choice", "integer"}


@pytest.mark.django_db
def test_a_transition_returns_the_log_entry_it_wrote(traveller):
    request = incoming_request("kz-rs-2015", state=RequestState.RECEIVED)
    from tests.factories import clerk

    outcome = t.request_transition_run(request_id=request.pk, actor=clerk(),
                                       name="start_completeness_check")
    assert outcome.request.state == RequestState.COMPLETENESS_CHECK
    assert outcome.log_entry == TransitionLog.objects.filter(request=request).latest("id")
    assert outcome.log_entry.action == "start_completeness_check"


@pytest.mark.django_db
@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.name)
def test_the_api_body_and_the_web_form_of_every_action_come_from_its_spec(traveller, spec):
    from requests_app.api.transitions import _input_serializer

    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    api_fields = set(_input_serializer(spec)().fields)
    assert api_fields == {"version", "reason"} | spec.param_names
    form = TransitionForm(request_obj=request, spec=spec)
    assert set(form.fields) == {"version"} | spec.param_names | (
        {"reason"} if spec.reason_required else set())
