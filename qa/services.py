"""Answering a question with checked citations, and the question log and feedback that follow."""

from __future__ import annotations

import datetime
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext

from council.models import Deliberation
from french.language import looks_english
from french.values import sentence_values
from qa import llm
from qa.abstention import Decision, abstention_decide, figure_given
from qa.citations import Citation, CitationChecker, CheckedSentence, answer_check, citation_build
from qa.reader import (
    ReaderModel, Reading, Selection, evidence_select, hits_collectivites, proposal_pick, reader_model_load, reading_build,
    unprinted_words,
)
from qa.questions import question_kind
from qa.records import StoredFact, act_vote_printed, stored_facts, vote_sentence
from qa.models import Feedback, QuestionLog
from qa.selectors import question_logs_expired
from search.backends.base import SearchFilters, SearchHit
from search.context import collectivites_named
from search.query import query_clean
from search.selectors import hit_deliberation_url, passages_following, passages_retrieve

EXTRACTIVE, LLM = "extractive", "llm"
RETRIEVE_K = 30
# The best hits whose following passage is read too, and the very best, whose next two are: the passage that
# matches a question's words is often an exposé two passages before the decision that answers it.
EXPANDED_HITS = 8
DEEPER_HITS = 3
# The model reads only the best few passages: small models lose themselves in long prompts.
LLM_SOURCES = 3
CLOSEST_DOCUMENTS = 3
QUESTION_MAX_CHARS = 500


@dataclass
class Answer:
    question: str
    mode: str
    text: str = ""  # every sentence followed by its citation [n]
    sentences: list[CheckedSentence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    reason: str = ""
    confidence: float = 0.0
    # When declining: the documents nearest to the question, to read for oneself.
    closest: list[Citation] = field(default_factory=list)
    # The délibération the answer comes from, as its record stores it (objet, séance, outcome, vote).
    card: dict | None = None
    latency_ms: int = 0
    # When declining: what the reader can do (ask in French), shown above the closest documents.
    advice: str = ""
    # Sentences the model wrote that were not shown: without a valid citation, printing a figure no source prints, or
    # saying nothing the question does not.
    uncited: int = 0
    unprinted: int = 0
    restated: int = 0

    def as_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "advice": self.advice,
            "mode": self.mode,
            "citations": [citation_json(c) for c in self.citations],
            "closest": [citation_json(c) for c in self.closest],
            "deliberation": self.card and self.card | {"seance_date": _iso(self.card["seance_date"])},
            "contact": contact_get(),
        }


def _iso(date) -> str | None:
    return date.isoformat() if date else None


def citation_json(citation: Citation) -> dict:
    return {
        "n": citation.n,
        "deliberation": citation.deliberation,
        "deliberation_url": citation.deliberation_url,
        "document": citation.document,
        "document_id": citation.document_id,
        "pages": citation.pages,
        "quote": citation.quote,
        "url": citation.url,
        "collectivite": citation.collectivite,
        "seance_date": citation.seance_date.isoformat() if citation.seance_date else None,
    }


def contact_get() -> dict:
    """The city's human contact, offered with every answer and every refusal."""
    return {
        "service": settings.CONTACT_SERVICE,
        "phone": settings.CONTACT_PHONE,
        "email": settings.CONTACT_EMAIL,
        "form_url": settings.CONTACT_FORM_URL,
    }


def mode_default() -> str:
    return LLM if llm.llm_configured() else EXTRACTIVE


@dataclass
class Evidence:
    """What retrieval found for a question: the hits, each follower after its parent, and the rank each stands for."""

    question: str
    hits: list[SearchHit]
    ranks: list[int]
    followers: set[int]


@dataclass
class Reasoning:
    """What the reader and the abstention decision made of the evidence."""

    evidence: Evidence
    reading: Reading
    selection: Selection
    facts: list[StoredFact]
    decision: Decision


def evidence_gather(*, question: str, filters: SearchFilters | None = None) -> Evidence:
    """Retrieve the passages a question is answered from (published only)."""
    question = query_clean(question)[:QUESTION_MAX_CHARS]
    if filters is None:
        # A question that names a collectivité is about it: its documents only.
        named = sorted(collectivites_named(question))
        filters = SearchFilters(collectivite_ids=tuple(named)) if named else SearchFilters()
    hits = passages_retrieve(text=question, k=RETRIEVE_K, mode="hybrid", filters=filters) if question else []
    kind = question_kind(question)
    hits, ranks, followers = _hits_expand(hits, votes=kind.asks_vote or kind.asks_outcome)
    return Evidence(question, hits, ranks, followers)


