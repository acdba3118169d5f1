from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from ..roles import Role
from ..roles import user_roles


@login_required
def home(request):
    """Supervisors land on the deadline dashboard, everyone else on their requests."""
    if user_roles(request.user) & {Role.SUPERVISOR, Role.ADMIN}:
        return redirect("dashboard")
    return redirect("request_list")
