"""Browser tests: Playwright for Python driving Debian's Chromium (never a downloaded browser).

Playwright's sync API runs an event loop in the test thread, so Django's async-safety check must
be relaxed here (and only here). Screenshots go to ``var/screenshots/``.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("MLA_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        return  # on CI a missing browser must fail loudly, not skip
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900},
            "locale": "en-GB", "timezone_id": "Asia/Almaty"}


@pytest.fixture(autouse=True)
def short_waits(page):
    """Fail in seconds, not Playwright's 30 s default: every page here is local."""
    page.set_default_timeout(10_000)


@pytest.fixture(autouse=True)
def no_content_security_policy_violations(page):
    """Every walk fails if Chromium blocked anything under the Content-Security-Policy (an inline
    style or script, an evaluated htmx attribute): the page would look or work otherwise than the
    walk saw it."""
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield
    assert blocked == []


@pytest.fixture
def shoot(page):
    """``shoot("name")`` saves a full-page screenshot under var/screenshots/;
    ``shoot("name", locator)`` only that part of the page (for a long page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str, locator=None) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        if locator is not None:
            locator.screenshot(path=str(path))
        else:
            page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(autouse=True)
def treaties_around_flush(django_db_blocker):
    """Browser tests run with transaction=True, whose teardown empties every table, including
    the treaties the session loaded once: load them for the test and again after it."""
    from treaties.services import treaties_load

    with django_db_blocker.unblock():
        treaties_load()
    yield
    with django_db_blocker.unblock():
        treaties_load()


@pytest.fixture
def sign_in(page, live_server):
    """``sign_in(user)`` signs in through the real login form (factory passwords are "pw")."""

    def login(username: str, password: str = "pw", *, check: bool = True) -> None:
        # One browser context per test: forget whoever signed in before (and the language).
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/accounts/login/")
        page.locator("input[name=username]").fill(username)
        page.locator("input[name=password]").fill(password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        if check:
            # Signed in: the header names the user and offers to sign out. (Fails loudly if the
            # session cookie was refused, e.g. a frozen server clock expiring it in the browser.)
            expect(page.locator("header.top")).to_contain_text(username)
            # On a phone the account folds behind the menu: present, not necessarily shown.
            expect(page.get_by_role("button", name="Sign out", include_hidden=True)).to_have_count(1)

    return login
