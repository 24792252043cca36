"""Answers read from what ingestion stored about a délibération: its vote, outcome, rapporteur and séance date.

Once the reader has found the délibération, a question about its vote is answered from `Deliberation.votes_*`,
`names_*`, `unanimous` and `outcome`, cited on the passage where the vote is printed; a field that is unknown, or
that the text of the passages does not confirm, gives no answer here, and the reader's sentences answer instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q

from council.models import Deliberation
from french.dates import date_words
from french.folding import fold
from french.sentences import sentences_split
from french.values import vote_like
from qa.reader import Selection, deliberation_unit
from search.backends.base import SearchHit
from search.selectors import deliberation_passages

# A « quand » question about the decision itself (« quand le conseil a-t-il approuvé… »), not about a date the
# decision sets (« à partir de quand les horaires s'appliquent-ils »).
# « élu » is the verb (« a été élu »), not the noun (« selon l'élu chargé des finances »).
_WHEN_DECIDED = re.compile(
    r"(?<!partir de )(?<!depuis )(?<!jusqu'a )\b(?:quand|quelle\s+date|a\s+quelle\s+seance|en\s+quelle\s+annee)\b.*"
    r"\b(?:decid|vot|adopt|approuv|delibere|choisi|designe|(?<!l')(?<!un )(?<!les )(?<!des )elu|attribu|autoris)\w*"
)
@dataclass
class StoredFact:
    """A sentence composed from a stored field, and the passage that shows it."""

    text: str
    hit: SearchHit
    # The printed sentence the field was read from, quoted after the fact so that it can be checked.
    printed: str = ""


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count > 1 and not word.endswith(('s', 'x')) else ''}"


def vote_sentence(deliberation: Deliberation) -> str:
    """« Adoptée à l'unanimité (18 voix pour) », « Adoptée par 46 voix pour, 8 contre et 2 abstentions »; "" if unknown."""
    counts = []
    if deliberation.votes_for is not None:
        counts.append(f"{deliberation.votes_for} voix pour")
    if deliberation.votes_against is not None:
        counts.append(f"{deliberation.votes_against} contre")
    if deliberation.votes_abstention is not None:
        counts.append(_plural(deliberation.votes_abstention, "abstention"))
    outcome = {
        Deliberation.Outcome.ADOPTED: "Adoptée",
        Deliberation.Outcome.REJECTED: "Rejetée",
    }.get(deliberation.outcome, "")
    if deliberation.unanimous:
        lead = f"{outcome or 'Votée'} à l'unanimité"
        if not deliberation.votes_for or deliberation.votes_against:
            return lead
        # A proposal refused unanimously: the votes counted were cast for the refusal, not « pour » the proposal.
        voters = "voix" if deliberation.outcome == Deliberation.Outcome.REJECTED else "voix pour"
        return f"{lead} ({deliberation.votes_for} {voters})"
    if not counts or not any((deliberation.votes_for, deliberation.votes_against, deliberation.votes_abstention)):
        return ""
    tally = counts[0] if len(counts) == 1 else f"{', '.join(counts[:-1])} et {counts[-1]}"
    return f"{outcome} par {tally}" if outcome else f"Vote : {tally}"


def _names_sentences(deliberation: Deliberation) -> list[str]:
    sentences = []
    for names, label in (
        (deliberation.names_against, "Ont voté contre"),
        (deliberation.names_abstention, "Se sont abstenus"),
        (deliberation.names_for, "Ont voté pour"),
    ):
        if names:
            sentences.append(f"{label} : {', '.join(names)}")
    return sentences


def vote_printed(hits: list[SearchHit]) -> tuple[SearchHit, str] | None:
    """The last vote printed in these passages (the decisive vote is the last), with its passage.

    A vote often spans several lines (« Vote : / - Contre : 3 (…) / - Pour : 15 »): consecutive sentences that
    report it are read together.
    """
    found = None
    for hit in hits:
        run: list[str] = []
        for sentence in [*sentences_split(hit.text), ""]:
            if sentence and vote_like(sentence):
                run.append(sentence.strip(" .;-–•*"))
            elif run:
                found = (hit, " ; ".join(run))
                run = []
    return found


