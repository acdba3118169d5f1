"""A multilateral convention needs its rulebook and nothing else, as a fifth bilateral instrument
does (``test_fifth_instrument``): the UNTOC-shaped test convention, registered for the test only,
is listed by the resolver for the Czech Republic after the bilateral agreement; for testimony,
which the police agreement excludes (CZ 1.2), the resolver proposes the convention, and a
request runs under it from draft to closure through the services, citing its own articles."""

import pytest

from requests_app.models import RequestState
from requests_app.services import transitions as t
from requests_app.services.requests import request_create_draft
from tests.factories import authority
from tests.factories import clerk
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.requests_app import _support
from tests.requests_app._support import TODAY
from tests.treaties._convention import SLUG
from tests.treaties_db.conftest import convention  # noqa: F401 (the fixture)
from treaties.selectors import instrument_proposed
from treaties.selectors import instruments_applicable

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]
traveller = _support.traveller


def _draft(convention_row, **extra):
    return request_create_draft(
        actor=prosecutor(), instrument_id=convention_row.pk,
        requested_authority_id=authority("cz-interior").pk, assistance_types=["testimony"],
        channel="electronic", request_language="en", purpose="Hear the witness",
        **extra)


def test_for_testimony_the_convention_is_proposed_over_the_police_agreement(convention):  # noqa: F811
    options = instruments_applicable("CZ", TODAY, assistance_types=("testimony",))
    agreement = next(o for o in options if o.instrument.slug == "kz-cz-2017")
    assert agreement.outside_scope and agreement.assistance_scope.citation.reference == "Art 1.2"
    assert instrument_proposed(options).instrument == convention


def test_a_request_runs_from_draft_to_closure_under_the_convention(convention):  # noqa: F811
    draft = _draft(convention)  # proposed: no reason asked
    author, desk = draft.created_by, clerk()
    t.request_submit_for_review(request_id=draft.pk, actor=author)
    t.request_approve(request_id=draft.pk, actor=supervisor())
    assert t.request_transmit(request_id=draft.pk, actor=desk).state == RequestState.TRANSMITTED
    t.request_record_execution(request_id=draft.pk, actor=desk)
    closed = t.request_close(request_id=draft.pk, actor=desk)
    assert closed.state == RequestState.CLOSED
    log = list(closed.log.all())
    assert log[0].details["instrument"] == SLUG and not draft.instrument_choice_reason
    assert next(e for e in log if e.action == "transmit").citation.startswith(f"{SLUG} Art 18")