def evidence_read(*, evidence: Evidence, model: ReaderModel | None = None, reading: Reading | None = None) -> Reasoning:
    """Score the sentences, read the stored fields the question asks about, decide whether to answer.

    `reading`: the sentences and features of this evidence, when already computed (the refits reuse them).
    """
    model = model or reader_model_load()
    reading = reading or reading_build(
        question=evidence.question, hits=evidence.hits, ranks=evidence.ranks, followers=evidence.followers
    )
    selection = evidence_select(reading=reading, model=model)
    facts = stored_facts(selection=selection) if selection.best else []
    decision = abstention_decide(selection=selection, model=model, stored=bool(facts))
    return Reasoning(evidence, reading, selection, facts, decision)


def _hits_expand(hits: list[SearchHit], *, votes: bool = False) -> tuple[list[SearchHit], list[int], set[int]]:
    """The best hits each followed by the next passage of their délibération (the next two for the very best), with
    the rank each one stands for.

    The passage that matches a question's words is often the exposé; the decision that answers it (« - élit
    M. X », « - fixe le tarif à … ») follows. The follower stands at its parent's rank, with its similarity.
    With `votes` (the question asks how a vote went), the passage that prints each of these délibérations' vote
    follows too, however far into the act it stands: otherwise the only vote lines read may be another act's.
    """
    following = passages_following(passage_ids=[hit.passage_id for hit in hits[:EXPANDED_HITS]], count=2)
    seen = {hit.passage_id for hit in hits}
    expanded, ranks, followers = [], [], set()

    def follow(follower: SearchHit, parent: SearchHit, rank: int) -> None:
        if follower.passage_id not in seen:
            seen.add(follower.passage_id)
            follower.semantic_score = parent.semantic_score
            followers.add(len(expanded))
            expanded.append(follower)
            ranks.append(rank)

    voted = set()
    for rank, hit in enumerate(hits):
        expanded.append(hit)
        ranks.append(rank)
        for follower in following.get(hit.passage_id, [])[: None if rank < DEEPER_HITS else 1]:
            follow(follower, hit, rank)
        if votes and rank < EXPANDED_HITS and hit.deliberation_id is not None and hit.deliberation_id not in voted:
            voted.add(hit.deliberation_id)
            printed = act_vote_printed(hit.deliberation_id)
            if printed:
                follow(printed[0], hit, rank)
    return expanded, ranks, followers


def _closest(hits: list[SearchHit], question: str) -> list[Citation]:
    seen, closest = set(), []
    for hit in hits:
        if hit.document_id in seen:
            continue
        seen.add(hit.document_id)
        closest.append(citation_build(n=len(closest) + 1, hit=hit, citing=[question]))
        if len(closest) == CLOSEST_DOCUMENTS:
            break
    return closest


def _abstained(answer: Answer, evidence: Evidence, reason: str) -> Answer:
    answer.abstained, answer.reason = True, reason
    answer.text, answer.sentences, answer.citations = "", [], []
    answer.closest = _closest(evidence.hits, evidence.question)
    return answer


def _declined(answer: Answer, reasoning: Reasoning) -> Answer:
    """Declined by the decision: with the question's words the minutes searched never print, when there are some, so
    that the reader can try another word for the same thing."""
    _abstained(answer, reasoning.evidence, reasoning.decision.reason)
    words = unprinted_words(reasoning.reading)
    places = sorted(hits_collectivites(reasoning.reading.hits))
    if words and places:
        answer.advice = ngettext(
            "Les comptes rendus publiés consultés (%(places)s) ne contiennent pas le mot %(words)s : essayez un "
            "autre mot pour la même chose, ou posez votre question à la collectivité.",
            "Les comptes rendus publiés consultés (%(places)s) ne contiennent pas les mots %(words)s : essayez "
            "d'autres mots pour la même chose, ou posez votre question à la collectivité.",
            len(words),
        ) % {"places": ", ".join(places), "words": ", ".join(f"« {word} »" for word in words)}
    return answer


