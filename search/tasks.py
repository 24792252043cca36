"""Celery tasks of the search index (one-line wrappers around search.services, on the « indexing » queue) and of the
e-mail digests of followed searches (search.alerts)."""

from celery import shared_task

from config.faults import ServiceUnavailable
from search import alerts, services


# An engine down keeps the message: retried with a growing delay (up to 10 minutes apart, about an hour in all);
# past that, `search_consistency` sees the gap and `reindex` fills it.
@shared_task(
    acks_late=True, autoretry_for=(ServiceUnavailable,), retry_backoff=5, retry_backoff_max=600, max_retries=10
)
def passages_engine_sync_task(passage_ids: list[int], document_id: int | None = None) -> None:
    services.passages_engine_sync(passage_ids=passage_ids, document_id=document_id)


@shared_task
def saved_searches_digest_task() -> int:
    return alerts.saved_searches_digest_send()
