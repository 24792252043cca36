"""`manage.py embedded_db start|stop|status`: the project's own PostgreSQL, when no DATABASE_URL is given."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand

from config.embedded import embedded_database_start, embedded_database_status, embedded_database_stop


class Command(BaseCommand):
    help = "Démarre ou arrête la base PostgreSQL embarquée, ou affiche son état (sans DATABASE_URL)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["start", "stop", "status"])

    def handle(self, *args, **options):
        if os.environ.get("DATABASE_URL"):
            self.stdout.write("DATABASE_URL est défini : la base n'est pas gérée par le projet, rien à faire.")
            return
        if options["action"] == "start":
            # Left running after this command: the web and worker processes that lost it take it up again.
            status = embedded_database_start(data_dir=settings.DATA_DIR)
            self.stdout.write(f"Base embarquée démarrée (processus {status['pid']}).")
            return
        if options["action"] == "stop":
            stopped = embedded_database_stop(data_dir=settings.DATA_DIR)
            self.stdout.write("Base embarquée arrêtée." if stopped else "La base embarquée n'était pas démarrée.")
            return
        status = embedded_database_status(data_dir=settings.DATA_DIR)
        self.stdout.write(f"Dossier : {status['pgdata']}")
        if not status["running"]:
            self.stdout.write("État : arrêtée")
            return
        self.stdout.write(f"État : démarrée (processus {status['pid']}, depuis le {status['started_at']:%d/%m/%Y %H:%M:%S})")
        self.stdout.write(f"Socket : {status['socket_dir']}")
        holders = status["holders"]
        self.stdout.write(
            f"Processus du projet qui l'utilisent : {', '.join(map(str, holders))}" if holders
            else "Aucun autre processus du projet ne l'utilise : elle s'arrêtera à la fin de cette commande."
        )
