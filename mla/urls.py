from django.contrib import admin
from django.urls import include
from django.urls import path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("requests_app.api.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("requests_app.urls")),
]

handler404 = "mla.views.not_found"
handler500 = "mla.views.server_error"
