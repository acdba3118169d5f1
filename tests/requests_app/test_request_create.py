"""Opening requests: outgoing drafts (``request_create_draft``) and incoming registrations
(``request_register_incoming``), against the instrument's scope, life and channels."""

from datetime import date
from datetime import timedelta

import pytest

from requests_app.exceptions import ActionNotPermitted
from requests_app.exceptions import InvalidInput
from requests_app.exceptions import RuleViolation
from requests_app.models import AssistanceRequest
from requests_app.models import Deadline
from requests_app.models import DeadlineStatus
from requests_app.models import Direction
from requests_app.models import RequestState
from requests_app.models import TransitionLog
from requests_app.services import transitions as t
from requests_app.services.requests import request_create_draft
from requests_app.services.requests import request_register_incoming
from tests.factories import COUNTERPARTS
from tests.factories import DEFAULT_TYPES
from tests.factories import FULL_CONTENTS
from tests.factories import UserFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import instrument
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.requests_app import _support
from tests.requests_app._support import NOW
from tests.requests_app._support import TODAY
from tests.requests_app._support import cited
from tests.requests_app._support import only_violation as _only
from tests.scenarios import set_instrument as _set_instrument

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]

traveller = _support.traveller


def _between_the_parties(slug: str, *, outgoing: bool) -> dict:
    """The instrument, its two parties' authorities (the Kazakh one requesting when the request
    is outgoing) and the assistance asked for by default."""
    foreign, home = COUNTERPARTS[slug]
    requesting, requested = (home, foreign) if outgoing else (foreign, home)
    return {"instrument_id": instrument(slug).pk,
            "requesting_authority_id": authority(requesting).pk,
            "requested_authority_id": authority(requested).pk,
            "assistance_types": DEFAULT_TYPES[slug]}


def _draft(actor, slug, **overrides):
    return request_create_draft(
        actor=actor, **{**_between_the_parties(slug, outgoing=True), **FULL_CONTENTS, **overrides})


def _draft_blocked(actor, slug, **overrides):
    """Open a draft that a rule must block: the RuleViolation raised."""
    with pytest.raises(RuleViolation) as exc:
        _draft(actor, slug, **overrides)
    return exc


def _register(actor, slug, **overrides):
    return request_register_incoming(
        actor=actor, **{**_between_the_parties(slug, outgoing=False), "channel": "post",
                        **overrides})


def _registration_blocked(actor, slug, **overrides):
    """Register an incoming request that a rule must block: the RuleViolation raised."""
    with pytest.raises(RuleViolation) as exc:
        _register(actor, slug, **overrides)
    return exc


def _cited_with_instrument(exc_info) -> tuple[str, str, str]:
    """(rule code, instrument, article reference) of the single violation raised."""
    violation = _only(exc_info)
    return violation.rule, violation.citation.instrument, violation.citation.reference


# --- request_create_draft: scope -------------------------------------------------------------------
def test_cz_draft_asking_for_legal_assistance_is_blocked_citing_cz_art_1_2():
    exc = _draft_blocked(prosecutor(office="kz-mvd"), "kz-cz-2017", assistance_types=["testimony"])

    violation = _only(exc)
    assert violation.rule == "excludes_legal_assistance"
    assert violation.citation.instrument == "kz-cz-2017"
    assert violation.citation.reference == "Art 1.2"
    assert violation.field == "assistance_types"
    assert not AssistanceRequest.objects.exists()


def test_cz_draft_for_police_cooperation_is_created_in_drafting():
    request = _draft(prosecutor(office="kz-mvd"), "kz-cz-2017",
                     assistance_types=["information_exchange"])

    assert request.state == RequestState.DRAFTING
    assert request.direction == Direction.OUTGOING
    assert request.requesting_authority.code == "kz-mvd"


def test_draft_with_a_type_the_instrument_does_not_cover_is_blocked():
    # RS covers no "samples" (a police-cooperation type).
    exc = _draft_blocked(prosecutor(), "kz-rs-2015", assistance_types=["samples"])

    violation = _only(exc)
    assert violation.rule == "assistance_type_not_covered"
    assert violation.citation.reference == "Art 1.2"  # RS 1.2: the scope of assistance


