"""The table of the default cache (settings.CACHES): the corpus's totals, facets and
citations are cached there under a version every write changes, shared by all workers.
Made here so that `migrate` alone prepares a database, whatever runs it."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("corpus", "0002_versions_verdicts_dismissals")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
