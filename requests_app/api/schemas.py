"""Shared schema pieces: the one error body every endpoint may answer with."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from ..models import DeadlineBasis
from ..models import DeadlineStatus


class ViolationSerializer(serializers.Serializer):
    rule = serializers.CharField()
    basis = serializers.ChoiceField(choices=["treaty", "office_policy"], help_text=(
        "treaty: the cited article says it; office_policy: the office's own, stricter rule "
        "(no citation: the treaty text does not say it)."))
    citation = serializers.CharField()
    instrument = serializers.CharField()
    article = serializers.CharField()
    message = serializers.CharField()
    field = serializers.CharField()


class RequestRefSerializer(serializers.Serializer):
    """A request as another resource points to it. Each resource subclasses it with a schema
    component name of its own."""

    id = serializers.IntegerField()
    reference = serializers.CharField()


class DeadlineDutySerializer(serializers.Serializer):
    """A deadline's duty, due time, rule and basis: what the deadline list and the notifications
    both show of it (each subclasses it under its own component name)."""

    id = serializers.IntegerField()
    kind = serializers.CharField()
    duty_label = serializers.CharField()
    due_at = serializers.DateTimeField()
    citation = serializers.CharField()
    basis = serializers.ChoiceField(choices=DeadlineBasis.choices)
    basis_label = serializers.CharField()
    status = serializers.ChoiceField(choices=DeadlineStatus.choices)


class ErrorSerializer(serializers.Serializer):
    type = serializers.CharField()
    detail = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    violations = ViolationSerializer(many=True)
    current_version = serializers.IntegerField(required=False)


def error(description: str) -> OpenApiResponse:
    return OpenApiResponse(response=ErrorSerializer, description=description)


COMMON_ERRORS = {
    400: error("Invalid input: field errors."),
    401: error("Not signed in."),
    403: error("Your role does not allow this."),
    404: error("Not found, or not visible to you."),
}
RULE_ERRORS = {
    409: error("The request changed meanwhile (send the version you saw), or the action is not "
               "available in its current state."),
    422: error("A treaty rule blocks the action: each violated rule with its citation."),
}
