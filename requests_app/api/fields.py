"""Input fields shared by the API modules."""

from rest_framework import serializers


class StrictCharField(serializers.CharField):
    """Text only: DRF's CharField would also take numbers or lists and turn them into text."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)
