"""The officials who sign the office's letters (``Signatory``): kept by supervisors and
administrators, chosen for a request in drafting (``request_update(signatory=...)``)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from treaties.models import Authority

from ..exceptions import ActionNotPermitted
from ..exceptions import InvalidInput
from ..models import SIGNATORY_TEXT_MAX_LENGTH
from ..models import Signatory
from ..roles import Role
from ..roles import user_has_any_role

# Who keeps the list of signatories: supervisors (administrators step in).
SIGNATORY_ROLES: tuple[Role, ...] = (Role.SUPERVISOR,)
SIGNATORY_TEXT_FIELDS = tuple(f"{part}_{language}" for part in ("name", "position")
                              for language in ("kk", "ru", "en"))


def signatories_active(*, authority_id: int | None = None) -> QuerySet[Signatory]:
    """The active signatories, of ``authority_id`` when given, in the office's order."""
    rows = Signatory.objects.filter(is_active=True)
    if authority_id is not None:
        rows = rows.filter(authority_id=authority_id)
    return rows.order_by("authority_id", "order", "name_en", "pk")


def signatory_for_request(signatory_id: int | str | None, *,
                          authority_id: int) -> Signatory | None:
    """The signatory ``signatory_id`` names for a request of ``authority_id``: an active official
    of that authority, or None (or "", a form's empty choice) to leave the signature blank;
    InvalidInput otherwise."""
    if signatory_id is None or signatory_id == "":
        return None
    try:
        return signatories_active(authority_id=authority_id).get(pk=int(signatory_id))
    except (Signatory.DoesNotExist, ValueError, TypeError):
        raise InvalidInput({"signatory": str(_(
            "Choose an active signatory of the requesting authority."))}) from None


def signatory_save(*, actor: User, authority: Authority, texts: dict[str, str],
                   is_active: bool = True, order: int = 0,
                   signatory: Signatory | None = None) -> Signatory:
    """Create ``signatory`` or change it: name and position in kk, ru and en (each required,
    at most ``SIGNATORY_TEXT_MAX_LENGTH`` characters). Supervisors and administrators only."""
    if not user_has_any_role(actor, SIGNATORY_ROLES):
        raise ActionNotPermitted()
    errors = {}
    cleaned = {}
    for name in SIGNATORY_TEXT_FIELDS:
        text = (texts.get(name) or "").strip()
        if not text:
            errors[name] = str(_("This field is required."))
        elif len(text) > SIGNATORY_TEXT_MAX_LENGTH or "\x00" in text:
            errors[name] = str(_("At most %(limit)d characters.")
                               % {"limit": SIGNATORY_TEXT_MAX_LENGTH})
        cleaned[name] = text
    if errors:
        raise InvalidInput(errors)
    signatory = signatory or Signatory()
    for name, text in cleaned.items():
        setattr(signatory, name, text)
    signatory.authority = authority
    signatory.is_active, signatory.order = is_active, max(0, int(order))
    signatory.save()
    return signatory
