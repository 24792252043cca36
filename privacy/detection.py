"""Find the persons named in council minutes and tell elected officials from private persons."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from rapidfuzz.distance import Levenshtein

from french.civilites import CIVILITE_BROAD, STAFF_FUNCTION_AFTER
from french.dates import FEAST_NAMES, MONTH_NAMES, WEEKDAY_NAMES
from french.organisations import LEGAL_FORM, ONE_PERSON_FORM
from french.folding import unaccent
from french.given_names import given_name_francophone, given_name_gender, given_name_known
from french.stopwords import DETERMINERS
from french.tagging import SPACY_MODEL

MentionKind = Literal["official", "private"]

PERSON_PLACEHOLDER = "[personne {number}]"
ADDRESS_PLACEHOLDER = "[adresse]"
EMAIL_PLACEHOLDER = "[courriel]"
PHONE_PLACEHOLDER = "[téléphone]"
BIRTH_DATE_PLACEHOLDER = "[date de naissance]"

# person_key values of the data that is not a person: they share one placeholder each.
ADDRESS_KEY = "#adresse"
EMAIL_KEY = "#courriel"
PHONE_KEY = "#téléphone"
BIRTH_DATE_KEY = "#naissance"
_DATA_KEYS = (ADDRESS_KEY, EMAIL_KEY, PHONE_KEY, BIRTH_DATE_KEY)


@dataclass
class PersonMention:
    surface: str  # exact text as printed
    page: int  # 1-based
    start: int  # offsets in that page's text
    end: int
    kind: MentionKind
    reason: str  # French, for the clerk who checks what is masked
    person_key: str  # same value for every mention of the same person in the document
    confident: bool = True  # False: a name found without civilité, table row or known official (the model's guess)


# ---------------------------------------------------------------------------
# Name shapes
# ---------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_LOWER = "a-zß-öø-ÿœ"
_APOS = "'’"
_HYPHEN = "\\-‐"
# One word of a name: "Dupont", "DUPONT", "Jean-Pierre", "Jean‐Pierre", "N'Diaye", "LÜDER".
_WORD = (
    rf"(?:[{_UPPER}]\.(?=[{_UPPER}][{_LOWER}]))?"  # a glued initial: « M.Claude »
    rf"[{_UPPER}](?:[{_UPPER}{_LOWER}{_APOS}]+|(?=[{_HYPHEN}][{_UPPER}]))"  # « M-Dominique » too
    rf"(?:[{_HYPHEN}]\n?[{_UPPER}][{_UPPER}{_LOWER}{_APOS}]*)*"  # « Jean-\nLouis »: cut at its hyphen by a line break
    rf"(?:(?<=[{_UPPER}])/[{_UPPER}]{{2,}}(?![{_LOWER}]))?"  # « M. et Mme SESBOUE/LEFORT »: both surnames of a couple
)
_INITIAL = rf"[{_UPPER}]\.(?:[{_HYPHEN}]?[{_UPPER}]\.)?"
_PARTICLE = r"(?:de|du|des|d['’]|le|la|van|von|der|di|da|dos|ben|el)"
# Tokens of a name are separated by spaces; a line break is allowed only before an
# uppercase surname ("Monsieur Michel \nLEBLANC"), where it is almost always a wrapped name.
_GAP = r"[ \t]+"
_GAP_TO_UPPER = rf"(?:[ \t]+|[ \t]*\n[ \t]*(?=[{_UPPER}]{{2}}))"
_NAME = (
    # « M. ou Mme J Michel GERAUD »: an initial printed without its dot before a given name.
    rf"(?:(?:{_INITIAL}|(?<![\w])[{_UPPER}](?=[ \t]+[{_UPPER}][{_LOWER}]))[ \t]?)?{_WORD}"
    rf"(?:(?:{_GAP}{_PARTICLE}{_GAP}|{_GAP_TO_UPPER})(?:{_INITIAL}[ \t]?)?{_WORD}){{0,3}}"
)

_CIVILITE = CIVILITE_BROAD
# "M. et Mme", "Monsieur et Madame", "M. ou Mme", "M. Mme": a couple named once.
_CIVILITES = rf"{_CIVILITE}(?:[ \t]*(?:et|ou|et/ou|et ou|/)?[ \t]*{_CIVILITE})*"
_CIVILITE_NAME = re.compile(rf"(?<![\w{_HYPHEN}])(?P<civ>{_CIVILITES})[ \t]?\n?[ \t]*(?P<name>{_NAME})")
# « Monsieur De Saporta », « Monsieur de Saporta », « Madame Le Goff »: a surname that opens with its particle (in
# lowercase, only « de », « du », « d' »: « Monsieur le Maire » is an office).
_CIVILITE_PARTICLE_NAME = re.compile(
    rf"(?<![\w{_HYPHEN}])(?P<civ>{_CIVILITES})[ \t]+(?P<name>(?:(?:[Dd]e[ \t]+[Ll]a|[Dd]e|[Dd]u|L[ea])[ \t]+|[Dd][{_APOS}][ \t]*)"
    rf"(?P<surname>[{_UPPER}][{_LOWER}]+(?:[{_HYPHEN}][{_UPPER}][{_LOWER}]+)?|[{_UPPER}]{{2,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?))"
    rf"(?![\w{_HYPHEN}])"
)

_FAMILY = re.compile(
    # « Mariage ROBERT-SOMMEREIGN (Daniel) » in the mayor's diary: the couple's surnames.
    rf"(?<![\w])(?P<civ>[ÉEée]poux|[Cc]onsorts|CONSORTS|EPOUX|[Hh]éritiers|[Ii]ndivision|[Ff]amille|[Mm]ariage"
    rf"|les[ \t]+(?:frères|sœurs|soeurs)|\d+[ \t]*\n?[ \t]*enfants)"  # « Prise en cpte des 2 \nenfants BOCHENKO »
    rf"[ \t]*\n?[ \t]*(?:{_PARTICLE}[ \t]*\n?[ \t]*)?(?P<name>{_NAME})"  # « consorts de \nBrosses »
)

# « propriété HERMANT d'une superficie… », « propriétés DUVAL et MARTIN »: the owner's surname, printed alone.
_PROPERTY_OWNER = re.compile(
    rf"(?<![\w])[Pp]ropriétés?[ \t]+(?P<name>[{_UPPER}]{{4,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?)(?![\w{_HYPHEN}])"
    # « propriété CAMPUS FRANCE »: a second word in capitals makes a body's name.
    rf"(?![ \t]+[{_UPPER}]{{2,}})"
)
# « l’affaire Ville c/ RIVALS. », « Ville c/ \nNOUBADJI », « c/ Cathala-Van Den Eynde- Janecek. »: the party a body goes
# to court against, printed without civilité, up to the end of the case's name.
_ADVERSE_PARTY = re.compile(
    rf"(?<![\w])c[ \t]?/[ \t]*\n?[ \t]*(?P<name>{_NAME}(?:[ \t]*[{_HYPHEN}][ \t]*{_NAME})?)"
    rf"(?=[ \t]*(?:[.,;\n]|\Z|et[ \t]+autres))"
)
# « Acquéreur Duflot Sarazin » on its line of a table of sales: a party named by its role, a first name or not; one
# word alone there is as often a company's (« Vendeur GECIMED »).
_ROLE_PARTY = re.compile(
    r"(?m)^[ \t]*(?:Acqu[ée]reur|Vendeur|Cédant|Cessionnaire|Bénéficiaire|Preneur|Locataire|Demandeur|Pétitionnaire)"
    rf"s?[ \t]*:?[ \t]+(?P<name>{_NAME})[ \t]*$"
)
# An elided particle before a surname in capitals (« D’ALESSANDRO », « L’HOTE »).
_ELIDED = rf"(?:[DL][{_APOS}])?"
# « DUPONT », « LE GALL », « D’ALESSANDRO ».
_UPPER_WORD = rf"{_ELIDED}[{_UPPER}]{{2,}}(?:[{_HYPHEN}' ][{_UPPER}]{{2,}})*"
# A word in title case, compound at times (« Anne-Marie »): a first name as the dictionary may know it.
_CAPITALISED_WORD = rf"[{_UPPER}][{_LOWER}]+(?:[{_HYPHEN}][{_UPPER}][{_LOWER}]+)?"
# « Jean-Marie », and « Jean-\nMarie » where the line breaks at its hyphen; « D’Acunto », a surname with its elided
# particle.
_TITLE_WORD = rf"(?:D[{_APOS}])?[{_UPPER}][{_LOWER}]+(?:[{_HYPHEN}]\n?[{_UPPER}][{_LOWER}]+)?"
# « Acquisition d'un fossé pluvial Propriété Roux », « Propriété Boze et Ribière »: the owners' surnames in title case,
# one or two, at the end of the line (« Propriété Ville de Montpellier », « Propriété des Personnes Publiques » go on).
_PROPERTY_OWNERS_TITLE = re.compile(
    rf"(?<![\w])[Pp]ropriétés?[ \t]+(?P<name>{_TITLE_WORD})(?:[ \t]+et[ \t]+(?P<second>{_TITLE_WORD}))?[ \t]*(?=\n|\Z)"
)
# "Jean-Pierre JEANROY", "Anne de BROSSES" and the table form "PINARD Patrick". A hyphen that opens the line is a
# list's dash (« -Patrick BEDOS »), not the first half of a compound name.
LINE_DASH = r"(?<=\n-)|(?<=\n -)"
_GIVEN_UPPER = re.compile(
    rf"(?:{LINE_DASH}|(?<![\w{_HYPHEN}.]))(?P<name>{_TITLE_WORD}(?:[ \t]+{_TITLE_WORD})?"
    rf"(?:[ \t]+{_PARTICLE})?[ \t]*\n?[ \t]*{_UPPER_WORD})(?![\w{_HYPHEN}])"
)
# A name opens after no letter, digit, hyphen or dot; but a table of applications may glue the surname to the date of
# its row (« A 1013 27/03/2012BEILVERT Gérard La Chapellerie »).
AFTER_ROW_DATE = r"(?<=\d\d/\d\d/\d\d\d\d)"
_UPPER_GIVEN = re.compile(
    rf"(?:{AFTER_ROW_DATE}|(?<![\w{_HYPHEN}.]))(?P<name>{_ELIDED}[{_UPPER}]{{2,}}(?:(?:[{_HYPHEN}']|[ \t]+|[ \t]*\n[ \t]*)[{_UPPER}]{{2,}}(?![{_LOWER}]))*"
    rf"(?:[ \t]+|[ \t]*\n[ \t]*){_TITLE_WORD})(?![\w{_HYPHEN}])"
)
# A table of applications glues the columns at times: « CHAUVETJérémie ».
_UPPER_GIVEN_GLUED = re.compile(rf"(?<![\w{_HYPHEN}.])(?P<name>[{_UPPER}]{{3,}}(?=[{_UPPER}][{_LOWER}]{{2,}}\b)[{_UPPER}][{_LOWER}]+)")
# … or the first name to the next column: « GRANDJOUAN Jean-BernardEducateur 29/07/59 », « FORCIER Anne-Cécile8 rue ».
_UPPER_GIVEN_GLUED_AFTER = re.compile(
    rf"(?:{AFTER_ROW_DATE}|(?<![\w{_HYPHEN}.]))(?P<name>[{_UPPER}]{{2,}}(?:[{_HYPHEN}' ][{_UPPER}]{{2,}})*[ \t]+{_TITLE_WORD})"
    rf"(?=[{_UPPER}][{_LOWER}]|\d{{1,4}}[ \t])"
)
# « PORCHER Arnaud et Emilie », « CARON Eugène et \nDany »: the household's second first name.
# … printed in capitals with the name (« LETORT RENE \nET BERNARD », a trade two brothers hold): a first name of the
# dictionary only.
_AND_GIVEN = re.compile(
    rf"^[ \t]*\n?[ \t]*(?<![\w])(?:et|ET)[ \t]*\n?[ \t]*(?P<given>{_TITLE_WORD}|(?P<capitals>[{_UPPER}]{{2,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?))"
    rf"(?![\w{_HYPHEN}])(?![ \t]+[{_UPPER}]{{2,}})"
)
# « PETIT TRAIN – PATRICE LAZE », « STUDIO L’ARSENE (JEAN-MARC \nGICQUEAU) »: a first name and a surname, both in
# capitals.
_CAPITALS_PAIR = re.compile(
    rf"(?<![\w{_HYPHEN}.'’])(?P<given>[{_UPPER}]{{3,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?)(?:[ \t]+|[ \t]*\n[ \t]*)"
    rf"(?P<surname>[{_UPPER}]{{3,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?)(?![\w{_HYPHEN}'’])"
)
_SECOND_GIVEN = re.compile(rf"[ \t]+(?P<given>{_TITLE_WORD})(?![\w{_HYPHEN}])")
# The first name may be cut by a hyphen where its cell wraps (« VEAUX Christine et MACE Hu-gues »), or printed in
# lowercase in a row (« BOUCHAUD Romain et \nRONCA stéfanie »).
_AND_SURNAME_GIVEN = re.compile(
    rf"^[ \t]*\n?[ \t]*et[ \t]*\n?[ \t]*(?P<name>[{_UPPER}]{{3,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?[ \t]+"
    rf"(?:{_TITLE_WORD}(?:[{_HYPHEN}][{_LOWER}]{{2,}})?|(?P<lowercase>[{_LOWER}]{{3,}})))(?![\w{_HYPHEN}])"
)
# « … enfants BOCHENKO et 2, \nRONDEAU »: a second household after the first, its count before it or not.
_AND_HOUSEHOLD = re.compile(
    rf"[ \t]*\n?[ \t]*et[ \t]*\n?[ \t]*(?:\d+[ \t]*,?[ \t]*\n?[ \t]*)?(?P<name>[{_UPPER}]{{2,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?)"
    rf"(?![\w{_HYPHEN}])"
)
_AND_SURNAME = re.compile(rf"^[ \t]+et[ \t]+(?P<name>[{_UPPER}]{{2,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?)(?![\w{_HYPHEN}])")
_SPELT_AGAIN = re.compile(
    rf"^[ \t]*\(sic\)[ \t]*/[ \t]*\n?[ \t]*(?P<name>[{_UPPER}]{{2,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?)(?![\w{_HYPHEN}])"
)
# « Mme IGEA née COUVELARD », « Mme BERENI Angèle Joséphine vve FERRARI »: the other surname of the same person.
_BORN_NAME = re.compile(
    rf"^[ \t]*,?[ \t]*(?:née|veuve|vve|épouse(?:[ \t]+de)?|ép\.)[ \t]+\n?[ \t]*"
    rf"(?P<name>{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{0,2}})"
)
# A date in figures (« 17/06/2013 », « 08/09/49 »), no group.
_DATE_FIGURES = r"\d{1,2}/\d{1,2}/\d{2,4}"
# A month (« 10/2008 », « 03/13 »), as lists of contracts date them.
_MONTH_FIGURES = r"\d{1,2}/(?:19|20)?\d\d"
# What a council designates: its delegates to a body, each a titulaire or a suppléant; no group.
_DESIGNATED_WORDS = r"titulaires?|suppl[ée]ants?|d[ée]l[ée]gu[ée]s?"
# A row of a table of applications or of transactions starts with a number and a date:
# « A 2033 17/06/2013 BRIANCEAU Guy 45 rue du Brandais G 1530 Garage ».
_ROW_DATE_BEFORE = re.compile(rf"{_DATE_FIGURES}[ \t]*$")
# A cadastre reference: « G 1530 », « F 1430, 1432 », « E 631 », « AC n°100 », « HW 110 ».
_CADASTRE = re.compile(rf"(?<![\w{_HYPHEN}])[{_UPPER}]{{1,2}}[ \t]?(?:n°[ \t]?)?\d{{1,4}}p?\b")
# Candidates for the spaCy model: two capitalised words in a row ("Hélène Mandroux").
_MODEL_CONTEXT = 25
# « l’architecte en chef Pierre \nTourre »: the line may break between them (see `_model_candidates`).
_TITLE_PAIR = re.compile(
    rf"(?<![\w{_HYPHEN}])({_TITLE_WORD})(?:[ \t]+|[ \t]*\n[ \t]*)(?:{_PARTICLE}[ \t]+)?({_TITLE_WORD})(?![\w{_HYPHEN}])"
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\d])(?:\+33[ .]?\(?0?\)?[ .]?|0)[1-9](?:[ .\-]?\d{2}){4}(?!\d)")
_STREET = (
    r"(?:rue|avenue|av\.|bd\.?|bvd\.?|boulevard|impasse|imp\.|place|chemin|allée|route|cours|quai|square|"
    r"lotissement|lieu-dit|résidence|hameau|faubourg|passage|voie|rond-point|sente|sentier|ruelle|venelle|clos|"
    r"cité|mail|traverse|montée|descente|esplanade|parvis|promenade|chaussée|rampe|carrefour)"
)
_ADDRESS_BODY = (
    # « 45 et 43, rue des Bouissettes »: the neighbours' houses, one address line.
    rf"(?:\d{{1,4}}(?:[ \t]?(?:bis|ter|[A-C]))?(?:[ \t]*(?:et|,|-|/)[ \t]*\d{{1,4}}(?:[ \t]?(?:bis|ter))?)*[ \t]*,?[ \t]*\n?[ \t]*)?"
    rf"{_STREET}(?!\w)[^\n,(;€]{{1,50}}?"
    # … up to the end of the line item, or to the town in a sentence (« 12, Rue de Fontenoy à Pierrefonds aux fins »).
    rf"(?=[ \t]*(?:[,(;\n]|\d+[.,]\d|\d+[ \t]*€|$)|[ \t]+à[ \t]+[{_UPPER}])"
)
# An address said to be someone's home is personal data wherever it stands.
_HOME_ADDRESS = re.compile(
    rf"(?:demeurant|domicilié(?:e|s|es)?|résidant|habitant)[ \t]+(?:au[ \t]+|à[ \t]+)?"
    rf"(?P<address>(?:[^\n,]{{1,40}}?\(\d{{5}}\)[ \t]*)?{_ADDRESS_BODY}|\d{{1,4}}[^\n,(;€]{{3,50}}?(?=[ \t]*[,(;\n]))",
    re.IGNORECASE,
)
# An address printed right after a private person's name ("Mme X, 15 rue Reynes").
_ATTACHED_ADDRESS = re.compile(rf"[ \t]*,?[ \t]*(?:\([^)\n]{{1,40}}\)[ \t]*,?[ \t]*)?(?P<address>{_ADDRESS_BODY})", re.IGNORECASE)

# Words that, right after a civilité, name a function and not a person
# ("Monsieur le Maire", "Madame La Présidente", "M. l'Adjoint délégué").
_FUNCTION_WORDS = {
    "le", "la", "les", "l", "l'", "l’", "maire", "adjoint", "adjointe", "adjoints", "président", "présidente",
    "vice-président", "vice-présidente", "préfet", "préfète", "sous-préfet", "conseiller", "conseillère",
    "conseillers", "rapporteur", "secrétaire", "directeur", "directrice", "député", "députée", "sénateur",
    "sénatrice", "trésorier", "trésorière", "receveur", "comptable", "maires", "délégué", "déléguée",
    "premier", "première", "ministre", "rapporteure", "sous-préfète",
    "x", "xx", "xxx", "xxxx", "xxxxx", "et", "ou", "pour", "contre", "abstention", "vote",
}
# Capitalised words that start no name: months, days, administrative words, places.
_NOT_NAME_WORDS = {
    *MONTH_NAMES, *WEEKDAY_NAMES,
    "ville", "commune", "communes", "conseil", "municipal", "municipale", "communauté", "département",
    "région", "état", "etat", "république", "préfecture", "mairie", "saint", "sainte", "st", "ste",
    "monsieur", "madame", "mademoiselle", "messieurs", "mesdames", "mme", "mlle", "objet", "vu",
    "considérant", "article", "section", "parcelle", "parcelles", "zac", "zone", "lot", "lots", "secteur",
    "total", "montant", "budget", "chapitre", "page", "annexe", "nota", "service", "services", "direction",
    "syndic", "syndicat", "cabinet", "société", "sarl", "sci", "sas", "association", "agence", "office", "compagnie", "cie",
    "centre", "maison", "école", "collège", "lycée", "rue", "avenue", "place", "route", "chemin", "allée",
    "boulevard", "impasse", "quai", "cours", "square", "pont", "port", "parc", "stade", "salle", "espace",
    "résidence", "théâtre", "musée", "église", "cimetière", "gymnase", "médiathèque", "bibliothèque",
    "hôtel", "hôpital", "groupe", "groupes", "pôle", "plan", "programme", "projet", "opération", "marché",
    "contrat", "convention", "accord", "protocole", "décision", "délibération", "séance", "procès",
    "compte", "rendu", "ordre", "jour", "présents", "présent", "absents", "absent", "excusés", "excusé", "excusée", "excusées", "absente", "absentes",
    "pouvoir", "pouvoirs", "procuration", "secrétaire", "vote", "votes", "pour", "contre", "abstention",
    "abstentions", "unanimité", "adopté", "adoptée", "le", "la", "les", "de", "du", "des", "un", "une",
    "et", "ou", "en", "au", "aux", "sur", "par", "dans", "avec", "sans", "son", "sa", "ses", "leur",
    "il", "elle", "ils", "elles", "nous", "vous", "on", "ce", "cette", "ces", "mais", "si", "a", "à",
    "grand", "grande", "petit", "petite", "nord", "sud", "est", "ouest", "haut", "haute", "bas", "basse",
    "nouveau", "nouvelle", "vieux", "vieille", "mont", "val", "bois", "fonds", "fond", "intérieur",
    "ministère", "tribunal", "cour", "acte", "certifié", "exécutoire", "envoi", "réception", "publiée",
    # The headers of a form or a table of persons (« NOM et PRENOM Date de naissance Fonction »), and the answers
    # of its yes/no columns (« … 701 m2 Non\nPERMIS DE CONSTRUIRE »).
    "oui", "non", "nom", "noms", "prénom", "prénoms", "prenom", "prenoms", "date", "naissance", "fonction",
    "adjoint", "adjointe", "maire", "président", "présidente", "préfet", "ccas", "pv", "cr", "cm",
    "dm", "de", "fax", "tél", "tel", "mail", "email", "courriel", "internet", "site", "école", "france",
    "monument", "monuments", "avenant", "lycées", "écoles", "route", "départementale", "nationale",
    # Words of institutions and public policies, capitalised in their names (« Caisse des Dépôts »).
    "caisse", "dépôts", "consignations", "départemental", "régional", "régionale", "général", "générale",
    "territorial", "territoriale", "territoriales", "collectivité", "collectivités", "agglomération", "métropole",
    "tourisme", "social", "sociale", "sociales", "action", "culture", "culturel", "culturelle", "jeunesse",
    "enfance", "sport", "sports", "sportive", "développement", "économique", "économie", "urbanisme", "habitat",
    "logement", "transport", "transports", "énergie", "electricité", "électricité", "environnement",
    "agriculture", "eau", "eaux", "assainissement", "déchets", "solidarité", "santé", "médical", "médicale",
    "médicaux", "sécurité", "police", "gendarmerie", "pompiers", "secours", "incendie", "finances", "fiscal",
    "fiscale", "trésor", "public", "publique", "publics", "publiques", "national", "européen", "européenne",
    "union", "fédération", "comité", "commission", "assemblée", "chambre", "commerce", "industrie", "métiers",
    "artisanat", "crédit", "banque", "mutuel", "mutuelle", "agricole", "familiales", "allocations", "emploi",
    "formation", "insertion", "recherche", "enseignement", "éducation", "académie", "université", "campus",
    "pays", "cœur", "vallée", "secrétariat", "dotation", "fonctionnement", "investissement", "dépenses",
    "recettes", "charges", "code", "loi", "décret", "arrêté", "règlement", "schéma", "contrat", "réseau",
    "réseaux", "gestion", "aménagement", "équipement", "équipements", "travaux", "voirie", "cantine", "restaurant",
    "restauration", "scolaire", "périscolaire", "associative", "associatif", "attribution", "adresse", "demandeur",
    # The trades in the names of the companies the minutes name (« BERTRAND Immobilier », « Bardage JOLLY
    # CHARPENTE »): activities, not the nouns of those who do them (« Charpentier », « Peintre » are surnames).
    "immobilier", "immobilière", "charpente", "charpentes", "bardage", "menuiserie", "menuiseries", "maçonnerie",
    "plomberie", "couverture", "zinguerie", "peinture", "peintures", "carrelage", "terrassement", "terrassements",
    "paysage", "paysages", "élagage", "nettoyage", "propreté", "chauffage", "climatisation", "ingénierie",
    "architecture", "topographie", "informatique", "bâtiment", "bâtiments", "construction", "constructions",
    "rénovation", "démolition", "signalisation", "matériaux", "distribution", "location", "automobiles",
    "diagnostics", "enrobés", "canalisations", "forage", "vitrerie", "serrurerie", "métallerie", "ascenseurs",
    "imprimerie", "communication", "communications", "production", "productions",
}
# A name right after one of these words names a street or a building, not a person.
_PLACE_NOUNS = (
    "rue|avenue|av\\.|bd\\.?|bvd\\.?|boulevard|place|allée|allées|impasse|chemin|quai|square|cours|passage|"
    "école|écoles|collège|lycée|groupe scolaire|salle|stade|gymnase|centre|parc|résidence|espace|maison pour tous|maison|"
    "médiathèque|bibliothèque|fondation|institut|hôpital|clinique|pont|port|cité|lotissement|foyer|cinéma|ciné-club|"
    "université|faculté|campus|"
    "halle|théâtre|musée|piscine|boulodrome|vélodrome|patinoire|complexe|quartier|occe|crèche|ehpad|jardin|promenade|"
    "esplanade|"
    "rond-point|giratoire|prix|trophée|fonds|association|amicale|club|lieu-dit|hameau|domaine|pôle|parvis|"
    "halte-garderie|garderie|église|chapelle|basilique|cathédrale|abbaye|prieuré|couvent|copropriété|secteur|équipement|"
    # « terrain de football Louis Combettes »; not « terrain DUPONT », the land of a person.
    "terrain (?:de |d['’])(?-i:[a-z]{3,})|"
    # « ZAC du Nouvel Hôtel de Ville », « ZAC Jacques Cœur », « ZI de la Plaine »: the zones of town planning, and
    # the ZAC's full name (« Zone d'aménagement concerté Blaise Pascal »).
    "zone d['’]aménagement concertée?|zone|zones|zac|zae|zus|za|zi"
)
# The rank or office a street's name may give its person (« place du Cardinal Verdier », « rue du Docteur Roux »).
_PLACE_TITLES = (
    "cardinal|docteur|dr\\.?|général|maréchal|président|présidente|professeur|abbé|chanoine|colonel|commandant|"
    "capitaine|lieutenant|amiral|pasteur|père|frère|mère|sœur|monseigneur|mgr|sergent|aviateur|comte|comtesse|duc|"
    "duchesse|marquis|baron|roi|reine|pape|saint|sainte"
)
# Words after a place noun that are not its adjective.
_NOT_ADJECTIVE = "(?:par|avec|sans|chez|sur|sous|vers|dans|entre|selon|contre|et|ou|au|aux|le|la|les|un|une|à)"
# One place of a list after a plural noun: one to three capitalised words (« Lamartine », « Blaise Pascal », « Luis
# MARIANO »), after an article at times (« rues de la Marquerose et Gaston Bachelard »), wrapped at times (« rues Marie
# \nDurand, André Malraux, … »); commas or « et » between.
_LISTED_PLACE = (
    rf"(?:(?:de|du|des|de la|d['’]|de l['’])[ \t]*\n?[ \t]*)?"
    rf"[{_UPPER}][{_UPPER}{_LOWER}\-]+(?:(?:[ \t]+|[ \t]*\n[ \t]*)[{_UPPER}][{_UPPER}{_LOWER}\-]+){{0,2}}"
)
# The place nouns are sought in the text without its accents: capitals often lose them (« Equipement de proximité
# François VILLON », « Creche Marie Curie »).
_PLACE_NOUNS_UNACCENTED = unaccent(_PLACE_NOUNS)
# The nouns of two words put in the plural word by word (« les groupes scolaires Sun Yat Sen, Paul Langevin et … »).
_PLACE_NOUNS_PLURAL = "groupes scolaires|maisons pour tous"
_PLACE_BEFORE = re.compile(
    # « pôle multiactivités Raymond Moutet », « salle polyvalente Jean Moulin »: one adjective may come between.
    # « aux théâtres Gérard Philipe et Jean Vilar », « Les écoles Lamartine, Blaise Pascal, … et Pablo Neruda »: in the
    # plural, the places listed after the noun.
    # « salle de boxe Jean Farré », « stade de \nrugby Yves du Manoir », « chemin rural dit du Trou Toussaint »:
    # what kind of place, then its name.
    # Not « mis en place par … », « sur place avec … »: a preposition after the noun is no adjective.
    # « la Zone Urbaine Sensible (ZUS) Petit-Bard Pergola »: the noun may close a bracket.
    rf"(?<![\w\-])(?:(?:{_PLACE_NOUNS_UNACCENTED})\)?"
    rf"(?-i:(?:[ \t]+|[ \t]*\n[ \t]*)(?!{unaccent(_NOT_ADJECTIVE)}\b)[{_LOWER}][{_LOWER}\-]+)?"
    rf"(?-i:[ \t]+(?:de|d['’])[ \t]*\n?[ \t]*[{_LOWER}]{{3,}})?"
    rf"(?:[ \t]+dite?s?)?(?:[ \t]+(?:de|du|des|d['’]|de la|de l['’]))?(?:[ \t]*(?:{unaccent(_PLACE_TITLES)}))?"
    rf"|(?:(?:{_PLACE_NOUNS_UNACCENTED})[sx]|{_PLACE_NOUNS_PLURAL})"
    # « Ecoles élémentaires André Malraux, Jean Macé et François Rabelais »: an adjective after the plural too.
    rf"(?-i:[ \t]+(?!{unaccent(_NOT_ADJECTIVE)}\b)[{_LOWER}][{_LOWER}\-]+)?"
    rf"(?-i:[ \t]*\n?[ \t]*{_LISTED_PLACE}[ \t]*(?:,[ \t]*\n?[ \t]*(?:et[ \t]+)?|\n?[ \t]*et[ \t]+))*)"
    rf"[ \t]*\n?[ \t]*$",
    re.IGNORECASE,
)
_OWNED = re.compile(r"(?<![\w\-])(?:de|d['’])[ \t]*\n?[ \t]*$", re.IGNORECASE)
_ARTICLE_AT_LINE_END = re.compile(r"(?<![\w\-])(?:de|du|des|de la)[ \t]*\n[ \t]*$", re.IGNORECASE)
# First words of those nouns: a cheap test before the pattern, which runs for every candidate name.
_PLACE_FIRST_WORDS = frozenset(
    noun.split()[0].replace("\\.", "").rstrip("?") for noun in _PLACE_NOUNS_UNACCENTED.split("|")
)

# A line that ends with an article or a preposition goes on at the next one.
_SENTENCE_RUNS_ON = re.compile(r"(?<![\w'’])(?:des|de|du|les|la|le|aux|à)[ \t]*\n\Z")
# Context that marks an elected official acting in office.
_ATTENDANCE = re.compile(
    r"(?:(?:^|\n)[ \t•\-]*(?:(?:[ée]taient|sont|membres|conseillers)\s+)?(?:pr[ée]sents?|pr[ée]sentes|absents?|absentes?|absent\(e?\)\(?s?\)?|excus[ée]e?s?|excus[ée]\(e?\)\(?s?\)?|pouvoirs?|procurations?|"
    r"secr[ée]taire(?:s)? de s[ée]ance|[ée]lue? secr[ée]taire|"
    r"ayant donn[ée] (?:pouvoir|procuration)|votants?)\s*(?:[:]|de\b|d['’]|\n))|ayant vot[ée] par procuration|"
    r"sous la pr[ée]sidence d[e']|pouvoir donn[ée]|"
    # Headings in inclusive writing, joined by « et »: « Absent(s) et absent(s) excusé(s) : ».
    r"(?:^|\n)[ \t•\-]*(?:{word})(?:[ \t]+(?:et[ \t]+)?(?:{word}))*[ \t]*:".format(
        word=r"(?:pr[ée]sent|absent|excus[ée]|repr[ée]sent[ée])(?:e|s|es)?(?:\((?:e|s|es)\))*"
    ),
    re.IGNORECASE,
)
# An ellipsis (« Pouvoir donné à... » over a table's columns) ends no list.
_LIST_END = re.compile(r"(?:(?<!\.)\.(?!\.)|;)[ \t]*\n|\n[ \t]*\n|\n(?=[^\n]{0,60}(?:Ordre du jour|ORDRE DU JOUR|Le quorum|La séance))")
_OFFICE_AFTER = re.compile(
    r"^[ \t]*(?:,|\(|-|–)?[ \t]*\n?[ \t]*(?:(?:1er|1ère|premier|première|\d+[èe]me)[ \t]+)?"
    # « Mme X Adjoint Technique Principal »: a grade of the commune's staff, not the mayor's deputy.
    r"(?:maire\b|adjointe?(?![ \t]+(?:techniques?|administrati(?:f|ve|fs|ves)|d['’]animation|du patrimoine|territoria))|conseill(?:er|ère)s?\b|conseill(?:er|ère)s? (?:municipa|communautaire|délégu)|"
    # « Monsieur Joël GUERRIAU, sénateur de Loire-Atlantique », « Philippe GROSVALET, Président du Conseil
    # départemental »: the elected members of other authorities too.
    r"délégu[ée]|vice[- ]pr[ée]sident|pr[ée]sident(?:e)?\s*(?:[,.]|$|\n|de (?:la )?(?:communauté|séance|l['’]agglom)|"
    r"du\s+conseil\s+(?:d[ée]partemental|g[ée]n[ée]ral|r[ée]gional)|de\s+la\s+r[ée]gion|du\s+d[ée]partement)|"
    r"s[ée]nat(?:eur|rice)s?\b|d[ée]put[ée]e?s?\b|"
    # « Rapporteur : Eric BEGUIN » on the next line names the next person, not this one.
    # « titulaire », « suppléant » after a name are no office of themselves (« Agriculteurs : Christophe X
    # (titulaire) » in a working group, « Délégué de l'administration : Mr X titulaire »): the council's delegates are
    # found by `_designated`, the lists and the mandate they leave or take up.
    r"rapporteur(?![ \t]*:)|rapporte\b|secr[ée]taire de s[ée]ance|[ée]lue?s?\b|sort de s|"
    # « quitte (définitivement) la séance », not « quitte les services municipaux » (an employee who leaves).
    r"entre en s|quitte(?:nt)?[ \t]+(?:d[ée]finitivement[ \t]+)?(?:la[ \t]+s[ée]ance|la[ \t]+salle|l['’]assembl)"
    r"|donne (?:sa )?procuration|donne pouvoir|arrive|"
    # « la démission de Madame X de son mandat de conseillère municipale »
    r"de (?:son|ses) (?:mandats?|fonctions?) d['’e ]\s*(?:conseill|adjoint|maire|d[ée]l[ée]gu|[ée]lu))",
    re.IGNORECASE,
)
_OFFICE_BEFORE = re.compile(
    r"(?:(?:le|la|son|sa)\s+(?:maire|pr[ée]sidente?|adjointe?(?: au maire)?|rapporteur)\s*,?|"
    # « le Ministre Monsieur DAUBRESSE », « le préfet de la région, M. … »: an office of the State.
    r"(?:le|la|du|de la)\s+(?:ministre|pr[ée]f[eè]te?|sous-pr[ée]f[eè]te?|d[ée]put[ée]e?|s[ée]nat(?:eur|rice))"
    r"(?:\s+(?:de|du|des|d['’])[^,.;:()\n]{1,50},)?\s*,?|"
    # « l'adjointe déléguée à l'urbanisme et à \nl'aménagement durable du territoire, Madame Stéphanie JANIN »
    r"(?:adjointe?|conseill(?:er|ère)s?(?:\s+municipa(?:l|le|ux|les))?)\s+d[ée]l[ée]gu[ée]e?s?\s+(?:à|au|aux|pour)\b[^.;:()«»]{0,100},|"
    r"pouvoir (?:donn[ée] )?(?:à|a)|procuration (?:donn[ée]e? )?(?:à|a)|"
    r"(?:pour|contre|abstentions?|vote)\s*:[^\n]{0,80}|(?:pour|contre|abstentions?)\s*\([^)\n]{0,80}|"
    rf"d[ée]part de|arriv[ée]e de|(?:{_DESIGNATED_WORDS}|[ée]lus?)\s*:\s*|"
    r"(?:d[ée]signe|[ée]lit|[ée]lu(?:e)?)\s+(?:comme\s+\w+\s*:\s*)?)"
    r"[ \t]*\n?[ \t]*$",
    re.IGNORECASE,
)
# A date in figures soon after a name (« … (Propriétaire de bois) 08/09/49 »): a list of persons with their dates of birth.
_DATE_SOON = re.compile(rf"(?<![\d/]){_DATE_FIGURES}(?![\d/])")
# A person party to a sale, a subsidy or a lease acts as a private person, even an elected one.
_PRIVATE_ROLE_BEFORE = re.compile(
    r"\b(?:propri[ée]t[ée] de|propri[ée]taires?|appartenant [àa]|acqu[ée]rir|acquisition|cession|c[ée]der|vente|"
    r"vendre|accord[ée]e? [àa]|attribu[ée]e? [àa]|subvention|b[ée]n[ée]ficiaires?|demeurant|domicili[ée]|"
    r"consentie par|pr[ée]empt|locataire|bail|preneur|concession|parcelle de|vendeurs?|acqu[ée]reurs?)\b[^.\n:]{0,40}\Z",
    re.IGNORECASE,
)
# « domicilié en cette qualité » (at the town hall, acting in office) is no home.
_PRIVATE_ROLE_AFTER = re.compile(
    r"^[ \t]*,?[ \t]*\(?(?:propri[ée]taire|demeurant|domicili[ée](?!e?s?[ \t]+en[ \t]+cette[ \t]+qualit)|n[ée]e? le|locataire)",
    re.I,
)
_LISTED = "élu nommé dans le document"
_COLLEAGUE = "élu du même conseil, nommé dans ses autres procès-verbaux du mandat"
_STAFF_AFTER = re.compile(STAFF_FUNCTION_AFTER)
_EXTERNAL_DELEGATE = re.compile(r"d[ée]l[ée]gu[ée]e?s?[ \t]+(?:de[ \t]+l['’][ \t]*administration|du[ \t]+(?:tribunal|pr[ée]fet))", re.I)
_SPEAKER_AFTER = re.compile(r"^[ \t]*:")

_PRIVATE_REASONS = [
    (re.compile(r"subvention|aide|bénéficiaire|allocation|secours", re.I), "personne privée (bénéficiaire)"),
    (re.compile(r"agent|recrut|grade|avancement|emploi|contrat|poste|disciplin|stagiaire|titularis", re.I),
     "personne privée (agent)"),
    (re.compile(r"concession|funéraire|cimetière", re.I), "personne privée (concession)"),
    (re.compile(r"bail|locataire|loyer|preneur|logement", re.I), "personne privée (locataire)"),
    (re.compile(r"acqu|cession|céd|vend|achat|vente|préempt|notari", re.I),
     "personne privée (acquéreur ou vendeur)"),
    (re.compile(r"propriét|appartenant|parcelle|cadastr|riverain|voisin", re.I), "personne privée (propriétaire)"),
    (re.compile(r"décès|décéd|hommage|obsèques|condoléances", re.I), "personne privée (hommage)"),
    (re.compile(r"recours|tribunal|contentieux|requête|plainte|expert", re.I), "personne privée (contentieux)"),
]


@dataclass
class _Candidate:
    page: int
    start: int
    end: int
    name_start: int
    civilite: str
    name: str  # the name part, without civilité
    family: bool  # "consorts X", "les époux X": a private household
    source: str


@dataclass(frozen=True)
class _Identity:
    given: tuple[str, ...]  # normalised given names or initials
    surname: str  # normalised
    # "male", "female" or "" (unknown): from the civilité, else from a first name the dictionary gives one gender.
    gender: str = field(default="", compare=False)


# Legal forms (`french.organisations`): the capitalised words printed with one name a company (« Cafés EURL CBLB »,
# « GAEC DES BROSSES »), not a person; so do « Sté » and « Ets », and « Frères » closes a trade name as a legal form
# would (« Philip Frères », « BEC FRERES »).
_LEGAL_FORM = re.compile(rf"(?<![\w\-])(?:{LEGAL_FORM}|Sté|[ÉE]ts|Fr[èe]res|FR[ÈE]RES)(?![\w\-])")
# … except a one-person company, which bears its owner's name (« SASU MARCHAND Eric »): that is a person's name.
_ONE_PERSON_FORM = re.compile(rf"(?<![\w\-]){ONE_PERSON_FORM}(?![\w\-])")


# The definite articles, bare or joined to « de » or « à »: a capitalised name after one is a thing's or a place's.
_DEFINITE_ARTICLE = r"le|la|les|du|des|au|aux"
_ARTICLE_BEFORE = re.compile(rf"(?<![\w'’])(?:{_DEFINITE_ARTICLE}|l['’])[ \t]*\n?[ \t]*\Z")
# « Cie Didier Théron », « Cabinet Jean Dupont »: a name right after the word for a company is the company's.
_COMPANY_BEFORE = re.compile(
    r"(?<![\w'’])(?:Cie|[Cc]ompagnie|[Ss]oci[ée]t[ée]|Sté|Ets|[ÉE]tablissements|[Cc]abinet|[Aa]ssociation)[ \t]*\n?[ \t]*\Z"
)
# « Arbre de Noël », « Lundi de Pâques »: a feast after « de » names an event, not a person of that surname.
_FEAST_AFTER_PARTICLE = re.compile(rf"(?<![\w'’])(?:de|du)[ \t]+(?:{'|'.join(FEAST_NAMES)})\Z")
_QUOTE_OPENS = re.compile(r"[«“\"][ \t\u00a0\u202f]*\Z")
_QUOTE_CLOSES = re.compile(r"[ \t\u00a0\u202f]*[»”\"]")


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether a name stands alone between quotation marks (« « Jean Moulin » »)."""
    return bool(_QUOTE_OPENS.search(text[max(0, start - 4):start]) and _QUOTE_CLOSES.match(text, end))


