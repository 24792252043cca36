"""Civilités (« M. », « Mme », « Monsieur »…) as regex alternations: three sets, from narrowest to broadest.

No set holds a group; each is wrapped in (?:…) so it can be followed by a quantifier or a name pattern.
The sets differ on purpose; a parser that moves to a broader one changes what it reads.
"""

from __future__ import annotations

# The title before one person's name, as a speaker, rapporteur or voter is printed (« M. PAPIN », « Madame
# BOURBIER »), plus « MM. » (« MM. X et Y »). No alternative is a prefix of another: order does not matter.
CIVILITE = r"(?:M\.|MM\.|Mme|Mlle|Monsieur|Madame|Mademoiselle)"

# `CIVILITE` plus the plural and all-capitals forms of attendance lists (« Mmes », « MME », « Messieurs »).
# Longer forms come before their prefixes (« MMES » before « MME »): a pattern that may follow the title
# with an uppercase letter would otherwise take « MME » from « MMES DUPONT ».
CIVILITE_IN_LISTS = r"(?:M\.|MM\.|MMES|MME|Mmes|Mme|Mlle|Monsieur|Madame|Mademoiselle|Messieurs|Mesdames)"

# Every title that may stand before a private person's name: `CIVILITE_IN_LISTS` plus « Melle », « Mr »,
# « Maître », « Me », « Docteur », « Dr », and the titles spelt in lowercase inside a sentence, as some minutes print
# them (« le vitrailliste, monsieur FERBER, facturera »). Broad on purpose: a name missed is a name published.
CIVILITE_BROAD = (
    r"(?:Monsieur|Madame|Mademoiselle|Messieurs|Mesdames|Mme|Mmes|MME|MMES|Mlle|Melle|MM\.|Mr\.?|M\."
    r"|Maître|Me|Docteur|Dr\.?|monsieur|madame|mademoiselle|messieurs|mesdames)"
)

# The functions of the staff of a commune or a body, printed after a name (« Madame LEFEVRE – Directrice de l’Office
# de Tourisme », « Myriam X, directrice générale des services »): an employee, not an elected member. No group.
STAFF_FUNCTION = (
    r"(?:directeur|directrice|DGS|DGA|secrétaire\s+de\s+mairie|secrétaire\s+générale?|responsable"
    r"|chargée?\s+de\s+mission|agent|technicienne?|cheffe?\s+de\s+service|attachée?|rédact(?:eur|rice))"
)
# Right after a name: a comma or a dash, then such a function (any case), the line may break before it.
STAFF_FUNCTION_AFTER = rf"[ \t]*(?:,|[ \t][–—-])[ \t]*\n?[ \t]*(?i:{STAFF_FUNCTION})\b"
