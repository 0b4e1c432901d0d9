"""Topics: a small tree stored as materialised paths, so "this topic and all
below it" is one indexed prefix query (`path__startswith`)."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Substr
from django.urls import reverse
from simple_history.models import HistoricalRecords


class TopicQuerySet(models.QuerySet):
    def subtree(self, topic):
        """The topic and all its descendants."""
        return self.filter(path__startswith=topic.path)


class Topic(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # "cybersecurity/data-security/": the slugs from the root, each followed by "/".
    path = models.CharField(max_length=1000, unique=True, editable=False)
    history = HistoricalRecords()

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "slug"], name="topic_slug_unique_among_siblings"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="topic_not_its_own_parent"),
        ]

    def __str__(self):
        return " › ".join(self.path_names)

    def save(self, *args, **kwargs):
        # The path is derived from the parent chain; moving or renaming a topic
        # rewrites the paths of its descendants in one statement.
        new_path = self.compute_path()
        old_path = None
        if self.pk:
            old_path = type(self).objects.filter(pk=self.pk).values_list("path", flat=True).first()
        self.path = new_path
        with transaction.atomic():
            super().save(*args, **kwargs)
            if old_path and old_path != new_path:
                type(self).objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                    path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
                )

    def get_absolute_url(self):
        return reverse("topic", args=[self.pk])

    @property
    def depth(self):
        return self.path.count("/") - 1

    @property
    def path_names(self):
        names, node = [], self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return list(reversed(names))

    def clean(self):
        if self.parent_id and self.pk and self.parent.path.startswith(self.path or "\0"):
            raise ValidationError({"parent": "A topic cannot be placed under itself or its descendants."})

    def compute_path(self):
        prefix = self.parent.path if self.parent_id else ""
        return f"{prefix}{self.slug}/"
