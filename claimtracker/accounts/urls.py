"""Signing in and out, changing and resetting a password: Django's views, our pages."""

from django.urls import include, path

urlpatterns = [path("accounts/", include("django.contrib.auth.urls"))]
