"""`manage.py officials_reread`: the officials every document's lists name, read again from its stored pages (for
documents ingested before they were stored), so that pseudonymisation knows the members of each body."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from council.models import Document
from ingestion.services import documents_officials_reread


class Command(BaseCommand):
    help = "Relit les élus que nomment les listes de chaque document (présents, signataires, rapporteurs, votants)."

    def handle(self, *args, **options):
        documents = Document.objects.order_by("pk").only("pk")
        read = documents_officials_reread(documents=documents)
        self.stdout.write(f"{read} document(s) relu(s) sur {documents.count()}.")