def _organisation_at(text: str, start: int, end: int) -> bool:
    """Whether a legal form stands inside the name or right beside it, with nothing but spaces between: before
    it, at the end of the line above too (« Propriété "SCI \nCapao Juvénal" »)."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = re.search(r"(\S+)(?:[ \t]+|[ \t]*\n[ \t]*)$", text[max(0, start - 60):start])
    after = re.match(r"[ \t]+(\S+)", text[end:line_end])
    near = [text[start:end]] + [match.group(1) for match in (before, after) if match]
    forms = [form for part in near for form in _LEGAL_FORM.findall(part)]
    if forms and all(_ONE_PERSON_FORM.fullmatch(form) for form in forms):
        return not any(given_name_known(word) for word in _name_words(text[start:end]))
    return bool(forms)


def persons_detect(*, pages: list[str], officials: list[str], colleagues: Iterable[str] = ()) -> list[PersonMention]:
    """Every person named in the pages, with the personal data attached to private persons.

    ``officials`` are the elected officials the document's own lists name (`ingestion.parsing.officials`);
    ``colleagues`` the members of its body on the séance's day as its other minutes of the term name them
    (`council.selectors.colleagues_named`), of whom only a first name and a surname together identify one.
    """
    official_identities = [identity for identity in map(_identity_parse, officials) if identity.surname]
    colleague_identities = [identity for identity in map(_identity_parse, colleagues) if identity.surname and identity.given]
    lowercase_words = _lowercase_words(pages)
    non_person_words = _non_person_words(pages)
    candidates: list[_Candidate] = []
    for page_number, text in enumerate(pages, start=1):
        candidates.extend(_page_candidates(page_number=page_number, text=text, lowercase_words=lowercase_words,
                                           non_person_words=non_person_words))
    # « AUBINAIS Sébastien et Aline Le Breil … 2010 50 Le Breil G 2544 »: a particle and a name the document prints
    # alone too (not after a word) are a place's name, the lieu-dit of a couple's home.
    candidates = [candidate for candidate in candidates
                  if candidate.source != "particule" or not _printed_alone(candidate.name.split(None, 1)[1], pages)]
    candidates.extend(_model_candidates(pages=pages, taken=candidates, lowercase_words=lowercase_words,
                                        official_identities=official_identities))
    candidates.extend(_lone_given_names(pages=pages, officials=officials, taken=candidates, lowercase_words=lowercase_words))
    candidates = _overlaps_drop(candidates)
    # « SALLE DU THEA ̈TRE \nCat »: after an accent the PDF prints apart, a capitalised word is the end of a cut word.
    candidates = [candidate for candidate in candidates
                  if not unicodedata.combining(pages[candidate.page - 1][max(0, candidate.name_start - 1)])]
    # A name printed with a legal form is a company's, unless a civilité or a household word says a person.
    candidates = [candidate for candidate in candidates if candidate.civilite or candidate.family
                  or not _organisation_at(pages[candidate.page - 1], candidate.start, candidate.end)]
    # « le SAGE Oise-Aronde », « du Clos Gris »: after an article a capitalised name is a thing's or a place's; after
    # the word for a company (« Cie Didier Théron »), the company's, unless it is a person's first name and surname in
    # capitals (« le cabinet Laurent DUPONT, maître d’oeuvre »: the practice bears its architect's name); a feast
    # after « de » names an event (« Arbre de Noël »).
    candidates = [candidate for candidate in candidates if candidate.civilite or candidate.family
                  or not (_ARTICLE_BEFORE.search(pages[candidate.page - 1], max(0, candidate.start - 10), candidate.start)
                          or (_COMPANY_BEFORE.search(pages[candidate.page - 1], max(0, candidate.start - 20), candidate.start)
                              and not _given_and_capitals(candidate.name))
                          or _FEAST_AFTER_PARTICLE.search(candidate.name))]
    # « groupe scolaire « François Mitterrand » »: a name between guillemets is a thing's (a school, an operation).
    candidates = [candidate for candidate in candidates if candidate.civilite or candidate.family
                  or not _quoted(pages[candidate.page - 1], candidate.start, candidate.end)]
    # « Foyer Napoléon », « Salle Jean Moulin »: a name that opens with a place noun names that place.
    candidates = [candidate for candidate in candidates if candidate.civilite or candidate.family
                  or unaccent((_name_words(candidate.name) or [""])[0]).lower() not in _PLACE_FIRST_WORDS]
    # Without a civilité, two capitalised words are a person only if one of them is a given name somewhere
    # (« Salon de Coiffure CHEVEUX D'ANGE », « Bardage JOLLY CHARPENTE », « Revue COUTHENANS » are not), and where
    # one word is in capitals, the first name is among the others (`_first_name_among`: « Safer PACA » is not).
    # A first name after « et » in a row of applicants (« VIVIER Guislain et Khemissa »): no dictionary needed.
    candidates = [candidate for candidate in candidates if _person_without_dictionary(candidate)
                  or any(given_name_known(word) for word in _name_words(candidate.name) + _glued_words(candidate.name))]
    # « Casa Amadis DELL J227COJ », « Cap Horizon DELL B8MQ80J »: a word in capitals printed after three or more
    # different names on one page, none of them a first name, is a column of a table (a make, a supplier), not a
    # family's surname, on every row of that page.
    columns = _column_words(candidates)
    candidates = [candidate for candidate in candidates
                  if _person_without_dictionary(candidate) or _first_name_among(candidate.name)]
    candidates = [candidate for candidate in candidates if candidate.civilite or candidate.family
                  or (candidate.page, _name_words(candidate.name)[-1]) not in columns]

    # « Parvis Georges RICHARD … Georges RICHARD est né en 1909 »: a person a place of the document is named after is
    # a public figure there, wherever the name stands (a private person's name is not given to a square).
    honoured = [_identity_parse(name) for name in _place_names(pages, candidates)]
    candidates = [candidate for candidate in candidates if (candidate.civilite and not _initial_of(candidate, honoured))
                  or candidate.family
                  or not any(_identity_match(_identity_parse(candidate.name), place) for place in honoured)]
    # « Parvis Alain MIMOUN … Alain MIMOUN, né Ali MIMOUN OULD KACHA »: so is the birth name printed after such a name.
    candidates = [candidate for candidate in candidates if (candidate.civilite and candidate.source != "naissance")
                  or not _after_honoured(pages[candidate.page - 1], candidate.start, honoured)]

    candidates = [_heading_dropped(candidate, official_identities) for candidate in candidates]
    identities = [_identity_parse(candidate.name, candidate.civilite) for candidate in candidates]
    # « IMBERT René et \nLionel »: the first name after « et » bears the household's surname, not a member's first name.
    households = _households(candidates, pages)
    identities = [_household_identity(candidate, identity, households) or identity
                  for candidate, identity in zip(candidates, identities)]
    keys = _keys_assign(identities)
    # A household ("consorts BRIAND") is not the person of the same surname sitting on the council.
    keys = [f"FAMILLE {identity.surname}" if candidate.family else key
            for candidate, identity, key in zip(candidates, identities, keys)]
    reasons: list[str | None] = []
    for candidate, identity in zip(candidates, identities):
        reasons.append(_official_reason(candidate=candidate, identity=identity, pages=pages,
                                        official_identities=official_identities, colleague_identities=colleague_identities))
    # A person seen acting in office anywhere in the document is an official everywhere,
    # except a household ("consorts X") which is never the elected official himself.
    official_keys = {key for key, reason, c in zip(keys, reasons, candidates) if reason and not c.family}
    # The officials list alone does not outweigh the document naming the same person as a
    # party to a sale or a subsidy: the list may have picked up that name by mistake.
    private_role_keys = {key for key, c in zip(keys, candidates)
                         if not c.family and _private_role(text=pages[c.page - 1], candidate=c)}
    reasons = [None if reason in (_LISTED, _COLLEAGUE) and key in private_role_keys else reason
               for key, reason in zip(keys, reasons)]
    official_keys = {key for key, reason, c in zip(keys, reasons, candidates) if reason and not c.family}
    # « madame Myriam LE PAGE, directrice générale des services »: a person the document describes by a function of
    # the staff is an employee wherever she acts (« à la demande de monsieur le maire, madame LE PAGE présente le
    # budget »), not an official.
    staff_keys = {key for key, c in zip(keys, candidates)
                  if not c.family and _STAFF_AFTER.match(pages[c.page - 1], c.end)}
    official_keys -= staff_keys
    reasons = [None if key in staff_keys else reason for key, reason in zip(keys, reasons)]

    mentions: list[PersonMention] = []
    for candidate, key, reason in zip(candidates, keys, reasons):
        text = pages[candidate.page - 1]
        if candidate.family:
            kind, reason = "private", _private_reason(text=text, start=candidate.start)
        elif reason:
            kind = "official"
        elif key in official_keys and not _private_role(text=text, candidate=candidate):
            kind, reason = "official", "élu nommé ailleurs dans le document"
        else:
            kind, reason = "private", _private_reason(text=text, start=candidate.start)
        mentions.append(PersonMention(surface=text[candidate.start:candidate.end], page=candidate.page,
                                      start=candidate.start, end=candidate.end, kind=kind, reason=reason,
                                      person_key=key,
                                      confident=kind == "official" or candidate.source not in ("modèle", "particule", "majuscules?", "prénom?")))
        # An elected official's home is private too, where they appear as a party (« A 2038 22/07/2013 PIPAUD Paul
        # 20 rue du Brigandin G 1606 Ravalement »): the name stays, the address is masked.
        listed = _listed_date(text, candidate.start, candidate.end)
        if kind == "private" and listed:
            mentions.append(_data_mention(text=text, page=candidate.page, start=listed.start("date"),
                                          end=listed.end("date"), key=BIRTH_DATE_KEY,
                                          reason="date de naissance d'une personne privée"))
            mentions.extend(_attached_address(text=text, page=candidate.page, end=listed.end(), listed=True))
        elif kind == "private":
            mentions.extend(_attached_address(text=text, page=candidate.page, end=candidate.end))
            mentions.extend(_property_address(text=text, page=candidate.page, start=candidate.start, end=candidate.end))
        elif listed:
            mentions.extend(_attached_address(text=text, page=candidate.page, end=listed.end(), street_only=True))
        elif (_looks_like_row(text, candidate.end) or _private_role(text=text, candidate=candidate)
              or _ADDRESS_BLOCK.match(text, candidate.end) and _line_start(text, candidate.start)):
            mentions.extend(_attached_address(text=text, page=candidate.page, end=candidate.end, street_only=True))
    # « Adresse 949 avenue du Professeur … » in a table of beneficiaries: on a page that names private persons, the
    # address a row label introduces is one of theirs, whatever column their names are in.
    private_pages = {m.page for m in mentions if m.kind == "private" and m.person_key not in _DATA_KEYS}
    for page_number in sorted(private_pages):
        text = pages[page_number - 1]
        for label in _ADDRESS_LABEL.finditer(text):
            mentions.extend(_attached_address(text=text, page=page_number, end=label.end(), street_only=True))
        # « l’exploitation agricole CAUFFET, demeurant Ferme de Palesne - Hameau de Palesne 60350 PIERREFONDS »: where
        # someone lives, whatever its form, up to the postcode.
        for match in _DWELLING.finditer(text):
            if _public_seat(text, match.start()):
                continue
            group = "address" if match.group("address") else "after"
            mentions.append(_data_mention(text=text, page=page_number, start=match.start(group), end=match.end(group),
                                          key=ADDRESS_KEY, reason="adresse d'une personne privée"))
    for page_number, text in enumerate(pages, start=1):
        mentions.extend(_contact_data(text=text, page=page_number))
    mentions.extend(_given_alone_after(mentions=mentions, pages=pages))
    return _mentions_dedupe(mentions)


def _official_words(mentions: Iterable[PersonMention]) -> set[str]:
    """The words of the officials' names (normalised), which no private person's bare name may mask; so is each part
    of a compound one (« PASCAL » of Sophie BONIFACE-PASCAL, printed alone where a table wraps the name at its
    hyphen)."""
    words = {_normalise(word) for mention in mentions if mention.kind == "official"
             for word in _name_words(_civilite_strip(mention.surface))}
    return words | {part for word in words for part in word.split("-") if part}


# How far after a private person's full name their first name alone still speaks of them.
_GIVEN_ALONE_REACH = 600


def _given_alone_after(*, mentions: list[PersonMention], pages: list[str]) -> list[PersonMention]:
    """The first name of a private person printed alone soon after their full name, on the same page (« Emanuele
    Negrosini, salarié montpelliérain … Emanuele envisage de parfaire ses connaissances »): it is still theirs, unless
    an official of the document bears it."""
    official_words = _official_words(mentions)
    found = []
    for mention in mentions:
        if mention.kind != "private" or mention.person_key in _DATA_KEYS or mention.person_key.startswith("FAMILLE "):
            continue
        words = _name_words(_civilite_strip(mention.surface))
        given = [word for word in words if not word.isupper() and len(word) > 2 and given_name_known(word)]
        if len(words) < 2 or len(given) != 1 or _normalise(given[0]) in official_words:
            continue
        text = pages[mention.page - 1]
        reach = min(len(text), mention.end + _GIVEN_ALONE_REACH)
        # « … 1000 € \nDUPONT Antonin, étudiant. » at the foot of a page, « Le projet d'Antonin … » at the top of the
        # next: the reach goes on over the page break.
        spans = [(mention.page, mention.end, reach)]
        if mention.page < len(pages) and mention.end + _GIVEN_ALONE_REACH > len(text):
            spans.append((mention.page + 1, 0, min(len(pages[mention.page]), mention.end + _GIVEN_ALONE_REACH - len(text))))
        alone = re.compile(rf"(?<![\w{_HYPHEN}]){re.escape(given[0])}(?![\w{_HYPHEN}])(?![ \t]*\n?[ \t]*[{_UPPER}])")
        for page_number, start, end in spans:
            page = pages[page_number - 1]
            if page.find(given[0], start, end) == -1:  # the usual case, at no regex's cost
                continue
            for match in alone.finditer(page, start, end):
                before = _WORD_BEFORE.search(page[max(0, match.start() - 40):match.start()].rsplit("\n", 1)[-1])
                # A capitalised word right before may make it another name's (« Marie Anna ROSSI »), not one a
                # comma ends (« … Roumanie Espoir France, Anna se rendra … »).
                if before and ((before.group(1)[:1].isupper() and not before.group(1).endswith((",", ";", ":", ".", ")")))
                               or _CIVILITE_FIRST.match(before.group(1))):
                    continue
                found.append(PersonMention(surface=match.group(0), page=page_number, start=match.start(), end=match.end(),
                                           kind="private", reason="prénom d'une personne privée nommée plus haut",
                                           person_key=mention.person_key, confident=False))
    return found


def review_reasons(*, pages: list[str], mentions: list[PersonMention]) -> list[str]:
    """Why a clerk should read this document's pseudonymisation before it is published (French), if at all."""
    reasons = []
    unsure = sorted({mention.page for mention in mentions if not mention.confident})
    if unsure:
        reasons.append(f"noms reconnus sans civilité ni contexte, masqués par déduction (p. {_pages_list(unsure)})")
    rows = sorted({number for number, text in enumerate(pages, start=1)
                   for line in text.split("\n") if _PERSON_ROW.search(line)})
    if rows:
        reasons.append(f"tableau de personnes (demandeurs, acquéreurs, bénéficiaires) à vérifier ligne à ligne (p. {_pages_list(rows)})")
    return reasons


