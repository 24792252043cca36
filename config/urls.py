"""URL map of the portal: public pages, clerk pages, JSON API."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from config.security import LoginView

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("search.api_urls")),
    path("api/v1/", include("qa.api_urls")),
    path("api/v1/", include("council.api_urls")),
    path("connexion/", LoginView.as_view(), name="login"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("council.urls")),
    path("", include("privacy.urls")),
    path("recherche/", include("search.urls")),
    path("questions/", include("qa.urls")),
    path("greffe/", include("ingestion.urls")),
]

handler500 = "config.errors.server_error"
