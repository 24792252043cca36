"""french.votes: tally labels, the typo they tolerate, unanimity (named apart from tests/ingestion/test_votes.py)."""

from __future__ import annotations

import re

from french.folding import fold_keep_offsets
from french.votes import TALLY_WORD, TALLY_WORD_SPELT, UNANIMITY, tally_kind

# pierrefonds_mymairie/CM-12-avril-2022.pdf, page 4
ABSENTIONS = "- Absentions : 3 (Mme DEBUISSER, M. THUILLIER, M. LEBLANC). Ils indiquent qu’en raison "
# montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, page 52
POUR_CONTRE = ". Pour : 56 / . Contre : 2"
# aiglun_regardscitoyens/pdf/CR CM 19122013.pdf, page 1
FAVORABLE = "Vote favorable à l’unanimité. "

_LABEL = r"({})\s*:\s*(\d+)"


def test_tally_word_tolerates_the_typo_and_spelt_does_not():
    assert re.search(_LABEL.format(TALLY_WORD), ABSENTIONS, re.I).groups() == ("Absentions", "3")
    assert re.search(_LABEL.format(TALLY_WORD_SPELT), ABSENTIONS, re.I) is None


def test_tally_kind_of_each_label():
    labels = [(tally_kind(word), int(n)) for word, n in re.findall(_LABEL.format(TALLY_WORD), POUR_CONTRE, re.I)]
    assert labels == [("for", 56), ("against", 2)]
    assert tally_kind("Absentions") == "abstention"
    assert tally_kind("OUI") == "for" and tally_kind("non") == "against"


def test_unanimity_with_or_without_accent():
    assert re.search(UNANIMITY, FAVORABLE).group(0) == "unanimité"
    assert re.search(UNANIMITY, fold_keep_offsets(FAVORABLE)).group(0) == "unanimite"
    assert re.search(UNANIMITY, FAVORABLE.upper(), re.I)
