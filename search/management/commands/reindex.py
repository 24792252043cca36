"""`manage.py reindex`: count the published passages' terms anew, and rebuild the search engine's index from PostgreSQL
without downtime (a new index, an alias)."""

from django.core.management.base import BaseCommand, CommandError

from config.faults import ServiceUnavailable
from search.backends.base import ReindexRefused
from search.services import search_reindex, term_frequencies_rebuild


class Command(BaseCommand):
    help = (
        "Recompte les termes des passages publiés (la rareté des mots d'une question), puis reconstruit l'index du "
        "moteur de recherche (OpenSearch) à partir de PostgreSQL sans interruption : un nouvel index reçoit les "
        "passages publiés, l'alias y bascule d'un coup, l'ancien index est supprimé."
    )

    def handle(self, *args, **options):
        def progress(done: int, total: int) -> None:
            if options["verbosity"] > 1 or done == total:
                self.stdout.write(f"{done}/{total} passages publiés envoyés")

        self.stdout.write(f"Termes des passages publiés recomptés : {term_frequencies_rebuild()}.")
        try:
            rebuilt = search_reindex(progress=progress)
        except ServiceUnavailable as error:
            raise CommandError(f"{error} L'ancien index reste en service.") from error
        except ReindexRefused as error:
            raise CommandError(str(error)) from error
        if rebuilt is None:
            self.stdout.write("Le moteur configuré est PostgreSQL : son index suit les passages, rien à reconstruire.")
            return
        self.stdout.write(
            f"Index « {rebuilt.index} » en service : {rebuilt.count} passages publiés, "
            f"{rebuilt.caught_up} modifiés pendant la reconstruction renvoyés après la bascule."
        )
        if rebuilt.previous:
            self.stdout.write(f"Ancien index supprimé : {', '.join(rebuilt.previous)}.")
