"""Guess what kind of document a PDF is: procès-verbal, compte rendu, single act, list of acts."""

from __future__ import annotations

import re

from french.folding import fold_keep_offsets
from council.minutes import DocumentKind

_LIST = re.compile(r"\b(?:liste|repertoire|registre chronologique)\b.{0,40}\bdeliberations?\b")
_EXTRACT = re.compile(r"\bextrait\s+du\s+registre\s+des\s+deliberations\b")
_PROCES_VERBAL = re.compile(r"\bproces[\s-]*verbal\b|(?:^|[\W_])pv(?:[\W_]|$)")
_COMPTE_RENDU = re.compile(r"\bcompte[\s-]*rendu\b|(?:^|[\W_])cr(?:[\W_]|$)")


def document_kind_guess(*, filename: str, pages: list[str]) -> DocumentKind:
    """The kind of document, from its title on the first page, else from its file name."""
    name = fold_keep_offsets(filename).replace("_", " ")
    head = fold_keep_offsets("\n".join(pages[:1]))[:1500]
    if _LIST.search(name) or _LIST.search(head[:300]):
        return "liste_deliberations"
    if _EXTRACT.search(head):
        return "deliberation"
    # The first lines are the title; later mentions are about earlier meetings.
    title = head[:400]
    for text in (title, name):
        if _PROCES_VERBAL.search(text):
            return "proces_verbal"
        if _COMPTE_RENDU.search(text):
            return "compte_rendu"
    if re.search(r"\bconseil (?:municipal|communautaire)\b|\bseance\b", head):
        return "proces_verbal"
    return "autre"
