"""Accuracy of the ACTES classification of objets (`council.matieres`) on hand-labelled samples.

Two label files, the objets themselves staying in the corpus (read from there, never copied):
- `bench/data/actes_sample.csv` (source, key, code, note): 100 objets of Montpellier's ground truth, 50 of
  Chéméré's, 50 of Saint-Étienne Métropole's SCDL file. The vocabulary was first written from the nomenclature
  alone, then completed from the misses of Montpellier and Chéméré: these figures are in-sample.
- `bench/data/actes_sample_unseen.csv` (source, document, position, code, note): 50 délibérations of Pierrefonds,
  50 of Couthenans, 24 of Roannais Agglomération and 17 of Preuilly-sur-Claise, as the parser reads their objets
  from the minutes (text-layer PDFs), labelled after the vocabulary was written and never used to change it: the
  figures that tell how it does on a new town.

Each label was given by a reader from the objet alone; 39 of the new towns' labels name another code the reader held
acceptable too (« alt 5.7 » in the note: an objet that fits two thèmes), counted in « ou alt. » beside the strict
figure. « assuré » is the share of objets the classifier names with an act (what ingestion stores,
`Classification.confident`) and « juste si assuré » its level-1 precision there.

    python bench/matieres.py [--corpus ../shared/corpus] [--errors]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from council.matieres import matiere_classify, theme_of  # noqa: E402
from ingestion.cleaning import pages_clean  # noqa: E402
from ingestion.extraction import pdf_pages_extract  # noqa: E402
from ingestion.parsing import minutes_parse  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def _sample_objets(corpus: Path) -> dict[tuple[str, str], str]:
    """(source, key) → objet, as `actes_sample.csv` names them."""
    objets = {}
    truth = corpus / "ground_truth"
    with open(truth / "montpellier_2012-2013_deliberations_cleaned.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            objets[("montpellier", row["POSEIDON_ID"])] = row["DELIB_OBJET"]
    with open(truth / "chemere_2004-2015_deliberations_from_PVs_data.csv", encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            objets[("chemere", str(number))] = row["titre"]
    seen: Counter = Counter()
    path = corpus / "scdl_deliberations" / "saint_etienne_metropole" / "deliberations-metropole-saint-etienne.csv"
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            seen[row["DELIB_ID"]] += 1
            key = row["DELIB_ID"] if seen[row["DELIB_ID"]] == 1 else f"{row['DELIB_ID']}#{seen[row['DELIB_ID']]}"
            objets[("saint_etienne", key)] = row["DELIB_OBJET"]
    return objets


def _parsed_objets(corpus: Path, documents: set[str]) -> dict[tuple[str, str], str]:
    """(document, position) → objet, as ingestion's parser reads them from the text layer."""
    objets = {}
    for document in sorted(documents):
        pages = pdf_pages_extract(path=corpus / document)
        parsed = minutes_parse(pages=pages_clean([page.text for page in pages]), filename=Path(document).name)
        for position, deliberation in enumerate(parsed.deliberations):
            objets[(document, str(position))] = deliberation.objet
    return objets


def _labelled(corpus: Path) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    """(set, source, objet, code, alternatives) for every labelled objet that has a code."""
    rows = []
    objets = _sample_objets(corpus)
    with open(DATA / "actes_sample.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["code"]:
                rows.append(("en échantillon", row["source"], objets[(row["source"], row["key"])], row["code"], ()))
    with open(DATA / "actes_sample_unseen.csv", encoding="utf-8") as handle:
        unseen = [row for row in csv.DictReader(handle) if row["code"]]
    parsed = _parsed_objets(corpus, {row["document"] for row in unseen})
    rows += [("nouvelles", row["source"], parsed[(row["document"], row["position"])], row["code"], _alternatives(row["note"]))
             for row in unseen]
    return rows


def _alternatives(note: str) -> tuple[str, ...]:
    """The other codes a label's reader held as acceptable (« alt 5.7 » in its note): ambiguous objets."""
    return tuple(re.findall(r"\balt\s+(\d+(?:\.\d+)?)", note))


def matieres_measure(*, corpus: Path, errors: bool = False) -> dict[tuple[str, str], dict[str, float]]:
    scores: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for group, source, objet, code, alternatives in _labelled(corpus):
        found = matiere_classify(objet)
        right = theme_of(found.code) == theme_of(code)
        score = scores[(group, source)]
        score["n"] += 1
        score["theme"] += right
        score["theme_or_alternative"] += right or any(theme_of(found.code) == theme_of(a) for a in alternatives)
        score["matiere"] += found.code == code
        score["confident"] += found.confident
        score["confident_right"] += found.confident and right
        if errors and not right:
            print(f"{source:14} {code:5} ← {found.code or '—':5} {objet[:110]}")
    return {
        key: {
            "n": s["n"], "theme": s["theme"] / s["n"], "matiere": s["matiere"] / s["n"],
            "theme_or_alternative": s["theme_or_alternative"] / s["n"],
            "confident": s["confident"] / s["n"],
            "confident_precision": s["confident_right"] / s["confident"] if s["confident"] else 0.0,
        }
        for key, s in sorted(scores.items())
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("COUNCIL_CORPUS", "../shared/corpus")))
    parser.add_argument("--errors", action="store_true", help="print the objets classed under another level 1")
    args = parser.parse_args()
    results = matieres_measure(corpus=args.corpus, errors=args.errors)
    print(f"{'objets':15} {'collectivité':22} {'n':>4} {'niveau 1':>9} {'ou alt.':>8} {'niveau 2':>9} {'assuré':>7} "
          f"{'juste si assuré':>16}")
    for (group, source), r in results.items():
        print(f"{group:15} {source:22} {r['n']:4} {r['theme']:9.3f} {r['theme_or_alternative']:8.3f} {r['matiere']:9.3f} "
              f"{r['confident']:7.3f} {r['confident_precision']:16.3f}")


if __name__ == "__main__":
    main()
