"""Migration 0002 turns the plain ``Instrument.parties`` many-to-many table into
``InstrumentParty``'s without losing a row: run backwards and forwards on a database holding the
loaded instruments and a link added under the old schema."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("treaties", "0001_initial")]
AFTER = [("treaties", "0002_instrument_party")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def _party_rows() -> list[tuple[int, int, int]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, instrument_id, state_id FROM treaties_instrument_parties "
                       "ORDER BY id")
        return [tuple(row) for row in cursor.fetchall()]


@pytest.mark.django_db(transaction=True)
def test_the_parties_table_keeps_its_rows_when_it_becomes_instrument_party():
    loaded = _party_rows()
    assert loaded, "the session's treaties should be loaded"
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        # Under the old schema, a link made through the plain many-to-many field.
        state = old.get_model("treaties", "State").objects.create(
            iso_code="XX", name_en="Testland", name_ru="Тестландия", name_kk="Тестленд")
        instrument = old.get_model("treaties", "Instrument").objects.get(slug="kz-rs-2015")
        instrument.parties.add(state)
        before = _party_rows()
        assert before[:len(loaded)] == loaded and len(before) == len(loaded) + 1

        new = _migrate(AFTER)
        assert _party_rows() == before
        party = new.get_model("treaties", "InstrumentParty").objects.get(state__iso_code="XX")
        assert (party.instrument.slug, party.entered_into_force_on,
                party.withdrawal_notice_received_on, party.accepted_languages,
                party.central_authority_id, party.oral_requests_accepted,
                party.declarations) == ("kz-rs-2015", None, None, "", None, None, {})
        assert new.get_model("treaties", "Instrument").objects.get(
            slug="kz-rs-2015").parties.filter(iso_code="XX").exists()
    finally:
        _migrate(latest)
