"""The kinds of value a French sentence carries (a sum, a count, a length of time, a date, a person's or an
organisation's name, a place, a decision, a reason), and the sentences that resolve, propose or report a vote."""

from __future__ import annotations

import functools
import itertools
import re

from french.civilites import CIVILITE_IN_LISTS
from french.dates import MONTHS_PATTERN, YEAR
from french.given_names import given_name_francophone
from french.numbers import COUNT_IN_WORDS, NUMBER_IN_WORDS
from french.organisations import LEGAL_FORM
from french.terms import terms_extract
from french.votes import PROPOSED, TALLY_WORD_SPELT, UNANIMITY

# The kinds of value a question may ask for, in the order the reader's features name them. A sum of money is an
# amount too: a question that asks for one asks for both.
KINDS = ("amount", "money", "count", "duration", "date", "person", "organisation", "decision", "reason", "place")
# The kinds a sentence gives in figures or number words (a sum, a number, a length of time, a date): read by patterns
# that find the value itself, unlike a name or a reason, so that a sentence without one cannot give the value asked.
FIGURE_KINDS = ("amount", "money", "count", "duration", "date")

_NUMBER = r"\d[\d  .]*(?:,\d+)?"
_AMOUNT = re.compile(
    rf"{_NUMBER}\s*(?:€|euros?\b|eur\b|k€|m€|%|pour\s*cent|millions?|milliards?"
    rf"|heures?\b|h\b|jours?\b|semaines?\b|mois\b|ans\b|années?\b|m2|m²|m³|ha\b|hectares?|ares?\b|km\b|mètres?\b"
    rf"|places?\b|logements?\b|lits?\b|postes?\b)",
    re.I,
)
# A sum of money: a number in euros (or francs, in old minutes), or a table in euros (« Montant (€) »).
# A sum in figures or in words (« mille cinq cent euros »), the symbolic euro of a transfer, and no sum at all: a
# price may be nothing (« gratuit », « à titre gracieux »).
_MONEY = re.compile(
    rf"€|{_NUMBER}\s*(?:euros?|eur|francs?)\b|\bd['’]euros\b|\b{NUMBER_IN_WORDS}\s+euros?\b|\beuro\s+symbolique\b"
    r"|\bgratui\w*|\bà\s+titre\s+gracieux\b|\bgracieusement\b",
    re.I,
)
_ANY_NUMBER = re.compile(r"\b\d+(?:[ .,]\d+)*\b")
_COUNT = re.compile(
    rf"\b(?:\d+|{COUNT_IN_WORDS})\s+"
    # « 14 000 € pour… » is no vote: « pour » counts only where a tally goes on (« 12 pour, 2 contre »).
    r"(?:voix|votes?|«\s*pour|«\s*contre|pour\s*(?=[,;.)]|et\b|$)|contre\b|abstentions?|membres|conseillers|élus|suffrages)"
    rf"|\b{TALLY_WORD_SPELT}\s*:\s*\d+",
    re.I,
)
# A number of things (« environ 15 000 composteurs », « 15 nouvelles caméras »): a number before a word that is no
# unit of money, measure or time.
_QUANTITY = re.compile(
    # « un », « une » are articles far more often than numbers.
    rf"\b(?:\d{{1,3}}(?:[  .]\d{{3}})*|(?!une?\b){COUNT_IN_WORDS})\s+"
    rf"(?!(?:€|euros?|eur|k€|%|pour|cent|millions?|milliards?|m2|m²|m³|ha|hectares?|ares?|km|mètres?|h|heures?|jours?"
    rf"|semaines?|mois|ans|années?|ttc|ht|et|à|au|aux|de|du|des|le|la|les|{MONTHS_PATTERN})\b)[a-zà-ÿ]{{3,}}",
    re.I,
)
# A length of time (« fixe la durée de l'occupation à 30 ans », « pendant trois mois », « pour une durée d'un an »).
_DURATION = re.compile(
    rf"\b(?:\d+(?:[,.]\d+)?|{COUNT_IN_WORDS})\s*(?:ans?|années?|mois|semaines?|jours?|heures?)\b", re.I
)
# … or told by what it lasts as long as (« conclue pour la durée des ouvrages ») or until when; the word « durée »
# alone names the length asked for without giving it (« - Donner la durée de la convention »).
_DURATION_WORD = re.compile(r"\b(?:pour|sur|pendant)\s+(?:toute\s+)?(?:la|une)\s+durée\b|\bjusqu['’](?:au|en)\b", re.I)
# How a vote went; the bare word « vote » is no result (« Vote des tarifs communaux 2015 »).
_VOTE = re.compile(
    rf"{UNANIMITY}|\bvoix\b|\bvotes?\s+(?:pour|contre|blancs?|nuls?)\b|r[ée]sultat du vote|\bpour\s*:|\bcontre\b|abstention"
    r"|majorit|prépondérante",
    re.I,
)
_MONTHS = MONTHS_PATTERN
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b(?:{_MONTHS})\s+\d{{4}}\b"
    rf"|\b(?:rentrée|année|exercice)\s+(?:scolaire\s+)?\d{{4}}|\b(?:en|depuis|dès|jusqu'en|avant|après)\s+(?:19|20)\d\d\b"
    # A day in words, as a séance's preamble prints it (« L'an deux mil neuf, le neuf septembre »).
    rf"|\b(?:premier|{NUMBER_IN_WORDS})\s+(?:{_MONTHS})\b",
    re.I,
)
# A year alone (« ont signé en 1981 », « 1981 [3] ») dates coarsely: a likely date, not one of a number's parts
# (« n° 2021-045 », « 12/03/2021 »).
_YEAR = re.compile(rf"(?<![\d/.-]){YEAR}(?![\d/-])")
# A person's name: after a civilité (« Madame LEFEVRE », « M. Papin »), or after the verb that elects, appoints or
# gives the floor (« élit Nicolas Dupont », « désigne Anne »).
_CIVILITE_NAME = re.compile(
    rf"\b{CIVILITE_IN_LISTS}\s+[A-ZÀ-Þ][\w'’\-]+"
    r"|\b(?:[ée]lit|[ée]lue?|d[ée]sign[ée]e?|nomm[ée]e?|proclam[ée]e?|pr[ée]sent[ée]e?|propos[ée]e?)\s+[A-ZÀ-Þ][a-zß-ÿ]+",
)
# … or a first name and a surname, either way round (« Sandra Creuzet présente », « Daniel CONSTANTIN »,
# « Monsieur ABAUZIT François »), the first name one in use where French is spoken (`french.given_names`): not
# « Préfet », nor « Ville » (a Finnish first name), « Maire ».
_GIVEN_THEN_NAME = re.compile(r"\b([A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?)(?=\s+[A-ZÀ-Þ][\w'’\-]+)")
_NAME_THEN_GIVEN = re.compile(
    r"\b[A-ZÀ-Þ]{2,}(?:-[A-ZÀ-Þ]{2,})?\s+(?=([A-ZÀ-Þ][a-zß-ÿ]+(?:-[A-ZÀ-Þ][a-zß-ÿ]+)?)\b)"
)
# A word in capitals may be a surname (« M. le Maire remercie DUPONT ») as well as a town or a body (« FLAUX »,
# « CLECT »): half a fit.
_CAPITALS = re.compile(r"\b[A-ZÀ-Þ]{3,}(?:-[A-ZÀ-Þ]{2,})?\b")


