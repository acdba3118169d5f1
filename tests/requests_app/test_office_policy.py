"""The office's own targets where a treaty gives no figure (CZ 9.1 "without delay") are settings
with neutral names; the name the setting had when only the Czech agreement used it still works."""

import runpy
from pathlib import Path

import pytest

from requests_app.services.deadlines import office_policy

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "mla" / "settings.py"


def _oral_target_read_from(monkeypatch, **environment: str) -> int:
    for name in ("MLA_ORAL_CONFIRMATION_TARGET_HOURS", "MLA_CZ_ORAL_CONFIRMATION_TARGET_HOURS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))["MLA_ORAL_CONFIRMATION_TARGET_HOURS"]


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
