"""What a French question asks for: the kind of value (an amount, a date, a name…) and the stored fields it is about.

Every pattern here reads the grammar of French questions (interrogative words, « combien de », an inverted
subject, the verbs of a vote), never the subject of one question: a question is only matched on the way it asks.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from french.folding import fold
from french.questions import (
    AGREEMENT_VERBS,
    AMOUNT_NOUNS,
    COUNT_NOUNS,
    DATE_NOUNS,
    DECISION_NOUNS,
    MEASURE_NOUNS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PRENOMINAL_ADJECTIVES,
    REASON_NOUNS,
)
from french.terms import terms_extract
from french.values import FIGURE_KINDS, KINDS
from french.votes import VOTE_VERBS, VOTERS


@dataclass(frozen=True)
class QuestionKind:
    """The values a question asks for, and which of a délibération's stored fields answer it."""

    wants_amount: bool = False
    wants_money: bool = False
    wants_count: bool = False
    wants_duration: bool = False
    wants_date: bool = False
    wants_person: bool = False
    wants_organisation: bool = False
    wants_decision: bool = False
    wants_reason: bool = False
    wants_place: bool = False
    # Stored fields (`council.Deliberation`): the vote (tally, unanimity, names), the outcome, the rapporteur.
    asks_vote: bool = False
    asks_outcome: bool = False
    asks_rapporteur: bool = False
    asks_vote_names: bool = False

    def wants(self, kind: str) -> bool:
        return getattr(self, f"wants_{kind}")

    @functools.cached_property  # read for every sentence a reader scores
    def asked(self) -> tuple[str, ...]:
        return tuple(kind for kind in KINDS if self.wants(kind))

    @property
    def asked_precisely(self) -> tuple[str, ...]:
        """The kinds asked, the most precise only: a question on a sum of money is not answered by « 30 heures »,
        which is an amount too."""
        return tuple(kind for kind in self.asked if not (kind == "amount" and self.wants_money))

    @property
    def asked_in_figures(self) -> tuple[str, ...]:
        """The kinds asked precisely that a sentence gives in figures (see FIGURE_KINDS)."""
        return tuple(kind for kind in self.asked_precisely if kind in FIGURE_KINDS)


