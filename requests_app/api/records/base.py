"""The small base of the record API: one class per operation, declared by class attributes.

An operation names its ``operation_id``, ``summary`` (and ``description``, ``tag``), its
``output`` serializer and what its path names: the request (``request_id``), or a row
(``row_kwarg`` of ``row_model``) whose request is checked first. ``RecordListApi`` adds the rows
to list (``model``, ``parent_field``, ``related``, ``ordering``); ``RecordWriteApi`` (200) and
``RecordCreateApi`` (201) add the nested ``InputSerializer``, the ``service`` and its ``errors``.
``__init_subclass__`` turns these into the view method and its OpenAPI operation, so that each
operation keeps its own class and schema while no body is written twice.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Mapping
from contextlib import contextmanager
from typing import Any
from typing import ClassVar

from django.db.models import Model
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import OpenApiResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from mla.limits import TEXT_MAX_LENGTH

from ...access import access_request_by_id
from ...exceptions import InvalidInput
from ...exceptions import RequestNotFound
from ...models import AssistanceRequest
from ..fields import StrictCharField
from ..fields import StrictDateField
from ..fields import parse_id
from ..fields import validated_body
from ..fields import visible_request
from ..schemas import COMMON_ERRORS
from ..schemas import RULE_ERRORS

LIST_ERRORS = {code: COMMON_ERRORS[code] for code in (401, 404)}
WRITE_ERRORS = {**COMMON_ERRORS, 409: RULE_ERRORS[409]}
RULE_WRITE_ERRORS = {**WRITE_ERRORS, 422: RULE_ERRORS[422]}


def text_field(max_length: int = TEXT_MAX_LENGTH, *, required: bool = False,
               **kwargs: Any) -> StrictCharField:
    """Text kept as sent, at most ``max_length`` characters; optional text defaults to empty."""
    if not required:
        kwargs.setdefault("default", "")
        kwargs.setdefault("allow_blank", True)
    return StrictCharField(max_length=max_length, trim_whitespace=False, **kwargs)


def date_field(*, required: bool = False, **kwargs: Any) -> StrictDateField:
    """An ISO date; an optional one defaults to null."""
    if not required:
        kwargs.setdefault("default", None)
        kwargs.setdefault("allow_null", True)
    return StrictDateField(**kwargs)


class RequestVersionField(serializers.IntegerField):
    """The version of the row's request: a list reads it once (``request_version`` in the
    context), a write from the request the service just changed."""

    def __init__(self, path: str = "request", **kwargs: Any) -> None:
        self.path = path.split(".")
        kwargs.setdefault("help_text", "The request's version now: send it with the next change.")
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance: Any) -> int:
        version = self.context.get("request_version")
        if version is None:
            for name in self.path:
                instance = getattr(instance, name)
            version = instance.version
        return version


@contextmanager
def service_fields(renamed: Mapping[str, str]) -> Iterator[None]:
    """Report a service's ``InvalidInput`` under this API's field names (``date`` →
    ``returned_on``...)."""
    try:
        yield
    except InvalidInput as error:
        raise InvalidInput({renamed.get(key, key): message
                            for key, message in error.errors.items()}) from None


def request_path() -> OpenApiParameter:
    return OpenApiParameter("request_id", int, OpenApiParameter.PATH,
                            description="Id of the request (404 when missing or not visible).")


# No docstrings on the API classes (comments instead): the schema would repeat a class's
# docstring as the description of every operation that has none of its own.
class RecordApi(APIView):
    # Lists are paginated (``?page=``), in a fixed order, with a constant number of queries.
    pagination_class = api_settings.DEFAULT_PAGINATION_CLASS
    http_method: ClassVar[str]

    operation_id: ClassVar[str]
    summary: ClassVar[str]
    description: ClassVar[str | None] = None
    tag: ClassVar[str] = "records"
    output: ClassVar[type[serializers.Serializer]]
    # None: the path names the request. Otherwise it names a row of this model (``row_kwarg``,
    # described as ``row_label``); its request decides who may see it.
    row_model: ClassVar[type[Model] | None] = None
    row_kwarg: ClassVar[str] = ""
    row_label: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "operation_id" not in vars(cls):
            # A base, or the view of a URL serving several operations (``operations``): they
            # share these attributes, so they must agree on what they show and on what the path
            # names. (Their other attributes have distinct names: rows for a list, the input,
            # service and arguments for a write.)
            shared = {(op.output, op.row_model, op.row_kwarg) for op in cls.__mro__
                      if "operation_id" in vars(op)}
            if len(shared) > 1:
                raise TypeError(f"{cls.__name__} combines operations that disagree: {shared}")
            return
        operation = cls

        def handler(self: RecordApi, request: Request, **ids: int) -> Response:
            # The operation's own body, even in a class that combines it with another.
            return operation.respond(self, request, ids)

        handler.__name__ = handler.__qualname__ = cls.http_method
        schema = extend_schema(operation_id=cls.operation_id, tags=[cls.tag],
                               summary=cls.summary, description=cls.description,
                               parameters=cls.path_parameters(), **cls.schema_io())
        setattr(cls, cls.http_method, schema(handler))

    @classmethod
    def path_parameters(cls) -> list[OpenApiParameter]:
        if cls.row_model is None:
            return [request_path()]
        return [OpenApiParameter(cls.row_kwarg, int, OpenApiParameter.PATH,
                                 description=f"Id of the {cls.row_label} (404 when missing or "
                                             "when its request is not visible to you).")]

    @classmethod
    def schema_io(cls) -> dict[str, Any]:
        raise NotImplementedError

    def respond(self, request: Request, ids: dict[str, int]) -> Response:
        raise NotImplementedError

    def subject(self, user: Any, ids: dict[str, int]) -> AssistanceRequest:
        """The request the path names, directly or through its row, if ``user`` may see it; a
        missing row and a row of a request the user may not see both raise RequestNotFound
        (404), before the body is even read."""
        if self.row_model is None:
            return visible_request(user, ids["request_id"])
        row_id = parse_id(ids[self.row_kwarg])
        request_id = None if row_id is None else (
            self.row_model.objects.filter(pk=row_id).values_list("request_id", flat=True).first())
        if request_id is None:
            raise RequestNotFound(ids[self.row_kwarg])
        return access_request_by_id(user=user, request_id=request_id)

    def output_context(self, obj: AssistanceRequest) -> dict[str, Any]:
        return {}


class RecordListApi(RecordApi):
    # The rows of ``model`` whose ``parent_field`` is the request (or the row) the path names.
    http_method = "get"
    model: ClassVar[type[Model]]
    parent_field: ClassVar[str] = "request"
    related: ClassVar[tuple[str, ...]] = ()
    ordering: ClassVar[tuple[str, ...]] = ("id",)

    @classmethod
    def schema_io(cls) -> dict[str, Any]:
        return {"responses": {200: cls.output(many=True), **LIST_ERRORS}}

    def rows(self) -> QuerySet:
        return self.model.objects.all()

    def respond(self, request: Request, ids: dict[str, int]) -> Response:
        obj = self.subject(request.user, ids)
        parent = obj if self.row_model is None else ids[self.row_kwarg]
        rows = (self.rows().filter(**{self.parent_field: parent}).select_related(*self.related)
                .order_by(*self.ordering))
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(rows, request, view=self)
        # Each row shows the request's version as read with ``obj``.
        context = {"request": request, "request_version": obj.version, **self.output_context(obj)}
        return paginator.get_paginated_response(self.output(page, many=True, context=context).data)


class RecordWriteApi(RecordApi):
    # The body (``InputSerializer``, with the request ``version`` the client saw) goes to
    # ``service`` with the actor, the version and the id the path names; the service checks the
    # role, the version (409) and the treaty rules (422). Answers 200 with the changed row.
    http_method = "post"
    status_code: ClassVar[int] = status.HTTP_200_OK
    InputSerializer: ClassVar[type[serializers.Serializer]]
    service: ClassVar[Callable[..., Any]]
    errors: ClassVar[dict[int, OpenApiResponse]] = WRITE_ERRORS
    # The service's field names that this API calls otherwise (``date`` → ``returned_on``).
    error_names: ClassVar[Mapping[str, str]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        body = vars(cls).get("InputSerializer")
        if body is not None and not hasattr(getattr(body, "Meta", None), "ref_name"):
            # The schema names the body after its operation: RecordItemCreateApi's input is
            # the component RecordItemCreate (RecordItemCreateRequest in the published schema).
            body.Meta = type("Meta", (), {"ref_name": cls.__name__.removesuffix("Api")})
        super().__init_subclass__(**kwargs)

    @classmethod
    def schema_io(cls) -> dict[str, Any]:
        return {"request": cls.InputSerializer,
                "responses": {cls.status_code: cls.output, **cls.errors}}

    def arguments(self, data: dict[str, Any]) -> dict[str, Any]:
        """The service's keyword arguments from the validated body (without ``version``)."""
        return data

    def shown(self, instance: Any) -> Any:
        """What the answer shows of the service's result."""
        return instance

    def respond(self, request: Request, ids: dict[str, int]) -> Response:
        obj = self.subject(request.user, ids)
        data = validated_body(self.InputSerializer, request.data)
        version = data.pop("version")
        target = ({"request_id": obj.pk} if self.row_model is None
                  else {self.row_kwarg: ids[self.row_kwarg]})
        with service_fields(self.error_names):
            # ``service`` is a plain function kept on the class: call it unbound.
            instance = type(self).service(actor=request.user, expected_version=version,
                                          **target, **self.arguments(data))
        output = self.output(self.shown(instance), context=self.output_context(obj))
        return Response(output.data, status=self.status_code)


class RecordCreateApi(RecordWriteApi):
    # Records a new row: 201 with it.
    status_code = status.HTTP_201_CREATED


def operations(*classes: type[RecordApi]) -> Callable[..., Any]:
    """The view of a URL that serves several operations on different methods (GET list, POST
    create): each method keeps its own operation class's body and schema."""
    combined = type("And".join(c.__name__ for c in classes), classes,
                    {"__module__": classes[0].__module__})
    return combined.as_view()