def _person(sentence: str) -> float:
    pairs = itertools.chain(_GIVEN_THEN_NAME.finditer(sentence), _NAME_THEN_GIVEN.finditer(sentence))
    first_names = (match.group(1) for match in pairs)
    if _CIVILITE_NAME.search(sentence) or any(map(given_name_francophone, first_names)):
        return 1.0
    return 0.5 if _CAPITALS.search(sentence) else 0.0


# A named organisation (« la société SULO France », « l'association « Les Compagnons… » », « ROCHE SARL »), not
# the bare word (« c'est l'entreprise qui réalisera… »).
_ORGANISATION = re.compile(
    r"\b(?i:soci[ée]t[ée]|entreprise|association|cabinet|groupe|groupement|bureau(?: d['’][ée]tudes)?|syndicat|fondation"
    r"|office|agence|compagnie|banque|caisse|mutuelle|coopérative|fédération|union|comité|club|institut|laboratoire"
    r"|régie|commune|ville|communauté|établissement|centre)\s+(?:d[eu']\s*|des\s+)?(?:«\s*)?"
    # … named (« Bureau VERITAS », « compagnie aérienne Air France »), not a civilité after a heading (« Choix du
    # cabinet Monsieur le Maire, rapporteur, expose »)
    rf"(?:[a-zà-ÿ]+\s+)?(?!{CIVILITE_IN_LISTS}\b)[A-ZÀ-Þ]"
    rf"|\b{LEGAL_FORM}\b"
)
# A word in capitals may name a body (« SEEDR ») as well as a tax (« TEOMI »): half a fit.
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
_PLACE = re.compile(
    r"\b(?:rue|avenue|boulevard|place|chemin|route|impasse|allée|quai|square|parc|quartier|lieu-dit|lotissement|zone"
    r"|parcelles?|salle|site|terrain|canton|secteur|hameau|section)\s+(?:[a-zà-ÿ]+\s+)?(?:d[eu']\s*|des\s+|de\s+la\s+)?[A-ZÀ-Þ0-9]"
    r"|\bcadastr[ée]e?s?\b|\b(?:à|au|aux)\s+[A-ZÀ-Þ][a-zß-ÿ]+",
)
# What the council resolved: an item of the operative part (« - élit… », « - De fixer… », « - DECIDE »), or the
# sentence that carries the vote (« après en avoir délibéré, … ACCEPTENT … », « Résultat du vote : … »).
_OPERATIVE = re.compile(
    r"^[-–•]\s*(?:[Dd][Ee]\s+|[Dd]['’]\s*)?(?!(?:les?|la|des|du|une?|aux?|pour|dont|par|sur|avec|dans)\b)"
    r"(?:[a-zà-ÿ]{3,}|[A-ZÀ-Þ]{4,})\b(?!\s*:)|apr[eè]s (?:en )?avoir d[ée]lib[ée]r[ée]\W+\w"
    rf"|(?i:\b{UNANIMITY}|\b\d+\s+voix\b|r[ée]sultat du vote|\badopt[ée]e?s?\b)"
    r"|\b(?:DECIDE|DÉCIDE|ACCEPTE|APPROUVE|ADOPTE|AUTORISE|EMET|ÉMET|DONNE|REFUSE|FIXE|ATTRIBUE|DESIGNE|DÉSIGNE)"
    r"|\b(?:d[ée]cide|approuve|adopte|[ée]lit|attribue|fixe|autorise|d[ée]signe|refuse|[ée]met)\s+(?:de\s|d['’]|l[ae']|les\s|un)"
    # « Les Membres du Conseil Communautaire ont, à l'unanimité : - Approuvé les montants … - Donné acte … »: the same
    # verbs, in the past participle, opening the items.
    r"|^[-–•]\s*(?:(?:Approuv|Autoris|D[ée]cid|Fix|Accept|Valid|Attribu|D[ée]sign|Adopt|Refus|Rejet|Vot|Sollicit|Charg"
    r"|Modifi|Donn)(?:é|ée|és|ées)|[ÉE]mis|Inscrit|Pris)\s+(?!:)",
)
_PROPOSED = re.compile(PROPOSED, re.I)
_REASON = re.compile(
    r"\baux? motifs?\b|\ben raison\b|\bmotiv[ée]|\bà la suite\b|\bsuite à\b|\bparce qu|\bcar\b|\bafin de\b|\bpour permettre\b"
    r"|\bcompte tenu\b|\bdu fait\b|\bnécessaire\b|\bobligation\b|\bconsidérant\b|\bétant donné\b|\bvu que\b"
    # The rest of French's common causal connectives.
    r"|\ben effet\b|\bpuisqu|\bà cause\b|\bgrâce à\b|\bfaute d[e']|\bpour cause\b|\b(?:dûe?s?|due?s?) à\b|\bjustifi"
    # … the verbs of cause and consequence, and the connectives of purpose.
    r"|\bentra[îi]n(?:e|es|ent|é|ée|és|ées|ant|er|era|eront|ait|aient)\b|\bprovoqu|\bcaus[ée]"
    r"|\brésult(?:e|ent|ant|ait|aient|era)\b|\bs['’]expliqu|\ben vue d|\bdans le but\b|\bde (?:manière|façon) à\b",
    re.I,
)
_DECISION = re.compile(
    r"\bd[ée]cide|\baccept|\brefus|\bapprouv|\bémet|\bemet|\bavis\b|\bne pas\b|\brejet|\bautoris|\bfavorable|\bdéfavorable"
    r"|\bretenu|\bvalid|\bsoutien|\bsoutenir",
    re.I,
)


