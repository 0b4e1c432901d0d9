from django.apps import AppConfig


class BackupsConfig(AppConfig):
    """`manage.py backup FILE` and `manage.py restore FILE`: every table, history included."""

    name = "claimtracker.backups"
    verbose_name = "Backups"
