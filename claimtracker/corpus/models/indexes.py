"""Index helpers that behave the same on PostgreSQL and SQLite."""

from django.db import models
from django.db.models import F


class NewestFirstIndex(models.Index):
    """An index for lists sorted newest first with undated rows last:
    (leading fields…, <date> DESC NULLS LAST, id DESC).

    PostgreSQL needs NULLS LAST in the index to serve that ORDER BY from it;
    SQLite already sorts NULLs last when descending and rejects the clause
    in an index, so there the index is built with plain DESC.
    """

    def __init__(self, *, leading=(), date_field, name):
        self.leading, self.date_field = tuple(leading), date_field
        super().__init__(
            *[F(field) for field in leading],
            F(date_field).desc(nulls_last=True),
            F("id").desc(),
            name=name,
        )

    def deconstruct(self):
        path, _, kwargs = super().deconstruct()
        return path, (), {"leading": self.leading, "date_field": self.date_field, "name": self.name}

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor == "sqlite":
            plain = models.Index(
                *[F(field) for field in self.leading],
                F(self.date_field).desc(),
                F("id").desc(),
                name=self.name,
            )
            return plain.create_sql(model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)
