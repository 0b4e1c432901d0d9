from django.apps import AppConfig


class LinkingConfig(AppConfig):
    """Linking claims by hand, and the links the corpus suggests."""

    name = "claimtracker.linking"
    verbose_name = "Linking"
