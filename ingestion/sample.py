"""A small fictional but realistic corpus of French council minutes, for the demo and tests."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from french.dates import date_words

TOWN = "Val-sur-Loire"
TOWN_TITLE = "VILLE DE VAL-SUR-LOIRE"
DEPARTEMENT = "Département du Loiret"
# The label a manifest gives a collectivité, as in the real corpus's manifest.csv.
COLLECTIVITE_LABEL = "Ville de Val-sur-Loire (Loiret, 45) – conseil municipal"
# Every file carries this creation date, so that building the corpus twice gives the
# same bytes and a second ingestion of the demo recognises every file as already known.
FIXED_CREATION_DATE = datetime(2025, 7, 1, 9, 0, 0, tzinfo=timezone.utc)

_FONT_FOLDERS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
)
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
# The scanned page is drawn at a photocopier's resolution, not a print one.
_SCAN_DPI = 200
_A4_MM = (210.0, 297.0)

MAIRE = "M. Bernard VASSEUR"
# The 29 members of the council; the last four sit in the opposition.
COUNCIL_MEMBERS = (
    MAIRE,
    "Mme Hélène MARCHAND", "M. Thierry ROUSSEL", "Mme Sophie GARNIER", "M. Didier LEMAIRE",
    "Mme Nathalie PERRIN", "M. Patrick FAURE", "Mme Catherine LEBRUN", "M. Alain MOREL",
    "Mme Martine GIRAUD", "M. Julien BARBIER", "Mme Élodie FONTAINE", "M. Stéphane COLIN",
    "Mme Véronique HUET", "M. François ARNAUD", "Mme Laetitia RENARD", "M. Mathieu GAUTHIER",
    "Mme Chantal BRUN", "M. Rémi DESCHAMPS", "Mme Anne-Sophie BLANCHARD", "M. Cédric LACROIX",
    "Mme Émilie ROLLAND", "M. Guillaume PICARD", "Mme Sandrine MEUNIER", "M. Hervé ÉTIENNE",
    "M. Olivier BRUNET", "Mme Isabelle CARON", "M. Laurent TEXIER", "Mme Yasmina BENALI",
)


@dataclass(frozen=True)
class SampleDeliberation:
    number: str
    objet: str
    rapporteur: str
    expose: tuple[str, ...]
    decisions: tuple[str, ...]
    vote: str
    # Speaker turns before the vote, as (speaker, words).
    debate: tuple[tuple[str, str], ...] = ()
    # A sentence read before the decision (a member leaving the room, a change of chair).
    before_vote: str = ""


@dataclass(frozen=True)
class SampleSeance:
    held_on: date
    opening_time: str
    convened_on: date
    opening_words: str
    # Absent members who gave a proxy, as (absent, proxy holder).
    proxies: tuple[tuple[str, str], ...]
    excused: tuple[str, ...]
    absent: tuple[str, ...]
    secretaire: str
    previous_approval: str
    deliberations: tuple[SampleDeliberation, ...]
    closing: tuple[str, ...]
    # How many of the last délibérations are on a page that was scanned (no text layer).
    scanned_tail: int = 0
    questions: tuple[tuple[str, str], ...] = field(default=())


SEANCES = (
    SampleSeance(
        held_on=date(2025, 2, 3),
        opening_time="dix-neuf heures",
        convened_on=date(2025, 1, 28),
        opening_words="L'an deux mille vingt-cinq, le trois février",
        proxies=(
            ("Mme Chantal BRUN", "Mme Martine GIRAUD"),
            ("M. Cédric LACROIX", "M. Thierry ROUSSEL"),
            ("Mme Yasmina BENALI", "Mme Isabelle CARON"),
        ),
        excused=("M. Hervé ÉTIENNE",),
        absent=("M. Guillaume PICARD",),
        secretaire="Mme Élodie FONTAINE",
        previous_approval=(
            "Le procès-verbal de la séance du 16 décembre 2024 est adopté à l'unanimité."
        ),
        deliberations=(
            SampleDeliberation(
                number="D2025-001",
                objet="Finances – Rapport et débat d'orientation budgétaire 2025",
                rapporteur="Mme Hélène MARCHAND, première adjointe déléguée aux finances",
                expose=(
                    "Conformément à l'article L. 2312-1 du Code général des collectivités "
                    "territoriales, un débat sur les orientations générales du budget doit se "
                    "tenir dans les deux mois précédant l'examen de celui-ci. Le rapport "
                    "transmis aux conseillers présente l'évolution des recettes, la "
                    "structure de la dette (encours de 6 412 000 € au 1er janvier 2025) et "
                    "les principaux investissements envisagés : rénovation thermique de "
                    "l'école Jules-Ferry, réfection de la rue des Tanneurs et extension de "
                    "la médiathèque.",
                ),
                debate=(
                    ("M. BRUNET", "Nous regrettons que la hausse des dépenses d'énergie ne "
                     "soit pas mieux anticipée. Quelles économies sont prévues ?"),
                    ("M. le Maire", "Le programme de rénovation de l'école doit réduire la "
                     "consommation de 30 % dès 2026. Les chiffres seront détaillés au budget."),
                ),
                decisions=(
                    "de prendre acte de la tenue du débat d'orientation budgétaire pour "
                    "l'exercice 2025 sur la base du rapport annexé à la présente délibération.",
                ),
                vote="Le Conseil municipal prend acte à l'unanimité.",
            ),
            SampleDeliberation(
                number="D2025-002",
                objet="Vie associative – Attribution des subventions aux associations pour 2025",
                rapporteur="M. Didier LEMAIRE, adjoint délégué à la vie associative et aux sports",
                expose=(
                    "La commission vie associative, réunie le 14 janvier 2025, a examiné "
                    "les 23 dossiers de demande de subvention reçus. Elle propose les "
                    "montants suivants, pour un total de 48 650 € inscrit au budget : "
                    "Union sportive valloise 12 500 € ; Comité des fêtes 6 200 € ; "
                    "Les Amis de la médiathèque 800 € ; Restos du cœur, antenne de "
                    "Val-sur-Loire 1 500 € ; École de musique intercommunale 9 000 €.",
                    "M. Didier LEMAIRE, président du Comité des fêtes, ne prend pas part "
                    "au vote.",
                ),
                decisions=(
                    "d'attribuer les subventions aux associations selon le tableau annexé ;",
                    "d'autoriser M. le Maire à signer les conventions d'objectifs avec les "
                    "associations recevant plus de 23 000 € par an.",
                ),
                vote="Adopté à l'unanimité des votants (M. Didier LEMAIRE ne prenant pas part au vote).",
            ),
            SampleDeliberation(
                number="D2025-003",
                objet="Éducation – Tarifs de la restauration scolaire à compter du 1er mars 2025",
                rapporteur="Mme Sophie GARNIER, adjointe déléguée aux affaires scolaires",
                expose=(
                    "Le coût de revient d'un repas servi dans les restaurants scolaires "
                    "s'établit à 8,74 € en 2024. Il est proposé de porter les tarifs, selon le "
                    "quotient familial, à 1,00 € (tranche 1, repas à un euro financé par "
                    "l'État), 2,35 € (tranche 2), 3,60 € (tranche 3) et 4,45 € (tranche 4).",
                ),
                debate=(
                    ("Mme CARON", "Une hausse en cours d'année pèse sur les familles. Nous "
                     "proposons de la reporter à la rentrée de septembre."),
                    ("Mme GARNIER", "La tranche 1 reste à un euro et la hausse moyenne est "
                     "de 6 centimes par repas."),
                    ("M. le Maire", "Je mets la proposition aux voix."),
                ),
                decisions=(
                    "de fixer les tarifs de la restauration scolaire comme indiqué "
                    "ci-dessus à compter du 1er mars 2025.",
                ),
                vote=(
                    "Par 23 voix pour, 3 voix contre (M. Olivier BRUNET, Mme Isabelle CARON, "
                    "Mme Yasmina BENALI par pouvoir) et 1 abstention (M. Laurent TEXIER)."
                ),
            ),
            SampleDeliberation(
                number="D2025-004",
                objet=(
                    "Urbanisme – Cession de la parcelle cadastrée section AB n° 123, "
                    "chemin des Vignes, à M. Jean-Marc LEFEBVRE"
                ),
                rapporteur="M. Thierry ROUSSEL, adjoint délégué à l'urbanisme",
                expose=(
                    "M. Jean-Marc LEFEBVRE, domicilié 14 chemin des Vignes, 45190 "
                    "Val-sur-Loire, a sollicité l'acquisition de la parcelle communale "
                    "cadastrée section AB n° 123, d'une contenance de 412 m², contiguë à sa "
                    "propriété. Ce terrain enclavé ne présente aucun intérêt pour la commune. "
                    "Le service du Domaine l'a estimé à 18 540 € le 9 décembre 2024.",
                ),
                decisions=(
                    "de céder à M. Jean-Marc LEFEBVRE la parcelle cadastrée section AB "
                    "n° 123 au prix de 18 540 €, les frais d'acte étant à la charge de "
                    "l'acquéreur ;",
                    "d'autoriser M. le Maire à signer l'acte authentique et toute pièce "
                    "s'y rapportant.",
                ),
                vote="Adopté à l'unanimité.",
            ),
            SampleDeliberation(
                number="D2025-005",
                objet="Personnel – Création d'un poste d'adjoint technique territorial",
                rapporteur="Mme Nathalie PERRIN, adjointe déléguée aux ressources humaines",
                expose=(
                    "L'ouverture du nouveau gymnase des Acacias nécessite un agent "
                    "d'entretien supplémentaire. Il est proposé de créer un poste d'adjoint "
                    "technique territorial à temps complet à compter du 1er avril 2025.",
                ),
                decisions=(
                    "de créer un poste d'adjoint technique territorial à temps complet ;",
                    "de modifier en conséquence le tableau des effectifs.",
                ),
                vote="Adoptée à l'unanimité des membres présents et représentés.",
            ),
        ),
        questions=(
            ("M. TEXIER", "Plusieurs riverains de l'avenue de la Gare signalent des "
             "lampadaires éteints depuis trois semaines. Une intervention est-elle prévue ?"),
            ("M. le Maire", "L'entreprise titulaire du marché interviendra la semaine "
             "prochaine. J'ajoute que Mme Odile FERRAND, 3 rue du Moulin, nous a écrit au "
             "sujet des nuisances du chantier voisin ; une réponse lui a été adressée."),
        ),
        closing=("L'ordre du jour étant épuisé, la séance est levée à 21 h 05.",),
    ),
    SampleSeance(
        held_on=date(2025, 4, 7),
        opening_time="dix-huit heures trente",
        convened_on=date(2025, 4, 1),
        opening_words="L'an deux mille vingt-cinq, le sept avril",
        proxies=(
            ("Mme Laetitia RENARD", "Mme Sophie GARNIER"),
            ("M. Laurent TEXIER", "M. Olivier BRUNET"),
        ),
        excused=("M. Alain MOREL",),
        absent=(),
        secretaire="M. Julien BARBIER",
        previous_approval=(
            "Le procès-verbal de la séance du 3 février 2025 est approuvé par 26 voix "
            "pour et 2 abstentions."
        ),
        deliberations=(
            SampleDeliberation(
                number="D2025-014",
                objet="Finances – Budget primitif 2025 – Budget principal",
                rapporteur="Mme Hélène MARCHAND, première adjointe déléguée aux finances",
                expose=(
                    "Le budget primitif 2025 s'équilibre à 14 250 000 € en section de "
                    "fonctionnement et à 5 870 000 € en section d'investissement. Il "
                    "reprend les orientations débattues le 3 février 2025, sans hausse des "
                    "taux d'imposition, et prévoit un emprunt d'équilibre de 1 200 000 €.",
                ),
                debate=(
                    ("M. BRUNET", "Ce budget repose sur un emprunt alors que l'épargne "
                     "nette baisse pour la deuxième année. Notre groupe votera contre."),
                    ("Mme MARCHAND", "L'emprunt ne sera mobilisé qu'en fonction de "
                     "l'avancement des travaux de l'école ; la capacité de désendettement "
                     "reste inférieure à six ans."),
                ),
                decisions=(
                    "d'adopter le budget primitif 2025 du budget principal, voté par "
                    "nature, au niveau du chapitre.",
                ),
                vote=(
                    "Par 24 voix pour et 4 voix contre (M. Olivier BRUNET, Mme Isabelle "
                    "CARON, M. Laurent TEXIER, Mme Yasmina BENALI)."
                ),
            ),
            SampleDeliberation(
                number="D2025-015",
                objet="Finances – Vote des taux d'imposition 2025",
                rapporteur="Mme Hélène MARCHAND, première adjointe déléguée aux finances",
                expose=(
                    "Il est proposé de maintenir les taux de 2024 : taxe foncière sur les "
                    "propriétés bâties 38,52 % ; taxe foncière sur les propriétés non "
                    "bâties 52,10 %.",
                ),
                decisions=("de fixer les taux d'imposition pour 2025 comme indiqué ci-dessus.",),
                vote="Adopté par 24 voix pour et 4 abstentions.",
            ),
            SampleDeliberation(
                number="D2025-016",
                objet=(
                    "Urbanisme – Modification simplifiée n° 1 du Plan local d'urbanisme "
                    "(PLU) – Modalités de mise à disposition du public"
                ),
                rapporteur="M. Thierry ROUSSEL, adjoint délégué à l'urbanisme",
                expose=(
                    "La modification simplifiée n° 1 du PLU approuvé le 12 mars 2019 a pour "
                    "objet de corriger une erreur matérielle de zonage au lieu-dit "
                    "« Les Grands Prés » et d'adapter l'article UB 7 relatif à "
                    "l'implantation des annexes. Le dossier sera mis à la disposition du "
                    "public pendant un mois en mairie et sur le site internet de la ville.",
                ),
                decisions=(
                    "d'approuver les modalités de mise à disposition du public du dossier "
                    "de modification simplifiée n° 1 du PLU, du 5 mai au 6 juin 2025 inclus ;",
                    "de dire qu'un avis sera publié dans un journal diffusé dans le "
                    "département huit jours au moins avant le début de la mise à disposition.",
                ),
                vote="Adopté à l'unanimité.",
            ),
            SampleDeliberation(
                number="D2025-017",
                objet="Vie associative – Subvention exceptionnelle à l'association « Val Solidarité »",
                rapporteur="M. Didier LEMAIRE, adjoint délégué à la vie associative et aux sports",
                expose=(
                    "À la suite de l'incendie de son local de stockage, l'association "
                    "« Val Solidarité » sollicite une aide exceptionnelle pour remplacer "
                    "son matériel. Il est proposé de lui attribuer 2 000 €.",
                ),
                before_vote=(
                    "Mme Chantal BRUN, trésorière de l'association, quitte la salle et ne "
                    "prend pas part au vote."
                ),
                decisions=(
                    "d'attribuer une subvention exceptionnelle de 2 000 € à l'association "
                    "« Val Solidarité ».",
                ),
                vote="Adopté à l'unanimité des votants (27 voix).",
            ),
            SampleDeliberation(
                number="D2025-018",
                objet=(
                    "Intercommunalité – Convention de service commun d'instruction des "
                    "autorisations d'urbanisme avec la Communauté de communes Loire et Coteaux"
                ),
                rapporteur="M. Thierry ROUSSEL, adjoint délégué à l'urbanisme",
                expose=(
                    "Depuis 2017, l'instruction des permis de construire est confiée au "
                    "service commun de la Communauté de communes. La convention arrive à "
                    "échéance le 30 avril 2025 ; la nouvelle convention porte la "
                    "participation de la commune à 210 € par dossier instruit.",
                ),
                decisions=("d'autoriser M. le Maire à signer la convention pour une durée de trois ans.",),
                vote="Vote : pour 28 ; contre 0 ; abstention 0.",
            ),
            SampleDeliberation(
                number="D2025-019",
                objet="Personnel – Mise à jour du tableau des effectifs",
                rapporteur="Mme Nathalie PERRIN, adjointe déléguée aux ressources humaines",
                expose=(
                    "À la suite des avancements de grade de l'année, il convient de créer "
                    "deux postes de rédacteur principal de 2e classe et de supprimer deux "
                    "postes de rédacteur, après avis du comité social territorial du 18 mars 2025.",
                ),
                decisions=("d'adopter le tableau des effectifs annexé à la présente délibération.",),
                vote="Adopté à l'unanimité.",
            ),
        ),
        closing=("La séance est levée à 20 h 50.",),
    ),
    SampleSeance(
        held_on=date(2025, 6, 30),
        opening_time="dix-neuf heures",
        convened_on=date(2025, 6, 24),
        opening_words="L'an deux mille vingt-cinq, le trente juin",
        proxies=(
            ("M. François ARNAUD", "M. Stéphane COLIN"),
            ("Mme Isabelle CARON", "M. Olivier BRUNET"),
            ("Mme Anne-Sophie BLANCHARD", "Mme Hélène MARCHAND"),
            ("M. Mathieu GAUTHIER", "M. Bernard VASSEUR"),
        ),
        excused=(),
        absent=("Mme Émilie ROLLAND",),
        secretaire="Mme Sandrine MEUNIER",
        previous_approval=(
            "Le procès-verbal de la séance du 7 avril 2025 est adopté à l'unanimité, sous "
            "réserve de la correction d'une erreur matérielle en page 3 (montant de la "
            "subvention exceptionnelle)."
        ),
        deliberations=(
            SampleDeliberation(
                number="D2025-031",
                objet="Finances – Approbation du compte administratif 2024",
                rapporteur="Mme Hélène MARCHAND, première adjointe déléguée aux finances",
                expose=(
                    "Le compte administratif 2024 fait apparaître un excédent de "
                    "fonctionnement de 1 284 315,27 € et un déficit d'investissement de "
                    "412 908,55 €, restes à réaliser compris. Il est conforme au compte de "
                    "gestion établi par le comptable public.",
                ),
                before_vote=(
                    "M. le Maire quitte la séance. Mme Hélène MARCHAND, première adjointe, "
                    "prend la présidence pour le vote."
                ),
                decisions=("d'approuver le compte administratif 2024 du budget principal.",),
                vote=(
                    "Par 22 voix pour et 4 abstentions (M. Olivier BRUNET, Mme Isabelle "
                    "CARON par pouvoir, M. Laurent TEXIER, Mme Yasmina BENALI)."
                ),
            ),
            SampleDeliberation(
                number="D2025-032",
                objet="Finances – Affectation du résultat de fonctionnement 2024",
                rapporteur="Mme Hélène MARCHAND, première adjointe déléguée aux finances",
                expose=(
                    "M. le Maire ayant regagné la séance, il est proposé d'affecter "
                    "412 908,55 € de l'excédent de fonctionnement à la couverture du besoin "
                    "de financement de l'investissement et de reporter le solde, soit "
                    "871 406,72 €, en recettes de fonctionnement.",
                ),
                decisions=("d'affecter le résultat 2024 comme indiqué ci-dessus.",),
                vote="Adopté à l'unanimité.",
            ),
            SampleDeliberation(
                number="D2025-033",
                objet=(
                    "Éducation – Tarifs de la restauration scolaire et de l'accueil "
                    "périscolaire pour l'année scolaire 2025-2026"
                ),
                rapporteur="Mme Sophie GARNIER, adjointe déléguée aux affaires scolaires",
                expose=(
                    "Il est proposé une revalorisation de 2 % des tarifs de l'accueil "
                    "périscolaire et le maintien des tarifs de la restauration scolaire "
                    "fixés le 3 février 2025.",
                ),
                debate=(
                    ("M. BRUNET", "Nous prenons acte du gel des tarifs de cantine, mais "
                     "la hausse du périscolaire touche les mêmes familles."),
                    ("M. le Maire", "Cette hausse reste inférieure à l'inflation constatée "
                     "sur les fournitures et les salaires."),
                ),
                decisions=(
                    "de fixer les tarifs de l'accueil périscolaire et de la restauration "
                    "scolaire selon la grille annexée, à compter du 1er septembre 2025.",
                ),
                vote=(
                    "Par 25 voix pour, 2 voix contre (M. Olivier BRUNET, Mme Isabelle CARON par pouvoir) "
                    "et 1 abstention (Mme Yasmina BENALI)."
                ),
            ),
            SampleDeliberation(
                number="D2025-034",
                objet=(
                    "Urbanisme – Cession d'un délaissé de voirie rue des Peupliers à "
                    "Mme Aurélie BONNET et M. Karim HADDAD"
                ),
                rapporteur="M. Thierry ROUSSEL, adjoint délégué à l'urbanisme",
                expose=(
                    "Mme Aurélie BONNET et M. Karim HADDAD, demeurant 27 rue des Peupliers, "
                    "souhaitent acquérir le délaissé de voirie de 58 m² qui borde leur "
                    "jardin. Après enquête publique, le commissaire enquêteur a rendu un "
                    "avis favorable au déclassement le 2 juin 2025.",
                ),
                decisions=(
                    "de prononcer le déclassement du délaissé du domaine public communal ;",
                    "de le céder à Mme Aurélie BONNET et M. Karim HADDAD au prix de 2 900 €.",
                ),
                vote="À l'unanimité (28 voix pour).",
            ),
            SampleDeliberation(
                number="D2025-035",
                objet="Voirie – Dénomination d'une voie nouvelle : allée Simone-Veil",
                rapporteur="M. Patrick FAURE, adjoint délégué aux travaux",
                expose=(
                    "La voie desservant le nouveau lotissement des Coteaux doit recevoir un "
                    "nom. Le conseil municipal des jeunes a proposé de lui donner le nom "
                    "de Simone Veil.",
                ),
                decisions=("de dénommer la voie nouvelle du lotissement des Coteaux « allée Simone-Veil ».",),
                vote="Adopté à l'unanimité.",
            ),
        ),
        closing=("L'ordre du jour étant épuisé, la séance est levée à 21 h 40.",),
        scanned_tail=2,
    ),
)

# The act published alone, as an « extrait du registre », is the PLU one.
SINGLE_ACT = ("2025-04-07", "D2025-016")


def sample_corpus_build(*, folder: Path) -> list[Path]:
    """Write the sample PDFs and their manifest.csv into folder; return the PDFs' paths.

    Every run writes the same bytes, so ingesting the folder again changes nothing.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    documents: list[tuple[str, date, bytes]] = [
        (f"val-sur-loire_pv_{seance.held_on.isoformat()}.pdf", seance.held_on,
         minutes_pdf_render(seance=seance))
        for seance in SEANCES
    ]
    seance = next(s for s in SEANCES if s.held_on.isoformat() == SINGLE_ACT[0])
    deliberation = next(d for d in seance.deliberations if d.number == SINGLE_ACT[1])
    documents.append((
        f"val-sur-loire_deliberation_{deliberation.number}.pdf", seance.held_on,
        deliberation_pdf_render(seance=seance, deliberation=deliberation),
    ))
    paths = []
    for name, _held_on, content in documents:
        path = folder / name
        # An unchanged file is not rewritten: its modification time stays that of the
        # first build, for tools that look at it.
        if not path.exists() or path.read_bytes() != content:
            path.write_bytes(content)
        paths.append(path)
    manifest = io.StringIO()
    writer = csv.writer(manifest, lineterminator="\n")
    writer.writerow(["file", "collectivite", "meeting_date"])
    for name, held_on, _content in documents:
        writer.writerow([name, COLLECTIVITE_LABEL, held_on.isoformat()])
    (folder / "manifest.csv").write_text(manifest.getvalue(), encoding="utf-8")
    return paths


