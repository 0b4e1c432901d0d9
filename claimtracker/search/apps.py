from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Full-text search over claims: quotes, summaries, notes and speakers' names."""

    name = "claimtracker.search"
    verbose_name = "Search"

    def ready(self):
        from claimtracker.corpus import fulltext

        from .indexing import connect_signals
        from .queries import apply_search

        connect_signals()
        fulltext.install(apply_search)
