from django.urls import path

from . import views

urlpatterns = [
    path("claims/export/", views.claims_export, name="claims-export"),
    path("claims/<id:pk>/cite/", views.claim_citation, name="claim-cite"),
]
