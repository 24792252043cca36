"""Export every extracted délibération as SCDL 2.1.5 CSV, plain CSV or JSON Lines (stdout by default)."""

from __future__ import annotations

from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from council import exports, selectors

WRITERS = {"scdl": exports.scdl_lines, "csv": exports.csv_lines, "jsonl": exports.jsonl_lines}


class Command(BaseCommand):
    help = "Exporte les délibérations extraites (toutes par défaut, publiées ou non) en SCDL, CSV ou JSON Lines."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(WRITERS), default="scdl")
        parser.add_argument("--output", help="fichier à écrire (sortie standard par défaut)")
        parser.add_argument("--published-only", action="store_true", help="seulement les documents publiés")
        parser.add_argument(
            "--base-url", default="", help="adresse publique du portail, pour les liens (DELIB_URL en SCDL)"
        )
        parser.add_argument("--collectivite", default="", help="slug ou identifiant d'une collectivité")
        parser.add_argument("--date-from", default="", help="séances à partir de cette date (AAAA-MM-JJ)")
        parser.add_argument("--date-to", default="", help="séances jusqu'à cette date (AAAA-MM-JJ)")

    def handle(self, *args, **options):
        filters, errors = selectors.deliberation_filters_parse(
            {"collectivite": options["collectivite"], "date_from": options["date_from"], "date_to": options["date_to"]}
        )
        if errors:
            raise CommandError(" ".join(errors))
        deliberations = selectors.deliberations_for_export(filters=filters, published_only=options["published_only"])
        missing: Counter[str] = Counter()
        rows = 0

        def records():
            nonlocal rows
            for record in exports.deliberation_records(deliberations=deliberations, base_url=options["base_url"]):
                rows += 1
                if options["format"] == "scdl":
                    missing.update(exports.scdl_missing_required(exports.scdl_row(record)))
                yield record

        lines = WRITERS[options["format"]](records())
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as handle:
                handle.writelines(lines)
        else:
            for line in lines:
                self.stdout.write(line, ending="")
        self.stderr.write(f"{rows} délibération(s) exportée(s).")
        for name, count in sorted(missing.items()):
            self.stderr.write(f"Champ SCDL obligatoire laissé vide : {name} ({count} ligne(s)).")
