"""When the evidence does not answer: decline plainly rather than guess, by a decision learned and calibrated
leave-one-collectivité-out (`qa.training`) over signals that hold in any town."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from qa.questions import question_focus
from french.dates import dates_named, years_of_horizon
from qa.reader import ReaderModel, Selection, deliberation_unit, share, years_agree

ABSTENTION_FEATURES = (
    "best",  # the reader's probability that the best sentence is the one that answers, among all read
    "margin",  # … that one of its délibération's sentences is (the rest go to other délibérations)
    "terms",  # share of the question's subject terms in the best sentence
    "unit_share",  # … in its délibération (the passages read of it, with their headings)
    "absent",  # share of the subject terms that no retrieved passage holds (words of the question, not of the minutes)
    "missing",  # share of the subject terms found near by that the best délibération does not hold
    "asked_found",  # the kind of value asked for is in the answer (1 when nothing in particular is asked)
    "focus_found",  # share of what a « combien de X » question measures that the délibération names
    "agree",  # both retrievers placed the best passage among their ten first
    "semantic",  # similarity of the best passage
    "rank",  # retrieval rank prior of the best passage
    "stored",  # the answer reads a field ingestion stored (a vote, an outcome, a rapporteur)
    "unit_missing_max",  # weight of the heaviest subject term the best délibération lacks, over the heaviest one
    "period",  # the best passage is of the year and month the question names (1 when it names none)
    "asked_terms",  # share of the subject terms in the sentence that carries the value asked for
    "unprinted",  # share of the subject terms (not the verbs) that the minutes searched never print
)


@dataclass(frozen=True)
class Decision:
    abstain: bool
    confidence: float
    reason: str  # French, shown to nobody but logged and evaluated
    features: dict[str, float] = field(default_factory=dict)  # what the decision read (see ABSTENTION_FEATURES)


def abstention_features(*, selection: Selection, stored: bool = False) -> dict[str, float]:
    """What the abstention model reads of a selection (see ABSTENTION_FEATURES)."""
    reading, best = selection.reading, selection.best
    unit = deliberation_unit(selection)
    unit_terms = set().union(*(reading.unit_terms[i] for i in unit)) if unit else set()
    # Scores are log-odds between candidates, not absolute: their softmax compares across questions and models.
    top = max(c.logit for c in reading.candidates)
    mass = [math.exp(c.logit - top) for c in reading.candidates]
    total = sum(mass)
    inside = sum(m for c, m in zip(reading.candidates, mass) if c.passage_index in unit)
    weights = reading.subject_weights
    anywhere = set().union(*reading.unit_terms) if reading.unit_terms else set()
    present = {t: w for t, w in weights.items() if t in anywhere}
    asked = reading.kind.asked_precisely
    focus = question_focus(reading.question)
    hit = reading.hits[best.passage_index]
    # The picked sentences that carry a value of the kind asked for (« 46 000 € » for « à quel prix »).
    carriers = [s for s in selection.sentences if any(s.values[k] >= 0.5 for k in asked)]
    return {
        "best": math.exp(best.logit - top) / total,
        "margin": inside / total,
        "terms": best.features["terms"],
        "unit_share": share(weights, unit_terms),
        "absent": 1.0 - share(weights, anywhere),
        "missing": 1.0 - share(present, unit_terms) if present else 0.0,
        "asked_found": max((s.values[k] for s in selection.sentences for k in asked), default=0.0) if asked else 1.0,
        "focus_found": sum(1 for t in focus if t in unit_terms) / len(focus) if focus else 1.0,
        "agree": float(
            hit.keyword_rank is not None and hit.semantic_rank is not None and hit.keyword_rank <= 10 and hit.semantic_rank <= 10
        ),
        "semantic": best.features["semantic"],
        "rank": best.features["rank"],
        "stored": float(stored),
        "unit_missing_max": max((w for t, w in weights.items() if t not in unit_terms), default=0.0)
        / max(weights.values(), default=1.0),
        "period": best.features["year"] * best.features["month"],
        "asked_terms": max((s.features["terms"] for s in carriers), default=0.0) if asked else best.features["terms"],
        "unprinted": share(weights, reading.unprinted),
    }


def _year_agrees(selection: Selection) -> bool:
    """The best passage is of the year the question asks about, when it names one (a year named as a horizon,
    « d'ici 2025 », or a starting point, « depuis 2011 », does not date what was decided)."""
    reading = selection.reading
    named = dates_named(reading.question)
    years = {str(start.year) for start, _ in named[0]} | {str(year) for year in named[1]}
    years -= {str(year) for year in years_of_horizon(reading.question)}
    return years_agree(years, reading.hits[selection.best.passage_index])


def figure_given(values: Iterable[dict[str, float]], asked: tuple[str, ...]) -> bool:
    """One of the sentences whose `values` are given (`french.values.sentence_values`) carries a value, clear or
    likely, of a kind the question asks for in figures (`QuestionKind.asked_in_figures`), when it asks for one."""
    return not asked or any(value[kind] >= 0.5 for value in values for kind in asked)


def abstention_decide(*, selection: Selection, model: ReaderModel, stored: bool = False) -> Decision:
    """Abstain when nothing was found, or when the answer is unlikely to be right (a calibrated probability)."""
    if selection.best is None:
        return Decision(True, 0.0, "aucun passage publié ne correspond")
    features = abstention_features(selection=selection, stored=stored)
    confidence = model.abstention.probability(features)
    if not _year_agrees(selection):
        return Decision(True, confidence, "les passages trouvés sont d'une autre année que celle de la question", features)
    # A vote is cast at one séance: to a question that dates it (« le 22 juin 2015 », « en mars 2011 »), the vote of a
    # délibération of another séance on the same subject is another vote, however alike.
    if selection.reading.kind.asks_vote and not selection.best.features["month"]:
        return Decision(True, confidence, "les passages trouvés sont d'une autre séance que celle de la question", features)
    # None of the words the question is about is in any passage found: whatever the retrievers' similarity, the
    # minutes found do not speak of it (a question on a crematorium where no passage found prints « crématorium »).
    if selection.reading.subject_weights and features["absent"] == 1.0:
        return Decision(True, confidence, "aucun passage trouvé ne contient les mots de la question", features)
    # A question that asks for a sum, a number, a length of time or a date is not answered by sentences that print
    # none, however close they are to its subject (« quel nouveau tarif … » answered by the debate on raising it). A
    # value read from a stored field (a vote's tally) is printed by the answer, not by its sentences.
    if not stored and not figure_given((s.values for s in selection.sentences), selection.reading.kind.asked_in_figures):
        return Decision(True, confidence, "les passages trouvés ne donnent pas la valeur demandée", features)
    if confidence >= model.threshold:
        return Decision(False, confidence, "", features)
    if features["unit_share"] < 0.3:
        reason = "les passages trouvés ne parlent pas du sujet de la question"
    elif features["asked_found"] < 1.0 or features["focus_found"] < 1.0:
        reason = "les passages trouvés ne donnent pas ce que la question demande"
    else:
        reason = "les passages trouvés ne répondent pas assez précisément"
    return Decision(True, confidence, reason, features)
