"""The ACTES nomenclature (the matières of the prefecture's legality control, which SCDL exports name) and the
classification of a délibération's objet into it.

A délibération is classed by what its objet says it is, as clerks class it: the legal nature of the act first (a
subsidy is « Finances locales / Subventions » whatever it funds, a sale of land « Domaine et patrimoine /
Aliénations », a public contract « Commande publique / Marchés publics »), the field it acts in only when no act
names itself (« Domaines de compétences par thèmes »). The vocabulary below is the nomenclature's own and the
common words of French local administration for each matière; nothing in it comes from one town's minutes. Where
an objet names no act, a thème model learned from hand-labelled objets reads it as a whole (`ThemeModel`). Both are
measured on hand-labelled objets, the model fitted without the collectivité scored, those of the towns the
vocabulary was never written from apart (`bench/matieres.py`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from french.terms import words_and_terms

# The model that names the thème of an objet whose words name no act (see `ThemeModel`); rebuilt by
# `python bench/matieres.py --train` from the hand-labelled objets.
MODEL_PATH = Path(__file__).resolve().parent / "data" / "matieres.json"

# Level 1 (the « thème » shown to the public) and level 2 (the matière SCDL's DELIB_MATIERE_CODE holds).
THEMES = {
    "1": "Commande publique",
    "2": "Urbanisme",
    "3": "Domaine et patrimoine",
    "4": "Fonction publique",
    "5": "Institutions et vie politique",
    "6": "Libertés publiques et pouvoirs de police",
    "7": "Finances locales",
    "8": "Domaines de compétences par thèmes",
    "9": "Autres domaines de compétences",
}
MATIERES = {
    "1.1": "Marchés publics",
    "1.2": "Délégation de service public",
    "1.3": "Conventions de mandat",
    "1.4": "Autres types de contrats",
    "1.5": "Transactions protocole d'accord transactionnel",
    "1.6": "Actes relatifs à la maîtrise d'œuvre",
    "1.7": "Actes spéciaux et divers",
    "2.1": "Documents d'urbanisme",
    "2.2": "Actes relatifs au droit d'occupation ou d'utilisation des sols",
    "2.3": "Droit de préemption urbain",
    "3.1": "Acquisitions",
    "3.2": "Aliénations",
    "3.3": "Locations",
    "3.4": "Limites territoriales",
    "3.5": "Autres actes de gestion du domaine public",
    "3.6": "Autres actes de gestion du domaine privé",
    "4.1": "Personnel titulaires et stagiaires de la FPT",
    "4.2": "Personnel contractuel",
    "4.3": "Fonction publique hospitalière",
    "4.4": "Autres catégories de personnels",
    "4.5": "Régime indemnitaire",
    "5.1": "Élection exécutif",
    "5.2": "Fonctionnement des assemblées",
    "5.3": "Désignation de représentants",
    "5.4": "Délégation de fonctions",
    "5.5": "Délégation de signature",
    "5.6": "Exercice des mandats locaux",
    "5.7": "Intercommunalité",
    "5.8": "Décision d'ester en justice",
    "6.1": "Police municipale",
    "6.2": "Pouvoir du président du conseil général",
    "6.3": "Pouvoir du président du conseil régional",
    "6.4": "Autres actes réglementaires",
    "6.5": "Actes pris au nom de l'État",
    "7.1": "Décisions budgétaires",
    "7.2": "Fiscalité",
    "7.3": "Emprunts",
    "7.4": "Interventions économiques",
    "7.5": "Subventions",
    "7.6": "Contributions budgétaires",
    "7.7": "Avances",
    "7.8": "Fonds de concours",
    "7.9": "Prise de participation",
    "7.10": "Divers",
    "8.1": "Enseignement",
    "8.2": "Aide sociale",
    "8.3": "Voirie",
    "8.4": "Aménagement du territoire",
    "8.5": "Politique de la ville habitat logement",
    "8.6": "Emploi formation professionnelle",
    "8.7": "Transports",
    "8.8": "Environnement",
    "8.9": "Culture",
    "9.1": "Autres domaines de compétences des communes",
    "9.2": "Autres domaines de compétences des départements",
    "9.3": "Autres domaines de compétences des régions",
    "9.4": "Vœux et motions",
}

# What names an act (its legal nature) wins over a contract that names no more than being one, over what names a
# field of action, over the words that only hint at one: « Subvention à l'école de musique » is a subsidy,
# « Convention avec la médiathèque » a contract, « Travaux de l'école » teaching. Only an act is sure enough to
# stand without the learned model (`Classification.confident`).
ACT, GENERIC, FIELD, HINT = 0, 1, 2, 3
# Named by the learned model from the objet as a whole (its wording's embedding and every phrase above it holds),
# where no act names itself.
LEARNED = 4
_VOCABULARY: dict[int, dict[str, tuple[str, ...]]] = {
    ACT: {
        "1.1": ("marché", "marchés", "marché public", "marchés publics", "dialogue compétitif", "attribution du marché", "avenant au marché", "appel d'offres",
                "accord-cadre", "groupement de commandes", "procédure adaptée", "consultation des entreprises",
                "choix des entreprises", "choix de l'entreprise", "attribution des lots", "titulaire du marché", "commande publique", "mise en concurrence", "sous-traitance",
                "adjudication", "pouvoir adjudicateur"),
        "1.2": ("délégation de service public", "délégataire", "concession de service public", "affermage",
                "contrat de concession", "DSP", "concessionnaire"),
        "1.3": ("convention de mandat", "mandat de maîtrise d'ouvrage", "maîtrise d'ouvrage déléguée"),
        "1.5": ("transaction", "protocole transactionnel", "protocole d'accord transactionnel"),
        "1.6": ("maîtrise d'œuvre", "maître d'œuvre", "concours de maîtrise d'œuvre"),
        "2.1": ("plan local d'urbanisme", "plan d'occupation des sols", "carte communale", "schéma de cohérence",
                "PLU", "PLUi", "POS", "SCOT", "révision simplifiée", "création de la ZAC", "dossier de création",
                "dossier de réalisation", "modification simplifiée", "modification du plan",
                "règlement local de publicité", "projet d'aménagement et de développement durables", "PADD",
                "aire de mise en valeur de l'architecture", "site patrimonial remarquable"),
        "2.2": ("permis de construire", "permis d'aménager", "permis de démolir", "déclaration préalable",
                "certificat d'urbanisme", "autorisation d'urbanisme", "lotissement"),
        "2.3": ("droit de préemption", "préemption", "déclaration d'intention d'aliéner", "DIA"),
        "3.1": ("acquisition", "acquisitions", "acquérir", "achat de terrain", "achat d'un terrain",
                "bien sans maître", "biens sans maître", "incorporation", "acquisition foncière",
                "acquisitions foncières", "expropriation"),
        "3.2": ("cession", "cessions", "céder", "vente", "vendre", "aliénation", "rétrocession"),
        "3.3": ("bail", "baux", "location", "loyer", "loyers", "locataire", "fermage", "mise à disposition",
                "sous-location", "bail emphytéotique", "amodiation",
                "convention d'occupation"),
        "3.4": ("limites territoriales", "limite territoriale", "limites communales"),
        "3.5": ("dénomination", "dénommer", "appellation", "nom de rue", "numérotation", "domaine public", "classement dans la voirie",
                "déclassement", "désaffectation", "occupation du domaine public", "concession funéraire",
                "concessions funéraires", "cimetière", "columbarium", "servitude", "servitudes", "adressage",
                "incorporation dans le domaine public", "transfert dans le domaine public", "reprise de concessions"),
        "3.6": ("domaine privé", "échange de terrain", "échange de terrains", "échange de parcelles", "bornage", "affouage"),
        "4.1": ("création de poste", "création d'un poste", "création de postes", "suppression de poste",
                "suppression d'un poste", "tableau des effectifs", "emploi permanent", "avancement de grade",
                "ratio promus", "titularisation", "personnel communal", "personnel municipal", "recrutement",
                "compte épargne temps", "temps de travail", "temps partiel", "durée hebdomadaire",
                "comité technique", "création d'un emploi", "création d'emplois", "création d'emploi",
                "tableau des emplois", "lignes directrices de gestion", "journée de solidarité", "télétravail",
                "promotion interne", "assurance statutaire", "entretien professionnel", "plan de formation", "règlement de formation", "agents", "agent"),
        "4.2": ("contractuel", "contractuels", "agent non titulaire", "agents non titulaires", "emploi saisonnier",
                "emplois saisonniers", "accroissement temporaire", "accroissement saisonnier", "emploi non permanent"),
        "4.4": ("vacataire", "vacataires", "vacation", "apprenti", "apprentissage", "service civique",
                "contrat aidé", "contrats aidés", "emploi d'avenir", "contrat unique d'insertion", "CAE", "CUI",
                "stagiaire", "gratification"),
        "4.5": ("régime indemnitaire", "RIFSEEP", "IFSE", "indemnité d'administration", "heures supplémentaires",
                "IHTS", "astreinte", "astreintes", "prime", "primes", "protection sociale complémentaire",
                "prévoyance", "mutuelle", "complémentaire santé", "nouvelle bonification indiciaire", "NBI",
                "complément indemnitaire", "action sociale du personnel", "CNAS", "chèques déjeuner", "tickets restaurant"),
        "5.1": ("élection du maire", "élection des adjoints", "élection d'un adjoint", "nombre d'adjoints",
                "élection du président", "élection des vice-présidents", "installation du conseil",
                "adjoint au maire", "maire délégué"),
        "5.2": ("règlement intérieur", "commission", "commissions", "procès-verbal", "ordre du jour",
                "décisions prises", "décision prise", "commission d'appel d'offres", "approbation du compte rendu",
                "compte rendu de la séance", "décisions du maire", "décisions du président", "compte rendu des décisions", "huis clos", "secrétaire de séance",
                "conseil municipal des jeunes"),
        "5.3": ("désignation", "désigner", "délégué", "délégués", "représentant", "représentants",
                "élection des délégués", "élection de délégués", "correspondant", "conseil d'administration"),
        "5.4": ("délégation de fonctions", "délégations de fonctions", "délégation au maire", "délégations au maire",
                "délégation d'attributions", "délégations consenties", "délégation du conseil", "délégation de pouvoirs", "délégations de pouvoirs",
                "L 2122-22", "L2122-22"),
        "5.5": ("délégation de signature",),
        "5.6": ("indemnités de fonction", "indemnité de fonction", "indemnités des élus", "indemnité des élus",
                "formation des élus", "frais de mission", "frais de représentation", "mandat spécial",
                "droit à la formation", "indemnités du maire", "indemnité du maire", "indemnités des adjoints"),
        "5.7": ("intercommunalité", "transfert de compétence", "transfert de compétences", "transfert de la compétence",
                "statuts", "adhésion", "retrait", "fusion", "CLECT", "mutualisation", "pacte financier"),
        "5.8": ("ester en justice", "action en justice", "contentieux", "recours", "avocat", "tribunal administratif",
                "défendre les intérêts", "pourvoi", "requête", "constitution de partie civile"),
        "6.5": ("jurés d'assises", "jury d'assises"),
        "6.1": ("police municipale", "vidéoprotection", "vidéosurveillance", "garde champêtre", "police du maire"),
        "6.4": ("repos dominical", "ouverture dominicale", "débit de boissons",
                "débits de boissons", "arrêté"),
        "7.1": ("budget primitif", "budget supplémentaire", "budgets primitifs", "décision modificative",
                "décisions modificatives", "compte administratif", "comptes administratifs", "compte de gestion",
                "comptes de gestion", "affectation du résultat", "affectation des résultats", "reprise des résultats",
                "orientations budgétaires", "orientation budgétaire", "amortissement", "amortissements",
                "admission en non-valeur", "admissions en non-valeur", "non-valeur", "créances irrécouvrables",
                "créances éteintes", "virement de crédits", "virements de crédits", "ouverture de crédits",
                "autorisation de programme", "autorisations de programme", "crédits de paiement", "provision",
                "provisions", "budget annexe", "budget principal", "budget", "DM", "restes à réaliser", "dépenses imprévues",
                "nomenclature budgétaire", "nomenclature comptable", "étalement de charges",
                "engager liquider mandater", "dépenses d'investissement", "section d'investissement"),
        "7.2": ("fiscalité", "taux d'imposition", "taux des taxes", "taux des contributions", "vote des taux",
                "taxe d'habitation", "taxe foncière", "taxes foncières", "foncier bâti", "foncier non bâti",
                "taxe d'aménagement", "taxe de séjour", "taxe locale sur la publicité", "TLPE",
                "taxe d'enlèvement des ordures", "TEOM", "GEMAPI", "cotisation foncière", "CFE", "exonération",
                "exonérations", "abattement", "dégrèvement", "contributions directes", "impôts locaux", "taxe", "taxes"),
        "7.3": ("emprunt", "emprunts", "prêt", "prêts", "garantie d'emprunt", "garanties d'emprunt",
                "ligne de trésorerie", "dette", "renégociation", "crédit relais", "prêt relais", "réaménagement de la dette",
                "réaménagement d'emprunt", "réaménagement d'emprunts"),
        "7.4": ("aide à l'immobilier d'entreprise", "aides aux entreprises", "aide aux entreprises",
                "interventions économiques", "aide économique", "aides économiques", "développement économique"),
        "7.5": ("subvention", "subventions", "subventionner", "aide financière", "aides financières",
                "dotation d'équipement", "DETR", "DSIL", "FEDER", "LEADER", "amendes de police", "réserve parlementaire",
                "fonds de soutien", "fonds de solidarité", "demande d'aide", "bourse", "bourses", "plan de financement",
                "demande de financement", "dotation"),
        "7.6": ("contribution", "contributions", "participation financière", "participation aux frais",
                "participations", "participation", "cotisation", "cotisations", "contingent"),
        "7.7": ("avance", "avances", "avance remboursable"),
        "7.8": ("fonds de concours",),
        "7.9": ("prise de participation", "capital social", "actionnaire", "actionnaires", "rapport des administrateurs",
                "SEM", "SPL",
                "société d'économie mixte", "société publique locale", "augmentation de capital"),
        "7.10": ("tarif", "tarifs", "tarification", "redevance", "redevances", "régie", "régies", "droits de place",
                 "remboursement", "remboursements", "indemnisation", "indemnité", "don", "dons", "legs",
                 "caution", "gratuité", "frais", "indemnité de conseil", "receveur", "sinistre", "pénalités",
                 "prix de vente", "mécénat", "fixation des prix", "droits d'entrée", "droit de place", "encaissement"),
        "9.1": ("marché hebdomadaire", "marché de plein air", "marché de plein vent"),
        "9.4": ("motion", "motions", "vœu", "vœux", "voeu", "voeux"),
    },
    GENERIC: {
        "1.4": ("contrat", "contrats", "convention", "conventions", "convention de partenariat",
                "conventions de partenariat", "accord", "protocole"),
    },
    FIELD: {
        "4.1": ("personnel", "personnels"),
        # The name of a body is no act: an intercommunality's own minutes name it in every other objet.
        "5.7": ("syndicat", "syndicats", "rapport d'activité", "communauté de communes", "communauté d'agglomération",
                "communauté urbaine", "intercommunal", "intercommunale", "EPCI", "syndicat mixte", "syndicat intercommunal",
                "SIVOM", "SIVU"),
        "8.1": ("école", "écoles", "scolaire", "scolaires", "enseignement", "collège", "lycée", "périscolaire",
                "cantine", "restauration scolaire", "rythmes scolaires", "classe", "classes", "garderie",
                "élèves", "enfance", "jeunesse", "accueil de loisirs", "centre de loisirs", "université",
                "étudiants", "recherche", "cantine scolaire", "regroupement pédagogique", "RPI",
                "fournitures scolaires", "centre aéré"),
        "8.2": ("action sociale", "aide sociale", "centre communal d'action sociale", "CCAS", "personnes âgées",
                "handicap", "handicapées", "solidarité", "insertion", "RSA", "petite enfance", "crèche", "crèches",
                "multi-accueil", "EHPAD", "maison de retraite", "portage de repas", "santé", "maison de santé",
                "social", "sociale", "famille", "familles", "aînés", "banque alimentaire", "maintien à domicile",
                "aide à domicile", "CIAS"),
        "8.3": ("voirie", "voiries", "voie", "voies", "chemin", "chemins", "rue", "rues", "trottoir", "trottoirs",
                "route", "routes", "chaussée", "carrefour", "giratoire", "rond-point", "stationnement", "parking",
                "parkings", "éclairage public", "sécurité routière", "aménagement de sécurité", "ouvrage d'art",
                "pont", "signalisation", "enfouissement des réseaux", "réseaux", "voies communales", "enrobé",
                "réfection", "fossé", "fossés", "busage", "déneigement"),
        "8.4": ("aménagement du territoire", "zone d'aménagement concerté", "ZAC", "aménagement", "aménagements", "contrat de territoire",
                "contrat de ruralité", "revitalisation", "centre-bourg", "centre-ville", "très haut débit",
                "fibre optique", "numérique", "projet urbain", "requalification", "développement territorial", "pays"),
        "8.5": ("logement", "logements", "habitat", "HLM", "OPAH", "politique de la ville", "logement social",
                "logements sociaux", "bailleur social", "renouvellement urbain", "programme local de l'habitat",
                "PLH", "ANRU", "quartier", "quartiers", "gens du voyage", "résidence"),
        "8.6": ("emploi", "formation professionnelle", "insertion professionnelle", "mission locale",
                "chantier d'insertion"),
        "8.7": ("transport", "transports", "bus", "tramway", "mobilité", "mobilités", "déplacements", "vélo",
                "vélos", "cyclable", "gare", "aéroport", "navette", "covoiturage", "autopartage", "transport scolaire", "abribus",
                "abri bus"),
        "8.8": ("environnement", "environnementale", "eau potable", "eau", "eaux", "assainissement", "eaux usées",
                "eaux pluviales", "station d'épuration", "lagunage", "SPANC", "déchets", "ordures ménagères",
                "collecte", "tri sélectif", "énergie", "énergies", "photovoltaïque", "éolien", "éoliennes",
                "espaces verts", "arbres", "forêt", "boisement", "agenda 21", "développement durable", "plan climat",
                "biodiversité", "rivière", "cours d'eau", "inondation", "inondations", "zone humide", "bruit",
                "pollution", "air", "climat", "chaufferie", "chauffage", "isolation", "rénovation énergétique", "compostage", "haies",
                "natura 2000", "défrichement", "ONF", "forestier", "forestière", "fleurissement"),
        "8.9": ("culture", "culturel", "culturelle", "culturelles", "bibliothèque", "médiathèque", "musée",
                "théâtre", "festival", "spectacle", "spectacles", "exposition", "musique", "conservatoire", "cinéma",
                "archives", "patrimoine", "église", "sport", "sports", "sportif", "sportive", "sportives", "stade",
                "piscine", "gymnase", "salle des fêtes", "salle polyvalente", "tennis", "football", "loisirs",
                "animation", "animations", "fête", "fêtes", "associations", "association", "concert",
                "comité des fêtes", "manifestation", "manifestations", "foyer rural", "terrain de sport",
                "city stade", "skate park", "aire de jeux", "jeux"),
        "9.1": ("tourisme", "touristique", "jumelage", "état civil", "recensement", "marché hebdomadaire", "foire",
                "fourrière", "animaux", "défense incendie", "incendie", "SDIS", "pompes funèbres", "élections",
                "bureau de vote", "bureaux de vote", "mairie", "commémoration", "cérémonie", "agence postale",
                "bureau de poste", "médecin", "médecins", "pharmacie", "défibrillateur", "site internet",
                "bulletin municipal", "communication", "chasse"),
    },
    HINT: {
        "3.5": ("place", "square", "parc", "jardin"),
        "1.4": ("avenant", "avenants", "partenariat"),
        "6.4": ("réglementation", "règlement de"),
        "2.1": ("urbanisme",),
        "5.7": ("compétence", "compétences"),
        "1.1": ("travaux", "entreprise", "entreprises", "lot", "lots", "devis", "fourniture", "fournitures",
                "prestation", "prestations", "maintenance", "achat", "acquisition de matériel"),
        "5.2": ("information", "informations", "questions diverses", "affaires diverses", "compte rendu",
                "rapport", "rapports", "comité"),
    },
}


@dataclass(frozen=True)
class Classification:
    code: str  # level 2 (« 7.5 »), "" when nothing in the objet names a matière
    rank: int  # ACT, GENERIC, FIELD, HINT or LEARNED: how the matière was named; -1 when not classed

    @property
    def confident(self) -> bool:
        """The objet names its act. Measured on objets of collectivités the vocabulary was not written from
        (`bench/matieres.py`), the level 1 is right about three times in four when it does; where only a field or a
        hint names it, the vocabulary is right less than half the time and the learned model names the thème. A
        contract that names no more than being one (« Convention de partenariat … ») is no act either: clerks class
        most conventions by their field, and read as « Autres types de contrats » they were 31 of the 164 objets
        missed; left to the model, level 1 on the new towns 0.743 → 0.750, 0.725 → 0.758 and 0.667 → 0.682 (the
        labelled sample of the towns the vocabulary was written from 0.867 → 0.851)."""
        return self.rank == ACT


def theme_of(code: str) -> str:
    """The level 1 of a matière (« 7.10 » → « 7 »)."""
    return code.split(".", 1)[0] if code else ""


def matiere_label(code: str) -> str:
    """As SCDL's DELIB_MATIERE_NOM writes an ACTES matière: « finances locales/subventions »."""
    if code not in MATIERES:
        return ""
    return f"{THEMES[theme_of(code)]}/{MATIERES[code]}".lower()


