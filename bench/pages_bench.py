"""Server time of every public page type on the configured database: p50/p95 per type over real ids.

Each request goes through Django's whole stack in process (middleware, views, queries, templates), as gunicorn
would run it, without the network; each URL is a different real object (séances, délibérations, documents, pages,
officials drawn with a fixed seed), and searches and questions are the dev questions' texts. Nothing is kept: the
run is one transaction rolled back (the question page logs each question), and the rate limits are met by giving
each request its own client address, as `bench/load.py` does.
"""

from __future__ import annotations

import itertools
import json
import random
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

TARGET_P95_MS = 300


def _urls(*, questions: list[str], count: int, seed: int) -> dict[str, list[str]]:
    """Per page type, `count` URLs of real published objects (fewer where fewer exist)."""
    from django.urls import reverse

    from council import selectors
    from council.models import Collectivite, Deliberation, Document, Seance

    draw = random.Random(seed)

    def sample(ids) -> list:
        ids = list(ids)
        return draw.sample(ids, min(count, len(ids)))

    documents = Document.objects.filter(published=True)
    document_pages = [(pk, n) for pk, pages in documents.values_list("pk", "page_count") for n in range(1, pages + 1)]
    # A copy of an act printed twice answers with a redirection to the act: the acts themselves.
    deliberations = Deliberation.objects.filter(document__published=True, same_as__isnull=True)
    collectivites = list(Collectivite.objects.filter(documents__published=True).distinct())
    officials = [(c.slug, o.slug) for c in collectivites for o in selectors.officials_list(collectivite=c)[:count]]
    themes = sorted({m[0] for m in deliberations.exclude(matiere="").values_list("matiere", flat=True)})
    search = reverse("search")
    texts = questions * (count // max(len(questions), 1) + 1)
    return {
        "home": [reverse("home")] * count,
        "séances (list)": [f"{reverse('seance-list')}?{urlencode({'page': p})}" for p in range(1, count + 1)],
        "séance": [reverse("seance-detail", args=[pk]) for pk in sample(Seance.objects.filter(documents__published=True).distinct().values_list("pk", flat=True))],
        "délibérations (list)": [f"{reverse('deliberation-list')}?{urlencode({'page': p})}" for p in range(1, count + 1)],
        "délibérations of a thème": [f"{reverse('deliberation-list')}?{urlencode({'theme': t})}" for t in (themes * count)[:count]],
        "thèmes": [reverse("theme-list")] * count,
        "délibération": [reverse("deliberation-detail", args=[pk]) for pk in sample(deliberations.values_list("pk", flat=True))],
        "document": [reverse("document-detail", args=[pk]) for pk in sample(documents.values_list("pk", flat=True))],
        "document page (text)": [reverse("document-page", args=[pk, n]) for pk, n in sample(document_pages)],
        "page image (png)": [reverse("document-page-image", args=[pk, n]) for pk, n in sample(document_pages)],
        "collectivité": [reverse("collectivite-detail", args=[c.slug]) for c in collectivites],
        "élus (list)": [reverse("official-list", args=[c.slug]) for c in collectivites],
        "élu": [reverse("official-detail", args=[c, o]) for c, o in sample(officials)],
        "search, keyword": [f"{search}?{urlencode({'q': q, 'mode': 'keyword'})}" for q in texts[:count]],
        "search, hybrid": [f"{search}?{urlencode({'q': q, 'mode': 'hybrid'})}" for q in texts[:count]],
        "search, semantic": [f"{search}?{urlencode({'q': q, 'mode': 'semantic'})}" for q in texts[:count]],
        "question page, empty": [reverse("qa-question")] * count,
        "question page, answered": [f"{reverse('qa-question')}?{urlencode({'q': q})}" for q in texts[:count]],
        "transparence": [reverse("transparency")] * count,
        "feed (Atom)": [reverse("feed-deliberations-atom")] * count,
        "not found (404)": [f"/seances/{10_000_000 + n}/" for n in range(count)],
    }


def pages_benchmark(*, questions: Path, count: int = 30, seed: int = 7) -> dict:
    from django.db import transaction
    from django.test import Client

    from bench.load import client_address
    from qa.evaluation import percentile

    texts = [json.loads(line)["question"] for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    client, addresses = Client(), map(client_address, itertools.count())
    per_type: dict[str, dict] = {}
    with transaction.atomic():
        urls = _urls(questions=texts, count=count, seed=seed)
        # The first answered question loads the embedding model: not what a visitor waits for.
        client.get(urls["question page, answered"][0], REMOTE_ADDR=next(addresses))
        for name, links in urls.items():
            timings, statuses = [], {}
            for url in links:
                started = time.perf_counter()
                response = client.get(url, REMOTE_ADDR=next(addresses), HTTP_ACCEPT_LANGUAGE="fr")
                if response.streaming:
                    b"".join(response.streaming_content)
                timings.append((time.perf_counter() - started) * 1000)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            timings.sort()
            per_type[name] = {
                "requests": len(timings),
                "statuses": statuses,
                "p50_ms": round(statistics.median(timings), 1) if timings else None,
                "p95_ms": round(percentile(timings, 0.95), 1) if timings else None,
                "max_ms": round(timings[-1], 1) if timings else None,
            }
        transaction.set_rollback(True)
    over = [name for name, row in per_type.items() if row["p95_ms"] is not None and row["p95_ms"] > TARGET_P95_MS]
    return {"target_p95_ms": TARGET_P95_MS, "page_types": per_type, "over_target": over}


def table(report: dict) -> str:
    lines = [f"{'page type':<28} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  statuses"]
    for name, row in report["page_types"].items():
        lines.append(f"{name:<28} {row['requests']:>4} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['max_ms']:>8}  {row['statuses']}")
    return "\n".join(lines)