def _pages_list(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:8])) + ("…" if len(numbers) > 8 else "")


# A table row naming someone after a date: « A 2033 17/06/2013 BRIANCEAU Guy … ».
_PERSON_ROW = re.compile(rf"{_DATE_FIGURES}[ \t]+(?:[{_UPPER}]{{2,}}[ \t]*[{_UPPER}][{_LOWER}]|(?:Consorts|M\.|Mme)[ \t])")


def replacements_build(
    mentions: Iterable[PersonMention], *, pages: list[str] | None = None, titles: Iterable[str] = ()
) -> dict[str, str]:
    """Map each printed form of a private person or of their personal data to its placeholder.

    With the pages, a bare surname is not masked where the document also uses it as a place or a
    company's name (« Commune de CHEMERE », « à Montpellier », « SASU MARCHAND »). An address that a
    délibération's title names (« PVR – 13 bis rue du Brandais ») is the place the council decides
    on, public wherever it is printed: the pseudonymiser masks a text everywhere or nowhere.
    """
    mentions = sorted(mentions, key=lambda mention: (mention.page, mention.start))
    non_person_words = _non_person_words(pages or [])
    common_words = {_normalise(word) for word in _lowercase_words(pages or [])}
    # A title that names a private person (« préemption sur la propriété de Mme X située 13 rue … ») makes
    # public neither the person nor their address.
    private_names = {_fold_spaces(m.surface) for m in mentions if m.kind == "private" and m.person_key not in _DATA_KEYS}
    public_titles = " ".join(
        folded for folded in map(_fold_spaces, titles) if not any(name in folded for name in private_names)
    )
    numbers: dict[str, int] = {}
    replacements: dict[str, str] = {}
    official_words = _official_words(mentions)
    surnames: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind != "private":
            continue
        if mention.person_key == ADDRESS_KEY:
            if public_titles and _fold_spaces(mention.surface) in public_titles:
                continue
            placeholder = ADDRESS_PLACEHOLDER
        elif mention.person_key == EMAIL_KEY:
            placeholder = EMAIL_PLACEHOLDER
        elif mention.person_key == PHONE_KEY:
            placeholder = PHONE_PLACEHOLDER
        elif mention.person_key == BIRTH_DATE_KEY:
            placeholder = BIRTH_DATE_PLACEHOLDER
        else:
            number = numbers.setdefault(mention.person_key, len(numbers) + 1)
            placeholder = PERSON_PLACEHOLDER.format(number=number)
            name = _civilite_strip(mention.surface)
            # « PETIT » alone would mask « Petit patrimoine », and « DEMOUY » alone the mayor Florence DEMOUY when
            # « M. DEMOUY » is another person: such a name is masked with its civilité or given name.
            if (len(name) >= 3 and name != mention.surface and not _surname_in_capitals(name)
                    and not all(_normalise(word) in official_words for word in _name_words(name))):
                replacements.setdefault(name, placeholder)
            words = _name_words(name)
            # The surname is what the name prints in capitals (« PINARD Patrick », « Jean DUPONT »), else its
            # last word: a given name alone (« Patrick ») names nobody and is never masked everywhere.
            upper = [word for word in words if word.isupper() and len(word) > 1]
            for surname in upper or words[-1:]:
                surnames.setdefault(surname, set()).add(placeholder)
        replacements.setdefault(mention.surface, placeholder)
    # The surname alone ("M. Dupont" … later "Dupont a indiqué") when it points to one
    # private person only, is no elected official's name and is not a common word: one the document writes in
    # lowercase, accents aside (« SIGNALETIQUE », the lot a company won, where it writes « signalétique »), is its word.
    for surname, placeholders in surnames.items():
        # « de » is also a particle (« consorts de Brosses »), but it far more often names a place (« Commune de
        # Pierrefonds », « place Charles de Gaulle »): the bare word stays; the name with its particle is masked.
        normalised = _normalise(surname)
        if len(surname) < 4 or normalised in non_person_words or normalised in official_words or normalised in common_words:
            continue
        if surname.lower() in _NOT_NAME_WORDS or surname.lower() in _FUNCTION_WORDS or not surname[0].isupper():
            continue
        # Several private persons of one family (« Eric BEGUIN », « Maxime BEGUIN »): the bare surname is
        # theirs all the same; it takes the number of the first of them.
        replacements.setdefault(surname, min(placeholders, key=lambda placeholder: int(re.sub(r"\D", "", placeholder) or 0)))
    return replacements


