"""The legal forms French prints with an organisation's name (« SARL DUPONT », « GAEC DES BROSSES », « le SIVOM du
Val »): companies and professional partnerships, farms, and public bodies. A name printed with one is no person's."""

from __future__ import annotations

# The forms of one person's company, which bears its owner's name (« SASU MARCHAND Eric »).
ONE_PERSON_FORMS = ("SASU", "EURL", "EIRL", "EI")
# Companies and partnerships, farms (GAEC, EARL, SCEA), cooperatives, and the public bodies that take a form of their
# own (semi-public companies, public-interest groups, intercommunal syndicates); the one-person forms last.
LEGAL_FORMS = (
    "SARL", "SAS", "SA", "SCI", "SCP", "SNC", "SELARL", "SCM", "SCOP", "SCEA", "EARL", "GAEC",
    "SEM", "SPL", "GIP", "SIVOM", "SIVU", "SMA", "EPCI",
    *ONE_PERSON_FORMS,
)
# Any of them as a regular expression (no group; case as printed, capitals).
LEGAL_FORM = "(?:" + "|".join(LEGAL_FORMS) + ")"
ONE_PERSON_FORM = "(?:" + "|".join(ONE_PERSON_FORMS) + ")"
