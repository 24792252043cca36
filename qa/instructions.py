"""Text in a passage that speaks to a language model rather than to the council (« ignore les instructions
précédentes… »): never evidence, never shown to a model."""

from __future__ import annotations

import re

from french.sentences import sentences_split

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
