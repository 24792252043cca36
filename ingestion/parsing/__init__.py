"""Structure of council minutes from their cleaned page text: date, délibérations, speakers."""

from __future__ import annotations

from ingestion.parsing.dates import seance_date_find
from ingestion.parsing.deliberations import deliberations_find
from ingestion.parsing.kinds import document_kind_guess
from ingestion.parsing.officials import officials_find
from ingestion.parsing.speakers import interventions_find
from ingestion.parsing.model import (
    DocumentKind,
    Outcome,
    ParsedDeliberation,
    ParsedIntervention,
    ParsedMinutes,
    Position,
    VoteResult,
)

__all__ = [
    "DocumentKind",
    "Outcome",
    "ParsedDeliberation",
    "ParsedIntervention",
    "ParsedMinutes",
    "Position",
    "VoteResult",
    "minutes_parse",
]


def minutes_parse(*, pages: list[str], filename: str = "") -> ParsedMinutes:
    """Everything we read from the cleaned pages of one document."""
    return ParsedMinutes(
        seance_date=seance_date_find(pages),
        document_kind=document_kind_guess(filename=filename, pages=pages),
        deliberations=deliberations_find(pages),
        interventions=interventions_find(pages),
        officials=officials_find(pages),
    )
