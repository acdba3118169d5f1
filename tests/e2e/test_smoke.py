import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_in_page_renders_in_chromium_without_any_cdn(page, live_server, shoot):
    requests_outside = []
    page.on("request", lambda r: requests_outside.append(r.url)
            if not r.url.startswith(live_server.url) else None)
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.locator("input[name=username]").is_visible()
    shoot("login")
    assert requests_outside == []
