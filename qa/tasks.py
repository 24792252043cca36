"""Celery tasks of question answering: one-line wrappers around qa.services."""

from celery import shared_task

from qa import services


@shared_task
def question_logs_purge_task() -> int:
    """Run daily by Celery beat: question logs do not outlive QUESTION_LOG_RETENTION_DAYS."""
    return services.question_logs_purge()
