"""officials_find on attendance lists copied from the corpus, and recall on Chéméré's ground truth."""

from __future__ import annotations

import ast
import csv
import re
import unicodedata

import pytest

from ingestion.extraction import pdf_pages_extract
from ingestion.parsing.officials import officials_find, presiding_find
from tests.corpus import corpus_root, manifest_rows

# pierrefonds_mymairie/compte-rendu-15-10-2015.pdf, page 1
PIERREFONDS = """s’est réuni au lieu ordinaire de ses séances sous la présidence de Madame
Michèle BOURBIER, maire.
Présents : Madame Michèle BOURBIER, Monsieur Bernard ROBERT, Monsieur Michel
LEBLANC, Madame Florence DEMOUY, Monsieur Ronan TANGUY.
Pouvoirs :
− Madame Marie-Alice DEBUISSER à Madame Michèle BOURBIER
Absents excusés :
− Madame Dolorès HUDO
Secrétaire : Monsieur LEBLANC
_________
Madame le maire rappelle que chacun a été destinataire du compte rendu.
Il est proposé la vente de la parcelle à M. Jean DUPONT, domicilié rue Chauret.
"""

# preuilly_sur_claise/PV.pdf, page 1
PREUILLY = """sous la présidence de Monsieur CHARRIER Jean-Paul, Maire.
Présents :
M.CHARRIER Jean-Paul Maire, M.THOREAU Gérard, Mme STAMFELJ Marie-José, M. ROBERT Henri
Adjoints, Mme DEBERNE Yolande, M.BERNARD Bruno Délégué, M. VERON Jean-François, M. JALON
Benjamin Délégué, Mme PÉROT Dorothée.
Absente excusée: Mme VENOT Charlène
Nombre de Conseillers en exercice : 15- Présents 14 - Votants 14-Le quorum étant atteint
La séance est ouverte à 18H30.
- Monsieur JEAU Michel Président de l’USYP remercie d’avoir été invité afin de donner des
explications supplémentaires.
"""

# couthenans/CR_reunion_20210129.pdf, page 1
COUTHENANS = """+ Présents : Jean-Pierre (Pr*), Anne-Marie, Nelly, Agnès (Pr**), Maryline (Pr***), Jacques (Pr****), Mario,
Matthieu, Patrick, Yves.
+ Absents excusés : Marielle (Pr**), Adeline (Pr***), Hélène (Pr****), Marc, David (Pr*).
 Ordre du jour :
I Convention de mise à disposition de personnel.
II PADD (Plan d’Aménagement et de Développement Durable).
"""


# chemere_regardscitoyens/pdf/CM 23 mars 2010.pdf, page 1: the presidency cut by a line break
CHEMERE = """Conseil Municipal de la Commune de CHEMERE, dûment
convoqué, s'est réuni en session ordinaire, à la Mairie, sous la
présidence de Monsieur Jean-Paul LERAY, Maire.
Convocation :
16 mars 2010
Présents:
M. Jean-Paul LERAY, Maire
M. Georges LECLEVE, Bernard CHAZELAS, Jean-Marie
GATARD, Jean-Pierre GRANDJOUAN, Adjoints
"""


def test_the_mayor_the_minutes_name():
    assert presiding_find([PIERREFONDS]) == "Michèle BOURBIER"
    assert presiding_find([PREUILLY]) == "CHARRIER Jean-Paul"
    assert presiding_find([CHEMERE]) == "Jean-Paul LERAY"
    # Only first names, no mayor named as such: nobody.
    assert presiding_find([COUTHENANS]) == ""
    # The attendance line alone names the mayor too.
    assert presiding_find([CHEMERE.split("Présents:")[1]]) == "Jean-Paul LERAY"


def test_pierrefonds_attendance():
    officials = officials_find([PIERREFONDS])
    for name in ["Michèle BOURBIER", "Michel LEBLANC", "Ronan TANGUY", "Marie-Alice DEBUISSER", "Dolorès HUDO"]:
        assert name in officials
    assert not any("DUPONT" in name for name in officials)


def test_surname_first_lists_and_private_persons():
    officials = officials_find([PREUILLY])
    for name in ["CHARRIER Jean-Paul", "STAMFELJ Marie-José", "JALON Benjamin", "VENOT Charlène"]:
        assert name in officials
    assert not any("JEAU" in name for name in officials)


def test_first_names_only():
    officials = officials_find([COUTHENANS])
    assert officials[:3] == ["Jean-Pierre", "Anne-Marie", "Nelly"]
    assert "David" in officials
    assert not any("PADD" in name or "Convention" in name for name in officials)


def test_a_compound_surname_printed_around_a_list_dash_is_one_member():
    # flaux_village/PV DU 9 JUIN 2023-tampon.pdf, page 1 (a scan, read by OCR): names separated by dashes, one surname
    # with a hyphen printed as a separator.
    text = ("Présents : Denis JUVIN - Catherine MARTEL - Muriel NIGGEL - Alessandra\nSTURANI - Patricia MICHOT - "
            "Jean-Pierre PLUS - Philippe ROUVIER - COROUGE\n- Catherine VINAS - Philippe VINÇON\n\nAbsents :\n")
    officials = officials_find([text])
    assert "Philippe ROUVIER-COROUGE" in officials
    assert "COROUGE" not in officials and "Philippe ROUVIER" not in officials
    assert officials[-2:] == ["Catherine VINAS", "Philippe VINÇON"]