def test_draft_without_any_assistance_type_is_blocked():
    exc = _draft_blocked(prosecutor(), "kz-rs-2015", assistance_types=[])

    assert _only(exc).rule == "assistance_types_required"


# --- request_create_draft: the instrument's life -------------------------------------------------
def test_draft_is_blocked_before_the_instrument_enters_into_force():
    _set_instrument("kz-cz-2017", entered_into_force_on=TODAY + timedelta(days=1))

    exc = _draft_blocked(prosecutor(office="kz-mvd"), "kz-cz-2017")

    assert _cited_with_instrument(exc) == ("instrument_not_in_force", "kz-cz-2017", "Art 18.1")


def test_draft_is_allowed_on_the_day_of_entry_into_force():
    _set_instrument("kz-cz-2017", entered_into_force_on=TODAY)

    assert _draft(prosecutor(office="kz-mvd"), "kz-cz-2017").state == RequestState.DRAFTING


def test_draft_is_blocked_when_the_instrument_has_no_entry_into_force_date():
    _set_instrument("kz-rs-2015", entered_into_force_on=None)

    exc = _draft_blocked(prosecutor(), "kz-rs-2015")

    assert cited(exc)[:2] == ("instrument_not_in_force", "Art 22.2")


def test_cz_draft_is_blocked_15_days_after_a_suspension_notice():
    _set_instrument("kz-cz-2017", suspension_notice_received_on=TODAY - timedelta(days=15))

    exc = _draft_blocked(prosecutor(office="kz-mvd"), "kz-cz-2017")

    assert _cited_with_instrument(exc) == ("instrument_suspended", "kz-cz-2017", "Art 17")


def test_cz_draft_is_allowed_14_days_after_a_suspension_notice():
    _set_instrument("kz-cz-2017", suspension_notice_received_on=TODAY - timedelta(days=14))

    assert _draft(prosecutor(office="kz-mvd"), "kz-cz-2017").state == RequestState.DRAFTING


def test_cz_draft_is_allowed_again_15_days_after_the_suspension_is_lifted():
    _set_instrument("kz-cz-2017", suspension_notice_received_on=TODAY - timedelta(days=60),
                    suspension_lift_notice_received_on=TODAY - timedelta(days=15))

    assert _draft(prosecutor(office="kz-mvd"), "kz-cz-2017").state == RequestState.DRAFTING


def test_cz_draft_is_still_blocked_14_days_after_the_suspension_lift_notice():
    _set_instrument("kz-cz-2017", suspension_notice_received_on=TODAY - timedelta(days=60),
                    suspension_lift_notice_received_on=TODAY - timedelta(days=14))

    exc = _draft_blocked(prosecutor(office="kz-mvd"), "kz-cz-2017")

    assert _only(exc).rule == "instrument_suspended"


def test_rs_draft_is_blocked_181_days_after_a_termination_notice():
    _set_instrument("kz-rs-2015", termination_notice_received_on=TODAY - timedelta(days=181))

    exc = _draft_blocked(prosecutor(), "kz-rs-2015")

    assert _cited_with_instrument(exc) == ("instrument_terminated", "kz-rs-2015", "Art 22.4")


def test_rs_draft_is_allowed_180_days_after_a_termination_notice():
    # RS 22.4 "по истечении 180 суток": the treaty still applies on the 180th day.
    _set_instrument("kz-rs-2015", termination_notice_received_on=TODAY - timedelta(days=180))

    assert _draft(prosecutor(), "kz-rs-2015").state == RequestState.DRAFTING


def test_br_draft_is_blocked_six_calendar_months_after_a_termination_notice():
    _set_instrument("kz-br-2018", termination_notice_received_on=date(2025, 9, 2))

    exc = _draft_blocked(prosecutor(), "kz-br-2018")

    assert cited(exc)[:2] == ("instrument_terminated", "Art 30.2")


def test_br_draft_is_allowed_the_day_before_six_months_after_a_termination_notice():
    _set_instrument("kz-br-2018", termination_notice_received_on=date(2025, 9, 3))

    assert _draft(prosecutor(), "kz-br-2018").state == RequestState.DRAFTING


# --- request_create_draft: parties, permission, record --------------------------------------------
def test_draft_to_an_authority_of_a_state_not_party_to_the_instrument_is_invalid_input():
    with pytest.raises(InvalidInput) as exc:
        _draft(prosecutor(), "kz-rs-2015", requested_authority_id=authority("br-justice").pk)

    assert set(exc.value.errors) == {"requested_authority"}
    assert not AssistanceRequest.objects.exists()


def test_draft_in_the_name_of_a_foreign_authority_is_invalid_input():
    with pytest.raises(InvalidInput) as exc:
        _draft(prosecutor(), "kz-rs-2015", requesting_authority_id=authority("rs-justice").pk)

    assert "requesting_authority" in exc.value.errors


def test_draft_to_a_kazakh_authority_is_invalid_input():
    with pytest.raises(InvalidInput) as exc:
        _draft(prosecutor(), "kz-rs-2015", requested_authority_id=authority("kz-mvd").pk)

    assert set(exc.value.errors) == {"requested_authority"}


def test_draft_for_an_unknown_instrument_is_invalid_input():
    with pytest.raises(InvalidInput) as exc:
        _draft(prosecutor(), "kz-rs-2015", instrument_id=999_999)

    assert set(exc.value.errors) == {"instrument"}


def test_draft_with_a_field_outside_the_contents_is_invalid_input():
    with pytest.raises(InvalidInput) as exc:
        _draft(prosecutor(), "kz-rs-2015", state="ready")

    assert set(exc.value.errors) == {"state"}


def test_draft_defaults_the_requesting_authority_to_the_authors_office():
    request = _draft(prosecutor(), "kz-rs-2015", requesting_authority_id=None)

    assert request.requesting_authority.code == "kz-gpo"


def test_user_without_a_role_cannot_open_a_draft():
    with pytest.raises(ActionNotPermitted):
        _draft(UserFactory(office="kz-gpo"), "kz-rs-2015")


def test_draft_creation_writes_a_create_log_row_citing_the_written_form_article_rs_3_1():
    author = prosecutor()

    request = _draft(author, "kz-rs-2015")

    row = TransitionLog.objects.get(request=request)
    assert row.action == "create"
    assert row.actor == author
    assert (row.from_state, row.to_state) == ("", RequestState.DRAFTING)
    assert row.at == NOW
    assert row.citation == "kz-rs-2015 Art 3.1"
    assert request.reference == f"OUT-2026-{request.pk:06d}"
    assert request.version == 1


# --- request_register_incoming -----------------------------------------------------------------
def test_sk_urgent_oral_request_waits_for_confirmation_with_a_24_hour_deadline():
    received = NOW - timedelta(hours=2)

    request = _register(clerk(), "kz-sk-2007", channel="oral", is_urgent=True,
                        received_at=received)

    assert request.state == RequestState.ORAL_PENDING_CONFIRMATION
    assert request.oral_request_at == received
    deadline = Deadline.objects.get(request=request, kind="oral_confirmation")
    assert deadline.kind == "oral_confirmation"
    assert deadline.due_at == received + timedelta(hours=24)
    assert deadline.citation == "kz-sk-2007 Art 7.4"
    assert deadline.basis == "treaty"
    assert deadline.responsible_side == "other_side"
    assert deadline.status == DeadlineStatus.OPEN
    log = TransitionLog.objects.get(request=request)
    assert (log.action, log.to_state, log.citation) == (
        "register", RequestState.ORAL_PENDING_CONFIRMATION, "kz-sk-2007 Art 7.4")


def test_sk_oral_request_deadline_runs_from_the_oral_request_time_when_given():
    oral_at = NOW - timedelta(hours=5)

    request = _register(clerk(), "kz-sk-2007", channel="oral", is_urgent=True,
                        received_at=NOW - timedelta(hours=1), oral_request_at=oral_at)

    assert Deadline.objects.get(request=request, kind="oral_confirmation").due_at == oral_at + timedelta(hours=24)


def test_sk_oral_request_that_is_not_urgent_is_blocked_citing_sk_art_7_4():
    exc = _registration_blocked(clerk(), "kz-sk-2007", channel="oral", is_urgent=False)

    assert _cited_with_instrument(exc) == ("oral_requests", "kz-sk-2007", "Art 7.4")
    assert not AssistanceRequest.objects.exists()


