from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("claims/<id:pk>/", views.claim_detail, name="claim"),
    path("claims/attention/", views.claims_needing_attention, name="claims-attention"),
    path("speakers/<id:pk>/", views.speaker_detail, name="speaker"),
    path("organisations/<id:pk>/", views.organisation_detail, name="organisation"),
    path("topics/<id:pk>/", views.topic_detail, name="topic"),
    path("publishers/<id:pk>/", views.publisher_detail, name="publisher"),
]
