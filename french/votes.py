"""The words of a vote: the three tally labels (pour, contre, abstention), unanimity, and what each label counts."""

from __future__ import annotations

from typing import Literal

TallyKind = Literal["for", "against", "abstention"]

# The three tally labels as regex alternations (no group), to be used with re.IGNORECASE. `TALLY_WORD`
# accepts the frequent typo « absention(s) »; `TALLY_WORD_SPELT` only the right spelling. They are kept
# apart because moving a pattern from one to the other changes what it reads.
TALLY_WORD = r"(?:pour|contre|abst?entions?)"
TALLY_WORD_SPELT = r"(?:pour|contre|abstentions?)"
# « à l'unanimité », « Unanimité »; ends at the accent so that folded text matches too.
UNANIMITY = r"unanimit[ée]"

# What was put to the vote, in the minutes: « Il vous est proposé de ne pas augmenter ces tarifs », « Monsieur le
# Président propose au conseil de conserver les taux » (the verb, not the noun « proposition »).
PROPOSED = r"\bpropos(?:e|ent|[ée]e?s?)\s+(?:\w+\s+){0,4}?(?:de|d['’])"

# In a question (folded): what is counted in a vote (members, voices, votes), and the verbs of voting.
VOTERS = r"(?:conseill\w*|elus?|elues?|membres?|voix|votes?|suffrages?|personnes?|delegues?)"
VOTE_VERBS = r"(?:vot\w*|oppos\w*|abstenu\w*|absten\w*|prononc\w*|exprim\w*)"

# Labels that count votes for or against; every other tally label counts abstentions.
_KINDS: dict[str, TallyKind] = {"pour": "for", "oui": "for", "contre": "against", "non": "against"}


def tally_kind(label: str) -> TallyKind:
    """What a tally label counts: « Pour », « oui » → for; « CONTRE », « non » → against; else abstention."""
    return _KINDS.get(label.lower(), "abstention")