def seance_date_words(*, day: date) -> str:
    """« lundi 3 février 2025 »."""
    return date_words(day, weekday=True)


def seance_presents(*, seance: SampleSeance) -> list[str]:
    """Members present: the council less those excused, represented or absent."""
    away = {name for name, _ in seance.proxies} | set(seance.excused) | set(seance.absent)
    return [member for member in COUNCIL_MEMBERS if member not in away]


def minutes_pdf_render(*, seance: SampleSeance) -> bytes:
    """Procès-verbal of one séance; its last délibérations on a scanned page if asked."""
    title = f"Procès-verbal du conseil municipal du {date_words(seance.held_on)}"
    pdf = _document_start(running_title=title)
    pdf.add_page()
    _title_block(pdf=pdf, lines=(
        "PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL",
        f"du {seance_date_words(day=seance.held_on)}",
    ))
    for style, text in _seance_opening(seance=seance):
        _paragraph(pdf=pdf, text=text, style=style)
    printed = seance.deliberations[: len(seance.deliberations) - seance.scanned_tail]
    scanned = seance.deliberations[len(printed):]
    for deliberation in printed:
        for style, text in _deliberation_blocks(deliberation=deliberation):
            _paragraph(pdf=pdf, text=text, style=style)
    ending = _seance_ending(seance=seance)
    if scanned:
        blocks = [b for d in scanned for b in _deliberation_blocks(deliberation=d)] + ending
        _scanned_page_add(pdf=pdf, blocks=blocks, seed=seance.held_on.toordinal())
    else:
        for style, text in ending:
            _paragraph(pdf=pdf, text=text, style=style)
    return bytes(pdf.output())


