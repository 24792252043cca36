"""The passage table's planner statistics, which the keyword scorer weighs words by, follow the passages once
`passages_analyze` runs (after a bulk ingest, before a measurement)."""

from __future__ import annotations

from django.db import connection

from search.models import Passage
from search.services import passages_analyze


def _lexemes_counted() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[] FROM pg_stats WHERE tablename = %s AND attname = 'search_vector'",
            [Passage._meta.db_table],
        )
        row = cursor.fetchone()
    return list(row[0]) if row and row[0] else []


def test_the_keyword_statistics_follow_the_passages_once_analysed(passages):
    passages_analyze()
    counted = _lexemes_counted()
    # « tarif » is in several of the fixture's passages (`tests/search/conftest.py`): the statistics now weigh it.
    assert "tarif" in counted
