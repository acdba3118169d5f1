"""API: requests (their attachments are ``api.attachments``).

    GET   /api/requests/                               the requests visible to you, filtered
                                                       and paginated
    POST  /api/requests/                               open an outgoing draft
                                                       (``request_create_draft``)
    GET   /api/requests/{request_id}/                  one request with its contents, parties,
                                                       milestones, persons, translations,
                                                       originals and deadlines
    PATCH /api/requests/{request_id}/                  edit its contents (``request_update``),
                                                       with the version you saw

Views are thin: parse and type-check the input, call the service (which checks access, role,
version and the treaty's rules in one transaction) or the selector, and shape the output. Every
read goes through ``requests_app.access``: another office's request, like a missing one, is 404.
The API never writes ``state``: state changes are the transition endpoints.

The instrument of a new draft is given by its **slug** (``kz-rs-2015``), as everywhere else in the
API; authorities by their numeric id.
"""

from __future__ import annotations

from django.db.models import Q
from django.urls import path
from django.urls import re_path
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework import status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from mla.limits import TEXT_MAX_LENGTH
from treaties.models import Instrument
from treaties.rulebook import all_rulebooks
from treaties.rulebook.schema import Channel

from .. import clock
from ..access import access_request_by_id
from ..content_fields import CONTENT_FIELDS
from ..exceptions import InvalidInput
from ..exceptions import RequestNotFound
from ..models import AccessChannel
from ..models import AccessKind
from ..models import AssistanceRequest
from ..models import DeadlineBasis
from ..models import DeadlineStatus
from ..models import Direction
from ..models import RequestState
from ..page_cache import api_page_kept_while_unchanged
from ..roles import Role
from ..selectors.keyset import CURSOR_MAX_LENGTH
from ..selectors.keyset import CURSOR_PARAMETER
from ..selectors.keyset import keyset_page
from ..selectors.requests import ALL
from ..selectors.requests import InboxFilters
from ..selectors.requests import inbox_requests
from ..selectors.requests import mark_overdue
from ..selectors.requests import overdue_condition
from ..selectors.requests import reference_rows_prefetched
from ..selectors.requests import request_detail
from ..selectors.search import SEARCH_MAX_LENGTH
from ..selectors.search import clean_search_term
from ..services.access_log import record_access
from ..services.requests import EDITABLE_FIELDS
from ..services.requests import request_create_draft
from ..services.requests import request_update
from ..workflow.owners import OWNER_FIELDS
from ..workflow.owners import OWNER_LABELS
from ..workflow.owners import OWNER_STAGES
from ..workflow.owners import STAGES_OF_DIRECTION
from ..workflow.owners import WorkStage
from ..workflow.owners import work_stage
from .fields import FormBooleanField
from .fields import FormIdField
from .fields import IdField
from .fields import NeverPartial
from .fields import StrictBooleanField
from .fields import StrictCharField
from .fields import StrictChoiceField
from .fields import StrictDateField
from .fields import StrictIntegerField
from .fields import StrictSerializer
from .fields import enum_field
from .fields import parse_id
from .fields import validated_query
from .parsers import JSONParser
from .schemas import COMMON_ERRORS
from .schemas import RULE_ERRORS

# Channel values (the same enum as the transition endpoints' ``channel``).
CHANNELS = [c.value for c in Channel]


def api_url(request, name: str, *args) -> str:
    location = reverse(name, args=args)
    return request.build_absolute_uri(location) if request is not None else location


# --- contents: one field per editable attribute, typed after the model ----------------------
# The fields ``request_update`` accepts (``EDITABLE_FIELDS``), in the model's order.
CONTENT_NAMES = tuple(f.name for f in AssistanceRequest._meta.fields
                      if f.name in EDITABLE_FIELDS)


def _description(name: str) -> str:
    if name in CONTENT_FIELDS:
        return CONTENT_FIELDS[name]
    with translation.override("en"):
        return str(AssistanceRequest._meta.get_field(name).verbose_name).capitalize()


