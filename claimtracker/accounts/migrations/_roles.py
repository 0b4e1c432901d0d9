"""What the role migrations run: the groups with the permissions accounts.roles gives them."""

from django.contrib.auth.management import create_permissions

from claimtracker.accounts.roles import ensure_roles


def create_roles(apps, schema_editor):
    # Permissions are made after all migrations; make them now to give them out.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))
