from datetime import date

import pytest
import time_machine

from requests_app.services import transitions as t
from requests_app.services.transitions import request_transition_options
from tests.factories import AssistanceRequestFactory
from tests.factories import clerk
from tests.factories import prosecutor
from tests.factories import summoned_person
from tests.factories import supervisor

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-03-02 10:00 +05:00", tick=False)
def test_transmit_option_shows_the_summons_rule_that_blocks_it():
    author = prosecutor()
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015", created_by=author)
    summoned_person(request, date(2026, 4, 30))  # 59 days away
    t.request_submit_for_review(request_id=request.pk, actor=author)
    request = t.request_approve(request_id=request.pk, actor=supervisor())
    options = {o.name: o for o in request_transition_options(request=request, user=clerk())}
    transmit = options["transmit"]
    assert not transmit.allowed
    assert [(v.rule, v.citation.reference) for v in transmit.violations] == [
        ("summons_lead_time", "Art 8.3")]


@time_machine.travel("2026-03-02 10:00 +05:00", tick=False)
def test_options_mark_actions_outside_the_users_role_as_not_permitted():
    request = AssistanceRequestFactory(instrument_slug="kz-rs-2015")
    options = {o.name: o for o in request_transition_options(request=request, user=clerk())}
    assert options["submit_for_review"].permitted is False
    assert options["withdraw"].permitted is True


@time_machine.travel("2026-03-02 10:00 +05:00", tick=False)
def test_options_never_offer_oral_transmission_under_an_mla_treaty():
    author = prosecutor()
    request = AssistanceRequestFactory(instrument_slug="kz-br-2018", created_by=author)
    t.request_submit_for_review(request_id=request.pk, actor=author, params={
        "override_incomplete": True, "override_reason": "The Portuguese translation follows."})
    request = t.request_approve(request_id=request.pk, actor=supervisor())
    names = {o.name for o in request_transition_options(request=request, user=clerk())}
    assert "transmit" in names and "transmit_orally" not in names