def _content_field(name: str, *, write: bool) -> serializers.Field:
    """The serializer field for one editable attribute. Input is typed strictly (text must be
    text, dates ISO dates, the channel one of the channels) and never null where the database
    column is not nullable, so no input reaches the database in a shape it would refuse."""
    model_field = AssistanceRequest._meta.get_field(name)
    kind = model_field.get_internal_type()
    options = {"help_text": _description(name)}
    if write:
        options["required"] = False
    if name == "assistance_types":
        return serializers.ListField(
            child=StrictCharField(max_length=60) if write else serializers.CharField(),
            help_text="Codes of the assistance sought (see the instrument's assistance_types).",
            **({"required": False} if write else {}))
    if name == "channel":
        return (StrictChoiceField if write else serializers.ChoiceField)(choices=CHANNELS,
                                                                         **options)
    if name == "signatory":
        options["help_text"] = ("Id of the signatory of the letter (GET /api/signatories/"
                                "?authority=<requesting authority id>); null for none.")
        if write:
            return IdField(allow_null=True, **options)
        return serializers.IntegerField(source="signatory_id", allow_null=True, **options)
    if name == "request_language":
        if write:
            return serializers.RegexField(r"^[a-z]{2,3}$", max_length=model_field.max_length,
                                          **options)
        return serializers.CharField(**options)
    if model_field.choices:  # the offence categories
        choices = [code for code, _label in model_field.choices]
        options["help_text"] += " One of: " + ", ".join(choices) + "; empty: not stated."
        return (StrictChoiceField if write else serializers.ChoiceField)(
            choices=["", *choices], allow_blank=True, **options)
    if kind == "PositiveSmallIntegerField":
        validators = {v.__class__.__name__: v.limit_value for v in model_field.validators}
        return (StrictIntegerField if write else serializers.IntegerField)(
            allow_null=True, min_value=0, max_value=validators.get("MaxValueValidator"),
            **options)
    if kind == "BooleanField":
        return (StrictBooleanField if write else serializers.BooleanField)(
            allow_null=model_field.null, **options)
    if kind == "DateField":
        return (StrictDateField if write else serializers.DateField)(allow_null=True, **options)
    if kind in {"TextField", "CharField"}:
        if write:
            return StrictCharField(allow_blank=True, max_length=model_field.max_length,
                                   trim_whitespace=False, **options)
        return serializers.CharField(allow_blank=True, **options)
    raise AssertionError(f"no API field for {name} ({kind})")  # a new editable field needs one


def _contents_serializer(name: str, base: type, *, write: bool, extra: dict | None = None,
                         doc: str = "") -> type[serializers.Serializer]:
    attrs = {n: _content_field(n, write=write) for n in CONTENT_NAMES}
    attrs.update(extra or {})
    return type(name, (base,), {"__module__": __name__, "__doc__": doc, **attrs})


RequestContentsSerializer = _contents_serializer(
    "RequestContentsSerializer", serializers.Serializer, write=False,
    doc="Every field PATCH /api/requests/{request_id}/ accepts, with its current value.")


# --- output ------------------------------------------------------------------------------------
class RequestAuthoritySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    state = serializers.CharField(source="state.iso_code", help_text="ISO 3166-1 alpha-2.")
    name = serializers.CharField(help_text="In the active language.")


class RequestInstrumentSerializer(serializers.Serializer):
    slug = serializers.CharField()
    kind = serializers.CharField(help_text="mla_treaty or police_cooperation.")
    short_title = serializers.CharField(help_text="In the active language.")
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return api_url(self.context.get("request"), "api-instrument-detail", obj.slug)


class RequestListItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField(help_text="Our reference.")
    their_reference = serializers.CharField(allow_blank=True)
    case_number = serializers.CharField(allow_blank=True, help_text="The Kazakh criminal case "
                                                                    "number.")
    direction = serializers.ChoiceField(choices=Direction.choices)
    state = serializers.ChoiceField(choices=RequestState.choices)
    state_label = serializers.CharField(source="get_state_display")
    version = serializers.IntegerField()
    instrument = RequestInstrumentSerializer()
    requesting_authority = RequestAuthoritySerializer()
    requested_authority = RequestAuthoritySerializer()
    executing_authority = RequestAuthoritySerializer(allow_null=True)
    offence_description = serializers.CharField(allow_blank=True)
    assistance_types = serializers.ListField(child=serializers.CharField())
    is_urgent = serializers.BooleanField()
    next_due_at = serializers.DateTimeField(
        allow_null=True, help_text="The soonest deadline still to be met (open, or missed and "
                                   "not met since).")
    is_overdue = serializers.BooleanField(
        help_text="An open deadline is past due, or a missed one has not been met.")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField()

    def get_url(self, obj) -> str:
        return api_url(self.context.get("request"), "api-request-detail", obj.pk)


class RequestPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    role = serializers.CharField(help_text="to_serve, to_hear, to_locate or to_transfer.")
    role_label = serializers.CharField(source="get_role_display")
    full_name = serializers.CharField()
    birth_date = serializers.DateField(allow_null=True)
    nationality = serializers.CharField(allow_blank=True)
    address = serializers.CharField(allow_blank=True)
    particulars = serializers.CharField(allow_blank=True)
    appearance_date = serializers.DateField(
        allow_null=True, help_text="A summons: the date the person must appear.")


class RequestTranslationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    language = serializers.CharField()
    document = serializers.CharField()
    translated_by = serializers.CharField(allow_blank=True)
    completed_on = serializers.DateField(allow_null=True)


class RequestOriginalSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    asked_for_on = serializers.DateField(allow_null=True)
    dispatched_on = serializers.DateField(allow_null=True)
    dispatch_channel = serializers.CharField(allow_blank=True)
    tracking_number = serializers.CharField(allow_blank=True)
    received_on = serializers.DateField(allow_null=True)


class RequestDeadlineSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.CharField()
    label = serializers.CharField(source="duty_label")
    subject_key = serializers.CharField(allow_blank=True, help_text=(
        "Tells apart several deadlines of one kind (one per person, item...)."))
    due_at = serializers.DateTimeField()
    citation = serializers.CharField()
    basis = serializers.ChoiceField(choices=DeadlineBasis.choices)
    status = serializers.ChoiceField(choices=DeadlineStatus.choices)
    responsible_side = serializers.CharField(help_text="kazakhstan or other_side.")
    met_at = serializers.DateTimeField(allow_null=True)


class RequestMilestonesSerializer(serializers.Serializer):
    oral_request_at = serializers.DateTimeField(allow_null=True)
    written_confirmation_at = serializers.DateTimeField(allow_null=True)
    transmitted_at = serializers.DateTimeField(allow_null=True)
    dispatched_on = serializers.DateField(allow_null=True, help_text=(
        "Day the letter left, as the clerk recorded it on transmission (null if not recorded)."))
    dispatch_reference = serializers.CharField(allow_blank=True, help_text=(
        "Our outgoing letter number, as recorded on transmission."))
    received_at = serializers.DateTimeField(allow_null=True)
    opened_on = serializers.DateField(allow_null=True)
    executed_at = serializers.DateTimeField(allow_null=True)
    execution_outcome = serializers.CharField(allow_blank=True, help_text="full, partial or "
                                                                          "empty.")
    results_transmitted_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    shorter_summons_term_agreed_on = serializers.DateField(allow_null=True)
    shorter_summons_term_agreement = serializers.CharField(allow_blank=True)
    final_confiscation_effective_on = serializers.DateField(allow_null=True)
    asset_sharing_requested_on = serializers.DateField(allow_null=True)


