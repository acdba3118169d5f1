"""Requests under the conventions run through the same services as the bilateral ones, with the
convention's own rules and articles: UNTOC 18.26 consultation before refusal, 18.21 grounds,
18.8 bank secrecy ruled out, 18.14 the language the requested party accepts (its declaration,
or its official language where none is recorded). The rulebooks plugged in with no change to
the services (``test_fifth_instrument``)."""

import pytest

from requests_app.exceptions import RuleViolation
from requests_app.models import RequestState
from requests_app.services import records
from requests_app.services import transitions as t
from requests_app.services.requests import request_create_draft
from tests.factories import FULL_CONTENTS
from tests.factories import authority
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.requests_app import _support
from tests.requests_app._support import TODAY
from tests.requests_app._support import fresh
from tests.requests_app._support import only_violation
from treaties.models import Instrument

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller
desk = _support.desk

ESSENTIAL_INTERESTS = "refusal_essential_interests"  # 18.21(b)


def _untoc_draft_to_germany(**contents):
    values = {**FULL_CONTENTS, "offence_category": "fraud", "offence_max_penalty_years": 10,
              "organised_group_involved": True, "signed_and_sealed": True,
              "channel": "post", "request_language": "ru", **contents}
    return request_create_draft(
        actor=prosecutor(), instrument_id=Instrument.objects.get(slug="untoc-2000").pk,
        requested_authority_id=authority("de-central-authority").pk,
        assistance_types=["testimony"], **values)


def test_a_request_to_germany_in_russian_is_held_for_a_german_translation():
    draft = _untoc_draft_to_germany()
    with pytest.raises(RuleViolation) as caught:
        t.request_submit_for_review(request_id=draft.pk, actor=draft.created_by)
    violation = next(v for v in caught.value.violations if v.rule == "language")
    # No declaration of Germany's under 18.14 is recorded: its official language is asked for.
    assert violation.citation.reference == "Art 18.14"
    assert violation.field == "translations"


def test_a_request_to_germany_in_german_is_transmitted_under_untoc(desk):
    draft = _untoc_draft_to_germany(request_language="de")
    t.request_submit_for_review(request_id=draft.pk, actor=draft.created_by)
    t.request_approve(request_id=draft.pk, actor=supervisor())
    transmitted = t.request_transmit(request_id=draft.pk, actor=desk)
    assert transmitted.state == RequestState.TRANSMITTED
    entry = next(e for e in fresh(draft).log.all() if e.action == "transmit")
    assert entry.citation.startswith("untoc-2000 Art 18")


def test_refusing_an_untoc_request_without_consulting_first_is_blocked_citing_18_26(desk):
    request = incoming_request("untoc-2000")
    with pytest.raises(RuleViolation) as caught:
        t.request_refuse(request_id=request.pk, actor=desk, ground=ESSENTIAL_INTERESTS,
                         reasons="Would prejudice public order")
    assert only_violation(caught).citation.reference == "Art 18.26"


def test_after_consulting_an_untoc_request_may_be_refused_on_an_18_21_ground(desk):
    request = incoming_request("untoc-2000")
    records.consultation_record(actor=desk, request_id=request.pk, subject="refusal",
                                held_on=TODAY, counterpart="Armenian central authority",
                                summary="Discussed the possible refusal")
    refused = t.request_refuse(request_id=request.pk, actor=desk, ground=ESSENTIAL_INTERESTS,
                               reasons="Would prejudice public order")
    assert refused.state == RequestState.REFUSED


def test_bank_secrecy_is_no_ground_for_refusing_an_untoc_request_citing_18_8(desk):
    request = incoming_request("untoc-2000")
    records.consultation_record(actor=desk, request_id=request.pk, subject="refusal",
                                held_on=TODAY, counterpart="Armenian central authority",
                                summary="Discussed the possible refusal")
    with pytest.raises(RuleViolation) as caught:
        t.request_refuse(request_id=request.pk, actor=desk, ground="refusal_bank_secrecy",
                         reasons="The bank invokes secrecy")
    violation = only_violation(caught)
    assert violation.citation.reference == "Art 18.8"
    assert fresh(request).state == RequestState.IN_EXECUTION


def test_a_consultation_on_conditions_meets_18_26_before_a_refusal(desk):
    # 18.26: the consultation is on granting the request on conditions instead of refusing.
    request = incoming_request("untoc-2000")
    records.consultation_record(actor=desk, request_id=request.pk, subject="conditions",
                                held_on=TODAY, counterpart="Armenian central authority",
                                summary="Could the request be granted on conditions?")
    refused = t.request_refuse(request_id=request.pk, actor=desk, ground=ESSENTIAL_INTERESTS,
                               reasons="Would prejudice essential interests")
    assert refused.state == RequestState.REFUSED


def test_under_minsk_whose_text_is_not_in_the_system_a_refusal_is_recorded_as_given(desk):
    request = incoming_request("cis-minsk-1993")
    refused = t.request_refuse(request_id=request.pk, actor=desk, ground="",
                               reasons="The requested action is not allowed by our law")
    assert refused.state == RequestState.REFUSED
    entry = next(e for e in fresh(request).log.all() if e.action == "refuse")
    assert entry.citation == ""  # no article is cited: the text is not in the system
