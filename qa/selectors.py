"""Reads for questions: the collectivités a question names, question logs past their retention date."""

from __future__ import annotations

import re

from django.db.models import QuerySet
from django.utils import timezone

from council.models import Collectivite
from qa.answering import text_fold
from qa.models import QuestionLog

# « Commune de », « Ville de », « Communauté de communes des »…: what every collectivité's name may start with.
_GENERIC_PREFIX = re.compile(
    r"^(?:commune|ville|village|mairie|communaute\s+(?:de\s+communes|d'agglomeration|urbaine)|metropole|"
    r"agglomeration|syndicat|departement|region)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?",
)


def collectivite_short_names(*, name: str) -> list[str]:
    """Folded forms under which a question may name a collectivité: « Commune de Chéméré » → « chemere »."""
    folded = " ".join(text_fold(name).replace("’", "'").split())
    short = _GENERIC_PREFIX.sub("", folded).strip()
    return [form for form in {folded, short} if len(form) >= 3]


def collectivites_mentioned(*, question: str) -> list[int]:
    """Ids of the collectivités whose name the question contains (accents, case and hyphens aside)."""
    text = " " + re.sub(r"[\s\-]+", " ", text_fold(question).replace("’", "'")) + " "
    found = []
    for pk, name in Collectivite.objects.values_list("pk", "name"):
        for form in collectivite_short_names(name=name):
            form = re.sub(r"[\s\-]+", " ", form)
            if re.search(rf"(?<![\w]){re.escape(form)}(?![\w])", text):
                found.append(pk)
                break
    return found


def question_logs_expired(*, now=None) -> QuerySet[QuestionLog]:
    return QuestionLog.objects.filter(expires_at__lte=now or timezone.now())
