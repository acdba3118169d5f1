"""API: the caller's notification inbox (deadline and case events) and e-mail choices.

    GET  /api/notifications/?unread=true|false   own notifications, newest first, 50 a page
                                                  (keyset pages: ``next``) + unread_count
    GET  /api/notifications/unread-count/         the badge figure alone
    POST /api/notifications/{id}/read/            mark one read (another user's id: 404)
    POST /api/notifications/read-all/             mark all read
    GET  /api/notifications/preferences/          your e-mail choice per kind
    PUT  /api/notifications/preferences/          set it (kinds left out keep their choice)

Only the caller's own notifications exist here: another user's id answers 404 like a missing one.
Marking read goes through the inbox functions of ``requests_app.services.sweep``.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import path
from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import clock
from ..models import DeadlineStatus
from ..models import Notification
from ..models import NotificationKind
from ..selectors.keyset import CURSOR_PARAMETER
from ..selectors.notifications import notifications_page
from ..services.notices import basis_text
from ..services.notices import notification_what
from ..services.notifications import notification_preferences
from ..services.notifications import notification_preferences_set
from ..services.sweep import notification_mark_read
from ..services.sweep import notifications_mark_all_read
from ..services.sweep import notifications_unread_count
from .fields import StrictBooleanField
from .fields import StrictSerializer
from .fields import enum_field
from .fields import parse_id
from .fields import reject_unknown
from .parsers import JSONParser
from .requests import next_page_url
from .schemas import COMMON_ERRORS
from .schemas import DeadlineDutySerializer
from .schemas import RequestRefSerializer


def _own(user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user)


def _own_or_404(user, raw_id) -> Notification:
    notification_id = parse_id(raw_id)
    notification = (_own(user).filter(pk=notification_id).first()
                    if notification_id is not None else None)
    if notification is None:
        raise NotFound()
    return notification


# --- output ---------------------------------------------------------------------------------------
class NotificationRequestSerializer(RequestRefSerializer):
    class Meta:
        ref_name = "NotificationRequest"


class NotificationDeadlineSerializer(DeadlineDutySerializer):
    due_at = serializers.DateTimeField(help_text=_("Due time the notification was about."))
    status = serializers.ChoiceField(choices=DeadlineStatus.choices,
                                     help_text=_("The deadline's status now."))

    class Meta:
        ref_name = "NotificationDeadline"


NotificationKindField = enum_field("NotificationKindEnum", NotificationKind.choices)


class NotificationActorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    name = serializers.CharField()

    class Meta:
        ref_name = "NotificationActor"


class NotificationOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)
    unread = serializers.BooleanField()
    kind = NotificationKindField(help_text=_(
        "A deadline event (reminder, missed, escalated, took_effect) or a case event "
        "(submitted, returned, approved, assigned, reply_received)."))
    kind_label = serializers.CharField()
    threshold = serializers.CharField(allow_blank=True, help_text=_(
        "Deadline events: reminder:<hours>h, missed, escalated or took_effect; empty for case "
        "events."))
    what = serializers.CharField(help_text=_("What happened, in words."))
    text = serializers.CharField(allow_blank=True, help_text=_(
        "A case event's words: the reason a draft was returned, why an owner was named."))
    actor = NotificationActorSerializer(allow_null=True, help_text=_(
        "Who caused a case event; null for deadline events."))
    instrument = serializers.CharField(help_text=_("Instrument slug."))
    request = NotificationRequestSerializer(allow_null=True, help_text=_(
        "Null for a duty of the instrument itself."))
    deadline = NotificationDeadlineSerializer(allow_null=True, help_text=_(
        "The deadline of a deadline event; null for case events."))

    class Meta:
        ref_name = "NotificationOut"


# What every inbox read joins, so that a page is a constant number of queries.
NOTIFICATION_RELATIONS = ("request__instrument", "actor", "event__deadline__request",
                          "event__deadline__instrument")


def notification_out(notification: Notification) -> dict:
    event = notification.event
    deadline = event.deadline if event is not None else None
    request = notification.request
    actor = notification.actor
    if deadline is not None:
        instrument = deadline.instrument.slug
        request = deadline.request
    else:
        instrument = request.instrument.slug if request is not None else ""
    return {
        "id": notification.pk,
        "created_at": notification.created_at,
        "read_at": notification.read_at,
        "unread": notification.read_at is None,
        "kind": notification.kind,
        "kind_label": str(NotificationKind(notification.kind).label),
        "threshold": event.threshold if event is not None else "",
        "what": str(notification_what(notification)),
        "text": notification.text,
        "actor": ({"id": actor.pk, "username": actor.get_username(),
                   "name": actor.get_full_name() or actor.get_username()}
                  if actor is not None else None),
        "instrument": instrument,
        "request": ({"id": request.pk, "reference": request.reference}
                    if request is not None else None),
        "deadline": ({"id": deadline.pk, "kind": deadline.kind,
                      "duty_label": deadline.duty_label, "due_at": event.due_at,
                      "citation": deadline.citation, "basis": deadline.basis,
                      "basis_label": str(basis_text(deadline.basis)), "status": deadline.status}
                     if deadline is not None and event is not None else None),
    }


class UnreadCountSerializer(serializers.Serializer):
    unread_count = serializers.IntegerField()

    class Meta:
        ref_name = "NotificationUnreadCount"


class NotificationPageSerializer(serializers.Serializer):
    """One page of the inbox and the link to the next."""

    next = serializers.URLField(allow_null=True, help_text=_(
        "The next page (with its cursor); null on the last."))
    unread_count = serializers.IntegerField(help_text=_("All your unread notifications, whatever "
                                                        "the filter."))
    results = NotificationOutSerializer(many=True)

    class Meta:
        ref_name = "NotificationPage"


# --- list -----------------------------------------------------------------------------------------
class NotificationListApi(APIView):
    class FilterSerializer(serializers.Serializer):
        unread = serializers.ChoiceField(choices=["true", "false"], required=False, help_text=_(
            "true: only unread; false: only read; absent: all."))

        class Meta:
            ref_name = "NotificationFilter"

    @extend_schema(
        operation_id="notifications_list",
        summary="Your notifications",
        description=("Your own notifications, newest first, 50 a page, with your unread count. "
                     "Pages are keyset pages: follow ``next`` (its ``cursor``, which keeps the "
                     "filter); there is no page number and no total."),
        parameters=[FilterSerializer, OpenApiParameter(
            CURSOR_PARAMETER, OpenApiTypes.STR, description=_(
                "Where the page starts: the cursor in the previous page's ``next``."))],
        responses={200: NotificationPageSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401]},
        tags=["notifications"],
    )
    def get(self, request):
        reject_unknown(request.query_params, {"unread", CURSOR_PARAMETER, "format"})
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        unread = filters.validated_data.get("unread")
        page = notifications_page(user=request.user,
                                  cursor=request.query_params.get(CURSOR_PARAMETER) or None,
                                  unread=None if unread is None else unread == "true",
                                  related=NOTIFICATION_RELATIONS)
        return Response({
            "next": next_page_url(request, page.next_cursor),
            "unread_count": notifications_unread_count(user=request.user),
            "results": NotificationOutSerializer([notification_out(n) for n in page.rows],
                                                 many=True).data})


class NotificationUnreadCountApi(APIView):
    @extend_schema(
        operation_id="notifications_unread_count",
        summary="How many of your notifications are unread",
        responses={200: UnreadCountSerializer, 401: COMMON_ERRORS[401]},
        tags=["notifications"],
    )
    def get(self, request):
        return Response({"unread_count": notifications_unread_count(user=request.user)})


# --- marking read ---------------------------------------------------------------------------------
class NotificationReadApi(APIView):
    @extend_schema(
        operation_id="notifications_mark_read",
        summary="Mark one of your notifications read",
        description="Idempotent: a notification already read keeps its read time. Another "
                    "user's notification answers 404, like a missing one.",
        parameters=[OpenApiParameter("notification_id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        request=None,
        responses={200: NotificationOutSerializer, 401: COMMON_ERRORS[401],
                   404: COMMON_ERRORS[404]},
        tags=["notifications"],
    )
    def post(self, request, notification_id):
        notification = _own_or_404(request.user, notification_id)
        notification_mark_read(user=request.user, notification_id=notification.pk,
                               now=clock.now())
        fresh = _own(request.user).select_related(*NOTIFICATION_RELATIONS).get(
            pk=notification.pk)
        return Response(NotificationOutSerializer(notification_out(fresh)).data)


class NotificationReadAllApi(APIView):
    class OutputSerializer(serializers.Serializer):
        marked = serializers.IntegerField(help_text=_("How many were unread and are now read."))
        unread_count = serializers.IntegerField()

        class Meta:
            ref_name = "NotificationReadAllResult"

    @extend_schema(
        operation_id="notifications_mark_all_read",
        summary="Mark all your notifications read",
        request=None,
        responses={200: OutputSerializer, 401: COMMON_ERRORS[401]},
        tags=["notifications"],
    )
    def post(self, request):
        marked = notifications_mark_all_read(user=request.user, now=clock.now())
        return Response({"marked": marked,
                         "unread_count": notifications_unread_count(user=request.user)})


# --- e-mail choices per kind ---------------------------------------------------------------------
class PreferenceSerializer(serializers.Serializer):
    kind = NotificationKindField()
    label = serializers.CharField()
    email = serializers.BooleanField(help_text=_(
        "true: e-mailed as well as shown in the inbox (the default); false: inbox only."))

    class Meta:
        ref_name = "NotificationPreference"


class PreferencesSerializer(serializers.Serializer):
    preferences = PreferenceSerializer(many=True)

    class Meta:
        ref_name = "NotificationPreferences"


def _preferences_out(choices) -> dict:
    return {"preferences": [{"kind": kind.value, "label": str(kind.label), "email": email}
                            for kind, email in choices.items()]}


class PreferencesInputSerializer(StrictSerializer):
    email = serializers.DictField(child=StrictBooleanField(), help_text=_(
        "Kind → true (e-mail too) or false (inbox only); kinds left out keep their choice."))

    class Meta:
        ref_name = "NotificationPreferencesInput"


class NotificationPreferencesApi(APIView):
    parser_classes = [JSONParser]

    @extend_schema(
        operation_id="notifications_preferences_retrieve",
        summary="Your e-mail choice per kind of notification",
        responses={200: PreferencesSerializer, 401: COMMON_ERRORS[401]},
        tags=["notifications"],
    )
    def get(self, request):
        return Response(PreferencesSerializer(
            _preferences_out(notification_preferences(user=request.user))).data)

    @extend_schema(
        operation_id="notifications_preferences_update",
        summary="Set your e-mail choice per kind of notification",
        description=("Every notification is in the inbox; these choose which kinds are also "
                     "e-mailed. Kinds not sent keep their choice; an unknown kind is 400."),
        request=PreferencesInputSerializer,
        responses={200: PreferencesSerializer, 400: COMMON_ERRORS[400],
                   401: COMMON_ERRORS[401]},
        tags=["notifications"],
    )
    def put(self, request):
        serializer = PreferencesInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        choices = notification_preferences_set(actor=request.user,
                                               email=serializer.validated_data["email"])
        return Response(PreferencesSerializer(_preferences_out(choices)).data)


urlpatterns = [
    path("notifications/preferences/", NotificationPreferencesApi.as_view(),
         name="api-notification-preferences"),
    path("notifications/", NotificationListApi.as_view(), name="api-notifications"),
    path("notifications/unread-count/", NotificationUnreadCountApi.as_view(),
         name="api-notifications-unread-count"),
    path("notifications/read-all/", NotificationReadAllApi.as_view(),
         name="api-notifications-read-all"),
    re_path(r"^notifications/(?P<notification_id>[^/]+)/read/$", NotificationReadApi.as_view(),
            name="api-notification-read"),
]
