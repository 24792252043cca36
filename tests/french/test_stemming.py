"""french.stemming: Snowball French stems, the same for a word's inflections."""

from __future__ import annotations

import re

from french.folding import fold
from french.stemming import stem, stems

# chemere_regardscitoyens/pdf/CM 19 avril 2011.pdf, page 8
ZONES = "La restitution de l’inventaire des zones humides a été faite lors de cette deuxième réunion. "
# chemere_regardscitoyens/pdf/CM 12 octobre 2011.pdf, page 2
DELIBERER = "délibérer dans un deuxième temps. "


def test_inflections_share_a_stem():
    words = re.findall(r"\w+", fold(ZONES))
    stemmed = dict(zip(words, stems(words)))
    assert stemmed["zones"] == stem("zone") == "zon"
    assert stemmed["humides"] == stem("humide")
    assert stemmed["reunion"] == stem("reunions")
    assert stem(fold(DELIBERER).split()[0]) == stem("deliberations") == "deliber"


def test_stems_keep_order_and_length():
    words = fold(DELIBERER).split()
    assert stems(words) == [stem(word) for word in words]
    assert len(stems(words)) == len(words)
