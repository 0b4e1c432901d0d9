from django.urls import path

from . import views

urlpatterns = [
    path("claims/", views.claim_list, name="claim-list"),
    path("documents/", views.document_list, name="document-list"),
    path("speakers/", views.speaker_list, name="speaker-list"),
]
