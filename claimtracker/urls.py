"""URL configuration: the admin, accounts, the public pages, and the error answers."""

from django.contrib import admin
from django.urls import include, path, register_converter

from claimtracker.http.converters import IdConverter
from claimtracker.http.health import healthz

# Before the apps' URLs are read: they name record ids in paths as <id:pk>.
register_converter(IdConverter, "id")

handler500 = "claimtracker.http.errors.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("claimtracker.accounts.urls")),
    path("", include("claimtracker.importing.urls")),  # before the reader's documents/<id>/
    path("", include("claimtracker.reader.urls")),
    path("", include("claimtracker.lists.urls")),
    path("", include("claimtracker.exports.urls")),
    path("", include("claimtracker.linking.urls")),
    path("", include("claimtracker.metrics.urls")),
    path("", include("claimtracker.web.urls")),
]