# A stem this short is shared by unrelated words (« loyer » and « loi », « lotissement » and « lot », « pose » and
# « POS », « données » and « dons »): a word alone whose stem is shorter is matched as it is written (folded), its
# other forms listed beside it.
SHORT_STEM = 5


@lru_cache(maxsize=1)
def _phrases() -> list[tuple[tuple[str, ...], bool, str, int]]:
    """(what a phrase is matched on, whether that is its folded words rather than its stems, its matière, its rank),
    the longest phrases first so that they win a tie."""
    phrases = []
    for rank, by_code in _VOCABULARY.items():
        for code, words in by_code.items():
            for words_ in words:
                tokens = words_and_terms(words_)
                if not tokens:
                    continue
                exact = len(tokens) == 1 and len(tokens[0][1]) < SHORT_STEM
                phrases.append((tuple(t[0] if exact else t[1] for t in tokens), exact, code, rank))
    phrases.sort(key=lambda p: -len(p[0]))
    return phrases


def _named(objet: str) -> list[tuple[int, int, int, str]]:
    """Every phrase of the vocabulary the objet holds, where it first does: (rank, start, -length, matière), the
    strongest first (the strongest rank, then the phrase named first, then the longest)."""
    tokens = words_and_terms(objet)
    words, terms = [t[0] for t in tokens], [t[1] for t in tokens]
    named = []
    for matched, exact, code, rank in _phrases():
        size = len(matched)
        read = words if exact else terms
        for start in range(len(read) - size + 1):
            if tuple(read[start:start + size]) == matched:
                named.append((rank, start, -size, code))
                break
    return sorted(named, key=lambda n: n[:3])  # a tie keeps the phrases' order


