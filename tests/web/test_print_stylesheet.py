"""The printable request page: every page links the print stylesheet for print media only, and
the stylesheet hides the interface and keeps the text black on white."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import AssistanceRequestFactory

pytestmark = pytest.mark.django_db

PRINT_LINK = '<link rel="stylesheet" href="/static/css/print.css" media="print">'


def test_the_request_page_links_the_print_stylesheet_for_print_only(prosecutor_client,
                                                                     frozen_now):
    draft = AssistanceRequestFactory()
    response = prosecutor_client.get(f"/requests/{draft.pk}/")
    assert response.status_code == 200
    assert PRINT_LINK in response.content.decode()


def test_the_print_stylesheet_hides_navigation_forms_and_buttons():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "print.css").read_text()
    hidden = css[css.index("header.top, nav"):css.index("display: none !important")]
    for selector in ("header.top", "nav", "form", "button", ".actions"):
        assert selector in hidden
    assert "attr(href)" in css and "size: A4" in css
