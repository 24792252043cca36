"""Delete the question logs past their retention period (QUESTION_LOG_RETENTION_DAYS); run it daily."""

from django.core.management.base import BaseCommand

from qa.services import question_logs_purge


class Command(BaseCommand):
    help = "Supprime les questions journalisées dont la durée de conservation est écoulée."

    def handle(self, *args, **options):
        deleted = question_logs_purge()
        self.stdout.write(f"{deleted} question(s) supprimée(s).")
