"""`manage.py demo`: database, sample minutes ingested by a real worker, a clerk account, then the web server.

Everything is reused on a second run: migrations, sample files, documents (same bytes, same
Document), the account and its password.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ingestion.batch import files_ingest, manifest_read, source_files_collect

CLERK_USERNAME = "greffe"
DEMO_COLLECTIVITE = "Commune de démonstration"
WORKER_READY_SECONDS = 60


def broker_folders_create() -> None:
    """The filesystem broker needs its folders before the first message (nothing to do with Redis)."""
    for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
        folder = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get(key)
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)


@transaction.atomic
def clerk_account_ensure(*, password_file: Path) -> tuple[str, str]:
    """The demo clerk: staff, allowed to correct council metadata and to read redactions and passages.

    The password comes from DEMO_PASSWORD, else from the file written by an earlier run, else is new.
    """
    password = os.environ.get("DEMO_PASSWORD", "")
    if not password and password_file.is_file():
        password = password_file.read_text(encoding="utf-8").strip()
    if not password:
        password = secrets.token_urlsafe(12)
    if not os.environ.get("DEMO_PASSWORD"):
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password, encoding="utf-8")
        password_file.chmod(0o600)
    user, _ = get_user_model().objects.get_or_create(username=CLERK_USERNAME)
    user.is_staff = True
    user.is_active = True
    user.set_password(password)
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="council").exclude(codename__startswith="delete_")
        | Permission.objects.filter(content_type__app_label__in=["privacy", "search"], codename__startswith="view_")
    )
    return CLERK_USERNAME, password


def demo_secret_key_ensure(*, key_file: Path) -> None:
    """The demo's own random key (kept in var/) where none is set: the server refuses the public default."""
    if settings.SECRET_KEY != settings.INSECURE_DEFAULT_SECRET_KEY:
        return
    if not key_file.is_file():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    settings.SECRET_KEY = key_file.read_text(encoding="utf-8").strip()


def worker_start(*, log_path: Path) -> subprocess.Popen:
    """A real Celery worker on the configured broker (by default folders under var/broker)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = log_path.open("ab")
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=INFO",
         # Its beat too: the sweeps, the purges and the digests of followed searches (printed on the console).
         "-B", f"--schedule={settings.DATA_DIR / 'celerybeat-schedule'}"],
        cwd=settings.BASE_DIR, stdout=log, stderr=subprocess.STDOUT,
    )
    log.close()
    deadline = time.monotonic() + WORKER_READY_SECONDS
    while time.monotonic() < deadline:
        if b"ready." in log_path.read_bytes()[-20000:]:
            return process
        if process.poll() is not None:
            raise CommandError(f"Le worker Celery s'est arrêté ; voir {log_path}")
        time.sleep(0.2)
    process.terminate()
    raise CommandError(f"Le worker Celery n'a pas démarré en {WORKER_READY_SECONDS} s ; voir {log_path}")


def worker_stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Command(BaseCommand):
    help = "Démonstration : base, exemples ingérés par un worker, compte du greffe, puis serveur web."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--no-serve", action="store_true", help="Prépare tout puis s'arrête (tests, CI)")

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Base de données à jour.")
        broker_folders_create()
        sample = Path(settings.DATA_DIR) / "sample"
        try:
            from ingestion.sample import sample_corpus_build
        except ImportError as error:
            raise CommandError(f"Le jeu d'exemple n'est pas disponible (ingestion.sample) : {error}") from error
        sample_corpus_build(folder=sample)
        files = source_files_collect(paths=[sample])
        manifest_path = sample / "manifest.csv"
        manifest = manifest_read(path=manifest_path) if manifest_path.is_file() else None
        username, password = clerk_account_ensure(password_file=Path(settings.DATA_DIR) / "demo_password.txt")

        worker = worker_start(log_path=Path(settings.DATA_DIR) / "log" / "worker.log")
        try:
            self.stdout.write(f"Worker Celery démarré (processus {worker.pid}) ; {len(files)} fichiers d'exemple.")
            report = files_ingest(
                files=files,
                collectivite=DEMO_COLLECTIVITE,
                manifest=manifest,
                publish=True,
                # The sample is fictitious text generated by ingestion/sample.py, read when it was written.
                privacy_reviewed_by="démonstration : exemples fictifs de ingestion/sample.py",
                eager=False,
                on_progress=self.stdout.write,
            )
            self.stdout.write(
                f"Exemples : {report.ready} prêts et publiés, {report.created} nouveaux, "
                f"{report.unchanged} déjà ingérés, {len(report.failed)} en échec."
            )
            for path, reason in report.failed:
                self.stdout.write(f"  ÉCHEC {path} : {reason}")
            base = f"http://{options['host']}:{options['port']}"
            self.stdout.write(self.style.SUCCESS(f"\nPortail : {base}/\nEspace greffe : {base}/greffe/"))
            self.stdout.write(f"Identifiant : {username}\nMot de passe : {password}\n")
            if not options["no_serve"]:
                demo_secret_key_ensure(key_file=Path(settings.DATA_DIR) / "demo-secret-key")
                # No reloader: it would start this command (and a second worker) again in a child process.
                call_command(
                    "runserver", f"{options['host']}:{options['port']}", use_reloader=False, insecure_serving=True
                )
        finally:
            worker_stop(worker)
            self.stdout.write("Worker arrêté.")
