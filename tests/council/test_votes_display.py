"""Votes as people read them: counts only when known, unanimity said, a bar of the votes cast, no « ? »."""

from __future__ import annotations

import re

from django.urls import reverse

from council.models import Deliberation


def test_votes_read_as_sentences_with_a_bar_and_never_a_question_mark(client, council_rows):
    document, (counted, unanimous, silent) = council_rows(
        published=True, objets=("Budget primitif", "Tarifs de la cantine", "Information sur les travaux")
    )
    Deliberation.objects.filter(pk=counted.pk).update(
        votes_for=24, votes_against=4, votes_abstention=None, names_against=["M. DUPONT", "Mme MARTIN"], unanimous=False
    )
    Deliberation.objects.filter(pk=unanimous.pk).update(
        unanimous=True, votes_for=28, votes_against=None, votes_abstention=None
    )
    Deliberation.objects.filter(pk=silent.pk).update(
        outcome=Deliberation.Outcome.UNKNOWN, votes_for=None, votes_against=None, votes_abstention=None
    )

    seance = client.get(reverse("seance-detail", args=[document.seance_id])).content.decode()
    assert "?" not in re.sub(r"<[^>]+>", "", seance).replace("Une question ?", "")
    assert "pour 24 · contre 4" in seance and "unanimité (28)" in seance and "non relevé" in seance

    page = client.get(counted.get_absolute_url()).content.decode()
    bar = re.search(r'<svg class="vote-bar" role="img"[^>]*aria-label="([^"]+)"', page)
    assert bar and bar.group(1) == "Pour 24, Contre 4"
    assert 'width="85.71"' in page and 'width="14.29"' in page
    assert "Ont voté contre" in page and "M. DUPONT, Mme MARTIN" in page
    assert "Adoptée à l'unanimité" in client.get(unanimous.get_absolute_url()).content.decode()
    silent_page = client.get(silent.get_absolute_url()).content.decode()
    assert "vote non relevé dans le texte" in silent_page and "vote-bar" not in silent_page