def deliberation_pdf_render(*, seance: SampleSeance, deliberation: SampleDeliberation) -> bytes:
    """« Extrait du registre des délibérations » for one act, as a town publishes it."""
    pdf = _document_start(running_title=f"Délibération n° {deliberation.number}")
    pdf.add_page()
    _title_block(pdf=pdf, lines=(
        "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL",
        f"Séance du {seance_date_words(day=seance.held_on)}",
    ))
    presents = seance_presents(seance=seance)
    _paragraph(pdf=pdf, style="", text=(
        f"Nombre de conseillers en exercice : {len(COUNCIL_MEMBERS)} – Présents : "
        f"{len(presents)} – Votants : {len(presents) + len(seance.proxies)}"
    ))
    _paragraph(pdf=pdf, style="", text=(
        f"Date de la convocation : {date_words(seance.convened_on)}. "
        f"{_opening_sentence(seance=seance)}"
    ))
    _paragraph(pdf=pdf, style="", text=f"Secrétaire de séance : {seance.secretaire}")
    for style, text in _deliberation_blocks(deliberation=deliberation):
        _paragraph(pdf=pdf, text=text, style=style)
    _paragraph(pdf=pdf, style="", text=(
        "Acte rendu exécutoire après transmission en préfecture le 10 avril 2025 et "
        "publication le 10 avril 2025. La présente délibération peut faire l'objet d'un "
        "recours devant le tribunal administratif d'Orléans dans un délai de deux mois "
        "à compter de sa publication."
    ))
    _paragraph(pdf=pdf, style="", text=f"Pour extrait conforme,\nLe Maire,\n{MAIRE.removeprefix('M. ')}")
    return bytes(pdf.output())


