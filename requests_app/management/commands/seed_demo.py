"""Demo data: the four instruments, one user per role, and requests in typical stages, all made
through the services (so their logs and deadlines are real). Idempotent: users are refreshed and
requests are only created once."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction

from requests_app import clock
from requests_app.models import AssistanceRequest
from requests_app.models import OfficeMembership
from requests_app.roles import Role
from requests_app.services import records
from requests_app.services import transitions
from requests_app.services.notes import note_add
from requests_app.services.requests import person_add
from requests_app.services.requests import request_create_draft
from requests_app.services.requests import request_register_incoming
from treaties.models import Authority
from treaties.models import Instrument
from treaties.services import treaties_load

DEMO_PASSWORD = "demo-pass-2026"
DEMO_USERS = (
    # username, role, office, first name, last name
    ("prosecutor", Role.PROSECUTOR, "kz-gpo", "Aigerim", "Bekova"),
    ("prosecutor.marat", Role.PROSECUTOR, "kz-gpo", "Marat", "Iskakov"),
    ("prosecutor.almaty", Role.PROSECUTOR, "kz-prosecutor-almaty", "Nurlan", "Sadykov"),
    ("clerk", Role.CLERK, "kz-gpo", "Dana", "Omarova"),
    ("clerk.aliya", Role.CLERK, "kz-gpo", "Aliya", "Seitkali"),
    ("clerk.police", Role.CLERK, "kz-mvd", "Yerlan", "Zhakupov"),
    ("supervisor", Role.SUPERVISOR, "kz-gpo", "Saule", "Nurpeisova"),
)

CONTENTS = {
    "proceedings_authority": "Investigation Department of the Prosecutor's Office of Almaty, "
                             "Abay Ave 1, Almaty",
    "purpose": "Obtain evidence for criminal case No 262600131000123",
    "assistance_description": "Question the witness and serve the summons enclosed",
    "offence_description": "Large-scale fraud through a chain of shell companies (2024-2025)",
    "legal_qualification": "Article 190(4) of the Criminal Code of the Republic of Kazakhstan",
    "applicable_law": "Articles 190 and 71 of the Criminal Code (limitation period 10 years)",
    "facts_summary": "Investors were deceived into transferring 1.2 billion tenge",
    "reasons_for_measures": "The witness signed the transfer documents in Belgrade",
    "summoned_person_allowances": "Travel and subsistence paid by the Kazakh side",
    "enclosed_documents": "Decision to open the case; list of questions; summons",
    "signed_and_sealed": True,
    "request_language": "ru",
}


def _user(username, role, office, first, last):
    user, _ = User.objects.get_or_create(username=username)
    user.first_name, user.last_name, user.email = first, last, f"{username}@mla.example"
    user.set_password(DEMO_PASSWORD)
    user.is_staff = role == Role.SUPERVISOR
    user.save()
    user.groups.set([Group.objects.get_or_create(name=role.value)[0]])
    OfficeMembership.objects.update_or_create(
        user=user, defaults={"authority": Authority.objects.get(code=office)})
    return user


class Command(BaseCommand):
    help = "Load the instruments and create demo users and requests (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        treaties_load()
        for role in Role:
            Group.objects.get_or_create(name=role.value)
        users = {u[0]: _user(*u) for u in DEMO_USERS}
        admin, _ = User.objects.get_or_create(username="admin", defaults={
            "is_superuser": True, "is_staff": True, "email": "admin@mla.example"})
        admin.set_password(DEMO_PASSWORD)
        admin.save()
        admin.groups.set([Group.objects.get(name=Role.ADMIN.value)])
        if AssistanceRequest.objects.exists():
            self.stdout.write("Demo requests already present; users refreshed.")
            return
        self._requests(users)
        self.stdout.write(self.style.SUCCESS(
            f"Demo data ready: {AssistanceRequest.objects.count()} requests; users "
            f"{', '.join(sorted([*users, 'admin']))} with password {DEMO_PASSWORD!r}."))

    def _requests(self, users):
        author, desk, boss = users["prosecutor"], users["clerk"], users["supervisor"]
        today = clock.today()
        auth = {a.code: a for a in Authority.objects.all()}
        inst = {i.slug: i for i in Instrument.objects.all()}

        # Serbia: a summons request in drafting, appearance 75 days away (RS 8.3 needs 60).
        draft = request_create_draft(
            actor=author, instrument_id=inst["kz-rs-2015"].pk,
            requested_authority_id=auth["rs-justice"].pk, requesting_authority_id=auth["kz-gpo"].pk,
            assistance_types=["service_of_documents", "testimony"], case_number="2026-0001",
            **CONTENTS)
        person_add(actor=author, request_id=draft.pk, role="to_serve", full_name="Marko Jovanović",
                   appearance_date=today + timedelta(days=75))

        # Serbia: transmitted electronically with the original by post the same day (RS 3.4).
        sent = request_create_draft(
            actor=author, instrument_id=inst["kz-rs-2015"].pk,
            requested_authority_id=auth["rs-justice"].pk, requesting_authority_id=auth["kz-gpo"].pk,
            assistance_types=["documents_and_evidence", "bank_information"],
            **{**CONTENTS, "channel": "electronic", "case_number": "2026-0001"})
        note_add(actor=author, request_id=sent.pk,
                 text="Same criminal case as the summons draft; bank statements are the priority.")
        records.translation_record(actor=author, request_id=sent.pk, language="sr",
                                   translated_by="Sworn translator", completed_on=today)
        transitions.request_submit_for_review(request_id=sent.pk, actor=author)
        transitions.request_approve(request_id=sent.pk, actor=boss)
        records.original_record(actor=desk, request_id=sent.pk, dispatched_on=today,
                                dispatch_channel="post", tracking_number="RR123456789KZ")
        transitions.request_transmit(request_id=sent.pk, actor=desk)

        # Brazil: under review, summons 120 days away (BR 6.2 needs 90).
        review = request_create_draft(
            actor=author, instrument_id=inst["kz-br-2018"].pk,
            requested_authority_id=auth["br-justice"].pk, requesting_authority_id=auth["kz-gpo"].pk,
            assistance_types=["testimony"], **CONTENTS)
        records.translation_record(actor=author, request_id=review.pk, language="pt",
                                   completed_on=today)
        person_add(actor=author, request_id=review.pk, role="to_hear", full_name="João Silva",
                   appearance_date=today + timedelta(days=120))
        transitions.request_submit_for_review(request_id=review.pk, actor=author)

        # Slovakia: urgent oral request received 3 hours ago, written confirmation due (SK 7.4).
        request_register_incoming(
            actor=desk, instrument_id=inst["kz-sk-2007"].pk,
            requesting_authority_id=auth["sk-police-presidium"].pk,
            requested_authority_id=auth["kz-mvd"].pk, channel="oral", is_urgent=True,
            received_at=clock.now() - timedelta(hours=3), their_reference="PPZ-2026-0042",
            assistance_types=["search_for_persons"],
            assistance_description="Locate a suspect believed to have flown to Almaty",
            urgency_reason="Suspect may leave Kazakhstan within a day")

        # Czech Republic: incoming information request in execution.
        incoming = request_register_incoming(
            actor=desk, instrument_id=inst["kz-cz-2017"].pk,
            requesting_authority_id=auth["cz-police-presidium"].pk,
            requested_authority_id=auth["kz-mvd"].pk, channel="electronic",
            their_reference="KRPP-1234/2026", assistance_types=["information_exchange"],
            assistance_description="Information on a vehicle registered in Kazakhstan",
            request_language="en")
        transitions.request_transition(request_id=incoming.pk, actor=desk,
                                       name="start_completeness_check")
        transitions.request_forward(request_id=incoming.pk, actor=desk,
                                    executing_authority_id=auth["kz-mvd"].pk)
        transitions.request_transition(request_id=incoming.pk, actor=desk, name="start_execution")
