"""vote_parse on real lines copied from the corpus (source file in a comment above each)."""

from __future__ import annotations

import pytest

from ingestion.parsing.votes import vote_names_find, vote_parse, voters_find


def _counts(text: str, **kwargs) -> tuple:
    vote = vote_parse(text, **kwargs)
    return vote.votes_for, vote.votes_against, vote.votes_abstention, vote.outcome


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # montpellier_opendata/comptes_rendus/CR_CM_07_02_2011.pdf
        ("Pour : 58 \nContre : 1 (M. Viguié) \nAdopté à la majorité", (58, 1, None, "adopted")),
        # chemere_regardscitoyens/pdf/CM 24 février 2015.pdf
        ("Par 15 voix « Pour », 1 voix « Contre » et 3 voix « Abstention », le \nmontant", (15, 1, 3, "adopted")),
        # couthenans/CR_reunion_20210604.pdf
        ("Voter pour donner aux associations qui ont fait la demande cette année : Vote : 14 pour / 0 contre / 0 abstention  adopté", (14, 0, 0, "adopted")),
        # preuilly_sur_claise/PV.pdf
        ("Le Conseil Municipal après en avoir délibéré,\nPar 13 voix POUR – 1 voix CONTRE\nACCEPTE les tarifs", (13, 1, None, "adopted")),
        ("Par : DEUX voix POUR - ONZE voix CONTRE et 1 ABSTENTION\n- DE DONNER UN AVIS DEFAVORABLE", (2, 11, 1, "rejected")),
        # roannais_agglomeration/example.pdf
        ("Le Conseil communautaire, après en avoir délibéré, avec 76 voix pour, 0 contre et 2 abstentions :", (76, 0, 2, "adopted")),
        # montpellier_opendata/deliberations_2013/2013_02_04/2013-02-04-0000061086.pdf
        ("Le Conseil adopte. \n Pour extrait conforme, Madame le Maire \nHélène MANDROUX", (None, None, None, "adopted")),
        # couthenans/CR_conseil_municipal_24_02_2023.pdf
        ("2 votes contre 1 abstention 9 votes pour", (9, 2, 1, "adopted")),
        # couthenans/CR_reunion_20210129.pdf
        ("ADOPTÉ 9 voix pour, 5 abstentions.", (9, None, 5, "adopted")),
        # chemere_regardscitoyens/pdf/CM 19 novembre 2013.pdf
        ("Par 3 voix « Pour », 7 voix « Contre » et 3 « Abstention », le Conseil municipal, après en \navoir délibéré, décide à la majorité des membres présents de ne pas répondre", (3, 7, 3, "rejected")),
        # chemere_regardscitoyens/pdf/CM 24 février 2015.pdf: « une » written out
        ("par 18 \nvoix « Pour » et une « Abstention », décide à la majorité des membres présents", (18, None, 1, "adopted")),
    ],
)
def test_vote_counts(text, expected):
    assert _counts(text) == expected


def test_names_count_when_no_number_is_printed():
    # pierrefonds_mymairie/20250306-PV.pdf
    text = (
        "Le Conseil Municipal, après en avoir délibéré, à la majorité :\n"
        "- CHARGE et DÉLÈGUE Madame le maire aux fins d’exécution de la présente\n"
        "Contre : M. Leblanc, M. Thuiller, Mme Debuisser et M. Papin.\n"
        "Abstention : M. Tanguy\n"
        "Monsieur Leblanc ne saisit pas le temps ponctuel."
    )
    vote = vote_parse(text)
    assert vote.names_against == ["M. Leblanc", "M. Thuiller", "Mme Debuisser", "M. Papin"]
    assert (vote.votes_for, vote.votes_against, vote.votes_abstention, vote.outcome) == (None, 4, 1, "adopted")