class RequestLinksSerializer(serializers.Serializer):
    self = serializers.SerializerMethodField()
    attachments = serializers.SerializerMethodField()
    notes = serializers.SerializerMethodField(help_text="The request's internal notes.")
    documents = serializers.SerializerMethodField(help_text=(
        "The letter, its frozen versions and the attachments by category."))
    instrument = serializers.SerializerMethodField()
    html = serializers.SerializerMethodField(help_text="The request's page in the web app.")
    letter_pdf = serializers.SerializerMethodField()
    letter_docx = serializers.SerializerMethodField()

    def _link(self, name: str, *args) -> str:
        return api_url(self.context.get("request"), name, *args)

    def get_self(self, obj) -> str:
        return self._link("api-request-detail", obj.pk)

    def get_attachments(self, obj) -> str:
        return self._link("api-request-attachments", obj.pk)

    def get_documents(self, obj) -> str:
        return self._link("api-request-documents", obj.pk)

    def get_notes(self, obj) -> str:
        return self._link("api-request-notes", obj.pk)

    def get_instrument(self, obj) -> str:
        return self._link("api-instrument-detail", obj.instrument.slug)

    def get_html(self, obj) -> str:
        return self._link("request_detail", obj.pk)

    def get_letter_pdf(self, obj) -> str:
        return self._link("letter_pdf", obj.pk)

    def get_letter_docx(self, obj) -> str:
        return self._link("letter_docx", obj.pk)


# The stages as the schema names them: whose move it is (four), and those with a named owner.
WorkStageField = enum_field("WorkStageEnum", [(s.value, s.label) for s in WorkStage])
OwnerStageField = enum_field("OwnerStageEnum", [(s.value, s.label) for s in OWNER_STAGES])


class OwnerUserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    name = serializers.SerializerMethodField(help_text="Full name, or the username where none "
                                                       "is recorded.")

    class Meta:
        ref_name = "OwnerUser"

    def get_name(self, user) -> str:
        return user.get_full_name() or user.get_username()


class RequestOwnerSerializer(serializers.Serializer):
    stage = OwnerStageField(help_text=(
        "drafting (outgoing), clerk (both directions), executing (incoming)."))
    label = serializers.CharField()
    role = serializers.ChoiceField(choices=[r.value for r in Role], help_text=(
        "The role the owner holds; where nobody is named, any user of it in the office acts."))
    user = OwnerUserSerializer(allow_null=True, help_text="Null: nobody named, the role acts.")
    current = serializers.BooleanField(help_text="The request is at this stage now.")

    class Meta:
        ref_name = "RequestOwner"


def request_owners_out(obj: AssistanceRequest) -> list[dict]:
    """The owner of each stage of the request's direction (the request's Owners block)."""
    current = work_stage(obj.direction, obj.state)
    return [{"stage": stage.value, "label": str(OWNER_LABELS[stage]), "role": stage.role.value,
             "user": getattr(obj, OWNER_FIELDS[stage]), "current": stage == current}
            for stage in STAGES_OF_DIRECTION[obj.direction]]


class RequestDetailSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField(help_text="Our reference.")
    their_reference = serializers.CharField(allow_blank=True)
    direction = serializers.ChoiceField(choices=Direction.choices)
    state = serializers.ChoiceField(choices=RequestState.choices, help_text=(
        "Read-only here: states change only through the transition endpoints."))
    state_label = serializers.CharField(source="get_state_display")
    version = serializers.IntegerField(help_text="Send it back with every change.")
    instrument = RequestInstrumentSerializer()
    requesting_authority = RequestAuthoritySerializer()
    requested_authority = RequestAuthoritySerializer()
    executing_authority = RequestAuthoritySerializer(allow_null=True)
    created_by = serializers.CharField(source="created_by.username")
    assigned_prosecutor = serializers.CharField(source="assigned_prosecutor.username",
                                                allow_null=True)
    owners = serializers.SerializerMethodField(help_text=(
        "The named owner of each stage (drafting prosecutor, central-authority clerk, "
        "executing prosecutor); change one with POST .../owners/."))
    current_stage = serializers.SerializerMethodField(help_text=(
        "Whose move it is: drafting, review (the supervisors), clerk or executing; null once "
        "closed or withdrawn."))
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    contents = RequestContentsSerializer(source="*")
    milestones = RequestMilestonesSerializer(source="*")
    persons = RequestPersonSerializer(many=True, source="persons.all")
    translations = RequestTranslationSerializer(many=True, source="translations.all")
    originals = RequestOriginalSerializer(many=True, source="originals.all")
    deadlines = RequestDeadlineSerializer(many=True, source="deadlines.all", help_text=(
        "Every deadline of the request, soonest first, with its citation."))
    links = RequestLinksSerializer(source="*")

    @extend_schema_field(RequestOwnerSerializer(many=True))
    def get_owners(self, obj) -> list:
        return RequestOwnerSerializer(request_owners_out(obj), many=True).data

    @extend_schema_field(WorkStageField(allow_null=True))
    def get_current_stage(self, obj) -> str | None:
        stage = work_stage(obj.direction, obj.state)
        return stage.value if stage is not None else None


