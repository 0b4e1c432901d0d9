from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """The benchmark harness and `manage.py bench`."""

    name = "claimtracker.benchmarks"
    verbose_name = "Benchmarks"
