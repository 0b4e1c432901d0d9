from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Full-text search over claims: quotes, summaries, notes and speakers' names."""

    name = "claimtracker.search"
    verbose_name = "Search"

    def ready(self):
        from .indexing import connect_signals

        connect_signals()
