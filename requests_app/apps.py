from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RequestsAppConfig(AppConfig):
    name = "requests_app"
    verbose_name = _("Requests")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the receiver that revokes API tokens on a password change.
        from . import text_bounds
        from .api import tokens  # noqa: F401

        text_bounds.connect()
