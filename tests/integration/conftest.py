"""Fixtures for tests that run real Celery worker and beat processes (``celery -A mla worker``)
against a real broker and the test database.

- ``worker_db``: a database the test and its subprocesses share. On PostgreSQL it is the test
  database itself (transactional test, so the workers see committed rows; the flush at the end
  empties every table and the treaties are loaded again when the module ends). On SQLite the
  test database lives in memory and no other process can open it, so the test switches its
  ``default`` connection to a file database of its own (a copy of a migrated template made once
  per session) for its duration and the subprocesses open that file; the in-memory test database
  of the other tests is never touched.
- ``redis_server``: a private ``redis-server`` on a free port (never the shared one), which a test
  may stop and start again on the same port.
- ``broker``: parametrised "redis" (private server) or "filesystem" (kombu's filesystem transport
  under the test's own MLA_VAR_DIR); gives the subprocess environment and a producer with an
  explicit connection that sends tasks there. The environment's CELERY_BROKER_URL,
  DATABASE_URL and MLA_* are never inherited by the subprocesses, and the project's Celery app
  is not touched.
- ``celery_procs``: starts workers and beat in their own process groups, logging to files in
  the test's work folder; stops (SIGTERM, then SIGKILL of the group) whatever is left at
  teardown, whatever happened. The log tails are attached to the report of a failed test.
- ``workdir``: a temporary folder per test for all of that (broker folders, SQLite file, logs,
  beat schedule, Redis), removed at teardown after everything in it has stopped.
"""

from __future__ import annotations

import ast
import copy
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from celery import Celery
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db import connections
from kombu import Connection

from tests.integration._support import wait_until
from treaties.services import treaties_load

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
CELERY = str(Path(sys.executable).with_name("celery"))
SWEEP = "requests_app.tasks.sweep_deadlines"
WORKER_FLAGS = ["--without-heartbeat", "--without-gossip", "--without-mingle", "-P", "prefork",
                "--loglevel", "INFO"]
START_TIMEOUT = 60  # seconds for a worker or beat to come up
STOP_TIMEOUT = 10   # seconds of warm shutdown before SIGKILL


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment of every subprocess: nothing Celery-, database- or MLA-related inherited
    from the outer run (make test sets CELERY_BROKER_URL to the shared Redis)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CELERY_", "MLA_", "DJANGO_", "DATABASE_URL", "EMAIL_"))}
    env.update(
        PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", DJANGO_SETTINGS_MODULE="mla.settings",
        DJANGO_DEBUG="false", DJANGO_SECRET_KEY="integration-tests-only-not-a-secret",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend", MLA_LOG_LEVEL="INFO",
    )
    env.update(extra)
    return env


def free_port() -> int:
    """A free port below the kernel's ephemeral range, so that while the test has Redis down no
    outgoing connection of another process can take its port before it comes back."""
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    candidates = random.sample(range(20000, max(low, 20500)), 200)
    for port in candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port for a private redis-server")


def tail(path: Path, lines: int = 60) -> str:
    try:
        text = path.read_text(errors="replace")
    except FileNotFoundError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


