"""What a rule function returns when a rule is not satisfied."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from treaties.rulebook.schema import Citation

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


TREATY = "treaty"
OFFICE_POLICY = "office_policy"


@dataclass(frozen=True)
class Violation:
    """A rule that blocks an action: the rule's code, its citation and a message for people.

    ``message`` is a lazy translatable string already formatted with the facts at hand (a plain
    string where it was formatted eagerly); ``str()`` renders it in the active language.
    """

    rule: str
    citation: Citation | None
    message: StrOrPromise
    field: str = ""
    # "treaty": the cited article says it; "office_policy": the office's own rule, stricter than
    # the text (no citation: the text does not say it).
    basis: str = "treaty"

    def as_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "basis": self.basis,
            "citation": str(self.citation) if self.citation else "",
            "instrument": self.citation.instrument if self.citation else "",
            "article": self.citation.reference if self.citation else "",
            "message": str(self.message),
            "field": self.field,
        }
