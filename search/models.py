"""Passages, the unit of search, with their full-text vector and embedding."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Value
from django.utils.translation import gettext_lazy as _
from pgvector.django import HnswIndex, VectorField

from council.models import Body, Collectivite, Deliberation, Document

SEARCH_CONFIG = "french_unaccent"
EMBEDDING_DIMENSIONS = 384


class Passage(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="passages")
    deliberation = models.ForeignKey(
        Deliberation, on_delete=models.CASCADE, null=True, blank=True, related_name="passages"
    )
    position = models.PositiveIntegerField()
    page_start = models.PositiveIntegerField()
    page_end = models.PositiveIntegerField()
    # Context searched with more weight: délibération number and objet, or the document title.
    heading = models.TextField(blank=True)
    # Pseudonymised text: what the public may read.
    text = models.TextField()
    search_vector = models.GeneratedField(
        expression=SearchVector("heading", weight="A", config=Value(SEARCH_CONFIG))
        + SearchVector("text", weight="B", config=Value(SEARCH_CONFIG)),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    embedding = VectorField(dimensions=EMBEDDING_DIMENSIONS, null=True, blank=True)
    # Copied from the document so that filters run on this table alone (kept in sync by services).
    published = models.BooleanField(default=False)
    collectivite = models.ForeignKey(Collectivite, on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    seance_date = models.DateField(null=True, blank=True)
    document_kind = models.CharField(max_length=30)
    outcome = models.CharField(max_length=10, blank=True)
    # The thème (ACTES level 1) of its délibération's matière, "" when it has none (`council.matieres`).
    theme = models.CharField(max_length=2, blank=True, default="", db_default="")

    class Meta:
        ordering = ["document", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "position"], name="passage_unique_position")]
        indexes = [
            GinIndex(fields=["search_vector"], name="passage_search_vector_gin"),
            HnswIndex(
                name="passage_embedding_hnsw",
                fields=["embedding"],
                # Past a million passages, pgvector's defaults (16, 64) find 64 % of the exact ten nearest at
                # ef_search 200 (`make bench`); a denser graph built with a wider beam keeps recall up.
                m=32,
                ef_construction=128,
                opclasses=["vector_cosine_ops"],
            ),
            models.Index(fields=["published", "seance_date"], name="passage_published_date"),
            # A collectivité and a period together (the narrowed retrieval of a question naming both).
            models.Index(fields=["published", "collectivite", "seance_date"], name="passage_published_place_date"),
        ]


class TermFrequency(models.Model):
    """How many published passages of a collectivité print each term (a stem of `french.terms`): how rare a
    question's words are in the minutes, which the reader weighs them by, and which of them the minutes searched
    never print, which the decision to answer reads (`qa.reader`). Kept by `search.services` as passages change;
    the empty term counts the published passages themselves (`TERM_ALL`)."""

    collectivite = models.ForeignKey(Collectivite, on_delete=models.CASCADE, related_name="+")
    term = models.TextField()
    passages = models.IntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["collectivite", "term"], name="term_frequency_unique")]
        indexes = [models.Index(fields=["term"], name="term_frequency_term")]


TERM_ALL = ""


class SavedSearch(models.Model):
    """A search a reader follows by e-mail (`search.alerts`): confirmed from a link sent to the address (double
    opt-in), then a digest of its new results now and then, each with the link that ends it. The address serves
    nothing else; an unconfirmed one is deleted after `ALERTS_UNCONFIRMED_DAYS`, an ended one at once."""

    email = models.EmailField(_("adresse électronique"))
    # The search page's parameters (q and filters) as a query string, as the search's feed reads them.
    params = models.TextField()
    token = models.CharField(max_length=64, unique=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The newest passage already sent (or already there when the search was confirmed): a digest sends those after.
    last_passage_id = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["email", "params"], name="saved_search_unique")]
