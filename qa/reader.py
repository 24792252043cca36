"""The reader: every sentence of the retrieved passages scored by a small learned model, the best ones kept.

The features hold across towns (term overlap weighted by rarity, the retrievers' ranks and similarity, whether the
sentence carries the kind of value asked for, its role in the délibération); their weights are learned from the
question sets' evidence by `manage.py reader_train` (`qa.training`) and stored in `qa/data/reader.json`.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import json
import math
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path

from french.acronyms import acronyms_in, initials_runs
from french.dates import MONTH_NAMES, YEAR, dates_named
from french.folding import fold
from french.given_names import given_name_known
from french.numbers import numbers_given
from french.sentences import sentences_split, visa_like
from french.tagging import content_word_vectors, verbs, words_closeness
from french.terms import terms_extract
from french.values import KINDS, counts_of, decision_like, proposal_like, sentence_values, vote_like
from qa.instructions import instruction_like
from qa.questions import QuestionKind, question_focus, question_kind
from search.backends.base import SearchHit
from search.selectors import terms_printed, terms_rarity

MODEL_PATH = Path(__file__).resolve().parent / "data" / "reader.json"

SENTENCE_FEATURES = (
    "terms",  # IDF-weighted share of the question's subject terms in the sentence
    "terms_passage",  # … in its passage and heading
    "terms_heading",  # … in the heading (the délibération's objet)
    # … in all the retrieved passages of its délibération: a vote line or a decision carries few of the question's
    # words, the act it closes carries them
    "terms_unit",
    "pairs",  # share of the question's adjacent term pairs found adjacent in the sentence
    # how close the sentence's words are to the question's by the packaged word vectors, synonyms counting
    # (`french.tagging.words_closeness`: « économiser » finds « gain », « coût » finds « montant »)
    "close",
    "numbers",  # a number of the question is in the sentence
    "semantic",  # the passage's cosine similarity, mapped to [0, 1]
    "rank",  # 1 / (1 + rank / 2) of the passage in the fused retrieval
    "keyword_top",  # the keyword retriever placed the passage among its first three
    "semantic_top",  # the semantic retriever did
    "follower",  # the passage was read because it follows a hit in its délibération
    "act",  # the passage belongs to a délibération (not to the preamble, the agenda or the attendance list)
    # the passage is of, or mentions, a year the question names (1 when it names none), a horizon (« d'ici 2025 »)
    # included: unlike the abstention's rule on the year asked about (`qa.abstention`), it is a clue, not a
    # condition (leaving horizons out here too, declined 0.489 → 0.461 leave-one-collectivité-out)
    "year",
    "month",  # the passage's séance is in a period the question names, to the month (1 when it names none)
    "fit",  # best fit between the kinds asked and the values the sentence carries (0.5 when nothing is asked)
    *(f"fit_{kind}" for kind in KINDS),
    "operative",  # the sentence belongs to what was resolved
    "vote",  # the sentence reports a vote
    "visa",  # the sentence recites a legal basis of the act (« Vu le code … »)
    "title",  # the sentence is made of the heading's words (a title rarely answers)
    "long",  # words / 60, at most 1
    "short",  # fewer than six words
    "first",  # first sentence of its passage
)


# ---------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Logistic:
    """A logistic model over named features: p = σ(bias + Σ wᵢ xᵢ)."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float

    def logit(self, values: dict[str, float]) -> float:
        # (map rather than a generator: a reading scores hundreds of sentences)
        return self.bias + sum(map(operator.mul, self.weights, map(values.get, self.features, itertools.repeat(0.0))))

    def probability(self, values: dict[str, float]) -> float:
        return sigmoid(self.logit(values))

    def as_json(self) -> dict:
        return {"features": list(self.features), "weights": [round(w, 6) for w in self.weights], "bias": round(self.bias, 6)}

    @classmethod
    def from_json(cls, data: dict) -> Logistic:
        return cls(tuple(data["features"]), tuple(float(w) for w in data["weights"]), float(data["bias"]))


@dataclass(frozen=True)
class ReaderModel:
    """The sentence scorer and the abstention decision, learned together (see `qa.training`)."""

    sentence: Logistic
    abstention: Logistic
    # Answer when the abstention model's probability that the answer is right reaches this.
    threshold: float
    trained_on: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "sentence": self.sentence.as_json(),
            "abstention": self.abstention.as_json(),
            "threshold": round(self.threshold, 4),
            "trained_on": self.trained_on,
        }

    @classmethod
    def from_json(cls, data: dict) -> ReaderModel:
        return cls(
            sentence=Logistic.from_json(data["sentence"]),
            abstention=Logistic.from_json(data["abstention"]),
            threshold=float(data["threshold"]),
            trained_on=data.get("trained_on", {}),
        )