def _fold_spaces(text: str) -> str:
    return " ".join(text.split()).casefold()


# A name after a preposition or a definite article is a place's or a body's (« à Montpellier », « l'Hérault », « la
# Paillade », « du Moulin »): French puts no article before a person's name. So is a name after the word for a
# company or a brand, an adjective between them or not (« l’entreprise informatique DELL »), or after a legal form
# other than a one-person company's (« SARL DUPONT », not « SASU MARCHAND Eric »).
_NON_PERSON_BEFORE = re.compile(
    rf"(?:\b(?:de|à|en|sur|{_DEFINITE_ARTICLE}|commune|ville|canton|(?!{ONE_PERSON_FORM}\b){LEGAL_FORM})[ \t]+"
    rf"|\b(?:société|entreprise|marque|enseigne)s?(?:[ \t]+[{_LOWER}]+)?[ \t]+|\b[dl]['’])"
    rf"(?P<word>[{_UPPER}][\w{_HYPHEN}]+)"
)


def _non_person_words(pages: list[str]) -> set[str]:
    """Capitalised words the document prints as a place or a company (« à Montpellier », « SARL DUPONT »),
    `_normalise`d: « HERAULT » in a table is the « Hérault » of « l'Hérault »."""
    words: set[str] = set()
    for text in pages:
        words.update(_normalise(match.group("word")) for match in _NON_PERSON_BEFORE.finditer(text))
    return words


# ---------------------------------------------------------------------------
# Candidates
# ---------------------------------------------------------------------------

# The first word of a name and what follows it (« Président Alain COLAS »): a word that may not belong to it.
_LEADING_WORD = re.compile(r"(?P<word>\S+)[ \t]+(?=\S+(?:[ \t]+|[ \t]*\n[ \t]*)\S)")
# « M. JULIÉ P. et M. JULIÉ J, 58 avenue … »: the initial of a given name after the surname belongs to the name.
_TRAILING_INITIAL = re.compile(rf"[ \t]+[{_UPPER}]\.?(?=[ \t]*(?:[,;\n]|et[ \t]|$))")
# « CHAUTARD CHRISTINE, Syndic copropriété …, 4 rue du Fbg … »: a line that opens with a surname and a given
# name in capitals, then a home address on the same line (a list of beneficiaries, buyers, applicants); or, in a
# table of bidders or of contracts, a postcode and town (« SURGET WILFRID \n(44640 ROUANS) », the name wrapped in its
# cell at times; « 26/11/13 MERLET JEAN-LUC (44680 », after the date of its row, « MAPA 03/13 FAVREAU \nDIDIER\n44320 »
# after its procedure and month, « 7 ROGER LOUERAT (44320 » after its lot's number; « LOUERAT \nROGER \n44320 », the
# postcode in a column of its own; « LETORT RENE \nET BERNARD \n44115 », two brothers' trade).
_CAPITALS_NAME_LINE = re.compile(
    rf"^[ \t]*(?:(?:[{_UPPER}]{{2,6}}[ \t]+)?(?:{_DATE_FIGURES}|{_MONTH_FIGURES})[ \t]+|\d{{1,3}}[ \t]+)?(?P<name>[{_UPPER}]{{2,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?(?:[ \t]+|[ \t]*\n[ \t]*)"
    rf"(?P<given>[{_UPPER}]{{2,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?))"
    rf"(?:[ \t]*\n?[ \t]*ET[ \t]+[{_UPPER}]{{2,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?)?"
    rf"(?:[ \t]*,(?=[^\n]*?\d{{1,4}}[ \t]*(?:bis|ter)?[ \t,]*(?i:{_STREET})(?!\w))|(?=[ \t]*\n?[ \t]*\(?\d{{5}}\s))",
    re.MULTILINE,
)
# « … 984.00 04/09/2015 280| FONCT \nMaurin Bernard »: capitals after a column rule (a scan reads it « | » or « ] »)
# close a table's row (a code, a section), they are no surname wrapped onto the next line.
_CELL_BEFORE = re.compile(r"[|\]][ \t]*$")
_WRAPPED_GIVEN = re.compile(rf"[ \t]*\n[ \t]*(?P<given>[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?)(?![\w{_HYPHEN}]|[ \t]+[{_UPPER}])")


def _page_candidates(*, page_number: int, text: str, lowercase_words: set[str],
                     non_person_words: set[str]) -> list[_Candidate]:
    candidates = []
    for match in _FAMILY.finditer(text):
        name = _name_trim(match.group("name"))
        # « la famille MRP », « la famille PS »: a word in capitals without a vowel is a party's or a body's
        # initials, not a household's surname.
        if name.isupper() and not _vowels(name):
            continue
        # « 10 enfants \nDispositif … », « Composition de la famille \nRessources Mensuelles »: a name without a
        # word in capitals that opens with a word the document writes in lowercase is no household's surname (« la
        # famille du Recteur RICHARD » is); nor is one on the next line, a table's header below the cell it ends
        # (« Composition \nde la famille \nRessources du Quotient Familial CAF »).
        between = text[match.end("civ"):match.start("name")]
        if (name and (not re.search(rf"[{_UPPER}]{{2}}", name) or "\n" in between)
                and _is_common(name.split()[0], lowercase_words)):
            continue
        # « 2 enfants BOCHENKO » is a household; « 30 enfants de Pierrefonds » are children of a place.
        if match.group("civ").endswith("enfants") and between.strip():
            continue
        if name and not name_in_place(text, match.start()):
            candidates.append(_Candidate(page_number, match.start(), match.start("name") + len(name),
                                         match.start("name"), match.group("civ"), name, True, "famille"))
            # A second household the same word counts (`_AND_HOUSEHOLD`).
            second = _AND_HOUSEHOLD.match(text, match.start("name") + len(name))
            if second and _vowels(second.group("name")) >= 2:
                candidates.append(_Candidate(page_number, second.start("name"), second.end("name"), second.start("name"),
                                             match.group("civ"), second.group("name"), True, "famille"))
    for match in _PROPERTY_OWNER.finditer(text):
        name = match.group("name")
        # An acronym (« propriété SNCF », « EDF ») is a body: a surname has two vowels at least.
        if _vowels(name) >= 2 and not name_in_place(text, match.start()):
            candidates.append(_Candidate(page_number, match.start("name"), match.end("name"), match.start("name"),
                                         "propriété", name, True, "famille"))
    for match in _PROPERTY_OWNERS_TITLE.finditer(text):
        owners = [group for group in ("name", "second") if match.group(group)]
        # « Propriété Communale »: a word the document writes in lowercase is no surname; « propriété Nexity » where
        # it prints « la société Nexity », a company's name.
        if (any(_is_common(match.group(group), lowercase_words) or _normalise(match.group(group)) in non_person_words
                for group in owners) or name_in_place(text, match.start())):
            continue
        for group in owners:
            candidates.append(_Candidate(page_number, match.start(group), match.end(group), match.start(group),
                                         "propriété", match.group(group), True, "famille"))
    parties = [*_ADVERSE_PARTY.finditer(text), *(m for m in _ROLE_PARTY.finditer(text) if len(_name_words(m.group("name"))) > 1)]
    for match in parties:
        name = match.group("name")
        words = _name_words(name)
        # « c/ Commune de Pierrefonds », « c/ SARL HEELCAR », « c/ Epoux BEDOS », « c/ GDF »: a body, a household
        # named otherwise, an acronym.
        if (any(word.lower() in _NOT_NAME_WORDS or _FAMILY.match(word) for word in words) or _LEGAL_FORM.search(name)
                or not all(_vowels(word) for word in words if word.isupper()) or name_in_place(text, match.start("name"))):
            continue
        candidates.append(_Candidate(page_number, match.start("name"), match.end("name"), match.start("name"),
                                     "partie", name, True, "famille"))
    for match in _CIVILITE_NAME.finditer(text):
        name = _name_trim(match.group("name"))
        # A street may bear a civilité (« avenue Madame de Sévigné », « avenue du \nDocteur Pezet »); a line that
        # starts with one after a line that ends with « Parc » or « rue » starts with a person, and so does a civilité
        # after a bare « de »: « la maison de Madame … » is her house.
        owned = _OWNED.search(text[max(0, match.start() - 8):match.start()])
        if not name or (name_in_place(text, match.start(), same_line=True) and not owned):
            continue
        words = _name_words(name)
        if len(words) == 1 and words[0].lower() in lowercase_words and not words[0].isupper():
            # "Madame Fortune" is a name, but "M. Martin" as well: only refuse the single
            # words the document itself uses in lowercase and that are not names there.
            if words[0].lower() in _NOT_NAME_WORDS:
                continue
        end = match.start("name") + len(name)
        # « Mme Moreau \nCindy »: a surname that ends its line, and a first name that starts the next.
        wrapped = _WRAPPED_GIVEN.match(text, end)
        if (len(words) == 1 and not words[0].isupper() and wrapped and len(wrapped.group("given")) > 2 and given_name_known(wrapped.group("given"))
                and wrapped.group("given").lower() not in _NOT_NAME_WORDS | _FUNCTION_WORDS):
            end = wrapped.end()
            name = text[match.start("name"):end]
        initial = _TRAILING_INITIAL.match(text, end)
        if initial and words[-1].isupper():
            end = initial.end()
            name = text[match.start("name"):end]
        candidates.append(_Candidate(page_number, match.start(), end,
                                     match.start("name"), match.group("civ"), name, False, "civilité"))
    for match in _CIVILITE_PARTICLE_NAME.finditer(text):
        # … unless the word after the particle is an office, an institution or a word the document writes in lowercase
        # (« Madame la Présidente », « Monsieur le Premier adjoint »); « Maître d'Oeuvre », « Maître d'Ouvrage » are
        # parts a company plays.
        surname = match.group("surname")
        if (_is_common(surname, lowercase_words) or surname.lower() in _FUNCTION_WORDS
                or re.match(r"(?:Ma[iî]tre|Me|Docteur|Dr)\b", match.group("civ"))
                or (name_in_place(text, match.start(), same_line=True)
                    and not _OWNED.search(text[max(0, match.start() - 8):match.start()]))):
            continue
        candidates.append(_Candidate(page_number, match.start(), match.end("name"), match.start("name"),
                                     match.group("civ"), match.group("name"), False, "civilité"))
    for match in _CAPITALS_NAME_LINE.finditer(text):
        first_word = match.group("name").split()[0]
        # « CT CAM (72190 »: a word without a vowel is an abbreviation, not a surname. A surname that is a first name
        # too (« BRUN RODOLPHE 44640 ») is read either way: two first names make a person's name. Printed first name
        # first (« ROGER LOUERAT (44320 »), the second word is a surname only where it is no word of the language: a
        # company is named so too (« MAC MOBILIER (35190 », « EDEN COM (49360 »).
        given_first = given_name_known(first_word) and not _in_vocabulary(match.group("given"))
        if ((given_name_known(match.group("given")) or given_first) and _vowels(first_word)
                and not re.fullmatch(_PARTICLE, first_word.lower()) and not name_in_place(text, match.start("name"))):
            candidates.append(_Candidate(page_number, match.start("name"), match.end("name"), match.start("name"), "",
                                         match.group("name"), False, "majuscules"))
    for pattern in (_GIVEN_UPPER, _UPPER_GIVEN, _UPPER_GIVEN_GLUED, _UPPER_GIVEN_GLUED_AFTER):
        for match in pattern.finditer(text):
            start = match.start("name")
            # « … 11 rue du Parc \nCHEMERE \nDUJARDIN Bernard Retraité 27/07/46 »: in a list of persons the name starts
            # on the line of its date; the line above ends the previous person's address.
            wrapped = text.rfind("\n", start, match.end("name"))
            line = _LINE_OPENS_CAPITALS.match(text, wrapped + 1) if wrapped != -1 else None
            if line and (_listed_date(text, line.end(), match.end("name"))
                         or (pattern is _UPPER_GIVEN and _column_code(text[start:wrapped]))):
                start = line.end()
            row = _in_row(text, start) or _listed_date(text, start, match.end("name")) is not None
            if pattern in (_UPPER_GIVEN_GLUED, _UPPER_GIVEN_GLUED_AFTER) and not row:
                continue
            # « Représentée par son Président Alain COLAS »: a common word before a first name and a surname is not
            # part of the name.
            lead = _LEADING_WORD.match(text, start, match.end("name")) if pattern is _GIVEN_UPPER else None
            if lead and _is_common(lead.group("word"), lowercase_words):
                start = lead.end()
            # In a row of applicants the surname comes first whatever it is (« SAINT Gustave »).
            name = text[start:match.end("name")]
            name = name.rstrip() if row and pattern is not _GIVEN_UPPER else _name_trim(name)
            if not name or (name_in_place(text, start) and not _row_below(text, start)):
                continue
            words = _name_words(name)
            if pattern is _UPPER_GIVEN_GLUED:
                words = _glued_words(name)
            given = [word for word in words if not word.isupper()]
            upper = [word for word in words if word.isupper()]
            if not given or not upper or any(_is_common(word, lowercase_words) for word in given):
                continue
            # « UOU Je », « DEEE Te » in a scan's noise: a first name of two letters is a pronoun as often as a name.
            if any(len(word) < 3 for word in given):
                continue
            # « HT Taux », « Collecte EP »: two capitals are an abbreviation, not a surname.
            if sum(len(word) for word in upper) < 3:
                continue
            # « projet \nANRU Mosson »: out of a row, a surname in capitals after which no first name of the
            # dictionary follows is an acronym's, whatever the dictionary says of the capitals.
            if pattern is _UPPER_GIVEN and not row and not any(given_name_known(word) for word in given):
                continue
            # « LCD Gautier Eric », « SCP Martin »: a word in capitals without a vowel is an abbreviation, not a
            # surname; the known first names after it are still a person's (« Rois CDF »: before it, they are not).
            if not any(_vowels(word) for word in upper):
                if pattern is _GIVEN_UPPER or not all(given_name_known(word) for word in given):
                    continue
                first = name.index(given[0])
                start, name = start + first, name[first:]
            # « PETIT Isabelle »: a word that is a surname too (`_SURNAMES_TOO`) is one beside a known first name.
            surname_too = any(_surname_in_capitals(word) for word in upper) and any(given_name_known(word) for word in given)
            # « Myriam LE PAGE »: so is a word that a particle in capitals opens.
            surname_too = surname_too or (re.fullmatch(_PARTICLE, upper[0].lower()) is not None and len(upper) > 1
                                          and re.fullmatch(_PARTICLE, upper[-1].lower()) is None)
            if not row and not surname_too and all(word.lower() in _NOT_NAME_WORDS or len(word) < 2 for word in upper):
                continue
            # « Michaël DELAFOSSE \nPhilippe SAUREL », « Société BACOTEC \nPhilippe SAUREL : »: a first name that opens a
            # line with a surname after it is that next person's, not the end of the line above.
            # « Bénéficiaire Tonnage \nBRIAND Hervé 100 T », « Ventilation \nGUIHOT Jean-Michel »: so are capitals that
            # open a line with a first name after them: that line's surname, not the end of a name on the line above.
            # « JACQUIN Alexandre – \nDIARD Malika \nCHEMERE »: nor is a first name that closes its line after a
            # surname in capitals (not a legal form: « SASU Eric \nMARCHAND »): it is that surname's, the capitals
            # below are the next column.
            # « CREATEF \nGeorges Nounou 2 500 € »: out of a row of persons, nor are capitals that close a line above a
            # first name and a name in title case (not a second first name, « DUPONT \nJean Pierre », nor a common word,
            # « TROUSSE \nCharlène Bail commercial »), that line's pair.
            if "\n" in name:
                after = _SECOND_GIVEN.match(text, start + len(name))
                if (re.match(rf"[ \t]+[{_UPPER}]{{2,}}", text[start + len(name):])
                        or _CELL_BEFORE.search(text, text.rfind("\n", 0, start) + 1, start)
                        or (pattern is _UPPER_GIVEN and not row and after and not given_name_known(after.group("given"))
                            and not _is_common(after.group("given"), lowercase_words))
                        or (pattern is _GIVEN_UPPER
                            and ((after and given_name_known(after.group("given"))) or _surname_before(text, start)))):
                    continue
            # « TARIFS ACTUELS DE LOCATION DES SALLES \nCat… »: a heading in capitals above a line, not a surname
            # (a surname runs to two words besides its particles: « DE LA TOUR », « LE MAIGNAN DE KERANGAT »;
            # « DROIT DE PREEMPTION URBAIN \nAnnée » is a heading).
            if not row and len([word for word in upper if not re.fullmatch(_PARTICLE, word.lower())]) > 2:
                continue
            end = start + len(name)
            # « ALLAIN Marie Gabrielle »: a second first name after the first one.
            second = _SECOND_GIVEN.match(text, end)
            if (pattern is not _GIVEN_UPPER and second and given_name_known(second.group("given"))
                    and len(second.group("given")) > 2 and not re.fullmatch(_PARTICLE, second.group("given").lower())
                    and second.group("given").lower() not in _FUNCTION_WORDS | _NOT_NAME_WORDS):
                end = second.end()
                name = text[start:end]
            # In a row of applicants, the name column is a person's whether or not its first name is in the dictionary
            # (« COUTURIER Celdric »).
            candidates.append(_Candidate(page_number, start, end, start, "", name, False,
                                         "rangée" if row else "majuscules?"))
    # « Anne Le Nen », « Jacques Le Rider »: a first name, then a capitalised particle and a name, is a surname with
    # its particle, whatever the model says (unless the document prints that particle and name alone: see
    # `_printed_alone`). « La » opens a lieu-dit far more often than a surname (« Sylvain La Vinçonnière »).
    for match in _GIVEN_PARTICLE_NAME.finditer(text):
        first, last = match.group("given"), match.group("last")
        if (given_name_known(first) and not _is_common(first, lowercase_words)
                and not _is_common(last, lowercase_words) and not name_in_place(text, match.start())):
            candidates.append(_Candidate(page_number, match.start(), match.end(), match.start(), "", match.group(0),
                                         False, "particule"))
    # A first name in use where French is spoken, in capitals, before a surname in capitals: neither of them a word of
    # the document (nor the surname one of the language), nor a place's name; not a first name twice (« JEAN PIERRE »,
    # a compound first name).
    for match in _CAPITALS_PAIR.finditer(text):
        given, surname = match.group("given").title(), match.group("surname").title()
        if (given_name_francophone(given) and not given_name_known(surname) and _vowels(surname) > 0
                and not _is_common(given, lowercase_words) and not _is_common(surname, lowercase_words)
                and not _in_vocabulary(surname.lower())
                and not name_in_place(text, match.start())):
            candidates.append(_Candidate(page_number, match.start(), match.end(), match.start(), "", match.group(0),
                                         False, "majuscules?"))
    # « A 2073 05/11/2009 QUELLEUX régine 13 bis rue de Pornic »: in a row of applicants, a surname in capitals
    # keeps its first name printed in lowercase.
    for match in _UPPER_LOWER_GIVEN.finditer(text):
        given = match.group("given")
        if (_in_row(text, match.start()) and given_name_known(given)
                and given not in _FUNCTION_WORDS | _NOT_NAME_WORDS):
            candidates.append(_Candidate(page_number, match.start(), match.end(), match.start(), "", match.group(0),
                                         False, "rangée"))
    # « Nathan Vigne, en recherche d’emploi », « Lambert Paris, étudiant »: a first name and a name in title case
    # that a status of person follows, whatever the surname is besides (a word, a town).
    for match in _NAME_THEN_STATUS.finditer(text):
        # The status says a person whatever the dictionary says of the first name (« Lorélia Somprou, étudiante »).
        if not name_in_place(text, match.start()):
            candidates.append(_Candidate(page_number, match.start(), match.end("name"), match.start(), "",
                                         match.group("name"), False, "statut"))
    for match in _NAME_THEN_AMOUNT.finditer(text):
        given, surname = match.group("given"), match.group("surname")
        # After a first name of the dictionary the surname may be a word too (« Laurent Montagne 2 500 € »); a name said
        # twice is a band's (« Dedalus Dedalus 1 000 € », « Marvin Marvin 2 000 € »).
        initials = given.endswith(".") and not _is_common(surname, lowercase_words)
        first_name = given_name_known(given) and not _is_common(given, lowercase_words)
        if (initials or first_name) and surname != given and not name_in_place(text, match.start()):
            candidates.append(_Candidate(page_number, match.start(), match.end("name"), match.start(), "",
                                         match.group("name"), False, "rangée"))
    for match in _GIVEN_RUN.finditer(text):
        items = list(re.finditer(_CAPITALISED_WORD, match.group(0)))
        known = sum(given_name_known(item.group(0)) for item in items)
        if (len(items) >= GIVEN_RUN_MIN and known * 5 >= len(items) * 4
                and not any(_is_common(item.group(0), lowercase_words) for item in items)):
            candidates.extend(_Candidate(page_number, match.start() + item.start(), match.start() + item.end(),
                                         match.start() + item.start(), "", item.group(0), False, "prénom?")
                              for item in items)
    candidates.extend(_table_line_names(page_number=page_number, text=text))
    candidates.extend(_companions(page_number=page_number, text=text, found=candidates, lowercase_words=lowercase_words))
    candidates.extend(_list_siblings(page_number=page_number, text=text, found=candidates))
    return candidates


