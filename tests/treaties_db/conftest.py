import pytest

from tests.treaties._convention import RULEBOOK as CONVENTION
from treaties.models import Instrument
from treaties.rulebook.registry import rulebook_registered
from treaties.services import treaties_load


@pytest.fixture
def convention(db) -> Instrument:
    """The UNTOC-shaped test convention, known and loaded for this test only: its rows are
    rolled back with the test's transaction and the registry forgets it at the end."""
    with rulebook_registered(CONVENTION):
        treaties_load()
        yield Instrument.objects.get(slug=CONVENTION.slug)
