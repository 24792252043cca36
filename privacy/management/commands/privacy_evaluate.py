"""`manage.py privacy_evaluate`: pseudonymisation against the labelled mentions, leave-one-collectivité-out."""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Rappel sur les personnes privées et précision des masques, par type et par collectivité (LOCO)."

    def add_arguments(self, parser):
        default_corpus = os.environ.get("COUNCIL_CORPUS", str(Path(settings.BASE_DIR).parent / "shared" / "corpus"))
        parser.add_argument("--corpus", type=Path, default=Path(default_corpus))
        parser.add_argument("--labels", type=Path, nargs="+", default=None,
                            help="fichier(s) JSONL des mentions étiquetées, mis en commun (une mention étiquetée deux "
                                 "fois compte une fois)")
        parser.add_argument("--cache", type=Path, default=None, help="dossier où garder le texte extrait des PDF")
        parser.add_argument("--ocr", action="store_true",
                            help="lit les pages scannées par OCR, comme l'ingestion (sinon elles restent vides)")
        parser.add_argument("--in-sample", action="store_true", help="aussi le score appris sur toutes les étiquettes")
        parser.add_argument("--only", nargs="*", default=None, help="collectivités à évaluer (noms exacts)")
        parser.add_argument("--failures", action="store_true", help="liste les mentions manquées et les masques en trop")
        parser.add_argument("--json", type=Path, default=None, help="écrit les scores dans ce fichier")
        parser.add_argument("--masks", type=Path, default=None,
                            help="écrit chaque masque posé sur la couche texte des PDF du corpus (avec --ocr, sur leurs "
                                 "pages scannées aussi) dans ce fichier JSONL")
        parser.add_argument("--compare", nargs=2, type=Path, default=None, metavar=("AVANT", "APRÈS"),
                            help="liste les masques ajoutés et levés entre deux fichiers écrits par --masks")
        parser.add_argument("--audit", nargs="?", type=Path, const=True, default=None,
                            help="score plutôt l'audit des masques des pages qu'aucun jeu n'étiquette "
                                 "(tests/fixtures/privacy_mask_audit.jsonl, ou ce fichier)")

    def handle(self, *args, **options):
        from bench.privacy_eval import (
            AUDIT,
            RANDOM_PAGES,
            LABELS,
            audit,
            audit_format,
            corpus_masks,
            evaluate,
            labels_load,
            masks_compare,
            masks_compare_format,
            pages_read_load,
            report_format,
        )

        if options["compare"]:
            before, after = ([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
                             for path in options["compare"])
            self.stdout.write(masks_compare_format(masks_compare(before, after)))
            return
        if options["masks"]:
            count = 0
            with options["masks"].open("w", encoding="utf-8") as handle:
                for mask in corpus_masks(corpus=options["corpus"], cache=options["cache"], ocr=options["ocr"]):
                    handle.write(json.dumps(mask, ensure_ascii=False) + "\n")
                    count += 1
            self.stdout.write(f"{count} masques écrits dans {options['masks']}")
            return
        if options["audit"]:
            labels = labels_load(AUDIT if options["audit"] is True else options["audit"])
            results = audit(labels=labels, corpus=options["corpus"], cache=options["cache"])
            self.stdout.write(audit_format(results, title=f"== audit des masques ({len(labels)} masques étiquetés)"))
            read = pages_read_load()
            recall = evaluate(labels=labels_load(RANDOM_PAGES), corpus=options["corpus"], cache=options["cache"], ocr=True,
                              loco=False)["ALL"]
            self.stdout.write(f"rappel des personnes privées sur {len(read)} pages tirées au hasard et lues en entier "
                              f"({sum(1 for page in read if page['private'])} en nomment) : "
                              f"{recall.recall.hits}/{recall.recall.total}")
            if options["failures"]:
                self.stdout.write("\n".join(results["ALL"].failures + [f"unaudited {line}" for line in results["ALL"].unaudited]
                                            + [line for line in recall.failures if line.startswith("missed")]))
            return
        labels = labels_load(*(options["labels"] or [LABELS]))
        common = {"labels": labels, "corpus": options["corpus"], "cache": options["cache"], "ocr": options["ocr"],
                  "only": options["only"]}
        runs = {"LOCO": evaluate(loco=True, **common)}
        if options["in_sample"]:
            runs["in-sample"] = evaluate(loco=False, **common)
        for name, results in runs.items():
            self.stdout.write(report_format(results, title=f"== {name} ({len(labels)} mentions étiquetées)"))
            if options["failures"]:
                self.stdout.write("\n".join(results["ALL"].failures))
        if options["json"]:
            options["json"].write_text(json.dumps({
                name: {collectivite: {metric: {"hits": getattr(scores, metric).hits, "total": getattr(scores, metric).total}
                                      for metric in ("recall", "address_recall", "precision", "official_kept", "not_person_kept")}
                       for collectivite, scores in results.items()}
                for name, results in runs.items()
            }, indent=1, ensure_ascii=False))