_VALUES = {
    "amount": lambda s: 1.0 if _AMOUNT.search(s) else 0.5 if _ANY_NUMBER.search(s) else 0.0,
    "money": lambda s: 1.0 if _MONEY.search(s) else 0.0,
    "count": lambda s: 1.0 if _COUNT.search(s) else 0.5 if (_VOTE.search(s) or _QUANTITY.search(s)) else 0.0,
    "duration": lambda s: 1.0 if _DURATION.search(s) else 0.5 if _DURATION_WORD.search(s) else 0.0,
    "date": lambda s: 1.0 if _DATE.search(s) else 0.5 if _YEAR.search(s) else 0.0,
    "person": _person,
    "organisation": lambda s: 1.0 if _ORGANISATION.search(s) else 0.5 if _ACRONYM.search(s) else 0.0,
    "decision": lambda s: 1.0 if (_VOTE.search(s) or _DECISION.search(s)) else 0.0,
    "reason": lambda s: 1.0 if _REASON.search(s) else 0.0,
    "place": lambda s: 1.0 if _PLACE.search(s) else 0.0,
}


# A number and the word or two after it: what it counts (« 5 délégués et 3 suppléants », « huit classes »).
_NUMBER_BEFORE = re.compile(rf"\b(?:\d{{1,3}}(?:[  .]\d{{3}})*|{COUNT_IN_WORDS})\s+([\w’'-]+(?:\s+[\w’'-]+)?)", re.I)


