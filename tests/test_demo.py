"""`manage.py demo`: the clerk account is stable across runs, and a full run (real worker) is idempotent."""

from __future__ import annotations

import importlib.util
import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from config.celery import app
from council.models import Deliberation, Document
from council.selectors import deliberation_list
from ingestion.management.commands.demo import clerk_account_ensure
from ingestion.sample import SINGLE_ACT
from tests.conftest import celery_app_broker_set, database_url_for_subprocess


@pytest.mark.django_db
def test_clerk_account_is_created_once_and_keeps_its_password(tmp_path, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    password_file = tmp_path / "demo_password.txt"
    username, first = clerk_account_ensure(password_file=password_file)
    again, second = clerk_account_ensure(password_file=password_file)
    assert (username, again) == ("greffe", "greffe")
    assert first == second and len(first) >= 12
    user = authenticate(username="greffe", password=first)
    assert user is not None and user.is_staff and not user.is_superuser
    assert user.has_perm("council.change_document") and not user.has_perm("council.delete_document")
    assert user.has_perm("privacy.view_redaction") and not user.has_perm("privacy.change_redaction")


@pytest.mark.django_db
def test_demo_password_from_the_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "un-mot-de-passe-choisi")
    _, password = clerk_account_ensure(password_file=tmp_path / "demo_password.txt")
    assert password == "un-mot-de-passe-choisi"
    assert authenticate(username="greffe", password=password) is not None


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_demo_ingests_the_sample_through_a_real_worker_and_reuses_everything(tmp_path, settings, monkeypatch):
    if importlib.util.find_spec("ingestion.sample") is None:
        pytest.skip("ingestion.sample (jeu d'exemple) pas encore disponible")
    broker = {
        "data_folder_in": str(tmp_path / "broker" / "queue"),
        "data_folder_out": str(tmp_path / "broker" / "queue"),
        "processed_folder": str(tmp_path / "broker" / "processed"),
        "control_folder": str(tmp_path / "broker" / "control"),
        "store_processed": False,
    }
    settings.DATA_DIR = tmp_path
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = broker
    previous = app.conf.broker_url, app.conf.broker_transport_options
    celery_app_broker_set(url="filesystem://", transport_options=broker)
    # The worker is another process: it must find the test database, these folders and these originals.
    monkeypatch.setenv("DATABASE_URL", database_url_for_subprocess())
    monkeypatch.setenv("COUNCIL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))
    monkeypatch.setenv("CELERY_BROKER_URL", "filesystem://")
    monkeypatch.setenv("DEMO_PASSWORD", "mot-de-passe-de-demo")

    try:
        first = io.StringIO()
        call_command("demo", no_serve=True, stdout=first)
        documents = {d.sha256: d.status for d in Document.objects.all()}
        assert documents and set(documents.values()) == {Document.Status.READY}, first.getvalue()
        assert Document.objects.filter(published=True).count() == len(documents)
        assert "Mot de passe : mot-de-passe-de-demo" in first.getvalue()
        # The act published alone (an « extrait du registre ») and in its séance's minutes is one délibération.
        date, number = SINGLE_ACT
        printings = Deliberation.objects.filter(seance__date=date, number=number)
        assert printings.count() == 2 and printings.filter(same_as__isnull=True).count() == 1
        assert deliberation_list().filter(number=number).count() == 1

        second = io.StringIO()
        call_command("demo", no_serve=True, stdout=second)
        assert {d.sha256: d.status for d in Document.objects.all()} == documents
        assert f"{len(documents)} déjà ingérés" in second.getvalue()
    finally:
        celery_app_broker_set(url=previous[0], transport_options=previous[1])
