"""A fifth bilateral instrument needs its rulebook and nothing else.

This module declares a throw-away Kazakhstan-Kyrgyzstan treaty (fictional: its articles and
dates are test data, not a real text), with Kyrgyzstan and its central authority declared in the
rulebook itself, registers it for each test through the registry, loads it and runs a request
through drafting, review, transmission, execution and closure with the services. No settings,
factory or data file knows about it.

Nothing leaks: the rows are loaded inside the test's transaction and rolled back with it, and
the registry forgets the rulebook when the test ends (``rulebook_registered``).
"""

from datetime import date

import pytest

from requests_app.exceptions import RuleViolation
from requests_app.models import RequestState
from requests_app.services import transitions as t
from requests_app.services.requests import request_create_draft
from tests.factories import AssistanceRequestFactory
from tests.factories import authority
from tests.factories import clerk
from tests.factories import prosecutor
from tests.factories import supervisor
from tests.requests_app import _support
from tests.requests_app._support import TODAY
from treaties.models import Instrument
from treaties.rulebook import all_rulebooks
from treaties.rulebook.home import GENERAL_PROSECUTOR
from treaties.rulebook.home import KAZAKHSTAN
from treaties.rulebook.parties import AuthorityInfo
from treaties.rulebook.parties import CentralAuthorityDeclaration
from treaties.rulebook.parties import Party
from treaties.rulebook.parties import StateInfo
from treaties.rulebook.registry import rulebook_registered
from treaties.rulebook.schema import AssistanceTypeRule
from treaties.rulebook.schema import AuthorityKind
from treaties.rulebook.schema import Channel
from treaties.rulebook.schema import ChannelRule
from treaties.rulebook.schema import ContentRule
from treaties.rulebook.schema import GroundRule
from treaties.rulebook.schema import InstrumentKind
from treaties.rulebook.schema import LanguageRule
from treaties.rulebook.schema import Rule
from treaties.rulebook.schema import Rulebook
from treaties.rulebook.schema import Summary
from treaties.rulebook.schema import TermRule
from treaties.rulebook.schema import citer
from treaties.selectors import instrument_proposed
from treaties.selectors import instruments_applicable
from treaties.services import treaties_load

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("traveller")]
traveller = _support.traveller

SLUG = "kz-kg-test"
c = citer(SLUG)
s = Summary
KYRGYZ_CENTRAL_AUTHORITY = "kg-gpo-test"

PARTIES = (
    Party(state=KAZAKHSTAN, designation=c("2.1"), shared_authorities=(GENERAL_PROSECUTOR,),
          central_authority=CentralAuthorityDeclaration(authority=GENERAL_PROSECUTOR,
                                                        citation=c("2.1"))),
    Party(
        state=StateInfo("KG", s("Kyrgyzstan", "Кыргызстан", "Қырғызстан"), ("ky", "ru")),
        designation=c("2.1"),
        authorities=(AuthorityInfo(
            code=KYRGYZ_CENTRAL_AUTHORITY, kind=AuthorityKind.CENTRAL, address="Bishkek",
            name=s("General Prosecutor's Office of the Kyrgyz Republic",
                   "Генеральная прокуратура Кыргызской Республики",
                   "Қырғыз Республикасының Бас прокуратурасы")),),
        central_authority=CentralAuthorityDeclaration(authority=KYRGYZ_CENTRAL_AUTHORITY,
                                                      citation=c("2.1")),
    ),
)

RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.MLA_TREATY,
    title=s("Test treaty between Kazakhstan and Kyrgyzstan on legal assistance",
            "Тестовый договор Казахстан-Кыргызстан о правовой помощи",
            "Қазақстан-Қырғызстан құқықтық көмек туралы сынақ шарты"),
    short_title=s("Kazakhstan-Kyrgyzstan test treaty", "Тестовый договор Казахстан-Кыргызстан",
                  "Қазақстан-Қырғызстан сынақ шарты"),
    parties=PARTIES,
    signed_on=date(2024, 1, 15),
    signed_at="Astana",
    approval_act="",
    entry_into_force=Rule(code="entry_into_force", citation=c("20.1"),
                          summary=s("In force on the date of the last notification.",
                                    "Вступает в силу с даты последнего уведомления.",
                                    "Соңғы хабарлама күнінен бастап күшіне енеді.")),
    entry_into_force_date=None,
    # Office policy: the text states no date; no setting is needed.
    entry_into_force_office_date=date(2024, 6, 1),
    termination=TermRule(code="termination", citation=c("20.3"), months=6,
                         summary=s("Ends six months after a notice.",
                                   "Прекращается через шесть месяцев после уведомления.",
                                   "Хабарламадан кейін алты ай өткен соң тоқтатылады.")),
    communication=ChannelRule(code="communication", citation=c("2.2"),
                              authority_kind=AuthorityKind.CENTRAL,
                              channels=frozenset({Channel.POST, Channel.ELECTRONIC}),
                              summary=s("Central authorities communicate directly.",
                                        "Центральные органы сносятся напрямую.",
                                        "Орталық органдар тікелей қатынасады.")),
    written_form=Rule(code="written_form", citation=c("3.1"),
                      summary=s("Requests are in writing, signed and sealed.",
                                "Запросы письменные, с подписью и печатью.",
                                "Сұрау салулар жазбаша, қолы мен мөрі қойылады.")),
    scope=Rule(code="scope", citation=c("1.2"),
               summary=s("The forms of assistance the treaty covers.",
                         "Виды помощи, которые охватывает договор.",
                         "Шарт қамтитын көмек түрлері.")),
    assistance_types=(
        AssistanceTypeRule(code="testimony", citation=c("1.2.a"),
                           summary=s("Taking testimony.", "Получение показаний.",
                                     "Жауап алу.")),
        AssistanceTypeRule(code="documents_and_evidence", citation=c("1.2.b"),
                           summary=s("Documents and evidence.", "Документы и доказательства.",
                                     "Құжаттар мен дәлелдемелер.")),
    ),
    mandatory_contents=(
        ContentRule(code="content_signed_and_sealed", citation=c("3.1"),
                    field="signed_and_sealed",
                    summary=s("Signed and sealed.", "Подписан и скреплён печатью.",
                              "Қол қойылып, мөр басылған.")),
        ContentRule(code="content_purpose", citation=c("3.2.a"), field="purpose",
                    summary=s("The purpose.", "Цель запроса.", "Сұрау салудың мақсаты.")),
        ContentRule(code="content_offence", citation=c("3.2.b"), field="offence_description",
                    summary=s("The offence.", "Описание преступления.",
                              "Қылмыстың сипаттамасы.")),
    ),
    language=LanguageRule(code="language", citation=c("4.1"),
                          accepted_languages=("requested_state", "ru"),
                          summary=s("In Russian or the requested state's language.",
                                    "На русском или языке запрашиваемой стороны.",
                                    "Орыс тілінде немесе сұрау салынатын тараптың тілінде.")),
    refusal_grounds=(GroundRule(code="refusal_sovereignty", citation=c("5.1"),
                                summary=s("Sovereignty or security.", "Суверенитет.",
                                          "Егемендік немесе қауіпсіздік.")),),
    refusal_reasons=Rule(code="refusal_reasons", citation=c("5.2"),
                         summary=s("Refusals are reasoned.", "Отказ мотивируется.",
                                   "Бас тарту дәлелденеді.")),
)


@pytest.fixture
def fifth_instrument() -> Instrument:
    with rulebook_registered(RULEBOOK):
        treaties_load()  # inside the test's transaction: rolled back with it
        yield Instrument.objects.get(slug=SLUG)


def test_the_fifth_instrument_is_proposed_for_its_state(fifth_instrument):
    options = instruments_applicable("KG", TODAY)
    assert instrument_proposed(options).instrument == fifth_instrument
    assert fifth_instrument.entered_into_force_on == date(2024, 6, 1)


def test_a_request_runs_from_draft_to_closure_under_the_fifth_instrument(fifth_instrument):
    author, boss, desk = prosecutor(), supervisor(), clerk()
    draft = request_create_draft(
        actor=author, instrument_id=fifth_instrument.pk,
        requested_authority_id=authority(KYRGYZ_CENTRAL_AUTHORITY).pk,
        assistance_types=["testimony"], channel="electronic", request_language="ru",
        purpose="Hear the witness in case 2026-0001", signed_and_sealed=True,
        offence_description="Fraud on a large scale committed in 2025")
    t.request_submit_for_review(request_id=draft.pk, actor=author)
    t.request_approve(request_id=draft.pk, actor=boss)
    transmitted = t.request_transmit(request_id=draft.pk, actor=desk)
    assert transmitted.state == RequestState.TRANSMITTED
    t.request_record_execution(request_id=draft.pk, actor=desk)
    closed = t.request_close(request_id=draft.pk, actor=desk)
    assert closed.state == RequestState.CLOSED
    log = list(closed.log.all())
    assert [e.action for e in log] == [
        "create", "submit_for_review", "approve", "transmit", "record_execution", "close"]
    assert next(e for e in log if e.action == "transmit").citation == f"{SLUG} Art 2.2"


def test_the_fifth_instruments_rules_are_enforced_with_its_articles(fifth_instrument):
    with pytest.raises(RuleViolation) as caught:
        request_create_draft(
            actor=prosecutor(), instrument_id=fifth_instrument.pk,
            requested_authority_id=authority(KYRGYZ_CENTRAL_AUTHORITY).pk,
            assistance_types=["controlled_delivery"], channel="post", request_language="ru")
    assert [(v.rule, str(v.citation)) for v in caught.value.violations] == [
        ("assistance_type_not_covered", f"{SLUG} Art 1.2")]


def test_the_factories_derive_the_fifth_instruments_counterparts(fifth_instrument):
    draft = AssistanceRequestFactory(instrument_slug=SLUG)
    assert draft.requested_authority.code == KYRGYZ_CENTRAL_AUTHORITY
    assert draft.requesting_authority.code == GENERAL_PROSECUTOR
    assert draft.assistance_types == ["testimony"]


def test_outside_its_tests_the_fifth_instrument_is_unknown():
    assert SLUG not in all_rulebooks()
    assert not Instrument.objects.filter(slug=SLUG).exists()
