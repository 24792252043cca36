"""`manage.py public_text_rebuild`: the public text of every processed document rebuilt from its raw pages (after an
upgrade of the pseudonymisation or the parser): masks, délibérations and passages read again, the clerks' decisions
kept, the embeddings recomputed by the worker."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from council.models import Document
from council.selectors import collectivite_unknown
from ingestion.review import documents_public_text_rebuild


class Command(BaseCommand):
    help = (
        "Reconstruit le texte public de chaque document traité à partir de ses pages brutes (masques, délibérations, "
        "passages ; les décisions des agents sont gardées, les embeddings recalculés par le worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--collectivite", help="nom exact de la collectivité (toutes par défaut)")

    def handle(self, *args, collectivite=None, **options):
        documents = Document.objects.order_by("pk")
        if collectivite:
            if error := collectivite_unknown(name=collectivite):
                raise CommandError(error)
            documents = documents.filter(collectivite__name=collectivite)
        chosen = list(documents)
        rebuilt = documents_public_text_rebuild(documents=chosen)
        self.stdout.write(f"{rebuilt} document(s) reconstruit(s) sur {len(chosen)}.")
