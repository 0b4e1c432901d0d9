"""Figures: the shared metrics ("Internet users in China") and the data points claims state."""

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .claims import Claim


class Metric(models.Model):
    """A shared measure ("Internet users in China") that statistics report."""

    name = models.CharField(max_length=300, unique=True)
    unit = models.CharField(
        max_length=50, blank=True, help_text="The usual unit, e.g. people, percent, yuan."
    )
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            # "Internet users" and "internet users" are one metric: creating it twice
            # at once (two researchers, one new name) leaves one row.
            models.UniqueConstraint(
                Lower("name"),
                name="metric_name_unique_in_any_case",
                violation_error_message="A metric of this name already exists.",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("metric", args=[self.pk])


class Statistic(models.Model):
    """One data point stated by a claim; a claim may state several."""

    class Qualifier(models.TextChoices):
        EXACT = "exact", "exactly"
        ABOUT = "about", "about"
        MORE_THAN = "more_than", "more than"
        AT_LEAST = "at_least", "at least"
        UP_TO = "up_to", "up to"
        LESS_THAN = "less_than", "less than"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="statistics")
    metric = models.ForeignKey(Metric, on_delete=models.PROTECT, related_name="statistics")
    value = models.DecimalField(max_digits=30, decimal_places=6)
    unit = models.CharField(max_length=50, blank=True)
    qualifier = models.CharField(max_length=10, choices=Qualifier, default=Qualifier.EXACT)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    period_label = models.CharField(
        max_length=100, blank=True, help_text='As the text puts it: "2021", "this year", "since 2006".'
    )
    geography = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "period_start", "id"]
        indexes = [models.Index(fields=["metric", "period_start"], name="statistic_metric_period")]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="statistic_period_ordered",
                violation_error_message="A reference period cannot end before it starts.",
            )
        ]

    def __str__(self):
        qualifier = "" if self.qualifier == self.Qualifier.EXACT else f"{self.get_qualifier_display()} "
        period = f" ({self.period_label})" if self.period_label else ""
        return f"{self.metric}: {qualifier}{self.display_value} {self.unit}".rstrip() + period

    @property
    def display_value(self):
        """The value without trailing zeros, digits grouped: 1,030,000,000; 42.1."""
        return f"{self.value.normalize():,f}"
