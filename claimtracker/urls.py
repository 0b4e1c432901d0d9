"""URL configuration: the admin and the public pages."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Claimtracker administration"
admin.site.site_title = "Claimtracker"
admin.site.index_title = "Curate the corpus"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("claimtracker.reader.urls")),
    path("", include("claimtracker.lists.urls")),
    path("", include("claimtracker.exports.urls")),
    path("", include("claimtracker.linking.urls")),
    path("", include("claimtracker.metrics.urls")),
    path("", include("claimtracker.web.urls")),
]
