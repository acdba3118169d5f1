"""The in-app inbox: the user's notifications, newest first, with mark-read actions."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .. import clock
from ..models import Notification
from ..services.notices import basis_text
from ..services.notices import threshold_text
from ..services.sweep import notification_mark_read
from ..services.sweep import notifications_mark_all_read


@login_required
def notification_list(request):
    qs = (Notification.objects.filter(recipient=request.user)
          .select_related("event__deadline__request", "event__deadline__instrument")
          .order_by("-created_at", "-id"))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    for notification in page:
        notification.what = threshold_text(notification.event.threshold)
        notification.basis = basis_text(notification.event.deadline.basis)
    return render(request, "requests_app/notifications.html", {"page": page})


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
