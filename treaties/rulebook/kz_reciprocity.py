"""Kazakhstan: legal assistance on the basis of reciprocity under the Code of Criminal Procedure.

Not a treaty: Kazakhstan's own law, which lets its bodies give and ask for legal assistance with
a state no treaty binds it to, on the basis of reciprocity. It binds Kazakhstan with any state:
the party list names Kazakhstan only, and the resolver treats ``InstrumentKind.NATIONAL_LAW`` as
binding every state. It is tried last (rank 100).

The text is not in the project: /work/shared/treaties/
kz-cpc-2014-international-cooperation-excerpts.ru.txt has only Art 597.1 of the Code of 2014
(contents of a request for criminal prosecution, which is not a request for legal assistance:
not encoded here) and Art 521.1-2 of the repealed Code of 1997, which stated reciprocity as a
basis of legal assistance. The article of the Code of 2014 on reciprocity is not in the project.
Every required field is a placeholder citing the instrument only (``placeholders``), save the
historical statement of the basis (``other_rules``), and the book is ``rules_encoded`` False.

The Code of 2014 has been in force since 1 January 2015: the project's excerpt is its edition of
that day, but no text in the project states the date, so it is the office's record
(``entry_into_force_office_date``, office policy, correctable in the admin).

Summaries are our own wording.
"""

from __future__ import annotations

from datetime import date

from .home import GENERAL_PROSECUTOR
from .home import KAZAKHSTAN
from .parties import Party
from .placeholders import not_encoded_summary
from .placeholders import placeholder
from .placeholders import placeholder_assistance_types
from .placeholders import placeholder_communication
from .placeholders import placeholder_language
from .placeholders import placeholder_term
from .schema import InstrumentKind
from .schema import PrecedenceRule
from .schema import Rule
from .schema import Rulebook
from .schema import Summary
from .schema import citer
from .schema import not_encoded

SLUG = "kz-reciprocity"

c = citer(SLUG)  # used only for the repealed Code of 1997 (see CPC_1997_BASIS)
s = Summary  # s(en, ru, kk)

PARTIES = (Party(state=KAZAKHSTAN, shared_authorities=(GENERAL_PROSECUTOR,)),)

# The basis as the repealed Code of 1997 stated it (Art 521.1): shown to users as history, the
# article of the Code of 2014 being not in the project.
CPC_1997_BASIS = Rule(
    code="reciprocity_basis_cpc_1997",
    citation=c("521.1"),
    summary=s(
        "Historical statement of the basis, from the repealed Code of Criminal Procedure of 1997 "
        "(Art 521.1, not the Code in force): procedural and other actions could be carried out "
        "as legal assistance to the investigating bodies and courts of a state with which "
        "Kazakhstan had a legal assistance treaty, or on the basis of reciprocity. The article "
        "of the Code of 2014 on reciprocity is not in the project yet.",
        "Историческая формулировка основания из утратившего силу Уголовно-процессуального "
        "кодекса 1997 года (ч. 1 ст. 521, а не действующий Кодекс): в порядке правовой помощи "
        "органам расследования и судам иностранного государства, с которым у Казахстана есть "
        "договор о правовой помощи, либо на основе взаимности могли проводиться процессуальные и "
        "иные действия. Статьи Кодекса 2014 года о взаимности пока нет в проекте.",
        "Күшін жойған 1997 жылғы Қылмыстық-процестік кодекстен алынған негіздің тарихи "
        "тұжырымы (521-баптың 1-бөлігі, қолданыстағы Кодекс емес): Қазақстанмен құқықтық көмек "
        "туралы шарты бар шет мемлекеттің тергеу органдары мен соттарына немесе өзаралық "
        "негізінде құқықтық көмек тәртібімен процестік және өзге де әрекеттер жүргізілуі мүмкін "
        "еді. 2014 жылғы Кодекстің өзаралық туралы бабы жобада әлі жоқ.",
    ),
)