_THEME_LIST = tuple(sorted(THEMES, key=int))
_RANKS = (ACT, GENERIC, FIELD, HINT)


def vocabulary_features(objet: str) -> list[float]:
    """What the vocabulary says of an objet, as the learned model reads it: the thème and rank it would choose (or
    that it names nothing), then every thème and rank it names at all."""
    named = _named(objet)
    chosen = [0.0] * (len(_THEME_LIST) * len(_RANKS) + 1)
    every = [0.0] * (len(_THEME_LIST) * len(_RANKS))
    if named:
        rank, _start, _size, code = named[0]
        chosen[_THEME_LIST.index(theme_of(code)) * len(_RANKS) + rank] = 1.0
    else:
        chosen[-1] = 1.0
    for rank, _start, _size, code in named:
        every[_THEME_LIST.index(theme_of(code)) * len(_RANKS) + rank] = 1.0
    return chosen + every


@dataclass(frozen=True)
class ThemeModel:
    """A multinomial logistic regression over the vocabulary's features and the objet's embedding (standardised),
    naming the level 1; the level 2 is then the first matière of that thème the objet names, else the one the
    labelled objets of that thème most often had."""

    themes: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (features + 1) × thèmes, the last row the biases
    fallback: dict[str, str]  # thème → its most frequent matière in the training labels
    embedder: str  # the embedder whose vectors it was fitted on (`Embedder.name`): another's mean nothing to it

    def theme(self, features: np.ndarray) -> str:
        scores = np.append((features - self.mean) / self.scale, 1.0) @ self.weights
        return self.themes[int(np.argmax(scores))]

    def as_json(self) -> dict:
        return {"themes": list(self.themes), "mean": self.mean.round(6).tolist(), "scale": self.scale.round(6).tolist(),
                "weights": self.weights.round(6).tolist(), "fallback": self.fallback, "embedder": self.embedder}

    @classmethod
    def from_json(cls, data: dict) -> ThemeModel:
        return cls(themes=tuple(data["themes"]), mean=np.array(data["mean"]), scale=np.array(data["scale"]),
                   weights=np.array(data["weights"]), fallback=dict(data["fallback"]), embedder=data["embedder"])


