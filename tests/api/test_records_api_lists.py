"""Records API (tests/api/_records.py): the lists of a request cost the same number of queries for
2 rows as for 20, for every role that sees them, and come in the order they were recorded."""

import pytest

from requests_app.models import HandedOverItem
from requests_app.models import ServiceProof
from requests_app.services import records
from tests.api._records import LISTS
from tests.api._records import fill
from tests.api._records import list_url
from tests.api._records import rs_request
from tests.api._support import assert_as_many_queries_for_20_rows_as_for_2
from tests.factories import clerk

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


# --- constant queries on the lists ----------------------------------------------------------------
@pytest.mark.parametrize("role", ["clerk_api", "prosecutor_api", "supervisor_api"])
@pytest.mark.parametrize("name", LISTS)
def test_list_reads_as_many_queries_for_20_rows_as_for_2(request, name, role):
    small, large = rs_request(), rs_request()
    fill(name, small, 2)
    fill(name, large, 20)

    assert_as_many_queries_for_20_rows_as_for_2(request.getfixturevalue(role),
                                                list_url(name, small), list_url(name, large))


def test_lists_come_in_the_order_they_were_recorded(clerk_api):
    request = rs_request()
    fill("items", request, 3)

    results = clerk_api.get(f"/api/requests/{request.pk}/items/").json()["results"]

    assert [r["id"] for r in results] == sorted(
        HandedOverItem.objects.filter(request=request).values_list("id", flat=True))


def test_service_proof_without_a_person_lists_no_person(clerk_api):
    request = rs_request()
    records.service_proof_record(actor=clerk(), request_id=request.pk,
                                 not_served_reason="No such address")

    proof = clerk_api.get(f"/api/requests/{request.pk}/service-proofs/").json()["results"][0]

    assert (proof["person"], proof["person_name"]) == (None, None)
    assert ServiceProof.objects.filter(request=request).count() == 1