class _MinutesPdf(FPDF):
    """A4 page with the town's running header and a page counter, except on scans."""

    def __init__(self, *, running_title: str, font_family: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.running_title = running_title
        self.font_family_name = font_family
        self.image_only_pages: set[int] = set()

    def header(self) -> None:
        if self.page in self.image_only_pages:
            return
        self.set_font(self.font_family_name, "", 8)
        self.cell(0, 5, _text_for_font(f"Ville de {TOWN} – {self.running_title}", self))
        self.ln(10)

    def footer(self) -> None:
        if self.page in self.image_only_pages:
            return
        self.set_y(-15)
        self.set_font(self.font_family_name, "", 8)
        self.cell(0, 5, f"Page {self.page_no()}/{{nb}}", align="C")


def _document_start(*, running_title: str) -> _MinutesPdf:
    fonts = _font_files()
    family = "DejaVu" if fonts else "Helvetica"
    pdf = _MinutesPdf(running_title=running_title, font_family=family)
    for style, font_path in (fonts or {}).items():
        pdf.add_font(family, style, str(font_path))
    pdf.set_creation_date(FIXED_CREATION_DATE)
    pdf.set_title(running_title)
    pdf.set_author(f"Ville de {TOWN}")
    pdf.set_creator("council sample corpus")
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    return pdf


def _font_files() -> dict[str, Path] | None:
    """DejaVu Sans (regular, bold, italic) where installed; None to use the core fonts."""
    for folder in _FONT_FOLDERS:
        files = {style: folder / name for style, name in _FONT_FILES.items()}
        if all(path.exists() for path in files.values()):
            return files
    return None


def _text_for_font(text: str, pdf: _MinutesPdf) -> str:
    # The core PDF fonts only know Latin-1: without DejaVu the few characters outside it
    # are spelled the way a typewriter would.
    if pdf.font_family_name != "Helvetica":
        return text
    for char, plain in {"’": "'", "–": "-", "œ": "oe", "€": "EUR", "²": "2", "…": "..."}.items():
        text = text.replace(char, plain)
    return text.encode("latin-1", "replace").decode("latin-1")


def _title_block(*, pdf: _MinutesPdf, lines: tuple[str, ...]) -> None:
    pdf.set_font(pdf.font_family_name, "B", 13)
    pdf.cell(0, 7, TOWN_TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.font_family_name, "", 9)
    pdf.cell(0, 5, _text_for_font(DEPARTEMENT, pdf), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(pdf.font_family_name, "B", 11)
    for line in lines:
        pdf.cell(0, 6, _text_for_font(line, pdf), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)


def _paragraph(*, pdf: _MinutesPdf, text: str, style: str) -> None:
    """One block: "" body, "B" heading or vote, "I" rapporteur line, "H" section title."""
    if style == "H":
        pdf.ln(2)
        pdf.set_font(pdf.font_family_name, "B", 11)
    else:
        pdf.set_font(pdf.font_family_name, style, 10)
    pdf.multi_cell(0, 5, _text_for_font(text, pdf), align="J" if style == "" else "L",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)




def _opening_sentence(*, seance: SampleSeance) -> str:
    return (
        f"{seance.opening_words} à {seance.opening_time}, le Conseil municipal de la "
        f"commune de {TOWN}, légalement convoqué le {date_words(seance.convened_on)}, "
        f"s'est réuni en séance publique à l'Hôtel de Ville, sous la présidence de "
        f"{MAIRE}, Maire."
    )


def _seance_opening(*, seance: SampleSeance) -> list[tuple[str, str]]:
    presents = seance_presents(seance=seance)
    blocks = [
        ("", _opening_sentence(seance=seance)),
        ("", (
            f"Nombre de conseillers en exercice : {len(COUNCIL_MEMBERS)} – Présents : "
            f"{len(presents)} – Votants : {len(presents) + len(seance.proxies)}"
        )),
        ("", "Présents : " + ", ".join(presents) + "."),
    ]
    if seance.proxies:
        blocks.append(("", "Absents excusés ayant donné pouvoir : " + ", ".join(
            f"{absent} (pouvoir à {holder})" for absent, holder in seance.proxies
        ) + "."))
    if seance.excused:
        blocks.append(("", "Absent(s) excusé(s) : " + ", ".join(seance.excused) + "."))
    if seance.absent:
        blocks.append(("", "Absent(s) : " + ", ".join(seance.absent) + "."))
    blocks += [
        ("", f"Secrétaire de séance : {seance.secretaire}."),
        ("", "M. le Maire constate que le quorum est atteint et ouvre la séance."),
        ("H", "Approbation du procès-verbal de la séance précédente"),
        ("", seance.previous_approval),
    ]
    return blocks


def _deliberation_blocks(*, deliberation: SampleDeliberation) -> list[tuple[str, str]]:
    blocks = [
        ("H", f"{deliberation.number} – Objet : {deliberation.objet}"),
        ("I", f"Rapporteur : {deliberation.rapporteur}"),
    ]
    blocks += [("", paragraph) for paragraph in deliberation.expose]
    blocks += [("", f"{speaker} : {words}") for speaker, words in deliberation.debate]
    if deliberation.before_vote:
        blocks.append(("", deliberation.before_vote))
    blocks.append(("", "Le Conseil municipal, après en avoir délibéré,"))
    blocks.append(("B", "DÉCIDE :"))
    blocks += [("", f"- {decision}") for decision in deliberation.decisions]
    blocks.append(("B", deliberation.vote))
    return blocks


def _seance_ending(*, seance: SampleSeance) -> list[tuple[str, str]]:
    blocks: list[tuple[str, str]] = []
    if seance.questions:
        blocks.append(("H", "Questions diverses"))
        blocks += [("", f"{speaker} : {words}") for speaker, words in seance.questions]
    blocks += [("", line) for line in seance.closing]
    blocks.append(("", (
        f"Le Maire,\n{MAIRE.removeprefix('M. ')}\n\n"
        f"Le/La secrétaire de séance,\n{seance.secretaire.split(' ', 1)[1]}"
    )))
    return blocks


def _scanned_page_add(*, pdf: _MinutesPdf, blocks: list[tuple[str, str]], seed: int) -> None:
    """A page that carries only a photocopied image of the text, no text layer."""
    image = _scan_image(blocks=blocks, seed=seed)
    buffer = io.BytesIO()
    # JPEG as a copier would write it; Pillow's encoder gives the same bytes every run.
    image.save(buffer, format="JPEG", quality=70, optimize=False)
    pdf.image_only_pages.add(pdf.page + 1)
    pdf.add_page()
    pdf.image(buffer, x=0, y=0, w=_A4_MM[0], h=_A4_MM[1])


def _scan_image(*, blocks: list[tuple[str, str]], seed: int) -> Image.Image:
    width = round(_A4_MM[0] / 25.4 * _SCAN_DPI)
    height = round(_A4_MM[1] / 25.4 * _SCAN_DPI)
    margin = round(20 / 25.4 * _SCAN_DPI)
    fonts = _scan_fonts(size=round(10 / 72 * _SCAN_DPI))
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    y = margin
    line_height = round(5 / 25.4 * _SCAN_DPI)
    for style, text in blocks:
        font = fonts["B"] if style in ("B", "H") else fonts["I"] if style == "I" else fonts[""]
        for line in _lines_wrap(text=text, font=font, width=width - 2 * margin):
            draw.text((margin, y), line, font=font, fill=25)
            y += line_height
        y += line_height // 2
    rng = random.Random(seed)
    # A sheet fed slightly askew, toner specks and a soft focus: what OCR meets in practice.
    page = page.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=255)
    draw = ImageDraw.Draw(page)
    for _ in range(1500):
        x, y = rng.randrange(width), rng.randrange(height)
        radius = rng.choice((0, 0, 1))
        draw.ellipse((x, y, x + radius, y + radius), fill=rng.randrange(60, 180))
    page = page.filter(ImageFilter.GaussianBlur(radius=0.6))
    return page.point(lambda value: max(value - 12, 0) if value > 240 else value)


def _scan_fonts(*, size: int) -> dict[str, ImageFont.FreeTypeFont | ImageFont.ImageFont]:
    files = _font_files()
    if files:
        return {style: ImageFont.truetype(str(path), size) for style, path in files.items()}
    default = ImageFont.load_default(size=size)
    return {"": default, "B": default, "I": default}


def _lines_wrap(*, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> list[str]:
    lines = []
    for source_line in text.split("\n"):
        current = ""
        for word in source_line.split(" "):
            candidate = f"{current} {word}".strip()
            if current and font.getlength(candidate) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines
