"""The passages as django-haystack sees them: what the OpenSearch backend indexes (published passages only)."""

from __future__ import annotations

from haystack import indexes

from search.models import Passage


class PassageIndex(indexes.SearchIndex, indexes.Indexable):
    # Analysed with the index's French analyser (search.backends.opensearch); the heading counts more at query time.
    text = indexes.CharField(document=True, model_attr="text")
    heading = indexes.CharField(model_attr="heading")
    passage_id = indexes.IntegerField(model_attr="pk")
    document_id = indexes.IntegerField(model_attr="document_id")
    deliberation_id = indexes.IntegerField(model_attr="deliberation_id", null=True)
    collectivite_id = indexes.IntegerField(model_attr="collectivite_id")
    body_id = indexes.IntegerField(model_attr="body_id")
    page_start = indexes.IntegerField(model_attr="page_start")
    page_end = indexes.IntegerField(model_attr="page_end")
    seance_date = indexes.DateField(model_attr="seance_date", null=True)
    year = indexes.IntegerField(null=True)
    # Not analysed: exact values to filter and count on.
    document_kind = indexes.CharField(model_attr="document_kind", indexed=False)
    outcome = indexes.CharField(model_attr="outcome", indexed=False)
    theme = indexes.CharField(model_attr="theme", indexed=False)
    published = indexes.BooleanField(model_attr="published")

    def get_model(self):
        return Passage

    def index_queryset(self, using=None):
        """What update_index and rebuild_index send: an unpublished passage never reaches the engine."""
        return self.get_model().objects.filter(published=True)

    def prepare_year(self, passage: Passage) -> int | None:
        return passage.seance_date.year if passage.seance_date else None
