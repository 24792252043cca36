"""Acronyms read by their initials, on lines copied from the minutes of Pierrefonds (no question set of ../shared/eval
covers it)."""

from french.acronyms import acronyms_in, initials_runs
from french.terms import terms_extract


def test_words_in_capitals_that_may_be_acronyms():
    # pierrefonds_mymairie/20250127-PV.pdf, page 3
    assert acronyms_in("Le CEE est un contrat de travail de droit privé, spécifique") == {"cee"}
    # Grammar words and long words in capitals are not acronyms; two letters are too short to tell.
    assert acronyms_in("DELIBERATIONS PRISES PAR LE BUREAU") == set()
    assert acronyms_in("la DM2 et le lot B, HT") == set()


def test_runs_of_words_by_their_initials():
    terms = terms_extract("Création et recrutement de contrats d’engagement éducatif pour les accueils de loisirs 2025")
    runs = initials_runs(terms)
    assert runs["cee"] == tuple(terms_extract("contrats d’engagement éducatif"))
    assert not any(key.endswith("2") for key in runs)  # a number spells nothing
    assert set(initials_runs(terms, lengths={3})) == {"crc", "rce", "cee", "eea", "eal"}