_GIVEN_PARTICLE_NAME = re.compile(
    rf"(?<![\w{_HYPHEN}])(?P<given>{_CAPITALISED_WORD})[ \t]+"
    rf"(?P<particle>(?=[{_UPPER}])(?!La\b)(?i:{_PARTICLE}))[ \t]+(?P<last>[{_UPPER}][{_LOWER}]+)(?![\w{_HYPHEN}])"
)
_UPPER_LOWER_GIVEN = re.compile(
    rf"(?<![\w{_HYPHEN}]){_UPPER_WORD}[ \t]+(?P<given>[{_LOWER}]{{3,}}(?:[{_HYPHEN}][{_LOWER}]{{3,}})?)(?![\w{_HYPHEN}])"
)
_NAME_TOKEN = re.compile(rf"[{_UPPER}][{_LOWER}]+(?:[{_HYPHEN}][{_UPPER}][{_LOWER}]+)*|[{_UPPER}]{{2,}}(?:[{_HYPHEN}/'][{_UPPER}]{{2,}})*")


def _table_line_names(*, page_number: int, text: str) -> list[_Candidate]:
    """The names of a line made of names only, in columns (« Bernard ROBERT Dolorès HUDO »): each first name with
    the capitals that follow it (or, a line that starts in capitals, each surname with the first names after it).

    Cut one by one, a pattern pairs « ROBERT Dolorès » across the columns and leaves « HUDO » in clear.
    """
    found = []
    # A colon closes a cell (« Alain GUILBAUD Georges LECLEVE : », a signature's blank after it): each part of a
    # line between colons is read alone.
    for line in re.finditer(r"[^\n:]+", text):
        tokens = list(re.finditer(r"\S+", line.group(0)))
        if len(tokens) < 4 or not all(_NAME_TOKEN.fullmatch(token.group(0)) for token in tokens):
            continue
        upper = [token.group(0).isupper() for token in tokens]
        # Groups: a run of one case followed by a run of the other, the line's first case leading each group.
        groups, start = [], 0
        for index in range(1, len(tokens) + 1):
            if index == len(tokens) or (upper[index] == upper[0] and upper[index - 1] != upper[0]):
                groups.append(tokens[start:index])
                start = index
        if len(groups) < 2 or any(len({t.group(0).isupper() for t in group}) != 2 for group in groups):
            continue
        if not all(any(given_name_known(t.group(0)) for t in group if not t.group(0).isupper()) for group in groups):
            continue
        for group in groups:
            begin, end = line.start() + group[0].start(), line.start() + group[-1].end()
            found.append(_Candidate(page_number, begin, end, begin, "", text[begin:end], False, "tableau"))
    return found


def _in_row(text: str, start: int) -> bool:
    """Whether a name opens the personal column of a table row (« A 2033 17/06/2013 BRIANCEAU Guy … »), or names
    within it the manager of the company that applies (« A 2007 25/02/2014 SCI 2SL (BASSIN Laëtita) »)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if _ROW_DATE_BEFORE.search(before):
        return True
    company = _ROW_COMPANY_BEFORE.search(before)
    return bool(company and _LEGAL_FORM.search(company.group("company")))


_ROW_COMPANY_BEFORE = re.compile(rf"{_DATE_FIGURES}[ \t]+(?P<company>[^()\n]{{2,40}}?)[ \t]*\([ \t]*$")


# A list of persons (taxpayers proposed for the commission des impôts directs, jurors drawn from the electoral roll,
# the council's own table) prints one person a line: the name opens it, a date of birth follows after at most a
# profession (« GUILBAUD Gérard Agriculteur 29/11/58 La Grange CHEMERE »), then, for a private person, the home.
_LISTED_DATE = re.compile(
    rf"(?:[ \t]+|(?=[{_UPPER}]))(?:[{_UPPER}{_LOWER}{_APOS}{_HYPHEN}][{_UPPER}{_LOWER}{_APOS}{_HYPHEN} \t]{{0,44}}[ \t]+)?"
    rf"(?P<date>{_DATE_FIGURES})(?![\d/])"
)


# The blanks that open a line whose first word is in capitals (a surname).
_LINE_OPENS_CAPITALS = re.compile(rf"[ \t]*(?=[{_UPPER}]{{2}})")


def _listed_date(text: str, start: int, end: int) -> re.Match | None:
    """The date of birth after a name that opens its line in a list of persons (see `_LISTED_DATE`), or None."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return None
    return _LISTED_DATE.match(text, end)


def _and_given(after: str) -> re.Match[str] | None:
    """The household's second first name printed after a name (`_AND_GIVEN`), if any."""
    match = _AND_GIVEN.match(after)
    return match if match and (not match.group("capitals") or given_name_known(match.group("given"))) else None


def _companions(*, page_number: int, text: str, found: list[_Candidate], lowercase_words: set[str]) -> list[_Candidate]:
    """Names printed with a name already found: the second first name of a household, a name after « née »."""
    more = []
    for candidate in found:
        after = text[candidate.end:candidate.end + 80]
        match = _and_given(after)
        if match and not _is_common(match.group("given"), lowercase_words) and candidate.source != "famille":
            start = candidate.end + match.start("given")
            # In a row of applicants the household is sure enough to need no dictionary (« Madame X et Kéolis » is not).
            sure = _in_row(text, candidate.start)
            more.append(_Candidate(page_number, start, start + len(match.group("given")), start, "",
                                   match.group("given"), False, "compagnon" if sure else "majuscules"))
        # « M. ou Mme Jean-Claude DREVON et RAHMANI Kheira », « CHANDELIER David et \nROUSSEAU Gaëlle »: a second
        # person, surname first, named with the first.
        match = _AND_SURNAME_GIVEN.match(after)
        if match and match.group("lowercase") and not (_in_row(text, candidate.start)
                                                       and given_name_known(match.group("lowercase"))):
            match = None
        if (match and candidate.source != "famille" and (candidate.civilite or _in_row(text, candidate.start))
                and not any(_is_common(word, lowercase_words) or word.lower() in _NOT_NAME_WORDS
                            for word in match.group("name").split() if word != match.group("lowercase"))):
            start = candidate.end + match.start("name")
            more.append(_Candidate(page_number, start, start + len(match.group("name")), start, "",
                                   match.group("name"), False, "compagnon"))
        # « Mesdames LEMONNIER et ZIANI »: a plural civilité names two persons.
        match = _AND_SURNAME.match(after)
        if match and re.fullmatch(r"(?:Mesdames|Messieurs|MM\.?|Mmes|MMES)", candidate.civilite.strip()):
            start = candidate.end + match.start("name")
            more.append(_Candidate(page_number, start, start + len(match.group("name")), start, candidate.civilite,
                                   match.group("name"), False, "civilité"))
        # « Daniel TRENTE (sic) / \nTRENTI »: the same person's name as corrected after a slash.
        match = _SPELT_AGAIN.match(after)
        if match and candidate.source != "famille":
            start = candidate.end + match.start("name")
            more.append(_Candidate(page_number, start, start + len(match.group("name")), start, "",
                                   match.group("name"), False, "compagnon"))
        match = _BORN_NAME.match(after)
        if match:
            name = _name_trim(match.group("name")) or match.group("name")
            start = candidate.end + match.start("name")
            # A birth or former name is a private person's: never an official's mandate.
            more.append(_Candidate(page_number, start, start + len(name), start, "née", name, True, "naissance"))
    return more


# A first name and a name, then a comma and a status only a person has (see `_page_candidates`); a surname in capitals
# before them is theirs (« SOW El Hadji, étudiant », a table that prints its rows surname first).
_NAME_THEN_STATUS = re.compile(
    rf"(?<![\w{_HYPHEN}])(?P<name>(?:[{_UPPER}]{{2,}}(?:{_HYPHEN}[{_UPPER}]{{2,}})?[ \t]+)?(?P<given>{_TITLE_WORD})[ \t]+"
    rf"(?:(?i:{_PARTICLE})[ \t]+)?{_TITLE_WORD})[ \t]*,[ \t]*"
    r"(?i:étudiante?|lycéen(?:ne)?|salariée?|en recherche d['’]emploi|demandeu(?:r|se) d['’]emploi|retraitée?"
    r"|apprentie?|stagiaire)\b"
)

# « Création Spectacle Cinémusiques Roberto Tricarri 2 000 € », « Estampe J.C. Sirven 2 500 € »: in a table of grants,
# a first name (or its initials) and a name right before the amount that closes the row name the beneficiary.
_NAME_THEN_AMOUNT = re.compile(
    rf"(?<![\w{_HYPHEN}.])(?P<name>(?P<given>{_TITLE_WORD}|{_INITIAL}(?:[ \t]?{_INITIAL})*)[ \t]+(?P<surname>{_TITLE_WORD}))"
    r"[ \t]+\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:,\d{2})?[ \t]*€[ \t]*$",
    re.MULTILINE,
)

# « … ces 14 résidents étrangers : Adama, Maïram, Renate, Balla, … Michael et Sotirios »: a run of first names alone,
# the members of a group named that way (five at least, four in five of them first names of the dictionary).
GIVEN_RUN_MIN = 5
_GIVEN_RUN = re.compile(
    rf"(?<![\w{_HYPHEN}]){_CAPITALISED_WORD}(?:[ \t]*,[ \t]*\n?[ \t]*{_CAPITALISED_WORD})+"
    rf"(?:[ \t]*\n?[ \t]*et[ \t]+{_CAPITALISED_WORD})?"
    rf"(?![\w{_HYPHEN}])(?![ \t]*\n?[ \t]*[{_UPPER}])"
)

# One item of a list of persons printed surname first (« DURAND Lorena », « MANTEAU \nOpaline »).
_SURNAME_FIRST_ITEM = re.compile(
    rf"[{_UPPER}]{{2,}}(?:[{_HYPHEN}' ][{_UPPER}]{{2,}})?(?:[ \t]+|[ \t]*\n[ \t]*){_TITLE_WORD}(?![\w{_HYPHEN}])"
)
# Names already found that make a list: at least this many, each within LIST_GAP_MAX characters of the next.
LIST_ANCHORS_MIN = 3
LIST_GAP_MAX = 150


def _list_item(text: str, start: int) -> bool:
    """Whether a name opens an item of a list: a line (the page's first too), or what follows a comma."""
    before = text[max(0, start - 80):start]
    return (before.rstrip(" \t").endswith("\n") or before.rstrip(" \t\n").endswith(",")
            or (start <= 80 and not before.strip()))


def _list_siblings(*, page_number: int, text: str, found: list[_Candidate]) -> list[_Candidate]:
    """« Titulaires \nCHOUTEAU Calista CM2 AE \nDERYCKERE Charly CM1 AE … », « AMIEUX Louis, AUGEREAU Margot, AVRIL
    Ludovic, … »: in a list of persons printed surname first, an item of the same shape between names already found
    with a known first name is a person's too, whether or not the dictionary knows its first name (« Maylis ») or the
    surname is also a word (« JONQUILLE », « AVRIL »)."""
    anchors = sorted((c for c in found if c.page == page_number and not c.civilite and not c.family
                      and _SURNAME_FIRST_ITEM.fullmatch(c.name) and given_name_known(c.name.split()[-1])
                      and _list_item(text, c.start)), key=lambda c: c.start)
    taken = {(c.start, c.end) for c in found if c.page == page_number}
    more: list[_Candidate] = []
    run: list[_Candidate] = []
    for anchor in [*anchors, None]:
        if run and (anchor is None or anchor.start - run[-1].end > LIST_GAP_MAX):
            if len(run) >= LIST_ANCHORS_MIN:
                for match in _SURNAME_FIRST_ITEM.finditer(text, run[0].end, run[-1].start):
                    if (match.start(), match.end()) not in taken and _list_item(text, match.start()):
                        more.append(_Candidate(page_number, match.start(), match.end(), match.start(), "", match.group(0),
                                               False, "compagnon"))
            run = []
        if anchor is not None:
            run.append(anchor)
    return more


