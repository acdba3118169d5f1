"""The record-kind registry: which records a request page offers, to whom, and which records
put a blocking rule right."""

import pytest

from requests_app.models import RequestState
from requests_app.record_kinds import RECORD_KIND_BY_SLUG
from requests_app.record_kinds import RECORD_KINDS
from requests_app.record_kinds import record_links
from requests_app.record_kinds import record_remedies
from tests.factories import clerk
from tests.factories import incoming_request
from tests.factories import prosecutor
from tests.requests_app import _support
from treaties.rules.violations import Violation

pytestmark = pytest.mark.django_db
traveller = _support.traveller


def test_every_record_kind_has_a_form_with_a_title_and_a_service():
    assert len({kind.slug for kind in RECORD_KINDS}) == len(RECORD_KINDS)
    for kind in RECORD_KINDS:
        assert str(kind.form.title) and callable(kind.service), kind.slug


@pytest.mark.parametrize(("slug", "offered"), (("kz-rs-2015", True), ("kz-cz-2017", False)))
def test_detainee_transfers_are_offered_only_where_the_instrument_provides_them(traveller, slug,
                                                                                offered):
    request = incoming_request(slug, state=RequestState.IN_EXECUTION)
    office = "kz-gpo" if slug == "kz-rs-2015" else "kz-mvd"
    assert record_links(request, clerk(office))["transfer"] is offered


def test_prosecutors_are_not_offered_the_records_only_clerks_write(traveller):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    links = record_links(request, prosecutor("kz-gpo"))
    assert links["consultation"] and not links["original"] and not links["transfer"]


def test_a_closed_request_offers_only_the_duties_that_outlive_it(traveller):
    request = incoming_request("kz-cz-2017", state=RequestState.CLOSED)
    offered = {slug for slug, shown in record_links(request, clerk("kz-mvd")).items() if shown}
    # A notice owed (CZ 9.5) stays owed after closure; the personal-data duties (CZ 10.3-10.5,
    # 11.2) and the use conditions (CZ 10.1) bind as long as the material is held; a
    # confiscation or a return of assets often comes years after closure.
    assert offered == {"personal_data_deletion", "onward_transfer", "duty_notice", "use_condition",
                       "use_consent", "use_consent_answer", "material_use",
                       "material_use_notified", "onward_material", "data_notice",
                       "data_notice_resolve", "use_report", "use_report_answer",
                       "asset_measure"}


def test_a_missing_consultation_is_put_right_by_recording_one(traveller):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    blocking = [Violation("refusal_consultation", None, "consult first", "consultations")]
    assert [k.slug for k in record_remedies(request, clerk("kz-gpo"), blocking)] == [
        "consultation"]


def test_a_remedy_is_offered_only_to_whom_may_record_it(traveller):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    blocking = [Violation("originals", None, "send the original", "originals")]
    assert record_remedies(request, prosecutor("kz-gpo"), blocking) == []
    assert [k.slug for k in record_remedies(request, clerk("kz-gpo"), blocking)] == ["original"]


def test_the_provisions_shown_above_a_record_form_carry_their_citations(traveller):
    request = incoming_request("kz-rs-2015", state=RequestState.IN_EXECUTION)
    ((citation, summary),) = RECORD_KIND_BY_SLUG["transfer"].provisions(request.rulebook)
    assert str(citation).startswith("kz-rs-2015 Art 11") and summary
