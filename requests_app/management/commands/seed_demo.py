"""Demo data: the four instruments, one user per role, and requests in typical stages, all made
through the services (so their logs and deadlines are real). Idempotent: users are refreshed and
requests are only created once."""

from collections import Counter
from datetime import timedelta

from django.contrib.auth.models import Group
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import transaction
from fpdf import FPDF

from requests_app import clock
from requests_app.demo_history import demo_history_create
from requests_app.models import AccessChannel
from requests_app.models import AccessKind
from requests_app.models import AssistanceRequest
from requests_app.models import LetterEvent
from requests_app.models import LetterVersion
from requests_app.models import OfficeMembership
from requests_app.roles import Role
from requests_app.services import records
from requests_app.services import transitions
from requests_app.services.access_log import record_access
from requests_app.services.access_log import record_attachment_access
from requests_app.services.correspondence import correspondence_register_received
from requests_app.services.correspondence import correspondence_send
from requests_app.services.notes import note_add
from requests_app.services.owners import request_owner_change
from requests_app.services.requests import person_add
from requests_app.services.requests import request_create_draft
from requests_app.services.requests import request_register_incoming
from requests_app.services.signatories import signatory_save
from requests_app.services.sweep import deadlines_sweep
from statistics_app.aggregates import statistics_aggregates_refresh
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

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-history", action="store_true",
            help="Only the hand-made requests, without the year of past requests behind the "
                 "statistics (a few seconds instead of half a minute: for tests of the case "
                 "work).")

    @transaction.atomic
    def handle(self, *args, without_history: bool = False, **options):
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
        self._case_work(users)
        self._looks(users)
        # A year of past requests behind the statistics page (``requests_app.demo_history``).
        history = (Counter() if without_history
                   else demo_history_create(users=users, contents=self.contents))
        # As beat would on its first run: the reply already late is marked missed and escalated.
        deadlines_sweep(now=clock.now())
        # As beat would on its first run: the statistics' aggregates added up.
        statistics_aggregates_refresh()
        self.stdout.write(self.style.SUCCESS(
            f"Demo data ready: {AssistanceRequest.objects.count()} requests "
            f"({history['sent']} sent and {history['received']} received over the past year); "
            f"users "
            f"{', '.join(sorted([*users, 'admin']))} with password {DEMO_PASSWORD!r}."))

    def _signatories(self, boss):
        """Who signs the General Prosecutor's Office's letters, in kk, ru and en."""
        gpo = Authority.objects.get(code="kz-gpo")
        deputy = signatory_save(actor=boss, authority=gpo, order=1, texts={
            "name_kk": "Д. Қ. Әбдіқадыров", "name_ru": "Д. К. Абдыкадыров",
            "name_en": "D. K. Abdykadyrov",
            "position_kk": "Қазақстан Республикасы Бас Прокурорының орынбасары",
            "position_ru": "Заместитель Генерального Прокурора Республики Казахстан",
            "position_en": "Deputy Prosecutor General of the Republic of Kazakhstan"})
        signatory_save(actor=boss, authority=gpo, order=2, texts={
            "name_kk": "А. С. Жұмабаева", "name_ru": "А. С. Жумабаева",
            "name_en": "A. S. Zhumabayeva",
            "position_kk": "Халықаралық ынтымақтастық департаментінің бастығы",
            "position_ru": "Начальник Департамента международного сотрудничества",
            "position_en": "Head of the International Cooperation Department"})
        return deputy

    def _requests(self, users):
        author, desk, boss = users["prosecutor"], users["clerk"], users["supervisor"]
        today = clock.today()
        auth = {a.code: a for a in Authority.objects.all()}
        inst = {i.slug: i for i in Instrument.objects.all()}
        # Every outgoing demo letter is signed by the Deputy Prosecutor General.
        self.contents = {**CONTENTS, "signatory": self._signatories(boss).pk}

        # Serbia: a summons request in drafting, appearance 75 days away (RS 8.3 needs 60).
        draft = request_create_draft(
            actor=author, instrument_id=inst["kz-rs-2015"].pk,
            requested_authority_id=auth["rs-justice"].pk, requesting_authority_id=auth["kz-gpo"].pk,
            assistance_types=["service_of_documents", "testimony"], case_number="2026-0001",
            **self.contents)
        person_add(actor=author, request_id=draft.pk, role="to_serve", full_name="Marko Jovanović",
                   appearance_date=today + timedelta(days=75))

        # Serbia: transmitted electronically with the original by post the same day (RS 3.4).
        sent = request_create_draft(
            actor=author, instrument_id=inst["kz-rs-2015"].pk,
            requested_authority_id=auth["rs-justice"].pk, requesting_authority_id=auth["kz-gpo"].pk,
            assistance_types=["documents_and_evidence", "bank_information"],
            **{**self.contents, "channel": "electronic", "case_number": "2026-0001"})
        note_add(actor=author, request_id=sent.pk,
                 text="Same criminal case as the summons draft; bank statements are the priority.")
        records.translation_record(actor=author, request_id=sent.pk, language="sr",
                                   translated_by="Sworn translator", completed_on=today)
        transitions.request_submit_for_review(request_id=sent.pk, actor=author)
        transitions.request_approve(request_id=sent.pk, actor=boss)
        records.original_record(actor=desk, request_id=sent.pk, dispatched_on=today,
                                dispatch_channel="post", tracking_number="RR123456789KZ")
        transitions.request_transmit(request_id=sent.pk, actor=desk, dispatched_on=today,
                                     dispatch_reference="2-15-26/101")
        self.sent = sent
        correspondence_register_received(
            actor=desk, request_id=sent.pk, kind="acknowledgement", received_on=today,
            channel="electronic", their_reference="MP-712-01-00077/2026",
            sender="Ministry of Justice of the Republic of Serbia",
            subject="Acknowledgement of receipt of request 2-15-26/101",
            summary="The request was received and passed to the Higher Public Prosecutor's "
                    "Office in Belgrade.")

        # Brazil: under review, summons 120 days away (BR 6.2 needs 90).
        review = request_create_draft(
            actor=author, instrument_id=inst["kz-br-2018"].pk,
            requested_authority_id=auth["br-justice"].pk, requesting_authority_id=auth["kz-gpo"].pk,
            assistance_types=["testimony"], **self.contents)
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

        # Germany, no bilateral treaty: organised fraud punishable by up to 10 years falls
        # within UNTOC (Art 3.1 with 2(b)), which the resolver proposes; in drafting, with the
        # German translation done (Germany has recorded no 18.14 declaration: its official
        # language is asked for).
        germany = request_create_draft(
            actor=author, instrument_id=inst["untoc-2000"].pk,
            requested_authority_id=auth["de-central-authority"].pk,
            requesting_authority_id=auth["kz-gpo"].pk, assistance_types=["bank_information"],
            case_number="2026-0007", offence_category="fraud", offence_max_penalty_years=10,
            organised_group_involved=True, **self.contents)
        records.translation_record(actor=author, request_id=germany.pk, language="de",
                                   translated_by="Sworn translator", completed_on=today)

        # China, incoming under UNCAC (no bilateral treaty in the engine): a bribery case, in
        # Russian as Kazakhstan's 46.14 declaration asks.
        request_register_incoming(
            actor=desk, instrument_id=inst["uncac-2003"].pk,
            requesting_authority_id=auth["cn-central-authority"].pk,
            requested_authority_id=auth["kz-gpo"].pk, channel="diplomatic",
            their_reference="MOJ-ICC-2026-118", assistance_types=["documents_and_evidence"],
            offence_category="corruption", offence_max_penalty_years=15,
            offence_description="Bribery of a public official in a procurement contract",
            assistance_description="Company registration and bank records in Kazakhstan",
            request_language="ru")

    def _case_work(self, users):
        """The case work around the rules (issue 10): owners and an assignment, a draft returned
        with its reason, a request approved for the clerk, incoming work with letters both ways,
        and a reply the other side owes that is already late."""
        author, other_author = users["prosecutor"], users["prosecutor.marat"]
        almaty = users["prosecutor.almaty"]
        desk, second_desk, boss = users["clerk"], users["clerk.aliya"], users["supervisor"]
        today = clock.today()
        auth = {a.code: a for a in Authority.objects.all()}
        inst = {i.slug: i for i in Instrument.objects.all()}

        # Brazil: returned to its author with the reason the reviewer gave.
        returned = request_create_draft(
            actor=other_author, instrument_id=inst["kz-br-2018"].pk,
            requested_authority_id=auth["br-justice"].pk,
            requesting_authority_id=auth["kz-gpo"].pk, assistance_types=["documents_and_evidence"],
            **{**self.contents, "case_number": "2026-0014",
               "assistance_description": "Obtain the bank records of Atlântico Ltda for 2024"})
        records.translation_record(actor=other_author, request_id=returned.pk, language="pt",
                                   completed_on=today)
        transitions.request_submit_for_review(request_id=returned.pk, actor=other_author)
        transitions.request_transition(
            request_id=returned.pk, actor=boss, name="return_for_revision",
            reason="Name the bank and the account numbers; BR 22.1 asks for the place of the "
                   "evidence.")

        # Serbia: approved, waiting for the second clerk to transmit it (letter versions 1-2).
        ready = request_create_draft(
            actor=author, instrument_id=inst["kz-rs-2015"].pk,
            requested_authority_id=auth["rs-justice"].pk, requesting_authority_id=auth["kz-gpo"].pk,
            assistance_types=["documents_and_evidence"],
            **{**self.contents, "channel": "post", "case_number": "2026-0021"})
        records.translation_record(actor=author, request_id=ready.pk, language="sr",
                                   translated_by="Sworn translator", completed_on=today)
        transitions.request_submit_for_review(request_id=ready.pk, actor=author)
        transitions.request_approve(request_id=ready.pk, actor=boss)
        request_owner_change(actor=boss, request_id=ready.pk, stage="clerk",
                             user_id=second_desk.pk,
                             reason="Aliya keeps the Serbian desk this month.")

        # Serbia, incoming: received 12 days ago, acknowledged; additional information asked
        # for 10 days ago with a reply due 3 days ago: the reply is late.
        late = request_register_incoming(
            actor=desk, instrument_id=inst["kz-rs-2015"].pk,
            requesting_authority_id=auth["rs-justice"].pk, requested_authority_id=auth["kz-gpo"].pk,
            channel="post", received_at=clock.now() - timedelta(days=12),
            their_reference="MP-712-01-00102/2026", assistance_types=["testimony"],
            assistance_description="Hear a Kazakh citizen as a witness about a car sale",
            offence_description="Fraud in the sale of vehicles (Art 208 Criminal Code of Serbia)",
            request_language="ru")
        correspondence_send(actor=desk, request_id=late.pk, kind="acknowledgement",
                            language="ru", channel="post", sent_on=today - timedelta(days=11))
        transitions.request_transition(request_id=late.pk, actor=desk,
                                       name="start_completeness_check")
        transitions.request_transition(
            request_id=late.pk, actor=desk, name="request_additional_info",
            reason="The witness's address and the questions are missing.")
        correspondence_send(
            actor=desk, request_id=late.pk, kind="additional_info", language="ru",
            channel="post", sent_on=today - timedelta(days=10),
            missing_items="1. The witness's address in Kazakhstan.\n"
                          "2. The questions to be put to the witness.",
            reply_due_on=today - timedelta(days=3))

        # Brazil, incoming: additional information asked for and supplied by a reply letter
        # (the request resumed), then forwarded to Almaty with a named executing prosecutor.
        answered = request_register_incoming(
            actor=desk, instrument_id=inst["kz-br-2018"].pk,
            requesting_authority_id=auth["br-justice"].pk, requested_authority_id=auth["kz-gpo"].pk,
            channel="post", received_at=clock.now() - timedelta(days=20),
            their_reference="DRCI-2026/3311", assistance_types=["testimony"],
            assistance_description="Hear the director of a Kazakh trading company",
            offence_description="Money laundering through import contracts",
            proceedings_authority="Federal Public Prosecutor's Office, São Paulo",
            applicable_law="Law 9.613/1998, Art 1 (money laundering)",
            facts_summary="Import contracts with a Kazakh company were used to move "
                          "USD 2 million out of Brazil in 2025",
            purpose="Establish who signed the import contracts",
            request_language="en")
        records.translation_record(actor=desk, request_id=answered.pk, language="ru",
                                   translated_by="Translation enclosed by the Brazilian side",
                                   completed_on=today - timedelta(days=20))
        transitions.request_transition(request_id=answered.pk, actor=desk,
                                       name="start_completeness_check")
        transitions.request_transition(
            request_id=answered.pk, actor=desk, name="request_additional_info",
            reason="The company's registration number is missing.")
        asked = correspondence_send(
            actor=desk, request_id=answered.pk, kind="additional_info", language="en",
            channel="post", sent_on=today - timedelta(days=18),
            missing_items="The registration number (BIN) of the company whose director is to "
                          "be heard.", reply_due_on=today + timedelta(days=12))
        correspondence_register_received(
            actor=desk, request_id=answered.pk, kind="reply", in_reply_to_id=asked.pk,
            received_on=today - timedelta(days=2), channel="post",
            their_reference="DRCI-2026/3311-A", sender="Ministry of Justice of Brazil (DRCI)",
            subject="Additional information: registration number", summary="BIN 180340012345.",
            uploaded_files=[_pdf("drci-reply.pdf", "DRCI-2026/3311-A: BIN 180340012345")])
        transitions.request_forward(request_id=answered.pk, actor=desk,
                                    executing_authority_id=auth["kz-prosecutor-almaty"].pk,
                                    assigned_prosecutor_id=almaty.pk)
        self.answered = answered

    def _looks(self, users):
        """Who looked (issue 12), so that the supervisor finds the section filled: the author and
        the clerk opened the transmitted Serbian request, the clerk downloaded the letter as
        transmitted and read the request through the API; the Almaty prosecutor opened the
        Brazilian request forwarded to him and downloaded the reply letter of the DRCI."""
        author, desk, almaty = users["prosecutor"], users["clerk"], users["prosecutor.almaty"]
        now = clock.now()
        web, api = AccessChannel.WEB, AccessChannel.API
        sent, answered = self.sent, self.answered
        transmitted = LetterVersion.objects.filter(
            request=sent, event=LetterEvent.TRANSMITTED).select_related("pdf").last()
        reply = answered.attachments.filter(original_name="drci-reply.pdf").first()
        for user, request, what, minutes, channel in (
                (author, sent, AccessKind.REQUEST_VIEWED, 95, web),
                (desk, sent, AccessKind.REQUEST_VIEWED, 60, web),
                (desk, sent, AccessKind.REQUEST_READ_API, 40, api),
                (almaty, answered, AccessKind.REQUEST_VIEWED, 30, web),
                (author, sent, AccessKind.REQUEST_VIEWED, 10, web)):
            record_access(user=user, request_id=request.pk, what=what, channel=channel,
                          at=now - timedelta(minutes=minutes))
        if transmitted is not None:
            record_access(user=desk, request_id=sent.pk,
                          what=AccessKind.LETTER_VERSION_DOWNLOADED, channel=web,
                          object_id=transmitted.pk, label=transmitted.pdf.original_name,
                          at=now - timedelta(minutes=58))
        if reply is not None:
            record_attachment_access(user=almaty, attachment=reply, channel=web)


def _pdf(name: str, text: str) -> SimpleUploadedFile:
    """A one-page PDF standing for a scanned letter of the other side."""
    document = FPDF(format="A4")
    document.add_page()
    document.set_font("helvetica", size=12)
    document.multi_cell(0, 8, text)
    return SimpleUploadedFile(name, bytes(document.output()), content_type="application/pdf")