def test_rs_oral_request_is_blocked_because_rs_requests_are_written_only():
    exc = _registration_blocked(clerk(), "kz-rs-2015", channel="oral", is_urgent=True)

    assert _cited_with_instrument(exc) == ("oral_requests_not_provided", "kz-rs-2015", "Art 3.1")


def test_cz_urgent_oral_request_gets_the_office_policy_confirmation_target(settings):
    hours = settings.MLA_ORAL_CONFIRMATION_TARGET_HOURS
    received = NOW - timedelta(hours=1)

    request = _register(clerk(), "kz-cz-2017", channel="oral", is_urgent=True,
                        received_at=received)

    deadline = Deadline.objects.get(request=request, kind="oral_confirmation")
    assert deadline.basis == "office_policy"
    assert deadline.due_at == received + timedelta(hours=hours)
    assert deadline.citation == "kz-cz-2017 Art 9.1"


def test_cz_oral_confirmation_target_follows_the_setting(settings):
    settings.MLA_ORAL_CONFIRMATION_TARGET_HOURS = 6

    request = _register(clerk(), "kz-cz-2017", channel="oral", is_urgent=True, received_at=NOW)

    assert Deadline.objects.get(request=request, kind="oral_confirmation").due_at == NOW + timedelta(hours=6)


def test_written_incoming_request_is_received_with_no_oral_deadline():
    request = _register(clerk(), "kz-rs-2015", channel="post", received_at=NOW)

    assert request.state == RequestState.RECEIVED
    assert request.opened_on == TODAY
    assert request.oral_request_at is None
    assert not Deadline.objects.filter(request=request, kind="oral_confirmation").exists()
    assert request.reference == f"IN-2026-{request.pk:06d}"


def test_incoming_request_on_a_channel_the_instrument_does_not_provide_is_blocked():
    # SK 7.2 provides post, fax and oral requests only.
    exc = _registration_blocked(clerk(), "kz-sk-2007", channel="electronic")

    assert cited(exc)[:2] == ("communication", "Art 7.2")


def test_incoming_request_received_in_the_future_is_invalid_input():
    with pytest.raises(InvalidInput) as exc:
        _register(clerk(), "kz-rs-2015", received_at=NOW + timedelta(minutes=1))

    assert set(exc.value.errors) == {"received_at"}


def test_incoming_request_received_while_cz_was_suspended_is_blocked():
    _set_instrument("kz-cz-2017", suspension_notice_received_on=TODAY - timedelta(days=20))

    exc = _registration_blocked(clerk(), "kz-cz-2017")

    assert _only(exc).citation.reference == "Art 17"


def test_only_clerks_may_register_incoming_requests():
    with pytest.raises(ActionNotPermitted):
        _register(prosecutor(), "kz-rs-2015")

    assert not AssistanceRequest.objects.exists()


def test_supervisor_may_register_incoming_requests():
    assert _register(supervisor(), "kz-rs-2015").state == RequestState.RECEIVED


def test_written_confirmation_of_an_sk_oral_request_within_24_hours_meets_the_deadline(traveller):
    desk = clerk()
    request = _register(desk, "kz-sk-2007", channel="oral", is_urgent=True, received_at=NOW)
    traveller.shift(timedelta(hours=23))

    request = t.request_confirm_in_writing(request_id=request.pk, actor=desk, channel="post")

    assert request.state == RequestState.RECEIVED
    deadline = Deadline.objects.get(request=request, kind="oral_confirmation")
    assert deadline.status == DeadlineStatus.MET
    assert deadline.met_at == NOW + timedelta(hours=23)


# --- bugs ----------------------------------------------------------------------------------------
def test_prosecutor_cannot_open_a_draft_in_the_name_of_another_office():
    astana = prosecutor(office="kz-prosecutor-astana")

    with pytest.raises((ActionNotPermitted, InvalidInput)):
        _draft(astana, "kz-rs-2015", requesting_authority_id=authority("kz-gpo").pk)


def test_oral_request_time_after_the_receipt_is_invalid_input():
    with pytest.raises(InvalidInput):
        _register(clerk(), "kz-sk-2007", channel="oral", is_urgent=True, received_at=NOW,
                  oral_request_at=NOW + timedelta(days=5))
