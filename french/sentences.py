"""Sentences of a passage whose lines the PDF layout cut: paragraphs glued back, abbreviations and numbers kept
whole, the visas that open an act (« Vu … ») told apart."""

from __future__ import annotations

import re

from french.folding import fold

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
# The legal bases an act recites before its exposé, one a line (« Vu le Code général des collectivités
# territoriales, », « Vu l'arrêté préfectoral du 30 décembre 2019 … »): they name texts and their dates, rarely
# what the act decides.
_VISA = re.compile(r"^\W*(?:Vu|VU)\b")
_SENTENCE_END = re.compile(r"[.!?…]+[»\")]*\s+(?=[«\"(]?\s?[A-ZÀ-ÖØ-Þ0-9])")
MAX_SENTENCE_WORDS = 70
_WORD = re.compile(r"\w")


def sentences_split(text: str) -> list[str]:
    """Sentences of a passage whose lines were cut by the PDF layout, robust to abbreviations and numbers."""
    sentences: list[str] = []
    for block in _blocks(text):
        sentences.extend(_block_split(block))
    return [s for s in (" ".join(s.split()) for s in sentences) if _WORD.search(s)]


# A line shorter than this share of the passage's longest line ends its paragraph (a title, the last line of a
# paragraph) when the next line opens with a capital: wrapped lines run the width of the page.
SHORT_LINE_SHARE = 0.6
_WIDTH_MIN = 50


def _blocks(text: str) -> list[str]:
    """Lines glued back into paragraphs; a bullet, a heading in capitals, a line ending « : » or « ; », a short
    line followed by a capital, or a visa (« Vu … ») cuts, and a visa ends at a line ending « , » before a capital."""
    blocks: list[list[str]] = []
    lines = text.splitlines()
    width = max((len(line.strip()) for line in lines), default=0)
    short = SHORT_LINE_SHARE * width if width >= _WIDTH_MIN else 0
    for line in lines:
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
            or _VISA.match(line)
            or (_VISA.match(blocks[-1][0]) and previous.endswith(",") and line[:1].isupper())
            or (len(previous) < short and line[:1].isupper() and not previous.endswith(("-", "'", "’")))
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
    if not line.isupper():  # a lower-case letter, or no letter at all: the quick answer for most lines
        return False
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
    bare = re.split(r"['’]", fold(word.strip("«\"'(").rstrip(".")))[-1]
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


def visa_like(sentence: str) -> bool:
    """Whether a sentence is one of the visas that open an act (« Vu … »)."""
    return bool(_VISA.match(sentence))