def _spans_by_page(candidates: list[_Candidate]) -> dict[int, list[tuple[int, int]]]:
    """Where the candidates already found stand, page by page."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for candidate in candidates:
        covered.setdefault(candidate.page, []).append((candidate.start, candidate.end))
    return covered


def _model_candidates(*, pages: list[str], taken: list[_Candidate], lowercase_words: set[str],
                      official_identities: list[_Identity]) -> list[_Candidate]:
    """Mixed-case names without civilité ("Hélène Mandroux"), confirmed by the spaCy model.

    A pair whose surname the document prints elsewhere as a person's, or that names an official of the
    séance's list, needs no model to be a person.
    """
    covered = _spans_by_page(taken)
    # The model reads a short window around each capitalised pair, not whole pages: a
    # name's entity type depends on a few words around it, and this keeps the step fast.
    pairs: list[tuple[int, int, str, str, int]] = []  # page, window start, window, pair as printed, its start
    seen_windows: set[tuple[int, int]] = set()
    candidates: list[_Candidate] = []
    # Surnames the document already prints with a civilité or in capitals (« M. MANDROUX »).
    known_surnames = {identity.surname for identity in map(_identity_parse, (c.name for c in taken if not c.family))
                      if identity.surname}
    for page_number, text in enumerate(pages, start=1):
        spans = covered.get(page_number, [])
        for match in _TITLE_PAIR.finditer(text):
            first, second = match.group(1), match.group(2)
            # A first name that is a word too (« Pierre Tourre » where the document writes « pierre »): the model
            # reads it.
            if ((_is_common(first, lowercase_words) and not given_name_known(first))
                    or _is_common(second, lowercase_words)):
                continue
            start = match.start()
            if any(s <= start < e for s, e in spans) or name_in_place(text, start):
                continue
            # Across a line break, only in prose: the line of the first name runs on before it (cells of a table,
            # « Bride à \nMains \nLes Buis », break at every few words).
            if "\n" in match.group(0) and len(text[text.rfind("\n", 0, start) + 1:start].split()) < 4:
                continue
            identity = _identity_parse(match.group(0))
            if identity.surname in known_surnames or any(
                _identity_match(identity, official) for official in official_identities
            ):
                candidates.append(_pair_candidate(page_number, start, match.group(0)))
                continue
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", match.end())
            line_end = len(text) if line_end < 0 else line_end
            window_start = max(line_start, start - _MODEL_CONTEXT)
            window_end = min(line_end, match.end() + _MODEL_CONTEXT)
            if (page_number, window_start) not in seen_windows:
                seen_windows.add((page_number, window_start))
                # The model reads a name the line breaks as one line (the same length: offsets hold).
                pairs.append((page_number, window_start, text[window_start:window_end].replace("\n", " "),
                              match.group(0), start))
    # A name printed many times (a speaker, a rapporteur) is read once: once the model finds
    # that very pair to be a person, its other occurrences are taken without reading them.
    first_seen: dict[str, tuple[int, int, str, str, int]] = {}
    for pair in pairs:
        first_seen.setdefault(pair[3], pair)
    persons: set[str] = set()
    for (_, _, _, printed, _), found in zip(
        first_seen.values(), _model_names(pages=pages, windows=list(first_seen.values()), lowercase_words=lowercase_words)
    ):
        candidates.extend(found)
        if any(candidate.name == printed for candidate in found):
            persons.add(printed)
    unread = []
    for pair in pairs:
        page_number, _, _, printed, start = pair
        if first_seen[printed] is pair:
            continue
        if printed in persons:
            candidates.append(_pair_candidate(page_number, start, printed))
        else:
            unread.append(pair)
    for found in _model_names(pages=pages, windows=unread, lowercase_words=lowercase_words):
        candidates.extend(found)
    # « Rencontres Littéraires de Montpellier Mille et une… »: a word the document prints as a town (« à
    # Montpellier », « Ville de Montpellier ») and that is no first name does not open a person's name.
    towns = _town_words(pages)
    candidates = [c for c in candidates if not (c.name.split()[0] in towns and not given_name_known(c.name.split()[0]))]
    owned: dict[tuple[str, str], bool] = {}  # a name printed many times is counted once
    return [_particle_surname(candidate, pages, owned) for candidate in candidates]


_SURNAME_PARTICLE = r"[ \t]+(?:de|du|d['’])[ \t]*\n?[ \t]*"
_PARTICLE_SURNAME_AFTER = re.compile(rf"{_SURNAME_PARTICLE}(?P<word>{_TITLE_WORD})(?![\w{_HYPHEN}])")


def _particle_surname(candidate: _Candidate, pages: list[str], owned: dict[tuple[str, str], bool]) -> _Candidate:
    """« Lucile Chombart de Lauwe »: a first name and a name the model read, then a particle and a word in title case
    that the document never prints but in that name (not « Paul Martin de Nantes », where « à Nantes » is printed
    too): the rest of the surname. `owned` keeps the answer for each (name, word) of the document."""
    text = pages[candidate.page - 1]
    words = _name_words(candidate.name)
    match = _PARTICLE_SURNAME_AFTER.match(text, candidate.end)
    if len(words) != 2 or not match:
        return candidate
    key = (words[-1], match.group("word"))
    if key not in owned:
        word = re.escape(key[1])
        anywhere = sum(len(re.findall(rf"(?<![\w{_HYPHEN}]){word}(?![\w{_HYPHEN}])", page)) for page in pages)
        in_name = sum(len(re.findall(rf"(?<![\w{_HYPHEN}]){re.escape(key[0])}{_SURNAME_PARTICLE}{word}(?![\w{_HYPHEN}])", page))
                      for page in pages)
        owned[key] = anywhere == in_name
    return replace(candidate, end=match.end(), name=text[candidate.start:match.end()]) if owned[key] else candidate


_TOWN_BEFORE = re.compile(rf"(?:\bà|\b[Vv]ille d[e']|\b[Cc]ommune d[e']|\b[Cc]ommunauté d[e'][^\n]{{0,30}}?)[ \t]*(?P<word>[{_UPPER}][\w{_HYPHEN}]+)")


# Minutes that name their members by first name alone (« Présents : Jean-Pierre (Pr*), Anne-Marie, Nelly … ») name
# everyone so: at least this many members named that way.
LONE_GIVEN_MEMBERS_MIN = 3
_LONE_GIVEN = re.compile(
    rf"(?<![\w{_HYPHEN}'’.])[{_UPPER}][{_LOWER}]{{2,}}(?:[{_HYPHEN}][{_UPPER}][{_LOWER}]+)?(?![\w{_HYPHEN}'’])"
)
# An article before a capitalised word makes it a place's or a thing's name (« Dampvalley les Colombe »).
_ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "du", "des", "au", "aux"})
_WORD_BEFORE = re.compile(r"(\S+)[ \t]*\Z")
_WORD_AFTER = re.compile(r"\A[ \t]*(\S+)")


def _lone_given_names(*, pages: list[str], officials: list[str], taken: list[_Candidate],
                      lowercase_words: set[str]) -> list[_Candidate]:
    """First names alone that are no member's, in minutes that name their members by first name alone: the others
    they name so are private persons (« Comme Cédric ne tondait plus cette rue », an employee; « Un groupe de
    travail est créé : Nelly (référente) / Fanny / … », a volunteer). Unsure: the clerk reviews them."""
    # « ROBERT », « GAUTHIER » in capitals are surnames listed alone, not members named by first name.
    members = {_spelling(name) for name in officials
               if len(name.split()) == 1 and not name.isupper() and given_name_known(name)}
    if len(members) < LONE_GIVEN_MEMBERS_MIN:
        return []
    covered = _spans_by_page(taken)
    found = []
    for page_number, text in enumerate(pages, start=1):
        spans = covered.get(page_number, [])
        for match in _LONE_GIVEN.finditer(text):
            word, start, end = match.group(0), match.start(), match.end()
            if _spelling(word) in members or not given_name_known(word) or _is_common(word, lowercase_words):
                continue
            if word in FEAST_NAMES:  # « Prime de Noël aux agents »
                continue
            if any(s < end and start < e for s, e in spans) or name_in_place(text, start):
                continue
            # Alone: no capitalised word or civilité right before it on its line, none right after.
            before = _WORD_BEFORE.search(text[max(0, start - 40):start].rsplit("\n", 1)[-1])
            after = _WORD_AFTER.match(text[end:end + 40].split("\n", 1)[0])
            previous = before.group(1).strip(",;:()«»\"") if before else ""
            if before and ((previous[:1].isupper() and not _is_common(previous, lowercase_words))
                           or _CIVILITE_FIRST.match(before.group(1))
                           or before.group(1).lower() in _ARTICLES or before.group(1).lower().endswith(("l'", "l’"))):
                continue
            if after and after.group(1)[:1].isupper():
                continue
            # A word that makes a line alone, numbered or not, is a heading (« 6.11 Anes »).
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            if re.fullmatch(r"[\d.)\s-]*", text[line_start:start]) and not text[end:None if line_end < 0 else line_end].strip(" .:"):
                continue
            found.append(_Candidate(page_number, start, end, start, "", word, False, "prénom?"))
    return found


def _spelling(name: str) -> str:
    """A first name whatever its doubled letters (« Matthieu » and « Mathieu » in one document are one member)."""
    return re.sub(r"(.)\1", r"\1", _normalise(name))


def _town_words(pages: list[str]) -> set[str]:
    return {match.group("word") for text in pages for match in _TOWN_BEFORE.finditer(text)}


def _pair_candidate(page: int, start: int, printed: str) -> _Candidate:
    return _Candidate(page, start, start + len(printed), start, "", printed, False, "modèle")


def _model_names(*, pages: list[str], windows: list[tuple[int, int, str, str, int]],
                 lowercase_words: set[str]) -> list[list[_Candidate]]:
    """For each window, the persons the model finds in it, as candidates on their page."""
    if not windows:
        return []
    results = []
    docs = _nlp().pipe((window for _, _, window, _, _ in windows), batch_size=256)
    for (page_number, offset, _, _, _), doc in zip(windows, docs):
        text = pages[page_number - 1]
        found = []
        for entity in doc.ents:
            if entity.label_ != "PER":
                continue
            # The model joins lists ("Christine Aranéo - Marcel Augier"): split them back.
            for part in re.finditer(rf"{_NAME}", entity.text):
                name = _name_trim(part.group(0))
                words = _name_words(name)
                # A first name that is a word too opens a first name and a surname, not a longer run (« quartiers
                # Petit \nBard Pergola Cévennes »); a word of the language that is no first name opens no name, unless
                # a first name follows it (« Lacoste Rouleaux Velléda », a supplier and its product; « Maitresse
                # Elodie »).
                if len(words) < 2 or words[0].lower() in DETERMINERS:
                    continue
                common_opening = (_is_common(words[0], lowercase_words)
                                  and not (given_name_known(words[0]) and len(words) == 2))
                word_opening = (_in_vocabulary(words[0]) and not given_name_known(words[0])
                                and not given_name_known(words[1]))
                if common_opening or word_opening:
                    continue
                start = offset + entity.start_char + part.start()
                if name_in_place(text, start) or any(word.lower() in _FUNCTION_WORDS for word in words):
                    continue
                # « François Rabelais Extension de la capacité »: past a first name and a name, a word the document
                # writes in lowercase is the next words', not a second surname; after one word, it is no surname at
                # all (« Via Voltaire Prévention, soutien », an association and its action), as the pairs read above.
                if _is_common(words[-1], lowercase_words):
                    if len(words) == 2:
                        continue
                    name = name[:name.rindex(words[-1])].rstrip()
                found.append(_Candidate(page_number, start, start + len(name), start, "", name, False, "modèle"))
        results.append(found)
    return results


# Common words that are also common surnames (« Monsieur Thomas PETIT », « Mme Anne GRAND »): in capitals after
# another word of the name, they are the surname.
_SURNAMES_TOO = {"grand", "grande", "petit", "petite", "haut", "haute", "bas", "basse", "nouveau", "vieux", "mont",
                 "val", "bois", "fond", "fonds", "pont", "port", "parc"}


def _column_code(words: str) -> bool:
    """« CM2 AE \nDURAND Lorena CM2 AE »: capitals that end the line above a surname are the last column of that line
    (a class, a code: short or without a vowel), not the first part of a surname wrapped onto the next one."""
    return all((len(word) <= 3 or not _vowels(word)) and not re.fullmatch(_PARTICLE, word.lower()) for word in words.split())


def _vowels(word: str) -> int:
    return len(re.findall(r"[AEIOUYÀ-ÖØ-Ýaeiouyà-öø-ý]", word))


def _surname_in_capitals(word: str) -> bool:
    return word.isupper() and len(word) > 1 and word.lower() in _SURNAMES_TOO


def _name_trim(name: str) -> str:
    """Drop the trailing words that are not part of the name ("DUPONT Le", "Jean Maire")."""
    words = list(re.finditer(r"\S+", name))
    if not words:
        return ""

    def capital_particle(index: int) -> bool:
        # « LE BLAY », « DE VOS »: a particle in capitals before a surname in capitals is part of it.
        word = words[index].group(0)
        return (index + 1 < len(words) and word.isupper() and re.fullmatch(_PARTICLE, word.lower()) is not None
                and words[index + 1].group(0).isupper() and len(words[index + 1].group(0)) > 1)

    def title_particle(index: int) -> bool:
        # « Stéphanie Le Morvan », « Jean De Vos »: a particle in title case before a surname (not « Le Maire »).
        word = words[index].group(0)
        if not (index + 1 < len(words) and word[:1].isupper() and word[1:].islower()
                and re.fullmatch(_PARTICLE, word.lower())):
            return False
        after = words[index + 1].group(0)
        return (after[:1].isupper() and len(after) > 1
                and after.lower() not in _FUNCTION_WORDS and after.lower() not in _NOT_NAME_WORDS)

    def after_capital_particle(index: int) -> bool:
        # « Myriam LE PAGE », « Yves LE BRAS »: the word in capitals a capital particle opens is the surname, even
        # when it is also a common word.
        return index > 0 and capital_particle(index - 1) and not re.fullmatch(_PARTICLE, words[index].group(0).lower())

    def compound_given(index: int) -> bool:
        # « Marie France ROSSINI »: a first name that is also a common word or a place, between a first name and
        # a surname in capitals, is the second half of a compound first name printed without its hyphen.
        word = words[index].group(0)
        if not (0 < index < len(words) - 1 and word[:1].isupper() and word[1:].islower()):
            return False
        before, after = words[index - 1].group(0), words[index + 1].group(0)
        return (word.lower() not in _FUNCTION_WORDS and given_name_known(word) and given_name_known(before)
                and before[1:].islower() and after.isupper() and len(after) > 1 and after.lower() not in _FUNCTION_WORDS)

    if not capital_particle(0) and not _surname_in_capitals(words[0].group(0)):
        if words[0].group(0).lower().rstrip(".") in _FUNCTION_WORDS or words[0].group(0).lower() in _NOT_NAME_WORDS:
            return ""
    keep = len(words)
    for index, word in enumerate(words[1:], start=1):
        # "Consorts BRIAND Rue du Coudreau": the name stops where a street or a title starts.
        bare = word.group(0).lower()
        if capital_particle(index) or title_particle(index) or after_capital_particle(index):
            continue
        if _surname_in_capitals(word.group(0)) or compound_given(index):
            continue
        if (bare in _NOT_NAME_WORDS or bare in _FUNCTION_WORDS) and not re.fullmatch(_PARTICLE, word.group(0)):
            keep = index
            break
    while keep > 0:
        word = words[keep - 1].group(0)
        bare = word.lower()
        if _surname_in_capitals(word) or after_capital_particle(keep - 1):
            break
        if bare in _FUNCTION_WORDS or bare in _NOT_NAME_WORDS or re.fullmatch(_PARTICLE, word):
            keep -= 1
            continue
        break
    if keep == 0:
        return ""
    return name[:words[keep - 1].end()]


def _column_words(candidates: list[_Candidate]) -> set[tuple[int, str]]:
    """(page, word) for the words in capitals that end three or more different names of a page without a first name
    before them."""
    before: dict[tuple[int, str], set[str]] = {}
    for candidate in candidates:
        words = _name_words(candidate.name)
        if candidate.civilite or candidate.family or len(words) < 2 or not words[-1].isupper() or words[0].isupper():
            continue
        if any(given_name_known(word) for word in words[:-1]):
            continue
        before.setdefault((candidate.page, words[-1]), set()).add(" ".join(words[:-1]))
    return {key for key, names in before.items() if len(names) >= 3}


def _is_common(word: str, lowercase_words: set[str]) -> bool:
    bare = word.lower()
    if bare in _NOT_NAME_WORDS or bare in _FUNCTION_WORDS or bare in lowercase_words:
        return True
    # « DROIT DE PREEMPTION URBAIN \nAnnée » where the document writes « années »: a word it prints in lowercase in the
    # plural is common too, unless it is a first name (« Pierre » and « pierres »).
    return (bare + "s" in lowercase_words or bare + "x" in lowercase_words) and not given_name_known(word)


# The top of a page, before its first words: blanks and the page's number.
_PAGE_TOP = re.compile(r"\s*(?:\d{1,4}\s*\n)?\s*")


def _place_names(pages: list[str], candidates: list[_Candidate]) -> set[str]:
    """The candidates' names (first name and surname) that the document also prints right after a place noun."""
    names = set()
    for name in {candidate.name for candidate in candidates if len(_name_words(candidate.name)) > 1}:
        for number, text in enumerate(pages):
            start = text.find(name)
            while start != -1 and name not in names:
                if name_in_place(text, start) and not _row_below(text, start):
                    names.add(name)
                # « … à l'école maternelle » | « 121 \nMarcel Pagnol à l’entreprise … »: the place noun ends the page
                # before, the name opens this one (after its number).
                elif number and _PAGE_TOP.fullmatch(text, 0, start):
                    before = pages[number - 1].rstrip() + " "
                    if name_in_place(before + name, len(before)):
                        names.add(name)
                start = text.find(name, start + 1)
    return names


def _initial_of(candidate: _Candidate, honoured: list[_Identity]) -> bool:
    """« les écoles maternelles L.V Beethoven et M. Pagnol »: « M. » is the initial of a first name a place of the
    document is named after (« Marcel Pagnol »), not « Monsieur »."""
    identity = _identity_parse(candidate.name)
    return candidate.civilite == "M." and any(
        place.given and place.given[0].startswith("M") and _identity_match(identity, place) for place in honoured)



# A name printed surname first: « LECLECLE Bernard 20 T », « GUILLOUX Pierre ».
_SURNAME_FIRST_AT = re.compile(rf"[ \t]*[{_UPPER}]{{2,}}(?:[{_HYPHEN}][{_UPPER}]{{2,}})?[ \t]+[{_UPPER}][{_LOWER}]")


def _row_below(text: str, start: int) -> bool:
    """Whether the name at `start` opens its line surname first: a table row under the line above, not the end of a
    place's name printed there (« Chemin de Malhara \nGUILLOUX Pierre 20 T »)."""
    line_start = text.rfind("\n", 0, start) + 1
    return line_start > 0 and not text[line_start:start].strip() and bool(_SURNAME_FIRST_AT.match(text, start))


_PUNCTUATION_TO_SPACE = str.maketrans(dict.fromkeys(".'’([«\"“", " "))


def name_in_place(text: str, start: int, *, same_line: bool = False) -> bool:
    """Whether a place noun stands right before (« rue Jean Moulin »); `same_line`: on the name's own line only."""
    # A list of places after a plural noun may be long (« Les écoles Lamartine, Blaise Pascal, François Mitterrand »).
    before = unaccent(text[max(0, start - 90):start])
    # A line that ends with an article after the noun goes on with the place's name (« avenue du \nDocteur Pezet »).
    if same_line and not _ARTICLE_AT_LINE_END.search(before):
        before = before[before.rfind("\n") + 1:]
    # « l'espace Dominique Bagouet », « (école maternelle Marguerite Yourcenar »: the noun after an elided article or
    # a bracket counts. A cheap test first, for the pattern runs for every candidate name: a place noun in the last
    # forty characters, or a plural one further back (a list of places).
    near = before[-40:].lower().translate(_PUNCTUATION_TO_SPACE).split()
    if not any(word in _PLACE_FIRST_WORDS or word[:-1] in _PLACE_FIRST_WORDS for word in near):
        further = before[:-40].lower().translate(_PUNCTUATION_TO_SPACE).split()
        if not any(word[-1] in "sx" and word[:-1] in _PLACE_FIRST_WORDS for word in further):
            return False
    return _PLACE_BEFORE.search(before) is not None


_CIVILITE_FIRST = re.compile(rf"{CIVILITE_BROAD}(?!\w)")
# A capitalised word (a first name) right before a position.
# « 32 bd Victor \nHugo »: the name may go on at the next line.
_GIVEN_BEFORE = re.compile(rf"(?<![\w{_HYPHEN}])[{_UPPER}][{_LOWER}][\w{_HYPHEN}]*(?:[ \t]+\n?|\n)[ \t]*\Z")


# Capitals right before a first name, on its line (« DIARD Malika »), or right after it (« Virginie PORCHER »).
_CAPITALS_BEFORE = re.compile(rf"(?<![\w{_HYPHEN}])(?P<word>[{_UPPER}]{{2,}})[ \t]+$")
_CAPITALS_AFTER = re.compile(rf"[ \t]+(?P<word>[{_UPPER}]{{2,}})(?![{_LOWER}])")


def _surname_before(text: str, start: int) -> bool:
    """Whether a surname in capitals stands right before `start` on its line."""
    return _surname_word(_CAPITALS_BEFORE.search(text, max(0, start - 40), start))


def _surname_word(match: re.Match[str] | None) -> bool:
    """Whether capitals next to a first name are a surname: not an acronym without a vowel (« CDD Sandra »), nor a
    legal form (« SASU Eric »)."""
    return bool(match and _vowels(match.group("word")) and not _LEGAL_FORM.fullmatch(match.group("word")))


def printed_in_another_name(text: str, start: int, end: int) -> bool:
    """Whether a first name found alone (« JACOB Cédric et Virginie ») is printed here with a surname in capitals
    before or after it (« Madame Virginie PORCHER », « PORCHER Virginie »): someone's full name, which detection
    reads as a whole, not the bare first name it masks everywhere else."""
    surface = text[start:end]
    if not re.fullmatch(_TITLE_WORD, surface) or not given_name_known(surface):
        return False
    return _surname_word(_CAPITALS_AFTER.match(text, end)) or _surname_before(text, start)


def printed_in_place_name(text: str, start: int, surface: str) -> bool:
    """Whether the name printed at `start` is (part of) a street's or a building's name (« 137 rue Marie Durand »,
    « école élémentaire Charles Dickens ») or a saint's (« SAINT ETIENNE DE MONTLUC », « église Saint-Martin »): after
    a place noun, not after a civilité nor after a bare « de » (« la maison de Madame … » is hers)."""
    # « Chemin de Malhara \nGUILLOUX Pierre 20 T »: a row under the line that names a place.
    if _CIVILITE_FIRST.match(surface) or _row_below(text, start):
        return False
    if _saint_before(text, start, surface):
        return True
    # The surname after the first name of a place's person (« allée Thomas SANKARA »): the place starts before.
    given = _GIVEN_BEFORE.search(text, max(0, start - 30), start)
    if given and name_in_place(text, given.start()):
        return True
    return name_in_place(text, start) and not _OWNED.search(text[max(0, start - 8):start])


# « Saint », « Sainte » and their abbreviations, in any case.
_SAINT_WORD = r"(?:Saint|Sainte|St|Ste)\.?"
# … right before a position, joined by a hyphen or a space (« SAINT ETIENNE », « Saint Hilaire », « Sainte-Anne »).
_SAINT_BEFORE = re.compile(rf"(?<![\w{_HYPHEN}])(?P<saint>{_SAINT_WORD})(?P<join>[ \t]+|[{_HYPHEN}])\Z", re.IGNORECASE)


def _saint_before(text: str, start: int, surface: str) -> bool:
    """Whether a first name is printed as a saint's, which names a commune, a church, a street or a feast, never a
    person: after « Saint » joined by a hyphen, or by a space in the same case (« SAINT ETIENNE », « Saint Etienne »);
    not after a surname « SAINT » in capitals before a first name in title case, as rows of applicants print them
    (« SAINT Gustave »)."""
    match = _SAINT_BEFORE.search(text, max(0, start - 8), start)
    if not match:
        return False
    return bool(match.group("join").strip()) or match.group("saint").isupper() == surface.isupper()


def _lowercase_words(pages: list[str]) -> set[str]:
    """Words the document writes in lowercase: common words, not names."""
    words: set[str] = set()
    for text in pages:
        words.update(re.findall(rf"(?<![\w{_HYPHEN}])[{_LOWER}][{_LOWER}{_HYPHEN}]{{2,}}", text))
    return words


