"""The citation check, the same for every mode: each [n] must name a passage that was given, or its sentence goes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from french.numbers import figures
from french.sentences import sentences_split
from french.terms import terms_extract
from qa.instructions import instruction_like
from search.backends.base import SearchHit
from search.selectors import hit_deliberation_url, hit_page_url, page_url, quote_pages

# « [1] », « [1, 3] », « [1][2] », « [source 2] », « [2 et 3] »: what models write when asked to cite.
MARKER = re.compile(r"\[\s*(?:sources?|passages?|documents?|doc\.?|réf\.?)?\s*(\d{1,3}(?:\s*(?:,|;|et|&)\s*\d{1,3})*)\s*\]", re.I)
_MARKER_RUN = r"(?:\s*\[[^\[\]]{1,40}\])+"
# A marker written after the full stop belongs to the sentence before it: « … 46 000 €. [1] » → « … 46 000 € [1]. »
_MARKER_AFTER_STOP = re.compile(rf"([.!?…])({_MARKER_RUN})")
QUOTE_MAX_CHARS = 600


@dataclass
class Citation:
    """A passage cited by the answer, numbered as the answer shows it."""

    n: int
    passage_id: int
    document_id: int
    deliberation_id: int | None
    deliberation: str  # « 2013-21 Cession de la parcelle… », empty when the passage is outside any délibération
    document: str  # the document's title
    source_path: str
    page_start: int
    page_end: int
    quote: str
    url: str  # the exact PDF page
    deliberation_url: str = ""
    collectivite: str = ""
    seance_date: object = None

    @property
    def pages(self) -> list[int]:
        return list(range(self.page_start, self.page_end + 1))


@dataclass
class CheckedSentence:
    text: str  # with its markers renumbered
    numbers: list[int]

    @property
    def body(self) -> str:
        """The sentence without its markers nor its final stop, for pages that link each [n] to its source."""
        return _markers_strip(self.text).rstrip(".!?… ")


@dataclass
class CheckedAnswer:
    sentences: list[CheckedSentence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # sentences removed for want of a valid citation
    unprinted: list[str] = field(default_factory=list)  # … for a figure that no passage given prints
    restated: list[str] = field(default_factory=list)  # … for saying nothing the question does not

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def supported(self) -> bool:
        return bool(self.sentences)


def markers_read(text: str) -> list[int]:
    """The numbers cited in a text, in order, each once."""
    numbers: list[int] = []
    for match in MARKER.finditer(text):
        for number in re.findall(r"\d+", match.group(1)):
            if int(number) not in numbers:
                numbers.append(int(number))
    return numbers


def answer_sentences(text: str) -> list[str]:
    """An answer cut into sentences, each keeping the markers written after its full stop."""
    text = _MARKER_AFTER_STOP.sub(lambda m: f"{m.group(2)}{m.group(1)}", text)
    sentences: list[str] = []
    for sentence in sentences_split(text):
        if sentences and not MARKER.sub("", sentence).strip(" .;,:"):
            # Markers alone on a line after the sentence they support.
            sentences[-1] = f"{sentences[-1]} {sentence}"
        else:
            sentences.append(sentence)
    return sentences


class CitationChecker:
    """Checks an answer sentence by sentence, so that a streamed answer shows only checked sentences.

    Given the question (a model's answer, not the reader's verbatim sentences), a sentence also goes when it prints
    a figure that none of the passages given nor the question print: a model that invents an amount cites a passage
    all the same. Any passage given, not only those cited: a small model often cites the passage next to the one
    that prints the figure (requiring the cited ones lost 2 of 21 right answers on 80 dev questions, for one more
    unanswerable question declined). A sentence that only restates the question goes too.
    """

    def __init__(self, *, sources: list[SearchHit], question: str | None = None) -> None:
        self.given = {n: hit for n, hit in enumerate(sources, start=1)}
        # Given the question: its words and figures, and the figures that the question and the passages print.
        self.asked: tuple[set[str], set[str]] | None = None
        self.printed: set[str] = set()
        if question is not None:
            self.asked = (set(terms_extract(question)), figures(question, words=True))
            self.printed = self.asked[1].union(*(_hit_figures(hit) for hit in sources))
        self.checked = CheckedAnswer()
        self._renumber: dict[int, int] = {}
        self._cited_by: dict[int, list[str]] = {}

    def sentence_add(self, sentence: str) -> CheckedSentence | None:
        """The sentence with its valid markers renumbered, or None (it is dropped) when none is valid or, given the
        question, when it prints a figure that nothing given prints or only restates the question."""
        valid = [n for n in markers_read(sentence) if n in self.given]
        if not valid:
            self.checked.dropped.append(sentence)
            return None
        bare = _markers_strip(sentence)
        if self.asked is not None and not figures(bare) <= self.printed:
            self.checked.unprinted.append(sentence)
            return None
        if self.asked is not None and _restates(bare, *self.asked):
            self.checked.restated.append(sentence)
            return None
        for n in valid:
            self._renumber.setdefault(n, len(self._renumber) + 1)
            self._cited_by.setdefault(n, []).append(sentence)
        stop = bare[-1] if bare and bare[-1] in ".!?…" else ""
        body = bare[:-1].rstrip() if stop else bare
        markers = "".join(f"[{self._renumber[n]}]" for n in valid)
        checked = CheckedSentence(text=f"{body} {markers}{stop or '.'}", numbers=[self._renumber[n] for n in valid])
        self.checked.sentences.append(checked)
        return checked

    def result(self) -> CheckedAnswer:
        order = sorted(self._renumber.items(), key=lambda item: item[1])
        self.checked.citations = citations_link(
            [citation_build(n=new, hit=self.given[n], citing=self._cited_by[n]) for n, new in order],
            hits=[self.given[n] for n, _ in order],
        )
        return self.checked


def citations_link(citations: list[Citation], *, hits: list[SearchHit]) -> list[Citation]:
    """Each citation's link opens the page that prints its quote (its passage may run over two pages)."""
    for citation, page in zip(citations, quote_pages(quotes=[(hit, c.quote) for hit, c in zip(hits, citations)])):
        if page != citation.page_start:
            citation.url = page_url(document_id=citation.document_id, number=page)
    return citations


