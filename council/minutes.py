"""Plain data read from the text of council minutes before anything is stored: what the parser gives the pipeline.

It lives with the domain, below every app that reads it (the parser, the cutting of passages).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal

Outcome = Literal["adopted", "rejected", "unknown"]
DocumentKind = Literal["proces_verbal", "compte_rendu", "deliberation", "liste_deliberations", "autre"]


@dataclass(frozen=True, order=True)
class Position:
    """A place in a document: 1-based page number and offset in that page's cleaned text."""

    page: int
    offset: int


@dataclass
class VoteResult:
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstention: int | None = None
    # Names exactly as printed, when the minutes list who voted against or abstained.
    names_for: list[str] = field(default_factory=list)
    names_against: list[str] = field(default_factory=list)
    names_abstention: list[str] = field(default_factory=list)
    unanimous: bool = False
    outcome: Outcome = "unknown"


@dataclass
class ParsedDeliberation:
    number: str  # as printed, "" when the act has none
    objet: str
    start: Position
    end: Position  # exclusive
    rapporteur: str = ""
    vote: VoteResult = field(default_factory=VoteResult)

    @property
    def page_start(self) -> int:
        return self.start.page

    @property
    def page_end(self) -> int:
        # An end at offset 0 of a page means the act stopped on the page before.
        return self.end.page - 1 if self.end.offset == 0 and self.end.page > self.start.page else self.end.page


@dataclass
class ParsedIntervention:
    speaker: str  # as printed: "Mme Le Maire", "Michaël DELAFOSSE"
    start: Position
    end: Position
    text: str


@dataclass
class ParsedMinutes:
    seance_date: datetime.date | None
    document_kind: DocumentKind
    deliberations: list[ParsedDeliberation]
    interventions: list[ParsedIntervention]
    # Elected officials named in the document (attendance list, mayor, secretary,
    # rapporteurs, signatories, speakers), as printed: they keep their names.
    officials: list[str] = field(default_factory=list)
    # The mayor (or the president of the body) as the minutes name them (« Monsieur Jean-Paul LERAY, Maire »): whom
    # « le Maire » stands for, as rapporteur or speaker. "" when the minutes do not say.
    presiding: str = ""
