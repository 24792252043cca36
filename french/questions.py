"""The nouns a French question names the value it asks for with (« quel montant », « quelle entreprise », « quel
lieu »), by kind, folded (`french.folding.fold`), as regex alternations (no group) for `qa.questions`.

General administrative French, never the subject of one question. An alternation ends where its words may take a
plural « s » (« tarifs ») or run on (« conseill… »): the reader adds the boundary.
"""

from __future__ import annotations

# The few adjectives French puts before the noun (« quel est le nouveau loyer »), any of them plural.
PRENOMINAL_ADJECTIVES = (
    r"(?:nouvel|nouvelle|nouveau|nouveaux|ancien|ancienne|futur|future|premier|premiere|dernier|derniere|seul|seule"
    r"|vrai|vraie|veritable|gros|grosse|grand|grande|petit|petite|meilleur|meilleure|prochain|prochaine|autre)"
)
# An amount: the first words match as prefixes (« coûts », « tarification »), the others as whole words.
AMOUNT_NOUNS = (
    r"(?:montant|prix|somme|cout|tarif|taux|part|pourcentage|niveau|subvention|budget|duree|superficie|surface"
    r"|loyer|indemnite|redevance|valeur|enveloppe|(?:deficit|excedent|aide|remuneration|salaire|provision|produit"
    r"|complement|dotation|contribution|cotisation|recette|depense|emprunt|dette|frais|honoraires|mise\s+a\s+prix"
    r"|plafond|remise|amende|penalite|prime|gratification|surtaxe|caution|avance)s?\b)"
)
# An amount that is no sum of money (« quel taux », « quelle superficie »), as whole words.
MEASURE_NOUNS = r"(?:taux|pourcentage|part|niveau|duree|superficie|surface|hauteur|longueur|distance|temps)"
COUNT_NOUNS = r"(?:nombre|effectif|cap)"
DATE_NOUNS = r"(?:date|jour|semaine|mois|trimestre|semestre|annee|exercice|rentree|periode|seance|echeance)"
PERSON_NOUNS = (
    r"(?:elue?s?|conseill\w*|adjointe?s?|maire|rapporteur|personne|agent|candidat\w*|representant\w*|delegue\w*"
    r"|president\w*|titulaire|suppleant\w*)"
)
ORGANISATION_NOUNS = (
    r"(?:entreprise|societe|association|prestataire|cabinet|organisme|bureau|structure|operateur|attributaire|ville"
    r"|commune|syndicat|etablissement|partenaire|fournisseur|exploitant|delegataire|concessionnaire|maitre\s+d'oeuvre"
    r"|maitrise\s+d'oeuvre|architecte|equipe|compagnie|banque|groupement|bailleur|assureur|constructeur|promoteur"
    r"|amenageur|transporteur|laboratoire|agence|federation|club|collectivite|candidat|titulaire|laureat)"
)
PLACE_NOUNS = r"(?:lieu|endroit|site|parcelle|terrain|rue|quartier|salle|secteur|zone|batiment)"
DECISION_NOUNS = r"(?:avis|position|decision|suite|issue|sort|reponse|choix)"
REASON_NOUNS = r"(?:raison|motif|justification)"
# The verbs a yes/no question asks whether something was agreed to with (« a-t-il été adopté », « a-t-elle accepté »),
# as stems (the reader adds the ending).
AGREEMENT_VERBS = r"(?:adopt|approuv|accept|rejet|refus|autoris|vot|accord|valid|retenu|obtenu)"