RULEBOOK = Rulebook(
    slug=SLUG,
    kind=InstrumentKind.NATIONAL_LAW,
    title=s(
        "Legal assistance on the basis of reciprocity (Code of Criminal Procedure of the "
        "Republic of Kazakhstan)",
        "Правовая помощь на основе взаимности (Уголовно-процессуальный кодекс Республики "
        "Казахстан)",
        "Өзаралық негізіндегі құқықтық көмек (Қазақстан Республикасының Қылмыстық-процестік "
        "кодексі)",
    ),
    short_title=s("Reciprocity (CPC)", "Взаимность (УПК РК)", "Өзаралық (ҚР ҚПК)"),
    parties=PARTIES,
    signed_on=None,
    signed_at="",
    approval_act="Code of Criminal Procedure of the Republic of Kazakhstan of 4 July 2014 "
                 "No 231-V",
    entry_into_force=placeholder(SLUG, "entry_into_force_not_encoded", s(
        "Entry into force of the Code of Criminal Procedure",
        "Введение в действие Уголовно-процессуального кодекса",
        "Қылмыстық-процестік кодекстің қолданысқа енгізілуі")),
    entry_into_force_date=None,
    # Office policy: the date the office recorded (the Code in force from 1 January 2015; the
    # project's excerpt is its edition of that day); no text in the project states it.
    entry_into_force_office_date=date(2015, 1, 1),
    termination=placeholder_term(SLUG, "termination_not_encoded", s(
        "Repeal or amendment of the Code", "Отмена или изменение Кодекса",
        "Кодекстің күшін жою немесе оған өзгерістер енгізу")),
    precedence=PrecedenceRule(
        code="precedence",
        citation=not_encoded(SLUG),
        rank=100,
        displaced_by=(),
        summary=not_encoded_summary(s(
            "When reciprocity applies", "Когда применяется взаимность",
            "Өзаралық қашан қолданылады")),
        rank_office_policy=s(
            "Office policy: reciprocity is Kazakhstan's national law, never a treaty, and is "
            "tried last, after every treaty and convention binding the two states.",
            "Политика ведомства: взаимность — национальное право Казахстана, а не договор; она "
            "применяется последней, после всех договоров и конвенций, связывающих оба "
            "государства.",
            "Ведомство саясаты: өзаралық — шарт емес, Қазақстанның ұлттық құқығы; ол екі "
            "мемлекетті байланыстыратын барлық шарттар мен конвенциялардан кейін, ең соңында "
            "қолданылады.",
        ),
    ),
    offence_scope=None,
    rules_encoded=False,
    not_encoded_note=s(
        "The article of the Code of Criminal Procedure of 2014 on legal assistance on the basis "
        "of reciprocity is not in the project, nor are its articles on the contents, "
        "transmission and execution of requests; the project has only the basis as the repealed "
        "Code of 1997 stated it. Requests on the basis of reciprocity are tracked with the "
        "generic duties only; the office applies the Code as it stands.",
        "Статьи Уголовно-процессуального кодекса 2014 года о правовой помощи на основе "
        "взаимности в проекте нет, как и его статей о содержании, направлении и исполнении "
        "запросов; в проекте есть только основание в формулировке утратившего силу Кодекса 1997 "
        "года. Запросы на основе взаимности ведутся только с общими обязанностями; ведомство "
        "применяет Кодекс в действующей редакции.",
        "2014 жылғы Қылмыстық-процестік кодекстің өзаралық негізіндегі құқықтық көмек туралы "
        "бабы, сондай-ақ сұрау салулардың мазмұны, жіберілуі және орындалуы туралы баптары "
        "жобада жоқ; жобада тек күшін жойған 1997 жылғы Кодекстегі негіздің тұжырымы бар. "
        "Өзаралық негізіндегі сұрау салулар тек жалпы міндеттермен жүргізіледі; ведомство "
        "Кодексті қолданыстағы редакциясында қолданады.",
    ),
    communication=placeholder_communication(SLUG),
    written_form=placeholder(SLUG, "written_form_not_encoded", s(
        "Form of the request", "Форма запроса", "Сұрау салудың нысаны")),
    assistance_types=placeholder_assistance_types(SLUG),
    language=placeholder_language(SLUG),
    refusal_reasons=placeholder(SLUG, "refusal_reasons_not_encoded", s(
        "Refusal of legal assistance and its reasons", "Отказ в правовой помощи и его мотивы",
        "Құқықтық көмек көрсетуден бас тарту және оның себептері")),
    other_rules=(CPC_1997_BASIS,),
)
