from django.apps import AppConfig


class ReaderConfig(AppConfig):
    name = "claimtracker.reader"
    verbose_name = "Reader"
