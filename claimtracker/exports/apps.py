from django.apps import AppConfig


class ExportsConfig(AppConfig):
    """Claims as citations and as data: BibTeX, RIS, CSL-JSON, CSV, JSON, …"""

    name = "claimtracker.exports"
    verbose_name = "Exports"
