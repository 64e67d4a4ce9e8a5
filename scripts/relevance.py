"""Print nDCG@10 and recall@10 of the judged queries (tests/relevance/queries.json) per backend.

    .venv/bin/python scripts/relevance.py [--per-query]

Parses the bundled corpus (corpora/seed, corpora/real), indexes it into a fresh embedded index, and
into Elasticsearch too when GOVDOC_ES_URL is set.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ("seed", "real")  # the letters the judgments cover
JUDGMENTS = ROOT / "tests" / "relevance" / "queries.json"


def parse_corpus() -> tuple[list[dict], dict[str, str]]:
    from govdoc.build import parse_path
    from govdoc.index.base import letter_id

    letters, stems = [], {}
    for path in sorted(p for folder in CORPUS for p in (ROOT / "corpora" / folder).glob("*.txt")):
        reply = parse_path(path).model_dump(mode="json")
        letters.append(reply)
        stems[letter_id(reply)] = path.stem
    return letters, stems


def backends(data_dir: str):
    from govdoc.index.backends import open_backend

    yield open_backend("sqlite", data_dir)
    if os.environ.get("GOVDOC_ES_URL"):
        yield open_backend("elasticsearch", data_dir, es_url=os.environ["GOVDOC_ES_URL"],
                           api_key=os.environ.get("GOVDOC_ES_API_KEY"), index=f"govdoc-relevance-{uuid.uuid4().hex[:8]}")


def main() -> int:
    from govdoc.search.relevance import evaluate, load_judgments

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-query", action="store_true", help="print each query's scores and ranking")
    args = parser.parse_args()
    judgments = load_judgments(JUDGMENTS)
    letters, stems = parse_corpus()
    print(f"{len(judgments)} judged queries over {len(letters)} letters")
    with tempfile.TemporaryDirectory() as data:
        for backend in backends(data):
            with backend:
                backend.clear()
                backend.index(letters)
                result = evaluate(backend, judgments, stems)
                if args.per_query:
                    for s in result["queries"]:
                        print(f"  {backend.name:13} {s.id} ndcg={s.ndcg:.3f} recall={s.recall:.3f} {s.query!r} → {s.ranked[:5]}")
                print(f"{backend.name:13} nDCG@10={result['ndcg']:.3f} recall@10={result['recall']:.3f}")
                if backend.name == "elasticsearch":
                    backend.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
