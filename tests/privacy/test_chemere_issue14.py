"""Issue #14: the table of planning applications of Chéméré's minutes of 10 September 2013, page 9."""

from __future__ import annotations

import pytest

from privacy.detection import persons_detect, replacements_build
from privacy.pseudonymise import pseudonymiser_build
from tests.privacy.test_corpus_persons import CORPUS, _corpus_required, _pages_extract

pytestmark = pytest.mark.corpus

DOCUMENT = "chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf"
# The applicants of the page-9 table as the corpus prints them, and the public words around them.
APPLICANTS = ("SAINT Gustave", "LE BLAY Maëlle", "Emilie", "GUILLOU Olivier", "COLIN Christopher", "AVENEL Julien")


def test_page_9_applicants_masked_and_table_words_kept():
    _corpus_required()
    from ingestion.cleaning import pages_clean
    from ingestion.parsing import minutes_parse

    pages = pages_clean(_pages_extract(CORPUS / DOCUMENT))
    officials = minutes_parse(pages=pages, filename="CM 10 septembre 2013.pdf").officials
    pseudonymise = pseudonymiser_build(replacements_build(persons_detect(pages=pages, officials=officials), pages=pages))
    public = [pseudonymise(text) for text in pages]
    for name in APPLICANTS:
        assert name not in public[8], name
    assert "45 rue du Brandais" not in public[8]
    for text in ("HT Taux",):
        assert text in public[5], text
    for text in ("G 2486", "Panneaux", "G 1530", "Garage"):
        assert text in public[9] + public[8], text
    assert "Paul PIPAUD" in "\n".join(public)  # a council member stays named


def test_a_minutes_heading_in_capitals_is_not_masked():
    """« PROCÈS-VERBAL » with its accent is printed in no text layer of the corpus: the heading as Preuilly prints it."""
    _corpus_required()
    from ingestion.cleaning import pages_clean
    from ingestion.parsing import minutes_parse

    pages = pages_clean(_pages_extract(CORPUS / "preuilly_sur_claise/PV.pdf"))
    assert pages[0].startswith("PROCES VERBAL DU CONSEIL MUNICIPAL")
    officials = minutes_parse(pages=pages, filename="PV.pdf").officials
    public = pseudonymiser_build(replacements_build(persons_detect(pages=pages, officials=officials), pages=pages))(pages[0])
    assert public.startswith("PROCES VERBAL DU CONSEIL MUNICIPAL")
