from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsAppConfig(AppConfig):
    name = "statistics_app"
    verbose_name = _("Statistics")
    default_auto_field = "django.db.models.BigAutoField"
