from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include
from django.urls import path

from .auth_forms import BoundedAuthenticationForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("requests_app.api.urls")),
    path("accounts/login/",
         LoginView.as_view(authentication_form=BoundedAuthenticationForm), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("statistics/", include("statistics_app.urls")),
    path("", include("requests_app.urls")),
]

handler404 = "mla.views.not_found"
handler500 = "mla.views.server_error"
