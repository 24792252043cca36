"""Terms of office, and who sits on a body on a given day from the officials its minutes name."""

from __future__ import annotations

import datetime

from council.mandates import mandate_end, mandate_start, members_at


def test_a_seance_belongs_to_the_term_of_the_last_general_election():
    # Montpellier's council of 17 February 2014 is the last of the 2008 term; 24 April 2014, the new council's.
    assert mandate_start(datetime.date(2014, 2, 17)) == datetime.date(2008, 3, 9)
    assert mandate_end(datetime.date(2014, 2, 17)) == datetime.date(2014, 3, 23)
    assert mandate_start(datetime.date(2014, 4, 24)) == datetime.date(2014, 3, 23)
    # The 2020 term began with the first round of 15 March, its second round put off to June.
    assert mandate_start(datetime.date(2020, 7, 3)) == datetime.date(2020, 3, 15)
    assert mandate_start(datetime.date(1990, 1, 1)) is None


def test_a_member_is_one_named_before_and_after_that_day_in_the_same_term():
    # As the Chéméré minutes name them: Alain GUILBAUD sits on the council in 2008 and 2009 and no more after; the
    # table of planning applications of 10 September 2013 names « GUILBAUD Alain » as an applicant.
    minutes = [
        (datetime.date(2008, 3, 26), ["Alain GUILBAUD", "Paul PIPAUD"]),
        (datetime.date(2009, 10, 13), ["Alain GUILBAUD", "Paul PIPAUD"]),
        (datetime.date(2013, 7, 9), ["Paul PIPAUD"]),
        (datetime.date(2013, 11, 19), ["PIPAUD Paul"]),  # another order of the same words: the same person
        (datetime.date(2014, 4, 22), ["Alain GUILBAUD"]),  # the next term
    ]
    assert members_at(day=datetime.date(2013, 9, 10), minutes=minutes) == ["Paul PIPAUD"]
    # Named on that very day (another document of the same séance) counts on both sides.
    assert members_at(day=datetime.date(2009, 10, 13), minutes=minutes) == ["Alain GUILBAUD", "Paul PIPAUD"]
    # The newest minutes have none after them: who sat at the last séance before still sits.
    assert members_at(day=datetime.date(2014, 1, 15), minutes=minutes) == ["Paul PIPAUD"]
