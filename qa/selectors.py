"""Reads for questions: question logs past their retention date."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from qa.models import QuestionLog


def question_logs_expired(*, now=None) -> QuerySet[QuestionLog]:
    return QuestionLog.objects.filter(expires_at__lte=now or timezone.now())