def detail_response(request, request_id: int, status_code: int = status.HTTP_200_OK):
    """The request's detail as ``GET /api/requests/{id}/`` answers it."""
    return _detail_response(request, request_id, status_code)


def _detail_response(request, request_id: int, status_code: int = status.HTTP_200_OK):
    obj = request_detail(user=request.user, request_id=request_id)
    return Response(RequestDetailSerializer(obj, context={"request": request}).data,
                    status=status_code)


def created_response(request, request_id: int):
    """201 with the new request's detail and its address (a draft opened, a request registered)."""
    response = _detail_response(request, request_id, status.HTTP_201_CREATED)
    response["Location"] = api_url(request, "api-request-detail", request_id)
    return response


def new_request_input(serializer_class: type[serializers.Serializer],
                      request) -> tuple[dict, int]:
    """The validated body of a new request and the id of the instrument its slug names (400
    naming ``instrument`` when no such instrument is loaded)."""
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    instrument_id = (Instrument.objects.filter(slug=data.pop("instrument"))
                     .values_list("pk", flat=True).first())
    if instrument_id is None:
        raise InvalidInput({"instrument": str(_("Not found."))})
    return data, instrument_id


# --- input -------------------------------------------------------------------------------------
ORDERINGS = ("created_at", "-created_at", "updated_at", "-updated_at", "reference", "-reference")


class RequestListQuerySerializer(StrictSerializer):
    """The list's query string; any other parameter is refused."""

    cursor = StrictCharField(required=False, allow_blank=True, max_length=CURSOR_MAX_LENGTH,
                             help_text=(
        "Where the page starts: the cursor in the previous page's ``next`` link (absent for "
        "the first page). Pages are read from where the previous one ended, so a page deep in "
        "the list costs what the first costs; follow ``next`` until it is null."))
    instrument = serializers.ChoiceField(choices=sorted(all_rulebooks()), required=False,
                                         allow_blank=True, help_text="Instrument slug.")
    direction = serializers.ChoiceField(choices=Direction.choices, required=False,
                                        allow_blank=True)
    state = serializers.ChoiceField(choices=RequestState.choices, required=False,
                                    allow_blank=True)
    authority = FormIdField(required=False, help_text=(
        "Authority id: requests it makes, receives or executes."))
    overdue = FormBooleanField(required=False, allow_null=True, default=None, help_text=(
        "true: only requests with an open deadline past due or a missed one not met; "
        "false: only the others."))
    q = StrictCharField(required=False, allow_blank=True, max_length=SEARCH_MAX_LENGTH,
                        help_text=(
        "The search box: our or their reference, the criminal case number, a person's name, "
        "an authority (requesting, requested or executing, in any of its three names), words "
        "of the offence or its legal qualification. Every word must occur in one of these; "
        "words match as prefixes. NUL characters are refused."))
    ordering = serializers.ChoiceField(choices=ORDERINGS, required=False, allow_blank=True,
                                       help_text="Default -created_at (newest first).")


# Required where the instrument is not the one the resolver proposes (GET /api/instruments/
# applicable/); logged with the request's first row.
INSTRUMENT_CHOICE_REASON_FIELD = StrictCharField(
    required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH, help_text=(
        "Why this instrument and not the one GET /api/instruments/applicable/ proposes; required "
        "then (422 otherwise), logged."))


