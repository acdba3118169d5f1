"""API: the instruments and their full rulebooks, readable by every signed-in user."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.test.utils import override_settings

from treaties.models import Instrument
from treaties.rulebook import all_rulebooks
from treaties.rulebook import get_rulebook

pytestmark = pytest.mark.django_db

SLUGS = sorted(all_rulebooks())
SIGNED_IN = ["prosecutor_api", "clerk_api", "police_clerk_api", "supervisor_api",
             "other_office_api", "roleless_api"]


def _detail(client, slug: str, **query):
    return client.get(f"/api/instruments/{slug}/", query)


def _rule(body: dict, code: str) -> dict:
    return next(rule for rule in body["rules"] if rule["code"] == code)


# --- list ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", SIGNED_IN)
def test_every_signed_in_user_lists_every_instrument(role, request, frozen_now):
    response = request.getfixturevalue(role).get("/api/instruments/")
    assert response.status_code == 200
    assert [item["slug"] for item in response.json()["results"]] == SLUGS
    assert response.json()["count"] == len(SLUGS)


def test_anonymous_users_get_401_on_the_instrument_list(anonymous_api):
    response = anonymous_api.get("/api/instruments/")
    assert response.status_code == 401
    assert response.json()["type"] == "not_authenticated"


def test_a_list_item_has_titles_in_three_languages_parties_dates_and_status_today(
        prosecutor_api, frozen_now):
    items = prosecutor_api.get("/api/instruments/").json()["results"]
    rs = next(item for item in items if item["slug"] == "kz-rs-2015")
    assert rs["kind"] == "mla_treaty"
    assert set(rs["title"]) == {"en", "ru", "kk"} and all(rs["title"].values())
    assert set(rs["short_title"]) == {"en", "ru", "kk"} and all(rs["short_title"].values())
    assert [party["iso_code"] for party in rs["parties"]] == ["KZ", "RS"]
    assert rs["parties"][1]["name"]["en"] == "Serbia"
    assert rs["dates"]["entered_into_force_on"] == "2016-12-01"
    assert rs["status"]["on"] == "2026-03-02"
    assert rs["status"]["status"] == "in_force"
    assert rs["status"]["since"] == "2016-12-01"
    assert rs["status"]["citation"]["text"] == str(get_rulebook("kz-rs-2015").entry_into_force
                                                   .citation)
    cz = next(item for item in items if item["slug"] == "kz-cz-2017")
    assert cz["kind"] == "police_cooperation"
    assert cz["dates"]["signed_on"] == "2017-11-23"


def test_a_terminated_instrument_shows_as_terminated_today(prosecutor_api, frozen_now):
    Instrument.objects.filter(slug="kz-rs-2015").update(
        termination_notice_received_on=date(2025, 1, 1))
    items = prosecutor_api.get("/api/instruments/").json()["results"]
    rs = next(item for item in items if item["slug"] == "kz-rs-2015")
    assert rs["status"]["status"] == "terminated"
    # RS 22.4: the 180 days run from 2 Jan to 30 Jun; the treaty has ended from 1 Jul.
    assert rs["status"]["since"] == "2025-07-01"
    assert rs["status"]["citation"]["article"] == "22"


def test_the_instrument_list_costs_a_constant_number_of_queries(prosecutor_api, frozen_now):
    prosecutor_api.get("/api/instruments/")  # warm the token and role caches alike
    with CaptureQueriesContext(connection) as queries:
        assert prosecutor_api.get("/api/instruments/").status_code == 200
    # token, roles, count, instruments, parties
    assert len(queries) <= 5


def test_the_instrument_list_refuses_unknown_query_parameters(prosecutor_api):
    response = prosecutor_api.get("/api/instruments/", {"kind": "mla_treaty"})
    assert response.status_code == 400
    assert "kind" in response.json()["errors"]


# --- detail -------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", SIGNED_IN)
def test_every_signed_in_user_reads_an_instruments_rulebook(role, request, frozen_now):
    response = _detail(request.getfixturevalue(role), "kz-rs-2015")
    assert response.status_code == 200
    assert response.json()["slug"] == "kz-rs-2015"


def test_anonymous_users_get_401_on_an_instrument(anonymous_api):
    assert _detail(anonymous_api, "kz-rs-2015").status_code == 401


@pytest.mark.parametrize("slug", SLUGS)
def test_the_detail_lists_every_rule_of_the_rulebook_in_order(prosecutor_api, slug, frozen_now):
    body = _detail(prosecutor_api, slug).json()
    rulebook = get_rulebook(slug)
    assert [rule["code"] for rule in body["rules"]] == [rule.code for rule in rulebook.rules()]
    for rule, served in zip(rulebook.rules(), body["rules"], strict=True):
        assert served["rule_type"] == type(rule).__name__
        assert served["citation"]["text"] == str(rule.citation)
        assert served["citation"]["reference"] == rule.citation.reference
        assert served["citation"]["instrument"] == slug
        assert served["summary"] == {"en": rule.summary.en, "ru": rule.summary.ru,
                                     "kk": rule.summary.kk}
        owner = getattr(rulebook, served["kind"])
        assert owner is rule or (isinstance(owner, tuple) and rule in owner) or (
            rule in getattr(owner, "conditional_channels", ()))


def test_a_rule_citation_is_given_in_parts(prosecutor_api):
    body = _detail(prosecutor_api, "kz-rs-2015").json()
    legal_qualification = next(item for item in body["mandatory_contents"]
                               if item["field"] == "legal_qualification")
    assert legal_qualification["citation"] == {
        "text": "kz-rs-2015 Art 3.2(c)", "instrument": "kz-rs-2015", "article": "3",
        "paragraph": "2", "subparagraph": "c", "reference": "Art 3.2(c)"}


def test_the_rs_summons_rule_carries_its_60_days(prosecutor_api):
    body = _detail(prosecutor_api, "kz-rs-2015").json()
    rule = _rule(body, get_rulebook("kz-rs-2015").summons_lead_time.code)
    assert rule["kind"] == "summons_lead_time"
    assert rule["rule_type"] == "SummonsLeadTimeRule"
    assert rule["parameters"]["days"] == 60
    assert rule["parameters"]["shorter_term_by_agreement_when_urgent"] is True
    assert rule["citation"]["reference"] == "Art 8.3"


def test_the_sk_oral_request_rule_carries_its_24_treaty_hours(prosecutor_api):
    body = _detail(prosecutor_api, "kz-sk-2007").json()
    rule = _rule(body, get_rulebook("kz-sk-2007").oral_requests.code)
    assert rule["parameters"]["hours"] == 24
    assert rule["parameters"]["hours_basis"] == "treaty"
    assert rule["parameters"]["urgent_only"] is True


@override_settings(MLA_ORAL_CONFIRMATION_TARGET_HOURS=36)
def test_the_cz_oral_request_rule_shows_the_office_policy_target_not_a_treaty_figure(
        prosecutor_api):
    body = _detail(prosecutor_api, "kz-cz-2017").json()
    rule = _rule(body, get_rulebook("kz-cz-2017").oral_requests.code)
    assert rule["parameters"]["hours"] == 36
    assert rule["parameters"]["hours_basis"] == "office_policy"


def test_channel_language_and_content_rules_carry_their_parameters(prosecutor_api):
    rulebook = get_rulebook("kz-rs-2015")
    body = _detail(prosecutor_api, "kz-rs-2015").json()
    channels = _rule(body, rulebook.communication.code)["parameters"]
    assert channels["channels"] == sorted(c.value for c in rulebook.communication.channels)
    assert channels["authority_kind"] == "central"
    language = _rule(body, rulebook.language.code)["parameters"]
    assert language["accepted_languages"] == list(rulebook.language.accepted_languages)
    content = rulebook.mandatory_contents[0]
    assert _rule(body, content.code)["parameters"] == {
        "field": content.field, "required_when": content.required_when.value,
        "assistance_types": []}
    assert _rule(body, rulebook.written_form.code)["parameters"] == {}


def test_terms_carry_days_or_months(prosecutor_api):
    body = _detail(prosecutor_api, "kz-rs-2015").json()
    termination = _rule(body, get_rulebook("kz-rs-2015").termination.code)
    assert termination["kind"] == "termination"
    assert termination["parameters"] == {"days": 180, "months": None,
                                         "effective_after_expiry": True}


def test_assistance_types_come_with_their_catalogue_labels(prosecutor_api):
    body = _detail(prosecutor_api, "kz-rs-2015").json()
    testimony = next(item for item in body["assistance_types"] if item["code"] == "testimony")
    assert testimony["label"]["en"] == "Taking testimony or statements"
    assert testimony["label"]["ru"] and testimony["label"]["kk"]
    assert testimony["legal_assistance"] is True
    # Testimony is taken in the requested state: nobody is summoned to appear before our
    # authorities (RS 8.3, BR 6.2 lead times do not apply).
    assert testimony["involves_appearance"] is False
    assert testimony["citation"]["reference"] == "Art 1.2(c)"
    assert [t["code"] for t in body["assistance_types"]] == [
        rule.code for rule in get_rulebook("kz-rs-2015").assistance_types]


def test_grounds_and_contents_are_listed_as_in_the_rulebook(prosecutor_api):
    for slug in SLUGS:
        rulebook = get_rulebook(slug)
        body = _detail(prosecutor_api, slug).json()
        assert [g["code"] for g in body["refusal_grounds"]] == [
            g.code for g in rulebook.refusal_grounds]
        assert [g["code"] for g in body["deferral_grounds"]] == [
            g.code for g in rulebook.deferral_grounds]
        assert [c["field"] for c in body["mandatory_contents"]] == [
            c.field for c in rulebook.mandatory_contents]
        assert [c["field"] for c in body["optional_contents"]] == [
            c.field for c in rulebook.optional_contents]
        assert body["provides"] == {
            "oral_requests": rulebook.provides_oral_requests,
            "deferral": rulebook.provides_deferral,
            "conditions": rulebook.provides_conditions,
            "return_of_items": rulebook.return_of_items is not None}


def test_police_agreements_have_no_deferral_grounds(prosecutor_api):
    assert _detail(prosecutor_api, "kz-cz-2017").json()["deferral_grounds"] == []
    assert _detail(prosecutor_api, "kz-sk-2007").json()["deferral_grounds"] == []


def test_status_defaults_to_today(prosecutor_api, frozen_now):
    status = _detail(prosecutor_api, "kz-rs-2015").json()["status"]
    assert status["on"] == "2026-03-02"
    assert status["status"] == "in_force"


def test_status_on_the_day_before_entry_into_force_is_not_in_force_with_its_article(
        prosecutor_api):
    status = _detail(prosecutor_api, "kz-rs-2015", on="2016-11-30").json()["status"]
    assert status["status"] == "not_in_force"
    assert status["since"] is None
    assert status["citation"]["text"] == "kz-rs-2015 Art 22.2"


def test_status_on_the_day_of_entry_into_force_is_in_force(prosecutor_api):
    status = _detail(prosecutor_api, "kz-rs-2015", on="2016-12-01").json()["status"]
    assert (status["status"], status["since"]) == ("in_force", "2016-12-01")


def test_status_of_a_suspended_cz_agreement_names_article_17(prosecutor_api):
    Instrument.objects.filter(slug="kz-cz-2017").update(
        suspension_notice_received_on=date(2026, 1, 1))
    day_14 = _detail(prosecutor_api, "kz-cz-2017", on="2026-01-15").json()["status"]
    day_15 = _detail(prosecutor_api, "kz-cz-2017", on="2026-01-16").json()["status"]
    assert day_14["status"] == "in_force"
    assert (day_15["status"], day_15["since"]) == ("suspended", "2026-01-16")
    assert day_15["citation"]["article"] == "17"


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "2026-02-30", "02.03.2026", ""])
def test_a_bad_on_date_is_a_400_naming_the_field(prosecutor_api, value):
    response = _detail(prosecutor_api, "kz-rs-2015", on=value)
    assert response.status_code == 400
    body = response.json()
    assert body["type"] == "validation_error"
    assert "on" in body["errors"]


def test_an_unknown_query_parameter_on_the_detail_is_a_400(prosecutor_api):
    response = _detail(prosecutor_api, "kz-rs-2015", date="2026-01-01")
    assert response.status_code == 400
    assert "date" in response.json()["errors"]


@pytest.mark.parametrize("slug", ["kz-xx-2000", "KZ-RS-2015", "x" * 300, "%00", "%F0%9F%98%80"])
def test_an_unknown_instrument_is_a_404(prosecutor_api, slug):
    response = _detail(prosecutor_api, slug)
    assert response.status_code == 404
    assert response.json()["type"] == "not_found"


def test_an_instrument_row_without_a_rulebook_is_not_served(prosecutor_api):
    Instrument.objects.create(slug="kz-xx-2030", kind="mla_treaty", title_en="x", title_ru="x",
                              title_kk="x", short_title_en="x", short_title_ru="x",
                              short_title_kk="x")
    assert _detail(prosecutor_api, "kz-xx-2030").status_code == 404
    slugs = [item["slug"] for item in prosecutor_api.get("/api/instruments/").json()["results"]]
    assert "kz-xx-2030" not in slugs


def test_an_impossible_slug_is_the_apis_json_404(prosecutor_api):
    response = prosecutor_api.get("/api/instruments/null,%20null/")
    assert response.status_code == 404
    assert response.json()["type"] == "not_found"