def test_a_labelled_list_of_staff_after_the_members_is_not_theirs():
    # aiglun_regardscitoyens/pdf/CR CM 08.04.2016.pdf, page 1 (a scan, read by OCR): the commune's staff under
    # « Mairie : » between the members excused and the secretary.
    text = ("Présents : Daniel JUGY, Jean-Pierre TOULOUSE, Philippe POULEAU, Michel AUDRAN, Vves\n"
            "BLANCHET, Fabienne JOUVE, Patrice REVAH, Charles SPETH.\n\n"
            "Excusés et pouvoirs : Antonio PEREZ donne pouvoir à Michel AUDRAN, Marion JUSTRABO donne\n"
            "pouvoir à Jean-Pierre TOULOUSE, Elisabeth PEREIRA donne pouvoir à Patrice REVAH, Danielle\n"
            "DAUBE donne pouvoir à Charles SPETH.\n\nSylviane LAURO : absente sans pouvoir.\n\n"
            "Mairie : Aurélie BILLARD.\nSecrétaire de séance : Charles SPETH.\n")
    officials = officials_find([text])
    assert "Aurélie BILLARD" not in officials and "Mairie" not in officials
    # A member's absence after a name (« Sylviane LAURO : absente ») or a label naming the members stays in the list.
    assert {"Sylviane LAURO", "Charles SPETH"} <= set(officials)
    elected = officials_find(["Présents :\n\nElus : Daniel JUGY, Jean-Pierre TOULOUSE, Philippe POULEAU\n"])
    assert {"Daniel JUGY", "Jean-Pierre TOULOUSE", "Philippe POULEAU"} <= set(elected)


def test_under_the_town_halls_label_a_role_word_is_a_grade_of_its_staff():
    # aiglun_regardscitoyens/pdf/CR du CM du  11.12.15.pdf, page 1 (a scan, read by OCR): « adjointe » names her grade
    # in the services, not a deputy mayor's office.
    text = ("Excusée : M” Sylviane LAURO.\n\nM\" Sylviane LAURO donne pouvoir à M. Philippe POULEAU.\n"
            "Mairie : M”° Aurélie BILLARD), adjointe à la direction des services.\n"
            "Ouverture de la séance à 18h00 par monsieur le maire.\n")
    officials = officials_find([text])
    assert "Sylviane LAURO" in officials
    assert not any("BILLARD" in name for name in officials)


def test_a_director_of_services_given_the_floor_is_staff_not_a_rapporteur():
    # pierrefonds_mymairie/CM-du-28-mars-2024.pdf, page 1: the floor goes to the community's director of services.
    text = (" Madame le Maire passe la parole à Monsieur Jérémy GUILLAUME, Directeur Général des Services de la \n"
            "Communauté de communes des Lisières de l’Oise qui explique que la loi APER du 10\n")
    assert officials_find([text]) == []
    # A member given the floor stays one (pierrefonds_mymairie/CM-01-MARS-2022.pdf).
    assert officials_find(["Madame le Maire passe la parole à M. Jean-Jacques CARRETERO qui rappelle aux membres du "
                           "conseil que \nl’objectif d"]) == ["Jean-Jacques CARRETERO"]


def test_a_speaker_the_lists_do_not_name_is_no_member_where_they_name_the_members():
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, pages 2 and 249 (lines no question set reads): the
    # director of services speaks at the end of the last séance of the term; the attendance list names the members.
    listed = ("sous la présidence de Madame le Maire, \nHélène MANDROUX \nPrésents :\nBrahim ABBOU, Frédéric ARAGON, "
              "Michel ASLANIAN, Marie-Josée AUGE-CAUMON, Eva \nBECCARIA, Annie BENEZECH\n\n")
    speakers = ("Jean-Louis ROUMEGAS : Madame le Maire, merci de me donner la parole.\n"
                "Jules NYSSEN : Mme le Maire, l'administration est habituellement silencieuse dans les Conseils municipaux\n")
    found = officials_find([listed, speakers])
    assert "Brahim ABBOU" in found and "Jules NYSSEN" not in found
    # Where no list names the members present, those who speak are (the same lines without the list, or with a list
    # of the absent only).
    assert {"Jean-Louis ROUMEGAS", "Jules NYSSEN"} <= set(officials_find([speakers]))
    absent = listed.replace("Présents :", "Absents excusés :")
    assert {"Brahim ABBOU", "Jean-Louis ROUMEGAS", "Jules NYSSEN"} <= set(officials_find([absent, speakers]))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"\s+", " ", "".join(c for c in text if not unicodedata.combining(c))).strip()


@pytest.mark.corpus
def test_chemere_recall_against_ground_truth():
    root = corpus_root()
    truth: dict[str, set[str]] = {}
    with open(root / "ground_truth" / "chemere_2004-2015_deliberations_from_PVs_data.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names = set(ast.literal_eval(row["presents"])) | {row["president"], row["secretaire"]}
            truth[row["session_date"]] = {name for name in names if name}
    found = total = 0
    for row in manifest_rows():
        if not row["file"].startswith("chemere_regardscitoyens/pdf/") or row["meeting_date"] not in truth:
            continue
        pages = [page.text for page in pdf_pages_extract(path=root / row["file"])]
        surnames = {word for name in officials_find(pages) for word in _fold(name).split()}
        for name in truth[row["meeting_date"]]:
            total += 1
            found += _fold(name).split()[-1] in surnames
    print(f"\nChéméré officials: surname found for {found}/{total} members present ({found / total:.1%})")
    assert found / total >= 0.95
