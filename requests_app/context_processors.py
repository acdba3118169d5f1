"""Navigation context for every page: the user's roles and unread notifications (one query)."""

from .roles import Role
from .roles import user_roles


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .services.sweep import notifications_unread_count

    roles = user_roles(user)
    return {
        "nav_roles": {role.name.lower() for role in roles},
        "is_prosecutor": Role.PROSECUTOR in roles,
        "is_clerk": Role.CLERK in roles,
        "is_supervisor": bool(roles & {Role.SUPERVISOR, Role.ADMIN}),
        "unread_notifications": notifications_unread_count(user=user),
    }
