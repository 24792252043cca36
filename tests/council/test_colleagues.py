"""The members of a body a document's own lists do not name, read from the officials its other minutes stored."""

from __future__ import annotations

import datetime

from council.selectors import colleagues_named


def _minutes(council_rows, day: datetime.date, officials: list[str], body: str = "Conseil municipal"):
    document, _ = council_rows(published=False, date=day, body=body)
    document.officials = officials
    document.save(update_fields=["officials"])
    return document


def test_colleagues_are_the_members_of_the_same_body_in_the_same_term(council_rows):
    # Names as Pierrefonds's minutes of the 2020 term print them, in the séances that name them.
    _minutes(council_rows, datetime.date(2021, 4, 6), ["Jean-Marc GOSSOT", "Delphine DECKER", "Michel LEBLANC"])
    _minutes(council_rows, datetime.date(2021, 10, 19), ["Delphine DECKER", "Michel LEBLANC"])
    _minutes(council_rows, datetime.date(2022, 1, 13), ["Michel LEBLANC", "Delphine DECKER"])
    _minutes(council_rows, datetime.date(2019, 11, 7), ["Damien BARATTE"])  # the term before
    _minutes(council_rows, datetime.date(2021, 7, 2), ["Florence DEMOUY"], body="Commission des finances")
    document = _minutes(council_rows, datetime.date(2021, 11, 30), ["Delphine DECKER"])

    colleagues = colleagues_named(body=document.body, day=document.seance.date, exclude=document)

    # Jean-Marc GOSSOT, named in April 2021 and neither at the last séance before nor since, is not known to sit in
    # November (he left the council that summer); Michel LEBLANC, named before and after, is.
    assert colleagues == ["Delphine DECKER", "Michel LEBLANC"]
    assert colleagues_named(body=document.body, day=None) == []
