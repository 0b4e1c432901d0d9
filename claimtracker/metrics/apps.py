from django.apps import AppConfig


class MetricsConfig(AppConfig):
    """A metric's data points across documents: a chart over time, a table, a CSV."""

    name = "claimtracker.metrics"
    verbose_name = "Metric pages"
