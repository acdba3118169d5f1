from django.urls import re_path

from . import views

urlpatterns = [
    re_path(r"^$", views.statistics_page, name="statistics"),
    re_path(r"^requests/$", views.statistics_requests, name="statistics_requests"),
    re_path(r"^export\.(?P<fmt>xlsx|csv|pdf)$", views.statistics_export,
            name="statistics_export"),
]
