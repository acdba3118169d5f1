"""The parameters a transition takes, declared once.

A ``Param`` says what one input of an action means: its kind, its label and description, whether
it is required, its default, the values the request's instrument offers (with their articles),
the rule that governs it and which rule violations it answers for. The web form
(``requests_app.forms.transitions``), the API's input serializer and options list
(``requests_app.api.transitions``) and the service (``requests_app.services.transitions``) are all
derived from it; none of them describes a parameter again.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from typing import TYPE_CHECKING
from typing import Any

from django.utils.translation import gettext_lazy as _

from treaties.languages import language_name
from treaties.rulebook.schema import CHANNEL_LABELS
from treaties.rulebook.schema import Channel
from treaties.rulebook.schema import GroundRule
from treaties.rulebook.schema import Rule
from treaties.rulebook.schema import Rulebook

from ..models import ExecutionOutcome

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from ..models import AssistanceRequest


class ParamKind(enum.StrEnum):
    """What kind of value a parameter holds."""

    CODE = "code"  # a short code, e.g. a ground from the instrument's list
    TEXT = "text"
    LINE = "line"  # one short line of free text (a letter number), at most ``max_length``
    DATE = "date"
    DATETIME = "datetime"
    BOOLEAN = "boolean"
    CHOICE = "choice"  # one of a closed set of values
    AUTHORITY = "authority"  # id of an active Kazakh authority
    PROSECUTOR = "prosecutor"  # id of an active prosecutor

    @property
    def api_type(self) -> str:
        """The type the API publishes for parameters of this kind."""
        return _API_TYPES[self]


_API_TYPES = {ParamKind.CODE: "string", ParamKind.TEXT: "text", ParamKind.LINE: "string",
              ParamKind.DATE: "date",
              ParamKind.DATETIME: "datetime", ParamKind.BOOLEAN: "boolean",
              ParamKind.CHOICE: "choice", ParamKind.AUTHORITY: "integer",
              ParamKind.PROSECUTOR: "integer"}


# Longest text a parameter may carry: beyond it the input is a mistake, not a reason.
CODE_MAX_LENGTH = 80
# A line parameter that says no ``max_length`` of its own.
LINE_MAX_LENGTH = 200


@dataclass(frozen=True)
class Choice:
    """One value a parameter may take for this request, with the article it comes from."""

    value: str
    label: str
    citation: str = ""  # instrument and article, e.g. ``kz-rs-2015 Art 5.1(a)``
    reference: str = ""  # the article alone, e.g. ``Art 5.1(a)``


@dataclass(frozen=True)
class Param:
    """One input of an action.

    ``required``: the action cannot run without it (the API answers 400, the form marks it).
    A parameter that a treaty rule makes necessary (a ground, reasons, conditions) is *not*
    required here, so that the rule itself answers with its article (422).
    ``default``: what the service receives when the parameter is absent or empty.
    ``choices``: the values this request's instrument offers (grounds, channels, outcomes).
    ``all_values``: every value the parameter may take at all (the API's closed set); the
    instrument may accept fewer, and its rule answers for the rest.
    ``rule``: the rule that governs the parameter (its citation is shown next to it).
    ``violation_fields``: the ``Violation.field`` values that concern this parameter; before the
    action is run (the options list), such violations cannot be known and are not shown.
    ``max_length``: the longest value a ``LINE`` parameter takes (the form and the API refuse a
    longer one; the effect checks it again).
    """

    name: str
    kind: ParamKind
    label: StrOrPromise
    description: StrOrPromise
    required: bool = False
    default: Any = None
    choices: Callable[[AssistanceRequest], list[Choice]] | None = None
    all_values: tuple[str, ...] = ()
    blank_label: StrOrPromise | None = None
    rule: Callable[[Rulebook], Rule | None] | None = None
    help_text: Callable[[Rulebook], StrOrPromise] | None = None
    initial: Callable[[AssistanceRequest], Any] | None = None
    violation_fields: frozenset[str] = field(default_factory=frozenset)
    max_length: int | None = None

    def citation(self, rulebook: Rulebook) -> str:
        rule = self.rule(rulebook) if self.rule else None
        return str(rule.citation) if rule is not None else ""

    def value_or_default(self, values: Mapping[str, Any]) -> Any:
        value = values.get(self.name)
        return self.default if value is None else value


# --- the instrument's own choices --------------------------------------------------------------
# The other side's refusal or deferral of our request is recorded whatever its ground: one the
# instrument does not list is recorded as such, and flagged as a breach to contest.
GROUND_NOT_LISTED = "not_listed"


def _ground_choices(request: AssistanceRequest, grounds: tuple[GroundRule, ...]) -> list[Choice]:
    """Kazakhstan refusing or deferring: the instrument's grounds that concern this request's
    assistance (BR 1.4 only for coercive measures). The other side doing so: all of them, and
    "a ground the instrument does not list"."""
    outgoing = request.direction == "outgoing"
    types = tuple(request.assistance_types or ())
    choices = [Choice(g.code, g.summary.text(), str(g.citation), g.citation.reference)
               for g in grounds if outgoing or g.applies_to(types)]
    if outgoing:
        choices.append(Choice(GROUND_NOT_LISTED, str(_(
            "A ground this instrument does not list (to be contested)"))))
    return choices


def refusal_ground_choices(request: AssistanceRequest) -> list[Choice]:
    return _ground_choices(request, request.rulebook.refusal_grounds)


def deferral_ground_choices(request: AssistanceRequest) -> list[Choice]:
    return _ground_choices(request, request.rulebook.deferral_grounds)


def written_channel_choices(request: AssistanceRequest) -> list[Choice]:
    communication = request.rulebook.communication
    return [Choice(str(c), str(CHANNEL_LABELS[c]), str(communication.citation))
            for c in sorted(communication.channels) if c != Channel.ORAL]


# The languages an answer may be sent in (the office writes in Kazakh, Russian or English).
ANSWER_LANGUAGES = ("kk", "ru", "en")


def answer_language_choices(request: AssistanceRequest) -> list[Choice]:
    rule = request.rulebook.answer_language
    citation = str(rule.citation) if rule else ""
    reference = rule.citation.reference if rule else ""
    return [Choice(code, language_name(code), citation, reference)
            for code in ANSWER_LANGUAGES]


def answer_language_initial(request: AssistanceRequest) -> str:
    """The language the instrument sets for our answer (BR 23.2: English; RS 4.2: ours, Russian
    unless the clerk chooses Kazakh); empty where it sets none."""
    rule = request.rulebook.answer_language
    if rule is None:
        return ""
    return "en" if "en" in rule.languages else "ru"


def answer_translation_initial(request: AssistanceRequest) -> bool:
    rule = request.rulebook.answer_language
    return rule is not None and rule.translation_into == "en"


def outcome_choices(request: AssistanceRequest) -> list[Choice]:
    return [Choice(value, str(label)) for value, label in ExecutionOutcome.choices]


# --- parameters shared by several actions --------------------------------------------------------
def assigned_prosecutor_param() -> Param:
    return Param(
        "assigned_prosecutor_id", ParamKind.PROSECUTOR, _("Executing prosecutor"),
        _("Id of the active prosecutor who executes the request."),
        initial=lambda request: request.assigned_prosecutor_id)


def reasons_param(label: StrOrPromise, description: StrOrPromise,
                  rule: Callable[[Rulebook], Rule | None] | None = None) -> Param:
    return Param("reasons", ParamKind.TEXT, label, description, default="", rule=rule,
                 violation_fields=frozenset({"reasons"}))


def ground_param(label: StrOrPromise, description: StrOrPromise,
                 choices: Callable[[AssistanceRequest], list[Choice]],
                 rule: Callable[[Rulebook], Rule | None],
                 help_text: Callable[[Rulebook], StrOrPromise] | None = None) -> Param:
    return Param("ground", ParamKind.CODE, label, description, default="", choices=choices,
                 blank_label=_("— choose the ground —"), rule=rule, help_text=help_text,
                 violation_fields=frozenset({"ground"}))
