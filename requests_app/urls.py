"""Web routes. Views are referenced by dotted path and imported on first use, so each area
(drafting, request pages, dashboard, feeds) lives in its own module under ``requests_app.views``.
"""

from functools import wraps

from django.urls import path
from django.utils.module_loading import import_string


def view(dotted: str):
    """A view imported on first call (module-level callables only)."""

    @wraps(lambda request, *args, **kwargs: None)
    def resolve(request, *args, **kwargs):
        return import_string(f"requests_app.views.{dotted}")(request, *args, **kwargs)

    return resolve


urlpatterns = [
    path("", view("home.home"), name="home"),
    # notifications inbox
    path("notifications/", view("notifications.notification_list"), name="notification_list"),
    path("notifications/<int:pk>/read/", view("notifications.notification_read"),
         name="notification_read"),
    path("notifications/read-all/", view("notifications.notification_read_all"),
         name="notification_read_all"),
    path("notifications/settings/", view("notifications.notification_settings"),
         name="notification_settings"),
    # what I must do next, and a request's owners
    path("my-work/", view("people.my_work"), name="my_work"),
    path("requests/<int:pk>/owners/", view("people.request_owner_change_view"),
         name="request_owner_change"),
    # drafting an outgoing request, attachments, letters
    path("requests/new/", view("drafting.request_create"), name="request_create"),
    path("requests/new/instrument/", view("drafting.instrument_for_state"),
         name="instrument_for_state"),
    path("requests/<int:pk>/edit/", view("drafting.request_edit"), name="request_edit"),
    path("requests/<int:pk>/edit/<slug:step>/", view("drafting.request_edit_step"),
         name="request_edit_step"),
    path("requests/<int:pk>/checklist/", view("drafting.request_checklist"),
         name="request_checklist"),
    path("requests/<int:pk>/persons/add/", view("drafting.person_add_view"), name="person_add"),
    path("requests/<int:pk>/attachments/", view("drafting.attachment_upload"),
         name="attachment_upload"),
    path("attachments/<int:pk>/", view("drafting.attachment_download"),
         name="attachment_download"),
    path("requests/<int:pk>/letter.pdf", view("drafting.letter_pdf"), name="letter_pdf"),
    path("requests/<int:pk>/letter.docx", view("drafting.letter_docx"), name="letter_docx"),
    path("requests/<int:pk>/duties/<int:duty_id>/notice.pdf", view("drafting.duty_letter_pdf"),
         name="duty_letter_pdf"),
    path("requests/<int:pk>/duties/<int:duty_id>/notice.docx",
         view("drafting.duty_letter_docx"), name="duty_letter_docx"),
    # request pages, inbox, registration, actions and records
    path("requests/", view("requests.request_list"), name="request_list"),
    path("requests/register/", view("requests.request_register"), name="request_register"),
    path("requests/<int:pk>/", view("requests.request_detail"), name="request_detail"),
    path("requests/<int:pk>/access-log/", view("requests.request_access_log"),
         name="request_access_log"),
    path("requests/<int:pk>/notes/", view("requests.request_note_add"), name="request_note_add"),
    path("requests/<int:pk>/references/", view("requests.request_references"),
         name="request_references"),
    path("requests/<int:pk>/actions/<slug:name>/", view("requests.request_action"),
         name="request_action"),
    path("requests/<int:pk>/deadlines/<int:deadline_id>/waive/",
         view("requests.deadline_waive_view"), name="deadline_waive"),
    path("requests/<int:pk>/records/<slug:kind>/", view("requests.request_record"),
         name="request_record"),
    path("requests/<int:pk>/correspondence/send/", view("correspondence.correspondence_send_view"),
         name="correspondence_send"),
    path("requests/<int:pk>/correspondence/received/",
         view("correspondence.correspondence_receive_view"), name="correspondence_receive"),
    # supervisor dashboard, exports and calendar feed
    # registers outside any request
    path("spontaneous-information/", view("registers.spontaneous_information_list"),
         name="spontaneous_information_list"),
    path("instruments/<slug:slug>/counterpart-notices/", view("registers.counterpart_notices"),
         name="counterpart_notices"),
    path("dashboard/", view("dashboard.dashboard"), name="dashboard"),
    path("dashboard/more/<slug:key>/", view("dashboard.dashboard_more"), name="dashboard_more"),
    path("dashboard/deadlines.csv", view("dashboard.deadlines_csv"), name="deadlines_csv"),
    path("calendar/", view("feeds.calendar_info"), name="calendar_info"),
    path("calendar/<str:token>.ics", view("feeds.calendar_feed"), name="calendar_feed"),
]
