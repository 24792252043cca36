"""Structure of council minutes from their cleaned page text: date, délibérations, speakers."""

from __future__ import annotations

from council.minutes import ParsedDeliberation, ParsedMinutes, Position
from ingestion.parsing.dates import seance_date_find
from ingestion.parsing.deliberations import deliberations_find, span_text
from ingestion.parsing.kinds import document_kind_guess
from ingestion.parsing.officials import officials_find, presiding_find
from ingestion.parsing.speakers import interventions_find
from ingestion.parsing.votes import vote_parse, voters_find

__all__ = ["minutes_parse"]


def minutes_parse(*, pages: list[str], filename: str = "") -> ParsedMinutes:
    """Everything we read from the cleaned pages of one document."""
    deliberations = deliberations_find(pages)
    _unanimous_votes_count(pages=pages, deliberations=deliberations)
    return ParsedMinutes(
        seance_date=seance_date_find(pages),
        document_kind=document_kind_guess(filename=filename, pages=pages),
        deliberations=deliberations,
        interventions=interventions_find(pages),
        officials=officials_find(pages),
        presiding=presiding_find(pages),
    )


def _unanimous_votes_count(*, pages: list[str], deliberations: list[ParsedDeliberation]) -> None:
    """A unanimous act that prints no count was voted by all the séance's voters.

    Their number (« Votants : 14 », or présents + pouvoirs) is in the attendance part
    above the first act; an act that prints its own « Votants » keeps it.
    """
    if not deliberations or deliberations[0].start == Position(page=1, offset=0):
        return
    header = span_text(pages=pages, start=Position(page=1, offset=0), end=deliberations[0].start)
    voters = voters_find(header)
    if voters is None:
        return
    for deliberation in deliberations:
        if deliberation.vote.unanimous and deliberation.vote.votes_for is None:
            text = span_text(pages=pages, start=deliberation.start, end=deliberation.end)
            deliberation.vote = vote_parse(text, voters=voters)
