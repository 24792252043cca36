"""`manage.py matieres_reread`: the ACTES matière of every délibération read again from its objet (after the
vocabulary or the thème model changed), a clerk's classing kept."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from council.models import Deliberation
from council.selectors import collectivite_unknown
from ingestion.services import deliberations_matieres_reread


class Command(BaseCommand):
    help = "Relit la matière ACTES de chaque délibération dans son objet (le classement d'un agent est gardé)."

    def add_arguments(self, parser):
        parser.add_argument("--collectivite", help="nom exact de la collectivité (toutes par défaut)")

    def handle(self, *args, collectivite=None, **options):
        deliberations = Deliberation.objects.order_by("pk")
        if collectivite:
            if error := collectivite_unknown(name=collectivite):
                raise CommandError(error)
            deliberations = deliberations.filter(document__collectivite__name=collectivite)
        chosen = list(deliberations)
        changed = deliberations_matieres_reread(deliberations=chosen)
        self.stdout.write(f"{changed} délibération(s) reclassée(s) sur {len(chosen)}.")
