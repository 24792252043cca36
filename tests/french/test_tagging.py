"""french.tagging: the parts of speech of a question, from the packaged spaCy model."""

from __future__ import annotations

import pytest

from french.tagging import content_word_vectors, verbs, words_closeness


def test_verbs_of_a_question_are_its_phrasing():
    found = verbs("Combien la commune a-t-elle versé au club de football pour la rénovation des vestiaires ?")
    assert "versé" in found
    assert not {"commune", "club", "football", "rénovation", "vestiaires"} & set(found)


def test_auxiliaries_count_as_verbs():
    assert {"ont", "voté"} <= set(verbs("Combien d'élus ont voté contre le budget primitif ?"))


# A line of Pierrefonds' minutes of 10 April 2018, page 10 (no question set of ../shared/eval covers Pierrefonds):
# it prices a meal without the words « tarif » or « déjeuner » a citizen would ask with.
MEAL_LINE = "La prise en charge par la commune du prix du repas fixé à 30 € pour les administrés de plus de 70 ans de la commune"


UNRELATED_LINE = "Le conseil approuve le procès-verbal de la séance précédente."


def test_words_close_in_meaning_bring_a_sentence_close_to_a_question():
    question = content_word_vectors("Quel est le tarif du déjeuner des aînés ?")
    priced, unrelated = words_closeness(question, [MEAL_LINE, UNRELATED_LINE])
    assert priced > unrelated + 0.1


def test_closeness_of_many_texts_is_that_of_each():
    question = content_word_vectors("Quel est le tarif du déjeuner des aînés ?")
    texts = [MEAL_LINE, "à la de", UNRELATED_LINE, MEAL_LINE]
    vectors = [content_word_vectors(text) for text in texts]
    each = [0.0 if v is None else float((question @ v.T).max(axis=1).mean()) for v in vectors]
    assert words_closeness(question, texts) == pytest.approx(each, abs=1e-6)


def test_stop_words_and_words_left_out_carry_no_vector():
    assert content_word_vectors("à la de ce qui") is None
    assert content_word_vectors("le tarif à Pierrefonds", leave_out=frozenset({"pierrefonds"})).shape[0] == 1
    assert words_closeness(None, [MEAL_LINE]) == [0.0]
