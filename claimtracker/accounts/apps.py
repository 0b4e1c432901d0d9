from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    """Signing in and out, passwords, and the roles of a research team."""

    default = True  # of the two configurations in this module, the one "claimtracker.accounts" names
    name = "claimtracker.accounts"
    verbose_name = "Accounts"


class TeamAdminConfig(admin_apps.AdminConfig):
    """Django's admin, open to researchers and editors as well as staff."""

    default = False
    default_site = "claimtracker.accounts.admin_site.TeamAdminSite"
