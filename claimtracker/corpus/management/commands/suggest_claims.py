"""Print the claim suggestions of documents as JSON lines (claimtracker.corpus.suggesting)."""

import json

from django.core.management.base import BaseCommand, CommandError

from claimtracker.corpus.models import Document
from claimtracker.corpus.suggesting import as_json, suggestions_for


class Command(BaseCommand):
    help = (
        "Print claim suggestions as JSON lines: document, start, end, quote, kind, figures "
        "(value, unit, qualifier, period), speaker (id, or name as written), metric (id or name), cue."
    )

    def add_arguments(self, parser):
        parser.add_argument("documents", nargs="*", type=int, help="Document ids (default: every document).")

    def handle(self, *args, documents, **options):
        found = Document.objects.order_by("pk")
        if documents:
            found = found.filter(pk__in=documents)
            missing = sorted(set(documents) - set(found.values_list("pk", flat=True)))
            if missing:
                raise CommandError(f"No document with id {', '.join(map(str, missing))}.")
        for document in found.iterator(chunk_size=100):
            for suggested in suggestions_for(document):
                self.stdout.write(json.dumps(as_json(document, suggested), ensure_ascii=False))