_WH_WORD = re.compile(r"\b(?:combien|quel(?:le)?s?|qui|quand|ou|comment|lequel|laquelle|lesquel(?:le)?s|quoi|pourquoi)\b")
_INVERTED = re.compile(r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b")
# An article, and an adjective French puts before the noun (« quel est le nouveau loyer »).
_ARTICLE = rf"(?:le\s+|la\s+|les\s+|l')?(?:{PRENOMINAL_ADJECTIVES}s?\s+)?"


def _which(nouns: str) -> str:
    """« quel(le)(s) » before one of `nouns`, a copula and an article between them or not (« quel loyer », « quelle
    est la date », « quels ont été les motifs »)."""
    return rf"quel(?:le)?s?\s+(?:(?:est|sont|etait|etaient|a\s+ete|ont\s+ete)\s+)?{_ARTICLE}{nouns}"


def question_kind(question: str) -> QuestionKind:
    """What shape of answer the question's wording calls for (« combien » a number, « quand » a date…)."""
    q = fold(question)
    wh = _WH_WORD.search(q)
    # A yes/no question: no interrogative word, or a subject inverted before the first one (« les cabanes
    # sont-elles exonérées, et comment… »).
    yes_no = not wh or bool(_INVERTED.search(q[: wh.start()]))
    vote = bool(
        re.search(
            rf"combien\s+(?:de\s+|d')?(?:voix|votes?|suffrages?)\b|combien\s+(?:ont|se\s+sont|s'est)\b.*\b{VOTE_VERBS}"
            rf"|\b(?:par|avec)\s+combien\b(?!\s+d)|resultat\s+du\s+vote|quel(?:le)?\s+(?:a\s+ete\s+le\s+)?(?:vote|scrutin|resultat)"
            rf"|\bcomment\b.*\bvot|\bunanim|\b(?:se\s+sont|s'est)\s+(?:abstenu|oppos)|\btous\s+d'accord|\bpartag"
            rf"|\bqui\b.*\b(?:vote|abstenu|oppose)|\bavec\s+quel\s+(?:resultat|vote|score)",
            q,
        )
    )
    # « Combien d'élus ont voté contre », « combien de conseillers ont approuvé »: those who vote, counted in a vote; not
    # « combien de membres compte l'instance » nor « combien de délégués devait-il désigner ».
    vote = vote or bool(re.search(rf"combien\s+(?:de\s+|d')?{VOTERS}\b.*\b(?:{VOTE_VERBS}|{AGREEMENT_VERBS})", q))
    vote_names = bool(re.search(r"\bqui\b.*\b(?:vote|abstenu|oppose)|\bquel(?:le)?s?\s+(?:elu|conseill)\w*.*\b(?:vote|abstenu|oppose)", q))
    # « Pour combien de temps », « pendant combien d'années », « quelle durée »: a length of time, not a count.
    duration = not vote and bool(
        re.search(r"combien\s+de\s+temps|\bpendant\s+combien"
                  r"|combien\s+(?:de\s+|d')(?:annees|ans|mois|semaines|jours|heures|minutes)\b"
                  r"|\bquelle\s+(?:est\s+la\s+|a\s+ete\s+la\s+)?duree", q)
    )
    count = vote or (
        not duration
        and bool(
            re.search(rf"combien\s+(?:de\s+|d')|{_which(COUNT_NOUNS)}\b", q)
        )
    )
    amount = not count and not duration and bool(
        re.search(
            rf"\bcombien\b|{_which(AMOUNT_NOUNS)}"
            r"|\ba\s+(?:quel|hauteur\s+de\s+combien)\s+(?:prix|montant|niveau|taux|hauteur)|pour\s+quel(?:le)?\s+(?:somme|prix|montant)",
            q,
        )
    )
    # An amount, unless what it measures is no sum of money (« quel taux », « quelle surface »).
    money = amount and not re.search(rf"\b{MEASURE_NOUNS}s?\b", q)
    date = bool(
        re.search(
            rf"\bquand\b|{_which(DATE_NOUNS)}s?\b|\ba\s+partir\s+de\s+quand"
            r"|jusqu'a\s+quand|depuis\s+quand|\bpendant\s+quelle\b|\ba\s+quelle\s+(?:date|seance|epoque)",
            q,
        )
    )
    rapporteur = bool(re.search(r"\brapporteur|\bqui\b.*\b(?:presente|rapporte)\b", q))
    person = rapporteur or bool(
        re.search(
            r"^qui\b|\bqui\s+(?:a|est|sont|ont|etait|represente|preside|remplace)\b|\ba\s+qui\b|\bde\s+qui\b"
            rf"|{_which(PERSON_NOUNS)}\b",
            q,
        )
    )
    organisation = bool(
        re.search(
            rf"{_which(ORGANISATION_NOUNS)}"
            r"|\ba\s+qui\b|\bpar\s+qui\b|\baupres\s+de\s+qu(?:el|i)",
            q,
        )
    )
    place = bool(
        re.search(
            r"^ou\b|\bou\s+(?:se|la|le|les|l'|sera|seront|a|ont|est|sont|doit|doivent)\b"
            rf"|{_which(PLACE_NOUNS)}\b"
            r"|\ba\s+quel\s+endroit",
            q,
        )
    )
    outcome = yes_no and bool(re.search(rf"\b{AGREEMENT_VERBS}\w*", q))
    decision = yes_no or outcome or bool(
        re.search(
            rf"{_which(DECISION_NOUNS)}\b"
            r"|qu'a\s+(?:decide|vote)|\bqu'a-t-(?:il|elle)\s+decide",
            q,
        )
    )
    reason = bool(re.search(rf"\bpourquoi\b|pour\s+quel(?:le)?s?\s+(?:raison|motif)|{_which(REASON_NOUNS)}", q))
    return QuestionKind(
        wants_amount=amount,
        wants_money=money,
        wants_count=count,
        wants_duration=duration,
        wants_date=date,
        wants_person=person,
        wants_organisation=organisation,
        wants_decision=decision,
        wants_reason=reason,
        wants_place=place,
        asks_vote=vote,
        asks_outcome=outcome,
        asks_rapporteur=rapporteur,
        asks_vote_names=vote_names,
    )


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
    match = _FOCUS.search(fold(question))
    if not match:
        return []
    # A place named there (« combien d'élus de Montpellier ») is the collectivité, already filtered on.
    proper = {fold(w) for w in re.findall(r"\b[A-ZÀ-Þ][\w-]*", question)}
    words = [w for w in re.findall(r"\w+", match.group(1)) if w not in proper]
    return [t for t in terms_extract(" ".join(words)) if not _COUNTED_MEMBERS.match(t)]
