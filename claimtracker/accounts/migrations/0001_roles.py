"""The groups viewer, researcher and editor with their permissions (accounts.roles)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from claimtracker.accounts.roles import ROLES, ensure_roles


def create_roles(apps, schema_editor):
    # Permissions are made after all migrations; make the corpus's now to give them out.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("corpus", "0002_versions_verdicts_dismissals"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
