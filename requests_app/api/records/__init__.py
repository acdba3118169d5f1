"""API: the facts recorded on a request — persons, handed-over items, consultations, decisions,
translations, originals, proofs of service, detainee transfers, asset measures, the
personal-data register and the notices and duties the treaties oblige (``duties``).

Reads are lists nested under a request, for everyone who may see it. Writes are the record forms
of the request page, through the same services (``services.records``, ``services.requests``):
each carries the request ``version`` the client saw (changed meanwhile: 409) and a treaty rule
that blocks it answers 422 with its citation. Routes that name a row (``/api/items/{id}/...``)
first find the row's request and check that the user may see it: another office's row answers
exactly like a missing one (404), whatever the body says.

The operations are in ``apis``: one class each, with its own nested input serializer, declared
over the small base in ``base``; the output serializers a family's operations share are in
``serializers``. A URL that both lists and records serves its two operation classes together
(``base.operations``). Inputs use the strict vocabulary of ``api.fields`` (bad input is a 400,
never a 500); a form-encoded body is read by the same serializer's form twin, in which ids and
flags are written as text.
"""

from .apis import urlpatterns as record_urlpatterns
from .duties import urlpatterns as duty_urlpatterns

urlpatterns = [*record_urlpatterns, *duty_urlpatterns]

__all__ = ["urlpatterns"]
