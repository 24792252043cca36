"""The Celery application; tasks are thin wrappers around services."""

import os

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("council")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def requeue_interrupted_documents(sender, **kwargs) -> None:
    """Give back the documents this worker (same node name) was processing when it was killed.

    The embedded broker loses a delivered message and serves one local worker: there, every document
    « en cours » is given back.
    """
    from ingestion.queueing import documents_interrupted_requeue

    documents_interrupted_requeue(
        worker=sender.hostname, all_interrupted=app.conf.broker_url.startswith("filesystem")
    )