@functools.cache
def reader_model_load(path: Path = MODEL_PATH) -> ReaderModel:
    """The model versioned in the repository (rebuilt by `manage.py reader_train`)."""
    return ReaderModel.from_json(json.loads(path.read_text(encoding="utf-8")))


# ---------------------------------------------------------------------------
# Features
# ---------------------------------------------------------------------------

_YEAR = re.compile(rf"\b{YEAR}\b")
_MONTH_STEMS = frozenset(terms_extract(" ".join(MONTH_NAMES)))
_MONTH_WORDS = frozenset(fold(month) for month in MONTH_NAMES)
# A question's verbs are mostly its phrasing (« reçoivent-ils », « a-t-elle confié », « se sont opposés »): the
# minutes say the same in other words (« offert », « attribué », « contre »), and as words rare among the passages
# read they would weigh most. They count half. Leave-one-collectivité-out over dev + dev2, macro correct / citation
# precision / declined / false refusals: verbs as any word 0.720 / 0.904 / 0.457 / 0.097; 0.7 0.739 / 0.909 / 0.494 /
# 0.074; 0.5 and 0.4 0.727 / 0.915 / 0.529 / 0.097; 0.25 0.724 / 0.914 / 0.529 / 0.100 (0 leaves some questions no
# subject). Halving only the verbs no passage holds, or sparing participles that qualify a noun (« terrains devenus
# constructibles », by the parser), both did worse (declined 0.469, 0.523; correct 0.716, 0.709).
QUESTION_VERB_WEIGHT = 0.5
SEMANTIC_LOW, SEMANTIC_HIGH = 0.75, 0.92


@dataclass
class Candidate:
    """A sentence of a retrieved passage, with what the reader reads of it."""

    text: str
    passage_index: int  # index into the hits given
    position: int  # position of the sentence in its passage
    features: dict[str, float]
    values: dict[str, float]
    logit: float = 0.0  # the sentence model's score: differences are log-odds between two candidates


@dataclass
class Reading:
    """Everything the reader computed for one question: candidates and the terms they were weighed by."""

    question: str
    kind: QuestionKind
    hits: list[SearchHit]
    ranks: list[int]
    candidates: list[Candidate]
    subject_weights: dict[str, float]  # IDF weight of each subject term of the question
    unit_terms: list[set[str]]  # terms of each hit's passage and heading
    unprinted: set[str] = field(default_factory=set)  # subject terms, not verbs, that the hits' collectivités never print


def subject_terms(question: str, hits: list[SearchHit]) -> list[str]:
    """The question's terms about its subject: not the collectivité it names, nor its months and years, nor a first
    name that no passage prints.

    Place and period are filters already; a passage rarely repeats the town's name, so counting it would make every
    passage look as if it missed part of the question. A first name the question prints and no passage found does
    is a private person's, masked in every published text (« le contrat aidé signé avec Julien »): no passage can
    hold it.
    """
    places = set()
    for name in hits_collectivites(hits):
        named = terms_extract(name)
        places.update(named)
        # … and its name shortened to the initials of its first words (« la CC des Lisières de l'Oise », « la CCLO »
        # for the Communauté de communes des Lisières de l'Oise).
        places.update("".join(term[0] for term in named[:length]) for length in range(2, len(named) + 1))
    printed = " ".join(f"{hit.heading} {hit.text}" for hit in hits)
    masked = set()
    for word in _GIVEN_NAME_SHAPE.findall(question):
        if word not in printed and given_name_known(word):
            masked.update(terms_extract(word))
    return [
        t for t in terms_extract(question)
        if t not in places and t not in masked and t not in _MONTH_STEMS and not _YEAR.fullmatch(t)
    ]


# A capitalised word inside the question (its first word is capitalised whatever it is), hyphenated or not.
_GIVEN_NAME_SHAPE = re.compile(r"(?<=\s)[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?")


def hits_collectivites(hits: list[SearchHit]) -> set[str]:
    """The names of the collectivités the passages are from."""
    return {hit.collectivite for hit in hits if hit.collectivite}


_QUESTION_WORD = re.compile(r"\w[\w-]*")  # an elided article (« d'électricité ») is a word of one letter, no term


