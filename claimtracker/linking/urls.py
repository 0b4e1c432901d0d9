from django.urls import path

from . import views

urlpatterns = [
    path("claims/<id:pk>/links/", views.link_create, name="claim-link-create"),
    path("claims/lookup/", views.claim_lookup, name="claim-lookup"),
    path("claims/<id:pk>/suggestions/", views.claim_suggestions, name="claim-suggestions"),
    path("claims/<id:pk>/suggestions/accept/", views.suggestion_accept, name="claim-suggestion-accept"),
    path("claims/<id:pk>/suggestions/dismiss/", views.suggestion_dismiss, name="claim-suggestion-dismiss"),
]