# L2 strength of the fit: 0.1 gave the best level 1 on collectivités left out of the fit, measured on the first 331
# labels (0.01: 0.007 lower, 0.3: 0.022 lower on the new towns; `bench/matieres.py`).
THEME_MODEL_L2 = 0.1


def theme_model_fit(*, features: np.ndarray, codes: list[str], embedder: str, l2: float = THEME_MODEL_L2) -> ThemeModel:
    """Fit the thème model on labelled objets (their features, their matières), by gradient descent on the
    regularised cross-entropy (deterministic: the same labels give the same model)."""
    themes = _THEME_LIST
    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-6
    inputs = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])
    targets = np.eye(len(themes))[[themes.index(theme_of(code)) for code in codes]]
    weights = np.zeros((inputs.shape[1], len(themes)))
    penalty = np.ones((inputs.shape[1], 1))
    penalty[-1] = 0.0
    for _ in range(300):
        scores = inputs @ weights
        probabilities = np.exp(scores - scores.max(axis=1, keepdims=True))
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        weights -= 0.5 * (inputs.T @ (probabilities - targets) / len(inputs) + l2 * penalty * weights)
    fallback = {}
    for theme in themes:
        seen = [code for code in codes if theme_of(code) == theme]
        fallback[theme] = max(sorted(set(seen)), key=seen.count) if seen else ""
    return ThemeModel(themes=themes, mean=mean, scale=scale, weights=weights, fallback=fallback, embedder=embedder)


