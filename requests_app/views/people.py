"""People pages: "My work" (what the signed-in user must do next) and the owner change posted
from a request's Owners block. Reads come from ``selectors.people``, the change from
``services.owners``; nothing here decides who owns what."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import clock
from ..exceptions import RequestNotFound
from ..forms.people import OwnerChangeForm
from ..selectors import requests as request_selectors
from ..selectors.people import my_work_page
from ..services.owners import request_owner_change
from ..workflow.owners import STAGE_LABELS
from ..workflow.owners import WorkStage
from .errors import INVALID_FORM_STATUS
from .errors import service_call
from .keyset_pages import keyset_page_read
from .keyset_pages import keyset_page_render
from .request_page import counterpart
from .request_page import detail_context


@login_required
def my_work(request):
    """The open requests I must act on next, soonest due first, 50 at a time with "Show more"
    (keyset pages: a page deep in the list costs what the first costs)."""
    now = clock.now()
    page, context, status = keyset_page_read(
        request, lambda cursor: my_work_page(user=request.user, now=now, cursor=cursor))
    for row in page.rows:
        row.stage_label = STAGE_LABELS[WorkStage(row.work_stage)]
        row.counterpart = counterpart(row)
    context["now"] = now
    return keyset_page_render(request, context, status, more_target="my-work-more",
                              rows_template="requests_app/_my_work_rows.html",
                              page_template="requests_app/my_work.html")


@login_required
@require_POST
def request_owner_change_view(request, pk: int):
    """POST from the Owners block: change one stage's owner with a reason and the version the
    page showed; the page again with the errors by the fields when the service refuses."""
    try:
        obj = request_selectors.request_detail(user=request.user, request_id=pk)
    except RequestNotFound:
        raise Http404(_("No such request.")) from None
    form = OwnerChangeForm(request.POST, request_obj=obj)
    status, errors = INVALID_FORM_STATUS, []
    if form.is_valid():
        with service_call(form) as call:
            request_owner_change(actor=request.user, request_id=obj.pk,
                                 stage=form.cleaned_data["stage"],
                                 user_id=form.cleaned_user_id(),
                                 reason=form.cleaned_data["reason"],
                                 expected_version=form.cleaned_data["version"])
        if not call.failed:
            messages.success(request, _("Owner changed."))
            return redirect(reverse("request_detail", args=[obj.pk]) + "#owners")
        status, errors = call.status, list(call.messages)
    errors += [str(e) for e in form.non_field_errors()]
    errors += [str(e) for e in form["version"].errors]
    return render(request, "requests_app/requests/detail.html",
                  detail_context(request, obj, owner_form=form, errors=errors), status=status)
