"""The same matter in other séances, on a délibération's page: objets of the same collectivité that repeat most of
its rarer words, oldest first; not the same séance, not another collectivité, not an unpublished document."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from council.selectors import deliberations_related, matter_timeline, objet_terms
from search.models import Passage
from tests.french.test_cadastre import ACQUISITION, SENTIER

pytestmark = pytest.mark.django_db

# montpellier_opendata/proces_verbaux (2009, 2011, 2013): a matter that comes back séance after séance.
RAVALEMENT = (
    (datetime.date(2009, 3, 30), "MONTPELLIER GRAND CŒUR - Ravalement obligatoire des façades"),
    (datetime.date(2011, 12, 16), "MONTPELLIER GRAND CŒUR Ravalement obligatoire des façades Attribution de subventions"),
    (datetime.date(2013, 6, 17), "MONTPELLIER GRAND COEUR Ravalement obligatoire des façades Attribution de subventions"),
)
OTHERS = (
    "Attribution de subventions à des projets portés par des associations culturelles",
    "Délégations de pouvoirs « Marchés publics » : Information",
)


def test_the_same_matter_in_other_seances_oldest_first(client, council_rows):
    found = []
    for date, objet in RAVALEMENT:
        _document, (ravalement, *_rest) = council_rows(published=True, collectivite="Ville de Montpellier", date=date,
                                                     objets=(objet, *OTHERS))
        found.append(ravalement)
    council_rows(published=False, collectivite="Ville de Montpellier", date=datetime.date(2014, 2, 17), objets=RAVALEMENT[1][1:])
    _lunel, (alone,) = council_rows(published=True, collectivite="Ville de Lunel", date=datetime.date(2012, 1, 9),
                                    objets=RAVALEMENT[1][1:])
    related = deliberations_related(deliberation=found[1])
    assert [d.pk for d in related] == [found[0].pk, found[2].pk]
    # The matter's timeline on the page: the three séances in order, this one marked, not linked to itself.
    assert matter_timeline(deliberation=found[1]) == found
    page = client.get(reverse("deliberation-detail", args=[found[1].pk])).content.decode()
    assert "Cette affaire au fil des séances" in page
    timeline = page[page.index('<ol class="timeline">'):]
    timeline = timeline[: timeline.index("</ol>")]
    assert [timeline.index(f'<time datetime="{date:%Y-%m-%d}">') for date, _ in RAVALEMENT] == sorted(
        timeline.index(f'<time datetime="{date:%Y-%m-%d}">') for date, _ in RAVALEMENT
    )
    assert timeline.count('aria-current="true"') == 1 and "(cette délibération)" in timeline
    assert reverse("deliberation-detail", args=[found[0].pk]) in timeline
    assert reverse("deliberation-detail", args=[found[1].pk]) not in timeline
    # A délibération with no matter found (the only one of its collectivité) has no timeline.
    assert matter_timeline(deliberation=alone) == []


def test_a_parcel_named_again_is_the_same_matter(council_rows):
    # Chéméré buys parcels G 124 and G 125 in 2010, and a footpath along G 124 is moved in 2011: objets without a
    # word in common, one parcel.
    found = []
    for date, objet, text in (
        (datetime.date(2010, 1, 19), "Acquisition de terrains (G124 – G125)", ACQUISITION),
        (datetime.date(2011, 5, 24), "Modification du tracé du sentier pédestre « Circuit des Iles »", SENTIER),
    ):
        document, (deliberation,) = council_rows(published=True, collectivite="Commune de Chéméré", date=date, objets=(objet,))
        Passage.objects.create(document=document, deliberation=deliberation, position=0, page_start=1, page_end=1,
                               heading=objet, text=text, published=True, collectivite=document.collectivite,
                               body=document.body, seance_date=date, document_kind=document.kind)
        found.append(deliberation)
    assert [d.pk for d in deliberations_related(deliberation=found[1])] == [found[0].pk]
    assert [d.pk for d in deliberations_related(deliberation=found[0])] == [found[1].pk]


# chemere_regardscitoyens/pdf/CM 20 avril 2010.pdf, délibération 2010/57 « Déclassement chemin communal », as printed.
CITING = (
    "Considérant que le Plan local d’urbanisme de CHEMERE, approuvé par délibération n°2009/22 en date\n"
    "du 18 février 2009 et exécutoire depuis le 13 avril 2009 autorise la construction de logements sur la par-"
    "celle cadastrée G 830 (réponse à l’observation n°3),"
)


def test_an_act_cited_by_its_number_is_the_same_matter(council_rows):
    # The PLU approved on 18 February 2009 (CM 18 février 2009, 2009/22) and the road declassed under it in 2010:
    # objets without a word in common, no parcel in common; the later one cites the earlier by its number.
    plu_document, (plu,) = council_rows(published=True, collectivite="Commune de Chéméré", date=datetime.date(2009, 2, 18),
                                        objets=("Révision du POS : Approbation du Plan local d’urbanisme (PLU) révisé",))
    road_document, (road,) = council_rows(published=True, collectivite="Commune de Chéméré", date=datetime.date(2010, 4, 20),
                                          objets=("Déclassement chemin communal",))
    plu.number, road.number = "2009/22", "2010/57"
    plu.save(update_fields=["number"])
    road.save(update_fields=["number"])
    assert not objet_terms(plu.objet) & objet_terms(road.objet)
    Passage.objects.create(document=road_document, deliberation=road, position=0, page_start=1, page_end=1,
                           heading=road.objet, text=CITING, published=True, collectivite=road_document.collectivite,
                           body=road_document.body, seance_date=road.seance.date, document_kind=road_document.kind)
    assert [d.pk for d in deliberations_related(deliberation=road)] == [plu.pk]
    # Both ways: the PLU's page shows the act that applied it.
    assert [d.pk for d in deliberations_related(deliberation=plu)] == [road.pk]


def test_one_budget_followed_through_its_year(council_rows):
    # The Communauté de communes des Lisières de l'Oise (pierrefonds_mymairie/cc_lisieres_de_l_oise, 2025; no
    # question set of ../shared/eval covers it): the accounts of 2024 voted in March, their result assigned in April
    # with the budgets primitifs of 2025, a décision modificative of the water budget in November.
    place = "Communauté de communes des Lisières de l'Oise"
    _march, (cfu_eau, cfu_main) = council_rows(
        published=True, collectivite=place, date=datetime.date(2025, 3, 13),
        objets=("Vote du Compte Financier Unique 2024 – Budget annexe n°40003 EAU-CCLO",
                "Vote du compte financier unique–Année 2024-Budget Principal"))
    _april, (result, bp_main, bp_eau) = council_rows(
        published=True, collectivite=place, date=datetime.date(2025, 4, 10),
        objets=("Affectation de résultat – Budget Principal",
                "Présentation et vote du budget primitif 2025 – Budget Principal",
                "Présentation et vote du budget primitif 2025 – Budget n°40003 EAU-CCLO"))
    _september, (dm_waste,) = council_rows(
        published=True, collectivite=place, date=datetime.date(2025, 9, 25),
        objets=("Décision modificative N°1 - Budget Annexe Collecte et traitement des déchets",))
    _november, (dm_eau,) = council_rows(
        published=True, collectivite=place, date=datetime.date(2025, 11, 13),
        objets=("Décision modificative n°1 – Augmentation de crédits - Budget n°40003 EAU-CCLO",))
    # The result assigned in April is that of the main budget's 2024 accounts, voted in March: few words in common.
    assert [d.pk for d in deliberations_related(deliberation=result)] == [cfu_main.pk]
    # The water budget of 2025: its budget primitif and its décision modificative, not another budget's.
    assert dm_eau in deliberations_related(deliberation=bp_eau)
    assert bp_eau in deliberations_related(deliberation=dm_eau) and dm_waste not in deliberations_related(deliberation=dm_eau)


# pierrefonds_mymairie/CM-04-mai-2023.pdf, page 1 (a collectivité no question set of ../shared/eval covers)
CITING_BY_DATE = (
    "Madame le Maire rappelle que par délibération du 23 novembre 2020, la commune de Pierrefonds met à disposition\n"
    "la salle du Foyer Napoléon pour l’accueil du public"
)


def test_an_act_cited_by_the_date_of_its_seance_is_the_same_matter(council_rows):
    # pierrefonds_mymairie/compte-rendu-23-11-2020.pdf: the convention, beside another act of that séance; the 2023
    # act shares too few of its words with the convention for likeness alone (under RELATED_SHARE), and names it by
    # the date of its séance.
    convention_document, (other, convention) = council_rows(
        published=True, collectivite="Commune de Pierrefonds", date=datetime.date(2020, 11, 23),
        objets=("Décision modificative n°2 du budget communal",
                "Convention de mise à disposition du Foyer Napoléon avec l’Office du Tourisme pour l’accueil de groupes"))
    tariff_document, (tariff,) = council_rows(
        published=True, collectivite="Commune de Pierrefonds", date=datetime.date(2023, 5, 4),
        objets=("Revalorisation de la tarification dans le cadre de la convention de mise à disposition du Foyer",))
    Passage.objects.create(document=tariff_document, deliberation=tariff, position=0, page_start=1, page_end=1,
                           heading=tariff.objet, text=CITING_BY_DATE, published=True,
                           collectivite=tariff_document.collectivite, body=tariff_document.body,
                           seance_date=tariff.seance.date, document_kind=tariff_document.kind)
    assert [d.pk for d in deliberations_related(deliberation=tariff)] == [convention.pk]
    assert [d.pk for d in deliberations_related(deliberation=convention)] == [tariff.pk]
    assert other.pk not in [d.pk for d in deliberations_related(deliberation=tariff)]
