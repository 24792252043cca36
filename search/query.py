"""Web-search syntax ("phrases", OR, -exclusion, prefix*) turned safely into PostgreSQL tsquery text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from french.stopwords import FUNCTION_WORDS

# Longer input is cut: nobody types more, and it bounds the work of a hostile query.
MAX_QUERY_CHARS = 1000
# What the query embedding reads at most (the model reads subword pieces: a word is one to four of them).
SEMANTIC_MAX_TOKENS = 48
SEMANTIC_MAX_CHARS = 300
MAX_TERMS = 64

# The query embedding reads a question without its function words. Measured with `evaluate`: dev semantic
# nDCG@10 0.637 → 0.675 and hybrid 0.863 → 0.884, CNIL hybrid 0.709 → 0.720, SPF hybrid 0.923 → 0.926; and a
# third fewer tokens to embed (0.4 ms each on two cores).
_EMBEDDED_TOKEN = re.compile(r"[\w-]+|[^\w\s]")
_PUNCTUATION = frozenset("?,.;:!'")

# « a-t-il », « ont-elles », « peut-on », « est-ce »: a question's verb and subject, indexed as one hyphenated word.
INVERTED_SUBJECT = re.compile(r"-(?:t-)?(?:il|elle|ils|elles|on|ce|je|tu|nous|vous)$")

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ue000-\uf8ff]")
_TOKEN = re.compile(r'"[^"]*"?|\S+')
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "«": '"', "»": '"', "“": '"', "”": '"'})


@dataclass
class ParsedQuery:
    """What the user asked for: every part is plain text, turned into lexemes by PostgreSQL."""

    text: str
    # Groups of alternatives; every group must match (« a OR b c » → [[a, b], [c]]).
    required: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    # Words typed with a trailing « * ».
    prefixes: list[str] = field(default_factory=list)
    has_operators: bool = False

    @property
    def positive_text(self) -> str:
        """Every word that counts for ranking, as one text."""
        return " ".join([alt for group in self.required for alt in group] + self.prefixes)


def query_clean(text: str) -> str:
    """Text safe to send anywhere: no control characters, bounded length, normalised quotes."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _CONTROL.sub(" ", text).translate(_APOSTROPHES)
    return " ".join(text.split())[:MAX_QUERY_CHARS]


def query_parse(text: str) -> ParsedQuery:
    """Parse web-search syntax; never fails, anything it does not understand is a word."""
    cleaned = query_clean(text)
    parsed = ParsedQuery(text=cleaned)
    pending_or = False
    for token in _TOKEN.findall(cleaned)[:MAX_TERMS]:
        if token == "OR":
            pending_or = bool(parsed.required)
            continue
        if token.startswith('"'):
            phrase = token.strip('"').strip()
            if not phrase:
                continue
            parsed.has_operators = True
            _group_add(parsed, phrase, pending_or)
        elif token.startswith("-") and len(token) > 1 and token[1:].strip("-"):
            parsed.has_operators = True
            parsed.excluded.append(token.lstrip("-"))
        elif token.endswith("*") and len(token.rstrip("*")) >= 2:
            parsed.has_operators = True
            parsed.prefixes.append(token.rstrip("*"))
        else:
            word = token.strip("*-")
            if word:
                _group_add(parsed, word, pending_or)
        if pending_or:
            parsed.has_operators = True
        pending_or = False
    return parsed


def _group_add(parsed: ParsedQuery, term: str, alternative: bool) -> None:
    if alternative and parsed.required:
        parsed.required[-1].append(term)
    else:
        parsed.required.append([term])


def websearch_text(parsed: ParsedQuery) -> str:
    """The query rewritten for websearch_to_tsquery, which PostgreSQL parses without ever failing."""
    groups = []
    for group in parsed.required:
        alternatives = [f'"{_unquote(term)}"' if " " in term else _unquote(term) for term in group]
        groups.append(" OR ".join(a for a in alternatives if a))
    groups += [f"-{_unquote(term)}" for term in parsed.excluded if _unquote(term)]
    return " ".join(g for g in groups if g)


def _unquote(term: str) -> str:
    # websearch_to_tsquery reads « - » and quotes as operators: inside a term they are just separators.
    return " ".join(re.sub(r'["\-]', " ", term).split())


def tsquery_literal(lexemes: list[str], *, operator: str = "|", prefix: bool = False) -> str:
    """A tsquery in PostgreSQL's input syntax made only of quoted lexemes: safe to cast with ::tsquery."""
    suffix = ":*" if prefix else ""
    quoted = ["'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'" + suffix for lexeme in lexemes]
    return f" {operator} ".join(quoted)


def semantic_query_text(text: str) -> str:
    """What of a query the embedding reads: the cleaned text but its function words and punctuation (signs such
    as « € » or « % » stay), at most SEMANTIC_MAX_TOKENS words and SEMANTIC_MAX_CHARS characters: the
    embedding's cost grows with its input (1,000 backslashes took 9 to 11 s), a question needs far less."""
    cleaned = query_clean(text)
    tokens = _EMBEDDED_TOKEN.findall(cleaned.replace("'", "' "))
    kept = [t for t in tokens if t.lower() not in FUNCTION_WORDS and t not in _PUNCTUATION][:SEMANTIC_MAX_TOKENS]
    return (" ".join(kept) or cleaned)[:SEMANTIC_MAX_CHARS]
