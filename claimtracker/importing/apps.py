from django.apps import AppConfig


class ImportingConfig(AppConfig):
    """Documents coming in: pasted, uploaded, fetched from a URL or imported in bulk."""

    name = "claimtracker.importing"
    verbose_name = "Importing"
