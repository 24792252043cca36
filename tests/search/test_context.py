"""The place and time a question names."""

from __future__ import annotations

import datetime

import pytest

from search.context import dates_named, query_context

D = datetime.date


@pytest.mark.parametrize(
    ("text", "periods", "years"),
    [
        ("Qu'a voté le conseil en juin 2014 ?", [(D(2014, 6, 1), D(2014, 6, 30))], set()),
        ("lors du conseil municipal d’avril 2014", [(D(2014, 4, 1), D(2014, 4, 30))], set()),
        ("la séance du 1er mars 2019", [(D(2019, 3, 1), D(2019, 3, 1))], set()),
        ("le 31 février 2019", [(D(2019, 2, 1), D(2019, 2, 28))], set()),  # no such day: the month stays
        ("choisie fin 2021", [(D(2021, 9, 1), D(2021, 12, 31))], set()),
        ("attribués début 2013", [(D(2013, 1, 1), D(2013, 4, 30))], set()),
        ("au printemps 2020", [(D(2020, 3, 1), D(2020, 6, 30))], set()),
        ("Le budget primitif 2012 adopté en DÉCEMBRE 2011", [(D(2011, 12, 1), D(2011, 12, 31))], {2012}),
        ("en 2013", [], {2013}),
        ("les 12 000 euros de la ligne 2500", [], set()),
        ("", [], set()),
    ],
)
def test_dates_named(text, periods, years):
    assert dates_named(text) == (tuple(periods), frozenset(years))


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
