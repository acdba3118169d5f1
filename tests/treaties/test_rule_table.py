"""``docs/rule-table.md`` names the tests that show each rule at its boundaries: every test it
names exists (a renamed test would leave the table pointing at nothing)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _defined_tests() -> set[str]:
    return {name for path in (ROOT / "tests").rglob("*.py")
            for name in re.findall(r"def (test_\w+)", path.read_text(encoding="utf-8"))}


def test_every_test_the_rule_table_names_exists():
    table = (ROOT / "docs" / "rule-table.md").read_text(encoding="utf-8")
    defined = _defined_tests()
    named = set(re.findall(r"`(test_\w+)", table))
    # "..._at_hour_25_marks..." style abbreviations name a test by its start.
    missing = {name for name in named
               if name not in defined and not any(d.startswith(name.rstrip("_")) for d in defined)}
    assert not missing, sorted(missing)


def test_the_rule_table_covers_every_convention():
    table = (ROOT / "docs" / "rule-table.md").read_text(encoding="utf-8")
    for heading in ("## UNTOC 2000", "## UN Convention against Corruption", "## Vienna 1988",
                    "## ETS 141", "## The governing instrument"):
        assert heading in table
