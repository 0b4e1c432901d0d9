"""Settings for the test suite: production settings over plain HTTP, a throwaway secret, fast hashing."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")

from claimtracker.settings import *  # noqa: E402,F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not SQLite's shared in-memory database: there, concurrent writers fail at
    # once ("table is locked") instead of waiting, and the tests of several clients at
    # once must see SQLite as a deployment does.
    # TEST_SQLITE_NAME lets two test runs share a checkout.
    name = os.environ.get("TEST_SQLITE_NAME") or str(BASE_DIR / "test-db.sqlite3")  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": name}  # noqa: F405

# Sign-in throttling counts failures per request; the tests that sign in directly
# (Client.login, without a request) turn it on where they test it.
AXES_ENABLED = False
# Rate limits are tested where they are meant; elsewhere they would make tests depend on speed.
RATE_LIMITS = False
# The pages are tested as a public site unless a test says otherwise.
PUBLIC_READING = True
# Imports fetch from the tests' own local server, never the internet.
IMPORT_ALLOW_LOOPBACK = True
