"""rapporteur_find on real lines copied from the corpus, and against Montpellier's one-act PDFs."""

from __future__ import annotations

import csv

import pytest

from ingestion.extraction import pdf_pages_extract
from ingestion.parsing.rapporteur import rapporteur_find
from tests.corpus import corpus_root


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # montpellier_opendata/deliberations_2013/2013_02_04/2013-02-04-0000061086.pdf
        ("Exercice 2013 - Budget Primitif\nMax LEVITA rapporte : \nLors de la séance", "Max LEVITA"),
        # chemere_regardscitoyens/pdf/CM 13 septembre 2011.pdf
        ("Monsieur le Maire, rapporteur, rappelle aux membres du Conseil municipal que", "le Maire"),
        # chemere_regardscitoyens (many): « Monsieur Georges LECLEVE, rapporteur, expose : »
        ("Monsieur Georges LECLEVE, rapporteur, expose :", "Georges LECLEVE"),
        # chemere_regardscitoyens: « Rapporteur : Bernard CHAZELAS »
        ("Rapporteur : Bernard CHAZELAS\n", "Bernard CHAZELAS"),
        # pierrefonds_mymairie/CM-01-MARS-2022.pdf
        ("Madame le Maire passe la parole à M. PAPIN qui indique qu’en 2021", "PAPIN"),
        # roannais_agglomeration/example.pdf
        ("Jacques Troncy présente la création d’une autorisation de programme pour la réorganisation", "Jacques Troncy"),
        # pierrefonds_mymairie/20251120-PV.pdf
        ("Madame le Maire donne la parole à Monsieur RIBEIRO, qui propose de renouveler", "RIBEIRO"),
    ],
)
def test_rapporteur_lines(text, expected):
    assert rapporteur_find(text) == expected


def test_no_rapporteur():
    assert rapporteur_find("Le Conseil Municipal, après en avoir délibéré, à l’unanimité :") == ""


def test_the_author_of_a_request_is_no_rapporteur():
    # pierrefonds_mymairie/compte-rendu-21-11-2017.pdf, page 1: a petitioner before the administrative court.
    text = ("M. GOSSOT et Mme DANAN indiquent par ailleurs ne pas avoir\n"
            "été destinataires de la requête présentée par M. POMORSKI. M. GOSSOT considère qu'il y a là déni de")
    assert rapporteur_find(text) == ""
    assert rapporteur_find(text.replace("la requête présentée", "la délibération présentée")) == "POMORSKI"


@pytest.mark.corpus
def test_montpellier_one_act_pdfs():
    root = corpus_root()
    path = root / "ground_truth" / "montpellier_2013_deliberations_pdf_csv_pairs.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    hits = 0
    for row in rows:
        text = "\n".join(page.text for page in pdf_pages_extract(path=root / row["pdf_file"]))
        hits += rapporteur_find(text) == row["pdf_rapporteur"]
    print(f"\nrapporteur equal to pdf_rapporteur on {hits}/{len(rows)} Montpellier acts")
    assert hits / len(rows) >= 0.95
