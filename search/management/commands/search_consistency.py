"""`manage.py search_consistency`: does the search engine hold what PostgreSQL publishes? Exits 1 on a difference."""

import sys

from django.core.management.base import BaseCommand, CommandError

from config.faults import ServiceUnavailable
from search.selectors import search_consistency_check

SHOWN = 20


class Command(BaseCommand):
    help = (
        "Compare les passages publiés dans PostgreSQL et l'index du moteur de recherche : nombres, et un échantillon "
        "de passages (présents des deux côtés, titre et texte identiques). Code de sortie 1 à la moindre différence."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sample", type=int, default=500, metavar="N",
            help="passages tirés au hasard de chaque côté et comparés (500 par défaut)",
        )

    def handle(self, *args, **options):
        try:
            report = search_consistency_check(sample=max(1, options["sample"]))
        except ServiceUnavailable as error:
            raise CommandError(str(error)) from error
        if report is None:
            self.stdout.write("Le moteur configuré est PostgreSQL : il n'y a pas de copie séparée à comparer.")
            return
        write = self.stdout.write
        write(f"Passages publiés dans PostgreSQL : {report.database_count}")
        write(f"Passages dans le moteur de recherche : {report.engine_count}")
        write(f"Échantillon comparé : {report.sampled} passages")
        for ids, label in (
            (report.missing, "publiés mais absents du moteur"),
            (report.extra, "dans le moteur mais non publiés ou supprimés dans PostgreSQL"),
            (report.different, "dont le titre ou le texte diffère"),
        ):
            if ids:
                shown = ", ".join(str(pk) for pk in ids[:SHOWN]) + (" …" if len(ids) > SHOWN else "")
                write(f"{len(ids)} passage(s) {label} : {shown}")
        if report.consistent:
            write(self.style.SUCCESS("Cohérent : le moteur contient les passages publiés de PostgreSQL."))
            return
        if report.database_count != report.engine_count:
            write(f"Les nombres diffèrent de {report.engine_count - report.database_count:+d}.")
        write(self.style.ERROR("Incohérent : lancez « manage.py reindex » pour reconstruire l'index du moteur."))
        sys.exit(1)
