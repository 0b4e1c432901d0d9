"""The groups viewer, researcher and editor with their permissions (accounts.roles)."""

from django.db import migrations

from claimtracker.accounts.migrations._roles import create_roles
from claimtracker.accounts.roles import ROLES


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("corpus", "0002_versions_verdicts_dismissals"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
