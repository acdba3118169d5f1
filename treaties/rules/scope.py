"""Whether a request falls within an instrument: its offence (``OffenceScopeRule``: UNTOC Art 3
with 2(b), UNCAC 46.1 with chapter III, Vienna 1988 Art 7.1 with 3.1, ETS 141 Art 1(e)) and the
assistance it asks for (the instrument's list of assistance types).

Pure functions of the rulebook and plain facts. The answer is one of three: within, outside (with
the article that says so), or not known yet because the request does not say enough (its
category, the maximum penalty, whether an organised criminal group is involved): the engine asks
for the missing fact instead of guessing it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from treaties.rulebook.offences import MONEY_LAUNDERING
from treaties.rulebook.offences import OFFENCE_CATEGORIES
from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import Rulebook

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

from .guards import check_assistance_types


@dataclass(frozen=True)
class OffenceFacts:
    """What the request says of its offence. Empty or None: not stated yet."""

    category: str = ""  # a code of ``OFFENCE_CATEGORIES``
    # For money laundering: the category of the predicate offence (Vienna 3.1(b)).
    laundering_predicate: str = ""
    # The maximum deprivation of liberty the offence carries, in years (UNTOC 2(b)).
    max_penalty_years: int | None = None
    # Whether an organised criminal group is involved, or suspected to be (UNTOC 3.1, 18.1).
    organised_group: bool | None = None


class ScopeStatus(enum.StrEnum):
    WITHIN = "within"
    OUTSIDE = "outside"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ScopeVerdict:
    status: ScopeStatus
    reason: StrOrPromise
    citation: Citation | None = None
    # The request's field whose value would settle an unknown verdict.
    missing: str = ""

    @property
    def within(self) -> bool:
        return self.status == ScopeStatus.WITHIN

    @property
    def outside(self) -> bool:
        return self.status == ScopeStatus.OUTSIDE


def _category_label(code: str) -> str:
    category = OFFENCE_CATEGORIES.get(code)
    return str(category.label) if category else code


def offence_scope_verdict(rulebook: Rulebook, offence: OffenceFacts) -> ScopeVerdict:
    """Whether ``offence`` is one the instrument's assistance covers."""
    rule = rulebook.offence_scope
    if rule is None:
        return ScopeVerdict(ScopeStatus.WITHIN, _("The instrument covers any criminal offence."))
    if rule.any_offence:
        return ScopeVerdict(ScopeStatus.WITHIN, rule.summary.text(), rule.citation)
    if not offence.category:
        return ScopeVerdict(ScopeStatus.UNKNOWN, _("State the offence's category: the "
                                                   "instrument covers only some offences."),
                            rule.citation, "offence_category")
    by_category = offence.category in rule.categories or (
        offence.category == MONEY_LAUNDERING
        and offence.laundering_predicate in rule.laundering_predicates)
    serious = (rule.serious_crime_min_years is not None and offence.max_penalty_years is not None
               and offence.max_penalty_years >= rule.serious_crime_min_years)
    if not by_category and not serious:
        if (offence.category == MONEY_LAUNDERING and rule.laundering_predicates
                and not offence.laundering_predicate):
            return ScopeVerdict(ScopeStatus.UNKNOWN, _(
                "State the category of the offence whose proceeds were laundered."),
                rule.citation, "offence_laundering_predicate")
        if rule.serious_crime_min_years is not None and offence.max_penalty_years is None:
            return ScopeVerdict(ScopeStatus.UNKNOWN, format_lazy(_(
                "State the maximum penalty: a serious crime (deprivation of liberty of at least "
                "{years} years) is covered whatever its category."),
                years=rule.serious_crime_min_years),
                rule.serious_crime_citation or rule.citation, "offence_max_penalty_years")
        if rule.serious_crime_min_years is not None:
            return ScopeVerdict(ScopeStatus.OUTSIDE, format_lazy(_(
                "“{category}” is not an offence this instrument names, and a maximum penalty of "
                "{penalty} years is below the {years} years of a serious crime."),
                category=_category_label(offence.category), penalty=offence.max_penalty_years,
                years=rule.serious_crime_min_years),
                rule.serious_crime_citation or rule.citation, "offence_max_penalty_years")
        return ScopeVerdict(ScopeStatus.OUTSIDE, format_lazy(
            _("“{category}” is not an offence this instrument covers."),
            category=_category_label(offence.category)), rule.citation, "offence_category")
    if rule.organised_group_required:
        cited = rule.organised_group_citation or rule.citation
        if offence.organised_group is None:
            return ScopeVerdict(ScopeStatus.UNKNOWN, _(
                "State whether an organised criminal group is involved or suspected: the "
                "instrument covers the offence only then."), cited, "organised_group_involved")
        if not offence.organised_group:
            return ScopeVerdict(ScopeStatus.OUTSIDE, _(
                "No organised criminal group is involved or suspected: the instrument covers "
                "the offence only where one is."), cited, "organised_group_involved")
    return ScopeVerdict(ScopeStatus.WITHIN, rule.summary.text(), rule.citation)


def assistance_scope_verdict(rulebook: Rulebook, assistance_types: tuple[str, ...]) -> ScopeVerdict:
    """Whether the instrument provides every type of assistance asked for (the guard of the
    draft, ``check_assistance_types``: CZ 1.2 no legal assistance, the scope article)."""
    if not assistance_types:
        return ScopeVerdict(ScopeStatus.UNKNOWN, _("Choose the assistance sought."), None,
                            "assistance_types")
    violations = check_assistance_types(rulebook, assistance_types)
    if violations:
        return ScopeVerdict(ScopeStatus.OUTSIDE, " ".join(str(v.message) for v in violations),
                            violations[0].citation, "assistance_types")
    return ScopeVerdict(ScopeStatus.WITHIN, _("The instrument provides the assistance asked for."),
                        (rulebook.scope or rulebook.communication).citation)
