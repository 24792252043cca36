"""French stop words: three lists for three uses, each named for what it leaves out.

They differ on purpose and are not merged: `STOP_WORDS` is folded and long (answer scoring),
`QUESTION_WORDS` only adds to PostgreSQL's own French list, `FUNCTION_WORDS` keeps its accents
and only names grammar words (the embedding reads everything else).
"""

from __future__ import annotations

# Words that say nothing about a question's subject, accents folded (`french.folding.fold`):
# articles, pronouns, prepositions, conjunctions, auxiliaries, question words, « élu ».
STOP_WORDS = frozenset(
    """
    a afin ai aie ainsi al alors apres au aucun aucune aupres aussi autre autres aux avait avaient avant avec avoir
    c ca car ce ceci cela celle celles celui cependant ces cet cette ceux chaque chez ci comme comment combien
    d dans de depuis des deja desormais donc dont du e elle elles en encore entre est et etaient etait etant ete
    etre eu eux fait faire fut il ils j je jusqu jusque l la laquelle le lequel les lesquelles lesquels leur
    leurs lors lorsqu lorsque lui m ma mais me meme memes mes moi mon n ne ni non nos notre nous on ont ou par
    parce pas peu peut plus pour pourquoi quand que quel quelle quelles quels qu qui quoi s sa sans se selon
    ses si son sont sous sur t ta te tes toi ton tous tout toute toutes tres tu un une unes uns vers vos votre
    vous y elu elus elue elues
    """.split()
)

# French stop words that the unaccent step hides from PostgreSQL's snowball list (« à » becomes « a »),
# and the words of a question that say nothing about its subject: lexemes, accents folded.
QUESTION_WORDS = frozenset(
    """
    a ou la deja meme tres etc ete etre etait etaient ca cela ceci celle celui ceux quel quelle quels quelles
    combien comment pourquoi quand qui quoi lequel laquelle lesquels lesquelles dont est sont
    """.split()
)

# Function words (articles, prepositions, pronouns, auxiliaries), lowercase with their accents: a question
# needs them, its meaning does not.
FUNCTION_WORDS = frozenset(
    """
    le la les l un une des du de d au aux à a et ou en dans par pour sur avec sans sous chez que qu qui quoi dont
    ce cet cette ces se s sa son ses leur leurs il elle ils elles on y ne n pas est sont ont été être était
    """.split()
)

# Possessive and demonstrative determiners, lowercase: the first word of a thing's name, never of a person's
# (« Notre Dame de Bonne Nouvelle », a school).
DETERMINERS = frozenset("mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces".split())