def act_vote_printed(deliberation_id: int) -> tuple[SearchHit, str] | None:
    """The last vote printed in a délibération's published passages, with its passage."""
    return vote_printed(deliberation_passages(deliberation_id=deliberation_id))


def _printed_agrees(deliberation: Deliberation, printed: str) -> bool:
    """The printed vote says what the stored fields say: unanimity, or each stored count."""
    folded = fold(printed)
    numbers = set(re.findall(r"\d+", folded))
    if deliberation.unanimous:
        return "unanim" in folded or str(deliberation.votes_for) in numbers
    stored = [n for n in (deliberation.votes_for, deliberation.votes_against, deliberation.votes_abstention) if n]
    if not stored:
        return False
    # Counts printed in words (« DEUX voix POUR ») were read by the parser; digits, when printed, must agree.
    return all(str(n) in numbers for n in stored) if numbers else True


def stored_facts(*, selection: Selection) -> list[StoredFact]:
    """The facts of the best sentence's délibération that the question asks about, each with its passage."""
    reading, best = selection.reading, selection.best
    kind = reading.kind
    if best is None or not (kind.asks_vote or kind.asks_outcome or kind.asks_rapporteur or kind.wants_date):
        return []
    hit = reading.hits[best.passage_index]
    if hit.deliberation_id is None:
        return []
    deliberation = Deliberation.objects.filter(pk=hit.deliberation_id).select_related("seance").first()
    if deliberation is None:
        return []
    unit = [reading.hits[i] for i in deliberation_unit(selection)]
    facts: list[StoredFact] = []
    if kind.asks_vote or kind.asks_outcome:
        facts += _vote_facts(deliberation, unit=unit, names=kind.asks_vote_names) or _printings_vote_facts(
            deliberation, names=kind.asks_vote_names
        )
    if kind.asks_rapporteur and deliberation.rapporteur:
        surname = deliberation.rapporteur.split()[-1]
        shown = next((h for h in unit if surname in h.text or surname in h.heading), None)
        if shown:
            facts.append(StoredFact(f"Rapporteur : {deliberation.rapporteur}", shown))
    if kind.wants_date and deliberation.seance and _WHEN_DECIDED.search(fold(reading.question)):
        facts.append(StoredFact(f"Décision prise en séance du {date_words(deliberation.seance.date)}", hit))
    return facts


def _vote_facts(deliberation: Deliberation, *, unit: list[SearchHit], names: bool) -> list[StoredFact]:
    if not vote_sentence(deliberation):
        return []
    # The vote is usually printed after the exposé: read on in the délibération, however far (a debate printed in
    # full can run over dozens of passages before the vote).
    printed = vote_printed(unit) or act_vote_printed(deliberation.pk)
    return _vote_facts_cited(deliberation, printed=printed, names=names)


def _printings_vote_facts(deliberation: Deliberation, *, names: bool) -> list[StoredFact]:
    """The vote of the same act as another document of the séance prints it (see `Deliberation.same_as`), when this
    printing's vote was not read (a procès-verbal that leaves its « Pour : / Contre : » form blank, a compte rendu
    that gives the tally): cited on that printing's own vote line."""
    if vote_sentence(deliberation):
        return []
    first = deliberation.same_as_id or deliberation.pk
    printings = (
        Deliberation.objects.filter(Q(pk=first) | Q(same_as_id=first), document__published=True)
        .exclude(pk=deliberation.pk)
        .order_by("document__kind", "pk")
    )
    for printing in printings:
        if vote_sentence(printing):
            facts = _vote_facts_cited(
                printing, printed=act_vote_printed(printing.pk), names=names
            )
            if facts:
                return facts
    return []


def _vote_facts_cited(deliberation: Deliberation, *, printed: tuple[SearchHit, str] | None, names: bool) -> list[StoredFact]:
    """The stored vote as a sentence, cited on the printed vote line, when that line agrees with it."""
    if printed is None or not _printed_agrees(deliberation, printed[1]):
        return []
    sentence = vote_sentence(deliberation)
    hit, line = printed
    facts = [StoredFact(sentence, hit, printed=line)]
    if names:
        facts += [StoredFact(s, hit) for s in _names_sentences(deliberation)]
    return facts