def counts_of(sentence: str, focus: set[str]) -> bool:
    """Whether the sentence counts what a « combien de … » question counts: a number just before one of the
    terms of its focus (the stems of what the question counts)."""
    return any(focus.intersection(terms_extract(match.group(1))) for match in _NUMBER_BEFORE.finditer(sentence))


def sentence_values(sentence: str, kinds: tuple[str, ...] = KINDS) -> dict[str, float]:
    """Which kinds of value a sentence carries, 1 for a clear one and 0.5 for a likely one (see KINDS);
    only `kinds` are looked for (a question asks for one or two of them)."""
    return {kind: _value(kind, sentence) for kind in kinds}


# The same sentences are read for many questions.
@functools.lru_cache(maxsize=65536)
def _value(kind: str, sentence: str) -> float:
    return _VALUES[kind](sentence)


def decision_like(sentence: str) -> bool:
    """Whether a sentence belongs to what the council resolved rather than to the exposé that precedes it."""
    return bool(_OPERATIVE.search(sentence))


def proposal_like(sentence: str) -> bool:
    """Whether a sentence says what was put to the vote (« il est proposé de ne pas adhérer »)."""
    return bool(_PROPOSED.search(sentence))


def vote_like(sentence: str) -> bool:
    """Whether a sentence reports how a vote went (a tally, unanimity, a majority)."""
    return bool(_COUNT.search(sentence) or re.search(rf"{UNANIMITY}|majorit", sentence, re.I))