def _overlaps_drop(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest candidate where two overlap (the lines of names of a table and the names opening a row
    first); families and civilités win ties."""
    priority = {"famille": 0, "naissance": 0, "civilité": 1, "majuscules": 2, "compagnon": 2, "rangée": 2, "statut": 2, "majuscules?": 3, "modèle": 4, "particule": 4, "prénom?": 4}
    # A line of names cut by the dictionary (« tableau ») is read first: its names do not straddle the columns; then
    # the name that opens a table row after its date (« 21/06/2008 BICHON Julien FORTIER Eva »), printed surname first,
    # unless a household word opens it (« Consorts BRIAND »); one opened by a civilité (« Mr CLERCIER \nAntoine ») is
    # not printed surname first and goes by length.
    def rank(c: _Candidate) -> int:
        if c.source == "tableau":
            return 0
        if c.source == "famille":
            return 1
        return 2 if c.source == "rangée" and not _CIVILITE_FIRST.match(c.name) else 3

    ordered = sorted(candidates, key=lambda c: (c.page, rank(c), -(c.end - c.start), priority.get(c.source, 1)))
    kept: list[_Candidate] = []
    occupied: dict[int, list[tuple[int, int]]] = {}
    for candidate in ordered:
        spans = occupied.setdefault(candidate.page, [])
        if any(candidate.start < end and start < candidate.end for start, end in spans):
            continue
        spans.append((candidate.start, candidate.end))
        kept.append(candidate)
    return sorted(kept, key=lambda c: (c.page, c.start))


# ---------------------------------------------------------------------------
# Identities
# ---------------------------------------------------------------------------

def _normalise(word: str) -> str:
    return unaccent(word.replace("‐", "-").replace("’", "'")).upper()


def _glued_words(name: str) -> list[str]:
    """The words of a name printed without a space between surname and given name (« CHAUVETJérémie »)."""
    return re.findall(rf"[{_UPPER}]+(?=[{_UPPER}][{_LOWER}])|[{_UPPER}][{_LOWER}]+", name)


def _person_without_dictionary(candidate: _Candidate) -> bool:
    """A name a civilité, a household word, a row of applicants or a status says a person's, whatever its words."""
    return bool(candidate.civilite or candidate.family or candidate.source in ("compagnon", "rangée", "statut"))


def _first_name_among(name: str) -> bool:
    """Whether one of the words of a name is a first name somewhere. Where it mixes one word in capitals and words in
    title case (« PINARD Patrick », « Jean DUPONT »), the capitals are the surname: the first name is among the others,
    unless the surname is one of the first names French surnames are made of (« Etanchéité RICHARD », a roofer);
    « Safer PACA », « Terminus TRAM », « Part SAGE » are no persons for « PACA », « TRAM » or « SAGE » being first names
    somewhere. Two words in capitals are a name of their own (« Observations \nDUPONT LAURENT »)."""
    words = _name_words(name) + _glued_words(name)
    titled = [word for word in words if not word.isupper()]
    capitals = [word for word in words if word.isupper() and len(word) > 1]
    if titled and len(capitals) == 1:
        return any(given_name_known(word) for word in titled) or given_name_francophone(capitals[0])
    return any(given_name_known(word) for word in words)


def _name_words(name: str) -> list[str]:
    return [word for word in re.findall(rf"{_INITIAL}|[\w{_APOS}{_HYPHEN}]+", name)
            if not re.fullmatch(_PARTICLE, word)]


def _civilite_strip(surface: str) -> str:
    # A whole word only: « Mella », « Drouet », « Meunier » open with no « Me », « Dr » (a dotted one may touch the name).
    stripped = re.sub(rf"^(?:{_CIVILITES}|[ÉEée]poux|[Cc]onsorts|CONSORTS|EPOUX|[Hh]éritiers|[Ii]ndivision|[Ff]amille)"
                      rf"(?:(?<=\.)|(?![^\W\d_]))[ \t]*\n?[ \t]*", "", surface)
    return stripped.strip()


_MALE_CIVILITE = re.compile(r"(?:M\.|M(?=[ \t\n])|Mr\.?|MR\.?|Monsieur|MONSIEUR)(?!\w)")
_FEMALE_CIVILITE = re.compile(r"(?:Mme|MME|Madame|MADAME|Mlle|MLLE|Melle|Mademoiselle|MADEMOISELLE)(?!\w)")


@functools.lru_cache(maxsize=4096)
def _identity_parse(name: str, civilite: str = "") -> _Identity:
    """Given names and surname of a name as printed, in any order, and the person's gender where the civilité
    (printed in `name` or given apart) or a first name of one gender tells it."""
    printed = (civilite or name).strip()
    gender = "male" if _MALE_CIVILITE.match(printed) else "female" if _FEMALE_CIVILITE.match(printed) else ""
    name = _civilite_strip(name.strip())
    name = re.split(r"\s*[,(]", name)[0]
    words = [word for word in _name_words(name) if word.lower() not in _FUNCTION_WORDS]
    if not words:
        return _Identity((), "")
    upper = [word for word in words if word.isupper() and len(word.rstrip(".")) > 1]
    if upper:
        surname = " ".join(upper)
        given = [word for word in words if word not in upper]
    else:
        surname = words[-1]
        given = words[:-1]
    if not gender and given:
        gender = given_name_gender(given[0])
    return _Identity(tuple(_normalise(word).rstrip(".") for word in given), _normalise(surname), gender)


def _given_and_capitals(name: str) -> bool:
    """« Laurent DUPONT »: a first name in use where French is spoken and a surname in capitals."""
    words = _name_words(name)
    return (any(not word.isupper() and given_name_francophone(word) for word in words)
            and any(word.isupper() and len(word) > 1 for word in words))


def _given_compatible(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    if not first or not second:
        return True
    a, b = first[0], second[0]
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a == b:
        return True
    # « Vves BLANCHET » in the attendance list of a scan for « Yves BLANCHET » below: a first name misread by one
    # letter (the same length: « Louis » and « Louise » are two persons).
    if len(a) >= 4 and len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1:
        return True
    # « Jean » may be Jean-Paul's short form; Jean-Claude is another person than Jean-Paul.
    return a.split("-")[0] == b.split("-")[0] and not ("-" in a and "-" in b)


def _surname_same(printed: str, listed: str) -> bool:
    """« AUGE CAUMON » is « AUGE-CAUMON », and « CAPUOZZI » the short form of « CAPUOZZI-BOUALAM »: a compound
    surname printed with a space, or by its first part alone (its last part alone is as often another person's).
    « de VERBIZIER » is « DE VERBIZIER »: a particle, which a name drops where it is printed in lowercase, is no part
    to compare."""
    parts = _surname_parts(listed)
    if _surname_parts(printed) == parts or (len(parts) > 1 and printed == parts[0]):
        return True
    # « Patrice REV AH » for the member Patrice REVAH: a space a scan's reading puts inside a surname.
    if re.sub(r"[ -]+", "", printed) == re.sub(r"[ -]+", "", listed):
        return True
    # « Madame DELPHINE DECKER » in the attendance list, « Mme Decker » below: a first name printed in capitals before
    # the surname, not the first half of a compound surname (those take a hyphen: « GAUTHIER-MEDEIROS »).
    return (len(parts) == 2 and " " in listed and "-" not in listed and printed == parts[1]
            and len(parts[0]) > 2 and given_name_known(parts[0]))


@functools.lru_cache(maxsize=4096)
def _surname_parts(surname: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"[ -]+", surname) if part not in ("DE", "DU", "DES", "D'"))


def _one_letter_off(printed: str, listed: str) -> bool:
    """Whether two surnames of six letters or more differ by one letter added, dropped or changed (a typing slip)."""
    return min(len(printed), len(listed)) >= 6 and Levenshtein.distance(printed, listed) == 1


def _gender_compatible(identity: _Identity, other: _Identity) -> bool:
    """« M. DEMOUY » is not « Madame Florence DEMOUY »: two genders known and different are two persons."""
    return not (identity.gender and other.gender and identity.gender != other.gender)


def _identity_match(identity: _Identity, other: _Identity) -> bool:
    if not identity.surname or not other.surname or not _gender_compatible(identity, other):
        return False
    if _surname_same(identity.surname, other.surname):
        return _given_compatible(identity.given, other.given)
    # « Antoine \nVermorel Marques » for the member Antoine Vermorel-Marques: a compound surname printed without its
    # hyphen reads as a first name and a surname.
    if identity.given and _surname_same(" ".join((*identity.given, identity.surname)), other.surname):
        return True
    # « Mme Laetitia PIERREON » for the member Laetitia PIERRON: the same first names and a surname one letter off;
    # « M. LEBANC » for the member Michel LEBLANC: a civilité (of the same gender, where the member's is known) and a
    # surname one letter off.
    if _one_letter_off(identity.surname, other.surname) and (
            (identity.given and identity.given == other.given) or (not identity.given and identity.gender)):
        return True
    # « Hélène \nMANDROLIX » on a scan for the member Hélène MANDROUX: the same first names and a long surname two
    # letters off (a scan reads « U » as « LI », « rn » as « m »).
    if (identity.given and identity.given == other.given and min(len(identity.surname), len(other.surname)) >= 8
            and Levenshtein.distance(identity.surname, other.surname) <= 2):
        return True
    # « Martin Jacques » for the member Jacques MARTIN: a surname and a first name, both in title case, read the other
    # way round.
    if len(identity.given) == 1 and len(other.given) == 1 and (identity.given[0], identity.surname) == (other.surname, other.given[0]):
        return True
    # "M. BERNARD Bruno" and "Bernard" printed in another order by the minutes.
    return len(other.given) == 1 and not identity.given and identity.surname == other.given[0] and len(other.given[0]) > 1


def _heading_dropped(candidate: _Candidate, official_identities: list[_Identity]) -> _Candidate:
    """« Animation Jean-Marie GATARD », a commission and its member in a table of commissions: a capitalised word that is
    no first name, before the full name of a listed official, is not part of that name."""
    head = re.match(r"(\S+)\s+", candidate.name)
    if candidate.civilite or candidate.family or not head or head.group(1).isupper() or given_name_known(head.group(1)):
        return candidate
    rest = candidate.name[head.end():]
    identity = _identity_parse(rest)
    if not identity.given or not any(official.given and _identity_match(identity, official) for official in official_identities):
        return candidate
    return replace(candidate, start=candidate.start + head.end(), name_start=candidate.name_start + head.end(), name=rest)


def _official_listed(identity: _Identity, official_identities: list[_Identity]) -> bool:
    """Whether a name is an official's of the document's lists. A surname listed alone stands for the official of
    that surname whose first name is listed too: « Madame Danièle ROBERT » is not « Bernard ROBERT »."""
    matching = [official for official in official_identities if _identity_match(identity, official)]
    if not matching:
        return False
    if not identity.given or any(official.given for official in matching):
        return True
    return not any(official.surname == identity.surname and official.given for official in official_identities)


def _keys_assign(identities: list[_Identity]) -> list[str]:
    """One key per person: full names first, then surname-only mentions join the one they fit."""
    full: dict[str, list[_Identity]] = {}
    for identity in identities:
        if identity.given and all(len(given) > 1 for given in identity.given):
            full.setdefault(identity.surname, [])
            if identity.given not in [other.given for other in full[identity.surname]]:
                full[identity.surname].append(identity)
    keys = []
    for identity in identities:
        candidates = [other.given for other in full.get(identity.surname, [])
                      if _given_compatible(identity.given, other.given) and _gender_compatible(identity, other)]
        firsts = {given[0].split("-")[0] for given in candidates}
        if len(firsts) == 1:
            keys.append(f"{' '.join(candidates[0])} {identity.surname}")
        elif identity.given and all(len(given) > 1 for given in identity.given):
            keys.append(f"{' '.join(identity.given)} {identity.surname}")
        else:
            keys.append(identity.surname)
    return keys


# ---------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------

# « M. Tsitsonis et Mme Benouargha sortent de séance », « Mme X rejoint la séance »: only a member comes and goes.
_SESSION_MOVE_AFTER = re.compile(
    r"[^.\n]{0,60}?\b(?:sort|sortent|entre|entrent|revient|reviennent|quitte|quittent|rejoint|rejoignent|"
    r"arrive|arrivent)\b[^.\n]{0,15}?\bs[ée]ance\b",
    re.IGNORECASE,
)


_MANDATE_CHANGE = re.compile(r"\b(?:d[ée]mission|installation|remplacement)\s+de\s*\Z", re.IGNORECASE)
_MANDATE_WORDS = re.compile(r"\bconseill(?:er|[èe]re)s?\s+(?:municipa|communautaire|m[ée]tropolitain|d[ée]partement)|"
                            r"\bmandats?\b|\bdu conseil (?:municipal|communautaire)", re.IGNORECASE)
# « la démission de Thibault BOURA du Conseil municipal des jeunes »: the children's and youth councils are not the
# council, their members private persons.
_YOUTH_COUNCIL_AFTER = re.compile(
    r"[ \t\n]*(?:du|au)[ \t\n]+conseil[ \t\n]+municipal[ \t\n]+(?:des|d['’])[ \t\n]*(?:jeunes|enfants)", re.IGNORECASE
)


_FULL_STOP = re.compile(r"\.(?:\s|$)")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence a mention stands in: from the full stop before it to the one after it."""
    opening = max(text.rfind(". ", 0, start), text.rfind(".\n", 0, start)) + 1
    closing = _FULL_STOP.search(text, end)
    return text[opening:closing.start() if closing else len(text)]


_REPRESENTED_BY = re.compile(
    r"repr[ée]sent[ée]e?s?\s+par\s+(?:son|sa|leur)\s+(?:pr[ée]sidente?|g[ée]rante?|directeur|directrice)\s*,?[ \t]*\n?[ \t]*$",
    re.IGNORECASE,
)
_PUBLIC_PARTY = re.compile(
    r"\b(?:commune|ville|communaut[ée]|d[ée]partement|r[ée]gion|m[ée]tropole|agglom[ée]ration|syndicat|[ée]tat|"
    r"[ée]tablissement public|centre communal|ccas|collectivit[ée])\b",
    re.IGNORECASE,
)
# Where a party to a convention starts: after « D’une part », a line « Et », « Entre », or the sentence before.
_PARTY_START = re.compile(r"D['’]une part|(?:^|\n)[ \t]*(?:Et|ET|Entre|ENTRE)\b|[.;:][ \t]*\n", re.MULTILINE)


def _party_before(text: str, end: int) -> str:
    """The words that name the party a « représentée par » ending at `end` speaks of."""
    window = text[max(0, end - 250):end]
    starts = [match.end() for match in _PARTY_START.finditer(window)]
    return window[starts[-1]:] if starts else window


_CIVILITE_AT_END = re.compile(rf"(?<!\w)(?:{_CIVILITE}|M)[ \t]*\n?[ \t]*\Z")


def _official_reason(*, candidate: _Candidate, identity: _Identity, pages: list[str],
                     official_identities: list[_Identity], colleague_identities: list[_Identity] = ()) -> str | None:
    text = pages[candidate.page - 1]
    # « représentée par son président, M MORILLEAU Bernard »: a civilité the name was found without is no part of
    # what precedes it.
    before = text[max(0, candidate.start - 120):candidate.start]
    civilite = _CIVILITE_AT_END.search(before, max(0, len(before) - 24))
    if civilite:
        before = before[:civilite.start()]
    after = text[candidate.end:candidate.end + 60]
    if candidate.family:
        return None
    if _in_attendance_list(text=text, start=candidate.start):
        return "élu présent à la séance"
    if _SESSION_MOVE_AFTER.match(after):
        return "élu entrant en séance ou en sortant"
    # « Jules NYSSEN : Mme le Maire, l'administration est habituellement silencieuse … »: who speaks in the séance is
    # one of its members when the document's lists name nobody; where they do, a speaker they do not name (nor the
    # body's other minutes) is the staff or a guest, a private person.
    if not official_identities and _SPEAKER_AFTER.match(after) and _line_start(text, candidate.start):
        return "élu intervenant en séance"
    if _private_role(text=text, candidate=candidate):
        return None
    if _official_listed(identity, official_identities):
        return _LISTED
    # « M. LEBLANC considère que … » in a debate, where the document's own lists do not name him: the member of the
    # council its other minutes of the term name « Michel LEBLANC » before that day and after it.
    if _official_listed(identity, colleague_identities):
        return _COLLEAGUE
    # « Délégué de l'administration : Mr X titulaire \nMme Y suppléant »: the electoral roll's commission names
    # citizens the prefect or the court appoints, whatever « titulaire » says after them.
    if _EXTERNAL_DELEGATE.search(text, max(0, candidate.start - 120), candidate.start):
        return None
    if _designated(text, candidate.start, official_identities):
        return "représentant désigné (titulaires et suppléants)"
    office = _OFFICE_AFTER.match(after)
    if office:
        word = office.group(0).lower()
        if "rapport" in word:
            return "rapporteur"
        if "maire" in word and "adjoint" not in word:
            return "maire"
        if "adjoint" in word:
            return "adjoint au maire"
        if "séance" in word and "secr" in word:
            return "secrétaire de séance"
        return "élu exerçant son mandat"
    # « suite à la démission de Madame Valérie LEBLOND et à l’installation de Monsieur Thierry FAVREAU comme conseiller
    # municipal »: a member who leaves the council or joins it, whatever the lists of the séance say.
    if (_MANDATE_CHANGE.search(before) and _MANDATE_WORDS.search(_sentence_around(text, candidate.start, candidate.end))
            and not _YOUTH_COUNCIL_AFTER.match(text, candidate.end)):
        return "élu démissionnaire ou installé"
    # « L’Association Familiale Rurale (AFR) de CHEMERE, …, représentée par sa Présidente, Madame … »: the officer of a
    # private party to a convention, not of the council (« la commune …, représentée par son maire » is).
    represented = _REPRESENTED_BY.search(before)
    if represented and not _PUBLIC_PARTY.search(_party_before(text, candidate.start - len(before) + represented.start())):
        return None
    # « Titulaires : LE MAIGNAN DE KERANGAT Yves (Propriétaire de bois) 08/09/49 … »: a list printed with dates of
    # birth names taxpayers or jurors, not the council's members.
    if _OFFICE_BEFORE.search(before) and not _DATE_SOON.search(text, candidate.end, candidate.end + 80):
        return "élu exerçant son mandat"
    return None


def _households(candidates: list[_Candidate], pages: list[str]) -> dict[tuple[int, int], _Candidate]:
    """The name before each « et » that a first name follows (« IMBERT René et Lionel »), by where that first name
    starts: (page, offset) → the first such name."""
    households: dict[tuple[int, int], _Candidate] = {}
    for head in candidates:
        match = _and_given(pages[head.page - 1][head.end:head.end + 80])
        if match:
            households.setdefault((head.page, head.end + match.start("given")), head)
    return households


def _household_identity(candidate: _Candidate, identity: _Identity,
                        households: dict[tuple[int, int], _Candidate]) -> _Identity | None:
    """A first name printed alone after « et » and a name (« IMBERT René et Lionel »): that first name with the
    surname of the name before it; None for any other candidate."""
    head = households.get((candidate.page, candidate.start))
    if head is None or head is candidate or identity.given or len(_name_words(candidate.name)) != 1:
        return None
    household = _identity_parse(head.name)
    if household.given:
        return _Identity((identity.surname,), household.surname, identity.gender)
    # « LETORT RENE ET BERNARD »: a surname and a first name, both in capitals, then a second first name.
    words = _name_words(head.name)
    if len(words) == 2 and all(word.isupper() for word in words) and given_name_known(words[1]) and given_name_known(candidate.name):
        return _Identity((identity.surname,), _identity_parse(words[0]).surname, identity.gender)
    # « Messieurs Leblanc et Tanguy »: after a surname alone, the word after « et » is another surname.
    return None


def _after_honoured(text: str, start: int, honoured: list[_Identity]) -> bool:
    """Whether a person a place is named after is named just before (the name a birth name is printed after)."""
    before = _normalise(text[max(0, start - 60):start])
    return any(identity.surname and re.search(rf"\b{re.escape(identity.surname)}\W+N[EÉ]E?S?\W*$", before)
               for identity in honoured)


def _private_role(*, text: str, candidate: _Candidate) -> bool:
    return _private_role_at(text, candidate.start, candidate.end)


@functools.lru_cache(maxsize=4096)
def _private_role_at(text: str, start: int, end: int) -> bool:
    # Asked up to three times for each name while classifying: read once.
    return bool(_PRIVATE_ROLE_BEFORE.search(text[max(0, start - 60):start])
                or _PRIVATE_ROLE_AFTER.match(text[end:end + 40]))


def _line_start(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t-–•")


def _in_attendance_list(*, text: str, start: int) -> bool:
    """Whether a name stands in a list of members present, excused or represented that opens above it."""
    spans = _attendance_spans(text)
    index = bisect.bisect_right(spans, start, key=lambda span: span[1]) - 1
    if index < 0 or spans[index][0] < start - 3000:
        return False
    between = text[spans[index][1]:start]
    return not _LIST_END.search(between) and len(between) < 2800 and not any(map(_prose_line, between.split("\n")[1:]))


def _prose_line(line: str) -> bool:
    """Whether a line under a list of members is a sentence, which a list that no full stop closes ends at: it opens
    with a word in title case that is no first name nor civilité, a word in lowercase after it (« Le secrétaire de
    mairie Eddy était présent également. », « Acquisition de tirages réalisés par … »). A line with a colon heads a part
    of the list (« Conseillers municipaux : … »)."""
    words = line.split()
    if len(words) < 2 or ":" in line:
        return False
    first, second = words[0], words[1]
    return (first[:1].isupper() and first[1:].isalpha() and first[1:].islower()
            and (first.lower() in _ARTICLES or not given_name_known(first))
            and not _CIVILITE_FIRST.match(first) and second.isalpha() and second.islower())


# « Titulaires (6) Suppléants (6) » over rows of names: the members a council designates to represent it.
_DESIGNATION_HEADING = re.compile(
    rf"[ \t]*(?:(?:membres?[ \t]+)?(?:{_DESIGNATED_WORDS})[ \t]*+(?:\(\d+\))?[ \t:]*+)++"
    # « - désigne cinq représentants de Roannais Agglomération auprès de l’association Roannais Tourisme : »
    rf"|[ \t]*[-–•]?[ \t]*(?:d[ée]signe|[ée]lit)\b[^\n:]*\b(?:repr[ée]sentants?|{_DESIGNATED_WORDS}|membres?)\b[^\n:]*:[ \t]*",
    re.IGNORECASE,
)
# A row of names only: capitalised words and particles, no digit (« CHOUTEAU Calista CM2 » is a pupil's row).
_NAMES_ROW = re.compile(r"[ \t]*(?:[.•·\-–][ \t]*)?(?:(?:[^\W\d_a-zà-ÿ][^\W\d_]*+(?:['’.\-][^\W\d_]++)*+\.?|d[eu]|des|la|le|d['’])[ \t,]*+)++")


def _designation_rows(text: str, start: int) -> list[str]:
    """The rows of names under a heading of titulaires, suppléants or délégués that the name at `start` stands
    in (none when it stands elsewhere)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    rows = [text[line_start:line_end if line_end >= 0 else len(text)]]
    if not _NAMES_ROW.fullmatch(rows[0]):
        return []
    for _ in range(30):
        if line_start == 0:
            return []
        previous = text.rfind("\n", 0, line_start - 1) + 1
        line = text[previous:line_start - 1]
        if _DESIGNATION_HEADING.fullmatch(line):
            following = text[line_end + 1:] if line_end >= 0 else ""
            for row in following.split("\n")[:30]:
                if not _NAMES_ROW.fullmatch(row):
                    break
                rows.append(row)
            return rows
        if not _NAMES_ROW.fullmatch(line):
            return []
        rows.append(line)
        line_start = previous
    return []


def _designated(text: str, start: int, official_identities: list[_Identity]) -> bool:
    """Whether a name stands in rows of designated representatives most of whose rows name a known official (the
    others are members of the council too; a list of pupils or of landowners names none)."""
    rows = _designation_rows(text, start)
    if not rows:
        return False
    surnames = {identity.surname for identity in official_identities}
    known = sum(1 for row in rows if surnames & {_normalise(word) for word in _name_words(row)}
                or _official_listed(_identity_parse(row.strip(" \t.•·-–,")), official_identities))
    return known >= 2 and known * 2 >= len(rows)


@functools.lru_cache(maxsize=64)
def _attendance_spans(text: str) -> list[tuple[int, int]]:
    """Where the page's attendance headings (« Présents : », « Excusés : »…) stand, read once per page; not where a
    sentence runs on to them (« décide à l’unanimité des \nmembres présents : »)."""
    return [match.span() for match in _ATTENDANCE.finditer(text)
            if not _SENTENCE_RUNS_ON.search(text, max(0, match.start() - 30), match.start() + 1)]


def _private_reason(*, text: str, start: int) -> str:
    window = text[max(0, start - 250):start + 150]
    for pattern, reason in _PRIVATE_REASONS:
        if pattern.search(window):
            return reason
    return "personne privée"


# ---------------------------------------------------------------------------
# Personal data other than names
# ---------------------------------------------------------------------------

_BLANKS_TO_NEXT_LINE = re.compile(r"[ \t]*\n?[ \t]*")
# « 25 bis rue de Saint \nHilaire »: a saint's name wraps to the next line.
_SAINT = re.compile(_SAINT_WORD, re.IGNORECASE)
_ADDRESS_COLUMN = re.compile(r"\b(?:adresses?|domicile|demeurant|lieux?-dits?|situation|localisation)\b", re.IGNORECASE)
_PERSON_COLUMN = re.compile(
    r"\b(?:demandeur|b[ée]n[ée]ficiaire|titulaire|acqu[ée]reur|propri[ée]taire|p[ée]titionnaire|nom)s?\b", re.IGNORECASE
)
_HEADER_REACH = 800


def _under_address_header(text: str, end: int) -> bool:
    """Whether the line of `end` is a row under a header line, within a few lines above, that names both the persons'
    column and an address column."""
    above = text[max(0, end - _HEADER_REACH):end].split("\n")[:-1][-12:]
    for index, line in enumerate(above):
        person = _PERSON_COLUMN.search(line)
        # The address column comes after the persons' (« Adresse/Parcelles Bénéficiaire(s) Caractéristiques du bien »
        # puts the next column elsewhere); a header wraps in its cells (« Nom de jeune \nfille \nAdresse »).
        if person and _ADDRESS_COLUMN.search("\n".join([line[person.end():], *above[index + 1:index + 4]])):
            return True
    return False


def _address_column(text: str, end: int) -> bool:
    """Whether the table a row ending at `end` belongs to has an address column: its header (the last line above that
    names the persons' column) says so, or the page does not print it (a table carried over from the page before)."""
    headers = list(_PERSON_COLUMN.finditer(text, max(0, end - _HEADER_REACH), end))
    if not headers:
        return True
    header = headers[-1]
    return bool(_ADDRESS_COLUMN.search(text, max(0, header.start() - 150), min(len(text), header.end() + 250)))


_ADDRESS_NUMBER = re.compile(r"\d{1,4}[ \t]?(?:bis|ter|quater|[A-C])?\b\.?", re.IGNORECASE)
_ADDRESS_NUMBER_MORE = re.compile(r"[ \t]*(?:et|,|-|/)[ \t]*\d{1,4}[ \t]?(?:bis|ter|quater)?\b(?=[ \t]*(?:et|,|-|/)?[ \t]*[\d\w])", re.IGNORECASE)
_STREET_TYPE = re.compile(rf"{_STREET}(?!\w)\.?", re.IGNORECASE)
_ADDRESS_LINK = re.compile(r"(?:de|du|des|la|le|les|à|au|aux|sur|en|et|d['’]|l['’])$", re.IGNORECASE)
# Words that end an address in a table row: the next columns (a lot, a parcel, a surface, an amount).
_ADDRESS_STOP = {"lot", "section", "parcelle", "parcelles", "réf", "cadastre", "cadastrée", "n°", "superficie", "montant",
                 "prix", "frais", "total"}


_DESCRIBED_ADDRESS = re.compile(
    rf"[ \t]*,?[ \t]*[^\n,\d€()]{{3,45}},[ \t]*(?P<address>)(?=\d{{1,4}}[ \t]?(?:bis|ter)?[ \t,]*{_STREET}(?!\w))",
    re.IGNORECASE,
)


_TOWN_AFTER_DASH = re.compile(rf"(?<=[{_LOWER}])[ \t]*[{_HYPHEN}–][ \t]*(?=[{_UPPER}]{{2,}}(?![{_LOWER}]))")


def _attached_address(*, text: str, page: int, end: int, street_only: bool = False,
                      listed: bool = False) -> list[PersonMention]:
    """The address printed right after a private person's name: « , 15 rue Reynes », or in a table row
    « 16 rue de la Bride à \nMains G 81 », « Les Grands Houx F 124 » up to the cadastre reference.
    `street_only`: a number and a type of street only (« 20 rue du Brigandin »), not a lieu-dit.
    `listed`: the rest of a line of a list of persons, after the date of birth (a lieu-dit too)."""
    position = end
    # « M. JULIÉ J, 58 avenue de Lodève »: an initial after the name belongs to it; « la propriété de Mme X située
    # 13 rue … »: so does the place of what they own; « SCI 2SL (BASSIN Laëtita) 18 Rue … »: the bracket it closes.
    match = re.compile(
        rf"(?:[ \t]+[{_UPPER}]\.?(?=[ \t]*,))?[ \t]*\)?[ \t]*,?[ \t]*(?:\([^)\n]{{1,40}}\)[ \t]*,?[ \t]*)?"
        rf"(?:(?:situ[ée]e?s?|sis|sise|sises)[ \t]+(?:au[ \t]+|à[ \t]+)?)?\n?[ \t]*"
    ).match(text, position)
    position = match.end()
    # « M. ESCANDE syndic bénévole copropriété, 8 rue Dessalle Possel »: what the person is, then their address.
    described = _DESCRIBED_ADDRESS.match(text, position)
    if described and not _STREET_TYPE.match(text, position) and not _ADDRESS_NUMBER.match(text, position):
        position = described.end("address")
    start = position
    # « CHAUVET Jérémie et \nMarie »: a second given name, not an address.
    if re.match(r"et\b", text[position:position + 3]):
        return []
    number = _ADDRESS_NUMBER.match(text, position)
    if number:
        position = number.end()
        # « 65 et 65 bis rue de … », « 39 bis et 39 ter rue du … »: the neighbouring numbers of one address.
        while more := _ADDRESS_NUMBER_MORE.match(text, position):
            position = more.end()
        position = re.compile(r"[ \t]*,?[ \t]*").match(text, position).end()
    street = _STREET_TYPE.match(text, position)
    # « Civilité Nom Prénom Nom de jeune fille Adresse \n… MME GOUGEON Nathalie LERAY Grand Cour »: under a header that
    # names an address column, the lieu-dit on the row's line is the person's address, without a parcel to tell the row.
    row = listed or _looks_like_row(text, end) or (
        "\n" not in text[end:start] and _under_address_header(text, end))
    if (not street and (not row or street_only)) or (street_only and not number):
        return []
    # « CLAVIER \nRaymonde Familiale 15 ans » under « Bénéficiaire Nature de la concession Durée »: after a name, a
    # lieu-dit is not read in a table whose header, where the page prints it, has no column for it.
    if not street and not listed and not _address_column(text, end):
        return []
    if street:
        position = street.end()
    last = position
    words = list(re.finditer(r"[^\s,;()€/]+", text[position:position + 80]))
    previous = street.group(0) if street else ""
    for word in words:
        token = word.group(0)
        gap = text[position + (words[words.index(word) - 1].end() if words.index(word) else 0):position + word.start()]
        # A line that opens with a capitalised article starts a sentence (« 48 rue du Béziau \nLe Conseil municipal »);
        # in a row, a word before the cadastre reference, on its line or the next, still ends the street's name
        # (« 3 Impasse Désiré \nPipaud G 2282p », « 1 Rue de la Croix \nRabeau \nG 386 »).
        if "\n" in gap and not (_ADDRESS_LINK.fullmatch(previous) or _STREET_TYPE.fullmatch(previous)
                                 or _SAINT.fullmatch(previous)
                                 or (_ADDRESS_LINK.fullmatch(token) and token[:1].islower())
                                 or (row and street and token[:1].isupper()
                                     and _CADASTRE.match(text, _BLANKS_TO_NEXT_LINE.match(text, position + word.end()).end()))):
            break
        if re.fullmatch(r"\d+[.,]?\d*", token) or token.lower() in _ADDRESS_STOP or _CADASTRE.match(text, position + word.start()):
            break
        # « Montant : 173,55 € » on the line after the name: a label, not a lieu-dit.
        if token.endswith(":") or re.match(r"[ \t]*:", text[position + word.end():]):
            break
        # In a table row the street's name may be printed in lowercase (« 30 rue des moissonneurs G 2937 »): the
        # cadastre reference ends it.
        lowercase_name = street is not None and row
        if not (token[:1].isupper() or lowercase_name or _ADDRESS_LINK.fullmatch(token)
                or re.match(r"[dl]['’]", token, re.IGNORECASE)):
            # « Madame WATTIER, Directrice du groupe scolaire … sa classe de CM1 » (a school class read as a parcel):
            # capitalised words that run on into a sentence are a title or a function, no address; a lieu-dit ends
            # at the line's end or a figure, or has its cadastre reference further on its line (« Le Pré bricou G 744 »).
            at = position + word.start()
            line_end = text.find("\n", at)
            if (not street and not listed and token[:1].isalpha()
                    and not _CADASTRE.search(text, at, line_end if line_end >= 0 else len(text))):
                return []
            break
        last = position + word.end()
        previous = token
    # « 35 rue de Saint Hilaire-CHEMERE », « 58 rue de Nantes-ARTHON EN RETZ »: the town after a dash is no part of it.
    town = _TOWN_AFTER_DASH.search(text, start, last)
    if town:
        last = town.start()
    while last > start and _ADDRESS_LINK.fullmatch(text[start:last].split()[-1] if text[start:last].split() else ""):
        last = start + text[start:last].rstrip().rfind(" ") if " " in text[start:last].rstrip() else start
    if last <= start or (not street and not re.search(rf"[{_UPPER}][{_LOWER}]", text[start:last])):
        return []
    # « 2, Passage de la Fontaine \nVannière \n60350 PIERREFONDS »: the end of the street's name, wrapped.
    wrapped = _WRAPPED_ABOVE_POSTCODE.match(text, last)
    if wrapped and street:
        last = wrapped.end()
    mentions = [_data_mention(text=text, page=page, start=start, end=last, key=ADDRESS_KEY,
                              reason="adresse d'une personne privée")]
    # A second address after a slash (« 1 rue Adolphe Nourrit / 14 bd. Renouvier »): a corner building.
    second = re.compile(rf"[ \t]*/[ \t]*(?=\d{{1,4}}[ \t]*(?:bis|ter)?[ \t,]*{_STREET}(?!\w))", re.IGNORECASE).match(text, last)
    if second and street:
        mentions += _attached_address(text=text, page=page, end=second.end())
    return mentions


# « propriétaires d’un immeuble sis 12, Rue de Fontenoy », « de l’habitation au 1, Impasse de la Noue »: the property
# of the private person named earlier in the same sentence.
_PROPERTY_ADDRESS = re.compile(
    rf"\b(?:immeuble|maison|villa|habitation|propriété|logement|terrain|bien|local|appartement|parcelle)s?[ \t\n]+"
    # « une villa avec terrain attenant sise 168 impasse … »: a few words may describe the property first.
    rf"(?:[\w'’]+[ \t\n]+){{0,3}}?"
    rf"(?:(?:sis|sise|sises|situ[ée]e?s?)[ \t\n]+(?:au[ \t\n]+|à[ \t\n]+)?|au[ \t\n]+)(?P<address>{_ADDRESS_BODY})",
    re.IGNORECASE,
)
_PROPERTY_REACH = 160
# A row or field label « Adresse » (« Adresse : », « Adresses ») right before a number and a street.
_ADDRESS_LABEL = re.compile(
    rf"(?:^|\n)[ \t]*Adresses?[ \t]*:?(?=[ \t]*\d{{1,4}}[ \t]*(?:bis|ter)?[ \t,]*{_STREET}(?!\w))", re.IGNORECASE
)


_TOWN_WORD = rf"[{_UPPER}](?:[{_UPPER}'’]+|[{_LOWER}'’]+)"
# The end of a street's name wrapped to a line of its own, above the postcode and town (which stay: a town names
# nobody).
_WRAPPED_ABOVE_POSTCODE = re.compile(rf"[ \t]*\n[ \t]*{_TOWN_WORD}(?:[ \t]+{_TOWN_WORD})?(?=[ \t]*\n[ \t]*\d{{5}}[ \t])")


def _property_address(*, text: str, page: int, start: int, end: int) -> list[PersonMention]:
    """The address of a property the private person from `start` to `end` owns or lives in: later in the same
    sentence, or before it when the person is named as its owner (« L’immeuble sis 23 boulevard du Jeu de Paume (…)
    est inclus dans ce périmètre. Sa propriétaire, Mme FABRE a reçu … »)."""
    after = text[end:end + _PROPERTY_REACH]
    # A sentence ends at its full stop, or where a speaker starts (« Michaël DELAFOSSE :\n La Ville est propriétaire … »).
    sentence_end = re.search(r"\.(?:\s|$)|:[ \t]*\n", after)
    sentence = after[:sentence_end.start()] if sentence_end else after
    offset, numbered = end, _numbered([_PROPERTY_ADDRESS.search(sentence)])
    if not numbered and _OWNER_BEFORE.search(text, max(0, start - 40), start):
        offset = max(0, start - 2 * _PROPERTY_REACH)
        numbered = _numbered(_PROPERTY_ADDRESS.finditer(text[offset:start]))
    if not numbered:
        return []
    match = numbered[-1]
    # « sise 168 impasse d'Arcole et cadastrée … »: the sentence goes on, the address stops.
    address = re.split(r"[ \t\n]+(?:et[ \t\n]+)?cadastr", match.group("address"))[0]
    address = re.sub(r"(?:[ \t\n]+(?:et|ou))+$", "", address)
    start = offset + match.start("address")
    return [_data_mention(text=text, page=page, start=start, end=start + len(address),
                          key=ADDRESS_KEY, reason="adresse d'une personne privée")]


def _numbered(matches) -> list[re.Match[str]]:
    """The property addresses that open with a house number (« sis 12, Rue de Fontenoy », not « sis au bourg »)."""
    return [match for match in matches if match and re.match(r"\d", match.group("address"))]


# « Sa propriétaire, Mme FABRE », « Les propriétaires, Madame Boze et Monsieur Ribière »: the person named as the
# owner of the property the text spoke of before.
_OWNER_BEFORE = re.compile(
    rf"(?<!\w)(?:sa|son|ses|leur|leurs|les|le|la)[ \t\n]+propriétaires?[ \t\n]*,?[ \t\n]*"
    rf"(?:{CIVILITE_BROAD}[ \t\n]*)?$",
    re.IGNORECASE,
)


# Where someone « demeure » (« domicilié », « résidant »): the address up to its postcode, whatever its form.
_DWELLING = re.compile(
    r"\b(?:demeurant|domicilié(?:e|s|es)?|résidant)[ \t]+(?:au[ \t]+|à[ \t]+)?"
    r"(?:(?P<address>[^\n,;()]{3,80}?)(?=[ \t]*,?[ \t]*\d{5}(?!\d))"
    # « domicilié à CHEMERE (44680) La Barre de \nVue, »: or after the town and its postcode, up to the comma.
    r"|[^\n,;()]{2,40}?\(\d{5}\)[ \t]*(?P<after>[^\n,;()]{3,60}(?:\n[^\n,;()]{1,40})?)(?=[ \t]*[,;.]))"
)


# A public body named right before « domicilié(e) » (« la Commune de \nPierrefonds, »): its seat is public. Not a
# company or an association, whose manager's home may follow (« gérant de la société X, domicilié … »).
_BODY_BEFORE = re.compile(
    r"\b(?i:commune|ville|communauté|département|région|syndicat)"
    r"\b[^,;.]{0,40},?[ \t]*\n?[ \t]*\Z"
)


def _public_seat(text: str, start: int) -> bool:
    """« la Commune de Pierrefonds, domiciliée place de l'hôtel de ville, 60350 »: where a public body is
    « domiciliée » is its seat, no one's home."""
    return bool(_BODY_BEFORE.search(text, max(0, start - 80), start))


# « M. Bernard ROBERT \n31, Rue du Bois d’Haucourt \n60350 PIERREFONDS » in a list of beneficiaries: a name alone on its
# line, and a number and a street opening the next one, is how a letter is addressed: the person's home.
_ADDRESS_BLOCK = re.compile(rf"[ \t]*\n[ \t]*\d{{1,4}}[ \t]?(?:bis|ter)?[ \t]*,?[ \t]*(?i:{_STREET})(?!\w)")


def _looks_like_row(text: str, end: int) -> bool:
    """A name followed, on its line or the next, by a cadastre reference: a table of parcels."""
    return bool(_CADASTRE.search(text, end, min(len(text), end + 90))) and "\n\n" not in text[end:end + 60]


def _contact_data(*, text: str, page: int) -> list[PersonMention]:
    mentions = []
    for match in _HOME_ADDRESS.finditer(text):
        if _public_seat(text, match.start()):
            continue
        mentions.append(_data_mention(text=text, page=page, start=match.start("address"), end=match.end("address"),
                                      key=ADDRESS_KEY, reason="adresse d'une personne privée"))
    for match in _EMAIL.finditer(text):
        mentions.append(_data_mention(text=text, page=page, start=match.start(), end=match.end(),
                                      key=EMAIL_KEY, reason="adresse électronique"))
    for match in _PHONE.finditer(text):
        mentions.append(_data_mention(text=text, page=page, start=match.start(), end=match.end(),
                                      key=PHONE_KEY, reason="numéro de téléphone"))
    return mentions


def _data_mention(*, text: str, page: int, start: int, end: int, key: str, reason: str) -> PersonMention:
    surface = text[start:end].rstrip()
    return PersonMention(surface=surface, page=page, start=start, end=start + len(surface), kind="private",
                         reason=reason, person_key=key)


def _mentions_dedupe(mentions: list[PersonMention]) -> list[PersonMention]:
    seen: set[tuple[int, int, int]] = set()
    unique = []
    for mention in sorted(mentions, key=lambda m: (m.page, m.start, -m.end)):
        if not mention.surface.strip():
            continue
        key = (mention.page, mention.start, mention.end)
        if key in seen:
            continue
        seen.add(key)
        unique.append(mention)
    return unique


@functools.cache
def _nlp():
    import spacy

    # Only the tokenizer and the entity recogniser, which embeds tokens itself: the shared tok2vec feeds
    # only the parser and the tagger, which would add nothing to finding names (and doubled the time).
    return spacy.load(
        SPACY_MODEL, exclude=["tok2vec", "parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"]
    )


def _in_vocabulary(word: str) -> bool:
    """The name model has a word vector for the word: a word of the language (« MOBILIER », « TELECOM ») or a name
    common enough to be one (« Martin »). Read from the pipeline the detector loads already: `french.tagging`'s
    vectors are the same model's, loaded a second time (the tagger), which a worker that only pseudonymises need not."""
    vocab = _nlp().vocab
    return vocab.strings[word.lower()] in vocab.vectors


def _printed_alone(name: str, pages: list[str]) -> bool:
    """The document prints the name somewhere not right after a word (« 2010 50 Le Breil G 2544 »)."""
    alone = re.compile(rf"(?<![{_UPPER}{_LOWER}{_HYPHEN}][ \t])(?<![\w{_HYPHEN}]){re.escape(name)}(?![\w{_HYPHEN}])")
    return any(alone.search(text) for text in pages)


def detector_load() -> None:
    """Load the name model now (a worker starting, a benchmark before timing), not on the first document."""
    _nlp()
