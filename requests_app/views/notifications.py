"""The in-app inbox: the user's notifications (deadline and case events), newest first, with
mark-read actions; and the e-mail choices per kind (``notification_settings``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import clock
from ..forms.people import NotificationSettingsForm
from ..selectors.notifications import notifications_page
from ..services.notices import basis_text
from ..services.notices import notification_what
from ..services.notifications import notification_preferences
from ..services.notifications import notification_preferences_set
from ..services.sweep import notification_mark_read
from ..services.sweep import notifications_mark_all_read
from .keyset_pages import keyset_page_read
from .keyset_pages import keyset_page_render


@login_required
def notification_list(request):
    """Deadline events and case events together, newest first, each linked to its request; 50
    at a time with "Show more" (keyset pages: a page years deep in the inbox costs what the
    first costs, and nothing counts them all)."""
    page, context, status = keyset_page_read(
        request, lambda cursor: notifications_page(user=request.user, cursor=cursor))
    for notification in page.rows:
        notification.what = notification_what(notification)
        notification.basis = (basis_text(notification.event.deadline.basis)
                              if notification.event is not None else "")
    return keyset_page_render(request, context, status, more_target="notifications-more",
                              rows_template="requests_app/_notification_rows.html",
                              page_template="requests_app/notifications.html")


@login_required
@require_POST
def notification_read(request, pk: int):
    notification_mark_read(user=request.user, notification_id=pk, now=clock.now())
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = "notification_list"  # never redirect off site
    return redirect(target)


@login_required
@require_POST
def notification_read_all(request):
    notifications_mark_all_read(user=request.user, now=clock.now())
    return redirect("notification_list")


@login_required
def notification_settings(request):
    """Which kinds the user wants by e-mail as well as in the inbox."""
    current = notification_preferences(user=request.user)
    if request.method == "POST":
        form = NotificationSettingsForm(request.POST, current=current)
        if form.is_valid():
            notification_preferences_set(actor=request.user, email=form.choices())
            messages.success(request, _("Your e-mail settings are saved."))
            return redirect("notification_settings")
    else:
        form = NotificationSettingsForm(current=current)
    return render(request, "requests_app/notification_settings.html", {"form": form})
