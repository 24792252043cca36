"""Evidence selection: split retrieved passages into sentences and pick those that answer the question."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field

from search.backends.base import SearchHit

# ---------------------------------------------------------------------------
# Words
# ---------------------------------------------------------------------------

# Words that say nothing about a question's subject (accents already folded).
STOP_WORDS = frozenset(
    """
    a afin ai aie ainsi al alors apres au aucun aucune aupres aussi autre autres aux avait avaient avant avec avoir
    c ca car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez ci comme comment combien
    d dans de depuis des deja desormais donc dont du e elle elles en encore entre est et etaient etait etant ete
    etre eu eux fait faire fut il ils j je jusqu jusque l la laquelle le lequel les lesquelles lesquels leur
    leurs lors lorsqu lorsque lui m ma mais me meme memes mes moi mon n ne ni non nos notre nous on ont ou par
    parce pas peu peut plus pour pourquoi quand que quel quelle quelles quels qu qui quoi s sa sans se selon
    ses si son sont sous sur t ta te tes toi ton tous tout toute toutes tres tu un une unes uns vers vos votre
    vous y elu elus elue elues
    """.split()
)

_TOKEN = re.compile(r"\w+", re.UNICODE)


def text_fold(text: str) -> str:
    """Lowercase, without accents, ligatures opened: « Élue œuvre » → « elue oeuvre »."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@functools.cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("french")


