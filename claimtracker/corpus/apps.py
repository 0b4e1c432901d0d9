from django.apps import AppConfig


class CorpusConfig(AppConfig):
    """The domain: who said what, where, and how claims relate."""

    name = "claimtracker.corpus"
    verbose_name = "Corpus"

    def ready(self):
        from .changes import connect_signals

        connect_signals(self)
