from django.apps import AppConfig


class WebConfig(AppConfig):
    """The public pages: home, documents, claims."""

    name = "claimtracker.web"
    verbose_name = "Pages"
