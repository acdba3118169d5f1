"""Secure defaults whenever DEBUG is off (issue 12): with only DJANGO_DEBUG=false,
DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS set, ``manage.py check --deploy`` reports nothing
(it warned four times: HSTS, SSL redirect, secure session and CSRF cookies); each stays
overridable from the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {"DJANGO_DEBUG": "false", "DJANGO_SECRET_KEY": "k" * 20 + "-production-test-key-" * 3,
              "DJANGO_ALLOWED_HOSTS": "mla.example"}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MLA_SSL",
                                                                        "MLA_HSTS", "MLA_SECURE"))}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True,
                          text=True, env={**clean, **PRODUCTION, **env}, timeout=120)


def test_check_deploy_reports_nothing_with_only_the_three_production_variables():
    done = _manage("check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


@pytest.mark.parametrize(("variable", "setting", "expected"), [
    ("MLA_SSL_REDIRECT", "SECURE_SSL_REDIRECT", "False"),
    ("MLA_SECURE_COOKIES", "SESSION_COOKIE_SECURE", "False"),
])
def test_each_default_is_overridable_from_the_environment(variable, setting, expected):
    done = _manage("shell", "-c", f"from django.conf import settings; print(settings.{setting})",
                   **{variable: "false"})
    assert done.stdout.strip().splitlines()[-1] == expected, done.stderr


def test_the_development_defaults_stay_plain_http():
    done = _manage("shell", "-c", "from django.conf import settings; "
                   "print(settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE)",
                   DJANGO_DEBUG="true")
    assert done.stdout.strip().splitlines()[-1] == "False False", done.stderr
