"""First-run set-up: the seed corpus for an empty database, and a demo login."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

from .models import Document
from .services.documents import sign_unsigned

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-password"


def load_seed_if_empty():
    """Load fixtures/seed.json unless documents exist (researchers' edits are never overwritten)."""
    if Document.objects.exists():
        return False
    call_command("loaddata", "seed", verbosity=0)
    sign_unsigned()  # loaddata writes rows as they are: the signatures are derived here
    return True


def ensure_demo_login():
    """Create the demo superuser if missing; return (username, password or None if it already existed)."""
    users = get_user_model().objects
    if users.filter(username=DEMO_USERNAME).exists():
        return DEMO_USERNAME, None
    users.create_superuser(DEMO_USERNAME, "demo@example.org", DEMO_PASSWORD)
    return DEMO_USERNAME, DEMO_PASSWORD
