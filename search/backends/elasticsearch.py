"""Keyword search on Elasticsearch 7.17 or 8.x through haystack's elasticsearch7 backend and the elasticsearch 7.17
client (an 8.x server answers its requests as they are; both are tested on real nodes).

The portal's queries, filters, facets, highlights, alias and reindex are the OpenSearch backend's (the query DSL of
both engines is the same for what the portal sends); only the haystack backend and the client differ. The 7.17
client refuses OpenSearch servers (its product check): this backend talks to Elasticsearch only.
"""

from __future__ import annotations

from typing import Any, ClassVar

import elasticsearch.exceptions
import elasticsearch.helpers
from haystack.backends.elasticsearch7_backend import (
    Elasticsearch7SearchBackend,
    Elasticsearch7SearchEngine,
    Elasticsearch7SearchQuery,
)

from search.backends.opensearch import OpenSearchSearchBackend, PassageIndexMixin


class PassageElasticsearchBackend(PassageIndexMixin, Elasticsearch7SearchBackend):
    """haystack's elasticsearch7 backend with the portal's French analysis, alias and numbered indices."""

    errors: ClassVar[Any] = elasticsearch.exceptions
    bulk = staticmethod(elasticsearch.helpers.bulk)

    def clear(self, models=None, commit: bool = True) -> None:
        # haystack deletes the index by its name, which an alias refuses; passages are the one model indexed.
        self._clear_all_models()


class PassageElasticsearchEngine(Elasticsearch7SearchEngine):
    """For HAYSTACK_CONNECTIONS when the engine is Elasticsearch (update_index, rebuild_index)."""

    backend = PassageElasticsearchBackend
    query = Elasticsearch7SearchQuery


class ElasticsearchSearchBackend(OpenSearchSearchBackend):
    """SEARCH_BACKEND=search.backends.elasticsearch.ElasticsearchSearchBackend: ELASTICSEARCH_URL, ELASTICSEARCH_INDEX."""

    haystack_backend = PassageElasticsearchBackend
    url_setting, index_setting = "ELASTICSEARCH_URL", "ELASTICSEARCH_INDEX"
