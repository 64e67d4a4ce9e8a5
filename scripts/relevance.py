"""Print nDCG@10 and recall@10 of the judged queries (tests/relevance/queries.json): govdoc on each
backend, and a stock BM25-OR engine (govdoc.eval.baseline) on the same letters, in the same run.

    .venv/bin/python scripts/relevance.py [--per-query] [--queries q37-q78] [--no-bodies]

Parses the judged corpus (govdoc.eval.relevance.CORPUS_FOLDERS under corpora/), indexes each letter
with its normalized text (``--no-bodies``: the JSON alone) into a fresh embedded index, and into
Elasticsearch too when GOVDOC_ES_URL is set.  ``--queries FROM-TO`` scores a range of query ids only
(e.g. the queries held out while the ranker was tuned).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JUDGMENTS = ROOT / "tests" / "relevance" / "queries.json"


def backends(data_dir: str):
    from govdoc.index.backends import open_backend

    yield open_backend("sqlite", data_dir)
    if os.environ.get("GOVDOC_ES_URL"):
        yield open_backend("elasticsearch", data_dir, es_url=os.environ["GOVDOC_ES_URL"],
                           api_key=os.environ.get("GOVDOC_ES_API_KEY"), index=f"govdoc-relevance-{uuid.uuid4().hex[:8]}")


def in_range(judged_id: str, spec: str | None) -> bool:
    if not spec:
        return True
    low, _, high = spec.partition("-")
    number = lambda q: int(re.sub(r"\D", "", q) or 0)  # noqa: E731
    return number(low) <= number(judged_id) <= number(high or low)


def report(name: str, result: dict, per_query: bool) -> None:
    if per_query:
        for s in result["queries"]:
            print(f"  {name:13} {s.id} ndcg={s.ndcg:.3f} recall={s.recall:.3f} {s.query!r} → {s.ranked[:5]}")
    print(f"{name:13} nDCG@10={result['ndcg']:.3f} recall@10={result['recall']:.3f}")


def main() -> int:
    from govdoc.eval.baseline import Bm25Baseline
    from govdoc.eval.relevance import evaluate, load_judgments, parse_corpus
    from govdoc.index.records import BODY_KEY

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-query", action="store_true", help="print each query's scores and ranking")
    parser.add_argument("--no-bodies", action="store_true", help="index the JSON alone, without letter text")
    parser.add_argument("--queries", help="score only the query ids in this range, e.g. q37-q78")
    args = parser.parse_args()
    judgments = [j for j in load_judgments(JUDGMENTS) if in_range(j.id, args.queries)]
    letters, stems = parse_corpus(ROOT / "corpora")
    indexed = [{k: v for k, v in letter.items() if k != BODY_KEY} for letter in letters] if args.no_bodies else letters
    print(f"{len(judgments)} judged queries over {len(letters)} letters")
    report("bm25-or", evaluate(Bm25Baseline(letters), judgments, stems), args.per_query)
    with tempfile.TemporaryDirectory() as data:
        for backend in backends(data):
            with backend:
                backend.clear()
                backend.index(indexed)
                report(backend.name, evaluate(backend, judgments, stems), args.per_query)
                if backend.name == "elasticsearch":
                    getattr(backend, "drop", backend.clear)()
    return 0


if __name__ == "__main__":
    sys.exit(main())
