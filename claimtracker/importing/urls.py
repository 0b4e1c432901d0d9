from django.urls import path

from . import views

urlpatterns = [
    path("documents/new/", views.document_new, name="document-new"),
    path("snapshots/<id:pk>/", views.snapshot_download, name="snapshot-download"),
]
