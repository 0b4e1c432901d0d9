from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("claims/<int:pk>/", views.claim_detail, name="claim"),
]