def question_answer(*, question: str, mode: str | None = None, filters: SearchFilters | None = None) -> Answer:
    """Answer from published passages only: every sentence cited and checked, or a plain refusal."""
    started = time.perf_counter()
    mode = mode or mode_default()
    if mode == LLM:
        answer = None
        for event in question_answer_stream(question=question, filters=filters):
            if isinstance(event, Answer):
                answer = event
        return answer
    answer = answer_extract(reasoning=evidence_read(evidence=evidence_gather(question=question, filters=filters)))
    answer.latency_ms = int((time.perf_counter() - started) * 1000)
    return answer_advise(answer)


def answer_advise(answer: Answer) -> Answer:
    """A declined question written in English is told to ask in French (the minutes and the reader are French)."""
    if answer.abstained and looks_english(answer.question):
        answer.advice = _(
            "Le portail lit des procès-verbaux en français et répond aux questions posées en français : "
            "reformulez votre question en français (par exemple « Quel est le tarif de la cantine scolaire ? »)."
        )
    return answer


def answer_extract(*, reasoning: Reasoning) -> Answer:
    """The extractive answer: the stored facts asked about first, then the reader's sentences, each cited."""
    evidence = reasoning.evidence
    answer = Answer(question=evidence.question, mode=EXTRACTIVE, confidence=reasoning.decision.confidence)
    if reasoning.decision.abstain:
        return _declined(answer, reasoning)
    sources = list(evidence.hits)
    lines = []
    for fact in reasoning.facts:
        if fact.hit not in sources:
            sources.append(fact.hit)
        n = sources.index(fact.hit) + 1
        lines.append(f"{fact.text} [{n}].")
        if fact.printed:
            lines.append(f"« {fact.printed.rstrip(' .;:,')} » [{n}].")
    # With a stored fact, the reader's best sentence only says what the délibération is about; to a question on
    # whether the council agreed, what was proposed says what its outcome agreed to. So too where the best sentence
    # for a decision is a vote line or an operative line that names nothing of the subject (« Vote : à l'unanimité »,
    # « Approuvé les taux ci-dessus »).
    picked = _reading_order(reasoning.selection)[: 1 if reasoning.facts else None]
    kind, best = reasoning.selection.reading.kind, reasoning.selection.best
    bare = kind.wants_decision and not best.features["terms"] and bool(
        best.features["vote"] or best.features["operative"]
    )
    if (reasoning.facts and kind.asks_outcome) or bare:
        proposal = proposal_pick(reasoning.selection)
        if proposal is not None and proposal not in picked:
            picked.insert(0, proposal)
    printed = {f.printed for f in reasoning.facts}
    for s in picked:
        if s.text not in printed:
            lines.append(f"{s.text.rstrip(' .;:,')} [{s.passage_index + 1}].")
    _checked_fill(answer, answer_check(text=" ".join(lines), sources=sources), evidence)
    if not answer.abstained:
        answer.card = deliberation_card(hit=evidence.hits[reasoning.selection.best.passage_index])
    return answer


def deliberation_card(*, hit: SearchHit) -> dict | None:
    """What the record of the answer's délibération says: objet, séance, outcome and vote, with its page."""
    if hit.deliberation_id is None:
        return None
    deliberation = Deliberation.objects.filter(pk=hit.deliberation_id, document__published=True).select_related("seance").first()
    if deliberation is None:
        return None
    return {
        "number": deliberation.number,
        "objet": deliberation.objet,
        "seance_date": deliberation.seance.date if deliberation.seance else None,
        "outcome": deliberation.get_outcome_display() if deliberation.outcome != Deliberation.Outcome.UNKNOWN else "",
        "vote": vote_sentence(deliberation),
        "url": hit_deliberation_url(hit=hit),
    }


def _reading_order(selection: Selection):
    """Picked sentences in the order of their passage and position, the best passage first."""
    rank = {}
    for s in selection.sentences:
        rank.setdefault(s.passage_index, len(rank))
    return sorted(selection.sentences, key=lambda s: (rank[s.passage_index], s.position))


def _checked_fill(answer: Answer, checked, evidence: Evidence) -> None:
    if not checked.supported:
        _abstained(answer, evidence, "aucune phrase de la réponse n'est appuyée par une source")
        return
    answer.sentences, answer.citations, answer.text = checked.sentences, checked.citations, checked.text


