from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TreatiesConfig(AppConfig):
    name = "treaties"
    verbose_name = _("Treaties")
    default_auto_field = "django.db.models.BigAutoField"
