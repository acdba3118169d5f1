"""Drafting the Brazilian summons request in steps, in Chromium: at a phone's width and a
desktop's, in Russian and in Kazakh. Every click, fill and select of the drafting path is counted
(at most 20; about 40 on the single page the steps replace); text typed and not saved is guarded;
a person is corrected and removed; submitting with the checklist not complete is refused with the
checklist, then made with a reason the reviewer reads.

Selectors are names and data attributes, not words, so the same walk runs in every language.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import datetime
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from playwright.sync_api import Page
from playwright.sync_api import expect

from requests_app.models import AssistanceRequest
from requests_app.models import RequestPerson
from requests_app.models import RequestState
from tests.factories import prosecutor
from tests.factories import supervisor
from treaties.rules.calendar import ALMATY

pytestmark = pytest.mark.django_db(transaction=True)

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=ALMATY)
MOST_INTERACTIONS = 20
REASON = "Перевод на португальский язык будет приложен до передачи."


@pytest.fixture
def at_now():
    with time_machine.travel(NOW, tick=True) as traveller:
        yield traveller


class Hands:
    """The user's hands: every click, fill, select and check goes through here and is counted,
    except inside ``aside()`` (checks that are not part of drafting the request)."""

    def __init__(self, page: Page):
        self.page, self.count, self._counting = page, 0, True

    def _tally(self) -> None:
        if self._counting:
            self.count += 1

    def click(self, locator) -> None:
        self._tally()
        locator.click()

    def fill(self, locator, text: str) -> None:
        self._tally()
        locator.fill(text)

    def select(self, locator, value: str) -> None:
        self._tally()
        locator.select_option(value)

    def check(self, locator) -> None:
        self._tally()
        locator.check()

    @contextmanager
    def aside(self):
        self._counting = False
        try:
            yield
        finally:
            self._counting = True


def _ready(page: Page) -> None:
    page.wait_for_function("() => document.readyState === 'complete' && !!window.htmx")


def _on_step(page: Page, slug: str) -> None:
    expect(page).to_have_url(re.compile(rf"/edit/{slug}/(#.*)?$"))
    expect(page.locator(f'[data-step="{slug}"] a')).to_have_attribute("aria-current", "step")
    expect(page.locator("#checklist [data-complete]")).to_be_visible()
    _ready(page)
    # Nothing of the draft is wider than the screen.
    assert page.evaluate(
        "() => document.querySelector('.draft').scrollWidth <= window.innerWidth"), slug


def _save_and_continue(hands: Hands, page: Page) -> None:
    hands.click(page.locator("#content-form [data-save-continue]"))


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_brazilian_summons_request_is_drafted_in_steps_within_20_interactions(
        page: Page, live_server, sign_in, shoot, at_now, width, language):
    drafter, reviewer = prosecutor("kz-gpo"), supervisor()
    page.set_viewport_size({"width": width, "height": 860})
    sign_in(drafter.username)
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language,
                               "url": live_server.url}])
    hands = Hands(page)
    dialogs: list[str] = []

    # Create: the state, the assistance, the purpose.
    page.goto(f"{live_server.url}/requests/new/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    _ready(page)
    hands.select(page.locator("select[name=requested_state]"), "BR")
    panel = page.locator("#instrument-panel")
    expect(panel).to_contain_text("kz-br-2018")
    hands.check(panel.locator("input[name=assistance_types][value=service_of_documents]"))
    hands.fill(panel.locator("textarea[name=purpose]"),
               "Вручить повестку свидетелю по уголовному делу № 2026-0001")
    hands.click(panel.locator("button[type=submit]"))

    # The draft opens at its first step with something missing: the parties (BR 4.1(a)).
    _on_step(page, "parties")
    expect(page.locator('[data-step="offence"]')).to_have_attribute("data-step-status",
                                                                    "missing")
    hands.fill(page.locator("[name=proceedings_authority]"),
               "Следственный департамент, Генеральная прокуратура, Астана")
    _save_and_continue(hands, page)

    _on_step(page, "offence")
    hands.fill(page.locator("[name=offence_description]"), "Мошенничество в крупном размере")
    hands.fill(page.locator("[name=applicable_law]"), "Статья 190 УК РК; давность 10 лет")
    hands.fill(page.locator("[name=facts_summary]"), "Подозреваемый похитил 50 млн тенге")
    with hands.aside():
        # Typed and not saved: leaving through the step navigation asks first; staying keeps it.
        hands.fill(page.locator("[name=legal_qualification]"), "ч. 4 ст. 190 УК РК")
        page.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
        page.locator('[data-step="persons"] a').click()
        page.wait_for_timeout(300)
        expect(page).to_have_url(re.compile(r"/edit/offence/"))
        expect(page.locator("[name=facts_summary]")).to_have_value(
            "Подозреваемый похитил 50 млн тенге")
    assert dialogs == ["beforeunload"]
    _save_and_continue(hands, page)

    _on_step(page, "assistance")
    hands.fill(page.locator("[name=assistance_description]"),
               "Вручить повестку о явке свидетеля и допросить его")
    _save_and_continue(hands, page)

    # Persons: the step holds only the persons form, so adding one loses nothing typed.
    _on_step(page, "persons")
    appearance = (NOW + timedelta(days=120)).date().isoformat()
    add = page.locator("#person-add-form")
    hands.select(add.locator("[name=person-role]"), "to_serve")
    hands.fill(add.locator("[name=person-full_name]"), "João Silva")
    hands.fill(add.locator("[name=person-appearance_date]"), appearance)
    hands.click(add.locator("[data-person-add]"))
    _on_step(page, "persons")
    draft = AssistanceRequest.objects.get(created_by=drafter)
    assert (draft.legal_qualification, draft.facts_summary) == (
        "ч. 4 ст. 190 УК РК", "Подозреваемый похитил 50 млн тенге")
    witness = RequestPerson.objects.get(request=draft)
    expect(page.locator(f"#person-{witness.pk}")).to_contain_text("João Silva")
    shoot(f"drafting-steps-persons-{language}-{width}")

    with hands.aside():
        # A person corrected, and one added by mistake removed, on the same step.
        row = page.locator(f"#person-{witness.pk}")
        row.locator("summary").click()
        row.locator(f"[name=person-{witness.pk}-nationality]").fill("BR")
        row.locator("[data-person-save]").click()
        _on_step(page, "persons")
        assert RequestPerson.objects.get(pk=witness.pk).nationality == "BR"
        add = page.locator("#person-add-form")
        add.locator("[name=person-role]").select_option("to_hear")
        add.locator("[name=person-full_name]").fill("Ошибочно добавлен")
        add.locator("[data-person-add]").click()
        _on_step(page, "persons")
        mistake = RequestPerson.objects.exclude(pk=witness.pk).get(request=draft)
        page.locator(f"#person-{mistake.pk} summary").click()
        page.locator(f"#person-{mistake.pk} [data-person-remove]").click()
        _on_step(page, "persons")
        expect(page.locator(f"#person-{mistake.pk}")).to_have_count(0)
        assert list(RequestPerson.objects.filter(request=draft)) == [witness]

    # Review: the Portuguese translation (BR 23.1) is missing, so submitting is refused with
    # the checklist; submitted with a reason (office policy), the reviewer reads it.
    hands.click(page.locator('[data-step="review"] a'))
    _on_step(page, "review")
    hands.click(page.locator("[data-submit-review]"))
    # The citation reads in the page's language; its stable code is the element's title.
    expect(page.locator("#rule-violations .cite[title='kz-br-2018 Art 23.1']")).to_have_count(1)
    expect(page.locator('#rule-violations [data-basis="office_policy"]')).to_be_visible()
    expect(page.locator("#checklist [data-translation-status]")).to_have_attribute(
        "data-translation-status", "missing")
    assert AssistanceRequest.objects.get(pk=draft.pk).state == RequestState.DRAFTING
    shoot(f"drafting-steps-refused-{language}-{width}")
    hands.fill(page.locator("[name=override_reason]"), REASON)
    hands.click(page.locator("[data-submit-override]"))
    expect(page.locator("#summary [data-state]")).to_have_attribute("data-state", "under_review")

    assert hands.count <= MOST_INTERACTIONS, hands.count

    sign_in(reviewer.username)
    page.goto(f"{live_server.url}/requests/{draft.pk}/")
    expect(page.locator("#submitted-incomplete [data-override-reason]")).to_have_text(REASON)
    expect(page.locator('#submitted-incomplete [data-basis="office_policy"]')).to_be_visible()