def unprinted_words(reading: Reading) -> list[str]:
    """The question's words, as it writes them, whose terms the minutes searched never print (`Reading.unprinted`):
    not a name in title case (a private person's is masked in every published text, so never printed)."""
    words: list[str] = []
    for match in _QUESTION_WORD.finditer(reading.question):
        word = match.group(0)
        if match.start() > 0 and word[:1].isupper() and not word.isupper():
            continue
        if set(terms_extract(word)) & reading.unprinted and word not in words:
            words.append(word)
    return words


def _idf(terms: list[str], documents: list[set[str]]) -> dict[str, float]:
    """How much each term tells the passages read apart, times how rare it is in all the published minutes.

    Among the passages read alone, a word every town's minutes print (« école », « commune ») weighs as much as
    the one the question is about (« défibrillateur ») when few of them print it; the rarity across the minutes
    (`search.selectors.terms_rarity`) keeps them apart. Leave-one-collectivité-out over dev + dev2 (`evaluate
    --loco`), macro correct / citation precision / declined / false refusals: among the passages read only 0.785 /
    0.923 / 0.541 / 0.084, both (this) 0.801 / 0.908 / 0.640 / 0.057; across the minutes only, by the same refits
    outside `evaluate`, correct / declined / false refusals 0.798 / 0.623 / 0.075 (both there: 0.802 / 0.640 / 0.057).
    """
    total, rarity = len(documents), terms_rarity(set(terms))
    return {t: r * math.log(1 + (total + 1) / (sum(1 for d in documents if t in d) + 0.5)) for t, r in rarity.items()}


def share(weights: dict[str, float], terms: set[str]) -> float:
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in terms) / total if total else 0.0


def _pairs(terms: list[str]) -> set[tuple[str, str]]:
    return set(zip(terms, terms[1:]))


def _semantic(cosine: float | None) -> float:
    """An e5 cosine similarity mapped from the narrow band where they live to [0, 1]."""
    if cosine is None:
        return 0.0
    return min(1.0, max(0.0, (cosine - SEMANTIC_LOW) / (SEMANTIC_HIGH - SEMANTIC_LOW)))


def years_agree(years: set[str], hit: SearchHit) -> bool:
    """No year asked, or the passage's séance, heading or text has one of them (or the next, for « fin 2014 »)."""
    if not years:
        return True
    found = set(_YEAR.findall(f"{hit.heading} {hit.text}"))
    if hit.seance_date:
        found.add(str(hit.seance_date.year))
    return any(y in found or str(int(y) + 1) in found for y in years)


Period = tuple[datetime.date, datetime.date]


def _months_overlap(periods: tuple[Period, ...], first: datetime.date, last: datetime.date) -> bool:
    return any((start.year, start.month) <= (last.year, last.month) and (first.year, first.month) <= (end.year, end.month)
               for start, end in periods)


def periods_agree(periods: tuple[Period, ...], hit: SearchHit) -> bool:
    """No period asked (« en juillet 2020 », « fin 2014 »), or the passage's séance is in one, to the month (a
    séance's minutes may be printed later: its date, not the text's dates, tells when it sat)."""
    if not periods:
        return True
    if hit.seance_date:
        return _months_overlap(periods, hit.seance_date, hit.seance_date)
    return any(_months_overlap(periods, start, end) for start, end in dates_named(f"{hit.heading} {hit.text}")[0])


def kind_fit(kind: QuestionKind, values: dict[str, float]) -> float:
    """How well a sentence has the shape of the answer asked for: 1 fits, 0 does not; 0.5 when nothing is asked."""
    asked = kind.asked
    return max(values[k] for k in asked) if asked else 0.5


def _acronyms_spelt(question: str):
    """A function that adds to a text's terms what its acronyms and the question's spell out: the question's
    « contrat d'engagement éducatif » is in a sentence that says « CEE », its « CCAS » in one that says « centre
    communal d'action sociale »."""
    spelt_out = initials_runs(terms_extract(question))
    asked = {acronym: terms_extract(acronym) for acronym in acronyms_in(question)}
    lengths = {len(acronym) for acronym in asked}

    def spelt(read: _TextRead) -> list[str]:
        extra = [term for acronym in read.acronyms if acronym in spelt_out for term in spelt_out[acronym]]
        if asked:
            runs = initials_runs(list(read.terms), lengths=lengths)
            extra += [term for acronym, terms_of in asked.items() if acronym in runs for term in terms_of]
        return [*read.terms, *extra]

    return spelt


# The same passages answer many questions (of the sentences the dev questions read, half had been read for an
# earlier one): what a text gives whatever the question is, it gives once.
@functools.lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[str, ...]:
    """A passage's sentences, those that instruct the reader left out."""
    return tuple(s for s in sentences_split(text) if not instruction_like(s))


