"""Accuracy of the ACTES classification of objets (`council.matieres`) on hand-labelled samples.

Four label files, the objets themselves staying in the corpus (read from there, never copied):
- `bench/data/actes_sample.csv` (source, key, code, note): 100 objets of Montpellier's ground truth, 50 of
  Chéméré's, 50 of Saint-Étienne Métropole's SCDL file. The vocabulary was first written from the nomenclature
  alone, then completed from the misses of Montpellier and Chéméré: these figures are in-sample.
- `bench/data/actes_sample_unseen.csv` (source, document, position, code, note): 50 délibérations of Pierrefonds
  (15 of them of the CC des Lisières de l'Oise), 50 of Couthenans, 24 of Roannais Agglomération and 17 of
  Preuilly-sur-Claise, as the parser reads their objets from the minutes (text-layer PDFs), labelled after the vocabulary was written and never used to change it: the
  figures that tell how it does on a new town.
- `bench/data/actes_sample_blind.csv` (same columns): 77 délibérations of the CC des Lisières de l'Oise and 89 of
  Aiglun (OCR), labelled after the thème model was committed, scored once with it.
- `bench/data/actes_sample_blind2.csv` (same columns): 100 more of Pierrefonds, 23 of Couthenans, 12 of Flaux (OCR),
  likewise.

Where the objet names no act, the thème model classes it (`council.matieres.ThemeModel`); every figure of the
classification is with the model fitted on the other collectivités, beside the vocabulary alone. `--train` refits
it on every label and writes `council/data/matieres.json`.

Each label was given by a reader from the objet alone; 39 of the new towns' labels name another code the reader held
acceptable too (« alt 5.7 » in the note: an objet that fits two thèmes), counted in « ou alt. » beside the strict
figure. « assuré » is the share of objets the vocabulary names with an act (`Classification.confident`) and « juste
si assuré » its level-1 precision there.

    python bench/matieres.py [--corpus ../shared/corpus] [--errors] [--train]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402
import numpy as np  # noqa: E402

django.setup()

from council.matieres import MODEL_PATH, matiere_classify, objet_features, theme_model_fit, theme_of  # noqa: E402
from ingestion.cleaning import pages_clean  # noqa: E402
from ingestion.extraction import pdf_pages_extract  # noqa: E402
from ingestion.parsing import minutes_parse  # noqa: E402
from pdf.ocr import pages_ocr  # noqa: E402
from search.embeddings import embedder_get  # noqa: E402

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


def _parsed_objets(corpus: Path, documents: set[str], cache: Path) -> dict[tuple[str, str], str]:
    """(document, position) → objet, as ingestion's parser reads them (the text layer, OCR for scanned pages; the
    OCR kept in `cache`, a first reading of a scanned town takes minutes)."""
    objets = {}
    for document in sorted(documents):
        pages = pdf_pages_extract(path=corpus / document)
        texts = [page.text if page.has_text_layer else "" for page in pages]
        scanned = [number for number, page in enumerate(pages, start=1) if not page.has_text_layer]
        if scanned:
            cached = cache / (re.sub(r"[^\w.-]+", "_", document) + ".json")
            if cached.exists():
                read = {int(number): text for number, text in json.loads(cached.read_text(encoding="utf-8")).items()}
            else:
                read = pages_ocr(path=corpus / document, page_numbers=scanned)
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps(read, ensure_ascii=False), encoding="utf-8")
            for number, text in read.items():
                texts[number - 1] = text
        parsed = minutes_parse(pages=pages_clean(texts), filename=Path(document).name)
        for position, deliberation in enumerate(parsed.deliberations):
            objets[(document, str(position))] = deliberation.objet
    return objets


def _labelled(corpus: Path, cache: Path) -> list[tuple[str, str, str, str, tuple[str, ...], str]]:
    """(set, source, objet, code, alternatives, collectivité) for every labelled objet that has a code."""
    rows = []
    objets = _sample_objets(corpus)
    with open(DATA / "actes_sample.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["code"]:
                rows.append(("en échantillon", row["source"], objets[(row["source"], row["key"])], row["code"], (),
                             row["source"]))
    for set_, name in (("nouvelles", "actes_sample_unseen.csv"), ("à l'aveugle", "actes_sample_blind.csv"),
                       ("à l'aveugle 2", "actes_sample_blind2.csv")):
        with open(DATA / name, encoding="utf-8") as handle:
            labels = [row for row in csv.DictReader(handle) if row["code"]]
        parsed = _parsed_objets(corpus, {row["document"] for row in labels}, cache)
        rows += [(set_, row["source"], parsed[(row["document"], row["position"])], row["code"],
                  _alternatives(row["note"]), _collectivite(row["source"], row["document"]))
                 for row in labels]
    return rows


def _alternatives(note: str) -> tuple[str, ...]:
    """The other codes a label's reader held as acceptable (« alt 5.7 » in its note): ambiguous objets."""
    return tuple(re.findall(r"\balt\s+(\d+(?:\.\d+)?)", note))


