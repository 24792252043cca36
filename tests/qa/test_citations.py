"""The citation check: a sentence without a valid [n] goes; an answer left without one is refused."""

from qa.citations import CitationChecker, answer_check, answer_sentences, markers_read
from search.backends.base import SearchHit


def _hit(n: int, text: str) -> SearchHit:
    return SearchHit(passage_id=100 + n, score=1.0, document_id=10 + n, deliberation_id=None, page_start=n, page_end=n,
                     heading="", text=text, document_title=f"PV {n}", document_source_path=f"ville/pv{n}.pdf")


SOURCES = [
    _hit(1, "Le conseil décide de vendre la parcelle pour un montant de 46 000,00 €."),
    _hit(2, "Le repas du mercredi est pris en charge à hauteur de 1,12 €/repas servi."),
]


def test_markers_in_their_usual_forms():
    assert markers_read("A [1]. B [2, 3]. C [source 4][5]. D [2 et 6].") == [1, 2, 3, 4, 5, 6]


def test_marker_after_the_full_stop_stays_with_its_sentence():
    assert answer_sentences("La parcelle est vendue 46 000,00 €. [1] Le repas coûte 1,12 €. [2]") == [
        "La parcelle est vendue 46 000,00 € [1].",
        "Le repas coûte 1,12 € [2].",
    ]


def test_unsupported_sentences_are_removed_and_citations_renumbered():
    checked = answer_check(
        text="Le repas coûte 1,12 € [2]. Le maire a démissionné [7]. Personne ne le sait. La parcelle vaut 46 000,00 € [1].",
        sources=SOURCES,
    )
    assert checked.text == "Le repas coûte 1,12 € [1]. La parcelle vaut 46 000,00 € [2]."
    assert checked.dropped == ["Le maire a démissionné [7].", "Personne ne le sait."]
    assert [(c.n, c.passage_id) for c in checked.citations] == [(1, 102), (2, 101)]
    assert checked.citations[1].quote == SOURCES[0].text


def test_answer_without_any_valid_citation_is_not_supported():
    checked = answer_check(text="La parcelle vaut 46 000 € [3]. Elle est vendue [0].", sources=SOURCES)
    assert not checked.supported and checked.citations == []


# pierrefonds_mymairie/20241015-PV.pdf p. 3 and 20241210-PV.pdf (a collectivité no question set of ../shared/eval
# covers).
MEALS = _hit(1, "Pour la restauration dans le cadre de l'accueil de loisirs, il est proposé de maintenir le coût du repas "
                "à 4,80 €.")
POSTS = _hit(2, "Monsieur Leblanc demande pourquoi deux postes.")


def _kept(text: str, *, question: str = "Combien coûte le repas ?") -> list[str]:
    checker = CitationChecker(sources=[MEALS, POSTS], question=question)
    return [checked.body for checked in (checker.sentence_add(s) for s in answer_sentences(text)) if checked]


def test_a_models_sentence_goes_when_no_passage_given_prints_its_figures():
    assert _kept("Le repas coûte 4,80 € [1].") == ["Le repas coûte 4,80 €"]
    assert _kept("Le repas coûte 4.8 euros [1].") == ["Le repas coûte 4.8 euros"]
    # A figure no passage given prints is invented; one printed by the passage next to the cited one is not.
    assert _kept("Le repas coûte 5,20 € [1].") == []
    assert _kept("Le repas coûte 4,80 € [2].") == ["Le repas coûte 4,80 €"]
    # Numbers in words count as printed; the question's own figures may be said again.
    assert _kept("Il y a 2 postes [2].") == ["Il y a 2 postes"]
    assert _kept("En 2024, le repas coûte 4,80 € [1].", question="Combien coûte le repas en 2024 ?") == [
        "En 2024, le repas coûte 4,80 €"
    ]
    # The reader's sentences are quoted, not written: without the question, figures are not checked.
    assert answer_check(text="Le repas coûte 5,20 € [1].", sources=[MEALS]).supported


def test_a_models_sentence_goes_when_it_only_restates_the_question():
    # A small model restates the question as its answer and cites whatever it was given: nothing checks that.
    question = "Le coût du repas de l'accueil de loisirs est-il maintenu ?"
    checker = CitationChecker(sources=[MEALS, POSTS], question=question)
    assert checker.sentence_add("Le coût du repas de l'accueil de loisirs est maintenu [1].") is None
    assert checker.checked.restated == ["Le coût du repas de l'accueil de loisirs est maintenu [1]."]
    # A word or a figure of its own is something to check, and checked.
    assert _kept("Le coût du repas de l'accueil de loisirs est maintenu à 4,80 € [1].", question=question) == [
        "Le coût du repas de l'accueil de loisirs est maintenu à 4,80 €"
    ]
    assert _kept("Le coût du repas de l'accueil de loisirs est maintenu dans le cadre proposé [1].", question=question) == [
        "Le coût du repas de l'accueil de loisirs est maintenu dans le cadre proposé"
    ]


def test_a_citation_links_to_the_page_that_prints_its_quote(db):
    from council.models import Page
    from tests.qa.conftest import passage_create

    # pierrefonds_mymairie/20241015-PV.pdf, pages 3 and 4: a passage running over the page break.
    first = "Pour la restauration dans le cadre de l’accueil de loisirs, il est proposé de maintenir le coût du repas à 4,80 €."
    second = "La liste des créances proposées en admission en non-valeur représente un montant de 144,60 €."
    passage = passage_create(collectivite="Commune de Pierrefonds", date="2024-10-15", number="2024-31",
                             objet="Tarif du repas des accueils de loisirs", pages=(3, 4), text=f"{first}\n{second}")
    Page.objects.create(document=passage.document, number=3, raw_text=first, text=first)
    Page.objects.create(document=passage.document, number=4, raw_text=second, text=second)
    hit = SearchHit(passage_id=passage.pk, score=1.0, document_id=passage.document_id, deliberation_id=None,
                    page_start=3, page_end=4, heading="", text=passage.text, document_title="PV",
                    document_source_path="pierrefonds/pv.pdf")
    for sentence, page in ((second, 4), (first, 3)):
        checker = CitationChecker(sources=[hit])
        checker.sentence_add(f"{sentence} [1]")
        citation = checker.result().citations[0]
        assert citation.url.endswith(f"/documents/{passage.document_id}/pages/{page}/")
        assert (citation.page_start, citation.page_end) == (3, 4)
