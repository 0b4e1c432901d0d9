from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("claims/<int:pk>/", views.claim_detail, name="claim"),
    path("claims/attention/", views.claims_needing_attention, name="claims-attention"),
]