def question_answer_stream(*, question: str, filters: SearchFilters | None = None) -> Iterator[CheckedSentence | Answer]:
    """LLM mode: each sentence as soon as it is written and checked, then the whole Answer."""
    started = time.perf_counter()
    for event in answer_write(reasoning=evidence_read(evidence=evidence_gather(question=question, filters=filters))):
        if isinstance(event, Answer):
            event.latency_ms = int((time.perf_counter() - started) * 1000)
            event = answer_advise(event)
        yield event


def answer_write(*, reasoning: Reasoning) -> Iterator[CheckedSentence | Answer]:
    """The model's answer over the reasoning's sources: each checked sentence as it comes, then the Answer.

    When the stored fields answer (a vote, an outcome, a rapporteur, a séance date), the answer is theirs, cited
    where they were read, as in the extractive mode: the model is not asked to copy them, nor given the chance to
    miscount a tally (leave-one-collectivité-out on dev + dev2, Qwen2.5-Coder-1.5B: vote questions 7 of 22 right
    written by the model).
    """
    if reasoning.facts and not reasoning.decision.abstain:
        answer = answer_extract(reasoning=reasoning)
        yield from answer.sentences
        yield answer
        return
    evidence = reasoning.evidence
    answer = Answer(question=evidence.question, mode=LLM, confidence=reasoning.decision.confidence)
    if reasoning.decision.abstain:
        _declined(answer, reasoning)
    else:
        sources = _llm_sources(reasoning)
        checker = CitationChecker(sources=sources, question=evidence.question)
        # A question that asks for a sum, a number, a length of time or a date is answered only by sentences that
        # print one, as in the extractive mode (`qa.abstention`): what the model writes is held back until one does,
        # so that an answer that never gives the value is declined with nothing of it shown.
        asked = reasoning.selection.reading.kind.asked_in_figures
        given, held, declined = not asked, [], False
        for sentence in llm.answer_sentences_stream(question=evidence.question, hits=sources):
            if sentence is llm.DECLINED:
                declined = True
                break
            checked = checker.sentence_add(sentence)
            if not checked:
                continue
            given = given or figure_given([sentence_values(checked.body, asked)], asked)
            held.append(checked)
            if given:
                yield from held
                held = []
        answer.uncited, answer.unprinted = len(checker.checked.dropped), len(checker.checked.unprinted)
        answer.restated = len(checker.checked.restated)
        if declined:
            _abstained(answer, evidence, llm.DECLINED_REASON)
        elif not given:
            _abstained(answer, evidence, "la réponse écrite ne donne pas la valeur demandée")
        else:
            _checked_fill(answer, checker.result(), evidence)
    yield answer


def _llm_sources(reasoning: Reasoning) -> list[SearchHit]:
    """The passages of the picked sentences first, then the next best, LLM_SOURCES in all."""
    evidence = reasoning.evidence
    order = []
    for s in reasoning.selection.sentences:
        if s.passage_index not in order:
            order.append(s.passage_index)
    for index in range(len(evidence.hits)):
        if index not in order:
            order.append(index)
    return [evidence.hits[i] for i in order[:LLM_SOURCES]]


# ---------------------------------------------------------------------------
# Question log and feedback
# ---------------------------------------------------------------------------


def question_pseudonymise(*, question: str) -> str:
    """The question with the names of persons it contains replaced, as the public texts are."""
    from privacy.detection import persons_detect, replacements_build
    from privacy.pseudonymise import pseudonymiser_build

    mentions = persons_detect(pages=[question], officials=[])
    return pseudonymiser_build(replacements_build(mentions))(question)


def question_log_record(*, answer: Answer) -> QuestionLog:
    """Keep what the question was and how it went: no address, no browser, no name, and not for ever."""
    now = timezone.now()
    return QuestionLog.objects.create(
        question=question_pseudonymise(question=answer.question),
        expires_at=now + datetime.timedelta(days=settings.QUESTION_LOG_RETENTION_DAYS),
        mode=answer.mode,
        abstained=answer.abstained,
        citation_count=len(answer.citations),
        latency_ms=answer.latency_ms,
    )


def feedback_record(*, question_log: QuestionLog, useful: bool, comment: str = "") -> Feedback:
    comment = question_pseudonymise(question=" ".join(comment.split())[:2000]) if comment.strip() else ""
    return Feedback.objects.create(question_log=question_log, useful=useful, comment=comment)


def question_logs_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete the question logs (and their feedback) past their retention date; returns how many."""
    deleted, by_model = question_logs_expired(now=now).delete()
    return by_model.get(QuestionLog._meta.label, 0)
