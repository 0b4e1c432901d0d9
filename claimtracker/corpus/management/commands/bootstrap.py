"""`manage.py bootstrap`: seed an empty database and, in development only, make sure a demo login exists."""

from django.conf import settings
from django.core.management.base import BaseCommand

from claimtracker.corpus import seeding


class Command(BaseCommand):
    help = "Load the seed corpus into an empty database and create (or report) the demo login."

    def add_arguments(self, parser):
        parser.add_argument("--no-demo-user", action="store_true", help="Do not create the demo login.")

    def handle(self, *args, no_demo_user=False, **options):
        if seeding.load_seed_if_empty():
            self.stdout.write(self.style.SUCCESS("Loaded the seed corpus (fixtures/seed.json)."))
        else:
            self.stdout.write("The database already holds documents: left as it is.")
        if no_demo_user:
            return
        if not settings.DEBUG:
            # A known password on a real site is an open door: production accounts are made by staff.
            self.stdout.write(
                "No demo login outside development (DEBUG): create accounts with createsuperuser."
            )
            return
        username, password = seeding.ensure_demo_login()
        if password:
            self.stdout.write(self.style.SUCCESS(f"Demo login created: {username} / {password}"))
        else:
            self.stdout.write(f"Demo login: {username} (exists; its password is unchanged).")