def _collectivite(source: str, document: str) -> str:
    """The collectivité a labelled objet comes from: the intercommunality's minutes filed beside Pierrefonds' are
    another collectivité's (left out together when the thème model is scored)."""
    return "cc_lisieres_de_l_oise" if "cc_lisieres_de_l_oise" in document else source


def _embedded(objets: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The objets' embeddings (as ingestion embeds them) and the thème model's features."""
    embeddings = embedder_get().passages_embed(objets)
    return embeddings, np.array([objet_features(objet, embedding) for objet, embedding in zip(objets, embeddings)])


def matieres_measure(*, corpus: Path, cache: Path, errors: bool = False) -> dict[tuple[str, str], dict[str, float]]:
    """Level 1 and 2 accuracy per collectivité: of the vocabulary alone, and of the classification ingestion makes
    (the vocabulary, the thème model where no act is named) with the model fitted without that collectivité."""
    labelled = _labelled(corpus, cache)
    embeddings, features = _embedded([row[2] for row in labelled])
    codes = [row[3] for row in labelled]
    groups = [row[5] for row in labelled]
    scores: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for left_out in sorted(set(groups)):
        kept = [i for i, group in enumerate(groups) if group != left_out]
        model = theme_model_fit(features=features[kept], codes=[codes[i] for i in kept], embedder=embedder_get().name)
        for i in (i for i, group in enumerate(groups) if group == left_out):
            set_, _source, objet, code, alternatives, collectivite = labelled[i]
            alone = matiere_classify(objet)
            found = matiere_classify(objet, embeddings[i], model=model)
            right = theme_of(found.code) == theme_of(code)
            score = scores[(set_, collectivite)]
            score["n"] += 1
            score["vocabulary"] += theme_of(alone.code) == theme_of(code)
            score["theme"] += right
            score["theme_or_alternative"] += right or any(theme_of(found.code) == theme_of(a) for a in alternatives)
            score["matiere"] += found.code == code
            score["confident"] += found.confident
            score["confident_right"] += found.confident and right
            if errors and not right:
                print(f"{collectivite[:14]:14} {code:5} ← {found.code or '—':5} {'assuré' if found.confident else 'appris':6} "
                      f"{objet[:100]}")
    return {
        key: {
            "n": s["n"], "vocabulary": s["vocabulary"] / s["n"], "theme": s["theme"] / s["n"],
            "matiere": s["matiere"] / s["n"], "theme_or_alternative": s["theme_or_alternative"] / s["n"],
            "confident": s["confident"] / s["n"],
            "confident_precision": s["confident_right"] / s["confident"] if s["confident"] else 0.0,
        }
        for key, s in sorted(scores.items())
    }


def model_train(*, corpus: Path, cache: Path) -> int:
    """Fit the thème model on every labelled objet and write it where ingestion reads it; the number of objets."""
    labelled = _labelled(corpus, cache)
    _embeddings, features = _embedded([row[2] for row in labelled])
    model = theme_model_fit(features=features, codes=[row[3] for row in labelled], embedder=embedder_get().name)
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    MODEL_PATH.write_text(json.dumps(model.as_json()) + "\n", encoding="utf-8")
    return len(labelled)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("COUNCIL_CORPUS", "../shared/corpus")))
    parser.add_argument("--errors", action="store_true", help="print the objets classed under another level 1")
    parser.add_argument("--ocr-cache", type=Path, default=Path(__file__).resolve().parent.parent / "var" / "cache" / "ocr",
                        help="where the OCR of scanned minutes is kept between runs")
    parser.add_argument("--train", action="store_true", help=f"fit the thème model on every label, write {MODEL_PATH.name}")
    args = parser.parse_args()
    if args.train:
        print(f"{model_train(corpus=args.corpus, cache=args.ocr_cache)} objets étiquetés : modèle écrit dans {MODEL_PATH}")
        return
    results = matieres_measure(corpus=args.corpus, cache=args.ocr_cache, errors=args.errors)
    print(f"{'objets':15} {'collectivité':22} {'n':>4} {'vocab.':>7} {'niveau 1':>9} {'ou alt.':>8} {'niveau 2':>9} "
          f"{'assuré':>7} {'juste si assuré':>16}")
    for (group, source), r in results.items():
        print(f"{group:15} {source[:22]:22} {r['n']:4} {r['vocabulary']:7.3f} {r['theme']:9.3f} "
              f"{r['theme_or_alternative']:8.3f} {r['matiere']:9.3f} {r['confident']:7.3f} {r['confident_precision']:16.3f}")
    for group in sorted({g for g, _ in results}):
        rows = [r for (g, _), r in results.items() if g == group]
        total = sum(r["n"] for r in rows)
        print(f"{group:15} {'(ensemble)':22} {total:4} "
              + " ".join(f"{sum(r[k] * r['n'] for r in rows) / total:{w}.3f}"
                         for k, w in (("vocabulary", 7), ("theme", 9), ("theme_or_alternative", 8), ("matiere", 9),
                                      ("confident", 7))))


if __name__ == "__main__":
    main()
