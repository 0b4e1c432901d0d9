from django.urls import path

from . import views

urlpatterns = [
    path("documents/<id:pk>/", views.document_reader, name="document"),
    path("documents/<id:pk>/claims/", views.claim_create, name="reader-claim-create"),
    path("documents/<id:pk>/suggestions/accept/", views.suggestion_accept, name="reader-suggestion-accept"),
    path(
        "documents/<id:pk>/suggestions/dismiss/", views.suggestion_dismiss, name="reader-suggestion-dismiss"
    ),
    path("claims/<id:pk>/card/", views.claim_card, name="reader-claim-card"),
    path("claims/<id:pk>/update/", views.claim_update, name="reader-claim-update"),
    path("claims/<id:pk>/delete/", views.claim_delete, name="reader-claim-delete"),
    path("claims/<id:pk>/notes/", views.claim_note, name="reader-claim-note"),
    path("claims/<id:pk>/status/", views.claim_status, name="reader-claim-status"),
    path("reader/speakers/", views.speaker_lookup, name="reader-speakers"),
    path("reader/speakers/<id:pk>/roles/", views.speaker_roles, name="reader-speaker-roles"),
    path("reader/metrics/", views.metric_lookup, name="reader-metrics"),
    path("reader/figures/", views.figures_in, name="reader-figures"),
]
