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
    """The embedded broker loses a task whose worker was killed: give those documents back."""
    if app.conf.broker_url.startswith("filesystem"):
        from ingestion.services import documents_interrupted_requeue

        documents_interrupted_requeue()
