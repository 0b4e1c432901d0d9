from django.urls import path

from claimtracker.exports.views import claim_citation, claims_export

from . import views

urlpatterns = [
    path("claims/", views.claim_list, name="claim-list"),
    path("claims/export/", claims_export, name="claims-export"),
    path("claims/<int:pk>/cite/", claim_citation, name="claim-cite"),
    path("documents/", views.document_list, name="document-list"),
    path("speakers/", views.speaker_list, name="speaker-list"),
]
