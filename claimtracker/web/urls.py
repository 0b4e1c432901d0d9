from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("claims/<int:pk>/", views.claim_detail, name="claim"),
    path("claims/attention/", views.claims_needing_attention, name="claims-attention"),
    path("speakers/<int:pk>/", views.speaker_detail, name="speaker"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation"),
    path("topics/<int:pk>/", views.topic_detail, name="topic"),
    path("publishers/<int:pk>/", views.publisher_detail, name="publisher"),
]
