"""Dismissal moves to the domain app (corpus); its table stays as it is."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("linking", "0001_initial"),
        ("corpus", "0002_versions_verdicts_dismissals"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Dismissal")]),
    ]