@dataclass(frozen=True)
class _TextRead:
    """What a sentence or a heading gives whatever the question (`_text_read`)."""

    terms: tuple[str, ...]
    acronyms: frozenset[str]
    operative: bool
    vote: bool
    visa: bool


# Read only for a question that gives a number (most give none).
_numbers = functools.lru_cache(maxsize=16384)(numbers_given)


@functools.lru_cache(maxsize=16384)
def _text_read(text: str) -> _TextRead:
    return _TextRead(
        terms=tuple(terms_extract(text)),
        acronyms=frozenset(acronyms_in(text)),
        operative=decision_like(text),
        vote=vote_like(text),
        visa=visa_like(text),
    )


def reading_build(*, question: str, hits: list[SearchHit], ranks: list[int], followers: set[int] | None = None) -> Reading:
    """Split the passages into sentences and compute each sentence's features."""
    followers = followers or set()
    kind = question_kind(question)
    subject = subject_terms(question, hits)
    question_pairs = _pairs(subject)
    question_numbers = {n for n in numbers_given(question) if not _YEAR.fullmatch(n)}
    years = set(_YEAR.findall(question))
    periods = dates_named(question)[0]
    split = [_sentences(hit.text) for hit in hits]
    spelt = _acronyms_spelt(question)
    sentence_terms = [[spelt(_text_read(s)) for s in sentences] for sentences in split]
    heading_terms = [set(spelt(_text_read(hit.heading))) for hit in hits]
    idf = _idf(subject, [set(t) for terms in sentence_terms for t in terms] + heading_terms)
    phrasing = set(terms_extract(" ".join(verbs(question))))
    idf = {t: w * QUESTION_VERB_WEIGHT if t in phrasing else w for t, w in idf.items()}
    # The collectivité and the months are filters, as for the subject terms.
    collectivites = hits_collectivites(hits)
    named = {fold(word) for name in collectivites for word in re.findall(r"\w+", name)}
    question_vectors = content_word_vectors(question, leave_out=frozenset(named) | _MONTH_WORDS)
    unit_terms = [heading_terms[i].union(*map(set, sentence_terms[i])) for i in range(len(hits))]
    act_terms: dict[int, set[str]] = {}
    for index, hit in enumerate(hits):
        if hit.deliberation_id is not None:
            act_terms.setdefault(hit.deliberation_id, set()).update(unit_terms[index])
    # The terms of what a « combien de … » question counts, unless it counts votes.
    counted = set(question_focus(question)) if kind.wants_count and not kind.asks_vote else set()
    closeness = iter(words_closeness(question_vectors, [sentence for sentences in split for sentence in sentences]))
    candidates: list[Candidate] = []
    for index, hit in enumerate(hits):
        passage = {
            "terms_passage": share(idf, unit_terms[index]),
            "terms_heading": share(idf, heading_terms[index]),
            "terms_unit": share(idf, act_terms.get(hit.deliberation_id, unit_terms[index])),
            "semantic": _semantic(hit.semantic_score),
            "rank": 1 / (1 + ranks[index] / 2),
            "keyword_top": float(hit.keyword_rank is not None and hit.keyword_rank <= 3),
            "semantic_top": float(hit.semantic_rank is not None and hit.semantic_rank <= 3),
            "follower": float(index in followers),
            "act": float(hit.deliberation_id is not None),
            "year": float(years_agree(years, hit)),
            "month": float(periods_agree(periods, hit)),
        }
        for position, (sentence, terms) in enumerate(zip(split[index], sentence_terms[index])):
            values = sentence_values(sentence, kind.asked)
            if counted:
                # What the question counts, counted, is the count asked; another count (a tally, « 15 suffrages
                # obtenus ») is only likely to be.
                values["count"] = 1.0 if counts_of(sentence, counted) else min(values["count"], 0.5)
            read = _text_read(sentence)
            term_set = set(terms)
            words = len(sentence.split())
            features = dict(passage)
            features.update(
                terms=share(idf, term_set),
                pairs=len(question_pairs & _pairs(terms)) / len(question_pairs) if question_pairs else 0.0,
                close=next(closeness),
                numbers=float(bool(question_numbers) and bool(question_numbers & _numbers(sentence))),
                fit=kind_fit(kind, values),
                operative=float(read.operative),
                vote=float(read.vote),
                visa=float(read.visa),
                title=float(bool(term_set) and len(term_set & heading_terms[index]) / len(term_set) > 0.8),
                long=min(words, 60) / 60,
                short=float(words < 6),
                first=float(position == 0),
            )
            for k in KINDS:
                features[f"fit_{k}"] = values.get(k, 0.0)
            candidates.append(Candidate(sentence, index, position, features, values))
    nouns = {t for t in subject if t not in phrasing}
    unprinted = nouns - terms_printed(nouns, collectivites=collectivites) if collectivites else set()
    return Reading(question, kind, hits, ranks, candidates, idf, unit_terms, unprinted)


