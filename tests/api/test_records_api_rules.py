"""Records API (tests/api/_records.py): treaty rules on detainee transfers answer 422 with the
article they cite (RS 11.1 six months and one extension, BR 9.1 consent, none under the police
agreements), and nothing is recorded; at the boundary the transfer is recorded."""

import pytest

from requests_app.models import DetaineeTransfer
from tests.api._records import Case
from tests.api._records import list_url
from tests.api._records import write
from tests.api._records import write_case
from tests.api._support import only_violation
from tests.api._support import version_of
from tests.factories import detained_person
from tests.factories import incoming_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


# --- treaty rules: 422 with the citation ----------------------------------------------------------
def test_rs_transfer_for_more_than_six_months_is_blocked_citing_art_11_1(clerk_api):
    case = write_case("transfers-create")
    before = version_of(case.request)

    response = write(clerk_api, case, return_due_on="2026-09-03")

    violation = only_violation(response)
    assert (violation["citation"], violation["instrument"], violation["article"],
            violation["field"]) == ("kz-rs-2015 Art 11.1", "kz-rs-2015", "Art 11.1",
                                    "return_due_on")
    assert violation["message"]
    assert not DetaineeTransfer.objects.filter(request=case.request).exists()
    assert version_of(case.request) == before


def test_rs_transfer_for_exactly_six_months_is_recorded(clerk_api):
    response = write(clerk_api, write_case("transfers-create"), return_due_on="2026-09-02")

    assert response.status_code == 201
    assert response.json()["return_due_on"] == "2026-09-02"


def test_rs_transfer_may_not_be_extended_twice_citing_art_11_1(clerk_api):
    case = write_case("transfer-extend")
    assert write(clerk_api, case).status_code == 200

    response = write(clerk_api, case, return_due_on="2026-09-01")

    violation = only_violation(response)
    assert (violation["citation"], violation["field"]) == ("kz-rs-2015 Art 11.1",
                                                           "extension_count")


def _transfer_case(slug: str, **body) -> Case:
    """A transfer, recorded through the API, of a detainee of a new ``slug`` request on 2 March."""
    request = incoming_request(slug)
    return Case(list_url("transfers", request), request,
                {"person": detained_person(request).pk, "transferred_on": "2026-03-02", **body})


def test_br_transfer_without_the_persons_consent_is_blocked_citing_art_9_1(clerk_api):
    case = _transfer_case("kz-br-2018", release_date="2026-09-30")

    violation = only_violation(write(clerk_api, case))

    assert (violation["citation"], violation["article"]) == ("kz-br-2018 Art 9.1", "Art 9.1")
    assert not DetaineeTransfer.objects.filter(request=case.request).exists()


def test_br_transfer_with_the_persons_consent_is_due_back_by_the_release_date(clerk_api):
    case = _transfer_case("kz-br-2018", release_date="2026-09-30", person_consented=True)

    response = write(clerk_api, case)

    assert response.status_code == 201
    assert response.json()["return_due_on"] == "2026-09-30"


def test_transfer_under_a_police_agreement_is_blocked_with_the_scope_article(police_clerk_api):
    case = _transfer_case("kz-cz-2017", return_due_on="2026-04-02")

    violation = only_violation(write(police_clerk_api, case))

    assert violation["instrument"] == "kz-cz-2017"
    assert violation["rule"] == "detainee_transfer_not_provided"