@lru_cache(maxsize=1)
def theme_model() -> ThemeModel | None:
    """The model in the repository, or None where none was trained."""
    if not MODEL_PATH.exists():
        return None
    return ThemeModel.from_json(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def objet_features(objet: str, embedding: np.ndarray) -> np.ndarray:
    """What the thème model reads of an objet: the vocabulary's features and the objet's embedding (as passages are
    embedded)."""
    return np.concatenate([np.array(vocabulary_features(objet)), np.asarray(embedding, dtype=float)])


def matiere_classify(objet: str, embedding: np.ndarray | None = None, model: ThemeModel | None = None) -> Classification:
    """The ACTES matière of an objet: the act it names, the strongest rank named and, within it, the one named first
    (the act a title opens with is the act; what follows says what it is for). Where it names no act and its
    embedding is given (by the embedder the model was fitted on: the caller checks `ThemeModel.embedder`), the thème
    model (`model`, else the repository's) names the thème."""
    named = _named(objet)
    found = Classification(code=named[0][3], rank=named[0][0]) if named else Classification(code="", rank=-1)
    model = model or theme_model()
    if found.confident or embedding is None or model is None or not objet.strip():
        return found
    theme = model.theme(objet_features(objet, embedding))
    in_theme = [code for _rank, _start, _size, code in sorted(named, key=lambda n: n[1]) if theme_of(code) == theme]
    return Classification(code=in_theme[0] if in_theme else model.fallback[theme], rank=LEARNED)


def matiere_read(objet: str, embedding: np.ndarray | None = None) -> str:
    """The matière ingestion stores for an objet: the act it names; else, given its embedding, the thème model's;
    else "" (a clerk sets it)."""
    found = matiere_classify(objet, embedding)
    return found.code if found.confident or found.rank == LEARNED else ""
