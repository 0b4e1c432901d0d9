"""The roles again, now that dismissed claim suggestions have permissions (accounts.roles)."""

from django.db import migrations

from claimtracker.accounts.migrations import _roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_roles"),
        ("corpus", "0007_dismissed_suggestions"),
    ]

    operations = [migrations.RunPython(_roles.create_roles, migrations.RunPython.noop)]
