"""Office settings: the target where a treaty gives no figure (CZ 9.1 "without delay") has a
neutral name, and the name it had when only the Czech agreement used it still works; the dates of
entry into force the office records override the rulebooks' by slug."""

import os
import runpy
from pathlib import Path

import pytest

from requests_app.services.deadlines import office_policy

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "mla" / "settings.py"


def _settings_read_from(monkeypatch, **environment: str) -> dict:
    for name in list(os.environ):
        if name.startswith("MLA_ENTRY_INTO_FORCE_") or name.endswith("ORAL_CONFIRMATION_TARGET_HOURS"):
            monkeypatch.delenv(name)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


def _oral_target_read_from(monkeypatch, **environment: str) -> int:
    return _settings_read_from(monkeypatch, **environment)["MLA_ORAL_CONFIRMATION_TARGET_HOURS"]


def test_the_oral_confirmation_target_defaults_to_48_hours(monkeypatch):
    assert _oral_target_read_from(monkeypatch) == 48


def test_the_oral_confirmation_target_is_read_from_its_neutral_name(monkeypatch):
    assert _oral_target_read_from(monkeypatch, MLA_ORAL_CONFIRMATION_TARGET_HOURS="12") == 12


def test_the_deprecated_czech_name_is_still_read_when_the_new_one_is_not_set(monkeypatch):
    assert _oral_target_read_from(monkeypatch, MLA_CZ_ORAL_CONFIRMATION_TARGET_HOURS="36") == 36


def test_the_neutral_name_wins_over_the_deprecated_one(monkeypatch):
    assert _oral_target_read_from(monkeypatch, MLA_ORAL_CONFIRMATION_TARGET_HOURS="12",
                                  MLA_CZ_ORAL_CONFIRMATION_TARGET_HOURS="36") == 12


@pytest.mark.parametrize("hours", [6, 72])
def test_office_policy_follows_the_setting(settings, hours):
    settings.MLA_ORAL_CONFIRMATION_TARGET_HOURS = hours
    assert office_policy().oral_confirmation_hours == hours


def test_no_entry_into_force_setting_is_needed(monkeypatch):
    assert _settings_read_from(monkeypatch)["MLA_ENTRY_INTO_FORCE_DEFAULTS"] == {}


def test_entry_into_force_dates_are_read_per_slug_and_as_one_json_object(monkeypatch):
    read = _settings_read_from(
        monkeypatch, MLA_ENTRY_INTO_FORCE_KZ_RS_2015="2017-03-01",
        MLA_ENTRY_INTO_FORCE_DEFAULTS='{"kz-br-2018": "2020-07-01"}')
    assert read["MLA_ENTRY_INTO_FORCE_DEFAULTS"] == {"kz-rs-2015": "2017-03-01",
                                                     "kz-br-2018": "2020-07-01"}
