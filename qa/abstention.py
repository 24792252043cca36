"""When the evidence does not answer: decline plainly rather than guess, by a decision learned and calibrated
leave-one-collectivité-out (`qa.training`) over signals that hold in any town."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from qa.questions import question_focus
from qa.reader import SEMANTIC_HIGH, SEMANTIC_LOW, ReaderModel, Selection, deliberation_unit, share
from search.embeddings import embedder_get
from search.query import semantic_query_text

ABSTENTION_FEATURES = (
    "best",  # the reader's probability for the best sentence
    "margin",  # … minus the best one outside its délibération
    "terms",  # share of the question's subject terms in the best sentence
    "unit_share",  # … in its délibération (the passages read of it, with their headings)
    "top_missing",  # share of the two rarest subject terms that its délibération never names
    "asked_found",  # the kind of value asked for is in the answer (1 when nothing in particular is asked)
    "focus_found",  # share of what a « combien de X » question measures that the délibération names
    "agree",  # both retrievers placed the best passage among their ten first
    "semantic",  # similarity of the best passage
    "rank",  # retrieval rank prior of the best passage
    "stored",  # the answer reads a field ingestion stored (a vote, an outcome, a rapporteur)
    "sentence_semantic",  # cosine similarity of the question and the best sentence alone, mapped to [0, 1]
)


@dataclass(frozen=True)
class Decision:
    abstain: bool
    confidence: float
    reason: str  # French, shown to nobody but logged and evaluated


def abstention_features(*, selection: Selection, stored: bool = False) -> dict[str, float]:
    """What the abstention model reads of a selection (see ABSTENTION_FEATURES)."""
    reading, best = selection.reading, selection.best
    unit = deliberation_unit(selection)
    unit_terms = set().union(*(reading.unit_terms[i] for i in unit)) if unit else set()
    outside = [c.score for c in reading.candidates if c.passage_index not in unit]
    weights = reading.subject_weights
    rarest = sorted(weights, key=lambda t: -weights[t])[:2]
    asked = reading.kind.asked
    focus = question_focus(reading.question)
    hit = reading.hits[best.passage_index]
    return {
        "best": best.score,
        "margin": best.score - max(outside, default=0.0),
        "terms": best.features["terms"],
        "unit_share": share(weights, unit_terms),
        "top_missing": sum(1 for t in rarest if t not in unit_terms) / len(rarest) if rarest else 0.0,
        "asked_found": max((s.values[k] for s in selection.sentences for k in asked), default=0.0) if asked else 1.0,
        "focus_found": sum(1 for t in focus if t in unit_terms) / len(focus) if focus else 1.0,
        "agree": float(
            hit.keyword_rank is not None and hit.semantic_rank is not None and hit.keyword_rank <= 10 and hit.semantic_rank <= 10
        ),
        "semantic": best.features["semantic"],
        "rank": best.features["rank"],
        "stored": float(stored),
        "sentence_semantic": _similarity(reading.question, best.text),
    }


@functools.lru_cache(maxsize=4096)
def _vector(text: str, *, query: bool) -> np.ndarray:
    embedder = embedder_get()
    return embedder.query_embed(text) if query else embedder.passages_embed([text])[0]


def _similarity(question: str, sentence: str) -> float:
    """How close the best sentence alone is to the question (the retrievers only saw whole passages)."""
    a = _vector(semantic_query_text(question), query=True)
    b = _vector(sentence, query=False)
    cosine = float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b) or 1.0))
    return min(1.0, max(0.0, (cosine - SEMANTIC_LOW) / (SEMANTIC_HIGH - SEMANTIC_LOW)))


def abstention_decide(*, selection: Selection, model: ReaderModel, stored: bool = False) -> Decision:
    """Abstain when nothing was found, or when the answer is unlikely to be right (a calibrated probability)."""
    if selection.best is None:
        return Decision(True, 0.0, "aucun passage publié ne correspond")
    features = abstention_features(selection=selection, stored=stored)
    confidence = model.abstention.probability(features)
    if confidence < model.threshold:
        if features["unit_share"] < 0.3:
            return Decision(True, confidence, "les passages trouvés ne parlent pas du sujet de la question")
        if features["asked_found"] < 1.0 or features["focus_found"] < 1.0:
            return Decision(True, confidence, "les passages trouvés ne donnent pas ce que la question demande")
        return Decision(True, confidence, "les passages trouvés ne répondent pas assez précisément")
    return Decision(False, confidence, "")
