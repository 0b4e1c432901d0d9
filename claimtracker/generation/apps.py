from django.apps import AppConfig


class GenerationConfig(AppConfig):
    """The large-corpus generator and `manage.py generate_corpus`."""

    name = "claimtracker.generation"
    verbose_name = "Generated corpora"
