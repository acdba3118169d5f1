"""The container is a production one (issue 12): no secret defaults in docker-compose.yml, the
image runs as an unprivileged user and installs the runtime lock only. No Docker engine runs
where the tests do, so the files are read as data (CI also runs `docker compose config` where
an engine exists)."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SECRETS = ("DJANGO_SECRET_KEY", "POSTGRES_PASSWORD", "DJANGO_ALLOWED_HOSTS")


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _dockerfile() -> list[str]:
    return [line.strip() for line in (ROOT / "Dockerfile").read_text().splitlines()
            if line.strip() and not line.strip().startswith("#")]


def _locked(name: str) -> set[str]:
    return {match.group(1).lower() for match in
            re.finditer(r"^([A-Za-z0-9_.-]+)==", (ROOT / name).read_text(), re.M)}


def test_compose_gives_no_default_for_any_secret():
    text = (ROOT / "docker-compose.yml").read_text()
    for secret in SECRETS:
        uses = re.findall(r"\$\{" + secret + r"([^}]*)\}", text)
        assert uses, f"{secret} is not taken from the environment"
        assert all(use.startswith(":?") for use in uses), f"{secret} has a default: {uses}"


def test_compose_names_no_password_in_clear():
    app = _compose()["x-app"]["environment"]
    assert "${POSTGRES_PASSWORD:?" in app["DATABASE_URL"]
    assert _compose()["services"]["postgres"]["environment"]["POSTGRES_PASSWORD"].startswith(
        "${POSTGRES_PASSWORD:?")


def test_compose_keeps_backups_in_a_volume():
    assert "backups:/backups" in _compose()["x-app"]["volumes"]
    assert "backups" in _compose()["volumes"]


def test_the_image_runs_as_an_unprivileged_user():
    users = [line.split()[1] for line in _dockerfile() if line.startswith("USER ")]
    assert users and users[-1].split(":")[0] not in ("root", "0")


def test_the_image_installs_the_runtime_lock_only():
    installs = [line for line in _dockerfile() if "pip install" in line]
    assert installs == ["RUN pip install --require-hashes -r requirements.lock"]


def test_the_runtime_lock_holds_no_test_lint_or_browser_tool():
    test_tools = {re.split(r"[=\[<>]", spec)[0].lower() for spec in tomllib.loads(
        (ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]}
    assert test_tools & _locked("requirements.lock") == set()
    assert {"playwright", "schemathesis", "pytest"} <= _locked("requirements-dev.lock")


def test_the_runtime_lock_holds_every_runtime_dependency():
    runtime = {re.split(r"[=\[<>]", spec)[0].lower() for spec in tomllib.loads(
        (ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    assert runtime <= _locked("requirements.lock")