RequestCreateInputSerializer = _contents_serializer(
    "RequestCreateInputSerializer", StrictSerializer, write=True, extra={
        "instrument": StrictChoiceField(
            choices=sorted(all_rulebooks()), help_text="The instrument's slug."),
        "requested_authority": IdField(help_text="Id of the other side's authority."),
        "requesting_authority": IdField(required=False, allow_null=True, help_text=(
            "Id of the Kazakh authority making the request; default: your office (only "
            "supervisors may name another).")),
        "assistance_types": serializers.ListField(
            child=StrictCharField(max_length=60), help_text=(
                "Codes of the assistance sought; the instrument must cover them.")),
        "instrument_choice_reason": INSTRUMENT_CHOICE_REASON_FIELD,
    }, doc="A new outgoing draft. Any other field is refused.")


class _PatchInput(NeverPartial, StrictSerializer):
    pass


RequestPatchInputSerializer = _contents_serializer(
    "RequestPatchInputSerializer", _PatchInput, write=True, extra={
        "version": IdField(help_text=(
            "The version you saw; if the request changed meanwhile the answer is 409 with the "
            "current version.")),
    }, doc="The fields to change and the version they were read at. Any other field (``state`` "
           "included) is refused.")


# --- the endpoints ------------------------------------------------------------------------------
# Path ids match any segment and are parsed here, so that ``/api/requests/abc/`` answers with the
# API's JSON 404 like a missing request rather than the site's HTML page. No docstrings on the
# API classes: the schema would repeat them for every operation of the URL.
def path_id(value: str) -> int:
    request_id = parse_id(value)
    if request_id is None:
        raise RequestNotFound(value)
    return request_id


REQUEST_ID = OpenApiParameter("request_id", int, OpenApiParameter.PATH,
                              description="Id of the request (404 when missing or not visible).")


class RequestListPageSerializer(serializers.Serializer):
    """One page of the list and the link to the next."""

    next = serializers.URLField(allow_null=True, help_text=(
        "The next page (the same filters and ordering, with its cursor); null on the last."))
    results = RequestListItemSerializer(many=True)


def next_page_url(request, cursor: str | None) -> str | None:
    """The link to the next keyset page: this one's query with the next cursor."""
    if cursor is None:
        return None
    params = request.query_params.copy()
    params[CURSOR_PARAMETER] = cursor
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


class RequestListCreateApi(APIView):
    # The collection: GET lists (one operation), POST opens a draft (another).
    page_size = api_settings.PAGE_SIZE
    # JSON only: form encodings would read an absent boolean as false.
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="requests_list",
        summary="List the requests visible to you",
        description=("The requests of your office (as requesting, requested or executing "
                     "authority), those under the instruments a clerk's office is designated "
                     "for, or all for supervisors; filtered, newest first unless ``ordering`` "
                     "says otherwise, 50 a page. Pages are keyset pages: follow ``next`` (its "
                     "``cursor``); there is no page number and no total, which would cost a "
                     "count of every visible request on each page."),
        parameters=[RequestListQuerySerializer],
        responses={200: RequestListPageSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401]},
        tags=["requests"],
    )
    @api_page_kept_while_unchanged
    def get(self, request):
        query = validated_query(RequestListQuerySerializer, request)
        now = clock.now()
        filters = InboxFilters(stage=ALL, direction=query.get("direction") or "",
                               instrument=query.get("instrument") or "",
                               state=query.get("state") or "",
                               q=clean_search_term(query.get("q")),
                               overdue=query.get("overdue") is True)
        qs = inbox_requests(user=request.user, filters=filters, now=now).prefetch_related(
            *reference_rows_prefetched("executing_authority"))
        if query.get("overdue") is False:
            qs = qs.exclude(overdue_condition(now))
        if query.get("authority"):
            authority = query["authority"]
            qs = qs.filter(Q(requesting_authority_id=authority)
                           | Q(requested_authority_id=authority)
                           | Q(executing_authority_id=authority))
        ordering = query.get("ordering") or "-created_at"
        page = keyset_page(qs, order=(ordering, "-id" if ordering.startswith("-") else "id"),
                           cursor=query.get("cursor") or None, size=self.page_size)
        mark_overdue(page.rows, now)
        return Response({
            "next": next_page_url(request, page.next_cursor),
            "results": RequestListItemSerializer(page.rows, many=True,
                                                 context={"request": request}).data})

    @extend_schema(
        operation_id="requests_create",
        summary="Open an outgoing draft",
        description=("Prosecutors and clerks (supervisors step in) open a draft in drafting "
                     "under an instrument in force today, asking only for assistance it covers "
                     "(otherwise 422 with the article). The instrument is given by its slug."),
        request=RequestCreateInputSerializer,
        responses={201: RequestDetailSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401], 403: COMMON_ERRORS[403], 422: RULE_ERRORS[422]},
        tags=["requests"],
    )
    def post(self, request):
        data, instrument_id = new_request_input(RequestCreateInputSerializer, request)
        draft = request_create_draft(
            actor=request.user, instrument_id=instrument_id,
            requested_authority_id=data.pop("requested_authority"),
            requesting_authority_id=data.pop("requesting_authority", None),
            assistance_types=data.pop("assistance_types"), **data)
        return created_response(request, draft.pk)


