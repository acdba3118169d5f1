"""API: the facts recorded on a request — persons, handed-over items, consultations, decisions,
translations, originals, proofs of service, detainee transfers and the personal-data register.

Reads are lists nested under a request, for everyone who may see it. Writes are the record forms
of the request page, through the same services (``services.records``, ``services.requests``):
each carries the request ``version`` the client saw (changed meanwhile: 409) and a treaty rule
that blocks it answers 422 with its citation. Routes that name a row (``/api/items/{id}/...``)
first find the row's request and check that the user may see it: another office's row answers
exactly like a missing one (404), whatever the body says.

Every API class is one operation with its own input serializer, declared over the small base in
``base``; a URL that both lists and records combines the two classes. Inputs use the strict
vocabulary of ``api.fields`` (bad input is a 400, never a 500); a form-encoded body is read by
the same serializer's form twin, in which ids and flags are written as text.
"""

from django.urls import path

from .facts import (
    RecordConsultationsApi,
    RecordDecisionsApi,
    RecordItemReturnedApi,
    RecordItemsApi,
    RecordItemWaiveApi,
    RecordOriginalsApi,
    RecordOriginalUpdateApi,
    RecordShorterSummonsTermApi,
    RecordTranslationsApi,
    RecordWrittenConfirmationApi,
)
from .personal_data import PersonalDataApi, PersonalDataDeletionApi, PersonalDataOnwardTransfersApi
from .persons import (
    RecordPersonAppearanceDateApi,
    RecordPersonsApi,
    RecordServiceProofsApi,
    RecordTransferExtendApi,
    RecordTransferReleaseDateApi,
    RecordTransferReturnedApi,
    RecordTransfersApi,
)

urlpatterns = [
    path("requests/<int:request_id>/shorter-summons-term/", RecordShorterSummonsTermApi.as_view(),
         name="api-records-shorter-summons-term"),
    path("requests/<int:request_id>/written-confirmation/",
         RecordWrittenConfirmationApi.as_view(), name="api-records-written-confirmation"),
    path("requests/<int:request_id>/persons/", RecordPersonsApi.as_view(),
         name="api-records-persons"),
    path("requests/<int:request_id>/persons/<int:person_id>/appearance-date/",
         RecordPersonAppearanceDateApi.as_view(), name="api-records-person-appearance-date"),
    path("requests/<int:request_id>/items/", RecordItemsApi.as_view(), name="api-records-items"),
    path("items/<int:item_id>/returned/", RecordItemReturnedApi.as_view(),
         name="api-records-item-returned"),
    path("items/<int:item_id>/waive/", RecordItemWaiveApi.as_view(),
         name="api-records-item-waive"),
    path("requests/<int:request_id>/consultations/", RecordConsultationsApi.as_view(),
         name="api-records-consultations"),
    path("requests/<int:request_id>/decisions/", RecordDecisionsApi.as_view(),
         name="api-records-decisions"),
    path("requests/<int:request_id>/translations/", RecordTranslationsApi.as_view(),
         name="api-records-translations"),
    path("requests/<int:request_id>/originals/", RecordOriginalsApi.as_view(),
         name="api-records-originals"),
    path("originals/<int:original_id>/", RecordOriginalUpdateApi.as_view(),
         name="api-records-original"),
    path("requests/<int:request_id>/service-proofs/", RecordServiceProofsApi.as_view(),
         name="api-records-service-proofs"),
    path("requests/<int:request_id>/transfers/", RecordTransfersApi.as_view(),
         name="api-records-transfers"),
    path("transfers/<int:transfer_id>/extend/", RecordTransferExtendApi.as_view(),
         name="api-records-transfer-extend"),
    path("transfers/<int:transfer_id>/returned/", RecordTransferReturnedApi.as_view(),
         name="api-records-transfer-returned"),
    path("transfers/<int:transfer_id>/release-date/", RecordTransferReleaseDateApi.as_view(),
         name="api-records-transfer-release-date"),
    path("requests/<int:request_id>/personal-data/", PersonalDataApi.as_view(),
         name="api-personal-data"),
    path("personal-data/<int:entry_id>/deletion/", PersonalDataDeletionApi.as_view(),
         name="api-personal-data-deletion"),
    path("personal-data/<int:entry_id>/onward-transfers/", PersonalDataOnwardTransfersApi.as_view(),
         name="api-personal-data-onward-transfers"),
]
