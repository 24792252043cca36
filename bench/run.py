"""`make bench`: ingestion, OCR, search and answer benchmarks in one run, on the configured database.

The full corpus is ingested first if it is not yet (idempotent; long the first time).
Results are printed and written to bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("COUNCIL_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--questions", type=Path, default=REPO.parent / "shared" / "eval" / "dev_questions.jsonl")
    parser.add_argument("--only", nargs="*", default=["ingestion", "ocr", "search", "engines", "qa", "pages"])
    parser.add_argument("--ocr-pages", type=int, default=12)
    # The engines' part (bench/engine_bench.py): nodes already running, e.g. started from tools/opensearch and
    # tools/elasticsearch; without any URL that part says it was not run.
    parser.add_argument("--engine-rows", type=int, default=1_000_000)
    parser.add_argument("--opensearch-url")
    parser.add_argument("--elasticsearch-url")
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results" / "latest.json")
    args = parser.parse_args()
    if not (args.corpus / "manifest.csv").exists():
        sys.exit(f"Corpus introuvable : {args.corpus} (COUNCIL_CORPUS)")

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    results: dict = {"started": time.strftime("%Y-%m-%d %H:%M:%S"), "cpu_count": os.cpu_count()}
    results["corpus_ingest"] = _corpus_ensure(corpus=args.corpus)
    if "ingestion" in args.only:
        from bench.ingest_bench import ingestion_benchmark

        results["ingestion"] = _report("ingestion", ingestion_benchmark(corpus=args.corpus))
    if "ocr" in args.only:
        from bench.ocr_bench import ocr_benchmark

        results["ocr"] = _report("ocr", ocr_benchmark(corpus=args.corpus, pages=args.ocr_pages))
    if "search" in args.only:
        from bench.search_bench import search_benchmark

        results["search"] = _report("search", search_benchmark(questions=args.questions, corpus=args.corpus))
    if "engines" in args.only:
        engines = {name: url for name, url in (("opensearch", args.opensearch_url), ("elasticsearch", args.elasticsearch_url)) if url}
        if engines:
            from bench.engine_bench import engine_benchmark, summary_print

            report = engine_benchmark(questions=args.questions, corpus=args.corpus, rows=args.engine_rows, engines=engines)
            results["engines"] = _report("engines", report)
            if "summary" in report:
                summary_print(report)
        else:
            results["engines"] = _report("engines", {"not_run": "no --opensearch-url nor --elasticsearch-url given"})
    if "qa" in args.only:
        from bench.qa_bench import qa_benchmark

        results["qa"] = _report("qa", qa_benchmark(questions=args.questions))
    if "pages" in args.only:
        from bench.pages_bench import pages_benchmark, table

        report = pages_benchmark(questions=args.questions)
        results["pages"] = _report("pages", report)
        print(table(report))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str))
    print(f"\nRésultats : {args.output}")


def _corpus_ensure(*, corpus: Path) -> dict:
    """The whole corpus, published, so that search and answers are measured at full size."""
    from ingestion.batch import files_ingest, manifest_read, source_files_collect

    report = files_ingest(
        files=source_files_collect(paths=[corpus]),
        manifest=manifest_read(path=corpus / "manifest.csv"),
        publish=True,
        # A benchmark measures search and answers over the whole public corpus, not its review.
        privacy_reviewed_by="banc d'essai : corpus public de référence",
        eager=True,
        on_progress=lambda message: print(message, flush=True) if "déjà" not in message else None,
    )
    return {"ready": report.ready, "new": report.created, "failed": len(report.failed), "seconds": report.seconds}


def _report(name: str, values: dict) -> dict:
    print(f"\n== {name}")
    for key, value in values.items():
        if isinstance(value, float):
            print(f"  {key}: {value:.3f}")
        elif not isinstance(value, (list, dict)):
            print(f"  {key}: {value}")
        else:
            print(f"  {key}: {json.dumps(value, ensure_ascii=False, default=str)[:400]}")
    return values


if __name__ == "__main__":
    main()
