"""The OpenAPI schema's view of every operation, beyond what each one declares.

Every operation may answer 400: a NUL character in any query parameter is refused before the
view runs (``mla.middleware.RejectNulCharactersMiddleware``), whatever the operation reads. The
schema says so once here rather than on each of the API's operations."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema

from .schemas import COMMON_ERRORS


class AutoSchema(SpectacularAutoSchema):
    def _get_response_bodies(self, direction: Any = "response") -> Any:
        responses = super()._get_response_bodies(direction)
        if direction == "response" and "400" not in responses:
            responses["400"] = self._get_response_for_code(
                COMMON_ERRORS[400], "400", direction=direction)
        return responses
