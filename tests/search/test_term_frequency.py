"""How many published passages print each term, which the reader weighs a question's words by (`qa.reader`):
the counts follow publication, a clerk's correction, withdrawal and deletion, and a rebuild finds the same."""

from __future__ import annotations

import datetime
import math

import pytest
from django.db.models import Sum
from django.utils.text import slugify

from council.models import Body, Collectivite, Deliberation, Document, Seance
from council.services import deliberations_replace
from french.terms import terms_extract
from ingestion.services import document_delete, document_publish
from search.models import TERM_ALL, TermFrequency
from search.passages import PassageDraft
from search.selectors import terms_printed, terms_rarity
from search.services import passages_acts_detach, passages_replace, term_frequencies_rebuild

pytestmark = pytest.mark.django_db

# preuilly_sur_claise/PV.pdf (2020), page 6: lines no question set asks about.
FLEURIES = "Un concours des maisons fleuries est organisé par la Commune tous les ans au mois de Juin."
TITRE = "CHARGE le Maire d'émettre un titre pour un montant total de 850.56€ à l'encontre du Collège Gaston Defferre."
VERSEMENT = "Monsieur le Maire informe le Conseil Municipal le versement de la somme suivante :"
LIVRE = "DÉCIDENT de demander le remboursement de la somme de 22€ à la bibliothèque pour le livre non restitué."
# montpellier_opendata/deliberations_2013/2013_03_25/2013-03-25-0000062241.pdf, page 6: a line no question set reads.
VOLTAIRE = "4163 Via Voltaire Prévention, soutien, orientation sanitaire et sociale pour les jeunes Gély - Figuerolles 7 000 €"


def _document(name: str = "Preuilly-sur-Claise") -> Document:
    place = Collectivite.objects.create(name=name, slug=slugify(name))
    body = Body.objects.create(collectivite=place, name="Conseil municipal")
    seance = Seance.objects.create(body=body, date=datetime.date(2020, 9, 24))
    return Document.objects.create(
        collectivite=place, body=body, seance=seance, file=f"originals/{place.slug}.pdf", sha256=f"{place.pk:064d}",
        original_name="PV.pdf", source_path=f"{place.slug}/PV.pdf", kind=Document.Kind.PROCES_VERBAL, title="PV",
        page_count=10, status=Document.Status.READY,
    )


def _replace(document: Document, *texts: str) -> None:
    drafts = [PassageDraft(text=text, page_start=6, page_end=6, segment_key=None) for text in texts]
    passages_replace(document=document, drafts=drafts, deliberations=[], document_heading=document.title)


def _counts() -> dict[str, int]:
    """Every collectivité's counts together, as the rarity reads them."""
    return dict(TermFrequency.objects.values("term").annotate(n=Sum("passages")).values_list("term", "n"))


def _expected(before: dict[str, int], *texts: str) -> dict[str, int]:
    counts = dict(before)
    for text in texts:
        for term in {TERM_ALL, *terms_extract(text)}:
            counts[term] = counts.get(term, 0) + 1
    return counts


def test_term_counts_follow_publication_correction_withdrawal_and_deletion():
    term_frequencies_rebuild()  # whatever other tests published before, counted as it stands
    before = _counts()
    document = _document()
    _replace(document, FLEURIES, TITRE, VERSEMENT)
    assert _counts() == before  # nothing published yet

    document_publish(document=document, published=True)
    assert _counts() == _expected(before, FLEURIES, TITRE, VERSEMENT)
    # The rarity the reader weighs a word by, from these counts: a printed word is less rare than one never printed.
    counts, fleuries, unknown = _counts(), terms_extract("fleuries")[0], "zzqx"
    rarity = terms_rarity({fleuries, unknown})
    assert rarity[fleuries] == pytest.approx(math.log(1 + (counts[TERM_ALL] + 1) / (counts[fleuries] + 0.5)))
    assert rarity[fleuries] < rarity[unknown] == pytest.approx(math.log(1 + (counts[TERM_ALL] + 1) / 0.5))

    # A correction replaces the published texts: the counts follow, as a rebuild from scratch finds them.
    _replace(document, FLEURIES, LIVRE)
    assert _counts() == _expected(before, FLEURIES, LIVRE)
    assert term_frequencies_rebuild() == len(_expected(before, FLEURIES, LIVRE)) - 1
    assert _counts() == _expected(before, FLEURIES, LIVRE)

    document_publish(document=document, published=False)
    assert _counts() == before
    document_publish(document=document, published=True)
    document_delete(document=document, deleted_by="greffier")
    assert _counts() == before


def test_a_deliberation_parsed_away_takes_no_counted_passage_with_it():
    """Re-processing a published document whose reading no longer finds one of its délibérations (as
    `ingestion.services.document_structure_build` does it): the passages are counted out, not deleted unseen."""
    term_frequencies_rebuild()
    before = _counts()
    document = _document()
    act = Deliberation.objects.create(
        seance=document.seance, document=document, number="2020-050", objet="CONCOURS DES MAISONS FLEURIES 2019",
        page_start=6, page_end=6,
    )
    passages_replace(
        document=document, drafts=[PassageDraft(text=FLEURIES, page_start=6, page_end=6, segment_key=0)],
        deliberations=[act], document_heading=document.title,
    )
    document_publish(document=document, published=True)
    assert _counts() == _expected(before, FLEURIES)

    passages_acts_detach(document=document)
    deliberations_replace(document=document, drafts=[])
    _replace(document, TITRE)
    assert _counts() == _expected(before, TITRE)


def test_each_collectivite_counts_the_terms_of_its_own_minutes():
    """The decision to answer reads which of a question's words the minutes searched never print (`qa.reader`): a
    word only another collectivité prints is not printed by this one's, and a withdrawn document prints nothing."""
    term_frequencies_rebuild()
    preuilly, montpellier = _document(), _document("Ville de Montpellier")
    _replace(preuilly, FLEURIES)
    _replace(montpellier, VOLTAIRE)
    for document in (preuilly, montpellier):
        document_publish(document=document, published=True)
    fleuries, prevention = terms_extract("fleuries")[0], terms_extract("prévention")[0]
    words = {fleuries, prevention, "zzqx"}

    assert terms_printed(words, collectivites={"Preuilly-sur-Claise"}) == {fleuries}
    assert terms_printed(words, collectivites={"Ville de Montpellier"}) == {prevention}
    assert terms_printed(words, collectivites={"Preuilly-sur-Claise", "Ville de Montpellier"}) == {fleuries, prevention}
    assert TermFrequency.objects.get(collectivite=preuilly.collectivite, term=TERM_ALL).passages == 1

    document_publish(document=montpellier, published=False)
    assert terms_printed(words, collectivites={"Ville de Montpellier"}) == set()
    assert terms_printed(words, collectivites={"Preuilly-sur-Claise"}) == {fleuries}