@pytest.fixture
def workdir():
    path = Path(tempfile.mkdtemp(prefix="mla-integration-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


# --- database the subprocesses share ----------------------------------------------------------
@pytest.fixture(scope="module")
def _reload_treaties_after_flush(django_db_blocker):
    """A transactional test empties every table when it ends; put the instruments back for the
    tests that run after this module (as tests/requests_app/test_concurrency_and_audit.py)."""
    yield
    with django_db_blocker.unblock():
        treaties_load()


@pytest.fixture(scope="session")
def _sqlite_template():
    """A migrated SQLite file with the treaties loaded, made once per session by a subprocess
    (so nothing in this process, e.g. the content-type cache, sees that database)."""
    folder = Path(tempfile.mkdtemp(prefix="mla-integration-sqlite-"))
    try:
        path = folder / "template.sqlite3"
        script = ("import django; django.setup(); "
                  "from django.core.management import call_command; "
                  "call_command('migrate', interactive=False, verbosity=0); "
                  "call_command('load_treaties', verbosity=0)")
        done = subprocess.run([PYTHON, "-c", script], cwd=folder, capture_output=True, text=True,
                              timeout=120,
                              env=subprocess_env(MLA_SQLITE_PATH=str(path),
                                                 MLA_VAR_DIR=str(folder / "var")))
        assert done.returncode == 0, done.stdout + done.stderr
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _postgres_url(settings_dict: dict) -> str:
    """DATABASE_URL of the database this process uses (the test database). A socket folder as
    HOST is percent-encoded, which dj-database-url reads back."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = settings_dict.get("PASSWORD") or ""
    auth = f"{user}:{quote(password, safe='')}@" if password else (f"{user}@" if user else "")
    host = quote(settings_dict.get("HOST") or "", safe="")
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{quote(settings_dict['NAME'], safe='')}"


@pytest.fixture
def worker_db(request, workdir, django_db_blocker):
    """Environment variables pointing the subprocesses at the database this test uses."""
    if connection.vendor == "postgresql":
        marker = request.node.get_closest_marker("django_db")
        assert marker is not None and marker.kwargs.get("transaction"), (
            "mark the test with tests.integration._support.SHARED_DB")
        request.getfixturevalue("_reload_treaties_after_flush")
        request.getfixturevalue("transactional_db")
        name = connection.settings_dict["NAME"]
        assert name.startswith("test_"), f"not a test database: {name}"
        treaties_load()  # in case an earlier transactional test left the tables empty
        yield {"DATABASE_URL": _postgres_url(connection.settings_dict)}
        return
    if connection.vendor != "sqlite":
        pytest.skip(f"real-worker tests support PostgreSQL and SQLite, not {connection.vendor}")

    template = request.getfixturevalue("_sqlite_template")
    path = workdir / "db.sqlite3"
    source, target = sqlite3.connect(template), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    with django_db_blocker.unblock():
        original = connections["default"]
        settings_dict = copy.deepcopy(original.settings_dict)
        settings_dict["NAME"] = str(path)
        file_db = original.__class__(settings_dict, "default")
        connections["default"] = file_db
        ContentType.objects.clear_cache()
        try:
            yield {"MLA_SQLITE_PATH": str(path)}
        finally:
            file_db.close()
            connections["default"] = original
            ContentType.objects.clear_cache()


# --- brokers ----------------------------------------------------------------------------------
class RedisServer:
    """A private redis-server without persistence: a restart loses every queued message."""

    def __init__(self, folder: Path):
        self.binary = shutil.which("redis-server")
        self.folder = folder
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def log(self) -> Path:
        return self.folder / "redis.log"

    def ping(self) -> bool:
        try:
            return bool(redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=0.5,
                                    socket_connect_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def start(self) -> None:
        assert self.proc is None or self.proc.poll() is not None, "already running"
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--dir", str(self.folder), "--daemonize", "no"],
                stdout=log, stderr=subprocess.STDOUT, cwd=self.folder, start_new_session=True)
        wait_until(lambda: self.proc.poll() is not None or self.ping(), timeout=15,
                   interval=0.05, what=f"redis-server on port {self.port}",
                   diagnostics=lambda: tail(self.log))
        assert self.proc.poll() is None, f"redis-server exited:\n{tail(self.log)}"

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(STOP_TIMEOUT)


@pytest.fixture
def redis_server(workdir):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    folder = workdir / "redis"
    folder.mkdir()
    server = RedisServer(folder)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@dataclass
class Broker:
    name: str
    env: dict[str, str]
    app: Celery
    connection: Connection

    def send_sweeps(self, count: int) -> None:
        for _ in range(count):
            self.app.send_task(SWEEP, connection=self.connection)


def filesystem_transport_options(var_dir: Path) -> dict:
    """The folders mla/settings.py derives from MLA_VAR_DIR, created here for the producer."""
    broker_dir = var_dir / "broker"
    for sub in ("queue", "processed", "control"):
        (broker_dir / sub).mkdir(parents=True, exist_ok=True)
    return {"data_folder_in": str(broker_dir / "queue"),
            "data_folder_out": str(broker_dir / "queue"),
            "processed_folder": str(broker_dir / "processed"),
            "control_folder": str(broker_dir / "control"), "store_processed": True}


@pytest.fixture
def broker(request, workdir):
    """``redis`` (a private server) or ``filesystem`` (under this test's MLA_VAR_DIR)."""
    var_dir = workdir / "var"
    var_dir.mkdir()
    if request.param == "redis":
        server = request.getfixturevalue("redis_server")
        url, options = server.url, {"visibility_timeout": 300}
    elif request.param == "filesystem":
        url, options = "filesystem://", filesystem_transport_options(var_dir)
    else:
        raise ValueError(request.param)
    # Celery lets the environment's CELERY_BROKER_URL override any configured broker (make test
    # points it at the shared Redis), so the producer gets an explicit connection instead.
    app = Celery("mla-integration-producer", set_as_current=False)
    connection = Connection(url, transport_options=options)
    try:
        yield Broker(request.param, {"CELERY_BROKER_URL": url, "MLA_VAR_DIR": str(var_dir)},
                     app, connection)
    finally:
        connection.release()
        app.close()


# --- worker and beat processes ----------------------------------------------------------------
_SUCCEEDED = re.compile(r"sweep_deadlines\[[0-9a-f-]+\] succeeded in \S+: (\{[^}]*\})")
_RECEIVED = re.compile(r"sweep_deadlines\[[0-9a-f-]+\] received")
_ANY_RECEIVED = re.compile(r"Task \S+\[([0-9a-f-]+)\] received")
_ANY_FINISHED = re.compile(r"Task \S+\[([0-9a-f-]+)\] (?:succeeded|failed|raised|retry)")


@dataclass
class CeleryProcesses:
    folder: Path
    procs: dict[str, tuple[subprocess.Popen, Path]] = field(default_factory=dict)

    def _start(self, name: str, args: list[str], env: dict[str, str]) -> str:
        assert name not in self.procs, name
        log = self.folder / f"{name}.log"
        with open(log, "ab") as handle:
            proc = subprocess.Popen([CELERY, "-A", "mla", *args], cwd=self.folder,
                                    env=subprocess_env(**env), stdout=handle,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        self.procs[name] = (proc, log)
        return name

    def start_workers(self, *names: str, env: dict[str, str], concurrency: int = 2) -> None:
        """Start the workers side by side and wait until every one is consuming."""
        for name in names:
            self._start(name, ["worker", "-n", f"{name}@%h", "-c", str(concurrency),
                               *WORKER_FLAGS], env)
        for name in names:
            self.wait_for(name, re.compile(r"@\S+ ready\."), what=f"worker {name} ready")

    def start_beat(self, name: str, *, env: dict[str, str]) -> None:
        self._start(name, ["beat", "--loglevel", "INFO",
                           "-s", str(self.folder / f"{name}-schedule")], env)
        self.wait_for(name, re.compile(r"beat: Starting"), what=f"beat {name} started")

    def log(self, name: str) -> str:
        return self.procs[name][1].read_text(errors="replace")

    def wait_for(self, name: str, pattern: re.Pattern, *, what: str, count: int = 1,
                 timeout: float = START_TIMEOUT, since: int = 0) -> None:
        proc, log = self.procs[name]

        def seen():
            if len(pattern.findall(self.log(name)[since:])) >= count:
                return True
            assert proc.poll() is None, f"{name} exited with {proc.returncode}:\n{tail(log)}"
            return False

        wait_until(seen, timeout=timeout, what=what, diagnostics=lambda: tail(log))

    def sweep_results(self, name: str) -> list[dict]:
        return [ast.literal_eval(m) for m in _SUCCEEDED.findall(self.log(name))]

    def sweeps_received(self, name: str, since: int = 0) -> int:
        return len(_RECEIVED.findall(self.log(name)[since:]))

    def idle(self, name: str) -> bool:
        """Whether every task the worker received has finished (by its log)."""
        log = self.log(name)
        return set(_ANY_RECEIVED.findall(log)) <= set(_ANY_FINISHED.findall(log))

    def kill(self, name: str) -> None:
        """SIGKILL the whole process group: the worker and its pool children die at once, like a
        crashed machine (no warm shutdown, no message returned to the broker)."""
        proc, _ = self.procs[name]
        _killpg(proc.pid)
        proc.wait(STOP_TIMEOUT)

    def stop_all(self) -> None:
        for proc, _ in self.procs.values():
            if proc.poll() is None:
                proc.terminate()  # warm shutdown of the main process
        for proc, _ in self.procs.values():
            try:
                proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass
            _killpg(proc.pid)  # the main if still there, and any pool child left behind
            try:
                proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass

    def status(self) -> str:
        """One line per process: running, or its exit code (negative: killed by that signal)."""
        return "\n".join(f"{name}: " + ("running" if proc.poll() is None
                                         else f"exited with {proc.returncode}")
                         for name, (proc, _) in self.procs.items())

    def tails(self) -> list[tuple[str, str]]:
        return [(name, tail(log)) for name, (_, log) in self.procs.items()]


def _killpg(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


@pytest.fixture
def celery_procs(request, workdir, worker_db):
    """Starts workers and beat; everything is stopped before the database is flushed."""
    folder = workdir / "celery"
    folder.mkdir()
    processes = CeleryProcesses(folder)
    request.node._celery_processes = processes
    try:
        yield processes
    finally:
        started = time.monotonic()
        processes.stop_all()
        assert all(proc.poll() is not None for proc, _ in processes.procs.values()), \
            f"processes still running after {time.monotonic() - started:.0f} s"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    processes = getattr(item, "_celery_processes", None)
    if report.failed and processes is not None:
        report.sections.append(("celery processes", processes.status()))
        for name, text in processes.tails():
            report.sections.append((f"{name} log (last lines)", text))
        redis_log = processes.folder.parent / "redis" / "redis.log"
        if redis_log.exists():
            report.sections.append(("redis-server log (last lines)", tail(redis_log, 20)))
    return report
