"""french.folding: `fold` may change the length, `fold_keep_offsets` never does."""

from __future__ import annotations

from french.folding import fold, fold_keep_offsets

# aiglun_regardscitoyens/pdf/CR CM 19122013.pdf, page 2
GOUVERNANCE = "• une nouvelle gouvernance à mettre en œuvre suite à la départementalisation et à la disparition des syndicats "
# aiglun_regardscitoyens/pdf/CR CM 19122013.pdf, page 4
ECHEANCIER = "situations dans chaque unité de travail et d’un échéancier prévisionnel pour les mesures à mettre en œuvre pour "
# aiglun_regardscitoyens/pdf/CR CM 19122013.pdf, page 6
VOEUX = "- 05.01 à 18h00 – Vœux BRAS-d’ASSE "


def test_fold_opens_ligatures_and_drops_accents():
    folded = fold(GOUVERNANCE)
    assert "a mettre en oeuvre suite a la departementalisation" in folded
    assert len(folded) == len(GOUVERNANCE) + 1  # « œ » became « oe »
    assert fold(VOEUX) == "- 05.01 a 18h00 – voeux bras-d’asse "


def test_fold_leaves_the_typographic_apostrophe():
    assert "d’un echeancier previsionnel" in fold(ECHEANCIER)


def test_fold_keep_offsets_keeps_length_and_offsets():
    for line in (GOUVERNANCE, ECHEANCIER, VOEUX):
        assert len(fold_keep_offsets(line)) == len(line)
    folded = fold_keep_offsets(GOUVERNANCE)
    start = folded.index("departementalisation")
    assert GOUVERNANCE[start:start + len("départementalisation")] == "départementalisation"
    # The ligature stays: opening it would shift every offset after it.
    assert "en œuvre" in folded


def test_fold_keep_offsets_straightens_apostrophes_and_lowers():
    assert fold_keep_offsets(VOEUX) == "- 05.01 a 18h00 – vœux bras-d'asse "
    assert "d'un echeancier previsionnel" in fold_keep_offsets(ECHEANCIER)