def readings_score(reading: Reading, model: ReaderModel) -> None:
    for candidate in reading.candidates:
        candidate.logit = model.sentence.logit(candidate.features)


# ---------------------------------------------------------------------------
# Picking the answer
# ---------------------------------------------------------------------------

MAX_SENTENCES = 3


@dataclass
class Selection:
    """The sentences picked to answer, best first, and the reading they come from."""

    reading: Reading
    sentences: list[Candidate] = field(default_factory=list)

    @property
    def best(self) -> Candidate | None:
        return self.sentences[0] if self.sentences else None


def same_deliberation(hits: list[SearchHit], ranks: list[int], a: int, b: int) -> bool:
    """Two passages of one délibération sharing a page; without a known délibération, a hit and its follower."""
    one, other = hits[a], hits[b]
    if one.deliberation_id is None:
        # A follower stands at its parent's rank (see `qa.services._hits_expand`).
        return ranks[a] == ranks[b] and one.document_id == other.document_id
    shares_a_page = other.page_start <= one.page_end and one.page_start <= other.page_end
    return other.deliberation_id == one.deliberation_id and shares_a_page


def evidence_select(*, reading: Reading, model: ReaderModel) -> Selection:
    """The best sentence, then up to two more from its own délibération, best first; one that announces what
    follows (« … nous proposons le nom : ») comes with the next.

    The sentence that matches the question's words is often the exposé; the value asked for sits a few lines
    further, with few of the question's words. Companions come only from the best sentence's délibération, on its
    pages, so that every citation stays on the pages that answer.
    """
    readings_score(reading, model)
    ordered = sorted(reading.candidates, key=lambda c: -c.logit)
    selection = Selection(reading=reading)
    if not ordered:
        return selection
    best = ordered[0]
    hits, ranks = reading.hits, reading.ranks
    picked = [best]
    for candidate in ordered[1:]:
        if len(picked) >= MAX_SENTENCES:
            break
        if not same_deliberation(hits, ranks, best.passage_index, candidate.passage_index):
            continue
        if any(_near_duplicate(candidate.text, p.text) for p in picked):
            continue
        # Another passage means another citation: only inside a known délibération (in a list of items, the next
        # passage holds other items).
        if candidate.passage_index != best.passage_index and not hits[best.passage_index].deliberation_id:
            continue
        picked.append(candidate)
    # A sentence that ends announcing what follows (« Pour la dénommer, nous proposons le nom : ») is read with the
    # next one, which says it (« Pierre Gilles de GENNES (1932-2007) »).
    following = {(c.passage_index, c.position): c for c in reading.candidates}
    for sentence in list(picked):
        after = following.get((sentence.passage_index, sentence.position + 1))
        if sentence.text.rstrip().endswith(":") and after is not None and after not in picked:
            picked.append(after)
    selection.sentences = picked
    return selection


def _near_duplicate(a: str, b: str) -> bool:
    # Passages overlap by a line, so the same sentence may come twice.
    ta, tb = set(terms_extract(a)), set(terms_extract(b))
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) > 0.8


def proposal_pick(selection: Selection) -> Candidate | None:
    """The sentence of the best délibération that says what was put to the vote and names something of the
    question's subject, the reader's likeliest: an outcome (« Adoptée à l'unanimité ») answers « a-t-elle accepté de
    cotiser ? » only beside what was adopted (« il est proposé de ne pas adhérer »); a lead-in (« il est proposé au
    conseil de : ») or another proposal read with it (« … propose la candidature de X en qualité de secrétaire »)
    does not say it."""
    unit = set(deliberation_unit(selection))
    proposals = [c for c in selection.reading.candidates
                 if c.passage_index in unit and c.features["terms"] and proposal_like(c.text)]
    return max(proposals, key=lambda c: c.logit, default=None)


def deliberation_unit(selection: Selection) -> list[int]:
    """The hits of the best sentence's délibération."""
    if selection.best is None:
        return []
    reading = selection.reading
    return [
        i
        for i in range(len(reading.hits))
        if same_deliberation(reading.hits, reading.ranks, selection.best.passage_index, i)
    ]
