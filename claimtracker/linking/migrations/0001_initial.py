import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def trigram_extension(apps, schema_editor):
    """pg_trgm's similarity(), for "near-identical wording" (PostgreSQL only; a trusted extension)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("corpus", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Dismissal",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "relation",
                    models.CharField(
                        choices=[
                            ("repeats", "repeats"),
                            ("updates", "updates"),
                            ("contradicts", "contradicts"),
                            ("supports", "supports"),
                            ("elaborates", "elaborates"),
                            ("responds_to", "responds to"),
                            ("cites", "cites"),
                        ],
                        max_length=12,
                    ),
                ),
                ("dismissed_at", models.DateTimeField(auto_now_add=True)),
                (
                    "candidate",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="corpus.claim"
                    ),
                ),
                (
                    "claim",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="corpus.claim"
                    ),
                ),
                (
                    "dismissed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("claim", "candidate", "relation"), name="dismissal_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(trigram_extension, migrations.RunPython.noop),
    ]