class RequestDetailPatchApi(APIView):
    # One request: GET reads it (one operation), PATCH edits its contents (another).
    parser_classes = [JSONParser]  # form encodings would read an absent boolean as false

    @extend_schema(
        operation_id="requests_retrieve",
        summary="One request",
        description=("Contents, parties, milestones, persons, translations, originals and "
                     "deadlines with their citations. 404 when it does not exist or is not "
                     "visible to you (the same answer)."),
        parameters=[REQUEST_ID],
        responses={200: RequestDetailSerializer, 401: COMMON_ERRORS[401],
                   404: COMMON_ERRORS[404]},
        tags=["requests"],
    )
    def get(self, request, request_id: str):
        pk = path_id(request_id)
        response = _detail_response(request, pk)
        # A read of the request (who looked); the detail a PATCH or a POST answers with is not.
        record_access(user=request.user, request_id=pk, what=AccessKind.REQUEST_READ_API,
                      channel=AccessChannel.API)
        return response

    @extend_schema(
        operation_id="requests_partial_update",
        summary="Edit a request's contents",
        description=(
            "Send the version you saw and the fields to change. Contents change while an "
            "outgoing request is drafted, or while an incoming one is registered and checked; "
            "their_reference, final_confiscation_effective_on and asset_sharing_requested_on at "
            "any time; otherwise 400 naming the fields. The state never changes here."),
        parameters=[REQUEST_ID],
        request=RequestPatchInputSerializer,
        responses={200: RequestDetailSerializer, **COMMON_ERRORS, **RULE_ERRORS},
        tags=["requests"],
    )
    def patch(self, request, request_id: str):
        pk = path_id(request_id)
        # Whoever may not see the request learns nothing about it, whatever they send.
        access_request_by_id(user=request.user, request_id=pk)
        serializer = RequestPatchInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        changes = dict(serializer.validated_data)
        version = changes.pop("version")
        if not changes:
            raise InvalidInput({"non_field_errors": str(_("Send at least one field to "
                                                          "change."))})
        request_update(actor=request.user, request_id=pk, expected_version=version, **changes)
        return _detail_response(request, pk)


# Detail patterns take any segment (see ``path_id``): a future ``requests/<word>/`` endpoint of
# another module must come before this module in ``api/urls.py``.
urlpatterns = [
    path("requests/", RequestListCreateApi.as_view(), name="api-request-list"),
    re_path(r"^requests/(?P<request_id>[^/]+)/$", RequestDetailPatchApi.as_view(),
            name="api-request-detail"),
]