def answer_check(*, text: str, sources: list[SearchHit]) -> CheckedAnswer:
    """Keep the sentences citing at least one given passage, renumber citations 1…m by first use."""
    checker = CitationChecker(sources=sources)
    for sentence in answer_sentences(text):
        checker.sentence_add(sentence)
    return checker.result()


def _hit_figures(hit: SearchHit) -> set[str]:
    """The numbers a passage prints, in digits or words, with those of its délibération's number and objet, its
    document's title and its séance's date, as the model was shown them."""
    shown = " ".join((hit.text, hit.heading, hit.deliberation_number, hit.deliberation_objet, hit.document_title))
    dated = {str(hit.seance_date.day), str(hit.seance_date.month), str(hit.seance_date.year)} if hit.seance_date else set()
    return figures(shown, words=True) | dated


def _restates(sentence: str, words: set[str], numbers: set[str]) -> bool:
    """The sentence says nothing the question (its `words` and `numbers`) does not: a small model restates the
    question as its answer and cites whatever it was given (« Couthenans a fait poser des panneaux solaires … [1] »
    over passages on the temple). Its truth is then checked by nothing."""
    return set(terms_extract(sentence)) <= words and figures(sentence) <= numbers


def _markers_strip(sentence: str) -> str:
    return " ".join(MARKER.sub(" ", sentence).split()).replace(" .", ".").replace(" ,", ",")


def citation_build(*, n: int, hit: SearchHit, citing: list[str]) -> Citation:
    """A citation of a passage; its quote is the passage's sentence closest to what the answer says."""
    return Citation(
        n=n,
        passage_id=hit.passage_id,
        document_id=hit.document_id,
        deliberation_id=hit.deliberation_id,
        deliberation=f"{hit.deliberation_number} {hit.deliberation_objet}".strip(),
        document=hit.document_title,
        source_path=hit.document_source_path,
        page_start=hit.page_start,
        page_end=hit.page_end,
        quote=quote_pick(passage=hit.text, citing=citing),
        url=hit_page_url(hit=hit),
        deliberation_url=hit_deliberation_url(hit=hit),
        collectivite=hit.collectivite,
        seance_date=hit.seance_date,
    )


def quote_pick(*, passage: str, citing: list[str]) -> str:
    """The sentences of the passage that the answer relies on: verbatim when the answer quotes them."""
    sentences = [s for s in sentences_split(passage) if not instruction_like(s)]
    if not sentences:
        return passage[:QUOTE_MAX_CHARS]
    wanted = set(terms_extract(" ".join(_markers_strip(s) for s in citing)))
    scored = sorted(
        range(len(sentences)),
        key=lambda i: -len(wanted & set(terms_extract(sentences[i]))) / (1 + 0.01 * len(sentences[i])),
    )
    best = sorted(scored[: max(1, len(citing))])
    quote = " … ".join(sentences[i] for i in best)
    return quote if len(quote) <= QUOTE_MAX_CHARS else quote[: QUOTE_MAX_CHARS - 1] + "…"
