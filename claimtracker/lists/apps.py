from django.apps import AppConfig


class ListsConfig(AppConfig):
    name = "claimtracker.lists"
    verbose_name = "Lists"