def test_names_after_counts_run_over_lines():
    # pierrefonds_mymairie/compte-rendu-03-12-2018.pdf
    text = (
        "Vote : \n Pour : 5, Mme HEURTAULT, M. GAUTHIER, M. FRIEDRICH, Mme SANTUNE, Mme \nSMESSAERT \n"
        " Contre : 7, M. LEBLANC, Mme BOURBIER, M. ROBERT, Mme DEMOUY, Mme \nSIGAUD, M. LAMAND, M. TANGUY \n"
    )
    vote = vote_parse(text)
    assert vote.names_for[-1] == "Mme SMESSAERT"
    assert len(vote.names_against) == 7
    assert vote.outcome == "rejected"
    assert "M. TANGUY" in vote_names_find(text)


def test_unanimity_without_count_leaves_votes_for_empty():
    # pierrefonds_mymairie/compte-rendu-15-10-2015.pdf
    vote = vote_parse("Vote : Pour à l’unanimité")
    assert vote.unanimous and vote.outcome == "adopted" and vote.votes_for is None


def test_unanimity_takes_the_number_of_voters_when_known():
    # chemere_regardscitoyens/pdf/CM 13 mai 2014.pdf
    assert vote_parse("décide à l’unanimité des membres présents :", voters=19).votes_for == 19
    assert vote_parse("Votants : 14\nLe conseil décide à l’unanimité").votes_for == 14


def test_voters_header_is_not_a_vote():
    # chemere_regardscitoyens/pdf/CM 10 juillet 2012.pdf
    header = "Nombre de Conseillers\nen exercice : 17\nPrésents : 12\nVotants : 15\nProcurations : 3\n"
    assert _counts(header) == (None, None, None, "unknown")
    assert voters_find(header) == 15
    assert voters_find("Présents : 12\nProcurations : 3") == 15


def test_quoted_rule_is_not_a_unanimous_vote():
    # roannais_agglomeration/example.pdf
    vote = vote_parse("le conseil municipal peut décider, à l'unanimité, de ne pas procéder au scrutin secret aux nominations")
    assert not vote.unanimous and vote.outcome == "unknown"


def test_last_vote_decides():
    # montpellier_opendata/proces_verbaux/PV_CM_24_04_2014.pdf: the speech, then the printed block
    text = (
        "Je mets aux voix. Qui est contre ? Qui s'abstient ? Adopté. A l'unanimité moins une abstention, c'est-à-dire à \n"
        "l'unanimité des exprimés.\nPour : 64\nContre : \nAbstentions : 1\nAdopté à l'unanimité."
    )
    assert _counts(text) == (64, 0, 1, "adopted")


def test_labels_before_their_numbers_in_a_row():
    # The demo's own minutes (ingestion/sample.py), as issue 16 quotes them, and the same order with commas.
    vote = vote_parse("Vote : pour 28 ; contre 0 ; abstention 0.")
    assert (vote.votes_for, vote.votes_against, vote.votes_abstention, vote.outcome) == (28, 0, 0, "adopted")
    vote = vote_parse("Pour 15, Contre 2, Abstention 1")
    assert (vote.votes_for, vote.votes_against, vote.votes_abstention) == (15, 2, 1)
    # A label and a number that are not a tally.
    vote = vote_parse("une convention conclue pour 2 ans, contre 3 auparavant")
    assert (vote.votes_for, vote.votes_against) == (None, None)


def test_a_vote_form_left_blank_is_no_vote():
    # montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf, p. 105: the form printed, never filled in.
    text = (
        "- D’autoriser Madame le Maire, ou à défaut l’Adjoint délégué, à signer tous les documents\n"
        "relatifs à cette affaire.\nPour :\nContre :\nAbstention :\nAdopté à\n-------------"
    )
    assert _counts(text)[:3] == (None, None, None)
    # A blank label beside a printed count still means nobody.
    # montpellier_opendata/proces_verbaux/PV_CM_24_04_2014.pdf
    assert _counts("Pour : 64\nContre :\nAbstentions : 1\nAdopté à l’unanimité.")[:3] == (64, 0, 1)
