"""interventions_find on real lines from Montpellier's procès-verbaux."""

from __future__ import annotations

from council.minutes import Position
from ingestion.parsing.speakers import interventions_find

# montpellier_opendata/proces_verbaux/PV_CM_24_04_2014.pdf, pages 15-16 (shortened, page number cleaned away)
PAGE_15 = (
    "Monsieur le Maire : Nous avons souhaité réinstaller les mariages de la ville de Montpellier à Grammont.\n"
    "Nancy CANAUD : Monsieur le Maire, je suis un peu surprise parce que l'on vient de faire construire cette \n"
    "mairie qui est somptueuse.\n"
)
PAGE_16 = (
    "Guy BARRAL : Des échos me sont revenus, de demandes de personnes qui souhaitent se marier.\n"
    "Y a-t-il d'autres interventions ? Je mets aux voix.\n"
    "Pour : 60\nContre : 5\nAbstentions : \nAdopté à la majorité.\n"
    "9- Taux d'imposition de la Ville de Montpellier pour 2014\n"
    "Objet : taux\n"
    "Max LEVITA:\nDonc, les taux d'imposition.\n"
)


def test_turns_and_positions():
    turns = interventions_find([PAGE_15, PAGE_16])
    assert [t.speaker for t in turns] == ["Monsieur le Maire", "Nancy CANAUD", "Guy BARRAL", "Max LEVITA"]
    assert turns[0].start == Position(1, 0)
    assert turns[1].start == Position(1, PAGE_15.index("Nancy CANAUD"))
    assert turns[2].start == Position(2, PAGE_16.index("Guy BARRAL"))
    assert turns[1].text.endswith("somptueuse.")


def test_turn_stops_at_the_vote_block():
    barral = interventions_find([PAGE_15, PAGE_16])[2]
    assert "Pour : 60" not in barral.text
    assert barral.text.endswith("Je mets aux voix.")
    assert barral.end.page == 2


def test_labels_are_not_speakers():
    # pierrefonds_mymairie/compte-rendu-15-10-2015.pdf; chemere signature grid
    pages = [
        "Présents : Madame Michèle BOURBIER, Monsieur Bernard ROBERT\nSecrétaire : Monsieur LEBLANC \n"
        "Vote : Pour à l’unanimité\nPour : 14\nObjet : Budget\nMontant proposé : 12 €\n"
        "Annie BARDOUL : Marie-Josèphe BATARD : Excusée\nMichèle FRANCHETEAU : Excusée\n"
    ]
    assert interventions_find(pages) == []
