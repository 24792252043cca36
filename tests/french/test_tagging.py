"""french.tagging: the parts of speech of a question, from the packaged spaCy model."""

from __future__ import annotations

from french.tagging import verbs


def test_verbs_of_a_question_are_its_phrasing():
    found = verbs("Combien la commune a-t-elle versé au club de football pour la rénovation des vestiaires ?")
    assert "versé" in found
    assert not {"commune", "club", "football", "rénovation", "vestiaires"} & set(found)


def test_auxiliaries_count_as_verbs():
    assert {"ont", "voté"} <= set(verbs("Combien d'élus ont voté contre le budget primitif ?"))