@functools.lru_cache(maxsize=50000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


# An ordinal is its number: « troisième décision modificative » is « décision modificative n°3 », « 3ème ».
_ORDINALS = {
    word: str(number)
    for number, words in enumerate(
        [
            ("premier", "premiere", "1er", "1ere", "1re"),
            ("deuxieme", "second", "seconde", "2e", "2eme", "2nd", "2nde"),
            ("troisieme", "3e", "3eme"),
            ("quatrieme", "4e", "4eme"),
            ("cinquieme", "5e", "5eme"),
            ("sixieme", "6e", "6eme"),
            ("septieme", "7e", "7eme"),
            ("huitieme", "8e", "8eme"),
            ("neuvieme", "9e", "9eme"),
            ("dixieme", "10e", "10eme"),
        ],
        start=1,
    )
    for word in words
}


def terms_extract(text: str) -> list[str]:
    """Content words of a text as French stems, accents folded, stop words and one-letter words left out."""
    return [
        _ORDINALS.get(word) or _stem(word)
        for word in _TOKEN.findall(text_fold(text))
        if word not in STOP_WORDS and (len(word) > 1 or word.isdigit())
    ]


# ---------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------

# Words after which a full stop does not end a sentence (« art. L. 2121-29 », « M. Dupont », « n° »).
ABBREVIATIONS = frozenset(
    """
    art arts al mm mme mmes mlle mr st ste dr me no nos cf p pp ex etc av bd ch chap vol env hab ref coll
    cad approx tel fax min max sect parc ha ca op art1 ann anc ets cie sa sarl eurl dept dep reg av j-c
    """.split()
)
# A new line starting with one of these opens a new sentence (lists of decisions, bullets, numbered items).
_BULLET = re.compile(r"^(?:[-–—•●▪◦*>]|\d{1,3}[°).-]|[a-z][).]|[IVX]{1,4}[.)-])\s")
# A line drawn across the page (« ------ », « ______ »): as good as an empty line.
_RULE = re.compile(r"^[-–—_=*.~·]{3,}$")
_SENTENCE_END = re.compile(r"[.!?…]+[»\")]*\s+(?=[«\"(]?\s?[A-ZÀ-ÖØ-Þ0-9])")
MAX_SENTENCE_WORDS = 70


@dataclass(frozen=True)
class Sentence:
    text: str
    index: int  # position in its passage


def sentences_split(text: str) -> list[str]:
    """Sentences of a passage whose lines were cut by the PDF layout, robust to abbreviations and numbers."""
    sentences: list[str] = []
    for block in _blocks(text):
        sentences.extend(_block_split(block))
    return [s for s in (" ".join(s.split()) for s in sentences) if _TOKEN.search(s)]


def _blocks(text: str) -> list[str]:
    """Lines glued back into paragraphs; a bullet, a heading in capitals or a line ending « : » or « ; » cuts."""
    blocks: list[list[str]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or _RULE.match(line):
            if blocks and blocks[-1]:
                blocks.append([])
            continue
        previous = blocks[-1][-1] if blocks and blocks[-1] else ""
        starts_new = (
            not blocks
            or not previous
            or _BULLET.match(line)
            or previous.endswith((":", ";"))
            or _is_heading(line)
            or _is_heading(previous)
        )
        if starts_new:
            blocks.append([line])
        elif previous.endswith("-") and line[:1].islower() and not previous.endswith(" -"):
            # A word cut at the line end: « commu-\nnale ».
            blocks[-1][-1] = previous[:-1] + line
        else:
            blocks[-1].append(line)
    return [" ".join(lines) for lines in blocks if lines]


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def _block_split(block: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(block):
        before = block[start : match.start()]
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        if _is_abbreviation(last_word):
            continue
        pieces.append(block[start : match.end()].strip())
        start = match.end()
    pieces.append(block[start:].strip())
    result: list[str] = []
    for piece in pieces:
        result.extend(_long_split(piece))
    return [p for p in result if p]


def _is_abbreviation(word: str) -> bool:
    bare = re.split(r"['’]", text_fold(word.strip("«\"'(").rstrip(".")))[-1]
    if not bare:
        return True
    # An initial or a single letter (« L. 2121-29 », « J. Dupont »), or a known abbreviation.
    if len(bare) == 1 and bare.isalpha():
        return True
    return bare in ABBREVIATIONS or bare.endswith("°")


def _long_split(sentence: str) -> list[str]:
    """A sentence of several decisions joined by « ; » is cut there when it runs too long."""
    if len(sentence.split()) <= MAX_SENTENCE_WORDS:
        return [sentence]
    parts = [p.strip() for p in re.split(r"(?<=;)\s+", sentence) if p.strip()]
    return parts if len(parts) > 1 else [sentence]


# Text in a document that speaks to a language model rather than to the council: never evidence.
_INSTRUCTION = re.compile(
    r"ignore[rsz]?\s+(?:toutes?\s+)?(?:les\s+|tes\s+|vos\s+)?(?:instructions|consignes|directives|r[eè]gles)"
    r"|(?:instructions|consignes)\s+(?:pr[eé]c[eé]dentes|ci-dessus|du\s+syst[eè]me)"
    r"|ignore\s+(?:all\s+)?(?:previous|prior|above)\s+instructions|system\s+prompt|\bprompt\b"
    r"|\btu\s+es\s+(?:un|une|d[ée]sormais|maintenant)\b|\ben\s+tant\s+qu['’](?:ia|assistant|intelligence)"
    r"|\b(?:assistant|mod[eè]le\s+de\s+langage|intelligence\s+artificielle|chatbot|\bIA\b)\s*[:,]"
    r"|\br[ée]ponds?\s+(?:uniquement|seulement|toujours|d[ée]sormais)|\boublie[sz]?\s+(?:tout|les|tes|vos)",
    re.I,
)


def instruction_like(sentence: str) -> bool:
    """Whether a sentence tries to instruct a model (« ignore les instructions précédentes… »)."""
    return bool(_INSTRUCTION.search(sentence))


def passage_text_safe(text: str) -> str:
    """The passage without its sentences addressed to a model: what a model may read."""
    return " ".join(s for s in sentences_split(text) if not instruction_like(s))


# ---------------------------------------------------------------------------
# What the question asks for
# ---------------------------------------------------------------------------

_NUMBER = r"\d[\d  .]*(?:,\d+)?"
_AMOUNT = re.compile(
    rf"{_NUMBER}\s*(?:€|euros?\b|eur\b|k€|m€|%|pour\s*cent|millions?|milliards?"
    rf"|heures?\b|h\b|jours?\b|semaines?\b|mois\b|ans\b|années?\b|m2|m²|ha\b|hectares?|km\b|mètres?\b|places?\b)",
    re.I,
)
_ANY_NUMBER = re.compile(r"\b\d+(?:[ .,]\d+)*\b")
_COUNT = re.compile(
    r"\b(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize)\s+"
    # « 14 000 € pour… » is no vote: « pour » counts only where a tally goes on (« 12 pour, 2 contre »).
    r"(?:voix|votes?|«\s*pour|«\s*contre|pour\s*(?=[,;.)]|et\b|$)|contre\b|abstentions?|membres|conseillers|élus|suffrages)",
    re.I,
)
# How a vote went; the bare word « vote » is no result (« Vote des tarifs communaux 2015 »).
_VOTE = re.compile(
    r"unanimit|\bvoix\b|\bvotes?\s+(?:pour|contre|blancs?|nuls?)\b|r[ée]sultat du vote|\bpour\s*:|\bcontre\b|abstention"
    r"|majorit|prépondérante",
    re.I,
)
_MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b(?:{_MONTHS})\s+\d{{4}}\b"
    rf"|\b(?:rentrée|année|exercice)\s+(?:scolaire\s+)?\d{{4}}",
    re.I,
)
_CIVILITE_NAME = re.compile(
    r"\b(?:M\.|MM\.|Mme|Mmes|Monsieur|Madame|Mademoiselle)\s+[A-ZÀ-Þ][\w'’\-]+|\b[A-ZÀ-Þ]{3,}(?:-[A-ZÀ-Þ]{2,})?\b"
    r"|\b[A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?\s+[A-ZÀ-Þ]{2,}"
    # A name after the verb that elects, appoints or gives the floor: « élit Nicolas Dupont », « désigne Anne ».
    r"|\b(?:[ée]lit|[ée]lue?|d[ée]sign[ée]e?|nomm[ée]e?|proclam[ée]e?|pr[ée]sent[ée]e?|propos[ée]e?)\s+[A-ZÀ-Þ][a-zß-ÿ]+",
)
# A named organisation (« la société SULO France », « l'association « Les Compagnons… » », « ROCHE SARL »), not
# the bare word (« c'est l'entreprise qui réalisera… »).
_ORGANISATION = re.compile(
    r"\b(?:soci[ée]t[ée]|entreprise|association|cabinet|groupe|bureau d['’][ée]tudes|syndicat|fondation)\s+"
    r"(?:«\s*)?[A-ZÀ-Þ]|\b(?:SARL|SAS|SASU|SA|SCI|SEM|SPL|EURL|SCOP)\b"
)
# A word in capitals may name a body (« SEEDR ») as well as a tax (« TEOMI »): half a fit.
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
# What the council resolved: an item of the operative part (« - élit… », « - De fixer… », « - DECIDE »), or the
# sentence that carries the vote (« après en avoir délibéré, … ACCEPTENT … », « Résultat du vote : … »).
_OPERATIVE = re.compile(
    r"^[-–•]\s*(?:[Dd][Ee]\s+|[Dd]['’]\s*)?(?!(?:les?|la|des|du|une?|aux?|pour|dont|par|sur|avec|dans)\b)"
    r"(?:[a-zà-ÿ]{3,}|[A-ZÀ-Þ]{4,})\b(?!\s*:)|apr[eè]s (?:en )?avoir d[ée]lib[ée]r[ée]\W+\w"
    r"|(?i:\bunanimit|\b\d+\s+voix\b|r[ée]sultat du vote|\badopt[ée]e?\b)"
    r"|\b(?:DECIDE|DÉCIDE|ACCEPTE|APPROUVE|ADOPTE)"
    r"|\b(?:d[ée]cide|approuve|adopte|[ée]lit|attribue|fixe)\s+(?:de\s|d['’]|l[ae']|les\s)",
)
_REASON = re.compile(
    r"\bau motif\b|\ben raison\b|\bmotiv[ée]|\bà la suite\b|\bsuite à\b|\bparce qu|\bcar\b|\bafin de\b"
    r"|\bcompte tenu\b|\bdu fait\b|\bnécessaire\b|\bobligation\b",
    re.I,
)
_DECISION = re.compile(r"\bd[ée]cide|\baccepte|\brefuse|\bapprouve|\bémet|\bemet|\bavis|\bne pas\b|\brejet", re.I)


@dataclass(frozen=True)
class QuestionKind:
    wants_amount: bool = False
    wants_count: bool = False
    wants_date: bool = False
    wants_person: bool = False
    wants_organisation: bool = False
    wants_decision: bool = False
    wants_reason: bool = False


def question_kind(question: str) -> QuestionKind:
    """What shape of answer the question's wording calls for (« combien » a number, « quand » a date…)."""
    q = text_fold(question)
    count = bool(re.search(r"combien\s+(?:d'|de\s+)(?:conseill|elu|membre|voix|vote|personne|agent)", q))
    amount = not count and bool(
        re.search(
            r"combien|quel(?:le)?s?\s+(?:montant|prix|somme|cout|tarif|taux|part|pourcentage|niveau|subvention|budget)"
            r"|a quel (?:prix|montant|niveau|taux)|pour quelle somme|pour quel prix|coup de pouce"
            r"|temps de travail|combien d'heures|quelle duree",
            q,
        )
    )
    date = bool(re.search(r"\bquand\b|quelle date|a partir de quand|jusqu'a quand|depuis quand|quelle rentree|quelle annee", q))
    person = bool(
        re.search(r"^qui\b|\bqui\s+(?:a|est|sont|ont)\b|quel(?:le)?s?\s+(?:elue?s?|conseill\w*|adjointe?|maire|rapporteur|personne)"
                  r"|\ba qui\b|\bqui\b.*\belu", q)
    )
    # « À qui la Ville vend-elle… »: a person or a body.
    organisation = bool(
        re.search(r"quel(?:le)?s?\s+(?:entreprise|societe|association|prestataire|cabinet|organisme)|\ba qui\b", q)
    )
    # A yes/no question asks what was decided: no interrogative word, or a subject inverted before the first one
    # (« les cabanes sont-elles exonérées, et comment… »); and so does « quel avis »…
    wh_word = re.search(r"\b(?:combien|quel(?:le)?s?|qui|quand|ou|comment|lequel|laquelle|quoi)\b", q)
    yes_no = not wh_word or bool(re.search(r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b", q[: wh_word.start()]))
    decision = yes_no or bool(re.search(r"quel avis|qu'a repondu|unanim|accepte|refuse", q))
    reason = bool(re.search(r"\bpourquoi\b|pour quelle raison|quel motif", q))
    return QuestionKind(amount, count, date, person, organisation, decision, reason)


# « Combien de trottinettes… », « Quel est le prix d'un repas… », « Quel montant de subvention… »: the thing
# counted or priced. The adjectives between the measure and « de » are skipped (« le montant mensuel brut de »).
_FOCUS = re.compile(
    r"(?:combien\s+(?:de\s+|d')|quel(?:le)?s?\s+(?:est\s+|sont\s+|etait\s+)?(?:le\s+|la\s+|les\s+|l')?"
    r"(?:prix|tarifs?|montants?|nombre|couts?|taux)\s+(?:(?!(?:la|le|les|l|ce|cette)\b)\w+\s+){0,2}?"
    r"(?:de\s+|d'|du\s+|des\s+))"
    r"(?:la\s+|le\s+|l'|les\s+|un\s+|une\s+)?"
    # The noun and at most two more words, a bare complement included (« agents de police »), up to an article
    # or a preposition.
    r"([\w-]+(?:\s+(?:de\s+|d')?"
    r"(?!(?:la|le|les|l|du|des|un|une|ce|cette|a|au|aux|en|sur|par|pour|dans|que|qui|ont|est|sont)\b)[\w-]+){0,2})"
)
# Who is counted in a vote is rarely named in it (« 2 contre »): these words need not be found.
_COUNTED_MEMBERS = re.compile(r"^(?:conseill|elu|membre|voix|vote|suffrage|municipa|communautair)")


def question_focus(question: str) -> list[str]:
    """The terms of what a « combien de … » or « quel est le prix de … » question measures (stems)."""
    match = _FOCUS.search(text_fold(question))
    if not match:
        return []
    # A place named there (« combien d'élus de Montpellier ») is the collectivité, already filtered on.
    proper = {text_fold(w) for w in re.findall(r"\b[A-ZÀ-Þ][\w-]*", question)}
    words = [w for w in _TOKEN.findall(match.group(1)) if w not in proper]
    return [t for t in terms_extract(" ".join(words)) if not _COUNTED_MEMBERS.match(t)]


def decision_like(sentence: str) -> bool:
    """Whether a sentence belongs to what the council resolved rather than to the exposé that precedes it."""
    return bool(_OPERATIVE.search(sentence))


def kind_match(*, kind: QuestionKind, sentence: str) -> float:
    """How well a sentence has the shape of the answer asked for: 1 fits, 0 does not; 0.5 when nothing is asked."""
    wanted = []
    if kind.wants_amount:
        wanted.append(1.0 if _AMOUNT.search(sentence) else 0.5 if _ANY_NUMBER.search(sentence) else 0.0)
    if kind.wants_count:
        wanted.append(1.0 if _COUNT.search(sentence) else 0.5 if _VOTE.search(sentence) else 0.0)
    if kind.wants_date:
        wanted.append(1.0 if _DATE.search(sentence) else 0.0)
    if kind.wants_person:
        wanted.append(1.0 if _CIVILITE_NAME.search(sentence) else 0.0)
    if kind.wants_organisation:
        wanted.append(1.0 if _ORGANISATION.search(sentence) else 0.5 if _ACRONYM.search(sentence) else 0.0)
    if kind.wants_decision:
        wanted.append(1.0 if (_VOTE.search(sentence) or _DECISION.search(sentence)) else 0.0)
    if kind.wants_reason:
        wanted.append(1.0 if _REASON.search(sentence) else 0.0)
    return max(wanted) if wanted else 0.5


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Weights:
    """Knobs of the sentence score, tuned on the dev questions (no knob names a document or a town)."""

    sentence_terms: float = 0.35
    passage_terms: float = 0.15
    semantic: float = 0.15
    kind: float = 0.15
    # The retrieval rank says much: the search engine read the whole passage with both retrievers.
    rank: float = 0.2
    rank_halving: float = 2.0
    # A question naming a year is not answered by a passage of another year.
    other_year_factor: float = 0.7
    # e5 cosine similarities live in a narrow band; this maps [low, high] to [0, 1].
    semantic_low: float = 0.75
    semantic_high: float = 0.9
    # The best sentence and at most two companions from its délibération.
    max_sentences: int = 3


@dataclass
class ScoredSentence:
    text: str
    passage_index: int  # index into the hits given
    position: int  # position of the sentence in its passage
    score: float
    terms_share: float  # weighted share of the question's terms found in the sentence
    passage_share: float  # … in the sentence's passage with its heading
    kind_fit: float


@dataclass
class Selection:
    """The sentences picked to answer, best first, and what the abstention decision reads."""

    sentences: list[ScoredSentence] = field(default_factory=list)
    candidates: int = 0
    question_terms: int = 0
    # What the question measures (« combien de trottinettes ») and the evidence's délibération never names.
    focus_missing: list[str] = field(default_factory=list)

    @property
    def best(self) -> ScoredSentence | None:
        return self.sentences[0] if self.sentences else None


def _weights_idf(question_terms: list[str], documents: list[set[str]]) -> dict[str, float]:
    """IDF of each question term among the candidate sentences: a word found everywhere weighs little."""
    total = len(documents)
    weights = {}
    for term in set(question_terms):
        frequency = sum(1 for terms in documents if term in terms)
        weights[term] = math.log(1 + (total + 1) / (frequency + 0.5))
    return weights


def _share(weights: dict[str, float], terms: set[str]) -> float:
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in terms) / total if total else 0.0


def evidence_select(
    *, question: str, hits: list[SearchHit], weights: Weights | None = None, ranks: list[int] | None = None
) -> Selection:
    """Score every sentence of the retrieved passages against the question and keep 1–3 that answer it.

    `ranks`: the retrieval rank each hit stands for (a passage read after its parent shares its rank).
    """
    weights = weights or Weights()
    ranks = ranks or list(range(len(hits)))
    question_terms = terms_extract(question)
    kind = question_kind(question)
    years = set(_YEAR.findall(question))
    split = [[s for s in sentences_split(hit.text) if not instruction_like(s)] for hit in hits]
    sentence_terms = [[set(terms_extract(s)) for s in sentences] for sentences in split]
    heading_terms = [set(terms_extract(hit.heading)) for hit in hits]
    idf = _weights_idf(question_terms, [t for terms in sentence_terms for t in terms] + heading_terms)
    scored: list[ScoredSentence] = []
    for index, hit in enumerate(hits):
        passage_terms = set().union(heading_terms[index], *sentence_terms[index]) if sentence_terms[index] else heading_terms[index]
        passage_share = _share(idf, passage_terms)
        semantic = _semantic_norm(hit.semantic_score, weights)
        rank_prior = 1 / (1 + ranks[index] / weights.rank_halving)
        year_factor = 1.0 if _years_agree(years, hit) else weights.other_year_factor
        for position, (sentence, terms) in enumerate(zip(split[index], sentence_terms[index])):
            terms_share = _share(idf, terms)
            fit = kind_match(kind=kind, sentence=sentence)
            score = year_factor * (
                weights.sentence_terms * terms_share
                + weights.passage_terms * passage_share
                + weights.semantic * semantic
                + weights.kind * fit
                + weights.rank * rank_prior
            )
            scored.append(ScoredSentence(sentence, index, position, score, terms_share, passage_share, fit))
    selection = Selection(candidates=len(scored), question_terms=len(set(question_terms)))
    if not scored:
        return selection
    scored.sort(key=lambda s: -s.score)
    selection.sentences = _answer_pick(scored, hits=hits, ranks=ranks, weights=weights)
    best = selection.best.passage_index
    unit = [i for i in range(len(hits)) if _same_deliberation(hits, ranks, best, i)]
    named = set().union(*(heading_terms[i] | set().union(*sentence_terms[i]) for i in unit))
    selection.focus_missing = [t for t in question_focus(question) if t not in named]
    return selection


def _answer_pick(
    scored: list[ScoredSentence], *, hits: list[SearchHit], ranks: list[int], weights: Weights
) -> list[ScoredSentence]:
    """The best sentence, then up to two more from its own délibération, those that carry what is asked first.

    The sentence that matches the question's words is often the exposé; the value asked for (the amount, the
    name elected, the outcome) sits a few lines further, with few of the question's words. Companions come
    only from the best sentence's délibération, on its pages, so that every citation stays on the pages
    that answer.
    """
    best = scored[0]
    companions = [s for s in scored[1:] if _same_deliberation(hits, ranks, best.passage_index, s.passage_index)]
    companions.sort(key=lambda s: (-_answers_shape(s), -decision_like(s.text), -_adjacent(s, best), -s.score))
    picked = [best]
    for candidate in companions:
        if len(picked) >= weights.max_sentences:
            break
        if any(_near_duplicate(candidate.text, p.text) for p in picked):
            continue
        # A companion says something of the question's subject, or what was asked, or what was resolved.
        if not (_answers_shape(candidate) or decision_like(candidate.text) or candidate.terms_share > 0):
            continue
        # Another passage means another citation: only for the decision itself, of the shape asked for, and
        # only inside a known délibération (in a list of items, the next passage holds other items).
        if candidate.passage_index != best.passage_index and not (
            decision_like(candidate.text) and _answers_shape(candidate) and hits[best.passage_index].deliberation_id
        ):
            continue
        picked.append(candidate)
    return picked


def _same_deliberation(hits: list[SearchHit], ranks: list[int], a: int, b: int) -> bool:
    """Two passages of one délibération sharing a page; without a known délibération, a hit and its follower."""
    one, other = hits[a], hits[b]
    if one.deliberation_id is None:
        # A follower stands at its parent's rank (see `qa.services._hits_expand`).
        return ranks[a] == ranks[b] and one.document_id == other.document_id
    shares_a_page = other.page_start <= one.page_end and one.page_start <= other.page_end
    return other.deliberation_id == one.deliberation_id and shares_a_page


def _answers_shape(sentence: ScoredSentence) -> bool:
    # A full fit exists only when the question asks for something (`kind_match` gives 0.5 otherwise).
    return sentence.kind_fit >= 1.0


def _adjacent(sentence: ScoredSentence, best: ScoredSentence) -> bool:
    # The item next to the best one in a list: « - 3.40 € pour… » before « - 3.50 € … ACCEPTE les tarifs ».
    return sentence.passage_index == best.passage_index and abs(sentence.position - best.position) == 1


_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


def _years_agree(years: set[str], hit: SearchHit) -> bool:
    """No year asked, or the passage's séance, heading or text has one of them (or the year before, for « fin 2014 »)."""
    if not years:
        return True
    found = set(_YEAR.findall(f"{hit.heading} {hit.text}"))
    if hit.seance_date:
        found.add(str(hit.seance_date.year))
    return any(y in found or str(int(y) + 1) in found for y in years)


def _semantic_norm(score: float | None, weights: Weights) -> float:
    if score is None:
        return 0.0
    return min(1.0, max(0.0, (score - weights.semantic_low) / (weights.semantic_high - weights.semantic_low)))


def _near_duplicate(a: str, b: str) -> bool:
    # Passages overlap by a line, so the same sentence may come twice.
    ta, tb = set(terms_extract(a)), set(terms_extract(b))
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) > 0.8
