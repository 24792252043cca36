"""The place and time a question names (the periods themselves: tests/french/test_french_dates.py)."""

from __future__ import annotations

import datetime

import pytest

from search.context import query_context

D = datetime.date


@pytest.mark.django_db
def test_query_context_names_collectivite_by_its_distinctive_words():
    from council.models import Collectivite

    preuilly, _ = Collectivite.objects.get_or_create(name="Preuilly-sur-Claise", defaults={"slug": "preuilly"})
    chemere, _ = Collectivite.objects.get_or_create(name="Commune de Chéméré", defaults={"slug": "chemere"})
    context = query_context("Combien la commune de Preuilly sur Claise a-t-elle payé en 2020 ?")
    assert preuilly.pk in context.collectivite_ids and chemere.pk not in context.collectivite_ids
    assert chemere.pk in query_context("À Chéméré, en juin 2014 ?").collectivite_ids
    assert context.date_range() == (D(2020, 1, 1), D(2020, 12, 31))
    assert query_context("la commune a-t-elle payé ?").empty
