"""`search_consistency` against a real OpenSearch node: the engine's drift from PostgreSQL is found and reported."""

from __future__ import annotations

import io
import socket

import pytest
from django.core.management import call_command

from config.faults import ServiceUnavailable
from ingestion.services import document_publish
from search.backends import search_backend_get
from search.models import Passage
from config.workers import no_worker


def _run(*args) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("search_consistency", *args, stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def test_with_postgres_there_is_nothing_to_compare(passages):
    assert _run() == (0, "Le moteur configuré est PostgreSQL : il n'y a pas de copie séparée à comparer.\n")


def test_consistent_engine_exits_zero(configured):
    code, out = _run()
    assert code == 0
    assert "Passages publiés dans PostgreSQL : 5" in out and "Passages dans le moteur de recherche : 5" in out
    assert "Cohérent" in out


def test_a_passage_deleted_from_the_engine_is_reported(configured, passages):
    gone = passages[1]
    configured.engine.conn.delete(index=configured.index_name, id=f"search.passage.{gone.pk}", refresh=True)
    code, out = _run()
    assert code == 1
    assert f"1 passage(s) publiés mais absents du moteur : {gone.pk}" in out
    assert "Les nombres diffèrent de -1." in out and "Incohérent" in out
    # reindex brings it back.
    call_command("reindex", stdout=io.StringIO())
    assert _run()[0] == 0


def test_an_unpublished_passage_left_in_the_engine_is_reported(configured, passages):
    left = passages[3]
    Passage.objects.filter(pk=left.pk).update(published=False)
    code, out = _run()
    assert code == 1
    assert f"1 passage(s) dans le moteur mais non publiés ou supprimés dans PostgreSQL : {left.pk}" in out


def test_a_text_redacted_behind_the_engine_is_reported(configured, passages):
    # Same count, same ids: only the comparison of the texts sees it.
    redacted = passages[4]
    Passage.objects.filter(pk=redacted.pk).update(text="Une subvention est attribuée à [PERSONNE 1].")
    code, out = _run()
    assert code == 1
    assert f"1 passage(s) dont le titre ou le texte diffère : {redacted.pk}" in out


def test_writes_missed_while_the_engine_was_down_come_back_with_reindex(
    configured, passages, settings, django_capture_on_commit_callbacks
):
    url = getattr(settings, configured.url_setting)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        setattr(settings, configured.url_setting, f"http://127.0.0.1:{sock.getsockname()[1]}")
    settings.OPENSEARCH_TIMEOUT_SECONDS = 1
    search_backend_get.cache_clear()
    # The engine is unreachable when a clerk withdraws a document: PostgreSQL has it, the engine does not know.
    with pytest.raises(ServiceUnavailable), no_worker(), django_capture_on_commit_callbacks(execute=True):
        document_publish(document=passages[0].document, published=False)
    setattr(settings, configured.url_setting, url)
    search_backend_get.cache_clear()
    code, out = _run()
    assert code == 1 and f"non publiés ou supprimés dans PostgreSQL : {passages[0].pk}" in out
    call_command("reindex", stdout=io.StringIO())
    assert _run()[0] == 0
    assert search_backend_get().engine_count() == Passage.objects.filter(published=True).count() == 4
