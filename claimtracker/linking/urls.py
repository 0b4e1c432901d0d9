from django.urls import path

from . import views

urlpatterns = [
    path("claims/<int:pk>/links/", views.link_create, name="claim-link-create"),
    path("claims/lookup/", views.claim_lookup, name="claim-lookup"),
    path("claims/<int:pk>/suggestions/", views.claim_suggestions, name="claim-suggestions"),
    path("claims/<int:pk>/suggestions/accept/", views.suggestion_accept, name="claim-suggestion-accept"),
    path("claims/<int:pk>/suggestions/dismiss/", views.suggestion_dismiss, name="claim-suggestion-dismiss"),
]
