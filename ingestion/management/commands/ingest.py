"""`manage.py ingest PATH…`: ingest PDF files and folders, print progress and a summary."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from ingestion.batch import files_ingest, manifest_read, source_files_collect
from search.services import passages_analyze


class Command(BaseCommand):
    help = "Ingère des PDF de procès-verbaux (fichiers ou dossiers, récursivement)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--collectivite", default="", help="Collectivité des fichiers (sauf --manifest)")
        parser.add_argument("--body", default="", help="Instance (défaut : conseil municipal)")
        parser.add_argument("--manifest", type=Path, help="CSV aux colonnes file, collectivite")
        parser.add_argument("--publish", action="store_true", help="Publie les documents ingérés avec succès")
        parser.add_argument(
            "--privacy-reviewed",
            metavar="QUI",
            default="",
            help="Corpus déjà relu hors du portail (évaluation, banc d'essai, démonstration) : déclare relue, au nom "
            "de QUI, la pseudonymisation des documents à relire, pour que --publish les publie. Jamais pour de "
            "nouveaux procès-verbaux : chacun doit être relu par un agent dans l'espace greffe.",
        )
        parser.add_argument("--eager", action="store_true", help="Traite dans ce processus, sans file d'attente")

    def handle(self, *args, **options):
        if migrations_pending():
            raise CommandError("La base de données n'est pas à jour : lancez d'abord « manage.py migrate ».")
        try:
            files = source_files_collect(paths=options["paths"])
            manifest = manifest_read(path=options["manifest"]) if options["manifest"] else None
        except (FileNotFoundError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{len(files)} fichiers PDF trouvés.")
        report = files_ingest(
            files=files,
            collectivite=options["collectivite"],
            body=options["body"],
            manifest=manifest,
            publish=options["publish"],
            privacy_reviewed_by=options["privacy_reviewed"],
            eager=options["eager"],
            on_progress=self.stdout.write,
        )
        if report.created:
            # Searches weigh words by the table's statistics: a bulk ingest changes them at once.
            passages_analyze()
        self.stdout.write(
            f"Terminé en {report.seconds:.1f} s : {report.ready} prêts ({report.pages} pages), "
            f"{report.created} nouveaux, {report.unchanged} inchangés, {len(report.failed)} en échec."
        )
        if report.declared_reviewed:
            self.stdout.write(
                f"ATTENTION : {report.declared_reviewed} document(s) à relire déclarés relus par "
                f"« {options['privacy_reviewed']} » sans relecture dans le portail."
            )
        for refusal in report.unpublished:
            self.stdout.write(f"Non publié : {refusal}")
        for path, reason in report.failed:
            self.stdout.write(f"  ÉCHEC {path} : {reason}")
        if report.failed:
            raise CommandError(f"{len(report.failed)} document(s) en échec.")


def migrations_pending() -> bool:
    """Some migration of the project is not applied to the database (a new database has no tables yet)."""
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
