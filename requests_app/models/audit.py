"""The append-only log of every transition and recorded fact, and the basis each step names.

Every row says what the step was taken under (``TransitionLog.basis``): an article of the
request's instrument (the row's ``citation``), or office procedure where no provision of that
instrument governs the step (submitting a draft for review, approving it, attaching a file...).
The basis is kept without a column of its own: the row's ``details`` JSON holds it under the one
key ``BASIS_KEY`` (``"basis"``: ``"treaty"`` or ``"office_procedure"``), written by
``services.changes.log_write``, which refuses a row that names neither. Rows written before
bases were kept have neither key nor citation: their basis reads "not recorded", never blank.
``LogBasis`` is the one reading of it that the timeline, the API and the admin show.
"""


from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from typing import Any
from typing import NoReturn

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from mla.limits import BoundedTextField
from treaties.rulebook.schema import Citation
from treaties.rulebook.schema import Rule

from .request import AssistanceRequest

# The key of a log row's ``details`` that holds its basis.
BASIS_KEY = "basis"


class LogBasisKind(models.TextChoices):
    TREATY = "treaty", _("treaty provision")
    OFFICE_PROCEDURE = "office_procedure", _("office procedure")
    # Rows written before bases were kept, without a citation.
    NOT_RECORDED = "not_recorded", _("basis not recorded")


# ``str(Citation)``: "kz-rs-2015 Art 3.2(c)" -> instrument, article, paragraph, sub-paragraph.
_CITATION = re.compile(r"^(?P<instrument>\S+) Art (?P<article>[^.()\s]+)"
                       r"(?:\.(?P<paragraph>[^.()\s]+))?(?:\((?P<subparagraph>[^()\s]+)\))?$")


def citation_parse(text: str) -> Citation | None:
    """The citation a log row or deadline row stores as text (``str(Citation)``); None when the
    text is not in that form."""
    found = _CITATION.match(text.strip())
    if found is None:
        return None
    return Citation(found["instrument"], found["article"], found["paragraph"] or "",
                    found["subparagraph"] or "")


@dataclass(frozen=True)
class LogBasis:
    """What a logged step was taken under: an article of the request's instrument
    (``kind`` treaty, ``citation`` its text), or office procedure (no citation)."""

    kind: LogBasisKind
    citation: str = ""

    @classmethod
    def treaty(cls, citation: Citation | str) -> LogBasis:
        text = str(citation).strip()
        if not text:
            raise ValueError("A treaty basis names its article; use office_procedure() instead.")
        return cls(LogBasisKind.TREATY, text)

    @classmethod
    def office_procedure(cls) -> LogBasis:
        return cls(LogBasisKind.OFFICE_PROCEDURE)

    @classmethod
    def under(cls, source: Rule | Citation | None) -> LogBasis:
        """The step is taken under ``source``, a rule (or article) of the request's instrument;
        None: the instrument has no provision on the step, which is then office procedure."""
        citation = source.citation if isinstance(source, Rule) else source
        # A placeholder of a text not in the project cites no article: office procedure.
        if citation is None or not citation.cites_an_article:
            return cls.office_procedure()
        return cls.treaty(citation)

    @classmethod
    def of_row(cls, citation: str, details: object) -> LogBasis:
        """The basis a stored row names (see the module docstring)."""
        if citation:
            return cls(LogBasisKind.TREATY, citation)
        stored = details.get(BASIS_KEY) if isinstance(details, dict) else None
        if stored == LogBasisKind.OFFICE_PROCEDURE:
            return cls.office_procedure()
        return cls(LogBasisKind.NOT_RECORDED)

    @property
    def is_treaty(self) -> bool:
        return self.kind == LogBasisKind.TREATY

    @property
    def reference(self) -> Citation | None:
        """The cited article as a ``Citation`` (treaty bases only)."""
        return citation_parse(self.citation) if self.is_treaty else None

    @property
    def text(self) -> str:
        """What the log shows: the instrument and the article as the active language writes it
        (``kz-rs-2015 ст. 5.3``), or "office procedure", translated."""
        if not self.is_treaty:
            return str(self.kind.label)
        reference = self.reference
        if reference is None:
            return self.citation
        return f"{reference.instrument} {reference.localized_reference}"

    def as_details(self) -> dict[str, str]:
        """What the row's ``details`` keep of the basis."""
        return {BASIS_KEY: str(self.kind.value)}

    def as_dict(self) -> dict[str, Any]:
        """The basis as the API gives it."""
        reference = self.reference
        return {
            "kind": str(self.kind.value), "label": str(self.kind.label), "text": self.text,
            "citation": self.citation,
            "instrument": reference.instrument if reference else None,
            "article": reference.reference if reference else None,
            "localized_reference": reference.localized_reference if reference else None,
        }


class AppendOnlyError(PermissionDenied):
    pass


def log_chain_hash(prev_hash: str, *, request_id: int, actor_id: int | None, at: datetime,
                   action: str, from_state: str, to_state: str, reason: str, citation: str,
                   details: dict[str, Any]) -> str:
    """The SHA-256 of one log row chained to the previous row of its request: changing, removing
    or inserting a row anywhere breaks every hash after it (``manage.py verify_audit_log``).
    The row is serialised canonically (UTC time to the microsecond, details with sorted keys) so
    that what the database gives back hashes as what was written."""
    payload = [request_id, actor_id, at.astimezone(UTC).isoformat(
        timespec="microseconds"), action, from_state, to_state, reason, citation, details]
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                           default=str)
    return hashlib.sha256(f"{prev_hash}\n{canonical}".encode()).hexdigest()


class AppendOnlyQuerySet(models.QuerySet["TransitionLog"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The transition log is append-only")

    def delete(self) -> NoReturn:
        raise AppendOnlyError("The transition log is append-only")


class TransitionLog(models.Model):
    """Append-only log of every transition and recorded fact: who, when, from, to, why, which
    article. Rows are never updated or deleted."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.PROTECT, related_name="log")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                              blank=True, related_name="+")
    at = models.DateTimeField(_("at"))
    action = models.CharField(_("action"), max_length=60)
    from_state = models.CharField(_("from"), max_length=40, blank=True)
    to_state = models.CharField(_("to"), max_length=40, blank=True)
    reason = BoundedTextField(_("reason"), blank=True)
    citation = models.CharField(_("citation"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    # The tamper-evident chain: the previous row's hash (empty for a request's first row) and
    # this row's (``log_chain_hash``), written with the row and never changed.
    prev_hash = models.CharField(_("previous row's hash"), max_length=64, blank=True)
    row_hash = models.CharField(_("row hash"), max_length=64, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("log entry")
        verbose_name_plural = _("transition log")
        indexes = [models.Index(fields=["request", "at"], name="log_request_at_idx"),
                   # The chain: a request's rows in the order they were written.
                   models.Index(fields=["request", "id"], name="log_request_id_idx")]

    def __str__(self) -> str:
        return f"{self.request} {self.action} {self.from_state}→{self.to_state}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("The transition log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("The transition log is append-only")

    @property
    def basis(self) -> LogBasis:
        """What the step was taken under: the article cited, or office procedure."""
        return LogBasis.of_row(self.citation, self.details)
